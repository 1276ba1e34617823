"""Knee rocking: camera and arrow, the paired knees rocking in, back and seat down, texts."""

from __future__ import annotations

import itertools
import math

import pytest

from rugdiary.core.body import HEAD_RADIUS, Skeleton, Vec, solve
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, Camera, Drawing, scene_for
from rugdiary.core.figures import Arrow, PropKind
from tests.core.figure_geometry import EXERCISES, figure_of, inside, midpoint, minus

FIGURE = figure_of("knee-rocking")
PHASES = [i / 48 for i in range(48)]
BOTH_SIDES_FRAMES: list[Skeleton] = [
    solve(FIGURE.at_phase(phase, mirrored=mirrored))
    for phase in PHASES
    for mirrored in (False, True)
]
MAT = next(p for p in FIGURE.props if p.kind is PropKind.MAT)
MAT_TOP = MAT.y + MAT.h
CAMERA = Camera.named(FIGURE.camera)
FRAMES: list[Skeleton] = [solve(FIGURE.at_phase(phase)) for phase in PHASES]
Point = tuple[float, float]


def _angle_between(u: Vec, v: Vec) -> float:
    cos = sum(p * q for p, q in zip(u, v, strict=True)) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def _elbow_bend(points: dict[str, Vec], side: str) -> float:
    shoulder, elbow, wrist = (points[f"{side}_{n}"] for n in ("shoulder", "elbow", "wrist"))
    return 180.0 - _angle_between(minus(shoulder, elbow), minus(wrist, elbow))


def _screen(p: Vec) -> Point:
    u, v, _ = CAMERA.project(p)
    return (u, v)


def _to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _thigh_past_vertical(points: dict[str, Vec]) -> float:
    """How far the thighs lean from upright towards the head (degrees, side view)."""
    hip = midpoint(points["l_hip"], points["r_hip"])
    knee = midpoint(points["l_knee"], points["r_knee"])
    return math.degrees(math.atan2(hip[0] - knee[0], knee[1] - hip[1]))


