"""Opening the data folder: damaged and newer files, locking, migrations, backups, restore."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path

import filelock
import pytest

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.storage import database as database_mod
from rugdiary.storage.database import (
    SCHEMA_VERSION,
    Backup,
    CorruptDataError,
    Database,
    DataFileError,
    DataLockedError,
    NewerSchemaError,
    backups_to_keep,
    list_backups,
    restore_backup,
    restore_latest_backup,
)
from rugdiary.storage.repositories import EntryRepository

FIXTURES = Path(__file__).parent / "fixtures"

DAMAGED = {
    "empty": b"",
    "truncated": b'{"_meta": {"1": {"schema": 1}}, "entries": {"1": {"id": "a", "at": "2026-0',
    "binary": bytes(range(256)) * 4,
    "not_tables": b'["pain", 4]',
    "wrong_table_shape": b'{"_meta": {"1": {"schema": 1}}, "entries": "lots"}',
    "bad_schema": b'{"_meta": {"1": {"schema": "one"}}}',
}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_new_folder_gets_meta_and_private_modes(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock) as db:
        meta = db.meta()
    assert meta["schema"] == SCHEMA_VERSION
    assert meta["created"].startswith("2026-03-02T09:00")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "diary.json").stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_damaged_file_is_refused_and_left_byte_for_byte(
    data_dir: Path, clock: FakeClock, kind: str
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "diary.json"
    path.write_bytes(DAMAGED[kind])
    before = _files(data_dir)
    with pytest.raises(CorruptDataError) as info:
        Database.open(data_dir, clock=clock)
    assert info.value.path == path
    assert info.value.reason
    after = {k: v for k, v in _files(data_dir).items() if k != ".diary.lock"}
    assert after == before


def test_newer_schema_is_refused_with_versions_named(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "diary.json"
    content = json.dumps({"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}}).encode()
    path.write_bytes(content)
    with pytest.raises(NewerSchemaError) as info:
        Database.open(data_dir, clock=clock)
    assert f"data version {SCHEMA_VERSION + 1}" in info.value.reason
    assert path.read_bytes() == content
    assert not (data_dir / "backups").exists()


def test_schema_0_fixture_is_migrated_once_after_a_backup(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir(parents=True)
    original = (FIXTURES / "schema0.json").read_bytes()
    (data_dir / "diary.json").write_bytes(original)
    with Database.open(data_dir, clock=clock) as db:
        assert db.meta()["schema"] == SCHEMA_VERSION
        entries = EntryRepository(db, clock).list()
    assert len(entries) == 2
    assert all(e.created == e.at and e.updated == e.at for e in entries)
    kept = list((data_dir / "backups").glob("pre-migration-schema0-*.json"))
    assert [p.read_bytes() for p in kept] == [original], "original kept before migrating"
    migrated = (data_dir / "diary.json").read_bytes()
    clock.advance(60)
    with Database.open(data_dir, clock=clock):
        pass
    assert (data_dir / "diary.json").read_bytes() == migrated, "a migration runs only once"


def test_migrations_run_in_order_and_only_the_pending_ones(
    data_dir: Path, clock: FakeClock
) -> None:
    calls: list[int] = []

    def step(target: int):  # type: ignore[no-untyped-def]
        def migrate(tables):  # type: ignore[no-untyped-def]
            calls.append(target)
            tables.setdefault("log", {})[str(target)] = {"to": target}
            return tables

        return migrate

    with Database.open(data_dir, clock=clock):
        pass
    migrations = [(2, step(2)), (3, step(3))]
    with Database.open(data_dir, clock=clock, migrations=migrations, schema=3) as db:
        assert db.meta()["schema"] == 3
        assert db.read_tables()["log"] == {"2": {"to": 2}, "3": {"to": 3}}
    assert calls == [2, 3]
    with Database.open(data_dir, clock=clock, migrations=migrations, schema=3):
        pass
    assert calls == [2, 3]


def test_second_opener_waits_then_gets_a_clear_error(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock):
        other = filelock.FileLock(data_dir / ".diary.lock", thread_local=False)
        other.acquire()
        try:
            with pytest.raises(DataLockedError) as info:
                Database.open(data_dir, clock=clock, lock_timeout=0.05)
            assert "another RugDiary" in info.value.reason
        finally:
            other.release()


def test_write_waits_for_another_writer_and_fails_clearly(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock, lock_timeout=0.05) as db:
        repo = EntryRepository(db, clock)
        holder = filelock.FileLock(data_dir / ".diary.lock", thread_local=False)
        holder.acquire()
        try:
            with pytest.raises(DataLockedError):
                repo.add(new_entry(now=clock.now(), pain=2, stress=3))
        finally:
            holder.release()
        repo.add(new_entry(now=clock.now(), pain=2, stress=3))
        assert repo.count() == 1


def test_backup_times_come_from_their_names_and_stray_files_are_ignored(
    data_dir: Path, clock: FakeClock
) -> None:
    with Database.open(data_dir, clock=clock):
        pass
    folder = data_dir / "backups"
    (made,) = list_backups(data_dir)
    assert made.created == clock.now()
    content = made.path.read_bytes()
    (folder / "diary-20250102-030405-000006.json").write_bytes(content)
    for stray in (
        "diary-20251302-030405-000006.json",  # month 13
        "diary-2025-01-02.json",
        "diary-20250102-030405-000006.json.bak",
        "notes.json",
    ):
        (folder / stray).write_bytes(content)
    found = list_backups(data_dir)
    assert [b.path.name for b in found] == [made.path.name, "diary-20250102-030405-000006.json"]
    assert found[1].created == datetime(2025, 1, 2, 3, 4, 5, 6).astimezone()


def test_backup_on_open_only_when_content_changed(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock):
        pass
    assert len(list_backups(data_dir)) == 1
    clock.advance(3600)
    with Database.open(data_dir, clock=clock):
        pass
    assert len(list_backups(data_dir)) == 1, "identical content is not backed up twice"
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1))
    clock.advance(3600)
    with Database.open(data_dir, clock=clock):
        pass
    backups = list_backups(data_dir)
    assert len(backups) == 2, "a changed diary is backed up again when opened"
    assert b'"pain":1' in backups[0].path.read_bytes()


def test_daily_backup_while_running(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock) as db:
        repo = EntryRepository(db, clock)
        for day in range(3):
            clock.advance(24 * 3600)
            repo.add(new_entry(now=clock.now(), pain=day, stress=1))
        days = {b.created.date() for b in db.backups()}
    assert len(days) == 4


def test_rotation_keeps_14_daily_and_8_weekly() -> None:
    start = datetime(2026, 1, 1, 12).astimezone()
    backups = [
        Backup(Path(f"b{i}-{h}"), start + timedelta(days=i, hours=h))
        for i in range(120)
        for h in (0, 5)
    ]
    keep = backups_to_keep(backups)
    newest_per_day = {b.created.date(): b for b in sorted(backups, key=lambda b: b.created)}
    last_14_days = sorted(newest_per_day)[-14:]
    for day in last_14_days:
        assert newest_per_day[day].path in keep
    newest_five = sorted(backups, key=lambda b: b.created)[-5:]
    assert all(b.path in keep for b in newest_five)
    weeks = {b.created.isocalendar()[:2] for b in backups if b.path in keep}
    assert len(weeks) == 8
    assert len(keep) <= 5 + 14 + 8


def test_backup_files_pruned_on_disk(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock) as db:
        for _ in range(40):
            clock.advance(24 * 3600)
            db.backup_now()
        kept = db.backups()
    assert 14 <= len(kept) <= 22
    assert len(list((data_dir / "backups").iterdir())) == len(kept)


def test_restore_latest_moves_damaged_file_aside(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=4, stress=5))
        db.backup_now()
    path = data_dir / "diary.json"
    path.write_bytes(b'{"entries": {"1": ')
    with pytest.raises(CorruptDataError):
        Database.open(data_dir, clock=clock)
    used = restore_latest_backup(data_dir, clock=clock)
    assert used == list_backups(data_dir)[0].path
    aside = list(data_dir.glob("diary.json.damaged-*"))
    assert [p.read_bytes() for p in aside] == [b'{"entries": {"1": ']
    with Database.open(data_dir, clock=clock) as db:
        assert [e.pain for e in EntryRepository(db, clock).list()] == [4]


def test_restore_skips_unreadable_backups(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=6, stress=5))
        good = db.backup_now()
        clock.advance(10)
        bad = db.backup_now()
    bad.path.write_bytes(b"garbage")
    assert restore_latest_backup(data_dir, clock=clock) == good.path


def test_restore_of_a_valid_file_backs_it_up_first(data_dir: Path, clock: FakeClock) -> None:
    with Database.open(data_dir, clock=clock) as db:
        first = db.backup_now()
        clock.advance(10)
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=8, stress=2))
    current = (data_dir / "diary.json").read_bytes()
    clock.advance(10)
    restore_backup(data_dir, first.path, clock=clock)
    assert any(b.path.read_bytes() == current for b in list_backups(data_dir))


def test_restore_without_backups_says_so(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with pytest.raises(DataFileError) as info:
        restore_latest_backup(data_dir)
    assert "no backups" in info.value.reason


def test_unwritable_data_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataFileError) as info:
        Database.open(blocker / "data")
    assert "cannot be created" in info.value.reason
    assert database_mod.DATA_FILE_NAME == "diary.json"


def test_the_data_folders_own_files_are_known_under_any_name(
    data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """An export must never land on the diary: by its name, a backup, or another name for
    the same file (a hard link here; a name in other letter case on macOS and Windows)."""
    from rugdiary.storage.database import diary_path, is_data_folder_file

    with Database.open(data_dir, clock=clock) as db:
        backup = db.backup_now()
    diary = diary_path(data_dir)
    other_name = tmp_path / "elsewhere" / "my export.json"
    other_name.parent.mkdir()
    other_name.hardlink_to(diary)
    assert is_data_folder_file(data_dir, diary)
    assert is_data_folder_file(data_dir, backup.path)
    assert is_data_folder_file(data_dir, data_dir / ".diary.lock")
    assert is_data_folder_file(data_dir, other_name)
    assert not is_data_folder_file(data_dir, tmp_path / "elsewhere" / "new.json")
    assert not is_data_folder_file(data_dir, data_dir / "notes.csv")
