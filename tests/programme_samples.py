"""Sample programmes, own exercises and picture bytes for the programme-file tests."""

from __future__ import annotations

import io
import json
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

from rugdiary.core.content import load_library
from rugdiary.core.exercises import Dose, Doses, Exercise, Group, Level, Text
from rugdiary.core.program_file import build_programme_file
from rugdiary.core.programs import Program, ProgramItem
from rugdiary.resources import resources_dir


def png(width: int = 3, height: int = 2) -> bytes:
    """A real, decodable PNG of `width` × `height` grey pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height if height <= 512 else 4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    """The markers of a JPEG up to the start of scan: enough for its size to be read."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    sos = b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + app0 + sof + sos + b"\x00" * 16 + b"\xff\xd9"


def own_exercise(
    exercise_id: str = "wall-slide", picture: str | None = "wall-slide.png"
) -> Exercise:
    dose = Dose(reps=8, sets=2, tempo_s=3, set_rest_s=30)
    same = Text(en="Slowly.", nl="Rustig.")
    return Exercise(
        id=exercise_id,
        name=Text(en="Wall slide", nl="Muurglijden"),
        group=Group.MOBILITY,
        start=Text(en="Back to the wall.", nl="Rug tegen de muur."),
        steps=(Text(en="Slide down.", nl="Glijd omlaag."), Text(en="Come up.", nl="Kom omhoog.")),
        doses=Doses(beginner=dose, intermediate=dose, advanced=dose),
        easier=same,
        harder=same,
        mistake=same,
        safety=same,
        picture=picture,
    )


def own_program(*exercise_ids: str, program_id: str = "from-my-physio") -> Program:
    return Program(
        id=program_id,
        name=Text(en="From my physio", nl="Van mijn fysio"),
        description=Text(en="Daily.", nl="Dagelijks."),
        frequency=Text(en="Every day", nl="Elke dag"),
        level=Level.BEGINNER,
        sessions_per_week=7,
        items=tuple(ProgramItem(exercise_id=e) for e in exercise_ids),
    )


# Bad and hostile programme files: (make the bytes, the field named, words in the error)


def manifest(**changes: Any) -> dict[str, Any]:
    library = load_library(resources_dir())
    slide = own_exercise(picture=None)
    program = own_program("wall-slide", "bird-dog")
    doc: dict[str, Any] = json.loads(
        build_programme_file(program, {**library.exercises, slide.id: slide}, {})
    )
    doc.update(changes)
    return doc


