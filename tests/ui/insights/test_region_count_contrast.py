"""The counts on the Insights body map stand out from their fill in every theme (4.5:1).

The text colour followed a fixed share of the fill (over 0.55 the highlight's text colour),
and just past it neither colour was readable: 2.3:1 in the light theme, 3.5:1 in the dark one.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.body_regions import REGION_IDS
from rugdiary.reports.chart_theme import contrast_ratio
from rugdiary.ui.insights.region_counts import RegionCountsPicture, _blend
from rugdiary.ui.theme import apply_theme

THEMES = ("light", "dark", "high-contrast")


@pytest.mark.parametrize("theme", THEMES)
def test_every_fill_gets_a_readable_count(restore_app_look: QApplication, theme: str) -> None:
    from rugdiary.ui.insights.region_counts import count_colour

    apply_theme(restore_app_look, theme)
    palette = restore_app_look.palette()
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    for share in [0.0] + [step / 100 for step in range(25, 101)]:
        fill = _blend(base, highlight, share)
        ratio = contrast_ratio(fill.name(), count_colour(fill, palette).name())
        assert ratio >= 4.5, f"{theme}, share {share}: {ratio:.2f}"


def test_the_themes_own_text_colours_come_first(restore_app_look: QApplication) -> None:
    from rugdiary.ui.insights.region_counts import count_colour

    apply_theme(restore_app_look, "light")
    palette = restore_app_look.palette()
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert count_colour(base, palette) == palette.color(QPalette.ColorRole.Text)
    full = count_colour(highlight, palette)
    assert full == palette.color(QPalette.ColorRole.HighlightedText)


def _count_contrast(picture: RegionCountsPicture, region: str) -> float:
    """The contrast of the inkiest pixel of a region's number against the region's fill."""
    from rugdiary.core.body_regions import DESIGN_H, DESIGN_W, REGION_RECTS

    image = picture.grab().toImage()
    ratio = picture.devicePixelRatioF()
    scale = min(picture.width() / DESIGN_W, picture.height() / DESIGN_H)
    left = (picture.width() - DESIGN_W * scale) / 2
    x, y, w, h = REGION_RECTS[region]
    x0, x1 = int((left + x * scale + 4) * ratio), int((left + (x + w) * scale - 4) * ratio)
    y0, y1 = int((y * scale + 4) * ratio), int(((y + h) * scale - 4) * ratio)
    pixels = [QColor(image.pixel(px, py)).name() for px in range(x0, x1) for py in range(y0, y1)]
    fill = Counter(pixels).most_common(1)[0][0]
    return max(contrast_ratio(fill, pixel) for pixel in set(pixels))


@pytest.mark.parametrize("theme", THEMES)
def test_the_drawn_numbers_are_readable(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    apply_theme(restore_app_look, theme)
    picture = RegionCountsPicture()
    qtbot.addWidget(picture)
    picture.resize(picture.sizeHint())
    # Shares 1.0 and 0.25 + 0.75 * n / 100 for the rest: 0.56 and 0.61 were the worst.
    shown = dict(zip(REGION_IDS, (100, 41, 48, 86, 65, 30, 8), strict=False))
    picture.set_counts(shown)
    for region, count in shown.items():
        ratio = _count_contrast(picture, region)
        assert ratio >= 4.5, f"{theme}: {count} in {region} at {ratio:.2f}"
