"""AtomicJSONStorage: a TinyDB storage that a crash or kill -9 cannot leave half-written."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from rugdiary.storage.errors import CorruptDataError, MissingDiaryError, StorageWriteError

FILE_MODE = 0o600
DIR_MODE = 0o700

Tables = dict[str, dict[str, Any]]


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so readers see either the old or the new file, never a mix.

    Temp file in the same folder (same file system, so the rename is atomic), flush, fsync,
    `os.replace`, then fsync the folder so the rename itself survives a power cut.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def private_dir(folder: Path) -> None:
    """Make `folder` (and missing parents) and keep it 0700, like the data folder.

    A folder inside the data folder holds health data too (an own exercise's picture says
    what a physiotherapist prescribed); one made 0755 by an older version is tightened.
    """
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        if folder.stat().st_mode & 0o077:
            os.chmod(folder, DIR_MODE)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def decode_tables(raw: bytes, path: Path, encoding: str = "utf-8") -> Tables:
    """Parse a diary file's bytes, or raise CorruptDataError saying what is wrong with it."""
    if not raw.strip():
        raise CorruptDataError(path, "the file is empty")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise CorruptDataError(path, "the file is not text; it may be damaged") from None
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise CorruptDataError(
            path, f"the file is cut off or damaged (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(data, dict):
        raise CorruptDataError(path, "the file does not hold diary tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptDataError(path, f"table {name!r} is not a set of records")
        for doc_id, doc in table.items():
            # ASCII digits only: str.isdigit also takes '²', which int() refuses.
            if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                raise CorruptDataError(path, f"table {name!r} has a malformed record {doc_id!r}")
    return data


def encode_tables(data: Tables) -> bytes:
    """Compact UTF-8 JSON; compact because a ten-year diary is rewritten on every save."""
    return orjson.dumps(data)


READ_ONLY_MODES = ("r", "rb")
UTF8_NAMES = ("utf-8", "utf8")
KNOWN_MODES = ("r", "rb", "r+", "rb+")


class AtomicJSONStorage(Storage):
    """Drop-in for TinyDB's JSONStorage that writes atomically and reads from memory.

    TinyDB reads the whole file before every operation. Parsing a ten-year diary each
    time would dominate a save, so the last content read or written is kept and reused
    while the file on disk is unchanged (same inode, size and times). Another process
    replacing the file changes its inode, so its writes are picked up. TinyDB mutates
    the dict it reads and then writes it; a failed write therefore drops the memory copy,
    so the next read comes from disk again.

    Like JSONStorage (tests/storage/test_tinydb_storages.py runs TinyDB's own tests):
    `access_mode="r"` on a missing file raises FileNotFoundError, and so does a missing
    folder without `create_dirs`; an access mode other than r, rb, r+ or rb+ warns with
    TinyDB's UserWarning; `encoding` is used to read and write the file; keyword arguments
    go to `json.dumps`. Where it differs, on purpose:

    - No empty file is created on opening: the file appears with the first write. An empty
      file left by a crash right after opening would read as a damaged diary, and an
      atomic replace needs no file to exist beforehand.
    - An empty, cut-off or otherwise unreadable file raises CorruptDataError naming the
      file and the problem (JSONStorage returns None for an empty file and raises
      json.JSONDecodeError otherwise): the diary is never silently treated as new. The
      same holds for JSON that is not TinyDB's tables of records, which JSONStorage
      returns as it is.
    - Writing in a read-only mode raises StorageWriteError (JSONStorage: OSError), the one
      error the app catches to keep what was typed and say that nothing was saved.
    - A file that was there (read, primed or written) and has gone missing is not made
      again: `write` raises MissingDiaryError (a DataFileError), because TinyDB would write
      only the change it was making into empty tables. JSONStorage starts a new file.
    - Without `encoding` the file is UTF-8, not the locale's encoding, so a diary reads
      the same on every computer.
    - `close()` only forgets the cached content; there is no open file handle to close.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        create_dirs: bool = False,
        encoding: str | None = None,
        access_mode: str = "r+",
        *,
        missing_ok: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        if access_mode not in KNOWN_MODES:
            warnings.warn(
                "Using an `access_mode` other than 'r', 'rb', 'r+' or 'rb+' can cause data "
                "loss or corruption",
                UserWarning,
                stacklevel=2,
            )
        self.path = Path(path)
        self.encoding = encoding or "utf-8"
        codecs.lookup(self.encoding)  # an unknown one fails here (LookupError), as open() does
        self._writable = access_mode not in READ_ONLY_MODES
        self._kwargs = kwargs
        if create_dirs and self._writable:
            self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        # `missing_ok`: a reader of a folder (or a diary) that does not exist yet sees empty
        # tables (the read-only Database of commands that only read); JSONStorage raises.
        if not self._writable and not missing_ok and not self.path.is_file():
            raise FileNotFoundError(2, "No such file (opened read-only)", str(self.path))
        if (self._writable or not missing_ok) and not self.path.parent.is_dir():
            raise FileNotFoundError(2, "No such folder", str(self.path.parent))
        self._cache: Tables | None = None
        self._stamp: tuple[int, int, int, int] | None = None
        self.had_file = False
        """Whether the file has been there since this storage was made (read, primed or
        written): once it has, a missing file means a lost diary, not a new one."""
        self.generation = 0
        """Counts loads of content this storage did not write itself."""

    def _disk_stamp(self) -> tuple[int, int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def changed_on_disk(self) -> bool:
        """Whether the file differs from the content this storage last read or wrote."""
        return self._cache is None or self._disk_stamp() != self._stamp

    def read(self) -> Tables | None:
        stamp = self._disk_stamp()
        if stamp is None:
            self._cache, self._stamp = None, None
            return None
        if self._cache is not None and stamp == self._stamp:
            return self._cache
        raw = self.path.read_bytes()
        data = decode_tables(raw, self.path, self.encoding)
        # Stamp taken before reading: if the file changed meanwhile, the next read notices.
        self._cache, self._stamp = data, stamp
        self.had_file = True
        self.generation += 1
        return data

    def prime(self, data: Tables) -> None:
        """Adopt `data`, just read and checked by the caller, as the current file content."""
        self._cache, self._stamp = data, self._disk_stamp()
        self.had_file = self.had_file or self._stamp is not None
        self.generation += 1

    def write(self, data: Tables) -> None:
        if not self._writable:
            raise StorageWriteError(self.path, "the data file was opened read-only")
        if self.had_file and self._disk_stamp() is None:
            # TinyDB read the missing file as empty tables and added the change to them:
            # written, that would be a new diary with only this change in it.
            self._cache, self._stamp = None, None
            raise MissingDiaryError.gone_while_open(self.path)
        try:
            payload = (
                json.dumps(data, ensure_ascii=False, **self._kwargs).encode(self.encoding)
                if self._kwargs or self.encoding.replace("_", "-").lower() not in UTF8_NAMES
                else encode_tables(data)
            )
            atomic_write_bytes(self.path, payload)
        except OSError as exc:
            self._cache, self._stamp = None, None
            raise StorageWriteError.from_os_error(self.path, exc) from exc
        except BaseException:
            self._cache, self._stamp = None, None
            raise
        self._cache, self._stamp = data, self._disk_stamp()
        self.had_file = True

    def close(self) -> None:
        self._cache, self._stamp = None, None
