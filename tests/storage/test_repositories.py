"""EntryRepository: CRUD, filters, undo support, and a property round-trip through the file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import DiaryEntry, Medication, new_entry
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session, StopReason
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryNotFoundError, EntryRepository, SessionRepository


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
# Any character the diary may hold: all but lone surrogates and NUL (core.diary.check_text).
stored_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.text(stored_chars, max_size=60)
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
    tags=st.lists(st.text(stored_chars, min_size=1, max_size=40).filter(str.strip), max_size=5).map(
        tuple
    ),
    medication=st.lists(
        st.builds(
            Medication,
            name=st.text(stored_chars, min_size=1, max_size=30).filter(str.strip),
            dose=st.text(stored_chars, max_size=20),
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


def _session(clock: FakeClock, **changes: object) -> Session:
    start = clock.now()
    fields: dict[str, object] = {
        "program_id": "desk-break",
        "program_name": "Desk break",
        "level": Level.BEGINNER,
        "started_at": start,
        "ended_at": start + timedelta(minutes=3),
        "planned_s": 210,
        "done_s": 180,
        "steps_done": 8,
        "steps_skipped": 1,
        "completed": False,
        "stopped_reason": StopReason.TIME,
        "pain_before": 4,
    }
    fields.update(changes)
    return Session(**fields)  # type: ignore[arg-type]


def test_sessions_add_update_and_list_by_day(db: Database, clock: FakeClock) -> None:
    repo = SessionRepository(db)
    first = repo.add(_session(clock))
    clock.advance(2 * 24 * 3600)
    second = repo.add(_session(clock, completed=True, stopped_reason=None, done_s=210))
    assert [s.id for s in repo.list()] == [second.id, first.id]
    assert repo.list(start=second.started_at.date()) == [second]
    repo.update(first.replace(pain_after=3, effort=5))
    assert repo.list(end=first.started_at.date())[0].pain_after == 3
    with pytest.raises(EntryNotFoundError):
        repo.update(_session(clock))


def test_own_programs_and_exercises_save_replace_delete(db: Database) -> None:
    from dataclasses import replace

    from rugdiary.core.content import load_library
    from rugdiary.resources import resources_dir
    from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository

    library = load_library(resources_dir())
    programs = ProgramRepository(db)
    mine = replace(library.programs["morning-mobility"], id="my-morning", builtin=False)
    programs.save(mine)
    programs.save(replace(mine, sessions_per_week=3))
    assert [(p.id, p.sessions_per_week) for p in programs.list()] == [("my-morning", 3)]
    removed = programs.delete("my-morning")
    assert programs.list() == []
    programs.save(removed)
    assert programs.get("my-morning") == removed
    exercises = ExerciseRepository(db)
    own = replace(library.exercises["bird-dog"], id="physio-bird-dog", builtin=False)
    exercises.save(own)
    assert exercises.get("physio-bird-dog") == own
    with pytest.raises(EntryNotFoundError):
        exercises.delete("nope")


def test_settings_get_set_and_isolation(db: Database, data_dir: Path, clock: FakeClock) -> None:
    from rugdiary.storage.repositories import SettingsRepository

    settings = SettingsRepository(db)
    assert settings.get("theme", "system") == "system"
    settings.set("theme", "dark")
    settings.set("reminders", {"diary": {"enabled": True, "time": "20:00"}})
    value = settings.get("reminders")
    value["diary"]["enabled"] = False  # a caller changing its copy must not change the store
    assert settings.get("reminders")["diary"]["enabled"] is True
    stamp = (data_dir / "diary.json").stat().st_mtime_ns
    settings.set("theme", "dark")
    assert (data_dir / "diary.json").stat().st_mtime_ns == stamp, (
        "an unchanged value is not written"
    )
    with Database.open(data_dir, clock=clock) as again:
        assert SettingsRepository(again).all() == {
            "theme": "dark",
            "reminders": {"diary": {"enabled": True, "time": "20:00"}},
        }


def test_body_map_regions_round_trip_through_the_file(
    data_dir: Path, clock: FakeClock, repo: EntryRepository, db: Database
) -> None:
    saved = repo.add(
        new_entry(now=clock.now(), pain=4, stress=2, regions=["below_knee_left", "buttock_left"])
    )
    changed = repo.update(saved.replace(regions=("lower_back_centre",)))
    db.close()
    reopened = Database.open(data_dir, clock=clock)
    try:
        again = EntryRepository(reopened, clock).get(saved.id)
    finally:
        reopened.close()
    assert again is not None
    assert again.regions == changed.regions == ("lower_back_centre",)
