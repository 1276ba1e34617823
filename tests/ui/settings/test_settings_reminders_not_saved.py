"""A reminder change the diary file refuses: the form shows what is stored and says why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from rugdiary.core.reminders import ReminderSettings
from rugdiary.storage.errors import DataLockedError, StorageWriteError
from rugdiary.ui.services import Services
from rugdiary.ui.settings.page import SettingsPage
from rugdiary.ui.settings.preferences import Preferences
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)

FULL = StorageWriteError(Path("/data/diary.json"), "the disk is full")


def refuse_writes(
    monkeypatch: pytest.MonkeyPatch, services: Services, error: Exception = FULL
) -> None:
    """Every write to the settings table fails; reads go on working."""

    def refuse(_key: str, _value: object) -> None:
        raise error

    monkeypatch.setattr(services.settings, "set", refuse)


def notices_of(page: SettingsPage) -> list[str]:
    said: list[str] = []
    page.controller.notice.connect(lambda text, _undo: said.append(text))
    return said


def test_a_refused_reminder_change_goes_back_and_says_why(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    page: SettingsPage,
    preferences: Preferences,
) -> None:
    form = page.view.reminders
    reminders = page.controller.reminders
    stored = preferences.reminders()
    said = notices_of(page)
    refuse_writes(monkeypatch, services)
    form.diary_time.setTime(QTime(21, 15))
    with qtbot.assertNotEmitted(page.controller.remindersChanged):
        assert not reminders.flush(), "a refused save is not reported as saved"
    assert preferences.reminders() == stored
    assert form.diary_time.time() == QTime(20, 0), "the form shows what is really stored"
    expected = "Not saved: the disk is full. These are the reminders still in use."
    assert form.save_message.isVisibleTo(form)
    assert form.save_message.text() == expected
    assert said == [expected]

    # Once the disk takes it again, the change is saved and the message goes.
    monkeypatch.undo()
    form.diary_time.setTime(QTime(21, 15))
    assert reminders.flush()
    assert preferences.reminders().diary.time == dt.time(21, 15)
    assert not form.save_message.isVisibleTo(form)


def test_a_refused_exercise_reminder_is_taken_away_again(
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    page: SettingsPage,
    preferences: Preferences,
) -> None:
    refuse_writes(monkeypatch, services)
    reminders = page.controller.reminders
    reminders.add_exercise()
    assert not reminders.flush()
    assert preferences.reminders().exercises == ()
    assert page.view.reminders.exercise_rows == [], "no row that looks saved but is not"


def test_a_refused_pause_keeps_saying_reminders_are_on(
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    page: SettingsPage,
    preferences: Preferences,
) -> None:
    form = page.view.reminders
    said = notices_of(page)
    refuse_writes(
        monkeypatch,
        services,
        DataLockedError(
            Path("/data"),
            "another RugDiary window or command is using this data folder; "
            "close it or try again in a moment",
        ),
    )
    form.pause_hour_button.click()
    assert preferences.reminders().paused_until is None
    assert form.pause_status.text() == "Reminders are on."
    assert form.pause_hour_button.isVisibleTo(form)
    assert not form.resume_button.isVisibleTo(form)
    assert said == [
        "Not saved: another RugDiary window or command is using this data folder; "
        "close it or try again in a moment. These are the reminders still in use."
    ]
    assert form.save_message.text() == said[0]


@pytest.mark.usefixtures("dutch")
def test_the_reason_reminders_were_not_saved_is_in_the_apps_language(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    said = notices_of(page)
    refuse_writes(monkeypatch, services)
    page.view.reminders.diary_enabled.click()
    assert not page.controller.reminders.flush()
    assert len(said) == 1
    assert "de schijf is vol" in said[0]
    assert page.view.reminders.diary_enabled.isChecked() is ReminderSettings().diary.enabled
