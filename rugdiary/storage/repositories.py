"""Repositories: one per table, turning stored documents into core dataclasses and back."""

from __future__ import annotations

import builtins
import copy
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from tinydb import Query
from tinydb.table import Table

from rugdiary.core.clock import Clock, SystemClock
from rugdiary.core.diary import DiaryEntry, ValidationError
from rugdiary.storage.database import Database

if TYPE_CHECKING:
    # Imported where used: the diary window opens without the exercise library.
    from rugdiary.core.activities import Activity, ActivityScore
    from rugdiary.core.exercises import Exercise
    from rugdiary.core.programs import Program
    from rugdiary.core.reminders import ReminderState
    from rugdiary.core.sessions import Session
    from rugdiary.core.sitting import SittingDay

EntryList = list[DiaryEntry]  # `list` inside the class means EntryRepository.list


class EntryNotFoundError(LookupError):
    """The entry was deleted (perhaps from another window) before this change reached it."""


@dataclass(frozen=True, slots=True)
class InvalidRecord:
    """A stored document that no longer passes validation (e.g. edited by hand)."""

    table: str
    doc_id: int
    field: str
    message: str


InvalidList = list[InvalidRecord]
T = TypeVar("T")
_DAY_PREFIX = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
C = TypeVar("C", "Program", "Exercise")


def _select_by_day(
    raw: Mapping[str, dict[str, Any]],
    table: str,
    time_field: str | None,
    start: date | None,
    end: date | None,
    parse: Callable[[Mapping[str, Any]], T],
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
) -> tuple[builtins.list[T], InvalidList]:
    """Parse the documents whose local day lies in [start, end], collecting invalid ones.

    Times are stored as local time with their offset, so the first ten characters are
    the local day: filtering on text skips parsing everything out of range, which keeps
    a short range fast in a ten-year diary. Only a stamp that starts with a day is
    filtered so: a broken one ("", "1") is parsed and reported, never dropped unseen.
    """
    low = start.isoformat() if start else ""
    high = end.isoformat() if end else "9999-12-31"
    found: builtins.list[T] = []
    invalid: InvalidList = []
    for doc_id, doc in raw.items():
        stamp = doc.get(time_field) if time_field else None
        if isinstance(stamp, str) and _DAY_PREFIX.match(stamp) and not low <= stamp[:10] <= high:
            continue
        if keep is not None and not keep(doc):
            continue
        try:
            found.append(parse(doc))
        except ValidationError as exc:
            invalid.append(InvalidRecord(table, int(doc_id), exc.field, exc.message))
        except (ValueError, TypeError, OverflowError, AttributeError) as exc:
            invalid.append(InvalidRecord(table, int(doc_id), "record", str(exc) or "malformed"))
    return found, invalid


