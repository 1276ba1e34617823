"""Today's quick entry: where it hurts folds out, is used by keyboard, and is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.today.page import TodayPage


def focused() -> object:
    return QApplication.focusWidget()


def test_where_it_hurts_is_folded_until_asked(today: TodayPage) -> None:
    quick = today.view.quick
    assert quick.where_button.isVisible()
    assert not quick.regions.isVisible(), "the page stays two questions and Save"
    assert quick.regions.map.compact
    quick.where_button.setChecked(True)
    assert quick.regions.isVisible()


def test_keyboard_only_entry_with_regions_is_saved_and_cleared(
    qtbot: QtBot, today: TodayPage, repo: EntryRepository
) -> None:
    quick = today.view.quick
    quick.pain.setFocus()
    qtbot.keyClick(focused(), "5")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), "3")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is quick.where_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(quick.regions.isVisible)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is quick.regions.map.buttons["lower_back_left"]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert quick.regions.regions() == ("lower_back_left", "thigh_left")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is quick.save_button
    with qtbot.waitSignal(today.controller.entrySaved):
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
    (entry,) = repo.list()
    assert (entry.pain, entry.stress, entry.regions) == (5, 3, ("lower_back_left", "thigh_left"))
    assert quick.regions.regions() == ()
    assert not quick.where_button.isChecked()
