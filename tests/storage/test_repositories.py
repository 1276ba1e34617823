"""EntryRepository: CRUD, filters, undo support, and a property round-trip through the file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import DiaryEntry, Medication, new_entry
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryNotFoundError, EntryRepository


def test_add_get_list_newest_first(repo: EntryRepository, clock: FakeClock) -> None:
    first = repo.add(new_entry(now=clock.now(), pain=2, stress=3))
    clock.advance(3600)
    second = repo.add(new_entry(now=clock.now(), pain=5, stress=6, tags=["Sitting "]))
    assert repo.get(first.id) == first
    assert [e.id for e in repo.list()] == [second.id, first.id]
    assert repo.get("nope") is None


def test_list_filters_by_local_day_and_tag(repo: EntryRepository, clock: FakeClock) -> None:
    days = [clock.now() + timedelta(days=i) for i in range(5)]
    for i, when in enumerate(days):
        repo.add(new_entry(now=when, pain=i, stress=i, tags=["deadline"] if i % 2 else []))
    picked = repo.list(start=days[1].date(), end=days[3].date())
    assert [e.pain for e in picked] == [3, 2, 1]
    assert [e.pain for e in repo.list(tag="Deadline")] == [3, 1]
    assert repo.list(start=date(2030, 1, 1)) == []


def test_update_replaces_fields_and_stamps(repo: EntryRepository, clock: FakeClock) -> None:
    entry = repo.add(new_entry(now=clock.now(), pain=2, stress=3, note="before", sleep=4))
    clock.advance(60)
    updated = repo.update(entry.replace(note="", sleep=None, pain=7))
    stored = repo.get(entry.id)
    assert stored == updated
    assert stored is not None
    assert (stored.pain, stored.note, stored.sleep) == (7, "", None)
    assert stored.updated == clock.now()
    assert stored.created == entry.created
    assert repo.count() == 1


def test_delete_returns_entry_and_restore_undoes(repo: EntryRepository, clock: FakeClock) -> None:
    entry = repo.add(new_entry(now=clock.now(), pain=2, stress=3, tags=["walk"]))
    removed = repo.delete(entry.id)
    assert removed == entry
    assert repo.list() == []
    repo.restore(removed)
    repo.restore(removed)
    assert repo.list() == [entry], "restore is idempotent: undo twice never duplicates"
    with pytest.raises(EntryNotFoundError):
        repo.delete("missing")
    with pytest.raises(EntryNotFoundError):
        repo.update(new_entry(now=clock.now(), pain=1, stress=1))


def test_known_tags_most_used_first(repo: EntryRepository, clock: FakeClock) -> None:
    for tags in (["sitting"], ["sitting", "deadline"], ["poor sleep", "sitting"], ["deadline"]):
        repo.add(new_entry(now=clock.now(), pain=1, stress=1, tags=tags))
    assert repo.known_tags() == ["sitting", "deadline", "poor sleep"]


def test_hand_edited_invalid_record_is_reported_not_fatal(
    db: Database, repo: EntryRepository, clock: FakeClock
) -> None:
    repo.add(new_entry(now=clock.now(), pain=1, stress=1))
    db.table("entries").insert(
        {"id": "x", "at": "2026-03-02T10:00:00+01:00", "pain": 12, "stress": 1}
    )
    entries, invalid = repo.list_checked()
    assert len(entries) == 1
    assert [(r.field, r.table) for r in invalid] == [("pain", "entries")]
    assert len(repo.list()) == 1


def test_ids_stay_unique_across_two_handles(data_dir: Path, clock: FakeClock) -> None:
    a = Database.open(data_dir, clock=clock)
    b = Database.open(data_dir, clock=clock)
    ra, rb = EntryRepository(a, clock), EntryRepository(b, clock)
    for i in range(5):
        ra.add(new_entry(now=clock.now(), pain=i, stress=0))
        rb.add(new_entry(now=clock.now(), pain=i, stress=1))
    assert len(ra.list()) == 10
    assert len(rb.list()) == 10
    a.close()
    b.close()


offsets = st.sampled_from(
    [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5, minutes=-30))]
)
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
scale = st.none() | st.integers(0, 10)
entries = st.builds(
    DiaryEntry,
    at=st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=offsets
    ),
    pain=st.integers(0, 10),
    stress=st.integers(0, 10),
    worst_pain=scale,
    sleep=scale,
    mood=scale,
    confidence=scale,
    work_demand=scale,
    support=scale,
    activity_min=st.none() | st.integers(0, 1440),
    flare_up=st.booleans(),
    tags=st.lists(st.text(min_size=1, max_size=40).filter(str.strip), max_size=5).map(tuple),
    medication=st.lists(
        st.builds(
            Medication,
            name=st.text(min_size=1, max_size=30).filter(str.strip),
            dose=st.text(max_size=20),
        ),
        max_size=3,
    ).map(tuple),
    note=text,
    for_physio=st.booleans(),
)


@given(batch=st.lists(entries, max_size=6))
def test_round_trip_through_the_file(
    tmp_path_factory: pytest.TempPathFactory, batch: list[DiaryEntry]
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    clock = FakeClock()
    with Database.open(folder, clock=clock) as db:
        EntryRepository(db, clock).add_many(batch)
    with Database.open(folder, clock=clock) as db:
        loaded = EntryRepository(db, clock).list()

    def key(e: DiaryEntry) -> str:
        return e.id

    # Compare stored forms too: equal datetimes may still differ in their UTC offset.
    assert sorted(loaded, key=key) == sorted(batch, key=key)
    assert [e.to_dict() for e in sorted(loaded, key=key)] == [
        e.to_dict() for e in sorted(batch, key=key)
    ]
