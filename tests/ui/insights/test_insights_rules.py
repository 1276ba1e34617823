"""The Insights page keeps to today and to CLINICAL.md §5's rules for describing a pattern."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from rugdiary.core.clock import FakeClock
from rugdiary.reports.chart_theme import ChartStyle
from rugdiary.ui.insights.chart_jobs import build_figure
from rugdiary.ui.insights.page import InsightsPage
from rugdiary.ui.insights.ranges import RangeChoice, period_for

MakePage = Callable[..., InsightsPage]


def _qdate(day: date):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    return QDate(day.year, day.month, day.day)


def test_a_custom_period_ends_today_at_the_latest() -> None:
    today = date(2026, 3, 29)
    period = period_for(RangeChoice.CUSTOM, today, None, (date(2026, 3, 1), date(2026, 4, 30)))
    assert (period.start, period.end) == (date(2026, 3, 1), today)
    ahead = period_for(RangeChoice.CUSTOM, today, None, (date(2026, 5, 1), date(2026, 4, 2)))
    assert (ahead.start, ahead.end) == (today, today)


def test_the_date_fields_stop_at_the_clocks_today(
    fill, make_page: MakePage, ready, clock: FakeClock
) -> None:
    """A custom period ending after today was accepted, and the days to come were counted
    as days not filled in ("25 of 61 days filled in (41%)")."""
    fill(60)
    page = make_page()
    today = clock.now().date()
    view = page.view
    assert view.from_date.maximumDate() == _qdate(today)
    assert view.to_date.maximumDate() == _qdate(today)
    first = today - timedelta(days=28)
    result = ready(
        page,
        lambda: page.controller.set_range(RangeChoice.CUSTOM, (first, today + timedelta(days=32))),
    )
    assert (result.request.start, result.request.end) == (first, today)
    assert result.series is not None
    assert result.series.n_days == 29
    assert view.to_date.date() == _qdate(today)
    assert "of 29 days filled in" in view.period_label.text()
    # The next day the page is shown again, the fields offer that day as well.
    clock.advance(24 * 3600)
    view.hide()
    view.show()
    assert view.to_date.maximumDate() == _qdate(today + timedelta(days=1))


def test_a_diary_with_scores_that_hardly_move_gets_the_reason_and_no_figures(
    make_page: MakePage, repo, make_entry
) -> None:
    """Stress and pain always 3, once in a while 4 on the same day: no "ρ = 1.00"."""
    entries = [
        make_entry(days_ago=i, pain=3 + (i % 5 == 0), stress=3 + (i % 5 == 0)) for i in range(120)
    ]
    repo.add_many(entries)
    page = make_page()
    view = page.view
    assert "too little variation yet" in view.sentence.text()
    assert not view.numbers_button.isVisible()
    assert not view.caveat.isVisible()
    result = page.controller.result
    assert result is not None
    assert result.tables["lag"].summary.startswith("Your scores hardly change from day to day")
    lag = build_figure(result, "lag", ChartStyle())
    assert not [a for a in lag.findobj() if a.get_gid() == "same_day"]
    scatter = build_figure(result, "scatter", ChartStyle())
    assert not [line for line in scatter.axes[0].get_lines() if line.get_gid() == "trend"]
