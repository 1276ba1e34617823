"""Child's pose: hips onto the heels, forehead and long arms on the mat, the pose held."""

from __future__ import annotations

import math

from rugdiary.core.body import HEAD_RADIUS, LIMITS, Vec, solve
from rugdiary.core.figure_drawing import scene_for
from tests.core.figure_geometry import figure_of, joint_angle

PHASES = [i / 48 for i in range(48)]


def _direction(a: Vec, b: Vec) -> float:
    """The side-view direction (degrees up from level, towards the head) of the line a->b."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def test_the_knees_fold_to_160_degrees_and_the_hips_sit_on_the_heels() -> None:
    assert LIMITS["l_knee"][0] == (0, 160), "a full kneeling fold needs 160 degrees"
    work = solve(figure_of("childs-pose").work).points
    for side in "lr":
        hip, knee, ankle = (work[f"{side}_{j}"] for j in ("hip", "knee", "ankle"))
        assert 180.0 - joint_angle(hip, knee, ankle) >= 158.0, "the knees fold fully"
        heel = work[f"{side}_heel"]
        seat = work["pelvis"][1] - 11.0  # the skin under the pelvis
        assert seat - heel[1] <= 0.0, f"the seat is {seat - heel[1]:.1f} cm above the heels"
        assert abs(work["pelvis"][0] - heel[0]) <= 3.0, "right above them"
        # the thigh lies low from the knee back to the heels, not a slope up to the hips
        assert _direction(knee, hip) >= 180.0 - 25.0


def test_the_forehead_rests_on_the_mat_ahead_of_the_knees_with_the_chest_low() -> None:
    work = solve(figure_of("childs-pose").work).points
    assert work["head"][1] - HEAD_RADIUS <= 1.0, "the forehead touches the mat"
    assert work["face"][1] >= -0.5, "and does not go through it"
    assert work["head"][0] - work["l_knee"][0] >= 15.0, "in front of the knees"
    assert work["c7"][1] <= 22.0, "the chest lies low over the thighs"


def test_the_back_rounds_evenly_from_the_pelvis_to_the_neck() -> None:
    work = solve(figure_of("childs-pose").work).points
    pelvis = _direction(work["pelvis"], work["spine0"])
    middle = _direction(work["spine1"], work["spine2"])
    top = _direction(work["spine3"], work["c7"])
    low, up = pelvis - middle, middle - top  # rounding of the lower (18 cm), upper (26 cm) back
    assert low >= 15.0, f"the lower back rounds ({low:.0f})"
    assert up >= 15.0, f"the upper back rounds ({up:.0f})"
    per_cm = (low / 18.0) / (up / 26.0)
    assert 0.6 <= per_cm <= 1.7, f"the curve bunches in one place ({low:.0f}, {up:.0f})"


def test_the_hands_stay_put_the_arms_stay_long_and_knees_and_feet_stay_on_the_mat() -> None:
    figure = figure_of("childs-pose")
    first = solve(figure.start)
    for phase in PHASES:
        skeleton = solve(figure.at_phase(phase))
        points = skeleton.points
        for side in "lr":
            hand = skeleton.contact_point(f"{side}_hand")[0]
            assert math.dist(hand, first.contact_point(f"{side}_hand")[0]) <= 1.0, phase
            assert points[f"{side}_palm"][1] <= 5.0, ("the hand on the mat", phase)
            shoulder, elbow, wrist = (points[f"{side}_{j}"] for j in ("shoulder", "elbow", "wrist"))
            assert joint_angle(shoulder, elbow, wrist) >= 170, ("the arms stay long", phase)
            knee = skeleton.contact_point(f"{side}_knee")[0]
            assert math.dist(knee, first.contact_point(f"{side}_knee")[0]) <= 1.0, phase
            assert points[f"{side}_knee"][1] - 5.5 <= 1.0, ("the knee on the mat", phase)
            # the top of the foot lies on the mat: the toes' drawn edge (2 cm round) stays low
            assert points[f"{side}_toe"][1] - 2.0 <= 3.0, ("the foot on the mat", phase)


def test_the_figure_rests_in_the_fold_and_settles_deeper_while_it_stays() -> None:
    figure = figure_of("childs-pose")
    down_at = next(k.at for k in figure.keyframes if k.name == "down")
    assert figure.work_at - down_at >= 0.2, "the pose is held, not passed through"
    for phase in PHASES:
        if down_at <= phase <= figure.work_at:
            points = solve(figure.at_phase(phase)).points
            assert points["head"][1] - HEAD_RADIUS <= 3.0, ("the head stays down", phase)
            assert points["c7"][1] <= 27.0, ("the chest stays low", phase)
    down = solve(figure.pose("down")).points
    work = solve(figure.work).points
    assert down["pelvis"][1] - work["pelvis"][1] >= 4.0, "the hips settle onto the heels"


def test_seen_from_a_little_above_the_head_is_never_behind_the_near_arm() -> None:
    figure = figure_of("childs-pose")
    assert figure.camera == "side_raised", "both arms show long on the mat"
    scene = scene_for(figure)
    for phase in PHASES:
        parts = [shape.part for shape in scene.drawing(figure.at_phase(phase)).shapes]
        head = parts.index("head")
        for part in ("l_shoulder", "l_elbow", "l_wrist"):
            assert parts.index(part) < head, (part, phase)
