"""A large countdown ring: the part of the step that is left, and the number with its unit."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from rugdiary.ui.motion import reduce_motion

REDUCED_STEPS = 12
"""With reduced motion the arc moves in twelfths, like the hours on a clock, not smoothly."""


class CountdownRing(QWidget):
    """Draws the remaining fraction of a step as an arc, and a big number inside it.

    It only redraws when told (`set_state`); no animation of its own, so it
    costs nothing while paused. With reduced motion (ui.motion) the arc jumps in
    steps instead of creeping along with every tick.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 1.0
        self._text = ""
        self._unit = ""
        self._caption = ""
        self._calm = False
        self._dimmed = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 160))
        # The name is what the ring shows ("12 seconds"), set by whoever drives it.
        self.setAccessibleDescription(self.tr("Time left in this step"))

    # -- state -------------------------------------------------------------------------------

    def fraction(self) -> float:
        """Remaining part of the step, 0..1 (1 = the step has just begun)."""
        return self._fraction

    def text(self) -> str:
        return self._text

    def unit(self) -> str:
        return self._unit

    def spoken_text(self) -> str:
        """What the ring shows, as words: "12 seconds", "3 of 8 reps", "12 seconds, paused"."""
        shown = f"{self._text} {self._unit}".strip()
        return f"{shown}, {self._caption}" if self._caption else shown

    def shown_fraction(self) -> float:
        """The fraction the arc is drawn at: rounded up to a twelfth with reduced motion."""
        if not reduce_motion() or self._fraction <= 0:
            return self._fraction
        return math.ceil(self._fraction * REDUCED_STEPS - 1e-9) / REDUCED_STEPS

    def set_state(
        self,
        fraction: float,
        text: str,
        *,
        unit: str = "",
        caption: str = "",
        calm: bool = False,
        dimmed: bool = False,
    ) -> None:
        """Show `fraction` of the ring, `text` (the number) in the middle and `unit` under it.

        `caption` ("paused") shows above the number; `calm` draws the arc in the quieter
        colour used for rests; `dimmed` greys everything while paused.
        """
        fraction = min(1.0, max(0.0, fraction))
        changed = (fraction, text, unit, caption, calm, dimmed) != (
            self._fraction,
            self._text,
            self._unit,
            self._caption,
            self._calm,
            self._dimmed,
        )
        if not changed:
            return
        self._fraction, self._text, self._unit, self._caption = fraction, text, unit, caption
        self._calm, self._dimmed = calm, dimmed
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        if side <= 0:
            return
        palette = self.palette()
        thickness = max(8.0, side * 0.075)
        rect = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        track.setAlphaF(0.45)
        if self._dimmed:
            arc = QColor(palette.color(QPalette.ColorRole.Mid))
        elif self._calm:
            arc = QColor(palette.color(QPalette.ColorRole.Dark))
            arc.setAlphaF(0.55)
        else:
            arc = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(track, thickness)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawEllipse(rect)
        shown = self.shown_fraction()
        if shown > 0:
            pen = QPen(arc, thickness)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock; start at 12, run clockwise.
            painter.drawArc(rect, 90 * 16, -round(shown * 360 * 16))
        text_colour = palette.color(
            QPalette.ColorRole.PlaceholderText if self._dimmed else QPalette.ColorRole.WindowText
        )
        painter.setPen(text_colour)
        inner = rect.adjusted(thickness, thickness, -thickness, -thickness)
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        # Readable from two metres: the number fills about a third of the ring's height.
        font.setPixelSize(max(12, round(inner.height() * (0.34 if len(self._text) <= 2 else 0.26))))
        painter.setFont(font)
        number_rect = QRectF(inner)
        number_rect.setTop(inner.top() + inner.height() * 0.2)
        number_rect.setHeight(inner.height() * 0.45)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, self._text)
        small = QFont(self.font())
        small.setPixelSize(max(10, round(inner.height() * 0.1)))
        painter.setFont(small)
        if self._unit:
            unit_rect = QRectF(
                inner.left(), number_rect.bottom(), inner.width(), inner.height() * 0.16
            )
            painter.drawText(unit_rect, Qt.AlignmentFlag.AlignCenter, self._unit)
        if self._caption:
            top = inner.top() + inner.height() * 0.06
            caption_rect = QRectF(inner.left(), top, inner.width(), inner.height() * 0.14)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()
