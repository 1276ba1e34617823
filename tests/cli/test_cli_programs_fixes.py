"""`rugdiary programs`: a programme whose own exercise was deleted, a -o into the pictures
folder, and why a picture stayed behind in an export."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from programme_samples import own_exercise, own_program, png

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_OK, main
from rugdiary.core.exercises import Exercise
from rugdiary.core.programs import Program
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def store(folder: Path, *items: Exercise | Program) -> None:
    with Database.open(folder) as db:
        for item in items:
            if isinstance(item, Exercise):
                ExerciseRepository(db).save(item)
            else:
                ProgramRepository(db).save(item)


@pytest.fixture
def deleted_exercise(data_dir: Path) -> None:
    """An own programme whose own exercise was deleted (the app allows it, after asking)."""
    store(data_dir, own_exercise(picture=None), own_program("wall-slide", "bird-dog"))
    with Database.open(data_dir) as db:
        ExerciseRepository(db).delete("wall-slide")


@pytest.mark.usefixtures("deleted_exercise")
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "From my physio (cannot start: the exercise 'wall-slide' is missing, your own)"),
        ("nl", "Van mijn fysio (kan niet starten: de oefening 'wall-slide' ontbreekt, van jezelf)"),
    ],
)
def test_a_programme_that_cannot_start_is_listed_with_the_reason(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    code, out, err = run(capsys, "programs", "--lang", lang)
    assert code == EXIT_OK, err
    lines = out.splitlines()
    assert len(lines) == 7  # the six built-in ones are listed as ever
    assert lines[-1].startswith("from-my-physio")
    assert lines[-1].endswith(words)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "the exercises 'wall-slide', 'step-up' are missing"),
        ("nl", "de oefeningen 'wall-slide', 'step-up' ontbreken"),
    ],
)
def test_two_missing_exercises_are_named_in_the_plural(
    capsys: pytest.CaptureFixture[str], data_dir: Path, lang: str, words: str
) -> None:
    store(
        data_dir,
        own_exercise(picture=None),
        own_exercise("step-up", picture=None),
        own_program("wall-slide", "step-up", "bird-dog"),
    )
    with Database.open(data_dir) as db:
        ExerciseRepository(db).delete("wall-slide")
        ExerciseRepository(db).delete("step-up")
    code, out, err = run(capsys, "programs", "--lang", lang)
    assert code == EXIT_OK, err
    assert words in out.splitlines()[-1]


@pytest.mark.usefixtures("deleted_exercise")
def test_the_json_listing_says_why_a_programme_cannot_start(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "programs", "--json")
    assert code == EXIT_OK, err
    listed = {p["id"]: p for p in json.loads(out)}
    mine = listed["from-my-physio"]
    assert mine["cannot_start"] == "items[0].exercise: there is no exercise 'wall-slide'"
    assert mine["missing_exercises"] == ["wall-slide"]
    assert mine["total_s"] is None
    assert mine["steps"][0]["name"] is None
    assert mine["steps"][1]["name"]["en"] == "Bird dog"
    assert listed["desk-break"]["cannot_start"] is None
    assert listed["desk-break"]["missing_exercises"] == []  # every row has the same keys
    assert listed["desk-break"]["total_s"] > 0


@pytest.mark.parametrize("command", [["export", "from-my-physio"], ["sheet", "from-my-physio"]])
def test_an_output_in_the_pictures_folder_never_replaces_a_picture(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    store(data_dir, own_exercise(), own_program("wall-slide"))
    picture = data_dir / "pictures" / "wall-slide.png"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(png())
    code, _, err = run(capsys, "programs", *command, "-o", str(picture), "--force")
    assert code == EXIT_BAD_INPUT
    assert "is one of the data folder's own files" in err
    assert picture.read_bytes() == png()


def test_export_tells_a_missing_picture_from_one_that_cannot_travel(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pictures = data_dir / "pictures"
    store(
        data_dir,
        own_exercise("gone", "gone.png"),
        own_exercise("drawn", "drawn.svg"),
        own_exercise("damaged", "damaged.jpg"),
        own_program("gone", "drawn", "damaged"),
    )
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "drawn.svg").write_text("<svg/>")
    (pictures / "damaged.jpg").write_bytes(b"not a picture at all")
    target = tmp_path / "out.rugprog"
    code, _, err = run(capsys, "programs", "export", "from-my-physio", "-o", str(target))
    assert code == EXIT_OK, err
    notes = {line.split("'")[1]: line for line in err.splitlines() if "stays behind" in line}
    assert f"{pictures / 'gone.png'} is missing or cannot be opened" in notes["gone"]
    assert "only PNG and JPEG" not in notes["gone"]
    assert "only PNG and JPEG pictures travel" in notes["drawn"]
    assert "Export draws an SVG picture into a PNG" in notes["drawn"]
    assert "is not a PNG or JPEG picture" in notes["damaged"]
    assert not zipfile.is_zipfile(target)  # no picture travelled: plain JSON
