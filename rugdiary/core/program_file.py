"""Programme files: one programme with its own exercises and pictures, checked before import."""

from __future__ import annotations

import io
import json
import re
import stat
import zipfile
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, NamedTuple

from rugdiary.core.diary import ValidationError, reject_unknown
from rugdiary.core.exercises import Exercise, Level, Text, check_id
from rugdiary.core.programs import Program, ProgramItem, build_timeline

FORMAT = "rugdiary-programme"
VERSION = 1
MANIFEST = "manifest.json"
PICTURES_FOLDER = "pictures/"
SUFFIX = ".rugprog"
"""A programme file is a zip (with pictures) or plain JSON (without); both use this suffix."""

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_PICTURE_BYTES = 10 * 1024 * 1024
"""The same limit as the exercise editor's, so what a person can add also travels."""
MAX_PICTURE_SIDE = 4096
MAX_COMPRESSION_RATIO = 100
"""A zip member that unpacks to more than 100 times its packed size is refused (zip bombs)."""
MAX_NOTE_CHARS = 2000

_PICTURE_NAME = re.compile(r"^pictures/([a-z0-9][a-z0-9-]{0,63})\.(png|jpg)$")
_ZIP_MAGIC = b"PK\x03\x04"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_TOP_FIELDS = ("format", "version", "created_with", "programme", "exercises")


class ProgrammeFileError(ValueError):
    """A programme file that cannot be used: the file, the field path and what is wrong."""

    def __init__(self, file: str, field: str, message: str) -> None:
        super().__init__(f"{file}: {field}: {message}" if field else f"{file}: {message}")
        self.file = file
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class ProgrammeFile:
    """A checked programme file: the programme, its own exercises and their pictures.

    An exercise's `picture` here is the name of its member in the zip (``pictures/x.png``);
    `pictures` maps those names to the bytes, already checked to be PNG or JPEG.
    """

    program: Program
    exercises: tuple[Exercise, ...] = ()
    pictures: Mapping[str, bytes] = field(default_factory=dict)
    created_with: str = ""


# ---------------------------------------------------------------------------
# Pictures: checked from their headers, never decoded here
# ---------------------------------------------------------------------------


class PictureInfo(NamedTuple):
    kind: str  # "png" or "jpg"
    width: int
    height: int


def picture_info(data: bytes, name: str = "picture") -> PictureInfo:
    """Kind and size of a PNG or JPEG from its header; ValidationError when it is neither.

    The size is read before anything would decode the pixels, so a small file that claims
    50,000 × 50,000 pixels (a decompression bomb) is refused without touching them.
    """
    if len(data) > MAX_PICTURE_BYTES:
        megabytes = MAX_PICTURE_BYTES // (1024 * 1024)
        raise ValidationError(name, f"is larger than {megabytes} MB")
    if data.startswith(_PNG_MAGIC):
        info = _png_info(data, name)
    elif data.startswith(b"\xff\xd8\xff"):
        info = _jpeg_info(data, name)
    else:
        raise ValidationError(name, "is not a PNG or JPEG picture")
    if not (0 < info.width <= MAX_PICTURE_SIDE and 0 < info.height <= MAX_PICTURE_SIDE):
        raise ValidationError(
            name,
            f"is {info.width} × {info.height} pixels; pictures may be at most "
            f"{MAX_PICTURE_SIDE} × {MAX_PICTURE_SIDE}",
        )
    return info


def _png_info(data: bytes, name: str) -> PictureInfo:
    # The first chunk must be IHDR (13 bytes: width, height, ...); the last one IEND.
    if len(data) < 33 or data[12:16] != b"IHDR" or int.from_bytes(data[8:12], "big") != 13:
        raise ValidationError(name, "is not a complete PNG picture")
    if not data.rstrip(b"\x00").endswith(b"IEND\xae\x42\x60\x82"):
        raise ValidationError(name, "is a PNG picture that is cut off")
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    return PictureInfo("png", width, height)


