"""Scroll areas that hold a page's controls: no silent Tab stop, the focused control in view."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

FOCUS_MARGIN_PX = 24
"""Room left around a control scrolled into view, so its focus ring and label show too."""


class _FocusFollower(QObject):
    """Scrolls its area to whatever control inside it takes the focus, however it got there.

    Qt scrolls only when Tab moves between the area's own children; focus that wraps round
    from outside (the page list, the last control of the window) or comes from a shortcut
    would land on a control scrolled out of sight. A child of the area, so the connection
    ends with it.
    """

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self._area):
            return  # the area is being closed: the focus moves as its children go
        content = self._area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self._area.ensureWidgetVisible(new, FOCUS_MARGIN_PX, FOCUS_MARGIN_PX)


def quiet_scroll_area(area: QScrollArea) -> QScrollArea:
    """Make `area` a plain container: not a Tab stop itself, and following the focus.

    A scroll area takes the focus by default, so Tab stopped on it with nothing to say and
    nothing to show (issue 16). Its controls are the stops; it scrolls to each of them.
    """
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FocusFollower(area)
    return area


class WholeLinesArea(QScrollArea):
    """A scroll area for one wrapped text that shows whole lines, never a sliced one.

    Cut at whatever height the layout gives it, the last line showed only the top half of
    its letters, which looks broken; the spare pixels go below the view instead.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_whole_lines()
        super().resizeEvent(event)

    def _fit_whole_lines(self) -> None:
        text = self.widget()
        line = text.fontMetrics().lineSpacing() if text is not None else 0
        height = self.height() - 2 * self.frameWidth()
        spare = height % line if line > 0 and height > line else 0
        if spare != self.viewportMargins().bottom():
            self.setViewportMargins(0, 0, 0, spare)
