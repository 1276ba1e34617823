"""Suitcase carry: a real case on a straight arm, a level upright trunk, a clear walking step."""

from __future__ import annotations

import itertools
import math

from rugdiary.core.body import HEAD_RADIUS, solve
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, scene_for
from rugdiary.core.figures import BAG_HANDLE, Figure, Prop, PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, joint_angle

PHASES = [i / 24 for i in range(24)]


def _bag() -> tuple[Figure, Prop]:
    figure = figure_of("suitcase-carry")
    return figure, next(p for p in figure.props if p.kind is PropKind.BAG)


def test_the_camera_sees_the_floor_from_above_and_the_bag_side_near() -> None:
    figure, bag = _bag()
    assert figure.camera == "front_quarter"
    yaw, pitch = CAMERA_ANGLES["front_quarter"]
    # half way round from in front to the bag side: the face in profile shows which way
    # the body walks and the stride opens across the picture (from 66 round, the face
    # looked at the viewer over legs walking sideways, "walking on the spot"; side by side
    # raters preferred 45, three of three), and the trunk still shows it stays upright
    assert 40.0 <= yaw <= 50.0, "half way round to the bag side"
    assert 11.0 <= pitch <= 15.0, "a little from above"
    camera = Camera.named("front_quarter")
    assert not camera.sees_floor_edge_on, "no floor line the near foot would sink below"
    drawing = scene_for(figure).drawing(figure.at_phase(0.0))
    roles = {s.part: s.role for s in drawing.shapes if s.kind == "poly"}
    free = "r" if bag.hand == "l" else "l"
    # the bag side is dark and near, the free side lighter: the legs read apart
    for joint in ("hip", "shoulder"):
        assert roles[f"{bag.hand}_{joint}"] == "near"
        assert roles[f"{free}_{joint}"] == "far"


def test_a_big_case_about_40_by_40_cm() -> None:
    figure, bag = _bag()
    assert bag.w >= 38.0
    assert bag.h - BAG_HANDLE >= 38.0
    assert bag.depth >= 16.0
    scene = scene_for(figure)
    scale = scene.frame.scale
    for mirrored in (False, True):
        for phase in PHASES[::4]:
            drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
            xs = [x for s in drawing.shapes if s.part == "bag" for x, _ in s.points]
            ys = [y for s in drawing.shapes if s.part == "bag" for _, y in s.points]
            assert (max(xs) - min(xs)) / scale >= 30.0, "wide on the screen too"
            assert (max(ys) - min(ys)) / scale >= 40.0


def test_the_bag_arm_hangs_straight_and_still_with_level_shoulders_and_an_upright_trunk() -> None:
    figure, bag = _bag()
    for mirrored in (False, True):
        side = bag.hand if not mirrored else ("r" if bag.hand == "l" else "l")
        wrists = []
        for phase in PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            shoulder, elbow, wrist = (points[f"{side}_{j}"] for j in ("shoulder", "elbow", "wrist"))
            assert joint_angle(shoulder, elbow, wrist) >= 172.0, "a straight arm"
            out = math.dist((shoulder[0], shoulder[2]), (wrist[0], wrist[2]))
            assert math.degrees(math.atan2(out, shoulder[1] - wrist[1])) <= 12.0, "hanging down"
            wrists.append(wrist[0] - points["pelvis"][0])
            left, right = points["l_shoulder"], points["r_shoulder"]
            assert abs(left[1] - right[1]) <= 0.5, "shoulders level"
            assert abs(points["l_hip"][1] - points["r_hip"][1]) <= 0.5, "pelvis level"
            c7, pelvis = points["c7"], points["pelvis"]
            assert abs(c7[2] - pelvis[2]) <= 1.0, "no lean away from the bag or towards it"
            assert abs(c7[0] - pelvis[0]) <= 4.0, "no stoop"
        # the carrying arm does not swing: the case hangs quietly beside the leg
        assert max(wrists) - min(wrists) <= 3.0


