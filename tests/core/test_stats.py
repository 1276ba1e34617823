"""Statistics checked against hand-worked cases and independently computed scipy values."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats as sps

from rugdiary.core.diary import DiaryEntry
from rugdiary.core.stats import (
    MIN_GROUP_DAYS,
    MIN_NEXT_DAY_PAIRS,
    Correlation,
    block_length,
    build_summary,
    daily_series,
    daily_spearman,
    deviations_from_baseline,
    diary_check,
    effective_days,
    fisher_ci,
    high_low_stress,
    lag1_autocorrelation,
    lag_correlations,
    rolling_mean,
    spearman,
    weekly_summaries,
)

AMS = ZoneInfo("Europe/Amsterdam")
START = date(2026, 3, 2)  # a Monday

CONTRACT_KEYS = {
    "from",
    "to",
    "days_in_period",
    "days_logged",
    "entries",
    "pain",
    "stress",
    "daily",
    "correlation",
    "sessions",
    "insight",
}
PAIR_KEYS = {"same_day", "stress_to_next_day_pain", "pain_to_next_day_stress"}


@dataclass(frozen=True)
class FakeSession:
    """Stands in for the player's Session: only the two attributes the statistics read."""

    started_at: datetime
    done_s: float


def entry(day: date, pain: int, stress: int, hour: int = 9, **fields: Any) -> DiaryEntry:
    return DiaryEntry(
        at=datetime(day.year, day.month, day.day, hour, tzinfo=AMS),
        pain=pain,
        stress=stress,
        **fields,
    )


def series_entries(pains: Sequence[int | None], stresses: Sequence[int | None]) -> list[DiaryEntry]:
    """One entry per day from START; None in `pains` leaves that day empty."""
    out = []
    for i, (p, s) in enumerate(zip(pains, stresses, strict=True)):
        if p is not None and s is not None:
            out.append(entry(START + timedelta(days=i), p, s))
    return out


def summary_of(
    pains: Sequence[int | None], stresses: Sequence[int | None], days: int | None = None
) -> dict[str, Any]:
    n = len(pains) if days is None else days
    return build_summary(series_entries(pains, stresses), [], START, START + timedelta(days=n - 1))


def assert_plain_json(value: Any) -> None:
    """Only plain Python JSON types, no NaN or infinity anywhere."""
    if isinstance(value, dict):
        for k, v in value.items():
            assert type(k) is str
            assert_plain_json(v)
    elif isinstance(value, list):
        for v in value:
            assert_plain_json(v)
    elif isinstance(value, float):
        assert type(value) is float
        assert math.isfinite(value)
    else:
        assert value is None or type(value) in (str, int, bool), type(value)


# --- Spearman and Fisher ------------------------------------------------------------------------


def test_spearman_hand_worked_five_days() -> None:
    # Ranks equal the values. d = rank(stress) - rank(pain) = -1, 1, -1, 1, 0; sum d^2 = 4.
    # rho = 1 - 6 * 4 / (5 * (25 - 1)) = 1 - 24/120 = 0.8.
    s = summary_of([2, 1, 4, 3, 5], [1, 2, 3, 4, 5])
    same = s["correlation"]["same_day"]
    assert same["rho"] == pytest.approx(0.8)
    assert same["n"] == 5
    assert same["enough_data"] is False
    # Fisher: z = atanh(0.8) = 1.0986, se = 1/sqrt(2), z +- 1.96 se -> tanh -> (-0.28, 0.99).
    lo, hi = same["ci95"]
    assert lo == pytest.approx(math.tanh(math.atanh(0.8) - 1.959964 / math.sqrt(2)), abs=1e-3)
    assert hi == pytest.approx(math.tanh(math.atanh(0.8) + 1.959964 / math.sqrt(2)), abs=1e-3)


def test_spearman_ties_get_average_ranks() -> None:
    # stress 1,2,2,3,4 -> ranks 1, 2.5, 2.5, 4, 5; pain 1,3,2,4,5 -> ranks 1,3,2,4,5.
    # Centred: x = -2,-.5,-.5,1,2 and y = -2,0,-1,1,2; sum xy = 9.5, sum x^2 = 9.5,
    # sum y^2 = 10, so rho = 9.5 / sqrt(95) = sqrt(0.95).
    c = spearman([1, 2, 2, 3, 4], [1, 3, 2, 4, 5])
    assert c.rho == pytest.approx(math.sqrt(0.95))
    assert c.n == 5


