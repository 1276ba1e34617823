"""Suitcase carry seen from in front with a moderate case; stairs down with a hand on the rail."""

from __future__ import annotations

import math
from pathlib import Path

from rugdiary.core.body import solve
from rugdiary.core.content import load_exercises
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import inside

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)
PHASES = [i / 24 for i in range(24)]


def _figure(exercise_id: str) -> Figure:
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    return figure


def _tilt(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.degrees(math.atan2(abs(a[1] - b[1]), abs(a[0] - b[0])))


class TestSuitcaseCarryFromTheFront:
    def test_seen_from_in_front_the_midline_is_upright_and_shoulders_and_hips_level(self) -> None:
        # A side view hid the point, not leaning towards the load: from in front and a
        # little to the side, shoulders and pelvis show as level lines over a vertical midline.
        figure = _figure("suitcase-carry")
        yaw, pitch = CAMERA_ANGLES[figure.camera]
        assert 50.0 <= yaw <= 75.0 and pitch <= 15.0, "in front, a little to one side"
        scene = scene_for(figure)
        scale = scene.frame.scale
        for mirrored in (False, True):
            for phase in PHASES:
                joints = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).joints
                assert _tilt(joints["l_shoulder"], joints["r_shoulder"]) <= 4.0
                assert _tilt(joints["l_hip"], joints["r_hip"]) <= 4.0
                assert abs(joints["head"][0] - joints["pelvis"][0]) / scale <= 2.0

    def test_a_moderate_case_hangs_beside_the_leg_below_a_visible_arm(self) -> None:
        figure = _figure("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        assert bag.w * bag.h <= 1200.0, "a shopping bag or small case, not a heavy load"
        scene = scene_for(figure)
        scale = scene.frame.scale
        for mirrored in (False, True):
            ankles, swing = [], []
            hand = bag.hand if not mirrored else ("r" if bag.hand == "l" else "l")
            free = "r" if hand == "l" else "l"
            for phase in PHASES:
                drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
                joints = drawing.joints
                case = [s.points for s in drawing.shapes if s.part == "bag" and s.kind == "poly"]
                # the whole carrying arm, shoulder to wrist, shows above the case
                arm = [
                    tuple(
                        joints[hand + "_shoulder"][k]
                        + (joints[hand + "_wrist"][k] - joints[hand + "_shoulder"][k]) * q / 20
                        for k in (0, 1)
                    )
                    for q in range(21)
                ]
                assert not any(inside((x, y), poly) for x, y in arm for poly in case)
                # the case's top is below the hip: it hangs beside the thigh, not on the hip
                assert min(y for poly in case for _, y in poly) > joints[hand + "_hip"][1]
                ankles.append(abs(joints["l_ankle"][0] - joints["r_ankle"][0]) / scale)
                swing.append(joints[free + "_wrist"][0] / scale)
            # and it still walks: the feet step apart and together, the free arm swings
            assert max(ankles) - min(ankles) >= 30.0
            assert max(swing) - min(swing) >= 15.0
