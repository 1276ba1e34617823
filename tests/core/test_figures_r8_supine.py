"""Round 8 of the lying figures: a small curl-up, a body scan glow, still resting hands."""

from __future__ import annotations

import itertools
import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, HEAD_RADIUS, Vec, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import FigureScene, Shape, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of, inside


def _gap_to_trunk_top(scene: FigureScene, shapes: tuple[Shape, ...], palm: Vec) -> float:
    """How far (cm) a resting hand's underside is above the drawn trunk's top outline."""
    trunk = next(s for s in shapes if s.part == "trunk")
    u, v, _ = scene.camera.project(palm)
    x = scene.frame.offset_x + u * scene.frame.scale
    y = scene.frame.offset_y - v * scene.frame.scale
    top = min(
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in itertools.pairwise((*trunk.points, trunk.points[0]))
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    )
    return (top - y) / scene.frame.scale - 3.1  # the drawn hand is 3.1 cm half-thick


def _rise(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises towards the head (-x) from level."""
    return math.degrees(math.atan2(b[1] - a[1], a[0] - b[0]))


def test_curl_up_is_a_small_lift_with_the_neck_in_line_not_a_crunch() -> None:
    """At 32 degrees with the neck 16 more the rater saw a crunch led by the chin."""
    work = solve(figure_of("curl-up").work).points
    upper = _rise(work["spine3"], work["c7"])
    neck = _rise(work["c7"], work["neck_top"])
    # round 13: up to 30 degrees (20 read as a neck lift), with the neck in line
    assert 18.0 <= upper <= 30.0, f"the upper back tips up {upper:.0f} degrees"
    assert 0.0 <= neck - upper <= 12.0, "head and neck move as one block, chin a touch in"
    assert neck <= 35.0, f"the neck stands {neck:.0f} degrees up: the chin leads"


def test_curl_up_near_forearm_lies_on_the_mat_into_the_low_back_in_sight() -> None:
    """The whole near arm under the trunk left an upper arm vanishing into the floor: the
    upper arm is drawn in front and the forearm is seen on the mat from the elbow, running
    in under the back (round 12: it goes in under the trunk's edge, not onto the belly);
    only the hand is hidden."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work):
        drawing = scene.drawing(pose)
        shapes = drawing.shapes
        order = {shape.part: i for i, shape in enumerate(shapes)}
        near = next(s.part for s in shapes if s.role == "tint_near" and s.part.endswith("_elbow"))
        side = near[:2]
        assert order[side + "shoulder"] > order["trunk"], "the upper arm is seen"
        trunk = next(s for s in shapes if s.part == "trunk")
        elbow, wrist = drawing.joints[side + "elbow"], drawing.joints[side + "wrist"]
        third = (elbow[0] + (wrist[0] - elbow[0]) / 3, elbow[1] + (wrist[1] - elbow[1]) / 3)
        assert not inside(elbow, trunk.points), "the elbow is seen"
        assert not inside(third, trunk.points), "the forearm is seen"
        assert order[side + "wrist"] < order["trunk"], "the hand is under the back"


def _across_cm(figure: Figure, phase: float) -> tuple[float, float] | None:
    """(across the body, along it) of the body scan's glow in cm, or None when none."""
    scene = scene_for(figure)
    drawing = scene.drawing(figure.at_phase(phase))
    glow = next((s for s in drawing.shapes if s.role == "focus"), None)
    if glow is None:
        return None
    head, feet = drawing.joints["head"], drawing.joints["l_ankle"]
    length = math.dist(head, feet)
    body = ((head[0] - feet[0]) / length, (head[1] - feet[1]) / length)
    along = [x * body[0] + y * body[1] for x, y in glow.points]
    across = [-x * body[1] + y * body[0] for x, y in glow.points]
    s = scene.frame.scale
    return (max(across) - min(across)) / s, (max(along) - min(along)) / s


def test_body_scan_glow_lies_on_the_body_and_fades_out_at_the_head_without_going_back() -> None:
    """A 60 cm band past both sides read as a strap under the body, and it swept back from
    the head to the hips at the end of the loop."""
    figure = figure_of("body-scan")
    sizes = [_across_cm(figure, i / 80) for i in range(80)]
    shown = [size for size in sizes if size is not None]
    assert all(across <= 2 * 17.0 + 0.5 for across, _ in shown), "no wider than the body"
    head = figure.pose("head").focus
    assert head == 1.0
    end = next(k.at for k in figure.keyframes if k.name == "head")
    assert all(size is None for i, size in enumerate(sizes) if i / 80 > end), "no way back"
    fading = [size for i, size in enumerate(sizes) if end - 0.06 <= i / 80 <= end]
    assert fading[-1] is not None
    assert fading[0] is not None
    assert fading[-1][0] < 0.3 * fading[0][0], "it fades out over the head"


def test_body_scan_knees_rest_on_a_cushion() -> None:
    figure = figure_of("body-scan")
    cushion = next(p for p in figure.props if p.kind is PropKind.CUSHION)
    points = solve(figure.start).points
    for side in "lr":
        knee = points[f"{side}_knee"]
        assert cushion.x <= knee[0] <= cushion.x + cushion.w
        assert knee[1] - CONTACT_POINTS[f"{side}_knee"] - cushion.h == pytest.approx(0, abs=1.0)


def test_supported_rest_near_hand_lies_still_by_the_side_and_the_head_on_a_pillow() -> None:
    """The near hand riding the belly on a tipping forearm read as a deliberate arm movement:
    it lies still on the mat; the far hand rests on the belly, drawn on top of it."""
    figure = figure_of("supported-rest")
    pillow = next(p for p in figure.props if p.kind is PropKind.CUSHION)
    start = solve(figure.start).points
    head = start["head"]
    assert pillow.x <= head[0] <= pillow.x + pillow.w, "the pillow lies under the head"
    assert head[1] - HEAD_RADIUS - pillow.h == pytest.approx(0.0, abs=1.0), "the head rests on it"
    scene = scene_for(figure)
    for i in range(24):
        pose = figure.at_phase(i / 24)
        points = solve(pose).points
        palm = points["l_palm"]
        assert math.dist(palm, start["l_palm"]) <= 0.1, "the near hand does not move"
        assert abs(palm[2]) >= 20.0, "beside the body, not on it"
        assert abs(points["r_palm"][2]) <= 8.0, "the far hand on the belly"
        shapes = scene.drawing(pose).shapes
        order = [s.part for s in shapes]
        assert order.index("r_wrist") > order.index("trunk"), "seen on top of the belly"
        gap = _gap_to_trunk_top(scene, shapes, points["r_palm"])
        assert -2.5 <= gap <= 0.5, f"the far hand {gap:.1f} cm off the belly at {i}/24"


def test_belly_breathing_the_belly_outline_rises_in_sight_under_the_hand_and_the_arrow() -> None:
    """The near forearm across the belly hid the outline that should rise, and the arrow
    stood over the ribs: the near hand lies on the (still) chest, the far hand on the belly,
    drawn on top, and the arrow stands over that hand."""
    figure = figure_of("diaphragmatic-breathing")
    scene = scene_for(figure)
    s = scene.frame.scale
    for pose in (figure.start, figure.work):
        shapes = scene.drawing(pose).shapes
        points = solve(pose).points
        palm_x = scene.frame.offset_x + scene.camera.project(points["r_palm"])[0] * s
        trunk = next(sh for sh in shapes if sh.part == "trunk")
        near = [sh for sh in shapes if sh.role == "near" and sh.part[:2] in ("l_", "r_")]
        for dx in (-6.0, -3.0, 0.0, 3.0, 6.0):
            x = palm_x + dx * s
            top = min(
                y0 + (y1 - y0) * (x - x0) / (x1 - x0)
                for (x0, y0), (x1, y1) in itertools.pairwise((*trunk.points, trunk.points[0]))
                if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
            )
            assert not any(inside((x, top + 0.5 * s), sh.points) for sh in near), dx
        order = [sh.part for sh in shapes]
        assert order.index("r_wrist") > order.index("trunk"), "the belly hand is seen"
        cue = [p for sh in shapes if sh.role == "cue" for p in sh.points]
        xs = [x for x, _ in cue]
        assert abs((min(xs) + max(xs)) / 2 - palm_x) <= 4.0 * s, "the arrow over the hand"


def test_body_scan_eyes_are_closed_and_the_field_round_trips_and_is_checked() -> None:
    """Open eyes gave no "relax" cue: a figure may rest with its eyes shut (short lines)."""
    figure = figure_of("body-scan")
    assert figure.eyes == "closed"
    lids = [s for s in scene_for(figure).drawing(figure.start).shapes if s.part == "eye"]
    assert [s.kind for s in lids] == ["line", "line"], "two shut eyes"
    open_eyes = scene_for(figure_of("supported-rest")).drawing(figure_of("supported-rest").start)
    assert {s.kind for s in open_eyes.shapes if s.part == "eye"} == {"circle"}, "others open"
    data = figure.to_dict()
    assert Figure.from_dict(data).eyes == "closed", "round trip"
    assert "eyes" not in figure_of("curl-up").to_dict(), "the default is not written"
    for bad in ("shut", 1, None):
        data["eyes"] = bad
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict(data)
        assert caught.value.field == "figure.eyes"
