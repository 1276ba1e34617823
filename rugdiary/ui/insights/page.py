"""Builds the Insights page from its services: view and controller in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from rugdiary.core.clock import Clock
from rugdiary.ui.insights.chart_jobs import EntrySource, SessionSource
from rugdiary.ui.insights.controller import InsightsController
from rugdiary.ui.insights.insights_view import InsightsView

if TYPE_CHECKING:
    from rugdiary.ui.activities.stores import ActivityStores
    from rugdiary.ui.insights.activities_section import ActivitiesSectionController


@dataclass(frozen=True, slots=True)
class InsightsPage:
    """The parts of the Insights page that the main window and tests need to reach."""

    view: InsightsView
    controller: InsightsController
    activities: ActivitiesSectionController | None = None
    """My activities (PSFS / PSK): their card, when the page was given their stores."""


def build_insights_page(
    entries: EntrySource,
    sessions: SessionSource | None,
    clock: Clock,
    *,
    theme: str = "light",
    lang: str = "en",
    parent: QWidget | None = None,
    activities: ActivityStores | None = None,
) -> InsightsPage:
    """The page, idle until first shown: no chart library is imported before that.

    Connect `controller.openDayRequested(datetime.date)` to open that day in the diary;
    call `controller.set_theme` / `set_language` when those settings change, and
    optionally `controller.warm_up()` once the app is idle after start-up.
    """
    view = InsightsView(parent)
    controller = InsightsController(
        view, entries, sessions, clock, theme=theme, lang=lang, parent=view
    )
    section_controller = None
    if activities is not None:
        from rugdiary.ui.insights.activities_section import (
            ActivitiesSection,
            ActivitiesSectionController,
        )

        section = ActivitiesSection(view.content)
        layout = view.content.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, section)  # under the answer, above the stress and pain charts
        section_controller = ActivitiesSectionController(section, activities, controller)
    return InsightsPage(view, controller, section_controller)
