"""Import, Export and Print sheet on the Programs page: the Import button, Undo after an
import, unreadable pictures, the note's other language, reasons in Dutch, the sheet built
off the UI thread, and own pictures that stay behind after a delete."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from programme_samples import own_exercise, own_program, png
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Text
from rugdiary.core.program_file import build_programme_file
from rugdiary.core.programs import Program
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository
from rugdiary.ui import dialogs
from rugdiary.ui.programs.page import ProgramsPage


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> list[tuple[Any, ...]]:
    """Patch one of ui/dialogs' questions to give `value`; returns the calls it got."""
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any) -> Any:
        calls.append(args)
        return value

    monkeypatch.setattr(dialogs, name, fake)
    return calls


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """RugDiary's Dutch texts installed for one test, English again afterwards."""
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale("nl"), "rugdiary", "_", str(resource("i18n"))), "make qm"
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def physio_file(tmp_path: Path, program: Program, library: Any) -> Path:
    path = tmp_path / f"{program.id}.rugprog"
    path.write_bytes(build_programme_file(program, library.exercises, {}))
    return path


# -- 1. the Import button ----------------------------------------------------------------------


def test_the_import_button_asks_for_a_file(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    make_page: Callable[..., ProgramsPage],
    db: Database,
) -> None:
    """clicked(bool) handed `False` to import_file as its path: a traceback, no dialog."""
    page = make_page(db=db)
    asked = answer(monkeypatch, "choose_programme_file", None)
    button = page.view.programs.import_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [(page.view,)]
    button.click()
    assert len(asked) == 2


# -- 2. Undo after an import -------------------------------------------------------------------


def test_undo_never_writes_over_an_imported_programme(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    library: Any,
    program_repo: ProgramRepository,
) -> None:
    desk = library.programs["desk-break"]
    old = replace(desk, id="fysio", name=Text("Physio plan v1", "Fysio v1"), builtin=False)
    new = replace(old, name=Text("Physio plan v2", "Fysio v2"), items=desk.items[:2])
    program_repo.save(old)
    page = make_page(db=db)
    stack = page.controller.undo_stack
    assert page.controller.select_program("fysio")
    assert page.controller.delete_program()
    assert stack.canUndo()
    assert page.files.import_file(physio_file(tmp_path, new, library)) is not None
    assert [p.name.en for p in program_repo.list()] == ["Physio plan v2"]
    # The old delete's undo would save v1 over v2, and its redo delete v2 altogether.
    stack.undo()
    stack.redo()
    assert [p.name.en for p in program_repo.list()] == ["Physio plan v2"]
    assert not stack.canUndo()


def test_undo_after_an_undone_delete_never_deletes_an_imported_programme(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    library: Any,
    program_repo: ProgramRepository,
) -> None:
    """A delete that was undone waits as a redo: after Replace, that redo deleted the new one."""
    desk = library.programs["desk-break"]
    old = replace(desk, id="fysio", name=Text("Physio plan v1", "Fysio v1"), builtin=False)
    new = replace(old, name=Text("Physio plan v2", "Fysio v2"), items=desk.items[:2])
    program_repo.save(old)
    page = make_page(db=db)
    stack = page.controller.undo_stack
    assert page.controller.select_program("fysio")
    assert page.controller.delete_program()
    stack.undo()
    assert stack.canRedo()
    answer(monkeypatch, "ask_import_conflict", dialogs.ImportChoice.REPLACE)
    assert page.files.import_file(physio_file(tmp_path, new, library)) is not None
    stack.redo()
    assert [p.name.en for p in program_repo.list()] == ["Physio plan v2"]


def test_an_import_keeps_undo_steps_about_other_programmes(
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    library: Any,
    program_repo: ProgramRepository,
) -> None:
    desk = library.programs["desk-break"]
    program_repo.save(replace(desk, id="other", name=Text("Other", "Ander"), builtin=False))
    page = make_page(db=db)
    assert page.controller.select_program("other")
    assert page.controller.delete_program()
    new = replace(desk, id="fysio", name=Text("Physio plan", "Fysio"), builtin=False)
    assert page.files.import_file(physio_file(tmp_path, new, library)) is not None
    stack = page.controller.undo_stack
    assert stack.canUndo()
    stack.undo()
    assert {p.id for p in program_repo.list()} == {"other", "fysio"}


# -- 5. one unreadable picture -----------------------------------------------------------------


def test_an_unreadable_picture_stays_behind_and_the_rest_travels(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    data_dir: Path,
    exercise_repo: ExerciseRepository,
    program_repo: ProgramRepository,
) -> None:
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "broken.png").write_bytes(b"MZ this is a program, not a picture" * 4)
    (pictures / "wall-slide.png").write_bytes(png(20, 10))
    broken = replace(own_exercise("broken", "broken.png"), name=Text("Bridge", "Brug"))
    exercise_repo.save(broken)
    exercise_repo.save(own_exercise())
    program_repo.save(own_program("broken", "wall-slide"))
    page = make_page(db=db)
    assert page.controller.select_program("from-my-physio")
    target = tmp_path / "out.rugprog"
    answer(monkeypatch, "ask_programme_export", "")
    answer(monkeypatch, "choose_programme_export_file", target)
    errors = answer(monkeypatch, "show_error", None)
    with qtbot.waitSignal(page.controller.notice) as notice:
        assert page.files.export() == target
    assert errors == []
    assert notice.args is not None
    assert "without the pictures of Bridge" in notice.args[0]
    assert "broken" not in notice.args[0]  # named as the person knows it, not by its id
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "pictures/wall-slide.png"]


