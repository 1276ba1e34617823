"""What the figure tests share: the built-in exercises' figures, and point-in-outline."""

from __future__ import annotations

from pathlib import Path

from rugdiary.core.content import load_exercises
from rugdiary.core.exercises import Figure

EXERCISES = load_exercises(Path(__file__).parents[2] / "resources")
"""Loaded once for every figure test module."""

Point = tuple[float, float]


def figure_of(exercise_id: str) -> Figure:
    """A built-in exercise's figure (every built-in exercise has one)."""
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    return figure


def inside(point: Point, polygon: tuple[Point, ...]) -> bool:
    """Whether `point` lies inside the closed `polygon` (even-odd rule)."""
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result
