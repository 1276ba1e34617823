"""Round 13, curl-up: seen from the plain side, head and shoulders lift as one block (the
upper back curls ~28 degrees, the shoulder blades clearly off the mat, the neck in line,
the face looking up a little towards the knees) and stay up for a while; the hands lie
under the low back's hollow, which arches over them."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import Vec, solve
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Drawing, _held_up, scene_for
from rugdiary.core.figures import MOVE_S, Motion, PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, inside


def _rise(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises towards the head (-x) from level."""
    return math.degrees(math.atan2(b[1] - a[1], a[0] - b[0]))


def _shoulders(points: dict[str, Vec]) -> float:
    return (points["l_shoulder"][1] + points["r_shoulder"][1]) / 2


def _trunk_underside(drawing: Drawing, x: float) -> float:
    """The lowest point (view y grows down) of the drawn trunk's outline at view x."""
    pts = next(s for s in drawing.shapes if s.part == "trunk").points
    ys = [
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True)
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    ]
    return max(ys)


def test_curl_up_is_seen_from_the_plain_side() -> None:
    """From 26 degrees up the raters saw an angled view and still missed the hands."""
    figure = figure_of("curl-up")
    assert figure.camera == "side"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert yaw == 14.0
    assert pitch <= 10.0, "just above the mat, the lift seen against it"


def test_curl_up_holds_at_the_top_for_a_good_part_of_the_cycle() -> None:
    figure = figure_of("curl-up")
    keys = figure.keyframes
    names = [k.name for k in keys]
    assert names[:2] == ["start", "work"]
    hold = next(k for k in keys if k.name.endswith("_hold"))
    assert hold.pose == figure.work, "the held position is the top"
    assert hold.at - figure.work_at >= 0.3, "held for a while, not a bounce"
    assert figure.work_at <= 0.35, "lifted in about a third of the cycle"
    for phase in (figure.work_at + 0.05, (figure.work_at + hold.at) / 2, hold.at - 0.01):
        assert figure.at_phase(phase) == figure.work, phase


def test_curl_up_in_the_player_the_way_down_starts_after_the_pause_not_in_it() -> None:
    """Released from a hold, the figure lowers over the whole move time instead of first
    sitting out the pause written into the loop and then dropping."""
    figure = figure_of("curl-up")
    hold = next(k for k in figure.keyframes if k.name.endswith("_hold"))
    assert figure.release_at == hold.at
    assert figure.pose_at(Motion.RELEASE, 0.0, 10.0) == figure.work
    start = solve(figure.start).points
    top = solve(figure.work).points
    for share in (0.2, 0.4):
        points = solve(figure.pose_at(Motion.RELEASE, share * MOVE_S, 10.0)).points
        down = (top["c7"][1] - points["c7"][1]) / (top["c7"][1] - start["c7"][1])
        assert 0.02 <= down <= 0.9, (share, round(down, 2), "already on the way down")
    assert figure.pose_at(Motion.RELEASE, MOVE_S, 10.0) == figure.start
    # a figure without such a pause releases from its work pose, as before
    bridge = figure_of("glute-bridge")
    assert bridge.release_at == bridge.work_at


def test_curl_up_head_and_shoulders_lift_as_one_block_the_shoulder_blades_clear() -> None:
    """Round 12 read as a neck lift: the upper back now curls more and the shoulders rise
    clearly, the head staying in line with them."""
    figure = figure_of("curl-up")
    start, work = solve(figure.start).points, solve(figure.work).points
    upper = _rise(work["spine3"], work["c7"])
    assert 24.0 <= upper <= 30.0, f"the upper back curls {upper:.0f} degrees"
    lift = _shoulders(work) - _shoulders(start)
    assert 7.0 <= lift <= 9.5, f"the shoulders rise {lift:.1f} cm"
    assert work["c7"][1] - start["c7"][1] >= 9.0, "the top of the back is well off the mat"
    assert work["spine3"][1] - start["spine3"][1] >= 3.0, "the shoulder blades leave the mat"
    head = work["head"][1] - start["head"][1]
    assert head / lift <= 2.7, "the head goes no higher than the curled back carries it"
    for name in ("pelvis", "spine0", "spine1"):
        assert abs(work[name][1] - start[name][1]) <= 0.5, f"{name} stays down"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_face_looks_up_a_little_towards_the_knees_never_tipped_back(
    mirrored: bool,
) -> None:
    """The raters saw the head tip back at the top: the face turns with the upper back."""
    figure = figure_of("curl-up")
    for i in range(25):
        points = solve(figure.at_phase(i / 24, mirrored=mirrored)).points
        head, face = points["head"], points["face"]
        towards_feet = math.degrees(math.atan2(face[0] - head[0], face[1] - head[1]))
        upper = _rise(points["spine3"], points["c7"])
        assert face[1] > head[1], (i, "the face looks up")
        # it turns towards the knees as far as the upper back curls, a few degrees more
        assert -3.0 <= towards_feet - upper <= 5.0, (i, round(towards_feet), round(upper))
    work = solve(figure.work).points
    look = math.degrees(
        math.atan2(work["face"][0] - work["head"][0], work["face"][1] - work["head"][1])
    )
    assert 20.0 <= look <= 40.0, f"at the top the face looks {look:.0f} degrees to the knees"


