"""The exercise figure: body model, keyframes, contacts, mirroring, timing, drawing and SVG."""

from __future__ import annotations

import copy
import itertools
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rugdiary.core.body import (
    BONES,
    CONTACT_POINTS,
    JOINTS,
    LIMITS,
    Pose,
    forward_kinematics,
    mirror_name,
    solve,
)
from rugdiary.core.content import load_exercises
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Figure, Level, Motion
from rugdiary.core.figure_drawing import (
    JOINT_NAMES,
    PELVIS_RIM_CM,
    VIEW_H,
    VIEW_W,
    Camera,
    FigureScene,
    drawn_box,
    render_svg,
    scene_for,
)
from rugdiary.core.figures import (
    CAMERAS,
    CONTACT_TOLERANCE_CM,
    MOVE_S,
    PropKind,
    support_gap,
    support_under,
)

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)
FIGURES = [(e.id, e.figure) for e in EXERCISES.values() if e.figure is not None]
PHASES = [i / 48 for i in range(48)]
SVG_NS = "{http://www.w3.org/2000/svg}"

MIN_CHANGE_CM = 5.0
"""Neighbouring keyframes must move some drawn point at least this far on screen.

The player shows the figure about 600 px wide for some 200 cm of scene, so 5 cm is at
least 12-15 px: a change anyone sees from the mat. Two keyframes closer than that are
"two copies of the same picture". The points are the joints, the belly (breathing) and
the attention spot (body scan), as drawn from the exercise's camera.
"""


def _cycle(figure: Figure) -> list[Pose]:
    return [figure.at_phase(p, mirrored=m) for p in PHASES for m in (False, True)]


def _figure_ids() -> list[str]:
    return [exercise_id for exercise_id, _ in FIGURES]


@pytest.fixture(params=FIGURES, ids=_figure_ids())
def figure(request: pytest.FixtureRequest) -> Figure:
    result: Figure = request.param[1]
    return result


def test_every_builtin_exercise_has_a_figure_with_a_known_camera() -> None:
    assert len(FIGURES) == 20
    cameras = {f.camera for _, f in FIGURES}
    assert {"side", "top"} <= cameras <= set(CAMERAS), "seen from where they show"


def test_bone_lengths_are_the_same_in_every_frame(figure: Figure) -> None:
    for pose in _cycle(figure):
        points = solve(pose).points
        for start, end, length in BONES:
            assert math.dist(points[start], points[end]) == pytest.approx(length, abs=1e-6), (
                start,
                end,
            )


def test_contacts_stay_on_the_floor_or_prop_and_nothing_goes_below(figure: Figure) -> None:
    for pose in _cycle(figure):
        skeleton = solve(pose)
        for name, target in pose.contacts:
            point, radius = skeleton.contact_point(name)
            assert math.dist(point, target) <= CONTACT_TOLERANCE_CM, name
            assert support_gap(figure.props, point, radius, pose.flipped) <= (
                CONTACT_TOLERANCE_CM
            ), name
        for name in ("l_toe", "r_toe", "l_heel_sole", "r_heel_sole", "l_hand", "r_hand"):
            assert skeleton.points[name][1] >= -CONTACT_TOLERANCE_CM, name
        low = min(skeleton.points["head"][1], skeleton.points["pelvis"][1])
        assert low >= 0, "the trunk and head stay above the floor"


def test_a_planted_hand_or_knee_does_not_move_during_the_movement() -> None:
    figure = EXERCISES["cat-camel"].figure
    assert figure is not None
    first = solve(figure.start)
    for pose in _cycle(figure)[::2]:
        skeleton = solve(pose)
        for name in ("l_hand", "r_hand", "l_knee", "r_knee"):
            moved = math.dist(skeleton.contact_point(name)[0], first.contact_point(name)[0])
            assert moved <= CONTACT_TOLERANCE_CM, name


