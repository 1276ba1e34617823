"""Builds the Report page from its services: view and controller in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from rugdiary import __version__
from rugdiary.core.clock import Clock
from rugdiary.core.reminders import ReminderState
from rugdiary.ui.report.controller import (
    EntrySource,
    ReportController,
    ReportExtras,
    SessionSource,
    SittingSource,
)
from rugdiary.ui.report.report_view import ReportView


@dataclass(frozen=True, slots=True)
class ReportPage:
    """The parts of the Report page that the main window and tests need to reach."""

    view: ReportView
    controller: ReportController


def build_report_page(
    entries: EntrySource,
    sessions: SessionSource,
    clock: Clock,
    *,
    lang: str = "en",
    app_version: str = __version__,
    reminders: Callable[[], ReminderState | None] | None = None,
    parent: QWidget | None = None,
    sitting: SittingSource | None = None,
    extras: ReportExtras | None = None,
    program_names: Callable[[str], Callable[[str], str | None]] | None = None,
) -> ReportPage:
    """The page; `lang` is the app's language, the report's default.

    Nothing heavy happens here: the first PDF is built when the page is first shown.
    """
    view = ReportView(parent)
    controller = ReportController(
        view,
        entries,
        sessions,
        clock,
        lang=lang,
        app_version=app_version,
        reminders=reminders,
        sitting=sitting,
        extras=extras,
        program_names=program_names,
        parent=view,
    )
    return ReportPage(view, controller)
