"""A diary that vanishes while open, opening on a full disk, and private folders.

Found in review: a save after the diary file disappeared (moved, a sync tool, an
unplugged disk behind a link) made a new diary holding only that entry, without `_meta`,
and said it was saved; the app could not open at all on a full disk because the backup
made on opening failed; the pictures folder was made 0755; and a programme file could be
written over the diary.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from programme_samples import own_exercise, own_program, png
from tinydb import TinyDB

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import load_library
from rugdiary.core.diary import new_entry
from rugdiary.core.program_file import build_programme_file, plan_import, read_programme_file
from rugdiary.resources import resources_dir
from rugdiary.storage.atomic import AtomicJSONStorage, decode_tables, private_dir
from rugdiary.storage.database import Database, MissingDiaryError, StorageWriteError
from rugdiary.storage.program_files import (
    DataFolderFileError,
    OutputExistsError,
    apply_import,
    write_new_file,
)
from rugdiary.storage.repositories import EntryRepository, ExerciseRepository, ProgramRepository


def _needs_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (.ci/run runs as root)")


def _mount_tmpfs(mount_point: Path) -> None:
    mount_point.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        pytest.skip(f"mount failed: {done.stderr.strip()}")


def _umount(mount_point: Path) -> None:
    subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """An empty 2 MB tmpfs, unmounted afterwards (a test may unmount it earlier)."""
    _needs_root()
    mount_point = tmp_path / "disk"
    _mount_tmpfs(mount_point)
    yield mount_point
    _umount(mount_point)


def _fill_disk(disk: Path) -> None:
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)


def _three_entries(folder: Path, clock: FakeClock) -> None:
    with Database.open(folder, clock=clock) as db:
        repo = EntryRepository(db, clock)
        for pain in (1, 2, 3):
            repo.add(new_entry(now=clock.now(), pain=pain, stress=1))


# -- 2: a diary file that vanishes while it is open -------------------------------------------


def test_a_save_after_the_diary_file_vanished_fails_and_makes_no_new_diary(
    data_dir: Path, clock: FakeClock
) -> None:
    _three_entries(data_dir, clock)
    diary = data_dir / "diary.json"
    with Database.open(data_dir, clock=clock) as db:
        repo = EntryRepository(db, clock)
        moved = diary.rename(data_dir.parent / "moved.json")
        with pytest.raises(MissingDiaryError) as caught:
            repo.add(new_entry(now=clock.now(), pain=7, stress=7))
        assert caught.value.path == diary
        assert "gone missing" in caught.value.reason
        assert not diary.exists(), "no diary of one entry was started"
        with pytest.raises(MissingDiaryError):
            db.rewrite(lambda tables: {**tables, "entries": {}})
        with pytest.raises(MissingDiaryError):
            db.backup_now()  # Settings' "Back up now": the same words, not "No such file"
        assert not diary.exists()
        # Once the file is back, saving works again and builds on the whole diary.
        moved.rename(diary)
        repo.add(new_entry(now=clock.now(), pain=8, stress=8))
    tables = decode_tables(diary.read_bytes(), diary)
    assert sorted(d["pain"] for d in tables["entries"].values()) == [1, 2, 3, 8]
    assert tables["_meta"]["1"]["schema"] == 1


def test_the_storage_itself_never_writes_a_vanished_file_again(tmp_path: Path) -> None:
    """TinyDB reads the missing file as empty tables and writes its change into them."""
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"who": "first"})
    path.unlink()
    with pytest.raises(MissingDiaryError):
        db.insert({"who": "second"})
    assert not path.exists()
    db.close()
    fresh = TinyDB(tmp_path / "new.json", storage=AtomicJSONStorage)
    fresh.insert({"who": "a new file is still made on the first write"})
    assert (tmp_path / "new.json").exists()
    fresh.close()


def test_a_linked_diary_on_an_unplugged_disk_is_not_started_again(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The reviewer's usb_unplug.py: the link's target vanished with the disk, and the save
    wrote a new diary of one entry into the empty mount point."""
    _needs_root()
    usb = tmp_path / "usb"
    _mount_tmpfs(usb)
    try:
        _three_entries(usb, clock)
        folder = tmp_path / "data"
        folder.mkdir(mode=0o700)
        (folder / "diary.json").symlink_to(usb / "diary.json")
        with Database.open(folder, clock=clock) as db:
            repo = EntryRepository(db, clock)
            assert repo.count() == 3
            _umount(usb)  # unplugged
            with pytest.raises(MissingDiaryError) as caught:
                repo.add(new_entry(now=clock.now(), pain=7, stress=7))
            assert caught.value.path == usb / "diary.json"
        assert list(usb.iterdir()) == [], "nothing was written into the empty mount point"
    finally:
        _umount(usb)


