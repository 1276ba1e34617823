"""Diary entries: the dataclass, its validation, and its plain-dict form."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rugdiary.core.body_regions import REGION_IDS

ENTRY_REQUIRED: tuple[str, ...] = ("at", "pain", "stress")
"""Fields a stored or imported diary entry must have (not null)."""

SCALE_FIELDS: tuple[str, ...] = (
    "pain",
    "stress",
    "worst_pain",
    "sleep",
    "mood",
    "confidence",
    "work_demand",
    "support",
)
"""Fields scored 0-10; the first two are required."""

OPTIONAL_SCALE_FIELDS: tuple[str, ...] = SCALE_FIELDS[2:]
MAX_NOTE_CHARS = 5000
MAX_ACTIVITY_MIN = 24 * 60
MAX_TAG_CHARS = 40
MAX_TAGS = 30
MAX_MEDICATIONS = 20
MAX_MEDICATION_CHARS = 80
MIN_YEAR = 1900
MAX_YEAR = 2100
"""Entries are dated within these years (inclusive). Far-out dates are typing errors, and
statistics and exports that step a day past year 9999 or before year 1 would fail."""

_UNSTORABLE_CHARS = re.compile(r"[\x00\ud800-\udfff]")
"""The one rule for characters in text, applied wherever an entry is made (add, edit,
import) and so to everything an export holds: any character except NUL (which text
files and our CSV import refuse as binary) and lone surrogates (which cannot be written
as UTF-8). Everything else round-trips unchanged through the CSV and JSON exports;
`rugdiary list` shows other control characters escaped."""


class ValidationError(ValueError):
    """A value that does not fit the diary's data model.

    `field` names the offending field so a form, the CLI or an import can point at it.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def reject_unknown(
    data: Iterable[Any], known: Collection[str], message: str, path: str = ""
) -> None:
    """Raise ValidationError for the first name in `data` (sorted) that is not in `known`.

    A typo in a file or an import then names the field (`path.name`) instead of being
    dropped without a word. `message` ends the error: "is not a dose field".
    """
    unknown = sorted(str(name) for name in set(data) - set(known))
    if unknown:
        raise ValidationError(f"{path}.{unknown[0]}" if path else unknown[0], message)


@dataclass(frozen=True, slots=True)
class Medication:
    """One medicine taken, as the user writes it (no drug database on purpose)."""

    name: str
    dose: str = ""


@dataclass(frozen=True, slots=True)
class DiaryEntry:
    """One diary entry. Instances are always valid: construction validates."""

    at: datetime
    pain: int
    stress: int
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    worst_pain: int | None = None
    sleep: int | None = None
    mood: int | None = None
    confidence: int | None = None
    work_demand: int | None = None
    support: int | None = None
    activity_min: int | None = None
    flare_up: bool = False
    tags: tuple[str, ...] = ()
    medication: tuple[Medication, ...] = ()
    note: str = ""
    for_physio: bool = False
    regions: tuple[str, ...] = ()
    created: datetime | None = None
    updated: datetime | None = None

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def day(self) -> date:
        """The local calendar day of the entry: the date as the user saw it when logging."""
        return self.at.date()

    def replace(self, **changes: Any) -> DiaryEntry:
        """A validated copy with `changes` applied."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in TinyDB; optional fields that are unset are left out.

        Leaving them out keeps a ten-year diary file small, which keeps every save fast.
        """
        out: dict[str, Any] = {
            "id": self.id,
            "at": self.at.isoformat(),
            "pain": self.pain,
            "stress": self.stress,
        }
        for name in OPTIONAL_SCALE_FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.activity_min is not None:
            out["activity_min"] = self.activity_min
        if self.flare_up:
            out["flare_up"] = True
        if self.tags:
            out["tags"] = list(self.tags)
        if self.medication:
            out["medication"] = [{"name": m.name, "dose": m.dose} for m in self.medication]
        if self.note:
            out["note"] = self.note
        if self.for_physio:
            out["for_physio"] = True
        if self.regions:
            out["regions"] = list(self.regions)
        if self.created is not None:
            out["created"] = self.created.isoformat()
        if self.updated is not None:
            out["updated"] = self.updated.isoformat()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DiaryEntry:
        """Build an entry from its stored or imported form, naming the field of any error."""
        if not isinstance(data, Mapping):
            raise ValidationError("entry", "must be an object with fields")
        known = {f.name for f in dataclasses.fields(cls)}
        reject_unknown(data, known, "is not a diary field")
        for required in ENTRY_REQUIRED:
            if data.get(required) is None:
                raise ValidationError(required, "is required")
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if v is not None}
        kwargs["at"] = parse_datetime(data["at"], "at")
        for stamp in ("created", "updated"):
            if stamp in kwargs:
                kwargs[stamp] = parse_datetime(kwargs[stamp], stamp)
        if "tags" in kwargs:
            kwargs["tags"] = _as_tuple(kwargs["tags"], "tags")
        if "regions" in kwargs:
            kwargs["regions"] = _as_tuple(kwargs["regions"], "regions")
        if "medication" in kwargs:
            kwargs["medication"] = tuple(
                _parse_medication(item, i)
                for i, item in enumerate(_as_tuple(kwargs["medication"], "medication"))
            )
        return cls(**kwargs)


