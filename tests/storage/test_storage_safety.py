"""Holes found by trying to break the diary (issue 15): storage-level regression tests."""

from __future__ import annotations

import errno
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.storage import database as database_module
from rugdiary.storage.atomic import encode_tables
from rugdiary.storage.database import (
    LOCK_NAME,
    CorruptDataError,
    Database,
    DataFileError,
    MissingDiaryError,
    StorageWriteError,
    list_backups,
    restore_backup,
)
from rugdiary.storage.repositories import EntryRepository, SessionRepository


def _fill(folder: Path, clock: FakeClock, count: int = 3) -> set[str]:
    with Database.open(folder, clock=clock) as db:
        repo = EntryRepository(db, clock)
        for i in range(count):
            repo.add(new_entry(now=clock.now() + timedelta(minutes=i), pain=i, stress=1))
        db.backup_now()
        return {e.id for e in repo.list()}


# -- 3: a folder with backups but no diary is not a new, empty one --------------------------


def test_folder_with_backups_but_no_diary_is_refused_not_emptied(
    data_dir: Path, clock: FakeClock
) -> None:
    ids = _fill(data_dir, clock)
    (data_dir / "diary.json").unlink()
    for read_only in (False, True):
        with pytest.raises(MissingDiaryError) as caught:
            Database.open(data_dir, clock=clock, read_only=read_only)
        assert "backup" in caught.value.reason
    assert not (data_dir / "diary.json").exists(), "no empty diary was made"
    restore_backup(data_dir, clock=clock)
    with Database.open(data_dir, clock=clock) as db:
        assert {e.id for e in EntryRepository(db).list()} == ids


