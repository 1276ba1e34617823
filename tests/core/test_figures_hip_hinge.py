"""Hip hinge: camera and depth, a straight back, head, shins, hands, the stick, the texts."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from rugdiary.core.body import HEAD_RADIUS, Skeleton, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.figure_drawing import (
    ARROW_LINE_CM,
    ARROW_MIN_WIDTH,
    Drawing,
    FigureStyle,
    scene_for,
    svg_of,
)
from rugdiary.core.figures import Figure
from tests.core.figure_geometry import EXERCISES, figure_of, inside

PHASES = [i / 32 for i in range(32)]
Vec = tuple[float, float, float]
Point2 = tuple[float, float]


def _tilt(a: Vec, b: Vec) -> float:
    """Angle of the line a -> b from the vertical in degrees, forward (+x) positive."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def _pitch(frame: tuple[float, ...]) -> float:
    """How far a body frame's forward axis points down (negative) or up, in degrees."""
    return math.degrees(math.atan2(frame[3], math.hypot(frame[0], frame[6])))


def _on_thigh(points: dict[str, Vec], side: str) -> tuple[float, float, float]:
    """The palm against the thigh: (share down the thigh 0 hip .. 1 knee, how far in front
    of the thigh's axis, how far from that axis in all) in cm."""
    hip, knee, palm = points[side + "hip"], points[side + "knee"], points[side + "palm"]
    axis = [k - h for k, h in zip(knee, hip, strict=True)]
    length = math.hypot(*axis)
    unit = [a / length for a in axis]
    share = sum((p - h) * u for p, h, u in zip(palm, hip, unit, strict=True)) / length
    nearest = [h + a * share for h, a in zip(hip, axis, strict=True)]
    # forward across the thigh (which runs down from the hip), in the side view's plane
    forward = (-unit[1], unit[0])
    ahead = (palm[0] - nearest[0]) * forward[0] + (palm[1] - nearest[1]) * forward[1]
    return share, ahead, math.dist(palm, nearest)


def _cycle(mirrored: bool = False) -> list[Skeleton]:
    figure = figure_of("hip-hinge")
    return [solve(figure.at_phase(phase, mirrored=mirrored)) for phase in PHASES]


