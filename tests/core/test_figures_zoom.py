"""A figure's magnified detail (Figure.zoom): the pelvic tilt's low back, larger, in a box."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rugdiary.core.body import Pose, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.figure_drawing import (
    PAIR_GAP,
    VIEW_H,
    VIEW_MARGIN,
    VIEW_W,
    ZOOM_DOWN_CM,
    ZOOM_GAP,
    ZOOM_SHARE,
    ZOOM_TIMES,
    Drawing,
    FigureScene,
    Shape,
    drawn_box,
    mirrors_view,
    scene_for,
)
from rugdiary.core.figures import Figure
from tests.core.figure_geometry import EXERCISES, area, check_optional_field, figure_of

FIGURE = figure_of("pelvic-tilt")
PHASES = [i / 24 for i in range(24)]
BOX_W, BOX_H = VIEW_W * ZOOM_SHARE, VIEW_H * ZOOM_SHARE
CORNER = VIEW_MARGIN / 2


def _extent(shapes: tuple[Shape, ...] | list[Shape]) -> tuple[float, float, float, float]:
    return drawn_box(Drawing(VIEW_W, VIEW_H, tuple(shapes)))


def _frames(detail: tuple[Shape, ...]) -> list[tuple[float, float, float, float]]:
    """The detail's two thin rectangles (its box, and the mark on the body), as boxes."""
    rings = [s for s in detail if s.kind == "line" and len(s.points) == 5]
    return [
        (
            min(x for x, _ in s.points),
            min(y for _, y in s.points),
            max(x for x, _ in s.points),
            max(y for _, y in s.points),
        )
        for s in rings
    ]


def _in_the_box(detail: tuple[Shape, ...]) -> tuple[Shape, ...]:
    """All but the mark on the body and the two lines to it: the last three."""
    return detail[:-3]


def test_the_zoom_is_read_and_written_and_checked() -> None:
    assert FIGURE.to_dict()["zoom"] == "low_back"
    check_optional_field(FIGURE, "zoom", None, ["belly", 3, ["low_back"]])
    with pytest.raises(ValidationError) as caught:
        Figure.from_dict({**FIGURE.to_dict(), "inset": "side"})
    assert caught.value.field == "figure.zoom", "one top left corner, one picture in it"


def test_only_the_pelvic_tilt_has_a_detail() -> None:
    # the one movement too small to see at the body's scale: side by side, three raters of
    # three preferred the pelvic tilt with its detail (3 to 4 each)
    zoomed = [i for i, e in EXERCISES.items() if e.figure is not None and e.figure.zoom]
    assert zoomed == ["pelvic-tilt"]
    other = figure_of("glute-bridge")
    assert scene_for(other).drawing(other.work).detail == ()


def test_the_detail_keeps_to_its_box_and_the_body_keeps_clear_of_it() -> None:
    scene = scene_for(FIGURE)
    box = (CORNER, CORNER, CORNER + BOX_W, CORNER + BOX_H)
    for phase in PHASES:
        drawing = scene.drawing(FIGURE.at_phase(phase))
        left, top, right, bottom = _extent(_in_the_box(drawing.detail))
        assert (left, top) >= (box[0] - 0.5, box[1] - 0.5), phase
        assert right <= box[2] + 0.5, phase
        assert bottom <= box[3] + 0.5, phase
        for shape in drawing.shapes:
            x0, y0, _, y1 = _extent([shape])
            assert x0 >= box[2] + ZOOM_GAP - 1e-6 or y0 >= box[3] + ZOOM_GAP - 1e-6, shape.part
            assert y1 <= VIEW_H, (phase, shape.part, "still inside the picture")


