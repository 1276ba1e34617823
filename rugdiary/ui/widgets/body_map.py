"""Where it hurts: a back view of a body with nine regions to mark, by mouse or keyboard."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.body_regions import (
    DESIGN_H,
    DESIGN_W,
    REGION_IDS,
    REGION_RECTS,
    SILHOUETTE,
    ordered_regions,
    region_label,
)
from rugdiary.ui.services import content_language
from rugdiary.ui.theme import FOCUS_WIDTH, HIGH_CONTRAST, current_theme

# Arrow keys move over the picture as it looks: rows top to bottom, left to right within.
_ROWS: tuple[tuple[str, ...], ...] = (
    ("lower_back_left", "lower_back_centre", "lower_back_right"),
    ("buttock_left", "buttock_right"),
    ("thigh_left", "thigh_right"),
    ("below_knee_left", "below_knee_right"),
)


def neighbour(region: str, key: Qt.Key) -> str:
    """The region an arrow key moves to from `region` (itself at the edge of the picture)."""
    row_index = next(i for i, row in enumerate(_ROWS) if region in row)
    row = _ROWS[row_index]
    column = row.index(region)
    if key == Qt.Key.Key_Left:
        return row[max(column - 1, 0)]
    if key == Qt.Key.Key_Right:
        return row[min(column + 1, len(row) - 1)]
    step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(key, 0)
    target = row_index + step
    if step == 0 or not 0 <= target < len(_ROWS):
        return region
    # Keep the side: the middle of the lower back goes down to the left buttock.
    x = REGION_RECTS[region][0] + REGION_RECTS[region][2] / 2
    return min(
        _ROWS[target],
        key=lambda r: (abs(REGION_RECTS[r][0] + REGION_RECTS[r][2] / 2 - x), REGION_RECTS[r][0]),
    )


MIN_TARGET = 24
"""WCAG 2.2's least size of a pointer target (2.5.8), in pixels, for every region."""
FULL_SIZE = QSize(140, 280)
COMPACT_SIZE = QSize(136, 272)
"""The Today page's map: the smallest that keeps each region a MIN_TARGET square. The
narrowest region, 16 of the 120 design units, is 18 pixels wide here, and its button reaches
3 pixels beyond it on each side for the focus ring. At 100×200 it was 19 pixels wide."""


class RegionButton(QAbstractButton):
    """One region: a checkable button drawn as part of the body, named for screen readers.

    A screen reader hears its name ("Lower back, left") and whether it is checked, as for
    a check box; Space marks or unmarks it, the arrow keys move to the next region.
    """

    def __init__(self, region: str, body_map: BodyMap) -> None:
        super().__init__(body_map)
        self.region = region
        self.body_map = body_map
        self.setCheckable(True)
        self.setObjectName(f"region_{region}")
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.body_map.move_focus(neighbour(self.region, key))
            event.accept()
            return
        super().keyPressEvent(event)

    def shape_rect(self) -> QRectF:
        """The region's drawn shape inside the button, leaving room for the focus ring."""
        margin = FOCUS_WIDTH.get(current_theme(), 2.0) + 1.5
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        high_contrast = current_theme() == HIGH_CONTRAST
        shape = self.shape_rect()
        radius = min(shape.width(), shape.height()) * 0.25
        hovered = self.underMouse()
        if self.isChecked():
            fill = palette.color(QPalette.ColorRole.Highlight)
            edge = palette.color(
                QPalette.ColorRole.WindowText if high_contrast else QPalette.ColorRole.Dark
            )
        else:
            fill = palette.color(QPalette.ColorRole.Base)
            # The placeholder colour has 5:1 or more against the window: the edge is seen.
            edge = palette.color(
                QPalette.ColorRole.WindowText
                if high_contrast
                else QPalette.ColorRole.PlaceholderText
            )
        painter.setBrush(fill)
        painter.setPen(QPen(edge, 2.0 if (hovered or self.isChecked()) else 1.2))
        painter.drawRoundedRect(shape, radius, radius)
        if self.isChecked():
            # A tick as well as the fill: marked is never told by colour alone.
            size = min(shape.width(), shape.height(), 22.0) * 0.6
            centre = shape.center()
            tick = QPainterPath(QPointF(centre.x() - size * 0.45, centre.y()))
            tick.lineTo(QPointF(centre.x() - size * 0.1, centre.y() + size * 0.35))
            tick.lineTo(QPointF(centre.x() + size * 0.5, centre.y() - size * 0.35))
            pen = QPen(palette.color(QPalette.ColorRole.HighlightedText), max(2.0, size / 6))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        if self.hasFocus():
            width = FOCUS_WIDTH.get(current_theme(), 2.0)
            ring = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
            focus_pen = QPen(palette.color(QPalette.ColorRole.Highlight), width)
            painter.setPen(focus_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring, radius + 2, radius + 2)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(24, 24)


