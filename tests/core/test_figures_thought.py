"""The body scan's thought bubble: a small copy of the body and its band, from the head."""

from __future__ import annotations

import math

from rugdiary.core.body import HEAD_RADIUS
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    BODY_ROLES,
    THOUGHT_CLEAR,
    VIEW_H,
    VIEW_W,
    Drawing,
    Shape,
    drawn_box,
    scene_for,
)
from tests.core.figure_geometry import EXERCISES, check_optional_field, figure_of, inside

PHASES = [i / 8 for i in range(8)]


def _part(drawing: Drawing, part: str) -> list[Shape]:
    return [s for s in drawing.shapes if s.part == part]


def _box(shapes: list[Shape]) -> tuple[float, float, float, float]:
    return drawn_box(Drawing(VIEW_W, VIEW_H, tuple(shapes)))


def _centre(shapes: list[Shape]) -> tuple[float, float]:
    points = [p for s in shapes for p in s.points]
    return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))


def test_only_the_body_scan_thinks() -> None:
    # the one exercise that moves nothing but the attention
    thinking = [i for i, e in EXERCISES.items() if e.figure is not None and e.figure.thought]
    assert thinking == ["body-scan"]


def test_the_bubble_rises_from_the_head_into_the_room_above_the_body() -> None:
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        bubble = _part(drawing, "thought") + _part(drawing, "thought:focus")
        body = [s for s in drawing.shapes if not s.part.startswith(("thought", "inset")) and s.part]
        x0, y0, x1, _ = _box(bubble)
        assert x0 >= 0, "inside the picture"
        assert x1 <= VIEW_W
        assert y0 >= 0
        # (by its gap, less the half of the cloud's line that lies outside its edge)
        assert x0 >= scene.inset_box()[2] + THOUGHT_CLEAR / 2, "clear of the inset"
        # the cloud and what it holds lie clear of the body and the mat under it
        cloud = [s for s in bubble if not (s.kind == "circle" and s.part == "thought")]
        assert _box(cloud)[3] <= _box(body)[1] - THOUGHT_CLEAR / 2
        # the three bubbles grow from beside the head up to the cloud
        rings = [s for s in _part(drawing, "thought") if s.kind == "circle" and s.role == "cue"]
        assert len(rings) == 3
        head = drawing.joints["head"]
        radii = [r.size[0] for r in rings]
        assert radii == sorted(radii), "small by the head, larger by the cloud"
        heights = [r.points[0][1] for r in rings]
        assert heights == sorted(heights, reverse=True), "rising"
        nearest = math.dist(rings[0].points[0], head) / scene.frame.scale
        assert HEAD_RADIUS < nearest < 2.5 * HEAD_RADIUS, "the first one just off the head"
        limbs = [s for s in drawing.shapes if s.role in BODY_ROLES and s.kind == "poly"]
        for ring in rings:
            assert not any(inside(ring.points[0], limb.points) for limb in limbs), "on the mat"


def test_the_small_body_is_the_start_position_and_its_band_the_pose_s_own() -> None:
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    start = scene.drawing(figure.start)
    small = [s for s in _part(start, "thought") if s.role in BODY_ROLES]
    own = [s for s in start.shapes if s.role in BODY_ROLES and s.part not in ("thought", "inset")]
    assert [s.kind for s in small] == [s.kind for s in own]
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        big = [s for s in drawing.shapes if s.role == "focus" and not s.part.startswith("thought")]
        little = [s for s in _part(drawing, "thought:focus") if s.role == "focus"]
        assert len(big) == len(little) == 1
        # the band lies as far along the small body as along the body itself
        bx0, _, bx1, _ = _box(
            [
                s
                for s in drawing.shapes
                if s.role in BODY_ROLES and not s.part.startswith(("thought", "inset"))
            ]
        )
        sx0, _, sx1, _ = _box([s for s in _part(drawing, "thought") if s.role in BODY_ROLES])
        along_big = (_centre(big)[0] - bx0) / (bx1 - bx0)
        along_small = (_centre(little)[0] - sx0) / (sx1 - sx0)
        assert abs(along_big - along_small) < 0.03, phase


def test_the_cloud_and_the_small_body_are_drawn_once() -> None:
    """They never move: the same shapes in every frame (one cached image in the player)."""
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    first = _part(scene.drawing(figure.at_phase(0.0)), "thought")
    assert first
    for phase in PHASES[1:]:
        assert _part(scene.drawing(figure.at_phase(phase)), "thought") == first
    # after everything else: nothing of the body is painted over it
    shapes = scene.drawing(figure.at_phase(0.4)).shapes
    at = min(i for i, s in enumerate(shapes) if s.part.startswith("thought"))
    assert all(s.part.startswith("thought") for s in shapes[at:])


def test_each_still_pose_thinks_in_its_own_box() -> None:
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    poses = [pose for _, pose in figure.still_poses]
    row = scene.row(poses)
    clouds = [
        s for s in row.shapes if s.part == "thought" and s.kind == "poly" and s.role == "outline"
    ]
    assert len(clouds) == len(poses)
    lefts = sorted(_box([c])[0] for c in clouds)
    width = row.width / len(poses)
    for i, left in enumerate(lefts):
        assert i * width <= left < (i + 1) * width, "one in each pose's box"


def test_no_bubble_on_a_thumbnail_or_over_the_joints() -> None:
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    assert not any(
        s.part.startswith("thought") for s in scene.drawing(figure.work, inset=False).shapes
    )
    plain = scene_for(Figure.from_dict({**figure.to_dict(), "thought": False}))
    assert scene.drawing(figure.work).joints == plain.drawing(figure.work).joints


def test_thought_is_read_written_and_checked() -> None:
    figure = figure_of("body-scan")
    assert figure.to_dict()["thought"] is True
    check_optional_field(figure, "thought", False, ["yes", 1, None])
