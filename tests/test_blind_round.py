"""`tools/render_figures.py --blind`: the rating round that measures issue 13's target."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

from rugdiary.core.content import load_library
from rugdiary.core.figure_drawing import Camera
from rugdiary.resources import resources_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_figures", ROOT / "tools" / "render_figures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_figures", module)
    spec.loader.exec_module(module)
    return module


def _cell(image: QImage, index: int, tool: ModuleType) -> bytes:
    w, h = tool.BLIND_CELL
    row, col = divmod(index, tool.BLIND_COLUMNS)
    cell = image.copy(col * w, row * h, w, h).convertToFormat(QImage.Format.Format_RGB888)
    return bytes(cell.constBits())[: cell.sizeInBytes()]


def test_a_round_names_nothing_and_keeps_the_key(qapp, tool: ModuleType, tmp_path: Path) -> None:
    library = load_library(resources_dir()).exercises
    chosen = [library["curl-up"], library["knee-rolls"]]
    names = sorted(e.name.get("en") for e in library.values() if e.figure)
    key = tool.write_blind_round(chosen, names, tmp_path, seed=3)

    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == sorted([*key, "key.json", "rater.md", "round.md"]), "no temporary files"
    assert sorted(key.values()) == ["curl-up", "knee-rolls"]
    assert json.loads((tmp_path / "key.json").read_text(encoding="utf-8")) == key
    for sheet in key:
        assert "curl" not in sheet, "the file name gives nothing away"
        assert "knee" not in sheet

    one = (tmp_path / "rater.md").read_text(encoding="utf-8")
    whole = (tmp_path / "round.md").read_text(encoding="utf-8")
    assert "SHEET" in one
    assert "FOLDER" in whole
    assert "for each sheet" in whole
    for question in (one, whole):
        assert all(name in question for name in names), "every exercise is a choice"
        assert f"one of these {len(names)}" in question
        assert "RATING: <1-5" in question

    for sheet in key:
        image = QImage(str(tmp_path / sheet))
        w, h = tool.BLIND_CELL
        rows = -(-tool.BLIND_FRAMES // tool.BLIND_COLUMNS)
        assert (image.width(), image.height()) == (tool.BLIND_COLUMNS * w, rows * h)
        cells = {_cell(image, i, tool) for i in range(tool.BLIND_FRAMES)}
        # frame 1 (the start) and the frames through the loop are not one picture repeated
        assert len(cells) >= 4, sheet


def test_the_sheet_letters_are_shuffled_by_the_seed(tool: ModuleType) -> None:
    first = tool.blind_letters(20, seed=1)
    assert len(set(first)) == 20
    assert sorted(first) == [chr(ord("A") + i) for i in range(20)]
    assert first == tool.blind_letters(20, seed=1), "a seed gives the same round again"
    assert first != tool.blind_letters(20, seed=2)
    assert len(set(tool.blind_letters(30, seed=0))) == 30, "past Z: AA, AB, ..."


def test_the_command_writes_a_round(qapp, tool: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "round"
    assert tool.main(["--blind", str(out), "--seed", "5", "--only", "pelvic-tilt"]) == 0
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    assert list(key.values()) == ["pelvic-tilt"]
    question = (out / "rater.md").read_text(encoding="utf-8")
    assert "one of these 20" in question, "the choice is the whole library"


def test_a_round_is_not_written_over_an_earlier_one(
    qapp, tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "round"
    assert tool.main(["--blind", str(out), "--seed", "1", "--only", "curl-up"]) == 0
    before = sorted(p.name for p in out.iterdir())
    assert tool.main(["--blind", str(out), "--seed", "2", "--only", "pelvic-tilt"]) == 2
    assert "already holds a round" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == before, "the earlier round is untouched"


def test_an_unknown_exercise_is_named_not_a_traceback(
    qapp, tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = tool.main(["--blind", str(tmp_path), "--only", "curl-up", "--only", "breathing"])
    assert code == 2
    err = capsys.readouterr().err
    assert "--only: no figure for breathing" in err
    assert "diaphragmatic-breathing" in err, "the message lists the ids there are"
    assert not any(tmp_path.iterdir()), "nothing is written"


def test_a_still_round_draws_the_still_picture_and_asks_what_would_go_wrong(
    qapp, tool: ModuleType, tmp_path: Path
) -> None:
    library = load_library(resources_dir()).exercises
    names = sorted(e.name.get("en") for e in library.values() if e.figure)
    key = tool.write_blind_round(
        [library["cat-camel"], library["bird-dog"]], names, tmp_path, seed=3, still=True
    )
    by_id = {exercise: sheet for sheet, exercise in key.items()}
    three = QImage(str(tmp_path / by_id["cat-camel"]))
    two = QImage(str(tmp_path / by_id["bird-dog"]))
    assert three.width() == two.width() == tool.STILL_WIDTH
    # start, rounded and arched in one row are flatter than start and work
    assert three.height() < two.height() * 0.8
    for question in ("rater.md", "round.md"):
        text = (tmp_path / question).read_text(encoding="utf-8")
        assert "drawings in order, left to right" in text
        assert "frames" not in text
        assert "WRONG: <" in text
        assert "RATING: <1-5" in text
    eight = tmp_path / "eight"
    tool.write_blind_round([library["cat-camel"]], names, eight, seed=3)
    assert "WRONG" not in (eight / "rater.md").read_text(encoding="utf-8"), (
        "the eight-frame question stays as it was, so rounds compare"
    )


def _variant(tmp_path: Path, exercise_id: str, **figure: object) -> Path:
    """A copy of a built-in exercise's file with some figure fields changed, kept under its
    own file name in a folder of its own, as docs/figure-rating.md says to make one."""
    data = json.loads((resources_dir() / "exercises" / f"{exercise_id}.json").read_text("utf-8"))
    data["figure"].update(figure)
    path = tmp_path / "try" / "exercises" / f"{exercise_id}.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _picture(path: Path) -> bytes:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    return bytes(image.constBits())[: image.sizeInBytes()]


def _sheet(folder: Path) -> bytes:
    (sheet,) = folder.glob("sheet_*.png")
    return _picture(sheet)


def test_a_variant_file_is_drawn_in_place_of_the_library_one(
    qapp, tool: ModuleType, tmp_path: Path
) -> None:
    variant = _variant(tmp_path, "pelvic-tilt", camera="top")
    assert tool.main(["--blind", str(tmp_path / "lib"), "--only", "pelvic-tilt"]) == 0
    assert tool.main(["--blind", str(tmp_path / "var"), "--exercise", str(variant)]) == 0

    key = json.loads((tmp_path / "var" / "key.json").read_text(encoding="utf-8"))
    assert list(key.values()) == ["pelvic-tilt"], "only the variant is drawn"
    assert _sheet(tmp_path / "var") != _sheet(tmp_path / "lib"), "seen from above, not the side"
    question = (tmp_path / "var" / "rater.md").read_text(encoding="utf-8")
    assert "one of these 20" in question, "the raters still choose from the whole library"


def test_a_camera_moves_for_one_run_only(qapp, tool: ModuleType, tmp_path: Path) -> None:
    angles = dict(tool.CAMERA_ANGLES)
    only = ["--only", "curl-up", "--seed", "1"]
    assert tool.main(["--blind", str(tmp_path / "a"), *only]) == 0
    assert tool.main(["--blind", str(tmp_path / "b"), *only, "--camera", "side=40,25"]) == 0

    assert _sheet(tmp_path / "b") != _sheet(tmp_path / "a"), "the moved camera is used"
    assert angles == tool.CAMERA_ANGLES, "the camera is back where it was"
    figure = load_library(resources_dir()).exercises["curl-up"].figure
    assert tool.scene_for(figure).camera == Camera.named("side"), (
        "no scene built from the moved camera outlives the run"
    )
    assert tool.main(["--blind", str(tmp_path / "c"), *only]) == 0
    assert _sheet(tmp_path / "c") == _sheet(tmp_path / "a")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--camera", "sideways=10,10"], "no camera 'sideways'; the cameras are: side,"),
        (["--camera", "side=10"], "write NAME=YAW,PITCH"),
        (["--camera", "side=10,95"], "the pitch must be from -90 to 90"),
    ],
)
def test_a_bad_camera_is_named_and_nothing_is_drawn(
    qapp,
    tool: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    says: str,
) -> None:
    angles = dict(tool.CAMERA_ANGLES)
    assert tool.main(["--blind", str(tmp_path), "--only", "curl-up", *args]) == 2
    assert says in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
    assert angles == tool.CAMERA_ANGLES


def test_a_variant_that_does_not_load_names_its_file_and_field(
    qapp, tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = _variant(tmp_path, "curl-up", camera="upside_down")
    out = tmp_path / "round"
    assert tool.main(["--blind", str(out), "--exercise", str(variant)]) == 2
    err = capsys.readouterr().err
    assert "--exercise: " in err
    assert "curl-up.json: figure.camera:" in err
    assert not out.exists()


def test_a_variant_must_replace_a_library_exercise(
    qapp, tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = _variant(tmp_path, "curl-up")
    renamed = variant.with_name("my-curl-up.json")
    data = json.loads(variant.read_text(encoding="utf-8"))
    data["id"] = "my-curl-up"
    renamed.write_text(json.dumps(data), encoding="utf-8")
    assert tool.main(["--blind", str(tmp_path / "round"), "--exercise", str(renamed)]) == 2
    assert "'my-curl-up', which is no exercise with a figure in the library" in (
        capsys.readouterr().err
    )


def test_a_variant_is_drawn_into_build_not_over_the_library_figures(
    qapp, tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    variant = _variant(tmp_path, "knee-rocking", camera="side")
    monkeypatch.chdir(tmp_path)
    assert tool.main(["--exercise", str(variant)]) == 0
    assert (tmp_path / "build" / "figures" / "check.png").exists()
    assert (tmp_path / "build" / "figures" / "knee-rocking.gif").exists()
    assert not (tmp_path / "docs").exists(), "docs/figures shows the library as it is"


def test_a_pair_sets_the_variant_beside_the_library_picture_in_turn(
    qapp, tool: ModuleType, tmp_path: Path
) -> None:
    variant = _variant(tmp_path, "pelvic-tilt", camera="top")
    assert tool.main(["--blind", str(tmp_path / "lib"), "--only", "pelvic-tilt"]) == 0
    assert tool.main(["--blind", str(tmp_path / "var"), "--exercise", str(variant)]) == 0
    out = tmp_path / "pair"
    assert tool.main(["--pair", str(out), "--exercise", str(variant), "--seed", "4"]) == 0

    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    assert sorted(key) == [f"pelvic-tilt-{n}" for n in range(1, tool.PAIR_RATERS + 1)]
    assert [key[f"pelvic-tilt-{n}"]["variant"] for n in (1, 2)] == [2, 1], "turn about"
    library, mine = _sheet(tmp_path / "lib"), _sheet(tmp_path / "var")
    for folder, entry in key.items():
        assert entry["exercise"] == "pelvic-tilt"
        files = sorted(p.name for p in (out / folder).iterdir())
        assert files == ["pair.md", "picture_1.png", "picture_2.png"], "no temporary files"
        pictures = [_picture(out / folder / f"picture_{i}.png") for i in (1, 2)]
        assert pictures[entry["variant"] - 1] == mine
        assert pictures[2 - entry["variant"]] == library
        question = (out / folder / "pair.md").read_text(encoding="utf-8")
        assert '"Pelvic tilt"' in question, "the raters are told which exercise it is"
        for i in (1, 2):
            assert f"Picture {i}: {(out / folder / f'picture_{i}.png').resolve()}" in question
        for line in ("BETTER:", "BY:", "RATING 1:", "RATING 2:", "WHY:"):
            assert line in question
        words = question.replace(str(tmp_path.resolve()), "")
        assert "variant" not in words, "nothing says which one is new"
        assert "library" not in words


def test_a_still_pair_sets_the_still_pictures_side_by_side_and_says_so(
    qapp, tool: ModuleType, tmp_path: Path
) -> None:
    """The printed sheet and reduced motion show still pictures: a change can be judged
    there too (a curl-up head that moves well can still look tipped back when still)."""
    variant = _variant(tmp_path, "cat-camel", camera="side_raised")
    assert tool.main(["--blind", str(tmp_path / "var"), "--exercise", str(variant), "--still"]) == 0
    out = tmp_path / "pair"
    assert tool.main(["--pair", str(out), "--exercise", str(variant), "--still"]) == 0
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    for folder, entry in key.items():
        variant_picture = out / folder / f"picture_{entry['variant']}.png"
        assert _picture(variant_picture) == _sheet(tmp_path / "var")
        assert QImage(str(variant_picture)).width() == tool.STILL_WIDTH
        question = (out / folder / "pair.md").read_text(encoding="utf-8")
        assert "drawings in order, left to right" in question
        assert "frames" not in question
    eight = tmp_path / "eight"
    assert tool.main(["--pair", str(eight), "--exercise", str(variant)]) == 0
    question = (eight / "cat-camel-1" / "pair.md").read_text(encoding="utf-8")
    assert f"Each picture shows {tool.BLIND_FRAMES} frames, in order" in question


def test_a_pair_from_a_moved_camera_keeps_the_library_camera_for_the_library_picture(
    qapp, tool: ModuleType, tmp_path: Path
) -> None:
    angles = dict(tool.CAMERA_ANGLES)
    only = ["--only", "curl-up"]
    assert tool.main(["--blind", str(tmp_path / "lib"), *only]) == 0
    assert tool.main(["--blind", str(tmp_path / "moved"), *only, "--camera", "side=40,25"]) == 0
    out = tmp_path / "pair"
    assert tool.main(["--pair", str(out), *only, "--camera", "side=40,25"]) == 0
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    first = key["curl-up-1"]["variant"]
    assert _picture(out / "curl-up-1" / f"picture_{first}.png") == _sheet(tmp_path / "moved")
    assert _picture(out / "curl-up-1" / f"picture_{3 - first}.png") == _sheet(tmp_path / "lib")
    assert angles == tool.CAMERA_ANGLES, "the camera is back where it was"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--only", "curl-up"], "give the variant: --exercise FILE, or --only ID with --camera"),
        (["--camera", "side=40,25"], "give the variant"),
    ],
)
def test_a_pair_without_a_variant_says_how_to_give_one(
    qapp,
    tool: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    says: str,
) -> None:
    assert tool.main(["--pair", str(tmp_path / "pair"), *args]) == 2
    assert says in capsys.readouterr().err
    assert not (tmp_path / "pair").exists()


def test_a_pair_is_not_written_into_a_folder_in_use(
    qapp, tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert tool.main(["--pair", str(tmp_path), "--only", "curl-up", "--camera", "side=0,5"]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
