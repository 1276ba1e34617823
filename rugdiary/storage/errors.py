"""Exceptions that say, in plain words, why the data file cannot be used or written."""

from __future__ import annotations

import errno
from pathlib import Path


class DataFileError(Exception):
    """The data file cannot be used; it has been left exactly as it was."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CorruptDataError(DataFileError):
    """The file is empty, cut off, not JSON, or not shaped like a RugDiary diary."""


class NewerSchemaError(DataFileError):
    """The file was written by a newer RugDiary; reading it could lose what it added."""


class DataLockedError(DataFileError):
    """Another RugDiary process is writing to the same data folder."""


class MissingDiaryError(DataFileError):
    """The diary is gone where one was: the folder has backups but no diary, or the file
    vanished while it was open. It was lost, not new, so no empty one is made."""

    @classmethod
    def gone_while_open(cls, path: Path) -> MissingDiaryError:
        """The file was there when it was opened (or last written) and is missing now.

        Writing would start a new diary holding only the change being saved, without the
        rest of the diary or its `_meta`, and report success: a moved file, a sync tool or
        an unplugged disk must rather make the save fail, so the person keeps what they
        typed and learns where the diary went missing.
        """
        return cls(
            path,
            "the diary file has gone missing since RugDiary opened it (moved, deleted, or on "
            "a disk that is no longer connected?)",
        )


class StorageWriteError(Exception):
    """A save failed (disk full, read-only folder); nothing on disk was changed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    @classmethod
    def from_os_error(cls, path: Path, exc: OSError) -> StorageWriteError:
        """Turn an OSError into a sentence a user can act on."""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = "the disk is full"
        elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            reason = "the data folder is read-only or not writable"
        else:
            reason = exc.strerror or str(exc)
        return cls(path, reason)
