"""Exports and all-or-nothing imports: round trips, FHIR structure, line-numbered errors."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rugdiary.core.body_regions import REGION_IDS
from rugdiary.core.diary import (
    MAX_TAG_CHARS,
    DiaryEntry,
    Medication,
    new_entry,
    normalize_regions,
    normalize_tags,
)
from rugdiary.core.exercises import Exercise, Level
from rugdiary.core.programs import Program
from rugdiary.core.sessions import Session, StopReason
from rugdiary.reports.exchange import (
    ENTRY_CSV_COLUMNS,
    EXPORT_FORMAT,
    MAX_REPORTED_PROBLEMS,
    SESSION_CSV_COLUMNS,
    ImportFailed,
    ImportFormat,
    ImportProblem,
    ImportResult,
    describe_csv_columns,
    detect_format,
    entries_to_csv,
    export_fhir,
    export_json,
    fhir_bundle,
    filter_entries,
    import_data,
    in_period,
    merge_into_tables,
    sessions_to_csv,
)

FIXTURES = Path(__file__).parent / "fixtures"
RESOURCES = Path(__file__).parents[2] / "resources"
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=CET)
LATER = datetime(2026, 7, 9, 20, 15, tzinfo=CET)
"""When a test imports: after every fixture's moment, since an import refuses the future."""
SCHEMA = 1

# The FHIR R4 dateTime regex (datatypes.html#dateTime), anchored; a time needs an offset.
FHIR_DATETIME = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
    r"(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?"
    r"(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
FHIR_INSTANT = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-"
    r"(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
    r"(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
)
FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
URN_UUID = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _import(content: bytes, **kwargs: Any) -> ImportResult:
    return import_data(content, now=LATER, known_schema=SCHEMA, **kwargs)


def _problems(content: bytes, **kwargs: Any) -> list[ImportProblem]:
    with pytest.raises(ImportFailed) as caught:
        _import(content, **kwargs)
    assert caught.value.problems, "ImportFailed must carry at least one problem"
    return list(caught.value.problems)


def _where(problems: list[ImportProblem]) -> set[tuple[int, str]]:
    return {(p.line, p.field) for p in problems}


@pytest.fixture
def entries() -> list[DiaryEntry]:
    """Three entries that exercise every column, escapes, Unicode and formula-like text."""
    return [
        new_entry(
            now=NOW,
            pain=5,
            stress=7,
            worst_pain=8,
            sleep=3,
            mood=4,
            confidence=6,
            work_demand=9,
            support=2,
            activity_min=35,
            flare_up=True,
            for_physio=True,
            tags=["sitting", "deadline; day", "a|b\\c"],
            medication=(Medication("ibuprofen", "400 mg"), Medication("para|cet;amol")),
            note='Zoë: "stiff", worse after sitting;\nbetter after a walk',
        ),
        new_entry(
            now=NOW + timedelta(days=1, hours=13, minutes=7),
            pain=2,
            stress=3,
            note='=HYPERLINK("http://x")',
        ),
        DiaryEntry(
            at=datetime(2026, 6, 30, 23, 30, tzinfo=CEST),
            pain=0,
            stress=10,
            tags=("'quoted",),
            note="-2 after stretching",
            created=datetime(2026, 7, 1, 8, 0, tzinfo=CEST),
            updated=datetime(2026, 7, 2, 8, 0, tzinfo=CEST),
        ),
    ]


@pytest.fixture
def sessions() -> list[Session]:
    start = datetime(2026, 3, 3, 18, 0, tzinfo=CET)
    return [
        Session(
            program_id="core-basics",
            program_name="Core basics, ë",
            level=Level.BEGINNER,
            started_at=start,
            ended_at=start + timedelta(minutes=21),
            planned_s=1200,
            done_s=1180,
            steps_done=14,
            steps_skipped=1,
            completed=True,
            pain_before=4,
            pain_after=3,
            effort=5,
        ),
        Session(
            program_id="mobility",
            program_name="Mobility",
            level=Level.INTERMEDIATE,
            started_at=start + timedelta(days=2),
            ended_at=start + timedelta(days=2, minutes=5),
            planned_s=900,
            done_s=300,
            steps_done=3,
            steps_skipped=0,
            completed=False,
            stopped_reason=StopReason.PAIN,
            pain_before=5,
        ),
    ]


def _first_resource(folder: str) -> dict[str, Any]:
    paths = sorted((RESOURCES / folder).glob("*.json"))
    if not paths:
        pytest.skip(f"no {folder} in resources/")
    data: dict[str, Any] = json.loads(paths[0].read_text("utf-8"))
    return data


