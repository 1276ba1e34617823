"""A cushion is drawn soft: one rounded outline, a lighter top, and what rests on it touches it."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, solve
from rugdiary.core.figure_clip import convex_cut
from rugdiary.core.figure_drawing import (
    SOFT_TOP,
    Drawing,
    Point2,
    Shape,
    _rounded,
    scene_for,
)
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of, inside

RESTING = {
    "body-scan": ("l_knee", "r_knee"),
    "diaphragmatic-breathing": ("l_knee", "r_knee"),
    "knee-rolls": ("head",),
    "supported-rest": ("head",),
}
"""Every built-in exercise with a cushion, and what lies on it at the start."""
ROUND_DEG = 25.0
"""The sharpest turn between two neighbouring edges of a rounded outline: a box's corner
turns 90 degrees or so; rounded in SOFT_STEPS, each step turns a sixth of that."""


def _cushion(drawing: Drawing) -> list[Shape]:
    return [s for s in drawing.shapes if s.part.startswith("cushion:")]


def _sharpest_turn(points: tuple[Point2, ...]) -> float:
    turns = []
    n = len(points)
    for i in range(n):
        (ax, ay), (bx, by), (cx, cy) = points[i - 1], points[i], points[(i + 1) % n]
        a = math.atan2(by - ay, bx - ax)
        b = math.atan2(cy - by, cx - bx)
        turns.append(abs(math.degrees((b - a + math.pi) % (2 * math.pi) - math.pi)))
    return max(turns)


def _distance_to_outline(point: Point2, outline: tuple[Point2, ...]) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True):
        dx, dy = x1 - x0, y1 - y0
        t = ((point[0] - x0) * dx + (point[1] - y0) * dy) / (dx * dx + dy * dy or 1.0)
        t = max(0.0, min(1.0, t))
        best = min(best, math.hypot(point[0] - x0 - t * dx, point[1] - y0 - t * dy))
    return best


@pytest.mark.parametrize("exercise_id", sorted(RESTING))
def test_a_cushion_is_one_rounded_outline_not_a_box(exercise_id: str) -> None:
    """Drawn as a box, the cushion under the knees read as "a hard block"."""
    figure = figure_of(exercise_id)
    cushions = [p for p in figure.props if p.kind is PropKind.CUSHION]
    drawing = scene_for(figure).drawing(figure.start, inset=False)
    outlines = [s for s in _cushion(drawing) if s.outline]
    assert len(outlines) == len(cushions) == 1
    assert outlines[0].role == "prop"
    assert _sharpest_turn(outlines[0].points) < ROUND_DEG


@pytest.mark.parametrize("exercise_id", sorted(RESTING))
def test_the_cushion_top_is_a_lighter_patch_inside_its_outline(exercise_id: str) -> None:
    """Seen from just above the mat the top is a thin lens along the outline's crown."""
    figure = figure_of(exercise_id)
    drawing = scene_for(figure).drawing(figure.start, inset=False)
    outline = next(s for s in _cushion(drawing) if s.outline)
    tops = [s for s in _cushion(drawing) if s.role == "prop_top"]
    assert len(tops) == 1, "every camera here sees the cushion's top"
    top = tops[0]
    assert not top.outline
    assert all(inside(p, outline.points) for p in top.points)


@pytest.mark.parametrize("exercise_id", sorted(RESTING))
def test_what_rests_on_the_cushion_touches_its_rounded_outline(exercise_id: str) -> None:
    """Rounding cuts the corners but keeps the middle of each edge, where a head or the
    knees lie: the resting point is on the outline or inside it (seen from above)."""
    figure = figure_of(exercise_id)
    scene = scene_for(figure)
    drawing = scene.drawing(figure.start)  # in scene.frame, beside an inset if it has one
    outline = next(s for s in _cushion(drawing) if s.outline).points
    points = solve(figure.start).points
    frame = scene.frame
    for name in RESTING[exercise_id]:
        x, y, z = points[name]
        low = (x, y - CONTACT_POINTS[name], z)
        at = frame.to_view(*scene.camera.project(low)[:2])
        gap = 0.0 if inside(at, outline) else _distance_to_outline(at, outline)
        assert gap <= 1.0 * frame.scale, f"{name} lies {gap / frame.scale:.1f} cm off"


def test_rounding_keeps_the_middle_of_every_edge_and_leaves_no_corner() -> None:
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    curve = tuple(_rounded(square, 3.0))
    for middle in ((5.0, 0.0), (10.0, 5.0), (5.0, 10.0), (0.0, 5.0)):
        assert _distance_to_outline(middle, curve) < 0.01
    assert _sharpest_turn(curve) < ROUND_DEG
    assert all(0.0 <= x <= 10.0 and 0.0 <= y <= 10.0 for x, y in curve)
    # the corner itself is cut off: no point of the curve comes within 0.8 of it
    assert min(math.dist((0.0, 0.0), p) for p in curve) > 0.8


def test_clipping_keeps_only_what_lies_inside_the_outline() -> None:
    outline = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    poking = [(5.0, 5.0), (15.0, 5.0), (5.0, 8.0)]
    clipped = convex_cut(poking, outline)
    assert clipped
    assert all(x <= 10.0 + 1e-9 for x, _ in clipped)
    assert max(x for x, _ in clipped) == pytest.approx(10.0)


def test_hard_props_keep_their_box_faces() -> None:
    """A chair is wood: its seat, legs and back stay boxes with straight edges."""
    figure = figure_of("supported-rest")
    drawing = scene_for(figure).drawing(figure.start, inset=False)
    chair = [s for s in drawing.shapes if s.part.startswith("chair:")]
    assert chair
    assert all(s.kind == "poly" and len(s.points) == 4 for s in chair)


def test_the_top_patch_is_the_top_face_shrunk_by_soft_top() -> None:
    """From straight above (body scan) the top face is the cushion's whole outline: the
    patch spans SOFT_TOP of it, leaving a rim of the side round it."""
    figure = figure_of("body-scan")
    drawing = scene_for(figure).drawing(figure.start, inset=False)
    outline = next(s for s in _cushion(drawing) if s.outline).points
    top = next(s for s in _cushion(drawing) if s.role == "prop_top").points

    def width(points: tuple[Point2, ...]) -> float:
        return max(x for x, _ in points) - min(x for x, _ in points)

    assert width(top) == pytest.approx(SOFT_TOP * width(outline), rel=0.05)
