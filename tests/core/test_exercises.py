"""Exercise model: levels, doses and the exercise record (the figure: test_figures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rugdiary.core.content import load_exercises
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Dose, DoseMode, Exercise, Level

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)


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
