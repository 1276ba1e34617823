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
    assert lines[0].startswith("Fri, Feb 27 · Morning mobility · 3 min")
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
    # Into the first exercise: a stop in the get-ready keeps nothing.
    window.player.controller.skip_forward()
    qtbot.keyClick(view.play.pause_button, Qt.Key.Key_Escape)
    qtbot.mouseClick(view.after.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.after.done_button, Qt.Key.Key_Return)
    assert window.current_page() == "programs"
    assert QApplication.focusWidget() is start
    window.player.controller.timer.stop()
    # The quiet page now lists that session.
    [session] = services.sessions.list()
    assert view.idle.recent_list.text().splitlines() == [
        f"Mon, Mar 2 · {session.program_name} · 0 s · stopped early (no time)"
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


def _counting_reads(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[object, object]]:
    """Replace the session store's `list` with one that notes each (start, end) it is asked."""
    reads: list[tuple[object, object]] = []
    read = services.sessions.list

    def counting_list(start: object = None, end: object = None) -> list[Session]:
        reads.append((start, end))
        return read(start, end)  # type: ignore[arg-type]

    monkeypatch.setattr(services.sessions, "list", counting_list)
    return reads


def _played_at(services: Services, start: datetime) -> Session:
    from dataclasses import replace

    session = played(services, 20)
    return services.sessions.update(
        replace(session, started_at=start, ended_at=start + timedelta(minutes=3))
    )


def test_the_page_reads_only_the_recent_months_of_a_long_diary(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for year in range(2016, 2025):
        _played_at(services, datetime(year, 5, 4, 8, 0).astimezone())
    for day in range(20, 27):
        played(services, day)  # seven in the last weeks, of which the page lists five
    reads = _counting_reads(services, monkeypatch)
    window.show_page("player")
    idle = window.player.view.idle
    assert reads, "the page read the sessions"
    assert all(start is not None for start, _ in reads), "never the whole diary"
    lines = idle.recent_list.text().splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("Thu, Feb 26 · ")
    assert lines[-1].startswith("Sun, Feb 22 · ")
    assert idle.program_name.text() == "Morning mobility"


def test_a_diary_with_only_old_sessions_still_offers_and_lists_them(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    old = _played_at(services, datetime(2024, 5, 4, 8, 0).astimezone())
    services.sessions.update(replace(old, program_id="strength", program_name="Strength"))
    _played_at(services, datetime(2023, 5, 4, 8, 0).astimezone())
    reads = _counting_reads(services, monkeypatch)
    window.show_page("player")
    idle = window.player.view.idle
    assert idle.program_name.text() == "Strength", "the latest played program, years back"
    assert "The program you played last" in idle.program_detail.text()
    lines = idle.recent_list.text().splitlines()
    assert len(lines) == 2
    assert " · Strength · " in lines[0]
    assert " · Morning mobility · " in lines[1]
    assert any(start is None for start, _ in reads), "looked further back"
