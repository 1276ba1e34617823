"""The pain-response shapes in the player stand out from what is behind them, in every theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library
from rugdiary.core.exercises import Level
from rugdiary.core.programs import Program
from rugdiary.core.sessions import RESPONSE_SYMBOLS, PainResponse, StopReason
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui.player.page import PlayerPage, build_player_page
from rugdiary.ui.player.texts import response_colour
from rugdiary.ui.theme import APPLIED_THEME_PROPERTY, HIGH_CONTRAST, apply_theme
from rugdiary.ui.widgets.pose_figure import contrast
from tests.ui.player.conftest import CueRecorder

THEMES = ("light", "dark", HIGH_CONTRAST)
SHAPE_MIN = {"light": 3.0, "dark": 3.0, HIGH_CONTRAST: 7.0}
"""WCAG's 3:1 for a meaningful shape; the high-contrast theme keeps 7:1 for all it draws."""


@pytest.fixture
def theme_restored(qapp: QApplication) -> Iterator[None]:
    """Put the look back after a test that applies a theme."""
    palette, style, font = qapp.palette(), qapp.style().name(), qapp.font()
    applied = qapp.property(APPLIED_THEME_PROPERTY)
    yield
    qapp.setProperty(APPLIED_THEME_PROPERTY, applied)
    qapp.setPalette(palette)
    qapp.setStyle(style)
    qapp.setFont(font)


def make_player(
    qtbot: QtBot, library: Library, sessions: SessionRepository, clock: FakeClock
) -> PlayerPage:
    page = build_player_page(library.exercises, sessions, clock, cues=CueRecorder(), lang="en")
    qtbot.addWidget(page.view)
    page.view.resize(1000, 800)
    page.view.show()
    qtbot.waitExposed(page.view)
    return page


def painted(view: QWidget, label: QLabel) -> tuple[Counter[str], str]:
    """The colours `label` shows, as drawn in `view`, and the one behind it (the most common)."""
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    rect = QRect(label.mapTo(view, QPoint(0, 0)), label.size())
    counts = Counter(
        image.pixelColor(round(x * ratio), round(y * ratio)).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    )
    return counts, counts.most_common(1)[0][0]


def assert_stands_out(view: QWidget, label: QLabel, theme: str) -> None:
    counts, behind = painted(view, label)
    shape = QColor(label.styleSheet().removeprefix("color: ").rstrip(";"))
    assert shape.isValid(), label.styleSheet()
    assert counts[shape.name()] > 0, f"{label.text()} is drawn in {shape.name()}"
    ratio = contrast(shape, QColor(behind))
    assert ratio >= SHAPE_MIN[theme], f"{theme}: {label.text()} {shape.name()} on {behind}"


@pytest.mark.parametrize("theme", THEMES)
def test_shapes_stand_out_before_and_after_a_session(
    qtbot: QtBot,
    qapp: QApplication,
    theme_restored: None,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    tiny_program: Program,
    theme: str,
) -> None:
    """In dark the red ▲ after a session was 2.39:1 on its panel; in high contrast the
    shapes were 3.9–5.8:1 on black: the light theme's colours in every theme."""
    apply_theme(qapp, theme)
    page = make_player(qtbot, library, sessions, clock)
    controller, view = page.controller, page.view
    assert controller.start(tiny_program, Level.BEGINNER)
    for symbol, _words in view.before.pain_rule.lines:
        assert_stands_out(view, symbol, theme)
    view.before.pain.setValue(3)
    controller.begin()
    controller.skip_forward()
    controller.skip_forward()
    controller.stop(StopReason.OTHER)
    after = view.after
    for pain, response in (
        (2, PainResponse.GREEN),
        (5, PainResponse.YELLOW),
        (8, PainResponse.RED),
    ):
        after.pain.setValue(pain)
        assert after.response_symbol.text() == RESPONSE_SYMBOLS[response]
        assert_stands_out(view, after.response_symbol, theme)


def test_shapes_follow_a_theme_change(
    qtbot: QtBot,
    qapp: QApplication,
    theme_restored: None,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    tiny_program: Program,
) -> None:
    """Settings → Colours while the summary shows: the shapes take the new theme's colours."""
    apply_theme(qapp, "light")
    page = make_player(qtbot, library, sessions, clock)
    controller, view = page.controller, page.view
    assert controller.start(tiny_program, Level.BEGINNER)
    view.before.pain.setValue(3)
    controller.begin()
    controller.skip_forward()
    controller.skip_forward()
    controller.stop(StopReason.OTHER)
    view.after.pain.setValue(8)
    for theme in ("dark", HIGH_CONTRAST, "light"):
        apply_theme(qapp, theme)
        red = response_colour(PainResponse.RED).name()

        def recoloured(red: str = red) -> bool:
            return red in view.after.response_symbol.styleSheet()

        qtbot.waitUntil(recoloured)
        assert_stands_out(view, view.after.response_symbol, theme)
        rule = [symbol.styleSheet() for symbol, _words in view.before.pain_rule.lines]
        assert red in rule[-1]


@pytest.mark.parametrize("theme", THEMES)
def test_each_theme_has_three_colours_told_apart(
    qapp: QApplication, theme_restored: None, theme: str
) -> None:
    apply_theme(qapp, theme)
    marks = {response_colour(r).name() for r in PainResponse}
    chips = {response_colour(r, chip=True).name() for r in PainResponse}
    assert len(marks) == len(chips) == 3
