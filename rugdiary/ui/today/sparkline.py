"""A small QPainter chart of the last days' pain and stress, so start-up needs no matplotlib."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtGui import QPalette as P
from PySide6.QtWidgets import QSizePolicy, QWidget

from rugdiary.ui.theme import HIGH_CONTRAST, current_theme, paint_focus_frame
from rugdiary.ui.today.data import DayValues

SCALE_MAX = 10.0

# Warm for pain, cool for stress; told apart also by line style and marker shape,
# so the chart never relies on colour alone.
_PAIN = {"light": "#b85c36", "dark": "#eda07f", HIGH_CONTRAST: "#ffb000"}
_STRESS = {"light": "#3d6b9e", "dark": "#98bce8", HIGH_CONTRAST: "#6cc4ff"}


def _number(value: float) -> str:
    """One decimal only when the day's mean is not whole, in the user's locale."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


class SparklineWidget(QWidget):
    """Two lines over a few days: pain solid with dots, stress dashed with squares.

    A day without an entry leaves a gap in both lines (never a drop to zero) and its
    day label is shown dimmed; nothing else marks it, so a missed day carries no blame.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[DayValues] = []
        self._today: date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Pain and stress, last 7 days"))
        self.setAccessibleDescription(self.tr("Nothing noted in these days yet."))

    # -- data ----------------------------------------------------------------------------

    def set_days(self, days: Sequence[DayValues], today: date | None = None) -> None:
        """Show `days` (oldest first); the day equal to `today` is labelled in bold."""
        self._days = list(days)
        self._today = today
        self.setAccessibleDescription(self.describe())
        self.update()

    def days(self) -> list[DayValues]:
        return list(self._days)

    def describe(self) -> str:
        """The chart in words, for screen readers and as the tooltip."""
        if all(d.pain is None for d in self._days):
            return self.tr("Nothing noted in these days yet.")
        parts: list[str] = []
        for d in self._days:
            name = self._day_name(d.day, QLocale.FormatType.LongFormat)
            if d.pain is None or d.stress is None:
                parts.append(self.tr("%1: not noted").replace("%1", name))
            else:
                parts.append(
                    self.tr("%1: pain %2, stress %3")
                    .replace("%1", name)
                    .replace("%2", _number(d.pain))
                    .replace("%3", _number(d.stress))
                )
        return "; ".join(parts) + "."

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus ring

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- geometry ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(360, round(line * 8.5))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(220, round(line * 7))

    def _day_name(self, day: date, fmt: QLocale.FormatType) -> str:
        return QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek(), fmt)

    def _colours(self) -> tuple[QColor, QColor]:
        dark = self.palette().color(P.ColorRole.Window).lightnessF() < 0.5
        key = HIGH_CONTRAST if current_theme() == HIGH_CONTRAST else "dark" if dark else "light"
        return QColor(_PAIN[key]), QColor(_STRESS[key])

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(P.ColorRole.WindowText)
        dim = palette.color(P.ColorRole.PlaceholderText)
        grid = QColor(palette.color(P.ColorRole.Mid))
        grid.setAlphaF(0.45)
        pain_colour, stress_colour = self._colours()

        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.82, 8.0))
        metrics = QFontMetricsF(small)
        line_h = metrics.height()
        painter.setFont(small)

        # Legend on top, the y scale on the left, day names at the bottom.
        legend_h = line_h + 6
        label_w = metrics.horizontalAdvance("10") + 8
        bottom_h = line_h + 6
        rect = QRectF(self.rect()).adjusted(4, 2, -8, -2)
        plot = QRectF(
            rect.left() + label_w,
            rect.top() + legend_h + line_h * 0.5,
            rect.width() - label_w,
            rect.height() - legend_h - bottom_h - line_h * 0.5,
        )
        self._draw_legend(painter, rect, metrics, text, pain_colour, stress_colour)

        for value in (0.0, 5.0, 10.0):
            y = self._y(plot, value)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(dim)
            painter.drawText(
                QRectF(rect.left(), y - line_h / 2, label_w - 6, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _number(value),
            )

        paint_focus_frame(self, painter)
        count = len(self._days)
        if count == 0:
            painter.end()
            return
        step = plot.width() / count
        xs = [plot.left() + step * (i + 0.5) for i in range(count)]

        for x, d in zip(xs, self._days, strict=True):
            is_today = d.day == self._today
            font = QFont(small)
            font.setBold(is_today)
            painter.setFont(font)
            painter.setPen(dim if d.pain is None else text)
            name = self._day_name(d.day, QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRectF(x - step / 2, plot.bottom() + 4, step, line_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                name,
            )
        painter.setFont(small)

        self._draw_series(
            painter, plot, xs, [d.stress for d in self._days], stress_colour, dashed=True
        )
        self._draw_series(
            painter, plot, xs, [d.pain for d in self._days], pain_colour, dashed=False
        )
        painter.end()

    def _draw_legend(
        self,
        painter: QPainter,
        rect: QRectF,
        metrics: QFontMetricsF,
        text: QColor,
        pain: QColor,
        stress: QColor,
    ) -> None:
        x = rect.left() + 4
        y = rect.top() + metrics.height() / 2 + 2
        for label, colour, dashed in (
            (self.tr("Pain"), pain, False),
            (self.tr("Stress"), stress, True),
        ):
            pen = QPen(colour, 2.5 if not dashed else 2.0)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + 22, y))
            self._marker(painter, QPointF(x + 11, y), colour, square=dashed)
            painter.setPen(text)
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QRectF(x + 28, y - metrics.height() / 2, width + 2, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += 28 + width + 18

    def _draw_series(
        self,
        painter: QPainter,
        plot: QRectF,
        xs: Sequence[float],
        values: Sequence[float | None],
        colour: QColor,
        *,
        dashed: bool,
    ) -> None:
        pen = QPen(colour, 2.0 if dashed else 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        path = QPainterPath()
        drawing = False
        for x, value in zip(xs, values, strict=True):
            if value is None:
                drawing = False  # a day not noted breaks the line
                continue
            point = QPointF(x, self._y(plot, value))
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for x, value in zip(xs, values, strict=True):
            if value is not None:
                self._marker(painter, QPointF(x, self._y(plot, value)), colour, square=dashed)

    @staticmethod
    def _marker(painter: QPainter, centre: QPointF, colour: QColor, *, square: bool) -> None:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(colour)
        if square:
            painter.drawRect(QRectF(centre.x() - 3.5, centre.y() - 3.5, 7, 7))
        else:
            painter.drawEllipse(centre, 4.0, 4.0)

    @staticmethod
    def _y(plot: QRectF, value: float) -> float:
        clamped = max(0.0, min(SCALE_MAX, value))
        return plot.bottom() - plot.height() * clamped / SCALE_MAX