def _replace_by_id(db: Database, table: Table, record_id: str, new_doc: dict[str, Any]) -> None:
    """Swap the whole stored document with this id for `new_doc`, in one write.

    The whole document, so that fields cleared in a form disappear from the file too.
    """
    with db.transaction():
        raw = db.read_tables().get(table.name, {})
        doc_ids = [int(key) for key, doc in raw.items() if doc.get("id") == record_id]
        if not doc_ids:
            raise EntryNotFoundError(record_id)

        def replace_doc(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(new_doc)

        table.update(replace_doc, doc_ids=doc_ids)


class EntryRepository:
    """Diary entries in the `entries` table, keyed by their uuid `id`."""

    TABLE = "entries"

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()
        self._table = db.table(self.TABLE)

    def add(self, entry: DiaryEntry) -> DiaryEntry:
        """Store a new entry; when this returns, the entry is on disk."""
        with self._db.transaction():
            self._table.insert(entry.to_dict())
        return entry

    def add_many(self, entries: EntryList) -> None:
        """Store several entries in one write: all of them, or none if the write fails."""
        with self._db.transaction():
            self._table.insert_multiple([e.to_dict() for e in entries])

    def update(self, entry: DiaryEntry) -> DiaryEntry:
        """Replace the stored entry with the same id; stamps `updated`."""
        stamped = entry.replace(updated=self._clock.now())
        _replace_by_id(self._db, self._table, stamped.id, stamped.to_dict())
        return stamped

    def delete(self, entry_id: str) -> DiaryEntry:
        """Remove an entry and return it, so the caller can offer undo."""
        with self._db.transaction():
            doc_ids = self._doc_ids(entry_id)
            if not doc_ids:
                raise EntryNotFoundError(entry_id)
            removed = DiaryEntry.from_dict(self._db.read_tables()[self.TABLE][str(doc_ids[0])])
            self._table.remove(doc_ids=doc_ids)
        return removed

    def restore(self, entry: DiaryEntry) -> None:
        """Put back a deleted entry with its original id and stamps (undo of delete)."""
        with self._db.transaction():
            if not self._doc_ids(entry.id):
                self._table.insert(entry.to_dict())

    def get(self, entry_id: str) -> DiaryEntry | None:
        for doc in self._table.search(Query().id == entry_id):
            return DiaryEntry.from_dict(doc)
        return None

    def list(
        self, start: date | None = None, end: date | None = None, tag: str | None = None
    ) -> EntryList:
        """Entries whose local day lies in [start, end] (either open), newest first."""
        return self._select(start, end, tag)[0]

    def list_checked(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[EntryList, InvalidList]:
        """Like `list`, but also reports stored documents that fail validation."""
        return self._select(start, end, None)

    def _select(
        self, start: date | None, end: date | None, tag: str | None
    ) -> tuple[EntryList, InvalidList]:
        wanted = tag.strip().lower() if tag else None
        entries, invalid = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}),
            self.TABLE,
            "at",
            start,
            end,
            DiaryEntry.from_dict,
            None if wanted is None else lambda doc: wanted in (doc.get("tags") or ()),
        )
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries, invalid

    def count(self) -> int:
        return len(self._table)

    def oldest_day(self) -> date | None:
        """The local day of the first entry, or None for an empty diary."""
        days = []
        for doc in self._db.read_tables().get(self.TABLE, {}).values():
            stamp = doc.get("at")
            if isinstance(stamp, str) and _DAY_PREFIX.match(stamp):
                try:  # a broken record is reported by whoever lists it, not here
                    days.append(date.fromisoformat(stamp[:10]))
                except ValueError:
                    continue
        return min(days) if days else None

    def known_tags(self) -> builtins.list[str]:
        """Every tag used so far, most used first (for completion in the form)."""
        counts: Counter[str] = Counter()
        for doc in self._db.read_tables().get(self.TABLE, {}).values():
            tags: Any = doc.get("tags") or ()
            counts.update(t for t in tags if isinstance(t, str))
        return [tag for tag, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def _doc_ids(self, entry_id: str) -> builtins.list[int]:
        raw = self._db.read_tables().get(self.TABLE, {})
        return [int(doc_id) for doc_id, doc in raw.items() if doc.get("id") == entry_id]


class SessionRepository:
    """Exercise sessions in the `sessions` table, written by the player."""

    TABLE = "sessions"

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(self.TABLE)

    def add(self, session: Session) -> Session:
        """Store a finished (or stopped) session; when this returns, it is on disk."""
        with self._db.transaction():
            self._table.insert(session.to_dict())
        return session

    def add_many(self, sessions: Iterable[Session]) -> None:
        """Store several sessions in one write (the demo diary): all of them, or none."""
        with self._db.transaction():
            self._table.insert_multiple([s.to_dict() for s in sessions])

    def update(self, session: Session) -> Session:
        """Replace the stored session with the same id (e.g. pain and effort asked after)."""
        _replace_by_id(self._db, self._table, session.id, session.to_dict())
        return session

    def list(self, start: date | None = None, end: date | None = None) -> builtins.list[Session]:
        """Sessions that started on a local day in [start, end], newest first."""
        return self.list_checked(start, end)[0]

    def list_checked(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[builtins.list[Session], InvalidList]:
        """Like `list`, but also reports stored documents that fail validation."""
        from rugdiary.core.sessions import Session

        sessions, invalid = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}),
            self.TABLE,
            "started_at",
            start,
            end,
            Session.from_dict,
        )
        sessions.sort(key=lambda s: s.started_at, reverse=True)
        return sessions, invalid