def new_entry(*, now: datetime, **fields: Any) -> DiaryEntry:
    """A fresh entry stamped `created`/`updated` at `now`; `at` defaults to `now` as well.

    Times are kept to the second: finer is noise in a diary and clutters exports.
    """
    now = now.replace(microsecond=0)
    fields.setdefault("at", now)
    if "tags" in fields:
        fields["tags"] = normalize_tags(fields["tags"])
    if "regions" in fields:
        fields["regions"] = normalize_regions(fields["regions"])
    return DiaryEntry(created=now, updated=now, **fields)


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, lower-case, de-duplicated tags in the order given.

    Lower case so "Sitting" and "sitting" count as one trigger in the statistics.
    """
    seen: dict[str, None] = {}
    for tag in tags:
        if not isinstance(tag, str):
            raise ValidationError("tags", "every tag must be text")
        clean = " ".join(tag.split()).lower()
        if clean:
            seen.setdefault(clean, None)
    return tuple(seen)


def normalize_regions(regions: Iterable[str]) -> tuple[str, ...]:
    """Body-map regions once each, in REGION_IDS order; an unknown id names "regions"."""
    chosen = tuple(regions)
    for region in chosen:
        _check_region(region)
    return tuple(region for region in REGION_IDS if region in chosen)


def _check_region(region: Any) -> None:
    if not isinstance(region, str) or region not in REGION_IDS:
        shown = repr(region) if isinstance(region, str) else "a value that is not text"
        raise ValidationError(
            "regions", f"{shown} is not a body region; use one of {', '.join(REGION_IDS)}"
        )


def parse_datetime(value: Any, field_name: str) -> datetime:
    """An aware datetime from ISO 8601 text (or a datetime), naming `field_name` on error."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                field_name, f"{value!r} is not a date and time like 2026-03-14T08:30+01:00"
            ) from None
    else:
        raise ValidationError(field_name, "must be a date and time in ISO 8601 form")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        # Naive input (typed by a person, or an old spreadsheet) means local time.
        try:
            parsed = parsed.astimezone()
        except (OverflowError, ValueError, OSError):
            raise ValidationError(field_name, _year_message()) from None
    return parsed


def _year_message() -> str:
    return f"must be a date from the years {MIN_YEAR} to {MAX_YEAR}"


def check_text(name: str, value: str) -> None:
    """Raise ValidationError naming `name` if `value` breaks the text rule (see above)."""
    found = _UNSTORABLE_CHARS.search(value)
    if found is None:
        return
    ch = found.group()
    if "\ud800" <= ch <= "\udfff":
        raise ValidationError(name, "contains a broken character (a lone surrogate)")
    raise ValidationError(
        name, f"contains the control character U+{ord(ch):04X}, which a diary cannot hold"
    )


