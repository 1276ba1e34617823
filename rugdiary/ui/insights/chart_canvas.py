"""The widget that shows one Insights chart: a picture drawn elsewhere, days picked on it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from rugdiary.ui.insights.chart_jobs import PlotArea

STALE_OPACITY = 0.45
"""A chart about to be replaced is shown faded: visibly "being updated", never blank."""

RESIZE_SETTLE_MS = 180
"""Wait this long after the last resize before asking for charts drawn at the new size."""

FOCUS_FRAME_PX = 2.0
"""Width of the frame around a chart that has keyboard focus."""

ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
"""Arrow keys as a step across (x) and down (y) the picture."""


def make_canvas(parent: QWidget, background: str) -> ChartCanvas:
    """A new, blank chart canvas inside `parent`; `show_chart` puts a picture in it."""
    return ChartCanvas(parent, background)


class ChartCanvas(QWidget):
    """Shows a chart drawn in the background and turns pointing and keys into requests.

    Figures are built and drawn in a worker thread (chart_jobs); the widget only paints the
    finished pixels, so neither a resize nor a repaint ever runs matplotlib here. While a
    new size settles the old picture is shown stretched, then `resized` asks for new ones.
    Pointer positions are turned into data coordinates with the chart's PlotArea; which
    day they mean is the controller's business. A day chosen with the keyboard is marked
    by a frame painted over the picture, so moving it costs no redrawing of the chart.
    """

    resized = Signal()
    """The canvas settled at a size other than the one its picture was drawn for."""
    pointed = Signal(object, QPoint)
    """Data coordinates (x, y) under the pointer, or None outside the chart; global position."""
    clicked = Signal(object)
    """Data coordinates (x, y) of a left click, or None outside the chart."""
    stepped = Signal(int, int)
    """An arrow key: a step across and down the picture (-1, 0 and 1)."""
    jumped = Signal(bool)
    """Home (False) or End (True): the first or the last day."""
    activated = Signal()
    """Enter, Return or Space: open what is chosen."""
    focusChanged = Signal(bool)
    """Focus came (True) from the keyboard, not a click, or went (False)."""

    def __init__(self, parent: QWidget, background: str) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._background = QColor(background)
        self._image: QImage | None = None
        self._plot_area: PlotArea | None = None
        self._stale = False
        self._drawn_size: tuple[int, int] | None = None
        self._marker: QRectF | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)

    # -- showing ---------------------------------------------------------------------------

    def show_chart(self, image: QImage, logical_size: tuple[int, int], area: PlotArea) -> None:
        """Show `image`, drawn for `logical_size` logical pixels, its data lying in `area`."""
        self._image = image
        self._drawn_size = logical_size
        self._plot_area = area
        self._stale = False
        self.update()

    def set_stale(self, stale: bool) -> None:
        """Fade the picture while its replacement is being drawn."""
        if stale != self._stale:
            self._stale = stale
            self.update()

    def set_background(self, colour: str) -> None:
        self._background = QColor(colour)
        self.update()

    def set_marker(self, rect: QRectF | None) -> None:
        """Frame `rect` (logical pixels of the picture) as the chosen day; None: no marker."""
        if rect != self._marker:
            self._marker = rect
            self.update()

    def marker(self) -> QRectF | None:
        return self._marker

    def has_chart(self) -> bool:
        return self._image is not None

    def drawn_size(self) -> tuple[int, int] | None:
        return self._drawn_size

    def plot_area(self) -> PlotArea | None:
        return self._plot_area

    def to_widget(self, point: QPointF) -> QPointF:
        """A point of the picture (logical pixels) where it shows in the widget."""
        sx, sy = self._stretch()
        return QPointF(point.x() * sx, point.y() * sy)

    def data_at(self, pos: QPointF) -> tuple[float, float] | None:
        """Data coordinates at widget position `pos`, or None outside the chart's axes."""
        area = self._plot_area
        if area is None:
            return None
        sx, sy = self._stretch()
        return area.data_at(pos.x() / sx, pos.y() / sy)

    def _stretch(self) -> tuple[float, float]:
        """How much wider and taller the widget is than the picture (1 once redrawn)."""
        if self._drawn_size is None or min(self._drawn_size) <= 0:
            return 1.0, 1.0
        width, height = self._drawn_size
        return max(1, self.width()) / width, max(1, self.height()) / height

    # -- Qt events -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()

    def _on_settled(self) -> None:
        if self._image is not None and self._drawn_size != (self.width(), self.height()):
            self.resized.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.pointed.emit(self.data_at(event.position()), event.globalPosition().toPoint())

    def leaveEvent(self, event: object) -> None:
        self.pointed.emit(None, QPoint())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.data_at(event.position()))
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in ARROWS:
            self.stepped.emit(*ARROWS[key])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.jumped.emit(key == Qt.Key.Key_End)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.focusChanged.emit(True)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusChanged.emit(False)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), self._background)
            self._paint_image(painter)
            self._paint_marker(painter)
            if self.hasFocus():
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME_PX)
                painter.setPen(pen)
                inset = FOCUS_FRAME_PX / 2
                painter.drawRoundedRect(
                    QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 4, 4
                )
        finally:
            painter.end()

    def _paint_image(self, painter: QPainter) -> None:
        image = self._image
        if image is None:
            return
        painter.save()
        if self._stale:
            painter.setOpacity(STALE_OPACITY)
        if self._drawn_size == (self.width(), self.height()):
            painter.drawImage(0, 0, image)
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRect(0, 0, self.width(), self.height()), image)
        painter.restore()

    def _paint_marker(self, painter: QPainter) -> None:
        """The chosen day: a frame in the highlight colour with a light edge, seen on any fill."""
        marker = self._marker
        if marker is None or self._image is None:
            return
        top_left = self.to_widget(marker.topLeft())
        bottom_right = self.to_widget(marker.bottomRight())
        rect = QRectF(top_left, bottom_right)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(255, 255, 255, 200), 4.0))
        painter.drawRect(rect)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0))
        painter.drawRect(rect)
        painter.restore()


def cursor_for(clickable: bool) -> Qt.CursorShape:
    """A pointing hand over a day that opens in the diary, the arrow elsewhere."""
    return Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
