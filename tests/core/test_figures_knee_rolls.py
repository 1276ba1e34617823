"""Knee rolls: seen from beyond the head, the knees together sinking to each side in turn."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, Pose, Vec, solve
from rugdiary.core.exercises import DoseMode, Figure, Level, Motion
from rugdiary.core.figure_drawing import (
    CAMERA_ANGLES,
    VIEW_W,
    Drawing,
    Point2,
    Shape,
    mirrors_view,
    scene_for,
)
from rugdiary.core.figures import MOVE_S, PropKind, support_under
from tests.core.figure_geometry import EXERCISES, figure_of, inside, midpoint

FINE_PHASES = [i / 48 for i in range(48)]
LEGS = ("l_hip", "r_hip", "l_knee", "r_knee")
PHASES = [i / 24 for i in range(24)]


def _figure() -> Figure:
    return figure_of("knee-rolls")


def _key(figure: Figure, name: str) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == name)


def _knee_drop(points: dict[str, Vec], side: str | None = None) -> float:
    """Degrees a knee (or the knees' midpoint) has turned sideways off vertical about the hips."""
    if side is None:
        hip = midpoint(points["l_hip"], points["r_hip"])
        knee = midpoint(points["l_knee"], points["r_knee"])
    else:
        hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
    return math.degrees(math.atan2(knee[2] - hip[2], knee[1] - hip[1]))


def _head_box(head: Shape) -> tuple[Point2, ...]:
    (x, y), r = head.points[0], head.size[0]
    return ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))


def _settle(figure: Figure) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == "settle")


def _mid(a: Point2, b: Point2) -> Point2:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _knees(drawing: Drawing) -> Point2:
    return _mid(drawing.joints["l_knee"], drawing.joints["r_knee"])


def _side(pose: Pose, mirrored: bool) -> Pose:
    return pose.mirrored() if mirrored else pose


def test_knee_rolls_start_with_the_knees_upright_and_together_and_the_feet_flat() -> None:
    figure = _figure()
    points = solve(figure.start).points
    assert abs(_knee_drop(points)) <= 5.0, "the knees point at the ceiling"
    assert math.dist(points["l_knee"], points["r_knee"]) <= 12.0, "knees together"
    # the feet a little apart (knees together, feet apart shows the bent knees
    # from the feet end), no wider than the hips
    assert math.dist(points["l_ankle"], points["r_ankle"]) <= 25.0, "feet a little apart"
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for side in "lr":
        assert points[f"{side}_sole"][1] == pytest.approx(mat.h, abs=0.5), "feet on the mat"


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_knees_sink_part_way_to_one_side_together(mirrored: bool) -> None:
    # part way, not down to the mat: two judges shown a full drop saw the legs lie flat
    # and straight (a slide, and more range than a sore back should aim for); about half
    # way the knees stay bent and the range reads as a gentle roll
    figure = _figure()
    start = solve(figure.start).points
    sign = -1.0 if mirrored else 1.0
    for name, least, most in (("work", 35.0, 50.0), ("settle", 48.0, 62.0)):
        pose = _key(figure, name)
        points = solve(pose.mirrored() if mirrored else pose).points
        drops = [sign * _knee_drop(points, side) for side in "lr"]
        assert min(drops) >= least - 12.0, (name, [round(d) for d in drops])
        assert least <= sign * _knee_drop(points) <= most, (name, round(_knee_drop(points)))
        knees, first = (
            midpoint(points["l_knee"], points["r_knee"]),
            midpoint(start["l_knee"], start["r_knee"]),
        )
        # over to the side and down towards the mat (a roll, not a slide)
        assert sign * (knees[2] - first[2]) >= 20.0, (name, "sideways", round(knees[2], 1))
        assert first[1] - knees[1] >= 8.0, (name, "down", round(knees[1], 1))
    # the knees go on sinking a little while they stay for a breath
    work, settle = (solve(_key(figure, n)).points for n in ("work", "settle"))
    assert abs(_knee_drop(settle)) - abs(_knee_drop(work)) >= 5.0


