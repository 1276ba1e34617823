"""Side plank from the knees, round 11: seen nearly square to the chest, one straight line
knees-hips-shoulders-head at work, the top hand on the hip with its elbow up.

Seen level from further towards the feet (14, 7) a rater read it as a face-down plank: a
vertical upper arm over a forearm on the mat and a diagonal body look the same from the
side of a plank on the forearms. What only a side plank shows: the chest square to the
viewer, one supporting arm, the top hand on the hip with the elbow pointing up.
"""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, Skeleton, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import support_under
from tests.core.figure_geometry import figure_of

PHASES = [i / 24 for i in range(24)]


@pytest.fixture(scope="module")
def figure() -> Figure:
    return figure_of("side-plank-knees")


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _above_line(p: Vec, a: Vec, b: Vec) -> float:
    """Signed distance (cm) of p above the line a-b, in the body's plane (x, y)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    cross = dx * (p[1] - a[1]) - dy * (p[0] - a[0])
    return cross / math.hypot(dx, dy) * (1.0 if dx > 0 else -1.0)


def _line(skeleton: Skeleton) -> tuple[Vec, Vec]:
    p = skeleton.points
    return _mid(p["l_knee"], p["r_knee"]), _mid(p["l_shoulder"], p["r_shoulder"])


def _hip_skin_above_mat(figure: Figure, skeleton: Skeleton, side: str) -> float:
    hip = skeleton.points[side + "hip"]
    return hip[1] - CONTACT_POINTS[side + "side"] - support_under(figure.props, hip, False)


def test_seen_nearly_square_to_the_chest_and_nearly_level(figure: Figure) -> None:
    assert figure.camera == "front_low"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    # round 12: from (6, 10) the bent knees and the forearm pointing forward hid; from the
    # corner at the feet and a little raised they show (tests/core/test_figures_r12_sp2.py),
    # and the body, rolled back a little, still shows its chest square to the viewer
    # round 13: nearly level again (26, 10), so the lift reads straight up off the mat
    # round 14: a little raised again (20, 18), so the shins lie on a mat seen as a floor
    assert 16.0 <= yaw <= 30.0, "in front of the chest, from the corner at the feet"
    assert 6.0 <= pitch <= 25.0, "level to a little raised: the hip rises up the picture"
    camera = Camera.named(figure.camera)
    for pose in (figure.start, figure.work):
        chest = solve(pose).chest_frame
        facing = sum(chest[3 * i] * camera.toward[i] for i in range(3))
        assert facing >= 0.9, f"the chest faces the viewer ({facing:.2f})"


@pytest.mark.parametrize("mirrored", [False, True])
def test_at_work_knees_hips_shoulders_and_head_lie_on_one_straight_line(
    figure: Figure, mirrored: bool
) -> None:
    work = solve(figure.work.mirrored() if mirrored else figure.work)
    knees, shoulders = _line(work)
    p = work.points
    hips = _above_line(p["pelvis"], knees, shoulders)
    assert abs(hips) <= 2.5, f"the hips {hips:.1f} cm off the knee-shoulder line (sag or pike)"
    head = _above_line(p["head"], knees, shoulders)
    assert abs(head) <= 3.0, f"the head {head:.1f} cm off that line: dropping or lifted"
    neck = _above_line(p["c7"], knees, shoulders)
    assert abs(neck) <= 2.0, f"the base of the neck {neck:.1f} cm off that line"


def test_at_start_the_hip_lies_on_the_mat_below_that_line(figure: Figure) -> None:
    start = solve(figure.start)
    assert abs(_hip_skin_above_mat(figure, start, "l_")) <= 1.0, "the hip rests on the mat"
    knees, shoulders = _line(start)
    sag = _above_line(start.points["pelvis"], knees, shoulders)
    assert sag <= -8.0, f"at the start the hips sit only {-sag:.1f} cm below the line"


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_hip_lifts_at_least_12_cm_off_the_mat_and_on_screen(
    figure: Figure, mirrored: bool
) -> None:
    side = "r_" if mirrored else "l_"
    start_pose, work_pose = (
        (figure.start.mirrored(), figure.work.mirrored())
        if mirrored
        else (figure.start, figure.work)
    )
    lift = _hip_skin_above_mat(figure, solve(work_pose), side)
    assert lift >= 12.0, f"at work the hip is only {lift:.1f} cm off the mat"
    scene = scene_for(figure)
    up = (
        scene.drawing(start_pose).joints["pelvis"][1] - scene.drawing(work_pose).joints["pelvis"][1]
    )
    assert up >= 12.0 * scene.frame.scale, f"on screen the hips rise {up:.1f} view units"


def test_the_elbow_stays_under_the_shoulder_with_the_upper_arm_upright(figure: Figure) -> None:
    for phase in PHASES:
        for mirrored in (False, True):
            p = solve(figure.at_phase(phase, mirrored=mirrored)).points
            side = "r_" if mirrored else "l_"
            shoulder, elbow = p[side + "shoulder"], p[side + "elbow"]
            apart = math.hypot(shoulder[0] - elbow[0], shoulder[2] - elbow[2])
            assert apart <= 3.0, (phase, mirrored, f"elbow {apart:.1f} cm from under it")
            skin = elbow[1] - CONTACT_POINTS[side + "elbow"] - 1.0  # the mat is 1 cm thick
            assert abs(skin) <= 1.0, (phase, mirrored, f"elbow {skin:.1f} cm off the mat")


def test_the_top_hand_rests_on_the_hip_with_its_elbow_pointing_up(figure: Figure) -> None:
    camera = Camera.named(figure.camera)
    for phase in PHASES:
        p = solve(figure.at_phase(phase)).points
        # the hand at the top hip, not along the thigh or in the air
        assert math.dist(p["r_palm"], p["r_hip"]) <= 16.0, phase
        # the elbow stands clear above the top shoulder, where no plank on the forearms
        # has an arm: on screen too, so the bent arm frames a gap over the waist
        assert p["r_elbow"][1] >= p["r_shoulder"][1], phase
        elbow = camera.project(p["r_elbow"])
        shoulder = camera.project(p["r_shoulder"])
        hand = camera.project(p["r_palm"])
        assert shoulder[0] < elbow[0] < hand[0] + 5.0, (phase, "the arm bends out over the waist")
        assert elbow[1] >= hand[1] + 15.0, (phase, "the elbow well above the hand")
    work = solve(figure.work).points
    assert work["r_elbow"][1] >= work["r_shoulder"][1] + 5.0, "at work the elbow points up"


def test_the_supporting_side_is_drawn_in_front_like_the_top_side(figure: Figure) -> None:
    # a body rolled towards the viewer drew the supporting arm and the lower leg behind
    # the trunk in the lighter far colour, as if they were the other side's
    scene = scene_for(figure)
    for phase in PHASES:
        for mirrored in (False, True):
            drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
            side = "r_" if mirrored else "l_"
            roles = {s.part: s.role for s in drawing.shapes}
            for part in ("shoulder", "elbow", "hip", "knee"):
                assert roles[side + part] == "near", (phase, mirrored, part)