def _direction(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _apart(a: float, b: float) -> float:
    """The angle between two undirected lines (degrees, 0 to 90)."""
    d = abs(a - b) % 180.0
    return min(d, 180.0 - d)


def _hand_seen(drawing: Drawing, side: str) -> float:
    """The share of the drawn hand (wrist to fingertips) that no later shape covers."""
    index = next(i for i, s in enumerate(drawing.shapes) if s.part == side + "wrist")
    hand = drawing.shapes[index]
    later = [s for s in drawing.shapes[index + 1 :] if s.kind == "poly" and s.role != "cue"]
    xs, ys = [x for x, _ in hand.points], [y for _, y in hand.points]
    seen = total = 0
    for i in range(21):
        for j in range(21):
            point = (
                min(xs) + (max(xs) - min(xs)) * i / 20,
                min(ys) + (max(ys) - min(ys)) * j / 20,
            )
            if not inside(point, hand.points):
                continue
            total += 1
            seen += not any(inside(point, s.points) for s in later)
    return seen / total if total else 0.0


def _with_arrow(arrow: dict[str, object], camera: str = "side") -> Figure:
    data = FIGURE.to_dict()
    return Figure.from_dict({**data, "camera": camera, "arrow": arrow}, "figure")


def test_the_legs_move_as_one_pair_knees_together_and_shins_parallel() -> None:
    # Knees 20 degrees apart read as a frog pose: the legs stay together as one unit
    # (knees 11 cm thick, hip joints 18 cm apart), the shins and thighs side by side.
    for skeleton in BOTH_SIDES_FRAMES:
        p = skeleton.points
        assert math.dist(p["l_knee"], p["r_knee"]) <= 16.0, "the knees stay together"
        assert math.dist(p["l_ankle"], p["r_ankle"]) <= 18.0, "the feet stay side by side"
        shins = _angle_between(minus(p["l_ankle"], p["l_knee"]), minus(p["r_ankle"], p["r_knee"]))
        thighs = _angle_between(minus(p["l_knee"], p["l_hip"]), minus(p["r_knee"], p["r_hip"]))
        assert shins <= 8.0, "shins parallel"
        assert thighs <= 8.0, "thighs parallel"


def test_both_palms_stay_on_the_knees_through_the_whole_rock() -> None:
    for skeleton in BOTH_SIDES_FRAMES:
        p = skeleton.points
        for side in "lr":
            # the knee is 11 cm thick and the hand 2.5: a palm on the kneecap is ~7 cm away
            reach = math.dist(p[f"{side}_palm"], p[f"{side}_knee"])
            assert reach <= 8.0, f"{side} palm {reach:.1f} cm from the knee"
            # the hand does not reach past the knee into the air: the fingertips stay low
            assert p[f"{side}_hand"][1] <= p[f"{side}_knee"][1] + 8.0


def test_the_knees_rock_in_towards_the_chest_and_back_out_along_the_body() -> None:
    start, work = solve(FIGURE.start).points, solve(FIGURE.work).points
    knees0 = midpoint(start["l_knee"], start["r_knee"])
    knees1 = midpoint(work["l_knee"], work["r_knee"])
    # towards the chest: at least 15 cm nearer the upper chest, 18 cm along the body
    nearer = math.dist(knees0, start["spine3"]) - math.dist(knees1, work["spine3"])
    assert nearer >= 15.0, f"the knees come only {nearer:.1f} cm nearer the chest"
    assert knees0[0] - knees1[0] >= 18.0, "the knees travel towards the head"
    # a rock in the body's plane, not a sideways roll or a circle
    for skeleton in BOTH_SIDES_FRAMES[::2]:
        knees = midpoint(skeleton.points["l_knee"], skeleton.points["r_knee"])
        assert abs(knees[2]) <= 2.0, "the knees do not drift sideways"
    # and back out: the cycle ends where it began, the far end once in the middle
    names = [k.name for k in FIGURE.keyframes]
    assert names[0] == "start"
    assert FIGURE.work_at == 0.5
    xs = [
        midpoint(*(solve(FIGURE.at_phase(t)).points[f"{s}_knee"] for s in "lr"))[0] for t in PHASES
    ]
    turn = xs.index(min(xs))
    assert 20 <= turn <= 28, "the far end in the middle of the cycle"
    assert all(a >= b for a, b in itertools.pairwise(xs[: turn + 1])), "in..."
    assert all(a <= b for a, b in itertools.pairwise(xs[turn:])), "...then out"


def test_the_elbows_bend_more_as_the_knees_come_in() -> None:
    keys = [solve(k.pose).points for k in FIGURE.keyframes]
    for side in "lr":
        pairs = [
            (math.dist(p[f"{side}_shoulder"], p[f"{side}_knee"]), _elbow_bend(p, side))
            for p in keys
        ]
        for near, bend in pairs:
            for near2, bend2 in pairs:
                if near < near2 - 3.0:
                    assert bend > bend2, "a nearer knee, a more bent elbow"
        bends = [bend for _, bend in pairs]
        assert min(bends) <= 20.0, "the arms almost straight with the knees out"
        assert max(bends) >= 90.0, "elbows well bent with the knees in"


def test_the_low_back_pelvis_and_head_rest_on_the_mat_throughout() -> None:
    for skeleton in BOTH_SIDES_FRAMES:
        p = skeleton.points
        for name, radius in (("pelvis", 11.0), ("spine1", 11.0), ("spine3", 11.0)):
            assert p[name][1] - radius - MAT_TOP <= 1.0, f"{name} lifts off the mat"
        assert p["head"][1] - HEAD_RADIUS - MAT_TOP <= 1.0, "the head rests on the mat"
        assert p["c7"][1] - 11.0 - MAT_TOP <= 1.0, "the shoulders stay down"


def test_seen_plainly_from_the_side_with_a_rocking_arrow_at_the_knees() -> None:
    # a clean side view, nearly square to it and a little raised: the seat and back rest on
    # the mat, seen as a floor, the arms show against it, the far limbs as a lighter edge
    # above the near ones (from 4 up, "the limbs overlap into a tangle"; session 23)
    assert FIGURE.camera == "side_square"
    yaw, pitch = CAMERA_ANGLES[FIGURE.camera]
    assert abs(yaw) <= 8.0, "nearly square to the side"
    assert 8.0 <= pitch <= 15.0, "a little above the mat"
    assert FIGURE.arrow is not None
    assert FIGURE.arrow.at == "knees"
    assert FIGURE.arrow.both, "there and back"


def test_the_knees_come_well_in_past_upright_towards_the_chest_and_back() -> None:
    leans = [_thigh_past_vertical(s.points) for s in FRAMES]
    start, work = _thigh_past_vertical(solve(FIGURE.start).points), leans[24]
    # out: the thighs about upright, the arms long; in: well past upright over the chest
    assert start <= 15.0, f"the thighs already lean {start:.0f} degrees at the start"
    assert work >= 50.0, f"the knees come in only to {work:.0f} degrees past upright"
    assert work - start >= 40.0, "a rock that is plain to see"
    assert max(leans) == pytest.approx(work)
    assert min(leans) == pytest.approx(start)


def test_the_seat_and_the_low_back_stay_down_while_the_knees_come_in() -> None:
    first = FRAMES[0].points
    for skeleton in FRAMES:
        p = skeleton.points
        # the tail may curl a little, the sacrum and hips do not lift off the mat
        for name in ("l_hip", "r_hip", "spine0"):
            assert p[name][1] - first[name][1] <= 1.5, f"{name} lifts"
    tilt = FIGURE.work.turn[1] - FIGURE.start.turn[1]
    assert 0.0 <= tilt <= 12.0, "a small tail curl, not a lift of the pelvis"


def test_the_near_hand_is_drawn_on_top_of_the_near_knee_and_shows() -> None:
    # a hand drawn behind the shin and the knee leaves nobody able to tell whether
    # the hands hold the knees at all: the hand lies on the kneecap, in front of the leg
    scene = scene_for(FIGURE)
    for phase in PHASES[::3]:
        drawing = scene.drawing(FIGURE.at_phase(phase))
        order = {s.part: i for i, s in enumerate(drawing.shapes) if s.kind == "poly"}
        assert order["l_wrist"] > order["l_knee"], f"the hand hides behind the shin at {phase}"
        assert order["l_wrist"] > order["l_hip"], f"the hand hides behind the thigh at {phase}"
        seen = _hand_seen(drawing, "l_")
        assert seen >= 0.6, f"only {seen:.0%} of the near hand shows at {phase}"


def test_the_near_arm_stays_apart_from_the_near_thigh_on_screen() -> None:
    # arms and thighs piled into one dark knot: the elbow and the forearm keep clear of the
    # thigh's line, bending out into the gap between the thigh and the chest. Nearly square
    # to the side (session 12) the gap is narrower and at the inner end the forearm runs
    # almost with the thigh: there the arm's own tone parts them.
    scene = scene_for(FIGURE)
    for phase, skeleton in zip(PHASES, FRAMES, strict=True):
        p = skeleton.points
        view = {n: _screen(p[n]) for n in ("l_hip", "l_knee", "l_elbow", "l_wrist")}
        thigh = (view["l_hip"], view["l_knee"])
        elbow_off = _to_segment(view["l_elbow"], *thigh)
        assert elbow_off >= 7.0, f"the elbow lies {elbow_off:.1f} cm from the thigh's line"
        (ex, ey), (wx, wy) = view["l_elbow"], view["l_wrist"]
        forearm = ((ex + wx) / 2, (ey + wy) / 2)
        assert _to_segment(forearm, *thigh) >= 6.5, "the forearm lies along the thigh"
        fore = _direction(view["l_elbow"], view["l_wrist"])
        if _apart(fore, _direction(*thigh)) < 12.0:
            roles = {s.part: s.role for s in scene.drawing(FIGURE.at_phase(phase)).shapes}
            assert roles["l_elbow"] != roles["l_hip"], "alongside the thigh, in its own tone"


def test_a_short_straight_two_headed_arrow_runs_along_the_knees_path() -> None:
    arrow = FIGURE.arrow
    assert arrow is not None
    assert (arrow.at, arrow.shape, arrow.both) == ("knees", "line", True)
    scene = scene_for(FIGURE)
    scale = scene.frame.scale
    drawing = scene.drawing(FIGURE.start)
    (line,) = [s for s in drawing.shapes if s.part == "cue:arrow"]
    assert len(line.points) == 2, "straight"
    # back from the drawing's pixels (y growing down) to the camera's cm
    frame = scene.frame
    a, b = (((x - frame.offset_x) / scale, (frame.offset_y - y) / scale) for x, y in line.points)
    start, work = solve(FIGURE.start).points, solve(FIGURE.work).points
    k0 = _screen(midpoint(start["l_knee"], start["r_knee"]))
    k1 = _screen(midpoint(work["l_knee"], work["r_knee"]))
    travel = math.dist(k0, k1)
    assert _apart(_direction(a, b), _direction(k0, k1)) <= 12.0, "along the knees' path"
    length = math.dist(a, b)
    assert 0.6 * travel <= length <= 1.1 * travel, "about as long as the rock, not longer"
    # beside the path on the outer side (away from the hips), over the knees' way
    hip = _screen(midpoint(start["l_hip"], start["r_hip"]))
    centre = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    middle = ((k0[0] + k1[0]) / 2, (k0[1] + k1[1]) / 2)
    assert math.dist(centre, hip) > math.dist(middle, hip) + 8.0, "outside the knees' path"
    assert math.dist(centre, middle) <= 30.0, "close to the knees it describes"


def test_the_texts_say_in_out_first_arms_straighten_and_the_seat_stays_down() -> None:
    exercise = EXERCISES["knee-rocking"]
    words = " ".join([exercise.start.en, *(s.en for s in exercise.steps)]).lower()
    woorden = " ".join([exercise.start.nl, *(s.nl for s in exercise.steps)]).lower()
    # the figure rocks in and out and the texts say so first; small circles (the
    # handout's other way of rocking) come after, as an option the figure does not show
    steps = " ".join(step.en for step in exercise.steps).lower()
    stappen = " ".join(step.nl for step in exercise.steps).lower()
    assert "chest" in steps
    assert "circle" not in steps[: steps.index("chest")]
    assert "borst" in stappen
    assert "rondje" not in stappen[: stappen.index("borst")]
    for en, nl in (
        ("on top of each knee", "op elke knie"),  # the hands on the knees
        ("elbows bend", "ellebogen"),
        ("almost straight", "bijna gestrekt"),
        ("hips stay on the mat", "billen blijven op de mat"),
    ):
        assert en in words
        assert nl in woorden


def test_a_line_arrow_is_valid_but_takes_no_span() -> None:
    assert Arrow(at="knees", shape="line", size=20.0, turn=90.0).shape == "line"
    with pytest.raises(ValidationError):
        Arrow(at="knees", shape="line", size=20.0, span=60.0)
    with pytest.raises(ValidationError):
        Arrow(at="knees", shape="line", size=80.0)
    arrow = Arrow(at="knees", shape="line", size=-20.0, turn=45.0, both=True)
    assert Arrow.from_dict(arrow.to_dict(), "arrow") == arrow


@pytest.mark.parametrize(
    ("turn", "size"), [(90.0, 20.0), (0.0, 20.0), (-120.0, 30.0), (45.0, -24.0)]
)
def test_a_line_arrow_is_drawn_straight_towards_its_turn(turn: float, size: float) -> None:
    figure = _with_arrow({"at": "knees", "shape": "line", "size": size, "turn": turn})
    scene = scene_for(figure)
    drawing = scene.drawing(figure.start)
    (line,) = [s for s in drawing.shapes if s.part == "cue:arrow"]
    (head,) = [s for s in drawing.shapes if s.part == "cue:head"]
    tail, tip = line.points[0], head.points[0]
    # towards `turn` (0 up the picture, 90 right; y grows down), reversed by a negative size
    want = math.radians(turn if size > 0 else turn + 180.0)
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    heading = math.degrees(math.atan2(dx, -dy)) % 360
    assert heading == pytest.approx(math.degrees(want) % 360, abs=1.0)
    assert math.hypot(dx, dy) == pytest.approx(abs(size) * scene.frame.scale, rel=0.02)


def test_a_line_arrow_with_both_heads_has_one_at_each_end() -> None:
    figure = _with_arrow({"at": "knees", "shape": "line", "size": 20, "turn": 60, "both": True})
    drawing = scene_for(figure).drawing(figure.start)
    heads = [s.points[0] for s in drawing.shapes if s.part == "cue:head"]
    assert len(heads) == 2
    assert math.dist(*heads) == pytest.approx(20 * scene_for(figure).frame.scale, rel=0.02)


def test_a_line_arrow_is_mirrored_across_the_picture_seen_from_the_feet() -> None:
    # seen from the side a rock looks the same on both sides; seen from the feet the second
    # side is the first one's mirror image, and so is a slanting arrow
    side = _with_arrow({"at": "knees", "shape": "line", "size": 20, "turn": 60})
    feet = _with_arrow({"at": "knees", "shape": "line", "size": 20, "turn": 60}, "front")

    def slope(figure: Figure, mirrored: bool) -> float:
        drawing = scene_for(figure).drawing(figure.at_phase(0.0, mirrored=mirrored))
        (line,) = [s for s in drawing.shapes if s.part == "cue:arrow"]
        (a, b) = line.points
        return math.degrees(math.atan2(b[0] - a[0], -(b[1] - a[1])))

    assert slope(side, True) == pytest.approx(slope(side, False), abs=0.5)
    assert slope(feet, True) == pytest.approx(-slope(feet, False), abs=0.5)


def test_the_legs_are_toned_apart_from_the_arms_and_the_trunk() -> None:
    # In the near side's one dark tone, the arm over the thighs and shins made one knot:
    # blind raters could not find the hands or the bending elbows (2 of 5). A lighter arm,
    # then blue arms (Figure.tinted, six of six side by side in session 22) helped; blue
    # legs did better still, three of three over blue arms (session 23): the legs are what
    # moves, and "the dark legs blend into the torso when the knees are pulled in". Each
    # leg keeps its side's depth. The near arm went back to the mid tone over blue legs
    # (three of three: "it stands out against the dark body, so the hands hold the knees").
    assert sorted(FIGURE.tinted) == ["l_leg", "r_leg"]
    assert FIGURE.near_arm == "mid"
    scene = scene_for(FIGURE)
    for phase in PHASES[::4]:
        for mirrored in (False, True):
            drawing = scene.drawing(FIGURE.at_phase(phase, mirrored=mirrored))
            roles = {s.part: s.role for s in drawing.shapes if s.kind == "poly"}
            near, far = ("l_", "r_") if roles["l_shoulder"] == "arm" else ("r_", "l_")
            for part in ("hip", "knee", "heel"):
                assert roles[near + part] == "tint_near", (phase, mirrored, part)
                assert roles[far + part] == "tint_far", (phase, mirrored, part)
            for part in ("shoulder", "elbow", "wrist"):
                assert roles[near + part] == "arm", (phase, mirrored, part)
                assert roles[far + part] == "far", (phase, mirrored, part)


def test_the_arm_tone_round_trips_and_a_bad_value_is_named() -> None:
    figure = figure_of("childs-pose")  # the near arm lies past the thighs and the head
    data = figure.to_dict()
    assert data["near_arm"] == "mid"
    assert Figure.from_dict(data) == figure
    plain = Figure.from_dict({k: v for k, v in data.items() if k != "near_arm"})
    assert plain.near_arm == "dark"
    assert "near_arm" not in plain.to_dict(), "the usual tone, nothing written"
    for bad in ("light", "", 1, None):
        with pytest.raises(ValidationError) as caught:
            Figure.from_dict({**data, "near_arm": bad})
        assert caught.value.field == "figure.near_arm", bad