def _screen_points(scene: FigureScene, pose: Pose) -> dict[str, tuple[float, float]]:
    skeleton = solve(pose)
    cam = scene.camera
    out = {}
    for name in (*JOINT_NAMES, "l_hand", "r_hand", "l_toe", "r_toe", "face"):
        u, v, _ = cam.project(skeleton.points[name])
        out[name] = (u, v)
    belly = skeleton.points["spine1"]
    m = skeleton.spine_frames[1]
    bulge = 4.5 * pose.breath
    u, v, _ = cam.project(
        (belly[0] + m[0] * bulge, belly[1] + m[3] * bulge, belly[2] + m[6] * bulge)
    )
    out["belly"] = (u, v)
    # the front hip bone, where the pelvis's turn shows (pelvic tilt draws its rim there)
    fwd, up = PELVIS_RIM_CM[-1]
    p, m = skeleton.points["pelvis"], skeleton.pelvis_frame
    rim = (
        p[0] + m[0] * fwd + m[1] * up,
        p[1] + m[3] * fwd + m[4] * up,
        p[2] + m[6] * fwd + m[7] * up,
    )
    u, v, _ = cam.project(rim)
    out["hip_bone"] = (u, v)
    if pose.focus >= 0:
        drawing = scene.drawing(pose)
        spot = next(s for s in drawing.shapes if s.role == "focus")
        scale = scene.frame.scale
        out["focus"] = (spot.points[0][0] / scale, -spot.points[0][1] / scale)
    return out


def test_neighbouring_keyframes_differ_visibly(figure: Figure) -> None:
    scene = scene_for(figure)
    keys = figure.keyframes
    for a, b in zip(keys, keys[1:] + keys[:1], strict=True):
        if a.pose == b.pose and b.name.endswith("_hold"):
            continue  # a deliberate pause in the position just reached (pelvic tilt)
        pa, pb = _screen_points(scene, a.pose), _screen_points(scene, b.pose)
        moved = max(math.dist(pa[n], pb[n]) for n in pa if n in pb)
        assert moved >= MIN_CHANGE_CM, f"{a.name} -> {b.name} moves only {moved:.1f} cm"


def test_every_keyframe_is_within_the_joint_limits(figure: Figure) -> None:
    for pose in _cycle(figure):
        assert pose.limit_errors() == []
        for name, values in zip(JOINTS, pose.angles, strict=True):
            for value, (low, high) in zip(values, LIMITS[name], strict=True):
                assert low - 1e-6 <= value <= high + 1e-6


def _bird_dog_data() -> dict[str, object]:
    figure = EXERCISES["bird-dog"].figure
    assert figure is not None
    return copy.deepcopy(figure.to_dict())


def test_a_pose_outside_the_joint_limits_names_the_keyframe_and_the_joint() -> None:
    data = _bird_dog_data()
    data["keyframes"][2]["joints"]["r_knee"] = [170, 0, 0]  # type: ignore[index]
    with pytest.raises(ValidationError) as caught:
        Figure.from_dict(data)
    assert caught.value.field == "figure.keyframes.work.joints.r_knee"
    assert "flexion 170" in caught.value.message


def test_a_contact_off_the_floor_names_the_keyframe_and_the_contact() -> None:
    data = _bird_dog_data()
    data["keyframes"][0]["joints"]["l_hip"] = [40, 0, 0]  # type: ignore[index]
    with pytest.raises(ValidationError) as caught:
        Figure.from_dict(data)
    assert caught.value.field == "figure.keyframes.start.contacts.l_knee"


def test_the_second_side_is_the_mirror_image(figure: Figure) -> None:
    for _, pose in figure.poses:
        mirrored = solve(pose.mirrored()).points
        points = solve(pose).points
        for name, (x, y, z) in points.items():
            mx, my, mz = mirrored[mirror_name(name)]
            assert (mx, my, mz) == pytest.approx((x, y, -z), abs=1e-6), name
        assert pose.mirrored().mirrored() == pose


