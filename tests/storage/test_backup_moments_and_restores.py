"""Backups ordered by the real moment, pre-restore copies that survive, a newer diary kept.

Found in review: repeated restores rotated away the only copy of the diary as it was
before the first one; backups named in local time sorted wrongly after a time-zone change
or in the repeated hour when the clocks go back; and `restore` took a diary from a newer
RugDiary for a damaged one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.storage.atomic import decode_tables, encode_tables
from rugdiary.storage.database import (
    KEEP_RECENT,
    Database,
    NewerSchemaError,
    list_backups,
    restore,
    restore_backup,
    restore_latest_backup,
)
from rugdiary.storage.repositories import EntryRepository


def _entries(path: Path) -> list[str]:
    tables = decode_tables(path.read_bytes(), path)
    return sorted(doc.get("note", "") for doc in tables.get("entries", {}).values())


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lets a test change the computer's time zone (TZ and time.tzset) and undoes it."""
    if not hasattr(time, "tzset") or not Path("/usr/share/zoneinfo/Europe/Amsterdam").exists():
        pytest.skip("needs time.tzset and the system time zone database")
    yield
    monkeypatch.undo()
    time.tzset()


def _set_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


# -- 1: pre-restore copies stay outside the rotation -----------------------------------------


def test_trying_old_backups_one_after_another_keeps_the_diary_from_before(
    data_dir: Path, clock: FakeClock
) -> None:
    """The reviewer's restore_rotation.py: six restores of older daily backups pushed the
    pre-restore copy of the diary with the newest entry out of "the 5 newest"."""
    for day in range(5):
        with Database.open(data_dir, clock=clock) as db:
            EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=day, stress=day))
        clock.advance(24 * 3600)
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(
            new_entry(now=clock.now(), pain=9, stress=9, note="PRECIOUS")
        )
    before_first = (data_dir / "diary.json").read_bytes()
    older = [b.path for b in list_backups(data_dir) if b.created.date() < clock.now().date()]
    kept = []
    for i in range(2 * KEEP_RECENT):
        clock.advance(60)
        done = restore(data_dir, older[i % len(older)], clock=clock)
        assert done.kept is not None
        assert done.kept.is_file()
        kept.append(done.kept)
    assert kept[0].read_bytes() == before_first, "the first restore's copy is still there"
    assert all(path.is_file() for path in kept), "no pre-restore copy was rotated away"
    listed = list_backups(data_dir)
    assert {b.path for b in listed if b.pre_restore} == set(kept)
    assert [b.path for b in listed if b.pre_restore] == kept[::-1], "newest first"
    # ...and the copy that matters can itself be put back.
    restore_backup(data_dir, kept[0], clock=clock)
    assert "PRECIOUS" in _entries(data_dir / "diary.json")


def test_pre_restore_copies_are_listed_but_never_count_as_the_daily_backup(
    data_dir: Path, clock: FakeClock
) -> None:
    with Database.open(data_dir, clock=clock) as db:
        first = db.backup_now()
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1, note="a"))
    clock.advance(24 * 3600)
    done = restore(data_dir, first.path, clock=clock)
    assert done.kept is not None
    assert done.kept.name.startswith("pre-restore-")
    with Database.open(data_dir, clock=clock) as db:
        # What the Settings page lists: the copy the restore message points to is there.
        assert done.kept in {b.path for b in db.backups()}
        # Today's only backup is the pre-restore copy: the first save still makes the
        # daily one, of the diary as it is now.
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=3, stress=3, note="b"))
        today = clock.now().date()
        [daily] = [b for b in db.backups() if not b.pre_restore and b.created.date() == today]
        assert _entries(daily.path) == ["b"]
    for _ in range(40):  # weeks of daily backups: the rotation never touches the copy
        clock.advance(24 * 3600)
        with Database.open(data_dir, clock=clock) as db:
            EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=2, stress=2))
    assert done.kept.is_file()


# -- 3: backups ordered by the real moment ---------------------------------------------------


def test_a_time_zone_change_does_not_make_an_older_backup_the_newest(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, zone: None
) -> None:
    """Amsterdam, then New York (six hours behind): the later backup had the earlier name."""
    _set_zone(monkeypatch, "Europe/Amsterdam")
    clock = FakeClock(datetime(2026, 6, 1, 20, 0).astimezone())
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1, note="old"))
        older = db.backup_now()
    _set_zone(monkeypatch, "America/New_York")
    clock.set((clock.now() + timedelta(hours=1)).astimezone())  # 15:00 in New York
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=9, stress=9, note="new"))
        newer = db.backup_now()
    listed = list_backups(data_dir)
    assert listed[0].path == newer.path
    assert listed[0].created > older.created
    (data_dir / "diary.json").write_bytes(b"{damaged")
    assert restore_latest_backup(data_dir, clock=clock) == newer.path
    assert _entries(data_dir / "diary.json") == ["new", "old"]


