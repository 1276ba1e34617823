"""Desktop notifications without a tray: notify-send runs detached with the reminder's text."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.ui.notifications import desktop_notifier
from rugdiary.ui.reminders import ReminderService
from rugdiary.ui.services import Services


@pytest.fixture
def fake_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notify-send that writes its arguments, one per line, to a file."""
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "notified.txt"
    script = folder / "notify-send"
    script.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}.part" && mv "{record}.part" "{record}"\n'
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return record


def test_notify_send_gets_title_and_text(qtbot: QtBot, fake_notify_send: Path) -> None:
    notify = desktop_notifier()
    assert notify is not None
    assert notify("RugDiary", "Time to note how you are")
    qtbot.waitUntil(fake_notify_send.exists, timeout=5000)
    assert fake_notify_send.read_text().splitlines() == [
        "--app-name=RugDiary",
        "--icon=rugdiary",
        "RugDiary",
        "Time to note how you are",
    ]


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
