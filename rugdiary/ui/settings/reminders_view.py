"""Layout of the reminder settings: pause, diary, exercises, movement breaks, quiet hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.reminders import MAX_BREAK_EVERY_MIN, MIN_BREAK_EVERY_MIN
from rugdiary.ui.settings.day_picker import DayPicker
from rugdiary.ui.widgets.form_parts import name_after_label


def field_message(parent: QWidget, name: str, description: str = "") -> QLabel:
    """A hidden label that names the field that needs another value, shown beside it.

    It has no accessible name of its own: a label's name is then its text, which is what
    a screen reader should say ("Days: choose at least one day."). A fixed name would
    hide the message behind words that are nowhere on the screen.
    """
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    if description:
        label.setAccessibleDescription(description)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(6)
    label.setAutoFillBackground(True)
    label.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _reminder_message(parent: QWidget, name: str) -> QLabel:
    return field_message(
        parent, name, QCoreApplication.translate("RemindersView", "Message about this reminder")
    )


def time_edit(parent: QWidget, accessible: str = "") -> QTimeEdit:
    """A 24-hour time field; `accessible` names one without a label (see name_after_label)."""
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    if accessible:
        edit.setAccessibleName(accessible)
    edit.setMinimumWidth(90)
    return edit


def program_combo(parent: QWidget, accessible: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def set_program_choices(combo: QComboBox, choices: list[tuple[str, str]], current: str) -> None:
    """Fill `combo` with (id, name) pairs and select `current`, keeping an unknown one visible."""
    combo.blockSignals(True)
    combo.clear()
    for program_id, name in choices:
        combo.addItem(name, program_id)
    index = combo.findData(current)
    if index < 0 and current:
        # The program was deleted or renamed: say so rather than silently pick another.
        combo.addItem(
            QCoreApplication.translate("RemindersView", "A program that no longer exists"), current
        )
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class ExerciseReminderRow(QFrame):
    """One exercise reminder: on/off, program, time, days, and Remove."""

    removeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseReminderRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.enabled = QCheckBox(QCoreApplication.translate("RemindersView", "On"), self)
        name_after_label(
            self.enabled,
            self.enabled.text(),
            QCoreApplication.translate("RemindersView", "Exercise reminder on"),
        )
        self.program = program_combo(
            self, QCoreApplication.translate("RemindersView", "Program to be reminded of")
        )
        self.time = time_edit(self)
        self.days = DayPicker(
            QCoreApplication.translate("RemindersView", "Days of the exercise reminder"), self
        )
        self.remove_button = QPushButton(
            QCoreApplication.translate("RemindersView", "Remove"), self
        )
        # Named by its word; which reminder it removes is the description.
        self.remove_button.setAccessibleDescription(
            QCoreApplication.translate("RemindersView", "Remove this exercise reminder")
        )
        self.remove_button.clicked.connect(self.removeRequested)
        self.message = _reminder_message(self, "exerciseMessage")

        top = QHBoxLayout()
        top.addWidget(self.enabled)
        top.addWidget(self.program)
        at = QLabel(QCoreApplication.translate("RemindersView", "at"), self)
        at.setBuddy(self.time)
        name_after_label(
            self.time,
            at.text(),
            QCoreApplication.translate("RemindersView", "Time of the exercise reminder"),
        )
        top.addWidget(at)
        top.addWidget(self.time)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.days)
        layout.addWidget(self.message)


class RemindersView(QWidget):
    """The reminder form; the controller fills it, reads it back and shows messages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersForm")

        # Shown when the diary file refused the reminders (a full disk): above everything,
        # because the whole form has gone back to what is stored.
        self.save_message = field_message(
            self,
            "remindersSaveMessage",
            QCoreApplication.translate("RemindersView", "Message about saving the reminders"),
        )

        # Pause
        self.pause_status = QLabel(self)
        self.pause_status.setObjectName("pauseStatus")
        self.pause_status.setWordWrap(True)
        self.pause_hour_button = QPushButton(
            QCoreApplication.translate("RemindersView", "Pause for an hour"), self
        )
        self.pause_hour_button.setAccessibleDescription(
            QCoreApplication.translate("RemindersView", "Pause all reminders for an hour")
        )
        self.pause_tomorrow_button = QPushButton(
            QCoreApplication.translate("RemindersView", "Pause until tomorrow"), self
        )
        self.pause_tomorrow_button.setAccessibleDescription(
            QCoreApplication.translate(
                "RemindersView", "Pause all reminders until tomorrow morning"
            )
        )
        self.resume_button = QPushButton(
            QCoreApplication.translate("RemindersView", "Resume reminders"), self
        )
        self.resume_button.setAccessibleDescription(
            QCoreApplication.translate("RemindersView", "Resume reminders now")
        )
        pause_buttons = QHBoxLayout()
        for button in (self.pause_hour_button, self.pause_tomorrow_button, self.resume_button):
            pause_buttons.addWidget(button)
        pause_buttons.addStretch(1)

        # Diary
        self.diary_enabled = QCheckBox(
            QCoreApplication.translate("RemindersView", "Remind me to fill in the &diary at"), self
        )
        self.diary_time = time_edit(
            self, QCoreApplication.translate("RemindersView", "Time of the diary reminder")
        )
        diary_row = QHBoxLayout()
        diary_row.addWidget(self.diary_enabled)
        diary_row.addWidget(self.diary_time)
        diary_row.addStretch(1)
        self.diary_message = _reminder_message(self, "diaryMessage")

        # Exercises
        self.exercise_rows: list[ExerciseReminderRow] = []
        self.exercise_box = QVBoxLayout()
        self.exercise_box.setSpacing(6)
        self.no_exercises = QLabel(
            QCoreApplication.translate("RemindersView", "No exercise reminders yet."), self
        )
        self.no_exercises.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.add_exercise_button = QPushButton(
            QCoreApplication.translate("RemindersView", "&Add an exercise reminder"), self
        )
        self.add_exercise_button.setAccessibleName(
            QCoreApplication.translate("RemindersView", "Add an exercise reminder")
        )
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_exercise_button)
        add_row.addStretch(1)

        # Movement breaks
        self.breaks_enabled = QCheckBox(
            QCoreApplication.translate("RemindersView", "Remind me to take short &movement breaks"),
            self,
        )
        self.breaks_every = QSpinBox(self)
        self.breaks_every.setRange(MIN_BREAK_EVERY_MIN, MAX_BREAK_EVERY_MIN)
        self.breaks_every.setSingleStep(5)
        self.breaks_every.setSuffix(QCoreApplication.translate("RemindersView", " minutes"))
        self.breaks_start = time_edit(self)
        self.breaks_end = time_edit(self)
        self.breaks_days = DayPicker(
            QCoreApplication.translate("RemindersView", "Working days"), self
        )
        self.breaks_program = program_combo(
            self, QCoreApplication.translate("RemindersView", "Program for movement breaks")
        )
        hours = QHBoxLayout()
        hours.addWidget(self.breaks_start)
        until = QLabel(QCoreApplication.translate("RemindersView", "until"), self)
        until.setBuddy(self.breaks_end)
        hours.addWidget(until)
        hours.addWidget(self.breaks_end)
        hours.addStretch(1)
        self.breaks_details = QWidget(self)
        details = QFormLayout(self.breaks_details)
        details.setContentsMargins(24, 0, 0, 0)
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        every = self._buddy(
            QCoreApplication.translate("RemindersView", "E&very"), self.breaks_every
        )
        working_hours = self._buddy(
            QCoreApplication.translate("RemindersView", "&Working hours"), self.breaks_start
        )
        # Named by the labels beside them; what each is exactly is their description.
        name_after_label(
            self.breaks_every,
            every.text(),
            QCoreApplication.translate("RemindersView", "Minutes between movement breaks"),
        )
        name_after_label(
            self.breaks_start,
            working_hours.text(),
            QCoreApplication.translate("RemindersView", "Start of working hours"),
        )
        name_after_label(
            self.breaks_end,
            until.text(),
            QCoreApplication.translate("RemindersView", "End of working hours"),
        )
        details.addRow(every, self.breaks_every)
        details.addRow(working_hours, hours)
        details.addRow(
            self._buddy(
                QCoreApplication.translate("RemindersView", "Working da&ys"), self.breaks_days
            ),
            self.breaks_days,
        )
        details.addRow(
            self._buddy(
                QCoreApplication.translate("RemindersView", "&Program"), self.breaks_program
            ),
            self.breaks_program,
        )
        self.breaks_message = _reminder_message(self, "breaksMessage")
        # Which activity source counts sitting time, or that the clock is used instead.
        self.activity_status = QLabel(self.breaks_details)
        self.activity_status.setObjectName("activityStatus")
        self.activity_status.setWordWrap(True)
        self.activity_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.activity_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.activity_status.setVisible(False)
        details.addRow(self.activity_status)

        # Quiet hours
        self.quiet_enabled = QCheckBox(
            QCoreApplication.translate("RemindersView", "&Quiet hours: no reminders from"), self
        )
        self.quiet_start = time_edit(
            self, QCoreApplication.translate("RemindersView", "Start of quiet hours")
        )
        self.quiet_end = time_edit(self)
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet_enabled)
        quiet_row.addWidget(self.quiet_start)
        quiet_until = QLabel(QCoreApplication.translate("RemindersView", "until"), self)
        quiet_until.setBuddy(self.quiet_end)
        name_after_label(
            self.quiet_end,
            quiet_until.text(),
            QCoreApplication.translate("RemindersView", "End of quiet hours"),
        )
        quiet_row.addWidget(quiet_until)
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)
        self.quiet_message = _reminder_message(self, "quietMessage")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.save_message)
        layout.addWidget(self.pause_status)
        layout.addLayout(pause_buttons)
        layout.addWidget(_rule(self))
        layout.addLayout(diary_row)
        layout.addWidget(self.diary_message)
        layout.addWidget(_rule(self))
        layout.addWidget(
            _subheading(QCoreApplication.translate("RemindersView", "Exercise reminders"), self)
        )
        layout.addWidget(self.no_exercises)
        layout.addLayout(self.exercise_box)
        layout.addLayout(add_row)
        layout.addWidget(_rule(self))
        layout.addWidget(self.breaks_enabled)
        layout.addWidget(self.breaks_details)
        layout.addWidget(self.breaks_message)
        layout.addWidget(_rule(self))
        layout.addLayout(quiet_row)
        layout.addWidget(self.quiet_message)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def add_exercise_row(self) -> ExerciseReminderRow:
        row = ExerciseReminderRow(self)
        self.exercise_rows.append(row)
        self.exercise_box.addWidget(row)
        self.no_exercises.setVisible(False)
        return row

    def remove_exercise_row(self, row: ExerciseReminderRow) -> None:
        if row in self.exercise_rows:
            self.exercise_rows.remove(row)
            self.exercise_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.no_exercises.setVisible(not self.exercise_rows)

    def clear_exercise_rows(self) -> None:
        for row in list(self.exercise_rows):
            self.remove_exercise_row(row)


def to_qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def _rule(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    # Mid, not Midlight: on the light palette Midlight is the window's own colour, and the
    # reminder settings ran together with no line between them.
    line.setForegroundRole(QPalette.ColorRole.Mid)
    return line


def _subheading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
