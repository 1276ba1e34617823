"""The widget that shows one Insights chart: a matplotlib Qt canvas that never draws itself."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

STALE_OPACITY = 0.45
"""A chart about to be replaced is shown faded: visibly "being updated", never blank."""

RESIZE_SETTLE_MS = 180
"""Wait this long after the last resize before asking for charts drawn at the new size."""


class CanvasSignals(QObject):
    """Signals of a chart canvas (the canvas class itself is made lazily, see make_canvas)."""

    resized = Signal()
    """The canvas settled at a size other than the one its picture was drawn for."""


def make_canvas(parent: QWidget, background: str) -> Any:
    """A new chart canvas (a FigureCanvasQTAgg) inside `parent`, blank until `show_chart`.

    Figures are built and drawn in a worker thread (chart_jobs); the canvas only shows the
    finished pixels and turns mouse events into matplotlib events for hovering and clicking.
    matplotlib is imported when the first canvas is made, never when this module is.
    """
    return _canvas_class()(parent, background)


@cache
def _canvas_class() -> type:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    class ChartCanvas(FigureCanvasQTAgg):
        """Shows a figure drawn elsewhere; matplotlib's own drawing is never run here.

        Drawing six charts of ten years takes about half a second, which on the GUI thread
        would freeze the window. So draw requests (matplotlib asks for one on every resize)
        only start a short timer; when the size has settled, `signals.resized` asks the page
        for new pictures, and meanwhile the old picture is shown stretched.
        """

        def __init__(self, parent: QWidget, background: str) -> None:
            super().__init__(Figure(figsize=(4.0, 3.0), dpi=100.0))  # type: ignore[no-untyped-call]
            self.setParent(parent)
            self.signals = CanvasSignals(self)
            self._background = QColor(background)
            self._image: QImage | None = None
            self._stale = False
            self._drawn_size: tuple[int, int] | None = None
            self._handlers: list[tuple[str, Callable[[Any], Any]]] = []
            self._settle = QTimer(self)
            self._settle.setSingleShot(True)
            self._settle.setInterval(RESIZE_SETTLE_MS)
            self._settle.timeout.connect(self._on_settled)

        # -- showing -----------------------------------------------------------------------

        def show_chart(self, figure: Figure, image: QImage, logical_size: tuple[int, int]) -> None:
            """Show `figure`, already drawn into `image` for `logical_size` logical pixels."""
            ratio = figure.dpi / 100.0
            figure.set_canvas(self)
            self.figure = figure
            # What FigureCanvasBase does for a new figure: the dpi at a pixel ratio of 1,
            # so a later change of screen scales from it instead of compounding.
            figure._original_dpi = 100.0  # type: ignore[attr-defined]
            self._device_pixel_ratio = ratio
            self._image = image
            self._drawn_size = logical_size
            self._draw_pending = False
            self._stale = False
            for event, handler in self._handlers:
                self.mpl_connect(event, handler)  # type: ignore[call-overload]
            self.update()

        def set_stale(self, stale: bool) -> None:
            """Fade the picture while its replacement is being drawn."""
            if stale != self._stale:
                self._stale = stale
                self.update()

        def set_background(self, colour: str) -> None:
            self._background = QColor(colour)
            self.update()

        def connect_event(self, event: str, handler: Callable[[Any], Any]) -> None:
            """Like mpl_connect, but kept for every figure shown later as well."""
            self._handlers.append((event, handler))
            self.mpl_connect(event, handler)  # type: ignore[call-overload]

        def has_chart(self) -> bool:
            return self._image is not None

        def drawn_size(self) -> tuple[int, int] | None:
            return self._drawn_size

        # -- matplotlib's drawing, kept off this thread -----------------------------------

        def draw_idle(self) -> None:
            self._settle.start()

        def _on_settled(self) -> None:
            if self._image is None:
                return
            if self._drawn_size != (self.width(), self.height()):
                self.signals.resized.emit()

        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            try:
                painter.fillRect(event.rect(), self._background)
                image = self._image
                if image is None:
                    return
                if self._stale:
                    painter.setOpacity(STALE_OPACITY)
                if self._drawn_size == (self.width(), self.height()):
                    painter.drawImage(0, 0, image)
                else:
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                    painter.drawImage(QRect(0, 0, self.width(), self.height()), image)
            finally:
                painter.end()

    return ChartCanvas


def cursor_for(clickable: bool) -> Qt.CursorShape:
    """A pointing hand over a day that opens in the diary, the arrow elsewhere."""
    return Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
