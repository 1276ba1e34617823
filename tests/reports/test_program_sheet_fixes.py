"""The programme sheet: "1 rep", a long name in the footer, and a phone photo upright."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from programme_samples import own_exercise, own_program

from rugdiary.core.content import load_library
from rugdiary.core.exercises import Dose, Level, Text
from rugdiary.reports.program_sheet import build_programme_sheet, dose_text, upright_picture
from rugdiary.resources import resources_dir

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def test_one_rep_is_said_in_the_singular() -> None:
    one = Dose(reps=1, sets=1, tempo_s=30)
    assert dose_text(one, "en") == "1 rep · 1 set"
    assert dose_text(one, "nl") == "1 herhaling · 1 serie"
    assert dose_text(replace(one, reps=2), "nl") == "2 herhalingen · 1 serie"


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_long_programme_name_never_runs_into_the_page_number(tmp_path: Path, lang: str) -> None:
    library = load_library(resources_dir())
    name = (
        "Mijn heel lange programmanaam van de fysiotherapeut voor de ochtenden, de "
        "avonden na het werk en de weekenden"
    )
    program = replace(library.programs["strength"], name=Text(en=name, nl=name))
    pdf = build_programme_sheet(
        program, library.exercises, Level.BEGINNER, lang=lang, app_version="0.1.0"
    )
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    boxes = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [
        (float(x_min), float(y_min), float(x_max), word)
        for x_min, y_min, x_max, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<', boxes
        )
    ]
    footer = sorted((w for w in words if w[1] > 800), key=lambda w: w[0])
    assert footer, "no footer found"
    overlaps = [(a[3], b[3]) for a, b in itertools.pairwise(footer) if a[2] > b[0]]
    assert overlaps == []
    text = " ".join(w[3] for w in footer)
    assert text.startswith("RugDiary 0.1.0 · Mijn heel lange")
    assert "…" in text  # shortened, not left out
    assert re.search(r"(Page 1 of|Pagina 1 van) \d$", text)


def phone_photo(width: int = 40, height: int = 20) -> bytes:
    """A JPEG stored `width` × `height` with EXIF orientation 6 (turn it to stand up)."""
    image = Image.new("RGB", (width, height), "white")
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_a_phone_photo_is_turned_upright_and_others_are_left_as_they_are() -> None:
    with Image.open(io.BytesIO(upright_picture(phone_photo()))) as turned:
        assert turned.size == (20, 40)
    plain = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(plain, "JPEG")
    assert upright_picture(plain.getvalue()) == plain.getvalue()
    assert upright_picture(b"\xff\xd8 not really a JPEG") == b"\xff\xd8 not really a JPEG"
    assert upright_picture(b"<svg/>") == b"<svg/>"


def test_the_sheet_prints_a_phone_photo_upright() -> None:
    library = load_library(resources_dir())
    photo = own_exercise("photo", "photo.jpg")
    pdf = build_programme_sheet(
        own_program("photo"),
        {**library.exercises, photo.id: photo},
        Level.BEGINNER,
        pictures={photo.id: phone_photo()},
        app_version="9.9",
    )
    objects = re.findall(rb"obj\s*<<(.*?)>>\s*stream", pdf, re.DOTALL)
    images = [
        (int(re.findall(rb"/Width (\d+)", o)[0]), int(re.findall(rb"/Height (\d+)", o)[0]))
        for o in objects
        if b"/Subtype /Image" in o
    ]
    assert images == [(20, 40)]
