"""Insights: the higher/lower-stress chart follows the sentence's diary check (CLINICAL.md §5)."""

from __future__ import annotations

from collections.abc import Callable

from rugdiary.reports.chart_theme import ChartStyle
from rugdiary.ui.insights.chart_jobs import build_figure
from rugdiary.ui.insights.page import InsightsPage

MakePage = Callable[..., InsightsPage]


def _gids(fig: object) -> set[str]:
    return {a.get_gid() for a in fig.findobj() if a.get_gid()}  # type: ignore[attr-defined]


def _texts(fig: object) -> str:
    found = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]  # type: ignore[attr-defined]
    return "\n".join(t for t in found if t)


def test_a_flat_diary_gets_the_reason_on_the_split_too(
    make_page: MakePage, repo, make_entry
) -> None:
    """Stress and pain mostly 3: the sentence says "too little variation yet", and the split
    showed two means and a difference beside it as if they were a finding."""
    entries = [
        make_entry(days_ago=i, pain=3 + (i % 5 == 0), stress=3 + (i % 5 == 0)) for i in range(120)
    ]
    repo.add_many(entries)
    page = make_page()
    assert "too little variation yet" in page.view.sentence.text()
    result = page.controller.result
    assert result is not None
    assert result.high_low is not None
    assert result.high_low.difference is not None, "there is a split to hold back"
    table = result.tables["high_low"]
    assert table.summary.startswith("Your scores hardly change from day to day")
    assert table.rows == ()
    fig = build_figure(result, "high_low", ChartStyle())
    assert "means" not in _gids(fig)
    assert "difference" not in _gids(fig)
    assert "Your scores hardly change from day to day yet" in _texts(fig)


def test_a_diary_with_many_gaps_gets_the_reason_on_the_split_too(
    make_page: MakePage, repo, make_entry
) -> None:
    """Every other day filled in, with scores that move: the split says why, as the lag
    chart does, instead of comparing means from half the days."""
    entries = [
        make_entry(days_ago=i, pain=1 + (i * 7) % 9, stress=1 + (i * 5) % 9)
        for i in range(0, 120, 2)
    ]
    repo.add_many(entries)
    page = make_page()
    result = page.controller.result
    assert result is not None
    lag = result.tables["lag"].summary
    assert lag.startswith("Too few days filled in to compare")
    assert result.tables["high_low"].summary == lag
    fig = build_figure(result, "high_low", ChartStyle())
    assert "means" not in _gids(fig)
    assert "Too few days filled in to compare" in _texts(fig)
