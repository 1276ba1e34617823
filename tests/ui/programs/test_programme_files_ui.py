"""Export, Import and Print sheet on the Exercises page, with every question answered by a patch."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from programme_samples import own_exercise, own_program, png
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Level, Text
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository
from rugdiary.ui import dialogs
from rugdiary.ui.programs.export_dialog import ProgrammeExportDialog
from rugdiary.ui.programs.page import ProgramsPage


@pytest.fixture
def files_page(
    make_page: Callable[..., ProgramsPage],
    db: Database,
    data_dir: Path,
    exercise_repo: ExerciseRepository,
    program_repo: ProgramRepository,
) -> ProgramsPage:
    exercise_repo.save(own_exercise())
    (data_dir / "pictures").mkdir(parents=True, exist_ok=True)
    (data_dir / "pictures" / "wall-slide.png").write_bytes(png(20, 10))
    program_repo.save(own_program("wall-slide", "bird-dog"))
    page = make_page(db=db)
    assert page.controller.select_program("from-my-physio")
    return page


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any) -> Any:
        calls.append(args)
        return value

    monkeypatch.setattr(dialogs, name, fake)
    return calls


def test_export_asks_for_a_note_and_writes_the_file_with_the_picture(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, files_page: ProgramsPage, tmp_path: Path
) -> None:
    target = tmp_path / "for-anna.rugprog"
    notes = answer(monkeypatch, "ask_programme_export", "Twice a day.")
    answer(monkeypatch, "choose_programme_export_file", target)
    with qtbot.waitSignal(files_page.controller.notice) as notice:
        qtbot.mouseClick(files_page.view.programs.export_button, Qt.MouseButton.LeftButton)
    assert notices_name(notice.args, "for-anna.rugprog")
    assert notes[0][1] == "From my physio"
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert archive.read("pictures/wall-slide.png") == png(20, 10)
    assert manifest["programme"]["note"]["en"] == "Twice a day."


def test_export_never_writes_over_the_diary_even_when_the_person_said_replace(
    monkeypatch: pytest.MonkeyPatch, files_page: ProgramsPage, data_dir: Path
) -> None:
    """The save dialog asked "replace?" and got yes; the diary is still not a target."""
    from rugdiary.storage.database import diary_path

    diary = diary_path(data_dir)
    before = diary.read_bytes()
    answer(monkeypatch, "ask_programme_export", "")
    answer(monkeypatch, "choose_programme_export_file", diary)
    errors = answer(monkeypatch, "show_error", None)
    assert files_page.files.export() is None
    assert diary.read_bytes() == before
    assert "one of RugDiary's own files" in errors[0][2]


def notices_name(args: list[Any] | None, words: str) -> bool:
    return args is not None and words in args[0]


def test_cancelling_the_notice_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, files_page: ProgramsPage, tmp_path: Path
) -> None:
    answer(monkeypatch, "ask_programme_export", None)
    chosen = answer(monkeypatch, "choose_programme_export_file", tmp_path / "x.rugprog")
    assert files_page.files.export() is None
    assert chosen == []
    assert list(tmp_path.glob("*.rugprog")) == []


def test_export_dialog_says_there_is_no_diary_data(qtbot: QtBot) -> None:
    dialog = ProgrammeExportDialog("Strength", "old note")
    qtbot.addWidget(dialog)
    assert "no diary data" in dialog.notice.text()
    assert dialog.note() == "old note"
    dialog.note_edit.setPlainText("x" * 2001)
    assert not dialog.export_button.isEnabled()


def _changed_file(
    tmp_path: Path, files_page: ProgramsPage, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A file whose wall slide differs from the one in the diary."""
    target = tmp_path / "changed.rugprog"
    answer(monkeypatch, "ask_programme_export", "")
    answer(monkeypatch, "choose_programme_export_file", target)
    files_page.files.export()
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        picture = archive.read("pictures/wall-slide.png")
    manifest["exercises"][0]["name"] = {"en": "Wall slide, deeper", "nl": "Dieper"}
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("pictures/wall-slide.png", picture)
    return target


def test_import_conflict_keep_both(
    monkeypatch: pytest.MonkeyPatch,
    files_page: ProgramsPage,
    tmp_path: Path,
    exercise_repo: ExerciseRepository,
    program_repo: ProgramRepository,
    data_dir: Path,
) -> None:
    target = _changed_file(tmp_path, files_page, monkeypatch)
    answer(monkeypatch, "choose_programme_file", target)
    asked = answer(monkeypatch, "ask_import_conflict", dialogs.ImportChoice.KEEP_BOTH)
    plan = files_page.files.import_file()
    assert plan is not None
    [(_, names, replaceable)] = asked
    assert names == ["Exercise “Wall slide”"]
    assert replaceable
    assert {e.id for e in exercise_repo.list()} == {"wall-slide", "wall-slide-2"}
    # The programme itself was the same, but its copy must use the kept copy of the exercise.
    assert {p.id for p in program_repo.list()} == {"from-my-physio", "from-my-physio-2"}
    assert (data_dir / "pictures" / "wall-slide-2.png").read_bytes() == png(20, 10)
    assert files_page.controller.selected_program().id == "from-my-physio-2"


