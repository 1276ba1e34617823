"""Standing figures: props drawn in depth order with the body, stairs, split squat, carry, walk."""

from __future__ import annotations

import itertools
import math

import pytest

from rugdiary.core.body import Pose, Vec, mirror_name, solve
from rugdiary.core.figure_drawing import Camera, Drawing, mirrors_view, scene_for
from rugdiary.core.figures import BAG_HANDLE, Figure, Prop, PropKind, support_under
from tests.core.figure_geometry import EXERCISES, figure_of

PHASES = [i / 48 for i in range(48)]
Axis = tuple[float, float]


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
    def test_split_squat_front_leg_is_clear_of_the_chair_at_work(self) -> None:
        # the rater saw the front shin and knee run through the chair's legs and seat
        figure = figure_of("split-squat")
        scene = scene_for(figure)
        for mirrored in (False, True):
            drawing = scene.drawing(figure.at_phase(0.5, mirrored=mirrored))
            chair = [p for s in drawing.shapes if s.part.startswith("chair") for p in s.points]
            # the chair stands ahead of the front shin on both sides (a plain side view)
            front = "r_knee" if mirrored else "l_knee"
            shin = [p for s in drawing.shapes if s.part == front for p in s.points]
            assert min(x for x, _ in chair) > max(x for x, _ in shin)

    def test_mat_stays_at_the_back(self) -> None:
        for exercise in EXERCISES.values():
            figure = exercise.figure
            if figure is None or not any(p.kind is PropKind.MAT for p in figure.props):
                continue
            for mirrored in (False, True):
                drawing = scene_for(figure).drawing(figure.at_phase(0.5, mirrored=mirrored))
                mat = _order(drawing, "mat:mat")
                body = [
                    i
                    for i, s in enumerate(drawing.shapes)
                    if s.role in ("near", "far") and s.part != "inset"
                ]
                assert max(mat) < min(body), exercise.id

    def test_feet_on_a_step_are_drawn_on_it(self) -> None:
        figure = figure_of("stairs")
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
                # the foot is drawn after the faces of its step that it overlaps (r15: a
                # step is a long slab, most of its faces lie far from the foot)
                heel = min(_order(drawing, side + "heel"))
                box = _bounds(drawing.shapes[heel].points)
                for i in _order(drawing, f"step:{top:g}cm"):
                    if _overlap(box, _bounds(drawing.shapes[i].points)):
                        assert heel > i, (phase, side)


