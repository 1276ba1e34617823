"""Lying on the back, seen from the side near the mat: pelvic tilt, curl-up, breathing, rest."""

from __future__ import annotations

import math

import pytest

from rugdiary.core.body import CONTACT_POINTS, Vec, solve
from rugdiary.core.exercises import Figure
from rugdiary.core.figure_drawing import CAMERA_ANGLES, VIEW_H, VIEW_W, scene_for
from rugdiary.core.figures import PropKind
from tests.core.figure_geometry import figure_of, inside

LOW = ("pelvic-tilt", "diaphragmatic-breathing", "supported-rest")
"""Lying figures seen from just above the mat (side_low)."""
THUMB_PX_PER_UNIT = min(160 / VIEW_W, 120 / VIEW_H)
"""The library thumbnail (about 160x120 px) shows the 240x160 view at this scale."""


def _mat_top(figure: Figure) -> float:
    return next(p for p in figure.props if p.kind is PropKind.MAT).h


def _slope(a: Vec, b: Vec) -> float:
    """How far (degrees) the line a->b rises from level, in the world."""
    return math.degrees(math.atan2(b[1] - a[1], math.hypot(b[0] - a[0], b[2] - a[2])))


@pytest.mark.parametrize("exercise_id", LOW)
def test_lying_figures_are_seen_from_the_side_just_above_the_mat(exercise_id: str) -> None:
    assert figure_of(exercise_id).camera == "side_low"
    yaw, pitch = CAMERA_ANGLES["side_low"]
    assert yaw == CAMERA_ANGLES["side"][0], "the same side view, only lower"
    assert pitch <= 4.0 < CAMERA_ANGLES["side"][1], "lower than the plain side view"


def test_pelvic_tilt_no_hand_or_forearm_is_drawn_below_the_mat() -> None:
    """From 8 degrees up, the hand out towards the viewer lay 10 cm down a wide mat band and
    read as pushed through the mat; from just above, the band is thin and holds the hand."""
    figure = figure_of("pelvic-tilt")
    scene = scene_for(figure)
    s = scene.frame.scale
    for i in range(24):
        for mirrored in (False, True):
            drawing = scene.drawing(figure.at_phase(i / 24, mirrored=mirrored))
            mat = [y for sh in drawing.shapes if sh.role == "mat" for _, y in sh.points]
            top, bottom = min(mat), max(mat)
            assert (bottom - top) / s <= 6.0, "a thin mat, seen nearly edge-on"
            for shape in drawing.shapes:
                if shape.part in ("l_elbow", "r_elbow", "l_wrist", "r_wrist"):
                    low = max(y for _, y in shape.points)
                    assert low <= bottom + 0.5 * s, (i, mirrored, shape.part)
                    assert (low - top) / s <= 5.5, (i, mirrored, shape.part)
    # the arms rest out on the mat, clear of the gap under the low back (checked in
    # test_figures_supine1), and the gap itself opens and closes
    arch, flat = solve(figure.pose("arch")).points, solve(figure.work).points
    gap = arch["spine1"][1] - 10.0 - _mat_top(figure)
    assert gap * s * THUMB_PX_PER_UNIT >= 4.0
    assert flat["spine1"][1] - 10.0 - _mat_top(figure) <= 0.5


def test_curl_up_shoulder_blades_clearly_leave_the_mat_and_the_pelvis_stays() -> None:
    figure = figure_of("curl-up")
    scale = scene_for(figure).frame.scale * THUMB_PX_PER_UNIT
    start, work = solve(figure.start).points, solve(figure.work).points

    def rise(name: str) -> float:
        return work[name][1] - start[name][1]

    assert rise("spine3") >= 2.5, "the shoulder blades leave the mat"
    assert rise("c7") >= 7.0, "the top of the back is clearly up"
    assert rise("c7") * scale >= 5.0, "clear on a 160x120 thumbnail"
    assert math.dist(work["pelvis"], start["pelvis"]) <= 0.5, "the pelvis stays"
    assert rise("spine1") <= 0.5, "the lower back stays on the hands"
    # no sit-up: the head comes up with the upper back, the chin a little tucked, the face
    # (nose) turned towards the knees, not at the ceiling
    assert rise("head") <= 28.0
    face = (work["face"][0] - work["head"][0], work["face"][1] - work["head"][1])
    towards_knees = math.degrees(math.atan2(face[0], face[1]))
    assert 15.0 <= towards_knees <= 40.0, f"the face looks {towards_knees:.0f} deg from up"
    # the hands are under the low back; the near elbow lies on the mat out beside the body
    for points in (start, work):
        elbow = points["l_elbow"]
        assert elbow[1] - CONTACT_POINTS["l_elbow"] - _mat_top(figure) <= 1.5
        # round 14: right beside the waist, so the upper arm lies along the body
        assert elbow[2] >= 22.0, "beside the body, where the arm goes in under the back"
        assert abs(points["l_palm"][0] - points["spine1"][0]) <= 8.0
    # one knee bent, the other leg long (either side: the long one lies nearer the camera)
    for points in (start, work):
        bent, long = ("l_", "r_") if points["l_knee"][1] > points["r_knee"][1] else ("r_", "l_")
        assert points[bent + "knee"][1] - points[bent + "hip"][1] >= 25.0
        assert abs(points[long + "ankle"][1] - points[long + "hip"][1]) <= 8.0


