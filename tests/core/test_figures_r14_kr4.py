"""Knee rolls, round 14. Raters of the round 13 view (high above the feet end) said the
start looked like straight legs: looking along the body, an upright bent leg is one line
in the picture whatever the pitch (the thigh hides behind the shin). So the bent knees are
shown by what can show from there: the camera comes down a little, so the knees stand up
in front of the pelvis, touching, while the feet stand a little apart on the mat (an A, not
two parallel straight legs); the head rests on a small cushion, the chin a little down, so
the face still looks up at the viewer; the soles stay on their spots all the way."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, scene_for
from rugdiary.core.figures import PropKind, support_under
from tests.core.figure_geometry import EXERCISES, figure_of, inside

PHASES = [i / 24 for i in range(24)]


def _figure() -> Figure:
    return figure_of("knee-rolls")


def test_knee_rolls_camera_is_lower_above_the_feet_end() -> None:
    figure = _figure()
    assert figure.camera == "feet_end_above"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert yaw == 90.0, "straight along the body: both sides look alike"
    assert 40.0 <= pitch <= 55.0, "low enough that the upright knees rise over the pelvis"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_start_knees_stand_up_together_over_feet_a_little_apart(mirrored: bool) -> None:
    figure = _figure()
    joints = scene_for(figure).drawing(figure.at_phase(0.0, mirrored=mirrored)).joints
    for side in "lr":
        # the knee is drawn up at (or above) the hip, in front of the pelvis: not a leg
        # lying flat, whose knee would be halfway down to the foot
        assert joints[f"{side}_knee"][1] <= joints[f"{side}_hip"][1]
        assert joints[f"{side}_ankle"][1] - joints[f"{side}_knee"][1] >= 35.0
    knees = abs(joints["l_knee"][0] - joints["r_knee"][0])
    feet = abs(joints["l_ankle"][0] - joints["r_ankle"][0])
    # an A: the knees touching, the feet a little apart (wider than the knees)
    assert knees <= 16.0
    assert feet >= knees + 8.0, (round(knees, 1), round(feet, 1))
    assert feet <= 32.0, "a little apart, not wide"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_soles_stay_flat_on_their_spots(mirrored: bool) -> None:
    figure = _figure()
    first = solve(figure.at_phase(0.0, mirrored=mirrored)).points
    for phase in PHASES:
        points = solve(figure.at_phase(phase, mirrored=mirrored)).points
        for side in "lr":
            for name in ("heel_sole", "sole", "toe"):
                point = f"{side}_{name}"
                assert math.dist(points[point], first[point]) <= 3.0, (phase, point)
                assert -0.5 <= points[point][1] <= 3.0, (phase, point, "on the mat")


def test_knee_rolls_head_rests_on_a_cushion_and_the_face_looks_up() -> None:
    figure = _figure()
    cushion = next(p for p in figure.props if p.kind is PropKind.CUSHION)
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    scene = scene_for(figure)
    for mirrored in (False, True):
        for phase in PHASES[::4]:
            pose = figure.at_phase(phase, mirrored=mirrored)
            head = solve(pose).points["head"]
            assert support_under(figure.props, head, mirrored) > mat.h
            assert cushion.x < head[0] < cushion.x + cushion.w
            drawing = scene.drawing(pose)
            outline = next(s for s in drawing.shapes if s.part == "head")
            (x, y), r = outline.points[0], outline.size[0]
            box = ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
            eyes = [
                s
                for s in drawing.shapes
                if s.kind == "circle" and s is not outline and inside(s.points[0], box)
            ]
            assert len(eyes) == 2, (phase, mirrored, "the face up at the viewer")
            assert not any(s.part == "head:nose" for s in drawing.shapes)


def test_knee_rolls_texts_say_cushion_and_feet_a_little_apart() -> None:
    start = EXERCISES["knee-rolls"].start
    for word in ("cushion", "a little apart", "together"):
        assert word in start.en
    for word in ("kussen", "uit elkaar", "tegen elkaar"):
        assert word in start.nl