def test_the_figure_follows_the_player_phase(figure: Figure) -> None:
    start, work = figure.start, figure.work

    def at(motion: Motion, elapsed: float, duration: float) -> Pose:
        """The position alone: the arrow's heading and the hold are checked apart."""
        return figure.pose_at(motion, elapsed, duration).without_cues()

    assert at(Motion.STILL, 3, 10) == start, "get ready shows the start position"
    assert at(Motion.HOLD, 0, 10) == start
    # a hold stays in the work position, and says how much of it has passed (the stopwatch)
    held = figure.pose_at(Motion.HOLD, 5, 10)
    assert held.without_cues() == work, "a hold stays in the work position"
    assert held.hold == pytest.approx((5 - MOVE_S) / (10 - MOVE_S))
    assert figure.pose_at(Motion.HOLD, 10, 10).hold == 1.0
    assert figure.pose_at(Motion.HOLD, MOVE_S / 2, 10).hold == -1.0, "on the way: no hold yet"
    assert figure.pose_at(Motion.HOLD, 5, 10, mirrored=True) == held.mirrored()
    assert at(Motion.RELEASE, 0, 3) == work, "rest eases back from the hold"
    assert figure.pose_at(Motion.RELEASE, 0, 3).hold == -1.0
    assert at(Motion.RELEASE, 3, 3) == start
    assert at(Motion.REP, 0, 4) == start
    assert at(Motion.REP, 4 * figure.work_at, 4) == work
    assert at(Motion.REP, 4, 4) == start
    assert at(Motion.CYCLE, figure.cycle_s * 3, 600) == start
    in_between = figure.pose_at(Motion.REP, 4 * figure.work_at / 2, 4)
    assert in_between not in (start, work)


def test_alternating_exercises_have_the_keyframes_they_need() -> None:
    walking = EXERCISES["walking"].figure
    assert walking is not None
    assert len(walking.keyframes) == 4, "left step, passing, right step, passing"
    stance = [k.pose.contacts for k in walking.keyframes]
    assert {"l_heel"} <= {n for n, _ in stance[0]}
    assert {"r_heel"} <= {n for n, _ in stance[2]}
    dead_bug = EXERCISES["dead-bug"].figure
    assert dead_bug is not None
    # from pointing up, the opposite arm floats back overhead (shoulder to hand, side view)
    up, over = (solve(pose).points for pose in (dead_bug.start, dead_bug.work))
    tip = [
        math.degrees(
            math.atan2(p["r_shoulder"][0] - p["r_hand"][0], p["r_hand"][1] - p["r_shoulder"][1])
        )
        for p in (up, over)
    ]
    assert tip[1] - tip[0] >= 45, "from pointing up, the opposite arm floats back overhead"
    heel = dict(dead_bug.work.contacts)["l_heel"][0] - dict(dead_bug.start.contacts)["l_heel"][0]
    assert heel >= 25, "the heel slides away along the floor"
    assert "l_heel" in dict(dead_bug.at_phase(dead_bug.work_at / 2).contacts), "it stays down"


def test_the_curl_up_lifts_only_head_and_shoulders() -> None:
    figure = EXERCISES["curl-up"].figure
    assert figure is not None
    start, work = solve(figure.start).points, solve(figure.work).points
    assert work["pelvis"] == pytest.approx(start["pelvis"], abs=0.5)
    assert work["spine1"][1] - start["spine1"][1] < 1.0, "the lower back stays down"
    assert 4.0 <= work["c7"][1] - start["c7"][1] <= 14.0, "the shoulders lift a few cm"


def test_the_bag_hangs_from_the_hand_that_holds_it() -> None:
    figure = EXERCISES["suitcase-carry"].figure
    assert figure is not None
    bag = next(p for p in figure.props if p.kind is PropKind.BAG)
    for pose in _cycle(figure):
        skeleton = solve(pose)
        hand = "r" if (bag.hand == "l") == pose.flipped else "l"
        palm = skeleton.points[f"{hand}_palm"]
        x0, _y0, z0, x1, y1, z1 = bag.box(skeleton, mirrored=pose.flipped)
        assert x0 < palm[0] < x1
        assert z0 < palm[2] < z1
        assert 0 < palm[1] - y1 <= 3.0


