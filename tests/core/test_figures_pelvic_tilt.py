"""Pelvic tilt: camera and arrow, the low-back hollow, seat and arms staying put, texts."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import pytest

from rugdiary.core.body import Pose, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import (
    OUTLINE_CM,
    PELVIS_NEEDLE_CM,
    ROLE_OPACITY,
    Drawing,
    FigureScene,
    FigureStyle,
    Shape,
    render_svg,
    scene_for,
)
from rugdiary.core.figures import ARC_SPAN_DEG, Arrow, PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, inside

PHASES = [i / 24 for i in range(24)]
LUMBAR_CM = (-26.0, -8.0)
NOT_BODY = ("mat", "floor", "shadow", "cue", "outline", "hollow")  # the gap's tint
BLIND = [i / 8 for i in range(8)]
HOLLOW_CM = (-30, -11)
HOLLOW_HEIGHT_CM = 12.0
SEAT_AND_MAT = ("trunk", "pelvis:rim")
BACKDROP = ("mat", "floor", "shadow", "hollow")


def _mat_top(figure: Figure) -> float:
    return next(p for p in figure.props if p.kind is PropKind.MAT).h


def _mat_line(drawing: Drawing) -> float:
    """View y of the top of the mat band."""
    return min(y for sh in drawing.shapes if sh.role == "mat" for _, y in sh.points)


def _trunk_bottom(drawing: Drawing, x: float) -> float | None:
    trunk = next(s for s in drawing.shapes if s.part == "trunk")
    ys = [
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in itertools.pairwise((*trunk.points, trunk.points[0]))
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    ]
    return max(ys) if ys else None


def _lumbar_gaps(scene: FigureScene, drawing: Drawing) -> list[tuple[float, float, float]]:
    """(view x, trunk bottom y, gap cm) every cm over the low back."""
    s = scene.frame.scale
    top = _mat_line(drawing)
    x0 = drawing.joints["pelvis"][0]
    out = []
    for cm in range(int(LUMBAR_CM[0]), int(LUMBAR_CM[1]) + 1):
        x = x0 + cm * s
        bottom = _trunk_bottom(drawing, x)
        out.append((x, bottom, (top - bottom) / s))
    return out


def _figure() -> Figure:
    return figure_of("pelvic-tilt")


def _drawn_frames() -> Iterator[tuple[float, Drawing, float, float, float]]:
    """Each phase's drawing, with the mat's top line, the pelvis's view x and the view scale."""
    figure = _figure()
    scene = scene_for(figure)
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        yield phase, drawing, _mat_line(drawing), drawing.joints["pelvis"][0], scene.frame.scale


def _key(figure: Figure, name: str) -> Pose:
    return next(k.pose for k in figure.keyframes if k.name == name)


def _crossings(drawing: Drawing, x: float) -> list[float]:
    trunk = next(s for s in drawing.shapes if s.part == "trunk")
    return [
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        for (x0, y0), (x1, y1) in itertools.pairwise((*trunk.points, trunk.points[0]))
        if x0 != x1 and min(x0, x1) <= x <= max(x0, x1)
    ]


def _gap(scene: FigureScene, pose: Pose) -> float:
    """The deepest drawn gap (cm) between the mat and the trunk over the low back."""
    drawing = scene.drawing(pose)
    s, top, x0 = scene.frame.scale, _mat_line(drawing), drawing.joints["pelvis"][0]
    return max(
        (top - max(_crossings(drawing, x0 + cm * s))) / s
        for cm in range(int(LUMBAR_CM[0]), int(LUMBAR_CM[1]) + 1)
    )


def _seat_lift(scene: FigureScene, pose: Pose) -> float:
    """How far (cm) the underside of the buttocks, 10 cm past the pelvis, is off the mat."""
    drawing = scene.drawing(pose)
    s = scene.frame.scale
    x = drawing.joints["pelvis"][0] + 10.0 * s
    trunk = next(sh for sh in drawing.shapes if sh.part == "trunk")
    bottom = max(y for px, y in trunk.points if abs(px - x) <= 3.0 * s)
    return (_mat_line(drawing) - bottom) / s


