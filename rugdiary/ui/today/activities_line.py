"""Today's small line about my activities (PSFS / PSK): when the next score is due, and a button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from rugdiary.ui.theme import primary_button_style


class ActivitiesLine(QWidget):
    """One line of text and one button; the text says what is due, the button opens the dialog.

    Due: "Time to score your activities again" and a "Score my activities" button. Not due:
    the day of the next score and a quiet "My activities" link. None named yet: an invitation.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesLine")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # How the activities changed since their first score; empty until scored twice.
        self.progress = QLabel(self)
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.progress.setVisible(False)
        self.button = QPushButton(self)
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.due = False
        # Text above the button: a wrapped label beside a button is cut off in a narrow card.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.set_due(None, date.today(), has_activities=False)

    def set_progress(self, text: str) -> None:
        """The change since the first score in words ("" hides the line)."""
        self.progress.setText(text)
        self.progress.setVisible(bool(text))

    def set_due(self, due: date | None, today: date, *, has_activities: bool = True) -> None:
        """Show what is due on `today`: `due` is the next score's day (None: nothing named)."""
        self.due = has_activities and due is not None and due <= today
        if not has_activities or due is None:
            text = self.tr(
                "Follow a few everyday activities that your back makes hard, "
                "and see them get easier."
            )
            button = self.tr("Name my activities")
        elif self.due:
            text = self.tr("Time to score your activities again: how well can you do them now?")
            button = self.tr("Score my activities")
        else:
            day = QLocale().toString(QDate(due.year, due.month, due.day), "dddd d MMMM")
            days = (due - today).days
            text = (
                self.tr("Next score of your activities: tomorrow, %1").replace("%1", day)
                if days == 1
                else self.tr("Next score of your activities: in %1 days, %2")
                .replace("%1", str(days))
                .replace("%2", day)
            )
            button = self.tr("My activities")
        self.label.setText(text)
        self.label.setForegroundRole(
            QPalette.ColorRole.WindowText if self.due else QPalette.ColorRole.PlaceholderText
        )
        self.button.setText(button)
        # Named by its visible text, then what it is about.
        self.button.setAccessibleName(button)
        self.button.setAccessibleDescription(text)
        if self.due:
            self.button.setObjectName("primaryButton")
            self.button.setStyleSheet(primary_button_style("4px 14px"))
        else:
            self.button.setObjectName("linkButton")
            self.button.setStyleSheet("")
            self.button.setFlat(True)
