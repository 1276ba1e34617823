"""A compact spin box whose lowest step means "not set", for the optional diary fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QSpinBox, QWidget


class OptionalSpinBox(QSpinBox):
    """A QSpinBox from `minimum` to `maximum` with one extra step below: "not set".

    Optional fields must be able to stay empty; a 0 would be a real answer that skews the
    statistics, so "not set" sits one step below the range and reads as words.
    """

    optionalValueChanged = Signal(object)
    """The new value (int) or None for "not set"."""

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(minimum - 1, maximum)
        self.setSpecialValueText(QCoreApplication.translate("OptionalSpinBox", "not set"))
        self.setValue(minimum - 1)
        self.setAccelerated(True)
        self.valueChanged.connect(lambda _v: self.optionalValueChanged.emit(self.optional_value()))

    def optional_value(self) -> int | None:
        """The number, or None when "not set" is shown."""
        value = self.value()
        return None if value == self.minimum() else value

    def set_optional_value(self, value: int | None) -> None:
        """Show `value`, or "not set" for None."""
        self.setValue(self.minimum() if value is None else value)

    def clear_value(self) -> None:
        """Back to "not set"."""
        self.setValue(self.minimum())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Typing a digit must replace "not set", however the field got the focus.
        self.selectAll()
