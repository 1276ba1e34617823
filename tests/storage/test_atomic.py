"""AtomicJSONStorage: drop-in for JSONStorage, atomic replace, permissions, failure clean-up."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB

from rugdiary.storage import atomic
from rugdiary.storage.atomic import AtomicJSONStorage
from rugdiary.storage.errors import CorruptDataError, StorageWriteError


def test_works_as_tinydb_storage(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage, create_dirs=True) as db:
        db.insert({"a": 1})
        db.table("t").insert({"b": "ë"})
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        assert db.all() == [{"a": 1}]
        assert db.table("t").all() == [{"b": "ë"}]
    assert json.loads(path.read_text("utf-8"))["t"]["1"] == {"b": "ë"}


def test_file_and_folder_modes(tmp_path: Path) -> None:
    folder = tmp_path / "private"
    path = folder / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage, create_dirs=True) as db:
        db.insert({"a": 1})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_replaces_the_file_instead_of_rewriting_it(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        db.insert({"a": 1})
        inode = path.stat().st_ino
        db.insert({"a": 2})
        assert path.stat().st_ino != inode, "an in-place rewrite is not crash-safe"


def test_failed_write_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"a": 1})
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(StorageWriteError) as info:
        db.insert({"a": 2})
    assert info.value.reason == "the disk is full"
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json"]
    # The memory copy that TinyDB had already changed is dropped: reads show the disk.
    assert db.all() == [{"a": 1}]


def test_sees_writes_from_another_storage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    first = TinyDB(path, storage=AtomicJSONStorage)
    second = TinyDB(path, storage=AtomicJSONStorage)
    first.insert({"who": "first"})
    assert second.all() == [{"who": "first"}]
    second.insert({"who": "second"})
    assert [d["who"] for d in first.all()] == ["first", "second"]


def test_read_of_missing_file_is_empty(tmp_path: Path) -> None:
    storage = AtomicJSONStorage(tmp_path / "none.json")
    assert storage.read() is None
    assert not (tmp_path / "none.json").exists(), "reading must not create the file"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"_default": {"1": {"a": 1}', "cut off"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff", "not text"),
        (b"[1, 2, 3]", "does not hold diary tables"),
        (b'{"entries": [1, 2]}', "not a set of records"),
        (b'{"entries": {"x": {}}}', "malformed record"),
    ],
)
def test_unreadable_content_is_reported_and_untouched(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(CorruptDataError) as info:
        AtomicJSONStorage(path).read()
    assert reason in info.value.reason
    assert info.value.path == path
    assert path.read_bytes() == content


def test_read_only_access_mode_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text("{}")
    storage = AtomicJSONStorage(path, access_mode="r")
    with pytest.raises(StorageWriteError):
        storage.write({"_default": {}})
    assert path.read_text() == "{}"


def test_json_kwargs_are_honoured_like_jsonstorage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage, indent=2) as db:
        db.insert({"a": 1})
    assert "\n  " in path.read_text()
    assert os.path.getsize(path) > 0
