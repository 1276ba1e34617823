"""The first-run welcome: four screens, skippable, keyboard-driven, answers stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.reminders import DiaryReminder, ExerciseReminder, ReminderSettings
from rugdiary.ui import dialogs
from rugdiary.ui.first_run import DONE_KEY, first_run_needed, run_first_run, store_result
from rugdiary.ui.first_run.welcome import FirstRunDialog, FirstRunResult
from rugdiary.ui.safety import ACKNOWLEDGED_KEY, red_flags_acknowledged
from rugdiary.ui.services import Services


@pytest.fixture
def wizard(qtbot: QtBot) -> FirstRunDialog:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_four_screens_ending_with_the_red_flag_notice(wizard: FirstRunDialog) -> None:
    assert wizard.stack.count() == 4
    assert wizard.stack.widget(wizard.last()) is wizard.safety
    assert wizard.step_label.text() == "Step 1 of 4"


def test_the_message_is_carried_in_calm_words(wizard: FirstRunDialog) -> None:
    from rugdiary.core.content import forbidden_words

    text = wizard.message.text.text().lower()
    for point in ("stress", "relax", "exercise helps", "keep moving"):
        assert point in text, point
    assert forbidden_words(text, "en") == []


def test_walk_through_with_the_keyboard_alone(qtbot: QtBot, wizard: FirstRunDialog) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.welcome.language)
    _key(qtbot, Qt.Key.Key_Down)  # English
    assert wizard.language() == "en"
    for expected in (1, 2):
        _key(qtbot, Qt.Key.Key_Return)  # Next is the default button
        assert wizard.current() == expected
    assert QApplication.focusWidget() is wizard.setup.reminder
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.setup.time
    _key(qtbot, Qt.Key.Key_Down)  # the hour section: 20:00 -> 19:00
    _key(qtbot, Qt.Key.Key_Tab)  # to the minutes
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.setup.demo
    _key(qtbot, Qt.Key.Key_Space)
    assert wizard.setup.demo.isChecked()
    wizard.next_button.setFocus()
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.current() == wizard.last()
    assert not wizard.skip_button.isVisible()
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.result() == FirstRunDialog.DialogCode.Accepted
    assert wizard.result_value() == FirstRunResult(
        language="en",
        reminder=DiaryReminder(enabled=True, time=dt.time(19, 0)),
        wants_demo=True,
        red_flags_acknowledged=True,
        completed=True,
    )


def test_escape_skips_to_the_notice_then_closes(qtbot: QtBot, wizard: FirstRunDialog) -> None:
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.current() == wizard.last()
    assert wizard.isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    result = wizard.result_value()
    assert not result.red_flags_acknowledged
    assert not result.completed
    assert result.reminder is None, "a skipped reminder screen leaves the settings alone"
    assert not result.wants_demo


def test_skip_button_and_back(qtbot: QtBot, wizard: FirstRunDialog) -> None:
    assert not wizard.back_button.isEnabled()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.back_button.isEnabled()
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == 0
    qtbot.mouseClick(wizard.skip_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == wizard.last()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    result = wizard.result_value()
    assert result.red_flags_acknowledged
    assert not result.completed


def test_mnemonics_are_unique_per_screen(wizard: FirstRunDialog) -> None:
    for index in range(wizard.stack.count()):
        wizard._show(index)
        letters = [
            b.text().lower().split("&", 1)[1][0]
            for b in wizard.findChildren(QAbstractButton)
            if b.isVisibleTo(wizard) and "&" in b.text()
        ]
        assert len(letters) == len(set(letters)), (index, letters)


def test_every_control_has_a_name(wizard: FirstRunDialog) -> None:
    from tests.ui.test_accessibility import unnamed_widgets

    for index in range(wizard.stack.count()):
        wizard._show(index)
        assert unnamed_widgets(wizard) == [], index


def test_choosing_dutch_shows_the_notice_in_dutch(wizard: FirstRunDialog) -> None:
    chosen: list[str] = []
    wizard.languageChosen.connect(chosen.append)
    wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("nl"))
    assert chosen == ["nl"]
    assert "huisartsenpost" in wizard.safety.view.label.text()
    assert "Wanneer" in wizard.safety.heading.text()


def test_same_as_the_computer_follows_the_language_the_app_runs_in(qtbot: QtBot) -> None:
    """Started with `--lang nl` on an English computer, the notice came up in English
    under Dutch buttons: "system" read the computer's locale, not the app's."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    try:
        dialog = FirstRunDialog()
        qtbot.addWidget(dialog)
        assert dialog.language() == "system"
        assert "huisartsenpost" in dialog.safety.view.label.text()
        assert dialog.safety.heading.text().startswith("Wanneer")
    finally:
        QLocale.setDefault(before)