def test_the_cameras_look_where_they_say() -> None:
    side, top = Camera.named("side"), Camera.named("top")
    assert Camera.named("side_low").project((0, 100, 0))[1] > side.project((0, 100, 0))[1]
    assert side.project((0, 100, 0))[1] == pytest.approx(100 * math.cos(math.radians(8)))
    assert side.project((10, 0, 0))[0] > 0, "forward is to the right"
    assert top.project((0, 0, -10))[1] > 0, "from above, the far side is up"
    assert top.project((0, 50, 0))[2] > 0, "from above, higher is nearer"
    assert Camera.named("front_quarter").project((10, 0, 0))[2] > 0, "in front: forward is near"
    corner = Camera.named("three_quarter")
    assert corner.project((50, 0, 0))[2] > 0, "on the feet side (+x)"
    assert corner.project((0, 0, 50))[2] > 0, "and the left side (+z)"
    assert corner.project((0, 50, 0))[2] > 0, "raised: higher is nearer"
    raised = Camera.named("side_raised")
    far = (0, 0, -30)
    assert side.project(far)[1] < raised.project(far)[1], "higher: the far side rises"


def test_forward_kinematics_of_a_standing_body() -> None:
    figure = EXERCISES["hip-hinge"].figure
    assert figure is not None
    points = forward_kinematics(figure.start).points
    assert points["head"][1] > points["c7"][1] > points["pelvis"][1] > points["l_knee"][1]
    assert points["l_toe"][0] > points["l_heel"][0], "the feet point forwards"
    assert 160 < points["head"][1] + 11 < 185, "an adult of about 175 cm"


def test_the_frame_holds_every_frame_of_both_sides(figure: Figure) -> None:
    scene = scene_for(figure)
    for pose in _cycle(figure)[::3]:
        left, top, right, bottom = drawn_box(scene.drawing(pose))
        assert min(left, top) >= 0, figure.position
        assert right <= VIEW_W, figure.position
        assert bottom <= VIEW_H, figure.position


def test_the_svg_holds_the_drawing_shape_for_shape(figure: Figure) -> None:
    scene = scene_for(figure)
    drawing = scene.drawing(figure.work)
    svg = render_svg(figure, figure.work, title="Bird dog & co")
    root = ET.fromstring(svg)
    assert root.find(f"{SVG_NS}title").text == "Bird dog & co"  # type: ignore[union-attr]
    elements = [el for el in root if el.tag != f"{SVG_NS}title"]
    assert len(elements) == len(drawing.painted)
    head = next(el for el in elements if el.tag == f"{SVG_NS}circle")
    assert head is not None
    # every joint of the drawing lies inside the shapes the SVG draws there
    joints = drawing.joints
    assert set(joints) == set(JOINT_NAMES)
    pair = render_svg(figure, figure.start, then=(figure.work,))
    width = float(ET.fromstring(pair).attrib["width"])
    # start and work side by side (a start-position inset saves the work pose a column)
    assert width > 1.8 * VIEW_W, "reduced motion: start and work side by side"


def test_far_side_limbs_are_drawn_lighter_behind_the_body() -> None:
    figure = EXERCISES["bird-dog"].figure
    assert figure is not None
    shapes = scene_for(figure).drawing(figure.work).shapes
    roles = [s.role for s in shapes if s.kind == "poly" and s.outline]
    assert "far" in roles
    assert "near" in roles
    first_near = roles.index("near")
    assert "far" in roles[:first_near], "far limbs are drawn first, behind the trunk"