def test_the_detail_draws_the_low_back_larger_and_it_moves_in_it() -> None:
    scene = scene_for(FIGURE)
    arch = scene.drawing(FIGURE.pose("arch"))

    def hollow(shapes: tuple[Shape, ...]) -> float:
        return sum(abs(area(s.points)) for s in shapes if s.role == "hollow")

    # the low back's gap over the mat, ZOOM_TIMES as wide and as high: most of it, as its
    # far end towards the shoulders runs out of the box
    for pose in (FIGURE.start, FIGURE.work, FIGURE.pose("arch")):
        drawing = scene.drawing(pose)
        larger = hollow(drawing.shapes) * ZOOM_TIMES**2
        assert 0.75 * larger <= hollow(drawing.detail) <= larger * 1.01
    flat = scene.drawing(FIGURE.work)
    assert hollow(flat.detail) < 0.7 * hollow(arch.detail), "the gap opens as the back arches"
    start = scene.drawing(FIGURE.start)
    body = [s for s in arch.detail if s.role == "near"]
    assert body, "the body is drawn in the detail"
    assert [s.points for s in body] != [s.points for s in start.detail if s.role == "near"]
    # the pointer on the pelvis is there, larger: it shows the pelvis turning (arched, it
    # tips towards the feet, out of the box)
    needle = [s for s in start.detail if s.role == "cue"]
    assert needle
    assert all(s.size[0] > 0 for s in needle)
    assert not [s for s in arch.detail if s.part.startswith("cue:")], "all its shapes are zoom's"
    assert all(s.part == "zoom" for s in arch.detail)


def _low_back(scene: FigureScene, start: Pose) -> tuple[float, float]:
    """Where the start position's low back (spine0) is drawn, view units."""
    u, v, _ = scene.camera.project(solve(start).points["spine0"])
    return scene.frame.to_view(u, v)


def test_the_detail_stays_on_the_start_position_s_low_back_marked_on_the_body() -> None:
    scene = scene_for(FIGURE)
    x, y = _low_back(scene, FIGURE.start)
    down = ZOOM_DOWN_CM * scene.frame.scale
    for phase in PHASES:
        drawing = scene.drawing(FIGURE.at_phase(phase))
        (box, mark) = _frames(drawing.detail)
        assert box == pytest.approx((CORNER, CORNER, CORNER + BOX_W, CORNER + BOX_H))
        # the mark: what the box shows, round the low back where it starts
        assert (mark[0] + mark[2]) / 2 == pytest.approx(x)
        assert (mark[1] + mark[3]) / 2 == pytest.approx(y + down)
        assert mark[2] - mark[0] == pytest.approx(BOX_W / ZOOM_TIMES)
        assert mark[3] - mark[1] == pytest.approx(BOX_H / ZOOM_TIMES)


def test_two_thin_lines_join_the_box_to_the_mark_and_never_cross() -> None:
    # without them the box "could read as a separate drawing": six raters of six preferred
    # the detail joined to the body
    scene = scene_for(FIGURE)
    for phase in PHASES:
        detail = scene.drawing(FIGURE.at_phase(phase)).detail
        box, mark = _frames(detail)
        thin = detail[-3].size  # the mark's
        leaders = [s for s in detail if len(s.points) == 2 and s.size == thin]
        assert leaders == list(detail[-2:]), "drawn last, over the body's shapes in the box"
        assert [s.points for s in leaders] == [
            ((box[0], box[3]), (mark[0], mark[1])),
            ((box[2], box[3]), (mark[2], mark[1])),
        ]
        assert all(s.role == "floor" for s in leaders)
        assert mark[1] > box[3], "the mark is under the box, so left to left does not cross"


def test_on_the_second_side_the_detail_follows_the_mirrored_low_back() -> None:
    # the dead bug works one side, then the other: given a detail, its mark is round the
    # low back of the side being worked
    figure = replace(figure_of("dead-bug"), zoom="low_back")
    scene = FigureScene(figure)
    assert not mirrors_view(figure)
    for mirrored in (False, True):
        x, y = _low_back(scene, figure.start.mirrored() if mirrored else figure.start)
        _, mark = _frames(scene.drawing(figure.at_phase(0.4, mirrored=mirrored)).detail)
        assert (mark[0] + mark[2]) / 2 == pytest.approx(x)
        assert (mark[1] + mark[3]) / 2 == pytest.approx(y + ZOOM_DOWN_CM * scene.frame.scale)


