"""Cutting outlines to a box: what is inside stays, nothing outside is left."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rugdiary.core.figure_clip import (
    ELLIPSE_STEPS,
    convex_cut,
    ellipse_polygon,
    polygon_in_box,
    polyline_in_box,
)
from tests.core.figure_geometry import area, inside

BOX = (10.0, 20.0, 50.0, 60.0)
coordinate = st.floats(min_value=-40.0, max_value=120.0, allow_nan=False)
point = st.tuples(coordinate, coordinate)


def _in(p: tuple[float, float], box: tuple[float, float, float, float] = BOX) -> bool:
    left, top, right, bottom = box
    return left - 1e-6 <= p[0] <= right + 1e-6 and top - 1e-6 <= p[1] <= bottom + 1e-6


def test_a_polygon_inside_is_kept_and_one_outside_is_dropped() -> None:
    square = ((20.0, 30.0), (30.0, 30.0), (30.0, 40.0), (20.0, 40.0))
    assert polygon_in_box(square, BOX) == square
    assert polygon_in_box(tuple((x + 100, y) for x, y in square), BOX) == ()


def test_a_polygon_across_the_edge_is_cut_on_it() -> None:
    # a 20 x 20 square half over the right edge keeps its left half, 10 x 20
    square = ((40.0, 30.0), (60.0, 30.0), (60.0, 50.0), (40.0, 50.0))
    cut = polygon_in_box(square, BOX)
    assert abs(area(cut)) == pytest.approx(200.0)
    assert max(x for x, _ in cut) == pytest.approx(50.0)


def test_a_polygon_round_the_whole_box_becomes_the_box() -> None:
    big = ((0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0))
    assert abs(area(polygon_in_box(big, BOX))) == pytest.approx(40.0 * 40.0)


@given(st.lists(point, min_size=3, max_size=9))
def test_a_cut_polygon_lies_in_the_box(points: list[tuple[float, float]]) -> None:
    cut = polygon_in_box(tuple(points), BOX)
    assert all(_in(p) for p in cut)
    if all(_in(p) for p in points):
        assert cut == tuple(points), "wholly inside: kept as it is"


@given(st.lists(point, min_size=3, max_size=9))
def test_the_box_cut_agrees_with_the_general_convex_cut(points: list[tuple[float, float]]) -> None:
    # the box's own cut compares one coordinate a side, for speed; it must keep the same
    left, top, right, bottom = BOX
    corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
    general = convex_cut(points, corners)
    cut = polygon_in_box(tuple(points), BOX)
    expected = area(general) if len(general) >= 3 else 0.0
    assert (area(cut) if cut else 0.0) == pytest.approx(expected, abs=1e-6)


@given(point, point, point)
def test_a_cut_triangle_keeps_what_of_it_was_inside_and_no_more(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]
) -> None:
    triangle = (a, b, c)
    cut = polygon_in_box(triangle, BOX)
    if cut:
        assert abs(area(cut)) <= abs(area(triangle)) + 1e-6
    # points of a grid over the box: inside the cut exactly when inside the triangle
    for i in range(1, 8):
        for j in range(1, 8):
            p = (10.0 + 5.0 * i + 0.137, 20.0 + 5.0 * j + 0.291)
            if _clear_of_edges(p, triangle):
                assert (bool(cut) and inside(p, cut)) == inside(p, triangle), p


def test_a_line_is_cut_at_the_edges_and_split_where_it_leaves_and_comes_back() -> None:
    # in at the left edge, out at the top, back in, and out at the right
    line = ((0.0, 30.0), (30.0, 30.0), (30.0, 0.0), (40.0, 0.0), (40.0, 40.0), (70.0, 40.0))
    runs = polyline_in_box(line, BOX)
    assert runs == [
        ((10.0, 30.0), (30.0, 30.0), (30.0, 20.0)),
        ((40.0, 20.0), (40.0, 40.0), (50.0, 40.0)),
    ]


def test_a_line_wholly_outside_leaves_nothing() -> None:
    assert polyline_in_box(((0.0, 0.0), (100.0, 0.0)), BOX) == []


@given(st.lists(point, min_size=2, max_size=8))
def test_every_run_of_a_cut_line_lies_in_the_box_and_on_the_line(
    points: list[tuple[float, float]],
) -> None:
    line = tuple(points)
    for run in polyline_in_box(line, BOX):
        assert len(run) >= 2
        for p in run:
            assert _in(p)
            near = min(_distance(p, a, b) for a, b in itertools.pairwise(line))
            assert near <= 1e-6


def test_an_ellipse_becomes_a_polygon_on_its_edge() -> None:
    ring = ellipse_polygon((30.0, 40.0), (10.0, 5.0))
    assert len(ring) == ELLIPSE_STEPS
    for x, y in ring:
        assert ((x - 30) / 10) ** 2 + ((y - 40) / 5) ** 2 == pytest.approx(1.0)
    assert abs(area(ring)) == pytest.approx(math.pi * 10 * 5, rel=0.01)


def _clear_of_edges(p: tuple[float, float], polygon: tuple[tuple[float, float], ...]) -> bool:
    """Whether `p` is more than a hair from every edge: on an edge, rounding decides."""
    edges = zip(polygon, polygon[1:] + polygon[:1], strict=True)
    return all(_distance(p, a, b) > 1e-3 for a, b in edges)


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)
    t = max(0.0, min(1.0, t))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
