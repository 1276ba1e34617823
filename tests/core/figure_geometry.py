"""Plane geometry the figure tests share: which side of an outline a drawn point lies on."""

from __future__ import annotations

Point = tuple[float, float]


def inside(point: Point, polygon: tuple[Point, ...]) -> bool:
    """Whether `point` lies inside the closed `polygon` (even-odd rule)."""
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result
