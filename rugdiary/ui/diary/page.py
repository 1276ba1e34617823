"""Builds the diary page from its services: view, model and controller in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.ui.diary.commands import EntryStore
from rugdiary.ui.diary.controller import DiaryController, ProgramNames, SessionSource
from rugdiary.ui.diary.diary_view import DiaryView
from rugdiary.ui.diary.entry_list_model import EntryListModel


@dataclass(frozen=True, slots=True)
class DiaryPage:
    """The parts of the diary page that the main window and tests need to reach."""

    view: DiaryView
    model: EntryListModel
    controller: DiaryController


def build_diary_page(
    entries: EntryStore,
    clock: Clock,
    undo_stack: QUndoStack,
    parent: QWidget | None = None,
    sessions: SessionSource | None = None,
    program_names: ProgramNames | None = None,
) -> DiaryPage:
    model = EntryListModel()
    view = DiaryView(model, parent)
    model.setParent(view)
    controller = DiaryController(
        view,
        model,
        entries,
        clock,
        undo_stack,
        parent=view,
        sessions=sessions,
        program_names=program_names,
    )
    return DiaryPage(view, model, controller)