@pytest.fixture
def tables(entries: list[DiaryEntry], sessions: list[Session]) -> dict[str, dict[str, Any]]:
    """A data folder's raw TinyDB tables, with gaps in the doc ids as after deletions."""
    program = Program.from_dict(_first_resource("programs")).to_dict()
    program["id"] = "my-own-program"
    exercise = Exercise.from_dict(_first_resource("exercises")).to_dict()
    exercise["id"] = "my-own-exercise"
    return {
        "_meta": {"1": {"schema": SCHEMA, "app_version": "0.1.0", "created": NOW.isoformat()}},
        "entries": {str(i): e.to_dict() for i, e in zip((1, 4, 10), entries, strict=True)},
        "sessions": {str(i + 1): s.to_dict() for i, s in enumerate(sessions)},
        "programs": {"1": program},
        "exercises": {"3": exercise},
        "settings": {"1": {"language": "nl", "theme": "dark", "reminders": ["09:00", "20:00"]}},
    }


def _without_stamp(export: bytes) -> bytes:
    return re.sub(rb'"exported_at": "[^"]*"', b'"exported_at": ""', export)


# ---------------------------------------------------------------------------
# JSON export
# ---------------------------------------------------------------------------


def test_json_export_is_versioned_and_hides_doc_ids(tables: dict[str, dict[str, Any]]) -> None:
    data = json.loads(export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW))
    assert data["format"] == EXPORT_FORMAT
    assert data["version"] == 1
    assert data["schema"] == SCHEMA
    assert data["app_version"] == "0.1.0"
    assert data["exported_at"] == NOW.isoformat()
    assert set(data["tables"]) == {
        "entries",
        "sessions",
        "programs",
        "exercises",
        "settings",
        "activities",
        "activity_scores",
        "flares",
        "sitting",
    }
    assert all(isinstance(records, list) for records in data["tables"].values())
    assert [r["id"] for r in data["tables"]["entries"]] == [
        tables["entries"][k]["id"] for k in ("1", "4", "10")
    ]
    assert data["tables"]["settings"] == [tables["settings"]["1"]]


def test_json_round_trip_into_an_empty_folder_is_identical(
    tables: dict[str, dict[str, Any]],
) -> None:
    first = export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW)
    plan = _import(first)
    assert plan.format is ImportFormat.JSON_EXPORT
    assert (len(plan.entries), len(plan.sessions), plan.duplicates) == (3, 2, 0)
    rebuilt = merge_into_tables({}, plan)
    second = export_json(rebuilt, schema=SCHEMA, app_version="0.1.0", exported_at=LATER)
    assert first != second  # the stamp differs ...
    assert _without_stamp(first) == _without_stamp(second)  # ... and nothing else


def test_json_import_into_the_same_folder_only_counts_duplicates(
    tables: dict[str, dict[str, Any]], entries: list[DiaryEntry], sessions: list[Session]
) -> None:
    export = export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW)
    existing = {name: list(docs.values()) for name, docs in tables.items()}
    plan = _import(
        export, existing_entries=entries, existing_sessions=sessions, existing_records=existing
    )
    assert plan.entries == ()
    assert plan.sessions == ()
    assert all(not docs for docs in plan.records.values())
    assert plan.duplicates == 3 + 2 + 1 + 1  # entries, sessions, program, exercise
    assert plan.settings_skipped == 1  # the folder's own settings win


def test_json_export_period_limits_the_dated_records_only(
    tables: dict[str, dict[str, Any]],
) -> None:
    tables = {
        **tables,
        "activities": {
            "1": {"id": "walk", "name": "Walking to the shop", "created": NOW.isoformat()}
        },
        "activity_scores": {
            str(i): {"id": f"s{i}", "activity_id": "walk", "at": at, "score": 4}
            for i, at in enumerate(
                (
                    "2026-03-02T21:00:00+01:00",
                    "2026-03-03T08:00:00+01:00",
                    "2026-04-01T08:00:00+02:00",
                ),
                start=1,
            )
        },
        "flares": {
            "1": {
                "id": "before",
                "start": "2026-02-20T09:00:00+01:00",
                "end": "2026-03-02T09:00:00+01:00",
            },
            "2": {
                "id": "into",
                "start": "2026-02-28T09:00:00+01:00",
                "end": "2026-03-04T09:00:00+01:00",
            },
            "3": {"id": "running", "start": "2026-03-30T09:00:00+02:00", "end": None},
            "4": {"id": "after", "start": "2026-04-01T09:00:00+02:00", "end": None},
        },
    }
    export = export_json(
        tables,
        schema=SCHEMA,
        app_version="0.1.0",
        exported_at=NOW,
        start=date(2026, 3, 3),
        end=date(2026, 3, 31),
    )
    data = json.loads(export)["tables"]
    assert [e["at"][:10] for e in data["entries"]] == ["2026-03-03"]
    assert [s["started_at"][:10] for s in data["sessions"]] == ["2026-03-03", "2026-03-05"]
    # A score counts on its own day; a flare-up belongs when it shares a day with the period.
    assert [s["id"] for s in data["activity_scores"]] == ["s2"]
    assert [f["id"] for f in data["flares"]] == ["into", "running"]
    # What the dated records refer to travels whole.
    assert len(data["programs"]) == len(data["exercises"]) == len(data["settings"]) == 1
    assert [a["id"] for a in data["activities"]] == ["walk"]


