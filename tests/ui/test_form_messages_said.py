"""A form's message panel is said when it appears, and read by its own words.

The panels (Diary, Today, the program and exercise editors, Settings' backups) appeared
while the focus stayed on a field or a button, so a screen reader said nothing; reached
later, it heard a fixed name ("Message about this entry") instead of the message.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.storage.errors import StorageWriteError
from rugdiary.ui import announce, dialogs
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from rugdiary.ui.widgets.form_parts import message_label, show_form_message
from tests.ui.test_a11y_walker import accessible_name, name_problems, where

Said = list[tuple[str, bool]]
"""(text, assertive) of each announcement."""


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    heard: Said = []

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            assertive = QAccessible.AnnouncementPoliteness.Assertive
            heard.append((event.message(), event.politeness() == assertive))  # type: ignore[attr-defined]
        QAccessible.updateAccessibility(event)

    monkeypatch.setattr(announce, "send", record)
    return heard


def _reads_its_text(label: QLabel) -> None:
    assert label.isVisible()
    assert label.text()
    assert accessible_name(label) == label.text()
    assert label.accessibleDescription(), "what the panel is stays said, as its description"
    # The walker's own rule: a label's text is not hidden behind a name.
    hidden = [p for p in name_problems(label.window()) if where(label) in p]
    assert hidden == []


def test_the_diary_says_what_is_missing(window: MainWindow, qtbot: QtBot, said: Said) -> None:
    window.show_page("diary")
    form = window.diary.view.form
    form.pain.setFocus()
    qtbot.keyClick(form.pain, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    _reads_its_text(form.message)
    assert (form.message.text(), True) in said
    said.clear()
    # Pressed again with the same message: said again, since the person asked again.
    qtbot.keyClick(form.pain, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (form.message.text(), True) in said


def test_today_says_what_is_missing(
    window: MainWindow, qtbot: QtBot, said: Said, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pain typed here is left unsaved: closing the window at the end asks nothing.
    monkeypatch.setattr(dialogs, "ask_discard_unsaved", lambda *_a: True)
    window.show_page("today")
    quick = window.today.view.quick
    quick.pain.setFocus()
    qtbot.keyClick(quick.pain, Qt.Key.Key_4)
    said.clear()
    qtbot.keyClick(quick.pain, Qt.Key.Key_Return)
    _reads_its_text(quick.message)
    assert (quick.message.text(), True) in said


def test_the_program_editor_says_what_is_wrong(window: MainWindow, said: Said) -> None:
    window.show_page("programs")
    editor = window.programs.controller.new_program()
    dialog = editor.view
    said.clear()
    dialog.save_button.click()
    _reads_its_text(dialog.message)
    assert [(dialog.message.text(), True)] == [s for s in said if s[0] == dialog.message.text()]
    dialog.done(0)


def test_the_exercise_editor_says_what_is_wrong(window: MainWindow, said: Said) -> None:
    window.show_page("programs")
    editor = window.programs.controller.new_exercise()
    dialog = editor.view
    said.clear()
    dialog.save_button.click()
    _reads_its_text(dialog.message)
    assert (dialog.message.text(), True) in said
    dialog.done(0)


def test_settings_says_why_no_backup_was_made(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch, said: Said
) -> None:
    def full_disk() -> None:
        raise StorageWriteError(services.db.data_dir, "the disk is full")

    monkeypatch.setattr(services.db, "backup_now", full_disk)
    window.show_page("settings")
    controller = window.settings_page.controller
    controller.view.backup_now_button.click()
    label = controller.view.backup_message
    _reads_its_text(label)
    assert "the disk is full" in label.text()
    assert (label.text(), True) in said


def test_a_message_typed_into_is_said_once(qtbot: QtBot, said: Said) -> None:
    """The editors show a dose's message at every key: said when it appears or changes."""
    form = QWidget()
    qtbot.addWidget(form)
    label = message_label("Message about this form", form)
    for _ in range(3):
        show_form_message(label, "Reps: give a number", only_when_new=True)
    show_form_message(label, "Reps: up to 100", only_when_new=True)
    show_form_message(label, "", only_when_new=True)
    assert label.isHidden()
    show_form_message(label, "Reps: up to 100", only_when_new=True)
    assert said == [
        ("Reps: give a number", True),
        ("Reps: up to 100", True),
        ("Reps: up to 100", True),
    ]
