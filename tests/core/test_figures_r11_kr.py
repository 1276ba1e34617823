"""Knee rolls seen from beyond the feet (round 12: from a low corner there, so the bent
knees show as an inverted V; round 13: high above the feet end, a plain view): the knees,
together, sink well over to one side (about 70-80 degrees, was 45: a small tilt read as a
sideways slide), the pelvis rolls with them, the shoulders stay flat and the arms lie out
in a T on the mat."""

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
from tests.core.figure_geometry import figure_of, inside

PHASES = [i / 48 for i in range(48)]
LEGS = ("l_hip", "r_hip", "l_knee", "r_knee")
"""The thighs and shins as drawn (a limb part is named after the joint it starts at)."""


def _figure() -> Figure:
    return figure_of("knee-rolls")


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _key(figure: Figure, name: str) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == name)


def _knee_drop(points: dict[str, Vec], side: str | None = None) -> float:
    """Degrees a knee (or the knees' midpoint) has turned sideways off vertical about the hips."""
    if side is None:
        hip = _mid(points["l_hip"], points["r_hip"])
        knee = _mid(points["l_knee"], points["r_knee"])
    else:
        hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
    return math.degrees(math.atan2(knee[2] - hip[2], knee[1] - hip[1]))


def _knees_on_screen(drawing: Drawing) -> tuple[float, float]:
    (lx, ly), (rx, ry) = drawing.joints["l_knee"], drawing.joints["r_knee"]
    return ((lx + rx) / 2, (ly + ry) / 2)


def test_knee_rolls_are_seen_from_beyond_the_feet_looking_along_the_body() -> None:
    # Round 11 looked along the body from beyond the feet, low: the roll ran across the
    # picture, but the shin hid the thigh and the bent legs read as straight. Round 12
    # looked from a low corner there: the tilted view made the knees falling sideways look
    # like a leg sliding out. Round 13 looks down from high above the feet end: a plain
    # view, the head at the top, the arms in a T across the picture, and the knees sink
    # to the left or right of it, the thighs and shins then showing as a V.
    figure = _figure()
    assert figure.camera == "feet_end_above"
    _yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert 45.0 <= pitch <= 80.0, "from high up: the knees fall across, not down the picture"
    points = solve(figure.start).points
    feet = _mid(points["l_ankle"], points["r_ankle"])
    along = (feet[0] - points["head"][0], feet[2] - points["head"][2])
    toward = Camera.named(figure.camera).toward
    level = math.hypot(*along) * math.hypot(toward[0], toward[2])
    cos = (along[0] * toward[0] + along[1] * toward[2]) / level
    assert cos >= 0.97, "beyond the feet, straight along the body: both sides look alike"
    assert not mirrors_view(figure), "the second side is simply done the other way"


def test_knee_rolls_start_with_the_knees_upright_and_together_and_the_feet_flat() -> None:
    figure = _figure()
    points = solve(figure.start).points
    assert abs(_knee_drop(points)) <= 5.0, "the knees point at the ceiling"
    assert math.dist(points["l_knee"], points["r_knee"]) <= 12.0, "knees together"
    # round 14: the feet a little apart (knees together, feet apart shows the bent knees
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
            _mid(points["l_knee"], points["r_knee"]),
            _mid(start["l_knee"], start["r_knee"]),
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
        for phase in PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            gap = math.dist(points["l_knee"], points["r_knee"])
            # two 5.5 cm thick knees side by side: touching, not passing through each other
            # (round 14: up to 17, the feet a little apart)
            assert 10.0 <= gap <= 17.0, (phase, mirrored, round(gap, 1))
            drops = [_knee_drop(points, side) for side in "lr"]
            # with the feet a little apart (round 14) the upper knee tips further than the
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
        for phase in PHASES:
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
        for phase in PHASES[::4]:
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
        # to, and its head points down that way (round 12: over the knees, seen from a
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
        # beside the legs and the trunk, not drawn over them, near the knees (round 13: it
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
        for phase in PHASES[::3]:
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


def _head_box(head: Shape) -> tuple[Point2, ...]:
    (x, y), r = head.points[0], head.size[0]
    return ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
