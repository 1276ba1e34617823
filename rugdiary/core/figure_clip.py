"""Cutting flat outlines to a convex shape or a box: a figure's magnified detail."""

# The detail (Figure.zoom) is the drawing at a larger scale, shown only inside its box.
# Cutting the shapes themselves, rather than asking each painter to clip, keeps one
# geometry for the player (QPainter), the thumbnails and the SVG.

from __future__ import annotations

import itertools
import math

Point2 = tuple[float, float]
Box = tuple[float, float, float, float]
"""(left, top, right, bottom), view units."""

ELLIPSE_STEPS = 48
"""Points round a circle or ellipse turned into a polygon so it can be cut: smooth at the
detail's size."""


def convex_cut(subject: list[Point2], clip: list[Point2]) -> list[Point2]:
    """`subject` cut to what lies inside the convex polygon `clip` (Sutherland-Hodgman):
    a cushion's lighter top kept inside its outline (a box has polygon_in_box)."""
    twice_area = sum(
        a[0] * b[1] - b[0] * a[1] for a, b in zip(clip, clip[1:] + clip[:1], strict=True)
    )
    sign = 1.0 if twice_area > 0 else -1.0  # which side of each edge is inside
    out = subject
    for a, b in zip(clip, clip[1:] + clip[:1], strict=True):
        if not out:
            break

        def side(p: Point2, a: Point2 = a, b: Point2 = b) -> float:
            return sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]))

        kept: list[Point2] = []
        for i, q in enumerate(out):
            p = out[i - 1]
            sp, sq = side(p), side(q)
            if (sp >= 0) != (sq >= 0):
                t = sp / (sp - sq)
                kept.append((p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t))
            if sq >= 0:
                kept.append(q)
        out = kept
    return out


def polygon_in_box(points: tuple[Point2, ...], box: Box) -> tuple[Point2, ...]:
    """The closed polygon `points` cut to `box`; empty if nothing of it is inside.

    convex_cut with the box's corners gives the same, but the detail cuts some forty
    shapes a frame: comparing one coordinate a side is about five times faster, and
    took the pelvic tilt's frames back under the frame-time target."""
    left, top, right, bottom = box
    out = list(points)
    sides = ((0, left, True), (0, right, False), (1, top, True), (1, bottom, False))
    for axis, limit, low in sides:  # x >= left, x <= right, y >= top, y <= bottom
        if not out:
            break
        if all((q[axis] >= limit) if low else (q[axis] <= limit) for q in out):
            continue  # wholly on the inside of this side
        kept: list[Point2] = []
        p = out[-1]
        p_in = (p[axis] >= limit) if low else (p[axis] <= limit)
        for q in out:
            q_in = (q[axis] >= limit) if low else (q[axis] <= limit)
            if p_in != q_in:
                t = (limit - p[axis]) / (q[axis] - p[axis])
                kept.append((p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t))
            if q_in:
                kept.append(q)
            p, p_in = q, q_in
        out = kept
    return tuple(out) if len(out) >= 3 else ()


def polyline_in_box(points: tuple[Point2, ...], box: Box) -> list[tuple[Point2, ...]]:
    """The open polyline `points` cut to `box`: the runs of it inside, each at least one
    segment long (Liang-Barsky for each segment, joined where they meet)."""
    runs: list[list[Point2]] = []
    joined = False
    for a, b in itertools.pairwise(points):
        piece = _segment_in_box(a, b, box)
        if piece is None:
            joined = False
            continue
        start, end = piece
        if joined and runs and math.dist(runs[-1][-1], start) <= 1e-9:
            runs[-1].append(end)
        else:
            runs.append([start, end])
        # the next segment carries on this run only if this one reached its own end
        joined = math.dist(end, b) <= 1e-9
    return [tuple(run) for run in runs]


def ellipse_polygon(centre: Point2, radii: tuple[float, float]) -> tuple[Point2, ...]:
    """A circle or an upright ellipse as a polygon of ELLIPSE_STEPS points."""
    (cx, cy), (rx, ry) = centre, radii
    return tuple(
        (
            cx + rx * math.cos(2 * math.pi * i / ELLIPSE_STEPS),
            cy + ry * math.sin(2 * math.pi * i / ELLIPSE_STEPS),
        )
        for i in range(ELLIPSE_STEPS)
    )


def _segment_in_box(a: Point2, b: Point2, box: Box) -> tuple[Point2, Point2] | None:
    left, top, right, bottom = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    if t1 - t0 <= 1e-12:
        return None
    return (a[0] + dx * t0, a[1] + dy * t0), (a[0] + dx * t1, a[1] + dy * t1)
