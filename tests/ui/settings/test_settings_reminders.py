"""The reminder form saves valid settings, names the field of a bad one, and pauses."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.reminders import ExerciseReminder, ReminderSettings
from rugdiary.ui.settings.page import SettingsPage
from rugdiary.ui.settings.preferences import Preferences
from rugdiary.ui.settings.reminders_controller import APPLY_DELAY_MS


def test_form_shows_the_stored_reminders(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    stored = ReminderSettings(
        exercises=(
            ExerciseReminder("morning-mobility", days=frozenset({1, 3}), time=dt.time(7, 30)),
        )
    )
    preferences.set_reminders(stored)  # a change made elsewhere is shown
    form = page.view.reminders
    assert len(form.exercise_rows) == 1
    row = form.exercise_rows[0]
    assert row.program.currentData() == "morning-mobility"
    assert row.days.days() == frozenset({1, 3})
    assert row.time.time() == QTime(7, 30)
    assert form.diary_time.time() == QTime(20, 0)
    assert not form.no_exercises.isVisibleTo(form)


def test_diary_time_is_saved_after_a_typing_pause(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    form = page.view.reminders
    with qtbot.waitSignal(page.controller.remindersChanged, timeout=APPLY_DELAY_MS * 5):
        form.diary_time.setTime(QTime(21, 15))
    assert preferences.reminders().diary.time == dt.time(21, 15)


def test_movement_breaks_are_saved(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    form = page.view.reminders
    form.breaks_enabled.setChecked(True)
    form.breaks_every.setValue(30)
    form.breaks_start.setTime(QTime(8, 30))
    form.breaks_end.setTime(QTime(16, 0))
    form.breaks_days.buttons[4].setChecked(False)  # no breaks on Friday
    with qtbot.waitSignal(page.controller.remindersChanged):
        assert page.controller.reminders.flush()
    breaks = preferences.reminders().breaks
    assert breaks.enabled
    assert breaks.every_min == 30
    assert (breaks.start, breaks.end) == (dt.time(8, 30), dt.time(16, 0))
    assert breaks.days == frozenset({0, 1, 2, 3})


def test_bad_working_hours_name_the_field_and_are_not_saved(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    form = page.view.reminders
    before = preferences.reminders()
    form.breaks_enabled.setChecked(True)
    form.breaks_end.setTime(QTime(8, 0))  # before the 09:00 start
    with qtbot.assertNotEmitted(page.controller.remindersChanged):
        assert not page.controller.reminders.apply()
    assert form.breaks_message.isVisibleTo(form)
    assert form.breaks_message.text().startswith("Working hours:")
    assert preferences.reminders() == before
    # Fixing it saves it and the message goes.
    form.breaks_end.setTime(QTime(17, 30))
    with qtbot.waitSignal(page.controller.remindersChanged):
        assert page.controller.reminders.apply()
    assert not form.breaks_message.isVisibleTo(form)
    assert preferences.reminders().breaks.end == dt.time(17, 30)


def test_bad_part_does_not_block_the_message_of_another_part(
    preferences: Preferences, page: SettingsPage
) -> None:
    form = page.view.reminders
    form.quiet_end.setTime(form.quiet_start.time())
    form.breaks_days.set_days(frozenset())
    assert not page.controller.reminders.apply()
    assert form.quiet_message.text().startswith("Quiet hours:")
    assert form.breaks_message.text().startswith("Days:")
    assert not form.diary_message.isVisibleTo(form)
    assert preferences.repository.get("reminders") is None


def test_exercise_reminder_added_changed_and_removed(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    form = page.view.reminders
    row = page.controller.reminders.add_exercise()
    row.program.setCurrentIndex(row.program.findData("morning-mobility"))
    row.time.setTime(QTime(7, 15))
    with qtbot.waitSignal(page.controller.remindersChanged):
        assert page.controller.reminders.flush()
    (saved,) = preferences.reminders().exercises
    assert saved.program_id == "morning-mobility"
    assert saved.time == dt.time(7, 15)
    assert saved.days == frozenset({0, 2, 4})

    row.days.set_days(frozenset())
    assert not page.controller.reminders.apply()
    assert row.message.text().startswith("Days:")
    assert preferences.reminders().exercises == (saved,)

    page.controller.reminders.remove_exercise(row)
    with qtbot.waitSignal(page.controller.remindersChanged):
        assert page.controller.reminders.flush()
    assert preferences.reminders().exercises == ()
    assert form.no_exercises.isVisibleTo(form)


def test_two_reminders_for_one_program_at_one_time_are_refused(
    preferences: Preferences, page: SettingsPage
) -> None:
    controller = page.controller.reminders
    first = controller.add_exercise()
    assert controller.flush()
    second = controller.add_exercise()
    assert not controller.apply()
    assert second.message.text().startswith("Program and time:")
    assert not first.message.isVisibleTo(first)
    assert len(preferences.reminders().exercises) == 1


def test_pause_for_an_hour_and_resume(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage, clock: FakeClock
) -> None:
    form = page.view.reminders
    assert form.pause_status.text() == "Reminders are on."
    with qtbot.waitSignal(page.controller.remindersChanged):
        form.pause_hour_button.click()
    assert preferences.reminders().paused_until == clock.now() + dt.timedelta(hours=1)
    assert "paused until" in form.pause_status.text()
    assert form.resume_button.isVisibleTo(form)
    with qtbot.waitSignal(page.controller.remindersChanged):
        form.resume_button.click()
    assert preferences.reminders().paused_until is None
    assert form.pause_status.text() == "Reminders are on."


def test_pause_until_tomorrow_names_the_day(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage, clock: FakeClock
) -> None:
    form = page.view.reminders
    form.pause_tomorrow_button.click()
    until = preferences.reminders().paused_until
    assert until is not None
    assert until.date() == clock.now().date() + dt.timedelta(days=1)
    assert "Tuesday" in form.pause_status.text()


def test_editing_keeps_an_existing_pause(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    page.view.reminders.pause_hour_button.click()
    paused = preferences.reminders().paused_until
    page.view.reminders.diary_time.setTime(QTime(19, 0))
    assert page.controller.reminders.flush()
    assert preferences.reminders().paused_until == paused


def test_settings_say_which_activity_source_counts_sitting(
    qtbot: QtBot, page: SettingsPage
) -> None:
    form = page.view.reminders
    reminders = page.controller.reminders
    assert not form.activity_status.isVisibleTo(form), "nothing known yet: nothing said"
    reminders.show_activity("x11", {"idle", "lock", "fullscreen"}, missing=False)
    text = form.activity_status.text()
    assert form.activity_status.isVisibleTo(form)
    assert "the X11 screen saver extension" in text
    assert "time away from keyboard and mouse, a locked screen, full-screen windows" in text
    reminders.show_activity(None, (), missing=True)
    assert "does not tell when you are at the computer" in form.activity_status.text()


def test_a_waiting_edit_is_saved_when_the_form_is_hidden(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    page.view.reminders.diary_time.setTime(QTime(21, 30))
    assert page.controller.reminders.has_pending_changes()
    page.view.hide()  # another page, or the window sent to the tray
    assert preferences.reminders().diary.time == dt.time(21, 30)
    assert not page.controller.reminders.has_pending_changes()


def test_shutdown_saves_a_waiting_edit(
    qtbot: QtBot, preferences: Preferences, page: SettingsPage
) -> None:
    page.view.reminders.diary_time.setTime(QTime(6, 45))
    page.controller.shutdown()  # MainWindow.shutdown_pages, as the window closes
    assert preferences.reminders().diary.time == dt.time(6, 45)


def accessible(widget: QWidget) -> tuple[str, str]:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)


def test_reminder_fields_are_named_by_the_text_shown_for_them(page: SettingsPage) -> None:
    """Label in name: each name starts with the visible label; the rest is the description."""
    form = page.view.reminders
    row = page.controller.reminders.add_exercise()
    assert accessible(row.enabled) == ("On", "Exercise reminder on")
    assert accessible(row.time) == ("at", "Time of the exercise reminder")
    assert accessible(form.breaks_every) == ("Every", "Minutes between movement breaks")
    assert accessible(form.breaks_start) == ("Working hours", "Start of working hours")
    assert accessible(form.breaks_end) == ("until", "End of working hours")
    assert accessible(form.quiet_end) == ("until", "End of quiet hours")


def test_a_reminder_message_is_named_by_what_it_says(page: SettingsPage) -> None:
    row = page.controller.reminders.add_exercise()
    row.days.set_days(frozenset())
    assert not page.controller.reminders.apply()
    assert accessible(row.message) == (
        "Days: choose at least one day.",
        "Message about this reminder",
    )
