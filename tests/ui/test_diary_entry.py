"""Filling in and saving diary entries through the widgets, keyboard first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import MAX_NOTE_CHARS, DiaryEntry, Medication
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import dialogs
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _window_closes_without_asking() -> Iterator[None]:
    """Tests here leave answers typed; the window closed after each must not wait on the
    "not saved yet" question (tests/ui/test_diary_fixes.py tests that question)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dialogs, "ask_discard_unsaved", lambda parent, detail=None: True)
        yield


def focused() -> object:
    return QApplication.focusWidget()


def test_keyboard_only_quick_entry(
    qtbot: QtBot, window: MainWindow, diary: DiaryPage, repo: EntryRepository, clock: FakeClock
) -> None:
    form = diary.view.form
    qtbot.waitUntil(lambda: focused() is form.pain)
    qtbot.keyClick(focused(), "4")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.stress
    qtbot.keyClick(focused(), "6")
    assert form.save_button.isEnabled()
    clock.advance(90)  # the entry is stamped when saved, not when the form was cleared
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    entries = repo.list()
    assert len(entries) == 1
    assert (entries[0].pain, entries[0].stress) == (4, 6)
    assert entries[0].at == clock.now()
    assert form.pain.value() is None
    assert form.stress.value() is None
    assert not form.save_button.isEnabled()
    assert window.statusBar().currentMessage() == "Saved"
    assert diary.model.entries() == entries
    assert diary.view.list.selected_row() == diary.model.row_of(entries[0].id)


def test_save_needs_pain_and_stress(qtbot: QtBot, diary: DiaryPage, repo: EntryRepository) -> None:
    form = diary.view.form
    assert not form.save_button.isEnabled()
    form.pain.setValue(3)
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.pain, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert repo.list() == []
    assert "pain and for stress" in form.message.text()
    assert focused() is form.stress
    qtbot.keyClick(form.stress, "2")
    assert form.save_button.isEnabled()
    assert form.message.isHidden()


def test_more_details_are_saved(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, clock: FakeClock
) -> None:
    form = diary.view.form
    assert form.more_panel.isHidden()
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    assert form.more_panel.isVisible()

    form.pain.setValue(5)
    form.stress.setValue(7)
    form.sleep.setFocus()
    qtbot.keyClicks(form.sleep, "3")  # typed into the spin box; "not set" before
    form.worst_pain.setValue(8)
    form.activity_min.setValue(30)
    qtbot.keyClick(form.flare_up, Qt.Key.Key_Space)
    qtbot.keyClicks(form.tags, "Sitting, work ,sitting")
    qtbot.mouseClick(form.medication.add_button, Qt.MouseButton.LeftButton)
    row = form.medication.rows()[0]
    qtbot.keyClicks(row.name, "Ibuprofen")
    qtbot.keyClicks(row.dose, "400 mg")
    qtbot.keyClicks(form.note, "Long meeting.")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.keyClicks(form.note, "Stiff afterwards.")
    qtbot.keyClick(form.for_physio, Qt.Key.Key_Space)
    at = datetime(2026, 3, 1, 21, 15).astimezone()
    form.when.setDateTime(QDateTime(2026, 3, 1, 21, 15, 0))  # user edits the date: it is kept
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    (entry,) = repo.list()
    assert entry.at == at
    assert (entry.pain, entry.stress, entry.sleep, entry.worst_pain) == (5, 7, 3, 8)
    assert (entry.mood, entry.confidence, entry.work_demand, entry.support) == (None,) * 4
    assert entry.activity_min == 30
    assert entry.flare_up
    assert entry.for_physio
    assert entry.tags == ("sitting", "work")
    assert entry.medication == (Medication("Ibuprofen", "400 mg"),)
    assert entry.note == "Long meeting.\nStiff afterwards."
    assert repo.known_tags() == ["sitting", "work"]
    # The form is empty again, ready for the next entry.
    assert form.tags.text() == ""
    assert form.medication.rows() == []
    assert form.sleep.optional_value() is None


def test_tag_completion_offers_earlier_tags(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, make_entry: Callable[..., DiaryEntry]
) -> None:
    repo.add(make_entry(tags=("gardening", "work", "walking")))
    diary.controller.reload()
    form = diary.view.form
    form.show_more()
    form.tags.setFocus()
    qtbot.keyClicks(form.tags, "work, ga")
    popup = form.tag_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["gardening"], "only tags starting with what is typed after the comma"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.tags.text() == "work, gardening, "


def test_validation_error_names_the_field_and_focuses_it(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository
) -> None:
    form = diary.view.form
    form.pain.setValue(2)
    form.stress.setValue(2)
    form.show_more()
    form.medication.add_button.click()
    qtbot.keyClicks(form.medication.rows()[0].dose, "2 tablets")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert repo.list() == []
    assert form.message.isVisible()
    assert form.message.text().startswith("Medicine 1:")
    assert focused() is form.medication.rows()[0].name
    assert form.medication.rows()[0].dose.text() == "2 tablets", "nothing typed is lost"


