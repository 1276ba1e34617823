"""Side plank from the knees, round 12: from the corner at the feet, a little raised.

A rater read the level view from the front as unclear: the face drawn front-on on a body
lying side-on, the bent knees hidden (it could be copied as a straight-leg side plank), the
forearm seemingly pointing towards the head, and a small hip lift. Now the shins go back
and up the picture from the knees onto the mat, the forearm points out of the picture
towards the viewer, the face (level, in line) shows its nose pointing the same way, and the
hips rise from the mat into one line with the knees and shoulders.
"""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, SHIN, Skeleton, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import support_under
from tests.core.figure_geometry import figure_of

PHASES = [i / 24 for i in range(24)]
SIDES = [False, True]
MAT_TOP = 1.0


@pytest.fixture(scope="module")
def figure() -> Figure:
    return figure_of("side-plank-knees")


def _axis(m: tuple[float, ...], column: int) -> Vec:
    return (m[column], m[3 + column], m[6 + column])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _flat(a: Vec) -> Vec:
    """The direction of `a` laid flat on the floor."""
    length = math.hypot(a[0], a[2])
    return (a[0] / length, 0.0, a[2] / length)


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _mid2(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _turn(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Degrees between two screen directions."""
    cos = (a[0] * b[0] + a[1] * b[1]) / math.hypot(*a) / math.hypot(*b)
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def _above_line(p: Vec, a: Vec, b: Vec) -> float:
    """Signed distance (cm) of p above the line a-b, in the body's plane (x, y)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    cross = dx * (p[1] - a[1]) - dy * (p[0] - a[0])
    return cross / math.hypot(dx, dy) * (1.0 if dx > 0 else -1.0)


def test_seen_from_the_corner_at_the_feet_a_little_raised(figure: Figure) -> None:
    assert figure.camera == "front_low"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert 16.0 <= yaw <= 30.0, "from the corner at the feet: the shins show beyond the knees"
    # round 13: from 22 degrees up the lift was hard to judge; nearly level it reads as a
    # lift straight up off the mat (tests/core/test_figures_r13_sp3.py)
    assert 6.0 <= pitch <= 25.0, "level to a little raised: the forearm and the shins show"
    # the body rolls back a little, so from above the top side is not nearer the camera
    # than the supporting side: that would draw the supporting arm and the lower leg behind
    # the trunk in the lighter far colour (the drawing's threshold is 8 cm)
    camera = Camera.named(figure.camera)
    for phase in PHASES:
        p = solve(figure.at_phase(phase)).points
        depth = {
            s: (camera.project(p[s + "hip"])[2] + camera.project(p[s + "shoulder"])[2]) / 2
            for s in ("l_", "r_")
        }
        assert abs(depth["l_"] - depth["r_"]) <= 7.0, (phase, "the sides stay level in depth")
        chest = solve(figure.at_phase(phase)).chest_frame
        assert _dot(_axis(chest, 0), camera.toward) >= 0.9, (phase, "the chest to the viewer")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_bent_knees_show_with_the_shins_going_back_up_the_picture(
    figure: Figure, mirrored: bool
) -> None:
    scene = scene_for(figure)
    scale = scene.frame.scale
    for phase in PHASES:
        joints = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).joints
        for side in ("l_", "r_"):
            hip, knee, ankle = (joints[side + n] for n in ("hip", "knee", "ankle"))
            thigh = (knee[0] - hip[0], knee[1] - hip[1])
            shin = (ankle[0] - knee[0], ankle[1] - knee[1])
            # view y grows down: the ankle above the knee, the shin turning well off the thigh
            # (round 13, nearly level: the shins go back mostly sideways, still a little up)
            assert knee[1] - ankle[1] >= 2.0 * scale, (phase, side, "the shin goes up the picture")
            assert math.hypot(*shin) >= 0.45 * SHIN * scale, (phase, side, "shin drawn as a stub")
            # nearly level (round 13) a bend on the mat shows less: the shin still turns
            # off the thigh, narrower and ending in the foot
            assert _turn(thigh, shin) >= 20.0, (phase, side, "the knee bend shows on screen")
            assert shin[0] * thigh[0] > 0, (phase, side, "beyond the knee, not behind the thigh")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_lower_legs_lie_back_on_the_mat_behind_the_body(figure: Figure, mirrored: bool) -> None:
    side = "r_" if mirrored else "l_"
    back = -1.0 if mirrored else 1.0  # the body's forward is +z on the first side
    for phase in PHASES:
        skeleton = solve(figure.at_phase(phase, mirrored=mirrored))
        p = skeleton.points
        forward = _axis(skeleton.pelvis_frame, 0)
        for s in ("l_", "r_"):
            behind = -_dot(_sub(p[s + "ankle"], p[s + "knee"]), forward)
            assert behind >= 30.0, (phase, s, "the lower leg goes back from the knee")
        assert back * (p["pelvis"][2] - p[side + "ankle"][2]) >= 30.0, "feet behind the body"
        # the lower shin rests on the mat, the foot neither floats nor sinks into it
        ankle = p[side + "ankle"]
        assert support_under(figure.props, ankle, mirrored) == MAT_TOP, "on the mat"
        assert ankle[1] - 3.8 - MAT_TOP <= 3.5, (phase, "the lower shin rests on the mat")
        for point in ("toe", "heel_sole"):
            assert p[side + point][1] >= MAT_TOP - 1.0, (phase, point, "not into the mat")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_forearm_points_forward_out_of_the_picture_not_towards_the_head(
    figure: Figure, mirrored: bool
) -> None:
    scene = scene_for(figure)
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        pose = figure.at_phase(phase, mirrored=mirrored)
        skeleton = solve(pose)
        p = skeleton.points
        # on the mat, as seen from above: the chest's forward and the body's long axis
        # (the trunk rolls back a little and rises towards the head) laid flat on the floor
        forearm = _flat(_sub(p[side + "wrist"], p[side + "elbow"]))
        forward = _dot(forearm, _flat(_axis(skeleton.chest_frame, 0)))
        towards_head = _dot(forearm, _flat(_sub(p["c7"], p["pelvis"])))
        assert forward >= math.cos(math.radians(12)), (phase, f"forward {forward:.2f}")
        assert towards_head <= math.sin(math.radians(8)), (phase, "not along the body")
        joints = scene.drawing(pose).joints
        elbow, wrist = joints[side + "elbow"], joints[side + "wrist"]
        dx, dy = wrist[0] - elbow[0], wrist[1] - elbow[1]
        # on screen it comes down the picture (towards the viewer) and, nearly level from
        # the corner at the feet (round 13), out to the side, well off the body's long axis
        # on screen, and it is drawn long enough to read as a forearm
        assert dy >= 0.3 * abs(dx), (phase, "down the picture, not along the body")
        knees = _mid2(joints["l_knee"], joints["r_knee"])
        head = joints["head"]
        body = (head[0] - knees[0], head[1] - knees[1])
        assert _turn((dx, dy), body) >= 50.0, (phase, "not along the body towards the head")
        assert math.hypot(dx, dy) >= 12.0 * scene.frame.scale, (phase, "a forearm, not a hand")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_face_looks_where_the_forearm_points(figure: Figure, mirrored: bool) -> None:
    scene = scene_for(figure)
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        nose = next((s for s in drawing.shapes if s.part == "head:nose"), None)
        assert nose is not None, (phase, "a level face shows its nose, not a front-on face")
        centre = next(s for s in drawing.shapes if s.part == "head").points[0]
        tip = nose.points[1]
        looks = (tip[0] - centre[0], tip[1] - centre[1])
        elbow, wrist = drawing.joints[side + "elbow"], drawing.joints[side + "wrist"]
        points = (wrist[0] - elbow[0], wrist[1] - elbow[1])
        assert _turn(looks, points) <= 30.0, (phase, "head and forearm face the same way")


def test_the_head_stays_level_and_in_line(figure: Figure) -> None:
    for phase in PHASES:
        skeleton = solve(figure.at_phase(phase))
        face = _axis(skeleton.head_frame, 0)
        assert abs(face[1]) <= 0.12, (phase, "the face looks level, not at the floor or up")
        assert _dot(_axis(skeleton.head_frame, 1), _axis(skeleton.chest_frame, 1)) >= 0.97


def _hip_skin(figure: Figure, skeleton: Skeleton, side: str) -> float:
    hip = skeleton.points[side + "hip"]
    return hip[1] - CONTACT_POINTS[side + "side"] - support_under(figure.props, hip, False)


def test_the_hips_rise_13_cm_from_the_mat_into_one_line_without_sagging(figure: Figure) -> None:
    start, work = solve(figure.start), solve(figure.work)
    assert abs(_hip_skin(figure, start, "l_")) <= 1.0, "at the start the hip rests on the mat"
    assert _hip_skin(figure, work, "l_") >= 13.0, "at work the hip lifts clearly"
    p = work.points
    knees, shoulders = _mid(p["l_knee"], p["r_knee"]), _mid(p["l_shoulder"], p["r_shoulder"])
    hips = _above_line(p["pelvis"], knees, shoulders)
    assert 0.0 <= hips <= 2.5, f"the hips {hips:.1f} cm off the knee-shoulder line: no sag"
    for phase in PHASES:
        q = solve(figure.at_phase(phase)).points
        assert q["l_knee"][1] - CONTACT_POINTS["l_knee"] - MAT_TOP <= 1.0, "the knee stays down"
