"""A content file nested too deeply for Python's parser names the file, as an import does."""

from __future__ import annotations

from pathlib import Path

import pytest

from rugdiary.core.content import (
    ContentError,
    load_exercise_file,
    load_exercises,
    load_program_file,
)
from rugdiary.resources import resources_dir

DEEP = b"[" * 100_000 + b"]" * 100_000


def test_a_deeply_nested_exercise_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "exercises" / "cat-camel.json"
    path.parent.mkdir()
    path.write_bytes(DEEP)
    with pytest.raises(ContentError) as caught:
        load_exercise_file(path, tmp_path)
    assert str(caught.value) == "exercises/cat-camel.json: file: is nested too deeply"


def test_a_deeply_nested_programme_file_is_refused_by_name(tmp_path: Path) -> None:
    exercises = load_exercises(resources_dir())
    path = tmp_path / "programs" / "desk-break.json"
    path.parent.mkdir()
    path.write_bytes(DEEP)
    with pytest.raises(ContentError) as caught:
        load_program_file(path, exercises, tmp_path)
    assert (caught.value.file, caught.value.field) == ("programs/desk-break.json", "file")
    assert caught.value.message == "is nested too deeply"