def test_json_record_errors_name_the_record_line_and_every_bad_field() -> None:
    good = {"id": "a", "at": "2026-03-02T09:00:00+01:00", "pain": 1, "stress": 2}
    bad = {"at": "yesterday", "pain": 11, "stress": 2, "mood": "ok", "colour": "red"}
    document = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "schema": SCHEMA,
        "tables": {"entries": [good, bad], "planets": []},
    }
    text = json.dumps(document, indent=1).encode()
    lines = text.decode().splitlines()
    # With indent=1 the second record opens on the line after the first one closes.
    opens = [i + 1 for i, line in enumerate(lines) if line.strip() == "{"]
    bad_line = opens[2]  # document, first record, second record
    problems = _problems(text)
    assert _where(problems) >= {
        (bad_line, "at"),
        (bad_line, "pain"),
        (bad_line, "mood"),
        (bad_line, "colour"),
    }
    assert any(p.field == "planets" for p in problems)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"version": 2}, "version", "newer RugDiary"),
        ({"schema": SCHEMA + 1}, "schema", "newer"),
        ({"format": "something-else"}, "format", "not a RugDiary export"),
        ({"tables": []}, "tables", "object"),
    ],
)
def test_json_envelope_problems_are_refused(change: dict[str, Any], field: str, words: str) -> None:
    document = {"format": EXPORT_FORMAT, "version": 1, "schema": SCHEMA, "tables": {}}
    document.update(change)
    (problem,) = _problems(json.dumps(document).encode())
    assert problem.field == field
    assert words in problem.message


def test_fhir_bundle_is_not_mistaken_for_an_export(entries: list[DiaryEntry]) -> None:
    (problem,) = _problems(export_fhir(entries, generated_at=NOW))
    assert problem.field == "resourceType"


def test_invalid_json_names_the_line() -> None:
    (problem,) = _problems(b'{\n "format": "rugdiary-export",\n "version": 1,,\n}')
    assert (problem.line, problem.field) == (3, "file")


def test_json_lone_surrogate_is_refused() -> None:
    record = '{"at": "2026-03-02T09:00:00+01:00", "pain": 1, "stress": 2, "note": "\\ud800"}'
    envelope = f'"format": "{EXPORT_FORMAT}", "version": 1, "schema": 1'
    text = f'{{{envelope}, "tables": {{"entries": [{record}]}}}}'
    (problem,) = _problems(text.encode())
    assert problem.field == "note"


# ---------------------------------------------------------------------------
# CSV export and its round trip
# ---------------------------------------------------------------------------


def test_entries_csv_layout(entries: list[DiaryEntry]) -> None:
    raw = entries_to_csv(entries)
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Windows reads UTF-8 correctly
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(ENTRY_CSV_COLUMNS)
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["date"] for r in rows] == ["2026-03-02", "2026-03-03", "2026-06-30"]
    first = rows[0]
    assert first["time"] == "09:00"
    assert first["at"] == "2026-03-02T09:00:00+01:00"
    assert first["flare_up"] == first["for_physio"] == "yes"
    assert first["tags"] == "sitting; deadline\\; day; a\\|b\\\\c"
    assert first["medication"] == "ibuprofen|400 mg; para\\|cet\\;amol"
    assert rows[1]["note"].startswith("'=HYPERLINK")  # a formula shows as text
    assert rows[2]["note"] == "'-2 after stretching"
    assert rows[2]["worst_pain"] == ""


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_entries_csv_round_trip_gives_equal_entries(
    entries: list[DiaryEntry], delimiter: str
) -> None:
    raw = entries_to_csv(entries, delimiter=delimiter)
    assert raw.decode("utf-8-sig").splitlines()[0] == delimiter.join(ENTRY_CSV_COLUMNS)
    plan = _import(raw)
    assert plan.format is ImportFormat.ENTRIES_CSV
    assert sorted(plan.entries, key=lambda e: e.id) == sorted(entries, key=lambda e: e.id)
    assert plan.duplicates == 0


