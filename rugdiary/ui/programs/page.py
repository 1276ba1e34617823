"""Builds the Programs page from its services: models, view and controller in one place."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.core.content import Library
from rugdiary.ui.programs.commands import EntrySource, ExerciseStore, ProgramStore, SessionSource
from rugdiary.ui.programs.controller import ProgramsController, ReminderSource
from rugdiary.ui.programs.library_model import ExerciseFilterModel, ExerciseListModel
from rugdiary.ui.programs.programme_files import ProgrammeFilesController
from rugdiary.ui.programs.programs_page_view import ProgramsView
from rugdiary.ui.programs.thumbnails import ExercisePictures

if TYPE_CHECKING:
    from rugdiary.storage.database import Database

PICTURES_DIR = "pictures"
"""Folder inside the data folder where own exercises' pictures are copied."""


@dataclass(frozen=True, slots=True)
class ProgramsPage:
    """The parts of the Programs page that the main window and tests need to reach.

    The window listens to `controller.notice` (status messages), `controller.startRequested`
    (play a program) and `controller.programsChanged` (own programs or exercises changed:
    Today and the reminders, which offer programs by id, read them again).
    """

    view: ProgramsView
    controller: ProgramsController
    files: ProgrammeFilesController


def build_programs_page(
    library: Library,
    programs: ProgramStore,
    exercises: ExerciseStore,
    sessions: SessionSource,
    clock: Clock,
    undo_stack: QUndoStack,
    data_dir: Path,
    *,
    lang: str = "en",
    entries: EntrySource | None = None,
    db: Database | None = None,
    reminders: ReminderSource | None = None,
    parent: QWidget | None = None,
) -> ProgramsPage:
    """The page; own pictures live in ``data_dir / "pictures"``.

    `entries` (the diary) is optional: with it, a session followed by a worse next
    morning counts as a "go lighter" response, as CLINICAL.md asks. `db` (the diary)
    lets Import write a programme file's records and pictures in one go. `reminders` (the
    reminder settings) lets a delete say that a reminder still offers the program.
    """
    pictures = ExercisePictures(Path(data_dir) / PICTURES_DIR)
    model = ExerciseListModel(pictures, lang)
    proxy = ExerciseFilterModel()
    proxy.setSourceModel(model)
    view = ProgramsView(proxy, parent)
    model.setParent(view)
    proxy.setParent(view)
    controller = ProgramsController(
        view,
        model,
        proxy,
        library,
        programs,
        exercises,
        sessions,
        clock,
        undo_stack,
        pictures,
        lang,
        entries,
        parent=view,
        reminders=reminders,
    )
    importer = None
    if db is not None:
        from rugdiary.storage.program_files import apply_import

        importer = partial(apply_import, db, pictures.pictures_dir)
    files = ProgrammeFilesController(controller, pictures.pictures_dir, importer, lang, parent=view)
    return ProgramsPage(view, controller, files)
