"""Curl-up: camera, the curl with the head in line, hands under the back, elbows, the texts."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, Vec, solve
from rugdiary.core.figure_drawing import CAMERA_ANGLES, VIEW_H, VIEW_W, Drawing, _held_up, scene_for
from rugdiary.core.figures import MOVE_S, Motion, PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, inside

THUMB_PX_PER_UNIT = min(160 / VIEW_W, 120 / VIEW_H)


def _rise(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises towards the head (-x) from level."""
    return math.degrees(math.atan2(b[1] - a[1], a[0] - b[0]))


def _shoulders(points: dict[str, Vec]) -> float:
    return (points["l_shoulder"][1] + points["r_shoulder"][1]) / 2


def _bend(points: dict[str, Vec]) -> float:
    """How far (degrees) the neck bends forward off the line of the upper back."""
    return _rise(points["c7"], points["neck_top"]) - _rise(points["spine3"], points["c7"])


def _shapes(drawing: Drawing) -> dict[str, tuple[tuple[float, float], ...]]:
    return {shape.part: shape.points for shape in drawing.shapes}


def _trunk_underside(drawing: Drawing, x: float) -> float:
    """The lowest point (view y grows down) of the drawn trunk's outline at view x."""
    pts = next(s for s in drawing.shapes if s.part == "trunk").points
    ys = [
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True)
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    ]
    return max(ys)


def test_curl_up_shoulders_lift_a_few_cm_and_it_shows_on_a_thumbnail() -> None:
    figure = figure_of("curl-up")
    start, work = solve(figure.start).points, solve(figure.work).points
    lift = _shoulders(work) - _shoulders(start)
    assert 5.0 <= lift <= 9.0, f"the shoulders rise {lift:.1f} cm: a little, no sit-up"
    assert work["spine3"][1] - start["spine3"][1] >= 2.0, "the shoulder blades leave the mat"
    head = work["head"][1] - start["head"][1]
    assert 10.0 <= head <= 22.0, f"the head rises {head:.1f} cm with the upper back"
    scale = scene_for(figure).frame.scale * THUMB_PX_PER_UNIT
    cam = scene_for(figure).camera
    screen = cam.project(work["c7"])[1] - cam.project(start["c7"])[1]
    assert screen * scale >= 4.0, "the lift shows on a 160x120 thumbnail"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_low_back_and_pelvis_stay_on_the_mat(mirrored: bool) -> None:
    figure = figure_of("curl-up")
    start = solve(figure.start.mirrored() if mirrored else figure.start).points
    for i in range(25):
        points = solve(figure.at_phase(i / 24, mirrored=mirrored)).points
        for name in ("pelvis", "spine0", "spine1", "spine2"):
            moved = math.dist(points[name], start[name])
            assert moved <= 1.0, (i, name, round(moved, 1))
        for side in "lr":
            assert math.dist(points[f"{side}_palm"], start[f"{side}_palm"]) <= 0.5, "hands stay"


def test_curl_up_head_rests_on_the_mat_at_the_start() -> None:
    figure = figure_of("curl-up")
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    start = solve(figure.start).points
    assert start["head"][1] - 11.0 - mat_top <= 1.0, "the head lies down between reps"
    assert "head" in dict(figure.start.contacts)
    assert "head" not in dict(figure.work.contacts), "and leaves the mat at work"


def test_curl_up_arrow_points_up_over_the_shoulders_clear_of_the_body() -> None:
    figure = figure_of("curl-up")
    arrow = figure.arrow
    assert arrow is not None
    assert (arrow.at, arrow.shape, arrow.both) == ("chest", "up", False), "a lift"
    assert arrow.size > 0, "pointing up"
    scene = scene_for(figure)
    s = scene.frame.scale
    for phase in (0.0, 0.25, 0.85, 0.95):  # moving: while it holds, a stopwatch shows
        drawing = scene.drawing(figure.at_phase(phase))
        line = next(sh for sh in drawing.shapes if sh.part == "cue:arrow")
        trunk = next(sh for sh in drawing.shapes if sh.part == "trunk")
        head_x, head_y = drawing.joints["head"]
        for x, y in line.points:
            assert not inside((x, y), trunk.points), (phase, "the arrow stays off the trunk")
            # beside the head, towards the feet, and no further than the mid-back
            assert math.dist((x, y), (head_x, head_y)) >= 12.0 * s, (phase, "off the face")
        x = line.points[0][0]
        assert head_x < x < drawing.joints["pelvis"][0], (phase, "between head and pelvis")
        assert abs(x - drawing.joints["l_shoulder"][0]) <= 14.0 * s, "over the shoulders"


