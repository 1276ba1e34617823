"""A full disk and a read-only disk, for real: a small tmpfs and a read-only bind mount.

Mounting needs root (`.ci/run` runs as root); elsewhere these tests are skipped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_DATA, EXIT_OK, main
from rugdiary.core.diary import new_entry
from rugdiary.storage.atomic import encode_tables
from rugdiary.storage.database import CorruptDataError, Database
from rugdiary.storage.repositories import EntryRepository


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        pytest.skip(f"mount {' '.join(args)} failed: {done.stderr.strip()}")


def _needs_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs or a read-only bind mount needs root (.ci/run runs as root)")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An empty 2 MB tmpfs."""
    _needs_root()
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    _mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount_point))
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@contextlib.contextmanager
def _read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    view.mkdir()
    _mount("--bind", str(folder), str(view))
    try:
        _mount("-o", "remount,bind,ro", str(view))
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def _fill_disk(disk: Path) -> None:
    """Use up every free byte of `disk` (unbuffered, so closing cannot fail late)."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)


def _diary(folder: Path, count: int = 200) -> set[str]:
    start = datetime(2026, 1, 1, 8).astimezone()
    with Database.open(folder) as db:
        repo = EntryRepository(db)
        repo.add_many(
            [new_entry(now=start + timedelta(hours=i), pain=3, stress=4) for i in range(count)]
        )
        db.backup_now()
        return {e.id for e in repo.list()}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_restore_on_a_full_disk_leaves_the_diary_in_place(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = small_disk / "data"
    _diary(folder)
    damaged = b'{"entries": {"1": {"id": "half'
    (folder / "diary.json").write_bytes(damaged)
    _fill_disk(small_disk)
    code, _, err = _run(capsys, "--data-dir", str(folder), "restore")
    assert code == EXIT_DATA
    assert "disk is full" in err
    assert "Traceback" not in err
    assert (folder / "diary.json").read_bytes() == damaged, "the diary was never missing"
    with pytest.raises(CorruptDataError):
        Database.open(folder)  # damaged as before: never taken for a new, empty diary
    (small_disk / "filler").unlink()
    assert _run(capsys, "--data-dir", str(folder), "restore")[0] == EXIT_OK
    with Database.open(folder) as db:
        assert len(EntryRepository(db).list()) == 200


def test_export_on_a_full_disk_keeps_the_earlier_export_and_leaves_no_fragment(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    _diary(folder, count=3000)
    target = small_disk / "export.json"
    target.write_bytes(b"the earlier export")
    _fill_disk(small_disk)
    code, _, err = _run(
        capsys,
        "--data-dir",
        str(folder),
        "export",
        "--format",
        "json",
        "-o",
        str(target),
        "--force",
    )
    assert code == EXIT_BAD_INPUT
    assert "-o" in err
    assert "nothing was written" in err
    assert target.read_bytes() == b"the earlier export"
    assert sorted(p.name for p in small_disk.iterdir()) == ["export.json", "filler"]


def test_migration_on_a_full_disk_is_a_clear_error_and_changes_nothing(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = small_disk / "data"
    folder.mkdir()
    docs = {
        str(i): {"at": "2026-03-01T09:00:00+01:00", "pain": 1, "stress": 1} for i in range(1, 300)
    }
    old = encode_tables({"entries": docs})  # schema 0: no _meta, so a migration is due
    (folder / "diary.json").write_bytes(old)
    _fill_disk(small_disk)
    code, _, err = _run(capsys, "--data-dir", str(folder), "add", "--pain", "1", "--stress", "1")
    assert code == EXIT_DATA
    assert "disk is full" in err
    assert "Traceback" not in err
    assert (folder / "diary.json").read_bytes() == old


def test_a_read_only_data_folder_can_still_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_root()
    folder = tmp_path / "data"
    ids = _diary(folder, count=5)
    with _read_only_view(folder, tmp_path / "ro") as view:
        (folder / ".diary.lock").unlink(missing_ok=True)  # and none can be made in the view
        code, out, err = _run(capsys, "--data-dir", str(view), "list", "--json")
        assert code == EXIT_OK, err
        assert len(out.strip().splitlines()) > 5
        code, out, err = _run(
            capsys,
            "--data-dir",
            str(view),
            "summary",
            "--json",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-02",
        )
        assert code == EXIT_OK, err
        out_file = tmp_path / "out.csv"
        code, _, err = _run(
            capsys, "--data-dir", str(view), "export", "--format", "csv", "-o", str(out_file)
        )
        assert code == EXIT_OK, err
        assert sum(1 for i in ids if i in out_file.read_text(encoding="utf-8-sig")) == 5
        # Writing still says plainly why not, naming the lock file, without a traceback.
        code, _, err = _run(capsys, "--data-dir", str(view), "add", "--pain", "1", "--stress", "1")
        assert code == EXIT_DATA
        assert ".diary.lock" in err
        assert "read-only" in err
        code, _, err = _run(capsys, "--data-dir", str(view), "restore")
        assert code == EXIT_DATA
        assert "Traceback" not in err
        assert ".diary.lock" in err


@pytest.fixture
def request_cleanup() -> Iterator[list[Path]]:
    folders: list[Path] = []
    yield folders
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def test_lock_file_of_another_user_is_named(
    request_cleanup: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_root()
    # Under /tmp itself: pytest's own folders cannot be entered by another user.
    folder = Path(tempfile.mkdtemp(prefix="rugdiary-shared-"))
    request_cleanup.append(folder)
    os.chmod(folder, 0o777)
    (folder / ".diary.lock").write_bytes(b"")
    os.chmod(folder / ".diary.lock", 0o600)  # root's, so "nobody" cannot open it
    # Everything `add` imports is loaded first: the forked child, running as "nobody",
    # may not be able to read the Python installation.
    assert (
        _run(
            capsys, "--data-dir", str(tmp_path / "warm-up"), "add", "--pain", "1", "--stress", "1"
        )[0]
        == 0
    )
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become another user and try to log an entry
        code = 99
        try:
            os.close(read_end)
            sys.stderr = open(write_end, "w", encoding="utf-8")  # noqa: SIM115
            os.setgid(65534)
            os.setuid(65534)
            code = main(["--data-dir", str(folder), "add", "--pain", "1", "--stress", "1"])
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8", errors="replace") as pipe:
        err = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == EXIT_DATA, err
    assert str(folder / ".diary.lock") in err
    assert "another user" in err
    assert "Traceback" not in err
