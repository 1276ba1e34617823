"""Knee rolls, round 13: seen from high above the feet end, a plain view. Raters of the low
views said the knees falling sideways looked like a leg sliding out, and that they could
not check the feet staying flat and together or the shoulders staying down. From above the
feet end the head is at the top, the arms lie across the picture in a T, the knees sink
to one side of the picture (the other side on the mirrored play, never both in one
cycle), each leg opening into a bent V as it goes, while the feet, shoulders and hands stay
where they are; the arrow arches over from beside the knees to where they land."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import Pose
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    VIEW_W,
    Drawing,
    Point2,
    mirrors_view,
    scene_for,
)
from tests.core.figure_geometry import figure_of, inside

PHASES = [i / 24 for i in range(24)]


def _figure() -> Figure:
    return figure_of("knee-rolls")


def _key(figure: Figure, name: str) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == name)


def _side(pose: Pose, mirrored: bool) -> Pose:
    return pose.mirrored() if mirrored else pose


def _mid(a: Point2, b: Point2) -> Point2:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _knees(drawing: Drawing) -> Point2:
    return _mid(drawing.joints["l_knee"], drawing.joints["r_knee"])


def _opening(hip: Point2, knee: Point2, ankle: Point2) -> float:
    """Degrees between the thigh and the shin on screen, at the knee."""
    a = (hip[0] - knee[0], hip[1] - knee[1])
    b = (ankle[0] - knee[0], ankle[1] - knee[1])
    cos = (a[0] * b[0] + a[1] * b[1]) / (math.hypot(*a) * math.hypot(*b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def test_knee_rolls_are_seen_plainly_from_high_above_the_feet_end() -> None:
    figure = _figure()
    assert figure.camera == "feet_end_above"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert yaw == 90.0, "straight along the body from the feet, not from a corner"
    assert 45.0 <= pitch <= 80.0, "high above: the T, the shoulders and the feet show"
    assert not mirrors_view(figure), "looking along the body, both sides look alike"
    drawing = scene_for(figure).drawing(figure.start)
    joints = drawing.joints
    head = next(s for s in drawing.shapes if s.part == "head").points[0]
    # the head at the top of the picture, the feet at the bottom, the body upright in it
    assert head[1] < joints["c7"][1] < joints["pelvis"][1] < joints["l_ankle"][1]
    assert abs(head[0] - joints["pelvis"][0]) <= 2.0


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_one_cycle_rolls_to_one_side_only(mirrored: bool) -> None:
    # the dose is per side: one cycle goes to one side and back, the mirrored play to the
    # other (a cycle going to both sides would count one rep as two)
    figure = _figure()
    scene = scene_for(figure)
    first = _knees(scene.drawing(figure.at_phase(0.0, mirrored=mirrored)))
    moves = [
        _knees(scene.drawing(figure.at_phase(phase, mirrored=mirrored)))[0] - first[0]
        for phase in PHASES
    ]
    way = -1.0 if not mirrored else 1.0  # first side to the picture's left
    assert min(way * m for m in moves) >= -1.0, [round(m) for m in moves]
    assert max(way * m for m in moves) >= VIEW_W / 7, "well over to that side"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_legs_open_into_a_bent_v_as_they_sink(mirrored: bool) -> None:
    # looking along the body the upright thigh and shin are edge-on; as soon as the knees
    # tilt, the thigh runs out from the hip to the knee and the shin back to the foot
    figure = _figure()
    scene = scene_for(figure)
    centre = scene.drawing(_side(figure.start, mirrored)).joints["pelvis"][0]
    for name in ("work", "settle"):
        joints = scene.drawing(_side(_key(figure, name), mirrored)).joints
        for side in "lr":
            hip, knee, ankle = (joints[f"{side}_{n}"] for n in ("hip", "knee", "ankle"))
            assert 45.0 <= _opening(hip, knee, ankle) <= 100.0, (name, side)
            # the knee is the point of the V, out beyond the hip and the foot
            out = abs(knee[0] - centre)
            assert out >= abs(hip[0] - centre) + 15.0, (name, side)
            assert out >= abs(ankle[0] - centre) + 15.0, (name, side)


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_feet_shoulders_and_hands_stay_put_in_the_picture(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    first = scene.drawing(figure.at_phase(0.0, mirrored=mirrored)).joints
    for phase in PHASES:
        joints = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).joints
        for side in "lr":
            for name in ("shoulder", "wrist", "elbow"):
                joint = f"{side}_{name}"
                assert math.dist(joints[joint], first[joint]) <= 2.0, (phase, joint)
            # the soles stay on their spot; the ankle above tips a little with the shin
            joint = f"{side}_ankle"
            # (round 14: seen lower, with the feet a little apart, up to 12)
            assert math.dist(joints[joint], first[joint]) <= 12.0, (phase, joint)
    # the arms lie out in a T across the picture, level with the shoulders
    for side in "lr":
        shoulder, wrist = first[f"{side}_shoulder"], first[f"{side}_wrist"]
        assert abs(wrist[0] - shoulder[0]) >= 3 * abs(wrist[1] - shoulder[1])
    assert abs(first["l_wrist"][0] - first["r_wrist"][0]) >= VIEW_W / 2
    # the feet side by side below the knees, together (round 14: a little apart)
    assert abs(first["l_ankle"][0] - first["r_ankle"][0]) <= 30.0


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_arrow_arches_from_the_knees_to_where_they_land(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    start = scene.drawing(_side(figure.start, mirrored))
    after = _knees(scene.drawing(_side(_key(figure, "settle"), mirrored)))
    knees = _knees(start)
    line = next(s for s in start.shapes if s.part == "cue:arrow").points
    tip, *base = next(s for s in start.shapes if s.part == "cue:head").points
    # it begins beside the knees, rises over and comes down on the side they go to
    assert math.dist(line[0], knees) <= 20.0
    assert min(p[1] for p in line) <= knees[1] - 12.0, "an arch over"
    assert (tip[0] - line[0][0]) * (after[0] - knees[0]) > 0
    back = _mid(base[0], base[1])
    assert tip[1] > back[1], "its head points down onto the mat"
    assert math.dist(tip, after) <= 24.0
    # never drawn over the trunk: it is the knees' arrow, not the body's
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        trunk = next(s for s in drawing.shapes if s.part == "trunk").points
        cue = [p for s in drawing.shapes if s.role == "cue" for p in s.points]
        assert not any(inside(p, trunk) for p in cue), phase