def test_fisher_ci_matches_clinical_numbers() -> None:
    lo, hi = fisher_ci(0.3, 28) or (0.0, 0.0)
    assert lo == pytest.approx(-0.08, abs=0.005)
    assert hi == pytest.approx(0.61, abs=0.005)
    lo, hi = fisher_ci(0.3, 56) or (0.0, 0.0)
    assert lo == pytest.approx(0.04, abs=0.005)
    assert hi == pytest.approx(0.52, abs=0.005)
    # The hand formula exactly: se = 1/sqrt(25) = 0.2.
    lo, hi = fisher_ci(0.3, 28) or (0.0, 0.0)
    assert lo == pytest.approx(math.tanh(math.atanh(0.3) - 1.959964 * 0.2), abs=1e-6)
    assert hi == pytest.approx(math.tanh(math.atanh(0.3) + 1.959964 * 0.2), abs=1e-6)


def test_fisher_ci_edges() -> None:
    assert fisher_ci(0.5, 2) is None
    assert fisher_ci(0.5, 3) == (-1.0, 1.0)
    lo, hi = fisher_ci(1.0, 10) or (0.0, 0.0)
    assert hi == 1.0
    assert 0.0 < lo < 1.0
    lo, hi = fisher_ci(-1.0, 10) or (0.0, 0.0)
    assert lo == -1.0
    assert -1.0 < hi < 0.0


def test_perfect_rank_agreement_gives_rho_one_and_a_finite_interval() -> None:
    c = spearman([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 9, 10])
    assert c.rho == pytest.approx(1.0)
    assert c.ci95 is not None
    assert c.ci95[1] == 1.0
    assert all(math.isfinite(v) for v in c.ci95)


def test_constant_series_gives_none_without_warnings() -> None:
    # filterwarnings=error: a scipy ConstantInputWarning would fail this test.
    s = summary_of([3, 5, 2, 7, 4, 6], [5, 5, 5, 5, 5, 5])
    for key in PAIR_KEYS:
        block = s["correlation"][key]
        assert block["rho"] is None
        assert block["ci95"] is None
    assert s["correlation"]["same_day"]["n"] == 6
    assert spearman([1, 1, 1], [1, 2, 3]).rho is None


def test_fewer_than_three_pairs_give_none() -> None:
    c = spearman([1, 2], [2, 1])
    assert (c.rho, c.ci95, c.n) == (None, None, 2)


def test_enough_data_from_28_pairs() -> None:
    assert Correlation(rho=0.1, ci95=(-0.2, 0.4), n=27).enough_data is False
    assert Correlation(rho=0.1, ci95=(-0.2, 0.4), n=28).enough_data is True


# --- Lags and missing days ---------------------------------------------------------------------


def test_next_day_pairs_only_where_both_days_exist() -> None:
    pains = [1, 3, 2, None, 6, 5, 4]
    stresses = [2, 1, 5, None, 3, 6, 4]
    s = summary_of(pains, stresses)
    # Day 3 is missing, so stress(d) -> pain(d+1) pairs are (0,1), (1,2), (4,5), (5,6).
    pairs = [(0, 1), (1, 2), (4, 5), (5, 6)]
    sx = [stresses[a] for a, _ in pairs]
    py = [pains[b] for _, b in pairs]
    expected = sps.spearmanr(sx, py).statistic
    block = s["correlation"]["stress_to_next_day_pain"]
    assert block["n"] == 4
    assert block["rho"] == pytest.approx(expected, abs=5e-4)
    px = [pains[a] for a, _ in pairs]
    sy = [stresses[b] for _, b in pairs]
    reverse = s["correlation"]["pain_to_next_day_stress"]
    assert reverse["n"] == 4
    assert reverse["rho"] == pytest.approx(sps.spearmanr(px, sy).statistic, abs=5e-4)
    assert s["days_logged"] == 6
    assert s["days_in_period"] == 7
    assert [d["date"] for d in s["daily"]] == [
        (START + timedelta(days=i)).isoformat() for i in (0, 1, 2, 4, 5, 6)
    ]


def test_known_lagged_pattern_is_found() -> None:
    rng = np.random.default_rng(7)
    days = 120
    stress = rng.integers(0, 11, size=days)
    noise = rng.normal(0, 1.0, size=days)
    pain = np.empty(days, dtype=int)
    pain[0] = 4
    # Pain tomorrow follows stress today; same-day pain does not depend on same-day stress.
    pain[1:] = np.clip(np.round(1 + 0.7 * stress[:-1] + noise[1:]), 0, 10).astype(int)
    s = summary_of(pain.tolist(), stress.tolist())
    lagged = s["correlation"]["stress_to_next_day_pain"]
    expected = sps.spearmanr(stress[:-1], pain[1:]).statistic
    assert lagged["rho"] == pytest.approx(expected, abs=5e-4)
    assert lagged["rho"] > 0.6
    assert lagged["ci95"][0] > 0.4
    assert lagged["enough_data"] is True
    assert lagged["n"] == days - 1
    same = s["correlation"]["same_day"]
    assert same["ci95"][0] < 0.0 < same["ci95"][1]


# --- Daily series ------------------------------------------------------------------------------


