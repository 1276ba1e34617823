"""Repositories: one per table, turning stored documents into core dataclasses and back."""

from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tinydb import Query

from rugdiary.core.clock import Clock, SystemClock
from rugdiary.core.diary import DiaryEntry, ValidationError
from rugdiary.storage.database import Database

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
        with self._db.transaction():
            doc_ids = self._doc_ids(entry.id)
            if not doc_ids:
                raise EntryNotFoundError(entry.id)
            new_doc = stamped.to_dict()

            def replace_doc(doc: MutableMapping[str, Any]) -> None:
                # Replace the whole document so fields cleared in the form disappear too.
                doc.clear()
                doc.update(new_doc)

            self._table.update(replace_doc, doc_ids=doc_ids)
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
        # `at` is stored as local time with its offset, so its first ten characters are
        # the entry's local day: filtering on text skips parsing entries out of range.
        low = start.isoformat() if start else ""
        high = end.isoformat() if end else "9999-12-31"
        wanted = tag.strip().lower() if tag else None
        entries: EntryList = []
        invalid: InvalidList = []
        raw = self._db.read_tables().get(self.TABLE, {})
        for doc_id, doc in raw.items():
            at = doc.get("at")
            if isinstance(at, str) and not low <= at[:10] <= high:
                continue
            if wanted is not None and wanted not in (doc.get("tags") or ()):
                continue
            try:
                entries.append(DiaryEntry.from_dict(doc))
            except ValidationError as exc:
                invalid.append(InvalidRecord(self.TABLE, int(doc_id), exc.field, exc.message))
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries, invalid

    def count(self) -> int:
        return len(self._table)

    def oldest_day(self) -> date | None:
        """The local day of the first entry, or None for an empty diary."""
        days = [
            doc["at"][:10]
            for doc in self._db.read_tables().get(self.TABLE, {}).values()
            if isinstance(doc.get("at"), str)
        ]
        return date.fromisoformat(min(days)) if days else None

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