def test_a_csv_export_takes_only_a_comma_or_a_semicolon(sessions: list[Session]) -> None:
    assert sessions_to_csv(sessions, delimiter=";").decode("utf-8-sig").startswith("id;date;")
    with pytest.raises(ValueError, match="delimiter"):
        sessions_to_csv(sessions, delimiter="|")


def test_sessions_csv_round_trip(sessions: list[Session]) -> None:
    raw = sessions_to_csv(sessions)
    assert raw.decode("utf-8-sig").splitlines()[0] == ",".join(SESSION_CSV_COLUMNS)
    plan = _import(raw)
    assert plan.format is ImportFormat.SESSIONS_CSV
    assert list(plan.sessions) == sessions
    again = _import(raw, existing_sessions=sessions)
    assert (again.sessions, again.duplicates) == ((), 2)


def test_sessions_csv_errors_name_line_and_column(sessions: list[Session]) -> None:
    text = sessions_to_csv(sessions).decode("utf-8-sig")
    text = text.replace("beginner", "expert").replace(",pain,5,", ",pain,55,")
    assert _where(_problems(text.encode())) == {(2, "level"), (3, "pain_before")}


def test_csv_export_period(entries: list[DiaryEntry]) -> None:
    raw = entries_to_csv(entries, start=date(2026, 3, 3), end=date(2026, 6, 30))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    # 30 June 23:30 in summer time is still 30 June, whatever zone runs the export.
    assert [r["date"] for r in rows] == ["2026-03-03", "2026-06-30"]


def test_edited_entries_csv_without_id_adds_new_entries() -> None:
    text = "at,pain,stress,tags\n2026-03-02T08:00:00+01:00,4,5,Sitting; work\n"
    (entry,) = _import(text.encode()).entries
    assert uuid.UUID(entry.id).version == 4
    assert entry.tags == ("sitting", "work")  # as the diary form keeps them
    assert entry.created == entry.updated == LATER


def test_entries_csv_date_must_agree_with_at(entries: list[DiaryEntry]) -> None:
    text = entries_to_csv(entries[:1]).decode("utf-8-sig").replace(",2026-03-02,", ",2026-03-05,")
    (problem,) = _problems(text.encode())
    assert (problem.line, problem.field) == (2, "date")


_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"))
_offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
_moments = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    # Up to a little before LATER, the import's now: an import refuses the future.
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2026, 7, 8)),
    _offsets,
)
_scale = st.none() | st.integers(0, 10)
_entry_strategy = st.builds(
    DiaryEntry,
    at=_moments,
    pain=st.integers(0, 10),
    stress=st.integers(0, 10),
    id=st.uuids().map(str),
    worst_pain=_scale,
    sleep=_scale,
    mood=_scale,
    activity_min=st.none() | st.integers(0, 1440),
    flare_up=st.booleans(),
    # Tags and regions as the app keeps them (the import does the same to a file's).
    tags=st.lists(_text.filter(lambda t: t.strip()).map(lambda t: t[:40]), max_size=4)
    .map(normalize_tags)
    .filter(lambda tags: all(len(t) <= MAX_TAG_CHARS for t in tags)),
    medication=st.lists(
        st.builds(
            Medication,
            name=_text.filter(lambda t: t.strip()).map(lambda t: t[:80]),
            dose=_text.map(lambda t: t[:80]),
        ),
        max_size=3,
    ).map(tuple),
    note=_text.map(lambda t: t[:300]),
    for_physio=st.booleans(),
    regions=st.lists(st.sampled_from(REGION_IDS), unique=True, max_size=4).map(normalize_regions),
    created=st.none() | _moments,
)


@settings(max_examples=150)
@given(
    st.lists(
        _entry_strategy,
        max_size=4,
        unique_by=(lambda e: e.id, lambda e: e.at.astimezone(UTC)),
    )
)
def test_entries_csv_round_trip_for_any_entries(generated: list[DiaryEntry]) -> None:
    plan = _import(entries_to_csv(generated))
    assert sorted(plan.entries, key=lambda e: e.id) == sorted(generated, key=lambda e: e.id)
    assert plan.duplicates == 0


