"""The built-in content files: schema, both languages, references and wording."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rugdiary.core.content import (
    BuiltinContent,
    ContentError,
    check_content,
    forbidden_words,
    load_exercises,
    load_library,
    load_programs,
)
from rugdiary.core.exercises import Group, Level

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISE_FILES = sorted((RESOURCES / "exercises").glob("*.json"))
PROGRAM_FILES = sorted((RESOURCES / "programs").glob("*.json"))


def test_the_library_loads_twenty_exercises_in_five_groups_and_six_programs() -> None:
    library = load_library(RESOURCES)
    assert len(library.exercises) == 20
    groups = Counter(e.group for e in library.exercises.values())
    assert set(groups) == set(Group)
    assert all(count >= 2 for count in groups.values())
    assert set(library.programs) == {
        "morning-mobility",
        "core-stability-beginner",
        "desk-break",
        "stress-relief",
        "strength",
        "graded-walking",
    }


def test_check_content_finds_no_problem() -> None:
    assert check_content(RESOURCES) == []


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.stem)
def test_every_exercise_is_complete(path: Path) -> None:
    exercise = load_exercises(RESOURCES)[path.stem]
    assert 2 <= len(exercise.steps) <= 4
    assert exercise.figure is not None
    for level in Level:
        dose = exercise.dose(level)
        assert dose.reps >= 1
        assert dose.sets >= 1
        assert dose.work_s >= 1


@pytest.mark.parametrize("path", PROGRAM_FILES, ids=lambda p: p.stem)
def test_every_program_refers_only_to_existing_exercises(path: Path) -> None:
    known = {p.stem for p in EXERCISE_FILES}
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["items"], "a programme needs exercises"
    for item in data["items"]:
        assert item["exercise"] in known


_A_LENGTH = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty"
    r"|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|vijftien|twintig|dertig)"
    r"[\s-]+(minute|minuut|minuten)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", PROGRAM_FILES, ids=lambda p: p.stem)
def test_a_programmes_description_leaves_its_length_to_the_app(path: Path) -> None:
    """The length depends on the level, and the app shows it beside the description:
    "Fifteen minutes of floor exercises" once stood over "about 26 min"."""
    description = json.loads(path.read_text(encoding="utf-8"))["description"]
    for lang in ("en", "nl"):
        assert not _A_LENGTH.search(description[lang]), (lang, description[lang])


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """Every (field path, language, text) in raw JSON: any object with en/nl strings."""
    if isinstance(node, dict):
        if set(node) == {"en", "nl"}:
            for lang in ("en", "nl"):
                yield f"{path}.{lang}", lang, node[lang]
            return
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{path}[{i}]")


@pytest.mark.parametrize("path", EXERCISE_FILES + PROGRAM_FILES, ids=lambda p: p.stem)
def test_no_fear_words_and_both_languages_in_every_text(path: Path) -> None:
    texts = list(_texts(json.loads(path.read_text(encoding="utf-8"))))
    assert texts
    for field, lang, text in texts:
        assert isinstance(text, str), f"{path.name}: {field} is not text"
        assert text.strip(), f"{path.name}: {field} is empty"
        assert forbidden_words(text, lang) == [], f"{path.name}: {field}"
        # Dutch copy uses the informal "je", never "u".
        if lang == "nl":
            assert " u " not in f" {text.lower()} ", f"{path.name}: {field} uses 'u'"


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("This will not damage anything", "en", ["damage"]),
        ("No injuries here", "en", ["injuries"]),
        ("Brace your belly", "en", ["Brace"]),
        ("stop bracing", "en", ["bracing"]),
        ("Protect your back at all times", "en", ["Protect your back"]),
        ("keep it rigid", "en", ["keep it rigid"]),
        ("wear and tear", "en", ["wear and tear"]),
        ("Give her an embrace", "en", []),
        ("Move freely and breathe normally", "en", []),
        ("Dat geeft geen schade", "nl", ["schade"]),
        ("Slijtage is normaal", "nl", ["Slijtage"]),
        ("Zonder letsel", "nl", ["letsel"]),
        ("Bescherm je rug", "nl", ["Bescherm je rug"]),
        ("Buikspieren aanspannen", "nl", ["aanspannen"]),
        ("Rug stijf houden", "nl", ["stijf houden"]),
        ("Let op spanning in je schouders", "nl", []),
        ("Laat je rug ontspannen", "nl", []),
    ],
)
def test_forbidden_words_match_whole_words_in_any_case(
    text: str, lang: str, found: list[str]
) -> None:
    assert forbidden_words(text, lang) == found


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES / "exercises", copy / "exercises")
    shutil.copytree(RESOURCES / "programs", copy / "programs")
    return copy


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["name"].update(nl=""), "name.nl"),
        (lambda d: d["steps"][1].pop("en"), "steps[1].en"),
        (lambda d: d["dose"]["beginner"].update(reps=0), "dose.beginner.reps"),
        (lambda d: d["dose"]["advanced"].update(sets="3"), "dose.advanced.sets"),
        (lambda d: d["dose"]["intermediate"].update(tempo_s=4), "dose.intermediate.hold_s"),
        (lambda d: d["dose"].pop("advanced"), "dose.advanced"),
        (lambda d: d.update(group="yoga"), "group"),
        (lambda d: d.pop("safety"), "safety"),
        (lambda d: d.pop("figure"), "figure"),
        (lambda d: d["figure"]["keyframes"].pop(2), "figure.keyframes.work"),
        (
            lambda d: d["figure"]["keyframes"][0]["joints"].update(hips="up"),
            "figure.keyframes.start.joints.hips",
        ),
        # joint limits and contacts name the keyframe and the joint or contact
        (
            lambda d: d["figure"]["keyframes"][2]["joints"].update(l_knee=-20),
            "figure.keyframes.work.joints.l_knee",
        ),
        (
            lambda d: d["figure"]["keyframes"][1]["joints"].update(r_hip=40),
            "figure.keyframes.slide.contacts.r_knee",
        ),
        (lambda d: d.update(id="other-name"), "id"),
        (lambda d: d["mistake"].update(en="Brace hard"), "mistake.en"),
        (lambda d: d.update(steps=d["steps"][:1]), "steps"),
    ],
)
def test_a_broken_exercise_file_is_reported_with_file_and_field(
    content_copy: Path, change: Any, field: str
) -> None:
    _edit(content_copy / "exercises" / "bird-dog.json", change)
    with pytest.raises(ContentError) as caught:
        load_exercises(content_copy)
    assert caught.value.file == "exercises/bird-dog.json"
    assert caught.value.field == field
    assert str(caught.value).startswith(f"exercises/bird-dog.json: {field}: ")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["items"][2].update(exercise="no-such-thing"), "items[2].exercise"),
        (lambda d: d["items"][0].update(dose={"all": {"reps": -1}}), "items[0].dose.all.reps"),
        (lambda d: d["items"][0].update(dose={"weekly": {"reps": 2}}), "items[0].dose.weekly"),
        (lambda d: d["description"].update(nl="Bescherm je rug."), "description.nl"),
        (lambda d: d.update(level="expert"), "level"),
        (lambda d: d.update(items=[]), "items"),
        (lambda d: d.pop("frequency"), "frequency"),
    ],
)
def test_a_broken_program_file_is_reported_with_file_and_field(
    content_copy: Path, change: Any, field: str
) -> None:
    _edit(content_copy / "programs" / "desk-break.json", change)
    exercises = load_exercises(content_copy)
    with pytest.raises(ContentError) as caught:
        load_programs(content_copy, exercises)
    assert (caught.value.file, caught.value.field) == ("programs/desk-break.json", field)


def test_builtin_content_reads_one_program_and_only_its_exercises(tmp_path: Path) -> None:
    """What the Today page does at start-up: the rest of the library stays unread."""
    library = load_library(RESOURCES)
    program = library.programs["desk-break"]
    used = {item.exercise_id for item in program.items}
    content = BuiltinContent(RESOURCES)
    read: list[str] = []
    original = Path.read_text

    def spy(path: Path, *args: Any, **kwargs: Any) -> str:
        read.append(path.relative_to(RESOURCES).as_posix())
        return original(path, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_text", spy)
        loaded = content.program("desk-break")
        again = content.program("desk-break")
    assert loaded == program
    assert again is loaded, "read once"
    assert sorted(set(read)) == sorted(
        ["programs/desk-break.json", *(f"exercises/{e}.json" for e in used)]
    )
    assert content.exercise(sorted(used)[0]) == library.exercises[sorted(used)[0]]
    assert content.library() == library


@pytest.mark.parametrize("wanted", ["no-such-program", "../exercises/walking", "", "UPPER"])
def test_builtin_content_has_no_program_by_a_strange_name(wanted: str) -> None:
    content = BuiltinContent(RESOURCES)
    assert content.program(wanted) is None
    assert content.exercise(wanted) is None


def test_builtin_content_reports_a_broken_program_like_the_library(content_copy: Path) -> None:
    _edit(
        content_copy / "programs" / "desk-break.json",
        lambda d: d["items"][2].update(exercise="no-such-thing"),
    )
    with pytest.raises(ContentError) as caught:
        BuiltinContent(content_copy).program("desk-break")
    assert (caught.value.file, caught.value.field) == (
        "programs/desk-break.json",
        "items[2].exercise",
    )
    _edit(content_copy / "programs" / "strength.json", lambda d: d.update(level="expert"))
    with pytest.raises(ContentError) as caught:
        BuiltinContent(content_copy).program("strength")
    assert (caught.value.file, caught.value.field) == ("programs/strength.json", "level")


def test_invalid_json_names_the_line(content_copy: Path) -> None:
    (content_copy / "exercises" / "walking.json").write_text('{\n  "id": "walking",\n  oops\n}')
    with pytest.raises(ContentError) as caught:
        load_exercises(content_copy)
    assert caught.value.file == "exercises/walking.json"
    assert caught.value.field == "line 3"


def test_check_content_lists_every_broken_file(content_copy: Path) -> None:
    _edit(content_copy / "exercises" / "stairs.json", lambda d: d["name"].update(en=""))
    _edit(content_copy / "programs" / "strength.json", lambda d: d.update(sessions_per_week=0))
    problems = check_content(content_copy)
    # The broken exercise also breaks the programmes that use it.
    assert [(p.file, p.field) for p in problems][:2] == [
        ("exercises/stairs.json", "name.en"),
        ("programs/strength.json", "sessions_per_week"),
    ]
    assert len(problems) == 2


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no exercises"):
        load_exercises(tmp_path)


def test_a_programme_is_checked_without_the_figure_code() -> None:
    """In a fresh process: the Today page's programme and its length, no figure code loaded."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.core.content import BuiltinContent\n"
        "content = BuiltinContent(Path(sys.argv[1]))\n"
        "program = content.program('desk-break')\n"
        "first = content.exercise_without_figure(program.items[0].exercise_id)\n"
        "figure_code = ('rugdiary.core.body', 'rugdiary.core.figures',\n"
        "               'rugdiary.core.figure_drawing')\n"
        "print(program is not None, first.figure, [m for m in figure_code if m in sys.modules])\n"
        "full = content.exercise(first.id)\n"
        "print(full.figure is not None, 'rugdiary.core.figures' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(RESOURCES)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["True None []", "True True"]


