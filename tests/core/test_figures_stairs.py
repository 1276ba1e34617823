"""Stairs: feet on the treads, even steps, a short turn, equal slabs, the rail and the hand."""

from __future__ import annotations

import itertools

from rugdiary.core.body import solve
from rugdiary.core.figure_drawing import scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of


def _tread(point: tuple[float, float, float]) -> float:
    tops = [0.0]
    for step in _steps():
        x0, _, z0, x1, _, z1 = step.box()
        if x0 <= point[0] <= x1 and z0 <= point[2] <= z1:
            tops.append(step.y + step.h)
    return max(tops)


def _steps():
    figure = figure_of("stairs")
    return sorted((p for p in figure.props if p.kind is PropKind.STEP), key=lambda p: p.y + p.h)


def _feet_levels(phase: float) -> list[float]:
    points = solve(figure_of("stairs").at_phase(phase)).points
    return sorted(_tread(points[side + "heel_sole"]) for side in ("l_", "r_"))


def _props(kind: PropKind) -> list:
    return [p for p in figure_of("stairs").props if p.kind is kind]


def _rail_under(x: float):
    rails = _props(PropKind.RAIL)
    return next(r for r in rails if r.x - 3 <= x <= r.x + r.w + 3)


def _walking(points: dict) -> str | None:
    fx = points["face"][0] - points["head"][0]
    fz = points["face"][2] - points["head"][2]
    if abs(fx) <= 3 * abs(fz):
        return None
    return "up" if fx > 0 else "down"


def test_in_every_eighth_of_the_cycle_both_feet_stand_on_a_tread() -> None:
    # The 8-frame strip showed feet floating between steps and one dangling at the top:
    # now each eighth of the cycle shows both feet on a tread, each flat (whole foot) or,
    # the back foot going down, on its toes at the edge of its tread. (One step per
    # eighth, so the sixteenths in between show a foot in the air.)
    figure = figure_of("stairs")
    for i in range(0, 16, 2):
        if figure.at_phase(i / 16).turn[0] not in (0.0, -90.0, -180.0):
            continue  # a small pivot step while turning round at the bottom
        points = solve(figure.at_phase(i / 16)).points
        for side in ("l_", "r_"):
            heel, toe = points[side + "heel_sole"], points[side + "toe"]
            top = _tread(toe)
            assert toe[1] - 1.5 - top <= 1.0, (i, side, "the toes rest on a tread")
            flat = abs(heel[1] - top) <= 1.0 and _tread(heel) == top
            assert flat or heel[1] - top <= 12.0, (i, side, "flat, or only the heel lifted")
            if i % 2 == 0 and figure.at_phase(i / 16).turn[0] == 0.0:
                assert flat, (i, side, "going up, every foot in the strip is flat")


def test_swinging_feet_clear_the_step_edges() -> None:
    figure = figure_of("stairs")
    for i in range(960):
        points = solve(figure.at_phase(i / 960)).points
        for side in ("l_", "r_"):
            for part, radius in (("heel_sole", 0.0), ("sole", 0.0), ("toe", 1.5), ("heel", 0.0)):
                point = points[side + part]
                assert point[1] - radius >= _tread(point) - 1.5, (i / 960, side + part)


def test_the_turn_at_the_top_is_short_and_the_climb_and_descent_are_even() -> None:
    figure = figure_of("stairs")
    at = {key.name: key.at for key in figure.keyframes}
    # round on the landing in less than two seconds of the 12-second loop
    assert (at["top"] - at["up4"]) * figure.cycle_s <= 1.6
    # one step per eighth of the loop, up and down, so the 8-frame strip shows every
    # tread (with a step per sixteenth the strip skipped every second step)
    ups = [at["up1"], at["work"], at["up3"]]
    downs = [at[f"down{k}"] for k in range(1, 4)]
    for times in (ups, downs):
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert all(abs(g - 1 / 8) < 1e-3 for g in gaps), gaps


