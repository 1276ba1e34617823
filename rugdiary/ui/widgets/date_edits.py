"""Date and date-time fields where Tab leaves the field instead of walking its sections."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


class DateTimeField(QDateTimeEdit):
    """A QDateTimeEdit that Tab leaves at once.

    Qt's default sends Tab through day, month, year, hour and minute first; for people
    who move through a form with Tab that is five presses of "where am I?". The arrow
    keys still move between the parts and Up/Down change them.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateField(QDateEdit):
    """A QDateEdit that Tab leaves at once (see DateTimeField)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