def _bend(points: dict[str, Vec], side: str) -> float:
    """Knee flexion in degrees: 0 is a straight leg."""
    hip, knee, ankle = (points[side + name] for name in ("hip", "knee", "ankle"))
    a = [k - h for k, h in zip(knee, hip, strict=True)]
    b = [n - k for n, k in zip(ankle, knee, strict=True)]
    cos = sum(x * y for x, y in zip(a, b, strict=True)) / (math.hypot(*a) * math.hypot(*b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def _below_back_line(points: dict[str, Vec], name: str) -> float:
    """How far (cm) a point lies on the belly side of the pelvis -> c7 line, extended."""
    a, b, p = points["pelvis"], points["c7"], points[name]
    dx, dy = b[0] - a[0], b[1] - a[1]
    return ((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / math.hypot(dx, dy)


def _back(drawing: Drawing) -> list[Point2]:
    """The back side of the drawn trunk, shoulders to seat: the side nearer the stick."""
    points = next(s for s in drawing.shapes if s.part == "trunk").points
    side = (len(points) - 10) // 2  # two end caps of five points each
    runs = (list(points[:side]), list(points[side + 5 : 2 * side + 5]))
    (a, b) = next(s for s in drawing.shapes if s.part == "cue:guide").points

    def gap(run: list[Point2]) -> float:
        return sum(abs(_side(p, a, b)) for p in run)

    return min(runs, key=gap)


def _bow(back: list[Point2]) -> tuple[float, float]:
    """(furthest bulge outwards, furthest dip inwards) from the chord, in view units."""
    (ax, ay), (bx, by) = back[0], back[-1]
    length = math.hypot(bx - ax, by - ay)
    offsets = [((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length for x, y in back]
    # the back runs from the shoulders to the seat: negative offsets lie outside (behind)
    return max(0.0, -min(offsets)), max(0.0, max(offsets))


def _off_line(p: Vec, a: Vec, b: Vec) -> float:
    """How far (cm) point p lies from the straight line through a and b."""
    d = [y - x for x, y in zip(a, b, strict=True)]
    length = math.hypot(*d)
    d = [x / length for x in d]
    w = [y - x for x, y in zip(a, p, strict=True)]
    t = sum(x * y for x, y in zip(w, d, strict=True))
    return math.hypot(*(w[i] - t * d[i] for i in range(3)))


def _side(p: Point2, a: Point2, b: Point2) -> float:
    """Signed distance of p from the drawn line a -> b (view units)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    return ((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / math.hypot(dx, dy)


def test_a_side_view_of_a_moderate_hinge_not_a_level_trunk() -> None:
    figure = figure_of("hip-hinge")
    assert figure.camera == "side"
    work = solve(figure.work).points
    assert 45.0 <= _tilt(work["pelvis"], work["c7"]) <= 55.0
    deepest = max(_tilt(s.points["pelvis"], s.points["c7"]) for s in _cycle())
    assert deepest <= 56.0, "never near level"
    # the hips still go well back, behind the heels
    start = solve(figure.start).points
    assert start["pelvis"][0] - work["pelvis"][0] > 16.0
    assert work["pelvis"][0] < work["l_heel_sole"][0] - 15.0


def test_the_spine_stays_neutral_with_no_rounding_in_any_frame() -> None:
    for mirrored in (False, True):
        for skeleton in _cycle(mirrored):
            p = skeleton.points
            lower = _tilt(p["pelvis"], p["spine2"])
            upper = _tilt(p["spine2"], p["c7"])
            # the upper back never bends further forward than the lower back (no rounding),
            # and stays within a few degrees of it (a long line)
            assert -8.0 <= upper - lower <= 1.0, (mirrored, lower, upper)
            assert lower - _tilt(p["pelvis"], p["spine1"]) <= 1.0


def test_the_drawn_back_is_a_straight_line_from_the_hips_to_the_shoulders() -> None:
    # the trunk's outline is deepest at the chest: drawn evenly round the spine, a
    # straight spine's back bulged like a round upper back. The spine runs along the
    # back (figure_drawing.BACK_CM), so the drawn back side, seat to shoulders, stays
    # within 2 cm of a straight line at the bottom of the hinge.
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    for mirrored in (False, True):
        drawing = scene.drawing(figure.at_phase(figure.work_at, mirrored=mirrored))
        points = next(s for s in drawing.shapes if s.part == "trunk").points
        side = (len(points) - 10) // 2
        runs = (points[:side], points[side + 5 : 2 * side + 5])
        back = min(runs, key=lambda run: sum(y for _, y in run))  # the upper side on screen
        (ax, ay), (bx, by) = back[0], back[-1]
        length = math.hypot(bx - ax, by - ay)
        worst = max(abs((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length for x, y in back)
        assert worst / scene.frame.scale <= 2.0, (mirrored, worst / scene.frame.scale)


def test_the_head_stays_in_line_with_the_back_looking_at_the_floor_ahead() -> None:
    for skeleton in _cycle():
        p = skeleton.points
        trunk = _tilt(p["pelvis"], p["c7"])
        # the chin is slightly tucked: the head sits a little lower along the
        # back's line and the face may turn a little further down than the chest, never up
        # past it by more than a few degrees
        assert abs(_tilt(p["c7"], p["head"]) - trunk) <= 8.0, "the head does not drop"
        assert -10.0 <= _pitch(skeleton.head_frame) - _pitch(skeleton.chest_frame) <= 8.0
    work = solve(figure_of("hip-hinge").work)
    # the face turns down with the trunk: towards the floor about a metre ahead of the feet
    assert -60.0 <= _pitch(work.head_frame) <= -35.0
    assert work.points["head"][1] > work.points["c7"][1], "the head not below the shoulders"


def test_knees_soft_and_shins_near_upright_throughout() -> None:
    for skeleton in _cycle():
        p = skeleton.points
        for side in ("l_", "r_"):
            assert abs(_tilt(p[side + "ankle"], p[side + "knee"])) <= 6.0
            straight = math.dist(p[side + "hip"], p[side + "knee"]) + math.dist(
                p[side + "knee"], p[side + "ankle"]
            )
            assert straight - math.dist(p[side + "hip"], p[side + "ankle"]) > 0.5


def _grip(points: dict[str, Vec], side: str) -> Vec:
    """Where the hand closes round the stick: halfway along the hand."""
    wrist, tip = points[side + "wrist"], points[side + "hand"]
    return tuple((w + t) / 2 for w, t in zip(wrist, tip, strict=True))  # type: ignore[return-value]


def _along_line(p: Vec, a: Vec, b: Vec) -> float:
    """How far (cm) along the line a -> b the point nearest `p` lies."""
    d = [y - x for x, y in zip(a, b, strict=True)]
    n = math.hypot(*d)
    return sum((q - x) * u / n for q, x, u in zip(p, a, d, strict=True))


@pytest.mark.parametrize("mirrored", [False, True])
def test_both_hands_hold_the_stick_one_behind_the_neck_one_at_the_low_back(
    mirrored: bool,
) -> None:
    # a rater read a stick floating behind the back as "not held": the near hand holds it
    # at the low back, the far one behind the neck, in every frame of the cycle
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    low_side, high_side = ("r_", "l_") if mirrored else ("l_", "r_")
    for phase, skeleton in zip(PHASES, _cycle(mirrored), strict=True):
        p = skeleton.points
        a, b = scene.back_guide_line(skeleton)
        for side in (low_side, high_side):
            # in the hand: the stick passes through the middle of the hand
            assert _off_line(_grip(p, side), a, b) <= 2.5, (phase, side)
        sacrum = _along_line(scene.back_surface(skeleton, "pelvis")[0], a, b)
        waist = _along_line(p["spine1"], a, b)
        neck = _along_line(p["c7"], a, b)
        # the low hand between the sacrum and the bottom of the ribs, the high one at the
        # neck (within a hand's width of the seventh vertebra)
        assert sacrum <= _along_line(_grip(p, low_side), a, b) <= waist + 10.0, phase
        assert abs(_along_line(_grip(p, high_side), a, b) - neck) <= 8.0, phase
        # the high elbow points up past the shoulder, the low one down beside the waist
        assert _along_line(p[high_side + "elbow"], a, b) > neck, phase
        assert _along_line(p[low_side + "elbow"], a, b) < neck - 10.0, phase
        # and the low elbow lies against the side, never poking out past the stick: seen
        # from the side an elbow sticking up behind the back read as a rounded upper back
        belly = math.copysign(1.0, _side(p["l_knee"][:2], a[:2], b[:2]))
        assert belly * _side(p[low_side + "elbow"][:2], a[:2], b[:2]) >= 0.0, phase


def test_the_near_hand_holds_the_stick_where_it_shows() -> None:
    # seen from the side, the near (low) hand at the stick is drawn over the trunk, where
    # the picture shows it holding the stick; the far hand behind the neck goes behind
    # the head, and the stick itself is drawn over both
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    for phase in PHASES[::4]:
        parts = [s.part for s in scene.drawing(figure.at_phase(phase)).shapes]
        assert parts.index("trunk") < parts.index("l_wrist") < parts.index("cue:guide")
        assert parts.index("r_wrist") < parts.index("head")


def test_the_texts_say_what_the_figure_shows_in_both_languages() -> None:
    exercise = EXERCISES["hip-hinge"]
    start, first, last = exercise.start, exercise.steps[0], exercise.steps[-1]
    for words, text in (
        (("broomstick", "behind your neck", "low back"), start.en),
        (("bezemsteel", "achter je nek", "onder aan je rug"), start.nl),
        (("hips back", "shins stay upright", "stick", "back of your head"), first.en),
        (("heupen naar achteren", "scheenbenen blijven rechtop", "steel", "achterhoofd"), first.nl),
        (("chin slightly tucked", "metre", "no stick", "thighs"), last.en),
        (("kin licht ingetrokken", "meter", "geen steel", "bovenbenen"), last.nl),
        # the clinical note stays: a slightly rounded back is fine
        (("slightly rounded back",), last.en),
        (("licht gebogen rug",), last.nl),
    ):
        for word in words:
            assert word in text.lower(), word


def test_the_hips_travel_well_back_over_upright_shins_and_soft_knees() -> None:
    figure = figure_of("hip-hinge")
    assert figure.camera == "side"
    start = solve(figure.start).points
    for mirrored in (False, True):
        work = solve(figure.at_phase(figure.work_at, mirrored=mirrored)).points
        assert start["pelvis"][0] - work["pelvis"][0] >= 20.0, "the hips travel back"
        for side in ("l_", "r_"):
            # the pelvis well behind the heels: the hinge is a hips-back movement
            assert work["pelvis"][0] <= work[side + "heel_sole"][0] - 22.0, side
            # the shins stay near upright and the knees soft, not a squat
            assert abs(_tilt(work[side + "ankle"], work[side + "knee"])) <= 6.0
            assert 20.0 <= _bend(work, side) <= 30.0
            assert work[side + "knee"][0] <= start[side + "knee"][0], "knees not forward"
    for skeleton in _cycle():
        p = skeleton.points
        for side in ("l_", "r_"):
            assert abs(_tilt(p[side + "ankle"], p[side + "knee"])) <= 6.0
            assert 12.0 <= _bend(p, side) <= 30.0


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_drawn_back_is_straight_in_every_frame_not_only_at_the_bottom(
    mirrored: bool,
) -> None:
    # the in-between frames bulged 1.5 cm at the upper back: a rounded back to the rater
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    for phase, skeleton in zip(PHASES, _cycle(mirrored), strict=True):
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        out, dip = (v / scene.frame.scale for v in _bow(_back(drawing)))
        assert out <= 1.0, (phase, out)
        assert dip <= 1.0, (phase, dip)
        if _tilt(skeleton.points["pelvis"], skeleton.points["c7"]) >= 20.0:
            # tipped forward, the back never bows outwards like a rounded upper back
            assert out <= 0.6, (phase, out)


def test_the_head_continues_the_back_with_the_chin_slightly_tucked() -> None:
    for skeleton in _cycle():
        p = skeleton.points
        if _tilt(p["pelvis"], p["c7"]) < 15.0:
            continue
        # the head's centre sits on or just below the back's line, never above it (a chin
        # poking forwards) nor hanging well below it (a dropped head)
        assert 0.5 <= _below_back_line(p, "head") <= 4.0, _below_back_line(p, "head")
        # the face turns down with the trunk, a little further (tucked), never up past it
        assert -9.0 <= _pitch(skeleton.head_frame) - _pitch(skeleton.chest_frame) <= 0.0
    work = solve(figure_of("hip-hinge").work)
    head, face = work.points["head"], work.head_frame
    # the eyes on the floor about a metre ahead of the toes
    ahead = head[0] + face[0] * head[1] / -face[3] - work.points["l_toe"][0]
    assert 70.0 <= ahead <= 140.0, ahead


def test_the_guide_round_trips_and_a_bad_value_is_named() -> None:
    figure = figure_of("hip-hinge")
    assert figure.guide == "back"
    data = figure.to_dict()
    assert data["guide"] == "back"
    assert Figure.from_dict(data) == figure
    plain = replace(figure, guide=None).to_dict()
    assert "guide" not in plain, "no guide, nothing written"
    assert Figure.from_dict(plain).guide is None
    for bad in ("neck", "", 1, True):
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict({**data, "guide": bad})
        assert caught.value.field == "figure.guide", bad


def test_only_the_hip_hinge_has_the_back_guide_and_its_arrow_gave_way_to_it() -> None:
    # a straight stick along the back (the guide) shows the hinge; a small "hips back"
    # arrow beside it only cluttered the picture
    guided = [i for i, e in EXERCISES.items() if e.figure is not None and e.figure.guide]
    assert sorted(guided) == ["hip-hinge", "side-plank-knees", "suitcase-carry"]
    assert figure_of("side-plank-knees").guide == "line", "the side plank's is the body line"
    assert figure_of("suitcase-carry").guide == "plumb", "the suitcase's an upright line"
    figure = figure_of("hip-hinge")
    assert figure.guide == "back"
    assert figure.arrow is None, "the guide shows the hinge; no second cue"


@pytest.mark.parametrize("mirrored", [False, True])
def test_sacrum_upper_back_and_back_of_head_lie_close_to_the_stick_in_every_frame(
    mirrored: bool,
) -> None:
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    for phase in PHASES:
        skeleton = solve(figure.at_phase(phase, mirrored=mirrored))
        a, b = scene.back_guide_line(skeleton)
        sacrum = _off_line(scene.back_surface(skeleton, "pelvis")[0], a, b)
        upper = _off_line(scene.back_surface(skeleton, "spine3")[0], a, b)
        head = _off_line(skeleton.points["head"], a, b) - HEAD_RADIUS
        for name, gap in (("sacrum", sacrum), ("upper back", upper), ("head", head)):
            # touching, just off the body: never through it, never a hand's width away
            assert 0.5 <= gap <= 3.0, (phase, name, round(gap, 2))


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_stick_is_drawn_straight_behind_the_back_clear_of_the_body(mirrored: bool) -> None:
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    s = scene.frame.scale
    for phase in PHASES[::2]:
        drawing = scene.drawing(figure.at_phase(phase, mirrored=mirrored))
        parts = [sh.part for sh in drawing.shapes]
        (guide,) = [sh for sh in drawing.shapes if sh.part == "cue:guide"]
        assert guide.kind == "line"
        assert guide.role == "cue"
        assert len(guide.points) == 2, "a straight stick"
        # drawn like the motion arrow's line, and over the trunk (after it)
        assert guide.size[0] == pytest.approx(max(ARROW_LINE_CM * s, ARROW_MIN_WIDTH))
        assert parts.index("cue:guide") > parts.index("trunk")
        a, b = guide.points
        trunk = next(sh for sh in drawing.shapes if sh.part == "trunk").points
        knee = drawing.joints["l_knee"]
        belly = math.copysign(1.0, _side(knee, a, b))
        # the whole trunk lies on the belly's side of the stick: it never cuts the body
        assert min(belly * _side(p, a, b) for p in trunk) / s >= 0.5, phase
        assert not any(inside(p, trunk) for p in guide.points), phase
        # from below the pelvis to about the crown, not on as a pole
        head, pelvis = drawing.joints["head"], drawing.joints["pelvis"]
        ends = sorted(guide.points, key=lambda p: math.dist(p, pelvis))
        assert math.dist(ends[0], pelvis) < math.dist(ends[0], head)
        past = math.dist(ends[1], head) / s
        assert past <= HEAD_RADIUS + 6.0, (phase, past)


def test_the_stick_tips_with_the_body_upright_at_the_start_well_forward_at_the_bottom() -> None:
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)

    def tilt(phase: float) -> float:
        a, b = scene.back_guide_line(solve(figure.at_phase(phase)))
        return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))

    assert abs(tilt(0.0)) <= 12.0, tilt(0.0)
    assert tilt(figure.work_at) - tilt(0.0) >= 40.0, (tilt(0.0), tilt(figure.work_at))


def test_the_svg_draws_the_stick_as_a_grey_cue_line() -> None:
    figure = figure_of("hip-hinge")
    scene = scene_for(figure)
    drawing = scene.drawing(figure.work)
    style = FigureStyle()
    svg = svg_of(drawing, style)
    cue = style.colour("cue")
    lines = [part for part in svg.split("<polyline")[1:] if f'stroke="{cue}"' in part]
    assert lines, "the stick is in the SVG as a cue-coloured line"
