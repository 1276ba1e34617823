"""Flare-up records: start, end and what helped, and how they join the diary's flare-up days."""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from rugdiary.core.diary import (
    MAX_NOTE_CHARS,
    MAX_TAGS,
    MAX_YEAR,
    MIN_YEAR,
    DiaryEntry,
    ValidationError,
    check_tags,
    check_text,
    normalize_tags,
    parse_datetime,
    reject_unknown,
)
from rugdiary.core.ids import find_by_id

MAX_HELPED_CHARS: Final = 2000
DIARY_ID_PREFIX: Final = "diary:"
"""Ids of flare-ups made from the diary's flare-up days (never stored)."""

PLAN_PROGRAMS: Final = ("morning-mobility", "stress-relief")
"""The gentle programmes the flare-up plan offers (CLINICAL.md §2: P1 and P4)."""
PLAN_DAYS: Final = (2, 3)
"""The plan's gentle days, from and to, before going back to the usual level."""


@dataclass(frozen=True, slots=True)
class FlareRecord:
    """One flare-up as the person logged it; `end` is None while it is still running.

    Instances are always valid: construction validates (end after start, texts that a
    diary can hold), and errors name the field.
    """

    id: str
    start: datetime
    end: datetime | None = None
    helped: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def is_open(self) -> bool:
        return self.end is None

    @property
    def from_diary(self) -> bool:
        """Made from flare-up days in the diary rather than logged as a flare-up."""
        return self.id.startswith(DIARY_ID_PREFIX)

    def first_day(self) -> date:
        return self.start.date()

    def last_day(self, today: date | None = None) -> date:
        """The local day it ended; while running, `today` (or its first day)."""
        if self.end is not None:
            return self.end.date()
        return max(today or self.start.date(), self.start.date())

    def replace(self, **changes: Any) -> FlareRecord:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "start": self.start.isoformat()}
        out["end"] = self.end.isoformat() if self.end is not None else None
        if self.helped:
            out["helped"] = self.helped
        if self.tags:
            out["tags"] = list(self.tags)
        if self.note:
            out["note"] = self.note
        return out

    def to_summary(self) -> dict[str, Any]:
        """The form `summary --json` and `flare list --json` print."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end is not None else None,
            "helped": self.helped,
            "tags": list(self.tags),
            "note": self.note,
            "source": "diary" if self.from_diary else "logged",
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FlareRecord:
        if not isinstance(data, Mapping):
            raise ValidationError("flare", "must be an object with fields")
        reject_unknown(data, {f.name for f in dataclasses.fields(cls)}, "is not a flare-up field")
        for name in ("id", "start"):
            if data.get(name) is None:
                raise ValidationError(name, "is required")
        raw_end = data.get("end")
        tags = data.get("tags") or ()
        if not isinstance(tags, list | tuple):
            raise ValidationError("tags", "must be a list")
        return cls(
            id=data["id"],
            start=parse_datetime(data["start"], "start"),
            end=None if raw_end is None else parse_datetime(raw_end, "end"),
            helped=data.get("helped", ""),
            tags=tuple(tags),
            note=data.get("note", ""),
        )


def _check_time(name: str, value: Any) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError(name, "must be a date and time with a UTC offset")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(name, f"must lie in the years {MIN_YEAR} to {MAX_YEAR}")


def _validate(record: FlareRecord) -> None:
    if not isinstance(record.id, str) or not record.id.strip():
        raise ValidationError("id", "must be a non-empty text")
    _check_time("start", record.start)
    if record.end is not None:
        _check_time("end", record.end)
        if record.end <= record.start:
            raise ValidationError(
                "end",
                f"{record.end.isoformat(timespec='minutes')} must come after the start, "
                f"{record.start.isoformat(timespec='minutes')}",
            )
    for name, limit in (("helped", MAX_HELPED_CHARS), ("note", MAX_NOTE_CHARS)):
        value = getattr(record, name)
        if not isinstance(value, str):
            raise ValidationError(name, "must be text")
        if len(value) > limit:
            raise ValidationError(name, f"has {len(value)} characters; at most {limit} fit")
        check_text(name, value)
    check_tags(record.tags)


# -- start and end ---------------------------------------------------------------------------


def open_flare(records: Iterable[FlareRecord]) -> FlareRecord | None:
    """The flare-up that is still running, if any (there is at most one)."""
    running = [r for r in records if r.is_open]
    return max(running, key=lambda r: r.start) if running else None


def start_flare(
    records: Iterable[FlareRecord], at: datetime, note: str = "", record_id: str | None = None
) -> FlareRecord:
    """A new running flare-up from `at`, checked against the ones already logged.

    Only one flare-up runs at a time, and a new one may not overlap one that has ended:
    the days they share would be counted twice. A running one lasts until now, so it may
    not begin before the end of any ended one (inside it, or before it and around it).
    """
    existing = list(records)
    running = open_flare(existing)
    if running is not None:
        raise ValidationError(
            "start",
            f"a flare-up is already running since {running.start:%Y-%m-%d %H:%M}; end it first",
        )
    at = at.replace(microsecond=0)
    for record in _ended(existing):
        assert record.end is not None
        if at < record.end:
            where = "inside" if record.start <= at else "before the end of"
            raise ValidationError(
                "start",
                f"{at:%Y-%m-%d %H:%M} lies {where} the flare-up of {_span(record)}; "
                "the two would overlap",
            )
    return FlareRecord(id=record_id or str(uuid.uuid4()), start=at, note=note.strip())


def _ended(records: Iterable[FlareRecord]) -> list[FlareRecord]:
    return sorted((r for r in records if r.end is not None), key=lambda r: r.start)


def _span(record: FlareRecord) -> str:
    end = f"{record.end:%Y-%m-%d %H:%M}" if record.end is not None else "now"
    return f"{record.start:%Y-%m-%d %H:%M} to {end}"


def end_flare(
    records: Iterable[FlareRecord],
    at: datetime,
    helped: str = "",
    tags: Iterable[str] = (),
) -> FlareRecord:
    """The running flare-up, ended at `at` with what helped; it must have started before,
    and it may not reach into a flare-up that has ended (the days would count twice)."""
    existing = list(records)
    running = open_flare(existing)
    if running is None:
        raise ValidationError("end", "no flare-up is running; start one first")
    at = at.replace(microsecond=0)
    ended = running.replace(end=at, helped=helped.strip(), tags=normalize_tags(tags))
    for record in _ended(existing):
        assert record.end is not None
        if record.id != running.id and record.start < at and running.start < record.end:
            raise ValidationError(
                "end",
                f"{at:%Y-%m-%d %H:%M} would make this flare-up ({_span(ended)}) overlap "
                f"the one of {_span(record)}",
            )
    return ended


def find_flare(records: Iterable[FlareRecord], key: str) -> FlareRecord | None:
    """The flare-up with id `key`, or whose id starts with `key` when that is unambiguous."""
    return find_by_id(records, key)


def flares_in(records: Iterable[FlareRecord], start: date, end: date) -> list[FlareRecord]:
    """The flare-ups that share at least one day with `start`..`end`, oldest first.

    A running flare-up lasts until now, so it belongs to every period from its start on.
    """
    found = [
        r for r in records if r.start.date() <= end and (r.end is None or r.end.date() >= start)
    ]
    return sorted(found, key=lambda r: r.start)


# -- the diary's flare-up days -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlaggedRun:
    """Consecutive days with at least one diary entry marked as flare-up."""

    first: date
    last: date
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    tz: Any = field(default=None, compare=False)
    """The UTC offset of its entries, to give its day boundaries a time."""


def flagged_runs(entries: Iterable[DiaryEntry], start: date, end: date) -> list[FlaggedRun]:
    """Runs of flare-up days in `start`..`end`, as the report has always counted them."""
    by_day: dict[date, list[DiaryEntry]] = {}
    for entry in entries:
        if start <= entry.day <= end:
            by_day.setdefault(entry.day, []).append(entry)
    flagged = sorted(day for day, items in by_day.items() if any(e.flare_up for e in items))
    runs: list[list[date]] = []
    for day in flagged:
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    out = []
    for days in runs:
        items = sorted((e for d in days for e in by_day[d]), key=lambda e: e.at)
        counts = Counter(tag for e in items for tag in e.tags)
        notes: dict[str, str] = {}
        for e in items:
            key = e.note.strip().casefold()
            if key and key not in notes:
                notes[key] = e.note.strip()
        out.append(
            FlaggedRun(
                first=days[0],
                last=days[-1],
                tags=tuple(tag for tag, _ in counts.most_common()),
                notes=tuple(notes.values()),
                tz=items[0].at.tzinfo,
            )
        )
    return out


def _touches(record: FlareRecord, run: FlaggedRun, today: date) -> bool:
    """They share a day, or one ends the day before the other begins: one flare-up."""
    first, last = record.first_day(), record.last_day(today)
    return run.first <= last + timedelta(days=1) and run.last >= first - timedelta(days=1)


def merge_with_flagged_days(
    records: Sequence[FlareRecord], runs: Sequence[Any], today: date | None = None
) -> list[FlareRecord]:
    """Logged flare-ups and the diary's flare-up days as one list, each flare-up once.

    The rule: a run of flagged days (FlaggedRun, or the report's FlareUp: `first`, `last`,
    `tags`, `notes`) that shares a day with a logged flare-up, or lies right next to it,
    is part of that flare-up, not a second one. The logged one then reaches over those
    days too (its start moves to the first flagged day's morning, an ended one's end to
    the last flagged day's evening), keeps what helped, and takes the diary's notes when
    it has no note of its own. A run that touches no logged flare-up is a flare-up of its
    own, made from the diary (id "diary:<first day>"), with the diary's tags and notes.
    """
    merged = {r.id: r for r in sorted(records, key=lambda r: r.start)}
    extra: list[FlareRecord] = []
    for run in runs:
        tz = getattr(run, "tz", None)
        owner = next(
            (r for r in merged.values() if _touches(r, run, today or run.last)),
            None,
        )
        run_notes = " / ".join(run.notes)
        if owner is None:
            morning = datetime.combine(run.first, time(0, 0), tzinfo=tz or UTC)
            evening = datetime.combine(run.last, time(23, 59), tzinfo=tz or UTC)
            extra.append(
                FlareRecord(
                    id=f"{DIARY_ID_PREFIX}{run.first.isoformat()}",
                    start=morning,
                    end=evening,
                    tags=tuple(run.tags)[:MAX_TAGS],
                    note=run_notes[:MAX_NOTE_CHARS],
                )
            )
            continue
        zone = owner.start.tzinfo
        morning = datetime.combine(run.first, time(0, 0), tzinfo=zone)
        evening = datetime.combine(run.last, time(23, 59), tzinfo=zone)
        changes: dict[str, Any] = {}
        # Only whole days widen it: flagged days it already covers keep the logged times.
        if run.first < owner.start.date():
            changes["start"] = morning
        if owner.end is not None and run.last > owner.end.date():
            changes["end"] = evening
        if not owner.note and run_notes:
            changes["note"] = run_notes[:MAX_NOTE_CHARS]
        if changes:
            merged[owner.id] = owner.replace(**changes)
    return sorted([*merged.values(), *extra], key=lambda r: r.start)


def report_flare_records(
    records: Iterable[FlareRecord],
    entries: Iterable[DiaryEntry],
    start: date,
    end: date,
    today: date | None = None,
) -> list[FlareRecord]:
    """What the report's flare-up table and `summary --json`'s "flare_ups" list show for
    `start`..`end`: the logged flare-ups merged with the diary's flare-up days (see
    `merge_with_flagged_days`), oldest first. Pass it as `flare_records=`."""
    in_period = flares_in(records, start, end)
    runs = flagged_runs(entries, start, end)
    return flares_in(merge_with_flagged_days(in_period, runs, today or end), start, end)
