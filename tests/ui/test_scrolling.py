"""Scroll areas: a wrapped text scrolled in a small box shows whole lines only."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.ui.widgets.scrolling import WholeLinesArea


@pytest.mark.parametrize("height", [40, 57, 63, 100, 131])
def test_a_text_box_shows_whole_lines_and_leaves_the_rest_below(qtbot: QtBot, height: int) -> None:
    """The player's steps, cut at any height, once showed the top half of a last line."""
    holder = QWidget()
    qtbot.addWidget(holder)
    area = WholeLinesArea(holder)
    text = QLabel("Breathe out, round your back and let your head drop. " * 12)
    text.setWordWrap(True)
    area.setWidget(text)
    area.setWidgetResizable(True)
    QVBoxLayout(holder).addWidget(area)
    holder.resize(220, height)
    holder.show()
    qtbot.waitExposed(holder)
    line = text.fontMetrics().lineSpacing()
    shown = area.viewport().height()
    assert shown % line == 0, f"{shown} px shows {shown / line:.2f} lines"
    assert area.height() - shown < line + 2 * area.frameWidth() + 1, "no whole line wasted"
    assert text.height() > shown, "it scrolls"