def test_several_entries_a_day_are_averaged() -> None:
    entries = [
        entry(START, 2, 7, hour=8),
        entry(START, 5, 4, hour=13),
        entry(START, 8, 1, hour=21),
        entry(START + timedelta(days=1), 3, 3),
    ]
    s = build_summary(entries, [], START, START + timedelta(days=1))
    assert s["entries"] == 4
    assert s["days_logged"] == 2
    assert s["daily"][0] == {"date": "2026-03-02", "pain": 5.0, "stress": 4.0}
    # Means and medians over the two daily means (5 and 3), max over single scores.
    assert s["pain"] == {"mean": 4.0, "median": 4.0, "max": 8}
    assert s["stress"] == {"mean": 3.5, "median": 3.5, "max": 7}


def test_daily_means_are_rounded_but_computed_unrounded() -> None:
    entries = [entry(START, 1, 1, hour=8), entry(START, 1, 2, hour=9), entry(START, 2, 2, 10)]
    s = build_summary(entries, [], START, START)
    assert s["daily"] == [{"date": "2026-03-02", "pain": 1.33, "stress": 1.67}]
    series = daily_series(entries, START, START)
    assert series.pain[0] == pytest.approx(4 / 3)


def test_optional_fields_averaged_where_present() -> None:
    entries = [
        entry(START, 2, 2, hour=8, sleep=4),
        entry(START, 2, 2, hour=9),
        entry(START, 2, 2, hour=10, sleep=8, flare_up=True),
    ]
    series = daily_series(entries, START, START + timedelta(days=1))
    assert series.optional["sleep"][0] == 6.0
    assert math.isnan(series.optional["sleep"][1])
    assert math.isnan(series.optional["mood"][0])
    assert series.flare_up.tolist() == [True, False]
    with pytest.raises(ValueError, match="read-only"):
        series.pain[0] = 0.0


def test_empty_range() -> None:
    s = build_summary([], [], START, START + timedelta(days=13))
    assert s["days_in_period"] == 14
    assert s["days_logged"] == 0
    assert s["entries"] == 0
    assert s["pain"] == {"mean": None, "median": None, "max": None}
    assert s["stress"] == {"mean": None, "median": None, "max": None}
    assert s["daily"] == []
    for key in PAIR_KEYS:
        assert s["correlation"][key] == {"rho": None, "ci95": None, "n": 0, "enough_data": False}
    assert s["sessions"] == {"count": 0, "minutes": 0.0}
    assert "28" in s["insight"]
    json.dumps(s, allow_nan=False)


def test_one_day() -> None:
    s = build_summary([entry(START, 4, 6)], [], START, START)
    assert s["days_in_period"] == 1
    assert s["days_logged"] == 1
    assert s["pain"] == {"mean": 4.0, "median": 4.0, "max": 4}
    assert s["correlation"]["same_day"]["n"] == 1
    assert s["correlation"]["stress_to_next_day_pain"]["n"] == 0
    assert s["correlation"]["same_day"]["rho"] is None
    json.dumps(s, allow_nan=False)


def test_entries_outside_the_range_are_excluded() -> None:
    entries = [
        entry(START - timedelta(days=1), 10, 10, hour=23),
        entry(START, 2, 3),
        entry(START + timedelta(days=2), 4, 5),
        entry(START + timedelta(days=3), 9, 9, hour=0),
    ]
    sessions = [
        FakeSession(datetime(2026, 3, 1, 20, tzinfo=AMS), 600.0),
        FakeSession(datetime(2026, 3, 3, 20, tzinfo=AMS), 900.0),
    ]
    s = build_summary(entries, sessions, START, START + timedelta(days=2))
    assert s["entries"] == 2
    assert s["pain"]["max"] == 4
    assert s["sessions"] == {"count": 1, "minutes": 15.0}


def test_dst_change_day_lands_on_local_calendar_day() -> None:
    # Europe/Amsterdam springs forward on 2026-03-29 at 02:00 -> 03:00.
    dst_day = date(2026, 3, 29)
    entries = [
        DiaryEntry(at=datetime(2026, 3, 28, 23, 50, tzinfo=AMS), pain=1, stress=1),
        # 00:30 CET is 23:30 UTC on the 28th: bucketing by UTC would get this wrong.
        DiaryEntry(at=datetime(2026, 3, 28, 23, 30, tzinfo=UTC).astimezone(AMS), pain=4, stress=2),
        DiaryEntry(at=datetime(2026, 3, 29, 3, 30, tzinfo=AMS), pain=6, stress=4),
        DiaryEntry(at=datetime(2026, 3, 29, 23, 45, tzinfo=AMS), pain=8, stress=6),
        DiaryEntry(at=datetime(2026, 3, 30, 0, 15, tzinfo=AMS), pain=9, stress=9),
    ]
    assert entries[1].at.hour == 0
    s = build_summary(entries, [], date(2026, 3, 28), date(2026, 3, 30))
    assert s["daily"] == [
        {"date": "2026-03-28", "pain": 1.0, "stress": 1.0},
        {"date": "2026-03-29", "pain": 6.0, "stress": 4.0},
        {"date": "2026-03-30", "pain": 9.0, "stress": 9.0},
    ]
    weeks = weekly_summaries(daily_series(entries, date(2026, 3, 23), date(2026, 4, 5)))
    assert [w.week_start for w in weeks] == [date(2026, 3, 23), date(2026, 3, 30)]
    assert weeks[0].days_in_period == 7
    assert weeks[0].days_logged == 2
    assert weeks[0].pain_max == 8
    assert dst_day.isocalendar().week == weeks[0].iso_week


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        build_summary([], [], START, START - timedelta(days=1))


