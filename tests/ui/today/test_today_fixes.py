"""Today moves on to the new day by itself, its quick entry can be undone, and it is asked
about before quitting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.services import Services
from rugdiary.ui.today.day_watcher import DAY_CHECK_CAP, DayWatcher
from rugdiary.ui.today.page import TodayPage, build_today_page
from tests.ui.today.conftest import _builtin


def test_the_page_moves_on_to_the_new_day_when_the_app_is_active_again(
    qapp: QApplication,
    build_today: Callable[[], TodayPage],
    repo: EntryRepository,
    make_entry: Any,
    clock: FakeClock,
) -> None:
    clock.set(datetime(2026, 3, 1, 21, 0).astimezone())
    repo.add(make_entry(hour=20))
    today = build_today()
    view = today.view
    assert view.is_logged_shown()
    assert view.date_label.text() == "Sunday, March 1, 2026"

    clock.set(datetime(2026, 3, 2, 8, 30).astimezone())
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert view.date_label.text() == "Monday, March 2, 2026"
    assert not view.is_logged_shown(), "nothing noted yet today"


def test_the_page_moves_on_at_midnight_while_it_is_shown(
    today: TodayPage, repo: EntryRepository, make_entry: Any, clock: FakeClock
) -> None:
    repo.add(make_entry(hour=8))
    today.controller.refresh()
    assert today.view.is_logged_shown()
    watcher = today.controller.day_watcher
    clock.set(clock.now().replace(hour=23, minute=59, second=30))
    assert not watcher.check(), "not yet"
    clock.advance(60)
    assert watcher.check()  # what the timer does when it fires
    assert today.view.date_label.text() == "Tuesday, March 3, 2026"
    assert today.view.ask_panel.isVisible()


def test_the_day_watcher_waits_for_midnight_with_one_timer_capped_at_an_hour(
    qtbot: QtBot, clock: FakeClock
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    clock.set(datetime(2026, 3, 2, 23, 30).astimezone())
    watcher = DayWatcher(clock, holder)
    assert watcher.timer.isSingleShot()
    assert watcher.timer.isActive()
    midnight = datetime(2026, 3, 3, 0, 0).astimezone()
    assert watcher.wakeup is not None
    assert midnight < watcher.wakeup <= midnight + timedelta(seconds=2), "just after midnight"

    clock.set(datetime(2026, 3, 2, 9, 0).astimezone())
    watcher.check()
    assert watcher.wakeup == clock.now() + DAY_CHECK_CAP, "checks the wall clock hourly"
    days: list[object] = []
    watcher.dayChanged.connect(days.append)
    clock.advance(24 * 3600)
    watcher.check()
    assert days == [clock.now().date()]


def test_a_quick_entry_goes_on_the_undo_stack(
    qtbot: QtBot, services: Services, repo: EntryRepository, clock: FakeClock
) -> None:
    stack = QUndoStack()
    page = build_today_page(
        services.entries,
        services.sessions,
        services.programs,
        services.settings,
        services.clock,
        _builtin,
        undo_stack=stack,
    )
    qtbot.addWidget(page.view)
    page.view.show()
    qtbot.waitExposed(page.view)
    changed: list[bool] = []
    page.controller.entriesChanged.connect(lambda: changed.append(True))
    quick = page.view.quick
    quick.pain.setValue(8)
    quick.stress.setValue(4)
    assert page.controller.save()
    (entry,) = repo.list()
    assert stack.undoText() == "add entry"

    stack.undo()
    assert repo.list() == []
    assert not page.view.is_logged_shown()
    assert changed == [True]
    stack.redo()
    assert repo.list() == [entry]
    assert page.view.is_logged_shown()


def test_typed_numbers_and_marked_regions_are_unsaved_input(today: TodayPage) -> None:
    controller, quick = today.controller, today.view.quick
    assert not controller.has_unsaved_input()
    quick.stress.setValue(2)
    assert controller.has_unsaved_input()
    quick.clear()
    quick.regions.set_regions(("lower_back_left",))
    assert controller.has_unsaved_input()
