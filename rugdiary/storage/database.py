"""Opening the data folder: lock, schema check, migrations, rotating backups and restore."""

from __future__ import annotations

import contextlib
import copy
import errno
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Table

from rugdiary import __version__
from rugdiary.core.clock import Clock, SystemClock
from rugdiary.paths import DATA_FILE_NAME
from rugdiary.storage.atomic import (
    DIR_MODE,
    FILE_MODE,
    AtomicJSONStorage,
    Tables,
    atomic_write_bytes,
    decode_tables,
    encode_tables,
    fsync_dir,
)
from rugdiary.storage.errors import (
    CorruptDataError,
    DataFileError,
    DataLockedError,
    MissingDiaryError,
    NewerSchemaError,
    StorageWriteError,
)
from rugdiary.storage.folder_lock import FolderLock, LockTimeoutError

__all__ = [
    "SCHEMA_VERSION",
    "Backup",
    "CorruptDataError",
    "DataFileError",
    "DataLockedError",
    "Database",
    "MissingDiaryError",
    "NewerSchemaError",
    "Restored",
    "StorageWriteError",
    "diary_path",
    "list_backups",
    "restore",
    "restore_backup",
    "restore_latest_backup",
]

SCHEMA_VERSION = 1
LOCK_NAME = ".diary.lock"
BACKUP_DIR = "backups"
BACKUP_PREFIX = "diary-"
PRE_RESTORE_PREFIX = "pre-restore-"
"""Copies made by a restore of the diary it replaced. They are never rotated away: each is
the only copy of the diary as it was before that restore, and someone trying old backups
one after another makes several in a row (which would push it out of "the 5 newest")
while the daily and weekly ones only see one day. Restores are rare, so all are kept
until the person deletes them."""
KEEP_DAILY = 14
KEEP_WEEKLY = 8
KEEP_RECENT = 5
META_TABLE = "_meta"
META_DOC_ID = "1"

Migration = Callable[[Tables], Tables]


def _migrate_0_to_1(tables: Tables) -> Tables:
    """Schema 0 is a diary file without `_meta` (made by hand or by a pre-release build).

    It gains `_meta`, and entries that lack `created`/`updated` get them from `at`,
    so every stored entry has the same shape from here on.
    """
    for doc in tables.get("entries", {}).values():
        if "at" in doc:
            doc.setdefault("created", doc["at"])
            doc.setdefault("updated", doc["at"])
    return tables


MIGRATIONS: tuple[tuple[int, Migration], ...] = ((1, _migrate_0_to_1),)
"""(target schema, function) in ascending order; each runs once, after a backup."""


