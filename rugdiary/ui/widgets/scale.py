"""A large 0–10 scale that works equally well with the mouse and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui import announce

MIN_VALUE = 0
MAX_VALUE = 10

# Checked state is shown by weight, border and fill together, so it never rests on colour alone.
_BUTTON_STYLE = """
QPushButton {
    min-width: 1.5em; min-height: 2.2em; padding: 0; border-radius: 6px;
    border: 1px solid palette(mid); background: palette(base); color: palette(text);
}
QPushButton:hover { border: 1px solid palette(highlight); }
QPushButton:checked {
    font-weight: bold; border: 3px solid palette(dark);
    background: palette(highlight); color: palette(highlighted-text);
}
"""


_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class ScaleWidget(QWidget):
    """Eleven exclusive buttons, 0 to 10, with anchor words under both ends.

    The whole scale is a single tab stop: Tab moves on to the next field, while digits,
    arrows, +/-, Home and End choose the value. People in pain should not have to aim
    the mouse or press Tab eleven times.
    """

    valueChanged = Signal(object)
    """Emitted with the new value (int) or None when the scale is cleared."""

    def __init__(
        self,
        name: str,
        low_anchor: str,
        high_anchor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: int | None = None
        self._name = name
        self._low_anchor = low_anchor
        self._high_anchor = high_anchor
        # Typing "1" then "0" quickly means ten, like typing a number anywhere else.
        self._last_digit_timer = QElapsedTimer()
        self._last_digit: int | None = None
        self._show_ring = False

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(4)
        self._buttons: list[QPushButton] = []
        for number in range(MIN_VALUE, MAX_VALUE + 1):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            # The scale, not each button, holds the focus: one tab stop per question.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setStyleSheet(_BUTTON_STYLE)
            button.setAccessibleName(self.tr("%1 of 10").replace("%1", str(number)))
            self._group.addButton(button, number)
            self._buttons.append(button)
            row.addWidget(button)
        self._group.idClicked.connect(self._on_clicked)

        low = QLabel(self.tr("0 = %1").replace("%1", low_anchor), self)
        high = QLabel(self.tr("10 = %1").replace("%1", high_anchor), self)
        high.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for anchor in (low, high):
            anchor.setWordWrap(True)
            anchor.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        anchors = QHBoxLayout()
        anchors.addWidget(low, 1)
        anchors.addWidget(high, 1)

        outer = QVBoxLayout(self)
        # Room around the buttons for the focus frame drawn in paintEvent.
        outer.setContentsMargins(6, 6, 6, 4)
        outer.setSpacing(2)
        outer.addLayout(row)
        outer.addLayout(anchors)

        self.setAccessibleName(name)
        self._update_accessible_description()

    # -- public API ---------------------------------------------------------------------------

    def value(self) -> int | None:
        """The chosen value, or None while nothing has been chosen."""
        return self._value

    def setValue(self, value: int | None) -> None:
        """Choose `value` (clamped to 0–10), or clear the scale with None."""
        if value is not None:
            value = max(MIN_VALUE, min(MAX_VALUE, int(value)))
        if value == self._value:
            return
        self._value = value
        if value is None:
            # An exclusive group refuses to uncheck its last button; lift that for a moment.
            self._group.setExclusive(False)
            for button in self._buttons:
                button.setChecked(False)
            self._group.setExclusive(True)
        else:
            self._buttons[value].setChecked(True)
        self._update_accessible_description()
        self._tell_screen_readers()
        self.valueChanged.emit(value)

    def clear(self) -> None:
        """Back to "nothing chosen yet"."""
        self.setValue(None)

    def button(self, value: int) -> QPushButton:
        """The button for `value`; for tests and for screen-reader checks."""
        return self._buttons[value]

    # -- events -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._show_ring:
            self._show_ring = True  # a key in use: from now on, show where it goes
            self.update()
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        current = self._value
        new: int | None
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = int(key) - int(Qt.Key.Key_0)
            new = digit
            quick = (
                self._last_digit_timer.isValid()
                and self._last_digit_timer.elapsed() <= QApplication.keyboardInputInterval()
            )
            if digit == 0 and self._last_digit == 1 and quick:
                new = 10
            self._last_digit = digit
            self._last_digit_timer.start()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            new = MIN_VALUE if current is None else current + 1
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            new = MIN_VALUE if current is None else current - 1
        elif key == Qt.Key.Key_Home:
            new = MIN_VALUE
        elif key == Qt.Key.Key_End:
            new = MAX_VALUE
        else:
            super().keyPressEvent(event)
            return
        if not (Qt.Key.Key_0 <= key <= Qt.Key.Key_9):
            self._last_digit = None
        self.setValue(new)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # The ring is for keyboard users; a page that merely opens with the focus here
        # (or a click) gets no heavy frame until a key is used (issue 17).
        self._show_ring = event.reason() in _KEYBOARD_REASONS
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._last_digit = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus() or not self._show_ring:
            return
        # A wide, rounded frame in the highlight colour: the focus must be obvious at a glance.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5)
        pen.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 8, 8)
        painter.end()

    # -- internals ----------------------------------------------------------------------------

    def _on_clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.setValue(number)

    def _tell_screen_readers(self) -> None:
        """Say the new value: the description holds it, and a value event tells it changed.

        While the scale has the focus the value is also announced, so "7 of 10" is heard as
        the digit is typed; a form cleared after saving stays quiet.
        """
        announce.description_changed(self)
        announce.value_changed(self, -1 if self._value is None else self._value)
        if self._value is not None and self.hasFocus():
            announce.announce(self, self.tr("%1 of 10").replace("%1", str(self._value)))

    def _update_accessible_description(self) -> None:
        if self._value is None:
            chosen = self.tr("Nothing chosen yet.")
        else:
            chosen = self.tr("Chosen: %1 of 10.").replace("%1", str(self._value))
        hint = (
            self.tr("0 means %1, 10 means %2. Type a digit or use the arrow keys.")
            .replace("%1", self._low_anchor)
            .replace("%2", self._high_anchor)
        )
        self.setAccessibleDescription(f"{chosen} {hint}")