def json_bytes(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


def _zip(
    members: dict[str, bytes], tweak: Callable[[zipfile.ZipInfo], None] | None = None
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            if tweak is not None and name != "manifest.json":
                tweak(info)
            archive.writestr(info, data)
    return buffer.getvalue()


def _with_picture(data: bytes, name: str = "pictures/wall-slide.png") -> bytes:
    doc = manifest()
    doc["exercises"][0]["picture"] = name
    return _zip({"manifest.json": json_bytes(doc), name: data})


def _nested(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def _symlink(info: zipfile.ZipInfo) -> None:
    info.external_attr = (stat.S_IFLNK | 0o777) << 16


BAD_FILES: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "empty": (lambda: b"", "", "empty"),
    "truncated json": (lambda: json_bytes(manifest())[:200], "line", "cut off"),
    "truncated zip": (lambda: _with_picture(png())[:150], "", "cut off or damaged"),
    "not json": (lambda: b"\x00\x01binary\xff", "", "not a programme file"),
    "wrong format": (lambda: json_bytes(manifest(format="something-else")), "format", "not a prog"),
    "newer version": (lambda: json_bytes(manifest(version=2)), "version", "newer RugDiary"),
    "version as text": (lambda: json_bytes(manifest(version="1")), "version", "whole number"),
    "unknown top field": (lambda: json_bytes(manifest(macro="rm -rf")), "macro", "not a programme"),
    "sessions as text": (
        lambda: json_bytes(_nested(manifest(), ("programme", "sessions_per_week"), "3")),
        "programme.sessions_per_week",
        "whole number",
    ),
    "items not a list": (
        lambda: json_bytes(_nested(manifest(), ("programme", "items"), {"a": 1})),
        "programme.items",
        "list",
    ),
    "unknown item field": (
        lambda: json_bytes(_nested(manifest(), ("programme", "items", 1, "run"), "x")),
        "programme.items[1].run",
        "not a programme item field",
    ),
    "unknown dose field": (
        lambda: json_bytes(_nested(manifest(), ("exercises", 0, "dose", "beginner", "speed"), 2)),
        "exercises[0].dose.beginner.speed",
        "not a dose field",
    ),
    "reps as float": (
        lambda: json_bytes(_nested(manifest(), ("exercises", 0, "dose", "advanced", "reps"), 2.5)),
        "exercises[0].dose.advanced.reps",
        "whole number",
    ),
    "unused exercise": (
        lambda: json_bytes(_nested(manifest(), ("exercises", 0, "id"), "other")),
        "exercises[0].id",
        "not used",
    ),
    "picture in plain json": (
        lambda: json_bytes(_nested(manifest(), ("exercises", 0, "picture"), "pictures/x.png")),
        "exercises[0].picture",
        "only in a zip",
    ),
    "parent path": (
        lambda: _zip({"manifest.json": json_bytes(manifest()), "../evil.png": png()}),
        "../evil.png",
        "outside",
    ),
    "nested parent path": (
        lambda: _zip({"manifest.json": json_bytes(manifest()), "pictures/../../x.png": png()}),
        "pictures/../../x.png",
        "outside",
    ),
    "absolute path": (
        lambda: _zip({"manifest.json": json_bytes(manifest()), "/etc/passwd": b"root"}),
        "/etc/passwd",
        "outside",
    ),
    "symlink": (
        lambda: _zip(
            {"manifest.json": json_bytes(manifest()), "pictures/wall-slide.png": b"/etc/passwd"},
            _symlink,
        ),
        "pictures/wall-slide.png",
        "link",
    ),
    "unexpected member": (
        lambda: _zip({"manifest.json": json_bytes(manifest()), "run.sh": b"#!/bin/sh"}),
        "run.sh",
        "not part of a programme file",
    ),
    "no manifest": (lambda: _zip({"pictures/wall-slide.png": png()}), "manifest.json", "missing"),
    "zip bomb": (
        lambda: _zip(
            {"manifest.json": json_bytes(manifest()), "pictures/wall-slide.png": b"\0" * 2**20}
        ),
        "pictures/wall-slide.png",
        "zip bomb",
    ),
    "huge png header": (
        lambda: _with_picture(png(50_000, 50_000)),
        "exercises[0].picture",
        "50000 × 50000 pixels",
    ),
    "not an image named png": (
        lambda: _with_picture(b"MZ\x90\x00 this is a program, not a picture" * 4),
        "exercises[0].picture",
        "not a PNG or JPEG",
    ),
    "jpeg named png": (
        lambda: _with_picture(jpeg_header(10, 10)),
        "exercises[0].picture",
        "JPG picture with another name",
    ),
    "huge jpeg header": (
        lambda: _with_picture(jpeg_header(5000, 100), "pictures/wall-slide.jpg"),
        "exercises[0].picture",
        "5000 × 100",
    ),
    "cut-off png": (
        lambda: _with_picture(png()[:40]),
        "exercises[0].picture",
        "PNG",
    ),
    "picture not in zip": (
        lambda: _zip(
            {
                "manifest.json": json_bytes(
                    _nested(manifest(), ("exercises", 0, "picture"), "pictures/gone.png")
                ),
                "pictures/wall-slide.png": png(),
            }
        ),
        "exercises[0].picture",
        "no picture",
    ),
    "stray picture": (
        lambda: _zip({"manifest.json": json_bytes(manifest()), "pictures/stray.png": png()}),
        "pictures/stray.png",
        "not the picture of any exercise",
    ),
}
