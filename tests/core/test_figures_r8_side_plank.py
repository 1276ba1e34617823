"""Side plank from the knees, round 8: seen level, the hip from the mat into one line."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from rugdiary.core.body import CONTACT_POINTS, Skeleton, Vec, solve
from rugdiary.core.content import load_exercise_file
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import support_under

RESOURCES = Path(__file__).parents[2] / "resources"


@pytest.fixture(scope="module")
def figure() -> Figure:
    exercise = load_exercise_file(RESOURCES / "exercises" / "side-plank-knees.json", RESOURCES)
    assert exercise.figure is not None
    return exercise.figure


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _hip_above_mat(figure: Figure, skeleton: Skeleton, side: str) -> float:
    """The side of the pelvis (skin, not bone) above the mat, in cm."""
    hip = skeleton.points[side + "hip"]
    return hip[1] - CONTACT_POINTS[side + "side"] - support_under(figure.props, hip, False)


def _off_line(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance (cm) of p from the straight line through a and b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    return abs(dx * (p[1] - a[1]) - dy * (p[0] - a[0])) / math.hypot(dx, dy)


def test_a_level_view_facing_the_chest_with_the_body_across_the_picture(figure: Figure) -> None:
    # Round 7 (yaw 9, pitch 21) read as someone half-reclining on a slope with floating feet;
    # round 12 raises the camera as high again, from the corner at the feet, now that the
    # feet rest visibly on the mat behind the knees and the face shows where it looks.
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert 0.0 <= yaw <= 30.0, "in front of the chest, at most from the corner at the feet"
    assert 3.0 <= pitch <= 25.0, "a little raised at most"
    camera = Camera.named(figure.camera)
    p = solve(figure.work).points
    head, knees = camera.project(p["head"]), camera.project(_mid(p["l_knee"], p["r_knee"]))
    assert abs(knees[0] - head[0]) >= 80.0, "head to knees lies across the picture"
    chest = solve(figure.work).chest_frame
    assert sum(chest[3 * i] * camera.toward[i] for i in range(3)) >= 0.8, "chest to the viewer"


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_hip_lies_on_the_mat_then_rises_13_cm_into_the_shoulder_knee_line(
    figure: Figure, mirrored: bool
) -> None:
    side = "r_" if mirrored else "l_"
    start_pose, work_pose = (
        (figure.start.mirrored(), figure.work.mirrored())
        if mirrored
        else (figure.start, figure.work)
    )
    start, work = solve(start_pose), solve(work_pose)
    resting = _hip_above_mat(figure, start, side)
    assert abs(resting) <= 2.0, f"at the start the hip lies {resting:.1f} cm off the mat"
    rise = work.points[side + "hip"][1] - start.points[side + "hip"][1]
    # 13, not 15: round 11 put the hips on the knee-shoulder line instead of 3.5 cm above
    # it, and with the knees and the elbow where they are, the line itself lies that high
    assert rise >= 13.0, f"the hip rises only {rise:.1f} cm"

    def flat(q: Vec) -> tuple[float, float]:
        return (q[0], q[1])  # the body's own plane: the thighs point a little forward of it

    p = work.points
    shoulders = flat(_mid(p["l_shoulder"], p["r_shoulder"]))
    knees = flat(_mid(p["l_knee"], p["r_knee"]))
    off = _off_line(flat(p["pelvis"]), shoulders, knees)
    assert off <= 4.0, f"at work the hips are {off:.1f} cm off the shoulder-knee line"
    scene = scene_for(figure)
    up = (
        scene.drawing(start_pose).joints["pelvis"][1] - scene.drawing(work_pose).joints["pelvis"][1]
    )
    # 12 on screen: seen from 22 degrees up, a lift foreshortens by cos 22
    assert up >= 12.0 * scene.frame.scale, f"on screen the hips rise {up:.1f} view units"


def test_the_arrow_points_both_ways_so_it_is_right_on_the_way_down_too(figure: Figure) -> None:
    assert figure.arrow is not None
    assert figure.arrow.shape == "up"
    assert figure.arrow.both, "a one-way 'up' arrow was wrong while the hips lower"