def test_where_the_second_side_is_drawn_mirrored_so_is_the_detail() -> None:
    # lying on the other side, the side plank is drawn as the first side's mirror image
    # (mirrors_view): the mark and what the box shows are mirrored with it
    figure = replace(figure_of("side-plank-knees"), zoom="low_back")
    assert mirrors_view(figure)
    scene = FigureScene(figure)
    middle = scene.frame.offset_x
    for phase in (0.0, 0.4):
        first = scene.drawing(figure.at_phase(phase))
        second = scene.drawing(figure.at_phase(phase, mirrored=True))
        (_, mark), (_, other) = _frames(first.detail), _frames(second.detail)
        assert (other[0] + other[2]) / 2 == pytest.approx(2 * middle - (mark[0] + mark[2]) / 2)
        assert other[1] == pytest.approx(mark[1])
        body = [s for s in first.detail if s.role == "near"]
        assert body, "the body is drawn in the box"
        # inside the box, mirrored about the box's middle
        box_middle = CORNER + BOX_W / 2
        xs = sorted(round(2 * box_middle - x, 3) for s in body for x, _ in s.points)
        mirrored_body = [s for s in second.detail if s.role == "near"]
        assert xs == pytest.approx(sorted(round(x, 3) for s in mirrored_body for x, _ in s.points))


def test_a_thumbnail_leaves_the_detail_out() -> None:
    scene = scene_for(FIGURE)
    small = scene.drawing(FIGURE.work, inset=False)
    assert small.detail == ()
    plain = FigureScene(replace(FIGURE, zoom=None)).drawing(FIGURE.work)
    assert small.shapes == plain.shapes, "drawn as if there were no detail"


def _moved(shapes: tuple[Shape, ...], dx: float, dy: float) -> list[float]:
    return [v for s in shapes for x, y in s.points for v in (x + dx, y + dy)]


def test_each_pose_of_the_still_picture_has_its_own_detail() -> None:
    # start, flat, arched: each with its low back larger in its own corner, as the player
    # draws that pose alone, moved along
    scene = scene_for(FIGURE)
    poses = [pose for _, pose in FIGURE.still_poses]
    assert len(poses) == 3
    shift, drop = VIEW_W + PAIR_GAP, VIEW_H + PAIR_GAP
    row = scene.row(poses)
    expected = [p for i, pose in enumerate(poses) for p in _cells(scene, pose, shift * i, 0)]
    assert _moved(row.detail, 0, 0) == pytest.approx(expected)
    # in two columns (the player's box), the third pose wraps under the second
    snake = scene.row(poses, columns=2)
    places = [(0.0, 0.0), (shift, 0.0), (shift, drop)]
    expected = [p for pose, at in zip(poses, places, strict=True) for p in _cells(scene, pose, *at)]
    assert _moved(snake.detail, 0, 0) == pytest.approx(expected)


def _cells(scene: FigureScene, pose: Pose, dx: float, dy: float) -> list[float]:
    return _moved(scene.drawing(pose).detail, dx, dy)


def test_the_detail_leaves_out_the_far_side_and_the_shadow() -> None:
    """Behind the trunk and the near thigh, the far limbs showed a sliver of the far thigh
    in the box, and their outlines cost a tenth of the frame once the box grew to half
    the picture; the soft shadow, large and see-through, is left out for the same reason.
    The near side and the trunk are all there."""
    scene = scene_for(FIGURE)
    for phase in PHASES[::6]:
        drawing = scene.drawing(FIGURE.at_phase(phase))
        roles = {s.role for s in _in_the_box(drawing.detail)}
        assert not roles & {"far", "tint_far", "shadow"}, phase
        assert {"near", "hollow", "mat"} <= roles, phase
        # the body has far limbs inside the box's view: they were left out, not missing
        assert any(s.role == "far" for s in drawing.shapes)


def test_the_near_thigh_lies_pale_behind_the_trunk_in_the_detail() -> None:
    """Drawn as it is, the near thigh covered the pelvis whose tilt the detail shows; pale
    and behind the trunk, "you can see the whole pelvis and buttock outline rocking" (three
    of three side by side, session 23). The body itself keeps its thigh."""
    scene = scene_for(FIGURE)
    for phase in PHASES[::6]:
        drawing = scene.drawing(FIGURE.at_phase(phase))
        detail = [s for s in _in_the_box(drawing.detail) if s.kind == "poly"]
        roles = [s.role for s in detail]
        assert roles.count("ghost") == 1, (phase, roles)
        # before every near shape: the trunk (and all of the body) is drawn over it
        assert roles.index("ghost") < roles.index("near"), (phase, roles)
        thigh = next(s for s in drawing.shapes if s.part == "l_hip")
        assert thigh.role == "near", "only the detail's thigh is pale"
