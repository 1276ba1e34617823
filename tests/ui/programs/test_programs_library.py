"""The exercise library: filter by group, instant search, and the details of one exercise."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Group
from rugdiary.ui.programs.library_model import THUMB_SIZE, ExerciseRole
from rugdiary.ui.programs.page import ProgramsPage
from rugdiary.ui.theme import HIGH_CONTRAST, apply_theme


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
    assert page.view.library.edit_button.toolTip().startswith("Built-in exercises stay as they")


@pytest.fixture
def look_restored(qapp: QApplication) -> Iterator[None]:
    """Put the palette and style back after a test that applies a theme."""
    palette, style = qapp.palette(), qapp.style().name()
    yield
    qapp.setPalette(palette)
    qapp.setStyle(style)


@pytest.mark.usefixtures("look_restored")
@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_a_selected_rows_picture_keeps_the_lists_own_colour_behind_it(
    qapp: QApplication, make_page: Callable[..., ProgramsPage], theme: str
) -> None:
    """The highlight is close to the figure's colour in every theme: drawn on it, the
    figure would all but vanish from the row a person has just chosen."""
    apply_theme(qapp, theme)
    page = make_page()
    listing = page.view.library.list
    index = page.controller.proxy.index(0, 0)
    listing.setCurrentIndex(index)
    row = listing.viewport().grab(listing.visualRect(index)).toImage()
    base = listing.palette().color(QPalette.ColorRole.Base).rgb()
    highlight = listing.palette().color(QPalette.ColorRole.Highlight).rgb()
    pixels = [row.pixel(x, y) for x in range(row.width()) for y in range(row.height())]
    assert pixels.count(highlight) > THUMB_SIZE.width() * THUMB_SIZE.height(), "not selected"
    # the card: most of the thumbnail's box is empty space around the figure
    assert pixels.count(base) > THUMB_SIZE.width() * THUMB_SIZE.height() // 2
