"""Figures lying on the back: dead bug, belly breathing, pelvic tilt and curl-up read as taught."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import HEAD_RADIUS, Pose, Vec, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import VIEW_H, VIEW_W, FigureScene, Shape, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import face_probes, figure_of, inside

SUPINE = ("dead-bug", "diaphragmatic-breathing", "pelvic-tilt", "curl-up")

THUMB_PX_PER_UNIT = min(160 / VIEW_W, 120 / VIEW_H)
"""The library thumbnail (about 160x120 px) shows the 240x160 view at this scale."""

# Half-thickness (cm) of the drawn trunk front to back at each spine point, as
# figure_drawing draws it: the skin under the back.
TRUNK_DEPTH = {"pelvis": 11.0, "spine0": 10.5, "spine1": 10.0, "spine2": 10.5, "spine3": 12.0}
DRAWN_HAND_HALF_CM = 3.1
"""Half the thickness of the drawn hand (figure_drawing's wrist-to-hand capsule)."""


def _angle(a: Vec, b: Vec, c: Vec) -> float:
    """The angle at b (degrees) between b->a and b->c: 180 is a straight limb."""
    u = [a[i] - b[i] for i in range(3)]
    v = [c[i] - b[i] for i in range(3)]
    dot = sum(x * y for x, y in zip(u, v, strict=True))
    return math.degrees(math.acos(dot / (math.hypot(*u) * math.hypot(*v))))


def _tilt(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b tips from level, seen from the side."""
    return math.degrees(math.atan2(abs(b[1] - a[1]), math.hypot(b[0] - a[0], b[2] - a[2])))


@pytest.mark.parametrize("exercise_id", SUPINE)
def test_lying_on_the_back_on_a_mat_seen_from_the_side(exercise_id: str) -> None:
    figure = figure_of(exercise_id)
    assert figure.position == "supine"
    assert figure.camera in ("side", "side_low", "side_raised"), "up and down: the side shows it"
    mats = [p for p in figure.props if p.kind is PropKind.MAT]
    assert len(mats) == 1
    mat = mats[0]
    for _, pose in figure.poses:
        points = solve(pose).points
        for name in ("pelvis", "spine3", "head"):
            assert mat.x <= points[name][0] <= mat.x + mat.w, f"the mat lies under the {name}"


def test_dead_bug_heel_slides_along_the_mat_while_the_opposite_arm_floats_overhead() -> None:
    figure = figure_of("dead-bug")
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    start, work = solve(figure.start).points, solve(figure.work).points
    for side in "lr":
        # start: knees bent, both feet flat on the mat, both arms pointing up to the ceiling
        for end in ("heel_sole", "toe"):
            assert start[f"{side}_{end}"][1] - mat_top <= 2.0, f"{side} foot flat: {end}"
        assert _angle(start[f"{side}_hip"], start[f"{side}_knee"], start[f"{side}_ankle"]) < 110
        assert start[f"{side}_hand"][1] - start[f"{side}_shoulder"][1] >= 55, side
        assert abs(start[f"{side}_hand"][0] - start[f"{side}_shoulder"][0]) <= 12, side
    # work: the near (left) heel has slid away along the mat until the leg is long ...
    assert _angle(work["l_hip"], work["l_knee"], work["l_ankle"]) > 165, "the leg is long"
    slide = work["l_heel_sole"][0] - start["l_heel_sole"][0]
    assert slide >= 25, f"the heel slides only {slide:.0f} cm"
    # ... with the heel on the mat all the way, out and back (it slides, it never hovers)
    for i in range(25):
        points = solve(figure.at_phase(i / 24)).points
        assert points["l_heel_sole"][1] - mat_top == pytest.approx(0.0, abs=1.0), i / 24
    # while the opposite (far, right) arm floats from above the shoulder to beyond the head
    assert work["r_hand"][0] < work["head"][0] - HEAD_RADIUS, "the hand is beyond the head"
    back = math.degrees(
        math.atan2(
            work["r_shoulder"][0] - work["r_hand"][0], work["r_hand"][1] - work["r_shoulder"][1]
        )
    )
    assert back >= 45, f"the arm tips only {back:.0f} degrees back from pointing up"
    # the other pair stays where it started: the arm points up, the foot flat
    assert work["l_hand"][1] - work["l_shoulder"][1] >= 55, "the other arm still points up"
    for name in ("r_heel_sole", "r_toe", "r_knee", "l_hand"):
        assert math.dist(work[name], start[name]) <= 0.5, name
    # the back stays on the mat
    for name in ("pelvis", "spine1", "spine3"):
        assert work[name][1] == pytest.approx(start[name][1], abs=0.5), name


def test_dead_bug_second_side_moves_the_other_pair_and_both_read_in_the_drawing() -> None:
    figure = figure_of("dead-bug")
    other = solve(figure.work.mirrored()).points
    assert other["l_hand"][0] < other["head"][0] - HEAD_RADIUS
    assert _angle(other["r_hip"], other["r_knee"], other["r_ankle"]) > 165
    assert other["r_hand"][1] - other["r_shoulder"][1] >= 55
    scene = scene_for(figure)
    for pose, arm in ((figure.work, "r_"), (figure.work.mirrored(), "l_")):
        drawing = scene.drawing(pose)
        head = next(s for s in drawing.shapes if s.kind == "circle" and s.role == "near")
        skeleton = solve(pose)
        cam, frame = scene.camera, scene.frame
        u, v, _ = cam.project(skeleton.points[arm + "hand"])
        hand = (frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale)
        clear = math.dist(hand, head.points[0]) - head.size[0]
        assert clear * THUMB_PX_PER_UNIT >= 6, "the hand overhead shows past the head"
    # a plain side view: no wide shadow spread over the floor
    shadow = next(s for s in scene.drawing(figure.start).shapes if s.role == "shadow")
    assert shadow.size[1] <= 6.0 * scene.frame.scale


def _trunk_top(shapes: tuple[Shape, ...], x: float) -> float:
    """Screen y of the top of the drawn trunk outline at screen x (y grows down)."""
    trunk = next(s for s in shapes if s.part == "trunk")
    ys = [
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in zip(
            trunk.points, trunk.points[1:] + trunk.points[:1], strict=True
        )
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    ]
    return min(ys)


def _hand_gaps(figure: Figure, pose: Pose, point: str = "palm") -> dict[str, float]:
    """How far (cm) the drawn underside of each hand lies above the drawn trunk under its palm
    (or under its fingertips, `point="hand"`)."""
    scene = scene_for(figure)
    cam, frame = scene.camera, scene.frame
    shapes = scene.drawing(pose).shapes
    points = solve(pose).points
    gaps = {}
    for side in "lr":
        u, v, _ = cam.project(points[f"{side}_{point}"])
        x, y = frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale
        gaps[side] = (_trunk_top(shapes, x) - y) / frame.scale - DRAWN_HAND_HALF_CM
    return gaps


def test_belly_breathing_one_hand_on_the_chest_one_on_the_belly_lying_flat() -> None:
    figure = figure_of("diaphragmatic-breathing")
    # the whole breath, in and out again: the hands never float off the body
    for i in range(24):
        pose = figure.at_phase(i / 24)
        for side, gap in _hand_gaps(figure, pose).items():
            # a resting hand may sink a little into the drawn (smoothed) belly, never float;
            # the chest is drawn a centimetre deeper in front since the back follows the spine
            assert -3.5 <= gap <= 0.5, f"{side} hand {gap:.1f} cm off the body at {i}/24"
        assert {"l_heel", "r_heel"} <= {name for name, _ in pose.contacts}, "heels on the mat"
        for side, gap in _hand_gaps(figure, pose, "hand").items():
            # the fingertips lie on the body too: the hand does not point up into the air
            assert gap <= 0.0, f"{side} fingertips {gap:.1f} cm off the body at {i}/24"
    for pose in (figure.start, figure.work):
        points = solve(pose).points
        # the far (right) hand on the belly, below the ribs, drawn on top of it; the
        # near (left) hand on the upper chest by the breastbone (the head lies towards -x)
        assert points["spine2"][0] + 5 <= points["r_palm"][0] <= points["spine0"][0]
        assert points["spine3"][0] - 8 <= points["l_palm"][0] <= points["spine2"][0] - 5
        assert points["r_palm"][0] - points["l_palm"][0] >= 14, "two places, clearly apart"
        # both hands lie along the body; the near elbow stays low by the side (its forearm
        # comes up onto the belly from beside the waist, not from out on the floor)
        for side in "lr":
            assert _tilt(points[f"{side}_wrist"], points[f"{side}_hand"]) <= 25, side
        assert points["l_elbow"][1] <= 17.0, "the near elbow stays low by the side"
        assert abs(points["r_elbow"][0] - points["r_palm"][0]) <= 8, "forearm beside the waist"
    start = solve(figure.start).points
    assert start["l_elbow"][1] <= 9.0, "at rest the near elbow lies on the mat"


def test_belly_breathing_the_belly_hand_rises_clearly_and_the_chest_hand_stays() -> None:
    figure = figure_of("diaphragmatic-breathing")
    start, work = solve(figure.start).points, solve(figure.work).points
    belly_rise = work["r_palm"][1] - start["r_palm"][1]
    chest_move = math.dist(work["l_palm"], start["l_palm"])
    assert belly_rise >= 9.0, f"the belly hand rises only {belly_rise:.1f} cm"
    assert chest_move <= 0.5, "the chest hand stays where it is"
    scene = scene_for(figure)
    scale = scene.frame.scale
    assert belly_rise * scale * THUMB_PX_PER_UNIT >= 6.0, "the rise shows on a thumbnail"
    assert figure.work.breath - figure.start.breath >= 0.9, "the belly fills"
    # the drawn belly itself rises as much as the hand on it, larger than other figures
    assert figure.breath_cm >= 11.0
    x = _screen_x(scene, start["r_palm"])
    tops = [_trunk_top(scene.drawing(p).shapes, x) for p in (figure.start, figure.work)]
    assert (tops[0] - tops[1]) / scale >= 9.0, "the belly outline rises clearly"
    # only the breath moves: trunk, legs and head stay put
    for name in ("pelvis", "spine1", "spine3", "head", "l_knee", "r_knee"):
        assert math.dist(work[name], start[name]) <= 0.5, name


def _screen_x(scene: FigureScene, point: Vec) -> float:
    u, _, _ = scene.camera.project(point)
    return scene.frame.offset_x + u * scene.frame.scale


def test_pelvic_tilt_reads_on_a_thumbnail_the_pelvis_rocks_and_the_rest_stays() -> None:
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    arched = figure.pose("arch")  # round 12: start, flat, arch (the start between them)
    flat, arch = solve(figure.work), solve(arched)
    gap = arch.points["spine1"][1] - TRUNK_DEPTH["spine1"] - mat_top
    assert gap * scene.frame.scale * THUMB_PX_PER_UNIT >= 4.0, "a gap under the low back"
    # the gap is at the lower back just above the pelvis, not under the belly or chest
    cam, frame = scene.camera, scene.frame
    for pose, skeleton in ((arched, arch), (figure.work, flat)):
        x, _, z = skeleton.points["spine1"]
        u, v, _ = cam.project((x, mat_top + 2.0, z))
        probe = (frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale)
        trunk = next(s for s in scene.drawing(pose).shapes if s.part == "trunk")
        if pose is figure.work:
            assert inside(probe, trunk.points), "flat: the low back lies on the mat"
        else:
            assert not inside(probe, trunk.points), "arched: the mat shows under the back"
    lowest_gap = max(
        ("spine0", "spine1", "spine2", "spine3"),
        key=lambda n: arch.points[n][1] - TRUNK_DEPTH.get(n, 10.0),
    )
    assert lowest_gap in ("spine0", "spine1", "spine2"), "the lift is at the lumbar spine"
    # the pelvis visibly rocks: the thin line across its top turns
    marks = {}
    for name, pose in (("flat", figure.work), ("arch", arched)):
        shapes = {s.part: s for s in scene.drawing(pose).shapes}
        rim = shapes["pelvis:rim"].points
        marks[name] = (
            rim[-1],
            math.degrees(math.atan2(rim[-1][1] - rim[0][1], rim[-1][0] - rim[0][0])),
        )
    moved = math.dist(marks["flat"][0], marks["arch"][0]) / frame.scale
    assert moved * frame.scale * THUMB_PX_PER_UNIT >= 4.0, f"hip bone moves {moved:.1f} cm"
    assert abs(marks["flat"][1] - marks["arch"][1]) >= 30.0, "the pelvis rim turns"
    assert figure.work.turn[1] - arched.turn[1] >= 40
    # the belly keeps its shape (no breathing bulge) while the pelvis moves
    assert len({k.pose.breath for k in figure.keyframes}) == 1, "the belly outline stays"
    # feet, head, shoulders, chest and the arms stay where they are: the arch is lumbar
    # only (the chest and ribs stay flat on the mat), the arms rest out on the mat, so no
    # arm lies over the trunk or the low back
    base = solve(figure.start).points

    def chest_slope(points: dict[str, Vec]) -> float:
        return math.degrees(
            math.atan2(points["c7"][1] - points["spine2"][1], points["spine2"][0] - points["c7"][0])
        )

    heights: dict[str, list[float]] = {"c7": [], "spine3": [], "spine1": []}
    for pose in (figure.at_phase(i / 24) for i in range(24)):
        points = solve(pose).points
        for name in ("l_ankle", "r_ankle", "head", "l_shoulder", "r_shoulder", "c7"):
            assert math.dist(points[name], base[name]) <= 6.0, name
        for name, seen in heights.items():
            seen.append(points[name][1])
        assert abs(chest_slope(points) - chest_slope(base)) <= 15.0, "the chest stays flat"
        for side in "lr":
            assert points[f"{side}_elbow"][1] - mat_top <= 9.0, "the elbow rests low"
        # round 14: the far hand rests out on the mat, away from the body; round 15: the
        # near hand rests low on the ribs, its elbow on the mat out beside the chest (the
        # near arm does not lie over the hollow under the low back)
        assert points["r_palm"][1] - mat_top <= 5.5, "the far hand on the mat"
        assert abs(points["r_palm"][2]) >= 45.0, "the far hand out to the side"
        assert points["l_palm"][1] - mat_top <= 22.0, "the near hand low on the ribs"
        assert abs(points["l_elbow"][2]) >= 35.0, "the near elbow out beside the chest"
    rise = {name: max(seen) - min(seen) for name, seen in heights.items()}
    assert rise["c7"] <= 1.5, "the upper back stays down"
    assert rise["spine1"] >= 7.0, "the low back lifts and flattens"
    assert rise["spine3"] <= 0.5 * rise["spine1"], "the ribs move far less than the low back"
    # the pelvis is a thin line across its top (no bowl, no disc that reads as a belt), over
    # the thigh's root; it turns with the tilt
    turns = []
    for pose in (figure.work, arched):
        drawing = scene.drawing(pose)
        shapes = {s.part: s for s in drawing.shapes}
        rim = shapes["pelvis:rim"]
        assert (rim.kind, rim.role) == ("line", "outline")
        assert not any(s.role == "focus" for s in drawing.shapes)
        order = [s.part for s in drawing.shapes]
        assert order.index("pelvis:rim") > order.index("l_hip"), "the pelvis over the thigh"
        # the low-back gap is clear of every arm
        x, _, z = solve(pose).points["spine1"]
        u, v, _ = cam.project((x, mat_top + 2.0, z))
        gap = (frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale)
        for side in "lr":
            for part in ("shoulder", "elbow", "wrist"):
                assert not inside(gap, shapes[f"{side}_{part}"].points), f"{part} over the gap"
        turns.append(rim.points[0][0] - drawing.joints["pelvis"][0])
    assert abs(turns[0] - turns[1]) / frame.scale >= 4.0, "the pelvis top swings"


def _chin_tuck(points: dict[str, Vec]) -> float:
    """How far (degrees) the face turns from square to the upper back towards the knees.

    0 is a neutral neck, positive a tucked chin (eyes towards the knees), negative the
    chin poking up. The head lies towards -x, the feet towards +x.
    """
    dx, dy = points["c7"][0] - points["spine3"][0], points["c7"][1] - points["spine3"][1]
    fx, fy = points["face"][0] - points["head"][0], points["face"][1] - points["head"][1]
    return math.degrees(math.atan2(-dx, dy) - math.atan2(fy, fx))


def test_curl_up_head_rests_then_lifts_in_line_with_the_upper_back() -> None:
    figure = figure_of("curl-up")
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    start, work = solve(figure.start).points, solve(figure.work).points
    assert start["head"][1] - HEAD_RADIUS - mat_top == pytest.approx(0.0, abs=1.0), "head down"
    # shoulders 8-10 cm up, as the words' "a few centimetres" look on a thumbnail; the
    # head, at the end of the curled upper back, goes up some 25 cm with them
    lift = work["head"][1] - start["head"][1]
    assert 10.0 <= lift <= 28.0, f"head lifts {lift:.1f} cm: a little, not a sit-up"
    # the neck stays in line: head and upper back bend as one, the chin neither tucked hard
    # nor poking up
    upper_back = _angle(work["spine3"], work["c7"], work["neck_top"])
    assert upper_back >= 160, f"the neck bends {180 - upper_back:.0f} degrees off the back"
    for points in (start, work):
        knees = sorted(
            _angle(points[f"{side}_hip"], points[f"{side}_knee"], points[f"{side}_ankle"])
            for side in "lr"
        )
        assert knees[0] < 110, "one knee up"
        assert knees[1] > 170, "one leg long"


def test_curl_up_head_and_shoulders_lift_together_chin_tucked_and_clear_on_a_thumbnail() -> None:
    figure = figure_of("curl-up")
    scale = scene_for(figure).frame.scale * THUMB_PX_PER_UNIT
    start, work = solve(figure.start).points, solve(figure.work).points

    def shoulders(points: dict[str, Vec]) -> float:
        return (points["l_shoulder"][1] + points["r_shoulder"][1]) / 2

    top_shoulders = shoulders(work) - shoulders(start)
    top_head = work["head"][1] - start["head"][1]
    # a small lift, not a crunch: the shoulder blades clearly clear the mat (7-10 cm), the
    # upper trunk tips up at most 25 degrees
    assert 5.5 <= top_shoulders <= 10.0, f"the shoulders rise {top_shoulders:.1f} cm"
    trunk = math.degrees(
        math.atan2(work["c7"][1] - work["spine2"][1], work["spine2"][0] - work["c7"][0])
    )
    assert trunk <= 25.0, f"the upper trunk tips up {trunk:.0f} degrees: a sit-up"
    assert top_shoulders * scale >= 4.0, "the lift shows on a 160x120 thumbnail"
    # the upper back curls off the mat (shoulder blades up), the lower back stays down
    assert work["spine3"][1] - start["spine3"][1] >= 2.0, "the shoulder blades leave the mat"
    assert work["spine1"][1] - start["spine1"][1] <= 0.5, "the lower back stays on the hands"
    assert 0.0 <= _chin_tuck(work) <= 25.0, f"chin tuck {_chin_tuck(work):.0f} degrees at the top"
    tuck = _chin_tuck(start)
    for i in range(25):
        points = solve(figure.at_phase(i / 24)).points
        head = (points["head"][1] - start["head"][1]) / top_head
        up = (shoulders(points) - shoulders(start)) / top_shoulders
        # one piece: the head never goes up (or comes down) ahead of the shoulders
        assert abs(head - up) <= 0.1, (i, round(head, 2), round(up, 2))
        # the resting head may lie with the chin a touch up; lifting never tips it back
        assert _chin_tuck(points) >= -5.0, (i, round(_chin_tuck(points)))
        if up > 0.25:
            # the neck stays in line (a resting chin a degree or two up may stay so)
            assert _chin_tuck(points) >= -2.0, ("the chin pokes up on the way", i)
        if i <= 12:
            # on the way up the chin only ever comes (a little) towards the chest
            assert _chin_tuck(points) >= tuck - 0.01, ("the head tips back on the way up", i)
            tuck = _chin_tuck(points)
        for side in "lr":
            assert points[f"{side}_elbow"][1] <= 6.0, ("the elbows stay on the mat", i)


def _outline_ys(shape: Shape, x: float) -> list[float]:
    pts = shape.points
    return [
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True)
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    ]


def test_dead_bug_low_back_lies_on_the_mat_in_every_frame_on_both_sides() -> None:
    """No gap under the lumbar spine: the drawn back is flat on the mat, not arched."""
    figure = figure_of("dead-bug")
    scene = scene_for(figure)
    cam, frame = scene.camera, scene.frame
    for i in range(25):
        for mirrored in (False, True):
            pose = figure.at_phase(i / 24, mirrored=mirrored)
            shapes = scene.drawing(pose).shapes
            trunk = next(s for s in shapes if s.part == "trunk")
            mat = next(s for s in shapes if s.role == "mat")
            points = solve(pose).points
            under: dict[str, float] = {}
            for name in ("pelvis", "spine0", "spine1", "spine2", "spine3"):
                u, _, _ = cam.project(points[name])
                x = frame.offset_x + u * frame.scale
                # cm the drawn underside reaches into the mat band (0: touching its top)
                under[name] = (max(_outline_ys(trunk, x)) - min(_outline_ys(mat, x))) / frame.scale
            for name in ("spine0", "spine1", "spine2"):
                assert under[name] >= -1.0, (i, mirrored, name, round(under[name], 1))
            # and flat: the waist no higher off the mat than the line from seat to chest
            line = (under["pelvis"] + under["spine3"]) / 2
            assert under["spine1"] >= line - 0.5, (i, mirrored, round(under["spine1"] - line, 1))


def test_dead_bug_the_far_arm_overhead_passes_behind_the_face() -> None:
    """On the first side the reaching arm is the far one: where it crosses the face, it is
    drawn before the head, so the head and its eye cover it. (On the second side the near
    arm passes in front of the head: tests/core/test_figures_dead_bug.py.)"""
    figure = figure_of("dead-bug")
    scene = scene_for(figure)
    crossed = False
    for i in range(25):
        pose = figure.at_phase(i / 24)
        drawing = scene.drawing(pose)
        face = face_probes(scene, pose)
        limbs = [
            s
            for s in drawing.shapes
            if s.kind == "poly" and s.part in ("r_shoulder", "r_elbow", "r_wrist")
        ]
        assert limbs, "the arm is drawn"
        head = next(k for k, s in enumerate(drawing.shapes) if s.part == "head")
        for limb in limbs:
            if any(inside(p, limb.points) for p in face):
                assert drawing.shapes.index(limb) < head, ("over the face", i, limb.part)
                crossed = True
    assert crossed, "reaching back, the arm passes the face"


def test_a_figure_may_show_the_breath_larger_and_a_bad_amount_names_the_field() -> None:
    data = figure_of("diaphragmatic-breathing").to_dict()
    assert data["breath_cm"] == figure_of("diaphragmatic-breathing").breath_cm
    assert Figure.from_dict(data).breath_cm == data["breath_cm"], "round trip"
    assert "breath_cm" not in figure_of("pelvic-tilt").to_dict(), "the default is not written"
    for bad in (-1, 31, "big", True):
        data["breath_cm"] = bad
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict(data)
        assert caught.value.field == "figure.breath_cm"
