""" "1 more pair of days in a row", not "1 more pairs": the lag chart and its table, EN and NL."""

from __future__ import annotations

import pytest

from rugdiary.core import stats
from rugdiary.reports import charts
from rugdiary.reports.chart_tables import lag_table
from rugdiary.reports.chart_theme import ChartStyle
from tests.reports.test_charts import _by_gid, _consecutive, _render

NEXT_DAY = ("stress_to_next_day_pain", "pain_to_next_day_stress")


@pytest.mark.parametrize(
    ("days", "lang", "expected"),
    [
        (42, "en", "1 more pair of\ndays in a row needed"),
        (41, "en", "2 more pairs of\ndays in a row needed"),
        (42, "nl", "nog 1 paar van\ndagen achter elkaar nodig"),
        (41, "nl", "nog 2 paren van\ndagen achter elkaar nodig"),
    ],
)
def test_the_lag_chart_says_pair_for_one_and_pairs_for_more(
    days: int, lang: str, expected: str
) -> None:
    series = _consecutive(days)
    lags = stats.lag_correlations(series.pain, series.stress)
    assert lags.stress_to_next_day_pain.n == days - 1
    fig = charts.build_lag_figure(lags, ChartStyle(lang=lang))
    _render(fig)
    for key in NEXT_DAY:
        (missing,) = _by_gid(fig, f"missing_{key}")
        assert missing.get_text() == expected, key  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("days", "lang", "expected"),
    [
        (42, "en", "Stress → next-day pain: 1 more pair of days in a row needed (n = 41)."),
        (41, "en", "Stress → next-day pain: 2 more pairs of days in a row needed (n = 40)."),
        (42, "nl", ": nog 1 paar van dagen achter elkaar nodig (n = 41)."),
        (41, "nl", ": nog 2 paren van dagen achter elkaar nodig (n = 40)."),
    ],
)
def test_the_lag_table_says_pair_for_one_and_pairs_for_more(
    days: int, lang: str, expected: str
) -> None:
    series = _consecutive(days)
    lags = stats.lag_correlations(series.pain, series.stress)
    summary = lag_table(lags, lang).summary  # type: ignore[arg-type]
    assert expected in summary
    assert "1 more pairs" not in summary
    assert "nog 1 paren" not in summary
