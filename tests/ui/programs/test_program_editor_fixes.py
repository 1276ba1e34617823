"""Program editor and Programs page fixes: doses, frequency, unsaved changes, the signal the
window listens to, the library's selection, a copy's name, and accessible names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from programme_samples import own_exercise
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import WORK_FIELD, Dose, DoseMode, Level, Text
from rugdiary.core.programs import Program, ProgramItem
from rugdiary.core.reminders import ExerciseReminder, ReminderSettings
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository
from rugdiary.ui import dialogs
from rugdiary.ui.programs.dose_fields import work_limit
from rugdiary.ui.programs.editor_controller import ProgramEditorController
from rugdiary.ui.programs.page import ProgramsPage
from tests.ui.test_a11y_walker import accessible_name, name_problems, normalised


def add(editor: ProgramEditorController, exercise_id: str) -> None:
    choice = editor.view.add_choice
    choice.setCurrentIndex(choice.findData(exercise_id))
    editor.view.add_button.click()


def physio_program(repo: ProgramRepository, library: Any) -> Program:
    """An own program whose frequency line says more than a number of sessions."""
    program = replace(
        library.programs["strength"],
        id="physio-plan",
        builtin=False,
        name=Text(en="From Anna", nl="Van Anna"),
        frequency=Text(
            en="Twice a day, morning and evening", nl="Twee keer per dag, ochtend en avond"
        ),
        sessions_per_week=14,
    )
    return repo.save(program)


def own_program(repo: ProgramRepository) -> Program:
    return repo.save(
        Program(
            id="my-mornings",
            name=Text(en="My mornings", nl="Mijn ochtenden"),
            description=Text(en="Short.", nl="Kort."),
            frequency=Text(en="Every day", nl="Elke dag"),
            level=Level.BEGINNER,
            sessions_per_week=7,
            items=(ProgramItem("cat-camel"), ProgramItem("knee-rolls")),
        )
    )


def type_into_seconds(qtbot: QtBot, editor: ProgramEditorController, text: str) -> None:
    box = editor.view.dose.work
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


# -- 1. the dose saved is the dose shown -------------------------------------------------------


@pytest.mark.parametrize("mode", list(DoseMode))
def test_the_seconds_box_allows_what_the_dose_allows(mode: DoseMode) -> None:
    highest = work_limit(mode)
    assert Dose(**{WORK_FIELD[mode]: highest}).work_s == highest
    with pytest.raises(ValidationError):
        Dose(**{WORK_FIELD[mode]: highest + 1})


@pytest.mark.parametrize(
    ("exercise_id", "highest"), [("glute-bridge", 600), ("cat-camel", 60), ("walking", 14400)]
)
def test_a_number_too_big_for_the_dose_is_never_shown_and_never_saved(
    qtbot: QtBot,
    page: ProgramsPage,
    program_repo: ProgramRepository,
    exercise_id: str,
    highest: int,
) -> None:
    editor = page.controller.new_program()
    editor.view.name_en.setText("Morning")
    add(editor, exercise_id)
    box = editor.view.dose.work
    assert box.maximum() == highest
    type_into_seconds(qtbot, editor, str(highest * 10 + 7))
    shown = box.value()
    assert shown <= highest
    assert box.text() == f"{shown} s", "the box shows the number it holds"
    assert editor.model.dose_at(0).work_s == shown
    saved = editor.save()
    assert saved is not None
    exercise = page.controller.all_exercises()[exercise_id]
    assert program_repo.get(saved.id).items[0].dose(exercise, Level.BEGINNER).work_s == shown


def test_save_refuses_a_dose_box_the_dose_cannot_take(
    qtbot: QtBot, page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    editor = page.controller.new_program()
    editor.view.name_en.setText("Morning")
    add(editor, "glute-bridge")
    type_into_seconds(qtbot, editor, "0")  # below the lowest: the box still holds 3
    assert editor.view.dose.work.text() == "0 s"
    assert editor.save() is None
    assert editor.view.message.text() == "Seconds: enter a whole number from 1 to 600"
    assert editor.view.message.isVisibleTo(editor.view)
    assert editor.view.focusWidget() is editor.view.dose.work
    assert editor.view.isVisible()
    assert program_repo.list() == []
    type_into_seconds(qtbot, editor, "40")
    saved = editor.save()
    assert saved is not None
    assert dict(saved.items[0].overrides)["beginner"].changes() == {"hold_s": 40}


def test_save_takes_a_changed_dose_the_model_missed(
    page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    editor = page.controller.new_program()
    editor.view.name_en.setText("Morning")
    add(editor, "glute-bridge")
    box = editor.view.dose.reps
    box.blockSignals(True)  # as if the keystroke's signal never reached the model
    box.setValue(12)
    box.blockSignals(False)
    saved = editor.save()
    assert saved is not None
    assert dict(saved.items[0].overrides)["beginner"].changes() == {"reps": 12}


# -- 2. the frequency line stays ---------------------------------------------------------------


def test_saving_keeps_the_frequency_unless_the_sessions_change(
    page: ProgramsPage, program_repo: ProgramRepository, library: Any
) -> None:
    program = physio_program(program_repo, library)
    controller = page.controller
    controller.reload(select_program=program.id)
    editor = controller.edit_program()
    assert editor is not None
    editor.view.name_en.setText("From Anna (physio)")
    saved = editor.save()
    assert saved is not None
    assert program_repo.get(program.id).frequency == program.frequency

    controller.reload(select_program="strength")
    copy = controller.copy_program()
    assert copy is not None
    saved_copy = copy.save()
    assert saved_copy is not None
    assert saved_copy.frequency == library.programs["strength"].frequency

    controller.reload(select_program=program.id)
    editor = controller.edit_program()
    assert editor is not None
    editor.view.sessions_per_week.setValue(5)
    saved = editor.save()
    assert saved is not None
    assert saved.frequency == Text(en="5 times a week", nl="5 keer per week")


# -- 3. unsaved changes ------------------------------------------------------------------------


def test_escape_asks_before_a_new_program_is_thrown_away(
    qtbot: QtBot,
    page: ProgramsPage,
    program_repo: ProgramRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    questions: list[QWidget | None] = []
    answers = [False, True]

    def ask(parent: QWidget | None) -> bool:
        questions.append(parent)
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "ask_discard_changes", ask)
    editor = page.controller.new_program()
    view = editor.view
    qtbot.keyClicks(view.name_en, "Morning")
    for exercise_id in ("cat-camel", "walking"):
        add(editor, exercise_id)
    assert view.has_changes()

    qtbot.keyClick(view.name_en, Qt.Key.Key_Escape)
    assert questions == [view]
    assert view.isVisible(), "Keep editing"
    assert view.name_en.text() == "Morning"

    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.name_en, Qt.Key.Key_Escape)
    assert len(questions) == 2
    assert not view.isVisible()
    assert program_repo.list() == []


@pytest.mark.parametrize("how", ["new", "copy", "edit"])
def test_an_untouched_editor_closes_without_asking(
    qtbot: QtBot,
    page: ProgramsPage,
    program_repo: ProgramRepository,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    def ask(_parent: QWidget | None) -> bool:
        raise AssertionError("nothing changed: no question")

    monkeypatch.setattr(dialogs, "ask_discard_changes", ask)
    controller = page.controller
    controller.reload(select_program=own_program(program_repo).id)
    opened = {
        "new": controller.new_program,
        "copy": controller.copy_program,
        "edit": controller.edit_program,
    }[how]()
    assert opened is not None
    assert not opened.has_changes()
    with qtbot.waitSignal(opened.view.finished):
        qtbot.mouseClick(opened.view.cancel_button, Qt.MouseButton.LeftButton)
    assert controller.program_editor is None


def test_what_counts_as_a_change_of_an_own_program(
    qtbot: QtBot, page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    controller = page.controller
    controller.reload(select_program=own_program(program_repo).id)
    editor = controller.edit_program()
    assert editor is not None
    view = editor.view
    assert view.has_changes == editor.has_changes
    view.name_en.setText("My calm mornings")
    assert editor.has_changes()
    view.name_en.setText("My mornings")
    assert not editor.has_changes(), "changed back: nothing to lose"
    view.dose.reps.setValue(view.dose.reps.value() + 1)
    assert editor.has_changes()
    view.dose.reps.setValue(view.dose.reps.value() - 1)
    assert not editor.has_changes()
    type_into_seconds(qtbot, editor, "0")
    assert editor.has_changes(), "a box Save would refuse"
    view.dose.work.selectAll()
    qtbot.keyClicks(view.dose.work.lineEdit(), "8")
    assert not editor.has_changes()
    view.sessions_per_week.setValue(3)
    assert editor.has_changes()


def test_a_new_program_changes_with_anything_chosen(page: ProgramsPage) -> None:
    editor = page.controller.new_program()
    assert not editor.has_changes()
    editor.view.sessions_per_week.setValue(5)
    assert editor.has_changes()
    editor.view.sessions_per_week.setValue(3)
    editor.view.description.setText("   ")
    assert not editor.has_changes(), "only spaces"
    editor.view.level.setCurrentIndex(editor.view.level.findData(Level.ADVANCED.value))
    assert editor.has_changes()


# -- 4. the window hears about changed programs ------------------------------------------------


def test_every_change_of_the_programs_is_signalled(
    qtbot: QtBot,
    page: ProgramsPage,
    program_repo: ProgramRepository,
    undo_stack: Any,
) -> None:
    controller = page.controller
    signal = controller.programsChanged

    with qtbot.waitSignal(signal):
        editor = controller.new_program()
        editor.view.name_en.setText("Evening")
        add(editor, "cat-camel")
        saved = editor.save()
    assert saved is not None
    with qtbot.waitSignal(signal):
        editor = controller.edit_program()
        assert editor is not None
        editor.view.name_en.setText("Late evening")
        editor.save()
    with qtbot.waitSignal(signal):
        controller.select_program("strength")
        copy = controller.copy_program()
        assert copy is not None
        copy.save()
    controller.select_program(saved.id)
    with qtbot.waitSignal(signal):
        assert controller.delete_program()
    with qtbot.waitSignal(signal):
        undo_stack.undo()
    assert program_repo.get(saved.id) is not None
    with qtbot.waitSignal(signal):
        undo_stack.redo()
    assert program_repo.get(saved.id) is None

    # Looking, choosing and reading again with nothing changed stay quiet.
    with qtbot.assertNotEmitted(signal):
        controller.reload()
        controller.select_program("strength")
        controller.reload(select_program="desk-break")
        editor = controller.new_program()
        editor.view.reject()


def test_an_import_is_signalled(
    qtbot: QtBot,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    program_repo: ProgramRepository,
    exercise_repo: ExerciseRepository,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    exercise_repo.save(own_exercise())
    program = own_program(program_repo)
    page = make_page(db=db)
    page.controller.select_program(program.id)
    target = tmp_path / "mine.rugprog"
    monkeypatch.setattr(dialogs, "ask_programme_export", lambda *_a: "")
    monkeypatch.setattr(dialogs, "choose_programme_export_file", lambda *_a: target)
    assert page.files.export() == target
    with qtbot.waitSignal(page.controller.programsChanged):
        page.controller.delete_program()
    with qtbot.waitSignal(page.controller.programsChanged):
        assert page.files.import_file(target) is not None
    assert program_repo.get(program.id) == program


def test_an_own_exercise_changed_is_signalled_too(
    qtbot: QtBot, page: ProgramsPage, exercise_repo: ExerciseRepository
) -> None:
    """Today works out a program's length with the own exercises in it."""
    exercise_repo.save(own_exercise())
    with qtbot.waitSignal(page.controller.programsChanged):
        page.controller.reload(select_exercise="wall-slide")
    with qtbot.waitSignal(page.controller.programsChanged):
        assert page.controller.delete_exercise()


