"""Chart builders: what each figure contains (axes, data, labels, numbers), not its pixels."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from rugdiary.core import insights, stats
from rugdiary.core.demo import generate_demo_entries
from rugdiary.core.diary import DiaryEntry
from rugdiary.reports import charts
from rugdiary.reports.chart_theme import (
    DARK_PALETTE,
    LABELS,
    LIGHT_PALETTE,
    MONTHS_SHORT,
    ChartStyle,
)

END = date(2026, 3, 1)
TZ = UTC


@dataclass(frozen=True)
class FakeSession:
    started_at: datetime
    done_s: float


def _series(days: int, seed: int = 7, every: int = 3) -> stats.DailySeries:
    entries = generate_demo_entries(days, seed, END, tz=TZ)
    start = END - timedelta(days=days - 1)
    sessions = [
        FakeSession(datetime(d.year, d.month, d.day, 18, tzinfo=TZ), 900.0)
        for d in (start + timedelta(days=i) for i in range(0, days, every))
    ]
    return stats.daily_series(entries, start, END, sessions)


def _empty(days: int = 28) -> stats.DailySeries:
    return stats.daily_series([], END - timedelta(days=days - 1), END)


def _one_day() -> stats.DailySeries:
    entry = DiaryEntry(
        id="00000000-0000-4000-8000-000000000001",
        at=datetime(2026, 3, 1, 9, 0, tzinfo=TZ),
        pain=4,
        stress=6,
    )
    return stats.daily_series([entry], END, END)


@pytest.fixture(scope="module")
def series90() -> stats.DailySeries:
    return _series(90)


def _texts(fig: Figure) -> str:
    """Every piece of text on the figure: titles, labels, tick labels, notes, legends."""
    found = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return "\n".join(t for t in found if t)


def _by_gid(fig: Figure, gid: str) -> list[object]:
    return fig.findobj(lambda a: a.get_gid() == gid)


def _line(fig: Figure, gid: str) -> Line2D:
    (line,) = _by_gid(fig, gid)
    assert isinstance(line, Line2D)
    return line


def _render(fig: Figure) -> None:
    """Draw once: layout, tick labels and warnings only happen at draw time."""
    FigureCanvasAgg(fig).draw()


EN = ChartStyle()
NL = ChartStyle(lang="nl")


# --- timeline --------------------------------------------------------------------------------


def test_timeline_lines_cover_every_day_with_gaps_where_nothing_was_logged(
    series90: stats.DailySeries,
) -> None:
    fig = charts.build_timeline_figure(series90, EN)
    _render(fig)
    assert len(fig.axes) == 1
    missing = ~series90.logged
    assert missing.any()  # the demo diary skips some days
    for gid, values in (("pain_daily", series90.pain), ("stress_daily", series90.stress)):
        y = np.asarray(_line(fig, gid).get_ydata(), dtype=float)
        assert y.shape == (series90.n_days,)
        assert np.isnan(y[missing]).all()
        np.testing.assert_allclose(y[~missing], values[~missing])
    x = np.asarray(_line(fig, "pain_daily").get_xdata(), dtype=float)
    np.testing.assert_array_equal(np.diff(x), np.ones(series90.n_days - 1))
    mean = np.asarray(_line(fig, "pain_mean").get_ydata(), dtype=float)
    np.testing.assert_allclose(mean, stats.rolling_mean(series90.pain), equal_nan=True)


def test_timeline_shades_each_flare_up_once_and_marks_sessions(
    series90: stats.DailySeries,
) -> None:
    fig = charts.build_timeline_figure(series90, EN)
    flare = series90.flare_up
    runs = int(np.count_nonzero(np.diff(np.concatenate(([0], flare.astype(int), [0]))) == 1))
    assert runs > 0
    (shading,) = _by_gid(fig, "flare_up")
    assert isinstance(shading, Collection)
    assert len(shading.get_paths()) == runs
    total_width = sum(np.ptp(p.vertices[:, 0]) for p in shading.get_paths())
    assert total_width == pytest.approx(int(flare.sum()))
    sessions = _line(fig, "sessions")
    assert len(sessions.get_xdata()) == int(np.count_nonzero(series90.session_count))


def test_timeline_labels_in_english_and_dutch(series90: stats.DailySeries) -> None:
    en = charts.build_timeline_figure(series90, EN)
    nl = charts.build_timeline_figure(series90, NL)
    _render(en)
    _render(nl)
    for fig, lang in ((en, "en"), (nl, "nl")):
        text = _texts(fig)
        for key in ("timeline_title", "pain_mean", "stress_mean", "flare_up", "sessions"):
            assert LABELS[lang][key] in text
    assert "Pijn en stress in de tijd" in _texts(nl)
    assert "Pain and stress over time" not in _texts(nl)


def test_timeline_dutch_dates_use_dutch_month_names() -> None:
    series = _series(150)  # October to March: "okt" and "mrt" differ from English
    fig = charts.build_timeline_figure(series, NL)
    _render(fig)
    ticks = " ".join(t.get_text() for t in fig.axes[0].get_xticklabels())
    assert "mrt" in ticks or "okt" in ticks
    assert "Mar" not in ticks
    assert "Oct" not in ticks


@pytest.mark.parametrize(("days", "expected"), [(28, "Mar"), (365, "Jul"), (3650, "2020")])
def test_timeline_date_ticks_suit_the_period(days: int, expected: str) -> None:
    fig = charts.build_timeline_figure(_series(days), EN)
    _render(fig)
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert 3 <= len(ticks) <= 12
    assert expected in ticks
    assert not any(t.startswith("0") for t in ticks)


@pytest.mark.parametrize("style", [EN, NL])
@pytest.mark.parametrize("days", [28, 90])
def test_the_first_day_tick_names_its_month(days: int, style: ChartStyle) -> None:
    """ "13 · 17 · 21 · 25 · 29 · Dec" left November unnamed: the first tick says "13 Nov"."""
    fig = charts.build_timeline_figure(_series(days), style)
    _render(fig)
    axis = fig.axes[0].xaxis
    low, high = sorted(axis.get_view_interval())
    shown = [t.get_text() for t in axis.get_ticklabels() if low <= t.get_position()[0] <= high]
    assert shown[0].split(" ")[0].isdigit(), shown  # day ticks at these lengths
    assert shown[0].split(" ")[-1] in MONTHS_SHORT[style.lang], shown


def test_timeline_of_an_empty_period_says_nothing_was_logged() -> None:
    fig = charts.build_timeline_figure(_empty(), EN)
    _render(fig)
    assert LABELS["en"]["nothing_logged"] in _texts(fig)
    assert np.isnan(np.asarray(_line(fig, "pain_daily").get_ydata(), dtype=float)).all()
    assert not _by_gid(fig, "flare_up")
    assert not _by_gid(fig, "sessions")
    assert not fig.legends


def test_timeline_of_one_day_says_a_trend_needs_more_days() -> None:
    fig = charts.build_timeline_figure(_one_day(), EN)
    _render(fig)
    assert "A trend needs 14 logged days; 1 so far" in _texts(fig)
    assert list(_line(fig, "pain_daily").get_ydata()) == [4.0]


def test_ten_year_timeline_builds_fast() -> None:
    series = _series(3650)
    charts.build_timeline_figure(series, EN)  # first call pays for font and cache set-up
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        charts.build_timeline_figure(series, EN)
        best = min(best, time.perf_counter() - t0)
    assert best < 0.15, f"building took {best * 1000:.0f} ms"


# --- scatter ---------------------------------------------------------------------------------


def test_scatter_writes_rho_ci_and_n_that_match_the_statistics(
    series90: stats.DailySeries,
) -> None:
    corr = stats.lag_correlations(series90.pain, series90.stress).same_day
    assert corr.rho is not None
    assert corr.ci95 is not None
    assert corr.enough_data
    fig = charts.build_scatter_figure(series90, corr, EN)
    _render(fig)
    text = _texts(fig)
    lo, hi = corr.ci95
    expected = f"Days as logged: ρ = {corr.rho:.2f}, 95% CI {lo:.2f} to {hi:.2f}, n = {corr.n} days"
    assert expected.replace("-", "\u2212") in text
    (dots,) = _by_gid(fig, "days")
    assert isinstance(dots, Collection)
    offsets = dots.get_offsets()
    assert len(offsets) == corr.n == series90.days_logged
    both = series90.logged
    # Jitter moves each dot by less than half a point, never onto a neighbouring score.
    assert np.abs(offsets[:, 0] - series90.stress[both]).max() < 0.5
    assert np.abs(offsets[:, 1] - series90.pain[both]).max() < 0.5
    assert len(_by_gid(fig, "trend")) == 1


def test_scatter_in_dutch_uses_decimal_commas(series90: stats.DailySeries) -> None:
    corr = stats.lag_correlations(series90.pain, series90.stress).same_day
    assert corr.rho is not None
    assert corr.ci95 is not None
    fig = charts.build_scatter_figure(series90, corr, NL)
    text = _texts(fig)
    assert f"ρ = {corr.rho:.2f}".replace(".", ",") in text
    assert "95%-BI" in text
    assert "Stress en pijn op dezelfde dag" in text


def test_scatter_jitter_is_the_same_on_every_redraw(series90: stats.DailySeries) -> None:
    corr = stats.lag_correlations(series90.pain, series90.stress).same_day
    a = _by_gid(charts.build_scatter_figure(series90, corr, EN), "days")[0]
    b = _by_gid(charts.build_scatter_figure(series90, corr, EN), "days")[0]
    assert isinstance(a, Collection)
    assert isinstance(b, Collection)
    np.testing.assert_array_equal(a.get_offsets(), b.get_offsets())


def test_scatter_with_too_few_days_draws_no_trend_line_and_says_what_is_needed() -> None:
    series = _series(20)
    corr = stats.lag_correlations(series.pain, series.stress).same_day
    assert not corr.enough_data
    fig = charts.build_scatter_figure(series, corr, EN)
    _render(fig)
    assert not _by_gid(fig, "trend")
    assert f"{28 - corr.n} more paired days needed" in _texts(fig)


@pytest.mark.parametrize("make", [_empty, _one_day])
def test_scatter_of_empty_or_single_day_series_says_there_is_too_little(make: object) -> None:
    series = make()  # type: ignore[operator]
    corr = stats.lag_correlations(series.pain, series.stress).same_day
    assert corr.rho is None
    fig = charts.build_scatter_figure(series, corr, EN)
    _render(fig)
    text = _texts(fig)
    assert not _by_gid(fig, "trend")
    assert "ρ =" not in text
    assert ("Nothing logged" in text) or ("more paired days needed" in text)


# --- time lag --------------------------------------------------------------------------------


def test_lag_figure_shows_three_correlations_with_their_intervals(
    series90: stats.DailySeries,
) -> None:
    lags = stats.lag_correlations(series90.pain, series90.stress)
    fig = charts.build_lag_figure(lags, EN)
    _render(fig)
    assert len(fig.axes) == 1
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert [t.split("\n")[0] for t in ticks] == [
        "same day",
        "stress → next-day pain",
        "pain → next-day stress",
    ]
    for key in charts.LAG_KEYS:
        corr = getattr(lags, key)
        assert f"n = {corr.n}" in _texts(fig)
        artists = _by_gid(fig, key)
        assert artists, key
        ys = np.concatenate(
            [np.asarray(a.get_ydata(), dtype=float) for a in artists if isinstance(a, Line2D)]
        )
        assert corr.rho == pytest.approx(ys[0])
    zero = _line(fig, "zero")
    assert list(zero.get_ydata()) == [0.0, 0.0]


def test_lag_labels_break_after_the_arrow_only_when_they_would_collide(
    series90: stats.DailySeries,
) -> None:
    """On the Insights page at 900 px, the Dutch labels ran into each other."""
    lags = stats.lag_correlations(series90.pain, series90.stress)

    def ticks(style: ChartStyle, width: float) -> list[str]:
        fig = charts.build_lag_figure(lags, style, size=(width, 3.8))
        _render(fig)
        return [t.get_text() for t in fig.axes[0].get_xticklabels()]

    narrow = ticks(ChartStyle(lang="nl", font_scale=1.2), 7.1)
    assert narrow[1].startswith("stress →\npijn de dag erna\n")
    wide = ticks(ChartStyle(lang="nl", font_scale=1.2), 14.0)
    assert wide[1].startswith("stress → pijn de dag erna\n")
    assert ticks(EN, 7.1)[1].startswith("stress → next-day pain\n")
    fig = charts.build_lag_figure(lags, ChartStyle(lang="nl", font_scale=1.2), size=(7.1, 3.8))
    _render(fig)
    boxes = [t.get_window_extent() for t in fig.axes[0].get_xticklabels()]
    assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))


def test_lag_figure_marks_missing_correlations_as_not_enough_data() -> None:
    series = _one_day()
    lags = stats.lag_correlations(series.pain, series.stress)
    fig = charts.build_lag_figure(lags, NL)
    _render(fig)
    text = _texts(fig)
    assert text.count("te weinig gegevens") == 1  # the same day
    # The next day says what it waits for: pairs of days in a row (none yet here).
    assert text.count("nog 42 paren van\ndagen achter elkaar nodig") == 2
    for key in charts.LAG_KEYS:
        assert not _by_gid(fig, key)


def test_lag_figure_uses_open_markers_below_28_days() -> None:
    series = _series(20)
    lags = stats.lag_correlations(series.pain, series.stress)
    assert lags.same_day.rho is not None
    fig = charts.build_lag_figure(lags, EN)
    marker = next(a for a in _by_gid(fig, "same_day") if isinstance(a, Line2D))
    assert marker.get_markerfacecolor() == "none"
    assert "fewer than 28 paired days" in _texts(fig)


def _consecutive(days: int, seed: int = 3) -> stats.DailySeries:
    """`days` days in a row, each filled in, stress and pain varying together."""
    rng = np.random.default_rng(seed)
    start = END - timedelta(days=days - 1)
    entries = []
    for i in range(days):
        day = start + timedelta(days=i)
        stress = int(rng.integers(1, 10))
        pain = int(np.clip(stress + rng.integers(-2, 3), 0, 10))
        entries.append(
            DiaryEntry(
                at=datetime(day.year, day.month, day.day, 20, tzinfo=TZ), pain=pain, stress=stress
            )
        )
    return stats.daily_series(entries, start, END)


def test_lag_figure_shows_next_day_links_only_from_42_pairs_of_days_in_a_row() -> None:
    """29 pairs once gave two filled points with intervals: CLINICAL.md §5 asks 42–56."""
    series = _consecutive(30)
    lags = stats.lag_correlations(series.pain, series.stress)
    assert lags.stress_to_next_day_pain.n == 29
    assert lags.stress_to_next_day_pain.rho is not None
    fig = charts.build_lag_figure(lags, EN)
    _render(fig)
    text = _texts(fig)
    assert _by_gid(fig, "same_day")
    for key in ("stress_to_next_day_pain", "pain_to_next_day_stress"):
        assert not _by_gid(fig, key), key
        (missing,) = _by_gid(fig, f"missing_{key}")
        assert missing.get_text() == "13 more pairs of\ndays in a row needed"  # type: ignore[attr-defined]
    assert "Next day: shown from 42 pairs of days in a row" in text.splitlines()
    assert "n = 29" in text
    enough = _consecutive(43)
    lags = stats.lag_correlations(enough.pain, enough.stress)
    fig = charts.build_lag_figure(lags, EN)
    _render(fig)
    for key in charts.LAG_KEYS:
        marker = next(a for a in _by_gid(fig, key) if isinstance(a, Line2D))
        assert marker.get_markerfacecolor() != "none", key
    assert "more pairs" not in _texts(fig)


def test_lag_and_scatter_show_why_instead_of_numbers_for_a_sparse_or_flat_diary(
    series90: stats.DailySeries,
) -> None:
    lags = stats.lag_correlations(series90.pain, series90.stress)
    corr = stats.spearman(series90.stress, series90.pain)
    sparse = insights.DiaryCheck(days_logged=30, span_days=90, pain_sd=2.0, stress_sd=2.0)
    flat = insights.DiaryCheck(days_logged=90, span_days=90, pain_sd=0.5, stress_sd=2.0)
    for check, words in (
        (sparse, "Too few days filled in to compare:\n33% of the days from your first"),
        (flat, "Your scores hardly change from day to day yet"),
    ):
        fig = charts.build_lag_figure(lags, EN, check=check)
        _render(fig)
        assert words in _texts(fig)
        for key in charts.LAG_KEYS:
            assert not _by_gid(fig, key)
        scatter = charts.build_scatter_figure(series90, corr, EN, check=check)
        _render(scatter)
        assert words in _texts(scatter)
        assert "ρ =" not in _texts(scatter)
        assert not _by_gid(scatter, "trend")
    fine = insights.DiaryCheck(days_logged=90, span_days=90, pain_sd=2.0, stress_sd=2.0)
    assert _by_gid(charts.build_lag_figure(lags, EN, check=fine), "same_day")
    assert _by_gid(charts.build_scatter_figure(series90, corr, EN, check=fine), "trend")


def _tick_texts(fig: Figure, axis: str = "y", index: int = 0) -> list[str]:
    _render(fig)
    ax = fig.axes[index]
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks if t.get_text()]


def test_dutch_decimal_axes_use_a_decimal_comma(series90: stats.DailySeries) -> None:
    """The lag and difference axes read "−0.5" in Dutch, where the text says "−0,5"."""
    lags = stats.lag_correlations(series90.pain, series90.stress)
    assert _tick_texts(charts.build_lag_figure(lags, NL)) == ["−1,0", "−0,5", "0,0", "0,5", "1,0"]
    assert _tick_texts(charts.build_lag_figure(lags, EN)) == ["−1.0", "−0.5", "0.0", "0.5", "1.0"]
    high_low = stats.HighLowStress(5.0, 40, 50, 4.6, 4.0, 0.6, (0.2, 1.0), 4)
    dutch = _tick_texts(charts.build_high_low_figure(high_low, NL), index=1)
    assert dutch
    assert all("." not in t for t in dutch), dutch
    assert any("," in t for t in dutch), dutch
    english = _tick_texts(charts.build_high_low_figure(high_low, EN), index=1)
    assert [t.replace(".", ",") for t in english] == dutch


@pytest.mark.parametrize("days", [1, 2, 3, 5])
@pytest.mark.parametrize("style", [EN, NL])
def test_a_timeline_of_a_few_days_ticks_days_not_hours(days: int, style: ChartStyle) -> None:
    """Periods of 1–3 days were ticked by the hour, and "12:00" came out as "12:0"."""
    end = date(2026, 3, 29)
    start = end - timedelta(days=days - 1)
    entries = [
        DiaryEntry(at=datetime(d.year, d.month, d.day, 20, tzinfo=TZ), pain=5, stress=3)
        for d in (start + timedelta(days=i) for i in range(days))
    ]
    fig = charts.build_timeline_figure(stats.daily_series(entries, start, end), style)
    ticks = _tick_texts(fig, "x")
    month = MONTHS_SHORT[style.lang][2]
    expected = [str(start.day + i) for i in range(days)]
    expected[0] += f" {month}"
    assert ticks == expected
    assert fig.axes[0].xaxis.get_offset_text().get_text() == "2026"


def test_leading_zeros_go_from_day_numbers_only() -> None:
    names = charts._LocalDateFormatter(charts._DayLocator(), "en")._names
    assert names("05 <03>") == "5 Mar"
    assert names("12:00") == "12:00"
    assert names("09:05") == "09:05"
    assert names("2005") == "2005"


# --- weekly ----------------------------------------------------------------------------------


def test_weekly_figure_has_a_bar_per_week_and_the_mean_pain_line(
    series90: stats.DailySeries,
) -> None:
    weeks = stats.weekly_summaries(series90)
    fig = charts.build_weekly_figure(weeks, EN)
    _render(fig)
    assert len(fig.axes) == 2  # sessions and the 0–10 pain scale
    (bars,) = _by_gid(fig, "sessions")
    assert isinstance(bars, Collection)
    heights = [float(np.ptp(p.vertices[:, 1])) for p in bars.get_paths()]
    assert heights == [float(w.sessions) for w in weeks]
    pain = np.asarray(_line(fig, "pain_mean").get_ydata(), dtype=float)
    expected = [np.nan if w.pain_mean is None else w.pain_mean for w in weeks]
    np.testing.assert_allclose(pain, expected, equal_nan=True)
    assert fig.axes[1].get_ylim() == (0.0, 10.5)
    text = _texts(fig)
    assert "Sessions per week" in text
    assert "Mean pain" in text


def test_weekly_figure_marks_partial_weeks_and_leaves_out_thin_weeks_means() -> None:
    """ "Last 4 weeks" from a Wednesday: the first and the last week are cut by the period.
    They were drawn as whole weeks, and a week of one logged day got a mean pain."""
    end = date(2026, 12, 8)  # a Tuesday
    start = end - timedelta(days=27)  # a Wednesday
    entries = [
        DiaryEntry(at=datetime(d.year, d.month, d.day, 20, tzinfo=TZ), pain=3 + d.day % 3, stress=4)
        for d in (start + timedelta(days=i) for i in range(27))  # the last day left empty
    ]
    sessions = [
        FakeSession(datetime(d.year, d.month, d.day, 18, tzinfo=TZ), 600.0)
        for d in (start + timedelta(days=i) for i in range(0, 28, 2))
    ]
    weeks = stats.weekly_summaries(stats.daily_series(entries, start, end, sessions))
    assert [w.days_in_period for w in weeks] == [5, 7, 7, 7, 2]
    assert weeks[-1].days_logged == 1
    assert weeks[-1].pain_mean is not None  # the statistics keep it; the chart leaves it out
    for style, partial, rule in (
        (EN, "Part of a week (at the edge of the period)", "at least 4 days filled in"),
        (NL, "Deel van een week (aan de rand van de periode)", "minstens 4 ingevulde dagen"),
    ):
        fig = charts.build_weekly_figure(weeks, style)
        _render(fig)
        (bars,) = _by_gid(fig, "sessions")
        assert isinstance(bars, Collection)
        faces = [to_hex(c) for c in bars.get_facecolor()]
        full = style.palette.sessions
        assert [face == full for face in faces] == [False, True, True, True, False]
        (hatched,) = _by_gid(fig, "partial_weeks")
        assert isinstance(hatched, Collection)
        assert hatched.get_hatch() == "//"
        assert len(hatched.get_paths()) == sum(1 for w in weeks[::4] if w.sessions)
        pain = np.asarray(_line(fig, "pain_mean").get_ydata(), dtype=float)
        assert np.isnan(pain[-1])
        np.testing.assert_allclose(pain[:-1], [w.pain_mean for w in weeks[:-1]])
        text = _texts(fig)
        assert partial in text
        assert rule in text


def test_high_low_figure_says_when_one_side_is_too_small_for_a_range() -> None:
    stress = [3.0] * 35 + [6.0] * 5
    pain = [3.0 + (i % 3) for i in range(35)] + [6.0] * 5
    result = stats.high_low_stress(pain, stress)
    assert result.ci95 is None
    fig = charts.build_high_low_figure(result, EN)
    _render(fig)
    assert "No likely range yet: fewer than 7 days on one side" in _texts(fig)
    two = charts.build_high_low_figure(stats.high_low_stress([5, 3], [5, 7]), NL)
    _render(two)
    assert "95%-BI" not in _texts(two)
    assert "Nog 26 dagen met beide scores nodig" in _texts(two)


def test_weekly_figure_without_weeks_says_nothing_was_logged() -> None:
    fig = charts.build_weekly_figure((), NL)
    _render(fig)
    assert "Nog niets ingevuld in deze periode" in _texts(fig)


# --- calendar --------------------------------------------------------------------------------


def test_calendar_has_one_cell_per_day_and_marks_missing_days(
    series90: stats.DailySeries,
) -> None:
    fig = charts.build_calendar_figure(series90, EN)
    _render(fig)
    assert len(fig.axes) == 2  # the heatmap and its colourbar
    (mesh,) = _by_gid(fig, "pain")
    cells = np.ma.asarray(mesh.get_array())
    assert int(cells.count()) == series90.days_logged
    np.testing.assert_allclose(np.sort(cells.compressed()), np.sort(series90.pain[series90.logged]))
    (missing,) = _by_gid(fig, "missing")
    assert isinstance(missing, Collection)
    assert len(missing.get_offsets()) == series90.n_days - series90.days_logged
    # Not grey and not striped: cividis is grey in the middle, so that would read as pain 5.
    assert missing.get_hatch() is None
    assert to_hex(missing.get_facecolor()[0]) == LIGHT_PALETTE.muted
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    colourbar = fig.axes[1]
    assert colourbar.get_ylim() == (0.0, 10.0)
    assert "No entry" in _texts(fig)


def test_no_chart_axis_repeats_the_month_in_its_offset(series90: stats.DailySeries) -> None:
    """Day ticks ending on "Mar" get "2026" under them, not "Mar 2026" again."""
    weeks = stats.weekly_summaries(series90)
    for fig in (
        charts.build_timeline_figure(series90, EN),
        charts.build_weekly_figure(weeks, NL),
        charts.build_calendar_figure(series90, EN),
    ):
        _render(fig)
        axis = fig.axes[0].xaxis
        ticks = [t.get_text() for t in axis.get_ticklabels() if t.get_text()]
        offset = axis.get_offset_text().get_text()
        assert offset == "2026", (ticks, offset)
        shown = [text.split(" ")[-1] for text in ticks]
        assert not any(month in offset for month in shown if not month.isdigit())


def test_score_axes_start_at_zero(series90: stats.DailySeries) -> None:
    timeline = charts.build_timeline_figure(series90, EN)
    assert timeline.axes[0].get_ylim()[0] == 0.0
    sessions = _by_gid(timeline, "sessions")
    assert sessions, "the session marks are still drawn, above the 0-10 scale"
    (marks,) = sessions
    assert isinstance(marks, Line2D)
    assert (np.asarray(marks.get_ydata()) > 10.0).all()
    corr = stats.spearman(series90.stress, series90.pain)
    scatter = charts.build_scatter_figure(series90, corr, EN)
    assert scatter.axes[0].get_ylim()[0] == 0.0
    (days,) = _by_gid(scatter, "days")
    assert isinstance(days, Collection)
    assert float(np.min(days.get_offsets()[:, 1])) >= 0.0
    weekly = charts.build_weekly_figure(stats.weekly_summaries(series90), EN)
    assert [ax.get_ylim()[0] for ax in weekly.axes] == [0.0, 0.0]


def test_weekly_figure_without_sessions_says_so_in_words() -> None:
    weeks = [replace(w, sessions=0) for w in stats.weekly_summaries(_series(28))]
    fig = charts.build_weekly_figure(weeks, NL)
    _render(fig)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Geen oefensessies in deze periode"
    assert [t.get_text() for t in ax.get_yticklabels() if t.get_text()] == []
    assert ax.get_ylabel() == ""
    assert "Sessies per week" not in _texts(fig)
    assert "Gemiddelde pijn" in _texts(fig)


def test_calendar_in_dutch_and_for_an_empty_period() -> None:
    fig = charts.build_calendar_figure(_empty(), NL)
    _render(fig)
    text = _texts(fig)
    assert "Pijn per dag" in text
    assert "ma" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Nog niets ingevuld in deze periode" in text


# --- higher- vs lower-stress days -----------------------------------------------------------


def test_high_low_figure_shows_both_means_and_the_difference_interval(
    series90: stats.DailySeries,
) -> None:
    result = stats.high_low_stress(series90.pain, series90.stress)
    assert result.ci95 is not None
    assert result.high_mean_pain is not None
    assert result.low_mean_pain is not None
    assert result.difference is not None
    fig = charts.build_high_low_figure(result, EN)
    _render(fig)
    assert len(fig.axes) == 2
    means = _line(fig, "means")
    np.testing.assert_allclose(
        np.asarray(means.get_ydata(), dtype=float),
        [result.low_mean_pain, result.high_mean_pain],
    )
    text = _texts(fig)
    lo, hi = result.ci95
    assert f"Difference {result.difference:.2f} points (95% CI {lo:.2f} to {hi:.2f})" in text
    assert f"n = {result.low_days}" in text
    assert f"n = {result.high_days}" in text


@pytest.mark.parametrize("make", [_empty, _one_day])
def test_high_low_figure_with_too_little_data_says_so(make: object) -> None:
    series = make()  # type: ignore[operator]
    result = stats.high_low_stress(series.pain, series.stress)
    fig = charts.build_high_low_figure(result, EN)
    _render(fig)
    text = _texts(fig)
    assert ("Nothing logged" in text) or ("Needs days with both" in text)
    assert not _by_gid(fig, "difference")


# --- style -----------------------------------------------------------------------------------


def test_dark_theme_changes_backgrounds_and_text(series90: stats.DailySeries) -> None:
    light = charts.build_timeline_figure(series90, ChartStyle(theme="light"))
    dark = charts.build_timeline_figure(series90, ChartStyle(theme="dark"))
    assert to_hex(light.get_facecolor()) == LIGHT_PALETTE.figure_bg
    assert to_hex(dark.get_facecolor()) == DARK_PALETTE.figure_bg
    assert to_hex(dark.axes[0].get_facecolor()) != to_hex(light.axes[0].get_facecolor())
    assert to_hex(dark.axes[0].yaxis.label.get_color()) == DARK_PALETTE.text
    assert to_hex(light.axes[0].yaxis.label.get_color()) == LIGHT_PALETTE.text


def test_pain_and_stress_differ_in_colour_and_in_shape(series90: stats.DailySeries) -> None:
    for theme in ("light", "dark"):
        fig = charts.build_timeline_figure(series90, ChartStyle(theme=theme))
        pain, stress = _line(fig, "pain_daily"), _line(fig, "stress_daily")
        assert pain.get_color() != stress.get_color()
        assert pain.get_marker() != stress.get_marker()
        assert _line(fig, "pain_mean").get_linestyle() != _line(fig, "stress_mean").get_linestyle()


def test_larger_text_scales_fonts_and_default_size(series90: stats.DailySeries) -> None:
    normal = charts.build_timeline_figure(series90, EN)
    large = charts.build_timeline_figure(series90, ChartStyle(font_scale=2.0))
    _render(large)
    assert large.get_figwidth() == pytest.approx(2 * normal.get_figwidth())
    assert large.axes[0].yaxis.label.get_fontsize() == pytest.approx(
        2 * normal.axes[0].yaxis.label.get_fontsize()
    )
    given = charts.build_timeline_figure(series90, ChartStyle(font_scale=2.0), size=(5, 3))
    assert (given.get_figwidth(), given.get_figheight()) == (5, 3)


def test_builders_leave_global_rcparams_alone(series90: stats.DailySeries) -> None:
    import matplotlib as mpl

    before = dict(mpl.rcParams)
    charts.build_timeline_figure(series90, ChartStyle(theme="dark", font_scale=2.0))
    assert dict(mpl.rcParams) == before


def test_style_rejects_unknown_values() -> None:
    with pytest.raises(ValueError, match="theme"):
        ChartStyle(theme="purple")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        ChartStyle(lang="de")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="font_scale"):
        ChartStyle(font_scale=0)


def test_labels_exist_in_both_languages_and_avoid_causal_and_fear_words() -> None:
    assert LABELS["en"].keys() == LABELS["nl"].keys()
    banned = ("cause", "damage", "injur", "veroorzaak", "schade", "letsel", "slijtage")
    for texts in LABELS.values():
        for text in texts.values():
            assert not any(word in text.lower() for word in banned), text


# --- saving ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<svg"), (".pdf", b"%PDF")]
)
def test_save_figure_writes_the_format_its_suffix_names(
    tmp_path: Path, series90: stats.DailySeries, suffix: str, magic: bytes
) -> None:
    fig = charts.build_timeline_figure(series90, EN)
    target = charts.save_figure(fig, tmp_path / f"chart{suffix.upper()}")
    data = target.read_bytes()
    if suffix == ".svg":
        assert data.startswith(b"<?xml")
        assert magic in data
    else:
        assert data.startswith(magic)


def test_saved_png_has_print_resolution(tmp_path: Path, series90: stats.DailySeries) -> None:
    fig = charts.build_timeline_figure(series90, EN, size=(4.0, 2.0), dpi=72)
    data = charts.save_figure(fig, tmp_path / "chart.png").read_bytes()
    width = int.from_bytes(data[16:20], "big")
    assert width == 4 * charts.MIN_PNG_DPI


def test_save_figure_refuses_unknown_suffixes(tmp_path: Path, series90: stats.DailySeries) -> None:
    fig = charts.build_timeline_figure(series90, EN)
    with pytest.raises(ValueError, match=r"\.png, \.svg, \.pdf"):
        charts.save_figure(fig, tmp_path / "chart.jpg")
    with pytest.raises(ValueError, match="supported"):
        charts.save_figure(fig, tmp_path / "chart")
    assert list(tmp_path.iterdir()) == []


def test_bytes_helpers_for_the_pdf_report(series90: stats.DailySeries) -> None:
    fig = charts.build_weekly_figure(stats.weekly_summaries(series90), EN)
    svg = charts.figure_to_svg_bytes(fig)
    assert b"<svg" in svg
    png = charts.figure_to_png_bytes(fig, dpi=100)
    assert png.startswith(b"\x89PNG")
    assert int.from_bytes(png[16:20], "big") == round(fig.get_figwidth() * charts.MIN_PNG_DPI)


# --- import cost -----------------------------------------------------------------------------


def test_importing_charts_does_not_import_pyplot_or_qt() -> None:
    code = (
        "import sys, rugdiary.reports.charts, rugdiary.reports.chart_theme;"
        "bad = [m for m in ('matplotlib.pyplot', 'PySide6') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_chart_theme_is_cheap_to_import() -> None:
    code = (
        "import sys, rugdiary.reports.chart_theme;sys.exit(1 if 'matplotlib' in sys.modules else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_building_on_several_threads_leaves_global_settings_alone() -> None:
    """The Insights and Report pages build figures on worker threads at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    import matplotlib as mpl

    before = dict(mpl.rcParams)
    end = date(2026, 11, 1)
    series = stats.daily_series(generate_demo_entries(90, 3, end), end - timedelta(days=89), end)
    styles = [
        ChartStyle(theme=t, lang="en", font_scale=f) for t in ("light", "dark") for f in (1, 2)
    ]

    def build(style: ChartStyle) -> str:
        fig = charts.build_timeline_figure(series, style)
        return str(fig.axes[0].get_xticklabels()[0].get_color())

    with ThreadPoolExecutor(max_workers=4) as pool:
        colours = list(pool.map(build, styles * 10))
    assert dict(mpl.rcParams) == before
    assert set(colours[::4]) == {build(styles[0])}, "each figure keeps its own theme"
    assert set(colours[1::4]) == {build(styles[1])}


