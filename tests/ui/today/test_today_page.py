"""The Today page: quick entry by keyboard, the week's sparkline, what is next, and the tip."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.exercises import Level
from rugdiary.core.programs import program_total_s
from rugdiary.core.reminders import week_key
from rugdiary.core.sessions import Session
from rugdiary.core.tips import tip_text
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.player.overview import overview_source
from rugdiary.ui.services import Services
from rugdiary.ui.today.page import TodayPage
from rugdiary.ui.today.today_view import Card
from tests.ui.test_a11y_walker import accessible_name

CORE_PLAN = {
    "exercises": [
        {"program_id": "core-stability-beginner", "days": [0, 2, 4], "time": "18:00"},
    ]
}


def focused() -> object:
    return QApplication.focusWidget()


def test_not_logged_shows_the_quick_entry_and_enter_saves(
    qtbot: QtBot, today: TodayPage, repo: EntryRepository, clock: FakeClock
) -> None:
    view = today.view
    assert view.ask_panel.isVisible()
    assert not view.logged_panel.isVisible()
    assert "Nothing noted yet today" in view.entry_intro.text()

    view.setFocus()
    assert focused() is view.quick.pain
    qtbot.keyClick(focused(), "4")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is view.quick.stress
    qtbot.keyClick(focused(), "6")
    clock.advance(30)
    with qtbot.waitSignal(today.controller.entrySaved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    entries = repo.list()
    assert [(e.pain, e.stress, e.at) for e in entries] == [(4, 6, clock.now())]
    assert saved.args[0] == entries[0]
    assert view.logged_panel.isVisible()
    assert not view.ask_panel.isVisible()
    assert view.logged_title.text().endswith("Logged for today")
    assert view.logged_values.text().startswith("Pain 4 · Stress 6, at 9:00")
    assert focused() is view.add_another_button


def test_ctrl_s_saves_and_add_another_opens_the_form_again(
    qtbot: QtBot, today: TodayPage, repo: EntryRepository, clock: FakeClock
) -> None:
    quick = today.view.quick
    quick.pain.setFocus()
    qtbot.keyClick(quick.pain, "2")
    qtbot.keyClick(quick.pain, Qt.Key.Key_Tab)
    qtbot.keyClick(quick.stress, "3")
    qtbot.keyClick(quick.stress, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(repo.list()) == 1
    assert today.view.logged_detail.text() == "Thank you for noting it."

    qtbot.mouseClick(today.view.add_another_button, Qt.MouseButton.LeftButton)
    assert quick.isVisible()
    assert (quick.pain.value(), quick.stress.value()) == (None, None)
    assert focused() is quick.pain
    qtbot.keyClick(quick.pain, "5")
    qtbot.keyClick(quick.pain, Qt.Key.Key_Tab)
    qtbot.keyClick(quick.stress, "1")
    clock.advance(3600)
    qtbot.keyClick(quick.stress, Qt.Key.Key_Enter)
    assert len(repo.list()) == 2
    assert today.view.logged_panel.isVisible()
    assert today.view.logged_values.text().startswith("Pain 5 · Stress 1")
    assert today.view.logged_detail.text() == "2 notes today; this is the latest."


def test_saving_needs_both_numbers(qtbot: QtBot, today: TodayPage, repo: EntryRepository) -> None:
    quick = today.view.quick
    assert not quick.save_button.isEnabled()
    quick.pain.setFocus()
    qtbot.keyClick(quick.pain, "3")
    qtbot.keyClick(quick.pain, Qt.Key.Key_Return)
    assert repo.list() == []
    assert "pain and for stress" in quick.message.text()
    assert focused() is quick.stress


def test_a_failed_save_keeps_the_numbers_and_says_why(
    qtbot: QtBot, today: TodayPage, repo: EntryRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(entry: Any) -> Any:
        raise StorageWriteError(Path("/data/diary.json"), "the disk is full")

    monkeypatch.setattr(repo, "add", fail)
    quick = today.view.quick
    quick.pain.setValue(3)
    quick.stress.setValue(4)
    with qtbot.assertNotEmitted(today.controller.entrySaved):
        assert not today.controller.save()
    assert (quick.pain.value(), quick.stress.value()) == (3, 4)
    assert "the disk is full" in quick.message.text()
    assert "still here" in quick.message.text()
    assert today.view.ask_panel.isVisible()


def test_refresh_keeps_numbers_being_typed(today: TodayPage) -> None:
    today.view.quick.pain.setValue(7)
    today.controller.refresh()
    assert today.view.quick.pain.value() == 7


def test_logged_elsewhere_shows_logged_after_refresh(
    today: TodayPage, repo: EntryRepository, make_entry: Any
) -> None:
    repo.add(make_entry(hour=8, pain=2, stress=5))
    today.controller.refresh()
    assert today.view.logged_panel.isVisible()
    assert today.view.logged_values.text().startswith("Pain 2 · Stress 5")


def test_a_new_day_asks_again_when_the_page_is_shown(
    qtbot: QtBot, today: TodayPage, repo: EntryRepository, make_entry: Any, clock: FakeClock
) -> None:
    repo.add(make_entry(hour=8))
    today.controller.refresh()
    assert today.view.logged_panel.isVisible()
    clock.advance(24 * 3600)
    today.view.hide()
    today.view.show()
    qtbot.waitExposed(today.view)
    assert today.view.ask_panel.isVisible()
    assert today.view.date_label.text() == "Tuesday, March 3, 2026"


def test_sparkline_gets_seven_days_with_gaps(
    build_today: Callable[[], TodayPage], repo: EntryRepository, make_entry: Any
) -> None:
    repo.add(make_entry(days_ago=0, pain=3, stress=4))
    repo.add(make_entry(days_ago=2, hour=8, pain=6, stress=2))
    repo.add(make_entry(days_ago=2, hour=20, pain=3, stress=5))
    repo.add(make_entry(days_ago=5, pain=1, stress=9))
    repo.add(make_entry(days_ago=7, pain=10, stress=10))  # eight days: outside the chart
    page = build_today()

    days = page.view.sparkline.days()
    assert len(days) == 7
    assert [d.pain for d in days] == [None, 1, None, None, 4.5, None, 3]
    assert [d.stress for d in days] == [None, 9, None, None, 3.5, None, 4]
    assert days[-1].day == page.controller.clock.now().date()
    assert page.view.chart_note.text() == "Noted on 3 of the last 7 days."
    described = page.view.sparkline.accessibleDescription()
    assert "Tuesday: not noted" in described
    assert "Saturday: pain 4.5, stress 3.5" in described


def test_empty_diary_shows_a_calm_empty_chart(today: TodayPage) -> None:
    assert all(d.pain is None for d in today.view.sparkline.days())
    assert "will show here" in today.view.chart_note.text()
    assert today.view.sparkline.grab().width() > 0  # paints without data


def test_planned_program_and_sessions_this_week(
    qtbot: QtBot,
    build_today: Callable[[], TodayPage],
    services: Services,
    make_session: Any,
) -> None:
    services.settings.set("reminders", CORE_PLAN)
    services.sessions.add(make_session("core-stability-beginner", days_ago=0))
    services.sessions.add(make_session("core-stability-beginner", days_ago=3))  # last week
    services.sessions.add(make_session("morning-mobility", days_ago=0))
    page = build_today()
    view = page.view

    assert view.program_name.text() == "Core stability for beginners"
    assert view.program_detail.text().startswith("Planned for today at 6:00")
    assert "about\u00a0" in view.program_detail.text()
    assert view.sessions_label.text() == "1 of 3 planned sessions this week · 1 other session"
    assert not view.plan_label.isVisible()
    assert view.start_button.accessibleName() == "Start Core stability for beginners"
    with qtbot.waitSignal(page.controller.startProgramRequested) as started:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert started.args == ["core-stability-beginner"]


def test_without_a_plan_the_last_played_program_is_offered(
    build_today: Callable[[], TodayPage], services: Services, make_session: Any
) -> None:
    services.sessions.add(make_session("strength", days_ago=1))
    services.sessions.add(make_session("stress-relief", days_ago=9))
    page = build_today()
    assert page.controller.offered is not None
    assert page.controller.offered.program_id == "strength"
    assert page.view.program_detail.text().startswith("Last played yesterday ·")
    assert page.view.sessions_label.text() == "No sessions yet this week."
    assert page.view.plan_label.text().startswith("Suggested for Strength")


def test_today_times_and_starts_the_program_at_the_level_last_played(
    build_today: Callable[[], TodayPage],
    services: Services,
    make_session: Any,
    window: Any,
) -> None:
    """Programs starts at the level last played; Today and a reminder once started (and
    timed) the program's own level instead, dropping the person a level without a word."""
    played = dataclasses.replace(make_session("strength", days_ago=1), level=Level.ADVANCED)
    services.sessions.add(played)
    program = services.library().programs["strength"]
    assert program.level is not Level.ADVANCED
    exercises = services.library().exercises
    minutes = round(program_total_s(program, exercises, Level.ADVANCED) / 60)
    assert minutes != round(program_total_s(program, exercises, program.level) / 60)
    assert f"about\u00a0{minutes}\u00a0min" in build_today().view.program_detail.text()
    # The Exercise session page, before anything plays, says the same length.
    assert f"about\u00a0{minutes}\u00a0min" in overview_source(services, "en")().program_detail

    window.start_program_by_id("strength")
    assert window.player.controller.level is Level.ADVANCED