# -- 5: opening on a full disk ---------------------------------------------------------------


def test_a_full_disk_opens_the_diary_without_its_backup_only_when_asked(
    tmpfs: Path, clock: FakeClock
) -> None:
    folder = tmpfs / "data"
    _three_entries(folder, clock)
    with Database.open(folder, clock=clock) as db:
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=4, stress=4))
    clock.advance(3600)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    _fill_disk(tmpfs)
    with pytest.raises(StorageWriteError, match="disk is full"):
        Database.open(folder, clock=clock)  # the command line: a clear error, as before
    with Database.open(folder, clock=clock, backup_may_fail=True) as db:
        assert db.open_backup_problem is not None
        assert db.open_backup_problem.reason == "the disk is full"
        assert db.open_backup_problem.path == folder / "backups"
        assert EntryRepository(db, clock).count() == 4, "the diary can be read"
        with pytest.raises(StorageWriteError, match="disk is full"):
            EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=5, stress=5))
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    assert not list(folder.rglob("*.tmp"))


# -- 9: folders inside the data folder are private ------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_pictures_folder_of_an_import_is_0700(data_dir: Path, clock: FakeClock) -> None:
    library = load_library(resources_dir())
    slide = own_exercise()
    data = build_programme_file(
        own_program("wall-slide"), {**library.exercises, slide.id: slide}, {slide.id: png(8, 6)}
    )
    pictures = data_dir / "pictures"
    with Database.open(data_dir, clock=clock) as db:
        plan = plan_import(
            read_programme_file(data),
            builtin_exercises=library.exercises,
            builtin_programs=library.programs,
            own_exercises=ExerciseRepository(db).list(),
            own_programs=ProgramRepository(db).list(),
            stored_picture=lambda _exercise: None,
        )
        apply_import(db, pictures, plan)
    assert _mode(pictures) == 0o700
    assert _mode(pictures / "wall-slide.png") == 0o600


def test_private_dir_tightens_a_folder_an_older_version_made_0755(tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    private_dir(folder)
    assert _mode(folder) == 0o700
    private_dir(tmp_path / "new" / "pictures")
    assert _mode(tmp_path / "new" / "pictures") == 0o700


# -- 6: a programme file or sheet never lands on the data folder's own files -----------------


def test_write_new_file_refuses_the_data_folders_own_files_even_with_force(
    data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    _three_entries(data_dir, clock)
    diary = data_dir / "diary.json"
    before = diary.read_bytes()
    for target in (diary, data_dir / "backups" / "sheet.pdf", data_dir / ".diary.lock"):
        with pytest.raises(DataFolderFileError) as caught:
            write_new_file(target, b"programme", force=True, data_dir=data_dir)
        assert "data folder's own files" in str(caught.value)
        assert isinstance(caught.value, OSError), "the app's file dialogs catch OSError"
    assert diary.read_bytes() == before
    outside = tmp_path / "programme.json"
    write_new_file(outside, b"one", data_dir=data_dir)
    with pytest.raises(OutputExistsError):
        write_new_file(outside, b"two", data_dir=data_dir)
    write_new_file(outside, b"two", force=True, data_dir=data_dir)
    assert outside.read_bytes() == b"two"
