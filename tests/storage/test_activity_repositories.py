"""Activities and their scores on disk: round trips, five at most, history kept by id."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rugdiary.core.activities import new_activity, new_score, renamed, retired
from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import ValidationError
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import (
    ActivityRepository,
    ActivityScoreRepository,
    SettingsRepository,
    store_next_score,
    stored_next_score,
)


def test_activities_and_scores_round_trip_and_survive_reopening(
    db: Database, clock: FakeClock
) -> None:
    repo, scores = ActivityRepository(db), ActivityScoreRepository(db)
    socks = repo.add(new_activity("put on socks", clock.now(), repo.list()))
    sit = repo.add(new_activity("sit through a meeting", clock.now(), repo.list()))
    scores.add_many([new_score(socks, 3, clock.now()), new_score(sit, 5, clock.now())])
    clock.advance(14 * 86400)
    scores.add(new_score(socks, 6, clock.now()))
    data_dir = db.data_dir
    db.close()
    again = Database.open(data_dir, clock=clock)
    try:
        assert [a.name for a in ActivityRepository(again).list()] == [
            "put on socks",
            "sit through a meeting",
        ]
        stored = ActivityScoreRepository(again).list()
        # Oldest first; a round stored in one write keeps its order.
        assert [(s.activity_id, s.score) for s in stored] == [
            (socks.id, 3),
            (sit.id, 5),
            (socks.id, 6),
        ]
    finally:
        again.close()


def test_rename_and_retire_keep_the_scores(db: Database, clock: FakeClock) -> None:
    repo, scores = ActivityRepository(db), ActivityScoreRepository(db)
    socks = repo.add(new_activity("put on socks", clock.now(), []))
    scores.add(new_score(socks, 2, clock.now()))
    repo.update(renamed(socks, "socks and shoes", repo.list()))
    repo.update(retired(repo.list()[0], clock.now()))
    (stored,) = repo.list()
    assert stored.id == socks.id
    assert stored.name == "socks and shoes"
    assert not stored.active
    assert [s.activity_id for s in scores.list()] == [socks.id]
    assert repo.get(socks.id) == stored


def test_the_repository_refuses_a_sixth_active_activity(db: Database, clock: FakeClock) -> None:
    repo = ActivityRepository(db)
    made = [repo.add(new_activity(f"activity {i}", clock.now(), [])) for i in range(5)]
    with pytest.raises(ValidationError) as caught:
        repo.add(new_activity("sixth", clock.now(), []))  # the core check was skipped
    assert caught.value.field == "activities"
    assert len(repo.list()) == 5
    repo.update(retired(made[0], clock.now()))
    repo.add(new_activity("sixth", clock.now(), repo.list()))
    assert len(repo.list()) == 6


def test_scores_are_listed_by_local_day(db: Database, clock: FakeClock) -> None:
    repo, scores = ActivityRepository(db), ActivityScoreRepository(db)
    socks = repo.add(new_activity("put on socks", clock.now(), []))
    for days in (0, 14, 28):
        scores.add(new_score(socks, 4, clock.now() + timedelta(days=days)))
    start = clock.now().date()
    assert len(scores.list(start + timedelta(days=1), start + timedelta(days=28))) == 2
    assert len(scores.list(end=start)) == 1


def test_a_hand_edited_record_is_reported_not_dropped_silently(
    db: Database, clock: FakeClock
) -> None:
    repo = ActivityRepository(db)
    repo.add(new_activity("put on socks", clock.now(), []))
    with db.transaction():
        db.table("activities").insert({"id": "x", "name": "", "created_at": "2026-03-02"})
    items, invalid = repo.list_checked()
    assert [a.name for a in items] == ["put on socks"]
    assert [(i.table, i.field) for i in invalid] == [("activities", "name")]


def test_the_chosen_next_day_is_stored_and_can_be_cleared(db: Database, clock: FakeClock) -> None:
    settings = SettingsRepository(db)
    assert stored_next_score(settings) == (None, None)
    store_next_score(settings, date(2026, 3, 30), clock.now())
    assert stored_next_score(settings) == (date(2026, 3, 30), clock.now())
    store_next_score(settings, None, clock.now())
    assert stored_next_score(settings) == (None, None)
    settings.set("activities_next_score", {"day": "soon"})
    assert stored_next_score(settings) == (None, None)


def test_save_round_writes_names_retirements_and_scores_at_once(
    db: Database, clock: FakeClock
) -> None:
    repo, scores = ActivityRepository(db), ActivityScoreRepository(db)
    socks = repo.add(new_activity("put on socks", clock.now(), []))
    sit = repo.add(new_activity("sit", clock.now(), repo.list()))
    lift = new_activity("lift a child", clock.now(), repo.list())
    repo.save_round(
        [renamed(socks, "socks and shoes", repo.list()), retired(sit, clock.now()), lift],
        [new_score(socks, 4, clock.now()), new_score(lift, 2, clock.now())],
    )
    assert [(a.name, a.active) for a in repo.list()] == [
        ("socks and shoes", True),
        ("sit", False),
        ("lift a child", True),
    ]
    assert sorted(s.score for s in scores.list()) == [2, 4]
    # More than five active after the round: nothing of it is written.
    extra = [new_activity(f"extra {i}", clock.now(), []) for i in range(4)]
    with pytest.raises(ValidationError) as caught:
        repo.save_round(extra, [new_score(extra[0], 5, clock.now())])
    assert caught.value.field == "activities"
    assert len(repo.list()) == 3
    assert len(scores.list()) == 2