class Reminders:
    """Stands in for Preferences: the reminder settings the page is given."""

    def __init__(self, settings: ReminderSettings) -> None:
        self.settings = settings

    def reminders(self) -> ReminderSettings:
        return self.settings


def test_deleting_a_reminded_program_says_so(
    qtbot: QtBot, make_page: Callable[..., ProgramsPage], program_repo: ProgramRepository
) -> None:
    program = own_program(program_repo)
    reminded = ReminderSettings(exercises=(ExerciseReminder(program_id=program.id),))
    page = make_page(reminders=Reminders(reminded))
    page.controller.select_program(program.id)
    with qtbot.waitSignal(page.controller.notice) as notice:
        page.controller.delete_program()
    assert notice.args == [
        "Program deleted. A reminder still offers it: choose another program for it in "
        "Settings, or undo.",
        True,
    ]


@pytest.mark.parametrize(
    "settings",
    [
        ReminderSettings(),
        ReminderSettings(exercises=(ExerciseReminder(program_id="my-mornings", enabled=False),)),
        ReminderSettings(exercises=(ExerciseReminder(program_id="strength"),)),
    ],
    ids=["no reminders", "switched off", "another program"],
)
def test_deleting_an_unreminded_program_says_only_that(
    qtbot: QtBot,
    make_page: Callable[..., ProgramsPage],
    program_repo: ProgramRepository,
    settings: ReminderSettings,
) -> None:
    program = own_program(program_repo)
    page = make_page(reminders=Reminders(settings))
    page.controller.select_program(program.id)
    with qtbot.waitSignal(page.controller.notice) as notice:
        page.controller.delete_program()
    assert notice.args == ["Program deleted", True]


