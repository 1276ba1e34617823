"""Limbs drawn blue (Figure.tinted): the arm and leg that move together, and others to find."""

from __future__ import annotations

import pytest

from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import scene_for
from tests.core.figure_geometry import EXERCISES, check_optional_field, figure_of

PAIRED = ("bird-dog", "dead-bug")
"""Opposite arm and leg: raters told the moving pair apart from near and far shading only."""

ARM = ("shoulder", "elbow", "wrist")
LEG = ("hip", "knee", "heel")


def test_the_exercises_that_move_an_opposite_arm_and_leg_tint_them() -> None:
    tinted = sorted(i for i, e in EXERCISES.items() if e.figure is not None and e.figure.tinted)
    assert tinted == sorted(
        (*PAIRED, "curl-up", "diaphragmatic-breathing", "knee-rocking", "side-plank-knees")
    )
    for exercise_id in PAIRED:
        assert sorted(figure_of(exercise_id).tinted) == ["l_leg", "r_arm"]


def test_knee_rocking_s_legs_stand_apart_from_the_trunk_they_fold_onto() -> None:
    """Knee rocking's moving part is the legs: blue, they stay apart from the trunk as the
    knees come in (three of three side by side over blue arms, session 23)."""
    figure = figure_of("knee-rocking")
    assert sorted(figure.tinted) == ["l_leg", "r_leg"]
    shapes = scene_for(figure).drawing(figure.at_phase(0.5)).shapes
    roles = {s.part: s.role for s in shapes}
    for side in ("l_", "r_"):
        assert all(roles[side + p].startswith("tint_") for p in LEG)
        assert not any(roles[side + p].startswith("tint_") for p in ARM)


def test_belly_breathing_s_hand_on_the_belly_is_blue_and_the_chest_hand_is_not() -> None:
    """The hand riding on the belly is the far one; in its pale tone it "blends into the
    body" and the rise is easy to miss. Blue, "the eye goes straight to the belly" (three
    of three side by side, session 23). The hand on the chest, which stays, keeps its tone."""
    figure = figure_of("diaphragmatic-breathing")
    assert figure.tinted == ("r_arm",)
    for phase in (0.0, figure.work_at):
        shapes = scene_for(figure).drawing(figure.at_phase(phase)).shapes
        roles = {s.part: s.role for s in shapes}
        assert all(roles["r_" + p] == "tint_far" for p in ARM), phase
        assert not any(roles["l_" + p].startswith("tint_") for p in ARM), phase


@pytest.mark.parametrize("exercise_id", PAIRED)
@pytest.mark.parametrize("mirrored", [False, True])
def test_the_tinted_limbs_are_the_moving_ones_on_each_side(
    exercise_id: str, mirrored: bool
) -> None:
    figure = figure_of(exercise_id)
    scene = scene_for(figure)
    plain = scene_for(Figure.from_dict({**figure.to_dict(), "tinted": []}))
    arm, leg = ("l_", "r_") if mirrored else ("r_", "l_")
    expected = {arm + p for p in ARM} | {leg + p for p in LEG}
    for phase in (0.0, 0.5):
        shapes = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).shapes
        tinted = {s.part: s.role for s in shapes if s.role.startswith("tint_")}
        assert set(tinted) == expected
        # each keeps its side's tone, blued: near dark, far light (on the first side the
        # moving leg is the near one; on the second, the arm)
        tones = {
            s.part: s.role for s in plain.drawing(figure.at_phase(phase, mirrored=mirrored)).shapes
        }
        for part, role in tinted.items():
            assert role == ("tint_far" if tones[part] == "far" else "tint_near"), part
        assert {tinted[leg + p] for p in LEG} == {"tint_far" if mirrored else "tint_near"}
        # and these are the limbs that move
        start = {
            s.part: s.points for s in scene.drawing(figure.at_phase(0.0, mirrored=mirrored)).shapes
        }
        work = {
            s.part: s.points for s in scene.drawing(figure.at_phase(0.5, mirrored=mirrored)).shapes
        }
        assert start[arm + "elbow"] != work[arm + "elbow"]
        assert start[leg + "knee"] != work[leg + "knee"]


def test_tinted_is_read_written_and_checked() -> None:
    figure = figure_of("dead-bug")
    assert figure.to_dict()["tinted"] == ["r_arm", "l_leg"]
    bad = ["r_arm", ["r_hand"], ["r_arm", "r_arm"], [3], ["left arm"]]
    check_optional_field(figure, "tinted", (), bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_side_plank_s_supporting_arm_and_leg_are_blue_on_both_sides(mirrored: bool) -> None:
    """ "Clear at a glance that the body rests on the elbow and forearm under the shoulder",
    and the thigh underneath "shows the knees stay on the floor" (six of six each, session
    22); the top arm and leg keep the far tone."""
    figure = figure_of("side-plank-knees")
    assert sorted(figure.tinted) == ["l_arm", "l_leg"]
    plain = scene_for(Figure.from_dict({**figure.to_dict(), "tinted": []}))
    pose = figure.at_phase(0.5, mirrored=mirrored)
    tinted = [s for s in scene_for(figure).drawing(pose).shapes if s.role.startswith("tint_")]
    assert len(tinted) == len(ARM) + len(LEG)
    # the side underneath, which props the body, is the near one here (near_side "under")
    under = {
        s.part
        for s in plain.drawing(pose).shapes
        if s.role == "near" and s.part[:2] in ("l_", "r_")
    }
    assert {s.part for s in tinted} == under
    assert {s.role for s in tinted} == {"tint_near"}


def test_the_curl_up_s_arms_are_blue_with_the_hands_under_the_back() -> None:
    figure = figure_of("curl-up")
    assert sorted(figure.tinted) == ["l_arm", "r_arm"]
    roles = {s.part: s.role for s in scene_for(figure).drawing(figure.work).shapes}
    assert all(roles[side + p].startswith("tint_") for side in ("l_", "r_") for p in ARM)