class BodyMap(QWidget):
    """The back view with nine region buttons; one Tab stop, arrows and Space inside.

    Only the current region takes the Tab focus (a "roving" tab stop, as in a toolbar), so
    Tab passes the map in one step; the arrow keys move between regions and Space marks or
    unmarks the one with the focus. `compact` draws it smaller (the Today page).
    """

    regionsChanged = Signal(object)
    """Emitted with the marked region ids (a tuple in REGION_IDS order) after each change."""

    def __init__(
        self, parent: QWidget | None = None, *, compact: bool = False, lang: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self.compact = compact
        self.lang = lang or content_language()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.buttons: dict[str, RegionButton] = {}
        for region in REGION_IDS:
            button = RegionButton(region, self)
            button.toggled.connect(self._on_toggled)
            button.pressed.connect(lambda region=region: self._make_current(region))
            self.buttons[region] = button
        self._current = REGION_IDS[0]
        self._make_current(self._current)
        for first, second in itertools.pairwise(REGION_IDS):
            QWidget.setTabOrder(self.buttons[first], self.buttons[second])
        self.retranslate()

    # -- reading and writing ----------------------------------------------------------------

    def regions(self) -> tuple[str, ...]:
        """The marked regions, in REGION_IDS order."""
        return tuple(r for r in REGION_IDS if self.buttons[r].isChecked())

    def set_regions(self, regions: Iterable[str]) -> None:
        """Mark exactly `regions` (unknown ids are ignored); emits regionsChanged once."""
        chosen = set(ordered_regions(regions))
        before = self.regions()
        for region, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(region in chosen)
            button.blockSignals(False)
            button.update()
        if self.regions() != before:
            self.regionsChanged.emit(self.regions())

    def clear(self) -> None:
        self.set_regions(())

    def current(self) -> str:
        """The region that takes the focus when Tab reaches the map."""
        return self._current

    def tab_chain(self) -> list[QWidget]:
        """The region buttons in focus-chain order, for a form's setTabOrder chain."""
        return [self.buttons[r] for r in REGION_IDS]

    def move_focus(self, region: str) -> None:
        self._make_current(region)
        self.buttons[region].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        for region, button in self.buttons.items():
            name = region_label(region, self.lang)
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.setAccessibleName(self.tr("Where it hurts"))
        self.setAccessibleDescription(
            self.tr(
                "A body seen from behind. Arrow keys move between the regions, "
                "Space marks or unmarks one."
            )
        )

    # -- geometry and drawing -----------------------------------------------------------------

    def _scale(self) -> float:
        return min(self.width() / DESIGN_W, self.height() / DESIGN_H)

    def _to_widget(self, box: tuple[float, float, float, float]) -> QRectF:
        scale = self._scale()
        left = (self.width() - DESIGN_W * scale) / 2
        top = (self.height() - DESIGN_H * scale) / 2
        x, y, w, h = box
        return QRectF(left + x * scale, top + y * scale, w * scale, h * scale)

    def sizeHint(self) -> QSize:
        return COMPACT_SIZE if self.compact else FULL_SIZE

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        for region, button in self.buttons.items():
            area = self._to_widget(REGION_RECTS[region])
            # The button reaches a little beyond the shape, so its focus ring has room.
            grow = FOCUS_WIDTH.get(current_theme(), 2.0) + 1.5 - 0.5
            button.setGeometry(area.adjusted(-grow, -grow, grow, grow).toRect())
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        high_contrast = current_theme() == HIGH_CONTRAST
        body = palette.color(QPalette.ColorRole.AlternateBase)
        edge = palette.color(
            QPalette.ColorRole.WindowText if high_contrast else QPalette.ColorRole.Mid
        )
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(body)
        scale = self._scale()
        for kind, box in SILHOUETTE:
            rect = self._to_widget(box)
            if kind == "ellipse":
                painter.drawEllipse(rect)
            else:
                painter.drawRoundedRect(rect, 6 * scale, 6 * scale)
        painter.end()

    # -- behaviour ----------------------------------------------------------------------------

    def _make_current(self, region: str) -> None:
        self._current = region
        # Focusing the map (a form pointing at a field's error) focuses the current region.
        self.setFocusProxy(self.buttons[region])
        for other, button in self.buttons.items():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if other == region else Qt.FocusPolicy.ClickFocus
            )

    def _on_toggled(self, _checked: bool) -> None:
        self.regionsChanged.emit(self.regions())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class BodyMapField(QWidget):
    """The map with its words: a heading, how to read it, and what is marked, as text.

    The text line repeats the marked regions in words, for people who do not read the
    picture easily; screen readers hear the same through the regions' names and states.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        lang: str | None = None,
        heading: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMapField")
        self.map = BodyMap(self, compact=compact, lang=lang)
        self.heading = QLabel(self)
        self.heading.setVisible(heading)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.marked = QLabel(self)
        self.marked.setObjectName("bodyMapMarked")
        self.marked.setWordWrap(True)
        self.marked.setTextFormat(Qt.TextFormat.PlainText)

        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(6)
        words.addWidget(self.hint)
        words.addWidget(self.marked)
        words.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.map, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        self.map.regionsChanged.connect(self._show_marked)
        self.setFocusProxy(self.map)
        self.retranslate()

    def regions(self) -> tuple[str, ...]:
        return self.map.regions()

    def set_regions(self, regions: Iterable[str]) -> None:
        self.map.set_regions(regions)

    def clear(self) -> None:
        self.map.clear()

    def set_language(self, lang: str) -> None:
        self.map.set_language(lang)
        self._show_marked()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Where it hurts (optional)"))
        self.hint.setText(
            self.tr(
                "Seen from behind: your left side is on the left. Click the places that "
                "hurt, or use the arrow keys and Space."
            )
        )
        self._show_marked()

    def _show_marked(self, *_args: object) -> None:
        marked = self.map.regions()
        if not marked:
            self.marked.setText(self.tr("Nothing marked."))
            return
        names = "; ".join(region_label(r, self.map.lang) for r in marked)
        self.marked.setText(self.tr("Marked: %1").replace("%1", names))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
