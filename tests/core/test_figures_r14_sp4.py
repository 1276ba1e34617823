"""Side plank from the knees, round 14: the mat shows as a floor, the lower legs lie on it.

Nearly level (round 13, 10 degrees up) the mat was a line: the shins going back behind the
bent knees rose a little up the picture from it and read as lower legs pointing forward with
the feet floating, and the hip lift looked small. Now the camera is a little higher (the mat
is a floor seen from above) and a little less from the feet: the lower shin lies on the mat
(a declared contact), the feet point back in line with the shins, and on screen both shins
go back up the picture into the mat, inside its outline. The elbow stays right under the
shoulder and the hips still rise clearly, nearly straight up the picture.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from rugdiary.core.body import CONTACT_POINTS, SHIN, Pose, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import support_under
from tests.core.figure_geometry import EXERCISES, figure_of, inside

PHASES = [i / 24 for i in range(24)]
SIDES = [False, True]
MAT_TOP = 1.0
EXERCISE = Path(__file__).parents[2] / "resources" / "exercises" / "side-plank-knees.json"


@pytest.fixture(scope="module")
def figure() -> Figure:
    return figure_of("side-plank-knees")


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _unit(a: Vec) -> Vec:
    length = math.sqrt(a[0] ** 2 + a[1] ** 2 + a[2] ** 2)
    return (a[0] / length, a[1] / length, a[2] / length)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _pose(figure: Figure, phase: float, mirrored: bool) -> Pose:
    return figure.at_phase(phase, mirrored=mirrored)


def test_a_little_raised_so_the_mat_is_a_floor_not_a_line(figure: Figure) -> None:
    assert figure.camera == "front_low"
    users = [e for e, ex in EXERCISES.items() if ex.figure and ex.figure.camera == "front_low"]
    assert users == ["side-plank-knees"], "the camera is this exercise's own"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert 15.0 <= pitch <= 20.0, "raised enough to see the mat as a floor, low enough for the lift"
    assert 16.0 <= yaw <= 24.0, "a little from the feet: the shins go back up the picture"
    assert not Camera.named(figure.camera).sees_floor_edge_on, "the mat is not a line"


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_lower_shin_and_foot_lie_on_the_mat_pointing_back(
    figure: Figure, mirrored: bool
) -> None:
    side = "r_" if mirrored else "l_"
    for key in figure.keyframes[:2]:
        assert "l_shin" in [name for name, _ in key.pose.contacts], (key.name, "a shin contact")
    for phase in PHASES:
        skeleton = solve(_pose(figure, phase, mirrored))
        p = skeleton.points
        shin, radius = skeleton.contact_point(side + "shin")
        assert support_under(figure.props, shin, mirrored) == MAT_TOP, (phase, "over the mat")
        gap = shin[1] - radius - MAT_TOP
        assert abs(gap) <= 1.0, (phase, f"the lower shin {gap:.1f} cm off the mat")
        knee, ankle, toe = p[side + "knee"], p[side + "ankle"], p[side + "toe"]
        knee_gap = knee[1] - CONTACT_POINTS[side + "knee"] - MAT_TOP
        assert abs(knee_gap) <= 1.0, (phase, f"the lower knee {knee_gap:.1f} cm off the mat")
        # the foot is pointed: it goes on back in the shin's line, not up like a standing foot
        along = _dot(_unit(_sub(ankle, knee)), _unit(_sub(toe, ankle)))
        assert along >= 0.9, (phase, f"the foot turns {math.degrees(math.acos(along)):.0f} deg")
        assert MAT_TOP - 1.0 <= toe[1] <= MAT_TOP + 5.0, (phase, "the toes rest on the mat")
        # the top leg lies stacked on the lower one, its foot on the lower foot
        other = "l_" if mirrored else "r_"
        stacked = p[other + "ankle"][1] - ankle[1]
        assert 5.0 <= stacked <= 12.0, (phase, f"the top ankle {stacked:.1f} cm above")


@pytest.mark.parametrize("mirrored", SIDES)
def test_on_screen_the_shins_go_back_up_into_the_mat(figure: Figure, mirrored: bool) -> None:
    scene = scene_for(figure)
    scale = scene.frame.scale
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        drawing = scene.drawing(_pose(figure, phase, mirrored))
        joints = drawing.joints
        mats = [s.points for s in drawing.shapes if s.part == "mat:mat"]
        for s in ("l_", "r_"):
            knee, ankle = joints[s + "knee"], joints[s + "ankle"]
            dx, up = ankle[0] - knee[0], knee[1] - ankle[1]  # view y grows down
            rise = math.degrees(math.atan2(up, abs(dx)))
            assert rise >= 20.0, (phase, s, f"the shin rises only {rise:.0f} deg up the picture")
            assert math.hypot(dx, up) >= 0.45 * SHIN * scale, (phase, s, "a shin, not a stub")
            hip = joints[s + "hip"]
            assert dx * (knee[0] - hip[0]) > 0, (phase, s, "beyond the knee, away from the head")
        for point in ("knee", "ankle", "hip", "elbow", "wrist"):
            assert any(inside(joints[side + point], m) for m in mats), (phase, point, "on the mat")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_elbow_right_under_the_shoulder_and_the_hips_rise_clearly(
    figure: Figure, mirrored: bool
) -> None:
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        p = solve(_pose(figure, phase, mirrored)).points
        shoulder, elbow = p[side + "shoulder"], p[side + "elbow"]
        apart = math.hypot(shoulder[0] - elbow[0], shoulder[2] - elbow[2])
        assert apart <= 2.0, (phase, f"the elbow {apart:.1f} cm from under the shoulder")
    scene = scene_for(figure)
    a = scene.drawing(_pose(figure, 0.0, mirrored)).joints
    b = scene.drawing(_pose(figure, figure.work_at, mirrored)).joints
    up = (a["pelvis"][1] - b["pelvis"][1]) / scene.frame.scale
    across = abs(a["pelvis"][0] - b["pelvis"][0]) / scene.frame.scale
    assert up >= 12.0, f"on screen the hips rise {up:.1f} cm"
    assert across <= 0.3 * up, "nearly straight up the picture"
    # the trunk turns visibly: from sloping down to the hip on the mat to the straight line
    start, work = (
        solve(_pose(figure, 0.0, mirrored)),
        solve(_pose(figure, figure.work_at, mirrored)),
    )
    c7s = [s.points["c7"] for s in (start, work)]
    pelvises = [s.points["pelvis"] for s in (start, work)]
    tilt = [
        math.degrees(math.atan2(c[1] - q[1], math.hypot(c[0] - q[0], c[2] - q[2])))
        for c, q in zip(c7s, pelvises, strict=True)
    ]
    assert tilt[0] - tilt[1] >= 12.0, f"the trunk levels by only {tilt[0] - tilt[1]:.0f} deg"


def test_the_texts_say_the_lower_legs_lie_on_the_mat_behind_in_both_languages() -> None:
    data = json.loads(EXERCISE.read_text(encoding="utf-8"))
    start, lift = data["start"], data["steps"][0]
    for text, en, nl in (
        (start, "right angle", "haaks"),
        (start, "lower legs and feet lie on the mat behind you", "achter je op de mat"),
        (start, "elbow right under your shoulder", "elleboog recht onder je schouder"),
        (lift, "lower legs", "onderbenen"),
    ):
        assert en in text["en"], en
        assert nl in text["nl"], nl
