"""Programme files on disk: pictures read for an export, and an import written all at once."""

from __future__ import annotations

import contextlib
import copy
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, NamedTuple

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Exercise
from rugdiary.core.program_file import ImportPlan, picture_info
from rugdiary.storage.atomic import FILE_MODE, Tables, atomic_write_bytes, fsync_dir, private_dir
from rugdiary.storage.database import Database, diary_path, is_data_folder_file, list_backups
from rugdiary.storage.errors import DataFileError, MissingDiaryError, StorageWriteError
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository

PICTURES_DIR = "pictures"
"""Where own exercises' pictures live in the data folder (as ui/programs/page.py has it)."""
TRAVELLING_SUFFIXES = (".png", ".jpg", ".jpeg")


class OutputExistsError(FileExistsError):
    """The chosen output file is there already; it is replaced only when asked to."""


class DataFolderFileError(OSError):
    """The chosen output file is one of the data folder's own files (the diary, its lock,
    its backups, its pictures): `--force` must not let a programme file or a sheet replace
    the diary or an own exercise's picture."""


def stored_picture(pictures_dir: Path) -> Callable[[Exercise], bytes | None]:
    """Reads an own exercise's picture file (None when it has none or it cannot be read)."""

    def read(exercise: Exercise) -> bytes | None:
        if not exercise.picture:
            return None
        try:
            return (pictures_dir / Path(exercise.picture).name).read_bytes()
        except OSError:
            return None

    return read


class LeftOutBecause(StrEnum):
    """Why an own exercise's picture stays behind in an export."""

    MISSING = "missing"
    """There is no such file in the pictures folder, or it cannot be opened."""
    UNREADABLE = "unreadable"
    """The file is there but is no PNG or JPEG that an import would take (damaged, another
    kind of file under a .png name, or larger than a programme file allows)."""
    NOT_TRAVELLING = "not_travelling"
    """An SVG drawing: only PNG and JPEG travel (the app's Export draws it into a PNG)."""


class LeftOut(NamedTuple):
    """An own exercise whose picture stays behind, and why."""

    exercise: Exercise
    because: LeftOutBecause


def export_pictures(
    pictures_dir: Path, exercises: Iterable[Exercise]
) -> tuple[dict[str, bytes], list[LeftOut]]:
    """The PNG and JPEG pictures of `exercises` by id, and the exercises whose picture stays.

    Only PNG and JPEG travel: they are checked from their headers on import, while an
    SVG drawing could hold anything. A picture that an import would refuse (damaged, or
    too large) stays behind like a missing one: one bad file must not keep the programme
    and every other picture from travelling, and an export never makes a file that fails.
    """
    read = stored_picture(pictures_dir)
    found: dict[str, bytes] = {}
    left_out: list[LeftOut] = []
    for exercise in exercises:
        if not exercise.picture:
            continue
        data = read(exercise)
        if data is None:
            left_out.append(LeftOut(exercise, LeftOutBecause.MISSING))
            continue
        if Path(exercise.picture).suffix.lower() not in TRAVELLING_SUFFIXES:
            left_out.append(LeftOut(exercise, LeftOutBecause.NOT_TRAVELLING))
            continue
        try:
            picture_info(data, f"picture of {exercise.id}")
        except ValidationError:
            left_out.append(LeftOut(exercise, LeftOutBecause.UNREADABLE))
            continue
        found[exercise.id] = data
    return found, left_out


def picture_names_in_use(db: Database) -> set[str]:
    """The picture file names the stored exercise records name, readable records or not.

    Read from the raw records: one a newer version wrote, or one that no longer passes
    validation, is skipped by the repository's list but still owns its picture.
    """
    if not diary_path(db.data_dir).is_file():
        # A diary moved away or on an unplugged disk reads as empty: every picture would
        # look unused.
        raise MissingDiaryError.gone_while_open(diary_path(db.data_dir))
    rows = db.read_tables().get(ExerciseRepository.TABLE, {})
    return {
        Path(doc["picture"]).name
        for doc in rows.values()
        if isinstance(doc, dict) and isinstance(doc.get("picture"), str) and doc["picture"]
    }


def diary_copies(data_dir: Path) -> list[Path]:
    """Every other copy of the diary a restore could bring back: the backups, and the
    damaged or newer-version diaries set aside beside it (diary.json.damaged-…)."""
    diary = diary_path(data_dir)
    aside = [
        *diary.parent.glob(f"{diary.name}.damaged-*"),
        *diary.parent.glob(f"{diary.name}.newer-*"),
    ]
    return [backup.path for backup in list_backups(data_dir)] + sorted(aside)