def _cue(drawing: Drawing) -> list[tuple[float, float]]:
    """The motion arrow's points (the pelvis's pointer is a cue of its own, on the body)."""
    return [
        p
        for shape in drawing.shapes
        if shape.role == "cue" and shape.part != "cue:pelvis"
        for p in shape.points
    ]


def _distance_to_outline(
    point: tuple[float, float], polygon: tuple[tuple[float, float], ...]
) -> float:
    best = math.inf
    for a, b in itertools.pairwise((*polygon, polygon[0])):
        dx, dy = b[0] - a[0], b[1] - a[1]
        t = ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1e-9)
        t = min(1.0, max(0.0, t))
        best = min(best, math.dist(point, (a[0] + t * dx, a[1] + t * dy)))
    return best


def _columns(scene: FigureScene, drawing: Drawing, lo: int, hi: int) -> list[tuple[float, float]]:
    """(gap cm, view x) every cm from lo to hi cm of the pelvis (towards the head negative)."""
    s, top, x0 = scene.frame.scale, _mat_line(drawing), drawing.joints["pelvis"][0]
    out = []
    for cm in range(lo, hi + 1):
        x = x0 + cm * s
        bottom = _trunk_bottom(drawing, x)
        if bottom is not None:
            out.append(((top - bottom) / s, x))
    return out


def _covers(shape: Shape, p: tuple[float, float]) -> bool:
    if shape.kind == "poly":
        return inside(p, shape.points)
    if shape.kind in ("circle", "ellipse"):
        (cx, cy), (rx, ry) = shape.points[0], shape.size
        return ((p[0] - cx) / rx) ** 2 + ((p[1] - cy) / ry) ** 2 <= 1.0
    for (ax, ay), (bx, by) in itertools.pairwise(shape.points):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
        if math.dist(p, (ax + t * dx, ay + t * dy)) <= shape.size[0] / 2:
            return True
    return False


def _tint_showing(pose: Pose) -> int:
    """How many 0.5 cm probes of the tint are not hidden by the trunk (and above the mat)."""
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    s = scene.frame.scale
    drawing = scene.drawing(pose)
    tint = next(sh for sh in drawing.shapes if sh.role == "hollow")
    trunk = next(sh for sh in drawing.shapes if sh.part == "trunk")
    top = _mat_line(drawing)
    xs = [x for x, _ in tint.points]
    showing = 0
    x = min(xs)
    while x <= max(xs):
        for up in range(1, 40):
            probe = (x, top - up * 0.5 * s)
            if inside(probe, tint.points) and not inside(probe, trunk.points):
                showing += 1
        x += 0.5 * s
    return showing


def test_pelvic_tilt_is_seen_from_just_above_the_mat_with_an_arc_at_the_pelvis() -> None:
    figure = figure_of("pelvic-tilt")
    assert figure.camera == "side_low", "the hollow under the back shows against the mat"
    assert figure.arrow is not None
    assert (figure.arrow.at, figure.arrow.shape, figure.arrow.both) == ("pelvis", "arc", True)


def test_the_low_back_hollow_is_small_and_open_at_the_start_and_closed_at_work() -> None:
    """The start keeps a small hollow (2-5 cm); the arch is its own keyframe with a bigger one."""
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    start = max(g for _, _, g in _lumbar_gaps(scene, scene.drawing(figure.start)))
    assert 2.0 <= start <= 5.0, f"a small hollow you can see, {start:.1f} cm"
    work = max(g for _, _, g in _lumbar_gaps(scene, scene.drawing(figure.work)))
    assert work <= 0.5, f"the low back lies on the mat at work ({work:.1f} cm up)"
    # the skeleton agrees: the lumbar spine lifts off and comes down, the chest stays
    arch, flat = solve(figure.pose("arch")).points, solve(figure.work).points
    mat = _mat_top(figure)
    assert 2.0 <= solve(figure.start).points["spine1"][1] - 10.0 - mat <= 5.0
    assert 6.0 <= arch["spine1"][1] - 10.0 - mat <= 9.0
    assert flat["spine1"][1] - 10.0 - mat <= 0.5
    assert abs(arch["c7"][1] - flat["c7"][1]) <= 1.5, "the upper back stays on the mat"


