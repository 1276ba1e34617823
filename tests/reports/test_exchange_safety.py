"""Imports that must not make data up (issue 15): cut rows, unclosed quotes, NUL, round trips."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rugdiary.cli import main
from rugdiary.core.diary import (
    MAX_TAG_CHARS,
    DiaryEntry,
    Medication,
    ValidationError,
    normalize_tags,
)
from rugdiary.reports.exchange import (
    ImportFailed,
    ImportProblem,
    ImportResult,
    entries_to_csv,
    import_data,
    sessions_to_csv,
)
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def _import(content: bytes, **kwargs: Any) -> ImportResult:
    return import_data(content, now=NOW, known_schema=1, **kwargs)


def _problems(content: bytes) -> list[ImportProblem]:
    with pytest.raises(ImportFailed) as caught:
        _import(content)
    return list(caught.value.problems)


def _entry(**changes: Any) -> DiaryEntry:
    fields: dict[str, Any] = {"at": NOW, "pain": 3, "stress": 10, "created": NOW, "updated": NOW}
    return DiaryEntry(**{**fields, **changes})


# -- 1: a row with fewer values than the header, or a file cut inside its last row -------------


def test_entries_csv_cut_inside_the_last_value_is_an_error_on_that_line() -> None:
    full = entries_to_csv([_entry(), _entry(pain=4)])
    assert full.endswith(b"\r\n")
    row = full.split(b"\r\n")[2]
    at_stress = full.rindex(row) + row.index(b",4,10,") + len(b",4,1")
    for cut in (full[:at_stress], full[: len(full) - 2], full[: len(full) - 5]):
        problems = _problems(cut)
        assert [(p.line, p.field) for p in problems][:1] == [(3, "row")], cut[-30:]


def test_sessions_csv_without_its_last_line_end_is_refused() -> None:
    from rugdiary.core.exercises import Level
    from rugdiary.core.sessions import Session

    session = Session(
        program_id="core",
        program_name="Core",
        level=Level.BEGINNER,
        started_at=NOW,
        ended_at=NOW + timedelta(minutes=10),
        planned_s=600,
        done_s=600,
        steps_done=5,
        steps_skipped=0,
        completed=True,
    )
    full = sessions_to_csv([session])
    (problem,) = _problems(full[:-2])
    assert (problem.line, problem.field) == (2, "row")


def test_a_short_row_in_the_middle_names_its_line() -> None:
    content = b"date,pain,stress,note\r\n2026-02-27,1,2,a\r\n2026-02-28,3\r\n2026-03-01,4,5,c\r\n"
    (problem,) = _problems(content)
    assert (problem.line, problem.field) == (3, "row")
    assert "2 values" in problem.message


def test_a_simple_csv_cut_inside_its_last_value_is_refused() -> None:
    """The reported case: "2026-03-01,3,10" cut to "...,3,1" would import stress 1."""
    (problem,) = _problems(b"date,pain,stress\r\n2026-02-28,2,2\r\n2026-03-01,3,1")
    assert (problem.line, problem.field) == (3, "row")
    assert "cut off" in problem.message
    for whole in (b"\r\n", b"\r\n  ", b"\r\n,,", b"\n\n"):
        plan = _import(b"date,pain,stress\r\n2026-02-28,2,2\r\n2026-03-01,3,10" + whole)
        assert [e.stress for e in plan.entries] == [2, 10], whole


# -- 16: an unclosed quote is reported where it opened ------------------------------------------


def test_an_unclosed_quote_is_reported_on_the_line_it_opened() -> None:
    lines = [
        "date,pain,stress,note",
        "2026-03-01,1,2,fine",
        '2026-03-02,3,4,"never closed',
        "2026-03-03,5,6,more",
        "2026-03-04,7,8,and more",
        "",
    ]
    problems = _problems("\n".join(lines).encode())
    assert [(p.line, p.field) for p in problems] == [(3, "row")]
    assert "quote" in problems[0].message


# -- 15: one rule for NUL and broken characters everywhere ---------------------------------------


def test_a_nul_in_a_json_import_is_refused_like_in_add() -> None:
    with pytest.raises(ValidationError, match="note"):
        _entry(note="a\x00b")
    content = (
        b'{"format": "rugdiary-export", "version": 1, "schema": 1, "tables": {\n'
        b' "entries": [\n'
        b'  {"id": "x", "at": "2026-03-01T09:00:00+01:00", "pain": 1, "stress": 1, '
        b'"note": "a\\u0000b"}\n'
        b" ]}}\n"
    )
    (problem,) = _problems(content)
    assert (problem.line, problem.field) == (3, "note")


# -- A diary the app writes exports to CSV and JSON and imports back to the same content ---------

stored_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
one_line = st.text(stored_chars, min_size=1, max_size=40).filter(str.strip)
moments = st.builds(
    lambda naive, minutes: naive.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    # Up to the day before NOW, the import's now: an import refuses the future.
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2026, 3, 1)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
scores = st.one_of(st.none(), st.integers(min_value=0, max_value=10))
entries = st.builds(
    DiaryEntry,
    at=moments,
    pain=st.integers(min_value=0, max_value=10),
    stress=st.integers(min_value=0, max_value=10),
    id=st.uuids().map(str),
    worst_pain=scores,
    sleep=scores,
    mood=scores,
    confidence=scores,
    work_demand=scores,
    support=scores,
    activity_min=st.one_of(st.none(), st.integers(min_value=0, max_value=1440)),
    flare_up=st.booleans(),
    # As the app keeps them: trimmed and lower-case (the import makes a file's so too).
    tags=st.lists(one_line, max_size=4, unique=True)
    .map(normalize_tags)
    .filter(lambda tags: all(len(t) <= MAX_TAG_CHARS for t in tags)),
    medication=st.lists(
        st.builds(Medication, name=one_line, dose=st.text(stored_chars, max_size=20)), max_size=3
    ).map(tuple),
    note=st.text(stored_chars, max_size=200),
    for_physio=st.booleans(),
    created=st.one_of(st.none(), moments),
    updated=st.one_of(st.none(), moments),
)


def _stored(folder: Path) -> list[dict[str, Any]]:
    with Database.open(folder) as db:
        return sorted((e.to_dict() for e in EntryRepository(db).list()), key=lambda d: d["id"])


@settings(max_examples=60)
@given(st.lists(entries, max_size=5, unique_by=(lambda e: e.id, lambda e: e.at)))
def test_any_diary_round_trips_through_csv_and_json(diary: list[DiaryEntry]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with Database.open(root / "mine") as db:
            EntryRepository(db).add_many(diary)
        written = _stored(root / "mine")
        assert len(written) == len(diary)
        for fmt in ("csv", "json"):
            export = root / f"export.{fmt}"
            mine = ["--data-dir", str(root / "mine")]
            assert main([*mine, "export", "--format", fmt, "-o", str(export)]) == 0
            fresh = ["--data-dir", str(root / f"fresh-{fmt}")]
            assert main([*fresh, "import", str(export)]) == 0
            assert _stored(root / f"fresh-{fmt}") == written, fmt


# -- 6: a chart saved over an earlier file is written atomically -----------------------------


def test_a_chart_that_cannot_be_written_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from matplotlib.figure import Figure

    from rugdiary.reports.charts import save_figure

    target = tmp_path / "chart.svg"
    target.write_text("the earlier chart")
    figure = Figure()
    figure.add_subplot().plot([1, 2, 3])

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        save_figure(figure, target)
    monkeypatch.undo()
    assert target.read_text() == "the earlier chart"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]
    assert save_figure(figure, target) == target
    assert target.read_text().lstrip().startswith("<?xml")


def test_a_nul_in_an_imported_session_note_is_refused_too() -> None:
    content = (
        b'{"format": "rugdiary-export", "version": 1, "schema": 1, "tables": {\n'
        b' "sessions": [\n'
        b'  {"id": "s", "program_id": "core", "program_name": "Core", "level": "beginner", '
        b'"started_at": "2026-03-01T09:00:00+01:00", "ended_at": "2026-03-01T09:10:00+01:00", '
        b'"planned_s": 600, "done_s": 600, "steps_done": 5, "steps_skipped": 0, '
        b'"completed": true, "note": "a\\u0000b"}\n'
        b" ]}}\n"
    )
    (problem,) = _problems(content)
    assert (problem.line, problem.field) == (3, "note")


def test_rows_dated_on_a_later_day_are_refused_by_line() -> None:
    """A year typed wrong (2062) would stand at the end of every chart: named, not kept.
    A row later today passes, and so does one just past midnight within the hour that
    two computers' clocks may differ."""
    content = (
        b"at,pain,stress\r\n"
        b"2026-03-02T09:50:00+01:00,1,2\r\n"
        b"2062-03-01T09:00:00+01:00,3,4\r\n"
        b"2026-03-02T23:30:00+01:00,5,6\r\n"
        b"2026-03-03T00:30:00+01:00,5,6\r\n"
    )
    problems = _problems(content)
    assert [(p.line, p.field) for p in problems] == [(3, "at"), (5, "at")]
    assert all("lies in the future" in p.message for p in problems)