def _bounds(points: tuple[tuple[float, float], ...]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _facing(points: dict[str, tuple[float, float, float]]) -> tuple[float, float]:
    """Which way the face points, on the floor plane (x, z)."""
    face, head = points["face"], points["head"]
    return face[0] - head[0], face[2] - head[2]


class TestStairs:
    def _steps_and_rails(self) -> tuple[list[Prop], list[Prop]]:
        figure = figure_of("stairs")
        steps = sorted(
            (p for p in figure.props if p.kind is PropKind.STEP), key=lambda p: p.y + p.h
        )
        rails = sorted((p for p in figure.props if p.kind is PropKind.RAIL), key=lambda p: p.x)
        return steps, rails

    def _rail_top(self, x: float) -> float:
        _, rails = self._steps_and_rails()
        for rail in rails:
            if rail.x <= x <= rail.x + rail.w:
                return rail.rail_top(x)
        raise AssertionError(f"no rail at x={x:.0f}")

    def _tread(self, point: tuple[float, float, float]) -> float:
        """The top of the step (or the floor) under a point of a foot."""
        steps, _ = self._steps_and_rails()
        tops = [0.0]
        for step in steps:
            x0, _, z0, x1, _, z1 = step.box()
            if x0 <= point[0] <= x1 and z0 <= point[2] <= z1:
                tops.append(step.y + step.h)
        return max(tops)

    def test_the_rail_follows_the_stairs_90_cm_above_the_noses_then_runs_level(self) -> None:
        steps, rails = self._steps_and_rails()
        slope, landing = rails
        noses = [(step.x, step.y + step.h) for step in steps]
        (x0, y0), (x1, y1) = noses[0], noses[-1]
        assert slope.rise / slope.w == pytest.approx((y1 - y0) / (x1 - x0), rel=0.05)
        for x, y in noses:
            assert 85.0 <= slope.rail_top(x) - y <= 95.0
        # the level rail over the landing starts where the sloping one ends, at its height
        assert landing.rise == 0
        assert landing.x == pytest.approx(slope.x + slope.w)
        assert landing.rail_top(landing.x) == pytest.approx(slope.rail_top(landing.x))
        # one rail, on the near side of the stairs (r15: so the hand on it is the near,
        # dark one, going up and coming down)
        for rail in rails:
            assert all(rail.z > step.z + step.depth / 2 for step in steps)

    def test_equal_risers_and_treads_a_whole_foot_deep(self) -> None:
        # a staircase, not two small steps and a tall box: 3 risers of a normal 17 cm
        # (few enough that the 8-frame strip shows every one), every tread deep enough
        # for a whole foot, the landing no higher than a step
        steps, _ = self._steps_and_rails()
        assert len(steps) == 3
        tops = [0.0] + [step.y + step.h for step in steps]
        for low, high in itertools.pairwise(tops):
            assert high - low == pytest.approx(17.0, abs=1.0)
        noses = [step.x for step in steps]
        treads = [b - a for a, b in itertools.pairwise(noses)]
        assert all(tread >= 27.0 for tread in treads)
        # the top is a landing, deeper than the treads (room to turn round on it) but not
        # a long floor
        top = steps[-1]
        assert 2.5 * max(treads) <= top.x + top.w - noses[-1] <= 4 * max(treads)

    def test_up_and_down_with_alternate_feet_a_whole_foot_on_every_step(self) -> None:
        figure = figure_of("stairs")
        steps, _ = self._steps_and_rails()
        tops = [0.0] + [s.y + s.h for s in steps]
        keys = figure.keyframes
        arrivals: dict[bool, list[tuple[str, float]]] = {True: [], False: []}
        for before, key in zip(keys[-1:] + keys[:-1], keys, strict=True):
            points = solve(key.pose).points
            fx, fz = _facing(points)
            held = {name for name, _ in before.pose.contacts}
            for name, _ in key.pose.contacts:
                if not name.endswith("_foot"):
                    continue
                side = name[:2]
                heel, toe = points[side + "heel_sole"], points[side + "toe"]
                # the whole foot rests flat on one tread, heel and toes
                top = self._tread(heel)
                assert top == self._tread(toe), key.name
                assert heel[1] == pytest.approx(top, abs=1.0), key.name
                assert toe[1] - 1.5 == pytest.approx(top, abs=1.0), key.name
                if name not in held and abs(fx) > 3 * abs(fz):
                    arrivals[fx > 0].append((side, top))
        for going_up, landed in arrivals.items():
            heights = [top for _, top in landed]
            assert set(tops) <= set(heights), "every step is used, up and down"
            order = sorted(set(heights), reverse=not going_up)
            assert heights == sorted(heights, reverse=not going_up), heights
            assert order == sorted(tops, reverse=not going_up)
            sides = [side for side, _ in landed]
            assert all(a != b for a, b in itertools.pairwise(sides)), "alternate feet"

    def test_it_faces_the_way_it_walks_and_turns_round_at_the_top_and_bottom(self) -> None:
        figure = figure_of("stairs")
        poses = [figure.at_phase(i / 480) for i in range(481)]
        up = down = 0
        for a, b in itertools.pairwise(poses):
            fx, _ = _facing(solve(a).points)
            dx, dy = b.root[0] - a.root[0], b.root[1] - a.root[1]
            if abs(dy) > 0.05 and abs(dx) > 0.05 and abs(fx) > 10.0:
                # climbing faces up the stairs, coming down faces down them: never backwards
                assert fx * dx > 0, "walks the way it faces"
                up += fx > 0
                down += fx < 0
        assert up > 40
        assert down > 40
        yaws = [pose.turn[0] for pose in poses]
        assert yaws[0] == pytest.approx(0.0)
        # (yaws wrap round: 225 is -135)
        assert max(abs((y + 180.0) % 360.0 - 180.0) for y in yaws) == pytest.approx(180.0)
        # mid-turn the body faces the rail, which is on the near side (r15), both hands
        # on it: it turns round towards the rail, as people do when they swap hands.
        # (Session 13: it turned with its back to the viewer and both hands reached back
        # for the rail; raters saw a featureless head and the figure "suddenly face" them.)
        mid_turn = [k.pose for k in figure.keyframes if k.pose.turn[0] == -90.0]
        assert len(mid_turn) == 2
        for pose in mid_turn:
            points = solve(pose).points
            assert _facing(points)[1] > 10.0, "towards the rail and the viewer"
            assert {name for name, _ in pose.contacts} >= {"l_hand", "r_hand"}
            for side in ("l_", "r_"):
                # the hands on the rail in front of the chest, not behind the back
                assert points[side + "palm"][2] > points["spine3"][2] + 15.0, side

    def test_a_hand_rests_on_the_near_rail_in_every_frame(self) -> None:
        figure = figure_of("stairs")
        for phase in [i / 240 for i in range(240)]:
            pose = figure.at_phase(phase)
            points = solve(pose).points
            held = [name[:2] for name, _ in pose.contacts if name.endswith("_hand")]
            assert held, phase
            for side in held:
                palm = points[side + "palm"]
                assert palm[1] - 2.5 == pytest.approx(self._rail_top(palm[0]), abs=1.0)
            # r15: the rail is on the near side (z towards the side camera), so the hand on
            # it is the near one, out to that side of the trunk, going up and coming down
            assert max(points[s + "palm"][2] for s in held) > points["spine1"][2] + 10.0
            fx, fz = _facing(points)
            if abs(fx) > 3 * abs(fz):
                near = "l_" if fx > 0 else "r_"
                assert held == [near], (phase, held)
            # and, walking along the stairs, the holding arm is drawn in front of the body
            # (r15: the near, dark arm; the near bar may cross the fingers, as in a grip)
            if phase * 24 == int(phase * 24) and abs(fx) > 3 * abs(fz):
                drawing = scene_for(figure).drawing(pose)
                trunk = max(_order(drawing, "trunk"))
                for side in held:
                    assert min(_order(drawing, side + "wrist")) > trunk, (phase, side)
                    assert drawing.shapes[min(_order(drawing, side + "wrist"))].role == "near"

    def test_the_body_climbs_to_the_landing_and_back_with_a_knee_lift(self) -> None:
        figure = figure_of("stairs")
        steps, _ = self._steps_and_rails()
        landing = steps[-1].y + steps[-1].h
        heights, lifts = [], []
        for phase in [i / 96 for i in range(96)]:
            points = solve(figure.at_phase(phase)).points
            heights.append(min(points["l_heel_sole"][1], points["r_heel_sole"][1]))
            lifts.append(max(points[s + "knee"][1] - points[s + "hip"][1] for s in ("l_", "r_")))
        assert max(heights) == pytest.approx(landing, abs=1.0), "both feet on the landing"
        assert heights[0] == pytest.approx(0.0, abs=1.0)
        assert max(lifts) > -25.0, "the leading knee comes up: a climb, not a shuffle"


class TestSplitSquat:
    def test_the_back_knee_lowers_under_the_hip_with_the_trunk_upright(self) -> None:
        figure = figure_of("split-squat")
        start, work = solve(figure.start).points, solve(figure.work).points
        # the hips go straight down, a good way
        assert abs(work["pelvis"][0] - start["pelvis"][0]) < 3.0
        assert start["pelvis"][1] - work["pelvis"][1] > 15.0
        # the back knee ends towards the floor, under the hip; the front shin stands upright
        assert work["r_knee"][1] < 32.0
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


def _inside(point: tuple[float, float], poly: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting: is a screen point inside a closed polygon."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


class TestSuitcaseCarry:
    def _body_frame(self, pose: Pose) -> tuple[Axis, Axis]:
        """(forward, left) on the floor plane for the pose's yaw."""
        yaw = math.radians(pose.turn[0])
        return (math.cos(yaw), -math.sin(yaw)), (math.sin(yaw), math.cos(yaw))

    def test_the_bag_hangs_from_a_long_arm_beside_the_thigh_trunk_upright_and_level(self) -> None:
        figure = figure_of("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        strides = []
        for mirrored in (False, True):
            side = ("r_" if bag.hand == "l" else "l_") if mirrored else bag.hand + "_"
            for phase in PHASES:
                pose = figure.at_phase(phase, mirrored=mirrored)
                skeleton = solve(pose)
                points = skeleton.points
                ahead, beside = self._body_frame(pose)

                def fwd(name: str, points: dict[str, Vec] = points, axis: Axis = ahead) -> float:
                    p, o = points[name], points["pelvis"]
                    return (p[0] - o[0]) * axis[0] + (p[2] - o[2]) * axis[1]

                def left(name: str, points: dict[str, Vec] = points, axis: Axis = beside) -> float:
                    return fwd(name, points, axis)

                arm = math.dist(points[side + "shoulder"], points[side + "wrist"])
                assert arm > 54.0, "the arm hangs long, not bent up to the hip"
                # the hand and the bag hang beside the thigh, on the outside, not in front
                assert abs(fwd(side + "palm")) < 12.0
                assert abs(left(side + "palm")) > abs(left(side + "hip")) + 6.0
                assert bag.box(skeleton, mirrored=mirrored)[1] > 10.0, "the bag clears the floor"
                # standing tall and level: no leaning away from the bag, forward or sideways
                assert abs(left("c7")) < 3.0
                assert abs(fwd("c7")) < 6.0
                assert abs(points["l_shoulder"][1] - points["r_shoulder"][1]) < 1.5
                strides.append(fwd("l_ankle") - fwd("r_ankle"))
        assert max(strides) > 30.0, "walking: the feet take turns"
        assert min(strides) < -30.0

    def test_the_free_arm_swings_with_the_opposite_leg_clear_of_the_bag(self) -> None:
        # one hand carries: the free hand never comes near the bag (a two-handed carry)
        figure = figure_of("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        free = "r_" if bag.hand == "l" else "l_"
        swings = []
        for phase in PHASES:
            pose = figure.at_phase(phase)
            skeleton = solve(pose)
            points = skeleton.points
            x0, y0, z0, x1, y1, z1 = bag.box(skeleton)
            hand = points[free + "hand"]
            gap = math.dist(
                hand,
                (min(max(hand[0], x0), x1), min(max(hand[1], y0), y1), min(max(hand[2], z0), z1)),
            )
            assert gap > 15.0, phase
            forward, _ = self._body_frame(pose)

            def ahead(name: str, points: dict[str, Vec] = points, axis: Axis = forward) -> float:
                return points[name][0] * axis[0] + points[name][2] * axis[1]

            swing = ahead(free + "wrist") - ahead(free + "shoulder")
            stride = ahead(bag.hand + "_ankle") - ahead(free + "ankle")
            swings.append(swing)
            if abs(stride) > 30.0:
                # the free arm goes forward with the bag side's leg, as in walking
                assert swing * stride > 0.0, phase
        assert max(swings) > 12.0, "it swings forward"
        assert min(swings) < -12.0, "and back"

    def test_a_normal_knee_bend_no_kick_back(self) -> None:
        figure = figure_of("suitcase-carry")
        for phase in PHASES:
            points = solve(figure.at_phase(phase)).points
            for side in ("l_", "r_"):
                knee, ankle = points[side + "knee"], points[side + "ankle"]
                shin = math.degrees(
                    math.atan2(
                        math.hypot(ankle[0] - knee[0], ankle[2] - knee[2]), knee[1] - ankle[1]
                    )
                )
                assert shin < 50.0, "the shin never swings up towards level behind"

    def test_seen_from_the_side_the_bag_is_in_the_near_hand_on_both_sides(self) -> None:
        # seen from the side the walk and the upright trunk read; the second side is the
        # first one's mirror image, so the bag never hides behind the legs and the person
        # walks the other way
        figure = figure_of("suitcase-carry")
        assert figure.camera == "front_quarter"
        assert mirrors_view(figure)
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        camera = Camera.named(figure.camera)
        scene = scene_for(figure)
        middle = 2 * scene.frame.offset_x
        for phase in PHASES[::4]:
            pose = figure.at_phase(phase)
            points = solve(pose).points
            depth = {side: camera.project(points[side + "shoulder"])[2] for side in ("l_", "r_")}
            assert depth[bag.hand + "_"] > max(depth.values()) - 0.01, "the bag side is near"
            first = scene.drawing(pose)
            second = scene.drawing(figure.at_phase(phase, mirrored=True))
            (handle,) = [s for s in first.shapes if s.part == "bag:handle"]
            (other,) = [s for s in second.shapes if s.part == "bag:handle"]
            mirror = [c for x, y in handle.points for c in (middle - x, y)]
            assert [c for point in other.points for c in point] == pytest.approx(mirror)
            # it faces the way it walks, to the right; the second side is the mirror image
            # (walking to the left), the near limbs staying near
            assert camera.project(points["face"])[0] > camera.project(points["head"])[0]
            for name, (x, y) in first.joints.items():
                assert second.joints[mirror_name(name)] == pytest.approx((middle - x, y))

    def test_the_bag_shows_in_every_frame_as_a_real_case(self) -> None:
        figure = figure_of("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        # a proper case, not a small box, nor a heavy load: about 40 x 40 cm below its handle
        assert 34.0 <= bag.w <= 44.0
        assert 34.0 <= bag.h - BAG_HANDLE <= 44.0
        scene = scene_for(figure)
        for mirrored in (False, True):
            for phase in PHASES[::3]:
                pose = figure.at_phase(phase, mirrored=mirrored)
                drawing = scene.drawing(pose)
                bag_shapes = _order(drawing, "bag")
                polys = [drawing.shapes[i].points for i in bag_shapes]
                xs = [p[0] for poly in polys for p in poly]
                ys = [p[1] for poly in polys for p in poly]
                later = [
                    shape.points
                    for shape in drawing.shapes[max(bag_shapes) + 1 :]
                    if shape.kind == "poly" and shape.role in ("near", "far")
                ]
                seen = total = 0
                for i in range(1, 10):
                    for j in range(1, 10):
                        point = (
                            min(xs) + (max(xs) - min(xs)) * i / 10,
                            min(ys) + (max(ys) - min(ys)) * j / 10,
                        )
                        if not any(_inside(point, poly) for poly in polys):
                            continue
                        total += 1
                        seen += not any(_inside(point, poly) for poly in later)
                assert total > 20
                assert seen / total > 0.9, (mirrored, phase, seen, total)

    def test_the_bag_is_drawn_with_its_handles_to_the_hand(self) -> None:
        figure = figure_of("suitcase-carry")
        pose = figure.at_phase(0.0)
        drawing = scene_for(figure).drawing(pose)
        (handle,) = [s for s in drawing.shapes if s.part == "bag:handle"]
        palm = solve(pose).points[figure.props[0].hand + "_palm"]
        camera = Camera.named(figure.camera)
        u, v, _ = camera.project((palm[0], palm[1] + 1.0, palm[2]))
        frame = scene_for(figure).frame
        assert handle.points[len(handle.points) // 2] == pytest.approx(
            (frame.offset_x + u * frame.scale, frame.offset_y - v * frame.scale)
        )
        assert _order(drawing, "bag:handle")[0] > max(_order(drawing, "bag"))


class TestHingeSquatWalk:
    def test_the_hip_hinge_sends_the_hips_back_with_a_long_back(self) -> None:
        figure = figure_of("hip-hinge")
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
        # knees soft, shins near upright (the hands hold a stick along the back: see
        # test_figures_hip_hinge.py)
        straight = math.dist(work["l_hip"], work["l_knee"]) + math.dist(
            work["l_knee"], work["l_ankle"]
        )
        assert straight - math.dist(work["l_hip"], work["l_ankle"]) > 1.0, "knees not locked"
        assert abs(work["l_knee"][0] - work["l_ankle"][0]) < 15.0

    def test_walking_swings_each_arm_with_the_opposite_leg(self) -> None:
        for exercise_id in ("walking",):
            figure = figure_of(exercise_id)
            for phase in PHASES:
                points = solve(figure.at_phase(phase)).points
                legs = points["l_ankle"][0] - points["r_ankle"][0]
                arms = points["l_wrist"][0] - points["r_wrist"][0]
                if abs(legs) > 30.0:
                    assert arms * legs < 0, phase
                    assert abs(arms) > 25.0, phase

    def test_the_chair_squat_stands_up_tall_in_front_of_the_chair(self) -> None:
        figure = figure_of("chair-squat")
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