def test_nothing_is_drawn_in_the_hollow_under_the_low_back() -> None:
    """No arm (near or far), leg or prop covers the open space under the arched low back."""
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    s = scene.frame.scale
    for phase in (0.0, 1 / 24, 23 / 24):
        drawing = scene.drawing(figure.at_phase(phase))
        top = _mat_line(drawing)
        columns = [(x, bottom) for x, bottom, gap in _lumbar_gaps(scene, drawing) if gap >= 2.0]
        assert len(columns) >= 12, f"an open hollow at least 12 cm long at phase {phase:.2f}"
        # from just under the back to just above the mat, open all the way down
        probes = [
            (x, bottom + f * (top - bottom)) for x, bottom in columns for f in (0.15, 0.5, 0.85)
        ]
        for shape in drawing.shapes:
            if shape.role in NOT_BODY or shape.kind != "poly":
                continue
            for probe in probes:
                assert not inside(probe, shape.points), (phase, shape.part, probe)
        # and the probes are really under the trunk, above the mat
        for _, y in probes:
            assert y < top - 0.25 * s


def test_both_arms_rest_out_on_the_mat_by_the_upper_back_clear_of_the_low_back() -> None:
    """The arms keep out of the hollow: a hand on the hip put its forearm across it and hid it."""
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work):
        drawing = scene.drawing(pose)
        pelvis_x = drawing.joints["pelvis"][0]
        lumbar_left = pelvis_x + LUMBAR_CM[0] * scene.frame.scale
        for shape in drawing.shapes:
            if shape.part[2:] in ("elbow", "wrist"):
                right = max(x for x, _ in shape.points)
                assert right <= lumbar_left, (pose.turn, shape.part, "over the low back")
        points = solve(pose).points
        assert points["r_wrist"][1] - _mat_top(figure) <= 5.0, "the far hand on the mat"
        assert points["l_elbow"][1] - _mat_top(figure) <= 6.0, "the near elbow on the mat"


def test_the_pelvis_stays_on_the_mat_through_the_whole_rock_no_bridge() -> None:
    figure = figure_of("pelvic-tilt")
    heights = [solve(figure.at_phase(p)).points["pelvis"][1] for p in PHASES]
    assert max(heights) - min(heights) <= 1.0, "the pelvis rolls in place, it does not lift"
    for h in heights:
        assert h - 11.0 - _mat_top(figure) <= 1.0, "the seat rests on the mat"
    # the knees and feet stay where they are: only the pelvis and low back move
    start, work = solve(figure.start).points, solve(figure.work).points
    for name in ("l_knee", "r_knee", "l_ankle", "r_ankle", "head"):
        assert abs(start[name][0] - work[name][0]) <= 2.0, name
        assert abs(start[name][1] - work[name][1]) <= 2.0, name
    assert 30.0 <= figure.work.turn[1] - figure.pose("arch").turn[1] <= 60.0, "a clear roll"


def test_one_cycle_flattens_holds_arches_holds_and_comes_back() -> None:
    figure = _figure()
    names = [k.name for k in figure.keyframes]
    assert names == ["start", "work", "flat_hold", "arch", "arch_hold"]
    ats = {k.name: k.at for k in figure.keyframes}
    assert _key(figure, "flat_hold") == figure.work, "a real pause, flat"
    assert _key(figure, "arch_hold") == _key(figure, "arch"), "a real pause, arched"
    assert ats["flat_hold"] - ats["work"] >= 0.1, "the flat back is held a moment"
    assert ats["arch_hold"] - ats["arch"] >= 0.08, "the arch is held a moment"
    # the eight frames a rater sees: at least two flat and two clearly arched
    scene = scene_for(figure)
    gaps = [_gap(scene, figure.at_phase(p)) for p in BLIND]
    assert sum(g <= 0.5 for g in gaps) >= 2, gaps
    assert sum(g >= 6.0 for g in gaps) >= 2, gaps
    assert 2.0 <= gaps[0] <= 5.0, "the first frame is the start: a small hollow"


