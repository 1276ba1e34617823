"""Knee rocking (issue 13, round 11): knees paired, palms on the kneecaps, a clear rock in
towards the chest and back out with the elbows following, the back and head on the mat."""

from __future__ import annotations

import itertools
import math

from rugdiary.core.body import HEAD_RADIUS, Skeleton, Vec, solve
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import EXERCISES, figure_of

FIGURE = figure_of("knee-rocking")
PHASES = [i / 48 for i in range(48)]
FRAMES: list[Skeleton] = [
    solve(FIGURE.at_phase(phase, mirrored=mirrored))
    for phase in PHASES
    for mirrored in (False, True)
]
MAT = next(p for p in FIGURE.props if p.kind is PropKind.MAT)
MAT_TOP = MAT.y + MAT.h


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _angle_between(u: Vec, v: Vec) -> float:
    cos = sum(p * q for p, q in zip(u, v, strict=True)) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def _elbow_bend(points: dict[str, Vec], side: str) -> float:
    shoulder, elbow, wrist = (points[f"{side}_{n}"] for n in ("shoulder", "elbow", "wrist"))
    return 180.0 - _angle_between(_sub(shoulder, elbow), _sub(wrist, elbow))


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def test_the_legs_move_as_one_pair_knees_together_and_shins_parallel() -> None:
    # Knees 20 degrees apart read as a frog pose: the legs stay together as one unit
    # (knees 11 cm thick, hip joints 18 cm apart), the shins and thighs side by side.
    for skeleton in FRAMES:
        p = skeleton.points
        assert math.dist(p["l_knee"], p["r_knee"]) <= 16.0, "the knees stay together"
        assert math.dist(p["l_ankle"], p["r_ankle"]) <= 18.0, "the feet stay side by side"
        shins = _angle_between(_sub(p["l_ankle"], p["l_knee"]), _sub(p["r_ankle"], p["r_knee"]))
        thighs = _angle_between(_sub(p["l_knee"], p["l_hip"]), _sub(p["r_knee"], p["r_hip"]))
        assert shins <= 8.0, "shins parallel"
        assert thighs <= 8.0, "thighs parallel"


def test_both_palms_stay_on_the_knees_through_the_whole_rock() -> None:
    for skeleton in FRAMES:
        p = skeleton.points
        for side in "lr":
            # the knee is 11 cm thick and the hand 2.5: a palm on the kneecap is ~7 cm away
            reach = math.dist(p[f"{side}_palm"], p[f"{side}_knee"])
            assert reach <= 8.0, f"{side} palm {reach:.1f} cm from the knee"
            # the hand does not reach past the knee into the air: the fingertips stay low
            assert p[f"{side}_hand"][1] <= p[f"{side}_knee"][1] + 8.0


def test_the_knees_rock_in_towards_the_chest_and_back_out_along_the_body() -> None:
    start, work = solve(FIGURE.start).points, solve(FIGURE.work).points
    knees0 = _mid(start["l_knee"], start["r_knee"])
    knees1 = _mid(work["l_knee"], work["r_knee"])
    # towards the chest: at least 15 cm nearer the upper chest, 18 cm along the body
    nearer = math.dist(knees0, start["spine3"]) - math.dist(knees1, work["spine3"])
    assert nearer >= 15.0, f"the knees come only {nearer:.1f} cm nearer the chest"
    assert knees0[0] - knees1[0] >= 18.0, "the knees travel towards the head"
    # a rock in the body's plane, not a sideways roll or a circle
    for skeleton in FRAMES[::2]:
        knees = _mid(skeleton.points["l_knee"], skeleton.points["r_knee"])
        assert abs(knees[2]) <= 2.0, "the knees do not drift sideways"
    # and back out: the cycle ends where it began, the far end once in the middle
    names = [k.name for k in FIGURE.keyframes]
    assert names[0] == "start"
    assert FIGURE.work_at == 0.5
    xs = [_mid(*(solve(FIGURE.at_phase(t)).points[f"{s}_knee"] for s in "lr"))[0] for t in PHASES]
    turn = xs.index(min(xs))
    assert 20 <= turn <= 28, "the far end in the middle of the cycle"
    assert all(a >= b for a, b in itertools.pairwise(xs[: turn + 1])), "in..."
    assert all(a <= b for a, b in itertools.pairwise(xs[turn:])), "...then out"


def test_the_elbows_bend_more_as_the_knees_come_in() -> None:
    keys = [solve(k.pose).points for k in FIGURE.keyframes]
    for side in "lr":
        pairs = [
            (math.dist(p[f"{side}_shoulder"], p[f"{side}_knee"]), _elbow_bend(p, side))
            for p in keys
        ]
        for near, bend in pairs:
            for near2, bend2 in pairs:
                if near < near2 - 3.0:
                    assert bend > bend2, "a nearer knee, a more bent elbow"
        bends = [bend for _, bend in pairs]
        assert min(bends) <= 20.0, "the arms almost straight with the knees out"
        assert max(bends) >= 90.0, "elbows well bent with the knees in"


def test_the_low_back_pelvis_and_head_rest_on_the_mat_throughout() -> None:
    for skeleton in FRAMES:
        p = skeleton.points
        for name, radius in (("pelvis", 11.0), ("spine1", 11.0), ("spine3", 11.0)):
            assert p[name][1] - radius - MAT_TOP <= 1.0, f"{name} lifts off the mat"
        assert p["head"][1] - HEAD_RADIUS - MAT_TOP <= 1.0, "the head rests on the mat"
        assert p["c7"][1] - 11.0 - MAT_TOP <= 1.0, "the shoulders stay down"


def test_seen_from_the_side_with_a_rocking_arrow_at_the_knees_and_texts_that_agree() -> None:
    assert FIGURE.camera == "side"
    assert FIGURE.arrow is not None
    assert FIGURE.arrow.at == "knees"
    assert FIGURE.arrow.both, "there and back"
    exercise = EXERCISES["knee-rocking"]
    # the figure rocks in and out and the texts say so first; small circles (the
    # handout's other way of rocking) come after, as an option the figure does not show
    words = " ".join(step.en for step in exercise.steps).lower()
    woorden = " ".join(step.nl for step in exercise.steps).lower()
    assert "chest" in words
    assert "circle" not in words[: words.index("chest")]
    assert "borst" in woorden
    assert "rondje" not in woorden[: woorden.index("borst")]
