"""Writing an import: records and pictures land together, or nothing does."""

from __future__ import annotations

from pathlib import Path

import pytest
from programme_samples import own_exercise, own_program, png

from rugdiary.core.content import load_library
from rugdiary.core.program_file import build_programme_file, plan_import, read_programme_file
from rugdiary.resources import resources_dir
from rugdiary.storage.database import Database
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.program_files import (
    LeftOutBecause,
    OutputExistsError,
    apply_import,
    export_pictures,
    stored_picture,
    write_new_file,
)
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository


def _plan(db: Database, pictures_dir: Path) -> object:
    library = load_library(resources_dir())
    slide = own_exercise()
    data = build_programme_file(
        own_program("wall-slide"), {**library.exercises, slide.id: slide}, {slide.id: png(8, 6)}
    )
    return plan_import(
        read_programme_file(data),
        builtin_exercises=library.exercises,
        builtin_programs=library.programs,
        own_exercises=ExerciseRepository(db).list(),
        own_programs=ProgramRepository(db).list(),
        stored_picture=stored_picture(pictures_dir),
    )


def test_import_writes_records_and_pictures(data_dir: Path) -> None:
    pictures = data_dir / "pictures"
    with Database.open(data_dir) as db:
        apply_import(db, pictures, _plan(db, pictures))  # type: ignore[arg-type]
        assert [e.id for e in ExerciseRepository(db).list()] == ["wall-slide"]
        assert [p.id for p in ProgramRepository(db).list()] == ["from-my-physio"]
    assert (pictures / "wall-slide.png").read_bytes() == png(8, 6)
    assert sorted(p.name for p in pictures.iterdir()) == ["wall-slide.png"]


def test_a_failed_write_leaves_neither_records_nor_pictures(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pictures = data_dir / "pictures"
    with Database.open(data_dir) as db:
        plan = _plan(db, pictures)
        before = db.path.read_bytes() if db.path.exists() else b""

        def full_disk(*_args: object) -> None:
            raise StorageWriteError(db.path, "the disk is full")

        monkeypatch.setattr(db, "rewrite", full_disk)
        with pytest.raises(StorageWriteError):
            apply_import(db, pictures, plan)  # type: ignore[arg-type]
        assert (db.path.read_bytes() if db.path.exists() else b"") == before
    assert list(pictures.iterdir()) == []  # no picture, no temporary file


def test_export_pictures_leaves_svg_behind(data_dir: Path) -> None:
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True)
    (pictures / "a.png").write_bytes(png())
    (pictures / "b.svg").write_text("<svg/>")
    found, left_out = export_pictures(
        pictures, [own_exercise("a", "a.png"), own_exercise("b", "b.svg")]
    )
    assert found == {"a": png()}
    assert [(left.exercise.id, left.because) for left in left_out] == [
        ("b", LeftOutBecause.NOT_TRAVELLING)
    ]


def test_write_new_file_asks_before_replacing(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    write_new_file(target, b"one")
    with pytest.raises(OutputExistsError):
        write_new_file(target, b"two")
    assert target.read_bytes() == b"one"
    write_new_file(target, b"two", force=True)
    assert target.read_bytes() == b"two"


def test_replacing_an_exercise_removes_its_old_picture(data_dir: Path) -> None:
    from rugdiary.core.program_file import Resolution

    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True)
    (pictures / "wall-slide.svg").write_text("<svg/>")
    library = load_library(resources_dir())
    mine = own_exercise(picture="wall-slide.svg")
    theirs = own_exercise()
    data = build_programme_file(
        own_program("wall-slide"), {**library.exercises, theirs.id: theirs}, {theirs.id: png()}
    )
    with Database.open(data_dir) as db:
        ExerciseRepository(db).save(mine)
        plan = plan_import(
            read_programme_file(data),
            builtin_exercises=library.exercises,
            builtin_programs=library.programs,
            own_exercises=ExerciseRepository(db).list(),
            own_programs=[],
            stored_picture=stored_picture(pictures),
            resolution=Resolution.REPLACE,
        )
        apply_import(db, pictures, plan)
        assert ExerciseRepository(db).list() == [theirs]
    assert sorted(p.name for p in pictures.iterdir()) == ["wall-slide.png"]