# --- Rolling means and detrending --------------------------------------------------------------


def test_rolling_mean_tolerates_missing_days() -> None:
    nan = math.nan
    values = [1, nan, 3, 4, nan, 6, 7, 8]
    out = rolling_mean(values)
    assert all(math.isnan(v) for v in out[:5])  # at most 3 logged days so far
    assert out[5] == pytest.approx((1 + 3 + 4 + 6) / 4)
    assert out[6] == pytest.approx((1 + 3 + 4 + 6 + 7) / 5)
    # Day 7's window is days 1..7: day 0 has left it.
    assert out[7] == pytest.approx((3 + 4 + 6 + 7 + 8) / 5)


def test_rolling_mean_needs_four_of_seven_days() -> None:
    nan = math.nan
    # Logged on days 0, 2, 3, 5 and 7.
    out = rolling_mean([5, nan, 5, 5, nan, 5, nan, 5, nan, nan, nan])
    assert math.isnan(out[4])  # days 0..4 hold three logged days
    assert out[5] == 5.0  # four: 0, 2, 3, 5
    assert out[8] == 5.0  # days 2..8 hold 2, 3, 5, 7
    assert math.isnan(out[9])  # days 3..9 hold three
    assert math.isnan(out[10])


def test_deviations_remove_a_shared_trend() -> None:
    days = 90
    trend = np.linspace(8, 2, days)
    rng = np.random.default_rng(3)
    stress_noise = rng.normal(0, 1, days)
    pain_noise = rng.normal(0, 1, days)
    # Both fall over the months, but day-to-day they are unrelated.
    pain = trend + pain_noise
    stress = trend + stress_noise
    raw = spearman(stress, pain)
    det = spearman(deviations_from_baseline(stress), deviations_from_baseline(pain))
    assert raw.rho is not None
    assert det.rho is not None
    assert raw.rho > 0.7
    assert abs(det.rho) < 0.3
    assert det.n == days - 6  # the baseline needs 7 logged days


def test_deviation_is_value_minus_trailing_mean() -> None:
    values = np.arange(40, dtype=float)
    dev = deviations_from_baseline(values)
    assert all(math.isnan(v) for v in dev[:6])
    assert dev[6] == pytest.approx(6 - np.mean(values[0:7]))
    assert dev[39] == pytest.approx(39 - np.mean(values[12:40]))


def test_detrended_block_uses_entries_before_the_period_as_baseline() -> None:
    rng = np.random.default_rng(11)
    before = [
        entry(START - timedelta(days=d), int(rng.integers(0, 11)), int(rng.integers(0, 11)))
        for d in range(1, 29)
    ]
    inside = [
        entry(START + timedelta(days=d), int(rng.integers(0, 11)), int(rng.integers(0, 11)))
        for d in range(30)
    ]
    s = build_summary(before + inside, [], START, START + timedelta(days=29))
    assert s["entries"] == 30
    assert s["detrended"]["same_day"]["n"] == 30
    alone = build_summary(inside, [], START, START + timedelta(days=29))
    assert alone["detrended"]["same_day"]["n"] == 24


# --- Weekly summaries --------------------------------------------------------------------------


def test_weekly_summaries_and_change_against_first_week() -> None:
    weekly_pain = [6, 5, 4, 7]
    entries = []
    for w, p in enumerate(weekly_pain):
        for d in range(7):
            entries.append(entry(START + timedelta(days=7 * w + d), p, 3))
    entries.append(entry(START + timedelta(days=1), 10, 3, hour=20))  # raises day 1 to mean 8
    sessions = [
        FakeSession(datetime(2026, 3, 3, 18, tzinfo=AMS), 1200.0),
        FakeSession(datetime(2026, 3, 5, 18, tzinfo=AMS), 600.0),
        FakeSession(datetime(2026, 3, 10, 18, tzinfo=AMS), 300.0),
    ]
    weeks = weekly_summaries(daily_series(entries, START, START + timedelta(days=27), sessions))
    assert len(weeks) == 4
    first = weeks[0]
    assert first.iso_week == 10
    assert first.days_logged == 7
    assert first.pain_mean == pytest.approx((6 * 6 + 8) / 7)
    assert first.pain_median == 6.0
    assert first.pain_max == 10
    assert first.stress_mean == 3.0
    assert (first.sessions, first.session_minutes) == (2, 30.0)
    assert (weeks[1].sessions, weeks[1].session_minutes) == (1, 5.0)
    base = (6 * 6 + 8) / 7
    assert first.pain_change == 0.0
    assert weeks[1].pain_change == pytest.approx(5 - base)
    assert weeks[1].meaningful_change is False  # -1.29 points, -20%
    assert weeks[2].pain_change == pytest.approx(4 - base)
    assert weeks[2].meaningful_change is True  # -2.29 points
    assert weeks[3].pain_change == pytest.approx(7 - base)
    assert weeks[3].meaningful_change is False
    json.dumps([w.to_dict() for w in weeks], allow_nan=False)


