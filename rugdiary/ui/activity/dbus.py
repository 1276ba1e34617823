"""Idle time and screen lock over D-Bus: GNOME's Mutter, org.freedesktop.ScreenSaver, logind."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from rugdiary.core.activity import ActivityUnavailableError, Capability

Bus = Literal["session", "system"]
Call = Callable[[Bus, str, str, str, str, Sequence[Any]], list[Any]]
"""(bus, service, path, interface, method, arguments) -> the reply's arguments."""

CALL_TIMEOUT_MS: Final = 500
"""A desktop service that does not answer this fast is treated as absent."""

MUTTER = (
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
)
SCREENSAVER = (
    "org.freedesktop.ScreenSaver",
    "/org/freedesktop/ScreenSaver",
    "org.freedesktop.ScreenSaver",
)
LOGIND = (
    "org.freedesktop.login1",
    "/org/freedesktop/login1/session/auto",
    "org.freedesktop.login1.Session",
)
PROPERTIES: Final = "org.freedesktop.DBus.Properties"

DND_KEPT_MINUTES: Final = (1, 5, 15)
"""How long a do-not-disturb answer is kept: longer each time it comes out the same. A
break held by do-not-disturb is asked about every minute, and each answer costs a
gsettings process: without this, one a minute all day. Switched off, the break follows
within a minute or, after a long hold, within a quarter of an hour."""

DND_HOLD_GAP_S: Final = 120
"""Asked again within this many seconds of the kept answer running out: the same hold."""


def _connection(bus: Bus) -> QDBusConnection:
    return QDBusConnection.systemBus() if bus == "system" else QDBusConnection.sessionBus()


