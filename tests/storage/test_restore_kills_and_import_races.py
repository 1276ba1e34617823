"""A restore killed at random moments, and two imports of one file started together."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import rugdiary
from rugdiary.core.diary import new_entry
from rugdiary.storage.database import CorruptDataError, Database, restore_backup
from rugdiary.storage.repositories import EntryRepository

# The children run the same code as this test process.
ROOT = Path(rugdiary.__file__).parents[1]
RESTORE_CHILD = Path(__file__).with_name("restore_child.py")
RESTORE_KILLS = 40
IMPORT_ROUNDS = 5


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _ids(folder: Path) -> set[str]:
    with Database.open(folder) as db:
        return {e.id for e in EntryRepository(db).list()}


@pytest.mark.slow
def test_killed_restores_always_leave_a_diary_with_all_its_entries(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    start = datetime(2020, 1, 1, 8).astimezone()
    with Database.open(folder) as db:
        EntryRepository(db).add_many(
            [new_entry(now=start + timedelta(hours=i), pain=3, stress=4) for i in range(300)]
        )
        db.backup_now()
    expected = _ids(folder)
    rng = random.Random(20261205)
    damaged = b'{"entries": {"1": {"id": "cut off'
    damaged_file = tmp_path / "damaged.json"
    damaged_file.write_bytes(damaged)
    for kill in range(RESTORE_KILLS):
        # Every other child first damages the diary in each round, so that kills also hit
        # the setting aside of a damaged file; the others restore over a readable diary.
        extra = [str(damaged_file)] if kill % 2 else []
        # The child kills itself before its n-th file operation: a random point of the
        # first few rounds (about 10-16 operations make a round).
        kill_at = rng.randint(1, 40)
        child = subprocess.run(
            [sys.executable, str(RESTORE_CHILD), str(folder), str(kill_at), *extra],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
            timeout=60,
        )
        assert child.returncode == -signal.SIGKILL, child.stderr
        diary = folder / "diary.json"
        assert diary.exists(), f"kill {kill}: no diary.json left"
        if diary.read_bytes() == damaged:
            # Killed between damaging and restoring: the damaged diary is refused, never
            # taken for an empty one, and a restore brings everything back.
            with pytest.raises(CorruptDataError):
                Database.open(folder)
            restore_backup(folder)
        assert _ids(folder) == expected, f"kill {kill}: entries differ"
    assert not list(folder.glob(".*.tmp")), "temp files of killed restores are cleaned up"
    set_aside = list(folder.glob("diary.json.damaged-*"))
    assert set_aside, "damaged diaries were set aside"
    assert all(p.read_bytes() == damaged for p in set_aside)


@pytest.mark.slow
def test_two_imports_of_one_file_at_once_add_each_entry_once(tmp_path: Path) -> None:
    rows = ["date,pain,stress,note"]
    day = datetime(2025, 1, 1).date()
    rows += [f"{day + timedelta(days=i)},{i % 11},{(i * 3) % 11},row {i}" for i in range(300)]
    source = tmp_path / "paper-diary.csv"
    source.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    for round_ in range(IMPORT_ROUNDS):
        folder = tmp_path / f"data-{round_}"
        Database.open(folder).close()
        command = [sys.executable, "-m", "rugdiary", "--data-dir", str(folder), "import"]
        both = [
            subprocess.Popen(
                [*command, str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()
            )
            for _ in range(2)
        ]
        outputs = [p.communicate() for p in both]
        assert [p.returncode for p in both] == [0, 0], outputs
        with Database.open(folder) as db:
            notes = sorted(e.note for e in EntryRepository(db).list())
        assert notes == sorted(f"row {i}" for i in range(300)), f"round {round_}"
        said = sorted(out.decode() for out, _ in outputs)
        assert "Imported 0 entries" in said[0]
        assert "skipped 300" in said[0]
        assert "Imported 300 entries" in said[1]
