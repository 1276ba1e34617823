"""A row of buttons that wraps onto a next line in a narrow window instead of widening it."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line where the next one no longer fits.

    A plain QHBoxLayout makes its parent at least as wide as all its buttons together: in
    Dutch, a row of four buttons alone made a pane wider than a 900 px window allows. This
    one needs only the widest single item and grows in height instead (height for width).
    With `align_right`, each line is pushed to the right edge, as dialog buttons are.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = -1,
        align_right: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._align_right = align_right
        self._split: int | None = None
        self.setContentsMargins(0, 0, 0, 0)

    def addStretch(self) -> None:
        """Items added after this go to the right end of their line, as after a stretch."""
        self._split = len(self._items)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    @staticmethod
    def _natural(item: QLayoutItem) -> QSize:
        """The item's size on one line; for a wrapping label, its text unwrapped."""
        widget = item.widget()
        if isinstance(widget, QLabel) and widget.wordWrap():
            margins = widget.contentsMargins()
            width = widget.fontMetrics().horizontalAdvance(widget.text()) + 2 * widget.margin()
            width += margins.left() + margins.right() + 2
            return QSize(width, widget.heightForWidth(width))
        return item.sizeHint()

    def sizeHint(self) -> QSize:
        # One line when there is room: the width of all items side by side.
        width = 0
        height = 0
        for item in self._visible():
            hint = self._natural(item)
            width += hint.width() + (self._gap() if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def _visible(self) -> list[QLayoutItem]:
        return [
            item
            for item in self._items
            if item.widget() is None or not item.widget().isHidden()  # type: ignore[union-attr]
        ]

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        gap = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        if gap < 0:
            gap = parent.style().layoutSpacing(
                QSizePolicy.ControlType.PushButton,
                QSizePolicy.ControlType.PushButton,
                Qt.Orientation.Horizontal,
            )
        return max(gap, 6)

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        right_side: set[int] = set()
        used = 0
        split = len(self._items) if self._split is None else self._split
        for item in self._visible():
            if self._items.index(item) >= split:
                right_side.add(id(item))
            hint = self._natural(item)
            if hint.width() > area.width() and item.hasHeightForWidth():
                # Wider than a whole line: it gets the line and wraps its own text.
                width = max(area.width(), 1)
                hint = QSize(width, item.heightForWidth(width))
            hint = hint.boundedTo(QSize(max(area.width(), 1), 1 << 20))
            needed = hint.width() if not lines[-1] else used + gap + hint.width()
            if lines[-1] and needed > area.width():
                lines.append([])
                needed = hint.width()
            lines[-1].append((item, hint))
            used = needed
        y = area.y()
        for line in lines:
            if not line:
                continue
            line_height = max(hint.height() for _item, hint in line)
            line_width = sum(hint.width() for _item, hint in line) + gap * (len(line) - 1)
            x = area.x() + (area.width() - line_width if self._align_right else 0)
            for item, hint in line:
                if id(item) in right_side and not self._align_right:
                    # The first item after the stretch: the rest of the line goes right.
                    rest = [h for i, h in line if id(i) in right_side]
                    rest_width = sum(h.width() for h in rest) + gap * (len(rest) - 1)
                    x = max(x, area.x() + area.width() - rest_width)
                if apply:
                    top = y + (line_height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + gap
            y += line_height + gap
        return y - gap - rect.y() + margins.bottom() if y > area.y() else 0
