"""A stand-in desktop on a private D-Bus: Mutter's IdleMonitor and org.freedesktop.ScreenSaver.

Run by tests/ui/test_activity_dbus.py as `python dbus_desktop_service.py ADDRESS`; prints
"ready" once both services are registered, and quits when told (Quit) or after a minute.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

SAVER_PATH = "/org/freedesktop/ScreenSaver"
SAVER_INTERFACE = "org.freedesktop.ScreenSaver"


@ClassInfo({"D-Bus Interface": SAVER_INTERFACE})
class ScreenSaver(QObject):
    ActiveChanged = Signal(bool)

    def __init__(self, bus: QDBusConnection, app: QCoreApplication) -> None:
        super().__init__()
        self.bus, self.app = bus, app
        self.active = False

    @Slot(result="uint")
    def GetSessionIdleTime(self) -> int:
        return 4321

    @Slot(result=bool)
    def GetActive(self) -> bool:
        return self.active

    @Slot()
    def Lock(self) -> None:
        self.active = True
        signal = QDBusMessage.createSignal(SAVER_PATH, SAVER_INTERFACE, "ActiveChanged")
        signal.setArguments([True])
        self.bus.send(signal)

    @Slot()
    def Quit(self) -> None:
        QTimer.singleShot(0, self.app.quit)


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class IdleMonitor(QObject):
    @Slot(result="qulonglong")
    def GetIdletime(self) -> int:
        return 65_000


def main() -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "desktop")
    saver = ScreenSaver(bus, app)
    monitor = IdleMonitor()
    export = QDBusConnection.RegisterOption.ExportAllSlots
    ok = (
        bus.registerService("org.freedesktop.ScreenSaver")
        and bus.registerObject(SAVER_PATH, saver, export)
        and bus.registerService("org.gnome.Mutter.IdleMonitor")
        and bus.registerObject("/org/gnome/Mutter/IdleMonitor/Core", monitor, export)
    )
    print("ready" if ok else "failed", flush=True)
    QTimer.singleShot(60_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
