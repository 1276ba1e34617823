"""Side plank from the knees, round 13: a nearly level view in front of the chest, a hold.

From the corner at the feet and 22 degrees up (round 12) a rater found it hard to judge how
high the hips lift, found the elbow under the shoulder ambiguous and saw the head drift, so
that the trunk looked sagging. Now it is drawn as a physiotherapist's handout draws it:
nearly level (the mat seen edge-on), the chest towards the viewer, a little from the feet so
the shins show behind the bent knees; the hip starts on the mat line and rises straight up
the picture into one line with the knees, shoulders and head, stays there for a while, and
the head keeps in line with the chest all the way.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest

from rugdiary.core.body import CONTACT_POINTS, Pose, Skeleton, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import support_under
from tests.core.figure_geometry import figure_of

PHASES = [i / 48 for i in range(48)]
SIDES = [False, True]
EXERCISE = Path(__file__).parents[2] / "resources" / "exercises" / "side-plank-knees.json"


@pytest.fixture(scope="module")
def figure() -> Figure:
    return figure_of("side-plank-knees")


def _axis(m: tuple[float, ...], column: int) -> Vec:
    return (m[column], m[3 + column], m[6 + column])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _above_line(p: Vec, a: Vec, b: Vec) -> float:
    """Signed distance (cm) of p above the line a-b, in the body's plane (x, y)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    cross = dx * (p[1] - a[1]) - dy * (p[0] - a[0])
    return cross / math.hypot(dx, dy) * (1.0 if dx > 0 else -1.0)


def _hip_skin(figure: Figure, skeleton: Skeleton, side: str) -> float:
    hip = skeleton.points[side + "hip"]
    return hip[1] - CONTACT_POINTS[side + "side"] - support_under(figure.props, hip, False)


def _hold_at(figure: Figure) -> float:
    return next(k.at for k in figure.keyframes if k.name == "work_hold")


def _pose(figure: Figure, phase: float, mirrored: bool) -> Pose:
    return figure.at_phase(phase, mirrored=mirrored)


def test_seen_nearly_level_in_front_of_the_chest_a_little_from_the_feet(figure: Figure) -> None:
    assert figure.camera == "front_low"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert 16.0 <= yaw <= 30.0, "a little from the feet: the shins show beyond the knees"
    # round 14: nearly level (10 degrees up) the mat was a line and the shins going back
    # read as lower legs pointing forward with the feet floating; a little higher the mat
    # shows as a floor they lie on (tests/core/test_figures_r14_sp4.py), and the lift
    # still reads nearly straight up
    assert 6.0 <= pitch <= 20.0, "nearly level to a little raised: the lift reads straight up"
    camera = Camera.named(figure.camera)
    for phase in PHASES:
        chest = solve(figure.at_phase(phase)).chest_frame
        assert _dot(_axis(chest, 0), camera.toward) >= 0.9, (phase, "the chest to the viewer")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_hip_starts_on_the_mat_and_rises_straight_up_the_picture(
    figure: Figure, mirrored: bool
) -> None:
    side = "r_" if mirrored else "l_"
    start, work = (
        solve(_pose(figure, 0.0, mirrored)),
        solve(_pose(figure, figure.work_at, mirrored)),
    )
    assert abs(_hip_skin(figure, start, side)) <= 1.0, "at the start the hip lies on the mat"
    assert _hip_skin(figure, work, side) >= 13.0, "at work it is well off the mat"
    scene = scene_for(figure)
    scale = scene.frame.scale
    a = scene.drawing(_pose(figure, 0.0, mirrored)).joints["pelvis"]
    b = scene.drawing(_pose(figure, figure.work_at, mirrored)).joints["pelvis"]
    up, across = (a[1] - b[1]) / scale, abs(b[0] - a[0]) / scale
    world = work.points["pelvis"][1] - start.points["pelvis"][1]
    # cos 20 = 0.94: a little raised (round 14) the lift barely foreshortens
    assert up >= 0.93 * world, f"seen nearly level the lift is not foreshortened ({up:.1f} cm)"
    assert up >= 12.0, f"on screen the hips rise {up:.1f} cm"
    assert across <= 0.3 * up, f"straight up the picture, not sideways ({across:.1f} cm)"


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_top_is_held_in_one_straight_line(figure: Figure, mirrored: bool) -> None:
    hold_at = _hold_at(figure)
    assert hold_at - figure.work_at >= 0.25, "the hold lasts a quarter of the cycle at least"
    top = solve(_pose(figure, figure.work_at, mirrored)).points
    for phase in [figure.work_at + (hold_at - figure.work_at) * i / 6 for i in range(7)]:
        p = solve(_pose(figure, phase, mirrored)).points
        assert math.dist(p["pelvis"], top["pelvis"]) <= 0.1, (phase, "still during the hold")
        knees, shoulders = _mid(p["l_knee"], p["r_knee"]), _mid(p["l_shoulder"], p["r_shoulder"])
        for point, limit in (("pelvis", 2.0), ("c7", 1.5), ("head", 2.5)):
            off = _above_line(p[point], knees, shoulders)
            assert abs(off) <= limit, (phase, point, f"{off:.1f} cm off the line: sag or pike")
    # on the 8-frame sheet three frames show the top
    at_top = sum(
        math.dist(solve(_pose(figure, i / 8, mirrored)).points["pelvis"], top["pelvis"]) <= 1.0
        for i in range(8)
    )
    assert at_top >= 3, f"{at_top} of 8 frames at the top"


