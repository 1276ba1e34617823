"""The body scan's attention: one whole body part lit at a time, from the feet to the head."""

from __future__ import annotations

from dataclasses import replace

from rugdiary.core.figure_drawing import BODY_ROLES, FOCUS_PARTS, Drawing, scene_for
from tests.core.figure_geometry import figure_of

FRAMES = [i / 8 for i in range(8)]
"""The eight frames of a blind rating sheet."""


def _group(drawing: Drawing) -> int | None:
    """Which FOCUS_PARTS group is lit (every part of it, nothing else), or None."""
    lit = {s.part for s in drawing.shapes if s.role == "focus"}
    if not lit:
        return None
    return next(i for i, (_, parts) in enumerate(FOCUS_PARTS) if lit == set(parts))


def test_one_whole_part_at_a_time_from_the_feet_to_the_head() -> None:
    """A glowing band up the body's middle read as "a strap or a roller" and skipped the
    arms; lit whole parts read as "notice each part in turn" (session 22, 3 of 3)."""
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    groups = [_group(scene.drawing(figure.at_phase(phase))) for phase in FRAMES]
    assert None not in groups
    assert groups == sorted(groups), "from the feet up, never back"  # type: ignore[type-var]
    assert set(groups) == set(range(len(FOCUS_PARTS))), "eight frames show every part"
    assert {"l_heel", "r_heel"} <= set(FOCUS_PARTS[0][1]), "it starts at the feet"
    assert FOCUS_PARTS[-1][1] == ("head",), "and ends at the head"


def test_the_light_lies_on_the_body_where_it_is_drawn() -> None:
    """Recoloured in place: the same shapes in the same order, so an arm lying over the
    trunk still covers it, light and all; only body parts are lit."""
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    for phase in FRAMES:
        pose = figure.at_phase(phase)
        lit = scene.drawing(pose).shapes
        plain = scene.drawing(replace(pose, focus=-1.0)).shapes
        assert [(s.part, s.points) for s in lit] == [(s.part, s.points) for s in plain]
        for a, b in zip(lit, plain, strict=True):
            if a.role != b.role:
                assert a.role in ("focus", "trail"), a.part
                assert b.role in BODY_ROLES, b.part


def test_the_parts_passed_keep_a_fainter_tint() -> None:
    """Behind the light, what it has passed stays faintly tinted: side by side, raters
    read it as "attention building up from feet to head" (session 18)."""
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    for phase in FRAMES:
        drawing = scene.drawing(figure.at_phase(phase))
        group = _group(drawing)
        assert group is not None
        passed = {s.part for s in drawing.shapes if s.role == "trail"}
        assert passed == {part for _, parts in FOCUS_PARTS[:group] for part in parts}


def test_the_attention_rests_on_the_head_then_starts_again_at_the_feet() -> None:
    """At the head it pauses (the `work_hold` keyframe); then nothing is lit until the
    loop starts again at the feet: it used to sweep back down from the head to the hips."""
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    hold = next(k.at for k in figure.keyframes if k.name == "work_hold")
    head = len(FOCUS_PARTS) - 1
    steps = 80
    groups = [_group(scene.drawing(figure.at_phase(i / steps))) for i in range(steps)]
    for i, group in enumerate(groups):
        phase = i / steps
        if figure.work_at <= phase <= hold:
            assert group == head, phase
        elif phase > hold:
            assert group is None, phase
    shown = [g for g in groups if g is not None]
    assert shown == sorted(shown), "no way back"
    # the head is lit for a while, not a flash: at least two seconds of the loop
    lit_s = sum(1 for g in groups if g == head) / steps * figure.cycle_s
    assert lit_s >= 2.0


def test_the_back_is_lit_longest_where_the_steps_say_to_breathe_out() -> None:
    figure = figure_of("body-scan")
    scene = scene_for(figure)
    steps = 80
    groups = [_group(scene.drawing(figure.at_phase(i / steps))) for i in range(steps)]
    trunk = next(i for i, (_, parts) in enumerate(FOCUS_PARTS) if "trunk" in parts)
    counts = {g: groups.count(g) for g in set(groups) if g is not None}
    assert counts[trunk] == max(counts.values())
    # the still picture's middle pose (breathe-out) shows the back
    middle = dict(figure.still_poses)["breathe-out"]
    assert _group(scene.drawing(middle)) == trunk