def test_going_down_the_rail_hand_shows_ahead_of_the_body() -> None:
    # "coming down the hands hang free": the hand on the rail's side (the near, right
    # hand; the rail is on the near side) holds the rail well ahead of the chest in each
    # frame of the descent in the strip
    figure = figure_of("stairs")
    for phase in (0.625, 0.6875, 0.75, 0.8125, 0.875):
        pose = figure.at_phase(phase)
        points = solve(pose).points
        assert "r_hand" in dict(pose.contacts), phase
        assert points["spine3"][0] - points["r_palm"][0] >= 25.0, phase


def test_the_eight_frame_strip_climbs_and_descends_one_tread_per_frame() -> None:
    # The rater saw "floor to step 2 to the top": with a step per sixteenth, the strip
    # skipped every other tread: the leading foot must be one riser further in each frame.
    up = [_feet_levels(i / 8)[1] for i in range(4)]
    assert up == [0.0, 17.0, 34.0, 51.0], up
    assert _feet_levels(4 / 8) == [51.0, 51.0], "both feet on the landing while turning"
    down = [_feet_levels(i / 8)[0] for i in range(5, 8)]
    assert down == [34.0, 17.0, 0.0], down
    # and each frame the trailing foot is at most one riser (two on the way) behind
    for i in range(8):
        low, high = _feet_levels(i / 8)
        assert high - low <= 34.0, i


def test_the_top_is_a_landing_deep_enough_to_turn_on() -> None:
    steps = _steps()
    assert len(steps) == 3
    tops = [s.y + s.h for s in steps]
    for low, high in zip([0.0, *tops[:-1]], tops, strict=True):
        assert abs(high - low - 17.0) <= 1.0, "normal 17 cm risers"
    landing = steps[-1]
    assert landing.w >= 70.0, "a landing, not a tiny top step"
    figure = figure_of("stairs")
    # the whole turn at the top stays on the landing, clear of its edge
    for key in figure.keyframes:
        if key.name.startswith("turn") or key.name == "top":
            points = solve(key.pose).points
            for side in ("l_", "r_"):
                assert points[side + "heel_sole"][0] >= landing.x + 4.0, (key.name, side)
                assert points[side + "toe"][0] <= landing.x + landing.w - 10.0, (key.name, side)


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


def test_the_near_hand_rests_on_the_bar_top_going_up_and_coming_down() -> None:
    figure = figure_of("stairs")
    seen = {"up": 0, "down": 0}
    for i in range(32):
        pose = figure.at_phase(i / 32)
        points = solve(pose).points
        held = sorted(name[:2] for name, _ in pose.contacts if name.endswith("_hand"))
        assert held, (i, "a hand on the rail all the way, turning too")
        for side in held:
            palm = points[side + "palm"]
            rail = _rail_under(palm[0])
            assert abs(palm[1] - 2.5 - rail.rail_top(palm[0])) <= 1.0, (i, side, "gripping it")
        way = _walking(points)
        if way is None:
            continue
        seen[way] += 1
        # facing +x the left side is towards the camera and the rail; facing -x the right
        near = "l_" if way == "up" else "r_"
        assert held == [near], (i, way, held)
        palm = points[near + "palm"]
        rail = _rail_under(palm[0])
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


def test_the_stair_and_landing_rails_are_one_handrail_posted_only_at_its_ends() -> None:
    # Posts where the stair's rail meets the landing's stood in front of the legs of the
    # figure passing them, up and down, and raters saw it walk through the rail (session
    # 12): joined end to end the two rails are one handrail, posted at its two far ends.
    figure = figure_of("stairs")
    scene = scene_for(figure)
    rails = _props(PropKind.RAIL)
    assert len(rails) == 2
    feet: list[float] = []
    for i in range(48):
        joints = scene.drawing(figure.at_phase(i / 48)).joints
        feet += [joints["l_ankle"][0], joints["r_ankle"][0]]
    posts = [s for s in scene.drawing(figure.start).shapes if s.part == "rail:post"]
    lefts = [min(x for x, _ in s.points) for s in posts]
    rights = [max(x for x, _ in s.points) for s in posts]
    assert posts, "the handrail stands on posts"
    for left, right in zip(lefts, rights, strict=True):
        assert right < min(feet) or left > max(feet), "no post where the figure walks"
    assert min(rights) < min(feet), "a post at the foot of the stair"
    assert max(lefts) > max(feet), "and one at the far end of the landing"
