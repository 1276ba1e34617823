"""Each chart's numbers in words and as a table, from the statistics the charts are drawn from."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rugdiary.core import stats
from rugdiary.core.demo import generate_demo_entries
from rugdiary.core.insights import DiaryCheck
from rugdiary.reports.chart_tables import (
    TABLE_KEYS,
    ChartTable,
    chart_table,
    high_low_table,
    lag_table,
    weekly_table,
)
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


def test_high_low_text_counts_days_in_the_singular_and_says_what_is_missing() -> None:
    """ "Mean pain 5.00 on 1 lower-stress days … (95% CI −2.00 to −2.00)" from two days."""
    two = stats.high_low_stress([5, 3], [5, 7])
    en = high_low_table(two, "en").summary
    assert en == (
        "Mean pain 5.00 on 1 lower-stress day and 3.00 on 1 higher-stress day (split at "
        "stress 6.0). Difference −2.00 points. 26 more paired days needed before a pattern "
        "is described."
    )
    nl = high_low_table(stats.high_low_stress([5, 3, 4], [5, 7, 6]), "nl").summary
    assert "op 2 dagen met minder stress en 3,00 op 1 dag met meer stress" in nl
    assert "95%-BI" not in nl
    assert "Nog 25 dagen met beide scores nodig voor een patroon." in nl
    stress = [3.0] * 35 + [6.0] * 5
    pain = [3.0 + (i % 3) for i in range(35)] + [6.0] * 5
    lopsided = high_low_table(stats.high_low_stress(pain, stress), "en").summary
    assert "on 35 lower-stress days and 6.00 on 5 higher-stress days" in lopsided
    assert lopsided.endswith("No likely range yet: fewer than 7 days on one side.")


def test_lag_table_leaves_out_next_day_rows_below_42_pairs_and_says_why() -> None:
    start = END - timedelta(days=29)
    entries = generate_demo_entries(30, seed=5, end=END)
    series = stats.daily_series(entries, start, END)
    lags = stats.lag_correlations(series.pain, series.stress)
    n = lags.stress_to_next_day_pain.n
    assert 0 < n < 42
    table = lag_table(lags, "en")
    rows = {row[0]: row for row in table.rows}
    assert rows["stress → next-day pain"][1:] == ("–", "–", "–", str(n))
    assert (
        f"Stress → next-day pain: {42 - n} more pairs of days in a row needed (n = {n})."
        in table.summary
    )
    dutch = lag_table(lags, "nl")
    assert f"nog {42 - n} paren van dagen achter elkaar nodig (n = {n})" in dutch.summary
    flat = DiaryCheck(days_logged=30, span_days=30, pain_sd=0.4, stress_sd=2.0)
    table = lag_table(lags, "en", flat)
    assert all(row[1] == "–" for row in table.rows)
    assert table.summary == (
        "Your scores hardly change from day to day yet, so there is nothing to compare."
    )


def test_weekly_table_names_partial_weeks_and_the_means_it_leaves_out() -> None:
    end = date(2026, 12, 8)  # a Tuesday: the period's last week has 2 days in it
    start = end - timedelta(days=27)
    entries = [e for e in generate_demo_entries(40, seed=5, end=end) if e.day != end]
    series = stats.daily_series(entries, start, end)
    weeks = stats.weekly_summaries(series)
    assert weeks[-1].days_logged < 4
    table = weekly_table(weeks, "en")
    assert table.columns[-1] == "Note"
    last = table.rows[-1]
    assert last[2] == "–"
    assert last[4] == (
        "part of a week: 2 of its 7 days in the period; fewer than 4 days filled in: no mean pain"
    )
    assert table.rows[1][4] == ""
    assert "Weeks only partly in the period: 2 (lighter bars)." in table.summary
    assert "Weeks with fewer than 4 days filled in: 1 (no mean pain)." in table.summary
    dutch = weekly_table(weeks, "nl")
    assert "Weken die maar deels in de periode vallen: 2 (lichtere staven)." in dutch.summary