def test_curl_up_near_elbow_lies_out_on_the_mat_in_sight() -> None:
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work):
        drawing = scene.drawing(pose)
        trunk = next(sh for sh in drawing.shapes if sh.part == "trunk")
        assert not inside(drawing.joints["l_elbow"], trunk.points), "the elbow is seen"
        points = solve(pose).points
        # beside the waist (clear of the trunk's half-width and the elbow's own
        # thickness), so the upper arm lies along the body instead of propping it up
        assert points["l_elbow"][2] >= 22.0, "out beside the body"
        assert abs(points["l_palm"][0] - points["spine1"][0]) <= 8.0, "hand under the low back"


def test_curl_up_texts_say_what_the_figure_shows() -> None:
    exercise = EXERCISES["curl-up"]
    start, lift, stay = exercise.start, exercise.steps[0], exercise.steps[1]
    for words, text in (
        (("under", "lower back", "elbows", "next to your waist"), start.en),
        (("onder", "onderrug", "ellebogen", "naast je middel"), start.nl),
        # the head moves with the upper back, in one piece, and only a little
        (("together", "upper back", "shoulder blades", "neck", "chin", "few centimetres"), lift.en),
        (("samen", "bovenrug", "schouderbladen", "nek", "kin", "paar centimeter"), lift.nl),
        (("Stay up", "lower back stays on your hands"), stay.en),
        (("Blijf", "onderrug blijft op je handen"), stay.nl),
    ):
        for word in words:
            assert word in text, word


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_neck_stays_in_line_with_the_upper_back_all_the_way(mirrored: bool) -> None:
    """The head rose with a 6 degree nod off the back and read as bending the neck."""
    figure = figure_of("curl-up")
    for i in range(25):
        points = solve(figure.at_phase(i / 24, mirrored=mirrored)).points
        assert abs(_bend(points)) <= 2.5, (i, round(_bend(points), 1), "no nod, no poke")
    work = solve(figure.work).points
    assert 0.0 <= _bend(work) <= 2.0, "at the top the head just continues the upper back"
    # the top of the neck lies on the line of the upper back (spine3 -> c7) carried on
    a, b, c = work["spine3"], work["c7"], work["neck_top"]
    ux, uy = b[0] - a[0], b[1] - a[1]
    off = ((c[0] - a[0]) * uy - (c[1] - a[1]) * ux) / math.hypot(ux, uy)
    assert abs(off) <= 0.6, f"the neck top sits {off:.1f} cm off the upper back's line"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_lifted_face_looks_towards_the_knees_not_back(mirrored: bool) -> None:
    """A face looking up has its eye and no nose (FACE_UP). With the eye towards the crown,
    the lifted head read as "tipped back, chin poking" in the still picture; with the eye
    past the top of the head on the feet's side it "points slightly towards the knees"."""
    figure = figure_of("curl-up")
    drawing = scene_for(figure).drawing(figure.work.mirrored() if mirrored else figure.work)
    head = next(s for s in drawing.shapes if s.part == "head")
    ((hx, hy),), r = head.points, head.size[0]
    ((ex, ey),) = next(s for s in drawing.shapes if s.part == "eye").points
    feet = 1.0 if drawing.joints["l_ankle"][0] > hx else -1.0
    assert (ex - hx) * feet >= 0.2 * r, "on the knees' side of the top of the head"
    assert ey < hy, "in its upper half (view y grows down)"
    assert not any(s.part == "head:nose" for s in drawing.shapes)


