"""Knee rolls, round 12: seen from a low corner beyond the feet, on the side the knees sink
to, the bent knees stood up as an open inverted V. Round 13: raters read that tilted view
as a leg sliding out, so the camera is high above the feet end (a plain view): the knees
sink across the picture, and the arrow rises from beside them, clear of the head, and
comes down where they land."""

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
from tests.core.figure_geometry import figure_of

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


def test_knee_rolls_camera_is_high_above_the_feet_end() -> None:
    figure = _figure()
    assert figure.camera == "feet_end_above"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    # a low corner (22 degrees up) was tried in round 12: tilted, the knees falling
    # sideways read as a leg sliding out, and the flat shoulders and feet did not show
    assert pitch >= 45.0, "from high up: the arms' T, the shoulders and the feet show"
    assert yaw % 180.0 == 90.0, "straight along the body: a plain view, both sides alike"
    assert not mirrors_view(figure)
    camera = Camera.named(figure.camera)
    start, settle = (solve(p).points for p in (figure.start, _settle(figure)))
    sideways = (
        _mid3(settle["l_knee"], settle["r_knee"])[2] - _mid3(start["l_knee"], start["r_knee"])[2]
    )
    assert abs(sideways) >= 25.0
    # sideways in the world is across the picture, not into it
    assert abs(camera.toward[2]) < 0.01


# The round-12 test of an upright inverted V in the start frame pinned the low corner view:
# looking straight along the body the V is edge-on; tests/core/test_figures_r13_kr3.py
# checks the V that opens as soon as the knees tilt.


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
    # seen from high above, sinking onto the mat moves them only a little down the picture
    assert dy >= 2.0, "and down onto the mat"
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
    assert min(math.dist(p, knees) for p in line) <= 20.0
    assert min(p[1] for p in line) < knees[1] - 5.0, "over the knees"
    for p in drawn:
        assert math.dist(p, knees) < math.dist(p, head.points[0]), (p, "the knees' arrow")
        assert math.dist(p, head.points[0]) >= head.size[0] + 15.0, (p, "clear of the head")
    # it goes over to the side the knees go to, and its head comes down where they land
    # (round 12 pointed it along their path; round 13 arches it over from the knees)
    back = _mid(base[0], base[1])
    after = _knees(sunk)
    assert (tip[0] - line[0][0]) * (after[0] - knees[0]) > 0, "towards that side"
    assert tip[1] > back[1], "pointing down"
    assert math.dist(tip, after) <= 24.0, "where the knees land"


def test_knee_rolls_mat_fits_the_body_so_the_corner_view_stays_big() -> None:
    # a mat seen from a corner shows its diagonal: no bigger than the body with its arms
    # out needs, so the figure is not drawn small
    figure = _figure()
    assert scene_for(figure).frame.scale >= 0.9