class _ContentRepository(Generic[C]):
    """The user's own programs or exercises, keyed by their `id` slug."""

    TABLE = ""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(self.TABLE)

    def _parse(self, doc: Mapping[str, Any]) -> C:
        raise NotImplementedError

    def list(self) -> builtins.list[C]:
        """Every stored item that passes validation, in the order they were made."""
        items, _ = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}), self.TABLE, None, None, None, self._parse
        )
        return items

    def get(self, item_id: str) -> C | None:
        for doc in self._db.read_tables().get(self.TABLE, {}).values():
            if doc.get("id") == item_id:
                return self._parse(doc)
        return None

    def save(self, item: C) -> C:
        """Add the item, or replace the stored one with the same id."""
        doc = cast(Any, item).to_dict()
        try:
            _replace_by_id(self._db, self._table, doc["id"], doc)
        except EntryNotFoundError:
            with self._db.transaction():
                self._table.insert(doc)
        return item

    def delete(self, item_id: str) -> C:
        """Remove an item and return it, so the caller can offer undo (by saving it again)."""
        with self._db.transaction():
            raw = self._db.read_tables().get(self.TABLE, {})
            found = [(int(k), doc) for k, doc in raw.items() if doc.get("id") == item_id]
            if not found:
                raise EntryNotFoundError(item_id)
            removed = self._parse(found[0][1])
            self._table.remove(doc_ids=[doc_id for doc_id, _ in found])
        return removed


class ProgramRepository(_ContentRepository["Program"]):
    TABLE = "programs"

    def _parse(self, doc: Mapping[str, Any]) -> Program:
        from rugdiary.core.programs import Program

        return Program.from_dict(doc)


class ExerciseRepository(_ContentRepository["Exercise"]):
    TABLE = "exercises"

    def _parse(self, doc: Mapping[str, Any]) -> Exercise:
        from rugdiary.core.exercises import Exercise

        return Exercise.from_dict(doc)


REMINDER_STATE_KEY = "reminder_state"
"""Where the reminder service keeps what was done, snoozed and skipped (ui/reminders.py)."""


class SettingsRepository:
    """Preferences in the `settings` table (language, theme, voice, reminders).

    Kept in the diary file rather than QSettings so they travel with a JSON export;
    window geometry stays in QSettings because it belongs to the machine, not the person.
    """

    TABLE = "settings"

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(self.TABLE)

    def get(self, key: str, default: Any = None) -> Any:
        for doc in self._db.read_tables().get(self.TABLE, {}).values():
            if doc.get("key") == key:
                return copy.deepcopy(doc.get("value"))
        return default

    def all(self) -> dict[str, Any]:
        return {
            doc["key"]: copy.deepcopy(doc.get("value"))
            for doc in self._db.read_tables().get(self.TABLE, {}).values()
            if isinstance(doc.get("key"), str)
        }

    def set(self, key: str, value: Any) -> None:
        """Store a JSON-compatible value; when this returns, it is on disk."""
        new_doc = {"key": key, "value": copy.deepcopy(value)}
        with self._db.transaction():
            raw = self._db.read_tables().get(self.TABLE, {})
            doc_ids = [int(k) for k, doc in raw.items() if doc.get("key") == key]
            if doc_ids:
                if raw[str(doc_ids[0])] == new_doc:
                    return  # unchanged: spare the write

                def replace_doc(doc: MutableMapping[str, Any]) -> None:
                    doc.clear()
                    doc.update(new_doc)

                self._table.update(replace_doc, doc_ids=doc_ids)
            else:
                self._table.insert(new_doc)