def test_thirty_percent_rule_and_thin_weeks() -> None:
    entries = [entry(START + timedelta(days=d), 3, 3) for d in range(7)]
    entries += [entry(START + timedelta(days=7 + d), 2, 3) for d in range(5)]  # -1 = -33%
    entries += [entry(START + timedelta(days=14 + d), 9, 3) for d in range(2)]  # thin week
    weeks = weekly_summaries(daily_series(entries, START, START + timedelta(days=20)))
    assert weeks[1].pain_change == pytest.approx(-1.0)
    assert weeks[1].pain_change_fraction == pytest.approx(-1 / 3)
    assert weeks[1].meaningful_change is True
    assert weeks[2].days_logged == 2
    assert weeks[2].pain_change is None
    assert weeks[2].meaningful_change is False


def test_partial_weeks_at_the_edges() -> None:
    saturday = date(2026, 3, 7)
    entries = [entry(saturday + timedelta(days=d), 9 if d < 2 else 4, 4) for d in range(9)]
    weeks = weekly_summaries(daily_series(entries, saturday, saturday + timedelta(days=8)))
    assert [w.week_start for w in weeks] == [date(2026, 3, 2), date(2026, 3, 9)]
    assert [w.days_in_period for w in weeks] == [2, 7]
    # Two days are too thin to be the baseline or to be compared; the next week is the baseline.
    assert weeks[0].pain_mean == 9.0
    assert weeks[0].pain_change is None
    assert weeks[1].pain_change == 0.0


def test_empty_weeks_have_no_values() -> None:
    weeks = weekly_summaries(daily_series([], START, START + timedelta(days=6)))
    assert len(weeks) == 1
    assert weeks[0].pain_mean is None
    assert weeks[0].pain_max is None
    assert weeks[0].days_logged == 0


# --- Higher- vs lower-stress days --------------------------------------------------------------


def test_high_low_stress_hand_case() -> None:
    # Five weeks of the same six days: 30 days, 15 on each side of stress 3.5.
    result = high_low_stress([2, 2, 2, 6, 6, 6] * 5, [1, 2, 3, 4, 5, 6] * 5)
    assert result.median_stress == 3.5
    assert (result.high_days, result.low_days) == (15, 15)
    assert result.high_mean_pain == 6.0
    assert result.low_mean_pain == 2.0
    assert result.difference == 4.0
    # Every resample keeps each day's label and pain, so every replicate differs by 4.
    assert result.ci95 == pytest.approx((4.0, 4.0))


def test_high_low_gives_no_interval_from_a_few_days() -> None:
    """Two days gave "Difference −2.00 points (95% CI −2.00 to −2.00)"."""
    two = high_low_stress([5, 3], [5, 7])
    assert two.difference == pytest.approx(-2.0)
    assert two.ci95 is None
    for n in (4, 10, 27):
        stress = np.arange(n) % 8
        result = high_low_stress(stress + np.arange(n) % 3, stress)
        assert result.difference is not None
        assert result.ci95 is None, n
    rng = np.random.default_rng(28)
    stress = np.tile(np.arange(1, 9), 4)[:28].astype(float)
    pain = np.clip(stress + rng.normal(0, 1, 28), 0, 10)
    enough = high_low_stress(pain, stress)
    assert enough.n == 28
    assert enough.groups_big_enough
    assert enough.ci95 is not None


def test_high_low_gives_no_interval_when_one_side_has_too_few_days() -> None:
    # Stress sits on its median most days: 40 days, only 5 above it.
    stress = [3.0] * 35 + [6.0] * 5
    pain = [3.0 + (i % 3) for i in range(35)] + [6.0] * 5
    result = high_low_stress(pain, stress)
    assert (result.high_days, result.low_days) == (5, 35)
    assert result.enough_data
    assert not result.groups_big_enough
    assert result.difference is not None
    assert result.ci95 is None
    seven = high_low_stress(pain[:33] + [6.0] * 7, stress[:33] + [6.0] * 7)
    assert seven.high_days == MIN_GROUP_DAYS
    assert seven.ci95 is not None


