"""Seven toggle buttons for choosing weekdays, Monday first as the schedules count them."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget


class DayPicker(QWidget):
    """Weekdays as checkable buttons; 0 = Monday … 6 = Sunday, as in core.reminders.

    Buttons rather than a list: the choice is visible at a glance and each day is one
    Tab stop away with Space to toggle, which suits keyboard and screen-reader users.
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        # Chosen days must stand out by more than a sunken edge; the focus ring by more
        # than colour alone (a thicker border).
        self.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 6px;"
            " padding: 4px 6px; background: palette(base); }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight);"
            " font-weight: bold; }"
            "QToolButton:focus { border: 2px solid palette(dark); }"
            # Switched off (breaks not wanted): dashed, in the quieter colour. A filled
            # chosen day looked as switchable as ever in high contrast (white on black).
            "QToolButton:disabled { color: palette(placeholder-text);"
            " border: 1px dashed palette(placeholder-text); }"
            "QToolButton:checked:disabled { background: palette(alternate-base);"
            " color: palette(placeholder-text); border: 2px dashed palette(placeholder-text); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        locale = QLocale()
        self.buttons: list[QToolButton] = []
        for day in range(7):
            qt_day = day + 1  # Qt counts Monday as 1
            button = QToolButton(self)
            button.setCheckable(True)
            button.setText(locale.dayName(qt_day, QLocale.FormatType.ShortFormat))
            # The whole day's name, which starts with the short one shown; the group's
            # label ("Working days") is said as the button's description.
            button.setAccessibleName(locale.dayName(qt_day, QLocale.FormatType.LongFormat))
            button.setAccessibleDescription(label)
            button.setMinimumWidth(44)
            button.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)

    def days(self) -> frozenset[int]:
        return frozenset(day for day, button in enumerate(self.buttons) if button.isChecked())

    def set_days(self, days: frozenset[int] | set[int]) -> None:
        """Show `days` without announcing a change (loading is not editing)."""
        for day, button in enumerate(self.buttons):
            button.blockSignals(True)
            button.setChecked(day in days)
            button.blockSignals(False)
