"""Why a file cannot be imported, in the person's language: every reason the import gives."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from rugdiary.core.diary import DiaryEntry, ValidationError
from rugdiary.core.exercises import Level, Text
from rugdiary.core.programs import Program, ProgramItem, build_timeline
from rugdiary.core.sessions import Session
from rugdiary.reports import exchange
from rugdiary.storage.database import (
    SCHEMA_VERSION,
    Database,
    _lock_problem,
    diary_path,
    read_checked,
    restore,
)
from rugdiary.storage.errors import (
    DataFileError,
    DataLockedError,
    MissingDiaryError,
    StorageWriteError,
)
from rugdiary.ui import autostart, dialogs
from rugdiary.ui.data_files import controller
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.reasons import is_known, reason_text, table

NOW = datetime(2026, 3, 2, 9, 0).astimezone()
"""The clock fixture's moment: what "the future" is measured from."""

AT = "2026-02-01T09:00:00+01:00"
LATER = "2026-03-10T09:00:00+01:00"
ENTRY: dict[str, Any] = {"id": "e1", "at": AT, "pain": 3, "stress": 4}
SESSION: dict[str, Any] = {
    "id": "s1",
    "program_id": "core-basics",
    "program_name": "Core basics",
    "level": "beginner",
    "started_at": "2026-02-01T18:00:00+01:00",
    "ended_at": "2026-02-01T18:12:00+01:00",
    "planned_s": 720,
    "done_s": 720,
    "steps_done": 12,
    "steps_skipped": 0,
    "completed": True,
}
SITTING: dict[str, Any] = {"day": "2026-02-01", "active_s": 3600, "longest_s": 1800}
ACTIVITY: dict[str, Any] = {"id": "a1", "name": "Put on socks", "created_at": AT}
SCORE: dict[str, Any] = {"id": "sc1", "activity_id": "a1", "at": AT, "score": 5}
FLARE: dict[str, Any] = {"id": "f1", "start": AT, "end": "2026-02-03T09:00:00+01:00"}


@dataclass(frozen=True)
class Broken:
    """A file that cannot be imported, and what the diary holds when it is tried."""

    kind: str
    content: bytes
    existing: Mapping[str, Any] = field(default_factory=dict)
    zone: str | None = None
    """The computer's time zone (TZ) while it is imported, for a reason only some give."""


def _export(**tables: Any) -> bytes:
    envelope = {
        "format": exchange.EXPORT_FORMAT,
        "version": exchange.EXPORT_VERSION,
        "schema": SCHEMA_VERSION,
        "tables": tables,
    }
    return json.dumps(envelope, indent=1).encode()