@pytest.mark.parametrize("phase", [0.0, 0.5])
def test_curl_up_near_forearm_goes_in_under_the_low_back(phase: float) -> None:
    """Drawn in front, the forearm ended on the trunk's side and read as a hand on the waist:
    it is drawn behind the trunk, seen on the mat from the elbow until it goes in under the
    trunk's lower edge."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    drawing = scene.drawing(figure.at_phase(phase))
    order = [shape.part for shape in drawing.shapes]
    shapes = _shapes(drawing)
    # the near arm, blue apart from the trunk (Figure.tinted; the mid tone before)
    assert next(s.role for s in drawing.shapes if s.part == "l_elbow") == "tint_near"
    assert order.index("l_elbow") < order.index("trunk"), "the forearm goes under the trunk"
    assert order.index("l_wrist") < order.index("trunk"), "so does the hand"
    assert order.index("l_shoulder") > order.index("trunk"), "the upper arm lies in front"
    elbow, wrist = drawing.joints["l_elbow"], drawing.joints["l_wrist"]
    assert not inside(elbow, shapes["trunk"]), "the elbow is out on the mat beside the body"
    seen = math.dist(elbow, wrist) / scene.frame.scale
    # from higher up it runs across the mat; from the plain side it points into the
    # picture, in under the back, and is seen shortened (straight in from the elbow beside
    # the waist, mostly hidden behind the elbow and the hand)
    least = 13.0 if CAMERA_ANGLES[figure.camera][1] >= 18.0 else 3.0
    assert seen >= least, f"{seen:.0f} cm of forearm seen on the mat"
    points = solve(figure.at_phase(phase)).points
    for side in "lr":
        assert abs(points[f"{side}_palm"][0] - points["spine1"][0]) <= 8.0, "under the low back"
        assert abs(points[f"{side}_palm"][2]) <= 10.0, "across the spine"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_far_elbow_peeks_out_beyond_the_body(mirrored: bool) -> None:
    """Both elbows out on the mat, both hands under the back: the far arm shows too (from
    higher up; seen from the plain side the body hides it)."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    if CAMERA_ANGLES[figure.camera][1] < 18.0:
        # seen from the side just above the mat the body hides it: it lies behind the trunk
        drawing = scene.drawing(figure.at_phase(0.0, mirrored=mirrored))
        order = [shape.part for shape in drawing.shapes]
        for part in ("r_elbow", "r_wrist"):
            assert next(x.role for x in drawing.shapes if x.part == part) == "tint_far"
            assert order.index(part) < order.index("trunk"), part
        return
    for phase in (0.0, 0.25, 0.5):
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        covers = [
            shape.points
            for shape in drawing.shapes
            if shape.part in ("trunk", "head", "neck") or shape.role == "near"
        ]
        far = next(s for s in drawing.shapes if s.part == "r_elbow")
        assert far.role == "tint_far"
        out = [p for p in far.points if not any(inside(p, c) for c in covers)]
        assert len(out) >= 3, (phase, "the far forearm's elbow end is seen")


