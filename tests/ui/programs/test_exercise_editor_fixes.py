"""The own-exercise editor keeps what it did not change, checks pictures as an export will,
puts a picture in place only with its record, asks before throwing changes away, and reads
well to a screen reader."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from rugdiary.core.content import Library
from rugdiary.core.exercises import Doses, Exercise, Level, Text
from rugdiary.core.program_file import MAX_PICTURE_SIDE
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import ExerciseRepository
from rugdiary.ui import dialogs
from rugdiary.ui.programs.exercise_editor_controller import (
    DEFAULT_DOSE,
    ExerciseEditorController,
)
from rugdiary.ui.programs.page import ProgramsPage
from tests.ui.test_a11y_walker import accessible_name, name_problems, normalised


def picture(path: Path, colour: str, width: int = 40, height: int = 30) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def own_exercise(library: Library, **changes: object) -> Exercise:
    """An own exercise made from the bird dog: two languages that differ, three doses."""
    bird_dog = library.exercises["bird-dog"]
    exercise = replace(
        bird_dog,
        id="my-bird-dog",
        builtin=False,
        name=Text(en="My bird dog", nl="Mijn vogelhond"),
        start=Text(en="On hands and knees", nl="Op handen en knieën"),
        steps=(
            Text(en="Reach one arm forward", nl="Strek een arm naar voren"),
            Text(en="Stretch the other leg back", nl="Strek het andere been naar achteren"),
        ),
        doses=Doses(
            beginner=replace(DEFAULT_DOSE, reps=6),
            intermediate=DEFAULT_DOSE,
            advanced=replace(DEFAULT_DOSE, reps=12),
        ),
    )
    return replace(exercise, **changes)


def open_editor(page: ProgramsPage, exercise: Exercise) -> ExerciseEditorController:
    page.controller.reload(select_exercise=exercise.id)
    editor = page.controller.edit_exercise()
    assert editor is not None
    return editor


# -- 1. opening an exercise changes none of its doses ----------------------------------------


def test_opening_and_saving_unchanged_stores_exactly_what_was_stored(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    assert editor.view.doses[Level.INTERMEDIATE].reps.value() == DEFAULT_DOSE.reps
    assert not editor.has_changes()
    assert editor.save() == stored
    assert exercise_repo.get(stored.id) == stored


def test_a_new_name_keeps_every_level_dose(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    editor.view.name.setText("My slow bird dog")
    saved = editor.save()
    assert saved is not None
    assert [saved.dose(level).reps for level in Level] == [6, 8, 12]


def test_save_refuses_a_dose_box_left_empty_rather_than_store_its_last_value(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    """A cleared box still reports its last good number; Save must not store that."""
    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    editor.view.doses[Level.BEGINNER].reps.lineEdit().clear()
    assert editor.save() is None
    assert "enter a whole number" in editor.view.message.text()
    assert exercise_repo.get(stored.id) == stored


def test_unticking_the_same_dose_starts_hidden_levels_from_the_shared_dose(
    page: ProgramsPage,
) -> None:
    editor = page.controller.new_exercise()
    doses = editor.view.doses
    doses[Level.BEGINNER].reps.setValue(5)
    editor.view.same_dose.setChecked(False)
    assert [doses[level].reps.value() for level in Level] == [5, 5, 5]
    # The levels are the person's own from now on: ticking and unticking again keeps them.
    doses[Level.ADVANCED].reps.setValue(9)
    editor.view.same_dose.setChecked(True)
    doses[Level.BEGINNER].reps.setValue(4)
    editor.view.same_dose.setChecked(False)
    assert [doses[level].reps.value() for level in Level] == [4, 5, 9]


def test_a_shared_dose_opened_then_split_starts_from_the_shown_dose(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    dose = replace(DEFAULT_DOSE, reps=6)
    stored = exercise_repo.save(
        own_exercise(library, doses=Doses(beginner=dose, intermediate=dose, advanced=dose))
    )
    editor = open_editor(page, stored)
    assert editor.view.same_dose.isChecked()
    doses = editor.view.doses
    doses[Level.BEGINNER].reps.setValue(7)
    editor.view.same_dose.setChecked(False)
    assert [doses[level].reps.value() for level in Level] == [7, 7, 7]


# -- 2. its own figure and the other language's texts are kept -------------------------------


def test_an_own_figure_unlike_any_built_in_one_is_kept(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    figure = library.exercises["bird-dog"].figure
    assert figure is not None
    own_figure = replace(figure, cycle_s=figure.cycle_s + 1.0)  # another version's figure
    stored = exercise_repo.save(own_exercise(library, figure=own_figure))
    editor = open_editor(page, stored)
    choice = editor.view.figure_choice
    assert choice.currentText() == "Its own figure, as it is"
    assert not editor.view.preview.pixmap().isNull()
    assert editor.view.remove_picture_button.isEnabled()
    assert not editor.has_changes()
    saved = editor.save()
    assert saved is not None
    assert saved.figure == own_figure
    assert exercise_repo.get(stored.id) == stored


def test_an_own_figure_can_still_be_replaced_or_removed(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    figure = library.exercises["bird-dog"].figure
    assert figure is not None
    stored = exercise_repo.save(
        own_exercise(library, figure=replace(figure, cycle_s=figure.cycle_s + 1.0))
    )
    editor = open_editor(page, stored)
    choice = editor.view.figure_choice
    choice.setCurrentIndex(choice.findData("glute-bridge"))
    assert editor.has_changes()
    assert editor.build(stored.id, None).figure == library.exercises["glute-bridge"].figure
    editor.remove_picture()
    assert choice.currentData() is None
    assert editor.build(stored.id, None).figure is None


def test_texts_in_the_other_language_are_kept(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    view = editor.view
    assert view.name.text() == "My bird dog"
    view.start.setText("On all fours")
    view.steps.setPlainText("Reach one arm forward\nStretch the other leg back slowly")
    saved = editor.save()
    assert saved is not None
    assert saved.name == stored.name, "an unchanged name keeps its Dutch"
    assert saved.start == Text(en="On all fours", nl="Op handen en knieën")
    assert saved.steps == (
        stored.steps[0],
        Text(en="Stretch the other leg back slowly", nl="Strek het andere been naar achteren"),
    )
    assert saved.easier == stored.easier


def test_a_text_typed_once_changes_in_both_languages(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    stored = exercise_repo.save(own_exercise(library, name=Text(en="Reach", nl="Reach")))
    editor = open_editor(page, stored)
    editor.view.name.setText("Reach and hold")
    saved = editor.save()
    assert saved is not None
    assert saved.name == Text(en="Reach and hold", nl="Reach and hold")


def test_a_new_step_line_in_between_keeps_the_others(
    library: Library, exercise_repo: ExerciseRepository, page: ProgramsPage
) -> None:
    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    editor.view.steps.setPlainText("Reach one arm forward\nBreathe out\nStretch the other leg back")
    saved = editor.save()
    assert saved is not None
    assert saved.steps == (
        stored.steps[0],
        Text(en="Breathe out", nl="Breathe out"),
        stored.steps[1],
    )


# -- 3. a picture too large to travel is refused when it is chosen ---------------------------


def test_a_picture_wider_than_a_programme_file_takes_is_refused(
    monkeypatch: pytest.MonkeyPatch, page: ProgramsPage, tmp_path: Path, data_dir: Path
) -> None:
    wide = picture(tmp_path / "wide.png", "green", MAX_PICTURE_SIDE + 4, 20)
    monkeypatch.setattr(dialogs, "choose_picture_file", lambda _parent: wide)
    editor = page.controller.new_exercise()
    assert not editor.choose_picture()
    message = editor.view.message.text()
    assert f"{MAX_PICTURE_SIDE + 4} × 20 pixels" in message
    assert f"{MAX_PICTURE_SIDE} × {MAX_PICTURE_SIDE} pixels" in message
    assert editor.view.preview.pixmap().isNull()


def test_a_picture_at_the_limit_is_taken(
    monkeypatch: pytest.MonkeyPatch, page: ProgramsPage, tmp_path: Path
) -> None:
    tall = picture(tmp_path / "tall.png", "green", 8, MAX_PICTURE_SIDE)
    monkeypatch.setattr(dialogs, "choose_picture_file", lambda _parent: tall)
    editor = page.controller.new_exercise()
    assert editor.choose_picture()


# -- 4. the picture file changes only with its record ----------------------------------------


@pytest.fixture
def with_picture(
    library: Library, exercise_repo: ExerciseRepository, data_dir: Path
) -> tuple[Exercise, Path]:
    """An own exercise whose red picture is in the data folder; a blue one to choose."""
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    picture(pictures / "my-bird-dog.png", "red")
    stored = exercise_repo.save(own_exercise(library, figure=None, picture="my-bird-dog.png"))
    return stored, picture(data_dir.parent / "blue.png", "blue")


def test_a_failed_save_leaves_the_picture_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    exercise_repo: ExerciseRepository,
    data_dir: Path,
    with_picture: tuple[Exercise, Path],
) -> None:
    stored, blue = with_picture
    pictures = data_dir / "pictures"
    before = (pictures / "my-bird-dog.png").read_bytes()
    monkeypatch.setattr(dialogs, "choose_picture_file", lambda _parent: blue)
    editor = open_editor(page, stored)
    assert editor.choose_picture()

    def full_disk(_item: Exercise) -> Exercise:
        raise StorageWriteError(data_dir, "the disk is full")

    monkeypatch.setattr(exercise_repo, "save", full_disk)
    assert editor.save() is None
    assert "the disk is full" in editor.view.message.text()
    assert (pictures / "my-bird-dog.png").read_bytes() == before
    assert sorted(p.name for p in pictures.iterdir()) == ["my-bird-dog.png"]
    assert exercise_repo.get(stored.id) == stored


def test_a_saved_picture_is_synced_and_private(
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    data_dir: Path,
    with_picture: tuple[Exercise, Path],
) -> None:
    stored, blue = with_picture
    pictures = data_dir / "pictures"
    monkeypatch.setattr(dialogs, "choose_picture_file", lambda _parent: blue)
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    editor = open_editor(page, stored)
    assert editor.choose_picture()
    saved = editor.save()
    assert saved is not None
    target = pictures / "my-bird-dog.png"
    assert target.read_bytes() == blue.read_bytes()
    assert target.stat().st_ino in synced, "the picture's bytes reach the disk"
    assert pictures.stat().st_ino in synced, "and so does its new name"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in pictures.iterdir()) == ["my-bird-dog.png"]


def test_a_picture_that_cannot_take_its_name_is_reported_and_cleaned_up(
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    exercise_repo: ExerciseRepository,
    data_dir: Path,
    with_picture: tuple[Exercise, Path],
) -> None:
    stored, blue = with_picture
    pictures = data_dir / "pictures"
    before = (pictures / "my-bird-dog.png").read_bytes()
    monkeypatch.setattr(dialogs, "choose_picture_file", lambda _parent: blue)
    editor = open_editor(page, stored)
    assert editor.choose_picture()
    editor.view.name.setText("My slow bird dog")
    real_replace = os.replace

    def replace_file(source: str | Path, target: str | Path) -> None:
        if Path(source).parent == pictures:
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_file)
    saved: list[Exercise] = []
    editor.saved.connect(saved.append)
    assert editor.save() is None
    assert "could not be put in place: Permission denied" in editor.view.message.text()
    record = exercise_repo.get(stored.id)
    assert record is not None
    assert saved == [record]
    assert record.name.en == "My slow bird dog"
    assert (pictures / "my-bird-dog.png").read_bytes() == before
    assert sorted(p.name for p in pictures.iterdir()) == ["my-bird-dog.png"]


# -- 5. Cancel and Escape ask before changes are thrown away ---------------------------------


class Answers:
    """Stands in for dialogs.ask_discard_changes: gives the answers in `given`, counts asks."""

    def __init__(self) -> None:
        self.given: list[bool] = []
        self.asked = 0

    def __call__(self, _parent: object) -> bool:
        self.asked += 1
        assert self.given, "asked whether to throw changes away, where there were none"
        return self.given.pop(0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()
    monkeypatch.setattr(dialogs, "ask_discard_changes", answers)
    return answers


def test_escape_on_a_new_typed_exercise_asks_first(
    qtbot: QtBot,
    page: ProgramsPage,
    exercise_repo: ExerciseRepository,
    answers: Answers,
) -> None:
    editor = page.controller.new_exercise()
    view = editor.view
    qtbot.waitExposed(view)
    qtbot.keyClicks(view.name, "Towel stretch")
    assert editor.has_changes()

    answers.given.append(False)  # keep editing
    qtbot.keyClick(view.name, Qt.Key.Key_Escape)
    assert answers.asked == 1
    assert view.isVisible()
    assert view.name.text() == "Towel stretch"

    answers.given.append(True)  # close without saving
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.name, Qt.Key.Key_Escape)
    assert answers.asked == 2
    assert exercise_repo.list() == []


def test_an_untouched_editor_closes_without_asking(
    qtbot: QtBot,
    library: Library,
    page: ProgramsPage,
    exercise_repo: ExerciseRepository,
    answers: Answers,
) -> None:
    editor = page.controller.new_exercise()
    view = editor.view
    qtbot.waitExposed(view)
    # Looking at the dose of each level and back changes nothing.
    view.same_dose.setChecked(False)
    view.same_dose.setChecked(True)
    assert not editor.has_changes()
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.name, Qt.Key.Key_Escape)

    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    view = editor.view
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert answers.asked == 0


def test_changes_to_a_stored_exercise_are_noticed(
    monkeypatch: pytest.MonkeyPatch,
    library: Library,
    page: ProgramsPage,
    exercise_repo: ExerciseRepository,
    tmp_path: Path,
) -> None:
    stored = exercise_repo.save(own_exercise(library))
    editor = open_editor(page, stored)
    view = editor.view
    view.doses[Level.ADVANCED].reps.setValue(11)
    assert editor.has_changes()
    view.doses[Level.ADVANCED].reps.setValue(12)
    assert not editor.has_changes()
    view.easier.setText("Only the arm")
    assert editor.has_changes()
    view.easier.setText("")
    view.easier.setText(stored.easier.en)
    assert not editor.has_changes()
    view.name.clear()
    assert editor.has_changes(), "a form Save would refuse holds changes too"
    view.name.setText(stored.name.en)
    monkeypatch.setattr(
        dialogs, "choose_picture_file", lambda _p: picture(tmp_path / "a.png", "red")
    )
    assert editor.choose_picture()
    assert editor.has_changes()
    assert view.has_changes == editor.has_changes


# -- 6. accessible names start with the words on the screen ----------------------------------


def test_every_control_is_named_by_its_visible_words(qtbot: QtBot, page: ProgramsPage) -> None:
    editor = page.controller.new_exercise()
    view = editor.view
    qtbot.waitExposed(view)
    view.same_dose.setChecked(False)  # every level's dose fields are there to check

    problems: list[str] = []
    for index in range(view.dose_tabs.count()):
        view.dose_tabs.setCurrentIndex(index)
        problems += name_problems(view)
    for label in view.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None:
            continue
        # A field without a name of its own is named by its label (a combo box through the
        # "labelled by" relation, its name being its current text on Linux).
        name = buddy.accessibleName()
        if name and not normalised(name).startswith(normalised(label.text())):
            problems.append(f"{label.text()!r} labels a field named {name!r}")
    for button in view.findChildren(QAbstractButton):
        name = accessible_name(button)
        if button.text() and not normalised(name).startswith(normalised(button.text())):
            problems.append(f"button {button.text()!r} is named {name!r}")
    assert problems == []
    # The words that were dropped from the names are still there, as descriptions.
    assert view.choose_picture_button.accessibleDescription()
    assert view.easier.accessibleDescription() == "An easier way"
    assert view.harder.accessibleDescription() == "A harder way"
