"""The Exercise session page in the window: what it offers while quiet, and where focus goes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session, StopReason
from rugdiary.ui import dialogs
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from tests.ui.player.conftest import CueRecorder


def played(services: Services, day: int, *, pain: tuple[int, int] | None = None) -> Session:
    start = datetime(2026, 2, day, 8, 0).astimezone()
    session = Session(
        program_id="morning-mobility",
        program_name="Morning mobility",
        level=Level.BEGINNER,
        started_at=start,
        ended_at=start + timedelta(minutes=3),
        planned_s=429,
        done_s=185,
        steps_done=9,
        steps_skipped=0,
        completed=False,
        stopped_reason=StopReason.TIME,
        pain_before=pain[0] if pain else None,
        pain_after=pain[1] if pain else None,
    )
    return services.sessions.add(session)


def test_the_quiet_page_offers_the_next_program_and_the_last_sessions(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    played(services, 20, pain=(3, 2))
    played(services, 27)
    window.show_page("player")
    idle = window.player.view.idle
    assert window.player.view.current_panel() is idle
    assert idle.program_name.text() == "Morning mobility"
    assert "The program you played last" in idle.program_detail.text()
    assert "min" in idle.program_detail.text()
    assert idle.start_button.text() == "Start Morning mobility"
    lines = idle.recent_list.text().splitlines()
    assert len(lines) == 2
    # The locale's order: the tests run in US English.
    assert lines[0].startswith("Fri, Feb 27 · Morning mobility · 3:05")
    assert "stopped early (no time)" in lines[0]
    assert "pain 3 → 2" in lines[1]
    assert QApplication.focusWidget() is idle.start_button, "the keyboard is on Start"


def test_last_sessions_name_programs_in_the_page_language_or_as_they_were_recorded(
    window: MainWindow, services: Services
) -> None:
    from dataclasses import replace

    recorded_in_dutch = played(services, 20)
    services.sessions.update(replace(recorded_in_dutch, program_name="Ochtendmobiliteit"))
    gone = played(services, 27)
    services.sessions.update(replace(gone, program_id="deleted-own", program_name="My old one"))
    window.show_page("player")
    lines = window.player.view.idle.recent_list.text().splitlines()
    assert " · My old one · " in lines[0], "a program that no longer exists keeps its name"
    assert " · Morning mobility · " in lines[1], "named as it is now, in English"


def test_without_sessions_the_gentle_default_is_offered(window: MainWindow) -> None:
    window.show_page("player")
    idle = window.player.view.idle
    assert idle.program_name.text() == "Morning mobility"
    assert idle.program_detail.text().startswith("A gentle way to get moving")
    assert idle.recent_list.text() == "Your sessions will be listed here."


def test_start_on_the_quiet_page_prepares_that_program(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("player")
    window.player.controller.cues = CueRecorder()
    view = window.player.view
    qtbot.keyClick(view.idle.start_button, Qt.Key.Key_Space)
    assert view.current_panel() is view.before
    assert view.before.title.text() == "Morning mobility"


def test_done_goes_back_to_the_start_button_that_began_the_session(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page("programs")
    programs = window.programs
    window.player.controller.cues = CueRecorder()
    start = programs.view.programs.start_button
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Space)
    assert window.current_page() == "player"
    view = window.player.view
    assert view.current_panel() is view.before
    qtbot.keyClick(view.before.pain, "2")
    qtbot.keyClick(view.before.pain, Qt.Key.Key_Space)
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    qtbot.keyClick(view.play.pause_button, Qt.Key.Key_Escape)
    qtbot.mouseClick(view.after.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.after.done_button, Qt.Key.Key_Return)
    assert window.current_page() == "programs"
    assert QApplication.focusWidget() is start
    window.player.controller.timer.stop()
    # The quiet page now lists that session.
    [session] = services.sessions.list()
    assert view.idle.recent_list.text().splitlines() == [
        f"Mon, Mar 2 · {session.program_name} · 0:00 · stopped early (no time)"
    ]


def test_arrowing_through_the_page_list_passes_the_session_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its first visit builds the page; the keyboard stays in the list all the same."""
    window.nav.setFocus()
    window.nav.setCurrentRow(window.pages().index("programs"))
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page() == "player"
    assert QApplication.focusWidget() is window.nav
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page() == "report"
    assert QApplication.focusWidget() is window.nav


def test_the_quiet_page_reads_the_plan_again_when_it_comes_into_view(
    window: MainWindow, services: Services
) -> None:
    window.show_page("player")
    idle = window.player.view.idle
    assert idle.program_detail.text().startswith("A gentle way to get moving")
    services.settings.set(
        "reminders",
        {"exercises": [{"program_id": "stress-relief", "time": "18:30", "days": [0]}]},
    )
    window.show_page("today")
    window.show_page("player")
    assert idle.program_name.text() == "Stress relief"
    assert idle.program_detail.text().startswith("Planned for today at")


def test_not_now_goes_back_to_the_start_button_too(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("programs")
    window.player.controller.cues = CueRecorder()
    start = window.programs.view.programs.start_button
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Space)
    view = window.player.view
    assert view.current_panel() is view.before
    qtbot.keyClick(view.before.pain, Qt.Key.Key_Escape)
    assert window.current_page() == "programs"
    assert QApplication.focusWidget() is start
