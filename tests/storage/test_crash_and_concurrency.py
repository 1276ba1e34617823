"""kill -9 at random moments, two writers at once, and a folder that turns read-only."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rugdiary.core.diary import new_entry
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository

CHILD = Path(__file__).with_name("writer_child.py")
ROOT = Path(__file__).parents[2]
KILLS = 100


def _spawn(folder: Path, count: int, prefix: str = "w", **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), str(count), prefix],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **kwargs,  # type: ignore[call-overload]
    )


def _stored_ids(folder: Path) -> set[str]:
    with Database.open(folder) as db:
        return {e.id for e in EntryRepository(db).list()}


@pytest.mark.slow
def test_kill_9_never_loses_an_acknowledged_entry(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    # A few thousand entries make each write take long enough to be killed mid-way.
    start = datetime(2020, 1, 1, 8).astimezone()
    with Database.open(folder) as db:
        EntryRepository(db).add_many(
            [new_entry(now=start + timedelta(hours=i), pain=3, stress=4) for i in range(3000)]
        )
    rng = random.Random(20261124)
    acknowledged = _stored_ids(folder)
    for _ in range(KILLS):
        child = _spawn(folder, 1000)
        assert child.stdout is not None
        for _ in range(rng.randint(0, 6)):
            line = child.stdout.readline()
            if line:
                acknowledged.add(line.strip())
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged.update(line for line in rest.split() if line)
        assert child.returncode == -signal.SIGKILL
        stored = _stored_ids(folder)  # opens cleanly, or this raises
        missing = acknowledged - stored
        assert not missing, f"{len(missing)} acknowledged entries lost"
    assert not list(folder.glob(".*.tmp")), "temp files of killed writers are cleaned up"


@pytest.mark.slow
def test_two_writers_lose_no_update(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Database.open(folder) as gui:
        gui_repo = EntryRepository(gui)
        children = [_spawn(folder, 60, prefix) for prefix in ("cli-a", "cli-b")]
        mine = [
            gui_repo.add(new_entry(now=datetime.now().astimezone(), pain=1, stress=1))
            for _ in range(20)
        ]
        outputs = [child.communicate(timeout=120) for child in children]
        assert [c.returncode for c in children] == [0, 0], [err for _, err in outputs]
        acked = {line for out, _ in outputs for line in out.split()}
        assert len(acked) == 120
        stored = {e.id for e in gui_repo.list()}
    assert acked | {e.id for e in mine} == stored
    assert len(stored) == 140


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding one entry, which then turns read-only, even for root."""
    folder = tmp_path / "data"
    with Database.open(folder) as db:
        EntryRepository(db).add(new_entry(now=datetime.now().astimezone(), pain=2, stress=2))
    if os.geteuid() == 0:
        # Root ignores permission bits; an immutable folder stops even root.
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root and this file system has no immutable flag")
        yield folder
        subprocess.run([chattr, "-i", str(folder)], check=True)
    else:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)


def test_read_only_folder_gives_clear_error_and_changes_nothing(read_only_folder: Path) -> None:
    before = (read_only_folder / "diary.json").read_bytes()
    child = _spawn(read_only_folder, 1, "ro")
    out, err = child.communicate(timeout=60)
    assert child.returncode != 0
    assert out == ""
    assert "read-only or not writable" in err
    assert (read_only_folder / "diary.json").read_bytes() == before
    assert not list(read_only_folder.glob(".*.tmp"))
