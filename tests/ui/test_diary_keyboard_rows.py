"""The Diary list and the keyboard: what a session row offers, and a day opened from Insights."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow
from tests.ui.conftest import evening_session


def _described(table: QTableView, row: int) -> str:
    """The description a screen reader gets for the first cell of `row` (Qt's table cell)."""
    iface = QAccessible.queryAccessibleInterface(table)
    for index in range(iface.childCount()):
        child = iface.child(index)
        cell = child.tableCellInterface() if child is not None else None
        if cell is not None and cell.rowIndex() == row and cell.columnIndex() == 0:
            return child.text(QAccessible.Text.Description)
    raise AssertionError(f"no cell for row {row}")


def test_change_and_delete_are_grey_on_an_exercise_session_and_say_why(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, services: Any, make_entry: Any
) -> None:
    """Change… and Delete were enabled on a session row and did nothing, nor did Enter and
    Delete: now they are grey there, and the row and the buttons say why."""
    entry = repo.add(make_entry(hour=9, pain=5, stress=3))
    repo.add(make_entry(hour=20, pain=3, stress=2))
    services.sessions.add(evening_session(entry.day))
    diary.controller.reload()
    model, lst = diary.model, diary.view.list
    session_row = next(r for r in range(model.rowCount()) if model.session_at(r) is not None)
    entry_row = model.row_of(entry.id)

    lst.select_row(session_row)
    for control in (lst.edit_button, lst.delete_button):
        assert not control.isEnabled()
        assert "only diary entries" in control.toolTip()
        assert "only diary entries" in control.accessibleDescription()
    assert not lst.table.edit_action.isEnabled()
    assert not lst.table.delete_action.isEnabled()
    # What a screen reader hears on the row itself, where the keyboard is.
    assert "only diary entries" in _described(lst.table, session_row)
    sessions = len(services.sessions.list(None, None))
    lst.table.setFocus()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete):
        qtbot.keyClick(lst.table, key)
    assert diary.controller.editing is None
    assert len(services.sessions.list(None, None)) == sessions

    lst.select_row(entry_row)
    assert lst.edit_button.isEnabled()
    assert lst.delete_button.isEnabled()
    assert lst.edit_button.toolTip() == "Change the selected entry (Enter)"
    assert lst.delete_button.accessibleDescription() == "Delete the selected entry"
    assert _described(lst.table, entry_row) == ""
    assert QApplication.focusWidget() is lst.table


def test_a_day_opened_from_insights_puts_the_keyboard_on_its_first_entry(
    qtbot: QtBot, window: MainWindow, repo: EntryRepository, services: Any, make_entry: Any
) -> None:
    """Enter on a chart's day showed the day in the Diary with the keyboard on the new-entry
    form, seven Tab presses from the day's entries."""
    window.show_page("today")
    first = repo.add(make_entry(days_ago=3, hour=8))
    evening = repo.add(make_entry(days_ago=3, hour=19))
    repo.add(make_entry(days_ago=2, hour=9))
    services.sessions.add(evening_session(first.day))
    window.open_day(first.day)
    QApplication.processEvents()
    lst = window.diary.view.list
    assert window.current_page() == "diary"
    assert QApplication.focusWidget() is lst.table
    # The first entry of the list, which shows the day's newest first.
    assert window.diary.model.entry_at(lst.selected_row()) == evening
    # A day with nothing in it: the focus stays where the page puts it, on the form.
    window.open_day(first.day - timedelta(days=30))
    QApplication.processEvents()
    assert QApplication.focusWidget() is not lst.table
