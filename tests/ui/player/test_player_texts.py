"""What the player shows under the ring and what the voice says, for every kind of step."""

from __future__ import annotations

from typing import Any

import pytest

from rugdiary.core.exercises import DoseMode
from rugdiary.core.programs import Cue, Side, Step, StepKind
from rugdiary.ui.player.texts import counters_text, phase_text, voice_line


def step(kind: StepKind, cue: Cue, mode: DoseMode = DoseMode.HOLD, **fields: Any) -> Step:
    return Step(
        index=0,
        kind=kind,
        cue=cue,
        exercise_id="bird-dog",
        item_index=0,
        mode=mode,
        duration_s=5,
        start_s=0,
        **fields,
    )


@pytest.mark.parametrize(
    ("kind", "cue", "mode", "rep", "shown", "spoken"),
    [
        (StepKind.GET_READY, Cue.GET_READY, DoseMode.HOLD, 1, "Get ready", "Bird dog"),
        (StepKind.TRANSITION, Cue.NEXT, DoseMode.HOLD, 1, "Next: Bird dog", "Next: Bird dog"),
        (StepKind.SWITCH_SIDES, Cue.SWITCH_SIDES, DoseMode.HOLD, 1, "Switch sides", "Switch sides"),
        (
            StepKind.SET_REST,
            Cue.RELAX_BREATHE_OUT,
            DoseMode.HOLD,
            1,
            "Let your back relax, breathe out",
            "Let your back relax, breathe out",
        ),
        (StepKind.REST, Cue.REST, DoseMode.HOLD, 2, "Rest", "Rest"),
        (StepKind.WORK, Cue.HOLD, DoseMode.HOLD, 3, "Hold", "Hold"),
        (StepKind.WORK, Cue.MOVE, DoseMode.REPS, 1, "Move", "Move freely"),
        # Moving reps follow each other every few seconds: only the first is announced.
        (StepKind.WORK, Cue.MOVE, DoseMode.REPS, 2, "Move", ""),
        (StepKind.WORK, Cue.TIMED, DoseMode.TIMED, 1, "Keep going", "Go at your own pace"),
    ],
)
def test_words_under_the_ring_and_spoken(
    kind: StepKind, cue: Cue, mode: DoseMode, rep: int, shown: str, spoken: str
) -> None:
    current = step(kind, cue, mode, rep=rep, reps=8)
    assert phase_text(current, "Bird dog") == shown
    assert voice_line(current, "Bird dog") == spoken


def test_counters_show_only_what_means_something() -> None:
    assert counters_text(step(StepKind.WORK, Cue.HOLD)) == ""
    assert (
        counters_text(step(StepKind.WORK, Cue.HOLD, rep=3, reps=8, set_number=1, sets=2))
        == "Rep 3 of 8 · Set 1 of 2"
    )
    assert counters_text(step(StepKind.WORK, Cue.HOLD, side=Side.LEFT)) == "Left side"
    assert counters_text(step(StepKind.GET_READY, Cue.GET_READY, reps=8)) == "", "previews"


def test_a_length_that_is_over_is_said_in_minutes_not_as_a_clock() -> None:
    """ "8:02" in a list of sessions read as eight o'clock."""
    from rugdiary.ui.player.texts import length_text

    assert length_text(482) == "8 min"
    assert length_text(88.6) == "1 min"
    assert length_text(45) == "45 s"
    assert length_text(0) == "0 s"
    assert length_text(5400) == "90 min"
    assert (length_text(150), length_text(210)) == ("3 min", "4 min")  # halves up