def test_a_clear_walking_step_and_the_free_arm_swinging() -> None:
    figure, bag = _bag()
    scene = scene_for(figure)
    scale = scene.frame.scale
    free = "r" if bag.hand == "l" else "l"
    strides, swings, apart = [], [], []
    for phase in PHASES:
        pose = figure.at_phase(phase)
        points = solve(pose).points
        strides.append(points["l_ankle"][0] - points["r_ankle"][0])
        swings.append(points[f"{free}_wrist"][0] - points[f"{free}_shoulder"][0])
        joints = scene.drawing(pose).joints
        apart.append(math.dist(joints["l_ankle"], joints["r_ankle"]) / scale)
        # the feet land near the midline, as in walking, not a hip width apart
        assert abs(points["l_ankle"][2] - points["r_ankle"][2]) <= 12.0
    assert max(strides) >= 55.0, "each foot steps well ahead"
    assert min(strides) <= -55.0
    assert max(swings) >= 25.0, "the free arm swings forward"
    assert min(swings) <= -12.0, "and back"
    # on the picture the feet are far apart at both steps, not only when the far leg leads
    at = {round(p, 3): d for p, d in zip(PHASES, apart, strict=True)}
    assert at[0.0] >= 24.0
    assert at[0.5] >= 24.0


def test_the_case_hangs_in_front_of_the_near_leg_and_behind_its_fist() -> None:
    # seen half way round from in front, the case out beside the hip is nearer than the
    # near leg at both steps: it covers the top of the thigh, the leg shows below it
    figure, bag = _bag()
    scene = scene_for(figure)
    for phase in (0.0, 0.25, 0.5, 0.75):
        shapes = scene.drawing(figure.at_phase(phase)).shapes
        case = min(i for i, s in enumerate(shapes) if s.part == "bag")
        handle = min(i for i, s in enumerate(shapes) if s.part == "bag:handle")
        order = {s.part: i for i, s in enumerate(shapes) if s.kind == "poly"}
        for part in (f"{bag.hand}_hip", f"{bag.hand}_knee"):
            assert order[part] < case, (phase, part)
        # the fist holding the handle stays in front of the case and its handle
        assert order[f"{bag.hand}_wrist"] > handle > case


def test_a_dashed_plumb_line_stands_through_the_body_from_the_floor_to_above_the_head() -> None:
    # "nothing shows staying level": blind raters of the still pictures saw ordinary walking
    # with luggage. A dashed upright line through the body, the head and trunk stacked on
    # it, says "stay tall, lean neither way": six of six preferred it side by side
    figure, _ = _bag()
    assert figure.guide == "plumb"
    scene = scene_for(figure)
    s = scene.frame.scale
    for mirrored in (False, True):
        for phase in PHASES[::3]:
            skeleton = solve(figure.at_phase(phase, mirrored=mirrored))
            (x0, y0, z0), (x1, y1, z1) = scene.plumb_line(skeleton)
            assert (x0, z0) == (x1, z1), "upright"
            assert y0 == 0.0, "from the floor"
            crown = skeleton.points["head"][1] + HEAD_RADIUS
            assert 0.0 < y1 - crown <= 8.0, "to a little above the head"
            pelvis, head = skeleton.points["pelvis"], skeleton.points["head"]
            assert (x0, z0) == (pelvis[0], pelvis[2]), "through the pelvis"
            # the body stands on it: the head right over the pelvis, never leaning off it
            assert math.hypot(head[0] - x0, head[2] - z0) <= 6.0, phase
            drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
            parts = [sh.part for sh in drawing.shapes]
            dashes = [sh for sh in drawing.shapes if sh.part == "cue:guide"]
            assert len(dashes) >= 8, "dashed, so it reads as a line to stay on, not a pole"
            assert all(d.kind == "line" and d.role == "cue" for d in dashes)
            assert parts.index("cue:guide") > parts.index("trunk"), "seen over the trunk"
            xs = {round(x, 6) for d in dashes for x, _ in d.points}
            assert len(xs) == 1, "upright on the screen too"
            ys = sorted((min(y for _, y in d.points), max(y for _, y in d.points)) for d in dashes)
            gaps = [(b[0] - a[1]) / s for a, b in itertools.pairwise(ys)]
            assert min(gaps) >= 2.0, "gaps between the dashes"
            top = drawing.joints["head"][1] - HEAD_RADIUS * s
            assert ys[0][0] < top, "above the head"
            ankles = max(drawing.joints[n][1] for n in ("l_ankle", "r_ankle"))
            assert ys[-1][1] >= ankles, "down to the floor"


def test_only_the_suitcase_carry_has_a_plumb_line() -> None:
    plumbed = [i for i, e in EXERCISES.items() if e.figure and e.figure.guide == "plumb"]
    assert plumbed == ["suitcase-carry"]
    figure = figure_of("suitcase-carry")
    assert Figure.from_dict(figure.to_dict()) == figure, "the plumb guide round-trips"