# --- on screen: one-pass layout, cached text, kept figures ------------------------------------


def _all_six(series: stats.DailySeries, style: ChartStyle, **kw: object) -> dict[str, Figure]:
    """Every chart of the Insights page for `series`, at the sizes of the page's cards."""
    sizes = {
        "timeline": (10.4, 3.8),
        "scatter": (6.4, 4.2),
        "lag": (8.2, 3.3),
        "weekly": (10.4, 3.3),
        "calendar": (10.4, 2.9),
        "high_low": (8.6, 3.6),
    }
    scale = style.font_scale
    s = {key: (w * scale, h * scale) for key, (w, h) in sizes.items()}
    lags = stats.lag_correlations(
        stats.deviations_from_baseline(series.pain), stats.deviations_from_baseline(series.stress)
    )
    corr = stats.spearman(series.stress, series.pain)
    return {
        "timeline": charts.build_timeline_figure(series, style, size=s["timeline"], **kw),
        "scatter": charts.build_scatter_figure(series, corr, style, size=s["scatter"], **kw),
        "lag": charts.build_lag_figure(lags, style, size=s["lag"], **kw),
        "weekly": charts.build_weekly_figure(
            stats.weekly_summaries(series), style, size=s["weekly"], **kw
        ),
        "calendar": charts.build_calendar_figure(series, style, size=s["calendar"], **kw),
        "high_low": charts.build_high_low_figure(
            stats.high_low_stress(series.pain, series.stress), style, size=s["high_low"], **kw
        ),
    }  # type: ignore[arg-type]


