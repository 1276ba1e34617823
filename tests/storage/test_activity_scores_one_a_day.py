"""A second score of an activity the same local day replaces the first on disk, in the same
write: the file and its exports hold what the app shows (one score a day)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from rugdiary.core.activities import Activity, ActivityScore, new_activity, new_score
from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import ActivityRepository, ActivityScoreRepository


def _stored(db: Database) -> list[dict[str, Any]]:
    """The score documents as they are in the file."""
    raw = json.loads(db.path.read_text(encoding="utf-8"))
    return list(raw.get(ActivityScoreRepository.TABLE, {}).values())


def _two(db: Database, clock: FakeClock) -> tuple[Activity, Activity]:
    repo = ActivityRepository(db)
    socks = new_activity("put on socks", clock.now() - timedelta(days=20), [])
    lift = new_activity("lift my child", clock.now() - timedelta(days=20), [socks])
    repo.save_round([socks, lift], [])
    return socks, lift


def test_add_replaces_the_score_of_the_same_activity_and_day(
    db: Database, clock: FakeClock
) -> None:
    socks, lift = _two(db, clock)
    scores = ActivityScoreRepository(db)
    yesterday = clock.now() - timedelta(days=1)
    scores.add(new_score(socks, 5, yesterday))
    scores.add(new_score(lift, 6, clock.now()))
    scores.add(new_score(socks, 1, clock.now()))  # a wrong key...
    scores.add(new_score(socks, 7, clock.now() + timedelta(minutes=2)))  # ...put right
    on_disk = sorted((d["activity_id"], d["at"][:10], d["score"]) for d in _stored(db))
    today, before = clock.now().date().isoformat(), yesterday.date().isoformat()
    assert on_disk == sorted([(socks.id, before, 5), (lift.id, today, 6), (socks.id, today, 7)])
    # Given afterwards, an earlier time the same day replaces it too: the last one given.
    scores.add(new_score(socks, 4, clock.now() - timedelta(hours=1)))
    assert [(s.activity_id, s.score) for s in scores.list(clock.now().date())] == [
        (socks.id, 4),
        (lift.id, 6),
    ]
    # After reopening: the file holds it so.
    data_dir = db.data_dir
    db.close()
    with Database.open(data_dir, clock=clock) as again:
        assert len(_stored(again)) == 3


def test_save_round_replaces_them_in_the_same_write(db: Database, clock: FakeClock) -> None:
    """What the "My activities" dialog saves: names and scores at once."""
    socks, lift = _two(db, clock)
    repo, scores = ActivityRepository(db), ActivityScoreRepository(db)
    repo.save_round([], [new_score(socks, 1, clock.now()), new_score(lift, 2, clock.now())])
    clock.advance(120)
    repo.save_round([], [new_score(socks, 7, clock.now()), new_score(lift, 8, clock.now())])
    assert sorted((d["activity_id"], d["score"]) for d in _stored(db)) == sorted(
        [(socks.id, 7), (lift.id, 8)]
    )
    # A round with one activity twice keeps the later of the two.
    scores.add_many([new_score(socks, 3, clock.now()), new_score(socks, 9, clock.now())])
    assert sorted((d["activity_id"], d["score"]) for d in _stored(db)) == sorted(
        [(socks.id, 9), (lift.id, 8)]
    )


def test_an_old_diary_with_two_that_day_keeps_one(db: Database, clock: FakeClock) -> None:
    """Diaries from before hold two scores a day; the next score that day replaces both,
    and a record that does not read as a score is left for the check to report."""
    (socks, _lift) = _two(db, clock)
    now = clock.now()
    old = [new_score(socks, 2, now - timedelta(hours=3)), new_score(socks, 3, now)]
    broken = {"id": "b1", "activity_id": socks.id, "at": now.isoformat(), "score": 11}

    def hold_old(tables: Any) -> Any:
        out = {name: dict(docs) for name, docs in tables.items()}
        table = out.setdefault(ActivityScoreRepository.TABLE, {})
        for number, doc in enumerate([*(s.to_dict() for s in old), broken], start=1):
            table[str(number)] = doc
        return out

    db.rewrite(hold_old)
    scores = ActivityScoreRepository(db)
    assert [s.score for s in scores.list()] == [2, 3]
    scores.add(new_score(socks, 6, now + timedelta(minutes=5)))
    assert sorted(d["score"] for d in _stored(db)) == [6, 11]
    (kept,) = scores.list()
    assert kept.score == 6
    assert [r.doc_id for r in scores.list_checked()[1]] == [3]
    # Ids count on: the new score does not take a removed one's id.
    raw = json.loads(db.path.read_text(encoding="utf-8"))[ActivityScoreRepository.TABLE]
    assert sorted(raw) == ["3", "4"]


def test_the_day_is_the_local_day_of_each_score(db: Database, clock: FakeClock) -> None:
    """Late in the evening and early next morning are two days, as the app counts them."""
    (socks, _lift) = _two(db, clock)
    plus_one = timezone(timedelta(hours=1))
    scores = ActivityScoreRepository(db)
    scores.add(new_score(socks, 4, datetime(2026, 3, 1, 23, 30, tzinfo=plus_one)))
    scores.add(new_score(socks, 5, datetime(2026, 3, 2, 0, 30, tzinfo=plus_one)))
    assert [s.score for s in scores.list()] == [4, 5]


def test_a_failed_write_leaves_the_earlier_score(
    db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removed and added in one write: never the one without the other."""
    (socks, _lift) = _two(db, clock)
    scores = ActivityScoreRepository(db)
    scores.add(new_score(socks, 5, clock.now()))

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("rugdiary.storage.database.atomic_write_bytes", full)
    with pytest.raises(StorageWriteError):
        scores.add(new_score(socks, 8, clock.now()))
    monkeypatch.undo()
    assert [s.score for s in scores.list()] == [5]
    assert [ActivityScore.from_dict(d).score for d in _stored(db)] == [5]
