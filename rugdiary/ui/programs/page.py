"""Builds the Programs page from its services: models, view and controller in one place."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.core.content import Library
from rugdiary.storage.program_files import (
    diary_copies,
    picture_names_in_use,
    remove_unused_pictures,
)
from rugdiary.ui.programs.commands import (
    EntrySource,
    ExerciseStore,
    ProgramStore,
    SessionSource,
    exercises_held,
)
from rugdiary.ui.programs.controller import ProgramsController, ReminderSource
from rugdiary.ui.programs.library_model import ExerciseFilterModel, ExerciseListModel
from rugdiary.ui.programs.programme_files import ProgrammeFilesController
from rugdiary.ui.programs.programs_page_view import ProgramsView
from rugdiary.ui.programs.thumbnails import ExercisePictures

if TYPE_CHECKING:
    from rugdiary.storage.database import Database

PICTURES_DIR = "pictures"
"""Folder inside the data folder where own exercises' pictures are copied."""


class _ThemeWatcher(QObject):
    """Shows the selected exercise again when the colours change (Settings → Colours).

    The list's pictures are drawn anew as they are painted (their cache key holds the
    figure colours), but the large picture above the details is a pixmap made once; it
    kept the old theme's colours until another exercise was chosen.
    """

    def __init__(self, controller: ProgramsController, view: QWidget) -> None:
        super().__init__(view)
        self._controller = controller
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            exercise = self._controller.selected_exercise()
            if exercise is not None:
                self._controller.select_exercise(exercise.id)
        return False


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
    lets Import write a programme file's records and pictures in one go, and lets the
    page remove the pictures no exercise names any more (deleted in an earlier run).
    `reminders` (the reminder settings) lets a delete say that a reminder still offers
    the program.
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
    _ThemeWatcher(controller, view)
    if db is not None:
        # A deleted exercise's picture stays while Undo can bring the exercise back; at the
        # start no undo step of an earlier run is left, and its file (health data) can go.
        remove_unused_pictures(
            pictures.pictures_dir,
            lambda: (
                picture_names_in_use(db)
                | {Path(e.picture).name for e in exercises_held(undo_stack) if e.picture}
            ),
            diary_copies(db.data_dir),
        )
    return ProgramsPage(view, controller, files)