def test_the_hollow_closes_flat_and_opens_well_past_the_start_when_arched() -> None:
    figure = _figure()
    scene = scene_for(figure)
    start, flat, arch = (_gap(scene, p) for p in (figure.start, figure.work, _key(figure, "arch")))
    assert 2.0 <= start <= 5.0, f"a small hollow at the start, {start:.1f} cm"
    assert flat <= 0.5, f"flat: the low back lies on the mat ({flat:.1f} cm)"
    assert arch >= 6.5, f"arched: a clear hollow, {arch:.1f} cm"
    assert arch - start >= 2.5, "the arch is well past the start"
    assert arch - flat >= 6.5, "flat and arched are far apart"
    # the skeleton agrees
    mat = _mat_top(figure)
    lumbar = {k.name: solve(k.pose).points["spine1"][1] - 10.0 - mat for k in figure.keyframes}
    assert lumbar["work"] <= 0.0 < lumbar["start"] < lumbar["arch"] - 2.0
    assert lumbar["arch"] >= 6.0


def test_the_tailbone_curls_up_when_flat_and_presses_down_when_arched() -> None:
    """The seat stays on the mat when flat too; a tail drawn curling off the mat
    read to a rater as lifting the buttocks (the pelvis still turns, see below)."""
    figure = _figure()
    scene = scene_for(figure)
    assert _seat_lift(scene, figure.work) <= 1.0, "flat: the seat stays on the mat"
    assert _seat_lift(scene, _key(figure, "arch")) <= 1.0, "arched: the seat presses down"
    pitch = {k.name: k.pose.turn[1] for k in figure.keyframes}
    assert pitch["work"] - pitch["arch"] >= 40.0, "the pelvis clearly rolls, one way and back"
    assert pitch["arch"] < pitch["start"] < pitch["work"], "start lies between the two"


def test_the_seat_and_the_upper_back_stay_down_no_bridge_no_ribs_lifting() -> None:
    figure = _figure()
    mat = _mat_top(figure)
    for phase in PHASES:
        points = solve(figure.at_phase(phase)).points
        assert abs(points["pelvis"][1] - 11.0 - mat) <= 1.0, (phase, "the seat stays on the mat")
        assert points["spine3"][1] - 12.0 - mat <= 2.5, (phase, "the upper back stays down")
        assert points["c7"][1] - 8.5 - mat <= 3.0, (phase, "the shoulders stay down")
    shoulders = [solve(k.pose).points["l_shoulder"][1] for k in figure.keyframes]
    assert max(shoulders) - min(shoulders) <= 3.0, "the chest does not rise and fall"
    # only the pelvis and low back move: feet, knees and head stay
    start = solve(figure.start).points
    for key in figure.keyframes:
        points = solve(key.pose).points
        for name in ("l_knee", "r_knee", "l_ankle", "r_ankle", "head"):
            assert math.dist(points[name], start[name]) <= 2.5, (key.name, name)


def test_no_arm_or_leg_covers_the_hollow_in_any_frame() -> None:
    figure = _figure()
    scene = scene_for(figure)
    s = scene.frame.scale
    open_columns = 0
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        top, x0 = _mat_line(drawing), drawing.joints["pelvis"][0]
        for cm in range(int(LUMBAR_CM[0]), int(LUMBAR_CM[1]) + 1):
            x = x0 + cm * s
            bottom = max(_crossings(drawing, x))
            if (top - bottom) / s < 2.0:
                continue
            open_columns += 1
            for f in (0.2, 0.5, 0.8):
                probe = (x, bottom + f * (top - bottom))
                for shape in drawing.shapes:
                    if shape.role in NOT_BODY or shape.kind != "poly":
                        continue
                    assert not inside(probe, shape.points), (phase, shape.part, cm)
    assert open_columns >= 100, "the hollow shows, open, in many frames"


