"""Imports that keep what the file does not hold: missing columns, spreadsheet re-imports,
tags as the app keeps them, the clocks' skipped hour, and how much an export holds."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from rugdiary.core.diary import DiaryEntry, Medication, new_entry
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session, StopReason
from rugdiary.reports.exchange import (
    EXPORT_FORMAT,
    EXPORT_TABLES,
    FILE_PROBLEM_FIELDS,
    ImportFailed,
    ImportFormat,
    ImportProblem,
    ImportResult,
    entries_to_csv,
    export_file,
    export_file_counted,
    import_data,
    merge_into_tables,
    sessions_to_csv,
)

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=CET)
LATER = datetime(2026, 3, 20, 20, 0, tzinfo=CET)
"""When the tests import: after every record's moment."""


def _import(content: bytes, now: datetime = LATER, **kwargs: Any) -> ImportResult:
    return import_data(content, now=now, known_schema=1, **kwargs)


def _problems(content: bytes, now: datetime = LATER, **kwargs: Any) -> list[ImportProblem]:
    with pytest.raises(ImportFailed) as caught:
        _import(content, now, **kwargs)
    return list(caught.value.problems)


def _without(content: bytes, *columns: str, change: dict[str, str] | None = None) -> bytes:
    """An exported CSV with `columns` deleted and the first row's cells `change`d, as a
    person does it in a spreadsheet."""
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    rows[0].update(change or {})
    kept = [name for name in rows[0] if name not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, kept, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _replaced(
    diary: list[DiaryEntry], plan: ImportResult, table: str = "entries"
) -> list[dict[str, Any]]:
    """The table's records after "Import, replace mine", oldest first."""
    tables = {table: {str(i + 1): r.to_dict() for i, r in enumerate(diary)}}
    merged = merge_into_tables(tables, plan, replace=True)[table]
    return sorted(merged.values(), key=lambda d: d.get("at") or d.get("started_at"))


@pytest.fixture
def diary() -> list[DiaryEntry]:
    """Three mornings with everything a spreadsheet might lose: notes, tags, medication,
    where it hurts and a flare-up."""
    return [
        new_entry(
            now=NOW,
            at=NOW - timedelta(days=d),
            pain=3 + d,
            stress=4,
            note=f"walked {d} km",
            tags=["work"],
            medication=(Medication("ibuprofen", "400 mg"),),
            regions=["lower_back_left"],
            flare_up=d == 0,
        )
        for d in range(3)
    ]


# -- 1: a column the file does not have keeps what is stored ----------------------------------


def test_replace_with_a_csv_lacking_columns_keeps_what_they_held(diary: list[DiaryEntry]) -> None:
    oldest = diary[-1]
    edited = _without(
        entries_to_csv(diary),
        "note",
        "tags",
        "medication",
        "regions",
        "flare_up",
        change={"pain": "9"},
    )

    plan = _import(edited, existing_entries=diary)

    # Equal in every column the file has: the same entry, not one that differs.
    assert (plan.entries, plan.duplicates, len(plan.conflicts)) == ((), 2, 1)
    assert plan.conflicts[0].id == oldest.id
    after = _replaced(diary, plan)
    assert after[0] == {**oldest.to_dict(), "pain": 9}
    assert after[1:] == [e.to_dict() for e in reversed(diary[:-1])]


def test_a_column_the_file_has_is_taken_as_it_is_even_when_emptied(
    diary: list[DiaryEntry],
) -> None:
    edited = _without(entries_to_csv(diary), "tags", change={"note": "", "medication": ""})
    plan = _import(edited, existing_entries=diary)
    (conflict,) = plan.conflicts
    assert "note" not in conflict.record
    assert "medication" not in conflict.record
    assert conflict.record["tags"] == ["work"]
    assert conflict.record["regions"] == ["lower_back_left"]


def test_a_csv_of_days_without_times_keeps_each_entry_at_its_time(
    diary: list[DiaryEntry],
) -> None:
    """A sheet with the day but neither `at` nor `time` says nothing about the hour."""
    edited = _without(entries_to_csv(diary), "at", "time", change={"pain": "9"})
    plan = _import(edited, existing_entries=diary)
    (conflict,) = plan.conflicts
    assert plan.duplicates == 2
    assert conflict.record["at"] == diary[-1].at.isoformat()
    assert conflict.record["pain"] == 9


def test_a_session_csv_lacking_columns_keeps_them_on_replace() -> None:
    start = datetime(2026, 3, 3, 18, 0, tzinfo=CET)
    stored = Session(
        program_id="core-basics",
        program_name="Core basics",
        level=Level.BEGINNER,
        started_at=start,
        ended_at=start + timedelta(minutes=12),
        planned_s=720,
        done_s=600,
        steps_done=10,
        steps_skipped=2,
        completed=False,
        stopped_reason=StopReason.PAIN,
        pain_before=4,
        pain_after=6,
        effort=7,
        note="sharp in the left side",
    )
    edited = _without(
        sessions_to_csv([stored]), "note", "effort", "pain_before", change={"pain_after": "5"}
    )
    plan = _import(edited, existing_sessions=[stored])
    (conflict,) = plan.conflicts
    assert conflict.record == {**stored.to_dict(), "pain_after": 5}
    # Values of the file that cannot stand with the stored ones are named, not stored.
    clash = _without(sessions_to_csv([stored]), "stopped_reason", change={"completed": "yes"})
    (problem,) = _problems(clash, existing_sessions=[stored])
    assert (problem.line, problem.field) == (2, "stopped_reason")


def test_a_whole_json_record_still_replaces_the_whole_record(diary: list[DiaryEntry]) -> None:
    """The JSON export leaves unset fields out: there, a missing key means "none"."""
    copy = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "schema": 1,
        "tables": {"entries": [{"id": diary[0].id, "at": diary[0].at.isoformat(), **_scores()}]},
    }
    plan = _import(json.dumps(copy).encode(), existing_entries=diary)
    (conflict,) = plan.conflicts
    assert "note" not in conflict.record
    assert "tags" not in conflict.record


