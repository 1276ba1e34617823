"""CSV, JSON and FHIR export of the diary, and its all-or-nothing import plan."""

from __future__ import annotations

import bisect
import contextlib
import csv
import dataclasses
import io
import json
import json.decoder
import json.scanner
import math
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from rugdiary.core.activities import Activity, ActivityScore
from rugdiary.core.body_regions import (
    BODY_SITES,
    SNOMED_SYSTEM,
    ordered_regions,
    region_for_code,
    region_label,
)
from rugdiary.core.diary import (
    ENTRY_REQUIRED,
    DiaryEntry,
    ValidationError,
    normalize_regions,
    normalize_tags,
    parse_datetime,
)
from rugdiary.core.exercises import Exercise
from rugdiary.core.flares import FlareRecord
from rugdiary.core.programs import Program
from rugdiary.core.sessions import SESSION_REQUIRED, Session
from rugdiary.core.sitting import SittingDay

__all__ = [
    "CSV_CONVENTIONS",
    "CSV_DELIMITERS",
    "ENTRY_CSV_COLUMNS",
    "EXPORT_FORMAT",
    "EXPORT_TABLES",
    "EXPORT_VERSION",
    "FILE_PROBLEM_FIELDS",
    "MAX_REPORTED_PROBLEMS",
    "PAIN_LOINC",
    "PAIN_SNOMED",
    "SESSION_CSV_COLUMNS",
    "SIMPLE_CSV_COLUMNS",
    "STRESS_LOINC",
    "ImportConflict",
    "ImportFailed",
    "ImportFormat",
    "ImportProblem",
    "ImportResult",
    "describe_csv_columns",
    "detect_format",
    "entries_to_csv",
    "export_fhir",
    "export_file",
    "export_file_counted",
    "export_json",
    "fhir_bundle",
    "fhir_regions",
    "filter_entries",
    "filter_sessions",
    "import_data",
    "in_period",
    "merge_into_tables",
    "sessions_to_csv",
]

# ---------------------------------------------------------------------------
# Documented formats
# ---------------------------------------------------------------------------

EXPORT_FORMAT = "rugdiary-export"
EXPORT_VERSION = 1
"""Version of the JSON export's envelope; bumped only when its layout changes."""

EXPORT_TABLES: tuple[str, ...] = (
    "entries",
    "sessions",
    "programs",
    "exercises",
    "settings",
    "activities",
    "activity_scores",
    "flares",
    "sitting",
)
"""The tables a JSON export carries; `_meta` is described by the envelope instead. A file
without one of them (an export made before it existed) imports as before."""

KEY_FIELDS: Mapping[str, str] = {"sitting": "day"}
"""Tables whose records are known by another field than `id`: sitting figures are one
record per day, so a day already in the diary with other figures is a conflict."""

MAX_REPORTED_PROBLEMS = 100
"""An import lists at most this many problems and counts the rest, so a wrong file
(say, a bank statement) gives a readable message rather than thousands of lines."""

FILE_PROBLEM_FIELDS = frozenset({"file", "format", "version", "schema", "tables", "resourceType"})
"""The fields an import problem names when the whole file is wrong (binary, empty, not
an export of ours, a FHIR bundle) rather than a line in it: there is no line to mend. A
CSV line that breaks the CSV rules (a quote never closed) names "row": it is a line."""

ENTRY_CSV_COLUMNS: dict[str, str] = {
    "id": "unique id of the entry (uuid); leave empty in a new row to add a new entry",
    "date": "local calendar day of `at`, YYYY-MM-DD; on import it must agree with `at`",
    "time": "local clock time of `at`, HH:MM (24 h); on import it must agree with `at`",
    "at": "moment of the entry, ISO 8601 with UTC offset, e.g. 2026-03-02T09:00:00+01:00",
    "pain": "pain now, whole number 0-10 (required)",
    "stress": "stress now, whole number 0-10 (required)",
    "worst_pain": "worst pain since the last entry, 0-10 or empty",
    "sleep": "sleep quality, 0-10 or empty",
    "mood": "mood, 0-10 or empty",
    "confidence": "confidence to move despite pain, 0-10 or empty",
    "work_demand": "demands of work, 0-10 or empty",
    "support": "support felt, 0-10 or empty",
    "activity_min": "minutes of activity, 0-1440 or empty",
    "flare_up": "yes or no",
    "tags": "tags separated by '; '",
    "medication": "medicines separated by '; ', each written name|dose (the dose may be left out)",
    "note": "free text, at most 5,000 characters; may span lines",
    "for_physio": "yes or no: marked for the physiotherapist",
    "regions": "where it hurts: body-map region ids separated by '; ', e.g. "
    "lower_back_left; thigh_left (see `rugdiary add --help`)",
    "created": "when the entry was first saved, ISO 8601 with offset",
    "updated": "when the entry was last changed, ISO 8601 with offset",
}
"""Columns of the entries CSV, in file order, with what each holds."""

SESSION_CSV_COLUMNS: dict[str, str] = {
    "id": "unique id of the session (uuid); leave empty in a new row to add a new session",
    "date": "local calendar day of `started_at`, YYYY-MM-DD; on import it must agree",
    "started_at": "start, ISO 8601 with UTC offset (required)",
    "ended_at": "end, ISO 8601 with UTC offset (required)",
    "program_id": "id of the programme played, e.g. core-basics (required)",
    "program_name": "name of the programme when it was played (required)",
    "level": "beginner, intermediate or advanced (required)",
    "planned_s": "planned duration in seconds (required)",
    "done_s": "seconds actually exercised (required)",
    "steps_done": "steps played (required)",
    "steps_skipped": "steps skipped (required)",
    "completed": "yes or no (required)",
    "stopped_reason": "pain, time, other, or empty when completed",
    "pain_before": "pain before the session, 0-10 or empty",
    "pain_after": "pain after the session, 0-10 or empty",
    "effort": "effort felt, 0-10 or empty",
    "note": "how it went, in the person's own words; may be empty",
}
"""Columns of the sessions CSV, in file order, with what each holds."""

SIMPLE_CSV_COLUMNS: dict[str, str] = {
    "date": "YYYY-MM-DD (counted as 12:00 local time) or a full ISO date and time; Dutch: datum",
    "pain": "whole number 0-10; Dutch: pijn",
    "stress": "whole number 0-10",
    "note": "optional free text; Dutch: notitie",
}
"""The simple CSV a paper or spreadsheet diary can be typed into; a header row is required."""

CSV_CONVENTIONS = (
    "UTF-8 with a byte-order mark, so Excel on Windows shows ë and é correctly; "
    "imports accept UTF-8 with or without it. Comma-separated (File → Export my data "
    "uses `;` on a computer whose region writes decimal commas, as Excel there expects; "
    "`export --semicolon` does so from the command line), "
    "lines end in CRLF, "
    "fields quoted as in RFC 4180. Dates and times are ISO 8601. Yes/no columns say "
    "`yes` or `no` (imports also take true/false, 1/0, ja/nee). In `tags` and "
    "`medication` the characters `;`, `|` and `\\` inside a value are written `\\;`, "
    "`\\|` and `\\\\`. A text cell that starts with = + - @ a tab or ' gets one extra "
    "leading ' so a spreadsheet shows it as text instead of running it as a formula; "
    "importing our CSV removes that one '. Imports also accept `;` or tab as the separator."
)
"""How our CSV files are written; quoted in the README next to the column tables."""

LOINC_SYSTEM = "http://loinc.org"
PAIN_LOINC = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
STRESS_LOINC = ("93038-8", "Stress level")
PAIN_SNOMED = ("22253000", "Pain (finding)")
"""The code of a "where it hurts" Observation; its bodySite says where (core.body_regions)."""
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
FHIR_UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:rugdiary:fhir:observation")
"""uuid5 namespace: an Observation's id follows from the entry id and the LOINC code,
so exporting the same diary twice gives the same resource ids and a receiving system
can recognise resources it already has."""

_YES = frozenset({"yes", "y", "true", "1", "ja", "j"})
_NO = frozenset({"no", "n", "false", "0", "nee", ""})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_INT_RE = re.compile(r"[+-]?[0-9]{1,7}")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")

# ---------------------------------------------------------------------------
# Period filter
# ---------------------------------------------------------------------------


def in_period(moment: datetime, start: date | None = None, end: date | None = None) -> bool:
    """Whether the local calendar day of `moment` lies in [start, end] (either end open).

    The day is the one the user saw on the clock (the date in `moment`'s own offset),
    the same rule as `DiaryEntry.day`, so an entry at 23:30 never slides into the
    next day when exported from another time zone.
    """
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    day = moment.date()
    return (start is None or day >= start) and (end is None or day <= end)


