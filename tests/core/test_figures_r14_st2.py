"""Stairs (r14): the 8-frame strip shows one tread at a time, a real landing to turn on."""

from __future__ import annotations

from rugdiary.core.body import solve
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of


def _steps():
    figure = figure_of("stairs")
    return sorted((p for p in figure.props if p.kind is PropKind.STEP), key=lambda p: p.y + p.h)


def _tread(point: tuple[float, float, float]) -> float:
    tops = [0.0]
    for step in _steps():
        x0, _, z0, x1, _, z1 = step.box()
        if x0 <= point[0] <= x1 and z0 <= point[2] <= z1:
            tops.append(step.y + step.h)
    return max(tops)


def _feet_levels(phase: float) -> list[float]:
    points = solve(figure_of("stairs").at_phase(phase)).points
    return sorted(_tread(points[side + "heel_sole"]) for side in ("l_", "r_"))


def test_the_eight_frame_strip_climbs_and_descends_one_tread_per_frame() -> None:
    # The rater saw "floor to step 2 to the top": with a step per sixteenth, the strip
    # skipped every other tread. Now the leading foot is one riser further in each frame.
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


def test_the_rail_hand_grips_the_bar_in_every_sixteenth() -> None:
    figure = figure_of("stairs")
    rails = [p for p in figure.props if p.kind is PropKind.RAIL]
    for i in range(16):
        pose = figure.at_phase(i / 16)
        points = solve(pose).points
        held = [name[:2] for name, _ in pose.contacts if name.endswith("_hand")]
        assert held, i
        for side in held:
            palm = points[side + "palm"]
            rail = next(r for r in rails if r.x - 3 <= palm[0] <= r.x + r.w + 3)
            assert abs(palm[1] - 2.5 - rail.rail_top(palm[0])) <= 1.0, (i, side)
            assert abs(palm[2] - rail.z) <= 5.0, (i, side, "over the bar, not beside it")