def test_knee_rolls_knees_stay_together_all_the_way() -> None:
    figure = _figure()
    for mirrored in (False, True):
        for phase in FINE_PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            gap = math.dist(points["l_knee"], points["r_knee"])
            # two 5.5 cm thick knees side by side: touching, not passing through each other
            # (up to 17 with the feet a little apart)
            assert 10.0 <= gap <= 17.0, (phase, mirrored, round(gap, 1))
            drops = [_knee_drop(points, side) for side in "lr"]
            # with the feet a little apart the upper knee tips further than the
            # lower one, which keeps its foot nearer: still one unit, the knees touching
            assert abs(drops[0] - drops[1]) <= 32.0, (phase, "one unit, not one leg alone")


def test_knee_rolls_pelvis_rolls_with_the_knees_while_the_shoulders_stay_flat() -> None:
    figure = _figure()
    start = solve(figure.start).points
    settle = solve(_key(figure, "settle")).points
    # the pelvis rolls: the hip on the side the knees go to sinks, the other one lifts
    assert abs(_key(figure, "settle").turn[2]) >= 40.0
    assert abs(settle["l_hip"][1] - settle["r_hip"][1]) >= 12.0, "the hips roll"
    for mirrored in (False, True):
        for phase in FINE_PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for name in ("l_shoulder", "r_shoulder", "c7", "head"):
                assert abs(points[name][1] - start[name][1]) <= 1.0, (phase, name)
                assert math.dist(points[name], start[name]) <= 1.5, (phase, name, "lies still")
            for side in "lr":
                # the knees stay bent and the soles stay where they were on the mat
                assert math.dist(points[f"{side}_sole"], start[f"{side}_sole"]) <= 1.0
            # the down knee comes near the mat but does not go through it
            lowest = min(points[f"{s}_knee"][1] for s in "lr") - CONTACT_POINTS["l_knee"]
            assert lowest >= 5.0, (phase, round(lowest, 1))


def test_knee_rolls_arms_lie_out_in_a_t_on_the_mat() -> None:
    figure = _figure()
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for mirrored in (False, True):
        for phase in FINE_PHASES[::4]:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for side in "lr":
                shoulder, palm = points[f"{side}_shoulder"], points[f"{side}_palm"]
                angle = math.degrees(math.atan2(abs(palm[2] - shoulder[2]), palm[0] - shoulder[0]))
                assert 70.0 <= angle <= 95.0, (side, round(angle), "out to the side, a T")
                gap = palm[1] - CONTACT_POINTS["l_hand"] - support_under(figure.props, palm, False)
                assert abs(gap) <= 1.0, (phase, side, "the hand rests on the mat")
                for name in ("elbow", "wrist", "palm", "hand"):
                    x, y, z = points[f"{side}_{name}"]
                    assert y <= mat.h + 6.0, (name, "on the mat")
                    assert abs(z) <= mat.depth / 2 - 3.0, (name, "not off the mat's edge")
                    assert mat.x < x < mat.x + mat.w, name


def test_knee_rolls_feet_stay_flat_on_the_mat_and_the_knees_bent() -> None:
    figure = _figure()
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for mirrored in (False, True):
        for phase in PHASES:
            points = solve(figure.at_phase(phase, mirrored=mirrored)).points
            for side in "lr":
                for name in ("sole", "heel_sole"):
                    y = points[f"{side}_{name}"][1]
                    assert y == pytest.approx(mat.h, abs=1.5), (phase, side, name)
                hip, knee, ankle = (points[f"{side}_{n}"] for n in ("hip", "knee", "ankle"))
                # bent well past a right angle all the way: the thigh and shin close to a V
                thigh = tuple(h - k for h, k in zip(hip, knee, strict=True))
                shin = tuple(a - k for a, k in zip(ankle, knee, strict=True))
                cos = sum(t * c for t, c in zip(thigh, shin, strict=True)) / (
                    math.dist(hip, knee) * math.dist(ankle, knee)
                )
                assert math.degrees(math.acos(cos)) <= 80.0, (phase, side)