def test_the_arrow_is_a_short_arc_round_the_pelvis_clear_of_belly_and_thigh() -> None:
    figure = _figure()
    arrow = figure.arrow
    assert arrow is not None
    assert (arrow.at, arrow.shape, arrow.both) == ("pelvis", "arc", True)
    assert arrow.span <= 75.0, "short, so it fits between belly and thigh"
    scene = scene_for(figure)
    s = scene.frame.scale
    pelvis = scene.drawing(figure.start).joints["pelvis"]
    line = next(sh for sh in scene.drawing(figure.start).shapes if sh.part == "cue:arrow")
    # a dial round the pelvis's pointer: centred where the pointer turns (level with its
    # base, towards the head of the hip joints), a little beyond the pointer's tip
    pivot = scene.frame.to_view(
        *scene.camera.project(
            tuple(
                a + b
                for a, b in zip(solve(figure.start).points["pelvis"], arrow.offset, strict=True)
            )  # type: ignore[arg-type]
        )[:2]
    )
    radii = [math.dist(p, pivot) / s for p in line.points[1:-1]]
    assert max(radii) - min(radii) <= 0.5, "a circle round the pointer's pivot"
    reach = PELVIS_NEEDLE_CM[1][0]
    assert reach + 3.0 <= radii[0] <= reach + 10.0, "just beyond the pointer's tip"
    assert abs(arrow.offset[0] + PELVIS_NEEDLE_CM[0][1]) <= 2.0, "level with its base"
    middle = line.points[len(line.points) // 2]
    assert middle[1] < pelvis[1], "over the pelvis"
    assert abs(middle[0] - pivot[0]) <= 8.0 * s, "over the pointer"
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        cue = _cue(drawing)
        for shape in drawing.shapes:
            if shape.role in NOT_BODY or shape.kind != "poly":
                continue
            for point in cue:
                assert not inside(point, shape.points), (phase, shape.part)
                assert _distance_to_outline(point, shape.points) >= 1.5 * s, (phase, shape.part)


def test_an_arcs_span_round_trips_and_is_checked() -> None:
    figure = _figure()
    data = figure.to_dict()
    assert data["arrow"]["span"] == figure.arrow.span  # type: ignore[union-attr]
    assert Figure.from_dict(data) == figure
    assert "span" not in Arrow("knees", "arc", 20.0).to_dict(), "the default is not written"
    assert Arrow("knees", "arc", 20.0).span == ARC_SPAN_DEG
    for bad in (10, 200, "wide", True):
        broken = {**data, "arrow": {**data["arrow"], "span": bad}}
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict(broken)
        assert caught.value.field == "figure.arrow.span", bad
    with pytest.raises(ValidationError) as caught:
        Figure.from_dict({**data, "arrow": {"at": "knees", "shape": "up", "span": 60}})
    assert caught.value.field == "figure.arrow.span", "only an arc has a span"


def test_the_near_hand_rests_on_the_ribs_and_stays_put() -> None:
    """A hand on the hip hid the hollow behind its forearm: the near hand rests on the lower
    ribs, its elbow on the mat out beside the chest, and it stays put while the pelvis rocks."""
    figure = _figure()
    mat = _mat_top(figure)
    palms, elbows = [], []
    for phase in PHASES:
        points = solve(figure.at_phase(phase)).points
        assert points["l_palm"][1] - mat <= 22.0, (phase, "the hand rests low on the ribs")
        assert points["l_palm"][0] - points["pelvis"][0] <= -20.0, (phase, "on the ribs")
        assert points["l_elbow"][1] - mat <= 6.0, (phase, "its elbow rests on the mat")
        assert points["l_elbow"][2] - points["pelvis"][2] >= 35.0, (phase, "out to the side")
        palms.append(points["l_palm"])
        elbows.append(points["l_elbow"])
    for seen in (palms, elbows):
        spread = max(math.dist(a, b) for a, b in itertools.combinations(seen, 2))
        assert spread <= 5.0, "the arm stays where it rests: only the pelvis moves"


def test_the_far_arm_stays_out_of_sight_on_the_mat() -> None:
    figure = _figure()
    mat = _mat_top(figure)
    for phase in PHASES:
        points = solve(figure.at_phase(phase)).points
        assert points["r_palm"][1] - mat <= 5.5, phase
        assert points["r_palm"][0] <= points["spine3"][0], "out beside the upper back"


def test_the_pelvis_rim_is_drawn_over_the_trunk_and_the_thigh() -> None:
    figure = _figure()
    scene = scene_for(figure)
    for pose in (figure.start, figure.work, figure.pose("arch")):
        order = [s.part for s in scene.drawing(pose).shapes]
        assert order.index("pelvis:rim") > order.index("trunk")
        assert order.index("pelvis:rim") > order.index("l_hip"), "the rim over the thigh"


def test_the_arched_hollow_is_a_clear_gap_with_daylight_beside_the_forearm() -> None:
    figure = _figure()
    scene = scene_for(figure)
    s = scene.frame.scale
    arch = scene.drawing(figure.pose("arch"))
    gaps = _columns(scene, arch, -30, -6)
    assert max(g for g, _ in gaps) >= 10.0, "the arched low back is well off the mat"
    flat = scene.drawing(figure.work)
    assert max(g for g, _ in _columns(scene, flat, -30, -6)) <= 0.5, "flat: on the mat"
    start = scene.drawing(figure.start)
    assert 2.0 <= max(g for g, _ in _columns(scene, start, -30, -6)) <= 5.0, "small at start"
    # open daylight: nothing (forearm, elbow, far arm) drawn in the gap over 15 cm or more
    top = _mat_line(arch)
    open_cm = 0
    for gap, x in gaps:
        if gap < 3.0:
            continue
        bottom = top - gap * s
        probes = [(x, bottom + f * (top - bottom)) for f in (0.2, 0.5, 0.8)]
        if not any(
            inside(p, shape.points)
            for shape in arch.shapes
            if shape.role not in NOT_BODY and shape.kind == "poly"
            for p in probes
        ):
            open_cm += 1
    assert open_cm >= 15, f"daylight under the arched back over {open_cm} cm only"


def test_the_seat_stays_on_the_mat_in_every_frame() -> None:
    for phase, drawing, top, x0, s in _drawn_frames():
        for cm in (0, 4, 8, 10):
            bottom = _trunk_bottom(drawing, x0 + cm * s)
            assert bottom is not None
            assert (top - bottom) / s <= 1.0, (phase, cm, "the buttocks stay down")


def test_only_the_rocking_pelvis_is_drawn_this_way() -> None:
    """The deeper hollow, the settled seat and the hand over the rim are pelvic tilt's own:
    other figures lying on the back draw no pelvis rim."""
    for exercise_id, exercise in EXERCISES.items():
        figure = exercise.figure
        if exercise_id == "pelvic-tilt" or figure is None or figure.position != "supine":
            continue
        parts = {s.part for s in scene_for(figure).drawing(figure.start).shapes}
        assert "pelvis:rim" not in parts, exercise_id


def test_nothing_but_the_trunk_is_drawn_over_the_hollow_in_any_frame() -> None:
    for phase, drawing, top, x0, s in _drawn_frames():
        others = [
            sh for sh in drawing.shapes if sh.role not in BACKDROP and sh.part not in SEAT_AND_MAT
        ]
        for cm in range(HOLLOW_CM[0], HOLLOW_CM[1] + 1):
            for up in range(1, int(HOLLOW_HEIGHT_CM * 2) + 1):
                probe = (x0 + cm * s, top - up * 0.5 * s)
                for shape in others:
                    assert not _covers(shape, probe), (phase, cm, up * 0.5, shape.part)


def test_the_hollow_opens_and_closes_in_plain_daylight() -> None:
    """Under the arched low back the mat shows (nothing in front of it) over 15 cm or more,
    at the start a small hollow shows, flattened it is gone."""
    figure = _figure()
    scene = scene_for(figure)
    s = scene.frame.scale

    def daylight(pose: Pose) -> tuple[int, float]:
        drawing = scene.drawing(pose)
        top, x0 = _mat_line(drawing), drawing.joints["pelvis"][0]
        shapes = [sh for sh in drawing.shapes if sh.role not in BACKDROP]
        open_cm, deepest = 0, 0.0
        for cm in range(HOLLOW_CM[0], HOLLOW_CM[1] + 1):
            clear = 0.0
            for up in range(1, 31):
                probe = (x0 + cm * s, top - up * 0.5 * s)
                if any(_covers(sh, probe) for sh in shapes):
                    break
                clear = up * 0.5
            deepest = max(deepest, clear)
            open_cm += clear >= 3.0
        return open_cm, deepest

    arch_open, arch_deep = daylight(figure.pose("arch"))
    assert arch_open >= 15, arch_open
    assert arch_deep >= 10.0, arch_deep
    start_open, start_deep = daylight(figure.start)
    assert start_open >= 5, start_open
    assert 3.0 <= start_deep <= 6.0, start_deep
    assert daylight(figure.work)[1] <= 1.0, "flat: the low back lies on the mat"


def test_the_near_hand_stays_put_away_from_the_head_in_every_frame() -> None:
    """The near hand rests on the lower ribs (out on the mat, seen from the side, the arm
    was a stub by the shoulder), its elbow on the mat."""
    figure = _figure()
    mat = _mat_top(figure)
    scene = scene_for(figure)
    s = scene.frame.scale
    first = solve(figure.at_phase(0.0)).points["l_palm"]
    for phase in PHASES:
        points = solve(figure.at_phase(phase)).points
        assert points["l_elbow"][1] - mat <= 6.0, (phase, "the elbow rests on the mat")
        for name in ("l_palm", "l_hand", "l_wrist"):
            assert points[name][1] - mat <= 22.0, (phase, name, "low on the ribs, not raised")
        assert math.dist(points["l_palm"], first) <= 4.0, (phase, "the hand barely moves")
        assert math.dist(points["l_hand"], points["head"]) >= 40.0, phase
        assert points["l_hand"][0] > points["l_shoulder"][0] + 10.0, "never overhead"
        # drawn: the hand is well clear of the head and face
        drawing = scene.drawing(figure.at_phase(phase))
        head = next(sh for sh in drawing.shapes if sh.part == "head")
        hand = next(sh for sh in drawing.shapes if sh.part == "l_wrist")
        clear = min(math.dist(p, head.points[0]) for p in hand.points) - head.size[0]
        assert clear >= 4.0 * s, (phase, "the hand is drawn apart from the head")


def test_the_hollow_tint_is_drawn_behind_the_body_for_the_pelvic_tilt_only() -> None:
    figure = figure_of("pelvic-tilt")
    drawing = scene_for(figure).drawing(figure.pose("arch"))
    parts = [sh.part for sh in drawing.shapes]
    roles = [sh.role for sh in drawing.shapes]
    assert roles.count("hollow") == 1
    assert parts.index("hollow") < parts.index("trunk"), "behind the trunk"
    assert parts.index("hollow") < parts.index("l_hip"), "behind the limbs"
    for exercise_id, exercise in EXERCISES.items():
        if exercise_id == "pelvic-tilt" or exercise.figure is None:
            continue
        other = scene_for(exercise.figure).drawing(exercise.figure.start)
        assert not any(sh.role == "hollow" for sh in other.shapes), exercise_id


def test_the_tint_grows_when_arched_and_vanishes_when_flat() -> None:
    figure = figure_of("pelvic-tilt")
    arch, start, flat = (
        _tint_showing(figure.pose("arch")),
        _tint_showing(figure.start),
        _tint_showing(figure.work),
    )
    assert arch >= 500, arch  # over 120 cm^2 of tinted gap on screen
    assert arch > 2 * start, (arch, start)
    assert flat <= 0.1 * arch, (flat, arch)


def test_the_tint_is_soft_in_every_style_and_drawn_by_the_svg() -> None:
    # a tint, not a body part; at 0.6 rather than 0.32 since session 18, when two raters of
    # two, comparing the two side by side, found the stronger gap easier to follow
    assert 0.2 <= ROLE_OPACITY["hollow"] <= 0.65, "a tint that lets the mat show through"
    assert FigureStyle().hollow not in (FigureStyle().near, FigureStyle().far, FigureStyle().mat)
    figure = figure_of("pelvic-tilt")
    svg = render_svg(figure, figure.pose("arch"))
    assert f'fill="{FigureStyle().hollow}" fill-opacity="{ROLE_OPACITY["hollow"]}"' in svg


def test_the_pelvis_rim_is_a_bold_line_that_turns() -> None:
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    for pose in (figure.start, figure.work, figure.pose("arch")):
        drawing = scene.drawing(pose)
        rim = next(sh for sh in drawing.shapes if sh.part == "pelvis:rim")
        assert rim.size[0] >= 1.8 * OUTLINE_CM * scene.frame.scale, "bold, not a hairline"
        assert rim.size[0] <= 3.0 * OUTLINE_CM * scene.frame.scale, "a line, not a belt"


def test_the_near_forearm_reads_from_the_side_and_keeps_off_the_hollow() -> None:
    """The near arm out on the mat was a stub by the shoulder from the side: now its forearm
    runs from the elbow on the mat beside the chest up to the hand on the lower ribs, a long
    bar on screen, towards the head from the hollow."""
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    s = scene.frame.scale
    for phase in (i / 12 for i in range(12)):
        joints = scene.drawing(figure.at_phase(phase)).joints
        (ex, ey), (wx, wy) = joints["l_elbow"], joints["l_wrist"]
        assert math.hypot(wx - ex, wy - ey) >= 12.0 * s, (phase, "the forearm shows its length")
        assert wy < ey - 8.0 * s, (phase, "it rises from the mat to the ribs")
        pelvis_x = joints["pelvis"][0]
        assert max(ex, wx) <= pelvis_x - 22.0 * s, (phase, "beside the chest, not the low back")


def test_the_texts_say_what_the_figure_shows_both_ways_with_the_breath() -> None:
    # short: the programme sheet prints them for a whole programme on one page
    exercise = EXERCISES["pelvic-tilt"]
    assert "lower ribs" in exercise.start.en
    assert "onderste ribben" in exercise.start.nl
    en = " ".join(step.en for step in exercise.steps).lower()
    nl = " ".join(step.nl for step in exercise.steps).lower()
    for word in ("breathe out", "hollow", "flattens", "a moment", "breathe in", "other way"):
        assert word in en, word
    for word in ("uitademing", "holletje", "plat", "even", "inademing", "andere kant"):
        assert word in nl, word
    assert "seat stays down" in en, "no bridge"
    assert "billen blijven liggen" in nl, "no bridge"


def _pointer(drawing: Drawing) -> tuple[tuple[float, float], tuple[float, float]]:
    (base, tip) = next(sh for sh in drawing.shapes if sh.part == "cue:pelvis").points
    return base, tip


def _lean(drawing: Drawing) -> float:
    """The pointer's lean on screen in degrees: 0 straight up, + towards the feet (right)."""
    base, tip = _pointer(drawing)
    return math.degrees(math.atan2(tip[0] - base[0], base[1] - tip[1]))


def test_a_pointer_on_the_pelvis_tips_towards_the_head_flat_and_the_feet_arched() -> None:
    # raters saw the hollow open and close but not the pelvis turn ("only the blue gap
    # changes"); two judges shown the pointer side by side with the rim alone rated it
    # 3-4 against 2: the pelvis's rocking reads as a dial
    figure = _figure()
    scene = scene_for(figure)
    flat, arch = (next(k.pose for k in figure.keyframes if k.name == n) for n in ("work", "arch"))
    start_lean = _lean(scene.drawing(figure.start))
    flat_lean, arch_lean = _lean(scene.drawing(flat)), _lean(scene.drawing(arch))
    assert flat_lean <= start_lean - 20.0, "flattening the back tips it towards the head"
    assert arch_lean >= start_lean + 15.0, "arching tips it towards the feet"
    s = scene.frame.scale
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        base, tip = _pointer(drawing)
        shape = next(sh for sh in drawing.shapes if sh.part == "cue:pelvis")
        assert shape.role == "cue", "drawn like the arrow: a calm grey cue"
        assert tip[1] < base[1], "standing out of the front of the pelvis, up from the mat"
        assert max(base[1], tip[1]) < _mat_line(drawing) - 4.0 * s, "never into the mat"
        parts = [sh.part for sh in drawing.shapes]
        assert parts.index("cue:pelvis") > parts.index("l_hip"), "over the thigh"
        assert parts.index("cue:pelvis") < parts.index("cue:arrow"), "under its dial"


def test_only_the_pelvic_tilt_has_the_pelvis_pointer() -> None:
    for exercise_id, exercise in EXERCISES.items():
        figure = exercise.figure
        assert figure is not None
        drawing = scene_for(figure).drawing(figure.work)
        has = any(sh.part == "cue:pelvis" for sh in drawing.shapes)
        assert has == (exercise_id == "pelvic-tilt"), exercise_id
