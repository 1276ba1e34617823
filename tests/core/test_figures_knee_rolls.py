"""Knee rolls: camera, the knees together falling to each side, arms, arrow, the texts."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, Pose, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    VIEW_W,
    Camera,
    Drawing,
    Point2,
    Shape,
    mirrors_view,
    scene_for,
)
from rugdiary.core.figures import PropKind, support_under
from tests.core.figure_geometry import EXERCISES, figure_of, inside, midpoint

FINE_PHASES = [i / 48 for i in range(48)]
LEGS = ("l_hip", "r_hip", "l_knee", "r_knee")
PHASES = [i / 24 for i in range(24)]


def _figure() -> Figure:
    return figure_of("knee-rolls")


def _key(figure: Figure, name: str) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == name)


def _knee_drop(points: dict[str, Vec], side: str | None = None) -> float:
    """Degrees a knee (or the knees' midpoint) has turned sideways off vertical about the hips."""
    if side is None:
        hip = midpoint(points["l_hip"], points["r_hip"])
        knee = midpoint(points["l_knee"], points["r_knee"])
    else:
        hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
    return math.degrees(math.atan2(knee[2] - hip[2], knee[1] - hip[1]))


def _knees_on_screen(drawing: Drawing) -> tuple[float, float]:
    (lx, ly), (rx, ry) = drawing.joints["l_knee"], drawing.joints["r_knee"]
    return ((lx + rx) / 2, (ly + ry) / 2)


def _head_box(head: Shape) -> tuple[Point2, ...]:
    (x, y), r = head.points[0], head.size[0]
    return ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))


def _settle(figure: Figure) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == "settle")


def _mid(a: Point2, b: Point2) -> Point2:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _knees(drawing: Drawing) -> Point2:
    return _mid(drawing.joints["l_knee"], drawing.joints["r_knee"])


def _side(pose: Pose, mirrored: bool) -> Pose:
    return pose.mirrored() if mirrored else pose


