"""DiaryEntry validation names the field (as every stored shape does); the dict form round-trips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from rugdiary.core.diary import (
    DiaryEntry,
    Medication,
    ValidationError,
    new_entry,
    normalize_tags,
    reject_unknown,
)
from rugdiary.core.exercises import Dose, Doses, Exercise, Figure, Prop
from rugdiary.core.programs import DoseOverride, Program, ProgramItem
from rugdiary.core.reminders import DiaryReminder
from rugdiary.core.sessions import Session

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def test_new_entry_stamps_and_defaults() -> None:
    entry = new_entry(now=NOW, pain=3, stress=5, tags=[" Sitting", "sitting", "Deadline  day"])
    assert entry.at == entry.created == entry.updated == NOW
    assert entry.tags == ("sitting", "deadline day")
    assert entry.day.isoformat() == "2026-03-02"
    assert len(entry.id) == 36


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pain": 11}, "pain"),
        ({"pain": -1}, "pain"),
        ({"stress": 2.5}, "stress"),
        ({"stress": True}, "stress"),
        ({"sleep": 12}, "sleep"),
        ({"support": "4"}, "support"),
        ({"activity_min": 1441}, "activity_min"),
        ({"flare_up": 1}, "flare_up"),
        ({"note": "x" * 5001}, "note"),
        ({"tags": ("",)}, "tags"),
        ({"tags": ("x" * 41,)}, "tags"),
        ({"medication": (Medication(name=" "),)}, "medication[0].name"),
        ({"at": datetime(2026, 3, 2, 9)}, "at"),
        ({"id": ""}, "id"),
    ],
)
def test_invalid_values_name_their_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        DiaryEntry(at=NOW, pain=1, stress=1).replace(**changes)
    assert info.value.field == field
    assert str(info.value).startswith(field)


def test_to_dict_leaves_out_unset_fields_and_round_trips() -> None:
    entry = DiaryEntry(at=NOW, pain=4, stress=6, id="e1")
    assert entry.to_dict() == {
        "id": "e1",
        "at": "2026-03-02T09:00:00+01:00",
        "pain": 4,
        "stress": 6,
    }
    full = entry.replace(
        worst_pain=7,
        sleep=3,
        activity_min=30,
        flare_up=True,
        tags=("lifting",),
        medication=(Medication("ibuprofen", "400 mg"),),
        note="Moved boxes",
        for_physio=True,
        created=NOW,
        updated=NOW,
    )
    assert DiaryEntry.from_dict(full.to_dict()) == full


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"at": "2026-03-02T09:00+01:00", "stress": 2}, "pain"),
        ({"at": "yesterday", "pain": 1, "stress": 2}, "at"),
        ({"at": "2026-03-02T09:00+01:00", "pain": 1, "stress": 2, "colour": "red"}, "colour"),
        ({"at": "2026-03-02T09:00+01:00", "pain": 1, "stress": 2, "tags": "a,b"}, "tags"),
        (
            {"at": "2026-03-02T09:00+01:00", "pain": 1, "stress": 2, "medication": [{"dose": "1"}]},
            "medication[0].name",
        ),
        (
            {"at": "2026-03-02T09:00+01:00", "pain": 1, "stress": 2, "medication": ["x"]},
            "medication[0]",
        ),
    ],
)
def test_from_dict_names_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        DiaryEntry.from_dict(data)
    assert info.value.field == field


def test_naive_time_is_read_as_local_time() -> None:
    entry = DiaryEntry.from_dict({"at": "2026-03-02T09:00", "pain": 1, "stress": 1})
    assert entry.at.utcoffset() is not None
    assert (entry.at.hour, entry.day.isoformat()) == (9, "2026-03-02")


def test_normalize_tags_rejects_non_text() -> None:
    assert normalize_tags(["  A  b ", "a B", ""]) == ("a b",)
    with pytest.raises(ValidationError):
        normalize_tags([3])  # type: ignore[list-item]


def test_reject_unknown_names_the_first_unknown_field_under_its_path() -> None:
    reject_unknown({"a": 1}, {"a", "b"}, "is not a thing field")  # nothing unknown: no error
    with pytest.raises(ValidationError) as info:
        reject_unknown({"zeta": 1, "beta": 2, "a": 3}, {"a"}, "is not a thing field", "items[2]")
    assert (info.value.field, info.value.message) == ("items[2].beta", "is not a thing field")
    with pytest.raises(ValidationError) as info:
        reject_unknown({"zeta": 1}, {"a"}, "is not a thing field")
    assert info.value.field == "zeta"


@pytest.mark.parametrize(
    ("parse", "field", "message"),
    [
        (DiaryEntry.from_dict, "colour", "is not a diary field"),
        (Session.from_dict, "colour", "is not a session field"),
        (
            lambda d: Dose.from_dict(d, "dose.beginner"),
            "dose.beginner.colour",
            "is not a dose field",
        ),
        (lambda d: Doses.from_dict(d), "dose.colour", "is not a level"),
        (
            lambda d: Figure.from_dict({"keyframes": [{"name": "start", **d}]}),
            "figure.keyframes.start.colour",
            "is not a keyframe field",
        ),
        (lambda d: Prop.from_dict(d, "props[0]"), "props[0].colour", "is not a prop field"),
        (lambda d: Figure.from_dict(d), "figure.colour", "is not a figure field"),
        (Exercise.from_dict, "colour", "is not an exercise field"),
        (Program.from_dict, "colour", "is not a programme field"),
        (
            lambda d: ProgramItem.from_dict(d, "items[1]"),
            "items[1].colour",
            "is not a programme item field",
        ),
        (
            lambda d: DoseOverride.from_dict(d, "items[1].dose.all"),
            "items[1].dose.all.colour",
            "is not a dose field",
        ),
        (DiaryReminder.from_dict, "colour", "is not a field of the diary reminder"),
    ],
)
def test_every_stored_shape_names_a_field_it_does_not_know(
    parse: Callable[[dict[str, Any]], object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        parse({"colour": "red"})
    assert (info.value.field, info.value.message) == (field, message)