def test_the_hips_go_up_then_stay_then_come_down_without_a_dip(figure: Figure) -> None:
    heights = [solve(figure.at_phase(p)).points["pelvis"][1] for p in PHASES]
    top = heights.index(max(heights))
    rising, falling = heights[: top + 1], heights[top:]
    assert all(b >= a - 0.05 for a, b in itertools.pairwise(rising))
    assert all(b <= a + 0.05 for a, b in itertools.pairwise(falling))


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_head_keeps_in_line_with_the_chest_all_the_way(figure: Figure, mirrored: bool) -> None:
    scene = scene_for(figure)
    looks: list[float] = []
    for phase in PHASES:
        skeleton = solve(_pose(figure, phase, mirrored))
        head_up, chest_up = _axis(skeleton.head_frame, 1), _axis(skeleton.chest_frame, 1)
        assert _dot(head_up, chest_up) >= 0.998, (phase, "the head does not drift off the spine")
        assert abs(_axis(skeleton.head_frame, 0)[1]) <= 0.12, (phase, "the face looks level")
        drawing = scene.drawing(_pose(figure, phase, mirrored))
        nose = next(s for s in drawing.shapes if s.part == "head:nose")
        centre = next(s for s in drawing.shapes if s.part == "head").points[0]
        tip = nose.points[1]
        looks.append(math.degrees(math.atan2(tip[1] - centre[1], tip[0] - centre[0])))
    assert max(looks) - min(looks) <= 15.0, "the face keeps looking the same way"


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_upper_arm_stands_upright_on_the_mat_under_the_shoulder(
    figure: Figure, mirrored: bool
) -> None:
    scene = scene_for(figure)
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        joints = scene.drawing(_pose(figure, phase, mirrored)).joints
        shoulder, elbow = joints[side + "shoulder"], joints[side + "elbow"]
        lean = math.degrees(math.atan2(abs(elbow[0] - shoulder[0]), elbow[1] - shoulder[1]))
        assert lean <= 6.0, (phase, f"the upper arm leans {lean:.1f} degrees on screen")


def test_the_texts_say_what_the_figure_shows_in_both_languages() -> None:
    data = json.loads(EXERCISE.read_text(encoding="utf-8"))
    start, steps = data["start"], data["steps"]
    pairs = [
        (start, "under your shoulder", "onder je schouder"),
        (start, "pointing forward", "naar voren"),
        (start, "hand on your hip", "hand op je heup"),
        (steps[0], "one straight line", "één rechte lijn"),
        (steps[0], "sag", "zakken niet door"),
        (steps[1], "Hold", "Houd"),
        (steps[1], "head in line", "hoofd in het verlengde"),
        (steps[2], "back onto the mat", "terug op de mat"),
    ]
    for text, en, nl in pairs:
        assert en in text["en"], en
        assert nl in text["nl"], nl
