"""The voice names the side of a new exercise's first work step, also after a skip while paused."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Level, Text
from rugdiary.core.programs import DoseOverride, Program, ProgramItem, StepKind
from rugdiary.ui import speech_child
from rugdiary.ui.audio import voice_off_reason
from tests.ui.player.test_player_flow import begin

SHORT = DoseOverride(reps=1, sets=1, hold_s=5, rest_s=2)


def test_the_side_is_named_after_a_paused_skip_into_the_next_exercise(
    qtbot: QtBot, player, advance, cues
) -> None:
    """Its preview was never said (skipped to while paused), so nothing reset the side."""
    program = Program(
        id="two",
        name=Text("Two", "Twee"),
        description=Text("x", "x"),
        frequency=Text("x", "x"),
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=(
            ProgramItem("bird-dog", overrides=(("all", SHORT),)),
            ProgramItem("bird-dog", overrides=(("all", SHORT),)),
        ),
    )
    controller = player.controller
    begin(qtbot, player, program)
    advance(5.5)
    controller.toggle_pause()
    cues.clear()
    while True:
        controller.skip_forward()
        step = controller.engine.current_step
        if step.item_index == 1 and step.kind is StepKind.WORK:
            break
    controller.toggle_pause()
    assert cues.lines() == ["Hold, left side"]


def test_settings_test_voice_says_why_it_is_silent_every_time(qtbot: QtBot, player) -> None:
    """Test voice tells the cause again; the player page, hidden, passes it on each time."""
    controller = player.controller
    said: list[str] = []
    controller.notice.connect(lambda text, _undo: said.append(text))
    reason = voice_off_reason(speech_child.CAUSE_NO_VOICE)
    player.view.hide()
    controller._on_cues_unavailable(reason)
    controller._on_cues_unavailable(reason)
    assert said == [reason, reason]
