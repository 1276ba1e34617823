"""Round 8 of the lying figures: a small curl-up, a body scan glow, still resting hands."""

from __future__ import annotations

import math
from pathlib import Path

from rugdiary.core.body import Vec, solve
from rugdiary.core.content import load_exercises
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import scene_for

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)


def _figure(exercise_id: str) -> Figure:
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    return figure


def _rise(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises towards the head (-x) from level."""
    return math.degrees(math.atan2(b[1] - a[1], a[0] - b[0]))


def test_curl_up_is_a_small_lift_with_the_neck_in_line_not_a_crunch() -> None:
    """At 32 degrees with the neck 16 more the rater saw a crunch led by the chin."""
    work = solve(_figure("curl-up").work).points
    upper = _rise(work["spine3"], work["c7"])
    neck = _rise(work["c7"], work["neck_top"])
    assert 18.0 <= upper <= 25.0, f"the upper back tips up {upper:.0f} degrees"
    assert 0.0 <= neck - upper <= 12.0, "head and neck move as one block, chin a touch in"
    assert neck <= 35.0, f"the neck stands {neck:.0f} degrees up: the chin leads"


def test_curl_up_near_forearm_lies_on_the_mat_into_the_low_back_in_sight() -> None:
    """The whole near arm under the trunk left an upper arm vanishing into the floor: the
    forearm is drawn in front, running in under the back, only the hand is hidden."""
    figure = _figure("curl-up")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work):
        shapes = scene.drawing(pose).shapes
        order = {shape.part: i for i, shape in enumerate(shapes)}
        near = next(s.part for s in shapes if s.role == "near" and s.part.endswith("_elbow"))
        side = near[:2]
        assert order[side + "elbow"] > order["trunk"], "the forearm is seen"
        assert order[side + "wrist"] < order["trunk"], "the hand is under the back"
