"""Side plank from the knees: camera, the line at work, the lift, arms, bent legs, texts."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest

from rugdiary.core.body import CONTACT_POINTS, HEAD_RADIUS, SHIN, Pose, Skeleton, Vec, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import PropKind, support_under
from tests.core.figure_geometry import EXERCISES, eyes_look, figure_of, inside, midpoint, minus

PHASES = [i / 24 for i in range(24)]
SIDES = [False, True]
MAT_TOP = 1.0
FINE_PHASES = [i / 48 for i in range(48)]
EXERCISE = Path(__file__).parents[2] / "resources" / "exercises" / "side-plank-knees.json"


@pytest.fixture(scope="module")
def figure() -> Figure:
    return figure_of("side-plank-knees")


def _above_line(p: Vec, a: Vec, b: Vec) -> float:
    """Signed distance (cm) of p above the line a-b, in the body's plane (x, y)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    cross = dx * (p[1] - a[1]) - dy * (p[0] - a[0])
    return cross / math.hypot(dx, dy) * (1.0 if dx > 0 else -1.0)


def _line(skeleton: Skeleton) -> tuple[Vec, Vec]:
    p = skeleton.points
    return midpoint(p["l_knee"], p["r_knee"]), midpoint(p["l_shoulder"], p["r_shoulder"])


def _axis(m: tuple[float, ...], column: int) -> Vec:
    return (m[column], m[3 + column], m[6 + column])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _flat(a: Vec) -> Vec:
    """The direction of `a` laid flat on the floor."""
    length = math.hypot(a[0], a[2])
    return (a[0] / length, 0.0, a[2] / length)