def test_import_conflict_replace_and_cancel(
    monkeypatch: pytest.MonkeyPatch,
    files_page: ProgramsPage,
    tmp_path: Path,
    exercise_repo: ExerciseRepository,
    db: Database,
) -> None:
    target = _changed_file(tmp_path, files_page, monkeypatch)
    answer(monkeypatch, "choose_programme_file", target)
    before = db.path.read_bytes()
    answer(monkeypatch, "ask_import_conflict", None)
    assert files_page.files.import_file() is None
    assert db.path.read_bytes() == before
    answer(monkeypatch, "ask_import_conflict", dialogs.ImportChoice.REPLACE)
    assert files_page.files.import_file() is not None
    assert [e.name.en for e in exercise_repo.list()] == ["Wall slide, deeper"]


def test_a_bad_file_is_explained_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, files_page: ProgramsPage, tmp_path: Path, db: Database
) -> None:
    bad = tmp_path / "bad.rugprog"
    bad.write_text('{"format": "rugdiary-programme", "version": 1, "programme": {}, "x": 1}')
    answer(monkeypatch, "choose_programme_file", bad)
    errors = answer(monkeypatch, "show_error", None)
    before = db.path.read_bytes()
    assert files_page.files.import_file() is None
    [(_, title, text)] = errors
    assert title == "Nothing was imported"
    assert "bad.rugprog" in text
    assert "x: is not a programme file field" in text
    assert db.path.read_bytes() == before


def test_importing_a_builtin_programme_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, files_page: ProgramsPage, tmp_path: Path
) -> None:
    target = tmp_path / "desk.rugprog"
    assert files_page.controller.select_program("desk-break")
    answer(monkeypatch, "ask_programme_export", "")
    answer(monkeypatch, "choose_programme_export_file", target)
    files_page.files.export()
    answer(monkeypatch, "choose_programme_file", target)
    plan = files_page.files.import_file()
    assert plan is not None
    assert not plan.changes_anything


def test_print_sheet_writes_a_pdf_at_the_chosen_level(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, files_page: ProgramsPage, tmp_path: Path
) -> None:
    target = tmp_path / "sheet.pdf"
    suggested = answer(monkeypatch, "choose_sheet_file", target)
    files_page.view.programs.set_level(Level.ADVANCED)
    with qtbot.waitSignal(files_page.files.sheetFinished) as finished:
        assert files_page.files.save_sheet() == target
    assert finished.args == [target]
    assert suggested[0][1].name == "from-my-physio-advanced.pdf"
    assert target.read_bytes().startswith(b"%PDF-")


def test_buttons_follow_the_selection_and_import_needs_the_diary(
    make_page: Callable[..., ProgramsPage],
) -> None:
    page = make_page()
    progs = page.view.programs
    assert progs.export_button.isEnabled()
    assert progs.sheet_button.isEnabled()
    assert not progs.import_button.isEnabled()  # built without the diary: nowhere to write
    progs.list.setCurrentRow(-1)
    assert not progs.export_button.isEnabled()


def test_editing_a_programme_keeps_the_physiotherapists_note(
    program_repo: ProgramRepository, make_page: Callable[..., ProgramsPage]
) -> None:
    note = Text(en="From Anna", nl="Van Anna")
    program_repo.save(replace(own_program("bird-dog"), note=note))
    page = make_page()
    assert page.controller.select_program("from-my-physio")
    editor = page.controller.edit_program()
    assert editor is not None
    assert editor.build().note == note
    editor.view.reject()


def test_the_physiotherapists_note_shows_with_the_programme(
    program_repo: ProgramRepository, make_page: Callable[..., ProgramsPage]
) -> None:
    program_repo.save(replace(own_program("bird-dog"), note=Text(en="Gently", nl="Rustig")))
    page = make_page()
    assert page.controller.select_program("from-my-physio")
    assert "From your physiotherapist: Gently" in page.view.programs.description.text()


def test_an_svg_picture_travels_as_png(
    monkeypatch: pytest.MonkeyPatch,
    make_page: Callable[..., ProgramsPage],
    db: Database,
    data_dir: Path,
    exercise_repo: ExerciseRepository,
    program_repo: ProgramRepository,
    tmp_path: Path,
) -> None:
    from rugdiary.core.program_file import picture_info

    (data_dir / "pictures").mkdir(parents=True, exist_ok=True)
    (data_dir / "pictures" / "drawn.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40">'
        '<rect width="60" height="40" fill="#336699"/></svg>'
    )
    exercise_repo.save(own_exercise("drawn", "drawn.svg"))
    program_repo.save(own_program("drawn"))
    page = make_page(db=db)
    assert page.controller.select_program("from-my-physio")
    target = tmp_path / "drawn.rugprog"
    answer(monkeypatch, "ask_programme_export", "")
    answer(monkeypatch, "choose_programme_export_file", target)
    assert page.files.export() == target
    with zipfile.ZipFile(target) as archive:
        info = picture_info(archive.read("pictures/drawn.png"))
    assert info.kind == "png"
    assert info.width / info.height == pytest.approx(1.5, abs=0.01)
