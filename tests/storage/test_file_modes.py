"""Only the owner can read what the data folder holds: the diary, its lock and its folder."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from rugdiary.storage.database import LOCK_NAME, Database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_lock_file_is_created_0600_like_the_diary(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # the usual umask, which would give 0644
    try:
        with Database.open(tmp_path / "data") as db:
            db.table("entries").insert({"id": "x"})
    finally:
        os.umask(old_umask)
    folder = tmp_path / "data"
    assert _mode(folder / LOCK_NAME) == 0o600
    assert _mode(folder / "diary.json") == 0o600
    assert _mode(folder) == 0o700


def test_a_lock_file_left_0644_by_an_older_version_is_made_0600(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / LOCK_NAME).touch()
    (folder / LOCK_NAME).chmod(0o644)
    with Database.open(folder):
        assert _mode(folder / LOCK_NAME) == 0o600