def test_an_exercise_without_its_figure_is_otherwise_the_same_and_still_checked(
    content_copy: Path,
) -> None:
    library = load_library(RESOURCES)
    content = BuiltinContent(RESOURCES)
    light = content.exercise_without_figure("bird-dog")
    assert light is not None
    assert light.figure is None
    full = library.exercises["bird-dog"]
    assert dataclasses.replace(light, figure=full.figure) == full
    assert content.exercise("bird-dog") == library.exercises["bird-dog"]
    assert content.exercise_without_figure("bird-dog") is content.exercise("bird-dog")
    assert content.exercise_without_figure("no-such-exercise") is None

    # A broken figure is found when the figure is first needed; the rest is checked at once.
    _edit(content_copy / "exercises" / "bird-dog.json", lambda d: d["figure"].pop("keyframes"))
    broken = BuiltinContent(content_copy)
    assert broken.exercise_without_figure("bird-dog") is not None
    with pytest.raises(ContentError) as caught:
        broken.exercise("bird-dog")
    assert caught.value.field == "figure.keyframes"
    _edit(content_copy / "exercises" / "walking.json", lambda d: d["dose"].pop("beginner"))
    with pytest.raises(ContentError) as caught:
        BuiltinContent(content_copy).exercise_without_figure("walking")
    assert caught.value.field == "dose.beginner"
    checked = [e.file for e in check_content(content_copy) if e.file.startswith("exercises/")]
    assert checked == [
        "exercises/bird-dog.json",
        "exercises/walking.json",
    ], "`rugdiary check` and the tests still check every figure"


def test_the_figure_names_are_still_found_in_exercises() -> None:
    """Imported when first asked for (PEP 562), the same objects as in their own modules."""
    from rugdiary.core import exercises, figure_drawing, figures

    assert exercises.Figure is figures.Figure
    assert exercises.render_svg is figure_drawing.render_svg
    with pytest.raises(AttributeError):
        _ = exercises.NoSuchName  # type: ignore[attr-defined]