def test_high_low_ties_at_the_median_count_as_low() -> None:
    result = high_low_stress([1, 2, 3, 4, 5], [2, 5, 5, 5, 8])
    assert result.median_stress == 5.0
    assert (result.high_days, result.low_days) == (1, 4)
    assert result.difference == pytest.approx(5 - (1 + 2 + 3 + 4) / 4)


def test_high_low_constant_stress_has_no_comparison() -> None:
    result = high_low_stress([1, 2, 3, 4], [5, 5, 5, 5])
    assert result.difference is None
    assert result.ci95 is None
    assert result.high_days == 0


def test_high_low_bootstrap_is_reproducible_and_sensible() -> None:
    rng = np.random.default_rng(5)
    stress = rng.integers(0, 11, 200).astype(float)
    pain = np.clip(np.round(2 + 0.5 * stress + rng.normal(0, 1.5, 200)), 0, 10)
    a = high_low_stress(pain, stress)
    b = high_low_stress(pain, stress)
    assert a == b
    assert a.ci95 is not None
    assert a.difference is not None
    assert a.ci95[0] < a.difference < a.ci95[1]
    assert a.ci95[0] > 0.0
    assert a.block_days == block_length(200) == 6


def test_block_bootstrap_is_wider_than_independent_days_for_autocorrelated_data() -> None:
    rng = np.random.default_rng(9)
    n = 365
    level = np.zeros(n)
    for t in range(1, n):  # strongly autocorrelated shared state (AR(1), phi = 0.9)
        level[t] = 0.9 * level[t - 1] + rng.normal(0, 1)
    stress = level + rng.normal(0, 0.5, n)
    pain = level + rng.normal(0, 0.5, n)
    block = high_low_stress(pain, stress)
    iid = high_low_stress(pain, stress, block_days=1)
    assert block.ci95 is not None
    assert iid.ci95 is not None
    assert block.ci95[1] - block.ci95[0] > 1.3 * (iid.ci95[1] - iid.ci95[0])


def test_block_length_rule() -> None:
    assert [block_length(n) for n in (0, 1, 8, 27, 28, 365, 3650)] == [1, 1, 2, 3, 4, 8, 16]


# --- The summary contract ----------------------------------------------------------------------


def test_summary_has_exactly_the_contract_shape() -> None:
    rng = np.random.default_rng(1)
    pains = [int(v) for v in rng.integers(0, 11, 40)]
    stresses = [int(v) for v in rng.integers(0, 11, 40)]
    s = summary_of(pains, stresses)
    assert set(s) >= CONTRACT_KEYS
    assert set(s) - CONTRACT_KEYS <= {
        "completeness",
        "weekly",
        "detrended",
        "high_low_stress",
        "caveat",
        "insight_details",
    }
    assert s["from"] == "2026-03-02"
    assert s["to"] == "2026-04-10"
    assert set(s["pain"]) == {"mean", "median", "max"}
    assert set(s["stress"]) == {"mean", "median", "max"}
    assert type(s["pain"]["max"]) is int
    assert all(set(d) == {"date", "pain", "stress"} for d in s["daily"])
    assert set(s["correlation"]) == PAIR_KEYS
    for block in s["correlation"].values():
        assert set(block) == {"rho", "ci95", "n", "enough_data"}
        assert isinstance(block["ci95"], list)
    assert s["correlation"]["same_day"]["enough_data"] is True
    assert set(s["sessions"]) == {"count", "minutes"}
    assert isinstance(s["insight"], str)
    assert s["insight"]
    assert_plain_json(s)
    expected = sps.spearmanr(stresses, pains).statistic
    assert s["correlation"]["same_day"]["rho"] == pytest.approx(expected, abs=5e-4)


def test_summary_in_dutch() -> None:
    s = build_summary([entry(START, 4, 6)], [], START, START + timedelta(days=6), lang="nl")
    assert "dagen" in s["insight"]
    with pytest.raises(ValueError, match="language"):
        build_summary([], [], START, START, lang="de")


