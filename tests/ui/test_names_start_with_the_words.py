"""Buttons are named by the words they show, in English and in Dutch (the real translation).

Voice control users say what they see: "Toevoegen", not "Voeg de gekozen oefening toe aan
het eind". A longer wording that named these buttons started with their words in English
only; it is their description now.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from rugdiary.ui.app import install_app_translator, install_qt_translator
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from tests.ui.test_a11y_walker import accessible_name, name_problems, normalised


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The app's and Qt's own translations (QDialogButtonBox's "Opslaan") for one test."""
    lang: str = request.param
    locale = QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
    before = set(qapp.findChildren(QTranslator))
    if lang == "nl":
        install_qt_translator(qapp, locale)
        assert install_app_translator(qapp, locale), "the Dutch translation is built (make qm)"
    yield lang
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def translated_window(qtbot: QtBot, services: Services, language: str) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _named_by_its_words(button: QAbstractButton) -> None:
    shown = normalised(button.text())
    assert shown
    assert normalised(accessible_name(button)).startswith(shown), (
        button.text(),
        accessible_name(button),
    )
    assert button.accessibleDescription(), "the longer wording stays, as the description"


def test_today_add_another(translated_window: MainWindow) -> None:
    translated_window.show_page("today")
    _named_by_its_words(translated_window.today.view.add_another_button)


def test_program_editor_buttons(translated_window: MainWindow, language: str) -> None:
    translated_window.show_page("programs")
    editor = translated_window.programs.controller.new_program()
    view = editor.view
    view.add_button.click()  # an exercise in the list: Remove is shown and enabled
    for button in (view.add_button, view.remove_button, view.save_button):
        _named_by_its_words(button)
    if language == "nl":
        assert view.save_button.text() == "Opslaan"
    assert [p for p in name_problems(view) if "does not start" in p] == []
    view.done(0)


def test_exercise_editor_save(translated_window: MainWindow) -> None:
    translated_window.show_page("programs")
    editor = translated_window.programs.controller.new_exercise()
    _named_by_its_words(editor.view.save_button)
    assert [p for p in name_problems(editor.view) if "does not start" in p] == []
    editor.view.done(0)


def test_exercise_library_change_and_delete(translated_window: MainWindow) -> None:
    translated_window.show_page("programs")
    library = translated_window.programs.view.library
    translated_window.programs.view.show_library()
    for button in (library.edit_button, library.delete_button):
        _named_by_its_words(button)
    assert [p for p in name_problems(library) if "does not start" in p] == []