@pytest.mark.parametrize(
    ("days_ago", "said"),
    [(0, "Last played today"), (4, "Last played on Thu, Feb 26"), (400, "Last played on Jan")],
)
def test_the_last_play_is_dated_as_the_diary_dates_days(
    build_today: Callable[[], TodayPage],
    services: Services,
    make_session: Any,
    days_ago: int,
    said: str,
) -> None:
    """In words, as on every other page: "04/12/2026" once stood beside "Fri, 4 Dec"."""
    services.sessions.add(make_session("strength", days_ago=days_ago))
    detail = build_today().view.program_detail.text()
    assert detail.startswith(said), detail
    if days_ago == 400:
        assert "2025" in detail


def test_today_reads_recent_sessions_and_looks_further_back_only_when_none_is_recent(
    build_today: Callable[[], TodayPage],
    services: Services,
    make_session: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.sessions.add(make_session("stress-relief", days_ago=400))
    starts: list[date | None] = []
    read = services.sessions.list

    def counting_list(start: date | None = None, end: date | None = None) -> list[Session]:
        starts.append(start)
        return read(start, end)

    monkeypatch.setattr(services.sessions, "list", counting_list)
    page = build_today()
    assert page.controller.offered is not None
    assert page.controller.offered.program_id == "stress-relief", "found a year back"
    assert starts[0] is not None
    assert starts[-1] is None

    services.sessions.add(make_session("strength", days_ago=30))
    starts.clear()
    page.controller.refresh()
    assert page.controller.offered.program_id == "strength"
    assert starts
    assert all(start is not None for start in starts), "the recent months sufficed"


def test_first_run_offers_morning_mobility(today: TodayPage) -> None:
    assert today.view.program_name.text() == "Morning mobility"
    assert today.view.program_detail.text().startswith("A gentle way to get moving")
    assert today.view.sessions_label.text() == "No sessions yet this week."
    assert today.view.plan_label.text() == "Suggested for Morning mobility: every day"


def test_reminder_counts_of_this_week(
    build_today: Callable[[], TodayPage], services: Services, clock: FakeClock
) -> None:
    this_week = week_key(clock.now().date())
    services.settings.set(
        "reminder_state",
        {
            "weekly": {
                this_week: {
                    "diary": {"done": 2, "snoozed": 1, "skipped": 0},
                    "movement": {"done": 1, "snoozed": 0, "skipped": 3},
                },
                "2026-W09": {"diary": {"done": 9, "snoozed": 9, "skipped": 9}},
            }
        },
    )
    page = build_today()
    assert page.view.reminders_label.text() == "Reminders: 3 done · 1 snoozed · 3 skipped"


def test_reminders_off_says_where_to_turn_them_on(
    build_today: Callable[[], TodayPage], services: Services
) -> None:
    services.settings.set("reminders", {"diary": {"enabled": False}})
    page = build_today()
    assert "Reminders are off" in page.view.reminders_label.text()


def test_the_tip_changes_with_the_date(today: TodayPage, clock: FakeClock) -> None:
    first = today.view.tip_label.text()
    assert first == tip_text(clock.now().date(), "en")
    clock.advance(24 * 3600)
    today.controller.refresh()
    second = today.view.tip_label.text()
    assert second == tip_text(clock.now().date(), "en")
    assert second != first


def test_interactive_widgets_have_accessible_names(today: TodayPage) -> None:
    view = today.view
    for widget in (
        view.quick.pain,
        view.quick.stress,
        view.quick.save_button,
        view.add_another_button,
        view.start_button,
        view.sparkline,
    ):
        # What a screen reader hears: a button without a name of its own is named by its
        # words ("Add another"), which voice control users say.
        assert accessible_name(widget), widget


def test_narrow_page_stacks_the_cards(qtbot: QtBot, today: TodayPage) -> None:
    today.view.resize(500, 700)
    qtbot.waitUntil(
        lambda: today.view.columns.direction() == today.view.columns.Direction.TopToBottom
    )
    today.view.resize(1000, 700)
    qtbot.waitUntil(
        lambda: today.view.columns.direction() == today.view.columns.Direction.LeftToRight
    )


def test_week_counts_sessions_from_monday(
    build_today: Callable[[], TodayPage],
    services: Services,
    make_session: Any,
    clock: FakeClock,
) -> None:
    clock.advance(3 * 24 * 3600)  # Thursday
    services.settings.set("reminders", CORE_PLAN)
    for days_ago in (0, 1, 3, 4):  # Thu, Wed, Mon, and the Sunday before
        services.sessions.add(make_session("core-stability-beginner", days_ago=days_ago))
    page = build_today()
    assert page.view.sessions_label.text() == "3 of 3 planned sessions this week"


def test_a_card_is_as_tall_as_its_text_needs_when_narrower_than_it_would_like(
    qtbot: QtBot,
) -> None:
    """A card once stopped at the height its text needs at its preferred width: squeezed
    into a narrow column, its wrapped lines lay over one another."""
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    card = Card("Up next", holder)
    texts = [QLabel("Last done on 4 December · about 6 minutes " * 2, card) for _ in range(3)]
    for label in texts:
        label.setWordWrap(True)
        card.body.addWidget(label)
    column.addWidget(card)
    column.addStretch(1)
    holder.resize(card.sizeHint().width() // 2, 2000)
    holder.show()
    qtbot.waitExposed(holder)
    for label in texts:
        assert label.height() >= label.heightForWidth(label.width())
    assert texts[1].geometry().top() >= texts[0].geometry().bottom()
    assert card.height() <= card.heightForWidth(card.width()) + 1, "the stretch takes the rest"
