"""Suitcase carry, knee rocking, bird dog: a heavy case, an open rock, an arm clear of the face."""

from __future__ import annotations

import math

from rugdiary.core.body import HEAD_RADIUS, Vec, solve
from rugdiary.core.figure_drawing import Drawing, FigureStyle, Shape, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import area, figure_of, inside

PHASES = [i / 24 for i in range(24)]


def _covers(shape: Shape, point: tuple[float, float]) -> bool:
    if shape.kind == "poly":
        return inside(point, shape.points)
    if shape.kind == "circle":
        return math.dist(point, shape.points[0]) <= shape.size[0]
    return False


def _uncovered(drawing: Drawing, index: int, centre: tuple[float, float], radius: float) -> float:
    """The share of far shape `index` within `radius` of `centre` that no later shape of
    the near side or the trunk covers."""
    shape = drawing.shapes[index]
    later = [s for s in drawing.shapes[index + 1 :] if s.role not in ("far", "tint_far")]
    seen = total = 0
    for i in range(-10, 11):
        for j in range(-10, 11):
            point = (centre[0] + radius * i / 10, centre[1] + radius * j / 10)
            if math.dist(point, centre) > radius or not _covers(shape, point):
                continue
            total += 1
            seen += not any(_covers(other, point) for other in later)
    return seen / total if total else 0.0


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


