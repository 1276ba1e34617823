"""The Today page's week card: sitting per day, from the per-day figures."""

from __future__ import annotations

from datetime import date, datetime

from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import BuiltinContent
from rugdiary.core.sitting import SittingDay
from rugdiary.resources import resources_dir
from rugdiary.storage.repositories import SittingRepository
from rugdiary.ui.services import Services
from rugdiary.ui.today.page import build_today_page
from rugdiary.ui.today.today_view import TodayView


def _builtin() -> BuiltinContent:
    return BuiltinContent(resources_dir())


def test_week_card_shows_sitting_per_day_of_this_week(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 3, 4, 12, 0).astimezone())  # Wednesday
    repo = SittingRepository(services.db)
    repo.add(
        [
            SittingDay(date(2026, 3, 1), active_s=7200, longest_s=3600),  # last week's Sunday
            SittingDay(
                date(2026, 3, 2),
                active_s=4 * 3600 + 600,
                longest_s=3300,
                taken=3,
                skipped=1,
                natural=2,
            ),
            SittingDay(date(2026, 3, 3), active_s=2400, longest_s=2400, natural=1),
        ]
    )
    page = build_today_page(
        services.entries,
        services.sessions,
        services.programs,
        services.settings,
        services.clock,
        _builtin,
        sitting=repo,
    )
    qtbot.addWidget(page.view)
    view = page.view
    assert not view.sitting_box.isHidden()
    assert view.sitting_label.text() == "Sitting and movement breaks this week:"
    assert _grid(view) == [
        ["Day", "Sitting", "Longest", "Taken", "Skipped", "Natural"],
        ["Mon", "4:10", "0:55", "3", "1", "2"],
        ["Tue", "0:40", "0:40", "0", "0", "1"],
    ]


def _grid(view: TodayView) -> list[list[str]]:
    grid = view.sitting_grid
    rows = []
    for row in range(grid.rowCount()):
        items = [grid.itemAtPosition(row, col) for col in range(grid.columnCount())]
        rows.append([item.widget().text() for item in items if item is not None])
    return rows


def test_no_sitting_figures_no_line(qtbot: QtBot, services: Services) -> None:
    page = build_today_page(
        services.entries,
        services.sessions,
        services.programs,
        services.settings,
        services.clock,
        _builtin,
        sitting=SittingRepository(services.db),
    )
    qtbot.addWidget(page.view)
    assert page.view.sitting_box.isHidden()