def test_curl_up_straight_leg_near_bent_knee_far_and_both_in_sight() -> None:
    """The straight far leg was easy to miss behind the bent near one: the straight leg
    now lies nearest the camera (dark), the bent knee stands up behind it, its foot flat
    on the mat and not hidden behind the near leg (seen from the plain side,
    the foot goes behind the long near leg; the shin coming down to it shows)."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work):
        points = solve(pose).points
        assert points["r_knee"][1] - points["r_hip"][1] >= 25.0, "the far knee is up"
        assert abs(points["l_ankle"][1] - points["l_hip"][1]) <= 8.0, "the near leg is long"
        assert points["l_ankle"][2] > points["r_ankle"][2], "the long leg is the near one"
        drawing = scene.drawing(pose)
        roles = {s.part: s.role for s in drawing.shapes}
        assert roles["l_hip"] == "near"
        assert roles["r_hip"] == "far"
        shapes = _shapes(drawing)
        near_leg = [shapes[p] for p in ("l_hip", "l_knee", "l_heel")]
        knee, ankle = drawing.joints["r_knee"], drawing.joints["r_ankle"]
        shin = ((knee[0] + ankle[0]) / 2, (knee[1] + ankle[1]) / 2)
        seen = [("r_knee", knee), ("r_shin", shin)]
        if CAMERA_ANGLES[figure.camera][1] >= 18.0:
            seen.append(("r_ankle", ankle))
        for joint, point in seen:
            assert not any(inside(point, leg) for leg in near_leg), joint


def test_curl_up_second_side_far_straight_leg_is_in_sight() -> None:
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    drawing = scene.drawing(figure.at_phase(0.0, mirrored=True))
    shapes = _shapes(drawing)
    near = [s.points for s in drawing.shapes if s.role == "near" or s.part == "trunk"]
    assert {s.part: s.role for s in drawing.shapes}["r_knee"] == "far"
    ankle = drawing.joints["r_ankle"]
    assert not any(inside(ankle, c) for c in near), "the far foot end of the long leg shows"
    assert shapes["r_knee"], "the far shin is drawn"


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
    shares = []
    for phase in (figure.work_at + 0.05, (figure.work_at + hold.at) / 2, hold.at - 0.01):
        pose = figure.at_phase(phase)
        assert pose.without_cues() == figure.work, phase
        shares.append(pose.hold)
    assert shares == sorted(shares)
    assert shares[0] > 0.0
    assert shares[1] == pytest.approx(0.5)


def test_curl_up_in_the_player_the_way_down_starts_after_the_pause_not_in_it() -> None:
    """Released from a hold, the figure lowers over the whole move time instead of first
    sitting out the pause written into the loop and then dropping."""
    figure = figure_of("curl-up")
    hold = next(k for k in figure.keyframes if k.name.endswith("_hold"))
    assert figure.release_at == hold.at
    assert figure.pose_at(Motion.RELEASE, 0.0, 10.0).without_cues() == figure.work
    start = solve(figure.start).points
    top = solve(figure.work).points
    for share in (0.2, 0.4):
        points = solve(figure.pose_at(Motion.RELEASE, share * MOVE_S, 10.0)).points
        down = (top["c7"][1] - points["c7"][1]) / (top["c7"][1] - start["c7"][1])
        assert 0.02 <= down <= 0.9, (share, round(down, 2), "already on the way down")
    assert figure.pose_at(Motion.RELEASE, MOVE_S, 10.0).without_cues() == figure.start
    # a figure without such a pause releases from its work pose, as before
    bridge = figure_of("glute-bridge")
    assert bridge.release_at == bridge.work_at


def test_curl_up_head_and_shoulders_lift_as_one_block_the_shoulder_blades_clear() -> None:
    """A small curl read as a neck lift: the upper back curls and the shoulders rise
    clearly, the head staying in line with them."""
    figure = figure_of("curl-up")
    start, work = solve(figure.start).points, solve(figure.work).points
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


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_near_upper_arm_lies_along_the_body_not_propping(mirrored: bool) -> None:
    """Seen from the side, an upper arm dropping steeply from the lifted shoulder to an
    elbow under it reads as a prop: the elbow lies well towards the feet, beside the waist,
    and the drawn upper arm slopes gently."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for phase in (0.0, 0.25, 0.5):
        points = solve(figure.at_phase(phase, mirrored=mirrored)).points
        near = "l_" if points["l_elbow"][2] > points["r_elbow"][2] else "r_"  # camera side
        shoulder, elbow = points[near + "shoulder"], points[near + "elbow"]
        assert elbow[0] - shoulder[0] >= 23.0, (phase, "the elbow lies beside the waist")
        assert abs(elbow[0] - points["spine1"][0]) <= 7.0, (phase, "level with the low back")
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        (sx, sy), (ex, ey) = drawing.joints[near + "shoulder"], drawing.joints[near + "elbow"]
        slope = math.degrees(math.atan2(ey - sy, ex - sx))
        assert 0.0 < slope <= 38.0, (phase, f"the upper arm slopes {slope:.0f} degrees")