def filter_entries(
    entries: Iterable[DiaryEntry], start: date | None = None, end: date | None = None
) -> list[DiaryEntry]:
    """Entries whose day lies in [start, end], in the order given."""
    return [e for e in entries if in_period(e.at, start, end)]


def filter_sessions(
    sessions: Iterable[Session], start: date | None = None, end: date | None = None
) -> list[Session]:
    """Sessions whose start day lies in [start, end], in the order given."""
    return [s for s in sessions if in_period(s.started_at, start, end)]


# ---------------------------------------------------------------------------
# CSV export
# ---------------------------------------------------------------------------


def _protect(text: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection) reversibly: see CSV_CONVENTIONS."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unprotect(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _escape_item(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace("|", "\\|")


def _split_escaped(text: str, separator: str, *, unescape: bool = True) -> list[str]:
    """Split on `separator` where no backslash escapes it; `unescape` drops the escapes.

    Medication is split twice (items on `;`, then name and dose on `|`), so the first
    pass keeps the escapes for the second.
    """
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            escaped = next(chars, "\\")
            current.append(escaped if unescape else ch + escaped)
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _split_list(text: str, *, unescape: bool = True) -> list[str]:
    """Items of a '; '-joined cell: exactly one space after each separator is dropped."""
    items = _split_escaped(text, ";", unescape=unescape)
    return [items[0], *(item[1:] if item.startswith(" ") else item for item in items[1:])]


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _opt(value: int | None) -> str:
    return "" if value is None else str(value)