def stored_reminder_state(settings: SettingsRepository) -> ReminderState | None:
    """The reminder answers kept in the settings (None before any reminder was answered)."""
    from rugdiary.core.diary import ValidationError
    from rugdiary.core.reminders import ReminderState

    raw = settings.get(REMINDER_STATE_KEY)
    if not isinstance(raw, dict):
        return None
    try:
        return ReminderState.from_dict(raw)
    except ValidationError:
        return None  # a hand-edited value: the report simply leaves the counts out


class SittingRepository:
    """Sitting figures per local day in the `sitting` table: durations and counts only."""

    TABLE = "sitting"

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(self.TABLE)

    def add(self, days: builtins.list[SittingDay]) -> None:
        """Merge new figures into the stored ones (minutes add up), in one write."""
        from rugdiary.core.sitting import SittingDay

        if not days:
            return
        with self._db.transaction():
            raw = self._db.read_tables().get(self.TABLE, {})
            by_day = {doc.get("day"): int(doc_id) for doc_id, doc in raw.items()}
            for item in days:
                key = item.day.isoformat()
                doc_id = by_day.get(key)
                if doc_id is None:
                    self._table.insert(item.to_dict())
                    continue
                try:
                    merged = SittingDay.from_dict(raw[str(doc_id)]).merged(item)
                except ValidationError:
                    merged = item  # a hand-edited day that no longer reads: start it afresh
                new_doc = merged.to_dict()

                def replace_doc(
                    doc: MutableMapping[str, Any], new: dict[str, Any] = new_doc
                ) -> None:
                    doc.clear()
                    doc.update(new)

                self._table.update(replace_doc, doc_ids=[doc_id])

    def list(self, start: date | None = None, end: date | None = None) -> builtins.list[SittingDay]:
        """The days in [start, end] (either open) that have figures, oldest first."""
        from rugdiary.core.sitting import SittingDay

        days, _ = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}),
            self.TABLE,
            "day",
            start,
            end,
            SittingDay.from_dict,
        )
        days.sort(key=lambda d: d.day)
        return days


ACTIVITIES_SCHEDULE_KEY = "activities_next_score"
"""Settings key of the day the person chose for the next score of their activities."""