def test_a_spreadsheet_row_for_today_imports_in_the_morning() -> None:
    """A date without a time stands at noon: at 09:00 today's row was refused."""
    plan = _import(b"date,pain,stress\r\n2026-03-02,4,3\r\n")
    assert [e.pain for e in plan.entries] == [4]
    (problem,) = _problems(b"date,pain,stress\r\n2026-03-02,4,3\r\n2026-03-04,1,1\r\n")
    assert (problem.line, problem.field) == (3, "date")


def test_future_records_in_a_json_export_are_refused() -> None:
    document = (
        '{"format": "rugdiary-export", "version": 1, "schema": 1, "tables": {\n'
        ' "activity_scores": [\n'
        '  {"id": "s1", "activity_id": "walk", "at": "2026-03-01T09:00:00+01:00", "score": 4},\n'
        '  {"id": "s2", "activity_id": "walk", "at": "2036-03-01T09:00:00+01:00", "score": 4}\n'
        " ],\n"
        ' "flares": [\n'
        '  {"id": "f1", "start": "2027-01-01T09:00:00+01:00", "end": null},\n'
        '  {"id": "f2", "start": "2026-02-01T09:00:00+01:00", "end": "2062-02-03T09:00:00+01:00"}\n'
        " ],\n"
        ' "sitting": [\n'
        '  {"day": "2026-03-09", "active_s": 600, "longest_s": 600, "taken": 0, "skipped": 0, '
        '"natural": 0}\n'
        " ]\n"
        "}}\n"
    )
    problems = _problems(document.encode())
    assert [(p.line, p.field) for p in problems] == [
        (4, "at"),
        (7, "start"),
        (8, "end"),
        (11, "day"),
    ]


