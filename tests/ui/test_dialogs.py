"""The two-button questions in ui.dialogs: what Escape, Enter and each button answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rugdiary.ui import dialogs

QUESTIONS: dict[str, tuple[Callable[[], bool], str, str, bool]] = {
    # name: (show it, go button, stay button, what Enter answers)
    "discard unsaved": (
        lambda: dialogs.ask_discard_unsaved(None),
        "Leave it",
        "Keep my entry",
        False,
    ),
    "delete used exercise": (
        lambda: dialogs.ask_delete_used_exercise(None, "Bridge", ["Morning", "Desk break"]),
        "Delete anyway",
        "Keep it",
        False,
    ),
    "health data file": (
        lambda: dialogs.confirm_health_data_file(None),
        "Continue",
        "Cancel",
        True,
    ),
    "restore backup": (
        lambda: dialogs.ask_restore_backup(None, "24 Nov 2026 09:00"),
        "Restore",
        "Keep my diary as it is",
        False,
    ),
}


def _answer(show: Callable[[], bool], act: Callable[[QMessageBox], None]) -> tuple[bool, list[str]]:
    seen: list[str] = []

    def interact() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(sorted(b.text() for b in box.buttons()))
        act(box)

    QTimer.singleShot(0, interact)
    return show(), seen


@pytest.mark.parametrize("name", QUESTIONS)
def test_escape_always_stays(qtbot: QtBot, name: str) -> None:
    show, go, stay, _enter = QUESTIONS[name]
    answer, buttons = _answer(show, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert answer is False
    assert buttons == sorted([go, stay])


@pytest.mark.parametrize("name", QUESTIONS)
def test_enter_takes_the_safe_default(qtbot: QtBot, name: str) -> None:
    show, _go, _stay, enter = QUESTIONS[name]
    answer, _ = _answer(show, lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    assert answer is enter


@pytest.mark.parametrize("name", QUESTIONS)
def test_each_button_gives_its_answer(qtbot: QtBot, name: str) -> None:
    show, go, stay, _enter = QUESTIONS[name]
    for text, expected in ((go, True), (stay, False)):
        answer, _ = _answer(
            show, lambda box, text=text: next(b for b in box.buttons() if b.text() == text).click()
        )
        assert answer is expected


def test_the_exercise_question_names_the_programs_that_use_it(qtbot: QtBot) -> None:
    texts: list[str] = []

    def read(box: QMessageBox) -> None:
        texts.extend([box.text(), box.informativeText()])
        box.reject()

    _answer(QUESTIONS["delete used exercise"][0], read)
    assert texts[0] == "“Bridge” is part of your programs:"
    assert texts[1].startswith("• Morning\n• Desk break\n\n")