def _stamp(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


CSV_DELIMITERS: tuple[str, ...] = (",", ";")
"""What a CSV export may separate its values with: a comma, or a semicolon for the
spreadsheets of countries that write decimal commas (Dutch Excel reads a comma-separated
file as one column). The import takes either, and tabs, whichever the header uses."""


def _csv_bytes(header: Iterable[str], rows: Iterable[list[str]], delimiter: str = ",") -> bytes:
    if delimiter not in CSV_DELIMITERS:
        raise ValueError(f"delimiter: {delimiter!r} is not one of {CSV_DELIMITERS}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def entries_to_csv(
    entries: Iterable[DiaryEntry],
    start: date | None = None,
    end: date | None = None,
    *,
    delimiter: str = ",",
) -> bytes:
    """The entries CSV (ENTRY_CSV_COLUMNS, CSV_CONVENTIONS), oldest first.

    Chronological because people read it in a spreadsheet like a diary; `at` keeps the
    exact moment, `date` and `time` are there so a sheet can sort and filter by day.
    """
    chosen = sorted(filter_entries(entries, start, end), key=lambda e: e.at)
    rows: list[list[str]] = []
    for e in chosen:
        tags = "; ".join(_escape_item(t) for t in e.tags)
        meds = "; ".join(
            _escape_item(m.name) + (f"|{_escape_item(m.dose)}" if m.dose else "")
            for m in e.medication
        )
        rows.append(
            [
                _protect(e.id),
                e.at.date().isoformat(),
                e.at.strftime("%H:%M"),
                e.at.isoformat(),
                str(e.pain),
                str(e.stress),
                _opt(e.worst_pain),
                _opt(e.sleep),
                _opt(e.mood),
                _opt(e.confidence),
                _opt(e.work_demand),
                _opt(e.support),
                _opt(e.activity_min),
                _yes_no(e.flare_up),
                _protect(tags),
                _protect(meds),
                _protect(e.note),
                _yes_no(e.for_physio),
                "; ".join(e.regions),
                _stamp(e.created),
                _stamp(e.updated),
            ]
        )
    return _csv_bytes(ENTRY_CSV_COLUMNS, rows, delimiter)


def sessions_to_csv(
    sessions: Iterable[Session],
    start: date | None = None,
    end: date | None = None,
    *,
    delimiter: str = ",",
) -> bytes:
    """The sessions CSV (SESSION_CSV_COLUMNS, CSV_CONVENTIONS), oldest first."""
    chosen = sorted(filter_sessions(sessions, start, end), key=lambda s: s.started_at)
    rows = [
        [
            _protect(s.id),
            s.started_at.date().isoformat(),
            s.started_at.isoformat(),
            s.ended_at.isoformat(),
            _protect(s.program_id),
            _protect(s.program_name),
            s.level.value,
            str(s.planned_s),
            str(s.done_s),
            str(s.steps_done),
            str(s.steps_skipped),
            _yes_no(s.completed),
            s.stopped_reason.value if s.stopped_reason else "",
            _opt(s.pain_before),
            _opt(s.pain_after),
            _opt(s.effort),
            _protect(s.note),
        ]
        for s in chosen
    ]
    return _csv_bytes(SESSION_CSV_COLUMNS, rows, delimiter)


def describe_csv_columns(columns: Mapping[str, str]) -> str:
    """A Markdown table of `columns`, so the README quotes the code instead of a copy."""
    lines = ["| column | holds |", "|---|---|"]
    lines += [f"| `{name}` | {text.replace('|', '&#124;')} |" for name, text in columns.items()]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# JSON export
# ---------------------------------------------------------------------------


def _ordered_docs(table: Mapping[str, Any]) -> list[Any]:
    """Documents of a TinyDB table in insertion (doc id) order, without their ids.

    Doc ids are an artefact of one file; leaving them out means an export imported
    elsewhere cannot collide with or reveal the ids of the other folder.
    """

    def key(doc_id: str) -> tuple[int, int, str]:
        return (0, int(doc_id), "") if doc_id.isdecimal() else (1, 0, doc_id)

    return [table[k] for k in sorted(table, key=key)]


_T = TypeVar("_T", DiaryEntry, Session, SittingDay, ActivityScore, FlareRecord)

_UNREADABLE = (ValidationError, ValueError, TypeError, OverflowError)
"""What reading a stored record may raise: `_canonical` drops such a record from a
period and `unreadable_dated_records` counts it, so both catch the same."""


def _canonical(
    doc: Any,
    parse: Callable[[Any], _T],
    inside: Callable[[_T, date | None, date | None], bool],
    start: date | None,
    end: date | None,
) -> dict[str, Any] | None:
    """The record in the form the app itself writes, or None when outside the period.

    Canonical form makes export → import → export a fixed point; a record that does
    not validate is exported as stored (nothing is silently dropped) unless a period
    is asked for, because then its day cannot be known.
    """
    try:
        record = parse(doc)
    except _UNREADABLE:
        return dict(doc) if start is None and end is None and isinstance(doc, Mapping) else None
    if not inside(record, start, end):
        return None
    return record.to_dict()


def export_json(
    tables: Mapping[str, Mapping[str, Any]],
    *,
    schema: int,
    app_version: str,
    exported_at: datetime,
    start: date | None = None,
    end: date | None = None,
) -> bytes:
    """The complete, versioned JSON export of a data folder's tables (TinyDB's raw form).

    One record per line, so an import error can name the line of the record and a
    person can read or diff the file. The period (if any) limits the dated records
    (entries, sessions, sitting days, activity scores, and flare-ups that share a day
    with it); programmes, exercises, settings and the list of activities are always
    exported whole, since the dated records refer to them.
    """
    return _json_bytes(
        _json_tables(tables, start, end),
        schema=schema,
        app_version=app_version,
        exported_at=exported_at,
    )


def _json_tables(
    tables: Mapping[str, Mapping[str, Any]], start: date | None, end: date | None
) -> dict[str, list[Any]]:
    """The records of each table a JSON export for [start, end] holds (`export_json`)."""
    out: dict[str, list[Any]] = {}
    for name in EXPORT_TABLES:
        docs = _ordered_docs(tables.get(name, {}))
        records: list[Any]
        if name in _DATED_TABLES:
            parse, inside = _DATED_TABLES[name]
            records = [_canonical(d, parse, inside, start, end) for d in docs]
        else:
            records = list(docs)
        out[name] = [r for r in records if r is not None]
    return out


def _json_bytes(
    out: Mapping[str, list[Any]], *, schema: int, app_version: str, exported_at: datetime
) -> bytes:
    """The JSON export's text of `out` (`_json_tables`), one record per line."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    lines = [
        "{",
        f' "format": {dump(EXPORT_FORMAT)},',
        f' "version": {EXPORT_VERSION},',
        f' "schema": {dump(schema)},',
        f' "app_version": {dump(app_version)},',
        f' "exported_at": {dump(exported_at.isoformat())},',
        ' "tables": {',
    ]
    for i, name in enumerate(EXPORT_TABLES):
        comma = "," if i < len(EXPORT_TABLES) - 1 else ""
        records = out[name]
        if not records:
            lines.append(f"  {dump(name)}: []{comma}")
            continue
        lines.append(f"  {dump(name)}: [")
        lines += [
            f"   {dump(r)}{',' if j < len(records) - 1 else ''}" for j, r in enumerate(records)
        ]
        lines.append(f"  ]{comma}")
    lines += [" }", "}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entry_in(entry: DiaryEntry, start: date | None, end: date | None) -> bool:
    return in_period(entry.at, start, end)


def _session_in(session: Session, start: date | None, end: date | None) -> bool:
    return in_period(session.started_at, start, end)


def _sitting_in(day: SittingDay, start: date | None, end: date | None) -> bool:
    return in_period(datetime.combine(day.day, time()), start, end)


def _score_in(score: ActivityScore, start: date | None, end: date | None) -> bool:
    return in_period(score.at, start, end)


def _flare_in(flare: FlareRecord, start: date | None, end: date | None) -> bool:
    """A flare-up that shares a day with the period, as the report counts it: one that
    began before the period and was still running in it belongs to it."""
    began, ended = flare.start.date(), flare.end.date() if flare.end else None
    return (end is None or began <= end) and (start is None or ended is None or ended >= start)


_DATED_TABLES: Mapping[
    str, tuple[Callable[[Any], Any], Callable[[Any, date | None, date | None], bool]]
] = {
    "entries": (DiaryEntry.from_dict, _entry_in),
    "sessions": (Session.from_dict, _session_in),
    "sitting": (SittingDay.from_dict, _sitting_in),
    "activity_scores": (ActivityScore.from_dict, _score_in),
    "flares": (FlareRecord.from_dict, _flare_in),
}
"""The tables a period limits: how to read a record of each, and whether it lies in it."""


def unreadable_dated_records(tables: Mapping[str, Mapping[str, Any]]) -> int:
    """How many dated records a JSON export for a period must leave out: those that
    cannot be read, whose day is therefore unknown (`_canonical`)."""
    count = 0
    for name, (parse, _inside) in _DATED_TABLES.items():
        for doc in tables.get(name, {}).values():
            try:
                parse(doc)
            except _UNREADABLE:
                count += 1
    return count


EXPORT_KINDS: tuple[str, ...] = ("entries_csv", "sessions_csv", "json", "fhir")
"""What `export_file` makes: the diary or the sessions as a spreadsheet, the complete
copy that imports again, or the diary as a FHIR bundle."""


def export_file(
    kind: str,
    *,
    tables: Mapping[str, Mapping[str, Any]],
    entries: Iterable[DiaryEntry],
    sessions: Iterable[Session],
    schema: int,
    app_version: str,
    now: datetime,
    start: date | None = None,
    end: date | None = None,
    csv_delimiter: str = ",",
) -> bytes:
    """The bytes of one export, the same from the command line and the File menu.

    `entries` and `sessions` are the readable records (the spreadsheet and FHIR forms
    need them parsed); the complete copy works on the raw `tables`. `csv_delimiter` is
    one of CSV_DELIMITERS.
    """
    payload, _count = export_file_counted(
        kind,
        tables=tables,
        entries=entries,
        sessions=sessions,
        schema=schema,
        app_version=app_version,
        now=now,
        start=start,
        end=end,
        csv_delimiter=csv_delimiter,
    )
    return payload


def export_file_counted(
    kind: str,
    *,
    tables: Mapping[str, Mapping[str, Any]],
    entries: Iterable[DiaryEntry],
    sessions: Iterable[Session],
    schema: int,
    app_version: str,
    now: datetime,
    start: date | None = None,
    end: date | None = None,
    csv_delimiter: str = ",",
) -> tuple[bytes, int]:
    """`export_file`, and how many records the file holds: its rows (the spreadsheets),
    its diary entries (FHIR) or every record of every table (the complete copy). Zero is
    a file with nothing in it, which the app asks about before writing it."""
    if kind == "json":
        out = _json_tables(tables, start, end)
        payload = _json_bytes(out, schema=schema, app_version=app_version, exported_at=now)
        return payload, sum(len(records) for records in out.values())
    if kind in ("fhir", "entries_csv"):
        chosen = filter_entries(entries, start, end)
        if kind == "fhir":
            return export_fhir(chosen, generated_at=now), len(chosen)
        return entries_to_csv(chosen, delimiter=csv_delimiter), len(chosen)
    if kind == "sessions_csv":
        played = filter_sessions(sessions, start, end)
        return sessions_to_csv(played, delimiter=csv_delimiter), len(played)
    raise ValueError(f"kind: {kind!r} is not one of {', '.join(EXPORT_KINDS)}")


# ---------------------------------------------------------------------------
# FHIR R4
# ---------------------------------------------------------------------------


def _fhir_datetime(moment: datetime) -> str:
    """FHIR dateTime: seconds always present, offset in whole minutes (else UTC)."""
    offset = moment.utcoffset()
    if offset is None or offset % timedelta(minutes=1):
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds" if not moment.microsecond else "microseconds")


def _observation_resource(
    entry: DiaryEntry, key: str, coding: Mapping[str, str], text: str, value: Mapping[str, Any]
) -> Any:
    """A bundle entry holding one survey Observation of `entry`: `coding` says what was
    observed and `value` carries the value[x] (and any bodySite). The id is derived from the
    entry's id and `key`, so exporting the same diary twice gives the same ids."""
    resource_id = str(uuid.uuid5(FHIR_UUID_NAMESPACE, f"{entry.id}/{key}"))
    return {
        "fullUrl": f"urn:uuid:{resource_id}",
        "resource": {
            "resourceType": "Observation",
            "id": resource_id,
            "status": "final",
            "category": [
                {
                    "coding": [
                        {
                            "system": OBSERVATION_CATEGORY_SYSTEM,
                            "code": "survey",
                            "display": "Survey",
                        }
                    ]
                }
            ],
            "code": {"coding": [dict(coding)], "text": text},
            "effectiveDateTime": _fhir_datetime(entry.at),
            **value,
        },
    }


def _observation(entry: DiaryEntry, loinc: tuple[str, str], text: str, value: int) -> Any:
    coding = {"system": LOINC_SYSTEM, "code": loinc[0], "display": loinc[1]}
    return _observation_resource(entry, loinc[0], coding, text, {"valueInteger": value})


def _pain_site(entry: DiaryEntry, region: str) -> Any:
    """One body-map region of an entry: a Pain finding with its SNOMED CT bodySite.

    One Observation per region because Observation.bodySite holds one site in FHIR R4.
    """
    site = BODY_SITES[region]
    coding = {"system": SNOMED_SYSTEM, "code": PAIN_SNOMED[0], "display": PAIN_SNOMED[1]}
    body_site = {
        "coding": [{"system": SNOMED_SYSTEM, "code": site.code, "display": site.display}],
        "text": region_label(region, "en"),
    }
    value = {"valueBoolean": True, "bodySite": body_site}
    return _observation_resource(entry, f"site/{region}", coding, "Where it hurts", value)


def fhir_regions(bundle: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Body-map regions per effectiveDateTime, read back from a bundle's bodySite codes."""
    found: dict[str, set[str]] = {}
    for item in bundle.get("entry", ()):
        resource = item.get("resource", {})
        for coding in resource.get("bodySite", {}).get("coding", ()):
            region = region_for_code(str(coding.get("code", "")))
            if coding.get("system") == SNOMED_SYSTEM and region is not None:
                found.setdefault(resource["effectiveDateTime"], set()).add(region)
    return {moment: ordered_regions(regions) for moment, regions in found.items()}


def fhir_bundle(
    entries: Iterable[DiaryEntry],
    *,
    generated_at: datetime,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, Any]:
    """A FHIR R4 Bundle (type collection): per entry a pain and a stress Observation,
    and one Observation per body-map region with its SNOMED CT bodySite.

    No Patient and no subject: the file carries no personal data beyond the scores,
    and the receiving practice links it to its own patient record.
    """
    chosen = sorted(filter_entries(entries, start, end), key=lambda e: e.at)
    items: list[Any] = []
    for entry in chosen:
        items.append(_observation(entry, PAIN_LOINC, "Pain (0-10)", entry.pain))
        items.append(_observation(entry, STRESS_LOINC, "Stress (0-10)", entry.stress))
        items.extend(_pain_site(entry, region) for region in entry.regions)
    stamp = generated_at.astimezone(UTC).replace(microsecond=0)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": stamp.isoformat().replace("+00:00", "Z"),
        "entry": items,
    }


def export_fhir(
    entries: Iterable[DiaryEntry],
    *,
    generated_at: datetime,
    start: date | None = None,
    end: date | None = None,
) -> bytes:
    """`fhir_bundle` as UTF-8 JSON text."""
    bundle = fhir_bundle(entries, generated_at=generated_at, start=start, end=end)
    # Compact: ten years are 22,000 Observations, and indentation would triple the file.
    return (json.dumps(bundle, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# Import: results and errors
# ---------------------------------------------------------------------------


class ImportFormat(StrEnum):
    """What `detect_format` found the file to be."""

    JSON_EXPORT = "json"
    ENTRIES_CSV = "entries-csv"
    SESSIONS_CSV = "sessions-csv"
    SIMPLE_CSV = "simple-csv"


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong in an import file: 1-based physical line, field (or column), why."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.field}: {self.message}"


class ImportFailed(Exception):  # noqa: N818 (the name the CLI and GUI use)
    """The file cannot be imported; nothing was. `problems` lists every error found
    (up to MAX_REPORTED_PROBLEMS; `more` counts the rest) so one fix-and-retry suffices."""

    def __init__(self, problems: Iterable[ImportProblem], more: int = 0) -> None:
        self.problems: tuple[ImportProblem, ...] = tuple(problems)
        self.more = more
        lines = [str(p) for p in self.problems]
        if more:
            lines.append(f"... and {more} more")
        super().__init__("\n".join(lines))


@dataclass(frozen=True, slots=True)
class ImportConflict:
    """A record whose id is already in the diary with other values.

    Never taken as a duplicate: one of the two would be lost without a word. The caller
    asks (GUI) or needs a flag (CLI) before `merge_into_tables(..., replace=True)`
    puts `record` in place of the stored one.
    """

    line: int
    table: str
    id: str
    record: dict[str, Any]
    """What replacing puts in the stored one's place: the file's values in the fields the
    file gives, the stored values in the others (`_Parsed.given`)."""
    column: str = ""
    """The file's column the record was matched by, when not its id: the simple CSV's
    date, whose rows have no id of their own."""

    def __str__(self) -> str:
        if self.column:
            return (
                f"line {self.line}, {self.column}: the entry of {self.record.get('at')} is "
                "already in the diary with other values"
            )
        kind = {"entries": "entry", "sessions": "session", "sitting": "sitting day"}.get(
            self.table, self.table
        )
        key = KEY_FIELDS.get(self.table, "id")
        return (
            f"line {self.line}, {key}: {kind} {self.id} is already in the diary with other values"
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The plan of an import: what to add, in file order. The caller writes it in one go.

    `records` holds the JSON export's programmes, exercises and settings as plain
    documents (validated). Settings are only taken over by a folder that has none,
    so importing a backup never overrides the user's current choices;
    `settings_skipped` counts those left out. `conflicts` are records whose id the
    diary already holds with other values: not added unless replacing is asked for.
    """

    format: ImportFormat
    entries: tuple[DiaryEntry, ...] = ()
    sessions: tuple[Session, ...] = ()
    records: Mapping[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)
    duplicates: int = 0
    settings_skipped: int = 0
    conflicts: tuple[ImportConflict, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many records the plan adds to each table, in EXPORT_TABLES order (zeros
        too): what the app's question and the command line's message both count."""
        found = {"entries": len(self.entries), "sessions": len(self.sessions)}
        return {name: found.get(name, len(self.records.get(name, ()))) for name in EXPORT_TABLES}


class _Problems:
    """Collects problems; keeps the first MAX_REPORTED_PROBLEMS and counts the rest."""

    def __init__(self) -> None:
        self.items: list[ImportProblem] = []
        self.more = 0

    def add(self, line: int, field_name: str, message: str) -> None:
        if len(self.items) < MAX_REPORTED_PROBLEMS:
            self.items.append(ImportProblem(max(1, line), field_name or "file", message))
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportFailed(self.items, self.more)


def _fail(line: int, field_name: str, message: str) -> ImportFailed:
    return ImportFailed([ImportProblem(max(1, line), field_name, message)])


# ---------------------------------------------------------------------------
# Import: reading the file
# ---------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    """The file as text, or ImportFailed saying plainly why it is not UTF-8 text."""
    if not content:
        raise _fail(1, "file", "the file is empty")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(1, "file", "the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) instead")
    nul = content.find(b"\x00")
    if nul >= 0:
        line = content.count(b"\n", 0, nul) + 1
        raise _fail(line, "file", "the file is binary, not text (it contains NUL bytes)")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content.count(b"\n", 0, exc.start) + 1
        raise _fail(
            line,
            "file",
            f"not UTF-8 text (byte 0x{content[exc.start]:02x}); save it as UTF-8 (CSV UTF-8)",
        ) from None
    if not text.strip():
        raise _fail(1, "file", "the file is empty")
    return text


class _Located(dict[str, Any]):
    """A JSON object that remembers where it starts in the text, for line numbers."""

    pos: int = 0


def _located_object(
    s_and_end: tuple[str, int],
    strict: bool,
    scan_once: Callable[[str, int], tuple[Any, int]],
    object_hook: Any,
    object_pairs_hook: Any,
    memo: dict[str, str] | None = None,
) -> tuple[Any, int]:
    obj, end = json.decoder.JSONObject(  # type: ignore[attr-defined]
        s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo
    )
    located = _Located(obj)
    located.pos = s_and_end[1] - 1
    return located, end


class _LocatingDecoder(json.JSONDecoder):
    """json's own pure-Python scanner with objects that know their start offset."""

    def __init__(self) -> None:
        super().__init__()
        self.parse_object = _located_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


class _Lines:
    """Maps a character offset to its 1-based line."""

    def __init__(self, text: str) -> None:
        self._starts = [m.end() for m in re.finditer("\n", text)]

    def __call__(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) + 1


def _plain(value: Any) -> Any:
    """Plain dicts and lists again (drops the `_Located` wrapper before handing out)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _has_surrogate(value: Any) -> bool:
    """JSON's \\ud800 escapes give strings that cannot be written as UTF-8 again."""
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


_INT_LOW, _INT_HIGH = -(2**63), 2**64 - 1


def _unstorable(value: Any) -> str | None:
    """Why `value` cannot be stored as it is (None if it can).

    The diary file holds 64-bit whole numbers and finite decimals; Python's JSON reader
    takes 10**30 and NaN, which would crash the save or change silently on the way.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if _INT_LOW <= value <= _INT_HIGH else "the number is too large to store"
    if isinstance(value, float):
        return None if math.isfinite(value) else "NaN and Infinity cannot be stored"
    if isinstance(value, dict):
        return next((why for v in value.values() if (why := _unstorable(v))), None)
    if isinstance(value, list):
        return next((why for v in value if (why := _unstorable(v))), None)
    return None


# ---------------------------------------------------------------------------
# Import: validating one record, naming every bad field
# ---------------------------------------------------------------------------

_PARSE_ERRORS = (ValidationError, ValueError, TypeError, KeyError, AttributeError, OverflowError)

_ENTRY_FIELDS = frozenset(f.name for f in dataclasses.fields(DiaryEntry))
_ENTRY_PROBE: dict[str, Any] = {"at": "2000-01-01T12:00:00+00:00", "pain": 0, "stress": 0}

_SESSION_FIELDS = frozenset(f.name for f in dataclasses.fields(Session))
# Earliest start and latest end, so probing either alone never trips "end before start".
_SESSION_PROBE: dict[str, Any] = {
    "program_id": "probe",
    "program_name": "probe",
    "level": "beginner",
    "started_at": "0001-01-01T00:00:00+00:00",
    "ended_at": "9999-12-31T00:00:00+00:00",
    "planned_s": 0,
    "done_s": 0,
    "steps_done": 0,
    "steps_skipped": 0,
    "completed": False,
}


def _error_of(exc: Exception, fallback: str) -> tuple[str, str]:
    if isinstance(exc, ValidationError):
        return exc.field, exc.message
    return fallback, str(exc) or type(exc).__name__


def _root(field_name: str) -> str:
    """`medication[0].name` → `medication`: the column or key a person can find."""
    return re.split(r"[\[.]", field_name, maxsplit=1)[0]


def _validate_record(
    doc: Mapping[str, Any],
    parse: Callable[[Mapping[str, Any]], _T],
    known: frozenset[str],
    required: tuple[str, ...],
    probe_base: Mapping[str, Any],
    kind: str,
) -> tuple[_T | None, list[tuple[str, str]]]:
    """Parse `doc`; on failure name every bad field, not only the first.

    The core validators stop at the first error. Re-checking each field on its own
    against a known-good base record finds the others while keeping the core as the
    single source of the rules; it only runs for records that already failed.
    """
    try:
        return parse(doc), []
    except _PARSE_ERRORS as exc:
        first = _error_of(exc, kind)
    found: list[tuple[str, str]] = []
    for key, value in doc.items():
        if key not in known:
            found.append((key, f"is not a {kind} field"))
            continue
        if value is None:
            continue
        try:
            parse({**probe_base, key: value})
        except _PARSE_ERRORS as exc:
            bad = _error_of(exc, key)
            if _root(bad[0]) == key:
                found.append(bad)
    found += [(name, "is required") for name in required if doc.get(name) is None]
    return None, found or [first]


def _parse_entry(doc: Mapping[str, Any]) -> tuple[DiaryEntry | None, list[tuple[str, str]]]:
    entry, errors = _validate_record(
        doc, DiaryEntry.from_dict, _ENTRY_FIELDS, ENTRY_REQUIRED, _ENTRY_PROBE, "diary"
    )
    return (None if entry is None else _normalized(entry)), errors


def _normalized(entry: DiaryEntry) -> DiaryEntry:
    """Tags and body regions as the diary form keeps them (core.diary.new_entry): "Work"
    and " work" typed in a spreadsheet would be three tags in the filter and the charts."""
    tags, regions = normalize_tags(entry.tags), normalize_regions(entry.regions)
    if (tags, regions) == (entry.tags, entry.regions):
        return entry
    return entry.replace(tags=tags, regions=regions)


def _parse_session(doc: Mapping[str, Any]) -> tuple[Session | None, list[tuple[str, str]]]:
    return _validate_record(
        doc, Session.from_dict, _SESSION_FIELDS, SESSION_REQUIRED, _SESSION_PROBE, "session"
    )


# ---------------------------------------------------------------------------
# Import: the parsed file before duplicates are weighed
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Parsed:
    format: ImportFormat
    entries: list[tuple[int, DiaryEntry]] = field(default_factory=list)
    sessions: list[tuple[int, Session]] = field(default_factory=list)
    records: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    moment_column: str = "at"
    """The column an entry's moment came from, as the file names it: a problem with the
    moment names it, not a column the person never typed."""
    moment_is_day: bool = False
    """The moment came from a day column (its time, if any, stood elsewhere)."""
    given: frozenset[str] | None = None
    """The record fields the file's columns give (a CSV), or None when its records are
    whole (the JSON export). An entry is compared on these alone, and a record it replaces
    keeps its own values in the others: a column deleted in a spreadsheet wipes nothing.
    An entry without "at" among them is known by its day (a CSV with a date but no time)."""
    by_moment: bool = False
    """Rows are known by their moment (the simple CSV has no ids): a stored entry at the
    same moment is the same entry, a duplicate when equal and a conflict when not."""


def _parse_json_export(text: str, known_schema: int, problems: _Problems) -> _Parsed:
    try:
        data = _LocatingDecoder().decode(text)
    except json.JSONDecodeError as exc:
        raise _fail(exc.lineno, "file", f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise _fail(1, "file", "not valid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. a number with more digits than Python converts
        raise _fail(1, "file", f"not valid JSON: {exc}") from None
    line_of = _Lines(text)
    if not isinstance(data, dict):
        raise _fail(1, "file", "not a RugDiary export: the file must hold one JSON object")
    top = line_of(data.pos) if isinstance(data, _Located) else 1
    if data.get("format") != EXPORT_FORMAT:
        if data.get("resourceType") == "Bundle":
            raise _fail(
                top, "resourceType", "a FHIR bundle is for other systems; import a JSON export"
            )
        raise _fail(top, "format", f'not a RugDiary export (expected "format": "{EXPORT_FORMAT}")')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail(top, "version", "must be a whole number from 1")
    if version > EXPORT_VERSION:
        raise _fail(
            top,
            "version",
            f"the file was made by a newer RugDiary (export version {version}; "
            f"this one reads up to {EXPORT_VERSION}); update RugDiary to import it",
        )
    schema = data.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 0:
        raise _fail(top, "schema", "must be a whole number")
    if schema > known_schema:
        raise _fail(
            top,
            "schema",
            f"the data is in schema {schema}, newer than this RugDiary knows ({known_schema}); "
            "update RugDiary to import it",
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise _fail(top, "tables", "must be an object of tables")
    table_line = line_of(tables.pos) if isinstance(tables, _Located) else top
    parsed = _Parsed(ImportFormat.JSON_EXPORT)
    for name, records in tables.items():
        if name not in EXPORT_TABLES:
            problems.add(table_line, name, f"is not a known table ({', '.join(EXPORT_TABLES)})")
            continue
        if not isinstance(records, list):
            problems.add(table_line, name, "must be a list of records")
            continue
        for index, doc in enumerate(records):
            line = line_of(doc.pos) if isinstance(doc, _Located) else table_line
            if not isinstance(doc, dict):
                problems.add(line, name, f"record {index + 1} must be an object")
                continue
            broken = [k for k, v in doc.items() if _has_surrogate(k) or _has_surrogate(v)]
            for key in broken:
                problems.add(line, key, "contains a broken character (a lone surrogate)")
            unstorable = [(k, why) for k, v in doc.items() if (why := _unstorable(v))]
            for key, why in unstorable:
                problems.add(line, key, why)
            if broken or unstorable:
                continue
            _parse_table_record(name, line, doc, parsed, problems)
    return parsed


def _parse_table_record(
    table: str, line: int, doc: dict[str, Any], parsed: _Parsed, problems: _Problems
) -> None:
    if table == "entries":
        entry, errors = _parse_entry(doc)
        if entry is not None:
            parsed.entries.append((line, entry))
    elif table == "sessions":
        session, errors = _parse_session(doc)
        if session is not None:
            parsed.sessions.append((line, session))
    else:
        errors = []
        check: Callable[[Any], Any] | None = {
            "programs": Program.from_dict,
            "exercises": Exercise.from_dict,
            "activities": Activity.from_dict,
            "activity_scores": ActivityScore.from_dict,
            "flares": FlareRecord.from_dict,
            "sitting": SittingDay.from_dict,
        }.get(table)
        if check is not None:
            try:
                check(doc)
            except _PARSE_ERRORS as exc:
                errors = [_error_of(exc, table)]
        if not errors:
            parsed.records.setdefault(table, []).append((line, _plain(doc)))
    for field_name, message in errors:
        problems.add(line, field_name, message)


# ---------------------------------------------------------------------------
# Import: CSV
# ---------------------------------------------------------------------------

_SIMPLE_ALIASES = {
    "date": "date",
    "datum": "date",
    "pain": "pain",
    "pijn": "pain",
    "stress": "stress",
    "note": "note",
    "notitie": "note",
}
_SESSION_ONLY = frozenset(SESSION_CSV_COLUMNS) - frozenset(ENTRY_CSV_COLUMNS)
_ENTRY_ONLY = frozenset(ENTRY_CSV_COLUMNS) - frozenset(_SIMPLE_ALIASES)


@dataclass(frozen=True, slots=True)
class _Table:
    header_line: int
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def _read_csv(text: str, problems: _Problems) -> _Table:
    """Rows with the physical line each starts on; blank rows are skipped.

    A quote that is never closed is reported on the line where its row starts, which
    is where a person must look, not at the end of the file where the reader noticed;
    like any break of the CSV rules it names the "row", a line to mend, not the file.
    """
    first = next((ln for ln in _NEWLINE_RE.split(text) if ln.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: tuple[str, ...] | None = None
    header_line = 1
    rows: list[tuple[int, tuple[str, ...]]] = []
    previous = 0
    try:
        for row in reader:
            start, previous = previous + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header, header_line = tuple(row), start
            else:
                rows.append((start, tuple(row)))
    except csv.Error as exc:
        start = previous + 1
        while start < reader.line_num and not _line_has_content(text, start):
            start += 1
        if "unexpected end of data" in str(exc):
            problems.add(start, "row", "a quote opened in this line is never closed")
        else:
            problems.add(start, "row", f"not valid CSV: {exc}")
    names = tuple(c.strip().lstrip("\ufeff").lower() for c in header or ())
    while names and not names[-1]:  # spreadsheets often leave empty trailing columns
        names = names[:-1]
    return _Table(header_line, names, tuple(rows))


def _line_has_content(text: str, line: int) -> bool:
    lines = _NEWLINE_RE.split(text, maxsplit=line)
    return line <= len(lines) and bool(lines[line - 1].strip())


def _classify(columns: Iterable[str]) -> ImportFormat:
    names = set(columns)
    if names & _SESSION_ONLY:
        return ImportFormat.SESSIONS_CSV
    if names & _ENTRY_ONLY:
        return ImportFormat.ENTRIES_CSV
    return ImportFormat.SIMPLE_CSV


def _check_header(
    table: _Table,
    fmt: ImportFormat,
    problems: _Problems,
) -> dict[str, str]:
    """Canonical column name → the name as written in the file; reports every fault."""
    line = table.header_line
    if fmt is ImportFormat.SIMPLE_CSV:
        allowed: Mapping[str, str] = _SIMPLE_ALIASES
        expected = "date, pain, stress and optionally note (or datum, pijn, stress, notitie)"
    else:
        known = ENTRY_CSV_COLUMNS if fmt is ImportFormat.ENTRIES_CSV else SESSION_CSV_COLUMNS
        allowed = {name: name for name in known}
        expected = ", ".join(known)
    if fmt is ImportFormat.SIMPLE_CSV and not set(table.columns) & set(_SIMPLE_ALIASES):
        # No column we know: most likely the header row is missing altogether.
        problems.add(
            line, "header", "the first line must name the columns: date,pain,stress[,note]"
        )
        return {}
    mapping: dict[str, str] = {}
    for index, name in enumerate(table.columns):
        if not name:
            problems.add(line, f"column {index + 1}", "has no name in the header")
        elif name not in allowed:
            problems.add(line, name, f"is not a known column; expected {expected}")
        elif allowed[name] in mapping:
            problems.add(line, name, f"column {allowed[name]!r} appears twice")
        else:
            mapping[allowed[name]] = name
    if fmt is ImportFormat.SESSIONS_CSV:
        required: tuple[str, ...] = SESSION_REQUIRED
    elif fmt is ImportFormat.ENTRIES_CSV:
        required = ("pain", "stress")
        if "at" not in mapping and "date" not in mapping:
            problems.add(line, "at", "column is missing (give `at`, or `date` and `time`)")
    else:
        required = ("date", "pain", "stress")
    for name in required:
        if name not in mapping:
            problems.add(line, name, "column is missing")
    return mapping


class _Row:
    """One CSV row: cells by canonical column, and problems named by the file's column."""

    def __init__(
        self, line: int, cells: Mapping[str, str], names: Mapping[str, str], problems: _Problems
    ) -> None:
        self.line = line
        self.cells = cells
        self.names = names
        self.problems = problems
        self.bad_columns: set[str] = set()

    def column(self, canonical: str) -> str:
        return self.names.get(canonical, canonical)

    @property
    def ok(self) -> bool:
        return not self.bad_columns

    def bad(self, canonical: str, message: str) -> None:
        if canonical not in self.bad_columns:  # one problem per cell is enough
            self.bad_columns.add(canonical)
            self.problems.add(self.line, self.column(canonical), message)

    def text(self, name: str) -> str:
        return self.cells.get(name, "")

    def integer(self, name: str) -> int | None:
        raw = self.text(name).strip()
        if not raw:
            return None
        if not _INT_RE.fullmatch(raw):
            self.bad(name, f"{raw!r} is not a whole number")
            return None
        return int(raw)

    def boolean(self, name: str) -> bool:
        raw = self.text(name).strip().lower()
        if raw in _YES:
            return True
        if raw not in _NO:
            self.bad(name, f"{raw!r} is not yes or no")
        return False

    def moment(self, name: str) -> datetime | None:
        raw = self.text(name).strip()
        if not raw:
            return None
        try:
            moment = parse_datetime(raw, name)
        except _PARSE_ERRORS:
            self.bad(name, f"{raw!r} is not a date and time like 2026-03-02T09:00:00+01:00")
            return None
        self.refuse_skipped(name, datetime.fromisoformat(raw), moment)
        return moment

    def refuse_skipped(self, name: str, typed: datetime, placed: datetime) -> None:
        """Name `name` when `typed` (local time, without an offset) is one the clocks
        skipped: it was placed an hour off, and the diary would show another time."""
        if typed.tzinfo is None and placed.replace(tzinfo=None) != typed:
            self.bad(
                name,
                f"{typed:%Y-%m-%d %H:%M} does not exist on this computer's clock "
                "(the clocks moved that day)",
            )

    def day(self, name: str) -> date | None:
        raw = self.text(name).strip()
        if not raw:
            return None
        try:
            if _DATE_RE.fullmatch(raw):
                return date.fromisoformat(raw)
        except ValueError:
            pass
        self.bad(name, f"{raw!r} is not a date like 2026-03-02")
        return None

    def clock(self, name: str) -> time | None:
        raw = self.text(name).strip()
        if not raw:
            return None
        match = _TIME_RE.fullmatch(raw)
        try:
            if match:
                h, m, s = match.groups()
                return time(int(h), int(m), int(s or 0))
        except ValueError:
            pass
        self.bad(name, f"{raw!r} is not a time like 09:30")
        return None

    def finish(
        self,
        doc: Mapping[str, Any],
        parse: Callable[[Mapping[str, Any]], tuple[_T | None, list[tuple[str, str]]]],
        probe: Mapping[str, Any],
        aliases: Mapping[str, str],
    ) -> _T | None:
        """Validate the row's record and report what the cell checks did not catch.

        Cells that already failed are replaced by harmless values first, so a row with
        a bad date and a pain of 11 reports both, and neither twice.
        """
        clean: dict[str, Any] = {}
        for key, value in doc.items():
            if aliases.get(key, key) in self.bad_columns:
                if key in probe:
                    clean[key] = probe[key]
            elif value is not None:
                clean[key] = value
        record, errors = parse(clean)
        for field_name, message in errors:
            root = _root(field_name)
            self.bad(aliases.get(root, root), message)
        return record if self.ok else None


def _local(day: date, clock: time) -> datetime | None:
    """A wall-clock moment on `day` in this computer's zone (its offset on that day)."""
    try:
        return datetime.combine(day, clock).astimezone()
    except (ValueError, OverflowError, OSError):
        return None


def _entry_row(row: _Row, now: datetime) -> DiaryEntry | None:
    doc: dict[str, Any] = {}
    raw_id = _unprotect(row.text("id").strip())
    doc["id"] = raw_id or str(uuid.uuid4())
    at = row.moment("at")
    day, clock = row.day("date"), row.clock("time")
    if at is not None:
        if day is not None and day != at.date():
            row.bad("date", f"{day} does not match `at` ({at.isoformat()}); fix or clear one")
        if clock is not None and clock.strftime("%H:%M") != at.strftime("%H:%M"):
            row.bad("time", f"{clock:%H:%M} does not match `at` ({at.isoformat()})")
    elif day is not None:
        at = _local(day, clock or time(12))
        if at is None:
            row.bad("date", f"{day} cannot be placed in this computer's time zone")
        else:  # the time as typed is the one to mend (`rugdiary add` names it too)
            typed = datetime.combine(day, clock or time(12))
            row.refuse_skipped("time" if clock is not None else "date", typed, at)
    elif not row.text("at").strip() and not row.text("date").strip():
        row.bad("at" if "at" in row.names else "date", "is required")
    doc["at"] = at
    for name in ("pain", "stress", "worst_pain", "sleep", "mood", "confidence"):
        doc[name] = row.integer(name)
    for name in ("work_demand", "support", "activity_min"):
        doc[name] = row.integer(name)
    doc["flare_up"] = row.boolean("flare_up")
    doc["for_physio"] = row.boolean("for_physio")
    tags = _unprotect(row.text("tags"))
    doc["tags"] = [t for t in _split_list(tags) if t.strip()] if tags.strip() else []
    meds = _unprotect(row.text("medication"))
    medication: list[dict[str, str]] = []
    if meds.strip():
        for item in _split_list(meds, unescape=False):
            if item.strip():
                parts = _split_escaped(item, "|")
                if len(parts) > 2:
                    row.bad("medication", f"{item!r} has more than one | between name and dose")
                    continue
                medication.append({"name": parts[0], "dose": parts[1] if len(parts) > 1 else ""})
    doc["medication"] = medication
    doc["note"] = _unprotect(row.text("note"))
    regions = _unprotect(row.text("regions"))
    doc["regions"] = [r.strip() for r in regions.split(";") if r.strip()]
    for name in ("created", "updated"):
        doc[name] = row.moment(name) or (None if raw_id else now)
    aliases = {"at": "at" if "at" in row.names else "date"}
    return row.finish(doc, _parse_entry, _ENTRY_PROBE, aliases)


def _session_row(row: _Row) -> Session | None:
    doc: dict[str, Any] = {"id": _unprotect(row.text("id").strip()) or str(uuid.uuid4())}
    for name in ("started_at", "ended_at"):
        doc[name] = row.moment(name)
    day = row.day("date")
    started = doc["started_at"]
    if day is not None and started is not None and day != started.date():
        row.bad("date", f"{day} does not match started_at ({started.isoformat()})")
    for name in ("program_id", "program_name"):
        doc[name] = _unprotect(row.text(name).strip()) or None
    doc["level"] = row.text("level").strip().lower() or None
    for name in ("planned_s", "done_s", "steps_done", "steps_skipped"):
        doc[name] = row.integer(name)
    for name in ("pain_before", "pain_after", "effort"):
        doc[name] = row.integer(name)
    if row.text("completed").strip():
        doc["completed"] = row.boolean("completed")
    doc["stopped_reason"] = row.text("stopped_reason").strip().lower() or None
    doc["note"] = _unprotect(row.text("note"))
    return row.finish(doc, _parse_session, _SESSION_PROBE, {})


def _simple_row(row: _Row, now: datetime) -> DiaryEntry | None:
    raw = row.text("date").strip()
    at: datetime | None = None
    if not raw:
        row.bad("date", "is required")
    elif _DATE_RE.fullmatch(raw):
        day = row.day("date")
        if day is not None:
            at = _local(day, time(12))
            if at is None:
                row.bad("date", f"{day} cannot be placed in this computer's time zone")
    else:
        try:
            at = parse_datetime(raw, "date")
        except _PARSE_ERRORS:
            row.bad("date", f"{raw!r} is not a date like 2026-03-02 or 2026-03-02T09:30")
        else:
            row.refuse_skipped("date", datetime.fromisoformat(raw), at)
    pain, stress = row.integer("pain"), row.integer("stress")
    doc = {
        "at": at,
        "pain": pain,
        "stress": stress,
        "note": row.text("note").strip(),
        "created": now,
        "updated": now,
    }
    return row.finish(doc, _parse_entry, _ENTRY_PROBE, {"at": "date"})


def _given_fields(fmt: ImportFormat, columns: Iterable[str]) -> frozenset[str]:
    """The record fields a CSV with these (canonical) columns gives (`_Parsed.given`)."""
    names = set(columns)
    if fmt is ImportFormat.SESSIONS_CSV:
        return frozenset(names & _SESSION_FIELDS)  # its `date` only repeats started_at's
    if fmt is ImportFormat.SIMPLE_CSV:
        return frozenset({"at", "pain", "stress"} | (names & {"note"}))
    if {"date", "time"} <= names:
        names.add("at")
    return frozenset(names & _ENTRY_FIELDS)


def _parse_csv(text: str, now: datetime, problems: _Problems) -> _Parsed:
    table = _read_csv(text, problems)
    fmt = _classify(table.columns)
    names = _check_header(table, fmt, problems)
    parsed = _Parsed(fmt)
    if problems:
        return parsed  # without a sound header every row would only add noise
    if "at" not in names and "date" in names:
        parsed.moment_column, parsed.moment_is_day = names["date"], True
    elif "at" in names:
        parsed.moment_column = names["at"]
    parsed.given, parsed.by_moment = _given_fields(fmt, names), fmt is ImportFormat.SIMPLE_CSV
    width = len(table.columns)
    by_position = {table.columns[i]: i for i in range(width)}
    aliases = _SIMPLE_ALIASES if fmt is ImportFormat.SIMPLE_CSV else {}
    tail = text[max(text.rfind("\n"), text.rfind("\r")) + 1 :]  # after the last line end
    if table.rows and tail.strip(" \t,;"):
        # A file cut off inside its last value (a stress of 10 read as 1) looks complete
        # but for its missing line end. Our exports end every row with CRLF, and so do
        # spreadsheets; a row typed without one needs only Enter after it.
        problems.add(
            table.rows[-1][0],
            "row",
            "the file ends inside this row (no line end after it), so it may be cut off; "
            "if the row is complete, end it with a line break",
        )
    for line, cells in table.rows:
        if any(c.strip() for c in cells[width:]):
            problems.add(line, "row", f"has {len(cells)} values but the header names {width}")
            continue
        if len(cells) < width:
            problems.add(
                line,
                "row",
                f"has {len(cells)} values but the header names {width}; the row may be cut off",
            )
            continue
        values = {
            aliases.get(name, name): cells[i] if i < len(cells) else ""
            for name, i in by_position.items()
        }
        row = _Row(line, values, names, problems)
        if fmt is ImportFormat.SESSIONS_CSV:
            session = _session_row(row)
            if session is not None:
                parsed.sessions.append((line, session))
        else:
            entry = (
                _entry_row(row, now) if fmt is ImportFormat.ENTRIES_CSV else _simple_row(row, now)
            )
            if entry is not None:
                parsed.entries.append((line, entry))
    return parsed


# ---------------------------------------------------------------------------
# Import: format detection, duplicates and the plan
# ---------------------------------------------------------------------------


def _is_json(text: str) -> bool:
    return text.lstrip().startswith(("{", "["))


def detect_format(content: bytes) -> ImportFormat:
    """Which kind of file `content` is, by its first character and its CSV header.

    JSON when it starts with `{` or `[`. A CSV is our sessions CSV when its header has
    a session-only column (started_at, ended_at, program_id, ...), our entries CSV when
    it has an entries-only column (id, at, time, sleep, tags, ...), and otherwise the
    simple CSV (date, pain, stress, note, or datum, pijn, stress, notitie).
    """
    text = _decode(content)
    if _is_json(text):
        return ImportFormat.JSON_EXPORT
    return _classify(_read_csv(text, _Problems()).columns)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


_STAMPS = frozenset({"id", "created", "updated"})
"""Fields that never make two records differ: an id given to a new row, and save times."""


def _compared(doc: dict[str, Any], given: frozenset[str] | None) -> str:
    """`doc` as it is compared: without its stamps, and only in the fields the file gives."""
    names = doc.keys() if given is None else given
    return json.dumps({n: doc.get(n) for n in names if n not in _STAMPS}, sort_keys=True)


def _entry_key(entry: DiaryEntry, given: frozenset[str] | None = None) -> str:
    """Same instant and same values, whatever the id and the save stamps; with `given`,
    the same values in those fields, and the same day when the file gives no time."""
    doc = entry.to_dict()
    if given is not None and "at" not in given:
        doc["at"] = entry.at.date().isoformat()
        given = given | {"at"}
    else:
        doc["at"] = _utc(entry.at)
    return _compared(doc, given)


def _session_key(session: Session, given: frozenset[str] | None = None) -> str:
    doc = session.to_dict()
    doc["started_at"] = _utc(session.started_at)
    doc["ended_at"] = _utc(session.ended_at)
    return _compared(doc, given)


_R = TypeVar("_R", DiaryEntry, Session)


def _merged(
    stored: _R | None,
    record: _R,
    given: frozenset[str] | None,
    parse: Callable[[Mapping[str, Any]], _R],
) -> dict[str, Any]:
    """What replacing `stored` with the file's `record` stores: the file's values in the
    fields it gives, `stored`'s in the others, checked as one record (ValidationError when
    they do not fit together).

    A stamp the file leaves empty keeps the stored one. An entry known by its day alone
    keeps its stored moment on that day. A stored record that cannot be read has nothing
    to keep: the file's record takes its place whole, as before.
    """
    new = record.to_dict()
    if stored is None or given is None:
        return new
    out = stored.to_dict()
    for name in given - {"id"}:
        if name in new:
            out[name] = new[name]
        elif name not in _STAMPS:
            out.pop(name, None)  # an empty cell: the file says there is none
    if (
        isinstance(record, DiaryEntry)
        and isinstance(stored, DiaryEntry)
        and "at" not in given  # known by its day: a new day moves it, the same one keeps it
        and record.at.date() != stored.at.date()
    ):
        out["at"] = new["at"]
    out["id"] = stored.id
    return parse(out).to_dict()


def _new_only(
    parsed: list[tuple[int, _R]],
    existing: Iterable[_R],
    problems: _Problems,
    table: str,
    conflicts: list[ImportConflict],
    stored_ids: Iterable[str] = (),
    *,
    given: frozenset[str] | None = None,
    by_moment: str = "",
) -> tuple[list[_R], int]:
    """Records not already present (by instant and values), and the skip count.

    `stored_ids` are the ids of every stored document of the table, readable or not: a
    damaged stored record is left out of `existing`, and the file's record with its id
    would have been added beside it, two records under one id. It is a conflict instead,
    so Replace can mend it from a copy.

    A record whose id is present with other values is a conflict (added to
    `conflicts`), not a duplicate. Two rows in one file with the same id but different
    values are an error: guessing which one the user meant would silently lose data.
    `given` are the fields the file gives (`_Parsed.given`). With `by_moment` (the
    column of the simple CSV's moment) a row is matched to a stored entry at the same
    moment instead of by id: each stored entry to one row, those equal to a row first.
    """
    key: Callable[[Any], str] = {
        "entries": lambda r: _entry_key(r, given),
        "sessions": lambda r: _session_key(r, given),
    }[table]
    parse: Callable[[Mapping[str, Any]], Any] = {
        "entries": DiaryEntry.from_dict,
        "sessions": Session.from_dict,
    }[table]
    known_ids: set[str] = set(stored_ids)
    stored: dict[str, _R] = {}
    stored_by_key: dict[str, list[str]] = {}
    at_moment: dict[str, list[_R]] = {}
    for record in existing:
        known_ids.add(record.id)
        stored.setdefault(record.id, record)
        stored_by_key.setdefault(key(record), []).append(record.id)
        if by_moment and isinstance(record, DiaryEntry):
            at_moment.setdefault(_utc(record.at), []).append(record)
    known_keys: set[str] = set(stored_by_key)
    taken: set[str] = set()
    """Stored entries a row of this file is already matched to (by_moment only)."""
    if by_moment:
        for _line, record in parsed:
            equal = [i for i in stored_by_key.get(key(record), ()) if i not in taken]
            taken.update(equal[:1])
    seen: dict[str, tuple[int, str]] = {}
    fresh: list[_R] = []
    duplicates = 0

    def conflict(line: int, match: _R | None, record: _R, column: str = "") -> None:
        try:
            merged = _merged(match, record, given, parse)
        except _PARSE_ERRORS as exc:
            problems.add(line, *_error_of(exc, table))
            return
        conflicts.append(
            ImportConflict(line, table, record.id if match is None else match.id, merged, column)
        )

    for line, record in parsed:
        k = key(record)
        if k in known_keys:
            duplicates += 1
            continue
        if by_moment and isinstance(record, DiaryEntry):
            same = [e for e in at_moment.get(_utc(record.at), ()) if e.id not in taken]
            if same:
                taken.add(same[0].id)
                conflict(line, same[0], record, by_moment)
                continue
        if record.id in known_ids:
            if record.id in seen:
                problems.add(line, "id", f"the same id is on line {seen[record.id][0]}")
            else:
                seen[record.id] = (line, k)
                conflict(line, stored.get(record.id), record)
            continue
        if record.id in seen:
            other_line, other_key = seen[record.id]
            if other_key != k:
                problems.add(line, "id", f"the same id is on line {other_line} with other values")
            else:
                duplicates += 1
            continue
        seen[record.id] = (line, k)
        known_keys.add(k)
        fresh.append(record)
    return fresh, duplicates


def _record_key(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)


IMPORT_FUTURE_SLACK = timedelta(hours=1)
"""How far past now an imported moment may lie, as well as on a later day: the clocks of
two computers differ a little, and a row dated later today is harmless; a year typed
wrong in a spreadsheet (2062 for 2026) would stand at the end of every chart and make a
flare-up that never ends. More than the command line's five minutes for a typed moment,
since the file may come from another computer."""

_FUTURE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "entries": ("at",),
    "sessions": ("started_at", "ended_at"),
    "activity_scores": ("at",),
    "flares": ("start", "end"),
    "sitting": ("day",),
}
"""The moments of each dated table, as a record's fields (a conflict holds its record so)."""


def _in_future(moment: datetime | date, now: datetime) -> bool:
    """Whether `moment` lies beyond IMPORT_FUTURE_SLACK and on a later day than today.

    The record's day is its own date (where the diary files it); it counts as later when
    it is after today both here and in the record's own offset, so neither +14:00 nor
    -12:00 lets a record for tomorrow through.
    """
    if not isinstance(moment, datetime):
        return moment > now.date()
    today = min(now.date(), now.astimezone(moment.tzinfo).date())
    return moment > now + IMPORT_FUTURE_SLACK and moment.date() > today


def _future_problems(
    line: int, fields: Mapping[str, datetime | date | None], now: datetime, problems: _Problems
) -> None:
    for name, moment in fields.items():
        if moment is not None and _in_future(moment, now):
            problems.add(line, name, f"{moment.isoformat()} lies in the future")


def _doc_moments(table: str, doc: Mapping[str, Any]) -> dict[str, datetime | date | None]:
    """The dated fields of a plain record, read as the app reads them: a moment without
    an offset is local time (validated already, so they parse)."""
    found: dict[str, datetime | date | None] = {}
    for name in _FUTURE_FIELDS.get(table, ()):
        value = doc.get(name)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                found[name] = (
                    date.fromisoformat(value) if name == "day" else parse_datetime(value, name)
                )
    return found


def import_data(
    content: bytes,
    *,
    now: datetime,
    known_schema: int,
    existing_entries: Iterable[DiaryEntry] = (),
    existing_sessions: Iterable[Session] = (),
    existing_records: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
) -> ImportResult:
    """Read an import file into a plan, or raise ImportFailed listing every problem.

    All or nothing: either every record is valid and the plan holds all new ones, or
    nothing is returned. Pure: the caller writes the plan in one transaction, so a
    crash can never leave half a file imported. `now` stamps rows that carry no
    `created`/`updated` (the simple CSV); `known_schema` is the storage's schema
    version, passed in because reports may not import storage.
    """
    problems = _Problems()
    text = _decode(content)
    stamp = now.replace(microsecond=0)
    if _is_json(text):
        parsed = _parse_json_export(text, known_schema, problems)
    else:
        parsed = _parse_csv(text, stamp, problems)
    # The rows that did read go on to the checks below, so that one list names every
    # problem (a bad score and a date in 2062 alike) and one round of mending suffices.

    conflicts: list[ImportConflict] = []
    existing = existing_records or {}

    def stored_ids(table: str) -> list[str]:
        docs = existing.get(table, ())
        return [d["id"] for d in docs if isinstance(d, Mapping) and isinstance(d.get("id"), str)]

    entries, entry_dups = _new_only(
        parsed.entries,
        existing_entries,
        problems,
        "entries",
        conflicts,
        stored_ids("entries"),
        given=parsed.given,
        by_moment=parsed.moment_column if parsed.by_moment else "",
    )
    sessions, session_dups = _new_only(
        parsed.sessions,
        existing_sessions,
        problems,
        "sessions",
        conflicts,
        stored_ids("sessions"),
        given=parsed.given,
    )
    duplicates = entry_dups + session_dups
    # Only what would be added or could replace a record is checked for dates in the
    # future: a copy that holds one already in the diary imports as before.
    lines = {id(r): line for line, r in (*parsed.entries, *parsed.sessions)}
    for entry in entries:
        moment: datetime | date = entry.at.date() if parsed.moment_is_day else entry.at
        _future_problems(lines[id(entry)], {parsed.moment_column: moment}, now, problems)
    for session in sessions:
        moments = {name: getattr(session, name) for name in _FUTURE_FIELDS["sessions"]}
        _future_problems(lines[id(session)], moments, now, problems)
    records: dict[str, tuple[dict[str, Any], ...]] = {}
    settings_skipped = 0
    for table, items in parsed.records.items():
        present = list(existing.get(table, ()))
        if table == "settings" and present:
            settings_skipped = len(items)
            continue
        key_field = KEY_FIELDS.get(table, "id")
        ids = {d.get(key_field) for d in present if isinstance(d.get(key_field), str)}
        keys = {_record_key(d) for d in present}
        seen_ids: dict[str, int] = {}
        kept: list[dict[str, Any]] = []
        for line, doc in items:
            doc_id = doc.get(key_field)
            k = _record_key(doc)
            if k in keys:
                duplicates += 1
                continue
            if isinstance(doc_id, str) and doc_id in ids:
                if doc_id in seen_ids:
                    problems.add(line, key_field, f"{doc_id!r} is also on line {seen_ids[doc_id]}")
                else:
                    seen_ids[doc_id] = line
                    conflicts.append(ImportConflict(line, table, doc_id, doc))
                continue
            if isinstance(doc_id, str):
                if doc_id in seen_ids:
                    problems.add(line, key_field, f"{doc_id!r} is also on line {seen_ids[doc_id]}")
                    continue
                seen_ids[doc_id] = line
            keys.add(k)
            kept.append(doc)
            _future_problems(line, _doc_moments(table, doc), now, problems)
        records[table] = tuple(kept)
    for conflict in conflicts:  # the file's record would take the stored one's place
        _future_problems(
            conflict.line, _doc_moments(conflict.table, conflict.record), now, problems
        )
    problems.raise_if_any()
    return ImportResult(
        format=parsed.format,
        entries=tuple(entries),
        sessions=tuple(sessions),
        records=records,
        duplicates=duplicates,
        settings_skipped=settings_skipped,
        conflicts=tuple(conflicts),
    )


def merge_into_tables(
    tables: Mapping[str, Mapping[str, Any]], result: ImportResult, *, replace: bool = False
) -> dict[str, dict[str, Any]]:
    """A copy of TinyDB's raw `tables` with the plan appended under fresh doc ids.

    For a caller that writes the whole file in one atomic step; existing documents
    are kept as they are, except that with `replace` each conflict's record takes the
    place of the stored document with its id.
    """
    out: dict[str, dict[str, Any]] = {name: dict(docs) for name, docs in tables.items()}
    if replace:
        for conflict in result.conflicts:
            table = out.setdefault(conflict.table, {})
            key_field = KEY_FIELDS.get(conflict.table, "id")
            for doc_id, doc in list(table.items()):
                if isinstance(doc, Mapping) and doc.get(key_field) == conflict.id:
                    table[doc_id] = dict(conflict.record)

    def append(name: str, docs: Iterable[dict[str, Any]]) -> None:
        table = out.setdefault(name, {})
        next_id = max((int(k) for k in table if k.isdecimal()), default=0) + 1
        for doc in docs:
            table[str(next_id)] = doc
            next_id += 1

    append("entries", (e.to_dict() for e in result.entries))
    append("sessions", (s.to_dict() for s in result.sessions))
    for name, docs in result.records.items():
        append(name, (dict(d) for d in docs))
    return out
