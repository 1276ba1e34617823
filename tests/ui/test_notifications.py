"""Desktop notifications without a tray: notify-send with the reminder's text, one per reminder."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.ui.notifications import DesktopNotifier, desktop_notifier
from rugdiary.ui.reminders import ReminderService
from rugdiary.ui.services import Services

OLD_HELP = """Usage:
  notify-send [OPTION...] <SUMMARY> [BODY] - create a notification

Application Options:
  -u, --urgency=LEVEL               Specifies the urgency level (low, normal, critical).
  -h, --hint=TYPE:NAME:VALUE        Specifies basic extra data to pass.
"""
NEW_HELP = (
    OLD_HELP
    + """  -p, --print-id                    Print the notification ID.
  -r, --replace-id=REPLACE_ID       The ID of the notification to replace.
"""
)

Calls = Callable[[], list[list[str]]]


def _install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, help_text: str) -> Calls:
    """A notify-send on PATH that answers --help with `help_text` and records each call.

    With --print-id it prints an id as a notification server numbers them: the one it
    replaces, or the next new one (7, 8, ...).
    """
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "notified.txt"
    counter = tmp_path / "next-id"
    counter.write_text("7")
    (tmp_path / "help.txt").write_text(help_text)
    script = folder / "notify-send"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "--help" ]; then cat "{tmp_path}/help.txt"; exit 0; fi\n'
        f'{{ printf "%s\\n" "$@"; echo "--end--"; }} >> "{record}"\n'
        'id=""; print=""\n'
        'for a in "$@"; do case "$a" in\n'
        "  --print-id) print=1;;\n"
        '  --replace-id=*) id="${a#--replace-id=}";;\n'
        "esac; done\n"
        'if [ -n "$print" ]; then\n'
        f'  if [ -z "$id" ]; then id=$(cat "{counter}"); echo $((id + 1)) > "{counter}"; fi\n'
        '  echo "$id"\n'
        "fi\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    def calls() -> list[list[str]]:
        if not record.exists():
            return []
        text = record.read_text()
        return [chunk.strip("\n").split("\n") for chunk in text.split("--end--\n") if chunk]

    return calls


@pytest.fixture
def old_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Calls:
    """A notify-send from before libnotify 0.7.9: no ids."""
    return _install(tmp_path, monkeypatch, OLD_HELP)


@pytest.fixture
def notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Calls:
    """A notify-send that prints and replaces ids (libnotify 0.7.9 and newer)."""
    return _install(tmp_path, monkeypatch, NEW_HELP)


def _sent(qtbot: QtBot, notify: DesktopNotifier, calls: Calls, count: int) -> list[str]:
    """Wait until `count` notifications were sent and their ids read; the last one's arguments."""
    qtbot.waitUntil(lambda: len(calls()) == count and notify.pending() == 0, timeout=5000)
    return calls()[-1]


def test_notify_send_gets_title_and_text(qtbot: QtBot, old_notify_send: Calls) -> None:
    notify = desktop_notifier()
    assert isinstance(notify, DesktopNotifier)
    assert notify("RugDiary", "Time to note how you are")
    assert not notify.can_replace(), "an older notify-send: one new notification each time"
    qtbot.waitUntil(lambda: len(old_notify_send()) == 1, timeout=5000)
    assert old_notify_send()[0] == [
        "--app-name=RugDiary",
        "--icon=rugdiary",
        "--hint=int:transient:1",
        "RugDiary",
        "Time to note how you are",
    ]


def test_a_reminder_shown_again_replaces_its_own_notification(
    qtbot: QtBot, notify_send: Calls
) -> None:
    notify = desktop_notifier()
    assert isinstance(notify, DesktopNotifier)
    assert notify.can_replace()
    notify("RugDiary", "Time to get up and move: a 3-minute desk break?")
    first = _sent(qtbot, notify, notify_send, 1)
    assert "--print-id" in first
    assert "--hint=int:transient:1" in first, "not kept in the desktop's list"
    assert not [arg for arg in first if arg.startswith("--replace-id")]
    notify("RugDiary", "Time to get up and move: a 3-minute desk break?")  # snoozed, back
    assert "--replace-id=7" in _sent(qtbot, notify, notify_send, 2)
    notify("RugDiary", "Time to note how you are")  # another reminder: its own notification
    other = _sent(qtbot, notify, notify_send, 3)
    assert not [arg for arg in other if arg.startswith("--replace-id")]
    notify("RugDiary", "Time to note how you are")
    assert "--replace-id=8" in _sent(qtbot, notify, notify_send, 4)
    notify("RugDiary", "Time to get up and move: a 3-minute desk break?")
    assert "--replace-id=7" in _sent(qtbot, notify, notify_send, 5)


def test_a_snoozed_reminder_without_a_tray_does_not_pile_up(
    qtbot: QtBot, services: Services, clock: FakeClock, notify_send: Calls
) -> None:
    services.settings.set("reminders", {"diary": {"enabled": True, "time": "20:00"}})
    notify = desktop_notifier()
    assert isinstance(notify, DesktopNotifier)
    service = ReminderService(services.settings, services.entries, clock, notify=notify)
    service.start()
    try:
        clock.set(datetime(2026, 3, 2, 20, 0).astimezone())
        service.on_timer()
        _sent(qtbot, notify, notify_send, 1)
        service.snooze(5)
        clock.set(datetime(2026, 3, 2, 20, 5).astimezone())
        service.on_timer()
        assert "--replace-id=7" in _sent(qtbot, notify, notify_send, 2)
    finally:
        service.stop()


def test_no_notifier_where_the_desktop_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert desktop_notifier() is None


def test_without_a_tray_a_due_reminder_is_also_a_desktop_notification(
    services: Services, clock: FakeClock
) -> None:
    services.settings.set("reminders", {"diary": {"enabled": True, "time": "20:00"}})
    shown: list[tuple[str, str]] = []
    service = ReminderService(
        services.settings,
        services.entries,
        clock,
        tray=None,
        notify=lambda title, text: shown.append((title, text)),
    )
    service.start()
    try:
        clock.set(datetime(2026, 3, 2, 20, 0).astimezone())
        service.on_timer()
        assert shown == [("RugDiary", "Time to note how you are")]
    finally:
        service.stop()
