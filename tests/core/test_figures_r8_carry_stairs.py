"""Suitcase carry seen from in front with a moderate case; stairs down with a hand on the rail."""

from __future__ import annotations

import math

from rugdiary.core.body import solve
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of, inside

PHASES = [i / 24 for i in range(24)]


def _tilt(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.degrees(math.atan2(abs(a[1] - b[1]), abs(a[0] - b[0])))


class TestSuitcaseCarryFromTheFront:
    def test_seen_from_in_front_the_midline_is_upright_and_shoulders_and_hips_level(self) -> None:
        # A side view hid the point, not leaning towards the load: from in front and to
        # the side, shoulders and pelvis show as level lines over a vertical midline.
        # (Seen a little from above, level lines across the body slope, the far end up,
        # shoulders and hips alike: as much as a level line across the body does.)
        figure = figure_of("suitcase-carry")
        yaw, pitch = CAMERA_ANGLES[figure.camera]
        assert 40.0 <= yaw <= 75.0, "in front, to one side"
        assert pitch <= 15.0, "nearly level"
        camera = Camera.named(figure.camera)
        level = _tilt(*(camera.project((0.0, 140.0, z))[:2] for z in (-20.0, 20.0)))
        scene = scene_for(figure)
        scale = scene.frame.scale
        for mirrored in (False, True):
            for phase in PHASES:
                joints = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).joints
                shoulders = _tilt(joints["l_shoulder"], joints["r_shoulder"])
                hips = _tilt(joints["l_hip"], joints["r_hip"])
                assert shoulders <= level + 3.0
                assert hips <= level + 3.0
                assert abs(shoulders - hips) <= 1.0, "the shoulders parallel to the pelvis"
                assert abs(joints["head"][0] - joints["pelvis"][0]) / scale <= 2.0

    def test_a_moderate_case_hangs_beside_the_leg_below_a_visible_arm(self) -> None:
        figure = figure_of("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        assert 1400.0 <= bag.w * bag.h <= 2200.0, "a real case, not a small box nor a trunk"
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


class TestStairsDown:
    def test_going_down_one_hand_grips_the_rail_ahead_and_the_other_swings_behind(self) -> None:
        # The way down showed no hand on the rail: the far hand on it hid behind the trunk
        # and the near arm hung in front of it. Now the rail hand reaches ahead along the
        # bar (the chest turns a little towards it) and the free arm stays behind the body.
        figure = figure_of("stairs")
        rails = [p for p in figure.props if p.kind is PropKind.RAIL]
        at = {key.name: key.at for key in figure.keyframes}
        first, last = at["down1-lift0"], at["down4"]
        for i in range(120):
            phase = first + (last - first) * i / 119
            pose = figure.at_phase(phase)
            points = solve(pose).points
            facing = points["face"][0] - points["head"][0]
            assert facing < 0, "it faces down the stairs"
            held = [name[:2] for name, _ in pose.contacts if name.endswith("_hand")]
            assert len(held) == 1, phase
            palm = points[held[0] + "palm"]
            gaps = [
                abs(palm[1] - 2.5 - rail.rail_top(palm[0]))
                for rail in rails
                if rail.top_under(palm[0], palm[2]) is not None
            ]
            assert gaps, f"the hand is over the rail at {phase:.3f}"
            assert min(gaps) <= 1.0, f"the hand is on the rail at {phase:.3f}"
            pelvis = points["pelvis"][0]
            assert pelvis - palm[0] >= 18.0, f"the rail hand reaches ahead at {phase:.3f}"
            free = "r_" if held[0] == "l_" else "l_"
            assert points[free + "palm"][0] - pelvis >= 10.0, "the free hand hangs behind"
