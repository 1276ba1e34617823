"""FlareRepository: the `flares` table, start and end under the lock, unreadable records."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from rugdiary.core.diary import ValidationError
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryNotFoundError, FlareRepository

AMS = ZoneInfo("Europe/Amsterdam")


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=AMS)


def test_start_end_survive_reopening(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    try:
        repo = FlareRepository(db)
        assert repo.open() is None
        started = repo.start(at(3), note="moving house")
        assert repo.open() == started
        with pytest.raises(ValidationError) as error:
            repo.start(at(4))
        assert error.value.field == "start"
        ended = repo.end(at(5), helped="walks", tags=["walking"])
        assert repo.open() is None
        second = repo.start(at(9))
    finally:
        db.close()
    db = Database.open(tmp_path)
    try:
        records = FlareRepository(db).list()
        assert records == [ended, second]
        assert records[0].note == "moving house"
        assert records[0].helped == "walks"
    finally:
        db.close()


def test_end_without_a_running_one_changes_nothing(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    try:
        repo = FlareRepository(db)
        with pytest.raises(ValidationError) as error:
            repo.end(at(5))
        assert error.value.field == "end"
        assert repo.list() == []
    finally:
        db.close()


def test_delete_save_and_invalid_documents(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    try:
        repo = FlareRepository(db)
        record = repo.start(at(3))
        repo.save(record.replace(note="later note"))
        assert repo.list()[0].note == "later note"
        with db.transaction():
            db.table("flares").insert({"id": "bad", "start": "yesterday"})
        records, invalid = repo.list_checked()
        assert [r.id for r in records] == [record.id]
        assert [(i.table, i.field) for i in invalid] == [("flares", "start")]
        repo.delete(record.id)
        assert repo.list() == []
        with pytest.raises(EntryNotFoundError):
            repo.delete(record.id)
    finally:
        db.close()