class _Table(Table):
    """A TinyDB table safe to share a file between processes.

    TinyDB remembers the next document id in memory, so after another process inserted,
    both would hand out the same id and one insert would overwrite the other. The id
    is worked out afresh whenever the storage has loaded a write it did not make.
    """

    def __init__(self, storage: AtomicJSONStorage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
        self._atomic = storage
        self._id_generation = storage.generation

    def _get_next_id(self) -> int:
        generation = self._atomic.generation
        if generation != self._id_generation:
            self._next_id = None
            self._id_generation = generation
        return int(super()._get_next_id())  # type: ignore[no-untyped-call]


class _TinyDB(TinyDB):
    table_class: type[Table] = _Table


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup copy of the data file."""

    path: Path
    created: datetime
    """The moment it was made, in local time (aware): backups are ordered by it."""
    pre_restore: bool = False
    """The diary as it was just before a restore: kept outside the rotation (see
    PRE_RESTORE_PREFIX), so trying one old backup after another never deletes it."""


def schema_of(tables: Tables) -> int:
    """The schema version a raw diary claims; 0 when it has no `_meta`."""
    meta = tables.get(META_TABLE, {}).get(META_DOC_ID)
    if meta is None:
        return 0
    schema = meta.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 0:
        raise ValueError("the data version is not a whole number")
    return schema


def _meta_doc(now: datetime, created: str | None = None) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "app_version": __version__,
        "created": created or now.isoformat(timespec="seconds"),
    }


def read_checked(path: Path, *, known_schema: int = SCHEMA_VERSION) -> Tables:
    """Read and check a diary file without changing it; raise DataFileError if unusable."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise CorruptDataError(path, "this is a folder, not a diary file") from None
    except PermissionError:
        raise DataFileError(path, "the file cannot be read (no permission)") from None
    tables = decode_tables(raw, path)
    try:
        schema = schema_of(tables)
    except ValueError as exc:
        raise CorruptDataError(path, str(exc)) from None
    if schema > known_schema:
        raise NewerSchemaError(
            path,
            f"it was written by a newer RugDiary (data version {schema}; this version "
            f"reads up to {known_schema}). Update RugDiary to open it.",
        )
    return tables


def _backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def diary_path(data_dir: Path) -> Path:
    """The diary file of `data_dir`; a symbolic link is followed to the file it names.

    A diary kept elsewhere (say on a USB disk) and linked into the folder must keep
    getting the entries, so writes go to the link's target, never over the link. A link
    whose target is missing (the disk is unplugged) or that loops is refused: taking it
    for "no diary yet" would start a new, empty one.
    """
    link = Path(data_dir) / DATA_FILE_NAME
    if not link.is_symlink():
        return link
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    try:
        return link.resolve(strict=True)
    except FileNotFoundError:
        raise DataFileError(
            link,
            f"it is a link to {target}, which does not exist (is that disk connected?); "
            "nothing was changed",
        ) from None
    except (RuntimeError, OSError):  # RuntimeError: a loop, before Python 3.13
        raise DataFileError(
            link, f"it is a link to {target}, which leads round in a loop; nothing was changed"
        ) from None


def _lock_problem(lock_path: Path, exc: OSError) -> str:
    """Why the lock file cannot be taken, naming it: a folder or a file of another user."""
    try:
        owner = lock_path.stat().st_uid
    except OSError:
        owner = None
    if owner is not None and hasattr(os, "geteuid") and owner != os.geteuid():
        return (
            f"the lock file {lock_path} belongs to another user (uid {owner}), so this user "
            "cannot use the folder; remove that file or run RugDiary as its owner"
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"the lock file {lock_path} cannot be made or opened: the data folder is "
            "read-only or not writable"
        )
    return f"the lock file {lock_path} cannot be opened ({exc.strerror or exc})"


def _acquire(lock: FolderLock, data_dir: Path) -> None:
    try:
        lock.acquire()
    except LockTimeoutError:
        raise DataLockedError(
            data_dir,
            "another RugDiary window or command is using this data folder; "
            "close it or try again in a moment",
        ) from None
    except OSError as exc:
        raise DataFileError(data_dir, _lock_problem(Path(lock.lock_file), exc)) from exc


_BACKUP_NAME = re.compile(
    r"(diary-|pre-restore-)(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{6})(Z?)\.json"
)
"""diary-YYYYMMDD-HHMMSS-ffffffZ.json in UTC (pre-restore-… likewise); without the Z, the
local time older versions wrote. Matched by hand because datetime.strptime would import
_strptime, calendar and locale during start-up, where the backups are listed."""


def _backup_stamp(moment: datetime) -> str:
    """`moment` in UTC for a backup's name: local wall-clock time repeats an hour when the
    clocks go back and jumps with a time-zone change, which put a newer backup's name
    before an older one's, so a restore took the older and the rotation deleted the newer."""
    return moment.astimezone(UTC).strftime("%Y%m%d-%H%M%S-%fZ")


def is_data_folder_file(data_dir: Path, target: Path) -> bool:
    """Whether writing `target` would write over one of `data_dir`'s own files: the diary
    (or the file its link names), its lock, its temporary files, its backups or the own
    exercises' pictures. An export or a report must never land there: it would replace the
    diary with a copy of itself, or an exercise's picture with a PDF."""
    folder = Path(data_dir).resolve()
    target = Path(target).resolve()
    try:
        diary = diary_path(folder).resolve()
    except DataFileError:
        diary = folder / DATA_FILE_NAME
    with contextlib.suppress(OSError):
        # Names that differ only in case are one file on macOS and Windows.
        if target.exists() and diary.exists() and os.path.samefile(target, diary):
            return True
    return (
        target == diary
        or (target.parent == folder and target.name.startswith((DATA_FILE_NAME, LOCK_NAME)))
        or (folder / BACKUP_DIR) in target.parents
        # storage/program_files.PICTURES_DIR (that module imports this one)
        or (folder / "pictures") in target.parents
        or (target.parent == diary.parent and target.name.startswith(f".{diary.name}."))
    )


def list_backups(data_dir: Path) -> list[Backup]:
    """Backups in `data_dir`, newest first: the rotating ones and the pre-restore copies.

    Their moment comes from the file name: UTC (a Z) or, in names older versions gave,
    local time, read in today's zone as it always was; they are ordered by that moment, not by
    name, so an old local name sorts where it belongs among the UTC ones.
    """
    found: list[Backup] = []
    folder = _backup_dir(data_dir)
    if not folder.is_dir():
        return found
    names = (f"{BACKUP_PREFIX}*.json", f"{PRE_RESTORE_PREFIX}*.json")
    for path in (path for name in names for path in folder.glob(name)):
        match = _BACKUP_NAME.fullmatch(path.name)
        if match is None:
            continue
        prefix, *digits, utc = match.groups()
        try:
            year, month, day, hour, minute, second, micro = (int(g) for g in digits)
            created = datetime(year, month, day, hour, minute, second, micro, UTC if utc else None)
        except ValueError:  # e.g. a month 13 in a file someone named by hand
            continue
        found.append(Backup(path, created.astimezone(), prefix == PRE_RESTORE_PREFIX))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def _rotating(backups: Sequence[Backup]) -> list[Backup]:
    """The backups the rotation keeps or deletes (and that say when the last one was)."""
    return [b for b in backups if not b.pre_restore]


def backups_to_keep(backups: Sequence[Backup]) -> set[Path]:
    """The 5 newest, and the newest of each of the last 14 days and of the last 8 weeks.

    Days and weeks count only those that have backups, so a month away from the
    computer does not age every backup out. The few newest are kept whatever their
    day, so an unreadable newest backup still has a recent one behind it.
    """
    newest_first = sorted(backups, key=lambda b: b.created, reverse=True)
    keep: set[Path] = {b.path for b in newest_first[:KEEP_RECENT]}
    days: dict[date, Backup] = {}
    weeks: dict[tuple[int, int], Backup] = {}
    for backup in newest_first:
        day = backup.created.date()
        iso = day.isocalendar()
        days.setdefault(day, backup)
        weeks.setdefault((iso.year, iso.week), backup)
    keep.update(b.path for b in list(days.values())[:KEEP_DAILY])
    keep.update(b.path for b in list(weeks.values())[:KEEP_WEEKLY])
    return keep


def _new_backup_file(data_dir: Path, prefix: str, content: bytes, now: datetime) -> Backup:
    """Write `content` to a backup file of a name no other file has, and return it."""
    folder = _backup_dir(data_dir)
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    path = folder / f"{prefix}{_backup_stamp(now)}.json"
    while path.exists():
        # Never overwrite a backup, even when two are made within one clock tick.
        now += timedelta(microseconds=1)
        path = folder / f"{prefix}{_backup_stamp(now)}.json"
    atomic_write_bytes(path, content)
    return Backup(path, now.astimezone(), prefix == PRE_RESTORE_PREFIX)


def _write_backup(data_dir: Path, content: bytes, now: datetime) -> Backup:
    made = _new_backup_file(data_dir, BACKUP_PREFIX, content, now)
    path = made.path
    backups = _rotating(list_backups(data_dir))
    keep = backups_to_keep(backups)
    # The backup just made always stays, even when its moment sorts it among the old
    # ones (the clock was set back): the caller reports it as made.
    keep.add(path)
    for old in backups:
        if old.path not in keep:
            with contextlib.suppress(OSError):
                old.path.unlink()
    return made


class Database:
    """An open data folder. Use `Database.open`.

    Every change goes through `transaction()`, which holds the folder's file lock, so
    the GUI and the command line can share a data folder without losing an update.
    """

    def __init__(
        self,
        data_dir: Path,
        lock: FolderLock,
        clock: Clock,
        path: Path | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.path = path or data_dir / DATA_FILE_NAME
        self.read_only = read_only
        self._lock = lock
        self._clock = clock
        self._tinydb = _TinyDB(
            self.path,
            storage=AtomicJSONStorage,
            access_mode="r" if read_only else "r+",
            missing_ok=read_only,
        )
        self._storage = cast(AtomicJSONStorage, self._tinydb.storage)
        self._last_backup_day: date | None = None
        self.backup_problem: StorageWriteError | None = None
        """Set when a save succeeded but the daily backup after it failed."""
        self.on_backup_problem: Callable[[StorageWriteError], None] | None = None
        """Called then too, so the app can say so without calling the save failed."""
        self.open_backup_problem: StorageWriteError | None = None
        """Set when the diary opened without its open-time backup (`backup_may_fail`)."""

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        lock_timeout: float = 2.0,
        migrations: Sequence[tuple[int, Migration]] = MIGRATIONS,
        schema: int = SCHEMA_VERSION,
        read_only: bool = False,
        backup_may_fail: bool = False,
    ) -> Database:
        """Open (or create) the diary in `data_dir`.

        Raises DataFileError subclasses, leaving every file as it was, when the diary
        is damaged, from a newer version, or locked by another process for longer than
        `lock_timeout` seconds.

        `read_only` is for commands that only read: no lock, no backup, no migration
        written and no file created, so a diary on a read-only disk can still be read.
        Saves then raise StorageWriteError.

        `backup_may_fail` is for the app: when the backup made on opening cannot be
        written (a full disk, a backups folder it may not write), the diary opens anyway
        and the error is kept in `open_backup_problem` to be shown. Nothing is lost by
        it: the diary and the older backups stay as they were, every save is atomic, and
        the daily backup is tried again with the first save. Refusing instead left a person
        with a full disk unable even to read their diary or export it elsewhere.
        """
        clock = clock or SystemClock()
        data_dir = Path(data_dir)
        if read_only:
            return cls._open_read_only(data_dir, clock, migrations, schema)
        try:
            data_dir.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            raise DataFileError(
                data_dir, f"the data folder cannot be created ({exc.strerror})"
            ) from exc
        _private_lock_file(data_dir / LOCK_NAME)
        lock = FolderLock(data_dir / LOCK_NAME, timeout=lock_timeout, mode=FILE_MODE)
        db = cls(data_dir, lock, clock, diary_path(data_dir))
        try:
            with db._locked():
                db._remove_stale_temp_files()
                tables = db._prepare(migrations, schema)
                db._storage.prime(tables)
                try:
                    db._backup_on_open()
                except StorageWriteError as exc:
                    if not backup_may_fail:
                        raise
                    db.open_backup_problem = exc
        except BaseException:
            db._tinydb.close()
            raise
        return db

    @classmethod
    def _open_read_only(
        cls,
        data_dir: Path,
        clock: Clock,
        migrations: Sequence[tuple[int, Migration]],
        schema: int,
    ) -> Database:
        # The lock is never taken: saves are atomic renames, so a reader sees a whole file.
        lock = FolderLock(data_dir / LOCK_NAME)
        db = cls(data_dir, lock, clock, diary_path(data_dir), read_only=True)
        try:
            if not db.path.exists():
                db._refuse_lost_diary()
                return db
            tables = read_checked(db.path, known_schema=schema)
            current = schema_of(tables)
            for target, migrate in migrations:
                if target > current:  # in memory only: the file stays as it is
                    tables = migrate(copy.deepcopy(tables))
            db._storage.prime(tables)
        except BaseException:
            db._tinydb.close()
            raise
        return db

    def _refuse_lost_diary(self) -> None:
        """A folder with backups but no diary lost its diary: never start an empty one."""
        backups = list_backups(self.data_dir)
        if backups:
            raise MissingDiaryError(
                self.path,
                f"the diary file is missing, but the folder has {len(backups)} backup(s), "
                f"the newest from {backups[0].created:%Y-%m-%d %H:%M}; restore it rather "
                "than start an empty diary",
            )

    def _prepare(self, migrations: Sequence[tuple[int, Migration]], schema: int) -> Tables:
        now = self._clock.now()
        if not self.path.exists():
            self._refuse_lost_diary()
            tables: Tables = {META_TABLE: {META_DOC_ID: _meta_doc(now)}}
            self._write(tables)
            return tables
        tables = read_checked(self.path, known_schema=schema)
        current = schema_of(tables)
        pending = [(to, fn) for to, fn in migrations if to > current]
        if pending:
            # The untouched original is kept first, outside the rotation: a migration
            # bug must never cost the user their diary.
            folder = _backup_dir(self.data_dir)
            stamp = now.strftime("%Y%m%d-%H%M%S")
            try:
                folder.mkdir(mode=DIR_MODE, exist_ok=True)
                atomic_write_bytes(
                    folder / f"pre-migration-schema{current}-{stamp}.json", self.path.read_bytes()
                )
            except OSError as exc:
                raise StorageWriteError.from_os_error(folder, exc) from exc
            for target, migrate in pending:
                tables = migrate(tables)
                meta = tables.setdefault(META_TABLE, {}).get(META_DOC_ID, {})
                tables[META_TABLE][META_DOC_ID] = {
                    **_meta_doc(now, meta.get("created")),
                    "schema": target,
                }
            self._write(tables)
        return tables

    def _remove_stale_temp_files(self) -> None:
        """Delete temp files a killed writer left; safe because we hold the lock."""
        for folder in (self.data_dir, _backup_dir(self.data_dir)):
            for stale in folder.glob(".*.json.*.tmp"):
                with contextlib.suppress(OSError):
                    stale.unlink()
        if self.path.parent != self.data_dir:  # a linked diary is written beside its target
            for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    stale.unlink()

    def _write(self, tables: Tables) -> None:
        try:
            atomic_write_bytes(self.path, encode_tables(tables))
        except OSError as exc:
            raise StorageWriteError.from_os_error(self.path, exc) from exc

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if self.read_only:
            raise StorageWriteError(self.path, "the diary was opened for reading only")
        _acquire(self._lock, self.data_dir)
        try:
            yield
        finally:
            self._lock.release()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the folder lock around a read-modify-write; make the daily backup after.

        The backup runs after the save has landed, so its failure must not read as a
        failed save (a retry would then add the entry twice): it is kept in
        `backup_problem` for the caller to warn about instead.
        """
        with self._locked():
            if not self.path.exists():
                # Opening made or found the file, so it was lost meanwhile: building on the
                # empty tables a missing file reads as would write a diary of one change.
                raise MissingDiaryError.gone_while_open(self.path)
            if self._storage.changed_on_disk():
                # Another process wrote since we last looked: check before building on it.
                self._storage.prime(read_checked(self.path))
            yield
            try:
                self._backup(force=False)
            except StorageWriteError as exc:
                self.backup_problem = exc
                if self.on_backup_problem is not None:
                    self.on_backup_problem(exc)

    def rewrite(self, change: Callable[[Tables], Tables]) -> None:
        """Apply a pure function to the whole content and save the result in one write.

        For changes that must land together or not at all, such as an import that adds
        entries, sessions and programs: TinyDB would write each table separately.
        """
        with self.transaction():
            new = change(self.read_tables())
            try:
                atomic_write_bytes(self.path, encode_tables(new))
            except OSError as exc:
                raise StorageWriteError.from_os_error(self.path, exc) from exc
            # Adopt it as if another process had written it, so TinyDB works out ids anew.
            self._storage.prime(new)

    def table(self, name: str) -> Table:
        # cache_size=0: TinyDB's query cache would not see other processes' writes.
        return self._tinydb.table(name, cache_size=0)

    def read_tables(self) -> Tables:
        """The raw content (for integrity checks and exports); callers must not mutate it."""
        data = self._storage.read()
        return data if data is not None else {}

    def meta(self) -> dict[str, Any]:
        return dict(self.read_tables().get(META_TABLE, {}).get(META_DOC_ID, {}))

    def backups(self) -> list[Backup]:
        return list_backups(self.data_dir)

    def backup_now(self) -> Backup:
        """A backup of the current file, whatever backups exist already."""
        with self._locked():
            if not self.path.exists():  # said as for a save, not as "No such file"
                raise MissingDiaryError.gone_while_open(self.path)
            backup = self._backup(force=True)
        assert backup is not None  # forced backups are always written
        return backup

    def _backup(self, *, force: bool, content: bytes | None = None) -> Backup | None:
        """Copy the data file into backups/; unless `force`d, at most once a day."""
        now = self._clock.now()
        if not force:
            if self._last_backup_day == now.date():
                return None
            # A pre-restore copy is not today's backup: it holds the diary a restore replaced.
            existing = _rotating(list_backups(self.data_dir))
            if existing and existing[0].created.date() == now.date():
                self._last_backup_day = now.date()
                return None
        try:
            if content is None:
                content = self.path.read_bytes()
            backup = _write_backup(self.data_dir, content, now)
        except OSError as exc:
            raise StorageWriteError.from_os_error(_backup_dir(self.data_dir), exc) from exc
        self._last_backup_day = now.date()
        return backup

    def _backup_on_open(self) -> None:
        """Keep the state the diary had when it was opened, unless the newest backup has it."""
        content = self.path.read_bytes()
        existing = _rotating(list_backups(self.data_dir))
        if existing:
            newest = existing[0].path
            with contextlib.suppress(OSError):
                if newest.stat().st_size == len(content) and newest.read_bytes() == content:
                    self._last_backup_day = existing[0].created.date()
                    return
        self._backup(force=True, content=content)

    def close(self) -> None:
        self._tinydb.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: the backup it used, and where the diary it replaced is now."""

    used: Path
    kept: Path | None = None
    """The pre-restore copy of the readable diary it replaced, in backups/."""
    set_aside: Path | None = None
    """The unreadable (or newer-version) diary it replaced, kept beside the diary."""


def restore_backup(
    data_dir: Path, backup: Path | None = None, *, clock: Clock | None = None
) -> Path:
    """Put a backup in place of the data file and return which backup was used (see
    `restore`; a diary from a newer version is refused)."""
    return restore(data_dir, backup, clock=clock).used


def restore(
    data_dir: Path,
    backup: Path | None = None,
    *,
    clock: Clock | None = None,
    replace_newer: bool = False,
) -> Restored:
    """Put a backup in place of the data file and say what was done.

    Without `backup`, the newest backup that reads cleanly is used. A readable diary is
    first copied to a pre-restore copy outside the rotation, so a restore can itself be
    undone however many follow it. A diary that cannot be read is set aside under a new
    name beside it (never deleted, never written over). A diary from a newer RugDiary is
    not damaged: it raises NewerSchemaError and stays as it is, unless `replace_newer`
    sets it aside too. The diary is replaced in one atomic rename: killed or out of disk
    space at any moment, the folder holds either the old diary or the restored one.
    """
    clock = clock or SystemClock()
    data_dir = Path(data_dir)
    candidates = [backup] if backup is not None else [b.path for b in list_backups(data_dir)]
    if not candidates:
        raise DataFileError(_backup_dir(data_dir), "there are no backups to restore")
    chosen: Path | None = None
    content = b""
    problems: list[str] = []
    for candidate in candidates:
        try:
            read_checked(candidate)
            content = candidate.read_bytes()
        except (DataFileError, OSError) as exc:
            problems.append(f"{candidate.name}: {getattr(exc, 'reason', exc)}")
            continue
        chosen = candidate
        break
    if chosen is None:
        raise CorruptDataError(
            candidates[0], "no backup could be read (" + "; ".join(problems) + ")"
        )
    path = diary_path(data_dir)
    lock = FolderLock(data_dir / LOCK_NAME, timeout=2.0, mode=FILE_MODE)
    _acquire(lock, data_dir)
    kept: Path | None = None
    aside: Path | None = None
    try:
        now = clock.now()
        try:
            if path.exists():
                try:
                    read_checked(path)
                except NewerSchemaError:
                    if not replace_newer:
                        raise
                    aside = _set_aside(path, now, "newer")
                except DataFileError:
                    aside = _set_aside(path, now, "damaged")
                else:
                    kept = _new_backup_file(
                        data_dir, PRE_RESTORE_PREFIX, path.read_bytes(), now
                    ).path
            atomic_write_bytes(path, content)
        except OSError as exc:
            raise StorageWriteError.from_os_error((aside or path).parent, exc) from exc
    finally:
        lock.release()
    return Restored(chosen, kept, aside)


def _set_aside(path: Path, now: datetime, why: str) -> Path:
    """Keep `path` (damaged, or from a newer version: `why`) under a name no other file
    has, as diary.json.damaged-… or diary.json.newer-…; the diary stays in place.

    A hard link keeps it without copying and without a moment where `path` is missing;
    the restored diary then replaces `path` by a rename. Names carry microseconds and a
    counter, so two restores within a second never write over an earlier set-aside file.
    """
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    for n in range(1000):
        aside = path.with_name(f"{path.name}.{why}-{stamp}" + (f"-{n}" if n else ""))
        try:
            os.link(path, aside)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # No hard links on this file system (FAT on a USB disk): copy instead.
            if aside.exists():
                continue
            atomic_write_bytes(aside, path.read_bytes())
        fsync_dir(path.parent)
        return aside
    raise OSError(errno.EEXIST, f"too many set-aside copies of the {why} diary", str(path))


def _private_lock_file(path: Path) -> None:
    """Make a lock file left by an older version 0600 too; new ones are created so."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)


def restore_latest_backup(data_dir: Path, *, clock: Clock | None = None) -> Path:
    """Restore the newest readable backup (what the "file is damaged" dialog offers)."""
    return restore_backup(data_dir, None, clock=clock)
