"""Programme files: round trips, conflicts on import, and every kind of bad or hostile file."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
from programme_samples import (
    BAD_FILES,
    jpeg_header,
    json_bytes,
    manifest,
    own_exercise,
    own_program,
    png,
)

from rugdiary.core.content import Library, load_library
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Exercise, Text
from rugdiary.core.program_file import (
    MAX_PICTURE_SIDE,
    ImportConflictError,
    ProgrammeFile,
    ProgrammeFileError,
    Resolution,
    build_programme_file,
    picture_info,
    plan_import,
    read_programme_file,
)
from rugdiary.core.programs import Program
from rugdiary.resources import resources_dir


@cache
def _library() -> Library:
    return load_library(resources_dir())


def plan(
    incoming: ProgrammeFile,
    own_exercises: tuple[Exercise, ...] = (),
    own_programs: tuple[Program, ...] = (),
    stored: dict[str, bytes] | None = None,
    resolution: Resolution | None = None,
) -> Any:
    library = _library()
    pictures = stored or {}
    return plan_import(
        incoming,
        builtin_exercises=library.exercises,
        builtin_programs=library.programs,
        own_exercises=own_exercises,
        own_programs=own_programs,
        stored_picture=lambda e: pictures.get(e.id),
        resolution=resolution,
    )


# ---------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("program_id", sorted(_library().programs))
def test_every_builtin_programme_round_trips_as_plainjson_bytes(program_id: str) -> None:
    library = _library()
    program = library.programs[program_id]
    data = build_programme_file(program, library.exercises, {}, created_with="RugDiary test")
    assert json.loads(data)["format"] == "rugdiary-programme"  # plain JSON: no pictures
    back = read_programme_file(data, "x.rugprog")
    assert back.program == program
    assert back.exercises == ()
    assert back.created_with == "RugDiary test"
    result = plan(back)
    assert not result.changes_anything  # it is built in already
    assert result.unchanged == (program_id,)


def test_a_file_saved_with_a_byte_order_mark_reads_as_the_same_programme() -> None:
    """Windows Notepad starts a saved file with a BOM: it was called "cut off or damaged"."""
    library = _library()
    program = library.programs["desk-break"]
    data = build_programme_file(program, library.exercises, {}, created_with="RugDiary test")
    assert read_programme_file(b"\xef\xbb\xbf" + data, "x.json").program == program


def test_own_programme_with_own_exercises_and_pictures_round_trips_as_zip() -> None:
    library = _library()
    slide = own_exercise()
    plain = own_exercise("chin-tuck", picture=None)
    program = own_program("walking", "wall-slide", "chin-tuck")
    exercises = {**library.exercises, slide.id: slide, plain.id: plain}
    picture = png(40, 30)
    data = build_programme_file(
        program, exercises, {"wall-slide": picture}, note="Three times a day, gently."
    )
    assert data.startswith(b"PK")
    back = read_programme_file(data)
    assert back.program == replace(
        program, note=Text(en="Three times a day, gently.", nl="Three times a day, gently.")
    )
    assert [e.id for e in back.exercises] == ["wall-slide", "chin-tuck"]
    assert back.exercises[0] == replace(slide, picture="pictures/wall-slide.png")
    assert back.exercises[1] == plain
    assert back.pictures == {"pictures/wall-slide.png": picture}

    result = plan(back)  # into an empty diary
    assert [e.id for e in result.exercises] == ["wall-slide", "chin-tuck"]
    assert result.exercises[0] == slide  # picture named after the exercise, as the editor does
    assert result.pictures == {"wall-slide.png": picture}
    assert result.program == back.program
    assert result.renamed == {}


def test_importing_the_same_file_twice_changes_nothing() -> None:
    library = _library()
    slide = own_exercise()
    program = own_program("wall-slide")
    picture = png()
    data = build_programme_file(
        program, {**library.exercises, slide.id: slide}, {slide.id: picture}
    )
    result = plan(read_programme_file(data), (slide,), (program,), {slide.id: picture})
    assert not result.changes_anything
    assert set(result.unchanged) == {"wall-slide", "from-my-physio"}


# ---------------------------------------------------------------------------------------------
# Conflicts


def _conflicting_file() -> tuple[ProgrammeFile, Exercise, Program]:
    library = _library()
    theirs = replace(own_exercise(picture=None), name=Text(en="Wall slide v2", nl="Muur v2"))
    program = own_program("wall-slide", "bird-dog")
    data = build_programme_file(program, {**library.exercises, theirs.id: theirs}, {})
    mine = own_exercise(picture=None)
    my_program = replace(own_program("wall-slide"), name=Text(en="Mine", nl="Van mij"))
    return read_programme_file(data), mine, my_program


def test_conflicts_are_named_and_nothing_is_planned_without_a_choice() -> None:
    incoming, mine, my_program = _conflicting_file()
    with pytest.raises(ImportConflictError) as caught:
        plan(incoming, (mine,), (my_program,))
    assert {(c.kind, c.id) for c in caught.value.conflicts} == {
        ("exercise", "wall-slide"),
        ("programme", "from-my-physio"),
    }
    assert caught.value.replaceable
    assert "wall-slide" in str(caught.value)


def test_replace_keeps_the_ids() -> None:
    incoming, mine, my_program = _conflicting_file()
    result = plan(incoming, (mine,), (my_program,), resolution=Resolution.REPLACE)
    assert [e.id for e in result.exercises] == ["wall-slide"]
    assert result.exercises[0].name.en == "Wall slide v2"
    assert result.program is not None
    assert result.program.id == "from-my-physio"
    assert [i.exercise_id for i in result.program.items] == ["wall-slide", "bird-dog"]


def test_keep_both_renames_and_points_the_programme_at_the_copies() -> None:
    incoming, mine, my_program = _conflicting_file()
    result = plan(incoming, (mine,), (my_program,), resolution=Resolution.KEEP_BOTH)
    assert result.renamed == {"wall-slide": "wall-slide-2"}
    [copy] = result.exercises
    assert copy.id == "wall-slide-2"
    assert copy.name.en == "Wall slide v2 (2)"
    assert result.program is not None
    assert result.program.id == result.program_id == "from-my-physio-2"
    assert result.program.name.nl == "Van mijn fysio (2)"
    assert [i.exercise_id for i in result.program.items] == ["wall-slide-2", "bird-dog"]


def test_a_changed_builtin_programme_is_never_replaced() -> None:
    library = _library()
    builtin = library.programs["desk-break"]
    changed = replace(builtin, sessions_per_week=5)
    incoming = read_programme_file(build_programme_file(changed, library.exercises, {}))
    with pytest.raises(ImportConflictError) as caught:
        plan(incoming)
    assert not caught.value.replaceable
    with pytest.raises(ImportConflictError):
        plan(incoming, resolution=Resolution.REPLACE)
    result = plan(incoming, resolution=Resolution.KEEP_BOTH)
    assert result.program_id == "desk-break-2"


def test_a_picture_that_differs_is_a_conflict() -> None:
    library = _library()
    slide = own_exercise()
    program = own_program("wall-slide")
    data = build_programme_file(
        program, {**library.exercises, slide.id: slide}, {slide.id: png(4, 4)}
    )
    with pytest.raises(ImportConflictError):
        plan(read_programme_file(data), (slide,), (program,), {slide.id: png(5, 5)})


# ---------------------------------------------------------------------------------------------
# Bad files: a clear error naming the field


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gives_a_clear_error_naming_the_field(case: str) -> None:
    make, field, words = BAD_FILES[case]
    with pytest.raises(ProgrammeFileError) as caught:
        read_programme_file(make(), "from-physio.rugprog")
    error = caught.value
    assert error.file == "from-physio.rugprog"
    assert error.field.startswith(field), (error.field, error.message)
    assert words in str(error), str(error)


def test_the_file_may_not_take_a_builtin_exercise_id_or_miss_an_exercise() -> None:
    doc = manifest()
    doc["exercises"][0]["id"] = "bird-dog"
    doc["programme"]["items"] = [{"exercise": "bird-dog"}]
    with pytest.raises(ProgrammeFileError) as caught:
        plan(read_programme_file(json_bytes(doc)))
    assert caught.value.field == "exercises[0].id"
    doc = manifest(exercises=[])
    with pytest.raises(ProgrammeFileError) as caught:
        plan(read_programme_file(json_bytes(doc)))
    assert caught.value.field == "programme.items[0].exercise"
    assert "wall-slide" in caught.value.message


def test_a_dose_change_that_breaks_a_level_is_refused() -> None:
    doc = manifest()
    doc["programme"]["items"][1]["dose"] = {"advanced": {"reps": 500}}
    with pytest.raises(ProgrammeFileError) as caught:
        plan(read_programme_file(json_bytes(doc)))
    assert caught.value.field.startswith("programme.items[1]")


def test_picture_info_reads_sizes_from_headers() -> None:
    assert picture_info(png(7, 5)) == ("png", 7, 5)
    assert picture_info(jpeg_header(640, 480)) == ("jpg", 640, 480)
    side = MAX_PICTURE_SIDE
    assert picture_info(png(side, side)).width == side
    with pytest.raises(ValidationError):
        picture_info(png(side + 1, 1))


def test_export_refuses_a_picture_that_would_not_import() -> None:
    library = _library()
    slide = own_exercise()
    with pytest.raises(ValidationError) as caught:
        build_programme_file(
            own_program("wall-slide"), {**library.exercises, slide.id: slide}, {slide.id: b"GIF89a"}
        )
    assert "wall-slide" in caught.value.field
