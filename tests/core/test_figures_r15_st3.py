"""Stairs (r15): even steps, and a hand plainly on the near rail going up and coming down.

The rater saw "two small steps, then a very tall platform" (the landing was one block 51 cm
tall) and "the hand is on the rail going up but not coming down" (the far, light hand
reached for a rail behind the body).
"""

from __future__ import annotations

from rugdiary.core.body import solve
from rugdiary.core.figure_drawing import scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of


def _props(kind: PropKind) -> list:
    return [p for p in figure_of("stairs").props if p.kind is kind]


def _rail_under(x: float):
    rails = _props(PropKind.RAIL)
    return next(r for r in rails if r.x - 3 <= x <= r.x + r.w + 3)


def test_every_step_block_is_one_riser_tall() -> None:
    # stacked slabs: no face taller than a 17 cm riser, so the landing reads as the third
    # step continuing, not a tall platform
    steps = _props(PropKind.STEP)
    assert all(abs(step.h - 17.0) <= 1.0 for step in steps)
    assert sorted({step.y + step.h for step in steps}) == [17.0, 34.0, 51.0]
    # each slab lies on the one below (or the floor), set back by a tread
    for step in steps:
        if step.y > 0:
            below = [s for s in steps if s.y + s.h == step.y]
            assert below
            assert all(s.x + 27.0 <= step.x for s in below)
            assert all(s.x + s.w == step.x + step.w for s in below), "one block, flush at the back"


def test_the_rail_is_on_the_near_side_of_the_stairs() -> None:
    steps = _props(PropKind.STEP)
    for rail in _props(PropKind.RAIL):
        assert all(rail.z > step.z + step.depth / 2 for step in steps)
        assert all(rail.z - (step.z + step.depth / 2) <= 5.0 for step in steps), "at the edge"
    # the steps come first in the props, so they are drawn before the rail that stands in
    # front of them (and the feet on the first tread are drawn on it, not under it)
    kinds = [p.kind for p in figure_of("stairs").props]
    assert kinds.index(PropKind.RAIL) > max(i for i, k in enumerate(kinds) if k is PropKind.STEP)


def _walking(points: dict) -> str | None:
    fx = points["face"][0] - points["head"][0]
    fz = points["face"][2] - points["head"][2]
    if abs(fx) <= 3 * abs(fz):
        return None
    return "up" if fx > 0 else "down"


def test_the_near_hand_rests_on_the_bar_top_going_up_and_coming_down() -> None:
    figure = figure_of("stairs")
    seen = {"up": 0, "down": 0}
    for i in range(32):
        pose = figure.at_phase(i / 32)
        points = solve(pose).points
        way = _walking(points)
        if way is None:
            continue
        seen[way] += 1
        held = sorted(name[:2] for name, _ in pose.contacts if name.endswith("_hand"))
        # facing +x the left side is towards the camera and the rail; facing -x the right
        near = "l_" if way == "up" else "r_"
        assert held == [near], (i, way, held)
        palm = points[near + "palm"]
        rail = _rail_under(palm[0])
        assert abs(palm[1] - 2.5 - rail.rail_top(palm[0])) <= 2.0, (i, way, "palm on the bar top")
        assert abs(palm[2] - rail.z) <= 2.0, (i, way, "over the bar, not beside it")
    assert seen["up"] >= 10, seen
    assert seen["down"] >= 10, seen


def test_the_rail_hand_is_drawn_dark_in_front_of_the_body_in_the_strip() -> None:
    figure = figure_of("stairs")
    scene = scene_for(figure)
    for i in range(16):
        pose = figure.at_phase(i / 16)
        points = solve(pose).points
        way = _walking(points)
        if way is None:
            continue
        near = "l_" if way == "up" else "r_"
        drawing = scene.drawing(pose)
        trunk = [k for k, s in enumerate(drawing.shapes) if s.part == "trunk"]
        hand = [k for k, s in enumerate(drawing.shapes) if s.part == near + "wrist"]
        assert hand, (i, way)
        assert min(hand) > max(trunk), (i, way)
        assert all(drawing.shapes[k].role == "near" for k in hand), (i, way)
        # coming down the hand is ahead of the chest, where it shows
        if way == "down":
            assert points["spine3"][0] - points[near + "palm"][0] >= 20.0, i


def test_the_foot_on_the_first_tread_is_drawn_on_it() -> None:
    figure = figure_of("stairs")
    drawing = scene_for(figure).drawing(figure.at_phase(1 / 8))
    points = solve(figure.at_phase(1 / 8)).points
    side = max(("l_", "r_"), key=lambda s: points[s + "heel_sole"][1])
    assert abs(points[side + "heel_sole"][1] - 17.0) <= 1.0
    heel = min(k for k, s in enumerate(drawing.shapes) if s.part == side + "heel")
    first = [k for k, s in enumerate(drawing.shapes) if s.part == "step:17cm"]
    assert heel > max(first)