@pytest.mark.parametrize("phase", [0.0, 0.5])
def test_curl_up_hands_lie_under_the_low_backs_hollow_which_arches_over_them(
    phase: float,
) -> None:
    """From the side the hands were hidden (or read as hands on the waist): the low back's
    underside arches over them, the near forearm goes in under it from the elbow on the
    mat and the hand is seen lying under the back, not on its side."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    drawing = scene.drawing(figure.at_phase(phase))
    s = scene.frame.scale
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    mat_y = scene.frame.to_view(0.0, scene.camera.project((0.0, mat_top, 0.0))[1])[1]
    points = solve(figure.at_phase(phase)).points
    u = scene.camera.project(points["l_palm"])[0]
    palm_x = scene.frame.offset_x + u * s
    hollow = (mat_y - _trunk_underside(drawing, palm_x)) / s
    assert hollow >= 4.0, f"the back's underside is {hollow:.1f} cm up over the hand"
    pelvis_x = drawing.joints["pelvis"][0]
    seat = (mat_y - _trunk_underside(drawing, pelvis_x)) / s
    assert seat <= 1.5, "the seat itself rests on the mat"
    order = [shape.part for shape in drawing.shapes]
    for part in ("l_elbow", "l_wrist"):
        assert order.index(part) < order.index("trunk"), f"{part} goes in under the back"
    assert order.index("l_shoulder") > order.index("trunk"), "the upper arm lies in front"
    trunk = next(sh for sh in drawing.shapes if sh.part == "trunk").points
    hand = next(sh for sh in drawing.shapes if sh.part == "l_wrist").points
    seen = [p for p in hand if not inside(p, trunk)]
    assert len(seen) >= len(hand) // 2, "the hand is seen under the back"
    assert palm_x > drawing.joints["l_elbow"][0], "the hand lies towards the feet of the elbow"
    assert points["l_hand"][0] - points["l_wrist"][0] >= 6.0, "the fingers point to the feet"
    assert abs(points["l_palm"][0] - points["spine1"][0]) <= 6.0, "under the low back"


def test_a_back_is_held_up_only_over_hands_slid_under_it() -> None:
    """Other lying figures keep their trunk on the mat: no hand lies under their back."""
    for exercise_id in ("glute-bridge", "dead-bug", "pelvic-tilt", "diaphragmatic-breathing"):
        figure = figure_of(exercise_id)
        skeleton = solve(figure.start)
        for i, name in enumerate(("spine0", "spine1", "spine2")):
            m = skeleton.spine_frames[i]
            assert _held_up(skeleton.points, skeleton.points[name], m, 10.0) == 0.0
    curl = solve(figure_of("curl-up").start)
    lifted = _held_up(curl.points, curl.points["spine1"], curl.spine_frames[1], 10.0)
    assert lifted >= 4.0


def test_curl_up_texts_say_shoulder_blades_off_the_mat_look_to_the_knees_and_stay() -> None:
    exercise = EXERCISES["curl-up"]
    lift, stay = exercise.steps[0], exercise.steps[1]
    for words, text in (
        (("shoulder blades", "knees", "few centimetres", "one piece"), lift.en),
        (("schouderbladen", "knieën", "paar centimeter", "één geheel"), lift.nl),
        (("Stay up", "breathing"), stay.en),
        (("Blijf", "adem"), stay.nl),
    ):
        for word in words:
            assert word in text, word