class ActivityRepository:
    """The person's own activities (PSFS / PSK) in the `activities` table, keyed by `id`.

    Activities are never deleted: renaming keeps the id and retiring stamps `retired_at`,
    so their scores (in `activity_scores`) stay attached.
    """

    TABLE = "activities"

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(self.TABLE)

    def list(self) -> builtins.list[Activity]:
        """Every activity that passes validation, retired ones too, oldest first."""
        return self.list_checked()[0]

    def list_checked(self) -> tuple[builtins.list[Activity], InvalidList]:
        from rugdiary.core.activities import Activity

        items, invalid = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}),
            self.TABLE,
            None,
            None,
            None,
            Activity.from_dict,
        )
        items.sort(key=lambda a: a.created_at)
        return items, invalid

    def get(self, activity_id: str) -> Activity | None:
        return next((a for a in self.list() if a.id == activity_id), None)

    def add(self, activity: Activity) -> Activity:
        """Store a new activity; refused (ValidationError) when five are active already.

        Checked again under the lock, so two windows adding at once cannot make six.
        """
        from rugdiary.core.activities import MAX_ACTIVE

        with self._db.transaction():
            if activity.active and sum(1 for a in self.list() if a.active) >= MAX_ACTIVE:
                raise ValidationError(
                    "activities",
                    f"at most {MAX_ACTIVE} activities at a time; retire one before adding another",
                )
            self._table.insert(activity.to_dict())
        return activity

    def update(self, activity: Activity) -> Activity:
        """Replace the stored activity with the same id (a new name, or retired)."""
        _replace_by_id(self._db, self._table, activity.id, activity.to_dict())
        return activity

    def save_round(
        self, activities: builtins.list[Activity], scores: builtins.list[ActivityScore]
    ) -> None:
        """New and changed activities and a round of scores, in one write: all, or nothing.

        What the "My activities" dialog saves at once (names, retired ones, new scores). A
        score replaces any the same activity has on the same local day
        (ActivityScoreRepository.add).
        """
        from rugdiary.core.activities import MAX_ACTIVE

        def change(tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
            out: dict[str, dict[str, Any]] = {name: dict(docs) for name, docs in tables.items()}
            stored = out.setdefault(self.TABLE, {})
            by_id = {doc.get("id"): key for key, doc in stored.items() if isinstance(doc, Mapping)}

            def append(table: dict[str, Any], doc: dict[str, Any]) -> None:
                next_id = max((int(k) for k in table if k.isdecimal()), default=0) + 1
                table[str(next_id)] = doc

            for activity in activities:
                key = by_id.get(activity.id)
                if key is None:
                    append(stored, activity.to_dict())
                else:
                    stored[key] = activity.to_dict()
            active = sum(
                1
                for doc in stored.values()
                if isinstance(doc, Mapping) and not doc.get("retired_at")
            )
            if active > MAX_ACTIVE:
                raise ValidationError(
                    "activities",
                    f"at most {MAX_ACTIVE} activities at a time; retire one before adding another",
                )
            score_table = out.setdefault(ActivityScoreRepository.TABLE, {})
            ActivityScoreRepository.put_scores(score_table, scores)
            return out

        self._db.rewrite(change)


class ActivityScoreRepository:
    """Scores of the activities in the `activity_scores` table, each tied to an activity id."""

    TABLE = "activity_scores"

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, score: ActivityScore) -> ActivityScore:
        """Store one score in place of any the same activity has on the same local day, in
        one write; when this returns, it is on disk.

        A second score the same day corrects the first (a wrong key, a second thought):
        kept once on disk, an export holds what the app shows. The read side
        (core.activities.day_scores) still copes with diaries that hold two from before.
        """
        self._put([score])
        return score

    def add_many(self, scores: Iterable[ActivityScore]) -> None:
        """Store a whole scoring round in one write: all of it, or nothing. Each score
        replaces any of its activity on its local day, as `add` does."""
        items = builtins.list(scores)
        if items:
            self._put(items)

    def _put(self, scores: builtins.list[ActivityScore]) -> None:
        def change(tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
            out: dict[str, dict[str, Any]] = {name: dict(docs) for name, docs in tables.items()}
            self.put_scores(out.setdefault(self.TABLE, {}), scores)
            return out

        self._db.rewrite(change)

    @staticmethod
    def put_scores(table: dict[str, Any], scores: Iterable[ActivityScore]) -> None:
        """Add `scores` to the raw `table` (documents by TinyDB id), each replacing the stored
        scores of its activity on its local day; a later one in `scores` replaces an earlier.

        A stored record that does not read as a score is left alone: it is reported as
        invalid, never dropped unseen.
        """
        from rugdiary.core.activities import ActivityScore

        # New ids count on from the highest there was: a removed score's id is not reused.
        next_id = max((int(k) for k in table if k.isdecimal()), default=0) + 1
        for score in scores:
            day = score.day.isoformat()
            for key, doc in list(table.items()):
                if not isinstance(doc, Mapping) or doc.get("activity_id") != score.activity_id:
                    continue
                stamp = doc.get("at")
                if not isinstance(stamp, str) or stamp[:10] != day:
                    continue  # the day is the stamp's first ten characters (local time)
                try:
                    stored = ActivityScore.from_dict(doc)
                except (ValidationError, ValueError, TypeError, OverflowError, AttributeError):
                    continue
                if stored.day == score.day:
                    del table[key]
            table[str(next_id)] = score.to_dict()
            next_id += 1

    def list(
        self, start: date | None = None, end: date | None = None
    ) -> builtins.list[ActivityScore]:
        """Scores given on a local day in [start, end] (either open), oldest first."""
        return self.list_checked(start, end)[0]

    def list_checked(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[builtins.list[ActivityScore], InvalidList]:
        from rugdiary.core.activities import ActivityScore

        scores, invalid = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}),
            self.TABLE,
            "at",
            start,
            end,
            ActivityScore.from_dict,
        )
        scores.sort(key=lambda s: s.at)
        return scores, invalid