# -- 7. reasons in the UI's language -----------------------------------------------------------


@pytest.mark.usefixtures("dutch")
def test_import_export_and_sheet_give_their_reasons_in_dutch(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    program_repo: ProgramRepository,
) -> None:
    program_repo.save(own_program("deleted-exercise", "bird-dog"))
    page = make_page(db=db, lang="nl")
    errors = answer(monkeypatch, "show_error", None)
    empty = tmp_path / "leeg.rugprog"
    empty.write_bytes(b"")
    assert page.files.import_file(empty) is None
    assert page.controller.select_program("from-my-physio")
    answer(monkeypatch, "ask_programme_export", "")
    answer(monkeypatch, "choose_programme_export_file", tmp_path / "x.rugprog")
    assert page.files.export() is None
    answer(monkeypatch, "choose_sheet_file", tmp_path / "x.pdf")
    with qtbot.waitSignal(page.files.sheetFinished) as finished:
        page.files.save_sheet()
    assert finished.args == [None]
    texts = [text for _parent, _title, text in errors]
    assert len(texts) == 3
    assert "het bestand is leeg" in texts[0]
    assert "er is geen oefening 'deleted-exercise'" in texts[1]
    assert "er is geen oefening 'deleted-exercise'" in texts[2]
    assert not any("the file is" in t or "there is no" in t for t in texts)


# -- 9. the note's other language --------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        # OK pressed with the note as shown: both languages as they were.
        ("Twice a day; stop at a 5.", ("Twice a day; stop at a 5.", "Twee keer; stop bij 5.")),
        # Changed: the English one is what the person wrote, the Dutch one stays.
        ("Three times a day.", ("Three times a day.", "Twee keer; stop bij 5.")),
    ],
)
def test_export_keeps_the_note_in_the_language_not_shown(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    program_repo: ProgramRepository,
    shown: str,
    expected: tuple[str, str],
) -> None:
    note = Text(en="Twice a day; stop at a 5.", nl="Twee keer; stop bij 5.")
    program_repo.save(replace(own_program("bird-dog"), note=note))
    page = make_page(db=db)
    assert page.controller.select_program("from-my-physio")
    target = tmp_path / "note.rugprog"
    asked = answer(monkeypatch, "ask_programme_export", shown)
    answer(monkeypatch, "choose_programme_export_file", target)
    assert page.files.export() == target
    assert asked[0][2] == note.en
    sent = json.loads(target.read_bytes())["programme"]["note"]
    assert (sent["en"], sent["nl"]) == expected


# -- the sheet, built off the UI thread --------------------------------------------------------


def test_the_sheet_is_built_while_the_window_stays_usable(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_page: Callable[..., ProgramsPage],
    db: Database,
) -> None:
    page = make_page(db=db)
    assert page.controller.select_program("strength")
    target = tmp_path / "sheet.pdf"
    answer(monkeypatch, "choose_sheet_file", target)
    notices: list[str] = []
    page.controller.notice.connect(lambda text, _undo: notices.append(text))
    with qtbot.waitSignal(page.files.sheetFinished, timeout=30_000) as finished:
        assert page.files.save_sheet() == target
        # Back at once: the sheet is being made meanwhile, said in the status line, with
        # a busy cursor, and a second press cannot start another.
        assert page.files.making_sheet
        assert notices == ["Making the exercise sheet…"]
        assert QApplication.overrideCursor() is not None
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
        assert not page.view.programs.sheet_button.isEnabled()
        assert page.files.save_sheet() is None
    assert finished.args == [target]
    assert target.read_bytes().startswith(b"%PDF-")
    assert notices[-1] == "Exercise sheet saved as sheet.pdf"
    assert QApplication.overrideCursor() is None
    assert page.view.programs.sheet_button.isEnabled()


# -- an own exercise's picture after a delete --------------------------------------------------


def test_a_deleted_exercises_picture_stays_for_undo_and_goes_at_the_next_start(
    monkeypatch: pytest.MonkeyPatch,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    data_dir: Path,
    exercise_repo: ExerciseRepository,
) -> None:
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "wall-slide.png").write_bytes(png(20, 10))
    (pictures / "kept.png").write_bytes(png(20, 10))
    (pictures / ".staged.part").write_bytes(b"being written")
    exercise_repo.save(own_exercise())
    exercise_repo.save(own_exercise("kept", "kept.png"))
    page = make_page(db=db)
    page.view.show_library()
    assert page.controller.select_exercise("wall-slide")
    assert page.controller.delete_exercise()
    # Undo can still bring it back, picture and all.
    assert (pictures / "wall-slide.png").exists()
    page.controller.undo_stack.undo()
    assert exercise_repo.get("wall-slide") is not None
    assert (pictures / "wall-slide.png").exists()
    # A page built while that undo step waits keeps the picture too.
    page.controller.undo_stack.redo()
    make_page(db=db)
    assert (pictures / "wall-slide.png").exists()
    # The next start has no undo step left: the file (health data) goes, the rest stays.
    page.controller.undo_stack.clear()
    make_page(db=db)
    assert sorted(p.name for p in pictures.iterdir()) == [".staged.part", "kept.png"]
