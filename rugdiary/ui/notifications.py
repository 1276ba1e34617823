"""Desktop notifications where there is no tray: through notify-send, when the desktop has it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

Notifier = Callable[[str, str], bool]

TRANSIENT_HINT: Final = "--hint=int:transient:1"
"""A transient notification is not kept in the desktop's list once it has shown: the
banner in the window is where a waiting reminder stays. Every notify-send has --hint."""

HELP_TIMEOUT_S: Final = 2.0


class DesktopNotifier:
    """notify-send, with one notification per reminder.

    A reminder that comes again (snoozed, offered again) replaces its own last notification
    instead of adding one more, where notify-send can (libnotify 0.7.9 and newer:
    --print-id and --replace-id). A reminder is known by its text unless `key` is given:
    the reminder service says the same words for the same reminder. Older notify-sends
    are asked whether they can at the first notification, and then send a new one each
    time, as before.

    Each notify-send runs on its own; the app never waits for the notification service,
    so a slow or missing one can never hold up the app. It talks to the desktop over the
    local session bus only: no network.
    """

    def __init__(self, program: str) -> None:
        self.program = program
        self._can_replace: bool | None = None
        self._ids: dict[str, int] = {}
        """Each reminder's notification, as the desktop numbered it."""
        self._running: set[QProcess] = set()

    def __call__(self, title: str, text: str, *, key: str | None = None) -> bool:
        # Imported on the first notification: start-up needs only to know that it can.
        from PySide6.QtCore import QProcess

        key = text if key is None else key
        args = ["--app-name=RugDiary", "--icon=rugdiary", TRANSIENT_HINT]
        if not self.can_replace():
            started = QProcess.startDetached(self.program, [*args, title, text])
            return bool(started[0] if isinstance(started, tuple) else started)
        args.append("--print-id")
        if key in self._ids:
            args.append(f"--replace-id={self._ids[key]}")
        process = QProcess()
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.finished.connect(lambda *_args: self._done(process, key))
        process.errorOccurred.connect(lambda error: self._failed(process, error))
        self._running.add(process)  # kept until it has said the id
        process.start(self.program, [*args, title, text])
        return True

    def can_replace(self) -> bool:
        """Whether this notify-send prints and replaces ids; asked once, from its --help."""
        if self._can_replace is None:
            import subprocess

            try:
                done = subprocess.run(
                    [self.program, "--help"],
                    capture_output=True,
                    text=True,
                    timeout=HELP_TIMEOUT_S,
                    check=False,
                )
                told = done.stdout + done.stderr
            except (OSError, subprocess.SubprocessError):
                told = ""
            self._can_replace = "--print-id" in told and "--replace-id" in told
        return self._can_replace

    def pending(self) -> int:
        """notify-sends not finished yet (tests wait for them)."""
        return len(self._running)

    def _failed(self, process: QProcess, error: QProcess.ProcessError) -> None:
        # Not started at all (gone since it was found): no `finished` will come.
        if error == process.ProcessError.FailedToStart:
            self._done(process, None)

    def _done(self, process: QProcess, key: str | None) -> None:
        if process not in self._running:
            return
        self._running.discard(process)
        if key is not None:
            said = bytes(process.readAllStandardOutput().data()).decode("ascii", "replace")
            first = said.strip().splitlines()[:1]
            if first and first[0].strip().isdigit():
                self._ids[key] = int(first[0].strip())
        process.deleteLater()


def desktop_notifier() -> Notifier | None:
    """A function that shows a desktop notification, or None when this desktop has no way.

    Qt only notifies through a tray icon, which plain GNOME and many others lack. Most
    Linux desktops ship notify-send (libnotify); PySide's D-Bus binding cannot send the
    unsigned id the notification interface requires.
    """
    program = shutil.which("notify-send")
    if program is None:
        return None
    return DesktopNotifier(program)