# Start-of-frame markers carry the size; C4 (Huffman), C8 (reserved) and CC (arithmetic) do not.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_info(data: bytes, name: str) -> PictureInfo:
    i = 2
    size: tuple[int, int] | None = None
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise ValidationError(name, "is not a readable JPEG picture")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if length < 2 or i + 2 + length > len(data):
            raise ValidationError(name, "is a JPEG picture that is cut off")
        if marker in _SOF_MARKERS:
            if length < 7:
                raise ValidationError(name, "is not a readable JPEG picture")
            height = int.from_bytes(data[i + 5 : i + 7], "big")
            width = int.from_bytes(data[i + 7 : i + 9], "big")
            size = (width, height)
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        i += 2 + length
    else:
        raise ValidationError(name, "is a JPEG picture that is cut off")
    if size is None:
        raise ValidationError(name, "is a JPEG picture without a size")
    return PictureInfo("jpg", *size)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def own_exercises_of(program: Program, exercises: Mapping[str, Exercise]) -> list[Exercise]:
    """The person's own (not built-in) exercises that `program` uses, in programme order."""
    found: dict[str, Exercise] = {}
    for item in program.items:
        exercise = exercises.get(item.exercise_id)
        if exercise is not None and not exercise.builtin:
            found.setdefault(exercise.id, exercise)
    return list(found.values())


def edited_note(old: Text | None, shown: str, lang: str) -> Text | None:
    """The programme's note after the person saw it in `lang` and left `shown` there.

    Only the language that was shown is what the person wrote: a note in both languages
    (a physiotherapist's file brings one) keeps its other language. Unchanged, the note
    stays as it was; a new note goes into both languages, as there is nothing else to
    show the other one; an emptied note is gone.
    """
    text = shown.strip()
    if not text:
        return None
    if old is None:
        return Text(en=text, nl=text)
    if old.get(lang).strip() == text:
        return old
    if old.en == old.nl:
        # One text written once for both: the edit is the note now, in both, so no
        # reader of the other language keeps the advice that was just changed.
        return Text(en=text, nl=text)
    return Text(en=old.en, nl=text) if lang == "nl" else Text(en=text, nl=old.nl)


def build_programme_file(
    program: Program,
    exercises: Mapping[str, Exercise],
    pictures: Mapping[str, bytes],
    *,
    note: str | None = None,
    created_with: str = "",
) -> bytes:
    """The programme file's bytes: a zip when pictures travel along, else plain JSON.

    `exercises` holds at least every exercise the programme uses (built-in ones are left
    out: every RugDiary has them). `pictures` maps an exercise id to its PNG or JPEG
    bytes; an own exercise without an entry there travels without its picture. `note`
    (the physiotherapist's) replaces the programme's own note when given.
    """
    for i, item in enumerate(program.items):
        if item.exercise_id not in exercises:
            raise ValidationError(
                f"items[{i}].exercise", f"there is no exercise {item.exercise_id!r}"
            )
    if note is not None:
        note = note.strip()
        program = replace(program, note=Text(en=note, nl=note) if note else None)
    own = own_exercises_of(program, exercises)
    members: dict[str, bytes] = {}
    exercise_docs = []
    for exercise in own:
        doc = exercise.to_dict()
        doc.pop("picture", None)
        data = pictures.get(exercise.id)
        if data is not None:
            info = picture_info(data, f"picture of {exercise.id}")
            member = f"{PICTURES_FOLDER}{exercise.id}.{info.kind}"
            members[member] = data
            doc["picture"] = member
        exercise_docs.append(doc)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "created_with": created_with,
        "programme": program.to_dict(),
        "exercises": exercise_docs,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    if not members:
        return text.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_member(MANIFEST), text)
        for name, data in members.items():
            # Pictures are compressed already: storing them saves time and nothing else.
            archive.writestr(_member(name, zipfile.ZIP_STORED), data)
    return buffer.getvalue()