def test_feet_never_pass_through_a_step(figure: Figure) -> None:
    """A foot goes up onto a step from above, never through it."""
    supports = [p for p in figure.props if p.kind in (PropKind.STEP, PropKind.STOOL)]
    if not supports:
        return
    for pose in _cycle(figure):
        points = solve(pose).points
        for name in ("l_toe", "r_toe", "l_heel_sole", "r_heel_sole", "l_sole", "r_sole"):
            x, y, z = points[name]
            for prop in supports:
                x0, y0, z0, x1, _, z1 = prop.box(mirrored=pose.flipped)
                top = y0 + prop.h
                if x0 < x < x1 and z0 < z < z1:
                    assert y >= top - CONTACT_TOLERANCE_CM, (name, round(x), round(y, 1), top)


def test_the_stairs_loop_is_continuous_with_a_hand_on_the_rail() -> None:
    figure = EXERCISES["stairs"].figure
    assert figure is not None
    rails = [p for p in figure.props if p.kind is PropKind.RAIL]
    poses = [figure.at_phase(i / 960) for i in range(961)]
    for a, b in itertools.pairwise(poses):
        assert math.dist(a.root, b.root) < 1.0, "no jump anywhere in the cycle, the end included"
        assert abs((b.turn[0] - a.turn[0] + 180) % 360 - 180) < 2.0, "turns round smoothly"
    for pose in poses:
        points = solve(pose).points
        gaps = [
            abs(points[side + "palm"][1] - 2.5 - rail.rail_top(points[side + "palm"][0]))
            for side in ("l_", "r_")
            for rail in rails
            if rail.top_under(points[side + "palm"][0], points[side + "palm"][2]) is not None
        ]
        assert gaps, "a hand is on the rail in every frame"
        assert min(gaps) <= CONTACT_TOLERANCE_CM


def test_the_split_squat_chair_stands_in_front_with_a_hand_on_it() -> None:
    figure = EXERCISES["split-squat"].figure
    assert figure is not None
    chair = next(p for p in figure.props if p.kind is PropKind.CHAIR)
    for pose in _cycle(figure):
        points = solve(pose).points
        # the backrest faces the body at arm's length ahead of the hip, the seat beyond it
        assert chair.back == "-x"
        assert points["pelvis"][0] + 30 <= chair.x <= points["pelvis"][0] + 65
        hand = "r_palm" if pose.flipped else "l_palm"
        assert points[hand][1] - 2.5 == pytest.approx(chair.y + chair.h + 45, abs=1.0)
    work = solve(figure.work).points
    assert work["r_knee"][1] <= 32, "the back knee goes down towards the floor"
    assert work["r_knee"][0] <= work["pelvis"][0] + 6, "the back knee stays under the hip"


def test_the_pelvic_tilt_flattens_and_arches_the_lower_back() -> None:
    figure = EXERCISES["pelvic-tilt"].figure
    assert figure is not None
    arched = figure.pose("arch")
    flat, arch = solve(figure.work).points, solve(arched).points
    start = solve(figure.start).points
    lumbar_half_depth = 10.0
    assert flat["spine1"][1] - lumbar_half_depth <= 0.5, "the lower back lies flat on the floor"
    assert arch["spine1"][1] - lumbar_half_depth >= 5.0, "a gap you can see under the lower back"
    assert start["spine1"][1] - lumbar_half_depth >= 2.0, "a small hollow at the start"
    assert figure.work.turn[1] - arched.turn[1] >= 30, "the pelvis rolls"
    for points in (flat, arch, start):
        assert points["pelvis"][1] == pytest.approx(11.5, abs=1.5), "the seat stays down"


def test_curl_up_hands_lie_under_the_lower_back() -> None:
    figure = EXERCISES["curl-up"].figure
    assert figure is not None
    for pose in (figure.start, figure.work):
        points = solve(pose).points
        for side in "lr":
            palm = points[f"{side}_palm"]
            assert abs(palm[0] - points["spine1"][0]) <= 8.0
            assert abs(palm[2]) <= 12.0
            assert palm[1] == pytest.approx(2.5, abs=1.0)


