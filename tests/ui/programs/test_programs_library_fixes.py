"""The exercise library: the large picture after a theme change, Dutch order and search
without accents, and "1 rep" in the singular."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from programme_samples import own_exercise
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Dose, Group, Text
from rugdiary.storage.repositories import ExerciseRepository
from rugdiary.ui.programs.library_model import ExerciseRole
from rugdiary.ui.programs.library_view import FIGURE_SIZE
from rugdiary.ui.programs.page import ProgramsPage
from rugdiary.ui.programs.texts import dose_summary
from rugdiary.ui.theme import HIGH_CONTRAST, apply_theme


@pytest.fixture
def look_restored(qapp: QApplication) -> Iterator[None]:
    """Put the palette and style back after a test that applies a theme."""
    palette, style = qapp.palette(), qapp.style().name()
    yield
    qapp.setPalette(palette)
    qapp.setStyle(style)


def shown_names(page: ProgramsPage, lang: str) -> list[str]:
    proxy = page.controller.proxy
    return [
        proxy.index(row, 0).data(ExerciseRole).name.get(lang) for row in range(proxy.rowCount())
    ]


@pytest.mark.usefixtures("look_restored")
def test_the_large_picture_follows_a_theme_change(
    qtbot: QtBot, qapp: QApplication, make_page: Callable[..., ProgramsPage]
) -> None:
    apply_theme(qapp, "light")
    page = make_page()
    page.view.show_library()
    assert page.controller.select_exercise("bird-dog")
    figure = page.view.library.figure
    before = figure.pixmap().toImage()

    def fresh() -> object:
        exercise = page.controller.selected_exercise()
        assert exercise is not None
        ratio = page.view.library.devicePixelRatioF()
        return page.controller.pictures.pixmap(exercise, FIGURE_SIZE, ratio).toImage()

    for theme in ("dark", HIGH_CONTRAST):
        apply_theme(qapp, theme)
        qtbot.waitUntil(lambda: figure.pixmap().toImage() == fresh())
    assert figure.pixmap().toImage() != before
    assert page.controller.selected_exercise().id == "bird-dog"  # type: ignore[union-attr]


@pytest.fixture
def accented(exercise_repo: ExerciseRepository) -> None:
    for exercise_id, nl in (
        ("een-been", "Éénbenige brug"),
        ("zit", "Zittend strekken"),
        ("abc", "achterover leunen"),
        ("ook", "Óók brug"),
    ):
        exercise = own_exercise(exercise_id, None)
        exercise_repo.save(
            replace(exercise, name=Text(en=exercise_id, nl=nl), group=Group.CORE_STABILITY)
        )


@pytest.mark.usefixtures("accented")
def test_dutch_names_sort_with_their_accents_where_a_reader_expects(
    make_page: Callable[..., ProgramsPage],
) -> None:
    page = make_page(lang="nl")
    lib = page.view.library
    lib.group_filter.setCurrentIndex(lib.group_filter.findData(Group.CORE_STABILITY.value))
    names = shown_names(page, "nl")
    assert names == sorted(names, key=lambda n: n.casefold().replace("é", "e").replace("ó", "o"))
    assert names.index("Éénbenige brug") < names.index("Zittend strekken")
    assert names.index("Óók brug") < names.index("Zittend strekken")
    assert names[0] == "achterover leunen"  # no capital first, a before B


@pytest.mark.usefixtures("accented")
def test_the_program_editor_lists_exercises_in_the_same_order(
    make_page: Callable[..., ProgramsPage],
) -> None:
    page = make_page(lang="nl")
    editor = page.controller.new_program()
    choice = editor.view.add_choice
    labels = [choice.itemText(i) for i in range(choice.count())]
    first = next(i for i, label in enumerate(labels) if label.startswith("Éénbenige"))
    last = next(i for i, label in enumerate(labels) if label.startswith("Zittend strekken"))
    assert first < last
    assert labels[0].startswith("achterover")
    editor.view.reject()


@pytest.mark.parametrize("typed", ["knieen", "knieën", "KNIEËN", "Knieen"])
def test_dutch_search_finds_names_with_or_without_accents(
    make_page: Callable[..., ProgramsPage], typed: str
) -> None:
    page = make_page(lang="nl")
    page.view.library.search.setText(typed)
    names = shown_names(page, "nl")
    assert "Knieën wiegen" in names
    assert all("knieën" in name.casefold() for name in names)


def test_one_rep_is_said_in_the_singular() -> None:
    one = Dose(reps=1, sets=1, tempo_s=30)
    assert dose_summary(one) == "1 rep · 1 set"
    assert dose_summary(replace(one, reps=2)) == "2 reps · 1 set"