@settings(max_examples=100)
@given(st.lists(_entry_strategy, max_size=4, unique_by=lambda e: e.id))
def test_json_round_trip_for_any_entries(generated: list[DiaryEntry]) -> None:
    tables = {"entries": {str(i + 1): e.to_dict() for i, e in enumerate(generated)}}
    first = export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW)
    plan = _import(first)
    second = export_json(
        merge_into_tables({}, plan), schema=SCHEMA, app_version="0.1.0", exported_at=NOW
    )
    # Entries equal in instant and values are one diary entry to the import.
    assert second == first or plan.duplicates > 0
    assert len(plan.entries) + plan.duplicates == len(generated)


def test_invalid_stored_record_is_exported_and_then_reported(entries: list[DiaryEntry]) -> None:
    broken = {**entries[0].to_dict(), "pain": 12}
    tables = {"entries": {"1": entries[1].to_dict(), "2": broken}}
    export = export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW)
    assert json.loads(export)["tables"]["entries"][1] == broken  # nothing silently dropped
    (problem,) = _problems(export)
    assert problem.field == "pain"
    assert export.decode().splitlines()[problem.line - 1].strip().startswith('{"id"')
    assert '"pain": 12' in export.decode().splitlines()[problem.line - 1]


# ---------------------------------------------------------------------------
# FHIR
# ---------------------------------------------------------------------------


def test_fhir_bundle_structure(entries: list[DiaryEntry]) -> None:
    bundle = json.loads(export_fhir(entries, generated_at=LATER))
    assert bundle["resourceType"] == "Bundle"
    assert bundle["type"] == "collection"
    assert FHIR_INSTANT.fullmatch(bundle["timestamp"])
    items = bundle["entry"]
    assert len(items) == 2 * len(entries)
    full_urls = [item["fullUrl"] for item in items]
    assert len(set(full_urls)) == len(full_urls)
    codes: list[str] = []
    for item in items:
        assert URN_UUID.fullmatch(item["fullUrl"])
        obs = item["resource"]
        assert obs["resourceType"] == "Observation"
        assert obs["status"] == "final"
        assert FHIR_ID.fullmatch(obs["id"])
        assert item["fullUrl"] == f"urn:uuid:{obs['id']}"
        (category,) = obs["category"]
        assert category["coding"] == [
            {
                "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                "code": "survey",
                "display": "Survey",
            }
        ]
        (coding,) = obs["code"]["coding"]
        assert coding["system"] == "http://loinc.org"
        assert coding["display"].strip()
        codes.append(coding["code"])
        assert FHIR_DATETIME.fullmatch(obs["effectiveDateTime"])
        assert "T" in obs["effectiveDateTime"]
        assert type(obs["valueInteger"]) is int
        assert 0 <= obs["valueInteger"] <= 10
        assert "subject" not in obs  # no personal data
        assert not [k for k in obs if k.startswith("value") and k != "valueInteger"]
        assert not [k for k in obs if k.startswith("effective") and k != "effectiveDateTime"]
    assert codes == ["72514-3", "93038-8"] * len(entries)
    pain = items[0]["resource"]
    assert pain["code"]["coding"][0]["display"] == (
        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    )
    assert items[1]["resource"]["code"]["coding"][0]["display"] == "Stress level"
    first = min(entries, key=lambda e: e.at)
    assert pain["valueInteger"] == first.pain
    assert items[1]["resource"]["valueInteger"] == first.stress
    assert pain["effectiveDateTime"] == first.at.isoformat()


def test_fhir_ids_are_stable_across_runs(entries: list[DiaryEntry]) -> None:
    one = fhir_bundle(entries, generated_at=NOW)
    two = fhir_bundle(list(reversed(entries)), generated_at=LATER)
    assert one["entry"] == two["entry"]
    other = fhir_bundle([entries[0].replace(id=str(uuid.uuid4()))], generated_at=NOW)
    assert other["entry"][0]["fullUrl"] not in {item["fullUrl"] for item in one["entry"]}


def test_fhir_odd_utc_offsets_fall_back_to_utc() -> None:
    entry = DiaryEntry(
        at=datetime(2026, 3, 2, 9, 0, 30, tzinfo=timezone(timedelta(minutes=17, seconds=30))),
        pain=1,
        stress=1,
    )
    stamp = fhir_bundle([entry], generated_at=NOW)["entry"][0]["resource"]["effectiveDateTime"]
    assert FHIR_DATETIME.fullmatch(stamp)
    assert stamp == "2026-03-02T08:43:00+00:00"


# ---------------------------------------------------------------------------
# Simple CSV
# ---------------------------------------------------------------------------


