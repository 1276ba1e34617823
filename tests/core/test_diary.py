"""DiaryEntry validation names the field; the dict form round-trips and stays lean."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from rugdiary.core.diary import DiaryEntry, Medication, ValidationError, new_entry, normalize_tags

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
