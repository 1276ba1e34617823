"""Program editor: create, copy a built-in one, reorder, dose and total, save, delete + undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Level, Text
from rugdiary.core.programs import Program, ProgramItem
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import ProgramRepository
from rugdiary.ui.programs.editor_controller import ProgramEditorController
from rugdiary.ui.programs.page import ProgramsPage

PROGRAM = "core-stability-beginner"


def order(editor: ProgramEditorController) -> list[str]:
    return [item.exercise_id for item in editor.model.items()]


def add(editor: ProgramEditorController, exercise_id: str) -> None:
    choice = editor.view.add_choice
    choice.setCurrentIndex(choice.findData(exercise_id))
    editor.view.add_button.click()


def own_program(repo: ProgramRepository) -> Program:
    program = Program(
        id="my-mornings",
        name=Text(en="My mornings", nl="Mijn ochtenden"),
        description=Text(en="Short.", nl="Kort."),
        frequency=Text(en="Every day", nl="Elke dag"),
        level=Level.BEGINNER,
        sessions_per_week=7,
        items=(ProgramItem("cat-camel"), ProgramItem("knee-rolls")),
    )
    return repo.save(program)


def test_create_a_program_in_one_language_and_save_it(
    qtbot: QtBot, page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    editor = page.controller.new_program()
    assert editor.view.isVisible()
    qtbot.keyClicks(editor.view.name_nl, "Mijn ochtend")
    add(editor, "cat-camel")
    add(editor, "walking")
    assert order(editor) == ["cat-camel", "walking"]
    assert "Total: about" in editor.view.total.text()
    with qtbot.waitSignal(page.controller.notice) as notice:
        qtbot.mouseClick(editor.view.save_button, Qt.MouseButton.LeftButton)
    assert notice.args == ["Program saved", False]
    stored = program_repo.list()
    assert len(stored) == 1
    program = stored[0]
    # One language filled in: the same text serves both.
    assert program.name == Text(en="Mijn ochtend", nl="Mijn ochtend")
    assert [i.exercise_id for i in program.items] == ["cat-camel", "walking"]
    assert not editor.view.isVisible()
    assert page.controller.selected_program() == program
    assert "your own" in page.view.programs.list.currentItem().text()


def test_validation_error_names_the_field(qtbot: QtBot, page: ProgramsPage) -> None:
    editor = page.controller.new_program()
    add(editor, "cat-camel")
    assert editor.save() is None
    assert editor.view.message.text().startswith("Name:")
    assert editor.view.isVisible()
    editor.view.name_en.setText("Evening")
    editor.model.remove_row(0)
    assert editor.save() is None
    assert editor.view.message.text().startswith("Exercises:")


def test_built_in_programs_are_copied_never_changed(
    page: ProgramsPage, program_repo: ProgramRepository, library: Any
) -> None:
    controller = page.controller
    controller.select_program(PROGRAM)
    assert not page.view.programs.edit_button.isEnabled()
    assert not page.view.programs.delete_button.isEnabled()
    # The grey buttons say why, where the pointer rests on them.
    for button in (page.view.programs.edit_button, page.view.programs.delete_button):
        assert button.toolTip().startswith("Built-in programs stay as they are. Copy one")
    original = library.programs[PROGRAM]
    editor = controller.copy_program()
    assert editor is not None
    assert editor.view.name_en.text() == "Copy of Core stability for beginners"
    assert editor.view.name_nl.text() == "Kopie van Rompstabiliteit voor beginners"
    editor.move_down()
    saved = editor.save()
    assert saved is not None
    assert saved.id != PROGRAM
    assert not saved.builtin
    assert program_repo.get(saved.id) == saved
    assert saved.description == original.description
    assert [i.exercise_id for i in saved.items][:2] == ["pelvic-tilt", "cat-camel"]
    assert library.programs[PROGRAM] is original
    assert [i.exercise_id for i in original.items][:2] == ["cat-camel", "pelvic-tilt"]


def test_reorder_with_alt_up_and_alt_down(qtbot: QtBot, page: ProgramsPage) -> None:
    editor = page.controller.new_program()
    for exercise_id in ("cat-camel", "knee-rolls", "walking"):
        add(editor, exercise_id)
    view = editor.view
    view.select_row(0)
    view.items.setFocus()
    qtbot.keyClick(view.items, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert order(editor) == ["knee-rolls", "cat-camel", "walking"]
    assert view.current_row() == 1
    qtbot.keyClick(view.items, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert order(editor) == ["knee-rolls", "walking", "cat-camel"]
    assert not view.down_button.isEnabled()
    qtbot.keyClick(view.items, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert order(editor) == ["knee-rolls", "cat-camel", "walking"]
    qtbot.mouseClick(view.up_button, Qt.MouseButton.LeftButton)
    assert order(editor) == ["cat-camel", "knee-rolls", "walking"]
    assert not view.up_button.isEnabled()
    # Row numbers in the list follow the order.
    assert editor.model.index(0).data().startswith("1. Cat-camel")


def test_reorder_by_drag_and_drop_through_the_model(page: ProgramsPage) -> None:
    editor = page.controller.new_program()
    for exercise_id in ("cat-camel", "knee-rolls", "walking", "stairs"):
        add(editor, exercise_id)
    model = editor.model
    data = model.mimeData([model.index(0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert order(editor) == ["knee-rolls", "walking", "cat-camel", "stairs"]
    # Dropped onto a row: goes before it.
    data = model.mimeData([model.index(3)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0))
    assert order(editor) == ["stairs", "knee-rolls", "walking", "cat-camel"]
    # Dropped below the last row: to the end.
    data = model.mimeData([model.index(0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert order(editor) == ["knee-rolls", "walking", "cat-camel", "stairs"]
    # The view uses moveRows for internal moves.
    assert model.moveRow(QModelIndex(), 3, QModelIndex(), 0)
    assert order(editor) == ["stairs", "knee-rolls", "walking", "cat-camel"]


def test_dose_change_updates_total_and_is_saved_for_the_level(
    page: ProgramsPage, program_repo: ProgramRepository, library: Any
) -> None:
    editor = page.controller.new_program()
    editor.view.name_en.setText("Bridges")
    add(editor, "glute-bridge")
    view = editor.view
    view.level.setCurrentIndex(view.level.findData(Level.INTERMEDIATE.value))
    base = library.exercises["glute-bridge"].dose(Level.INTERMEDIATE)
    assert view.dose.reps.value() == base.reps
    before = editor.total_s()
    assert before is not None
    text_before = view.total.text()
    assert "intermediate" in text_before
    view.dose.reps.setValue(base.reps + 10)
    view.dose.sets.setValue(base.sets + 1)
    after = editor.total_s()
    assert after is not None
    assert after > before + 60
    assert view.total.text() != text_before
    saved = editor.save()
    assert saved is not None
    stored = program_repo.get(saved.id)
    assert stored is not None
    exercise = library.exercises["glute-bridge"]
    dose = stored.items[0].dose(exercise, Level.INTERMEDIATE)
    assert (dose.reps, dose.sets) == (base.reps + 10, base.sets + 1)
    # Only the changed level is overridden, and only the changed fields.
    assert stored.items[0].dose(exercise, Level.BEGINNER) == exercise.dose(Level.BEGINNER)
    assert dict(stored.items[0].overrides)["intermediate"].changes() == {
        "reps": base.reps + 10,
        "sets": base.sets + 1,
    }


def test_change_an_own_program_keeps_its_id(
    page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    program = own_program(program_repo)
    page.controller.reload(select_program=program.id)
    assert page.view.programs.edit_button.isEnabled()
    assert page.view.programs.edit_button.toolTip() == ""
    editor = page.controller.edit_program()
    assert editor is not None
    editor.view.name_en.setText("My calm mornings")
    editor.view.select_row(1)
    editor.remove_selected()
    saved = editor.save()
    assert saved is not None
    assert saved.id == program.id
    stored = program_repo.list()
    assert [p.name.en for p in stored] == ["My calm mornings"]
    assert [i.exercise_id for i in stored[0].items] == ["cat-camel"]


def test_fear_words_warn_but_do_not_block(page: ProgramsPage) -> None:
    editor = page.controller.new_program()
    editor.view.name_en.setText("Brace and protect your back")
    assert editor.view.message.isVisibleTo(editor.view)
    assert "“Brace”" in editor.view.message.text()
    add(editor, "cat-camel")
    assert editor.save() is not None


def test_delete_own_program_then_ctrl_z_restores_it(
    qtbot: QtBot, page: ProgramsPage, program_repo: ProgramRepository, undo_stack: Any
) -> None:
    program = own_program(program_repo)
    controller = page.controller
    controller.reload(select_program=program.id)
    # The window owns Ctrl+Z; stand in for it with the same kind of action.
    undo = undo_stack.createUndoAction(page.view)
    assert isinstance(undo, QAction)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    page.view.addAction(undo)
    page.view.activateWindow()
    qtbot.waitUntil(page.view.isActiveWindow)

    with qtbot.waitSignal(controller.notice) as notice:
        qtbot.mouseClick(page.view.programs.delete_button, Qt.MouseButton.LeftButton)
    assert notice.args == ["Program deleted", True]
    assert program_repo.get(program.id) is None
    assert controller.program(program.id) is None

    page.view.programs.list.setFocus()
    qtbot.keyClick(page.view.programs.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert program_repo.get(program.id) == program
    assert controller.selected_program() == program
    undo_stack.redo()
    assert program_repo.get(program.id) is None


def test_a_failed_save_keeps_the_dialog_open_with_everything_typed(
    qtbot: QtBot,
    page: ProgramsPage,
    program_repo: ProgramRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(program: Program) -> Program:
        raise StorageWriteError(Path("/x/diary.json"), "the disk is full.")

    editor = page.controller.new_program()
    editor.view.name_en.setText("Evening")
    add(editor, "cat-camel")
    monkeypatch.setattr(editor.store, "save", full_disk)
    assert editor.save() is None
    assert editor.view.isVisible()
    assert editor.view.message.isVisibleTo(editor.view)
    assert editor.view.message.text() == (
        "Not saved yet: the disk is full. Everything you entered is still here, "
        "so you can try again."
    )
    assert editor.view.name_en.text() == "Evening"
    assert order(editor) == ["cat-camel"]
    assert program_repo.list() == []