def _scores() -> dict[str, int]:
    return {"pain": 1, "stress": 1}


# -- 2: tags and regions as the diary form keeps them -----------------------------------------


def test_imported_tags_are_trimmed_lower_case_and_once_each() -> None:
    plan = _import(
        b"id,at,pain,stress,tags,regions\r\n"
        b",2026-03-02T09:00:00+01:00,4,5,Work; Work ;  sitting,thigh_left; lower_back_left\r\n"
    )
    (entry,) = plan.entries
    assert entry.tags == ("work", "sitting")
    assert entry.regions == ("lower_back_left", "thigh_left")
    copy = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "schema": 1,
        "tables": {
            "entries": [
                {
                    "id": "e1",
                    "at": "2026-03-02T09:00:00+01:00",
                    **_scores(),
                    "tags": [" Garden", "garden"],
                    "regions": ["thigh_left", "lower_back_left"],
                }
            ]
        },
    }
    (from_json,) = _import(json.dumps(copy).encode()).entries
    assert from_json.tags == ("garden",)
    assert from_json.regions == ("lower_back_left", "thigh_left")


# -- 3: a spreadsheet imported again -----------------------------------------------------------


@pytest.fixture
def amsterdam() -> Iterator[None]:
    """A zone with summer time: the clocks skip an hour on 29 March 2026."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


WEEK_1 = b"datum,pijn,stress,notitie\r\n2026-03-02,4,5,stijf\r\n2026-03-03,3,4,\r\n"


@pytest.mark.usefixtures("amsterdam")
def test_a_spreadsheet_imported_again_after_an_edit_in_the_app_adds_nothing_twice() -> None:
    first = list(_import(WEEK_1).entries)
    first[0] = first[0].replace(tags=("werk",))  # a tag added on the Diary page
    week_2 = WEEK_1 + b"2026-03-09,5,6,druk\r\n"

    plan = _import(week_2, existing_entries=first)

    assert [(e.at.date().isoformat(), e.note) for e in plan.entries] == [("2026-03-09", "druk")]
    assert (plan.duplicates, plan.conflicts) == (2, ())


@pytest.mark.usefixtures("amsterdam")
def test_a_day_changed_in_the_spreadsheet_is_a_conflict_that_keeps_the_apps_tags() -> None:
    first = list(_import(WEEK_1).entries)
    first[0] = first[0].replace(tags=("werk",))
    changed = WEEK_1.replace(b"2026-03-02,4,5,stijf", b"2026-03-02,6,5,stijf")

    plan = _import(changed, existing_entries=first)

    assert (plan.entries, plan.duplicates) == ((), 1)
    (conflict,) = plan.conflicts
    assert (conflict.line, conflict.id) == (2, first[0].id)
    assert "line 2, datum: the entry of 2026-03-02T12:00:00+01:00" in str(conflict)
    (after, _other) = _replaced(first, plan)
    assert after == {**first[0].to_dict(), "pain": 6}


@pytest.mark.usefixtures("amsterdam")
def test_a_second_row_for_a_day_is_a_new_entry_beside_the_one_it_matches() -> None:
    """Each stored entry is one row's: the row equal to it first, whatever the order."""
    first = list(_import(b"date,pain,stress\r\n2026-03-02,4,5\r\n").entries)
    plan = _import(
        b"date,pain,stress\r\n2026-03-02,7,7\r\n2026-03-02,4,5\r\n", existing_entries=first
    )
    assert [(e.pain, e.stress) for e in plan.entries] == [(7, 7)]
    assert (plan.duplicates, plan.conflicts) == (1, ())


