"""Insights: how often each place on the body map was marked in the period, drawn and in words."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from rugdiary.core.body_regions import (
    DESIGN_H,
    DESIGN_W,
    REGION_IDS,
    REGION_RECTS,
    SILHOUETTE,
    region_label,
)
from rugdiary.reports.chart_theme import contrast_ratio
from rugdiary.ui.page_layout import scaled_font
from rugdiary.ui.theme import HIGH_CONTRAST, current_theme


def _blend(low: QColor, high: QColor, share: float) -> QColor:
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


TEXT_CONTRAST = 4.5
"""WCAG 2.1's least contrast for normal-size text; the counts are small text."""


def count_colour(fill: QColor, palette: QPalette) -> QColor:
    """The colour for a count written on `fill`: of the theme's two text colours the one that
    stands out more; where neither reaches TEXT_CONTRAST, black or white, whichever does.

    A fixed share of the fill picked the colour before, and near that share neither was
    readable: 2.3:1 in the light theme, 3.5:1 in the dark one.
    """

    def ratio(colour: QColor) -> float:
        return contrast_ratio(fill.name(), colour.name())

    themed = (
        palette.color(QPalette.ColorRole.Text),
        palette.color(QPalette.ColorRole.HighlightedText),
    )
    best = max(themed, key=ratio)
    if ratio(best) >= TEXT_CONTRAST:
        return best
    return max((QColor(Qt.GlobalColor.black), QColor(Qt.GlobalColor.white), best), key=ratio)


class RegionCountsPicture(QWidget):
    """The back view with each region's count written in it; a fuller colour is more often.

    A picture, not a control: it takes no focus, and the card's text says the same in words.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regionCountsPicture")
        self.counts: dict[str, int] = dict.fromkeys(REGION_IDS, 0)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, 320)

    def set_counts(self, counts: Mapping[str, int]) -> None:
        self.counts = {region: int(counts.get(region, 0)) for region in REGION_IDS}
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        high_contrast = current_theme() == HIGH_CONTRAST
        scale = min(self.width() / DESIGN_W, self.height() / DESIGN_H)
        left = (self.width() - DESIGN_W * scale) / 2

        def box(x: float, y: float, w: float, h: float) -> QRectF:
            return QRectF(left + x * scale, y * scale, w * scale, h * scale)

        edge = palette.color(
            QPalette.ColorRole.WindowText if high_contrast else QPalette.ColorRole.Mid
        )
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        for kind, rect in SILHOUETTE:
            if kind == "ellipse":
                painter.drawEllipse(box(*rect))
            else:
                painter.drawRoundedRect(box(*rect), 6 * scale, 6 * scale)
        most = max(self.counts.values(), default=0)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        for region in REGION_IDS:
            count = self.counts[region]
            share = 0.0 if count == 0 or most == 0 else 0.25 + 0.75 * count / most
            rect = box(*REGION_RECTS[region]).adjusted(1.5, 1.5, -1.5, -1.5)
            fill = _blend(base, highlight, share)
            painter.setBrush(fill)
            outline = QPalette.ColorRole.WindowText if high_contrast else QPalette.ColorRole.Mid
            painter.setPen(QPen(palette.color(outline), 1.0))
            painter.drawRoundedRect(rect, 4, 4)
            font.setBold(count > 0)
            fitted = QFont(font)
            # A long number shrinks until it fits its region with a little room.
            while (
                fitted.pointSizeF() > 6.0
                and QFontMetricsF(fitted).horizontalAdvance(str(count)) > rect.width() - 4
            ):
                fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
            painter.setFont(fitted)
            painter.setPen(count_colour(fill, palette))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()


class RegionCountsCard(QFrame):
    """A small, calm card: the picture and, beside it, the counts in words.

    Hidden while nothing was marked in the period: people who do not use the body map
    see nothing new.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regionCountsCard")
        self.setStyleSheet(
            "QFrame#regionCountsCard { border: 1px solid palette(midlight); border-radius: 10px; }"
        )
        self.title = QLabel(self.tr("Where it hurts"), self)
        self.title.setFont(scaled_font(self.title.font(), 1.1, bold=True))
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.explanation.setText(
            self.tr(
                "How often you marked each place on the body map in this period, seen from "
                "behind. The fuller the colour, the more often."
            )
        )
        self.picture = RegionCountsPicture(self)
        self.words = QLabel(self)
        self.words.setObjectName("regionCountsText")
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        self.setVisible(False)

    def set_counts(self, counts: Mapping[str, int], lang: str) -> None:
        """Show `counts` (region id → times marked); hide the card when all are 0."""
        self.picture.set_counts(counts)
        marked = [(region, int(counts.get(region, 0))) for region in REGION_IDS]
        marked = [(region, n) for region, n in marked if n > 0]
        marked.sort(key=lambda item: -item[1])  # most often first; stable keeps body order
        lines = [
            (self.tr("%1: once") if n == 1 else self.tr("%1: %2 times"))
            .replace("%1", region_label(region, lang))
            .replace("%2", str(n))
            for region, n in marked
        ]
        self.words.setText("\n".join(lines))
        summary = "; ".join(lines)
        # The picture's text alternative: a screen reader reads the counts, not the shapes.
        self.picture.setAccessibleName(self.tr("Body map with counts"))
        self.picture.setAccessibleDescription(summary)
        self.setVisible(bool(marked))