def _fake_exec(answer: Callable[[FirstRunDialog], None]) -> Callable[[QWidget], bool]:
    def fake(dialog: QWidget) -> bool:
        assert isinstance(dialog, FirstRunDialog)
        answer(dialog)
        return True

    return fake


def test_run_first_run_stores_the_answers(
    monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    settings = services.settings
    other = ExerciseReminder(program_id="desk-break")
    settings.set("reminders", ReminderSettings(exercises=(other,)).to_dict())
    assert first_run_needed(settings)

    def answer(dialog: FirstRunDialog) -> None:
        dialog.welcome.language.setCurrentIndex(dialog.welcome.language.findData("nl"))
        dialog.next()
        dialog.next()
        dialog.setup.reminder.setChecked(False)
        dialog.next()
        dialog.next()

    monkeypatch.setattr(dialogs, "exec_dialog", _fake_exec(answer))
    result = run_first_run(None, settings)
    assert result == FirstRunResult(
        language="nl",
        reminder=DiaryReminder(enabled=False),
        wants_demo=False,
        red_flags_acknowledged=True,
        completed=True,
    )
    assert settings.get(DONE_KEY) is True
    assert settings.get("language") == "nl"
    assert red_flags_acknowledged(settings)
    stored = ReminderSettings.from_dict(settings.get("reminders"))
    assert stored.diary == DiaryReminder(enabled=False, time=dt.time(20, 0))
    assert stored.exercises == (other,), "other reminders are kept"
    assert not first_run_needed(settings)


def test_skipping_still_marks_the_welcome_done_but_not_the_notice(
    monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    settings = services.settings
    monkeypatch.setattr(dialogs, "exec_dialog", _fake_exec(lambda d: d.skip()))
    result = run_first_run(None, settings)
    assert not result.completed
    assert settings.get(DONE_KEY) is True
    assert settings.get(ACKNOWLEDGED_KEY) is None
    assert settings.get("reminders") is None
    assert settings.get("language") is None, "'system' is the default: nothing to store"


def test_language_callback_is_called_live(
    monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    seen: list[str] = []

    def answer(dialog: FirstRunDialog) -> None:
        dialog.welcome.language.setCurrentIndex(dialog.welcome.language.findData("en"))

    monkeypatch.setattr(dialogs, "exec_dialog", _fake_exec(answer))
    run_first_run(None, services.settings, on_language=seen.append)
    assert seen == ["en"]


def test_unreadable_reminder_settings_are_replaced(services: Services) -> None:
    settings = services.settings
    settings.set("reminders", {"diary": {"time": "not a time"}})
    store_result(settings, FirstRunResult(reminder=DiaryReminder(time=dt.time(21, 30))))
    stored = ReminderSettings.from_dict(settings.get("reminders"))
    assert stored.diary.time == dt.time(21, 30)


def test_wants_demo_only_when_ticked(wizard: FirstRunDialog) -> None:
    wizard._show(2)
    assert not wizard.result_value().wants_demo
    wizard.setup.demo.setChecked(True)
    assert wizard.result_value().wants_demo
