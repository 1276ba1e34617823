"""`rugdiary programs export | import | sheet`: files that travel, conflicts, and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from programme_samples import BAD_FILES, own_exercise, own_program, png

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from rugdiary.core.content import load_library
from rugdiary.core.exercises import Exercise, Level, Text
from rugdiary.core.programs import Program
from rugdiary.resources import resources_dir
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def store(folder: Path, *items: Exercise | Program, picture: bytes | None = None) -> None:
    with Database.open(folder) as db:
        for item in items:
            if isinstance(item, Exercise):
                ExerciseRepository(db).save(item)
                if item.picture and picture is not None:
                    (folder / "pictures").mkdir(exist_ok=True)
                    (folder / "pictures" / item.picture).write_bytes(picture)
            else:
                ProgramRepository(db).save(item)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the data folder but the backups: what an import may not change."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "backups" not in p.parts and not p.name.endswith(".lock")
    }


def test_every_builtin_programme_exports_and_imports_unchanged(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for program_id in load_library(resources_dir()).programs:
        target = tmp_path / f"{program_id}.rugprog"
        code, out, err = run(capsys, "programs", "export", program_id, "-o", str(target))
        assert code == EXIT_OK, err
        assert out.strip() == str(target)
        assert "no diary data" in err
        code, out, err = run(capsys, "programs", "import", str(target))
        assert code == EXIT_OK, err
        assert "Nothing new" in out


def test_own_programme_with_picture_travels_to_another_diary(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = png(30, 20)
    slide = own_exercise()
    store(data_dir, slide, own_program("wall-slide", "bird-dog"), picture=picture)
    target = tmp_path / "for-patient.rugprog"
    code, _, err = run(
        capsys, "programs", "export", "from-my-physio", "-o", str(target), "--note", "Go gently."
    )
    assert code == EXIT_OK, err
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "pictures/wall-slide.png"]
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["programme"]["note"] == {"en": "Go gently.", "nl": "Go gently."}

    patient = tmp_path / "patient"
    code, out, err = run(capsys, "--data-dir", str(patient), "programs", "import", str(target))
    assert code == EXIT_OK, err
    assert "'from-my-physio'" in out
    assert (patient / "pictures" / "wall-slide.png").read_bytes() == picture
    with Database.open(patient) as db:
        assert ExerciseRepository(db).list() == [slide]
        [program] = ProgramRepository(db).list()
    assert program.note == Text(en="Go gently.", nl="Go gently.")
    code, out, _ = run(capsys, "--data-dir", str(patient), "programs", "--json")
    assert "from-my-physio" in {p["id"] for p in json.loads(out)}


def test_conflicts_exit_1_naming_the_ids_and_the_flags_resolve_them(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    physio = tmp_path / "physio"
    theirs = own_exercise(picture=None)
    store(physio, theirs, own_program("wall-slide"))
    target = tmp_path / "p.rugprog"
    assert (
        run(
            capsys,
            "--data-dir",
            str(physio),
            "programs",
            "export",
            "from-my-physio",
            "-o",
            str(target),
        )[0]
        == 0
    )

    mine = replace(own_exercise(picture=None), name=Text(en="Mine", nl="Van mij"))
    store(data_dir, mine)
    before = snapshot(data_dir)
    code, out, err = run(capsys, "programs", "import", str(target))
    assert code == EXIT_BAD_INPUT
    assert "exercise 'wall-slide'" in err
    assert "--keep-both" in err
    assert "--replace" in err
    assert snapshot(data_dir) == before

    code, out, err = run(capsys, "programs", "import", str(target), "--keep-both")
    assert code == EXIT_OK, err
    assert "'wall-slide' is now 'wall-slide-2'" in out
    with Database.open(data_dir) as db:
        names = {e.id: e.name.en for e in ExerciseRepository(db).list()}
        [program] = ProgramRepository(db).list()
    assert names == {"wall-slide": "Mine", "wall-slide-2": "Wall slide (2)"}
    assert [i.exercise_id for i in program.items] == ["wall-slide-2"]

    code, out, err = run(capsys, "programs", "import", str(target), "--replace")
    assert code == EXIT_OK, err
    with Database.open(data_dir) as db:
        names = {e.id: e.name.en for e in ExerciseRepository(db).list()}
    assert names == {"wall-slide": "Wall slide", "wall-slide-2": "Wall slide (2)"}
    code, _, err = run(capsys, "programs", "import", str(target), "--replace", "--keep-both")
    assert code == EXIT_USAGE


def test_bad_files_exit_1_and_change_nothing(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store(data_dir, own_exercise(picture=None))
    before = snapshot(data_dir)
    hostile = tmp_path / "hostile.rugprog"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr("../../escape.txt", "x")
    for content, words in (
        (b'{"format": "rugdiary-programme", "version": 1, "programme": {"id": "x"', "cut off"),
        (hostile.read_bytes(), "../../escape.txt: points outside"),
        (b'{"format": "rugdiary-programme", "version": 9}', "version: is 9"),
    ):
        bad = tmp_path / "bad.rugprog"
        bad.write_bytes(content)
        code, _, err = run(capsys, "programs", "import", str(bad))
        assert code == EXIT_BAD_INPUT
        assert str(bad) in err
        assert words in err
        assert "nothing was imported" in err
        assert snapshot(data_dir) == before
    assert not (tmp_path / "escape.txt").exists()
    code, _, err = run(capsys, "programs", "import", str(tmp_path / "missing.rugprog"))
    assert code == EXIT_BAD_INPUT


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_every_kind_of_bad_file_is_named_and_imports_nothing(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    store(data_dir, own_exercise(), picture=png())
    before = snapshot(data_dir)
    make, field, words = BAD_FILES[case]
    bad = tmp_path / "from-physio.rugprog"
    bad.write_bytes(make())
    code, out, err = run(capsys, "programs", "import", str(bad), "--replace")
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert f"{bad}: {field}" in err
    assert words in err
    assert snapshot(data_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "from-physio.rugprog"]


def test_existing_output_is_kept_without_force(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.rugprog"
    target.write_text("keep me")
    for command in (("export", "desk-break"), ("sheet", "desk-break")):
        code, _, err = run(capsys, "programs", *command, "-o", str(target))
        assert code == EXIT_BAD_INPUT
        assert "--force" in err
        assert target.read_text() == "keep me"
    code, _, _ = run(capsys, "programs", "export", "desk-break", "-o", str(target), "--force")
    assert code == EXIT_OK
    assert json.loads(target.read_text())["programme"]["id"] == "desk-break"
    code, _, err = run(capsys, "programs", "export", "no-such", "-o", str(tmp_path / "x"))
    assert code == EXIT_BAD_INPUT
    assert "no-such" in err


def pdf_text(path: Path) -> str:
    """The text in reading order: with -layout a picture's caption beside a paragraph is
    read into the middle of the paragraph's lines."""
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sheet_holds_each_exercise_with_dose_and_steps_in_the_language(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    from rugdiary.reports.program_sheet import dose_text

    library = load_library(resources_dir())
    program = library.programs["strength"]
    target = tmp_path / f"sheet-{lang}.pdf"
    code, out, err = run(
        capsys,
        "programs",
        "sheet",
        "strength",
        "-o",
        str(target),
        "--lang",
        lang,
        "--level",
        "advanced",
    )
    assert code == EXIT_OK, err
    assert out.strip() == str(target)
    text = " ".join(pdf_text(target).split())
    assert program.name.get(lang) in text
    for item in program.items:
        exercise = library.exercises[item.exercise_id]
        assert exercise.name.get(lang) in text
        assert dose_text(item.dose(exercise, Level.ADVANCED), lang) in text
        for step in exercise.steps:
            assert " ".join(step.get(lang).split()) in text
    other = "nl" if lang == "en" else "en"
    first = library.exercises[program.items[1].exercise_id]
    assert " ".join(first.steps[0].get(other).split()) not in text
    pages = subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "Pages:           2" in pages  # the longest built-in programme fits two pages


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize(
    ("where", "expected"),
    [(("--lang", "nl", "sheet"), "nl"), (("sheet", "--lang", "nl"), "nl"), (("sheet",), "en")],
)
def test_sheet_language_may_be_given_before_or_after_the_action(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    where: tuple[str, ...],
    expected: str,
) -> None:
    library = load_library(resources_dir())
    program = library.programs["desk-break"]
    target = tmp_path / "sheet.pdf"
    code, _, err = run(capsys, "programs", *where, "desk-break", "-o", str(target))
    assert code == EXIT_OK, err
    text = " ".join(pdf_text(target).split())
    other = "en" if expected == "nl" else "nl"
    assert program.name.get(expected) in text
    assert program.name.get(other) not in text
