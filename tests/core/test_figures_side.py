"""The side plank from the knees: propped on the forearm, hips from the mat to one straight line."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from rugdiary.core.body import CONTACT_POINTS, SHIN, THIGH, Pose, Skeleton, Vec, solve
from rugdiary.core.content import load_exercise_file
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    MAX_SCALE,
    VIEW_W,
    Camera,
    drawn_box,
    scene_for,
)
from rugdiary.core.figures import support_under

RESOURCES = Path(__file__).parents[2] / "resources"
PHASES = [i / 48 for i in range(48)]
WRIST_HALF = 3.0
"""Half-thickness of the forearm at the wrist as drawn (figure_drawing._LIMB_PARTS)."""


@pytest.fixture(scope="module")
def figure() -> Figure:
    exercise = load_exercise_file(RESOURCES / "exercises" / "side-plank-knees.json", RESOURCES)
    assert exercise.figure is not None
    return exercise.figure


def _first_side(figure: Figure) -> list[Pose]:
    return [figure.at_phase(p) for p in PHASES]


def _both_sides(figure: Figure) -> list[Pose]:
    return [figure.at_phase(p, mirrored=m) for p in PHASES for m in (False, True)]


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _screen(camera: Camera, point: Vec) -> tuple[float, float]:
    u, v, _ = camera.project(point)
    return (u, v)


def _off_line(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Signed distance (cm) of p from the line a-b; positive above it (screen up)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    cross = dx * (p[1] - a[1]) - dy * (p[0] - a[0])
    return cross / math.hypot(dx, dy) * (1.0 if dx > 0 else -1.0)


def _axis(m: tuple[float, ...], column: int) -> Vec:
    return (m[column], m[3 + column], m[6 + column])


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _skin_above_support(figure: Figure, skeleton: Skeleton, point: str, half: float) -> float:
    p = skeleton.points[point]
    return p[1] - half - support_under(figure.props, p, False)


def test_seen_square_on_the_chest_from_a_little_above(figure: Figure) -> None:
    # A top-down corner view read as a kneeling push-up, from a little above (28, 34) the
    # forearm hid and it read as a front plank, from well above (20, 40) as sitting
    # half-reclined with the shins in the air, and level but well towards the feet (14, 7)
    # as a face-down plank. Rounds 12 and 13 and session 12 went to the corner at the feet
    # (20, 18), where the shins showed going back; blind raters still rated it 2 ("a dark
    # knot at an odd angle", "half-sitting", once a glute bridge). Session 13: square on
    # the chest and a little raised (0, 12), as handouts draw it, with the side underneath
    # dark (Figure.near_side) and the forearm turned in under the chest, rated 3 by all
    # three raters. The shins going back are foreshortened; the feet show past the knees.
    assert figure.camera == "front_low"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    # Session 23 turned it 15 towards the feet and 15 up: the mat shows as a floor going
    # back and the shins fold back behind the knees (six of six side by side)
    assert 0.0 <= yaw <= 16.0, "nearly square on the chest, a little towards the feet"
    assert 8.0 <= pitch <= 16.0, (
        "a little raised: from 5 up the forearm towards us shrank to a hand on a straight arm"
    )
    camera = Camera.named(figure.camera)
    first = solve(figure.start)
    for pose in _first_side(figure):
        skeleton = solve(pose)
        for frame, start in (
            (skeleton.pelvis_frame, first.pelvis_frame),
            (skeleton.chest_frame, first.chest_frame),
        ):
            same = _dot(_axis(frame, 0), _axis(start, 0))
            assert same >= math.cos(math.radians(15)), round(same, 2)
        facing = _dot(_axis(skeleton.chest_frame, 0), camera.toward)
        assert facing >= 0.9, f"the chest faces the viewer ({facing:.2f})"
        p = skeleton.points
        for side in ("l_", "r_"):
            knee, ankle = _screen(camera, p[side + "knee"]), _screen(camera, p[side + "ankle"])
            assert ankle[0] - knee[0] >= 3.0, (side, "the feet show past the knees")
    lift = [_screen(camera, solve(pose).points["pelvis"]) for pose in (figure.start, figure.work)]
    assert lift[1][1] - lift[0][1] >= 8.0, "the hips rise clearly up the picture"


def test_on_screen_the_thighs_show_long_and_the_shins_go_back_into_the_picture(
    figure: Figure,
) -> None:
    camera = Camera.named(figure.camera)
    for pose in (figure.start, figure.work):
        p = solve(pose).points
        for side in ("l_", "r_"):
            hip, knee, ankle = (_screen(camera, p[side + n]) for n in ("hip", "knee", "ankle"))
            thigh = (knee[0] - hip[0], knee[1] - hip[1])
            shin = (ankle[0] - knee[0], ankle[1] - knee[1])
            assert math.hypot(*thigh) >= 0.6 * THIGH, (side, "thigh drawn short")
            # square on the chest the shins go straight back, away from us: foreshortened
            # to a short piece ending in the foot, but never hidden behind the thigh
            away = camera.project(p[side + "knee"])[2] - camera.project(p[side + "ankle"])[2]
            assert away >= 0.7 * SHIN, (side, "the shin goes back into the picture")
            assert math.hypot(*shin) >= 0.15 * SHIN, (side, "the shin shows")
            assert shin[0] * thigh[0] > 0, (side, "the shin goes on behind the knee")


def test_the_forearm_points_forward_not_along_the_body(figure: Figure) -> None:
    for pose in _both_sides(figure):
        skeleton = solve(pose)
        p = skeleton.points
        side = "r_" if pose.flipped else "l_"
        forearm = _sub(p[side + "wrist"], p[side + "elbow"])
        flat = math.hypot(forearm[0], forearm[2])
        forward = _dot(forearm, _axis(skeleton.chest_frame, 0)) / flat
        along = _dot(forearm, _axis(skeleton.chest_frame, 1)) / flat
        # turned in (about 36 degrees to the chest, 45 to the body's line on the mat) so the
        # bent elbow and the forearm on the mat show, never along the body
        assert forward >= math.cos(math.radians(40)), f"forward {forward:.2f}"
        assert abs(along) <= math.sin(math.radians(40)), f"along the body {along:.2f}"


def test_at_work_head_hips_and_knees_form_one_line_and_at_start_the_hips_rest_low(
    figure: Figure,
) -> None:
    camera = Camera.named(figure.camera)

    def line(pose: Pose) -> tuple[float, float]:
        p = solve(pose).points
        shoulders = _screen(camera, _mid(p["l_shoulder"], p["r_shoulder"]))
        knees = _screen(camera, _mid(p["l_knee"], p["r_knee"]))
        hips = _screen(camera, p["pelvis"])
        head = _screen(camera, p["head"])
        return _off_line(hips, shoulders, knees), _off_line(head, hips, shoulders)

    hips_work, head_work = line(figure.work)
    # the knees, forward of the trunk, come a little down the picture
    assert abs(hips_work) <= 8.0, f"hips {hips_work:.1f} cm off the shoulder-knee line"
    assert abs(head_work) <= 6.0, f"head {head_work:.1f} cm off the hip-shoulder line"
    hips_start, _ = line(figure.start)
    assert hips_work - hips_start >= 6.0, "from the mat the hips rise clearly into that line"

    # the same line in the body's own frontal plane (the thighs may point a little forward)
    def flat(q: Vec) -> tuple[float, float]:
        return (q[0], q[1])

    def flat_line(pose: Pose) -> tuple[float, float]:
        p = solve(pose).points
        knees = flat(_mid(p["l_knee"], p["r_knee"]))
        shoulders = flat(_mid(p["l_shoulder"], p["r_shoulder"]))
        hips = flat(p["pelvis"])
        return _off_line(hips, shoulders, knees), _off_line(flat(p["head"]), hips, knees)

    hips_work, head_work = flat_line(figure.work)
    assert abs(hips_work) <= 4.0
    assert abs(head_work) <= 4.0
    assert flat_line(figure.start)[0] <= -8.0, "at the start the hips sag well below it"


def test_the_elbow_stays_under_the_shoulder(figure: Figure) -> None:
    for pose in _both_sides(figure):
        p = solve(pose).points
        side = "r_" if pose.flipped else "l_"
        shoulder, elbow = p[side + "shoulder"], p[side + "elbow"]
        apart = math.hypot(shoulder[0] - elbow[0], shoulder[2] - elbow[2])
        limit = 3.5 if pose is figure.work or pose == figure.work.mirrored() else 4.0
        assert apart <= limit, f"elbow {apart:.1f} cm from under the shoulder"
        assert shoulder[1] > elbow[1] + 28.0, "the upper arm stands upright"


def test_the_hips_rest_on_the_mat_at_start_and_lift_clearly_at_work(figure: Figure) -> None:
    hip_half = CONTACT_POINTS["l_side"]
    start = _skin_above_support(figure, solve(figure.start), "l_hip", hip_half)
    work = _skin_above_support(figure, solve(figure.work), "l_hip", hip_half)
    assert abs(start) <= 1.0, f"start: the hip lies {start:.1f} cm above the mat"
    assert work >= 10.0, f"work: the hip lifts only {work:.1f} cm"
    # and it goes up smoothly, without dipping first
    heights = [solve(figure.at_phase(p)).points["l_hip"][1] for p in PHASES[:25]]
    assert all(b >= a - 0.2 for a, b in itertools.pairwise(heights))


def test_the_forearm_lies_on_the_mat_and_shows_as_a_forearm(figure: Figure) -> None:
    camera = Camera.named(figure.camera)
    for pose in _both_sides(figure):
        skeleton = solve(pose)
        side = "r_" if pose.flipped else "l_"
        elbow = _skin_above_support(figure, skeleton, side + "elbow", CONTACT_POINTS["l_elbow"])
        wrist = _skin_above_support(figure, skeleton, side + "wrist", WRIST_HALF)
        palm = _skin_above_support(figure, skeleton, side + "palm", CONTACT_POINTS["l_hand"])
        for name, gap in (("elbow", elbow), ("wrist", wrist), ("palm", palm)):
            assert -1.0 <= gap <= 1.5, f"{name} {gap:.1f} cm from the mat"
    # seen from the camera, the forearm is long, not a hand under a straight arm (at least
    # 10 cm, two fifths of its length: nearly square to the chest, a forearm pointing
    # forward foreshortens, and more from a little towards the feet)
    p = solve(figure.work).points
    a, b = _screen(camera, p["l_elbow"]), _screen(camera, p["l_wrist"])
    assert math.dist(a, b) >= 10.0, f"forearm drawn {math.dist(a, b):.1f} cm long"
    # and bent at the elbow on screen, not one straight stick from the shoulder to the mat
    s = _screen(camera, p["l_shoulder"])
    upper, fore = (a[0] - s[0], a[1] - s[1]), (b[0] - a[0], b[1] - a[1])
    cos = (upper[0] * fore[0] + upper[1] * fore[1]) / math.hypot(*upper) / math.hypot(*fore)
    assert math.degrees(math.acos(cos)) >= 30.0, "the elbow bend shows"


def test_the_knees_and_the_forearm_stay_planted(figure: Figure) -> None:
    for mirrored in (False, True):
        first = solve(figure.at_phase(0.0, mirrored=mirrored))
        side = "r_" if mirrored else "l_"
        for phase in PHASES:
            skeleton = solve(figure.at_phase(phase, mirrored=mirrored))
            for name in (side + "knee", side + "elbow"):
                moved = math.dist(skeleton.contact_point(name)[0], first.contact_point(name)[0])
                assert moved <= 1.0, (name, phase, round(moved, 1))


def test_the_knees_bend_and_the_lower_legs_point_back(figure: Figure) -> None:
    for pose in (figure.start, figure.work):
        p = solve(pose).points
        chest_forward = _axis(solve(pose).chest_frame, 0)
        for side in ("l_", "r_"):
            hip, knee, ankle = p[side + "hip"], p[side + "knee"], p[side + "ankle"]
            thigh, shin = _sub(knee, hip), _sub(ankle, knee)
            bend = math.degrees(math.acos(_dot(thigh, shin) / THIGH / SHIN))
            assert 80.0 <= bend <= 100.0, (side, round(bend))
            assert _dot(shin, chest_forward) <= -30.0, "the lower legs point back"
            forward = _dot(thigh, chest_forward) / THIGH
            assert 0.2 <= forward <= math.sin(math.radians(40)), "thighs 12-40 degrees forward"


def test_the_top_hand_rests_on_the_top_hip(figure: Figure) -> None:
    for pose in (figure.start, figure.work):
        skeleton = solve(pose)
        p = skeleton.points
        m = skeleton.pelvis_frame
        along, across, forward = _axis(m, 1), _axis(m, 2), _axis(m, 0)
        palm = _sub(p["r_palm"], p["pelvis"])
        up_the_side = -_dot(palm, across)
        assert 14.0 <= up_the_side <= 26.0, "on the top side of the pelvis, not in the air"
        assert -35.0 <= _dot(palm, along) <= 5.0, "at the hip, not at the chest or the knee"
        assert abs(_dot(palm, forward)) <= 12.0, "on the body, not in front of it"
        assert p["r_palm"][1] > p["pelvis"][1] + 5.0, "higher than the hips"


def test_both_sides_share_one_place_at_full_size(figure: Figure) -> None:
    # The second side is the first drawn mirrored about the scene's centre, so the figure
    # is placed around that centre: both sides fit without shrinking the figure much (the
    # frame also holds the body mirrored in the world, a little wider from a corner).
    scene = scene_for(figure)
    assert scene.frame.scale >= 0.95 * MAX_SCALE
    left, _, right, _ = drawn_box(scene.drawing(figure.work))
    assert left == pytest.approx(VIEW_W - right, abs=12.0)