# -- 5. the library keeps its selection --------------------------------------------------------


def test_a_new_exercise_hidden_by_the_search_is_shown_and_selected(page: ProgramsPage) -> None:
    controller = page.controller
    library = page.view.library
    page.view.tabs.setCurrentIndex(1)
    library.search.setText("bird")
    library.group_filter.setCurrentIndex(1)
    editor = controller.new_exercise()
    editor.view.name.setText("Towel stretch")
    editor.view.steps.setPlainText("Hold the towel")
    saved = editor.save()
    assert saved is not None
    assert controller.selected_exercise() == saved
    assert library.search.text() == ""
    assert library.group_filter.currentIndex() == 0
    assert controller.proxy.rowCount() == controller.library_model.rowCount()
    assert "Towel stretch" in library.details.toPlainText()


def test_a_filter_that_still_shows_the_saved_exercise_stays(page: ProgramsPage) -> None:
    library = page.view.library
    library.search.setText("towel")
    editor = page.controller.new_exercise()
    editor.view.name.setText("Towel stretch")
    editor.view.steps.setPlainText("Hold the towel")
    saved = editor.save()
    assert saved is not None
    assert page.controller.selected_exercise() == saved
    assert library.search.text() == "towel"


def test_deleting_an_exercise_selects_its_neighbour_in_view(
    qtbot: QtBot,
    make_page: Callable[..., ProgramsPage],
    exercise_repo: ExerciseRepository,
    library: Any,
    undo_stack: Any,
) -> None:
    bird_dog = library.exercises["bird-dog"]
    for i in range(3):
        exercise_repo.save(
            replace(bird_dog, id=f"own-{i}", builtin=False, name=Text(en=f"Zz own {i}", nl="Zz"))
        )
    page = make_page()
    page.view.tabs.setCurrentIndex(1)
    controller = page.controller
    listed = page.view.library.list
    controller.reload(select_exercise="own-1")
    row = listed.currentIndex().row()
    assert row > 0
    assert controller.delete_exercise()
    assert listed.currentIndex().row() == row
    assert controller.selected_exercise().id == "own-2"
    assert listed.viewport().rect().intersects(listed.visualRect(listed.currentIndex()))
    undo_stack.undo()
    assert controller.selected_exercise().id == "own-1"
    undo_stack.redo()
    assert controller.selected_exercise().id == "own-2", "a redone delete too"


