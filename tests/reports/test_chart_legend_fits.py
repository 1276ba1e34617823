"""A legend under a chart fits inside its figure: as many columns as there is room for.

Three keys side by side were wider than the weekly chart in the smallest window (in Dutch,
"Deel van een week (aan de rand van de periode)"), and both ends of the legend were cut off.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from rugdiary.core import stats
from rugdiary.core.demo import generate_demo_entries
from rugdiary.reports import charts
from rugdiary.reports.activity_charts import build_activities_figure
from rugdiary.reports.chart_theme import ChartStyle

END = date(2026, 3, 1)
SMALLEST_WINDOW_CHART = (6.2, 3.4)
"""Inches at 100 dpi: a chart card's figure in a 900-pixel window."""
SCREEN_TEXT = 1.2
"""The Insights page's chart text (ui/insights/controller.py SCREEN_CHART_TEXT)."""


class _Session:
    def __init__(self, day: date) -> None:
        self.started_at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
        self.done_s = 900.0


def _series(days: int = 90) -> stats.DailySeries:
    entries = generate_demo_entries(days, 7, END, tz=UTC)
    start = END - timedelta(days=days - 1)  # a Tuesday: the first week is a part of one
    sessions = [_Session(start + timedelta(days=i)) for i in range(0, days, 3)]
    return stats.daily_series(entries, start, END, sessions)


def _legends_outside(fig: Figure) -> list[str]:
    """Each figure legend that reaches past the figure's edges, with its keys."""
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    out = []
    for legend in fig.legends:
        box = legend.get_window_extent(renderer)
        if box.x0 < -0.5 or box.x1 > fig.bbox.width + 0.5:
            keys = [t.get_text() for t in legend.get_texts()]
            out.append(f"{box.x0:.0f}..{box.x1:.0f} of {fig.bbox.width:.0f}: {keys}")
    return out


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_weekly_legend_fits_the_smallest_windows_chart(lang: str) -> None:
    weeks = stats.weekly_summaries(_series())
    assert weeks[0].days_in_period < 7, "a part of a week gets its own key"
    fig = charts.build_weekly_figure(
        weeks, ChartStyle(lang=lang, font_scale=SCREEN_TEXT), size=SMALLEST_WINDOW_CHART
    )
    assert len(fig.legends) == 1
    assert _legends_outside(fig) == []
    assert fig.legends[0]._ncols < 3  # the long key takes a row of its own


def test_the_weekly_legend_fits_as_the_screen_draws_it() -> None:
    weeks = stats.weekly_summaries(_series())
    fig = charts.build_weekly_figure(
        weeks, ChartStyle(lang="nl", font_scale=SCREEN_TEXT), size=SMALLEST_WINDOW_CHART
    )
    charts.draw_for_screen(fig, np.copy)
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    box = fig.legends[0].get_window_extent(renderer)
    assert box.x0 >= 0
    assert box.x1 <= fig.bbox.width


def test_a_wide_chart_keeps_three_columns() -> None:
    weeks = stats.weekly_summaries(_series())
    fig = charts.build_weekly_figure(
        weeks, ChartStyle(lang="nl", font_scale=SCREEN_TEXT), size=(11.0, 3.4)
    )
    assert fig.legends[0]._ncols == 3
    assert _legends_outside(fig) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_reports_timeline_legend_fits_its_page(lang: str) -> None:
    """The PDF's chart (the timeline, 180 mm wide, text at 85 %) keeps its three columns."""
    style = ChartStyle(lang=lang, font_scale=0.85)
    fig = charts.build_timeline_figure(_series(), style, size=(180 / 25.4, 55 / 25.4), dpi=200)
    assert fig.legends[0]._ncols == 3
    assert _legends_outside(fig) == []


def test_long_activity_names_take_fewer_columns() -> None:
    from rugdiary.core.activities import Activity, ActivityScore

    names = (
        "Een hele middag in de tuin werken zonder pauze",
        "Met de kinderen naar het zwembad fietsen",
        "Boodschappen dragen",
    )
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    activities = [Activity(id=f"a{i}", name=name, created_at=start) for i, name in enumerate(names)]
    scores = [
        ActivityScore(
            id=f"s{i}{k}", activity_id=f"a{i}", at=start + timedelta(days=14 * k), score=3 + k
        )
        for i in range(len(names))
        for k in range(3)
    ]
    fig = build_activities_figure(
        activities,
        scores,
        start.date(),
        start.date() + timedelta(days=40),
        ChartStyle(lang="nl", font_scale=SCREEN_TEXT),
        size=SMALLEST_WINDOW_CHART,
    )
    assert _legends_outside(fig) == []
