"""Today page fixtures: the page on real repositories and a fake clock, shown and active."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import BuiltinContent
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session
from rugdiary.resources import resources_dir
from rugdiary.ui.services import Services
from rugdiary.ui.today.page import TodayPage, build_today_page


@cache
def _builtin() -> BuiltinContent:
    return BuiltinContent(resources_dir())


@pytest.fixture
def build_today(qtbot: QtBot, services: Services) -> Callable[[], TodayPage]:
    """Build the page (after a test has stored what it needs), shown and active."""

    def build() -> TodayPage:
        page = build_today_page(
            services.entries,
            services.sessions,
            services.programs,
            services.settings,
            services.clock,
            _builtin,
            exercises=services.exercises,
        )
        view: QWidget = page.view
        qtbot.addWidget(view)
        view.resize(950, 700)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        return page

    return build


@pytest.fixture
def today(build_today: Callable[[], TodayPage]) -> TodayPage:
    return build_today()


@pytest.fixture
def make_session(clock: FakeClock) -> Any:
    """A finished session `days_ago` days before the clock's day, at 18:00."""

    def make(program_id: str = "core-stability-beginner", *, days_ago: int = 0) -> Session:
        day = clock.now() - timedelta(days=days_ago)
        start = datetime(day.year, day.month, day.day, 18, 0).astimezone()
        return Session(
            program_id=program_id,
            program_name=program_id,
            level=Level.BEGINNER,
            started_at=start,
            ended_at=start + timedelta(minutes=15),
            planned_s=900,
            done_s=900,
            steps_done=10,
            steps_skipped=0,
            completed=True,
        )

    return make
