"""A keyframe's `like` must name an earlier keyframe: anything else is refused by name."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rugdiary.core.content import ContentError, load_exercise_file
from rugdiary.core.diary import ValidationError
from rugdiary.core.figures import Figure
from rugdiary.core.program_file import ProgrammeFileError, read_programme_file
from rugdiary.resources import resources_dir

CAT_CAMEL = resources_dir() / "exercises" / "cat-camel.json"


def cat_camel() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(CAT_CAMEL.read_text("utf-8"))
    return doc


@pytest.mark.parametrize("like", [[], {}, ["start"], {"name": "start"}, 5, True])
def test_a_like_that_is_no_name_is_refused_by_its_path(like: Any) -> None:
    figure = cat_camel()["figure"]
    name = figure["keyframes"][1]["name"]
    figure["keyframes"][1]["like"] = like
    with pytest.raises(ValidationError) as caught:
        Figure.from_dict(figure, "figure")
    assert caught.value.field == f"figure.keyframes.{name}.like"
    assert caught.value.message == "must name an earlier keyframe"


def test_a_content_file_with_such_a_like_names_its_file_and_field(tmp_path: Any) -> None:
    doc = cat_camel()
    doc["figure"]["keyframes"][1]["like"] = []
    path = tmp_path / "exercises" / "cat-camel.json"
    path.parent.mkdir()
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_exercise_file(path, tmp_path)
    assert caught.value.file == "exercises/cat-camel.json"
    assert caught.value.field.endswith(".like")


def test_a_programme_file_with_such_a_like_is_refused_not_a_traceback() -> None:
    exercise = cat_camel()
    exercise["id"] = "my-cat"
    exercise["figure"]["keyframes"][1]["like"] = []
    programme = json.loads((resources_dir() / "programs" / "desk-break.json").read_text("utf-8"))
    programme["id"] = "mine"
    programme["items"][0]["exercise"] = "my-cat"
    doc = {
        "format": "rugdiary-programme",
        "version": 1,
        "programme": programme,
        "exercises": [exercise],
    }
    with pytest.raises(ProgrammeFileError) as caught:
        read_programme_file(json.dumps(doc).encode(), "like.rugprog")
    assert caught.value.file == "like.rugprog"
    assert caught.value.field.startswith("exercises[0].figure.keyframes.")
    assert caught.value.field.endswith(".like")