def check_tags(tags: object) -> None:
    """Tags as entries and flare-ups keep them: a list of short, non-empty texts."""
    if not isinstance(tags, tuple):
        raise ValidationError("tags", "must be a list")
    if len(tags) > MAX_TAGS:
        raise ValidationError("tags", f"at most {MAX_TAGS} tags")
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip():
            raise ValidationError("tags", "every tag must be non-empty text")
        if len(tag) > MAX_TAG_CHARS:
            raise ValidationError("tags", f"a tag has at most {MAX_TAG_CHARS} characters")
        check_text("tags", tag)


def _as_tuple(value: Any, field_name: str) -> tuple[Any, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    raise ValidationError(field_name, "must be a list")


def _parse_medication(item: Any, index: int) -> Medication:
    if isinstance(item, Medication):
        return item
    if isinstance(item, Mapping):
        extra = set(item) - {"name", "dose"}
        if extra:
            raise ValidationError(f"medication[{index}]", f"unknown field {sorted(extra)[0]!r}")
        return Medication(name=item.get("name", ""), dose=item.get("dose", "") or "")
    raise ValidationError(f"medication[{index}]", "must be an object with name and dose")


def _check_int(name: str, value: Any, low: int, high: int) -> None:
    # bool is an int subclass; True must not pass as a pain score of 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be from {low} to {high}, not {value}")


def _validate(entry: DiaryEntry) -> None:
    if not isinstance(entry.id, str) or not entry.id.strip():
        raise ValidationError("id", "must be a non-empty text")
    for name in ("at", "created", "updated"):
        value = getattr(entry, name)
        if value is None and name != "at":
            continue
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValidationError(name, "must be a date and time with a UTC offset")
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValidationError(name, f"{_year_message()}, not {value.year}")
    for name in SCALE_FIELDS:
        value = getattr(entry, name)
        if value is None and name in OPTIONAL_SCALE_FIELDS:
            continue
        _check_int(name, value, 0, 10)
    if entry.activity_min is not None:
        _check_int("activity_min", entry.activity_min, 0, MAX_ACTIVITY_MIN)
    for name in ("flare_up", "for_physio"):
        if not isinstance(getattr(entry, name), bool):
            raise ValidationError(name, "must be true or false")
    check_tags(entry.tags)
    if not isinstance(entry.regions, tuple):
        raise ValidationError("regions", "must be a list")
    for region in entry.regions:
        _check_region(region)
    if len(set(entry.regions)) != len(entry.regions):
        raise ValidationError("regions", "names a body region more than once")
    if not isinstance(entry.medication, tuple):
        raise ValidationError("medication", "must be a list")
    if len(entry.medication) > MAX_MEDICATIONS:
        raise ValidationError("medication", f"at most {MAX_MEDICATIONS} medicines")
    for i, med in enumerate(entry.medication):
        if not isinstance(med, Medication):
            raise ValidationError(f"medication[{i}]", "must be an object with name and dose")
        if not isinstance(med.name, str) or not med.name.strip():
            raise ValidationError(f"medication[{i}].name", "is required")
        if not isinstance(med.dose, str):
            raise ValidationError(f"medication[{i}].dose", "must be text")
        if len(med.name) > MAX_MEDICATION_CHARS or len(med.dose) > MAX_MEDICATION_CHARS:
            raise ValidationError(
                f"medication[{i}]", f"name and dose have at most {MAX_MEDICATION_CHARS} characters"
            )
        check_text(f"medication[{i}].name", med.name)
        check_text(f"medication[{i}].dose", med.dose)
    if not isinstance(entry.note, str):
        raise ValidationError("note", "must be text")
    if len(entry.note) > MAX_NOTE_CHARS:
        raise ValidationError(
            "note", f"has {len(entry.note)} characters; at most {MAX_NOTE_CHARS} fit"
        )
    check_text("note", entry.note)