def test_the_repeated_hour_when_the_clocks_go_back_keeps_the_order(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, zone: None
) -> None:
    """25 October 2026 in Amsterdam: 02:40 summer time comes before 02:10 winter time."""
    _set_zone(monkeypatch, "Europe/Amsterdam")
    amsterdam = ZoneInfo("Europe/Amsterdam")
    first = datetime(2026, 10, 25, 2, 40, tzinfo=amsterdam, fold=0)  # 00:40 UTC
    second = datetime(2026, 10, 25, 2, 10, tzinfo=amsterdam, fold=1)  # 01:10 UTC
    assert first.astimezone(UTC) < second.astimezone(UTC)
    clock = FakeClock(first)
    with Database.open(data_dir, clock=clock) as db:
        made_first = db.backup_now()
        clock.set(second)
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=5, stress=5, note="x"))
        made_second = db.backup_now()
    assert [b.path for b in list_backups(data_dir)][:2] == [made_second.path, made_first.path]


def test_old_local_names_are_read_as_before_and_sorted_by_moment_among_utc_names(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, zone: None
) -> None:
    """Backups named in local time by older versions keep their meaning; new names are UTC."""
    _set_zone(monkeypatch, "Asia/Tokyo")  # nine hours ahead of UTC all year
    clock = FakeClock(datetime(2026, 6, 1, 12, 0).astimezone())
    with Database.open(data_dir, clock=clock) as db:
        content = (data_dir / "diary.json").read_bytes()
        folder = data_dir / "backups"
        # 30 May at 23:00 Tokyo time, named in local time: it is 30 May 14:00 UTC.
        old_local = folder / "diary-20260530-230000-000000.json"
        old_local.write_bytes(content)
        for backup in list_backups(data_dir):
            if backup.path != old_local:
                backup.path.unlink()
        made = []
        for _ in range(KEEP_RECENT):  # five on 1 June, all newer than the old one
            clock.advance(60)
            made.append(db.backup_now().path)
    listed = list_backups(data_dir)
    assert [b.path for b in listed] == [*made[::-1], old_local]
    assert listed[-1].created == datetime(2026, 5, 30, 23, 0).astimezone()
    assert all(p.name.endswith("Z.json") for p in made)
    assert made[0].name == "diary-20260601-030100-000000Z.json", "12:01 in Tokyo, in UTC"


# -- 7: a diary from a newer RugDiary is not damaged ------------------------------------------


def _newer_diary(data_dir: Path, clock: FakeClock) -> bytes:
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1))
        db.backup_now()
    newer = encode_tables({"_meta": {"1": {"schema": 99}}, "entries": {}, "future": {}})
    (data_dir / "diary.json").write_bytes(newer)
    return newer


def test_restore_refuses_a_diary_from_a_newer_version_and_changes_nothing(
    data_dir: Path, clock: FakeClock
) -> None:
    newer = _newer_diary(data_dir, clock)
    files = sorted(p.name for p in data_dir.rglob("*"))
    for attempt in (lambda: restore_backup(data_dir, clock=clock), lambda: restore(data_dir)):
        with pytest.raises(NewerSchemaError) as caught:
            attempt()
        assert caught.value.path == data_dir / "diary.json"
    assert (data_dir / "diary.json").read_bytes() == newer
    assert sorted(p.name for p in data_dir.rglob("*")) == files, "nothing set aside or added"


def test_restore_of_a_newer_diary_when_asked_sets_it_aside_and_says_where(
    data_dir: Path, clock: FakeClock
) -> None:
    newer = _newer_diary(data_dir, clock)
    done = restore(data_dir, clock=clock, replace_newer=True)
    assert done.kept is None
    assert done.set_aside is not None
    assert done.set_aside.name.startswith("diary.json.newer-")
    assert done.set_aside.read_bytes() == newer
    assert not list(data_dir.glob("diary.json.damaged-*"))


def test_a_damaged_diary_is_set_aside_and_the_restore_says_where(
    data_dir: Path, clock: FakeClock
) -> None:
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1))
        db.backup_now()
    (data_dir / "diary.json").write_bytes(b"{cut off")
    done = restore(data_dir, clock=clock)
    assert done.set_aside is not None
    assert done.set_aside.read_bytes() == b"{cut off"
    assert done.kept is None