def test_back_extension_forearms_by_the_head_and_the_chest_lifts() -> None:
    figure = EXERCISES["back-extension"].figure
    assert figure is not None
    start, work = solve(figure.start).points, solve(figure.work).points
    for side in "lr":
        assert start[f"{side}_palm"][0] > start[f"{side}_shoulder"][0] + 10, "hands by the head"
        assert start[f"{side}_elbow"][1] <= 6.0, "forearms on the floor"
    assert work["c7"][1] - start["c7"][1] >= 6.0, "the chest lifts off the floor"
    face_drop = work["head"][1] - work["face"][1]
    assert face_drop > 5.0, "eyes on the floor, the head not thrown back"


SKIN_CM = {"elbow": 4.0, "knee": 5.5, "wrist": 3.0, "head": 11.0}
"""Half-thickness of the drawn body at joints that often rest on the floor (cm)."""


def test_no_elbow_knee_wrist_or_head_sinks_into_the_floor_or_a_prop(figure: Figure) -> None:
    """A drawn part may press into a soft floor a little (3 cm), never go through it."""
    for pose in _cycle(figure)[::2]:
        points = solve(pose).points
        for name, point in points.items():
            radius = SKIN_CM.get(name[2:] if name[:2] in ("l_", "r_") else name)
            if radius is None:
                continue
            floor = support_under(figure.props, point, pose.flipped)
            assert point[1] - radius >= floor - 3.0, (name, round(point[1] - radius - floor, 1))


def test_curl_up_elbows_stay_on_the_floor_while_the_head_lifts() -> None:
    figure = EXERCISES["curl-up"].figure
    assert figure is not None
    for pose in _cycle(figure):
        points = solve(pose).points
        for side in "lr":
            skin = points[f"{side}_elbow"][1] - CONTACT_POINTS[f"{side}_elbow"]
            assert -0.5 <= skin <= 1.5, (side, round(skin, 1))


def test_the_side_plank_shows_its_second_side_as_a_mirror_image_from_the_front() -> None:
    figure = EXERCISES["side-plank-knees"].figure
    assert figure is not None
    scene = scene_for(figure)
    first, second = scene.drawing(figure.work), scene.drawing(figure.work.mirrored())
    middle = 2 * scene.frame.offset_x
    assert len(first.shapes) == len(second.shapes)
    for a, b in zip(first.shapes, second.shapes, strict=True):
        flat = [c for x, y in a.points for c in (middle - x, y)]
        assert [c for point in b.points for c in point] == pytest.approx(flat)
    for name, (x, y) in first.joints.items():
        assert second.joints[mirror_name(name)] == pytest.approx((middle - x, y))


@pytest.mark.parametrize("exercise_id", ["childs-pose", "side-plank-knees", "curl-up"])
def test_a_held_position_is_held_for_half_the_loop(exercise_id: str) -> None:
    # The loop is what the library, the previews and the printed sheets show. Child's pose
    # reached its folded position for a moment and went straight back up: blind raters
    # saw it "rock in and out" and took it for knee rocking (3 of 5); held for half the
    # loop, they rated it 4 (session 13). The player's hold is the dose's, not the loop's.
    exercise = EXERCISES[exercise_id]
    figure = exercise.figure
    assert figure is not None
    assert all(exercise.dose(level).hold_s for level in Level), "a held exercise"
    assert figure.release_at - figure.work_at >= 0.2, "a _hold keyframe after the work one"
    work = solve(figure.at_phase(figure.work_at)).points
    phases = [i / 200 for i in range(200)]
    # within 10 cm of the work position (child's pose keeps settling a little deeper)
    near = sum(
        max(math.dist(p, work[n]) for n, p in solve(figure.at_phase(phase)).points.items()) <= 10.0
        for phase in phases
    )
    assert near / len(phases) >= 0.5, f"held for {near / len(phases):.0%} of the loop"
