"""How much pain is okay: said before a session, with the same shapes everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Level
from rugdiary.core.programs import Program
from rugdiary.core.sessions import RESPONSE_SYMBOLS, PainResponse
from rugdiary.ui.player.page import PlayerPage
from rugdiary.ui.player.texts import response_look


def test_the_rule_is_shown_under_the_pain_question_before_a_session(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    """CLINICAL.md §2: show the pain-response rule before and after each session."""
    with qtbot.waitSignal(player.controller.showRequested, timeout=1000):
        assert player.controller.start(tiny_program, Level.BEGINNER)
    before = player.view.before
    rule = before.pain_rule
    assert rule.isVisibleTo(player.view)
    assert rule.geometry().top() >= before.pain.geometry().bottom(), "under the question"
    # Each line after its shape, in its response's colour, in the order of the rule.
    lines = [(symbol.text(), words.text()) for symbol, words in rule.lines]
    assert lines == [
        (RESPONSE_SYMBOLS[PainResponse.GREEN], "Pain 0–3 during or after: fine, carry on."),
        (
            RESPONSE_SYMBOLS[PainResponse.YELLOW],
            "Pain 4–5: okay if it settles by the next morning.",
        ),
        (
            RESPONSE_SYMBOLS[PainResponse.RED],
            "Pain above 5, or worse the next day: next time, a lighter level.",
        ),
    ]
    for (symbol, words), response in zip(rule.lines, PainResponse, strict=True):
        assert response_look(response, 5).colour.name() in symbol.styleSheet()
        assert words.wordWrap()
        assert words.isVisibleTo(player.view)
    # Still the pain scale that has the focus: the rule is read, not a stop for Tab.
    assert before.focusProxy() is before.pain


def test_the_player_uses_the_shapes_of_the_programs_page_and_the_pdf() -> None:
    assert dict(RESPONSE_SYMBOLS) == {
        PainResponse.GREEN: "●",
        PainResponse.YELLOW: "◆",
        PainResponse.RED: "▲",
    }
    for response in PainResponse:
        look = response_look(response, {"green": 2, "yellow": 5, "red": 7}[response.value])
        assert look.symbol == RESPONSE_SYMBOLS[response]
        assert isinstance(look.colour, QColor)
