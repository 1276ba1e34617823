"""Builds the Programs page from its services: models, view and controller in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.core.content import Library
from rugdiary.ui.programs.commands import EntrySource, ExerciseStore, ProgramStore, SessionSource
from rugdiary.ui.programs.controller import ProgramsController
from rugdiary.ui.programs.library_model import ExerciseFilterModel, ExerciseListModel
from rugdiary.ui.programs.programs_page_view import ProgramsView
from rugdiary.ui.programs.thumbnails import ExercisePictures

PICTURES_DIR = "pictures"
"""Folder inside the data folder where own exercises' pictures are copied."""


@dataclass(frozen=True, slots=True)
class ProgramsPage:
    """The parts of the Programs page that the main window and tests need to reach."""

    view: ProgramsView
    controller: ProgramsController


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
    parent: QWidget | None = None,
) -> ProgramsPage:
    """The page; own pictures live in ``data_dir / "pictures"``.

    `entries` (the diary) is optional: with it, a session followed by a worse next
    morning counts as a "go lighter" response, as CLINICAL.md asks.
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
    )
    return ProgramsPage(view, controller)
