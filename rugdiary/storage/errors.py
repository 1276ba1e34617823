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
    """The folder has backups but no diary: it was lost, not new, so no empty one is made."""


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
