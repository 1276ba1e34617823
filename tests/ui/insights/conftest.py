"""Insights page fixtures: a diary of generated days, and the page shown in a window."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository, SessionRepository
from rugdiary.ui.insights.chart_jobs import ChartResult
from rugdiary.ui.insights.page import InsightsPage, build_insights_page
from tests.ui.conftest import add_demo_diary

READY_TIMEOUT_MS = 30_000
"""Generous: the first request imports matplotlib and scipy in the worker."""

Fill = Callable[[int], None]


@pytest.fixture
def sessions(db: Database) -> SessionRepository:
    return SessionRepository(db)


@pytest.fixture
def fill(repo: EntryRepository, sessions: SessionRepository, clock: FakeClock) -> Fill:
    """Put `days` days of demo entries (ending on the clock's day) and a session a week in."""

    def fill_days(days: int) -> None:
        add_demo_diary(repo, sessions, clock.now().date(), days)

    return fill_days


@pytest.fixture
def make_page(
    qtbot: QtBot, repo: EntryRepository, sessions: SessionRepository, clock: FakeClock
) -> Iterator[Callable[..., InsightsPage]]:
    """Build the page inside a plain main window; `show=True` shows it and waits for charts."""
    built: list[tuple[InsightsPage, QMainWindow]] = []

    def make(*, show: bool = True, entries: object = None, **kwargs: object) -> InsightsPage:
        page = build_insights_page(entries or repo, sessions, clock, **kwargs)  # type: ignore[arg-type]
        window = QMainWindow()
        window.setCentralWidget(page.view)
        window.resize(1100, 800)
        qtbot.addWidget(window)
        built.append((page, window))  # qtbot holds widgets weakly; the test needs it alive
        if show:
            with qtbot.waitSignal(page.controller.chartsReady, timeout=READY_TIMEOUT_MS):
                window.show()
        return page

    yield make
    for page, _window in built:
        page.controller.wait_until_idle()


Ready = Callable[[InsightsPage, Callable[[], None]], ChartResult]


@pytest.fixture
def ready(qtbot: QtBot) -> Ready:
    """Do an action on the page and wait for the charts it asked for; returns the result."""

    def wait(page: InsightsPage, action: Callable[[], None]) -> ChartResult:
        with qtbot.waitSignal(page.controller.chartsReady, timeout=READY_TIMEOUT_MS) as blocker:
            action()
        result = blocker.args[0]
        assert isinstance(result, ChartResult)
        assert result.error is None
        return result

    return wait
