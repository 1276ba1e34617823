"""The D-Bus activity sources against a stand-in desktop on a private session bus.

Both the desktop and the app side run in child processes: Qt keeps one session-bus
connection per process, so this test's own process cannot be pointed at a new bus.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="dbus-daemon is not installed"
)

SERVICE = Path(__file__).with_name("dbus_desktop_service.py")

CLIENT = """
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
from rugdiary.core.activity import CombinedSource
from rugdiary.ui.activity import detect_activity_source
from rugdiary.ui.activity.dbus import MutterSource, ScreenSaverSource, qt_call

saver = ScreenSaverSource()
print("saver idle", saver.idle_seconds(), "locked", saver.locked())
print("mutter idle", MutterSource().idle_seconds())
found = detect_activity_source({"XDG_CURRENT_DESKTOP": "GNOME"}, "linux")
print("detected", found.name, sorted(found.capabilities), isinstance(found, CombinedSource))

told = []
def on_change():
    told.append(saver.locked())
    app.quit()
saver.watch(on_change)
name = "org.freedesktop.ScreenSaver"
path = (name, "/org/freedesktop/ScreenSaver", name)
qt_call("session", *path, "Lock")
QTimer.singleShot(10_000, app.quit)  # a guard only: the signal ends the loop
app.exec()
print("told", told, "detected locked", found.locked())
saver.close()
found.close()
qt_call("session", *path, "Quit")
"""


@pytest.fixture
def session_bus() -> Iterator[str]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    assert address, "dbus-daemon gave no address"
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


def test_sources_ask_a_real_bus_and_hear_the_lock_signal(session_bus: str) -> None:
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": session_bus,
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DISPLAY", None)
    desktop = subprocess.Popen(
        [sys.executable, str(SERVICE), session_bus], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert desktop.stdout is not None
        assert desktop.stdout.readline().strip() == "ready"
        client = subprocess.run(
            [sys.executable, "-c", CLIENT],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert client.returncode == 0, client.stderr
        lines = client.stdout.splitlines()
        assert lines[0] == "saver idle 4.321 locked False"
        assert lines[1] == "mutter idle 65.0"
        # GNOME: idle time from Mutter, the lock from the screen saver service, and
        # do-not-disturb from gsettings where it is installed.
        dnd = "'dnd', " if shutil.which("gsettings") else ""
        assert lines[2] == f"detected mutter [{dnd}'idle', 'lock'] True"
        assert lines[3] == "told [True] detected locked True"
        desktop.wait(timeout=10)
    finally:
        if desktop.poll() is None:
            desktop.kill()
            desktop.wait(timeout=10)
        if desktop.stdout is not None:
            desktop.stdout.close()
