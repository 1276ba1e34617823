"""Round 14, curl-up: the raters read the near arm as propping on an elbow and missed the
hands. The near upper arm now lies along the body to an elbow beside the waist (not under
the shoulder), the forearm goes straight in under the back (no forearm flat on the mat
towards the feet), and the hand under the back is drawn in the lighter, shaded tone; the
upper back curls a little further with the head exactly in line."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, Vec, solve
from rugdiary.core.figure_drawing import scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, inside


def _rise(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises towards the head (-x) from level."""
    return math.degrees(math.atan2(b[1] - a[1], a[0] - b[0]))


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_near_upper_arm_lies_along_the_body_not_propping(mirrored: bool) -> None:
    """Seen from the side, an upper arm dropping steeply from the lifted shoulder to an
    elbow under it reads as a prop: the elbow lies well towards the feet, beside the waist,
    and the drawn upper arm slopes gently."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for phase in (0.0, 0.25, 0.5):
        points = solve(figure.at_phase(phase, mirrored=mirrored)).points
        near = "l_" if points["l_elbow"][2] > points["r_elbow"][2] else "r_"  # camera side
        shoulder, elbow = points[near + "shoulder"], points[near + "elbow"]
        assert elbow[0] - shoulder[0] >= 23.0, (phase, "the elbow lies beside the waist")
        assert abs(elbow[0] - points["spine1"][0]) <= 7.0, (phase, "level with the low back")
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        (sx, sy), (ex, ey) = drawing.joints[near + "shoulder"], drawing.joints[near + "elbow"]
        slope = math.degrees(math.atan2(ey - sy, ex - sx))
        assert 0.0 < slope <= 38.0, (phase, f"the upper arm slopes {slope:.0f} degrees")


def test_curl_up_elbows_stay_on_the_mat_all_the_way() -> None:
    figure = figure_of("curl-up")
    mat_top = next(p for p in figure.props if p.kind is PropKind.MAT).h
    for i in range(25):
        points = solve(figure.at_phase(i / 24)).points
        for side in "lr":
            lift = points[f"{side}_elbow"][1] - CONTACT_POINTS[f"{side}_elbow"] - mat_top
            assert lift <= 1.5, (i, side, round(lift, 1), "the elbows rest, they do not push")


@pytest.mark.parametrize("phase", [0.0, 0.5])
def test_curl_up_forearm_goes_straight_in_not_along_the_mat(phase: float) -> None:
    """A forearm lying on the mat towards the feet is the prop's picture: it runs straight
    in under the back, seen end-on and short."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    points = solve(figure.at_phase(phase)).points
    elbow, wrist = points["l_elbow"], points["l_wrist"]
    assert abs(wrist[0] - elbow[0]) <= 5.0, "across the body, not along it"
    assert elbow[2] - wrist[2] >= 22.0, "in under the back"
    drawing = scene.drawing(figure.at_phase(phase))
    seen = math.dist(drawing.joints["l_elbow"], drawing.joints["l_wrist"]) / scene.frame.scale
    assert seen <= 8.0, f"{seen:.1f} cm of forearm seen"


@pytest.mark.parametrize("mirrored", [False, True])
def test_curl_up_hand_under_the_back_is_drawn_shaded_and_seen(mirrored: bool) -> None:
    """The near hand under the back takes the lighter tone, so it does not continue the dark
    arm like a forearm on the mat; the rest of the near arm stays dark."""
    figure = figure_of("curl-up")
    scene = scene_for(figure)
    for phase in (0.0, 0.5):
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        roles = {shape.part: shape.role for shape in drawing.shapes}
        near = "l_" if roles["l_shoulder"] == "near" else "r_"
        assert roles[near + "shoulder"] == roles[near + "elbow"] == "near", "the arm is dark"
        assert roles[near + "wrist"] == "far", "the hand lies in the back's shade"
        trunk = next(s for s in drawing.shapes if s.part == "trunk").points
        hand = next(s for s in drawing.shapes if s.part == near + "wrist").points
        seen = [p for p in hand if not inside(p, trunk)]
        assert len(seen) >= len(hand) // 2, (phase, "the hand is seen under the back")
        elbow_x = drawing.joints[near + "elbow"][0]
        assert max(x for x, _ in hand) > elbow_x + 3.0 * scene.frame.scale, "past the elbow"


def test_a_near_hand_not_under_the_back_keeps_the_near_tone() -> None:
    for exercise_id in ("glute-bridge", "dead-bug", "pelvic-tilt", "knee-rocking"):
        figure = figure_of(exercise_id)
        scene = scene_for(figure)
        drawing = scene.drawing(figure.at_phase(0.0))
        roles = {shape.part: shape.role for shape in drawing.shapes}
        near = "l_" if roles.get("l_hip") == "near" else "r_"
        assert roles[near + "wrist"] == roles[near + "shoulder"], exercise_id


def test_curl_up_upper_back_curls_30_degrees_with_the_head_exactly_in_line() -> None:
    figure = figure_of("curl-up")
    start, work = solve(figure.start).points, solve(figure.work).points
    upper = _rise(work["spine3"], work["c7"])
    assert 28.5 <= upper <= 30.0, f"the upper back curls {upper:.0f} degrees"
    bend = _rise(work["c7"], work["neck_top"]) - upper
    assert 0.0 <= bend <= 1.5, f"the head follows the upper back ({bend:.1f} degrees)"
    shoulders = (work["l_shoulder"][1] - start["l_shoulder"][1], work["c7"][1] - start["c7"][1])
    assert shoulders[0] >= 8.0, "the shoulders come up clearly"
    assert shoulders[1] >= 10.0, "the top of the upper back comes up clearly"


def test_curl_up_texts_say_elbows_beside_the_waist_and_stay_on_the_mat() -> None:
    exercise = EXERCISES["curl-up"]
    start, lift = exercise.start, exercise.steps[0]
    for words, text in (
        (("out to the sides", "next to your waist"), start.en),
        (("opzij", "naast je middel"), start.nl),
        (("elbows stay on the mat", "lower back stays on your hands"), lift.en),
        (("ellebogen blijven op de mat", "onderrug blijft op je handen"), lift.nl),
    ):
        for word in words:
            assert word in text, word