def _pixels(fig: Figure) -> np.ndarray:
    return charts.draw_for_screen(fig, lambda rgba: rgba.astype(np.int16))


@pytest.mark.parametrize("style", [EN, ChartStyle(lang="nl", font_scale=2.0, theme="dark")])
def test_one_pass_layout_places_axes_as_constrained_layout_and_cuts_nothing(
    series90: stats.DailySeries, style: ChartStyle
) -> None:
    constrained = _all_six(series90, style)
    quick = _all_six(series90, style)
    for key, fig in quick.items():
        _render(constrained[key])
        _pixels(fig)
        assert isinstance(fig.get_layout_engine(), charts.OnePassLayout), key
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        # Every label, tick and legend lies inside the picture ...
        box = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
        assert box.x0 >= -0.5, key
        assert box.y0 >= -0.5, key
        assert box.x1 <= fig.bbox.width + 0.5, key
        assert box.y1 <= fig.bbox.height + 0.5, key
        # ... and the axes sit where constrained layout puts them, to a few pixels.
        for ours, theirs in zip(fig.axes, constrained[key].axes, strict=True):
            here = ours.get_position().transformed(fig.transFigure)
            there = theirs.get_position().transformed(fig.transFigure)
            assert np.allclose(here.extents, there.extents, atol=0.02 * fig.bbox.width), key


