"""Knee rolls seen from beyond the feet: upright knees sink to one side, then the other."""

from __future__ import annotations

import math
from pathlib import Path

from rugdiary.core.body import Vec, solve
from rugdiary.core.content import load_exercises
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    VIEW_W,
    Camera,
    Drawing,
    mirrors_view,
    scene_for,
)

RESOURCES = Path(__file__).parents[2] / "resources"
PHASES = [i / 48 for i in range(48)]


def _figure() -> Figure:
    figure = load_exercises(RESOURCES)["knee-rolls"].figure
    assert figure is not None
    return figure


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _knee_drop(points: dict[str, Vec], side: str | None = None) -> float:
    """Degrees a knee (or the knees' midpoint) has turned sideways off vertical about the hips."""
    if side is None:
        hip = _mid(points["l_hip"], points["r_hip"])
        knee = _mid(points["l_knee"], points["r_knee"])
    else:
        hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
    return math.degrees(math.atan2(knee[2] - hip[2], knee[1] - hip[1]))


def _knees_x(drawing: Drawing) -> float:
    return (drawing.joints["l_knee"][0] + drawing.joints["r_knee"][0]) / 2


def _settle(figure: Figure, mirrored: bool = False) -> Drawing:
    pose = next(k.pose for k in figure.keyframes if k.name == "settle")
    return scene_for(figure).drawing(pose.mirrored() if mirrored else pose)


def test_knee_rolls_are_seen_from_beyond_the_feet_a_little_raised() -> None:
    # From above, upright knees read as legs splayed flat (round 7); from the foot end the
    # knees stand up against the trunk, and sinking to the left or right is a sideways lean.
    figure = _figure()
    assert figure.camera == "feet_end_high"
    _yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert 20.0 <= pitch <= 40.0, "raised enough to see the trunk, low enough for tall knees"
    points = solve(figure.start).points
    feet = _mid(points["l_ankle"], points["r_ankle"])
    along = [f - h for f, h in zip(feet, points["head"], strict=True)]
    toward = Camera.named(figure.camera).toward
    level = math.hypot(along[0], along[2]) * math.hypot(toward[0], toward[2])
    assert (along[0] * toward[0] + along[2] * toward[2]) / level >= 0.95, "from the feet's end"
    joints = scene_for(figure).drawing(figure.start).joints
    assert joints["head"][1] < joints["l_knee"][1] - 20, "the head shows beyond the knees"


def test_knee_rolls_start_with_the_knees_upright_as_a_vertical_line_on_screen() -> None:
    figure = _figure()
    points = solve(figure.start).points
    assert abs(_knee_drop(points)) <= 10.0, "the knees point at the ceiling"
    joints = scene_for(figure).drawing(figure.start).joints
    for side in "lr":
        (kx, ky), (ax, ay) = joints[f"{side}_knee"], joints[f"{side}_ankle"]
        lean = math.degrees(math.atan2(abs(kx - ax), ay - ky))
        assert lean <= 10.0, (side, f"the shin leans {lean:.0f} degrees on screen")
    assert math.dist(points["l_knee"], points["r_knee"]) <= 12.0, "knees together"
    assert math.dist(points["l_ankle"], points["r_ankle"]) <= 15.0, "feet together"


def test_knee_rolls_both_knees_sink_the_same_way_at_work() -> None:
    figure = _figure()
    points = solve(figure.work).points
    drops = [_knee_drop(points, side) for side in "lr"]
    assert drops[0] * drops[1] > 0, "both knees to the same side"
    assert abs(_knee_drop(points)) >= 35.0, round(_knee_drop(points))
    scene = scene_for(figure)
    start, work = scene.drawing(figure.start), scene.drawing(figure.work)
    moves = [work.joints[f"{s}_knee"][0] - start.joints[f"{s}_knee"][0] for s in "lr"]
    assert moves[0] * moves[1] > 0, "together on screen"
    assert min(abs(m) for m in moves) >= VIEW_W / 16, [round(m) for m in moves]


def test_knee_rolls_second_side_sinks_the_other_way_with_the_head_in_place() -> None:
    # The second side was the first side's picture flipped: the head jumped from one end
    # to the other and the change of direction did not show. Now the world is mirrored.
    figure = _figure()
    assert not mirrors_view(figure), "no picture flip"
    scene = scene_for(figure)
    start = scene.drawing(figure.start)
    first = _knees_x(_settle(figure)) - _knees_x(start)
    second = _knees_x(_settle(figure, mirrored=True)) - _knees_x(start)
    assert first * second < 0, "the other way on screen"
    assert abs(first + second) <= 1.0, "as far to each side"
    for mirrored in (False, True):
        for phase in PHASES[::3]:
            joints = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).joints
            for name in ("head", "c7", "l_shoulder", "r_shoulder", "l_wrist", "r_wrist"):
                # the trunk and the arms lie still, and in the same place on both sides
                assert math.dist(joints[name], start.joints[name]) <= 1.0, (phase, name)


def test_knee_rolls_arrow_is_a_curved_double_arrow_across_the_swinging_legs() -> None:
    figure = _figure()
    arrow = figure.arrow
    assert arrow is not None
    assert arrow.shape == "arc", "a sideways swing"
    assert arrow.both, "there and back"
    scene = scene_for(figure)
    for mirrored in (False, True):
        start = scene.drawing(figure.start.mirrored() if mirrored else figure.start)
        line = next(s for s in start.shapes if s.part == "cue:arrow").points
        xs, ys = [p[0] for p in line], [p[1] for p in line]
        ends = (line[0][1] + line[-1][1]) / 2
        assert ends - min(ys) >= 4.0, "curved, its middle highest"
        knees = _knees_x(start)
        assert abs((min(xs) + max(xs)) / 2 - knees) <= 2.0, "centred on the knees"
        # reaching at least halfway to where the knees sink on either side
        sunk = [_knees_x(_settle(figure, m)) for m in (False, True)]
        assert min(xs) <= (knees + min(sunk)) / 2
        assert max(xs) >= (knees + max(sunk)) / 2
        # across the legs, between the knees and the feet
        knee_y = start.joints["l_knee"][1]
        ankle_y = max(start.joints["l_ankle"][1], start.joints["r_ankle"][1])
        assert knee_y < min(ys) < ankle_y


def test_knee_rolls_face_looks_up_and_the_knees_stay_apart_and_off_the_mat() -> None:
    figure = _figure()
    scene = scene_for(figure)
    for mirrored in (False, True):
        for phase in PHASES[::2]:
            pose = figure.at_phase(phase, mirrored=mirrored)
            drawing = scene.drawing(pose)
            nose = next(s for s in drawing.shapes if s.part == "head:nose")
            head = next(s for s in drawing.shapes if s.part == "head")
            tip = max(nose.points, key=lambda p: math.dist(p, head.points[0]))
            assert tip[1] < head.points[0][1] - head.size[0], "the nose points up the picture"
            points = solve(pose).points
            gap = math.dist(points["l_knee"], points["r_knee"])
            assert gap >= 10.0, (phase, "the knees do not pass through each other")
            assert min(points[f"{s}_knee"][1] for s in "lr") >= 20.0, "well off the mat"