def _mid2(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _turn(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Degrees between two screen directions."""
    cos = (a[0] * b[0] + a[1] * b[1]) / math.hypot(*a) / math.hypot(*b)
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def _hip_skin(figure: Figure, skeleton: Skeleton, side: str) -> float:
    hip = skeleton.points[side + "hip"]
    return hip[1] - CONTACT_POINTS[side + "side"] - support_under(figure.props, hip, False)


def _hold_at(figure: Figure) -> float:
    return next(k.at for k in figure.keyframes if k.name == "work_hold")


def _pose(figure: Figure, phase: float, mirrored: bool) -> Pose:
    return figure.at_phase(phase, mirrored=mirrored)


def _unit(a: Vec) -> Vec:
    length = math.sqrt(a[0] ** 2 + a[1] ** 2 + a[2] ** 2)
    return (a[0] / length, a[1] / length, a[2] / length)


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
    assert abs(_hip_skin(figure, start, "l_")) <= 1.0, "the hip rests on the mat"
    knees, shoulders = _line(start)
    sag = _above_line(start.points["pelvis"], knees, shoulders)
    assert sag <= -8.0, f"at the start the hips sit only {-sag:.1f} cm below the line"


def test_the_top_hand_rests_on_the_hip_with_its_elbow_pointing_up(figure: Figure) -> None:
    # With the hand on the upper thigh, 13 cm past the hip joint, raters saw a hand hanging
    # in mid-air by the thigh, reaching for the knee; two judges rated the hand on the hip
    # bone 3 and 4 against 2 and 3 (session 12).
    camera = Camera.named(figure.camera)
    for phase in PHASES:
        p = solve(figure.at_phase(phase)).points
        # the hand on the top hip bone, not along the thigh or in the air
        assert math.dist(p["r_palm"], p["r_hip"]) <= 10.0, phase
        # the elbow stands clear above the top shoulder, where no plank on the forearms
        # has an arm: on screen too, the forearm standing on the hip over the waist
        assert p["r_elbow"][1] >= p["r_shoulder"][1], phase
        elbow = camera.project(p["r_elbow"])
        shoulder = camera.project(p["r_shoulder"])
        hand = camera.project(p["r_palm"])
        assert shoulder[0] < elbow[0], (phase, "the arm bends out over the waist")
        assert abs(elbow[0] - hand[0]) <= 12.0, (phase, "the forearm stands on the hip")
        assert elbow[1] >= hand[1] + 15.0, (phase, "the elbow well above the hand")
    work = solve(figure.work).points
    assert work["r_elbow"][1] >= work["r_shoulder"][1] + 5.0, "at work the elbow points up"


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_side_underneath_is_drawn_dark_in_front_and_the_top_side_lighter(
    figure: Figure, mirrored: bool
) -> None:
    # Square on the chest both sides are about as near the camera, and which one was
    # nearer changed as the hips rose: the tones swapped from frame to frame. The side
    # underneath stays the near one: the arm propping the body and the leg on the mat dark,
    # the top arm and leg lighter, the top thigh behind the lower one. (With every limb one
    # dark tone, raters saw "one dark blob" and could not tell which arm carries the body.)
    assert figure.near_side == "under"
    scene = scene_for(figure)
    for phase in PHASES:
        shapes = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).shapes
        for joint in ("shoulder", "elbow", "wrist", "hip", "knee"):
            pair = [
                (i, sh) for i, sh in enumerate(shapes) if sh.part in ("l_" + joint, "r_" + joint)
            ]
            assert len(pair) == 2, (phase, joint)
            # the lower one on screen (y grows down) is the side underneath
            (i_low, low), (i_top, top) = sorted(
                pair, key=lambda item: -max(y for _, y in item[1].points)
            )
            # (the arm underneath, propping the body, is blue: Figure.tinted)
            assert low.role in ("near", "tint_near"), (phase, joint, "underneath: dark")
            assert top.role == "far", (phase, joint, "on top: lighter")
            if joint == "hip":
                assert i_low > i_top, (phase, "the lower thigh in front of the top one")


def test_which_side_is_near_is_a_figure_field_with_a_default() -> None:
    data = json.loads(EXERCISE.read_text(encoding="utf-8"))["figure"]
    assert data["near_side"] == "under"
    plain = Figure.from_dict({k: v for k, v in data.items() if k != "near_side"})
    assert plain.near_side == "camera"
    assert "near_side" not in plain.to_dict(), "the usual choice, nothing written"
    assert Figure.from_dict(data).to_dict()["near_side"] == "under"
    for bad in ("top", 1, None):
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict({**data, "near_side": bad})
        assert caught.value.field == "figure.near_side", bad
    users = [e for e, ex in EXERCISES.items() if ex.figure and ex.figure.near_side != "camera"]
    assert users == ["side-plank-knees"]


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
            # (square on the chest the shins go straight back, away from us, and show short,
            # a little up the picture and ending in the foot past the knee)
            assert knee[1] - ankle[1] >= 2.0 * scale, (phase, side, "the shin goes up the picture")
            assert math.hypot(*shin) >= 0.15 * SHIN * scale, (phase, side, "the shin shows")
            # seen nearly level a bend on the mat shows less: the shin still turns
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
            behind = -_dot(minus(p[s + "ankle"], p[s + "knee"]), forward)
            assert behind >= 30.0, (phase, s, "the lower leg goes back from the knee")
        assert back * (p["pelvis"][2] - p[side + "ankle"][2]) >= 30.0, "feet behind the body"
        # the lower shin rests on the mat, the foot neither floats nor sinks into it
        ankle = p[side + "ankle"]
        assert support_under(figure.props, ankle, mirrored) == MAT_TOP, "on the mat"
        assert ankle[1] - 3.8 - MAT_TOP <= 3.5, (phase, "the lower shin rests on the mat")
        for point in ("toe", "heel_sole"):
            assert p[side + point][1] >= MAT_TOP - 1.0, (phase, point, "not into the mat")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_forearm_points_forward_turned_in_a_little_not_along_the_body(
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
        forearm = _flat(minus(p[side + "wrist"], p[side + "elbow"]))
        forward = _dot(forearm, _flat(_axis(skeleton.chest_frame, 0)))
        towards_head = _dot(forearm, _flat(minus(p["c7"], p["pelvis"])))
        # forward and turned in under the chest, towards the feet (about 45 degrees): a
        # forearm pointing straight out of the picture under an upright upper arm read as a
        # straight arm with the hand on the mat (session 13, three raters), and so did one
        # turned in 30 degrees seen from a little towards the feet (session 23: turned in
        # 45, "it clearly lies flat on the floor", three of three); turned out towards the
        # head it read as pointing past the head, and turned in 60 as a leg and its foot
        assert forward >= math.cos(math.radians(40)), (phase, f"forward {forward:.2f}")
        assert -math.sin(math.radians(50)) <= towards_head <= -math.sin(math.radians(15)), (
            phase,
            f"turned in {towards_head:.2f}, not along the body",
        )
        joints = scene.drawing(pose).joints
        elbow, wrist = joints[side + "elbow"], joints[side + "wrist"]
        dx, dy = wrist[0] - elbow[0], wrist[1] - elbow[1]
        # on screen it lies along the mat, a little down the picture (towards the viewer)
        # and in under the chest, well off the body's long axis, and long enough to read
        # as a forearm: the elbow's right angle shows
        assert dy >= 0.3 * abs(dx), (phase, "down the picture, not along the body")
        assert (dx > 0) == (joints[side + "knee"][0] > elbow[0]), (phase, "in under the chest")
        knees = _mid2(joints["l_knee"], joints["r_knee"])
        head = joints["head"]
        body = (head[0] - knees[0], head[1] - knees[1])
        assert _turn((dx, dy), body) >= 50.0, (phase, "not along the body towards the head")
        assert math.hypot(dx, dy) >= 10.0 * scene.frame.scale, (phase, "a forearm, not a hand")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_face_looks_straight_out_at_us_as_the_chest_does(
    figure: Figure, mirrored: bool
) -> None:
    # Both eyes show, in the middle of the face: it looks straight ahead, at us, as the
    # chest faces us. (A profile nose pointing down the picture read as a beak on a chest
    # that faces us, the neck twisted: two A/B judges in session 12 rated the two eyes 4,
    # the nose 3.)
    scene = scene_for(figure)
    radius = HEAD_RADIUS * scene.frame.scale
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        assert not any(s.part == "head:nose" for s in drawing.shapes), (phase, "no profile")
        eyes, looks = eyes_look(drawing)
        assert eyes == 2, (phase, "the face is turned towards us")
        # (0.35: the camera a little towards the feet turns the face a little with it)
        assert math.hypot(*looks) <= 0.35 * radius, (phase, "straight out of the picture")


def test_the_head_stays_level_and_in_line(figure: Figure) -> None:
    for phase in PHASES:
        skeleton = solve(figure.at_phase(phase))
        face = _axis(skeleton.head_frame, 0)
        assert abs(face[1]) <= 0.12, (phase, "the face looks level, not at the floor or up")
        assert _dot(_axis(skeleton.head_frame, 1), _axis(skeleton.chest_frame, 1)) >= 0.97


def test_the_hips_rise_13_cm_from_the_mat_into_one_line_without_sagging(figure: Figure) -> None:
    start, work = solve(figure.start), solve(figure.work)
    assert abs(_hip_skin(figure, start, "l_")) <= 1.0, "at the start the hip rests on the mat"
    assert _hip_skin(figure, work, "l_") >= 13.0, "at work the hip lifts clearly"
    p = work.points
    knees, shoulders = (
        midpoint(p["l_knee"], p["r_knee"]),
        midpoint(p["l_shoulder"], p["r_shoulder"]),
    )
    hips = _above_line(p["pelvis"], knees, shoulders)
    assert 0.0 <= hips <= 2.5, f"the hips {hips:.1f} cm off the knee-shoulder line: no sag"
    for phase in PHASES:
        q = solve(figure.at_phase(phase)).points
        assert q["l_knee"][1] - CONTACT_POINTS["l_knee"] - MAT_TOP <= 1.0, "the knee stays down"


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
    # cos 20 = 0.94: a little raised the lift barely foreshortens
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
        knees, shoulders = (
            midpoint(p["l_knee"], p["r_knee"]),
            midpoint(p["l_shoulder"], p["r_shoulder"]),
        )
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
    heights = [solve(figure.at_phase(p)).points["pelvis"][1] for p in FINE_PHASES]
    top = heights.index(max(heights))
    rising, falling = heights[: top + 1], heights[top:]
    assert all(b >= a - 0.05 for a, b in itertools.pairwise(rising))
    assert all(b <= a + 0.05 for a, b in itertools.pairwise(falling))


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_head_keeps_in_line_with_the_chest_all_the_way(figure: Figure, mirrored: bool) -> None:
    scene = scene_for(figure)
    radius = HEAD_RADIUS * scene.frame.scale
    for phase in FINE_PHASES:
        skeleton = solve(_pose(figure, phase, mirrored))
        head_up, chest_up = _axis(skeleton.head_frame, 1), _axis(skeleton.chest_frame, 1)
        assert _dot(head_up, chest_up) >= 0.998, (phase, "the head does not drift off the spine")
        assert abs(_axis(skeleton.head_frame, 0)[1]) <= 0.12, (phase, "the face looks level")
        _, looks = eyes_look(scene.drawing(_pose(figure, phase, mirrored)))
        assert math.hypot(*looks) <= 0.35 * radius, (phase, "the face keeps looking at us")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_upper_arm_stands_upright_on_the_mat_under_the_shoulder(
    figure: Figure, mirrored: bool
) -> None:
    scene = scene_for(figure)
    side = "r_" if mirrored else "l_"
    for phase in FINE_PHASES:
        joints = scene.drawing(_pose(figure, phase, mirrored)).joints
        shoulder, elbow = joints[side + "shoulder"], joints[side + "elbow"]
        lean = math.degrees(math.atan2(abs(elbow[0] - shoulder[0]), elbow[1] - shoulder[1]))
        assert lean <= 6.0, (phase, f"the upper arm leans {lean:.1f} degrees on screen")


def test_seen_square_on_the_chest_a_little_raised(figure: Figure) -> None:
    assert figure.camera == "front_low"
    users = [e for e, ex in EXERCISES.items() if ex.figure and ex.figure.camera == "front_low"]
    assert users == ["side-plank-knees"], "the camera is this exercise's own"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    # as handouts draw a side plank: the body's line and the hip lift lie in the picture.
    # From the corner at the feet (20, 18) blind raters saw a dark knot at an odd angle and
    # rated it 2 (session 13); level, the forearm towards us shrank to a hand
    # turned 15 towards the feet (session 23), the shins show folding back behind the knees
    assert 0.0 <= yaw <= 16.0, "nearly square on the chest, a little towards the feet"
    assert 8.0 <= pitch <= 16.0, "a little raised: the forearm on the mat shows"
    camera = Camera.named(figure.camera)
    for phase in FINE_PHASES:
        skeleton = solve(figure.at_phase(phase))
        # the chest square to the viewer is what tells a side plank from a forearm plank
        assert _dot(_axis(skeleton.chest_frame, 0), camera.toward) >= 0.9, (phase, "chest")


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
        along = _dot(_unit(minus(ankle, knee)), _unit(minus(toe, ankle)))
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
            # (square on the chest it goes straight back from us: short, but never hidden)
            assert math.hypot(dx, up) >= 0.15 * SHIN * scale, (phase, s, "the shin shows")
            hip = joints[s + "hip"]
            assert dx * (knee[0] - hip[0]) > 0, (phase, s, "beyond the knee, away from the head")
        # (square on, the mat is a band: the hip lies on it at the start, then rises off it)
        resting = ("knee", "ankle", "elbow", "wrist") + (("hip",) if phase == 0.0 else ())
        for point in resting:
            assert any(inside(joints[side + point], m) for m in mats), (phase, point, "on the mat")


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_elbow_on_the_mat_right_under_the_shoulder_and_the_hips_rise_clearly(
    figure: Figure, mirrored: bool
) -> None:
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        p = solve(_pose(figure, phase, mirrored)).points
        shoulder, elbow = p[side + "shoulder"], p[side + "elbow"]
        apart = math.hypot(shoulder[0] - elbow[0], shoulder[2] - elbow[2])
        assert apart <= 2.0, (phase, f"the elbow {apart:.1f} cm from under the shoulder")
        skin = elbow[1] - CONTACT_POINTS[side + "elbow"] - MAT_TOP
        assert abs(skin) <= 1.0, (phase, f"the elbow {skin:.1f} cm off the mat")
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


def test_the_texts_say_what_the_figure_shows_in_both_languages() -> None:
    data = json.loads(EXERCISE.read_text(encoding="utf-8"))
    start, steps = data["start"], data["steps"]
    pairs = [
        (start, "right angle", "haaks"),
        (start, "lower legs and feet lie on the mat behind you", "achter je op de mat"),
        (start, "elbow right under your shoulder", "elleboog recht onder je schouder"),
        (start, "pointing forward", "naar voren"),
        (start, "hand on your hip", "hand op je heup"),
        (steps[0], "lower legs", "onderbenen"),
        (steps[0], "one straight line", "één rechte lijn"),
        (steps[0], "sag", "zakken niet door"),
        (steps[1], "Hold", "Houd"),
        (steps[1], "head in line", "hoofd in het verlengde"),
        (steps[2], "back onto the mat", "terug op de mat"),
    ]
    for text, en, nl in pairs:
        assert en in text["en"], en
        assert nl in text["nl"], nl


@pytest.mark.parametrize("mirrored", SIDES)
def test_a_fixed_line_from_the_knees_to_the_head_shows_where_the_hips_rise_to(
    figure: Figure, mirrored: bool
) -> None:
    # Blind raters could not see how high the hips go or that the body ends in one line
    # (2 of 5, session 12); two judges rated the picture with the work position's line from
    # the knees to the head 3 and 4, without it 2. Reaching on past the head it read as a
    # pole, and over the face it crossed out an eye: it stops at the head's edge.
    assert figure.guide == "line"
    scene = scene_for(figure)
    work = solve(figure.work.mirrored() if mirrored else figure.work).points
    low, high = scene.body_line(mirrored)
    assert math.dist(high, work["head"]) == pytest.approx(HEAD_RADIUS), "it ends at the head"
    knees = midpoint(work["l_knee"], work["r_knee"])
    assert 5.0 <= math.dist(low, knees) <= 10.0, "a little past the knees"
    lines = set()
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        (guide,) = [s for s in drawing.shapes if s.part == "cue:guide"]
        assert guide.role == "cue"
        lines.add(tuple((round(x, 3), round(y, 3)) for x, y in guide.points))
        assert drawing.shapes[-1].part.startswith("cue:"), "drawn over the body"
    assert len(lines) == 1, "fixed in place: the body moves onto it"

    # the hips sag well below it at the start, and lie on it at work (world cm)
    def below(pose: Pose) -> float:
        pelvis = solve(pose.mirrored() if mirrored else pose).points["pelvis"]
        return -_above_line(pelvis, low, high)

    assert below(figure.start) >= 8.0, "at the start the hips sag clearly below the line"
    assert abs(below(figure.work)) <= 3.0, "at work they lie on it"


@pytest.mark.parametrize("mirrored", SIDES)
def test_the_supporting_forearm_and_hand_lie_on_the_mat(figure: Figure, mirrored: bool) -> None:
    # a hand off the mat's front edge read as hanging over it (session 12)
    (mat,) = [p for p in figure.props if p.kind is PropKind.MAT]
    x0, _, z0, x1, _, z1 = mat.box(mirrored=mirrored)
    side = "r_" if mirrored else "l_"
    for phase in PHASES:
        p = solve(figure.at_phase(phase, mirrored=mirrored)).points
        for name in ("elbow", "wrist", "hand", "palm"):
            x, _, z = p[side + name]
            assert x0 + 3.0 <= x <= x1 - 3.0, (phase, name)
            assert z0 + 3.0 <= z <= z1 - 3.0, (phase, name, "inside the mat, not at its edge")
