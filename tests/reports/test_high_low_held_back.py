"""The higher/lower-stress split is no finding where the diary check holds the pattern back.

Too many days left out, or scores that hardly move (CLINICAL.md §5): the sentence, the
scatter and the lag chart give the reason instead of figures, and so must the split, on
its chart, in its table and in the PDF report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from rugdiary.core import insights, stats
from rugdiary.core.diary import DiaryEntry
from rugdiary.reports import charts
from rugdiary.reports.chart_tables import high_low_table
from rugdiary.reports.chart_theme import ChartStyle
from tests.reports.test_charts import _by_gid, _render, _series, _texts
from tests.reports.test_pdf_stats import END, _days, _entry, _report, _section

SPARSE = insights.DiaryCheck(days_logged=30, span_days=90, pain_sd=2.0, stress_sd=2.0)
FLAT = insights.DiaryCheck(days_logged=90, span_days=90, pain_sd=0.5, stress_sd=2.0)
FINE = insights.DiaryCheck(days_logged=90, span_days=90, pain_sd=2.0, stress_sd=2.0)

REASONS = {
    ("en", "sparse"): "Too few days filled in to compare:\n33% of the days from your first",
    ("en", "flat"): "Your scores hardly change from day to day yet",
    ("nl", "sparse"): "Te weinig dagen ingevuld om te vergelijken:\n33% van de dagen",
    ("nl", "flat"): "Je scores veranderen nog nauwelijks van dag tot dag",
}


@pytest.fixture(scope="module")
def split() -> stats.HighLowStress:
    series = _series(90)
    result = stats.high_low_stress(series.pain, series.stress)
    assert result.difference is not None
    assert result.enough_data
    return result


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("kind", ["sparse", "flat"])
def test_the_chart_gives_the_reason_instead_of_means(
    split: stats.HighLowStress, lang: str, kind: str
) -> None:
    check = SPARSE if kind == "sparse" else FLAT
    fig = charts.build_high_low_figure(split, ChartStyle(lang=lang), check=check)  # type: ignore[arg-type]
    _render(fig)
    text = _texts(fig)
    assert REASONS[(lang, kind)] in text
    assert not _by_gid(fig, "means")
    assert not _by_gid(fig, "difference")
    assert "95%" not in text


def test_the_chart_still_compares_a_diary_that_passes_the_check(
    split: stats.HighLowStress,
) -> None:
    fig = charts.build_high_low_figure(split, ChartStyle(), check=FINE)
    _render(fig)
    assert _by_gid(fig, "means")
    assert _by_gid(fig, "difference")


def test_a_diary_with_nothing_logged_says_so_rather_than_a_reason() -> None:
    empty = stats.high_low_stress(np.full(28, np.nan), np.full(28, np.nan))
    check = insights.DiaryCheck(days_logged=0, span_days=0, pain_sd=None, stress_sd=None)
    fig = charts.build_high_low_figure(empty, ChartStyle(), check=check)
    _render(fig)
    assert "hardly change" not in _texts(fig)
    assert "hardly change" not in high_low_table(empty, "en", check).summary


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("kind", ["sparse", "flat"])
def test_the_table_gives_the_reason_instead_of_means(
    split: stats.HighLowStress, lang: str, kind: str
) -> None:
    check = SPARSE if kind == "sparse" else FLAT
    table = high_low_table(split, lang, check)  # type: ignore[arg-type]
    assert table.summary.startswith(REASONS[(lang, kind)].replace("\n", " "))
    assert table.rows == ()
    fine = high_low_table(split, lang, FINE)  # type: ignore[arg-type]
    assert len(fine.rows) == 3


# -- the PDF report ----------------------------------------------------------------------------


def _sparse_diary() -> tuple[list[DiaryEntry], date]:
    start = END - timedelta(days=90)
    return _days(start - timedelta(days=27), 118, seed=5, every=2), start


def _flat_diary() -> tuple[list[DiaryEntry], date]:
    rng = np.random.default_rng(11)
    start = END - timedelta(days=90)
    entries = []
    for i in range(118):
        stress = 3 + int(rng.random() < 0.3)
        pain = 4 + int(rng.random() < (0.75 if stress == 4 else 0.15))
        entries.append(_entry(start - timedelta(days=27) + timedelta(days=i), pain, stress))
    return entries, start


@pytest.mark.parametrize("diary", [_sparse_diary, _flat_diary])
def test_the_report_leaves_the_split_out_for_the_same_reason(
    diary: Callable[[], tuple[list[DiaryEntry], date]], tmp_path: Path
) -> None:
    entries, start = diary()
    english = _section(_report(entries, start), tmp_path)
    assert "no pattern is described" in english
    assert "Mean pain on days with stress above" not in english
    assert "difference" not in english
    assert (
        "Mean pain on higher- and lower-stress days is not compared either, for the same "
        "reason." in english
    )
    dutch = _section(_report(entries, start, "nl"), tmp_path, "nl")
    assert "er wordt geen patroon beschreven" in dutch
    assert "Gemiddelde pijn op dagen met stress boven" not in dutch
    assert (
        "De gemiddelde pijn op dagen met meer en minder stress wordt om dezelfde reden ook "
        "niet vergeleken." in dutch
    )


def test_the_report_still_gives_the_split_of_a_diary_that_passes(tmp_path: Path) -> None:
    start = END - timedelta(days=49)
    text = _section(_report(_days(start - timedelta(days=28), 78), start), tmp_path)
    assert "Mean pain on days with stress above" in text
    assert "not compared either" not in text
