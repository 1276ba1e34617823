"""The exercise library: filter by group, instant search, and the details of one exercise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Group
from rugdiary.ui.programs.library_model import ExerciseRole
from rugdiary.ui.programs.page import ProgramsPage


def shown_exercises(page: ProgramsPage) -> list[str]:
    proxy = page.controller.proxy
    return [proxy.index(row, 0).data(ExerciseRole).id for row in range(proxy.rowCount())]


def test_every_built_in_exercise_is_listed_with_a_thumbnail(page: ProgramsPage) -> None:
    proxy = page.controller.proxy
    assert proxy.rowCount() == 20
    thumb = proxy.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert not thumb.isNull()
    assert page.view.library.count_label.text() == "20 of 20 exercises"


def test_group_filter_shows_only_that_group(page: ProgramsPage, library: object) -> None:
    lib = page.view.library
    lib.group_filter.setCurrentIndex(lib.group_filter.findData(Group.BREATHING.value))
    ids = shown_exercises(page)
    assert ids
    assert len(ids) < 20
    proxy = page.controller.proxy
    groups = {proxy.index(r, 0).data(ExerciseRole).group for r in range(proxy.rowCount())}
    assert groups == {Group.BREATHING}
    lib.group_filter.setCurrentIndex(0)
    assert len(shown_exercises(page)) == 20


def test_search_is_instant_and_uses_the_shown_language(qtbot: QtBot, page: ProgramsPage) -> None:
    lib = page.view.library
    qtbot.keyClicks(lib.search, "BIRD")
    assert shown_exercises(page) == ["bird-dog"]
    # Group and search combine.
    lib.group_filter.setCurrentIndex(lib.group_filter.findData(Group.MOBILITY.value))
    assert shown_exercises(page) == []
    assert lib.empty_label.isVisibleTo(lib)
    lib.search.clear()
    assert "bird-dog" not in shown_exercises(page)
    assert not lib.empty_label.isVisibleTo(lib)


def test_search_in_dutch_matches_the_dutch_name(make_page: object) -> None:
    page = make_page(lang="nl")  # type: ignore[operator]
    page.view.library.search.setText("diagonaal")
    assert shown_exercises(page) == ["bird-dog"]
    page.view.library.search.setText("bird")
    assert shown_exercises(page) == []


def test_selecting_an_exercise_shows_all_its_details(page: ProgramsPage, library: object) -> None:
    controller = page.controller
    assert controller.select_exercise("bird-dog")
    exercise = controller.all_exercises()["bird-dog"]
    text = page.view.library.details.toPlainText()
    for part in (
        "Bird dog",
        "Start position",
        exercise.start.en,
        exercise.steps[0].en,
        "Dose per level",
        "Beginner",
        "Intermediate",
        "Advanced",
        "5 × 5 s hold, each side",
        exercise.easier.en,
        exercise.harder.en,
        exercise.mistake.en,
        exercise.safety.en,
    ):
        assert part in text
    figure = page.view.library.figure.pixmap()
    assert not figure.isNull()
    assert figure.width() > 100
    # Built-in exercises cannot be changed or deleted.
    assert not page.view.library.edit_button.isEnabled()
    assert not page.view.library.delete_button.isEnabled()