def test_an_exercise_brought_back_by_undo_is_shown_through_the_filter(
    page: ProgramsPage, exercise_repo: ExerciseRepository, undo_stack: Any
) -> None:
    exercise_repo.save(own_exercise())
    controller = page.controller
    controller.reload(select_exercise="wall-slide")
    assert controller.delete_exercise()
    page.view.library.search.setText("bird")
    undo_stack.undo()
    assert controller.selected_exercise().id == "wall-slide"
    assert page.view.library.search.text() == ""


# -- 6. a copy's name in each language ---------------------------------------------------------


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """RugDiary's Dutch texts installed for one test, English again afterwards."""
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale("nl"), "rugdiary", "_", str(resource("i18n"))), "make qm"
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("dutch")
def test_a_copy_is_named_in_each_language_in_a_dutch_window(
    make_page: Callable[..., ProgramsPage],
) -> None:
    assert QCoreApplication.translate("Programs", "Programs") != "Programs", "Dutch is on"
    page = make_page(lang="nl")
    page.controller.select_program("core-stability-beginner")
    editor = page.controller.copy_program()
    assert editor is not None
    assert editor.view.name_en.text() == "Copy of Core stability for beginners"
    assert editor.view.name_nl.text() == "Kopie van Rompstabiliteit voor beginners"
    saved = editor.save()
    assert saved is not None
    assert saved.name == Text(
        en="Copy of Core stability for beginners", nl="Kopie van Rompstabiliteit voor beginners"
    )


