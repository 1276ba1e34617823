"""Round 11, curl-up: seen from a little higher, a small upper-back curl with the neck in line,
the low back and pelvis still, and an arrow over the shoulders."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import VIEW_H, VIEW_W, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, inside

THUMB_PX_PER_UNIT = min(160 / VIEW_W, 120 / VIEW_H)
"""The library thumbnail (about 160x120 px) shows the 240x160 view at this scale."""


def _cycle(figure: Figure, n: int = 24) -> list[tuple[float, dict[str, Vec]]]:
    return [(i / n, solve(figure.at_phase(i / n)).points) for i in range(n + 1)]


def _rise(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises towards the head (-x) from level."""
    return math.degrees(math.atan2(b[1] - a[1], a[0] - b[0]))


def _shoulders(points: dict[str, Vec]) -> float:
    return (points["l_shoulder"][1] + points["r_shoulder"][1]) / 2


def test_curl_up_upper_back_curls_about_20_degrees_and_the_neck_follows_in_line() -> None:
    """Round 13: 20 degrees read as a neck lift, the upper back now curls 24-30 degrees."""
    work = solve(figure_of("curl-up").work).points
    upper = _rise(work["spine3"], work["c7"])
    neck = _rise(work["c7"], work["neck_top"])
    assert 17.0 <= upper <= 30.0, f"the upper back tips up {upper:.0f} degrees"
    assert 0.0 <= neck - upper <= 7.0, f"the neck bends {neck - upper:.0f} degrees off the back"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_head_stays_in_line_with_the_upper_back_all_the_way(mirrored: bool) -> None:
    figure = figure_of("curl-up")
    for i in range(25):
        points = solve(figure.at_phase(i / 24, mirrored=mirrored)).points
        bend = _rise(points["c7"], points["neck_top"]) - _rise(points["spine3"], points["c7"])
        assert -3.0 <= bend <= 7.0, (i, round(bend, 1), "no chin poke, no hard tuck")


def test_curl_up_shoulders_lift_a_few_cm_and_it_shows_on_a_thumbnail() -> None:
    figure = figure_of("curl-up")
    start, work = solve(figure.start).points, solve(figure.work).points
    lift = _shoulders(work) - _shoulders(start)
    assert 5.0 <= lift <= 9.0, f"the shoulders rise {lift:.1f} cm: a little, no sit-up"
    assert work["spine3"][1] - start["spine3"][1] >= 2.0, "the shoulder blades leave the mat"
    head = work["head"][1] - start["head"][1]
    assert 10.0 <= head <= 22.0, f"the head rises {head:.1f} cm with the upper back"
    scale = scene_for(figure).frame.scale * THUMB_PX_PER_UNIT
    cam = scene_for(figure).camera
    screen = cam.project(work["c7"])[1] - cam.project(start["c7"])[1]
    assert screen * scale >= 4.0, "the lift shows on a 160x120 thumbnail"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_low_back_and_pelvis_stay_on_the_mat(mirrored: bool) -> None:
    figure = figure_of("curl-up")
    start = solve(figure.start.mirrored() if mirrored else figure.start).points
    for i in range(25):
        points = solve(figure.at_phase(i / 24, mirrored=mirrored)).points
        for name in ("pelvis", "spine0", "spine1", "spine2"):
            moved = math.dist(points[name], start[name])
            assert moved <= 1.0, (i, name, round(moved, 1))
        for side in "lr":
            assert math.dist(points[f"{side}_palm"], start[f"{side}_palm"]) <= 0.5, "hands stay"


def test_curl_up_head_rests_on_the_mat_at_the_start() -> None:
    figure = figure_of("curl-up")
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    start = solve(figure.start).points
    assert start["head"][1] - 11.0 - mat_top <= 1.0, "the head lies down between reps"
    assert "head" in dict(figure.start.contacts)
    assert "head" not in dict(figure.work.contacts), "and leaves the mat at work"


def test_curl_up_arrow_points_up_over_the_shoulders_clear_of_the_body() -> None:
    figure = figure_of("curl-up")
    arrow = figure.arrow
    assert arrow is not None
    assert (arrow.at, arrow.shape, arrow.both) == ("chest", "up", False), "a lift"
    assert arrow.size > 0, "pointing up"
    scene = scene_for(figure)
    s = scene.frame.scale
    for phase in (0.0, 0.25, 0.5, 0.75):
        drawing = scene.drawing(figure.at_phase(phase))
        line = next(sh for sh in drawing.shapes if sh.part == "cue:arrow")
        trunk = next(sh for sh in drawing.shapes if sh.part == "trunk")
        head_x, head_y = drawing.joints["head"]
        for x, y in line.points:
            assert not inside((x, y), trunk.points), (phase, "the arrow stays off the trunk")
            # beside the head, towards the feet, and no further than the mid-back
            assert math.dist((x, y), (head_x, head_y)) >= 12.0 * s, (phase, "off the face")
        x = line.points[0][0]
        assert head_x < x < drawing.joints["pelvis"][0], (phase, "between head and pelvis")
        assert abs(x - drawing.joints["l_shoulder"][0]) <= 14.0 * s, "over the shoulders"


def test_curl_up_near_elbow_lies_out_on_the_mat_in_sight() -> None:
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work):
        drawing = scene.drawing(pose)
        trunk = next(sh for sh in drawing.shapes if sh.part == "trunk")
        assert not inside(drawing.joints["l_elbow"], trunk.points), "the elbow is seen"
        points = solve(pose).points
        # round 14: beside the waist (clear of the trunk's half-width and the elbow's own
        # thickness), so the upper arm lies along the body instead of propping it up
        assert points["l_elbow"][2] >= 22.0, "out beside the body"
        assert abs(points["l_palm"][0] - points["spine1"][0]) <= 8.0, "hand under the low back"


def test_curl_up_texts_say_what_the_figure_shows() -> None:
    exercise = EXERCISES["curl-up"]
    start, lift = exercise.start, exercise.steps[0]
    for words, text in (
        (("lower back", "elbows"), start.en),
        (("onderrug", "ellebogen"), start.nl),
        (("upper back", "few centimetres"), lift.en),  # the head moves with the upper back
        (("bovenrug", "paar centimeter"), lift.nl),
    ):
        for word in words:
            assert word in text, word