def test_curl_up_elbows_stay_on_the_mat_all_the_way() -> None:
    figure = figure_of("curl-up")
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    for i in range(25):
        points = solve(figure.at_phase(i / 24)).points
        for side in "lr":
            lift = points[f"{side}_elbow"][1] - CONTACT_POINTS[f"{side}_elbow"] - mat_top
            assert lift <= 1.5, (i, side, round(lift, 1), "the elbows rest, they do not push")


@pytest.mark.parametrize("phase", [0.0, 0.5])
def test_curl_up_forearm_goes_straight_in_not_along_the_mat(phase: float) -> None:
    """A forearm lying on the mat towards the feet is the prop's picture: it runs straight
    in under the back, seen end-on and short."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    points = solve(figure.at_phase(phase)).points
    elbow, wrist = points["l_elbow"], points["l_wrist"]
    assert abs(wrist[0] - elbow[0]) <= 5.0, "across the body, not along it"
    assert elbow[2] - wrist[2] >= 22.0, "in under the back"
    drawing = scene.drawing(figure.at_phase(phase))
    seen = math.dist(drawing.joints["l_elbow"], drawing.joints["l_wrist"]) / scene.frame.scale
    assert seen <= 8.0, f"{seen:.1f} cm of forearm seen"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_hand_under_the_back_is_drawn_shaded_and_seen(mirrored: bool) -> None:
    """The near hand under the back takes the lighter tone, so it does not continue the
    arm like a forearm on the mat; the rest of the near arm keeps the arm's own tone."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for phase in (0.0, 0.5):
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        roles = {shape.part: shape.role for shape in drawing.shapes}
        near = "l_" if roles["l_shoulder"] == "tint_near" else "r_"
        # blue (Figure.tinted), the near arm's tone and the far one's for the hand
        assert roles[near + "shoulder"] == roles[near + "elbow"] == "tint_near", "the arm"
        assert roles[near + "wrist"] == "tint_far", "the hand lies in the back's shade"
        trunk = next(s for s in drawing.shapes if s.part == "trunk").points
        hand = next(s for s in drawing.shapes if s.part == near + "wrist").points
        seen = [p for p in hand if not inside(p, trunk)]
        assert len(seen) >= len(hand) // 2, (phase, "the hand is seen under the back")
        elbow_x = drawing.joints[near + "elbow"][0]
        assert max(x for x, _ in hand) > elbow_x + 3.0 * scene.frame.scale, "past the elbow"


def test_a_near_hand_not_under_the_back_keeps_the_near_tone() -> None:
    for exercise_id in ("glute-bridge", "dead-bug", "pelvic-tilt", "knee-rocking"):
        figure = figure_of(exercise_id)
        scene = scene_for(figure)
        drawing = scene.drawing(figure.at_phase(0.0))
        roles = {shape.part: shape.role for shape in drawing.shapes}
        near = "l_" if roles.get("l_hip") == "near" else "r_"
        assert roles[near + "wrist"] == roles[near + "shoulder"], exercise_id


def test_curl_up_upper_back_curls_30_degrees_with_the_head_exactly_in_line() -> None:
    figure = figure_of("curl-up")
    start, work = solve(figure.start).points, solve(figure.work).points
    upper = _rise(work["spine3"], work["c7"])
    assert 28.5 <= upper <= 30.0, f"the upper back curls {upper:.0f} degrees"
    bend = _rise(work["c7"], work["neck_top"]) - upper
    assert 0.0 <= bend <= 1.5, f"the head follows the upper back ({bend:.1f} degrees)"
    shoulders = (work["l_shoulder"][1] - start["l_shoulder"][1], work["c7"][1] - start["c7"][1])
    assert shoulders[0] >= 8.0, "the shoulders come up clearly"
    assert shoulders[1] >= 10.0, "the top of the upper back comes up clearly"