def remove_unused_pictures(
    pictures_dir: Path, in_use: Callable[[], Iterable[str]], backups: Iterable[Path] = ()
) -> list[Path]:
    """Remove the picture files nothing names any more; returns those removed.

    A deleted exercise keeps its picture while Undo can bring it back; once the app has
    started again no undo step holds it, and the file (health data) would stay for good.
    A picture a backup still names is kept too, so restoring that backup brings the
    exercise back with its picture (a backup is searched for the file's name, which can
    only keep a file too many, never remove one too many).
    The folder is listed before `in_use()` reads the records: an import elsewhere writes
    its records before its pictures get their names, so a picture seen here already has
    its record. Hidden files (a picture being staged) are left alone.
    """
    try:
        files = [p for p in pictures_dir.iterdir() if not p.name.startswith(".") and p.is_file()]
    except OSError:
        return []
    if not files:
        return []
    try:
        used = set(in_use())
    except (DataFileError, OSError):
        return []  # the records cannot be read: any picture may be theirs, keep them all
    unused = [p for p in files if p.name not in used]
    for backup in backups:
        if not unused:
            break
        try:
            data = backup.read_bytes()
        except OSError:
            return []  # a backup that cannot be read might name any of them: keep all
        unused = [p for p in unused if p.name.encode("utf-8") not in data]
    _remove(unused)
    return [p for p in unused if not p.exists()]


def apply_import(db: Database, pictures_dir: Path, plan: ImportPlan) -> None:
    """Write what `plan` says in one go: the records in one rewrite, then the pictures.

    Pictures are first written under temporary names; only when the diary has been
    written do they take their real names, so a failure leaves nothing half-imported.
    """
    if not plan.changes_anything:
        return
    temps: dict[str, Path] = {}
    try:
        for name, data in plan.pictures.items():
            temps[name] = stage_picture(pictures_dir, data)
    except OSError as exc:
        _remove(temps.values())
        raise StorageWriteError.from_os_error(pictures_dir, exc) from exc

    exercises = [e.to_dict() for e in plan.exercises]
    programs = [plan.program.to_dict()] if plan.program is not None else []

    replaced_pictures: set[str] = set()
    kept_pictures: set[str] = set()

    def change(tables: Tables) -> Tables:
        new = copy.deepcopy(tables)
        ids = {doc["id"] for doc in exercises}
        for doc in new.get(ExerciseRepository.TABLE, {}).values():
            if doc.get("id") in ids and isinstance(doc.get("picture"), str):
                replaced_pictures.add(Path(doc["picture"]).name)
        _put(new, ExerciseRepository.TABLE, exercises)
        _put(new, ProgramRepository.TABLE, programs)
        kept_pictures.update(
            Path(doc["picture"]).name
            for doc in new.get(ExerciseRepository.TABLE, {}).values()
            if isinstance(doc.get("picture"), str)
        )
        return new

    try:
        db.rewrite(change)
    except BaseException:
        _remove(temps.values())
        raise
    for name, temp in temps.items():
        os.replace(temp, pictures_dir / name)
    if temps:
        fsync_dir(pictures_dir)
    # A replaced exercise whose picture changed kind (x.svg -> x.png) leaves no stray file.
    _remove(str(pictures_dir / name) for name in replaced_pictures - kept_pictures)


def stage_picture(pictures_dir: Path, data: bytes | BinaryIO) -> Path:
    """Write a picture (its bytes, or an open file to copy) into the pictures folder under a
    hidden temporary name; returns that path.

    It takes its real name only once its record is saved (place_picture, or apply_import's
    renames), so a failed save leaves the pictures on disk as they were. Synced and 0600,
    in a 0700 folder, like the diary: the pictures are health data.
    """
    private_dir(pictures_dir)
    handle, temp = tempfile.mkstemp(dir=pictures_dir, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                shutil.copyfileobj(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, FILE_MODE)
    except OSError:
        _remove([temp])
        raise
    return Path(temp)


def place_picture(staged: Path, target: Path) -> None:
    """Give a staged picture its real name, replacing the old file, and make that last."""
    try:
        os.replace(staged, target)
    except OSError:
        _remove([staged])
        raise
    fsync_dir(target.parent)


def discard_picture(staged: Path) -> None:
    """Remove a staged picture whose record was not saved."""
    _remove([staged])


def _put(tables: Tables, table: str, docs: list[dict[str, object]]) -> None:
    """Replace the documents with the same `id`, or add them with the next free doc id."""
    rows = tables.setdefault(table, {})
    for doc in docs:
        keys = [k for k, old in rows.items() if old.get("id") == doc["id"]]
        for key in keys[1:]:
            del rows[key]
        key = keys[0] if keys else str(max((int(k) for k in rows), default=0) + 1)
        rows[key] = doc


def _remove(paths: Iterable[str | Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def write_new_file(
    path: Path, data: bytes, *, force: bool = False, data_dir: Path | None = None
) -> None:
    """Write `data` atomically; an existing file is replaced only with `force`.

    With `data_dir`, one of that data folder's own files is refused, `force` or not
    (DataFolderFileError; its text says why, for a dialog that shows str(error)).
    """
    if data_dir is not None and is_data_folder_file(data_dir, path):
        raise DataFolderFileError(
            f"{path} is one of the data folder's own files (the diary, its lock, its "
            "backups or its pictures); choose a file outside it"
        )
    if path.exists() and not force:
        raise OutputExistsError(str(path))
    atomic_write_bytes(path, data)
