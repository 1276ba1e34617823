"""Desktop notifications where there is no tray: through notify-send, when the desktop has it."""

from __future__ import annotations

import shutil
from collections.abc import Callable

Notifier = Callable[[str, str], bool]


def desktop_notifier() -> Notifier | None:
    """A function that shows a desktop notification, or None when this desktop has no way.

    Qt only notifies through a tray icon, which plain GNOME and many others lack. Most
    Linux desktops ship notify-send (libnotify); PySide's D-Bus binding cannot send the
    unsigned id the notification interface requires. It runs detached, so a slow or
    missing notification service can never hold up the app, and it talks to the desktop
    over the local session bus only: no network.
    """
    program = shutil.which("notify-send")
    if program is None:
        return None

    def notify(title: str, text: str) -> bool:
        # Imported on the first notification: start-up needs only to know that it can.
        from PySide6.QtCore import QProcess

        started = QProcess.startDetached(
            program, ["--app-name=RugDiary", "--icon=rugdiary", title, text]
        )
        return bool(started[0] if isinstance(started, tuple) else started)

    return notify
