"""Programs: durations, Start with a level, pain marks, and the level offer from sessions."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.core.exercises import Level
from rugdiary.core.programs import program_total_s
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.programs.page import ProgramsPage

PROGRAM = "core-stability-beginner"


def test_built_in_programs_are_listed_with_duration_and_frequency(
    page: ProgramsPage, library: Any
) -> None:
    widget = page.view.programs.list
    assert widget.count() == len(library.programs)
    texts = [widget.item(i).text() for i in range(widget.count())]
    program = library.programs[PROGRAM]
    minutes = round(program_total_s(program, library.exercises, Level.BEGINNER) / 60)
    assert any(
        t.startswith(program.name.en) and f"about {minutes} min" in t and "Three times a week" in t
        for t in texts
    )


def test_facts_follow_the_chosen_level(page: ProgramsPage, library: Any) -> None:
    controller = page.controller
    assert controller.select_program(PROGRAM)
    view = page.view.programs
    program = library.programs[PROGRAM]
    view.set_level(Level.ADVANCED)
    minutes = round(program_total_s(program, library.exercises, Level.ADVANCED) / 60)
    assert f"about {minutes} min at the advanced level" in view.facts.text()


def test_start_emits_the_program_and_the_chosen_level(
    qtbot: QtBot, page: ProgramsPage, library: Any
) -> None:
    page.controller.select_program(PROGRAM)
    view = page.view.programs
    view.set_level(Level.INTERMEDIATE)
    with qtbot.waitSignal(page.controller.startRequested) as blocker:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    program, level = blocker.args
    assert program == library.programs[PROGRAM]
    assert level is Level.INTERMEDIATE


def test_pain_marks_show_symbol_and_word_not_only_colour(
    make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any]
) -> None:
    add_session(days_ago=3, pain_before=2, pain_after=2)
    add_session(days_ago=2, pain_before=2, pain_after=5)
    add_session(days_ago=1, pain_before=3, pain_after=7)
    add_session(days_ago=0.5, pain_before=3, pain_after=None)
    page = make_page()
    page.controller.select_program(PROGRAM)
    marks = page.view.programs.session_marks()
    assert [m.text() for m in marks] == ["▲ Go lighter", "◆ Okay", "● Fine"]
    for mark in marks:
        assert mark.mark.word in mark.accessibleName()
        assert mark.toolTip()
    hint = page.view.programs.sessions_hint.text()
    # The newest scored session was red: say what to do next time, and to keep moving.
    assert "lighter level" in hint
    assert "Keep moving" in hint


def test_worse_next_morning_in_the_diary_turns_a_session_red(
    make_page: Callable[..., ProgramsPage],
    add_session: Callable[..., Any],
    db: Database,
    clock: FakeClock,
) -> None:
    session = add_session(days_ago=2, pain_before=2, pain_after=3)
    entries = EntryRepository(db, clock)
    morning = session.started_at + timedelta(days=1)
    entries.add(new_entry(now=clock.now(), at=morning.replace(hour=8), pain=5, stress=3))
    without = make_page()
    without.controller.select_program(PROGRAM)
    assert [m.text() for m in without.view.programs.session_marks()] == ["● Fine"]
    with_diary = make_page(entries=entries)
    with_diary.controller.select_program(PROGRAM)
    assert [m.text() for m in with_diary.view.programs.session_marks()] == ["▲ Go lighter"]


def test_level_up_is_offered_never_applied(
    qtbot: QtBot, make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any]
) -> None:
    # Three a week for over two weeks, all completed, effort 4, pain fine.
    for days in (16, 13.5, 11, 9, 6.5, 4, 2):
        add_session(days_ago=days)
    page = make_page()
    controller = page.controller
    controller.select_program(PROGRAM)
    view = page.view.programs
    assert view.offer.isVisibleTo(view)
    assert "You could try the intermediate level" in view.offer_text.text()
    assert "two weeks or more at this level" in view.offer_text.text()
    assert controller.offered_level() is Level.INTERMEDIATE
    # Not automatic: the chosen level is still the one played.
    assert view.chosen_level() is Level.BEGINNER
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert view.chosen_level() is Level.INTERMEDIATE
    assert not view.offer.isVisibleTo(view)
    with qtbot.waitSignal(controller.startRequested) as blocker:
        controller.start()
    assert blocker.args[1] is Level.INTERMEDIATE


def test_no_offer_without_enough_sessions(
    make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any]
) -> None:
    add_session(days_ago=3)
    page = make_page()
    page.controller.select_program(PROGRAM)
    assert not page.view.programs.offer.isVisibleTo(page.view.programs)
    assert page.controller.offered_level() is None


def test_two_red_sessions_in_a_week_offer_the_lower_level(
    make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any]
) -> None:
    add_session(days_ago=5, level=Level.INTERMEDIATE, pain_after=7)
    add_session(days_ago=2, level=Level.INTERMEDIATE, pain_after=6)
    page = make_page()
    page.controller.select_program(PROGRAM)
    view = page.view.programs
    # The level last played is where the person is now.
    assert view.chosen_level() is Level.INTERMEDIATE
    assert "You could use the beginner level for a while" in view.offer_text.text()
    assert page.controller.offered_level() is Level.BEGINNER
    view.dismiss_button.click()
    assert not view.offer.isVisibleTo(view)
    assert view.chosen_level() is Level.INTERMEDIATE


def test_a_sessions_lines_stay_closer_together_than_two_sessions(
    qtbot: QtBot, make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any]
) -> None:
    """In a narrow pane a session's pain and level go under its date; spaced as far from
    the next date as from their own, they could belong to either."""
    add_session(days_ago=2, pain_before=2, pain_after=2)
    add_session(days_ago=1, pain_before=3, pain_after=4)
    page = make_page()
    page.controller.select_program(PROGRAM)
    view = page.view.programs
    view.splitter.setSizes([view.width() - 240, 240])
    QApplication.processEvents()
    rows = [view.sessions_layout.itemAt(i).widget() for i in range(view.sessions_layout.count())]
    assert len(rows) == 2
    first, second = rows
    parts = sorted(
        (w.geometry() for w in first.findChildren(QLabel) if w.isVisible()),
        key=lambda r: r.top(),
    )
    line_gaps = [b.top() - a.bottom() for a, b in itertools.pairwise(parts) if b.top() > a.bottom()]
    assert line_gaps, "the detail is on a line of its own (the pane is narrow)"
    within = max(line_gaps)
    between = second.geometry().top() - first.geometry().bottom()
    assert between > within


def test_a_partly_done_session_is_not_called_stopped_early(
    make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any], session_repo: Any
) -> None:
    """Played to the end with much skipped has no stop reason (core/player.py)."""
    from dataclasses import replace

    from rugdiary.core.sessions import StopReason

    add_session(days_ago=2, completed=False)
    stopped = add_session(days_ago=1, completed=False)
    session_repo.update(replace(stopped, stopped_reason=StopReason.PAIN))
    page = make_page()
    page.controller.select_program(PROGRAM)
    box = page.view.programs.sessions_box
    details = [label.text() for label in box.findChildren(QLabel) if "·" in label.text()]
    assert any("partly done" in d for d in details)
    assert any("stopped early" in d for d in details)
    assert not any("partly done" in d and "stopped early" in d for d in details)
