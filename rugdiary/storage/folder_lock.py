"""The data folder's writer lock: an exclusive flock, with filelock where flock is missing."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import filelock

try:
    import fcntl
except ImportError:  # Windows: filelock does it there (msvcrt)
    fcntl = None  # type: ignore[assignment]

POLL_S = 0.05
"""How often a waiting writer tries again (filelock's default too)."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""A lock file that is a link is refused (ELOOP), as filelock refuses it."""

_NO_FLOCK = {errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
"""What flock says on a file system that lacks it; filelock then uses its soft lock."""


class LockTimeoutError(Exception):
    """Another process held the lock for longer than the timeout."""

    def __init__(self, lock_file: str) -> None:
        super().__init__(f"the lock {lock_file} could not be taken in time")
        self.lock_file = lock_file


class FolderLock:
    """One writer per data folder, across processes and threads; re-entrant in a thread.

    The design names filelock for this, and it stays the lock wherever flock is missing
    (Windows, a file system without it). Where flock works, this takes the same exclusive
    flock on the same file that filelock's Unix lock takes, so the two exclude each other,
    without importing filelock: its 4.x core imports `secrets` (and through `hmac`,
    OpenSSL's libcrypto), `decimal` and `logging`, ~19 ms of every start.
    """

    def __init__(self, path: Path, *, timeout: float = -1, mode: int = 0o600) -> None:
        self.lock_file = str(path)
        self.timeout = timeout
        self.mode = mode
        self._thread_lock = threading.RLock()  # one thread at a time, as filelock's default
        self._depth = 0
        self._fd: int | None = None
        self._fallback: filelock.BaseFileLock | None = None
        if fcntl is None:
            self._use_filelock()

    @property
    def is_locked(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        """Take the lock, waiting up to `timeout` seconds (-1: for ever); LockTimeoutError else.

        OSError when the lock file cannot be made or opened (the caller names the cause).
        """
        deadline = None if self.timeout < 0 else time.monotonic() + self.timeout
        if not self._thread_lock.acquire(timeout=-1 if deadline is None else self.timeout):
            raise LockTimeoutError(self.lock_file)
        try:
            if self._depth == 0:
                self._take(deadline)
            self._depth += 1
        except BaseException:
            self._thread_lock.release()
            raise

    def release(self) -> None:
        """Give the lock back once for every acquire; the file stays for the next writer."""
        if self._depth == 0:
            return
        self._depth -= 1
        try:
            if self._depth == 0:
                self._give_back()
        finally:
            self._thread_lock.release()

    def _take(self, deadline: float | None) -> None:
        if self._fallback is None:
            fd, created = _open(self.lock_file, self.mode)
            try:
                while not self._flock(fd):
                    if deadline is not None and time.monotonic() >= deadline:
                        raise LockTimeoutError(self.lock_file)
                    time.sleep(POLL_S)
            except BaseException:
                os.close(fd)
                raise
            if self._fallback is None:
                self._fd = fd
                return
            # flock is missing here: filelock's soft lock takes over, and for that lock
            # the file's existence means "held", so a file made just now goes again.
            os.close(fd)
            if created:
                with contextlib.suppress(OSError):
                    os.unlink(self.lock_file)
        import filelock

        remaining = -1.0 if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            self._fallback.acquire(timeout=remaining)
        except filelock.Timeout:
            raise LockTimeoutError(self.lock_file) from None

    def _flock(self, fd: int) -> bool:
        """True when taken, False when another holds it; switches to filelock without flock."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                return False
            if exc.errno in _NO_FLOCK:
                self._use_filelock()
                return True
            raise
        return True

    def _give_back(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        elif self._fallback is not None:
            self._fallback.release()

    def _use_filelock(self) -> None:
        import filelock

        self._fallback = filelock.FileLock(self.lock_file, mode=self.mode, thread_local=False)


def _open(path: str, mode: int) -> tuple[int, bool]:
    """The lock file opened for the lock, and whether this call made it."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode), True
    except FileExistsError:
        return os.open(path, os.O_RDWR | _NOFOLLOW), False