def _opening(hip: Point2, knee: Point2, ankle: Point2) -> float:
    """Degrees between the thigh and the shin on screen, at the knee."""
    a = (hip[0] - knee[0], hip[1] - knee[1])
    b = (ankle[0] - knee[0], ankle[1] - knee[1])
    cos = (a[0] * b[0] + a[1] * b[1]) / (math.hypot(*a) * math.hypot(*b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def test_knee_rolls_are_seen_from_above_the_feet_end_looking_along_the_body() -> None:
    # low and along the body the shin hid the thigh and the bent legs read as straight; from
    # a low corner the knees falling sideways looked like a leg sliding out. From above the
    # feet end the view is plain: the head at the top, the arms in a T across the picture,
    # and the knees sink to the left or right of it, the thighs and shins then showing as a V
    figure = _figure()
    assert figure.camera == "feet_end_above"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert yaw == 90.0, "straight along the body from the feet, not from a corner"
    assert 45.0 <= pitch <= 55.0, "high enough for the T, low enough that the knees rise"
    assert not mirrors_view(figure), "the second side is simply done the other way"
    camera = Camera.named(figure.camera)
    points = solve(figure.start).points
    feet = midpoint(points["l_ankle"], points["r_ankle"])
    along = (feet[0] - points["head"][0], feet[2] - points["head"][2])
    toward = camera.toward
    level = math.hypot(*along) * math.hypot(toward[0], toward[2])
    cos = (along[0] * toward[0] + along[1] * toward[2]) / level
    assert cos >= 0.97, "beyond the feet, straight along the body: both sides look alike"
    start, settle = (solve(p).points for p in (figure.start, _settle(figure)))
    sideways = (
        midpoint(settle["l_knee"], settle["r_knee"])[2]
        - midpoint(start["l_knee"], start["r_knee"])[2]
    )
    assert abs(sideways) >= 25.0
    # sideways in the world is across the picture, not into it
    assert abs(camera.toward[2]) < 0.01
    drawing = scene_for(figure).drawing(figure.start)
    joints = drawing.joints
    head = next(s for s in drawing.shapes if s.part == "head").points[0]
    # the head at the top of the picture, the feet at the bottom, the body upright in it
    assert head[1] < joints["c7"][1] < joints["pelvis"][1] < joints["l_ankle"][1]
    assert abs(head[0] - joints["pelvis"][0]) <= 2.0


def test_knee_rolls_start_with_the_knees_upright_and_together_and_the_feet_flat() -> None:
    figure = _figure()
    points = solve(figure.start).points
    assert abs(_knee_drop(points)) <= 5.0, "the knees point at the ceiling"
    assert math.dist(points["l_knee"], points["r_knee"]) <= 12.0, "knees together"
    # the feet a little apart (knees together, feet apart shows the bent knees
    # from the feet end), no wider than the hips
    assert math.dist(points["l_ankle"], points["r_ankle"]) <= 25.0, "feet a little apart"
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for side in "lr":
        assert points[f"{side}_sole"][1] == pytest.approx(mat.h, abs=0.5), "feet on the mat"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_knees_sink_well_over_to_one_side_together(mirrored: bool) -> None:
    figure = _figure()
    start = solve(figure.start).points
    sign = -1.0 if mirrored else 1.0
    for name, least, most in (("work", 60.0, 80.0), ("settle", 70.0, 85.0)):
        pose = _key(figure, name)
        points = solve(pose.mirrored() if mirrored else pose).points
        drops = [sign * _knee_drop(points, side) for side in "lr"]
        assert min(drops) >= least - 10.0, (name, [round(d) for d in drops])
        assert least <= sign * _knee_drop(points) <= most, (name, round(_knee_drop(points)))
        knees, first = (
            midpoint(points["l_knee"], points["r_knee"]),
            midpoint(start["l_knee"], start["r_knee"]),
        )
        # far over to the side and well down towards the mat (a roll, not a slide)
        assert sign * (knees[2] - first[2]) >= 30.0, (name, "sideways", round(knees[2], 1))
        assert first[1] - knees[1] >= 18.0, (name, "down", round(knees[1], 1))
    # the knees go on sinking a little while they stay for a breath
    work, settle = (solve(_key(figure, n)).points for n in ("work", "settle"))
    assert abs(_knee_drop(settle)) - abs(_knee_drop(work)) >= 5.0


def test_knee_rolls_knees_stay_together_all_the_way() -> None:
    figure = _figure()
    for mirrored in (False, True):
        for phase in FINE_PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            gap = math.dist(points["l_knee"], points["r_knee"])
            # two 5.5 cm thick knees side by side: touching, not passing through each other
            # (up to 17 with the feet a little apart)
            assert 10.0 <= gap <= 17.0, (phase, mirrored, round(gap, 1))
            drops = [_knee_drop(points, side) for side in "lr"]
            # with the feet a little apart the upper knee tips further than the
            # lower one, which keeps its foot nearer: still one unit, the knees touching
            assert abs(drops[0] - drops[1]) <= 32.0, (phase, "one unit, not one leg alone")


def test_knee_rolls_pelvis_rolls_with_the_knees_while_the_shoulders_stay_flat() -> None:
    figure = _figure()
    start = solve(figure.start).points
    settle = solve(_key(figure, "settle")).points
    # the pelvis rolls: the hip on the side the knees go to sinks, the other one lifts
    assert abs(_key(figure, "settle").turn[2]) >= 45.0
    assert abs(settle["l_hip"][1] - settle["r_hip"][1]) >= 12.0, "the hips roll"
    for mirrored in (False, True):
        for phase in FINE_PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for name in ("l_shoulder", "r_shoulder", "c7", "head"):
                assert abs(points[name][1] - start[name][1]) <= 1.0, (phase, name)
                assert math.dist(points[name], start[name]) <= 1.5, (phase, name, "lies still")
            for side in "lr":
                # the knees stay bent and the soles stay where they were on the mat
                assert math.dist(points[f"{side}_sole"], start[f"{side}_sole"]) <= 1.0
            # the down knee comes near the mat but does not go through it
            lowest = min(points[f"{s}_knee"][1] for s in "lr") - CONTACT_POINTS["l_knee"]
            assert lowest >= 5.0, (phase, round(lowest, 1))


def test_knee_rolls_arms_lie_out_in_a_t_on_the_mat() -> None:
    figure = _figure()
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for mirrored in (False, True):
        for phase in FINE_PHASES[::4]:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for side in "lr":
                shoulder, palm = points[f"{side}_shoulder"], points[f"{side}_palm"]
                angle = math.degrees(math.atan2(abs(palm[2] - shoulder[2]), palm[0] - shoulder[0]))
                assert 70.0 <= angle <= 95.0, (side, round(angle), "out to the side, a T")
                gap = palm[1] - CONTACT_POINTS["l_hand"] - support_under(figure.props, palm, False)
                assert abs(gap) <= 1.0, (phase, side, "the hand rests on the mat")
                for name in ("elbow", "wrist", "palm", "hand"):
                    x, y, z = points[f"{side}_{name}"]
                    assert y <= mat.h + 6.0, (name, "on the mat")
                    assert abs(z) <= mat.depth / 2 - 3.0, (name, "not off the mat's edge")
                    assert mat.x < x < mat.x + mat.w, name


def test_knee_rolls_on_screen_the_knees_go_well_across_the_picture() -> None:
    figure = _figure()
    scene = scene_for(figure)
    settle = _key(figure, "settle")
    first = _knees_on_screen(scene.drawing(figure.start))
    moved = _knees_on_screen(scene.drawing(settle))
    dx, dy = moved[0] - first[0], moved[1] - first[1]
    assert abs(dx) >= VIEW_W / 8, "across the picture: a roll a thumbnail shows"
    assert dy > 0, "and down, towards the mat"
    # the second side is the same roll, flipped left to right
    mirrored = _knees_on_screen(scene.drawing(settle.mirrored()))
    start_m = _knees_on_screen(scene.drawing(figure.start.mirrored()))
    assert mirrored[0] - start_m[0] == pytest.approx(-dx, abs=1.0)
    assert mirrored[1] - start_m[1] == pytest.approx(dy, abs=1.0)


def test_knee_rolls_arrow_curves_the_way_the_knees_sink_beside_the_legs() -> None:
    figure = _figure()
    arrow = figure.arrow
    assert arrow is not None
    assert arrow.shape == "arc", "a roll"
    assert not arrow.both, "one head, where the knees sink to"
    assert abs(arrow.size) >= 30.0, "as big as the knees' swing over"
    scene = scene_for(figure)
    for mirrored in (False, True):
        start_pose = figure.start.mirrored() if mirrored else figure.start
        settle = _key(figure, "settle")
        start = scene.drawing(start_pose)
        sunk = scene.drawing(settle.mirrored() if mirrored else settle)
        line = next(s for s in start.shapes if s.part == "cue:arrow").points
        # it runs the way the knees go: from their far side over them to the side they sink
        # to, and its head points down that way (over the knees, seen from a
        # corner, not from one end high to the other low beside them)
        (x0, y0), (x1, y1) = line[0], line[-1]
        knees, after = _knees_on_screen(start), _knees_on_screen(sunk)
        assert (x1 - x0) * (after[0] - knees[0]) > 0, "towards the side the knees sink to"
        tip, *base = next(s for s in start.shapes if s.part == "cue:head").points
        back = ((base[0][0] + base[1][0]) / 2, (base[0][1] + base[1][1]) / 2)
        assert math.dist(tip, (x1, y1)) < math.dist(tip, (x0, y0)), "its head at that end"
        assert tip[1] > back[1], "pointing down"
        # curved, bulging away from the knees' path's pivot, like the knees' swing
        middle = line[len(line) // 2]
        chord = ((x0 + x1) / 2, (y0 + y1) / 2)
        assert math.dist(middle, chord) >= 4.0, "curved"
        # beside the legs and the trunk, not drawn over them, near the knees (it
        # rises from beside the knees, so the sunk thighs pass under its first part)
        for drawing, parts in ((start, (*LEGS, "trunk")), (sunk, ("l_knee", "r_knee", "trunk"))):
            for shape in drawing.shapes:
                if shape.part in parts:
                    clear = [p for p in line[2:-2] if inside(p, shape.points)]
                    assert not clear, (mirrored, shape.part)
        nearest = min(math.dist(p, knees) for p in line)
        assert nearest <= VIEW_W / 7, "close enough to read as the knees' arrow"


def test_knee_rolls_face_looks_up_throughout() -> None:
    # seen from high above the feet end the face looks up at the viewer: two eyes and no
    # nose (from the low views before, a nose pointing up the picture)
    figure = _figure()
    scene = scene_for(figure)
    for mirrored in (False, True):
        for phase in FINE_PHASES[::3]:
            drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
            head = next(s for s in drawing.shapes if s.part == "head")
            assert not any(s.part == "head:nose" for s in drawing.shapes), phase
            eyes = [
                s
                for s in drawing.shapes
                if s.kind == "circle" and s is not head and inside(s.points[0], _head_box(head))
            ]
            assert len(eyes) == 2, (phase, mirrored)
            assert abs(eyes[0].points[0][1] - eyes[1].points[0][1]) <= 1.0, "level: face up"


def test_knee_rolls_feet_stay_flat_on_the_mat_and_the_knees_bent() -> None:
    figure = _figure()
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for mirrored in (False, True):
        for phase in PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for side in "lr":
                for name in ("sole", "heel_sole"):
                    y = points[f"{side}_{name}"][1]
                    assert y == pytest.approx(mat.h, abs=1.5), (phase, side, name)
                hip, knee, ankle = (points[f"{side}_{n}"] for n in ("hip", "knee", "ankle"))
                # bent well past a right angle all the way: the thigh and shin close to a V
                thigh = tuple(h - k for h, k in zip(hip, knee, strict=True))
                shin = tuple(a - k for a, k in zip(ankle, knee, strict=True))
                cos = sum(t * c for t, c in zip(thigh, shin, strict=True)) / (
                    math.dist(hip, knee) * math.dist(ankle, knee)
                )
                assert math.degrees(math.acos(cos)) <= 80.0, (phase, side)


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_knees_sink_across_and_down_the_picture(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    settle = _settle(figure)
    first = _knees(scene.drawing(figure.start.mirrored() if mirrored else figure.start))
    moved = _knees(scene.drawing(settle.mirrored() if mirrored else settle))
    dx, dy = moved[0] - first[0], moved[1] - first[1]
    assert abs(dx) >= VIEW_W / 10, "across the picture"
    # seen from high above, sinking onto the mat moves them only a little down the picture
    assert dy >= 2.0, "and down onto the mat"
    assert (dx < 0) != mirrored, "the second side sinks the other way in the picture"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_arrow_sits_over_the_knees_clear_of_the_head(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    settle = _settle(figure)
    start = scene.drawing(figure.start.mirrored() if mirrored else figure.start)
    sunk = scene.drawing(settle.mirrored() if mirrored else settle)
    line = next(s for s in start.shapes if s.part == "cue:arrow").points
    tip, *base = next(s for s in start.shapes if s.part == "cue:head").points
    head = next(s for s in start.shapes if s.part == "head")
    knees = _knees(start)
    drawn = (*line, tip)
    # at the knees: just over them, nearer to them than to the head all along
    assert min(math.dist(p, knees) for p in line) <= 20.0
    assert min(p[1] for p in line) < knees[1] - 5.0, "over the knees"
    for p in drawn:
        assert math.dist(p, knees) < math.dist(p, head.points[0]), (p, "the knees' arrow")
        assert math.dist(p, head.points[0]) >= head.size[0] + 15.0, (p, "clear of the head")
    # it goes over to the side the knees go to, and its head comes down where they land
    # (arched over from the knees, not pointing along their path)
    back = _mid(base[0], base[1])
    after = _knees(sunk)
    assert (tip[0] - line[0][0]) * (after[0] - knees[0]) > 0, "towards that side"
    assert tip[1] > back[1], "pointing down"
    assert math.dist(tip, after) <= 24.0, "where the knees land"


def test_knee_rolls_mat_fits_the_body_so_the_corner_view_stays_big() -> None:
    # a mat seen from a corner shows its diagonal: no bigger than the body with its arms
    # out needs, so the figure is not drawn small
    figure = _figure()
    assert scene_for(figure).frame.scale >= 0.9


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
            # (seen lower, with the feet a little apart: up to 12)
            assert math.dist(joints[joint], first[joint]) <= 12.0, (phase, joint)
    # the arms lie out in a T across the picture, level with the shoulders
    for side in "lr":
        shoulder, wrist = first[f"{side}_shoulder"], first[f"{side}_wrist"]
        assert abs(wrist[0] - shoulder[0]) >= 3 * abs(wrist[1] - shoulder[1])
    assert abs(first["l_wrist"][0] - first["r_wrist"][0]) >= VIEW_W / 2
    # the feet side by side below the knees, a little apart
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


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_start_knees_stand_up_together_over_feet_a_little_apart(mirrored: bool) -> None:
    figure = _figure()
    joints = scene_for(figure).drawing(figure.at_phase(0.0, mirrored=mirrored)).joints
    for side in "lr":
        # the knee is drawn up at (or above) the hip, in front of the pelvis: not a leg
        # lying flat, whose knee would be halfway down to the foot
        assert joints[f"{side}_knee"][1] <= joints[f"{side}_hip"][1]
        assert joints[f"{side}_ankle"][1] - joints[f"{side}_knee"][1] >= 35.0
    knees = abs(joints["l_knee"][0] - joints["r_knee"][0])
    feet = abs(joints["l_ankle"][0] - joints["r_ankle"][0])
    # an A: the knees touching, the feet a little apart (wider than the knees)
    assert knees <= 16.0
    assert feet >= knees + 8.0, (round(knees, 1), round(feet, 1))
    assert feet <= 32.0, "a little apart, not wide"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_soles_stay_flat_on_their_spots(mirrored: bool) -> None:
    figure = _figure()
    first = solve(figure.at_phase(0.0, mirrored=mirrored)).points
    for phase in PHASES:
        points = solve(figure.at_phase(phase, mirrored=mirrored)).points
        for side in "lr":
            for name in ("heel_sole", "sole", "toe"):
                point = f"{side}_{name}"
                assert math.dist(points[point], first[point]) <= 3.0, (phase, point)
                assert -0.5 <= points[point][1] <= 3.0, (phase, point, "on the mat")


def test_knee_rolls_head_rests_on_a_cushion_and_the_face_looks_up() -> None:
    figure = _figure()
    cushion = next(p for p in figure.props if p.kind is PropKind.CUSHION)
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    scene = scene_for(figure)
    for mirrored in (False, True):
        for phase in PHASES[::4]:
            pose = figure.at_phase(phase, mirrored=mirrored)
            head = solve(pose).points["head"]
            assert support_under(figure.props, head, mirrored) > mat.h
            assert cushion.x < head[0] < cushion.x + cushion.w
            drawing = scene.drawing(pose)
            outline = next(s for s in drawing.shapes if s.part == "head")
            (x, y), r = outline.points[0], outline.size[0]
            box = ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
            eyes = [
                s
                for s in drawing.shapes
                if s.kind == "circle" and s is not outline and inside(s.points[0], box)
            ]
            assert len(eyes) == 2, (phase, mirrored, "the face up at the viewer")
            assert not any(s.part == "head:nose" for s in drawing.shapes)


def test_knee_rolls_texts_say_cushion_and_feet_a_little_apart() -> None:
    start = EXERCISES["knee-rolls"].start
    for word in ("cushion", "a little apart", "together"):
        assert word in start.en
    for word in ("kussen", "uit elkaar", "tegen elkaar"):
        assert word in start.nl
