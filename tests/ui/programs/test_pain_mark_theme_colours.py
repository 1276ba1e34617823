"""The Programs page's pain-response chips: their white words readable in every theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from rugdiary.core.sessions import PainResponse
from rugdiary.ui.player.texts import response_colour
from rugdiary.ui.programs.page import ProgramsPage
from rugdiary.ui.programs.texts import pain_mark
from rugdiary.ui.theme import APPLIED_THEME_PROPERTY, HIGH_CONTRAST, apply_theme
from rugdiary.ui.widgets.pose_figure import contrast

TEXT_MIN = {"light": 4.5, "dark": 4.5, HIGH_CONTRAST: 7.0}
"""WCAG's 4.5:1 for text; 7:1 in the high-contrast theme."""


@pytest.fixture
def theme_restored(qapp: QApplication) -> Iterator[None]:
    palette, style, font = qapp.palette(), qapp.style().name(), qapp.font()
    applied = qapp.property(APPLIED_THEME_PROPERTY)
    yield
    qapp.setProperty(APPLIED_THEME_PROPERTY, applied)
    qapp.setPalette(palette)
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_the_chips_white_words_are_readable_in_every_theme(
    qapp: QApplication,
    theme_restored: None,
    make_page: Callable[..., ProgramsPage],
    add_session: Callable[..., Any],
    theme: str,
) -> None:
    """High contrast kept the light theme's fills: white words at 4.5–5.7:1, not 7:1."""
    apply_theme(qapp, theme)
    add_session(days_ago=3, pain_before=2, pain_after=2)
    add_session(days_ago=2, pain_before=2, pain_after=5)
    add_session(days_ago=1, pain_before=3, pain_after=7)
    page = make_page()
    page.controller.select_program("core-stability-beginner")
    marks = page.view.programs.session_marks()
    assert {m.mark.response for m in marks} == set(PainResponse)
    for chip in marks:
        assert "color: white" in chip.styleSheet()
        fill = QColor(chip.mark.colour)
        # The fill is what the chip shows most of, as drawn.
        image = chip.grab().toImage()
        drawn = Counter(
            image.pixelColor(x, y).name()
            for x in range(image.width())
            for y in range(image.height() // 3, 2 * image.height() // 3)
        )
        assert fill.name() in dict(drawn.most_common(2)), (chip.text(), drawn.most_common(3))
        ratio = contrast(QColor("white"), fill)
        assert ratio >= TEXT_MIN[theme], f"{theme}: {chip.text()} white on {fill.name()}"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_one_colour_choice_for_the_player_and_programs(
    qapp: QApplication, theme_restored: None, theme: str
) -> None:
    apply_theme(qapp, theme)
    for response in PainResponse:
        assert pain_mark(response).colour == response_colour(response, chip=True).name()
