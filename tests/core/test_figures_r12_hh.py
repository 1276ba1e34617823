"""Hip hinge (round 12): a moderate hinge with a long back, the hands sliding down the thighs.

A rater saw a rounded upper back, the head dropping, the trunk going almost level (deep
for someone in pain) and nothing that showed the back staying long. Now the trunk tips
about 50 degrees, the back and head stay in one line, and the hands rest on the front of
the thighs and slide down them to just above the knees, as the texts say.
"""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import Skeleton, solve
from rugdiary.core.figure_drawing import scene_for
from tests.core.figure_geometry import EXERCISES, figure_of

PHASES = [i / 32 for i in range(32)]
Vec = tuple[float, float, float]


def _tilt(a: Vec, b: Vec) -> float:
    """Angle of the line a -> b from the vertical in degrees, forward (+x) positive."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def _pitch(frame: tuple[float, ...]) -> float:
    """How far a body frame's forward axis points down (negative) or up, in degrees."""
    return math.degrees(math.atan2(frame[3], math.hypot(frame[0], frame[6])))


def _on_thigh(points: dict[str, Vec], side: str) -> tuple[float, float, float]:
    """The palm against the thigh: (share down the thigh 0 hip .. 1 knee, how far in front
    of the thigh's axis, how far from that axis in all) in cm."""
    hip, knee, palm = points[side + "hip"], points[side + "knee"], points[side + "palm"]
    axis = [k - h for k, h in zip(knee, hip, strict=True)]
    length = math.hypot(*axis)
    unit = [a / length for a in axis]
    share = sum((p - h) * u for p, h, u in zip(palm, hip, unit, strict=True)) / length
    nearest = [h + a * share for h, a in zip(hip, axis, strict=True)]
    # forward across the thigh (which runs down from the hip), in the side view's plane
    forward = (-unit[1], unit[0])
    ahead = (palm[0] - nearest[0]) * forward[0] + (palm[1] - nearest[1]) * forward[1]
    return share, ahead, math.dist(palm, nearest)


def _cycle(mirrored: bool = False) -> list[Skeleton]:
    figure = figure_of("hip-hinge")
    return [solve(figure.at_phase(phase, mirrored=mirrored)) for phase in PHASES]


def test_a_side_view_of_a_moderate_hinge_not_a_level_trunk() -> None:
    figure = figure_of("hip-hinge")
    assert figure.camera == "side"
    work = solve(figure.work).points
    assert 45.0 <= _tilt(work["pelvis"], work["c7"]) <= 55.0
    deepest = max(_tilt(s.points["pelvis"], s.points["c7"]) for s in _cycle())
    assert deepest <= 56.0, "never near level"
    # the hips still go well back, behind the heels
    start = solve(figure.start).points
    assert start["pelvis"][0] - work["pelvis"][0] > 16.0
    assert work["pelvis"][0] < work["l_heel_sole"][0] - 15.0


def test_the_spine_stays_neutral_with_no_rounding_in_any_frame() -> None:
    for mirrored in (False, True):
        for skeleton in _cycle(mirrored):
            p = skeleton.points
            lower = _tilt(p["pelvis"], p["spine2"])
            upper = _tilt(p["spine2"], p["c7"])
            # the upper back never bends further forward than the lower back (no rounding),
            # and stays within a few degrees of it (a long line)
            assert -8.0 <= upper - lower <= 1.0, (mirrored, lower, upper)
            assert lower - _tilt(p["pelvis"], p["spine1"]) <= 1.0


def test_the_drawn_back_is_a_straight_line_from_the_hips_to_the_shoulders() -> None:
    # the trunk's outline is deepest at the chest: drawn evenly round the spine, a
    # straight spine's back bulged like a round upper back. The spine runs along the
    # back (figure_drawing.BACK_CM), so the drawn back side, seat to shoulders, stays
    # within 2 cm of a straight line at the bottom of the hinge.
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    for mirrored in (False, True):
        drawing = scene.drawing(figure.at_phase(figure.work_at, mirrored=mirrored))
        points = next(s for s in drawing.shapes if s.part == "trunk").points
        side = (len(points) - 10) // 2
        runs = (points[:side], points[side + 5 : 2 * side + 5])
        back = min(runs, key=lambda run: sum(y for _, y in run))  # the upper side on screen
        (ax, ay), (bx, by) = back[0], back[-1]
        length = math.hypot(bx - ax, by - ay)
        worst = max(abs((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length for x, y in back)
        assert worst / scene.frame.scale <= 2.0, (mirrored, worst / scene.frame.scale)


def test_the_head_stays_in_line_with_the_back_looking_at_the_floor_ahead() -> None:
    for skeleton in _cycle():
        p = skeleton.points
        trunk = _tilt(p["pelvis"], p["c7"])
        # (round 14) the chin is slightly tucked: the head sits a little lower along the
        # back's line and the face may turn a little further down than the chest, never up
        # past it by more than a few degrees
        assert abs(_tilt(p["c7"], p["head"]) - trunk) <= 8.0, "the head does not drop"
        assert -10.0 <= _pitch(skeleton.head_frame) - _pitch(skeleton.chest_frame) <= 8.0
    work = solve(figure_of("hip-hinge").work)
    # the face turns down with the trunk: towards the floor about a metre ahead of the feet
    assert -60.0 <= _pitch(work.head_frame) <= -35.0
    assert work.points["head"][1] > work.points["c7"][1], "the head not below the shoulders"


def test_knees_soft_and_shins_near_upright_throughout() -> None:
    for skeleton in _cycle():
        p = skeleton.points
        for side in ("l_", "r_"):
            assert abs(_tilt(p[side + "ankle"], p[side + "knee"])) <= 6.0
            straight = math.dist(p[side + "hip"], p[side + "knee"]) + math.dist(
                p[side + "knee"], p[side + "ankle"]
            )
            assert straight - math.dist(p[side + "hip"], p[side + "ankle"]) > 0.5


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_hands_slide_down_the_front_of_the_thighs_to_above_the_knees(mirrored: bool) -> None:
    shares = []
    for skeleton in _cycle(mirrored):
        for side in ("l_", "r_"):
            share, ahead, away = _on_thigh(skeleton.points, side)
            # on the front of the thigh: ahead of its axis by about its half-thickness
            # (6-9 cm) plus the hand, never off in the air or behind it
            assert 0.25 <= share <= 0.9, (side, share)
            assert 3.0 <= ahead <= 10.0, (side, ahead)
            assert away <= 10.5, (side, away)
        shares.append(_on_thigh(skeleton.points, "l_")[0])
    assert shares[0] <= 0.4, "resting high on the thighs at the start"
    assert max(shares) >= 0.75, "down to just above the knees"


def test_the_texts_say_what_the_hands_do_in_both_languages() -> None:
    exercise = EXERCISES["hip-hinge"]
    start = exercise.start
    first = exercise.steps[0]
    assert "thighs" in start.en
    assert "bovenbenen" in start.nl
    for word in ("slide", "knees"):
        assert word in first.en
    for word in ("glijden", "knieën"):
        assert word in first.nl