def _member(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip entry with a fixed date and plain file permissions, so exports are reproducible."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def read_programme_file(data: bytes, file: str = "programme file") -> ProgrammeFile:
    """Parse and check a programme file completely; ProgrammeFileError names the field.

    Nothing in the file is executed or written anywhere: a zip is read in memory, member
    by member, after its names, kinds and sizes are checked.
    """
    if not data.strip():
        raise ProgrammeFileError(file, "", "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise ProgrammeFileError(file, "", "the file is too large to be a programme file")
    members: dict[str, bytes] = {}
    if data.startswith(_ZIP_MAGIC):
        manifest_bytes, members = _read_zip(data, file)
    else:
        manifest_bytes = data
        if len(manifest_bytes) > MAX_MANIFEST_BYTES:
            raise ProgrammeFileError(file, "", "the file is too large to be a programme file")
    try:
        # utf-8-sig: Windows Notepad starts a saved file with a byte-order mark, which a
        # plain utf-8 read called "cut off or damaged".
        manifest = json.loads(manifest_bytes.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ProgrammeFileError(file, "", "this is not a programme file (not text)") from None
    except json.JSONDecodeError as error:
        raise ProgrammeFileError(
            file,
            f"line {error.lineno}",
            f"the file is cut off or damaged ({error.msg}, column {error.colno})",
        ) from None
    except RecursionError:
        raise ProgrammeFileError(file, "", "the file is nested too deeply") from None
    try:
        return _parse_manifest(manifest, members)
    except ValidationError as error:
        raise ProgrammeFileError(file, error.field, error.message) from None


def _read_zip(data: bytes, file: str) -> tuple[bytes, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ProgrammeFileError(file, "", "the file is cut off or damaged") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > 2 + 2 * 40:
            raise ProgrammeFileError(file, "", "the zip holds too many files")
        seen: set[str] = set()
        manifest: bytes | None = None
        members: dict[str, bytes] = {}
        total = 0
        for info in infos:
            name = info.filename
            _check_member(info, file)
            if name in seen:
                raise ProgrammeFileError(file, name, "appears twice in the zip")
            seen.add(name)
            if info.is_dir():
                if name != PICTURES_FOLDER:
                    raise ProgrammeFileError(file, name, "is not part of a programme file")
                continue
            if name == MANIFEST:
                limit = MAX_MANIFEST_BYTES
            elif _PICTURE_NAME.match(name):
                limit = MAX_PICTURE_BYTES
            else:
                raise ProgrammeFileError(file, name, "is not part of a programme file")
            total += info.file_size
            if info.file_size > limit or total > MAX_FILE_BYTES:
                raise ProgrammeFileError(file, name, "is too large")
            if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
                raise ProgrammeFileError(
                    file, name, "unpacks to far more than its size (a zip bomb?)"
                )
            try:
                with archive.open(info) as handle:
                    content = handle.read(limit + 1)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
                raise ProgrammeFileError(file, name, "is damaged in the zip") from None
            if len(content) != info.file_size:
                # The header lied about the size: treat it like any other damage.
                raise ProgrammeFileError(file, name, "is damaged in the zip")
            if name == MANIFEST:
                manifest = content
            else:
                members[name] = content
    if manifest is None:
        raise ProgrammeFileError(file, MANIFEST, "is missing from the zip")
    return manifest, members


def _check_member(info: zipfile.ZipInfo, file: str) -> None:
    """Refuse names that leave the folder, links, and encrypted members."""
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        raise ProgrammeFileError(file, name, "points outside the programme file's folder")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise ProgrammeFileError(file, name, "is a link; programme files hold only plain files")
    if info.flag_bits & 0x1:
        raise ProgrammeFileError(file, name, "is encrypted")


def _parse_manifest(manifest: Any, members: Mapping[str, bytes]) -> ProgrammeFile:
    if not isinstance(manifest, Mapping):
        raise ValidationError("file", "is not a programme file (no JSON object)")
    if manifest.get("format") != FORMAT:
        raise ValidationError("format", f"must be {FORMAT!r}: this is not a programme file")
    version = manifest.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValidationError("version", f"must be a whole number from 1 to {VERSION}")
    if version > VERSION:
        raise ValidationError(
            "version",
            f"is {version}: the file was made by a newer RugDiary; "
            f"this one reads version {VERSION}",
        )
    reject_unknown(manifest, _TOP_FIELDS, "is not a programme file field")
    created_with = manifest.get("created_with", "")
    if not isinstance(created_with, str) or len(created_with) > 200:
        raise ValidationError("created_with", "must be a short text")
    if "programme" not in manifest:
        raise ValidationError("programme", "is required")
    try:
        program = Program.from_dict(manifest["programme"])
    except ValidationError as error:
        raise _under("programme", error) from None
    if program.note is not None and any(
        len(program.note.get(lang)) > MAX_NOTE_CHARS for lang in ("en", "nl")
    ):
        raise ValidationError("programme.note", f"is longer than {MAX_NOTE_CHARS} characters")
    exercises_data = manifest.get("exercises", [])
    if not isinstance(exercises_data, list):
        raise ValidationError("exercises", "must be a list")
    used = {item.exercise_id for item in program.items}
    exercises: list[Exercise] = []
    referenced: set[str] = set()
    for i, doc in enumerate(exercises_data):
        path = f"exercises[{i}]"
        try:
            exercise = Exercise.from_dict(doc)
        except ValidationError as error:
            raise _under(path, error) from None
        if any(e.id == exercise.id for e in exercises):
            raise ValidationError(f"{path}.id", f"{exercise.id!r} appears twice")
        if exercise.id not in used:
            raise ValidationError(f"{path}.id", f"{exercise.id!r} is not used by the programme")
        if exercise.picture is not None:
            match = _PICTURE_NAME.match(exercise.picture)
            if not members:
                raise ValidationError(
                    f"{path}.picture", "pictures travel only in a zip programme file"
                )
            if match is None or exercise.picture not in members:
                raise ValidationError(
                    f"{path}.picture", f"there is no picture {exercise.picture!r} in the file"
                )
            info = picture_info(members[exercise.picture], f"{path}.picture")
            if info.kind != match.group(2):
                raise ValidationError(
                    f"{path}.picture", f"is a {info.kind.upper()} picture with another name"
                )
            referenced.add(exercise.picture)
        exercises.append(exercise)
    for name in sorted(set(members) - referenced):
        raise ValidationError(name, "is not the picture of any exercise in the file")
    return ProgrammeFile(
        program=program,
        exercises=tuple(exercises),
        pictures=dict(members),
        created_with=created_with,
    )


def _under(path: str, error: ValidationError) -> ValidationError:
    return ValidationError(f"{path}.{error.field}", error.message)


# ---------------------------------------------------------------------------
# Importing: conflicts, and what to write
# ---------------------------------------------------------------------------


class Resolution(StrEnum):
    """What to do with an id that exists with different content."""

    REPLACE = "replace"
    KEEP_BOTH = "keep_both"


@dataclass(frozen=True, slots=True)
class Conflict:
    """An id in the file that the person already has, with other content."""

    kind: str  # "programme" or "exercise"
    id: str
    builtin: bool = False


class ImportConflictError(Exception):
    """The file clashes with what is there; the person has to choose keep both or replace."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        ids = ", ".join(f"{c.kind} {c.id!r}" for c in conflicts)
        super().__init__(f"already there with other content: {ids}")
        self.conflicts = tuple(conflicts)

    @property
    def replaceable(self) -> bool:
        """False when a built-in programme is involved: those are never replaced."""
        return not any(c.builtin for c in self.conflicts)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import writes: records to save and pictures (file name → bytes) to add.

    Empty `exercises` and None `program` mean the file holds nothing new.
    """

    program: Program | None
    program_id: str
    exercises: tuple[Exercise, ...]
    pictures: Mapping[str, bytes]
    unchanged: tuple[str, ...]
    renamed: Mapping[str, str]
    conflicts: tuple[Conflict, ...] = ()

    @property
    def changes_anything(self) -> bool:
        return self.program is not None or bool(self.exercises)


def plan_import(
    incoming: ProgrammeFile,
    *,
    builtin_exercises: Mapping[str, Exercise],
    builtin_programs: Mapping[str, Program],
    own_exercises: Collection[Exercise],
    own_programs: Collection[Program],
    stored_picture: Callable[[Exercise], bytes | None],
    resolution: Resolution | None = None,
    file: str = "programme file",
) -> ImportPlan:
    """Work out what importing `incoming` writes, or raise.

    ProgrammeFileError: the file refers to exercises this RugDiary does not have, or uses
    a built-in exercise's id. ImportConflictError: an id exists with other content and no
    `resolution` was given (or REPLACE for a built-in programme, which is never replaced).
    `stored_picture` returns the picture bytes of one of the person's own exercises.
    """
    own_ex = {e.id: e for e in own_exercises}
    own_pr = {p.id: p for p in own_programs}
    taken = {*builtin_exercises, *builtin_programs, *own_ex, *own_pr}

    conflicts: list[Conflict] = []
    unchanged: list[str] = []
    pending: list[Exercise] = []
    for i, exercise in enumerate(incoming.exercises):
        if exercise.id in builtin_exercises:
            raise ProgrammeFileError(
                file, f"exercises[{i}].id", f"{exercise.id!r} is the id of a built-in exercise"
            )
        existing = own_ex.get(exercise.id)
        if existing is None:
            pending.append(exercise)
        elif _same_exercise(exercise, incoming.pictures, existing, stored_picture):
            unchanged.append(exercise.id)
        else:
            conflicts.append(Conflict("exercise", exercise.id))
            pending.append(exercise)
    known = {*builtin_exercises, *own_ex, *(e.id for e in incoming.exercises)}
    for i, item in enumerate(incoming.program.items):
        if item.exercise_id not in known:
            raise ProgrammeFileError(
                file,
                f"programme.items[{i}].exercise",
                f"there is no exercise {item.exercise_id!r} in the file or in this RugDiary",
            )
    program = incoming.program
    existing_program = builtin_programs.get(program.id) or own_pr.get(program.id)
    program_conflict = existing_program is not None and existing_program != program
    if program_conflict:
        conflicts.append(Conflict("programme", program.id, builtin=program.id in builtin_programs))

    if conflicts and (
        resolution is None
        or (resolution is Resolution.REPLACE and any(c.builtin for c in conflicts))
    ):
        raise ImportConflictError(conflicts)

    renamed: dict[str, str] = {}
    if resolution is Resolution.KEEP_BOTH:
        for conflict in conflicts:
            if conflict.kind == "exercise":
                renamed[conflict.id] = _free_id(conflict.id, taken)
                taken.add(renamed[conflict.id])

    exercises: list[Exercise] = []
    pictures: dict[str, bytes] = {}
    for exercise in pending:
        new_id = renamed.get(exercise.id, exercise.id)
        picture = None
        if exercise.picture is not None:
            picture = f"{new_id}.{exercise.picture.rsplit('.', 1)[1]}"
            pictures[picture] = incoming.pictures[exercise.picture]
        name = _numbered(exercise.name, new_id) if new_id != exercise.id else exercise.name
        exercises.append(replace(exercise, id=new_id, name=name, picture=picture))

    program = replace(program, items=rename_items(program, renamed))
    to_save: Program | None = program
    if existing_program is not None:
        if program == existing_program:
            to_save = None
            unchanged.append(program.id)
        elif resolution is not Resolution.REPLACE:
            # Keep both; also when only a kept-both exercise made the programme differ.
            new_id = _free_id(program.id, taken)
            to_save = replace(program, id=new_id, name=_numbered(program.name, new_id))
    program_id = to_save.id if to_save is not None else program.id
    if to_save is not None:
        playable = {**builtin_exercises, **own_ex, **{e.id: e for e in exercises}}
        _check_levels(to_save, playable, file)
    return ImportPlan(
        program=to_save,
        program_id=program_id,
        exercises=tuple(exercises),
        pictures=pictures,
        unchanged=tuple(unchanged),
        renamed=renamed,
        conflicts=tuple(conflicts),
    )


def _same_exercise(
    incoming: Exercise,
    pictures: Mapping[str, bytes],
    existing: Exercise,
    stored_picture: Callable[[Exercise], bytes | None],
) -> bool:
    if replace(incoming, picture=None) != replace(existing, picture=None):
        return False
    if incoming.picture is None or existing.picture is None:
        return incoming.picture is None and existing.picture is None
    return pictures.get(incoming.picture) == stored_picture(existing)


def _free_id(base: str, taken: Collection[str]) -> str:
    for n in range(2, 10_000):
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return check_id(candidate)
    raise ValidationError("id", "no free id left")


def _numbered(name: Text, new_id: str) -> Text:
    """The name of a kept-both copy, with the number its id got: "Wall slide (2)"."""
    number = new_id.rsplit("-", 1)[-1]
    return Text(en=f"{name.en} ({number})", nl=f"{name.nl} ({number})")


def _check_levels(program: Program, exercises: Mapping[str, Exercise], file: str) -> None:
    """Every level must give a playable timeline (a programme's dose changes may not fit)."""
    for level in Level:
        try:
            build_timeline(program, exercises, level)
        except ValidationError as error:
            raise ProgrammeFileError(file, f"programme.{error.field}", error.message) from None


def rename_items(program: Program, renamed: Mapping[str, str]) -> tuple[ProgramItem, ...]:
    """The programme's items with exercise ids replaced as `renamed` says."""
    return tuple(
        replace(item, exercise_id=renamed.get(item.exercise_id, item.exercise_id))
        for item in program.items
    )