def test_a_future_record_already_in_the_diary_does_not_block_its_copy() -> None:
    """A copy made by RugDiary imports again, even if it holds a mistyped later date."""
    ahead = _entry(at=NOW + timedelta(days=400), created=NOW, updated=NOW)
    today = _entry(at=NOW - timedelta(hours=1), created=NOW, updated=NOW)
    content = entries_to_csv([ahead, today])
    plan = _import(content, existing_entries=[ahead])
    assert list(plan.entries) == [today]
    assert plan.duplicates == 1


def test_moments_without_an_offset_are_local_time_and_checked_too() -> None:
    document = (
        '{"format": "rugdiary-export", "version": 1, "schema": 1, "tables": {\n'
        ' "flares": [\n'
        '  {"id": "f1", "start": "2062-01-01T09:00", "end": null}\n'
        " ]\n"
        "}}\n"
    )
    (problem,) = _problems(document.encode())
    assert (problem.line, problem.field) == (3, "start")


def test_a_far_eastern_offset_does_not_carry_tomorrow_in() -> None:
    """At 09:00 (+01:00) on 2 March, 23:30 on 3 March at +14:00 is only 13.5 hours
    ahead, but the diary would file it under tomorrow."""
    (problem,) = _problems(b"at,pain,stress\r\n2026-03-03T23:30:00+14:00,1,2\r\n")
    assert (problem.line, problem.field) == (2, "at")
    # At -12:00 it is still 1 March: 20:00 on 2 March there is a day ahead.
    (problem,) = _problems(b"at,pain,stress\r\n2026-03-02T20:00:00-12:00,1,2\r\n")
    assert (problem.line, problem.field) == (2, "at")
    plan = _import(b"at,pain,stress\r\n2026-03-01T10:00:00-12:00,1,2\r\n")
    assert len(plan.entries) == 1


def test_a_dutch_spreadsheet_is_told_about_its_own_column_and_day() -> None:
    (problem,) = _problems(b"datum,pijn,stress\r\n2026-03-04,1,2\r\n")
    assert (problem.line, problem.field) == (2, "datum")
    assert problem.message == "2026-03-04 lies in the future"


def test_a_damaged_stored_record_is_a_conflict_not_a_twin() -> None:
    """A stored entry that no longer validates is left out of the readable ones; the
    file's entry with its id was added beside it, two records under one id."""
    from rugdiary.reports.exchange import merge_into_tables

    good = _entry(at=NOW - timedelta(days=1), created=NOW, updated=NOW)
    damaged = {**good.to_dict(), "pain": 15}
    tables = {"entries": {"1": damaged}}
    plan = _import(entries_to_csv([good]), existing_records={"entries": tables["entries"].values()})
    assert plan.entries == ()
    ((conflict),) = plan.conflicts
    assert (conflict.table, conflict.id) == ("entries", good.id)
    mended = merge_into_tables(tables, plan, replace=True)
    assert list(mended["entries"].values()) == [good.to_dict()]
