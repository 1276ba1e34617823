"""Loading and checking the built-in content files: exercises, programmes, wording."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Exercise, Level, Text, check_id
from rugdiary.core.programs import Program, build_timeline

EXERCISES_DIR = "exercises"
PROGRAMS_DIR = "programs"
MIN_STEPS = 2
MAX_BUILTIN_STEPS = 4

# Words that feed the fear of a "wrong movement" (CLINICAL.md, wording rules).
# Stems catch the inflections ("injuries", "bracing", "beschadigd").
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "en": (
        r"damag\w*",
        r"wear\s+and\s+tear",
        r"degenerat\w*",
        r"injur\w*",
        r"protect\w*\s+(?:your|the)\s+back",
        r"brac(?:e|es|ed|ing)",
        r"keep\w*\s+(?:it|your\s+back|the\s+back)\s+rigid",
        r"rigid\w*",
    ),
    "nl": (
        r"schade\w*",
        r"beschadig\w*",
        r"slijtage\w*",
        r"degeneratie\w*",
        r"letsel\w*",
        r"bescherm\w*\s+je\s+rug",
        r"aan\s?span(?:nen|t|de|den)",
        r"stijf\s+(?:houd|houden|hou)\w*",
    ),
}
_FORBIDDEN_RE: dict[str, re.Pattern[str]] = {
    lang: re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)
    for lang, patterns in FORBIDDEN.items()
}


def forbidden_words(text: str, lang: str) -> list[str]:
    """The fear words found in `text` (whole words, any case); empty when the text is fine.

    Public so the exercise and programme editors can warn about the user's own texts.
    """
    pattern = _FORBIDDEN_RE.get(lang)
    if pattern is None:
        return []
    return [match.group(0) for match in pattern.finditer(text)]


class ContentError(ValueError):
    """A content file that cannot be used, with the file and the field that is wrong."""

    def __init__(self, file: str, field: str, message: str) -> None:
        super().__init__(f"{file}: {field}: {message}")
        self.file = file
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Library:
    """All built-in exercises and programmes, keyed by id."""

    exercises: Mapping[str, Exercise]
    programs: Mapping[str, Program]


def _read_json(path: Path, root: Path) -> Any:
    name = _rel(path, root)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ContentError(name, "file", "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ContentError(
            name, f"line {error.lineno}", f"is not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        # As a programme file's import says it: Python's parser gives up on deep nesting.
        raise ContentError(name, "file", "is nested too deeply") from None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _check_wording(name: str, texts: Iterable[tuple[str, Text]]) -> None:
    for field_path, text in texts:
        for lang in ("en", "nl"):
            found = forbidden_words(text.get(lang), lang)
            if found:
                raise ContentError(
                    name,
                    f"{field_path}.{lang}",
                    f"uses the word {found[0]!r}; see the wording rules",
                )


def load_exercise_file(
    path: Path, root: Path | None = None, *, with_figure: bool = True
) -> Exercise:
    """One built-in exercise, fully checked: schema, 2-4 steps, figure, wording, file name.

    `with_figure=False`: everything but the figure, which is left out (None).
    """
    root = root if root is not None else path.parent.parent
    name = _rel(path, root)
    data = _read_json(path, root)
    try:
        exercise = Exercise.from_dict(data, builtin=True, with_figure=with_figure)
    except ValidationError as error:
        raise ContentError(name, error.field, error.message) from None
    if exercise.id != path.stem:
        raise ContentError(name, "id", f"must match the file name ({path.stem!r})")
    if not MIN_STEPS <= len(exercise.steps) <= MAX_BUILTIN_STEPS:
        raise ContentError(name, "steps", f"needs {MIN_STEPS} to {MAX_BUILTIN_STEPS} steps")
    _check_wording(name, exercise.texts())
    return exercise


def load_program_file(
    path: Path, exercises: Mapping[str, Exercise], root: Path | None = None
) -> Program:
    """One built-in programme, checked against the exercises it refers to at every level."""
    root = root if root is not None else path.parent.parent
    name = _rel(path, root)
    data = _read_json(path, root)
    try:
        program = Program.from_dict(data, builtin=True)
        for level in Level:
            build_timeline(program, exercises, level)
    except ValidationError as error:
        raise ContentError(name, error.field, error.message) from None
    if program.id != path.stem:
        raise ContentError(name, "id", f"must match the file name ({path.stem!r})")
    _check_wording(name, program.texts())
    return program


def load_exercises(resources: Path) -> dict[str, Exercise]:
    """Every ``exercises/*.json`` under `resources`, in file-name order."""
    folder = resources / EXERCISES_DIR
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ContentError(EXERCISES_DIR, "files", f"no exercises found in {folder}")
    return {e.id: e for e in (load_exercise_file(f, resources) for f in files)}


def load_programs(resources: Path, exercises: Mapping[str, Exercise]) -> dict[str, Program]:
    """Every ``programs/*.json`` under `resources`, in file-name order."""
    folder = resources / PROGRAMS_DIR
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ContentError(PROGRAMS_DIR, "files", f"no programmes found in {folder}")
    return {p.id: p for p in (load_program_file(f, exercises, resources) for f in files)}


def load_library(resources: Path) -> Library:
    """The built-in exercises and programmes; the first broken file raises ContentError."""
    exercises = load_exercises(resources)
    return Library(exercises=exercises, programs=load_programs(resources, exercises))


class BuiltinContent:
    """The built-in content, each file read and checked only when something first needs it.

    At start-up the Today page names one programme and its length; reading and checking
    all twenty exercises and six programmes for that took a tenth of the start-up time.
    The checks are those of load_library, file by file. A programme is checked against its
    exercises without their figures (`exercise_without_figure`): the figure code and the
    figures are read when a figure is first needed (`exercise`). Not thread-safe: the GUI
    thread asks for content.
    """

    def __init__(self, resources: Path) -> None:
        self._resources = resources
        self._exercises: dict[str, Exercise] = {}
        self._without_figure: dict[str, Exercise] = {}
        self._programs: dict[str, Program] = {}
        self._library: Library | None = None

    def library(self) -> Library:
        """Everything; the first broken file raises ContentError."""
        if self._library is None:
            self._library = load_library(self._resources)
            self._exercises.update(self._library.exercises)
            self._programs.update(self._library.programs)
        return self._library

    def exercise(self, exercise_id: str) -> Exercise | None:
        """One built-in exercise, or None when there is none by that id."""
        if exercise_id not in self._exercises:
            path = self._file(EXERCISES_DIR, exercise_id)
            if path is None:
                return None
            self._exercises[exercise_id] = load_exercise_file(path, self._resources)
        return self._exercises[exercise_id]

    def exercise_without_figure(self, exercise_id: str) -> Exercise | None:
        """One built-in exercise with its text and doses checked and no figure (None).

        For a programme's check and length; `exercise` is the one to show or play.
        """
        if exercise_id in self._exercises:
            return self._exercises[exercise_id]
        if exercise_id not in self._without_figure:
            path = self._file(EXERCISES_DIR, exercise_id)
            if path is None:
                return None
            self._without_figure[exercise_id] = load_exercise_file(
                path, self._resources, with_figure=False
            )
        return self._without_figure[exercise_id]

    def program(self, program_id: str) -> Program | None:
        """One built-in programme (checked against its exercises), or None when there is none."""
        if program_id not in self._programs:
            path = self._file(PROGRAMS_DIR, program_id)
            if path is None:
                return None
            try:
                items = Program.from_dict(_read_json(path, self._resources), builtin=True).items
            except ValidationError as error:
                raise ContentError(
                    _rel(path, self._resources), error.field, error.message
                ) from None
            used = {item.exercise_id for item in items}
            exercises = {
                e.id: e for e in map(self.exercise_without_figure, sorted(used)) if e is not None
            }
            self._programs[program_id] = load_program_file(path, exercises, self._resources)
        return self._programs[program_id]

    def _file(self, folder: str, item_id: str) -> Path | None:
        try:
            check_id(item_id)  # ids come from the diary: never let one name another path
        except ValidationError:
            return None
        path = self._resources / folder / f"{item_id}.json"
        return path if path.is_file() else None


def check_content(resources: Path) -> list[ContentError]:
    """Every problem in the content files, one per broken file, for tests and ``rugdiary check``.

    Unlike the loaders this does not stop at the first broken file, so one run
    lists everything a content author has to fix.
    """
    problems: list[ContentError] = []
    exercises: dict[str, Exercise] = {}
    for path in sorted((resources / EXERCISES_DIR).glob("*.json")):
        try:
            exercise = load_exercise_file(path, resources)
        except ContentError as error:
            problems.append(error)
        else:
            exercises[exercise.id] = exercise
    for path in sorted((resources / PROGRAMS_DIR).glob("*.json")):
        try:
            load_program_file(path, exercises, resources)
        except ContentError as error:
            problems.append(error)
    return problems