def test_knee_rolls_mat_fits_the_body_so_the_figure_stays_big() -> None:
    # the mat is no bigger than the body with its arms out needs, so the figure is not
    # drawn small
    figure = _figure()
    assert scene_for(figure).frame.scale >= 0.9


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_soles_stay_flat_on_their_spots(mirrored: bool) -> None:
    figure = _figure()
    first = solve(figure.at_phase(0.0, mirrored=mirrored)).points
    for phase in PHASES:
        points = solve(figure.at_phase(phase, mirrored=mirrored)).points
        for side in "lr":
            for name in ("heel_sole", "sole", "toe"):
                point = f"{side}_{name}"
                assert math.dist(points[point], first[point]) <= 3.0, (phase, point)
                assert -0.5 <= points[point][1] <= 3.0, (phase, point, "on the mat")


def test_knee_rolls_texts_say_cushion_and_feet_a_little_apart() -> None:
    start = EXERCISES["knee-rolls"].start
    for word in ("cushion", "a little apart", "together"):
        assert word in start.en
    for word in ("kussen", "uit elkaar", "tegen elkaar"):
        assert word in start.nl


def test_knee_rolls_are_seen_along_the_body_from_beyond_the_head() -> None:
    # Looking along the body from above the feet end the upright shins hid the thighs and
    # raters saw short straight legs; from a raised corner on the feet side (32, 34) blind
    # raters saw the legs "straighten out flat" and rated it 2 (session 13). From beyond
    # the head, raised, the knees stand up over the pelvis and tip to one side like a wiper:
    # three raters named it and rated it 3. The view is square along the body, so the other
    # side is the same view mirrored in the world, not a mirrored drawing.
    figure = _figure()
    assert figure.camera == "head_end"
    users = [e for e, ex in EXERCISES.items() if ex.figure and ex.figure.camera == "head_end"]
    assert users == ["knee-rolls"], "the camera is this exercise's own"
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    assert yaw == -90.0, "along the body, from the head end"
    assert 20.0 <= pitch <= 40.0, "raised: the mat shows as a floor and the knees stand up"
    assert not mirrors_view(figure)
    drawing = scene_for(figure).drawing(figure.start)
    joints = drawing.joints
    # the head at the bottom, the pelvis above it and the knees above that, in one column
    knees = _knees(drawing)
    assert joints["head"][1] > joints["pelvis"][1] > knees[1]
    assert abs(joints["head"][0] - knees[0]) <= 2.0, "upright in the middle of the picture"
    # the arms lie out in a T across the picture
    for side in "lr":
        wrist, shoulder = joints[f"{side}_wrist"], joints[f"{side}_shoulder"]
        assert abs(wrist[0] - shoulder[0]) >= 3.0 * abs(wrist[1] - shoulder[1]), side


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_start_knees_stand_up_over_the_pelvis(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    joints = scene.drawing(_side(figure.start, mirrored)).joints
    for side in "lr":
        hip, knee = joints[f"{side}_hip"], joints[f"{side}_knee"]
        # the knee is the top of the leg, well up the picture from the hip, and upright
        assert knee[1] <= hip[1] - 30.0 * scene.frame.scale, side
        assert abs(knee[0] - hip[0]) <= 6.0 * scene.frame.scale, (side, "upright")


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_knees_tip_to_one_side_and_down_the_picture(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    first = _knees(scene.drawing(_side(figure.start, mirrored)))
    after = _knees(scene.drawing(_side(_settle(figure), mirrored)))
    dx, dy = after[0] - first[0], after[1] - first[1]
    assert abs(dx) >= VIEW_W / 10, "well across: the wiper's swing"
    assert dy >= VIEW_W / 20, "and down the picture, towards the mat"
    # the other side swings the same way round, across the other way
    plain = _knees(scene.drawing(_settle(figure)))[0] - _knees(scene.drawing(figure.start))[0]
    assert dx == pytest.approx(-plain if mirrored else plain, abs=1.0)


def test_knee_rolls_one_loop_rolls_to_one_side_then_the_other() -> None:
    # "return and swap": a repetition goes to one side, back up through the middle, and
    # to the other side. Shown one side per loop, every blind rater asked whether to
    # alternate ("the animation only ever goes to the right"), and the player's switch
    # between sides came only after all the reps of the first (session 14)
    figure = _figure()
    scene = scene_for(figure)
    first = _knees(scene.drawing(figure.start))
    across = [_knees(scene.drawing(figure.at_phase(phase)))[0] - first[0] for phase in PHASES]
    halves = (across[: len(PHASES) // 2], across[len(PHASES) // 2 :])
    assert max(abs(x) for x in halves[0]) >= VIEW_W / 10
    assert max(abs(x) for x in halves[1]) >= VIEW_W / 10
    # each half of the loop stays on its own side of the middle
    sign = 1.0 if max(halves[0], key=abs) > 0 else -1.0
    assert all(sign * x >= -1.0 for x in halves[0]), "the first half on one side"
    assert all(sign * x <= 1.0 for x in halves[1]), "the second half on the other"
    middle = _knees(scene.drawing(figure.at_phase(0.5)))
    assert math.dist(middle, first) <= 1.0, "upright again between the two sides"
    # the second side is the first one mirrored, keyframe for keyframe
    for one, other in (("work", "other"), ("settle", "other_settle")):
        a, b = _key(figure, one).mirrored(), _key(figure, other)
        flat = [v for angles in a.angles for v in angles]
        assert flat == pytest.approx([v for angles in b.angles for v in angles]), one
        assert a.turn == pytest.approx(b.turn), one
    # and it stays as long on each side: one breath
    keys = {k.name: k.at for k in figure.keyframes}
    stay = keys["settle_hold"] - keys["settle"]
    assert keys["other_hold"] - keys["other_settle"] == pytest.approx(stay)
    assert stay >= 0.15, "a breath's pause, about a fifth of the loop"


def test_knee_rolls_dose_counts_once_to_each_side_as_one() -> None:
    # the loop has both sides, so no level plays them one side at a time (the player
    # would mirror a loop that already goes both ways), and the steps say what one is
    exercise = EXERCISES["knee-rolls"]
    for level in Level:
        dose = exercise.dose(level)
        assert not dose.per_side, level
        assert dose.mode is DoseMode.REPS, level
        assert dose.tempo_s >= 12, (level, "two slow rolls and two pauses take time")
    assert exercise.dose(Level.ADVANCED).tempo_s * 0.2 >= 4.5, "the 5-second pause"
    last = exercise.steps[-1]
    assert "other side" in last.en
    assert "counts as one" in last.en
    assert "andere kant" in last.nl
    assert "telt als één keer" in last.nl


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_feet_shoulders_and_hands_stay_put_in_the_picture(mirrored: bool) -> None:
    figure = _figure()
    scene = scene_for(figure)
    first = scene.drawing(figure.at_phase(0.0, mirrored=mirrored)).joints
    for phase in PHASES:
        joints = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).joints
        for side in "lr":
            for name in ("shoulder", "wrist", "elbow"):
                joint = f"{side}_{name}"
                assert math.dist(joints[joint], first[joint]) <= 2.0, (phase, joint)
            # the soles stay on their spot; the ankle above tips a little with the shin
            joint = f"{side}_ankle"
            assert math.dist(joints[joint], first[joint]) <= 12.0, (phase, joint)


@pytest.mark.parametrize("mirrored", [False, True])
def test_knee_rolls_arrow_curves_over_the_knees_with_a_head_to_each_side(
    mirrored: bool,
) -> None:
    figure = _figure()
    arrow = figure.arrow
    assert arrow is not None
    assert arrow.shape == "arc", "a roll"
    assert arrow.both, "a head at each end: the knees go to both sides"
    scene = scene_for(figure)
    start = scene.drawing(_side(figure.start, mirrored))
    knees = _knees(start)
    line = next(s for s in start.shapes if s.part == "cue:arrow").points
    heads = [s.points for s in start.shapes if s.part == "cue:head"]
    assert len(heads) == 2
    # just over the knees, centred on them, each head pointing down and out to its side
    assert min(math.dist(p, knees) for p in line) <= 25.0
    assert min(p[1] for p in line) < knees[1], "over the knees"
    assert _mid(line[0], line[-1])[0] == pytest.approx(knees[0], abs=3.0), "centred"
    sides = set()
    for tip, *base in heads:
        back = _mid(base[0], base[1])
        assert tip[1] > back[1], "pointing down, towards the mat"
        sides.add(tip[0] > knees[0])
    assert sides == {True, False}, "one head to each side"
    middle = line[len(line) // 2]
    chord = _mid(line[0], line[-1])
    assert math.dist(middle, chord) >= 4.0, "curved, like the knees' swing"
    # never over the head or the trunk: it is the knees' arrow, not the body's
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        cue = [p for s in drawing.shapes if s.role == "cue" for p in s.points]
        for part in ("trunk", "head"):
            outline = next(s for s in drawing.shapes if s.part == part)
            points = _head_box(outline) if part == "head" else outline.points
            assert not any(inside(p, points) for p in cue), (phase, part)


def test_knee_rolls_head_rests_on_a_cushion() -> None:
    figure = _figure()
    cushion = next(p for p in figure.props if p.kind is PropKind.CUSHION)
    mat = next(p for p in figure.props if p.kind is PropKind.MAT)
    for mirrored in (False, True):
        for phase in PHASES[::4]:
            head = solve(figure.at_phase(phase, mirrored=mirrored)).points["head"]
            assert support_under(figure.props, head, mirrored) > mat.h
            assert cushion.x < head[0] < cushion.x + cushion.w


def test_knee_rolls_first_step_says_how_far_as_the_figure_shows() -> None:
    first = EXERCISES["knee-rolls"].steps[0]
    assert "halfway" in first.en
    assert "comfortable" in first.en
    assert "halverwege" in first.nl
    assert "prettig" in first.nl


def test_a_held_roll_comes_back_to_the_middle_without_crossing_to_the_other_side() -> None:
    # A programme may hold the roll (hold_s): the figure moves into the work position and
    # stays. The rest after it eases back along the loop, and since the loop goes on from
    # the middle to the other side, the way back ends in the middle (Figure.return_at):
    # played to the loop's end, it swung the knees right over to the other side first.
    figure = _figure()
    assert figure.return_at == pytest.approx(0.5)
    scene = scene_for(figure)
    first = _knees(scene.drawing(figure.start))
    held = _knees(scene.drawing(figure.pose_at(Motion.HOLD, 5.0, 5.0)))
    side = held[0] - first[0]
    assert abs(side) >= VIEW_W / 15, "held part way over to one side"
    for i in range(21):
        pose = figure.pose_at(Motion.RELEASE, MOVE_S * i / 20, 3.0)
        knees = _knees(scene.drawing(pose))
        assert (knees[0] - first[0]) * side >= -1.0, (i, "never past the middle")
    assert figure.pose_at(Motion.RELEASE, MOVE_S, 3.0).without_cues() == figure.start


def test_figures_without_a_second_side_in_the_loop_ease_back_to_its_end() -> None:
    returns = {e: ex.figure.return_at for e, ex in EXERCISES.items() if ex.figure}
    # cat-camel's loop rounds, comes level and hollows: a held rounding eases back to level
    assert returns.pop("knee-rolls") == pytest.approx(0.5)
    assert returns.pop("cat-camel") == pytest.approx(0.5)
    assert set(returns.values()) == {1.0}