def qt_call(
    bus: Bus, service: str, path: str, interface: str, method: str, args: Sequence[Any] = ()
) -> list[Any]:
    """A blocking D-Bus call through QtDBus with a short timeout; errors become unavailability."""
    connection = _connection(bus)
    if not connection.isConnected():
        raise ActivityUnavailableError(f"no {bus} D-Bus")
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    if args:
        message.setArguments(list(args))
    reply = connection.call(message, timeout=CALL_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        raise ActivityUnavailableError(f"{service} did not answer: {reply.errorMessage()}")
    return list(reply.arguments())


def _plain(value: Any) -> Any:
    """A D-Bus variant as its Python value."""
    inner = getattr(value, "variant", None)
    return inner() if callable(inner) else value


class _Relay(QObject):
    """Receives D-Bus signals and tells the watcher; a QObject because QtDBus needs a slot."""

    def __init__(self) -> None:
        super().__init__()
        self.callback: Callable[[], None] | None = None

    @Slot(QDBusMessage)
    def changed(self, _message: QDBusMessage) -> None:
        if self.callback is not None:
            self.callback()


class _DBusSource:
    name = "dbus"
    capabilities: frozenset[Capability] = frozenset()

    def __init__(self, call: Call | None = None, *, connect_signals: bool = True) -> None:
        self.call: Call = call or qt_call
        self._relay: _Relay | None = None
        self._connect_signals = connect_signals and call is None
        self._connected: list[tuple[Bus, str, str, str, str]] = []

    def _ask(
        self, bus: Bus, target: tuple[str, str, str], method: str, args: Sequence[Any] = ()
    ) -> Any:
        reply = self.call(bus, target[0], target[1], target[2], method, args)
        if not reply:
            raise ActivityUnavailableError(f"{target[0]} gave an empty answer")
        return _plain(reply[0])

    def idle_seconds(self) -> float:
        raise ActivityUnavailableError("this source has no idle time")

    def locked(self) -> bool | None:
        return None

    def busy(self) -> bool | None:
        return None

    def _signals(self) -> list[tuple[Bus, str, str, str, str]]:
        return []

    def watch(self, callback: Callable[[], None] | None) -> None:
        if not self._connect_signals:
            return
        if self._relay is None:
            self._relay = _Relay()
            for bus, service, path, interface, signal in self._signals():
                if _connection(bus).connect(
                    service, path, interface, signal, self._relay, SLOT("changed(QDBusMessage)")
                ):
                    self._connected.append((bus, service, path, interface, signal))
        self._relay.callback = callback

    def close(self) -> None:
        if self._relay is None:
            return
        for bus, service, path, interface, signal in self._connected:
            _connection(bus).disconnect(
                service, path, interface, signal, self._relay, SLOT("changed(QDBusMessage)")
            )
        self._connected.clear()
        self._relay.callback = None
        self._relay.deleteLater()
        self._relay = None


class MutterSource(_DBusSource):
    """GNOME (X11 and Wayland): org.gnome.Mutter.IdleMonitor.GetIdletime, in milliseconds."""

    name = "mutter"
    capabilities: frozenset[Capability] = frozenset({"idle"})

    def idle_seconds(self) -> float:
        value = self._ask("session", MUTTER, "GetIdletime")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ActivityUnavailableError(
                f"Mutter gave an idle time that is not a count: {value!r}"
            )
        return value / 1000.0


class ScreenSaverSource(_DBusSource):
    """KDE and others: org.freedesktop.ScreenSaver GetSessionIdleTime, GetActive, ActiveChanged.

    KDE answers GetSessionIdleTime in milliseconds; the lock comes from GetActive.
    """

    name = "freedesktop"
    capabilities: frozenset[Capability] = frozenset({"idle", "lock"})

    def idle_seconds(self) -> float:
        value = self._ask("session", SCREENSAVER, "GetSessionIdleTime")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ActivityUnavailableError(f"the screen saver gave an idle time of {value!r}")
        return value / 1000.0

    def locked(self) -> bool | None:
        try:
            return bool(self._ask("session", SCREENSAVER, "GetActive"))
        except ActivityUnavailableError:
            return None

    def _signals(self) -> list[tuple[Bus, str, str, str, str]]:
        return [("session", SCREENSAVER[0], SCREENSAVER[1], SCREENSAVER[2], "ActiveChanged")]


class ScreenSaverLock(ScreenSaverSource):
    """Only the lock of org.freedesktop.ScreenSaver (GNOME has no idle time there)."""

    capabilities: frozenset[Capability] = frozenset({"lock"})

    def idle_seconds(self) -> float:
        raise ActivityUnavailableError("used for the lock only")


class LogindLock(_DBusSource):
    """The session's LockedHint from systemd-logind (set by GNOME, KDE and most lockers)."""

    name = "logind"
    capabilities: frozenset[Capability] = frozenset({"lock"})

    def locked(self) -> bool | None:
        try:
            value = self._ask("system", LOGIND, "Get", (LOGIND[2], "LockedHint"))
        except ActivityUnavailableError:
            return None
        return value if isinstance(value, bool) else None

    def _signals(self) -> list[tuple[Bus, str, str, str, str]]:
        return [("system", LOGIND[0], LOGIND[1], PROPERTIES, "PropertiesChanged")]

    def _ask(
        self, bus: Bus, target: tuple[str, str, str], method: str, args: Sequence[Any] = ()
    ) -> Any:
        # Properties live on the standard interface, asked about the session interface.
        return super()._ask(bus, (target[0], target[1], PROPERTIES), method, args)


Run = Callable[[Sequence[str]], str]


def _run(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=2, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        raise ActivityUnavailableError(f"{command[0]} failed ({error})") from None
    return done.stdout


class GnomeDoNotDisturb(_DBusSource):
    """GNOME's do-not-disturb switch: org.gnome.desktop.notifications show-banners is false.

    Read with `gsettings`, only when a break is due, and kept for a while
    (`DND_KEPT_MINUTES`), so the cost of a process start is paid a few times an hour at
    most, even while do-not-disturb holds a break all day. `monotonic` is the clock the
    answer is kept by (tests drive it).
    """

    name = "gnome-dnd"
    capabilities: frozenset[Capability] = frozenset({"dnd"})

    def __init__(
        self, run: Run | None = None, monotonic: Callable[[], float] | None = None
    ) -> None:
        super().__init__(call=lambda *_args: [], connect_signals=False)
        self.run: Run = run or _run
        self.monotonic = monotonic or time.monotonic
        self._answer: bool | None = None
        self._kept_until: float | None = None
        self._same = 0
        """How many answers in a row came out as `_answer`, less one."""

    def busy(self) -> bool | None:
        now = self.monotonic()
        if self._kept_until is not None and now < self._kept_until:
            return self._answer
        answer = self._read_switch()
        # The same answer to a hold's next question (it asks every minute) is kept longer;
        # a new hold, a break or more later, starts with a short one again.
        held_on = self._kept_until is not None and now - self._kept_until <= DND_HOLD_GAP_S
        same = held_on and answer == self._answer
        self._same = self._same + 1 if same else 0
        self._answer = answer
        minutes = DND_KEPT_MINUTES[min(self._same, len(DND_KEPT_MINUTES) - 1)]
        self._kept_until = now + minutes * 60
        return answer

    @staticmethod
    def available(env: dict[str, str] | None = None) -> bool:
        desktop = (env if env is not None else dict(os.environ)).get("XDG_CURRENT_DESKTOP", "")
        return "GNOME" in desktop.upper().split(":") and shutil.which("gsettings") is not None

    def _read_switch(self) -> bool | None:
        """The switch as gsettings tells it now (one process), or None when it cannot."""
        try:
            out = self.run(["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"])
        except ActivityUnavailableError:
            return None
        answer = out.strip()
        if answer not in ("true", "false"):
            return None
        return answer == "false"
