"""FolderLock: the data folder's writer lock, and how it gets on with filelock."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import filelock
import pytest

from rugdiary.storage import folder_lock
from rugdiary.storage.folder_lock import FolderLock, LockTimeoutError

pytestmark = pytest.mark.skipif(folder_lock.fcntl is None, reason="flock is POSIX")


def test_a_second_lock_on_the_folder_times_out_until_the_first_is_released(
    tmp_path: Path,
) -> None:
    first = FolderLock(tmp_path / ".diary.lock", timeout=0.05)
    second = FolderLock(tmp_path / ".diary.lock", timeout=0.05)
    first.acquire()
    with pytest.raises(LockTimeoutError):
        second.acquire()
    first.release()
    second.acquire()
    assert second.is_locked
    assert not first.is_locked
    second.release()


def test_the_lock_file_is_private_and_stays_for_the_next_writer(tmp_path: Path) -> None:
    path = tmp_path / ".diary.lock"
    lock = FolderLock(path, mode=0o600)
    lock.acquire()
    lock.release()
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_it_is_re_entrant_in_one_thread_and_released_once_per_acquire(tmp_path: Path) -> None:
    lock = FolderLock(tmp_path / ".diary.lock", timeout=0.05)
    other = FolderLock(tmp_path / ".diary.lock", timeout=0.05)
    lock.acquire()
    lock.acquire()
    lock.release()
    with pytest.raises(LockTimeoutError):  # still held once
        other.acquire()
    lock.release()
    other.acquire()
    other.release()


def test_another_thread_waits_for_the_holder(tmp_path: Path) -> None:
    lock = FolderLock(tmp_path / ".diary.lock", timeout=0.05)
    lock.acquire()
    failures: list[BaseException] = []

    def try_it() -> None:
        try:
            lock.acquire()
        except LockTimeoutError as exc:
            failures.append(exc)

    thread = threading.Thread(target=try_it)
    thread.start()
    thread.join()
    lock.release()
    assert len(failures) == 1


@pytest.mark.parametrize("holder_first", ["filelock", "folder_lock"])
def test_filelock_and_folder_lock_exclude_each_other(tmp_path: Path, holder_first: str) -> None:
    """Both take an exclusive flock on the same file: older launches and tools still count."""
    path = tmp_path / ".diary.lock"
    theirs = filelock.FileLock(path, timeout=0.05, thread_local=False)
    ours = FolderLock(path, timeout=0.05)
    if holder_first == "filelock":
        theirs.acquire()
        with pytest.raises(LockTimeoutError):
            ours.acquire()
        theirs.release()
        ours.acquire()
        ours.release()
    else:
        ours.acquire()
        with pytest.raises(filelock.Timeout):
            theirs.acquire()
        ours.release()
        theirs.acquire()
        theirs.release()


def test_another_process_holding_the_lock_is_waited_for_then_refused(tmp_path: Path) -> None:
    path = tmp_path / ".diary.lock"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.storage.folder_lock import FolderLock\n"
        "lock = FolderLock(Path(sys.argv[1]))\n"
        "lock.acquire()\n"
        "print('held', flush=True)\n"
        "sys.stdin.readline()\n"
        "lock.release()\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdin is not None
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockTimeoutError):
            FolderLock(path, timeout=0.1).acquire()
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    lock = FolderLock(path, timeout=1.0)
    lock.acquire()
    lock.release()


@pytest.mark.filterwarnings("ignore:flock not supported:UserWarning")  # filelock says so itself
def test_without_flock_filelock_takes_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without flock (ENOSYS): filelock's own fallback locks instead."""

    def no_flock(_fd: int, _operation: int) -> None:
        raise OSError(errno.ENOSYS, os.strerror(errno.ENOSYS))

    monkeypatch.setattr(folder_lock.fcntl, "flock", no_flock)
    path = tmp_path / ".diary.lock"
    first = FolderLock(path, timeout=0.05)
    second = FolderLock(path, timeout=0.05)
    first.acquire()
    assert first._fallback is not None
    with pytest.raises(LockTimeoutError):
        second.acquire()
    first.release()
    second.acquire()
    second.release()


def test_a_lock_file_that_cannot_be_made_is_an_os_error(tmp_path: Path) -> None:
    lock = FolderLock(tmp_path / "missing-folder" / ".diary.lock", timeout=0.05)
    with pytest.raises(FileNotFoundError):
        lock.acquire()
    assert not lock.is_locked
