"""Programmes: parsing, dose overrides, and unrolling into a timeline of steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rugdiary.core.content import load_library
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Dose, DoseMode, Doses, Exercise, Group, Level, Text
from rugdiary.core.programs import (
    Cue,
    DoseOverride,
    Program,
    ProgramItem,
    Side,
    StepKind,
    Timing,
    build_timeline,
    program_total_s,
)

RESOURCES = Path(__file__).parents[2] / "resources"
LIBRARY = load_library(RESOURCES)
T = Text("text", "tekst")


def make_exercise(exercise_id: str, **dose: Any) -> Exercise:
    d = Dose(**dose)
    return Exercise(
        id=exercise_id,
        name=Text(exercise_id, exercise_id),
        group=Group.MOBILITY,
        start=T,
        steps=(T, T),
        doses=Doses(d, d, d),
        easier=T,
        harder=T,
        mistake=T,
        safety=T,
    )


def make_program(*items: ProgramItem) -> Program:
    return Program(
        id="test",
        name=T,
        description=T,
        frequency=T,
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=items,
    )


HOLD = make_exercise("hold", reps=2, sets=2, hold_s=5, rest_s=3, set_rest_s=10)
SIDES = make_exercise("sides", reps=2, tempo_s=4, per_side=True)
EXERCISES = {e.id: e for e in (HOLD, SIDES)}


def test_the_timeline_unrolls_reps_sets_and_sides_in_order() -> None:
    timeline = build_timeline(
        make_program(ProgramItem("hold"), ProgramItem("sides")), EXERCISES, Level.BEGINNER
    )
    shape = [(s.kind, s.duration_s, s.rep, s.set_number, s.side) for s in timeline.steps]
    w, r, sr = StepKind.WORK, StepKind.REST, StepKind.SET_REST
    left, right = Side.LEFT, Side.RIGHT
    assert shape == [
        (StepKind.GET_READY, 5, 1, 1, None),
        (w, 5, 1, 1, None),
        (r, 3, 1, 1, None),
        (w, 5, 2, 1, None),
        (sr, 10, 2, 1, None),
        (w, 5, 1, 2, None),
        (r, 3, 1, 2, None),
        (w, 5, 2, 2, None),
        (StepKind.TRANSITION, 10, 1, 1, left),
        (w, 4, 1, 1, left),
        (w, 4, 2, 1, left),
        (StepKind.SWITCH_SIDES, 5, 1, 1, right),
        (w, 4, 1, 1, right),
        (w, 4, 2, 1, right),
    ]
    assert timeline.total_s == 72
    assert [s.index for s in timeline.steps] == list(range(len(timeline.steps)))


def test_steps_carry_cues_countdowns_and_back_to_back_start_times() -> None:
    timeline = build_timeline(
        make_program(ProgramItem("hold"), ProgramItem("sides")), EXERCISES, Level.BEGINNER
    )
    cues = {s.kind: s.cue for s in timeline.steps if s.kind is not StepKind.WORK}
    assert cues == {
        StepKind.GET_READY: Cue.GET_READY,
        StepKind.REST: Cue.REST,
        StepKind.SET_REST: Cue.RELAX_BREATHE_OUT,
        StepKind.TRANSITION: Cue.NEXT,
        StepKind.SWITCH_SIDES: Cue.SWITCH_SIDES,
    }
    work = [s for s in timeline.steps if s.kind is StepKind.WORK]
    assert {(s.exercise_id, s.cue, s.countdown, s.mode) for s in work} == {
        ("hold", Cue.HOLD, True, DoseMode.HOLD),
        ("sides", Cue.MOVE, False, DoseMode.REPS),
    }
    for before, after in zip(timeline.steps, timeline.steps[1:], strict=False):
        assert after.start_s == before.end_s
    assert timeline.steps[8].is_preview
    assert timeline.steps[8].exercise_id == "sides"
    assert timeline.next_exercise_step(3) == timeline.steps[8]
    assert timeline.next_exercise_step(9) is None
    assert timeline.first_step_of_item(1) == 8


def test_timing_changes_the_fixed_steps() -> None:
    program = make_program(ProgramItem("hold"), ProgramItem("sides"))
    timing = Timing(get_ready_s=3, transition_s=20, switch_sides_s=8)
    assert build_timeline(program, EXERCISES, Level.BEGINNER, timing).total_s == 72 - 2 + 10 + 3
    with pytest.raises(ValidationError):
        Timing(get_ready_s=0)


def test_no_rest_steps_of_zero_seconds() -> None:
    timeline = build_timeline(make_program(ProgramItem("sides")), EXERCISES, Level.BEGINNER)
    assert all(s.duration_s > 0 for s in timeline.steps)
    assert StepKind.REST not in {s.kind for s in timeline.steps}


def _closed_form_total(program: Program, level: Level, timing: Timing) -> int:
    total = 0
    for i, item in enumerate(program.items):
        total += timing.get_ready_s if i == 0 else timing.transition_s
        total += item.dose(LIBRARY.exercises[item.exercise_id], level).total_s(
            timing.switch_sides_s
        )
    return total


@pytest.mark.parametrize("program_id", sorted(LIBRARY.programs))
@pytest.mark.parametrize("level", list(Level))
def test_total_duration_equals_the_sum_of_the_doses(program_id: str, level: Level) -> None:
    program = LIBRARY.programs[program_id]
    timing = Timing()
    timeline = build_timeline(program, LIBRARY.exercises, level, timing)
    assert timeline.total_s == sum(s.duration_s for s in timeline.steps)
    assert timeline.total_s == _closed_form_total(program, level, timing)
    assert program_total_s(program, LIBRARY.exercises, level) == timeline.total_s
    work = [s for s in timeline.steps if s.kind is StepKind.WORK]
    expected_work = sum(d.reps * d.sets * d.sides for d in timeline.doses)
    assert len(work) == expected_work


@pytest.mark.parametrize(
    ("program_id", "minutes"),
    [
        ("morning-mobility", (6, 9)),
        ("core-stability-beginner", (13, 18)),
        ("desk-break", (3, 4.5)),
        ("stress-relief", (5.5, 7.5)),
    ],
)
def test_built_in_programs_last_about_as_long_as_their_names_say(
    program_id: str, minutes: tuple[float, float]
) -> None:
    program = LIBRARY.programs[program_id]
    total = program_total_s(program, LIBRARY.exercises, program.level)
    assert minutes[0] * 60 <= total <= minutes[1] * 60


def test_overrides_apply_all_first_then_the_level() -> None:
    item = ProgramItem(
        "hold",
        overrides=(
            ("all", DoseOverride(reps=4, rest_s=1)),
            ("advanced", DoseOverride(reps=6, duration_s=30)),
        ),
    )
    assert item.dose(HOLD, Level.BEGINNER) == Dose(
        reps=4, sets=2, hold_s=5, rest_s=1, set_rest_s=10
    )
    advanced = item.dose(HOLD, Level.ADVANCED)
    assert (advanced.reps, advanced.mode, advanced.duration_s, advanced.rest_s) == (
        6,
        DoseMode.TIMED,
        30,
        1,
    )


def test_graded_walking_grows_the_main_walk_by_level() -> None:
    program = LIBRARY.programs["graded-walking"]
    walks = [
        build_timeline(program, LIBRARY.exercises, level).doses[1].duration_s for level in Level
    ]
    assert walks == [600, 1200, 1800]
    assert "10%" in program.description.en
    assert "10%" in program.description.nl


def test_an_unknown_exercise_is_named_by_item() -> None:
    program = make_program(ProgramItem("hold"), ProgramItem("missing"))
    with pytest.raises(ValidationError) as caught:
        build_timeline(program, EXERCISES, Level.BEGINNER)
    assert caught.value.field == "items[1].exercise"


def test_an_override_that_breaks_the_dose_is_named_by_item_and_level() -> None:
    bad = ProgramItem("hold", overrides=(("intermediate", DoseOverride(reps=0)),))
    program = make_program(ProgramItem("sides"), bad)
    build_timeline(program, EXERCISES, Level.BEGINNER)
    with pytest.raises(ValidationError) as caught:
        build_timeline(program, EXERCISES, Level.INTERMEDIATE)
    assert caught.value.field == "items[1].dose.intermediate.reps"


def test_program_dict_round_trip() -> None:
    for program in LIBRARY.programs.values():
        assert Program.from_dict(program.to_dict(), builtin=True) == program


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sessions_per_week": 0}, "sessions_per_week"),
        ({"level": "pro"}, "level"),
        ({"items": "walking"}, "items"),
        ({"id": "Has Spaces"}, "id"),
        ({"colour": "red"}, "colour"),
        (
            {"items": [{"exercise": "walking", "dose": {"all": {"reps": 1.5}}}]},
            "items[0].dose.all.reps",
        ),
        ({"items": [{"exercise": "walking", "dose": {"all": {}}}]}, "items[0].dose.all"),
        ({"items": [{"exercise": "walking", "note": {"en": "x"}}]}, "items[0].note.nl"),
        ({"items": [{"dose": {}}]}, "items[0].exercise"),
    ],
)
def test_program_validation_names_the_field(change: dict[str, Any], field: str) -> None:
    data = LIBRARY.programs["desk-break"].to_dict()
    data.update(change)
    with pytest.raises(ValidationError) as caught:
        Program.from_dict(data)
    assert caught.value.field == field
