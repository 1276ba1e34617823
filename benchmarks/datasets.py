"""Synthetic ten-year diaries for benchmarks: ~11,000 entries and 1,500 sessions."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from rugdiary.core.demo import generate_demo_entries
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository

TEN_YEARS_DAYS = 3652


def session_docs(count: int, end: date, seed: int = 7) -> list[dict[str, object]]:
    """Session records shaped as DESIGN.md §3 describes, spread over ten years."""
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        started = datetime.combine(
            end - timedelta(days=int(i * TEN_YEARS_DAYS / count)), datetime.min.time()
        ).astimezone() + timedelta(hours=18)
        planned = rng.choice((480, 900, 180, 360, 1200))
        done = planned if rng.random() < 0.85 else planned // 2
        docs.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "program_id": "core-stability-beginner",
                "program_name": "Core stability, beginner",
                "level": "beginner",
                "started_at": started.isoformat(),
                "ended_at": (started + timedelta(seconds=done)).isoformat(),
                "planned_s": planned,
                "done_s": done,
                "steps_done": 24,
                "steps_skipped": 0 if done == planned else 12,
                "completed": done == planned,
                "stopped_reason": None if done == planned else "time",
                "pain_before": rng.randint(2, 6),
                "pain_after": rng.randint(1, 6),
                "effort": rng.randint(3, 7),
            }
        )
    return docs


def build_ten_year_diary(folder: Path) -> int:
    """Fill `folder` with ten years of entries (three a day on some days) and sessions."""
    end = date(2026, 11, 1)
    entries = generate_demo_entries(TEN_YEARS_DAYS, seed=10, end=end)
    # The demo logs ~1 entry a day; people who log more often reach ~11,000 in ten years.
    extra = generate_demo_entries(TEN_YEARS_DAYS, seed=11, end=end)
    extra2 = generate_demo_entries(TEN_YEARS_DAYS, seed=12, end=end)[
        : 11000 - len(entries) - len(extra)
    ]
    shifted = [e.replace(at=e.at - timedelta(hours=10)) for e in (*extra, *extra2)]
    with Database.open(folder) as db:
        EntryRepository(db).add_many([*entries, *shifted])
        db.table("sessions").insert_multiple(session_docs(1500, end))
        return len(entries) + len(shifted)
