"""Builds the Today page from its services: view, program catalog and controller in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.ui.flare.controller import FlareLineController, FlareStore
from rugdiary.ui.today.controller import (
    EntryStore,
    SessionSource,
    SettingsSource,
    SittingSource,
    TodayController,
)
from rugdiary.ui.today.data import BuiltinSource, ExerciseStore, ProgramCatalog, ProgramStore
from rugdiary.ui.today.today_view import TodayView

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from rugdiary.ui.activities.stores import ActivityStores


@dataclass(frozen=True, slots=True)
class TodayPage:
    """The parts of the Today page that the main window and tests need to reach."""

    view: TodayView
    controller: TodayController
    flare: FlareLineController | None = None


def build_today_page(
    entries: EntryStore,
    sessions: SessionSource,
    programs: ProgramStore,
    settings: SettingsSource,
    clock: Clock,
    builtin: Callable[[], BuiltinSource],
    *,
    exercises: ExerciseStore | None = None,
    lang: str = "en",
    parent: QWidget | None = None,
    sitting: SittingSource | None = None,
    activities: ActivityStores | None = None,
    flares: FlareStore | None = None,
    undo_stack: QUndoStack | None = None,
) -> TodayPage:
    """The page; `builtin` is called only when a program name is first needed.

    `exercises` (the user's own) lets the page give the length of own programs that use
    them; without it those programs show no duration. With the window's `undo_stack`,
    Undo takes back a quick entry.
    """
    view = TodayView(parent)
    catalog = ProgramCatalog(builtin, programs, exercises, lang)
    controller = TodayController(
        view,
        entries,
        sessions,
        settings,
        catalog,
        clock,
        lang,
        parent=view,
        sitting=sitting,
        activities=activities,
        undo_stack=undo_stack,
    )
    # Without a flare-up store (older callers), the "flaring up" line stays hidden.
    flare = None if flares is None else FlareLineController(view.flare_line, flares, clock, view)
    view.flare_line.setVisible(flare is not None)
    if flare is not None:
        view.shown.connect(flare.refresh)
        # "Since yesterday at 21:00" after midnight, not "since today".
        controller.day_watcher.dayChanged.connect(flare.refresh)
    return TodayPage(view, controller, flare)
