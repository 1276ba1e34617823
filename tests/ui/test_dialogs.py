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
    "discard editor changes": (
        lambda: dialogs.ask_discard_changes(None),
        "Close without saving",
        "Keep editing",
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


# -- the import's question and its problems ----------------------------------------------------


def _show_import(conflicts: int) -> Callable[[], bool]:
    def show() -> bool:
        differing = [f"diary entry {n}" for n in range(conflicts)]
        answer = dialogs.ask_import_data(None, "physio.csv", ["2 diary entries"], 1, differing)
        shown.append(answer)
        return answer is not None

    shown: list[dialogs.ImportDataChoice | None] = []
    show.shown = shown  # type: ignore[attr-defined]
    return show


@pytest.mark.parametrize(
    ("conflicts", "click", "expected"),
    [
        (0, "Import", dialogs.ImportDataChoice.ADD),
        (0, "Cancel", None),
        (2, "Import, keep mine", dialogs.ImportDataChoice.ADD),
        (2, "Import, replace mine", dialogs.ImportDataChoice.REPLACE),
    ],
)
def test_the_import_question_gives_each_buttons_answer(
    qtbot: QtBot, conflicts: int, click: str, expected: dialogs.ImportDataChoice | None
) -> None:
    show = _show_import(conflicts)
    _answer(show, lambda box: next(b for b in box.buttons() if b.text() == click).click())
    assert show.shown == [expected]  # type: ignore[attr-defined]


@pytest.mark.parametrize("conflicts", [0, 2])
def test_the_import_question_keeps_mine_on_enter_and_adds_nothing_on_escape(
    qtbot: QtBot, conflicts: int
) -> None:
    texts: list[str] = []

    def enter(box: QMessageBox) -> None:
        texts.append(box.informativeText())
        QTest.keyClick(box, Qt.Key.Key_Return)

    show = _show_import(conflicts)
    _answer(show, enter)
    _answer(show, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert show.shown == [dialogs.ImportDataChoice.ADD, None]  # type: ignore[attr-defined]
    assert texts[0].startswith("• 2 diary entries\nAlready in your diary, so left as they are: 1")
    assert ("other values than in the file: 2." in texts[0]) is bool(conflicts)
    assert "A backup of your diary" in texts[0]


def test_import_problems_show_the_first_lines_and_all_under_details(qtbot: QtBot) -> None:
    seen: list[tuple[str, str, str]] = []

    def read(box: QMessageBox) -> None:
        seen.append((box.text(), box.informativeText(), box.detailedText()))
        box.accept()

    problems = [f"Line {n}, pain: must be 0 to 10" for n in range(2, 14)]
    QTimer.singleShot(0, lambda: read(QApplication.activeModalWidget()))  # type: ignore[arg-type]
    dialogs.show_import_problems(None, "typo.csv", problems, 3)
    ((text, shown, details),) = seen
    assert text == "typo.csv has lines RugDiary cannot read, so nothing was imported."
    assert shown.count("• Line") == 8
    assert "… and 7 more." in shown
    assert "Your diary is unchanged." in shown
    assert details.splitlines()[:12] == problems
    assert details.endswith("… and 3 more.")


def test_a_file_that_only_differs_offers_replace_or_cancel_and_enter_cancels(
    qtbot: QtBot,
) -> None:
    seen: list[tuple[str, list[str]]] = []

    def enter(box: QMessageBox) -> None:
        # The choices; Qt's own Show Details (ActionRole) only opens the list of names.
        choices = [b for b in box.buttons() if box.buttonRole(b) != box.ButtonRole.ActionRole]
        seen.append((box.text(), sorted(b.text() for b in choices)))
        QTest.keyClick(box, Qt.Key.Key_Return)

    answers: list[dialogs.ImportDataChoice | None] = []
    QTimer.singleShot(0, lambda: enter(QApplication.activeModalWidget()))  # type: ignore[arg-type]
    answers.append(dialogs.ask_import_data(None, "copy.json", [], 0, ["a", "b"]))
    assert answers == [None]
    details: list[str] = []

    def read(box: QMessageBox) -> None:
        details.append(box.detailedText())
        box.reject()

    QTimer.singleShot(0, lambda: read(QApplication.activeModalWidget()))  # type: ignore[arg-type]
    dialogs.ask_import_data(None, "copy.json", [], 0, ["diary entry of 2 Mar 2026 09:00"])
    assert details == ["In your diary with other values:\n• diary entry of 2 Mar 2026 09:00"]
    assert seen == [
        (
            "copy.json holds other values for records that are in your diary.",
            ["Cancel", "Replace mine"],
        )
    ]


def test_open_dialogs_start_at_home_and_give_the_file_or_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    asked: list[tuple[str, str, str]] = []
    answers = iter([("/home/me/physio.csv", ""), ("", "")])

    def fake(parent: object, title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append((title, folder, filters))
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    assert dialogs.choose_data_import_file(None) == Path("/home/me/physio.csv")
    assert dialogs.choose_data_import_file(None) is None
    assert asked[0] == (
        "Import data",
        str(Path.home()),
        "Diary files (*.csv *.json *.txt);;All files (*)",
    )
