"""Own exercises: a picture copied into the data folder, use in a program, delete + undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Group, Level
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository
from rugdiary.ui import dialogs
from rugdiary.ui.programs import exercise_editor_controller
from rugdiary.ui.programs.exercise_editor_controller import ExerciseEditorController
from rugdiary.ui.programs.library_model import ExerciseRole
from rugdiary.ui.programs.page import ProgramsPage


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "from-physio.PNG"
    image = QImage(12, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(path), "PNG")
    return path


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[object]:
    """Patch the one file dialog of the app; returns the parents it was asked with."""
    calls: list[object] = []

    def fake(parent: object) -> Path | None:
        calls.append(parent)
        return path

    monkeypatch.setattr(dialogs, "choose_picture_file", fake)
    return calls


def fill(editor: ExerciseEditorController, name: str = "Wall slide") -> None:
    view = editor.view
    view.name.setText(name)
    view.group.setCurrentIndex(view.group.findData(Group.MOBILITY.value))
    view.steps.setPlainText("Stand with your back to the wall\n\nSlide down a little and up again")


def test_own_exercise_with_a_picture_is_copied_and_usable_in_a_program(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    png: Path,
    data_dir: Path,
    exercise_repo: ExerciseRepository,
    program_repo: ProgramRepository,
) -> None:
    calls = choose(monkeypatch, png)
    controller = page.controller
    editor = controller.new_exercise()
    fill(editor)
    editor.view.doses[Level.BEGINNER].reps.setValue(5)
    qtbot.mouseClick(editor.view.choose_picture_button, Qt.MouseButton.LeftButton)
    assert calls == [editor.view]
    assert not editor.view.preview.pixmap().isNull()
    saved = editor.save()
    assert saved is not None

    copied = data_dir / "pictures" / f"{saved.id}.png"
    assert copied.read_bytes() == png.read_bytes()
    assert saved.picture == copied.name
    stored = exercise_repo.get(saved.id)
    assert stored == saved
    assert [step.en for step in stored.steps] == [
        "Stand with your back to the wall",
        "Slide down a little and up again",
    ]
    assert stored.dose(Level.ADVANCED).reps == 5  # one dose for every level
    assert not list((data_dir / "pictures").glob(".*.part"))

    # In the library, with its picture and the "your own" marker.
    assert controller.selected_exercise() == saved
    proxy = controller.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ExerciseRole) == saved)
    assert "your own" in proxy.index(row, 0).data()
    assert not proxy.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "your own" in page.view.library.details.toPlainText()
    assert not page.view.library.figure.pixmap().isNull()

    # Usable in a program, which then plays.
    program_editor = controller.new_program()
    choice = program_editor.view.add_choice
    index = choice.findData(saved.id)
    assert index >= 0
    assert "(your own)" in choice.itemText(index)
    program_editor.view.name_en.setText("Physio homework")
    choice.setCurrentIndex(index)
    program_editor.add_chosen()
    assert program_editor.total_s() == saved.dose(Level.BEGINNER).total_s(5) + 5
    program = program_editor.save()
    assert program is not None
    assert program_repo.get(program.id) == program
    with qtbot.waitSignal(controller.startRequested) as blocker:
        assert controller.start()
    assert blocker.args == [program, Level.BEGINNER]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "Choose a PNG, JPEG or SVG picture."),
        ("broken.png", b"not a picture at all", "could not be read as a picture"),
    ],
)
def test_unusable_pictures_are_refused_calmly(
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    tmp_path: Path,
    data_dir: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    choose(monkeypatch, path)
    editor = page.controller.new_exercise()
    fill(editor)
    assert not editor.choose_picture()
    assert message in editor.view.message.text()
    saved = editor.save()
    assert saved is not None
    assert saved.picture is None
    assert not (data_dir / "pictures").exists()


def test_a_picture_over_the_size_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, page: ProgramsPage, png: Path
) -> None:
    monkeypatch.setattr(exercise_editor_controller, "MAX_PICTURE_BYTES", 10)
    choose(monkeypatch, png)
    editor = page.controller.new_exercise()
    assert not editor.choose_picture()
    assert "up to 10 MB" in editor.view.message.text()


def test_cancelled_file_dialog_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, page: ProgramsPage
) -> None:
    choose(monkeypatch, None)
    editor = page.controller.new_exercise()
    assert not editor.choose_picture()
    assert editor.view.preview.pixmap().isNull()


def test_doses_per_level_and_field_named_errors(
    page: ProgramsPage, exercise_repo: ExerciseRepository
) -> None:
    editor = page.controller.new_exercise()
    assert editor.save() is None
    assert editor.view.message.text().startswith("Name:")
    editor.view.name.setText("Heel raise")
    assert editor.save() is None
    assert editor.view.message.text().startswith("Steps:")
    editor.view.steps.setPlainText("Rise onto the toes and lower slowly")
    editor.view.same_dose.setChecked(False)
    doses = editor.view.doses
    doses[Level.BEGINNER].reps.setValue(6)
    doses[Level.INTERMEDIATE].reps.setValue(10)
    doses[Level.ADVANCED].kind.setCurrentIndex(doses[Level.ADVANCED].kind.findData("hold"))
    doses[Level.ADVANCED].work.setValue(20)
    saved = editor.save()
    assert saved is not None
    assert saved.dose(Level.BEGINNER).reps == 6
    assert saved.dose(Level.INTERMEDIATE).reps == 10
    assert saved.dose(Level.ADVANCED).hold_s == 20
    assert exercise_repo.get(saved.id) == saved


def test_fear_words_in_own_text_warn_but_save(page: ProgramsPage) -> None:
    editor = page.controller.new_exercise()
    fill(editor)
    editor.view.safety.setText("Keep it rigid to avoid injury")
    assert editor.view.message.isVisibleTo(editor.view)
    assert "can make moving feel risky" in editor.view.message.text()
    assert editor.save() is not None


def test_delete_own_exercise_with_undo_keeps_the_picture(
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    png: Path,
    data_dir: Path,
    exercise_repo: ExerciseRepository,
    undo_stack: Any,
) -> None:
    choose(monkeypatch, png)
    controller = page.controller
    editor = controller.new_exercise()
    fill(editor)
    editor.choose_picture()
    saved = editor.save()
    assert saved is not None
    controller.select_exercise(saved.id)
    assert page.view.library.delete_button.isEnabled()
    assert controller.delete_exercise()
    assert exercise_repo.get(saved.id) is None
    assert saved.id not in controller.all_exercises()
    assert (data_dir / "pictures" / f"{saved.id}.png").exists()
    undo_stack.undo()
    assert exercise_repo.get(saved.id) == saved
    assert controller.selected_exercise() == saved


def test_deleting_an_exercise_a_program_uses_asks_first(
    monkeypatch: pytest.MonkeyPatch, page: ProgramsPage, exercise_repo: ExerciseRepository
) -> None:
    controller = page.controller
    editor = controller.new_exercise()
    fill(editor)
    exercise = editor.save()
    assert exercise is not None
    program_editor = controller.new_program()
    program_editor.view.name_en.setText("Homework")
    choice = program_editor.view.add_choice
    choice.setCurrentIndex(choice.findData(exercise.id))
    program_editor.add_chosen()
    program = program_editor.save()
    assert program is not None

    asked: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        dialogs,
        "ask_delete_used_exercise",
        lambda _parent, name, programs: asked.append((name, programs)) or False,
    )
    controller.select_exercise(exercise.id)
    assert not controller.delete_exercise()
    assert asked == [("Wall slide", ["Homework"])]
    assert exercise_repo.get(exercise.id) == exercise

    monkeypatch.setattr(dialogs, "ask_delete_used_exercise", lambda *_a: True)
    assert controller.delete_exercise()
    controller.select_program(program.id)
    programs = page.view.programs
    assert programs.problem.isVisibleTo(programs)
    assert not programs.start_button.isEnabled()
    assert not controller.start()


def test_an_own_exercise_can_borrow_a_built_in_figure(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    page: ProgramsPage,
    png: Path,
    exercise_repo: ExerciseRepository,
) -> None:
    controller = page.controller
    bridge = controller.library.exercises["glute-bridge"]
    editor = controller.new_exercise()
    fill(editor, "Single-leg bridge")
    choice = editor.view.figure_choice
    assert choice.itemData(0) is None, "no figure is the first choice"
    choice.setCurrentIndex(choice.findData("glute-bridge"))
    assert not editor.view.preview.pixmap().isNull(), "the preview shows the figure"
    assert editor.view.remove_picture_button.isEnabled()
    saved = editor.save()
    assert saved is not None
    assert saved.figure == bridge.figure
    assert saved.picture is None
    stored = exercise_repo.get(saved.id)
    assert stored is not None
    assert stored.figure == bridge.figure, "the figure is stored with the exercise"

    # Opened again it shows the same choice; a picture file replaces the figure.
    again = controller._open_exercise_editor(stored)
    assert again.view.figure_choice.currentData() == "glute-bridge"
    choose(monkeypatch, png)
    again.choose_picture()
    assert again.view.figure_choice.currentData() is None
    rebuilt = again.build(stored.id, "x.png")
    assert rebuilt.figure is None
    assert rebuilt.picture == "x.png"
