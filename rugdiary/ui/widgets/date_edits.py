"""Date and date-time fields where Tab leaves the field instead of walking its sections."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QHBoxLayout, QLabel, QWidget

from rugdiary.ui.locale_dates import day_format


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


def date_range(
    parent: QWidget, from_name: str, to_name: str
) -> tuple[QWidget, QDateEdit, QDateEdit]:
    """Two day fields side by side with a dash between ("10 Aug 2026 – 7 Sep 2026"), each
    with a calendar and its own name for a screen reader: the row, then the two fields."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    edits = (QDateEdit(row), QDateEdit(row))
    for edit, name in zip(edits, (from_name, to_name), strict=True):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(day_format(short_month=True))
        edit.setAccessibleName(name)
    layout.addWidget(edits[0], 1)
    layout.addWidget(QLabel("–", row))
    layout.addWidget(edits[1], 1)
    return row, edits[0], edits[1]
