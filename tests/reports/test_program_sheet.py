"""The programme sheet: the physiotherapist's note, own pictures, and one or two pages."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from programme_samples import own_exercise, own_program, png

from rugdiary.core.content import load_library
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Dose, Level, Text
from rugdiary.reports.program_sheet import (
    _Sheet,
    build_programme_sheet,
    dose_text,
    written_sheet,
)
from rugdiary.resources import resources_dir

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def pages_of(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


@needs_poppler
def test_note_own_picture_and_tick_table_are_on_the_sheet(tmp_path: Path) -> None:
    library = load_library(resources_dir())
    slide = own_exercise()
    program = replace(
        own_program("wall-slide", "bird-dog"),
        note=Text(en="Twice a day; stop at a 5.", nl="Twee keer per dag; stop bij een 5."),
    )
    exercises = {**library.exercises, slide.id: slide}
    pdf = build_programme_sheet(
        program,
        exercises,
        Level.BEGINNER,
        lang="nl",
        pictures={slide.id: png(60, 40)},
        app_version="9.9",
    )
    text = text_of(pdf, tmp_path)
    assert "Van je fysiotherapeut" in text
    assert "Twee keer per dag; stop bij een 5." in text
    assert "Muurglijden" in text
    assert "Je eigen afbeelding" in text
    assert "Vink je sessies af" in text
    assert "Week 6" in text
    assert "RugDiary 9.9" in text
    assert pages_of(pdf, tmp_path) == 1


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_builtin_programme_fits_one_or_two_pages(tmp_path: Path, lang: str) -> None:
    library = load_library(resources_dir())
    for program in library.programs.values():
        for level in {program.level, Level.ADVANCED}:
            pdf = build_programme_sheet(
                program, library.exercises, level, lang=lang, app_version="1"
            )
            assert pages_of(pdf, tmp_path) <= 2, (program.id, level)
    short = library.programs["desk-break"]
    pdf = build_programme_sheet(short, library.exercises, short.level, lang=lang, app_version="1")
    assert pages_of(pdf, tmp_path) == 1  # the tick table shortens rather than take a page
    assert "Week 4" in text_of(pdf, tmp_path)


def test_dose_texts_in_both_languages() -> None:
    hold = Dose(reps=5, sets=2, hold_s=8, rest_s=3, set_rest_s=30, per_side=True)
    assert (
        dose_text(hold, "en") == "5 × 8 s hold, each side · 2 sets · 3 s rest · 30 s between sets"
    )
    assert dose_text(hold, "nl") == (
        "5 × 8 s vasthouden, per kant · 2 series · 3 s rust · 30 s tussen de series"
    )
    assert dose_text(Dose(duration_s=600), "en") == "10 min · 1 set"
    assert dose_text(Dose(reps=3, duration_s=40), "nl") == "3 × 40 s · 1 serie"


def test_missing_exercise_and_unknown_language_are_refused() -> None:
    library = load_library(resources_dir())
    with pytest.raises(ValidationError) as caught:
        build_programme_sheet(
            own_program("gone"), library.exercises, Level.BEGINNER, app_version="1"
        )
    assert caught.value.field == "items[0].exercise"
    with pytest.raises(ValidationError):
        build_programme_sheet(
            library.programs["desk-break"],
            library.exercises,
            Level.BEGINNER,
            lang="de",
            app_version="1",
        )


@needs_poppler
@pytest.mark.parametrize(
    ("lang", "labels"),
    [("en", ("Start", "Movement", "Other way")), ("nl", ("Begin", "Beweging", "Andere kant op"))],
)
def test_a_loop_that_also_goes_the_other_way_prints_it_third(
    tmp_path: Path, lang: str, labels: tuple[str, str, str]
) -> None:
    library = load_library(resources_dir())
    program = own_program("cat-camel", "bird-dog")
    pdf = build_programme_sheet(
        program, library.exercises, Level.BEGINNER, lang=lang, app_version="1"
    )
    text = text_of(pdf, tmp_path)
    cat_camel = text[: text.index("2. " + library.exercises["bird-dog"].name.get(lang))]
    assert all(label in cat_camel for label in labels), "cat-camel: start, rounded, arched"
    assert text.count(labels[2]) == 1, "bird dog: start and work only"


@needs_poppler
def test_pictures_go_two_to_a_row_unless_that_costs_a_page(tmp_path: Path) -> None:
    """Three in a row were 19 mm wide on paper: too small to see a hollow back flatten.
    Two to a row are 30 mm; a programme keeps three to a row where that saves a page."""
    library = load_library(resources_dir())

    def sheet(program_id: str, level: Level) -> _Sheet:
        program = library.programs[program_id]
        return written_sheet(
            lambda per_row: _Sheet(program, library.exercises, level, "nl", {}, "1", per_row)
        )

    core = sheet("core-stability-beginner", Level.BEGINNER)
    assert core.per_row == 2
    assert pages_of(core.data, tmp_path) == 2
    longest = sheet("strength", Level.ADVANCED)
    assert longest.per_row == 3, "two to a row would take a third page"
    assert pages_of(longest.data, tmp_path) == 2
    short = sheet("desk-break", Level.INTERMEDIATE)
    assert pages_of(short.data, tmp_path) == 1