def ten_years(n_entries: int = 11_000) -> tuple[list[DiaryEntry], list[FakeSession], date, date]:
    rng = np.random.default_rng(2016)
    first = date(2016, 1, 4)
    days = 3650
    offsets = np.sort(rng.integers(0, days * 24 * 60, n_entries))
    stress = rng.integers(0, 11, n_entries)
    pain = np.clip(stress // 2 + rng.integers(0, 5, n_entries), 0, 10)
    base = datetime(2016, 1, 4, tzinfo=AMS)
    entries = [
        DiaryEntry(
            at=(base + timedelta(minutes=int(m))),
            pain=int(p),
            stress=int(s),
            sleep=int(s) % 11,
            flare_up=bool(p >= 9),
        )
        for m, p, s in zip(offsets, pain, stress, strict=True)
    ]
    sessions = [
        FakeSession(base + timedelta(hours=int(h)), 900.0)
        for h in np.sort(rng.integers(0, days * 24, 1500))
    ]
    return entries, sessions, first, first + timedelta(days=days - 1)


def test_ten_years_summarise_well_under_200_ms() -> None:
    entries, sessions, first, last = ten_years()
    build_summary(entries, sessions, first, last)  # warm-up: imports and caches
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        s = build_summary(entries, sessions, first, last)
        best = min(best, time.perf_counter() - t0)
    assert s["entries"] == 11_000
    assert s["sessions"]["count"] == 1500
    assert best < 0.2, f"{best * 1000:.0f} ms"


# --- Properties --------------------------------------------------------------------------------

scores = st.integers(min_value=0, max_value=10)


@given(st.lists(st.tuples(scores, scores), min_size=0, max_size=60))
def test_rho_in_range_and_ci_contains_rho(pairs: list[tuple[int, int]]) -> None:
    x = [a for a, _ in pairs]
    y = [b for _, b in pairs]
    c = spearman(x, y)
    assert c.n == len(pairs)
    if c.rho is None:
        assert c.ci95 is None
        return
    assert -1.0 <= c.rho <= 1.0
    assert c.ci95 is not None
    lo, hi = c.ci95
    assert -1.0 <= lo <= c.rho <= hi <= 1.0
    assert c.rho == pytest.approx(sps.spearmanr(x, y).statistic)


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=59 * 24 * 60), scores, scores),
        max_size=120,
    ),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=30),
)
def test_summary_is_always_plain_json(
    items: list[tuple[int, int, int]], start_offset: int, length: int
) -> None:
    base = datetime(2026, 2, 1, tzinfo=AMS)
    entries = [DiaryEntry(at=base + timedelta(minutes=m), pain=p, stress=s) for m, p, s in items]
    start = base.date() + timedelta(days=start_offset)
    s = build_summary(entries, [], start, start + timedelta(days=length))
    assert_plain_json(s)
    json.dumps(s, allow_nan=False)
    assert s["days_logged"] <= s["days_in_period"] == length + 1
    assert len(s["daily"]) == s["days_logged"] <= s["entries"]


def test_lag_correlations_direct() -> None:
    nan = math.nan
    lc = lag_correlations([1, 2, 3, nan, 5, 6], [3, 1, 2, 4, nan, 6])
    assert lc.same_day.n == 4
    # stress(d) -> pain(d+1): d = 0, 1, 3 (day 2's next day has no pain, day 4 has no stress).
    assert lc.stress_to_next_day_pain.n == 3
    # pain(d) -> stress(d+1): d = 0, 1, 2, 4 (day 3 has no pain, day 5's stress follows day 4).
    assert lc.pain_to_next_day_stress.n == 4
    assert lc.to_dict().keys() == PAIR_KEYS


# --- CLINICAL.md §5: completeness, variation, next-day pairs, autocorrelation -------------------


def ar1(n: int, phi: float, seed: int) -> np.ndarray:
    """A day-to-day series that carries over from one day to the next (AR(1))."""
    rng = np.random.default_rng(seed)
    out = np.zeros(n)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + rng.normal(0, 1)
    return out


def test_diary_check_counts_from_the_first_to_the_last_entry() -> None:
    pains = [None] * 10 + [3, 5, None, 4, 6, None, None, 2] + [None] * 5
    stresses = [None if p is None else 9 - p for p in pains]
    series = daily_series(series_entries(pains, stresses), START, START + timedelta(days=22))
    check = diary_check(series)
    # Days 10..17: 8 days from the first to the last entry, 5 of them filled in.
    assert (check.days_logged, check.span_days) == (5, 8)
    assert check.completeness == pytest.approx(5 / 8)
    assert check.pain_sd == pytest.approx(float(np.std([3, 5, 4, 6, 2], ddof=1)))
    assert check.stress_sd == pytest.approx(check.pain_sd)
    empty = diary_check(daily_series([], START, START))
    assert (empty.days_logged, empty.span_days, empty.pain_sd) == (0, 0, None)


