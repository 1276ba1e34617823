"""Reads the reminder form into validated ReminderSettings, saves them, and names bad fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QLocale, QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import QLabel

from rugdiary.core.activity import CAPABILITIES as CAPABILITY_ORDER
from rugdiary.core.clock import Clock
from rugdiary.core.diary import ValidationError
from rugdiary.core.reminders import (
    DiaryReminder,
    ExerciseReminder,
    MovementBreaks,
    QuietHours,
    ReminderScheduler,
    ReminderSettings,
)
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui.reasons import reason_text
from rugdiary.ui.settings.preferences import REMINDERS, Preferences
from rugdiary.ui.settings.reminders_view import (
    ExerciseReminderRow,
    RemindersView,
    from_qtime,
    set_program_choices,
    to_qtime,
)

if TYPE_CHECKING:
    from rugdiary.ui.reminders import ReminderService

APPLY_DELAY_MS = 400
"""Typing a time fires a change per digit: wait this long, then save once."""

NEW_EXERCISE_DAYS = frozenset({0, 2, 4})
NEW_EXERCISE_TIME = dt.time(18, 0)
"""A new exercise reminder starts as Monday, Wednesday and Friday at 18:00 (the core defaults)."""

T = TypeVar("T")

ProgramChoices = Callable[[], Sequence[tuple[str, str]]]
"""Returns the (program id, name) pairs a reminder can point at."""


class RemindersController(QObject):
    """Saves the reminder form whenever it holds valid settings; never saves a bad value.

    Each part (diary, each exercise reminder, breaks, quiet hours) is validated on its
    own, so a message appears beside the part that needs another value while the
    other parts keep their stored settings.

    What waits for the typing pause is saved at once when the form is hidden: another
    page, the window closed or sent to the tray, the app quitting.
    """

    remindersChanged = Signal()
    """New reminder settings are stored; the reminder service should read them again."""
    notice = Signal(str, bool)
    """Reminders could not be saved: the same words as the form shows, for the status bar
    (the bool: offer Undo; never here). It matters most when the form is hidden."""

    def __init__(
        self,
        view: RemindersView,
        preferences: Preferences,
        clock: Clock,
        program_choices: ProgramChoices,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.preferences = preferences
        self.clock = clock
        self.program_choices = program_choices
        self._service: ReminderService | None = None
        self._loading = False
        self._storing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(APPLY_DELAY_MS)
        self._timer.timeout.connect(self.apply)

        v = view
        for check in (v.diary_enabled, v.breaks_enabled, v.quiet_enabled):
            check.toggled.connect(self._edited)
        for edit in (v.diary_time, v.breaks_start, v.breaks_end, v.quiet_start, v.quiet_end):
            edit.timeChanged.connect(self._edited)
        v.breaks_every.valueChanged.connect(self._edited)
        v.breaks_days.changed.connect(self._edited)
        v.breaks_program.currentIndexChanged.connect(self._edited)
        v.breaks_enabled.toggled.connect(self._update_enabled)
        v.diary_enabled.toggled.connect(self._update_enabled)
        v.quiet_enabled.toggled.connect(self._update_enabled)
        v.add_exercise_button.clicked.connect(self.add_exercise)
        v.pause_hour_button.clicked.connect(self.pause_for_an_hour)
        v.pause_tomorrow_button.clicked.connect(self.pause_until_tomorrow)
        v.resume_button.clicked.connect(self.resume)
        preferences.changed.connect(self._on_preference_changed)
        # Hidden also when the app quits: Qt closes its windows first (the tray's Quit).
        view.installEventFilter(self)
        self.load()

    def bind_service(self, service: ReminderService) -> None:
        """Let the running reminder service own the pause, and show its pause state.

        Pause and Resume then go through the service as the tray's do: pausing hides a
        showing reminder, and resuming drops what fell in the pause. The service stores
        the pause itself, which `Preferences.changed` does not report: its `stateChanged`
        keeps the line above the buttons true, also when a pause from the tray starts or
        a pause runs out.
        """
        self._service = service
        service.stateChanged.connect(self._show_service_pause)
        self._show_service_pause()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Hide:
            self.flush()
        return False

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored settings, dropping unsaved edits and messages."""
        self._timer.stop()
        settings = self.preferences.reminders()
        choices = list(self.program_choices())
        v = self.view
        self._loading = True
        try:
            v.diary_enabled.setChecked(settings.diary.enabled)
            v.diary_time.setTime(to_qtime(settings.diary.time))
            v.clear_exercise_rows()
            for reminder in settings.exercises:
                self._add_row(reminder, choices)
            b = settings.breaks
            v.breaks_enabled.setChecked(b.enabled)
            v.breaks_every.setValue(b.every_min)
            v.breaks_start.setTime(to_qtime(b.start))
            v.breaks_end.setTime(to_qtime(b.end))
            v.breaks_days.set_days(b.days)
            set_program_choices(v.breaks_program, choices, b.program_id)
            q = settings.quiet
            v.quiet_enabled.setChecked(q.enabled)
            v.quiet_start.setTime(to_qtime(q.start))
            v.quiet_end.setTime(to_qtime(q.end))
        finally:
            self._loading = False
        for label in (*self._message_labels(), v.save_message):
            _hide(label)
        self._update_enabled()
        self._show_pause(settings.paused_until)

    def _add_row(
        self, reminder: ExerciseReminder | None, choices: list[tuple[str, str]]
    ) -> ExerciseReminderRow:
        row = self.view.add_exercise_row()
        if reminder is None:
            enabled, program_id = True, (choices[0][0] if choices else "")
            days, time = NEW_EXERCISE_DAYS, NEW_EXERCISE_TIME
        else:
            enabled, program_id = reminder.enabled, reminder.program_id
            days, time = reminder.days, reminder.time
        row.enabled.setChecked(enabled)
        set_program_choices(row.program, choices, program_id)
        row.time.setTime(to_qtime(time))
        row.days.set_days(days)
        row.enabled.toggled.connect(self._edited)
        row.enabled.toggled.connect(self._update_enabled)
        row.program.currentIndexChanged.connect(self._edited)
        row.time.timeChanged.connect(self._edited)
        row.days.changed.connect(self._edited)
        row.removeRequested.connect(lambda r=row: self.remove_exercise(r))
        return row

    # -- editing -----------------------------------------------------------------------------

    def add_exercise(self) -> ExerciseReminderRow:
        """A new exercise reminder (first program, Mon/Wed/Fri, 18:00), saved when valid."""
        row = self._add_row(None, list(self.program_choices()))
        self._update_enabled()
        row.program.setFocus()
        self._edited()
        return row

    def remove_exercise(self, row: ExerciseReminderRow) -> None:
        self.view.remove_exercise_row(row)
        self.view.add_exercise_button.setFocus()
        self._edited()

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self._timer.start()

    def has_pending_changes(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> bool:
        """Save at once what is waiting for the typing pause; True when nothing bad is left."""
        if self._timer.isActive():
            return self.apply()
        return not any(label.isVisibleTo(self.view) for label in self._message_labels())

    def apply(self) -> bool:
        """Validate the whole form; save it and return True, or show why and save nothing
        (also when the diary file refuses the save: the form then shows what is stored)."""
        self._timer.stop()
        v = self.view
        problems: list[tuple[QLabel, str]] = []

        diary = self._part(
            problems,
            v.diary_message,
            "diary",
            lambda: DiaryReminder(
                enabled=v.diary_enabled.isChecked(), time=from_qtime(v.diary_time.time())
            ),
        )
        exercises: list[ExerciseReminder] = []
        for row in v.exercise_rows:
            reminder = self._part(
                problems,
                row.message,
                "exercise",
                partial(_exercise_from, row),
            )
            if reminder is not None:
                exercises.append(reminder)
        breaks = self._part(
            problems,
            v.breaks_message,
            "breaks",
            lambda: MovementBreaks(
                enabled=v.breaks_enabled.isChecked(),
                every_min=v.breaks_every.value(),
                start=from_qtime(v.breaks_start.time()),
                end=from_qtime(v.breaks_end.time()),
                days=v.breaks_days.days(),
                program_id=v.breaks_program.currentData() or "",
            ),
        )
        quiet = self._part(
            problems,
            v.quiet_message,
            "quiet",
            lambda: QuietHours(
                enabled=v.quiet_enabled.isChecked(),
                start=from_qtime(v.quiet_start.time()),
                end=from_qtime(v.quiet_end.time()),
            ),
        )
        # Two reminders for one program at one time would share their state.
        seen: dict[str, int] = {}
        for i, reminder in enumerate(exercises):
            if reminder.key in seen:
                problems.append(
                    (
                        v.exercise_rows[i].message,
                        self.tr("Program and time: this program already has a reminder then."),
                    )
                )
            seen.setdefault(reminder.key, i)

        shown = {id(label) for label, _text in problems}
        for label in self._message_labels():
            if id(label) not in shown:
                _hide(label)
        for label, text in problems:
            label.setText(text)
            label.setVisible(True)
        if problems or diary is None or breaks is None or quiet is None:
            return False
        paused = self.preferences.reminders().paused_until
        settings = ReminderSettings(
            diary=diary,
            exercises=tuple(exercises),
            breaks=breaks,
            quiet=quiet,
            paused_until=paused,
        )
        return self._store(settings)

    def _part(
        self,
        problems: list[tuple[QLabel, str]],
        label: QLabel,
        section: str,
        build: Callable[[], T],
    ) -> T | None:
        try:
            return build()
        except ValidationError as error:
            problems.append((label, self.explain(section, error)))
            return None

    def explain(self, section: str, error: ValidationError) -> str:
        """A translated sentence that starts with the name of the field that needs a change."""
        field = error.field.rsplit(".", 1)[-1]
        if field == "days":
            return self.tr("Days: choose at least one day.")
        if field == "program_id":
            return self.tr("Program: choose a program.")
        if section == "breaks" and field == "end":
            return self.tr("Working hours: the end must be later than the start.")
        if section == "breaks" and field == "every_min":
            return self.tr("Every: choose from 10 to 240 minutes.")
        if section == "quiet" and field == "end":
            return self.tr("Quiet hours: the end must be another time than the start.")
        return f"{error.field}: {error.message}"

    # -- pause -------------------------------------------------------------------------------

    # Without a bound service (a page on its own, as in tests) the switch is only stored.

    def pause_for_an_hour(self) -> None:
        self.flush()  # the service pauses what the form shows
        if self._service is not None:
            self._service.pause_not_now()
            return
        now = self.clock.now()
        scheduler = ReminderScheduler(self.preferences.reminders()).pause_not_now(now)
        self._set_paused(scheduler.settings.paused_until)

    def pause_until_tomorrow(self) -> None:
        self.flush()
        if self._service is not None:
            self._service.pause_until_tomorrow()
            return
        now = self.clock.now()
        scheduler = ReminderScheduler(self.preferences.reminders()).pause_until_tomorrow(now)
        self._set_paused(scheduler.settings.paused_until)

    def resume(self) -> None:
        """Clear the pause; the reminder service drops what fell inside it (no backlog)."""
        self.flush()
        if self._service is not None:
            self._service.resume()
            return
        self._set_paused(None)

    def _show_service_pause(self) -> None:
        if self._service is not None:
            self._show_pause(self._service.settings.paused_until)

    def _set_paused(self, until: dt.datetime | None) -> None:
        if self._store(self.preferences.reminders().replace(paused_until=until)):
            self._show_pause(until)

    def _show_pause(self, until: dt.datetime | None) -> None:
        v = self.view
        paused = until is not None and until > self.clock.now()
        if paused and until is not None:
            locale = QLocale()
            local = until.astimezone()
            when = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
            if local.date() != self.clock.now().astimezone().date():
                day = locale.dayName(local.isoweekday(), QLocale.FormatType.LongFormat)
                when = f"{day} {when}"
            v.pause_status.setText(self.tr("Reminders are paused until %1.").replace("%1", when))
        else:
            v.pause_status.setText(self.tr("Reminders are on."))
        v.resume_button.setVisible(paused)
        v.pause_hour_button.setVisible(not paused)
        v.pause_tomorrow_button.setVisible(not paused)

    # -- activity source -----------------------------------------------------------------------

    def show_activity(self, name: str | None, capabilities: Iterable[str], missing: bool) -> None:
        """Say what counts sitting time: the activity source and what it notices, or the clock."""
        label = self.view.activity_status
        if name is not None:
            noticed = [self._capability_text(c) for c in CAPABILITY_ORDER if c in set(capabilities)]
            text = (
                self.tr(
                    "Breaks follow your time at the computer, as told by %1. Noticed: %2. "
                    "Five minutes away or a locked screen counts as a break."
                )
                .replace("%1", self._source_text(name))
                .replace("%2", ", ".join(noticed))
            )
        elif missing:
            text = self.tr(
                "This desktop does not tell when you are at the computer, so breaks come "
                "every so many minutes of the clock within working hours."
            )
        else:
            label.clear()
            label.setVisible(False)
            return
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(True)

    def _source_text(self, name: str) -> str:
        texts = {
            "x11": self.tr("the X11 screen saver extension"),
            "mutter": self.tr("GNOME"),
            "freedesktop": self.tr("the desktop's screen saver service"),
            "windows": self.tr("Windows"),
            "macos": self.tr("macOS"),
        }
        return texts.get(name, name)

    def _capability_text(self, capability: str) -> str:
        texts = {
            "idle": self.tr("time away from keyboard and mouse"),
            "lock": self.tr("a locked screen"),
            "fullscreen": self.tr("full-screen windows"),
            "dnd": self.tr("do not disturb"),
        }
        return texts.get(capability, capability)

    # -- helpers -----------------------------------------------------------------------------

    def _store(self, settings: ReminderSettings) -> bool:
        """Save `settings`; False (and said) when the diary file cannot be written."""
        before = self.preferences.reminders()
        self._storing = True
        try:
            self.preferences.set_reminders(settings)
        except (StorageWriteError, DataFileError) as error:
            failure: StorageWriteError | DataFileError | None = error
        else:
            failure = None
        finally:
            self._storing = False
        if failure is not None:
            self._not_saved(failure)
            return False
        _hide(self.view.save_message)
        if settings != before:
            self.remindersChanged.emit()
        return True

    def _not_saved(self, error: StorageWriteError | DataFileError) -> None:
        """A save the diary file refused (a full disk, a folder locked too long).

        The form goes back to what is stored: left as typed, it would look saved while the
        reminders still came at the old times. The message says why, in the form (seen on
        return to Settings) and in the status bar (seen when the form was hidden).
        """
        text = self.tr("Not saved: %1. These are the reminders still in use.").replace(
            "%1", reason_text(error.reason).rstrip(".")
        )
        self.load()
        label = self.view.save_message
        label.setText(text)
        label.setVisible(True)
        self.notice.emit(text, False)

    def _on_preference_changed(self, key: str) -> None:
        # Someone else (the tray's pause, another page) changed reminders: show it,
        # unless the person is typing here, whose edits win when the timer fires.
        if key == REMINDERS and not self._storing and not self._timer.isActive():
            visible_problem = any(label.isVisibleTo(self.view) for label in self._message_labels())
            if visible_problem:
                self._show_pause(self.preferences.reminders().paused_until)
            else:
                self.load()

    def _message_labels(self) -> list[QLabel]:
        v = self.view
        return [
            v.diary_message,
            v.breaks_message,
            v.quiet_message,
            *(row.message for row in v.exercise_rows),
        ]

    def _update_enabled(self, *_args: object) -> None:
        v = self.view
        v.diary_time.setEnabled(v.diary_enabled.isChecked())
        v.breaks_details.setEnabled(v.breaks_enabled.isChecked())
        v.quiet_start.setEnabled(v.quiet_enabled.isChecked())
        v.quiet_end.setEnabled(v.quiet_enabled.isChecked())
        for row in v.exercise_rows:
            on = row.enabled.isChecked()
            for widget in (row.program, row.time, row.days):
                widget.setEnabled(on)


def _exercise_from(row: ExerciseReminderRow) -> ExerciseReminder:
    return ExerciseReminder(
        program_id=row.program.currentData() or "",
        days=row.days.days(),
        time=from_qtime(row.time.time()),
        enabled=row.enabled.isChecked(),
    )


def _hide(label: QLabel) -> None:
    label.clear()
    label.setVisible(False)
