"""Stairs: feet planted on treads in every sampled frame, swing feet clear the noses, short turn."""

from __future__ import annotations

import itertools

from rugdiary.core.body import solve
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of


def _tread(point: tuple[float, float, float]) -> float:
    """The top of the step (or floor) under a point, the step's own box, no margin."""
    figure = figure_of("stairs")
    tops = [0.0]
    for step in (p for p in figure.props if p.kind is PropKind.STEP):
        x0, _, z0, x1, _, z1 = step.box()
        if x0 <= point[0] <= x1 and z0 <= point[2] <= z1:
            tops.append(step.y + step.h)
    return max(tops)


def test_in_every_eighth_of_the_cycle_both_feet_stand_on_a_tread() -> None:
    # The 8-frame strip showed feet floating between steps and one dangling at the top:
    # now each eighth of the cycle shows both feet on a tread, each flat (whole foot) or,
    # the back foot going down, on its toes at the edge of its tread. (r14: one step per
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
    # tread (r14: was a sixteenth, and the strip skipped every second step)
    ups = [at["up1"], at["work"], at["up3"]]
    downs = [at[f"down{k}"] for k in range(1, 4)]
    for times in (ups, downs):
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert all(abs(g - 1 / 8) < 1e-3 for g in gaps), gaps


def test_going_down_the_rail_hand_shows_ahead_of_the_body() -> None:
    # "coming down the hands hang free": the hand on the rail's side (r15: the near, right
    # hand; the rail is on the near side) holds the rail well ahead of the chest in each
    # frame of the descent in the strip
    figure = figure_of("stairs")
    for phase in (0.625, 0.6875, 0.75, 0.8125, 0.875):
        pose = figure.at_phase(phase)
        points = solve(pose).points
        assert "r_hand" in dict(pose.contacts), phase
        assert points["spine3"][0] - points["r_palm"][0] >= 25.0, phase