class TestSuitcaseCarry:
    def test_the_case_is_moderate_dark_and_held_by_a_firm_handle_in_the_fist(self) -> None:
        # A pale box on a thin strap read as an empty parcel ("the case looks light"): a
        # case at body scale, its sides dark, hanging from a short thick handle in the hand.
        figure = figure_of("suitcase-carry")
        scene = scene_for(figure)
        scale = scene.frame.scale
        style = FigureStyle()
        for mirrored in (False, True):
            for phase in PHASES:
                pose = figure.at_phase(phase, mirrored=mirrored)
                drawing = scene.drawing(pose)
                case = [s for s in drawing.shapes if s.part == "bag"]
                shown = sum(area(s.points) for s in case) / scale**2
                # (a 35 x 27 cm case read as small: about 40 x 40 cm now)
                assert 1000.0 <= shown <= 1900.0, f"a real case shows {shown:.0f} cm2"
                sides = [s for s in case if s.role == "cue"]
                assert sum(area(s.points) for s in sides) >= 0.8 * shown * scale**2
                dark = (_luminance(style.background or "#ffffff") + 0.05) / (
                    _luminance(style.colour("cue")) + 0.05
                )
                assert dark >= 4.5, "the case's sides are dark against the page"
                (handle,) = [s for s in drawing.shapes if s.part == "bag:handle"]
                assert handle.size[0] / scale >= 2.0, "a firm handle, not a string"
                # the grip runs through the palm, in every frame
                grip = handle.points[len(handle.points) // 2]
                palm = drawing.joints["l_wrist" if not mirrored else "r_wrist"]
                assert math.dist(grip, palm) / scale <= 12.0, (mirrored, phase)
                posts = (handle.points[0], handle.points[-1])
                height = max(abs(grip[1] - p[1]) for p in posts) / scale
                # a case's handle, not a bag's straps, yet with its ends showing below the
                # fist (session 13: at 5 cm the fist hid it, "a box with no handle")
                assert 8.0 <= height <= 15.0, f"a short handle, {height:.1f} cm"

    def test_the_load_hangs_from_a_straight_arm_with_level_shoulders_and_an_upright_trunk(
        self,
    ) -> None:
        figure = figure_of("suitcase-carry")
        bag = next(p for p in figure.props if p.kind is PropKind.BAG)
        for mirrored in (False, True):
            side = bag.hand if not mirrored else ("r" if bag.hand == "l" else "l")
            for phase in PHASES:
                points = solve(figure.at_phase(phase, mirrored=mirrored)).points
                shoulder, elbow, wrist = (
                    points[f"{side}_{j}"] for j in ("shoulder", "elbow", "wrist")
                )
                assert _angle(shoulder, elbow, wrist) >= 170.0, "the arm hangs straight"
                drop = shoulder[1] - wrist[1]
                out = math.dist((shoulder[0], shoulder[2]), (wrist[0], wrist[2]))
                assert math.degrees(math.atan2(out, drop)) <= 12.0, "it hangs down"
                left, right = points["l_shoulder"], points["r_shoulder"]
                across = math.dist((left[0], left[2]), (right[0], right[2]))
                tilt = math.degrees(math.atan2(abs(left[1] - right[1]), across))
                assert tilt <= 3.0, f"shoulders tilt {tilt:.1f} deg"
                c7, pelvis = points["c7"], points["pelvis"]
                lean = math.degrees(
                    math.atan2(math.dist((c7[0], c7[2]), (pelvis[0], pelvis[2])), c7[1] - pelvis[1])
                )
                assert lean <= 6.0, f"the trunk leans {lean:.1f} deg"


def _angle(a: Vec, joint: Vec, b: Vec) -> float:
    u = [p - q for p, q in zip(a, joint, strict=True)]
    v = [p - q for p, q in zip(b, joint, strict=True)]
    cos = sum(x * y for x, y in zip(u, v, strict=True)) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


class TestKneeRocking:
    def test_at_the_inner_end_the_far_knee_shows_as_a_narrow_edge_not_a_double(self) -> None:
        # Arms, thighs and shins piled into one dark knot at the inner end. Round 11 showed
        # the far knee, thigh and hand beside the near ones; raters then saw a double
        # exposure (session 12), and two judges preferred a view nearly square to the side
        # (3 and 4 against 2 and 3): the far knee and thigh a narrow lighter edge, the grip
        # shown by the near hand in the arm tone.
        figure = figure_of("knee-rocking")
        scene = scene_for(figure)
        scale = scene.frame.scale
        for phase in (0.375, 0.5, 0.625):
            drawing = scene.drawing(figure.at_phase(phase))
            parts = {s.part: i for i, s in enumerate(drawing.shapes) if s.kind == "poly"}
            for part, joint, least in (("r_knee", "r_knee", 0.08), ("r_hip", "r_knee", 0.04)):
                assert drawing.shapes[parts[part]].role == "tint_far"  # blue legs, session 23
                seen = _uncovered(drawing, parts[part], drawing.joints[joint], 9.0 * scale)
                assert least <= seen <= 0.4, f"{part} at {phase}: {seen:.0%} in sight"

    def test_the_arms_straighten_as_the_knees_go_out_and_the_head_rests_on_the_mat(self) -> None:
        figure = figure_of("knee-rocking")
        mat = next(p for p in figure.props if p.kind is PropKind.MAT)
        start, work = solve(figure.start).points, solve(figure.work).points
        # nearly straight: the palm rests on the kneecap with the arm long (round 11)
        assert _angle(start["l_shoulder"], start["l_elbow"], start["l_wrist"]) >= 160.0
        assert _angle(work["l_shoulder"], work["l_elbow"], work["l_wrist"]) <= 120.0
        for phase in PHASES:
            head = solve(figure.at_phase(phase)).points["head"]
            assert head[1] - HEAD_RADIUS - (mat.y + mat.h) <= 0.5, "the head lies on the mat"


class TestBirdDog:
    def test_the_near_reaching_arm_crosses_the_head_in_front_and_covers_the_face(self) -> None:
        # On the second side the near arm reaches forward across the head. Drawn behind
        # it, the arm seemed to grow out of the head; until session 19 it reached above
        # the head so it could go in front without hiding the face. Level (as raters
        # asked), it crosses the face: it is drawn in front of the head, and the eye and
        # nose, drawn with the head, lie under it instead of on it.
        figure = figure_of("bird-dog")
        scene = scene_for(figure)
        in_front = set()
        for mirrored, arm in ((False, "r_"), (True, "l_")):
            for phase in PHASES:
                shapes = scene.drawing(figure.at_phase(phase, mirrored=mirrored)).shapes
                head = next(i for i, s in enumerate(shapes) if s.part == "head")
                face = [i for i, s in enumerate(shapes) if s.part in ("eye", "head:nose")]
                assert face, (mirrored, phase)
                assert all(head < i <= head + len(face) for i in face), "drawn with the head"
                for i, shape in enumerate(shapes):
                    if shape.part in (arm + "shoulder", arm + "elbow", arm + "wrist") and i > head:
                        in_front.add((mirrored, phase))
        # the first side's arm is the far one, behind the head; the second side's is near
        assert all(mirrored for mirrored, _ in in_front)
        assert (True, figure.work_at) in in_front, "at work the near arm is in front of the head"


def test_knee_rocking_shows_the_rock_with_an_arrow_clear_of_the_body() -> None:
    # (round 13: a short straight arrow along the knees' path replaced the arc above them,
    # which read as a roll; it runs slantwise beside the knees, so it need not be above
    # the body's top, only clear of it)
    figure = figure_of("knee-rocking")
    assert figure.arrow is not None
    assert (figure.arrow.at, figure.arrow.shape, figure.arrow.both) == ("knees", "line", True)
    scene = scene_for(figure)
    gap = 1.5 * scene.frame.scale
    still = [s for s in scene.drawing(figure.start).shapes if s.part == "cue:head"]
    assert len(still) == 2, "still, there and back"
    for phase in PHASES:
        drawing = scene.drawing(figure.at_phase(phase))
        heads = [s for s in drawing.shapes if s.part == "cue:head"]
        assert len(heads) == 1, "moving, the way it goes now"
        (line,) = [s for s in drawing.shapes if s.part == "cue:arrow"]
        cue = [p for head in heads for p in head.points]
        for a, b in zip(line.points, line.points[1:], strict=False):
            cue += [
                (a[0] + (b[0] - a[0]) * i / 20, a[1] + (b[1] - a[1]) * i / 20) for i in range(21)
            ]
        body = [s for s in drawing.shapes if s.role in ("near", "far")]
        for point in cue:
            for shape in body:
                assert not _covers(shape, point), f"the arrow runs onto the body at {phase}"
                if shape.kind == "poly":
                    assert _edge_distance(point, shape.points) >= gap, f"touches at {phase}"


def _edge_distance(point: tuple[float, float], polygon: tuple[tuple[float, float], ...]) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy or 1.0
        t = max(0.0, min(1.0, ((point[0] - x0) * dx + (point[1] - y0) * dy) / length))
        best = min(best, math.dist(point, (x0 + t * dx, y0 + t * dy)))
    return best