@pytest.mark.parametrize("exercise_id", ["diaphragmatic-breathing"])
def test_a_hand_on_the_belly_comes_from_an_elbow_on_the_mat_on_a_gently_sloping_forearm(
    exercise_id: str,
) -> None:
    """An upright forearm rising to the belly read as tense; the elbow rests on the mat and
    the forearm slopes up towards the feet, so it lies at a slant in the side view too."""
    figure = figure_of(exercise_id)
    mat_top = _mat_top(figure)
    start = solve(figure.start).points
    for side in "lr":
        elbow = start[f"{side}_elbow"]
        assert elbow[1] - CONTACT_POINTS[f"{side}_elbow"] - mat_top <= 1.5, "on the mat"
        assert abs(elbow[2]) >= 20.0, "out beside the body"
    near_elbow, near_wrist = start["r_elbow"], start["r_wrist"]
    assert _slope(near_elbow, near_wrist) < 45.0
    assert near_wrist[0] - near_elbow[0] >= 8.0, "towards the feet, not straight up"
    for i in range(24):
        points = solve(figure.at_phase(i / 24)).points
        slope = _slope(points["r_elbow"], points["r_wrist"])
        assert slope < 52.0, (i, round(slope))
        assert points["r_elbow"][1] - start["r_elbow"][1] <= 7.0, "the elbow stays low"


def test_belly_breathing_the_belly_rises_clearly_and_the_chest_hand_stays() -> None:
    figure = figure_of("diaphragmatic-breathing")
    scene = scene_for(figure)
    scale = scene.frame.scale * THUMB_PX_PER_UNIT
    start, work = solve(figure.start).points, solve(figure.work).points
    assert (work["r_palm"][1] - start["r_palm"][1]) * scale >= 6.5, "the belly hand rises"
    assert math.dist(work["l_palm"], start["l_palm"]) <= 0.5, "the chest hand stays"
    assert work["spine3"] == pytest.approx(start["spine3"]), "the chest stays"
    # one hand on the chest, one on the belly, clearly apart (both lie on the drawn body in
    # every frame: test_figures_supine1)
    assert start["r_palm"][0] - start["l_palm"][0] >= 14.0


def test_belly_breathing_lies_with_the_knees_supported_on_a_cushion() -> None:
    """ "Lie down with your knees supported": the knees rest on a cushion, heels on the mat
    (it no longer looks like the knees-bent start of pelvic tilt or dead bug)."""
    figure = figure_of("diaphragmatic-breathing")
    cushion = next(p for p in figure.props if p.kind is PropKind.CUSHION)
    mat_top = _mat_top(figure)
    for i in range(12):
        points = solve(figure.at_phase(i / 12)).points
        for side in "lr":
            knee = points[f"{side}_knee"]
            assert cushion.x <= knee[0] <= cushion.x + cushion.w, "the cushion under the knee"
            assert knee[1] - CONTACT_POINTS[f"{side}_knee"] - cushion.h == pytest.approx(
                0.0, abs=1.0
            ), "the knee rests on it"
            assert points[f"{side}_heel_sole"][1] - mat_top == pytest.approx(0.0, abs=1.0)
            bend = 180 - math.degrees(
                math.acos(
                    sum(
                        (points[f"{side}_hip"][k] - knee[k])
                        * (points[f"{side}_ankle"][k] - knee[k])
                        for k in range(3)
                    )
                    / (
                        math.dist(points[f"{side}_hip"], knee)
                        * math.dist(points[f"{side}_ankle"], knee)
                    )
                )
            )
            assert 30.0 <= bend <= 65.0, "knees softly bent over the cushion, legs long"


def test_belly_breathing_an_up_and_down_arrow_stands_over_the_belly_clear_of_the_body() -> None:
    figure = figure_of("diaphragmatic-breathing")
    assert figure.arrow is not None
    assert (figure.arrow.shape, figure.arrow.both) == ("up", True), "in and out: up and down"
    scene = scene_for(figure)
    start = solve(figure.start).points
    x_of = {
        n: scene.frame.offset_x + scene.camera.project(start[n])[0] * scene.frame.scale
        for n in ("spine2", "spine0")
    }
    for i in range(12):
        drawing = scene.drawing(figure.at_phase(i / 12))
        cue = [p for sh in drawing.shapes if sh.role == "cue" for p in sh.points]
        assert cue, "the arrow is drawn"
        xs = [x for x, _ in cue]
        assert x_of["spine2"] <= (min(xs) + max(xs)) / 2 <= x_of["spine0"], "over the belly"
        body = [sh for sh in drawing.shapes if sh.kind == "poly" and sh.role in ("near", "far")]
        body += [sh for sh in drawing.shapes if sh.part == "trunk"]
        for shape in body:
            assert not any(inside(p, shape.points) for p in cue), (i, shape.part)
