"""The programs list's buttons are named by their visible words, in English and in Dutch."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton

from rugdiary.ui.programs.page import ProgramsPage
from tests.ui.test_a11y_walker import accessible_name, name_problems, normalised


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The app's own texts in one language for one test (Dutch through the real translator)."""
    if request.param == "en":
        yield "en"
        return
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale("nl"), "rugdiary", "_", str(resource("i18n"))), "make qm"
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Programs", "Delete") != "Delete", "Dutch is on"
        yield "nl"
    finally:
        qapp.removeTranslator(translator)


def test_copy_change_and_delete_are_named_by_their_visible_words(
    language: str, make_page: Callable[..., ProgramsPage]
) -> None:
    page = make_page(lang=language)
    page.controller.select_program("core-stability-beginner")
    programs = page.view.programs
    described = {
        programs.copy_button: "Copy the selected program to change it",
        programs.edit_button: "Change the selected own program",
        programs.delete_button: "Delete the selected own program",
    }
    for button, description in described.items():
        assert isinstance(button, QPushButton)
        # What a screen reader hears, through Qt's accessibility layer.
        name = accessible_name(button)
        assert normalised(name).startswith(normalised(button.text())), (button.text(), name)
        # The longer wording is kept, as the description, in the same language.
        assert button.accessibleDescription() == QCoreApplication.translate("Programs", description)
    problems = [p for p in name_problems(programs) if "PainMarkLabel" not in p]
    assert problems == [], "\n".join(problems)
