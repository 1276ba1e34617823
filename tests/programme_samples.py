"""Sample programmes, own exercises and picture bytes for the programme-file tests."""

from __future__ import annotations

import struct
import zlib

from rugdiary.core.exercises import Dose, Doses, Exercise, Group, Level, Text
from rugdiary.core.programs import Program, ProgramItem


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
