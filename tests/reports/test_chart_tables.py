"""Each chart's numbers in words and as a table, from the statistics the charts are drawn from."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rugdiary.core import stats
from rugdiary.core.demo import generate_demo_entries
from rugdiary.reports.chart_tables import TABLE_KEYS, ChartTable, chart_table
from rugdiary.reports.chart_theme import Language, label

END = date(2026, 3, 2)
START = END - timedelta(days=89)


def _tables(lang: Language, days: int = 120) -> dict[str, ChartTable]:
    entries = generate_demo_entries(days, seed=5, end=END) if days else []
    series = stats.daily_series(entries, START, END)
    return {
        key: chart_table(
            key,
            series=series,
            lags=stats.lag_correlations(series.pain, series.stress),
            same_day=stats.spearman(series.stress, series.pain),
            high_low=stats.high_low_stress(series.pain, series.stress),
            weeks=stats.weekly_summaries(series),
            lang=lang,
        )
        for key in TABLE_KEYS
    }


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_table_has_a_summary_and_rows_as_wide_as_its_columns(lang: Language) -> None:
    for key, table in _tables(lang).items():
        assert table.key == key
        assert table.summary.strip(), key
        assert table.rows, key
        assert all(len(row) == len(table.columns) for row in table.rows), key


def test_the_numbers_are_those_the_charts_print() -> None:
    entries = generate_demo_entries(120, seed=5, end=END)
    series = stats.daily_series(entries, START, END)
    corr = stats.spearman(series.stress, series.pain)
    tables = _tables("en")
    assert corr.rho is not None
    assert corr.ci95 is not None
    assert f"ρ = {corr.rho:.2f}".replace("-", "−") in tables["scatter"].summary
    assert f"n = {corr.n} days" in tables["scatter"].summary
    assert len(tables["timeline"].rows) == series.n_days
    assert len(tables["scatter"].rows) == corr.n
    high_low = stats.high_low_stress(series.pain, series.stress)
    assert high_low.difference is not None
    assert f"Difference {high_low.difference:.2f} points" in tables["high_low"].summary
    for name in ("same_day", "stress_to_next_day_pain", "pain_to_next_day_stress"):
        assert label(name, "en") in [row[0] for row in tables["lag"].rows]


def test_dutch_uses_a_decimal_comma() -> None:
    tables = _tables("nl")
    assert "," in tables["calendar"].summary
    assert "Pijn" in tables["calendar"].columns


def test_an_empty_period_says_so() -> None:
    tables = _tables("en", days=0)
    assert tables["timeline"].summary == "Nothing is filled in for this period."
    assert tables["high_low"].rows == ()


def test_an_unknown_chart_is_named() -> None:
    with pytest.raises(ValueError, match="pie"):
        chart_table(
            "pie",
            series=stats.daily_series([], START, END),
            lags=stats.lag_correlations([], []),
            same_day=stats.spearman([], []),
            high_low=stats.high_low_stress([], []),
            weeks=(),
            lang="en",
        )
