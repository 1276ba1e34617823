"""Dead bug: one heel slides out as the opposite arm reaches back, the low back stays down."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import HEAD_RADIUS, Vec, solve
from rugdiary.core.content import load_library
from rugdiary.core.exercises import Level
from rugdiary.core.figure_drawing import scene_for
from rugdiary.core.figures import PropKind
from rugdiary.resources import resources_dir
from tests.core.figure_geometry import figure_of, inside, joint_angle

FIGURE = figure_of("dead-bug")
MAT_TOP = next(p for p in FIGURE.props if p.kind is PropKind.MAT).h
PHASES = [i / 24 for i in range(25)]


def _arm_back(points: dict[str, Vec], side: str) -> float:
    """How far (degrees) the line shoulder->hand tips from pointing at the ceiling towards
    beyond the head (the head lies towards -x)."""
    shoulder, hand = points[f"{side}_shoulder"], points[f"{side}_hand"]
    return math.degrees(math.atan2(shoulder[0] - hand[0], hand[1] - shoulder[1]))


def _work(mirrored: bool) -> tuple[dict[str, Vec], dict[str, Vec]]:
    start = solve(FIGURE.start.mirrored() if mirrored else FIGURE.start).points
    work = solve(FIGURE.work.mirrored() if mirrored else FIGURE.work).points
    return start, work


def test_seen_from_the_side_starting_with_knees_bent_feet_flat_and_both_arms_up() -> None:
    assert FIGURE.camera in ("side", "side_low")
    start = solve(FIGURE.start).points
    for side in "lr":
        for end in ("heel_sole", "toe"):
            assert start[f"{side}_{end}"][1] - MAT_TOP <= 2.0, (side, end)
        assert (
            joint_angle(start[f"{side}_hip"], start[f"{side}_knee"], start[f"{side}_ankle"]) < 110
        )
        assert start[f"{side}_hand"][1] - start[f"{side}_shoulder"][1] >= 60, side
        assert abs(_arm_back(start, side)) <= 8, "the arms point straight up to the ceiling"
        elbow = joint_angle(
            start[f"{side}_shoulder"], start[f"{side}_elbow"], start[f"{side}_hand"]
        )
        assert elbow >= 165, side


@pytest.mark.parametrize(("mirrored", "leg", "arm"), [(False, "l", "r"), (True, "r", "l")])
def test_one_leg_slides_out_long_while_the_opposite_arm_reaches_back_overhead(
    mirrored: bool, leg: str, arm: str
) -> None:
    start, work = _work(mirrored)
    knee = joint_angle(work[f"{leg}_hip"], work[f"{leg}_knee"], work[f"{leg}_ankle"])
    assert knee >= 172, f"the lengthening leg is nearly straight ({knee:.0f} degrees)"
    slide = work[f"{leg}_heel_sole"][0] - start[f"{leg}_heel_sole"][0]
    assert slide >= 30, f"the heel slides only {slide:.0f} cm"
    # the opposite arm: well back from pointing up, the hand beyond the head, a soft elbow
    back = _arm_back(work, arm)
    assert back >= 48, f"the arm tips only {back:.0f} degrees back"
    beyond = work["head"][0] - work[f"{arm}_hand"][0]
    assert beyond >= HEAD_RADIUS + 12, f"the hand is only {beyond:.0f} cm past the head centre"
    elbow = joint_angle(work[f"{arm}_shoulder"], work[f"{arm}_elbow"], work[f"{arm}_hand"])
    assert elbow >= 160, f"the reaching arm is long, not folded ({elbow:.0f})"
    # the other pair stays as it started: that arm points up, that foot flat on the mat
    other_arm, other_leg = leg, arm
    assert abs(_arm_back(work, other_arm)) <= 8
    for name in (f"{other_leg}_heel_sole", f"{other_leg}_toe", f"{other_leg}_knee"):
        assert math.dist(work[name], start[name]) <= 0.5, name


def test_the_two_sides_alternate_every_level_and_each_side_moves_its_own_pair() -> None:
    exercise = dict(load_library(resources_dir()).exercises)["dead-bug"]
    for level in Level:
        assert exercise.dose(level).per_side, f"{level}: the other pair follows"
    first, second = _work(False)[1], _work(True)[1]
    # the first side lengthens the left leg and reaches with the right arm, the second the
    # right leg and the left arm: never the same leg twice, never a leg with its own arm
    assert joint_angle(first["l_hip"], first["l_knee"], first["l_ankle"]) >= 172
    assert joint_angle(first["r_hip"], first["r_knee"], first["r_ankle"]) < 110
    assert joint_angle(second["r_hip"], second["r_knee"], second["r_ankle"]) >= 172
    assert joint_angle(second["l_hip"], second["l_knee"], second["l_ankle"]) < 110
    assert _arm_back(first, "r") >= 48
    assert abs(_arm_back(first, "l")) <= 8
    assert _arm_back(second, "l") >= 48
    assert abs(_arm_back(second, "r")) <= 8


def test_arm_and_leg_move_together_in_every_frame() -> None:
    for mirrored, leg, arm in ((False, "l", "r"), (True, "r", "l")):
        start, work = _work(mirrored)
        slide = work[f"{leg}_heel_sole"][0] - start[f"{leg}_heel_sole"][0]
        swing = _arm_back(work, arm) - _arm_back(start, arm)
        for phase in PHASES:
            points = solve(FIGURE.at_phase(phase, mirrored=mirrored)).points
            leg_share = (points[f"{leg}_heel_sole"][0] - start[f"{leg}_heel_sole"][0]) / slide
            arm_share = (_arm_back(points, arm) - _arm_back(start, arm)) / swing
            assert abs(leg_share - arm_share) <= 0.15, (phase, mirrored, leg_share, arm_share)


def test_heel_slides_on_the_mat_and_the_pelvis_and_back_stay_down_on_both_sides() -> None:
    for key in FIGURE.keyframes:
        names = dict(key.pose.contacts)
        assert "pelvis" in names, key.name
        assert "back" in names, key.name
        assert "l_heel" in names, f"{key.name}: the sliding heel is a declared contact"
    start = solve(FIGURE.start).points
    for mirrored, leg in ((False, "l"), (True, "r")):
        for phase in PHASES:
            points = solve(FIGURE.at_phase(phase, mirrored=mirrored)).points
            heel = points[f"{leg}_heel_sole"][1] - MAT_TOP
            assert heel == pytest.approx(0.0, abs=1.0), (phase, mirrored, "heel on the mat")
            for name in ("pelvis", "spine0", "spine1", "spine2", "spine3"):
                assert points[name][1] == pytest.approx(start[name][1], abs=0.5), (phase, name)


def test_the_far_limbs_show_apart_from_the_near_ones() -> None:
    """In the side view the far arm at the start and the far leg sliding out on the second
    side are not hidden behind their near partners."""
    scene = scene_for(FIGURE)
    cam, frame = scene.camera, scene.frame

    def screen(p: Vec) -> tuple[float, float]:
        u, v, _ = cam.project(p)
        return (frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale)

    start = solve(FIGURE.start).points
    apart = math.dist(screen(start["l_hand"]), screen(start["r_hand"])) / frame.scale
    assert apart >= 8, f"the two raised hands are only {apart:.1f} cm apart on screen"
    second = solve(FIGURE.work.mirrored()).points
    far_heel, near_toe = screen(second["r_heel_sole"]), screen(second["l_toe"])
    assert (far_heel[0] - near_toe[0]) / frame.scale >= 15, "the far heel shows past the near foot"


def test_the_near_arm_reaching_back_passes_in_front_of_the_head_and_leaves_the_face() -> None:
    """On the second side the reaching arm is the near one. Reaching almost level overhead,
    as a real arm beside the head does, it passes in front of the head (drawn after it):
    the rated pairs preferred that full reach, though it covers the face for a moment, to
    an arm stopping half way above it. Less than half of the head is covered, and nothing
    of its back on the mat, so the head still reads as a head."""
    scene = scene_for(FIGURE)
    covered_most = 0.0
    for phase in [i / 48 for i in range(49)]:
        pose = FIGURE.at_phase(phase, mirrored=True)
        shapes = scene.drawing(pose).shapes
        order = {shape.part: i for i, shape in enumerate(shapes)}
        head = next(s for s in shapes if s.part == "head")
        (cx, cy), (r, _) = head.points[0], head.size
        limbs = [
            s for s in shapes if s.kind == "poly" and s.part in ("l_shoulder", "l_elbow", "l_wrist")
        ]
        assert limbs
        # points over the head's disc on a grid of tenths of its radius
        disc = [
            (cx + r * i / 10, cy + r * j / 10)
            for i in range(-10, 11)
            for j in range(-10, 11)
            if i * i + j * j <= 100
        ]
        hidden = [p for p in disc if any(inside(p, limb.points) for limb in limbs)]
        if hidden:
            assert all(order[limb.part] > order["head"] for limb in limbs), phase
        covered_most = max(covered_most, len(hidden) / len(disc))
        assert all(y <= cy + 0.3 * r for _, y in hidden), (phase, "the back of the head shows")
    assert 0.1 < covered_most < 0.5, f"the arm covers {covered_most:.0%} of the head at most"
