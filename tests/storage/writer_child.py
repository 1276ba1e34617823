"""Child process for crash and concurrency tests: adds entries and acknowledges each one.

Usage: python writer_child.py DATA_DIR COUNT [PREFIX]. After `add` returns, the new id is
printed and flushed, so the parent knows exactly which saves had completed.
"""

import sys
from datetime import datetime, timedelta
from pathlib import Path

from rugdiary.core.diary import new_entry
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository


def main() -> None:
    folder, count = Path(sys.argv[1]), int(sys.argv[2])
    prefix = sys.argv[3] if len(sys.argv) > 3 else "w"
    start = datetime(2026, 1, 1, 8).astimezone()
    with Database.open(folder, lock_timeout=30) as db:
        repo = EntryRepository(db)
        for i in range(count):
            entry = new_entry(
                now=start + timedelta(minutes=i),
                pain=i % 11,
                stress=(i * 7) % 11,
                note=f"{prefix}-{i}",
                tags=[prefix],
            )
            repo.add(entry)
            print(entry.id, flush=True)


if __name__ == "__main__":
    main()