# -- 7. accessible names start with the words on the screen ------------------------------------


def label_problems(root: QWidget) -> list[str]:
    """Fields whose own accessible name does not start with their label's words.

    A field without a name of its own is named by its label (a combo box on Linux through
    the "labelled by" relation, its name there being its current text).
    """
    problems = []
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not label.isVisibleTo(root) or not label.text():
            continue
        name = buddy.accessibleName()
        if name and not normalised(name).startswith(normalised(label.text())):
            problems.append(f"{label.text()!r} labels a field named {name!r}")
    return problems


def button_problems(root: QWidget) -> list[str]:
    problems = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text():
            name = accessible_name(button)
            if not normalised(name).startswith(normalised(button.text())):
                problems.append(f"button {button.text()!r} is named {name!r}")
    return problems


def test_the_programs_page_and_editor_are_named_by_their_visible_words(
    qtbot: QtBot, make_page: Callable[..., ProgramsPage], add_session: Callable[..., Any]
) -> None:
    for days in (16, 13.5, 11, 9, 6.5, 4, 2):
        add_session(days_ago=days)  # enough for the offer of the next level
    page = make_page()
    programs = page.view.programs
    page.controller.select_program("core-stability-beginner")
    assert programs.offer.isVisibleTo(programs)
    problems = name_problems(page.view) + label_problems(page.view) + button_problems(page.view)
    # A pain mark's symbol ("●") is not a word anyone says; its name starts with the word.
    problems = [p for p in problems if "PainMarkLabel" not in p]
    page.view.tabs.setCurrentIndex(1)
    problems += name_problems(page.view) + label_problems(page.view)

    editor = page.controller.new_program()
    add(editor, "bird-dog")  # a hold, each side in turn
    view = editor.view
    qtbot.waitExposed(view)
    problems += name_problems(view) + label_problems(view) + button_problems(view)
    assert view.dose.work_label.text() == "Hold (seconds)"
    add(editor, "cat-camel")
    assert view.dose.work_label.text() == "Seconds per rep"
    problems += label_problems(view)
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))

    # The longer wording is still there, as the description.
    described = {
        programs.dismiss_button: "Keep the current level for now",
        view.up_button: "Move the selected exercise up",
        view.down_button: "Move the selected exercise down",
        view.dose.per_side: "Do the repetitions on each side in turn",
        view.dose.rest: "Rest between repetitions",
        view.name_en: "Name in English",
        page.view.library.group_filter: "Show exercises of group",
    }
    for widget, description in described.items():
        assert widget.accessibleDescription() == description