def test_a_moment_typed_in_the_future_is_refused_and_kept(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, clock: FakeClock
) -> None:
    """A year typed wrong stayed "the latest entry" until that day came."""
    form = diary.view.form
    form.pain.setValue(2)
    form.stress.setValue(2)
    form.show_more()
    form.when.setDateTime(QDateTime(2027, 3, 2, 9, 0, 0))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert repo.list() == []
    assert form.message.text().startswith(form.field_label("at") + ": lies in the future")
    assert focused() is form.when
    assert form.when.dateTime() == QDateTime(2027, 3, 2, 9, 0, 0), "nothing typed is lost"
    # Four minutes ahead is a clock that runs a little fast, not a mistake.
    ahead = clock.now() + timedelta(minutes=4)
    form.when.setDateTime(
        QDateTime(ahead.year, ahead.month, ahead.day, ahead.hour, ahead.minute, 0)
    )
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(repo.list()) == 1


def test_too_long_note_is_reported_and_kept(diary: DiaryPage, repo: EntryRepository) -> None:
    form = diary.view.form
    form.pain.setValue(2)
    form.stress.setValue(2)
    form.more_button.setChecked(False)
    form.note.setPlainText("x" * (MAX_NOTE_CHARS + 1))
    assert "too long" in form.note_counter.text()
    form.save_button.click()
    assert repo.list() == []
    assert form.message.text().startswith("Note:")
    assert form.more_panel.isVisible(), "the field is unfolded so it can be seen"
    assert focused() is form.note
    assert len(form.note.toPlainText()) == MAX_NOTE_CHARS + 1


def test_empty_diary_explains_what_to_do(diary: DiaryPage) -> None:
    lst = diary.view.list
    assert lst.table.isHidden()
    assert "No entries yet" in lst.empty_label.text()


def test_tab_walks_the_form_in_reading_order(qtbot: QtBot, diary: DiaryPage) -> None:
    form = diary.view.form
    form.pain.setFocus()
    qtbot.waitUntil(form.pain.hasFocus)
    form.show_more()
    form.medication.add_row()  # added later, yet reached right before "Add medicine"
    row = form.medication.rows()[0]
    qtbot.waitUntil(row.name.isVisible)
    expected = [
        form.stress,
        form.more_button,
        form.when,
        form.worst_pain,
        form.sleep,
        form.mood,
        form.confidence,
        form.work_demand,
        form.support,
        form.activity_min,
        form.flare_up,
        form.regions.map.buttons["lower_back_left"],  # the body map: one Tab stop
        form.tags,
        row.name,
        row.dose,
        row.remove,
        form.medication.add_button,
        form.note,
        form.for_physio,
    ]
    reached = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        # Spin boxes and date edits focus their inner line edit.
        while widget is not None and widget not in expected and widget is not form:
            widget = widget.parentWidget()
        reached.append(widget)
    assert reached == expected


def test_narrow_window_stacks_the_list_under_the_form(
    qtbot: QtBot, window: MainWindow, diary: DiaryPage
) -> None:
    window.resize(1100, 560)
    qtbot.waitUntil(
        lambda: diary.view.splitter.orientation() == Qt.Orientation.Horizontal, timeout=2000
    )
    window.resize(700, 560)
    qtbot.waitUntil(lambda: diary.view.splitter.orientation() == Qt.Orientation.Vertical)
    assert window.width() == 700, "the page does not force the window wider"
    window.resize(1100, 560)
    qtbot.waitUntil(lambda: diary.view.splitter.orientation() == Qt.Orientation.Horizontal)


def test_add_and_remove_medicine_rows_keep_the_keyboard_in_place(
    qtbot: QtBot, diary: DiaryPage
) -> None:
    editor = diary.view.form.medication
    diary.view.form.show_more()
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    first, second = editor.rows()
    qtbot.waitUntil(second.name.hasFocus)
    assert second.name.accessibleName() == "Medicine 2"
    qtbot.keyClicks(second.name, "Paracetamol")
    qtbot.mouseClick(first.remove, Qt.MouseButton.LeftButton)
    assert editor.rows() == [second]
    assert second.name.accessibleName() == "Medicine 1", "rows are renumbered"
    qtbot.waitUntil(second.name.hasFocus)
    assert editor.medications() == (Medication("Paracetamol", ""),)


def test_signs_worth_a_doctors_look_are_offered_as_tags_and_bring_the_notice_back(
    qtbot: QtBot, window: MainWindow, diary: DiaryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rugdiary.core.safety import RED_FLAG_TAGS

    offered = diary.view.form.tag_completer.model().stringList()
    assert set(RED_FLAG_TAGS["en"]) <= set(offered)
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "show_red_flag_notice",
        lambda parent, mode="help", signs=(): shown.append(mode) or True,
    )
    form = diary.view.form
    form.pain.setValue(4)
    form.stress.setValue(3)
    form.tags.setText("numbness in both legs")
    assert diary.controller.save()
    assert shown, "saving an entry with such a sign shows the notice again"
