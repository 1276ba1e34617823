"""Standing figures: props drawn in depth order with the body, stairs, split squat, carry, walk."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from rugdiary.core.body import Pose, solve
from rugdiary.core.content import load_exercises
from rugdiary.core.figure_drawing import Camera, Drawing, scene_for
from rugdiary.core.figures import Figure, Prop, PropKind, support_under

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)
PHASES = [i / 48 for i in range(48)]


def _figure(exercise_id: str) -> Figure:
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    return figure


def _order(drawing: Drawing, part: str) -> list[int]:
    """Where the shapes of one part (a limb by its top joint, "chair:seat") are drawn."""
    found = [i for i, shape in enumerate(drawing.shapes) if shape.part == part]
    assert found, part
    return found


def _far_and_near_leg(figure: Figure, pose: Pose) -> tuple[str, str]:
    camera = Camera.named(figure.camera)
    points = solve(pose).points
    depth = {side: camera.project(points[side + "knee"])[2] for side in ("l_", "r_")}
    far = min(depth, key=depth.__getitem__)
    return far, "r_" if far == "l_" else "l_"


class TestPropsInDepthOrder:
    def test_split_squat_chair_stands_beside_the_body_behind_it_on_both_sides(self) -> None:
        # The chair stands beside the person, on the far side: the body is drawn in front
        # of its seat and back, and the far hand rests on top of the backrest. The second
        # side is the first side's mirror image, so the chair never comes in front.
        figure = _figure("split-squat")
        scene = scene_for(figure)
        for mirrored in (False, True):
            for phase in (0.0, 0.25, 0.5):
                drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
                chair = [*_order(drawing, "chair:seat"), *_order(drawing, "chair:back")]
                body = [*_order(drawing, "l_hip"), *_order(drawing, "trunk")]
                assert max(chair) < min(body)
                assert max(_order(drawing, "chair:back")) < min(_order(drawing, "r_wrist"))

    def test_split_squat_front_leg_is_clear_of_the_chair_at_work(self) -> None:
        # the rater saw the front shin and knee run through the chair's legs and seat
        figure = _figure("split-squat")
        scene = scene_for(figure)
        for mirrored in (False, True):
            drawing = scene.drawing(figure.at_phase(0.5, mirrored=mirrored))
            chair = [p for s in drawing.shapes if s.part.startswith("chair") for p in s.points]
            shin = [p for s in drawing.shapes if s.part == "l_knee" for p in s.points]
            # the chair stands ahead of the front shin, beside the body, never behind it
            if not mirrored:
                assert min(x for x, _ in chair) > max(x for x, _ in shin)
            else:
                assert max(x for x, _ in chair) < min(x for x, _ in shin)

    def test_mat_stays_at_the_back(self) -> None:
        for exercise in EXERCISES.values():
            figure = exercise.figure
            if figure is None or not any(p.kind is PropKind.MAT for p in figure.props):
                continue
            for mirrored in (False, True):
                drawing = scene_for(figure).drawing(figure.at_phase(0.5, mirrored=mirrored))
                mat = _order(drawing, "mat:mat")
                body = [i for i, s in enumerate(drawing.shapes) if s.role in ("near", "far")]
                assert max(mat) < min(body), exercise.id

    def test_feet_on_a_step_are_drawn_on_it(self) -> None:
        figure = _figure("stairs")
        scene = scene_for(figure)
        for phase in PHASES:
            pose = figure.at_phase(phase)
            drawing = scene.drawing(pose)
            skeleton = solve(pose)
            for side in ("l_", "r_"):
                sole = [skeleton.points[side + "heel_sole"], skeleton.points[side + "toe"]]
                tops = {support_under(figure.props, p, False) for p in sole}
                top = tops.pop()
                if tops or top == 0 or abs(sole[0][1] - top) > 3.0:
                    continue  # not standing flat on one step
                step = _order(drawing, f"step:{top:g}cm")
                assert min(_order(drawing, side + "heel")) > max(step), (phase, side)


class TestStairs:
    def _steps_and_rail(self) -> tuple[list[Prop], Prop]:
        figure = _figure("stairs")
        steps = sorted((p for p in figure.props if p.kind is PropKind.STEP), key=lambda p: p.h)
        rail = next(p for p in figure.props if p.kind is PropKind.RAIL)
        return steps, rail

    def test_the_rail_follows_the_stairs_about_90_cm_above_the_step_noses(self) -> None:
        steps, rail = self._steps_and_rail()
        noses = [(step.x, step.y + step.h) for step in steps]
        (x0, y0), (x1, y1) = noses[0], noses[-1]
        assert rail.rise / rail.w == pytest.approx((y1 - y0) / (x1 - x0), rel=0.05)
        for x, y in noses:
            assert 85.0 <= rail.rail_top(x) - y <= 95.0
        assert rail.x <= x0
        assert rail.x + rail.w >= x1
        drawing = scene_for(_figure("stairs")).drawing(_figure("stairs").start)
        assert len({s.points for s in drawing.shapes if s.part == "rail:post"}) >= 4
        # the bar is drawn as one sloping piece: its far end is higher on screen
        bar = [s for s in drawing.shapes if s.part == "rail:bar"]
        xs = [p for s in bar for p in s.points]
        left, right = min(xs), max(xs)
        assert right[1] < left[1] - 30.0

    def test_a_hand_slides_on_the_rail_in_every_frame(self) -> None:
        # On the keyframes the hand rests on the rail's top (1 cm); in between, the hand
        # sliding up the sloping rail may dip into the 4 cm bar but stays on it.
        figure = _figure("stairs")
        _, rail = self._steps_and_rail()
        for key in figure.keyframes:
            palm = solve(key.pose).points["r_palm"]
            assert palm[1] - 2.5 == pytest.approx(rail.rail_top(palm[0]), abs=1.0), key.name
        for phase in [i / 96 for i in range(96)]:
            palm = solve(figure.at_phase(phase)).points["r_palm"]
            assert rail.x <= palm[0] <= rail.x + rail.w
            assert abs(palm[1] - 2.5 - rail.rail_top(palm[0])) <= 4.0, phase

    def test_the_figure_climbs_two_steps_with_a_knee_lift_and_comes_back(self) -> None:
        figure = _figure("stairs")
        steps, _ = self._steps_and_rail()
        second = steps[1].y + steps[1].h
        poses = [figure.at_phase(i / 96) for i in range(97)]
        for a, b in itertools.pairwise(poses):
            assert math.dist(a.root, b.root) < 3.0, "no jump anywhere in the cycle"
        heights = []
        lifts = []
        for pose in poses:
            points = solve(pose).points
            heights.append(min(points["l_heel_sole"][1], points["r_heel_sole"][1]))
            lifts.append(max(points[s + "knee"][1] - points[s + "hip"][1] for s in ("l_", "r_")))
        assert max(heights) == pytest.approx(second, abs=1.0), "both feet on the second step"
        assert heights[0] == pytest.approx(0.0, abs=1.0)
        # the leading knee comes up to nearly hip height: a thigh near level, not a shuffle
        assert max(lifts) > -25.0
        # the body rises from the floor to the second step while the feet climb
        assert poses[48].root[1] - poses[0].root[1] > 25.0


class TestSplitSquat:
    def test_the_back_knee_lowers_under_the_hip_with_the_trunk_upright(self) -> None:
        figure = _figure("split-squat")
        start, work = solve(figure.start).points, solve(figure.work).points
        # the hips go straight down, a long way
        assert abs(work["pelvis"][0] - start["pelvis"][0]) < 3.0
        assert start["pelvis"][1] - work["pelvis"][1] > 25.0
        # the back knee ends near the floor, under the hip; the front shin stands upright
        assert work["r_knee"][1] < 20.0
        assert abs(work["r_knee"][0] - work["pelvis"][0]) < 6.0
        assert abs(work["l_knee"][0] - work["l_ankle"][0]) < 15.0
        for mirrored in (False, True):
            for phase in PHASES:
                points = solve(figure.at_phase(phase, mirrored=mirrored)).points
                front, back = ("r_", "l_") if mirrored else ("l_", "r_")
                assert abs(points["c7"][0] - points["pelvis"][0]) < 8.0, "trunk upright"
                # one foot a long step in front of the other; front heel down, back heel up
                assert points[front + "heel_sole"][0] - points[back + "toe"][0] > 60.0
                assert points[front + "heel_sole"][1] < 2.0
                assert points[back + "heel_sole"][1] > 10.0


class TestSuitcaseCarry:
    def test_the_bag_hangs_from_a_long_arm_beside_the_thigh_trunk_upright(self) -> None:
        figure = _figure("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        strides = []
        for mirrored in (False, True):
            side = ("r_" if bag.hand == "l" else "l_") if mirrored else bag.hand + "_"
            for phase in PHASES:
                pose = figure.at_phase(phase, mirrored=mirrored)
                skeleton = solve(pose)
                points = skeleton.points
                arm = math.dist(points[side + "shoulder"], points[side + "wrist"])
                assert arm > 54.0, "the arm hangs long, not bent up to the hip"
                # the hand and the bag hang beside the thigh, on the outside, not in front
                assert abs(points[side + "palm"][0] - points["pelvis"][0]) < 12.0
                assert abs(points[side + "palm"][2]) > abs(points[side + "hip"][2])
                x0, y0, _, x1, _, _ = bag.box(skeleton, mirrored=mirrored)
                assert abs((x0 + x1) / 2 - points["pelvis"][0]) < 12.0
                assert y0 > 10.0, "the bag clears the floor"
                # standing tall: no leaning away from the bag or forward
                assert abs(points["c7"][2] - points["pelvis"][2]) < 4.0
                assert abs(points["c7"][0] - points["pelvis"][0]) < 6.0
                strides.append(points["l_ankle"][0] - points["r_ankle"][0])
        assert max(strides) > 30.0, "walking: the feet take turns"
        assert min(strides) < -30.0

    def test_the_bag_is_drawn_with_its_handles_to_the_hand(self) -> None:
        figure = _figure("suitcase-carry")
        for mirrored in (False, True):
            pose = figure.at_phase(0.0, mirrored=mirrored)
            drawing = scene_for(figure).drawing(pose)
            hand = "r_" if mirrored else "l_"
            (handle,) = [s for s in drawing.shapes if s.part == "bag:handle"]
            palm = solve(pose).points[hand + "palm"]
            camera = Camera.named(figure.camera)
            u, v, _ = camera.project((palm[0], palm[1] + 1.0, palm[2]))
            frame = scene_for(figure).frame
            assert handle.points[1] == pytest.approx(
                (frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale)
            )
            assert _order(drawing, "bag:handle")[0] > max(_order(drawing, "bag"))


class TestHingeSquatWalk:
    def test_the_hip_hinge_sends_the_hips_back_with_a_long_back(self) -> None:
        figure = _figure("hip-hinge")
        start, work = solve(figure.start).points, solve(figure.work).points
        assert start["pelvis"][0] - work["pelvis"][0] > 12.0, "hips go back"
        trunk = math.degrees(
            math.atan2(work["c7"][1] - work["pelvis"][1], work["c7"][0] - work["pelvis"][0])
        )
        assert trunk < 50.0, "the upper body tips well forward"
        # a long back: the spine's points lie near the pelvis-to-c7 line (at most slightly round)
        length = math.dist(work["pelvis"], work["c7"])
        bow = math.dist(work["pelvis"], work["spine2"]) + math.dist(work["spine2"], work["c7"])
        assert bow - length < 3.0
        # knees soft, shins near upright, arms hanging towards the floor
        straight = math.dist(work["l_hip"], work["l_knee"]) + math.dist(
            work["l_knee"], work["l_ankle"]
        )
        assert straight - math.dist(work["l_hip"], work["l_ankle"]) > 1.0, "knees not locked"
        assert abs(work["l_knee"][0] - work["l_ankle"][0]) < 15.0
        assert abs(work["l_wrist"][0] - work["l_shoulder"][0]) < 6.0

    def test_walking_swings_each_arm_with_the_opposite_leg(self) -> None:
        for exercise_id in ("walking",):
            figure = _figure(exercise_id)
            for phase in PHASES:
                points = solve(figure.at_phase(phase)).points
                legs = points["l_ankle"][0] - points["r_ankle"][0]
                arms = points["l_wrist"][0] - points["r_wrist"][0]
                if abs(legs) > 30.0:
                    assert arms * legs < 0, phase
                    assert abs(arms) > 25.0, phase

    def test_the_chair_squat_stands_up_tall_in_front_of_the_chair(self) -> None:
        figure = _figure("chair-squat")
        chair = next(p for p in figure.props if p.kind is PropKind.CHAIR)
        start, work = solve(figure.start).points, solve(figure.work).points
        assert start["pelvis"][1] - 10.0 < chair.y + chair.h + 12.0, "seated on the chair"
        assert start["pelvis"][0] > chair.x + chair.w / 2, "towards the front of the seat"
        assert work["pelvis"][1] > 85.0
        assert abs(work["c7"][0] - work["pelvis"][0]) < 8.0
        for points in (start, work):
            # the arms reach forward, as the first step says, the same way throughout
            for side in ("l_", "r_"):
                assert points[side + "wrist"][0] > points[side + "shoulder"][0] + 40.0
