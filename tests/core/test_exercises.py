"""Exercise model: doses, the pose model and its kinematics, animation, and SVG output."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rugdiary.core.content import load_exercises
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import (
    FOREARM,
    HEAD_NECK,
    HEAD_RADIUS,
    SHIN,
    THIGH,
    TRUNK,
    UPPER_ARM,
    Dose,
    DoseMode,
    Exercise,
    Figure,
    Level,
    Motion,
    Point,
    Pose,
    PropKind,
    drawn_box,
    ease_in_out,
    fit_frame,
    forward_kinematics,
    interpolate,
    render_svg,
)

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)
SVG_NS = "{http://www.w3.org/2000/svg}"


def standing(**changes: float) -> Pose:
    values: dict[str, float] = {
        "x": 0.0,
        "y": THIGH + SHIN,
        "trunk": 0,
        "head": 0,
        "near_upper_arm": 180,
        "near_forearm": 180,
        "far_upper_arm": 180,
        "far_forearm": 180,
        "near_thigh": 180,
        "near_shin": 180,
        "far_thigh": 180,
        "far_shin": 180,
    }
    values.update(changes)
    return Pose(**values)


# ---------------------------------------------------------------- levels and doses


def test_levels_step_one_at_a_time() -> None:
    assert Level.BEGINNER.up() is Level.INTERMEDIATE
    assert Level.ADVANCED.up() is None
    assert Level.INTERMEDIATE.down() is Level.BEGINNER
    assert Level.BEGINNER.down() is None


@pytest.mark.parametrize(
    ("dose", "mode", "work"),
    [
        (Dose(reps=5, hold_s=8), DoseMode.HOLD, 8),
        (Dose(reps=10, tempo_s=4), DoseMode.REPS, 4),
        (Dose(duration_s=600), DoseMode.TIMED, 600),
    ],
)
def test_the_dose_mode_follows_the_work_field(dose: Dose, mode: DoseMode, work: int) -> None:
    assert dose.mode is mode
    assert dose.work_s == work


def test_total_seconds_of_a_dose_per_side_with_sets() -> None:
    dose = Dose(reps=5, sets=2, hold_s=5, rest_s=3, set_rest_s=30, per_side=True)
    # one side: 5 holds of 5 s and 4 rests of 3 s = 37; a set: 37 + 5 (switch) + 37 = 79
    assert dose.total_s(switch_sides_s=5) == 79 * 2 + 30


def test_total_seconds_of_a_timed_dose_is_its_duration() -> None:
    assert Dose(duration_s=120).total_s(switch_sides_s=5) == 120


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"reps": 0, "hold_s": 5}, "reps"),
        ({"reps": 5}, "hold_s"),
        ({"reps": 5, "hold_s": 5, "tempo_s": 3}, "hold_s"),
        ({"sets": 21, "tempo_s": 3}, "sets"),
        ({"hold_s": 5, "rest_s": -1}, "rest_s"),
        ({"hold_s": True}, "hold_s"),
        ({"hold_s": 5.5}, "hold_s"),
        ({"tempo_s": 3, "per_side": "yes"}, "per_side"),
    ],
)
def test_an_invalid_dose_names_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Dose(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_red_response_dose_is_about_a_quarter_lighter() -> None:
    dose = Dose(reps=8, sets=2, hold_s=10, rest_s=3)
    lighter = dose.scaled(0.75)
    assert (lighter.reps, lighter.hold_s, lighter.sets, lighter.rest_s) == (6, 8, 2, 3)
    assert Dose(reps=1, tempo_s=2).scaled(0.1).reps == 1


def test_merged_replaces_the_work_field_and_names_the_path() -> None:
    dose = Dose(reps=5, hold_s=5, rest_s=3)
    timed = dose.merged({"duration_s": 60, "reps": 1}, "items[0].dose.all")
    assert (timed.mode, timed.hold_s, timed.rest_s) == (DoseMode.TIMED, 0, 3)
    with pytest.raises(ValidationError) as caught:
        dose.merged({"reps": 0}, "items[0].dose.all")
    assert caught.value.field == "items[0].dose.all.reps"


def test_dose_dict_round_trip_leaves_out_unused_fields() -> None:
    dose = Dose(reps=6, sets=2, tempo_s=4, set_rest_s=60, per_side=True)
    data = dose.to_dict()
    assert data == {"reps": 6, "sets": 2, "per_side": True, "tempo_s": 4, "set_rest_s": 60}
    assert Dose.from_dict(data) == dose


def test_exercise_dict_round_trip() -> None:
    for exercise in EXERCISES.values():
        again = Exercise.from_dict(exercise.to_dict(), builtin=True)
        assert again == exercise


def test_a_custom_exercise_may_have_a_picture_and_no_figure() -> None:
    data = EXERCISES["walking"].to_dict()
    del data["figure"]
    data.update(id="physio-stretch", picture="pictures/stretch.png", steps=data["steps"][:1])
    exercise = Exercise.from_dict(data)
    assert exercise.figure is None
    assert exercise.picture == "pictures/stretch.png"
    with pytest.raises(ValidationError) as caught:
        Exercise.from_dict(data, builtin=True)
    assert caught.value.field == "figure"


@pytest.mark.parametrize("bad_id", ["Bird Dog", "", "-dash", "bird_dog", 7])
def test_exercise_ids_are_slugs(bad_id: object) -> None:
    data = EXERCISES["walking"].to_dict()
    data["id"] = bad_id
    with pytest.raises(ValidationError) as caught:
        Exercise.from_dict(data)
    assert caught.value.field == "id"


# ---------------------------------------------------------------- kinematics


def test_forward_kinematics_of_a_standing_figure() -> None:
    joints = forward_kinematics(standing())
    assert joints.near_ankle.y == pytest.approx(0.0)
    assert joints.neck == pytest.approx(Point(0.0, THIGH + SHIN + TRUNK))
    assert joints.head.y == pytest.approx(THIGH + SHIN + TRUNK + HEAD_NECK)
    assert joints.near_hand.y == pytest.approx(THIGH + SHIN + TRUNK - UPPER_ARM - FOREARM)


def test_ninety_degrees_points_the_way_the_figure_faces() -> None:
    joints = forward_kinematics(standing(near_upper_arm=90, near_forearm=90, far_thigh=-90))
    neck = joints.neck
    assert joints.near_hand == pytest.approx(Point(neck.x + UPPER_ARM + FOREARM, neck.y))
    assert joints.far_knee == pytest.approx(Point(-THIGH, THIGH + SHIN))


def test_mirrored_swaps_near_and_far_limbs() -> None:
    pose = standing(near_upper_arm=90, near_forearm=80, far_thigh=-90, far_shin=-80)
    other = pose.mirrored()
    assert (other.far_upper_arm, other.far_forearm) == (90, 80)
    assert (other.near_thigh, other.near_shin) == (-90, -80)
    assert other.mirrored() == pose


def test_interpolate_hits_both_ends_and_eases() -> None:
    a, b = standing(), standing(trunk=60, y=0.4)
    assert interpolate(a, b, 0.0) == a
    assert interpolate(a, b, 1.0) == b
    assert interpolate(a, b, 0.5).trunk == pytest.approx(30)
    # eased: slower than linear at the start
    assert interpolate(a, b, 0.1).trunk < interpolate(a, b, 0.1, eased=False).trunk
    assert ease_in_out(0) == 0
    assert ease_in_out(1) == 1
    assert ease_in_out(2) == 1


def test_interpolate_takes_the_short_way_round() -> None:
    a, b = standing(near_upper_arm=170), standing(near_upper_arm=-170)
    middle = interpolate(a, b, 0.5, eased=False).near_upper_arm
    assert math.isclose(abs(middle), 180)


def test_pose_at_follows_the_motion() -> None:
    figure = EXERCISES["bird-dog"].figure
    assert figure is not None
    start, work = figure.start, figure.work
    assert figure.pose_at(Motion.STILL, 3, 10) == start
    assert figure.pose_at(Motion.HOLD, 0, 10) == start
    assert figure.pose_at(Motion.HOLD, 5, 10) == work
    assert figure.pose_at(Motion.RELEASE, 0, 3) == work
    assert figure.pose_at(Motion.RELEASE, 3, 3) == start
    assert figure.pose_at(Motion.REP, 2, 4) == work
    assert figure.pose_at(Motion.REP, 4, 4) == start
    assert figure.pose_at(Motion.HOLD, 5, 10, mirrored=True) == work.mirrored()
    half = figure.cycle_s / 2
    assert figure.pose_at(Motion.CYCLE, half, 60) == work
    assert figure.pose_at(Motion.CYCLE, figure.cycle_s * 3, 60) == start


# ---------------------------------------------------------------- figures and SVG


def _figures() -> list[tuple[str, Figure]]:
    return [(e.id, e.figure) for e in EXERCISES.values() if e.figure is not None]


@pytest.mark.parametrize(("exercise_id", "figure"), _figures(), ids=lambda v: str(v)[:20])
def test_every_pose_rests_on_the_floor_or_a_prop(exercise_id: str, figure: Figure) -> None:
    supports = [0.0] + [p.y + p.h for p in figure.props if p.kind is not PropKind.BAG]
    for name, pose in figure.poses:
        for variant in (pose, pose.mirrored()):
            joints = forward_kinematics(variant)
            lowest = min(
                [p.y for n, p in joints.items() if n != "head"] + [joints.head.y - HEAD_RADIUS]
            )
            assert min(abs(lowest - h) for h in supports) <= 0.01, f"{exercise_id}.{name}"


@pytest.mark.parametrize(("exercise_id", "figure"), _figures(), ids=lambda v: str(v)[:20])
def test_every_pose_renders_inside_the_frame(exercise_id: str, figure: Figure) -> None:
    frame = fit_frame(figure)
    samples = [pose for _, pose in figure.poses]
    samples += [figure.pose_at(motion, t, 10) for motion in Motion for t in (0.4, 1.1, 5.0, 9.3)]
    for pose in samples + [p.mirrored() for p in samples]:
        left, bottom, right, top = drawn_box(figure, pose)
        for corner in (Point(left, bottom), Point(right, top)):
            view = frame.to_view(corner)
            assert -1e-6 <= view.x <= frame.width + 1e-6, exercise_id
            assert -1e-6 <= view.y <= frame.height + 1e-6, exercise_id
        svg = render_svg(figure, pose, frame=frame, title=f"{exercise_id} & co")
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG_NS}svg"
        assert root.get("viewBox") == f"0 0 {frame.width:g} {frame.height:g}"
        assert root.find(f"{SVG_NS}title") is not None
        for line in root.iter(f"{SVG_NS}polyline"):
            for pair in (line.get("points") or "").split():
                x, y = (float(v) for v in pair.split(","))
                assert 0 <= x <= frame.width, exercise_id
                assert 0 <= y <= frame.height, exercise_id
        circle = root.find(f"{SVG_NS}circle")
        assert circle is not None
        cx, cy, r = (float(circle.get(k) or "nan") for k in ("cx", "cy", "r"))
        assert r <= cx <= frame.width - r, exercise_id
        assert r <= cy <= frame.height - r, exercise_id


def test_the_same_frame_serves_every_pose_so_animation_does_not_rescale() -> None:
    figure = EXERCISES["chair-squat"].figure
    assert figure is not None
    first = render_svg(figure, figure.start)
    assert 'viewBox="0 0 240 160"' in first
    assert first != render_svg(figure, figure.work)
    assert "<rect" in first  # the chair


def test_a_figure_needs_start_and_work_poses() -> None:
    pose = standing()
    with pytest.raises(ValidationError) as caught:
        Figure(position="standing", poses=(("start", pose),))
    assert caught.value.field == "poses.work"
    with pytest.raises(ValidationError):
        Figure(position="floating", poses=(("start", pose), ("work", pose)))
