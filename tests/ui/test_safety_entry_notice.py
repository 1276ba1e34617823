"""The notice after a diary entry with an urgent sign: it names the sign and says "now"."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.diary import new_entry
from rugdiary.core.safety import UrgentSign
from rugdiary.ui import dialogs
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.safety import NoticeMode, RedFlagDialog, notice_after_save, plain_notice

NOW = datetime(2026, 3, 2, 9, 0).astimezone()

PLAYED_DOWN = ("worth checking", "close this", "rarely serious", "not caused by anything serious")
PLAYED_DOWN_NL = ("sluiten", "zelden ernstig", "geen ernstige oorzaak")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Every dialog that would run modally, caught instead of blocking; accepted."""
    caught: list[QDialog] = []

    def fake_exec(dialog: QWidget) -> bool:
        assert isinstance(dialog, QDialog)
        caught.append(dialog)
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", fake_exec)
    return caught


def test_the_notice_after_an_entry_names_its_sign_and_says_to_contact_a_doctor_now(
    shown: list[QDialog],
) -> None:
    entry = new_entry(now=NOW, pain=4, stress=3, tags=["sitting", "trouble passing urine"])
    assert notice_after_save(None, entry)
    (dialog,) = shown
    assert isinstance(dialog, RedFlagDialog)
    assert dialog.mode is NoticeMode.ENTRY
    assert dialog.signs == (UrgentSign.URINE_TROUBLE,)
    for text in (dialog.view.label.text(), dialog.view.accessibleDescription()):
        assert "new trouble starting to pass urine or stopping the flow" in text
        assert "contacting a doctor now" in text
        assert "GP&#x27;s urgent line" in text or "GP's urgent line" in text
        assert "112" in text
        for words in PLAYED_DOWN:
            assert words not in text.lower(), words
    # The whole list is still there to read.
    assert "a new change in sexual feeling or function" in dialog.view.label.text()


def test_the_signs_are_gone_once_the_notice_is_closed(shown: list[QDialog]) -> None:
    entry = new_entry(now=NOW, pain=4, stress=3, tags=["saddle numbness"])
    assert notice_after_save(None, entry)
    later = RedFlagDialog(NoticeMode.ENTRY, lang="en")
    assert later.signs == ()
    assert "You noted something a doctor should look at now" in later.view.label.text()
    later.deleteLater()


def test_in_dutch_it_names_the_sign_and_the_huisartsenpost(qtbot: QtBot) -> None:
    dialog = RedFlagDialog(
        NoticeMode.ENTRY, lang="nl", signs=(UrgentSign.NUMB_BOTH_LEGS, UrgentSign.LEAKING)
    )
    qtbot.addWidget(dialog)
    for text in (dialog.view.label.text(), dialog.view.accessibleDescription()):
        assert "een doof gevoel in beide benen" in text
        assert "ongewild urine of ontlasting verliezen" in text
        assert "neem nu contact op met een arts" in text
        assert "huisartsenpost" in text
        assert "112" in text
        for words in PLAYED_DOWN_NL:
            assert words not in text.lower(), words


def test_the_help_notice_keeps_its_reassurance() -> None:
    """Looked up from Help, with nothing noted, the general words stay."""
    text = plain_notice("en")
    assert "rarely serious" in text
    assert "Most back pain is not caused by anything serious" in text
    assert "You noted" not in text


def test_saving_numbness_on_both_legs_from_the_diary_names_it(
    window: MainWindow, diary: DiaryPage, shown: list[QDialog]
) -> None:
    """The review's case: "doof gevoel" with both legs marked on the body map."""
    form = diary.view.form
    form.pain.setValue(4)
    form.stress.setValue(3)
    form.show_more(True)
    form.tags.setText("doof gevoel")
    form.regions.set_regions(["thigh_left", "below_knee_right"])
    assert diary.controller.save()
    (dialog,) = shown
    assert isinstance(dialog, RedFlagDialog)
    assert dialog.signs == (UrgentSign.NUMB_BOTH_LEGS,)
    assert "numbness in both legs" in dialog.view.label.text()