def test_one_pass_layout_falls_back_to_constrained_layout_for_other_shapes() -> None:
    fig = Figure(figsize=(6, 4), layout="constrained")
    fig.subplots(2, 1)[1].set_xlabel("lower")
    _pixels(fig)
    lower = fig.axes[1]
    label = lower.xaxis.label.get_window_extent(fig.canvas.get_renderer())  # type: ignore[attr-defined]
    assert label.y0 >= 0
    assert lower.get_position().y0 > 0.05  # room was made for the label


def test_cached_text_looks_like_matplotlibs_own(series90: stats.DailySeries) -> None:
    """Text blended from the cache lands within half a pixel of where Agg draws it."""
    for key, fig in _all_six(series90, NL).items():
        _pixels(fig)  # lays the figure out: later drawings keep these places
        reference = FigureCanvasAgg(fig)
        reference.draw()
        theirs = np.asarray(reference.buffer_rgba()).astype(np.int16)
        ours = _pixels(fig)
        different = np.abs(ours - theirs).max(axis=2) > 96
        assert different.mean() < 0.01, key
        # Drawn again, every text comes from the cache, and the picture is the same.
        assert np.array_equal(_pixels(fig), ours), key


def test_a_kept_figure_draws_like_a_new_one(series90: stats.DailySeries) -> None:
    pool = charts.FigurePool()
    first = _all_six(_series(400, seed=3), EN, pool=pool)
    again = _all_six(series90, EN, pool=pool)
    fresh = _all_six(series90, EN)
    for key, fig in again.items():
        assert fig is first[key], f"{key}: the figure is reused"
        ours = _pixels(fig)
        theirs = _pixels(fresh[key])
        # The same picture; the layout may differ by a pixel after another period's labels.
        different = np.abs(ours - theirs).max(axis=2) > 96
        assert different.mean() < 0.03, key
    # Data of the first period are gone from the kept figures.
    assert len(_line(again["timeline"], "pain_daily").get_xdata()) == 90
    assert len(again["weekly"].legends) == 1
    assert len(_by_gid(again["calendar"], "pain")) == 1
    # Another size or style gets a figure of its own.
    other = charts.build_timeline_figure(series90, NL, size=(10.4, 3.8), pool=pool)
    assert other is not first["timeline"]


@pytest.mark.parametrize(
    "before", [_empty(), _one_day(), _series(3650, seed=2)], ids=["empty", "one day", "ten years"]
)
def test_nothing_of_an_earlier_period_stays_in_a_kept_figure(
    before: stats.DailySeries, series90: stats.DailySeries
) -> None:
    """A chart refilled after "nothing logged", one day or ten years equals a new one."""
    pool = charts.FigurePool()
    _all_six(before, EN, pool=pool)
    again = _all_six(series90, EN, pool=pool)
    fresh = _all_six(series90, EN)
    for key, fig in again.items():
        ours = _pixels(fig).astype(np.int16)
        different = np.abs(ours - _pixels(fresh[key])).max(axis=2) > 96
        assert different.mean() < 0.03, key


@pytest.mark.parametrize("series", [_empty(), _one_day()], ids=["empty", "one day"])
def test_screen_drawing_copes_with_empty_and_single_days(series: stats.DailySeries) -> None:
    pool = charts.FigurePool()
    for _ in range(2):  # new figures, then the same ones emptied and filled again
        for key, fig in _all_six(series, EN, pool=pool).items():
            pixels = _pixels(fig)
            assert pixels.shape[:2] == (round(fig.bbox.height), round(fig.bbox.width)), key
