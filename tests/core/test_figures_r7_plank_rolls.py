"""Side plank from the knees and knee rolls: each picture's essence, on the computed geometry."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, HEAD_RADIUS, Skeleton, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    VIEW_W,
    scene_for,
)
from rugdiary.core.figures import support_under
from tests.core.figure_geometry import eyes_look, figure_of

PHASES = [i / 48 for i in range(48)]


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _off_line(p: Vec, a: Vec, b: Vec) -> float:
    """Distance (cm) of p from the straight line through a and b."""
    d = [y - x for x, y in zip(a, b, strict=True)]
    w = [y - x for x, y in zip(a, p, strict=True)]
    length = math.sqrt(sum(c * c for c in d))
    along = sum(x * y for x, y in zip(w, d, strict=True)) / length
    return math.sqrt(max(sum(c * c for c in w) - along * along, 0.0))


def _hip_skin_above_mat(figure: Figure, skeleton: Skeleton) -> float:
    hip = skeleton.points["l_hip"]
    return hip[1] - CONTACT_POINTS["l_side"] - support_under(figure.props, hip, False)


# ---------------------------------------------------------------------------
# Side plank from the knees
# ---------------------------------------------------------------------------


def test_side_plank_hips_lie_on_the_mat_then_rise_into_the_shoulder_knee_line() -> None:
    figure = figure_of("side-plank-knees")
    start, work = solve(figure.start), solve(figure.work)
    assert abs(_hip_skin_above_mat(figure, start)) <= 1.0, "at the start the hip rests on the mat"
    lift = _hip_skin_above_mat(figure, work)
    assert lift >= 10.0, f"at work the hip is only {lift:.1f} cm off the mat"

    def sag(skeleton: Skeleton) -> float:
        p = skeleton.points
        shoulders = _mid(p["l_shoulder"], p["r_shoulder"])
        return _off_line(p["pelvis"], shoulders, _mid(p["l_knee"], p["r_knee"]))

    assert sag(work) <= 6.0, f"at work the hips are {sag(work):.1f} cm off the line"
    assert sag(start) >= 10.0, "at the start the hips sag well below that line"


def test_side_plank_seen_nearly_level_the_hips_rise_clearly_up_the_picture() -> None:
    # From well above the lift hid in depth and the body read as half-reclined; nearly
    # level, the hip leaves the mat in the picture itself, on the thumbnail too.
    figure = figure_of("side-plank-knees")
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert pitch <= 22.0, "nearly level"
    assert abs(yaw) <= 30.0, "facing the chest (round 12: from the corner at the feet)"
    scene = scene_for(figure)
    rise = (
        scene.drawing(figure.start).joints["pelvis"][1]
        - (scene.drawing(figure.work).joints["pelvis"][1])
    )
    # VIEW_W/20 view units: 8 px on a 160 px wide thumbnail
    assert rise >= VIEW_W / 20, f"the hips rise only {rise:.1f} view units"


@pytest.mark.parametrize("exercise_id", ["side-plank-knees"])
def test_the_face_looks_out_of_the_picture_on_both_sides(exercise_id: str) -> None:
    # Round 12 turned the face to a profile on a body lying across the picture; the
    # profile's nose then read as a beak (session 12). Both eyes show: seen square on the
    # chest (session 13), in the middle of the face, which looks straight out at us as the
    # chest does, never up or back along the body.
    figure = figure_of(exercise_id)
    scene = scene_for(figure)
    radius = HEAD_RADIUS * scene.frame.scale
    for phase in PHASES[::4]:
        for mirrored in (False, True):
            eyes, (dx, dy) = eyes_look(scene.drawing(figure.at_phase(phase, mirrored=mirrored)))
            assert eyes == 2, (phase, mirrored, "the face shows which way it looks")
            # (0.35: the camera a little towards the feet turns the face with it, session 23)
            assert math.hypot(dx, dy) <= 0.35 * radius, (phase, mirrored, "straight at us")


# ---------------------------------------------------------------------------
# Knee rolls
# ---------------------------------------------------------------------------


def _thigh_tilt(points: dict[str, Vec], side: str) -> float:
    """Degrees the thigh leans sideways off vertical, seen along the body (signed)."""
    hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
    return math.degrees(math.atan2(knee[2] - hip[2], knee[1] - hip[1]))


def test_knee_rolls_knees_start_upright_and_sink_together_to_one_side() -> None:
    figure = figure_of("knee-rolls")
    keys = {k.name: k.pose for k in figure.keyframes}
    start = solve(keys["start"]).points
    for side in "lr":
        assert abs(_thigh_tilt(start, side)) <= 8.0, "at the start the knees point up"
    for name, least in (("work", 28.0), ("settle", 45.0)):
        for pose in (keys[name], keys[name].mirrored()):
            points = solve(pose).points
            tilts = [_thigh_tilt(points, side) for side in "lr"]
            assert tilts[0] * tilts[1] > 0, "both knees to the same side"
            assert min(abs(t) for t in tilts) >= least, (name, [round(t) for t in tilts])
            assert math.dist(points["l_knee"], points["r_knee"]) <= 20.0, "knees together"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_shoulders_and_hands_stay_on_the_mat(mirrored: bool) -> None:
    figure = figure_of("knee-rolls")
    first = solve(figure.at_phase(0.0, mirrored=mirrored)).points
    for phase in PHASES:
        points = solve(figure.at_phase(phase, mirrored=mirrored)).points
        for side in "lr":
            shoulder = points[f"{side}_shoulder"]
            assert shoulder[1] == pytest.approx(first[f"{side}_shoulder"][1], abs=1.0)
            palm = points[f"{side}_palm"]
            gap = palm[1] - CONTACT_POINTS["l_hand"] - support_under(figure.props, palm, False)
            assert abs(gap) <= 1.0, (phase, side, "the hand rests on the mat")