def test_summary_sentence_follows_the_completeness_and_variation_gates() -> None:
    """lowsd2.py: stress only 3 or 4 was "a moderate pattern"; 29% filled in "a strong" one."""
    rng = np.random.default_rng(11)
    days = 91 + 27
    stress = [3 + int(rng.random() < 0.3) for _ in range(days)]
    pain = [4 + int(rng.random() < (0.75 if s == 4 else 0.15)) for s in stress]
    end = START + timedelta(days=days - 1)
    flat = build_summary(series_entries(pain, stress), [], end - timedelta(days=90), end)
    assert flat["detrended"]["same_day"]["n"] >= 28
    assert "too little variation yet" in flat["insight"]
    assert "pattern, and probably not chance" not in flat["insight"]
    assert flat["insight_details"] is None

    # A year filled in on about 3 days in 10, pain following stress closely.
    year = 365 + 27
    keep = rng.random(year) < 0.3
    sparse_stress = [int(rng.integers(0, 11)) if k else None for k in keep]
    sparse_pain = [None if v is None else max(0, v - 1) for v in sparse_stress]
    last = START + timedelta(days=year - 1)
    sparse = build_summary(
        series_entries(sparse_pain, sparse_stress), [], last - timedelta(days=364), last
    )
    assert sparse["completeness"] < 0.4
    assert sparse["detrended"]["same_day"]["n"] >= 28
    assert "too few to describe a pattern" in sparse["insight"]
    assert "strong pattern" not in sparse["insight"]
    assert sparse["insight_details"] is None


def test_identical_scores_give_no_interval_of_no_width_in_the_sentence() -> None:
    """lowsd.py: "ρ = 1.00, 95% CI 1.00 to 1.00" from pain = stress = 3 with a bump now and
    then."""
    rng = np.random.default_rng(1)
    scores = [3 + int(rng.random() < 0.25) for _ in range(118)]
    end = START + timedelta(days=117)
    s = build_summary(series_entries(scores, scores), [], end - timedelta(days=90), end)
    assert s["insight_details"] is None
    assert "1.00 to 1.00" not in s["insight"]


def test_next_day_pairs_count_as_enough_only_from_42() -> None:
    assert MIN_NEXT_DAY_PAIRS == 42
    rng = np.random.default_rng(3)
    for days, enough in ((30, False), (42, False), (43, True)):
        pain = rng.integers(0, 11, days).astype(float)
        stress = rng.integers(0, 11, days).astype(float)
        lags = lag_correlations(pain, stress)
        assert lags.same_day.enough_data is True
        assert lags.stress_to_next_day_pain.n == days - 1
        assert lags.stress_to_next_day_pain.enough_data is enough
        assert lags.pain_to_next_day_stress.enough_data is enough
        assert lags.to_dict()["stress_to_next_day_pain"]["enough_data"] is enough


def test_lag1_autocorrelation_uses_consecutive_days_only() -> None:
    series = ar1(400, 0.8, seed=4)
    assert lag1_autocorrelation(series) == pytest.approx(0.8, abs=0.08)
    gaps = series.copy()
    gaps[::3] = np.nan  # every third day missing: only the pairs of days in a row count
    assert lag1_autocorrelation(gaps) == pytest.approx(0.8, abs=0.1)
    assert lag1_autocorrelation(series[:20]) is None  # 19 pairs: too few to tell
    assert lag1_autocorrelation(np.full(50, 4.0)) is None


def test_effective_days_follow_bartlett_and_only_ever_narrow_n() -> None:
    x = ar1(2000, 0.5, seed=5)
    y = ar1(2000, 0.5, seed=6)
    rx, ry = lag1_autocorrelation(x), lag1_autocorrelation(y)
    assert rx is not None
    assert ry is not None
    expected = 2000 * (1 - rx * ry) / (1 + rx * ry)
    assert effective_days(2000, x, y) == pytest.approx(expected)
    assert effective_days(2000, x, y) == pytest.approx(0.6 * 2000, rel=0.1)  # CLINICAL.md §5
    rng = np.random.default_rng(7)
    swinging = np.array([(-1.0) ** i for i in range(200)]) + rng.normal(0, 0.1, 200)
    assert effective_days(200, swinging, ar1(200, 0.9, seed=8)) == 200.0
    assert effective_days(10, x[:10], y[:10]) == 10.0  # too short to estimate the carry-over


def test_interval_of_autocorrelated_days_is_wider_than_fishers() -> None:
    """CLINICAL.md §5: one day resembles the next, so n days are worth fewer than n."""
    shared = ar1(365, 0.9, seed=9)
    rng = np.random.default_rng(10)
    stress = shared + rng.normal(0, 1.0, 365)
    pain = shared + rng.normal(0, 1.0, 365)
    plain = spearman(stress, pain)
    daily = daily_spearman(stress, pain)
    assert daily.rho == plain.rho
    assert plain.ci95 is not None
    assert daily.ci95 is not None
    assert daily.ci95[1] - daily.ci95[0] > 1.5 * (plain.ci95[1] - plain.ci95[0])
    assert daily.ci95[0] <= daily.rho <= daily.ci95[1]
    # Fresh days every day: the interval stays (nearly) Fisher's.
    fresh = daily_spearman(rng.normal(size=365), rng.normal(size=365))
    assert fresh.ci95 is not None
    width = fresh.ci95[1] - fresh.ci95[0]
    assert width == pytest.approx(2 * math.tanh(1.959964 / math.sqrt(362)), rel=0.15)
