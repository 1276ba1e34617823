"""What the figure tests share: the built-in exercises' figures, point-in-outline, vector sums."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from rugdiary.core.body import Pose, Vec, solve
from rugdiary.core.content import load_exercises
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import Drawing, FigureScene

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


def area(polygon: tuple[Point, ...]) -> float:
    """The area of the closed `polygon` (shoelace formula)."""
    return (
        abs(
            sum(
                x0 * y1 - x1 * y0
                for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True)
            )
        )
        / 2
    )


def midpoint(a: Vec, b: Vec) -> Vec:
    """The point halfway between two points."""
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def minus(a: Vec, b: Vec) -> Vec:
    """The vector from b to a."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def joint_angle(a: Vec, joint: Vec, b: Vec) -> float:
    """The angle (degrees) at `joint` between its two bones: 180 is a straight limb."""
    u, v = minus(a, joint), minus(b, joint)
    cos = sum(x * y for x, y in zip(u, v, strict=True)) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def eyes_look(drawing: Drawing) -> tuple[int, Point]:
    """How many eyes the face shows, and where they sit on average from the head's centre
    (view units, y down): the way a face turned towards us looks."""
    centre = next(s for s in drawing.shapes if s.part == "head").points[0]
    eyes = [s.points[0] for s in drawing.shapes if s.kind == "circle" and s.part == "eye"]
    if not eyes:
        return 0, (0.0, 0.0)
    return len(eyes), (
        sum(x for x, _ in eyes) / len(eyes) - centre[0],
        sum(y for _, y in eyes) / len(eyes) - centre[1],
    )


def face_probes(scene: FigureScene, pose: Pose) -> list[Point]:
    """Where the face is in the picture (view units): its outline where it looks, and where a
    nose would stand out of it (1.22 head radii), drawn or not (FACE_UP)."""
    points = solve(pose).points
    head, face = points["head"], points["face"]
    frame = scene.frame
    out = []
    for reach in (1.0, 1.22):
        p = tuple(h + (f - h) * reach for h, f in zip(head, face, strict=True))
        u, v, _ = scene.camera.project(p)  # type: ignore[arg-type]
        out.append((frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale))
    return out


def check_optional_field(figure: Figure, field: str, empty: object, bad: list[object]) -> None:
    """An optional figure field: read back as written, left out of the file when it is
    `empty`, and each of the `bad` values refused with an error naming the field."""
    data = figure.to_dict()
    assert getattr(Figure.from_dict(data), field) == getattr(figure, field)
    plain = Figure.from_dict({k: v for k, v in data.items() if k != field})
    assert getattr(plain, field) == empty
    assert field not in plain.to_dict(), "nothing written when there is none"
    for value in bad:
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict({**data, field: value})
        assert caught.value.field == f"figure.{field}", value