def stored_next_score(settings: SettingsRepository) -> tuple[date | None, datetime | None]:
    """The day chosen for the next score of the activities, and when it was chosen."""
    from rugdiary.core.diary import parse_datetime

    raw = settings.get(ACTIVITIES_SCHEDULE_KEY)
    if not isinstance(raw, dict):
        return None, None
    try:
        day = date.fromisoformat(raw["day"])
        chosen_at = parse_datetime(raw["chosen_at"], "chosen_at")
    except (KeyError, TypeError, ValueError):
        return None, None  # a hand-edited value: the usual two weeks apply
    return day, chosen_at


def store_next_score(settings: SettingsRepository, day: date | None, now: datetime) -> None:
    """Remember the day the person chose for the next score (None: the usual two weeks)."""
    settings.set(
        ACTIVITIES_SCHEDULE_KEY,
        None if day is None else {"day": day.isoformat(), "chosen_at": now.isoformat()},
    )


if TYPE_CHECKING:
    from rugdiary.core.flares import FlareRecord


class FlareRepository:
    """Logged flare-ups in the `flares` table: start, end, what helped (core/flares.py).

    Starting and ending read the stored flare-ups and write under one hold of the lock,
    so the app and the command line together can never leave two running at once.
    """

    TABLE = "flares"

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(self.TABLE)

    def list(self) -> builtins.list[FlareRecord]:
        """Every logged flare-up that passes validation, oldest first."""
        return self.list_checked()[0]

    def list_checked(self) -> tuple[builtins.list[FlareRecord], InvalidList]:
        """Like `list`, but also reports stored documents that fail validation.

        All of them, not a range: a flare-up that began before a period still belongs to
        it (`core.flares.flares_in` decides), and a person logs only a few a year.
        """
        from rugdiary.core.flares import FlareRecord

        records, invalid = _select_by_day(
            self._db.read_tables().get(self.TABLE, {}),
            self.TABLE,
            None,
            None,
            None,
            FlareRecord.from_dict,
        )
        records.sort(key=lambda r: r.start)
        return records, invalid

    def open(self) -> FlareRecord | None:
        """The flare-up that is running now, if any."""
        from rugdiary.core.flares import open_flare

        return open_flare(self.list())

    def start(self, at: datetime, note: str = "") -> FlareRecord:
        """Log a flare-up starting at `at`; ValidationError when one is running already."""
        from rugdiary.core.flares import start_flare

        with self._db.transaction():
            record = start_flare(self.list(), at, note)
            self._table.insert(record.to_dict())
        return record

    def end(self, at: datetime, helped: str = "", tags: Iterable[str] = ()) -> FlareRecord:
        """End the running flare-up at `at` with what helped; ValidationError when none runs."""
        from rugdiary.core.flares import end_flare

        with self._db.transaction():
            record = end_flare(self.list(), at, helped, tags)
            _replace_by_id(self._db, self._table, record.id, record.to_dict())
        return record

    def save(self, record: FlareRecord) -> FlareRecord:
        """Replace the stored flare-up with the same id (e.g. what helped, written later)."""
        _replace_by_id(self._db, self._table, record.id, record.to_dict())
        return record

    def delete(self, record_id: str) -> None:
        """Remove a flare-up logged by mistake."""
        with self._db.transaction():
            raw = self._db.read_tables().get(self.TABLE, {})
            doc_ids = [int(k) for k, doc in raw.items() if doc.get("id") == record_id]
            if not doc_ids:
                raise EntryNotFoundError(record_id)
            self._table.remove(doc_ids=doc_ids)