def _envelope(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


def _csv(columns: Any, *rows: Mapping[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(columns))
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return out.getvalue().encode()


def _entries_csv(*rows: Mapping[str, str]) -> bytes:
    return _csv(exchange.ENTRY_CSV_COLUMNS, *rows)


def _sessions_csv(*rows: Mapping[str, str]) -> bytes:
    return _csv(exchange.SESSION_CSV_COLUMNS, *rows)


SCORES = {"pain": "3", "stress": "4"}
CSV_SESSION = {
    "started_at": "2026-02-01T18:00:00+01:00",
    "ended_at": "2026-02-01T18:12:00+01:00",
    "program_id": "core-basics",
    "program_name": "Core basics",
    "level": "beginner",
    "planned_s": "720",
    "done_s": "720",
    "steps_done": "12",
    "steps_skipped": "0",
    "completed": "yes",
}

CORPUS: list[Broken] = [
    # -- the whole file --------------------------------------------------------------------
    Broken("empty", b""),
    Broken("blank", b"  \r\n \n"),
    Broken("UTF-16", "date,pain,stress\n".encode("utf-16")),
    Broken("xlsx", b"PK\x03\x04\x00\x00binary"),
    Broken("Latin-1 CSV", "date,pain,stress,note\n2026-02-01,3,4,café\n".encode("latin-1")),
    Broken("bad JSON", b'{"format": '),
    Broken("deep JSON", b"[" * 5000),
    Broken("huge JSON number", b'{"version": ' + b"1" * 5000 + b"}"),
    Broken("JSON list", b"[1, 2]"),
    Broken("FHIR", _envelope(resourceType="Bundle", entry=[])),
    Broken("other JSON", _envelope(format="something-else")),
    Broken("bad version", _envelope(format=exchange.EXPORT_FORMAT, version="one")),
    Broken("newer version", _envelope(format=exchange.EXPORT_FORMAT, version=99)),
    Broken("bad schema", _envelope(format=exchange.EXPORT_FORMAT, version=1, schema=-1)),
    Broken("newer schema", _envelope(format=exchange.EXPORT_FORMAT, version=1, schema=9999)),
    Broken(
        "tables not an object",
        _envelope(format=exchange.EXPORT_FORMAT, version=1, schema=SCHEMA_VERSION, tables=[]),
    ),
    Broken("tables", _export(bogus=[], entries={}, sessions=[5])),
    # -- the simple CSV --------------------------------------------------------------------
    Broken("no header", b"2026-02-01,3,4\n"),
    Broken("simple unknown column", b"date,pain,stress,weather\n2026-02-01,3,4,sunny\n"),
    Broken("column twice", b"datum,date,pijn,stress\n2026-02-01,2026-02-01,3,4\n"),
    Broken("column missing", b"date,pain\n2026-02-01,3\n"),
    Broken(
        "simple rows",
        b"datum,pijn,stress,notitie\n"
        b",3,4,\n"
        b"2026-13-01,3,4,\n"
        b"gisteren,3,4,\n"
        b"0001-01-01,3,4,\n"
        b"2026-02-01,15,4,\n"
        b"2026-02-02,x,4,\n"
        b"2062-02-28,5,6,a typo\n",
    ),
    Broken("row lengths", b"date,pain,stress\n2026-02-01,3,4,5,6\n2026-02-02,3\n"),
    Broken("cut off", b"date,pain,stress\n2026-02-01,3,4\n2026-02-02,3,1"),
    Broken("open quote", b'date,pain,stress,note\n2026-02-01,3,4,"never closed\n'),
    Broken(
        "a time the clocks skipped",
        b"date,time,pain,stress\n2025-03-30,02:30,3,4\n",
        zone="Europe/Amsterdam",
    ),
    Broken("bad quote", b'date,pain,stress\n2026-02-01,"3"x,4\n'),
    # -- the diary CSV ---------------------------------------------------------------------
    Broken("nameless column", b"id,,at,pain,stress\n,,2026-02-01T09:00,3,4\n"),
    Broken("diary unknown column", b"id,at,pain,stress,bogus\n,2026-02-01T09:00,3,4,x\n"),
    Broken("no moment column", b"id,pain,stress\n,3,4\n"),
    Broken("no pain column", b"id,at,stress\n,2026-02-01T09:00,4\n"),
    Broken(
        "diary rows",
        _entries_csv(
            {"at": AT, "pain": "x", "stress": "4"},
            {"at": AT, **SCORES, "flare_up": "maybe"},
            {"at": "yesterday", **SCORES},
            {"date": "2026-02-30", **SCORES},
            {"at": AT, "time": "25:00", **SCORES},
            {"at": AT, "date": "2026-02-02", **SCORES},
            {"at": AT, "time": "10:00", **SCORES},
            {"date": "0001-01-01", **SCORES},
            {**SCORES},
            {"at": AT, **SCORES, "medication": "ibuprofen|400 mg|twice"},
            {"at": AT, "pain": "11", "stress": "4"},
            {"at": AT, **SCORES, "activity_min": "2000"},
            {"at": "1800-01-01T09:00:00+00:00", **SCORES},
            {"at": AT, **SCORES, "regions": "nowhere"},
            {"at": AT, **SCORES, "tags": "x" * 41},
            {"at": LATER, **SCORES},
            {"id": "twice", "at": AT, "pain": "1", "stress": "1"},
            {"id": "twice", "at": AT, "pain": "2", "stress": "2"},
        ),
    ),
    Broken(
        "diary rows for an entry the diary holds",
        _entries_csv(
            {"id": "mine", "at": AT, "pain": "5", "stress": "5"},
            {"id": "mine", "at": AT, "pain": "6", "stress": "6"},
        ),
        {"existing_entries": [DiaryEntry.from_dict({**ENTRY, "id": "mine"})]},
    ),
    # -- the sessions CSV ------------------------------------------------------------------
    Broken(
        "session rows",
        _sessions_csv(
            {**CSV_SESSION, "date": "2026-02-02"},
            {**CSV_SESSION, "level": "expert"},
            {**CSV_SESSION, "completed": "no", "stopped_reason": "bored"},
            {**CSV_SESSION, "stopped_reason": "pain"},
            {**CSV_SESSION, "planned_s": "-1"},
            {**CSV_SESSION, "started_at": LATER, "ended_at": "2026-03-10T09:12:00+01:00"},
        ),
    ),
    # -- the JSON export's records ---------------------------------------------------------
    Broken(
        "JSON values that cannot be stored",
        _export(
            entries=[
                {**ENTRY, "note": "\ud800"},
                {**ENTRY, "pain": 10**30},
                {**ENTRY, "stress": float("nan")},
            ]
        ),
    ),
    Broken(
        "JSON entries",
        _export(
            entries=[
                {**ENTRY, "pain": 11, "stress": "x", "bogus": 1},
                {"id": "e2", "at": AT, "stress": 4},
                {**ENTRY, "at": "yesterday"},
                {**ENTRY, "at": 5},
                {**ENTRY, "created": "1800-01-01T09:00:00+00:00"},
                {**ENTRY, "id": ""},
                {**ENTRY, "flare_up": "yes"},
                {**ENTRY, "tags": "sitting"},
                {**ENTRY, "tags": [f"tag {n}" for n in range(31)]},
                {**ENTRY, "tags": [""]},
                {**ENTRY, "regions": ["nowhere"]},
                {**ENTRY, "regions": [5]},
                {**ENTRY, "regions": ["lower_back_left", "lower_back_left"]},
                {**ENTRY, "medication": ["ibuprofen"]},
                {**ENTRY, "medication": [{"name": "ibuprofen", "when": "evening"}]},
                {**ENTRY, "medication": [{"name": ""}]},
                {**ENTRY, "medication": [{"name": "ibuprofen", "dose": 400}]},
                {**ENTRY, "medication": [{"name": f"pill {n}"} for n in range(21)]},
                {**ENTRY, "medication": [{"name": "x" * 81}]},
                {**ENTRY, "medication": [{"name": "ibu\x00profen"}]},
                {**ENTRY, "note": 5},
                {**ENTRY, "note": "x" * 5001},
                {**ENTRY, "id": "e-later", "at": LATER},
            ]
        ),
    ),
    Broken(
        "JSON sessions",
        _export(
            sessions=[
                {**SESSION, "level": "expert"},
                {**SESSION, "completed": False, "stopped_reason": "bored"},
                {**SESSION, "program_id": "Core Basics"},
                {**SESSION, "program_name": " "},
                {**SESSION, "ended_at": "2026-02-01T17:00:00+01:00"},
                {**SESSION, "planned_s": -1},
                {**SESSION, "done_s": "x"},
                {**SESSION, "completed": "yes"},
                {**SESSION, "stopped_reason": "pain"},
                {**SESSION, "note": "x" * 2001},
                {**SESSION, "bogus": 1},
                {**SESSION, "level": None},
                {**SESSION, "id": "other", "pain_after": 4},
                {**SESSION, "id": "other", "pain_after": 5},
            ]
        ),
    ),
    Broken(
        "JSON sessions for one the diary holds",
        _export(sessions=[{**SESSION, "pain_after": 4}, {**SESSION, "pain_after": 5}]),
        {"existing_sessions": [Session.from_dict(SESSION)]},
    ),
    Broken(
        "JSON sitting, activities, scores and flare-ups",
        _export(
            sitting=[
                {**SITTING, "day": "2026-02-30"},
                {**SITTING, "taken": -1},
                {**SITTING, "active_s": 90_000},
                {**SITTING, "mood": 3},
                {**SITTING, "day": "2026-02-02", "taken": 1},
                {**SITTING, "day": "2026-02-02", "taken": 2},
                {**SITTING, "day": "2026-03-10"},
            ],
            activities=[
                {**ACTIVITY, "name": 5},
                {**ACTIVITY, "name": "   "},
                {**ACTIVITY, "name": "x" * 81},
                {**ACTIVITY, "name": "Put  on socks"},
                {**ACTIVITY, "retired_at": "2025-12-01T09:00:00+01:00"},
                {**ACTIVITY, "created_at": "1800-01-01T09:00:00+00:00"},
                {**ACTIVITY, "id": ""},
                {**ACTIVITY, "colour": "red"},
                {"id": "a2", "created_at": AT},
                {**ACTIVITY, "name": "Put on\x00socks"},
            ],
            activity_scores=[
                {**SCORE, "score": 11},
                {**SCORE, "score": "x"},
                {**SCORE, "note": "easy"},
                {**SCORE, "at": LATER},
            ],
            flares=[
                {**FLARE, "mood": 3},
                {**FLARE, "tags": "sitting"},
                {**FLARE, "start": "1800-01-01T09:00:00+00:00", "end": None},
                {**FLARE, "end": "2026-01-31T09:00:00+01:00"},
                {**FLARE, "helped": 5},
                {**FLARE, "helped": "x" * 2001},
                {**FLARE, "id": ""},
                {**FLARE, "id": "f2", "start": LATER, "end": None},
            ],
        ),
    ),
]
"""Broken files that, together, give every reason the table translates."""


def _player_reasons(folder: Path) -> list[str]:
    """The reasons the player shows besides those of an import, each made by the code that
    gives it: a programme whose exercise was deleted, and a session that cannot be saved."""
    gone = Program(
        id="mine",
        name=Text("Mine", "Mijn"),
        description=Text("d", "d"),
        frequency=Text("f", "f"),
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=(ProgramItem("my-deleted-exercise"),),
    )
    with pytest.raises(ValidationError) as missing:
        build_timeline(gone, {}, Level.BEGINNER)
    diary = folder / "data" / "diary.json"
    full, read_only = (
        StorageWriteError.from_os_error(diary, OSError(code, os.strerror(code))).reason
        for code in (errno.ENOSPC, errno.EROFS)
    )
    # Another RugDiary (here: a transaction of this one) holds the folder's lock.
    with (
        Database.open(diary.parent) as db,
        db.transaction(),
        pytest.raises(DataLockedError) as locked,
    ):
        Database.open(diary.parent, lock_timeout=0.05)
    lock_file = _lock_problem(folder / ".diary.lock", OSError(errno.EROFS, "read-only"))
    gone = MissingDiaryError.gone_while_open(diary).reason
    return [missing.value.message, full, read_only, locked.value.reason, lock_file, gone]


DAMAGED_DIARIES = {
    "empty": b" \n",
    "not text": b"\xff\xfe{}",
    "cut off": b'{"entries": {"1": {"at": ',
    "not tables": b"[1, 2]",
    "not records": b'{"entries": [1, 2]}',
    "malformed record": b'{"entries": {"one": {"pain": 3}}}',
    "data version": b'{"_meta": {"1": {"schema": "two"}}}',
    "newer": b'{"_meta": {"1": {"schema": 99}}}',
}
"""Diary files that read_checked refuses, one for each of its reasons and decode_tables'."""


def _storage_reasons(folder: Path) -> list[str]:
    """The reasons the start-up dialogs and the Settings page show for a diary file, its
    folder, its lock and its backups (storage/atomic.py, database.py), and the autostart
    switch's (ui/autostart.py), each made by the code that gives it."""
    found: list[str] = []

    def refused(call: Callable[[], object]) -> None:
        with pytest.raises((DataFileError, autostart.AutostartError)) as caught:
            call()
        found.append(caught.value.reason)

    for name, content in DAMAGED_DIARIES.items():
        damaged = folder / f"{name}.json"
        damaged.write_bytes(content)
        refused(lambda damaged=damaged: read_checked(damaged))
    refused(lambda: read_checked(folder))
    unreadable = folder / "unreadable.json"
    unreadable.write_bytes(b"{}")
    with pytest.MonkeyPatch.context() as patch:  # root reads any file: say it was refused

        def no_permission(path: Path) -> bytes:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        patch.setattr(Path, "read_bytes", no_permission)
        refused(lambda: read_checked(unreadable))
    # A diary linked from elsewhere: the disk is unplugged, or the link leads to itself.
    unplugged, looping = folder / "unplugged", folder / "looping"
    for linked in (unplugged, looping):
        linked.mkdir()
    (unplugged / "diary.json").symlink_to(folder / "usb disk" / "diary.json")
    (looping / "diary.json").symlink_to(looping / "diary.json")
    refused(lambda: diary_path(unplugged))
    refused(lambda: diary_path(looping))
    # A data folder that cannot be made: a file stands where a folder should be.
    (folder / "a file").write_text("")
    refused(lambda: Database.open(folder / "a file" / "data"))
    # The lock file of another user (root may open it anyway: say who owns it), and one
    # the system cannot open for a reason of its own.
    lock = folder / ".diary.lock"
    lock.touch()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "geteuid", lambda: lock.stat().st_uid + 1, raising=False)
        found.append(_lock_problem(lock, OSError(errno.EACCES, os.strerror(errno.EACCES))))
    found.append(_lock_problem(lock, OSError(errno.EIO, os.strerror(errno.EIO))))
    # A folder whose diary is gone but whose backups are there (the first opening made one).
    lost = folder / "lost"
    Database.open(lost).close()
    (lost / "diary.json").unlink()
    refused(lambda: Database.open(lost))
    # A restore with no backups at all, and one whose every backup is damaged.
    refused(lambda: restore(folder / "never backed up"))
    backups = folder / "all damaged" / "backups"
    backups.mkdir(parents=True)
    (backups / "diary-20260301-080000-000000Z.json").write_bytes(b"")
    (backups / "diary-20260302-080000-000000Z.json").write_bytes(b'{"entries": ')
    refused(lambda: restore(folder / "all damaged"))
    # Starting at login: a file where the autostart folder should be, a folder where its
    # entry should be, and a system RugDiary has no way for.
    config = folder / "config"
    config.mkdir()
    (config / "autostart").write_text("a file, not a folder")
    env = {"XDG_CONFIG_HOME": str(config)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(autostart.sys, "platform", "linux")
        refused(lambda: autostart.set_enabled(True, command=["rugdiary"], environ=env))
        (config / "autostart").unlink()
        (config / "autostart" / autostart.FILE_NAME).mkdir(parents=True)
        refused(lambda: autostart.set_enabled(False, environ=env))
        patch.setattr(autostart.sys, "platform", "darwin")
        refused(lambda: autostart.set_enabled(True, command=["rugdiary"], environ=env))
    return found


@contextmanager
def _time_zone(zone: str | None) -> Iterator[None]:
    """The process's local time zone set to `zone` (unchanged for None), then back."""
    if zone is None:
        yield
        return
    import time

    previous = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if previous is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = previous
        time.tzset()


def _programme_file_reasons() -> list[str]:
    """The reasons the Programs page's Import, Export and Print sheet show for a programme
    file (core/program_file.py), each made by the code that gives it: a file cut off, from
    a newer RugDiary, not a programme file at all, too large, with a missing exercise, and
    with pictures that cannot be used."""
    import zipfile

    from programme_samples import (
        BAD_FILES,
        _with_picture,
        jpeg_header,
        json_bytes,
        manifest,
        own_exercise,
        own_program,
        png,
    )

    from rugdiary.core.content import load_library
    from rugdiary.core.program_file import (
        MAX_MANIFEST_BYTES,
        MAX_PICTURE_BYTES,
        ProgrammeFileError,
        build_programme_file,
        plan_import,
        read_programme_file,
    )
    from rugdiary.resources import resources_dir

    def refused(data: bytes) -> str:
        with pytest.raises(ProgrammeFileError) as caught:
            read_programme_file(data, "x.rugprog")
        return caught.value.message

    found = [
        refused(BAD_FILES[kind][0]())
        for kind in (
            "truncated json",
            "truncated zip",
            "not json",
            "wrong format",
            "newer version",
            "picture in plain json",
            "no manifest",
            "zip bomb",
            "huge png header",
            "not an image named png",
            "jpeg named png",
            "cut-off png",
            "picture not in zip",
            "stray picture",
        )
    ]
    found.append(refused(b"[]"))
    found.append(refused(b"[" * 100_000 + b"]" * 100_000))
    found.append(refused(b"{" + b" " * MAX_MANIFEST_BYTES + b"}"))
    found.append(refused(_with_picture(png()[:20])))
    found.append(refused(_with_picture(b"\xff\xd8\xff\xe0\x00\x04ab" + b"x" * 8, "pictures/a.jpg")))
    found.append(refused(_with_picture(jpeg_header(10, 10)[:30], "pictures/a.jpg")))
    start_of_scan = b"\xff\xda" + (8).to_bytes(2, "big") + b"\x01\x01\x00\x00\x3f\x00"
    found.append(refused(_with_picture(b"\xff\xd8" + start_of_scan + b"\0" * 8, "pictures/a.jpg")))
    found.append(refused(_with_picture(b"\0" * (MAX_PICTURE_BYTES + 1))))
    # A picture whose bytes changed inside an exported zip: its checksum no longer fits.
    library = load_library(resources_dir())
    slide = own_exercise()
    exported = build_programme_file(
        own_program(slide.id, "bird-dog"),
        {**library.exercises, slide.id: slide},
        {slide.id: png(8, 8)},
    )
    damaged = bytearray(exported)
    at = damaged.index(b"IDAT") + 6
    damaged[at] ^= 0xFF
    # The damage is there (testzip names the first member that fails its checksum)...
    assert zipfile.ZipFile(io.BytesIO(bytes(damaged))).testzip() is not None
    found.append(refused(bytes(damaged)))  # ...and is named as such
    # A file that reads, but uses an exercise this RugDiary lacks or a built-in one's id.
    unknown = manifest()
    unknown["programme"]["items"][1]["exercise"] = "from-another-app"
    built_in = manifest()
    built_in["exercises"][0]["id"] = "bird-dog"
    for doc in (unknown, built_in):
        with pytest.raises(ProgrammeFileError) as caught:
            plan_import(
                read_programme_file(json_bytes(doc)),
                builtin_exercises=library.exercises,
                builtin_programs=library.programs,
                own_exercises=[],
                own_programs=[],
                stored_picture=lambda _exercise: None,
            )
        found.append(caught.value.message)
    return found


def _activity_reasons() -> list[str]:
    """The reasons "My activities" shows besides a name's length and emptiness (the
    import's too), each made by core/activities.py: a name in use and a sixth activity."""
    from rugdiary.core.activities import MAX_ACTIVE, new_activity

    five = [new_activity(f"activity {n}", NOW, []) for n in range(MAX_ACTIVE)]
    found = []
    for existing in (five[:1], five):
        with pytest.raises(ValidationError) as caught:
            new_activity("Activity 0", NOW, existing)
        found.append(caught.value.message)
    return found


def _reasons(broken: Broken) -> list[str]:
    with _time_zone(broken.zone), pytest.raises(exchange.ImportFailed) as caught:
        exchange.import_data(
            broken.content, now=NOW, known_schema=SCHEMA_VERSION, **broken.existing
        )
    failed = caught.value
    assert failed.more == 0, f"{broken.kind}: split it, {failed.more} reasons were cut off"
    return [p.message for p in failed.problems]


@pytest.fixture(scope="module")
def player_reasons(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _player_reasons(tmp_path_factory.mktemp("player"))


@pytest.fixture(scope="module")
def storage_reasons(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _storage_reasons(tmp_path_factory.mktemp("storage"))


@pytest.fixture(scope="module")
def reasons(
    player_reasons: list[str], storage_reasons: list[str], programme_file_reasons: list[str]
) -> list[str]:
    """Every reason the corpus, the player, the storage and the programme files give, once
    each, in the order found."""
    found: dict[str, None] = {}
    for broken in CORPUS:
        found.update(dict.fromkeys(_reasons(broken)))
    found.update(dict.fromkeys(player_reasons))
    found.update(dict.fromkeys(storage_reasons))
    found.update(dict.fromkeys(programme_file_reasons))
    found.update(dict.fromkeys(_activity_reasons()))
    return list(found)


@pytest.fixture(scope="module")
def programme_file_reasons() -> list[str]:
    return _programme_file_reasons()


@contextmanager
def _in_dutch(app: QApplication) -> Iterator[None]:
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale("nl"), "rugdiary", "_", str(resource("i18n"))), "make qm"
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """RugDiary's Dutch texts installed for one test, English again afterwards."""
    with _in_dutch(qapp):
        yield


# -- every reason has its line -----------------------------------------------------------------


@pytest.mark.parametrize("broken", CORPUS, ids=lambda b: b.kind)
def test_every_reason_of_a_broken_file_is_known(broken: Broken) -> None:
    unknown = [reason for reason in _reasons(broken) if not is_known(reason)]
    assert unknown == [], "add these to reasons.table() and translate them"


def test_every_reason_the_player_shows_is_known(player_reasons: list[str]) -> None:
    assert [reason for reason in player_reasons if not is_known(reason)] == []


def test_every_reason_of_a_diary_file_its_backups_and_autostart_is_known(
    storage_reasons: list[str],
) -> None:
    """What the start-up dialogs and the Settings page show: one reason each."""
    assert [reason for reason in storage_reasons if not is_known(reason)] == []


def test_a_longer_reason_about_a_missing_exercise_is_not_half_translated() -> None:
    """program_file says more after the id; translating only its start would mix languages:
    the longer reason has a line of its own, and the player's shorter one cannot take it."""
    longer = "there is no exercise 'x' in the file or in this RugDiary"
    [(pattern, _template)] = [(p, t) for p, t in table() if re.fullmatch(p, longer, re.DOTALL)]
    assert pattern.endswith("in the file or in this RugDiary")


def test_every_reason_of_a_programme_file_is_known(programme_file_reasons: list[str]) -> None:
    """What Import, Export and Print sheet on the Programs page show: one reason each."""
    assert [r for r in programme_file_reasons if not is_known(r)] == []


def test_every_reason_my_activities_shows_is_known() -> None:
    """ "Not saved: %1" in My activities showed the core's English in the Dutch dialog."""
    found = _activity_reasons()
    assert found == [
        "you already have an activity called 'activity 0'",
        "at most 5 activities at a time; retire one before adding another",
    ]
    assert [r for r in found if not is_known(r)] == []


def test_every_pattern_is_the_first_match_of_some_reason(reasons: list[str]) -> None:
    """No line of the table is dead, shadowed by an earlier one, or untested: a reworded
    message in exchange or the core fails here (or above)."""
    patterns = [pattern for pattern, _template in table()]
    assert len(set(patterns)) == len(patterns)
    used = set()
    for reason in reasons:
        first = next(p for p in patterns if re.fullmatch(p, reason, re.DOTALL))
        used.add(first)
    assert [p for p in patterns if p not in used] == []


def test_in_english_every_reason_reads_as_it_was_written(reasons: list[str]) -> None:
    """The English templates are the messages themselves, values in their places."""
    assert [r for r in reasons if reason_text(r) != r] == []


def test_an_unknown_reason_is_kept_as_it_is(dutch: None) -> None:
    assert reason_text("a reason nobody has written down yet") == (
        "a reason nobody has written down yet"
    )
    assert reason_text("") == ""


# -- in Dutch ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "dutch_text"),
    [
        ("must be a whole number from 0 to 10", "moet een heel getal van 0 tot 10 zijn"),
        ("must be from 0 to 10, not 15", "moet van 0 tot 10 zijn, niet 15"),
        (
            "'2026-02-30' is not a date like 2026-03-02",
            "'2026-02-30' is geen datum zoals 2026-03-02",
        ),
        ("'x' is not a whole number", "'x' is geen heel getal"),
        ("'maybe' is not yes or no", "'maybe' is geen ja of nee"),
        ("2062-02-28 lies in the future", "2062-02-28 ligt in de toekomst"),
        ("the file is empty", "het bestand is leeg"),
        ("has 5 values but the header names 3", "heeft 5 waarden, maar de kopregel noemt er 3"),
        ("'a1' is also on line 12", "'a1' staat ook op regel 12"),
        # A value that looks like a placeholder is put back as it is, not filled in again.
        ("'%2' is not a whole number", "'%2' is geen heel getal"),
    ],
)
def test_reasons_read_in_dutch_with_their_values(
    dutch: None, english: str, dutch_text: str
) -> None:
    assert reason_text(english) == dutch_text


def test_every_template_has_its_own_dutch(qapp: QApplication) -> None:
    english = table()
    with _in_dutch(qapp):
        dutch = table()
    same = [en for (_p, en), (_q, nl) in zip(english, dutch, strict=True) if en == nl]
    assert same == [], "translate these in resources/i18n/rugdiary_nl.ts (make i18n, make qm)"


def test_every_reason_of_the_corpus_is_dutch(dutch: None, reasons: list[str]) -> None:
    """Nothing of the English wording is left, bar the values put back."""
    english_words = re.compile(r"\b(must|is not|the file|cannot|line|column|values)\b")
    keeps_english = ("not valid JSON: ", "not valid CSV: ")  # Python's words after them
    left = [
        (reason, text)
        for reason in reasons
        if not reason.startswith(keeps_english)
        and english_words.search(re.sub(r"'[^']*'|\([^)]*\)", "", text := reason_text(reason)))
    ]
    assert left == []


# -- in the window -----------------------------------------------------------------------------


def test_import_problems_are_listed_in_dutch(
    dutch: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(
        dialogs,
        "show_import_problems",
        lambda parent, name, problems, more: shown.append(problems),
    )
    source = tmp_path / "scores.csv"
    source.write_text("datum,pijn,stress\n2026-02-27,6,7\n2026-02-28,15,6\n2026-02-29,5,6\n")

    assert not window.data_files().import_file(source)

    assert shown == [
        [
            "Regel 3, pijn: moet van 0 tot 10 zijn, niet 15",
            "Regel 4, datum: '2026-02-29' is geen datum zoals 2026-03-02",
        ]
    ]


def test_the_wrong_kind_of_file_says_why_in_dutch(
    dutch: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: errors.append((title, text))
    )
    source = tmp_path / "leeg.csv"
    source.write_bytes(b"")

    assert not window.data_files().import_file(source)

    ((title, text),) = errors
    assert title == "Er is niets geïmporteerd"
    assert text.startswith(
        "leeg.csv is geen bestand dat RugDiary kan importeren (het bestand is leeg)."
    )


def test_a_problem_line_keeps_an_unknown_reason_in_english(dutch: None) -> None:
    problem = exchange.ImportProblem(7, "steps", "must be a list of 2 to 12 steps")
    assert controller._problem_text(problem) == "Regel 7, steps: must be a list of 2 to 12 steps"