# -- 12: the hour the clocks skip --------------------------------------------------------------

WINTER = datetime(2026, 12, 1, 12, 0, tzinfo=CET)
"""An import after both of 2026's clock changes."""


@pytest.mark.usefixtures("amsterdam")
@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"date,time,pain,stress\r\n2026-03-28,02:30,5,5\r\n2026-03-29,02:30,3,3\r\n", "time"),
        (b"id,at,pain,stress\r\n,2026-03-28T02:30,5,5\r\n,2026-03-29T02:30,3,3\r\n", "at"),
        (b"datum,pijn,stress\r\n2026-03-28T02:30,5,5\r\n2026-03-29T02:30,3,3\r\n", "datum"),
    ],
)
def test_a_local_time_the_clocks_skipped_is_refused_on_its_line(content: bytes, field: str) -> None:
    (problem,) = _problems(content, WINTER)
    assert (problem.line, problem.field) == (3, field)
    assert problem.message == (
        "2026-03-29 02:30 does not exist on this computer's clock (the clocks moved that day)"
    )


@pytest.mark.usefixtures("amsterdam")
def test_the_hour_that_happens_twice_and_a_time_with_its_offset_are_taken() -> None:
    plan = _import(
        b"id,date,time,at,pain,stress\r\n"
        b",2026-10-25,02:30,,4,4\r\n"
        b",2026-03-29,03:30,2026-03-29T03:30:00+02:00,3,3\r\n",
        WINTER,
    )
    assert [e.at.strftime("%Y-%m-%d %H:%M") for e in plan.entries] == [
        "2026-10-25 02:30",
        "2026-03-29 03:30",
    ]


# -- 6: a line that breaks the CSV rules is a line to mend ------------------------------------


def test_csv_quote_problems_name_their_row_and_a_fhir_bundle_is_the_wrong_file() -> None:
    (quote,) = _problems(b'date,pain,stress,note\r\n2026-03-01,4,5,a\r\n2026-03-02,4,5,"open\r\n')
    assert (quote.line, quote.field) == (3, "row")
    assert quote.field not in FILE_PROBLEM_FIELDS
    (bad,) = _problems(b'date,pain,stress\r\n2026-03-01,"4"x,5\r\n')
    assert (bad.line, bad.field) == (2, "row")
    (fhir,) = _problems(b'{"resourceType": "Bundle", "type": "collection", "entry": []}')
    assert fhir.field in FILE_PROBLEM_FIELDS


# -- 5 and 11: how much a plan adds and an export holds ---------------------------------------


def test_a_plan_counts_every_table_in_export_order() -> None:
    plan = ImportResult(
        format=ImportFormat.JSON_EXPORT,
        records={"flares": ({"id": "f"},), "activities": ({"id": "a"}, {"id": "b"})},
    )
    counts = plan.counts()
    assert list(counts) == list(EXPORT_TABLES)
    assert {name: n for name, n in counts.items() if n} == {"activities": 2, "flares": 1}


def test_an_export_says_how_many_records_it_holds(diary: list[DiaryEntry]) -> None:
    tables = {
        "entries": {str(i + 1): e.to_dict() for i, e in enumerate(diary)},
        "settings": {"1": {"language": "nl"}},
    }
    common: dict[str, Any] = {
        "tables": tables,
        "entries": diary,
        "sessions": [],
        "schema": 1,
        "app_version": "1",
        "now": LATER,
    }
    day = diary[0].at.date()
    assert export_file_counted("entries_csv", **common, start=day, end=day) == (
        export_file("entries_csv", **common, start=day, end=day),
        1,
    )
    assert export_file_counted("fhir", **common)[1] == 3
    assert export_file_counted("json", **common)[1] == 3 + 1  # the settings are a record too
    assert export_file_counted("sessions_csv", **common)[1] == 0
    later = day + timedelta(days=30)
    assert export_file_counted("entries_csv", **common, start=later, end=later)[1] == 0
