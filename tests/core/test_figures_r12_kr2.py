"""Knee rolls, round 12: seen from a low corner beyond the feet, on the side the knees sink
to. The bent knees stand up as an open inverted V (thigh up from the pelvis, shin down to
the flat foot) in the start frame, the knees sink across the picture and down towards the
viewer, and the arrow sits just over the knees, clear of the head, pointing where they go."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import Pose, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    VIEW_W,
    Camera,
    Drawing,
    Point2,
    mirrors_view,
    scene_for,
)
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of, inside

PHASES = [i / 24 for i in range(24)]


def _figure() -> Figure:
    return figure_of("knee-rolls")


def _settle(figure: Figure) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == "settle")


def _mid(a: Point2, b: Point2) -> Point2:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _mid3(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _knees(drawing: Drawing) -> Point2:
    return _mid(drawing.joints["l_knee"], drawing.joints["r_knee"])


def _angle(a: Point2, b: Point2) -> float:
    """Degrees between two directions on screen."""
    cos = (a[0] * b[0] + a[1] * b[1]) / (math.hypot(*a) * math.hypot(*b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def test_knee_rolls_camera_is_a_low_corner_on_the_side_the_knees_sink_to() -> None:
    figure = _figure()
    assert figure.camera == "feet_corner_low"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    # a high corner (48 degrees up) was tried: knees rolling towards it read as hanging down
    assert pitch <= 30.0, "low enough that the knees sink across the picture"
    assert 30.0 <= yaw % 90.0 <= 60.0, "a corner: the second side is drawn mirrored"
    assert mirrors_view(figure)
    camera = Camera.named(figure.camera)
    start, settle = (solve(p).points for p in (figure.start, _settle(figure)))
    sideways = (
        _mid3(settle["l_knee"], settle["r_knee"])[2] - _mid3(start["l_knee"], start["r_knee"])[2]
    )
    assert abs(sideways) >= 25.0
    # the camera is on that side: the knees come down towards it (sinking away behind the
    # body, they hardly moved in the picture)
    assert sideways * camera.toward[2] > 0


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_start_shows_the_bent_knees_as_an_upright_inverted_v(mirrored: bool) -> None:
    figure = _figure()
    start = figure.start.mirrored() if mirrored else figure.start
    drawing = scene_for(figure).drawing(start)
    joints = drawing.joints
    for side in "lr":
        hip, knee, ankle = (joints[f"{side}_{n}"] for n in ("hip", "knee", "ankle"))
        # the knee is the top of the V (view y grows down), the thigh comes up to it from one
        # side and the shin goes down from it to the other: not one straight line
        assert hip[1] - knee[1] >= 12.0, (side, "the thigh rises to the knee")
        assert ankle[1] - knee[1] >= 25.0, (side, "the shin goes down to the foot")
        assert (hip[0] - knee[0]) * (ankle[0] - knee[0]) < 0, (side, "thigh and shin apart")
        opening = _angle(
            (hip[0] - knee[0], hip[1] - knee[1]), (ankle[0] - knee[0], ankle[1] - knee[1])
        )
        assert 35.0 <= opening <= 90.0, (side, round(opening))
    if not mirrored:
        # the near thigh shows beside the near shin, not hidden behind it
        near_shin = next(s for s in drawing.shapes if s.part == "l_knee")
        assert near_shin.role == "near"
        assert not inside(_mid(joints["l_hip"], joints["l_knee"]), near_shin.points)


def test_knee_rolls_feet_stay_flat_on_the_mat_and_the_knees_bent() -> None:
    figure = _figure()
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for mirrored in (False, True):
        for phase in PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for side in "lr":
                for name in ("sole", "heel_sole"):
                    y = points[f"{side}_{name}"][1]
                    assert y == pytest.approx(mat.h, abs=1.5), (phase, side, name)
                hip, knee, ankle = (points[f"{side}_{n}"] for n in ("hip", "knee", "ankle"))
                # bent well past a right angle all the way: the thigh and shin close to a V
                thigh = tuple(h - k for h, k in zip(hip, knee, strict=True))
                shin = tuple(a - k for a, k in zip(ankle, knee, strict=True))
                cos = sum(t * c for t, c in zip(thigh, shin, strict=True)) / (
                    math.dist(hip, knee) * math.dist(ankle, knee)
                )
                assert math.degrees(math.acos(cos)) <= 80.0, (phase, side)


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_knees_sink_across_and_down_the_picture(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    settle = _settle(figure)
    first = _knees(scene.drawing(figure.start.mirrored() if mirrored else figure.start))
    moved = _knees(scene.drawing(settle.mirrored() if mirrored else settle))
    dx, dy = moved[0] - first[0], moved[1] - first[1]
    assert abs(dx) >= VIEW_W / 10, "across the picture"
    assert dy >= 15.0, "and down onto the mat"
    assert (dx < 0) != mirrored, "the second side sinks the other way in the picture"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_arrow_sits_over_the_knees_clear_of_the_head(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    settle = _settle(figure)
    start = scene.drawing(figure.start.mirrored() if mirrored else figure.start)
    sunk = scene.drawing(settle.mirrored() if mirrored else settle)
    line = next(s for s in start.shapes if s.part == "cue:arrow").points
    tip, *base = next(s for s in start.shapes if s.part == "cue:head").points
    head = next(s for s in start.shapes if s.part == "head")
    knees = _knees(start)
    drawn = (*line, tip)
    # at the knees: just over them, nearer to them than to the head all along
    assert min(math.dist(p, knees) for p in line) <= 16.0
    assert min(p[1] for p in line) < knees[1] - 5.0, "over the knees"
    for p in drawn:
        assert math.dist(p, knees) < math.dist(p, head.points[0]), (p, "the knees' arrow")
        assert math.dist(p, head.points[0]) >= head.size[0] + 15.0, (p, "clear of the head")
    # its head points the way the knees go (across and down)
    back = _mid(base[0], base[1])
    after = _knees(sunk)
    turn = _angle((tip[0] - back[0], tip[1] - back[1]), (after[0] - knees[0], after[1] - knees[1]))
    assert turn <= 35.0, round(turn)


def test_knee_rolls_mat_fits_the_body_so_the_corner_view_stays_big() -> None:
    # a mat seen from a corner shows its diagonal: no bigger than the body with its arms
    # out needs, so the figure is not drawn small
    figure = _figure()
    assert scene_for(figure).frame.scale >= 0.9