def test_restore_keeps_a_diary_in_place_at_every_moment(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The diary is replaced by one rename; a failing write leaves the damaged file there."""
    _fill(data_dir, clock)
    damaged = b'{"entries": {"1": '
    (data_dir / "diary.json").write_bytes(damaged)

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(database_module, "atomic_write_bytes", full_disk)
    with pytest.raises(StorageWriteError, match="disk is full"):
        restore_backup(data_dir, clock=clock)
    assert (data_dir / "diary.json").read_bytes() == damaged
    with pytest.raises(CorruptDataError):  # still the damaged diary, never a new empty one
        Database.open(data_dir, clock=clock)


# -- 4: a diary that is a symbolic link ----------------------------------------------------


def test_a_linked_diary_is_written_at_its_target(tmp_path: Path, clock: FakeClock) -> None:
    elsewhere = tmp_path / "usb"
    _fill(elsewhere, clock, count=2)
    folder = tmp_path / "data"
    folder.mkdir()
    link = folder / "diary.json"
    link.symlink_to(elsewhere / "diary.json")
    with Database.open(folder, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=9, stress=9))
    assert link.is_symlink(), "the link is kept, not replaced by a file"
    assert not list(folder.glob(".*.tmp"))
    assert not list(elsewhere.glob(".*.tmp"))
    with Database.open(elsewhere, clock=clock) as db:
        assert len(EntryRepository(db).list()) == 3, "the target got the entry"


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_dangling_or_looping_link_is_refused(tmp_path: Path, clock: FakeClock, kind: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    link = folder / "diary.json"
    if kind == "dangling":
        target = tmp_path / "unplugged" / "diary.json"
        link.symlink_to(target)
    else:
        target = folder / "other.json"
        link.symlink_to(target)
        target.symlink_to(link)
    for read_only in (False, True):
        with pytest.raises(DataFileError) as caught:
            Database.open(folder, clock=clock, read_only=read_only)
        assert caught.value.path == link
        assert str(target) in caught.value.reason
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert not target.exists()


# -- 7: a failed backup after a save is not a failed save ----------------------------------


def test_backup_failing_after_the_write_keeps_the_entry_and_is_reported_apart(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database.open(data_dir, clock=clock) as db:
        clock.advance(86400)  # the daily backup is due with the next save

        def no_space(*_args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(database_module, "_write_backup", no_space)
        entry = EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=2, stress=3))
        assert db.backup_problem is not None
        assert db.backup_problem.reason == "the disk is full"
    monkeypatch.undo()
    with Database.open(data_dir, clock=clock) as db:
        assert [e.id for e in EntryRepository(db).list()] == [entry.id]


# -- 8: set-aside damaged files are never written over --------------------------------------


def test_two_restores_in_one_second_keep_both_damaged_files(
    data_dir: Path, clock: FakeClock
) -> None:
    _fill(data_dir, clock)
    for damage in (b"first damage", b"second damage"):
        (data_dir / "diary.json").write_bytes(damage)
        restore_backup(data_dir, clock=clock)  # the FakeClock stands still: same second
    kept = sorted(p.read_bytes() for p in data_dir.glob("diary.json.damaged-*"))
    assert kept == [b"first damage", b"second damage"]


# -- 9: the backup just made is never rotated away -----------------------------------------


def test_backup_made_with_the_clock_set_back_survives_rotation(
    data_dir: Path, clock: FakeClock
) -> None:
    with Database.open(data_dir, clock=clock) as db:
        for _ in range(30):
            clock.advance(8 * 86400)
            db.backup_now()
        clock.set(datetime(2020, 1, 1, 12).astimezone())  # the clock was set back
        made = db.backup_now()
    assert made.path.exists()
    assert made.path in {b.path for b in list_backups(data_dir)}


# -- 11: a migration on a full disk ---------------------------------------------------------


def test_migration_that_cannot_write_its_backup_is_a_clear_error(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir()
    old = encode_tables({"entries": {"1": {"at": "2026-03-01T09:00:00+01:00", "pain": 1}}})
    (data_dir / "diary.json").write_bytes(old)

    def no_space(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(database_module, "atomic_write_bytes", no_space)
    with pytest.raises(StorageWriteError, match="disk is full"):
        Database.open(data_dir, clock=clock)
    assert (data_dir / "diary.json").read_bytes() == old


# -- 12: a bad stored record is reported, never crashes and never vanishes unseen -----------


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"at": "", "pain": 1, "stress": 1}, "at"),
        ({"at": "1", "pain": 1, "stress": 1}, "at"),
        ({"at": "2026-03-01T09:00:00+01:00", "pain": 11, "stress": 1}, "pain"),
        ({"at": "0001-01-01T00:30:00+01:00", "pain": 1, "stress": 1}, "at"),
    ],
)
def test_bad_stored_records_are_listed_as_invalid(
    data_dir: Path, clock: FakeClock, doc: dict[str, object], field: str
) -> None:
    data_dir.mkdir()
    good = {"id": "good", "at": "2026-03-01T10:00:00+01:00", "pain": 2, "stress": 2}
    tables = {
        "_meta": {"1": {"schema": 1}},
        "entries": {"1": good, "7": {"id": "bad", **doc}},
        "sessions": {"1": {"id": "s", "started_at": "x"}},
    }
    (data_dir / "diary.json").write_bytes(encode_tables(tables))
    with Database.open(data_dir, clock=clock, read_only=True) as db:
        repo = EntryRepository(db)
        entries, invalid = repo.list_checked()
        assert [e.id for e in entries] == ["good"]
        assert [(i.doc_id, i.field) for i in invalid] == [(7, field)]
        assert repo.oldest_day() is not None
        entries, invalid = repo.list_checked(datetime(2026, 3, 1).date())
        # Outside the period only when its day can be read from it (year 1 here).
        outside = str(doc["at"]).startswith("0001")
        assert [(i.doc_id, i.field) for i in invalid] == ([] if outside else [(7, field)])
        _sessions, bad_sessions = SessionRepository(db).list_checked()
        assert [b.doc_id for b in bad_sessions] == [1]


# -- 13: validation and use agree on record keys -------------------------------------------


@pytest.mark.parametrize("key", ["²", "١", "1a", ""])
def test_record_keys_that_are_not_ascii_digits_are_damage(data_dir: Path, key: str) -> None:
    data_dir.mkdir()
    raw = encode_tables({"entries": {key: {"id": "x"}}})
    (data_dir / "diary.json").write_bytes(raw)
    with pytest.raises(CorruptDataError, match="malformed record"):
        Database.open(data_dir)
    assert (data_dir / "diary.json").read_bytes() == raw


# -- Also: reading without the lock ---------------------------------------------------------


def test_read_only_open_needs_no_lock_and_writes_nothing(data_dir: Path, clock: FakeClock) -> None:
    ids = _fill(data_dir, clock)
    (data_dir / LOCK_NAME).unlink()
    before = sorted(p.name for p in data_dir.rglob("*"))
    with Database.open(data_dir, clock=clock, read_only=True) as db:
        repo = EntryRepository(db, clock)
        assert {e.id for e in repo.list()} == ids
        with pytest.raises(StorageWriteError, match="reading only"):
            repo.add(new_entry(now=clock.now(), pain=1, stress=1))
    assert sorted(p.name for p in data_dir.rglob("*")) == before


def test_read_only_open_of_an_empty_folder_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "nothing-here"
    with Database.open(folder, read_only=True) as db:
        assert EntryRepository(db).list() == []
    assert not folder.exists()