@pytest.fixture
def amsterdam() -> Iterator[None]:
    """Run in a zone with summer time, so local noon gets the right offset per date."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


@pytest.mark.usefixtures("amsterdam")
def test_simple_csv_dutch_semicolons_bom_and_quotes() -> None:
    plan = _import((FIXTURES / "simple_nl.csv").read_bytes())
    assert plan.format is ImportFormat.SIMPLE_CSV
    first, second, third = plan.entries
    assert first.at == datetime(2026, 1, 5, 12, 0, tzinfo=CET)
    assert first.at.utcoffset() == timedelta(hours=1)
    assert (first.pain, first.stress) == (4, 6)
    assert first.note == 'Lang gezeten; daarna "stijf", rug voelt raar'
    assert second.note == "Wandeling met Zoë"
    assert third.at == datetime(2026, 7, 1, 18, 45, tzinfo=CEST)
    assert third.at.utcoffset() == timedelta(hours=2)
    assert third.note == ""
    assert all(e.created == e.updated == LATER for e in plan.entries)


def test_simple_csv_comma_full_iso_and_tab() -> None:
    text = 'date,pain,stress,note\n2026-03-02T07:30:00+01:00,3,4,"a, b ""c"" ë"\n'
    (entry,) = _import(text.encode()).entries
    assert entry.at == datetime(2026, 3, 2, 7, 30, tzinfo=CET)
    assert entry.note == 'a, b "c" ë'
    (tabbed,) = _import(b"Date\tPain\tStress\n2026-03-02T07:30:00+01:00\t3\t4\n").entries
    assert (tabbed.at, tabbed.pain, tabbed.stress) == (entry.at, 3, 4)


def test_simple_csv_without_note_and_with_blank_lines() -> None:
    plan = _import(b"pain,stress,date\n\n5,6,2026-03-02\n\n4,4,2026-03-03\n")
    assert [(e.pain, e.stress, e.day.isoformat()) for e in plan.entries] == [
        (5, 6, "2026-03-02"),
        (4, 4, "2026-03-03"),
    ]


def test_detect_format() -> None:
    assert detect_format(b"datum;pijn;stress\n") is ImportFormat.SIMPLE_CSV
    assert detect_format(b"id,at,pain,stress\n") is ImportFormat.ENTRIES_CSV
    assert detect_format(b"started_at,ended_at\n") is ImportFormat.SESSIONS_CSV
    assert detect_format(b' {"format": 1}') is ImportFormat.JSON_EXPORT


# ---------------------------------------------------------------------------
# Errors: all or nothing, each with its line and field
# ---------------------------------------------------------------------------


def test_pain_11_on_line_4_is_reported_there_and_nothing_is_imported() -> None:
    (problem,) = _problems((FIXTURES / "simple_en_pain11.csv").read_bytes())
    assert (problem.line, problem.field) == (4, "pain")
    assert "11" in problem.message


def test_missing_stress_column() -> None:
    (problem,) = _problems(b"date,pain\n2026-03-02,4\n")
    assert (problem.line, problem.field) == (1, "stress")
    assert "missing" in problem.message


def test_dutch_column_names_are_used_in_errors() -> None:
    (problem,) = _problems(b"datum;pijn;stress\n2026-03-02;12;4\n")
    assert (problem.line, problem.field) == (2, "pijn")


def test_unknown_columns_are_named() -> None:
    problems = _problems(b"date,pain,stress,weather,feeling\n2026-03-02,1,2,sun,ok\n")
    assert _where(problems) == {(1, "weather"), (1, "feeling")}
    # `mood` makes it our entries CSV; the unknown column is still named.
    problems = _problems(b"date,pain,stress,mood,weather\n2026-03-02,1,2,3,sun\n")
    assert _where(problems) == {(1, "weather")}
    assert "pain" in problems[0].message  # lists the columns it knows


def test_missing_header_is_explained() -> None:
    (problem,) = _problems(b"2026-03-02,4,5\n")
    assert problem.field == "header"
    assert "date,pain,stress" in problem.message


@pytest.mark.parametrize(
    "value", ["02-03-2026", "2026-02-30", "yesterday", "2026-03-02T25:00", "2026-3-2"]
)
def test_bad_date(value: str) -> None:
    (problem,) = _problems(f"date,pain,stress\n2026-03-01,1,1\n{value},1,1\n".encode())
    assert (problem.line, problem.field) == (3, "date")


@pytest.mark.parametrize("value", ["6,5", "6.5", "six", "1_0", "٣"])
def test_scores_must_be_plain_whole_numbers(value: str) -> None:
    (problem,) = _problems(f'date;pain;stress\n2026-03-01;"{value}";1\n'.encode())
    assert (problem.line, problem.field) == (2, "pain")


def test_every_error_is_reported_at_once_with_physical_lines() -> None:
    text = (
        "date,pain,stress,note\n"  # 1
        '2026-03-01,2,3,"a note\n'  # 2: a note over two lines ...
        'that goes on"\n'  # 3
        "2026-13-01,11,12,\n"  # 4: three bad cells
        "2026-03-03,,4,\n"  # 5: pain missing
        "2026-03-04,1,2,3,4\n"  # 6: too many values
        "2026-03-05,1,2,fine\n"  # 7
    )
    problems = _problems(text.encode())
    assert _where(problems) == {
        (4, "date"),
        (4, "pain"),
        (4, "stress"),
        (5, "pain"),
        (6, "row"),
    }


def test_too_many_problems_are_capped() -> None:
    rows = "".join(f"2026-03-01,{11 + i % 5},1\n" for i in range(MAX_REPORTED_PROBLEMS + 20))
    with pytest.raises(ImportFailed) as caught:
        _import(f"date,pain,stress\n{rows}".encode())
    assert len(caught.value.problems) == MAX_REPORTED_PROBLEMS
    assert caught.value.more == 20
    assert str(caught.value).endswith("... and 20 more")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b" \r\n\t\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("date,pain,stress\n2026-03-01,1,1,caf\xe9\n".encode("latin-1"), "not UTF-8"),
        ("date,pain,stress\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_files_that_are_not_text(content: bytes, words: str) -> None:
    (problem,) = _problems(content)
    assert problem.field == "file"
    assert words in problem.message


def test_wrong_encoding_names_the_line() -> None:
    (problem,) = _problems("date,pain,stress\n2026-03-01,1,1,\ncaf\xe9,1,1\n".encode("latin-1"))
    assert problem.line == 3


# ---------------------------------------------------------------------------
# Duplicates
# ---------------------------------------------------------------------------


def test_duplicates_are_skipped_and_counted() -> None:
    content = (FIXTURES / "simple_nl.csv").read_bytes()
    first = _import(content)
    again = _import(content, existing_entries=first.entries)
    assert (again.entries, again.duplicates) == ((), 3)
    changed = content.replace(b"2026-01-06;3;5", b"2026-01-06;4;5")
    partly = _import(changed, existing_entries=first.entries)
    # The simple CSV has no ids: the day's entry is the one at its moment, now changed.
    assert (partly.entries, partly.duplicates, len(partly.conflicts)) == ((), 2, 1)
    assert partly.conflicts[0].record["pain"] == 4


def test_same_row_twice_in_one_file_counts_once() -> None:
    plan = _import(b"date,pain,stress\n2026-03-01,1,2\n2026-03-01,1,2\n2026-03-01,1,3\n")
    assert (len(plan.entries), plan.duplicates) == (2, 1)


def test_same_id_with_other_values_is_an_error(entries: list[DiaryEntry]) -> None:
    text = entries_to_csv(entries[1:2]).decode("utf-8-sig")
    header, row = text.splitlines()
    changed = row.replace(",2,3,", ",4,3,")
    assert changed != row
    (problem,) = _problems(f"{header}\n{row}\n{changed}\n".encode())
    assert (problem.line, problem.field) == (3, "id")
    assert "line 2" in problem.message


def test_same_id_as_an_existing_entry_with_other_values_is_a_conflict(
    entries: list[DiaryEntry],
) -> None:
    edited = [entries[0].replace(pain=1)]
    plan = _import(entries_to_csv(edited), existing_entries=entries)
    assert (plan.entries, plan.duplicates) == ((), 0)
    (conflict,) = plan.conflicts
    assert (conflict.line, conflict.table, conflict.id) == (2, "entries", entries[0].id)
    assert conflict.record["pain"] == 1
    assert entries[0].id in str(conflict)


def test_same_id_with_the_same_values_is_a_duplicate(entries: list[DiaryEntry]) -> None:
    plan = _import(entries_to_csv(entries[:1]), existing_entries=entries)
    assert (plan.entries, plan.duplicates, plan.conflicts) == ((), 1, ())


# ---------------------------------------------------------------------------
# Helpers for callers
# ---------------------------------------------------------------------------


def test_merge_into_tables_appends_after_existing_doc_ids(entries: list[DiaryEntry]) -> None:
    existing = {"entries": {"7": entries[0].to_dict()}}
    plan = _import(entries_to_csv(entries[1:]))
    merged = merge_into_tables(existing, plan)
    assert sorted(merged["entries"], key=int) == ["7", "8", "9"]
    assert existing == {"entries": {"7": entries[0].to_dict()}}  # input left alone


def test_period_helpers(entries: list[DiaryEntry]) -> None:
    assert in_period(entries[2].at, date(2026, 6, 30), date(2026, 6, 30))
    assert not in_period(entries[2].at, date(2026, 7, 1))
    assert filter_entries(entries, end=date(2026, 3, 2)) == entries[:1]
    with pytest.raises(ValueError, match="after"):
        in_period(NOW, date(2026, 3, 5), date(2026, 3, 1))


def test_column_docs_cover_every_column() -> None:
    table = describe_csv_columns(ENTRY_CSV_COLUMNS)
    for name in ENTRY_CSV_COLUMNS:
        assert f"| `{name}` |" in table
    assert table.count("\n") == len(ENTRY_CSV_COLUMNS) + 1


# ---------------------------------------------------------------------------
# Fuzzing: only ImportFailed, never a partial plan, every problem located
# ---------------------------------------------------------------------------


def _outcome(content: bytes) -> ImportResult | ImportFailed:
    try:
        return _import(content)
    except ImportFailed as failed:
        return failed


def _check_outcome(content: bytes) -> None:
    outcome = _outcome(content)
    if isinstance(outcome, ImportResult):
        return
    assert outcome.problems
    physical_lines = max(1, len(re.split(rb"\r\n|\r|\n", content)))
    for problem in outcome.problems:
        assert isinstance(problem.line, int)
        assert 1 <= problem.line <= physical_lines
        assert isinstance(problem.field, str)
        assert problem.field
        assert problem.message


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_bytes(content: bytes) -> None:
    _check_outcome(content)


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_fuzz_arbitrary_text(text: str) -> None:
    _check_outcome(text.encode("utf-8", "surrogatepass"))


_VALID_SIMPLE = (FIXTURES / "simple_nl.csv").read_bytes()
_ALPHABET = list(b'0123456789-:;,."\n\r T+ab\xc3\xab\xef\xbb\xbf{}[]')


def _mutate(base: bytes) -> st.SearchStrategy[bytes]:
    edit = st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.integers(0, len(base)),
        st.sampled_from(_ALPHABET),
    )

    def apply(edits: list[tuple[str, int, int]]) -> bytes:
        data = bytearray(base)
        for kind, pos, byte in edits:
            pos = min(pos, len(data))
            if kind == "insert":
                data.insert(pos, byte)
            elif data and pos < len(data):
                if kind == "delete":
                    del data[pos]
                else:
                    data[pos] = byte
        return bytes(data)

    return st.lists(edit, min_size=1, max_size=8).map(apply)


@settings(max_examples=300)
@given(_mutate(_VALID_SIMPLE))
def test_fuzz_mutated_simple_csv(content: bytes) -> None:
    _check_outcome(content)


def _valid_entries_csv() -> bytes:
    entry = new_entry(
        now=NOW,
        pain=3,
        stress=4,
        tags=["a; b"],
        medication=(Medication("x|y", "1"),),
        note='n, "q"\nl2',
    )
    return entries_to_csv([entry, entry.replace(id=str(uuid.uuid4()), pain=4)])


@settings(max_examples=300)
@given(_mutate(_valid_entries_csv()))
def test_fuzz_mutated_entries_csv(content: bytes) -> None:
    _check_outcome(content)


def _valid_json_export() -> bytes:
    entry = new_entry(now=NOW, pain=3, stress=4, note="ë")
    tables = {"entries": {"1": entry.to_dict()}, "settings": {"1": {"language": "en"}}}
    return export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW)


@settings(max_examples=300)
@given(_mutate(_valid_json_export()))
def test_fuzz_mutated_json_export(content: bytes) -> None:
    _check_outcome(content)


@settings(max_examples=100)
@given(
    st.lists(st.tuples(st.text(max_size=12), st.text(max_size=4), st.text(max_size=4)), max_size=6)
)
def test_fuzz_simple_rows_all_or_nothing(rows: list[tuple[str, str, str]]) -> None:
    """A file with any bad row imports nothing; a plan only comes from a clean file."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["date", "pain", "stress"])
    writer.writerow(["2026-03-01", "1", "1"])  # always valid
    writer.writerows(rows)
    outcome = _outcome(buffer.getvalue().encode("utf-8", "surrogatepass"))
    if isinstance(outcome, ImportResult):
        assert len(outcome.entries) + outcome.duplicates == 1 + sum(
            1 for r in rows if any(c.strip() for c in r)
        )
    else:
        assert all(p.line >= 2 or p.field in {"file", "header"} for p in outcome.problems)
