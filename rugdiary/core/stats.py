"""Daily series, rolling means, weekly summaries and stress–pain correlations for one diary."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from scipy import stats as sps  # type: ignore[import-untyped]

from rugdiary.core import insights
from rugdiary.core.diary import DiaryEntry

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

MIN_CORRELATION_DAYS = insights.MIN_DAYS
"""Paired days from which a correlation counts as enough data (CLINICAL.md §5, DESIGN.md §4)."""

MIN_NEXT_DAY_PAIRS = insights.MIN_NEXT_DAY_PAIRS
"""Pairs of consecutive logged days from which a next-day correlation counts as enough data."""

MIN_GROUP_DAYS = 7
"""Days each side of the higher/lower-stress split needs before the difference gets an
interval. Stress that sits on its median most days leaves a handful of "higher" days, and a
bootstrap of a mean of three days only repeats those three days back."""

MIN_AUTOCORRELATION_PAIRS = 20
"""Consecutive-day pairs from which a series' day-to-day carry-over (lag-1 autocorrelation)
is estimated; below about 20 points it can hardly be told from noise (Solanas 2010,
CLINICAL.md §5), and the interval is left as Fisher's."""

ROLLING_WINDOW_DAYS = 7
ROLLING_MIN_DAYS = 4
"""A 7-day mean needs at least 4 logged days, so one or two days cannot pose as a week."""

DETREND_WINDOW_DAYS = 28
DETREND_MIN_DAYS = 7
"""The personal baseline needs a week of logged days before a deviation from it means much."""

MIN_WEEK_DAYS = 4
"""A week with fewer logged days is too thin to compare with the first week."""

MIC_POINTS = 2.0
MIC_FRACTION = 0.30
"""Minimal important change on a 0-10 pain scale: 2 points or 30% (Ostelo 2008)."""

BOOTSTRAP_REPLICATES = 2000
BOOTSTRAP_SEED = 20260329

_Z_95 = 1.959963984540054
"""The 97.5% point of the standard normal distribution (scipy.stats.norm.ppf(0.975))."""

_RHO_CLAMP = 1.0 - 1e-9
"""|rho| = 1 has an infinite Fisher z; clamping keeps the interval finite and defined."""

OPTIONAL_DAILY_FIELDS: tuple[str, ...] = (
    "worst_pain",
    "sleep",
    "mood",
    "confidence",
    "work_demand",
    "support",
    "activity_min",
)
"""Optional entry fields averaged per day where present."""


class SessionLike(Protocol):
    """What the statistics need from an exercise session: when it started and how long it ran."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def done_s(self) -> float: ...


# ---------------------------------------------------------------------------------------------
# Daily series


@dataclass(frozen=True, eq=False)
class DailySeries:
    """One value per calendar day from `start` to `end` inclusive; NaN where nothing was logged.

    Missing days stay NaN rather than zero: a day without an entry says nothing about pain, and
    a zero would drag every mean down. Arrays are numpy so charts and statistics over ten years
    of data stay fast.
    """

    start: date
    end: date
    pain: FloatArray
    """Mean pain of the day's entries."""
    stress: FloatArray
    """Mean stress of the day's entries."""
    pain_max: FloatArray
    """Highest single pain score logged that day."""
    stress_max: FloatArray
    """Highest single stress score logged that day."""
    entry_count: IntArray
    flare_up: BoolArray
    """True when any entry of the day was marked as a flare-up."""
    optional: Mapping[str, FloatArray]
    """Day means of OPTIONAL_DAILY_FIELDS; NaN where the field was never filled in that day."""
    session_count: IntArray
    session_minutes: FloatArray

    def __post_init__(self) -> None:
        # One series feeds several charts and statistics; read-only arrays stop one of them
        # from quietly changing what the others see.
        arrays: list[npt.NDArray[Any]] = [self.pain, self.stress, self.pain_max, self.stress_max]
        arrays += [self.entry_count, self.flare_up, self.session_count, self.session_minutes]
        for array in [*arrays, *self.optional.values()]:
            array.setflags(write=False)

    @property
    def n_days(self) -> int:
        return int(self.pain.shape[0])

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=i) for i in range(self.n_days))

    @property
    def logged(self) -> BoolArray:
        """Days with at least one entry."""
        return self.entry_count > 0

    @property
    def days_logged(self) -> int:
        return int(np.count_nonzero(self.entry_count))

    @property
    def n_entries(self) -> int:
        return int(self.entry_count.sum())

    def between(self, start: date, end: date) -> DailySeries:
        """The part of this series from `start` to `end`, which must lie inside it."""
        lo = (start - self.start).days
        hi = (end - self.start).days + 1
        if lo < 0 or hi > self.n_days or hi < lo:
            raise ValueError(f"{start}..{end} is not inside {self.start}..{self.end}")
        return DailySeries(
            start=start,
            end=end,
            pain=self.pain[lo:hi],
            stress=self.stress[lo:hi],
            pain_max=self.pain_max[lo:hi],
            stress_max=self.stress_max[lo:hi],
            entry_count=self.entry_count[lo:hi],
            flare_up=self.flare_up[lo:hi],
            optional={k: v[lo:hi] for k, v in self.optional.items()},
            session_count=self.session_count[lo:hi],
            session_minutes=self.session_minutes[lo:hi],
        )


def _day_means(idx: IntArray, values: FloatArray, n_days: int) -> FloatArray:
    counts = np.bincount(idx, minlength=n_days)
    sums = np.bincount(idx, weights=values, minlength=n_days)
    out = np.full(n_days, np.nan)
    np.divide(sums, counts, out=out, where=counts > 0)
    return out


def _day_max(idx: IntArray, values: FloatArray, n_days: int) -> FloatArray:
    out = np.full(n_days, -np.inf)
    np.maximum.at(out, idx, values)
    out[np.isneginf(out)] = np.nan
    return out


def daily_series(
    entries: Iterable[DiaryEntry],
    start: date,
    end: date,
    sessions: Iterable[SessionLike] = (),
) -> DailySeries:
    """Day-by-day means of the entries (and session totals) whose local day lies in the range.

    The day is `entry.day`, the calendar date the person saw when logging, so an entry at
    00:30 during a daylight-saving change still belongs to that night's date. The entries are
    walked once; all per-day arithmetic is done with numpy.
    """
    if end < start:
        raise ValueError(f"the end {end} lies before the start {start}")
    n_days = (end - start).days + 1
    origin = start.toordinal()
    idx: list[int] = []
    pain: list[int] = []
    stress: list[int] = []
    flares: list[int] = []
    opt_idx: dict[str, list[int]] = {name: [] for name in OPTIONAL_DAILY_FIELDS}
    opt_val: dict[str, list[int]] = {name: [] for name in OPTIONAL_DAILY_FIELDS}
    for entry in entries:
        i = entry.day.toordinal() - origin
        if not 0 <= i < n_days:
            continue
        idx.append(i)
        pain.append(entry.pain)
        stress.append(entry.stress)
        if entry.flare_up:
            flares.append(i)
        for name in OPTIONAL_DAILY_FIELDS:
            value = getattr(entry, name)
            if value is not None:
                opt_idx[name].append(i)
                opt_val[name].append(value)

    day_idx = np.asarray(idx, dtype=np.int64)
    pain_arr = np.asarray(pain, dtype=np.float64)
    stress_arr = np.asarray(stress, dtype=np.float64)
    flare_up = np.zeros(n_days, dtype=np.bool_)
    flare_up[np.asarray(flares, dtype=np.int64)] = True

    s_idx: list[int] = []
    s_min: list[float] = []
    for session in sessions:
        i = session.started_at.date().toordinal() - origin
        if 0 <= i < n_days:
            s_idx.append(i)
            s_min.append(float(session.done_s) / 60.0)
    sess_idx = np.asarray(s_idx, dtype=np.int64)

    return DailySeries(
        start=start,
        end=end,
        pain=_day_means(day_idx, pain_arr, n_days),
        stress=_day_means(day_idx, stress_arr, n_days),
        pain_max=_day_max(day_idx, pain_arr, n_days),
        stress_max=_day_max(day_idx, stress_arr, n_days),
        entry_count=np.bincount(day_idx, minlength=n_days).astype(np.int64),
        flare_up=flare_up,
        optional={
            name: _day_means(
                np.asarray(opt_idx[name], dtype=np.int64),
                np.asarray(opt_val[name], dtype=np.float64),
                n_days,
            )
            for name in OPTIONAL_DAILY_FIELDS
        },
        session_count=np.bincount(sess_idx, minlength=n_days).astype(np.int64),
        session_minutes=np.bincount(
            sess_idx, weights=np.asarray(s_min, dtype=np.float64), minlength=n_days
        ).astype(np.float64),
    )


def rolling_mean(
    values: npt.ArrayLike,
    window: int = ROLLING_WINDOW_DAYS,
    min_days: int = ROLLING_MIN_DAYS,
) -> FloatArray:
    """Trailing mean over the `window` days ending on each day, skipping missing (NaN) days.

    A day gets a value only when at least `min_days` of its window were logged (by default 4
    of 7), so a single logged day after a gap cannot pose as a weekly average; otherwise NaN.
    Days before the start of `values` count as missing. Cumulative sums keep it O(n).
    """
    if window < 1 or not 1 <= min_days <= window:
        raise ValueError("need window >= 1 and 1 <= min_days <= window")
    v = np.asarray(values, dtype=np.float64)
    ok = np.isfinite(v)
    csum = np.concatenate(([0.0], np.cumsum(np.where(ok, v, 0.0))))
    ccnt = np.concatenate(([0], np.cumsum(ok)))
    hi = np.arange(1, v.shape[0] + 1)
    lo = np.maximum(hi - window, 0)
    sums = csum[hi] - csum[lo]
    counts = ccnt[hi] - ccnt[lo]
    out = np.full(v.shape[0], np.nan)
    np.divide(sums, counts, out=out, where=counts >= min_days)
    return out


def deviations_from_baseline(
    values: npt.ArrayLike,
    window: int = DETREND_WINDOW_DAYS,
    min_days: int = DETREND_MIN_DAYS,
) -> FloatArray:
    """Each day's value minus the person's own trailing `window`-day mean (NaN without one).

    Pain often eases over weeks while stress drifts too; that shared trend alone makes raw
    daily values correlate. Comparing each day with what was usual for this person over the
    preceding four weeks (the day included, as in a running average) removes slow trends and
    keeps the day-to-day ups and downs that the question is about. This is preferred over first
    differences, which need two consecutive logged days and amplify day-to-day noise.
    """
    v = np.asarray(values, dtype=np.float64)
    return v - rolling_mean(v, window, min_days)


# ---------------------------------------------------------------------------------------------
# Correlations


@dataclass(frozen=True, slots=True)
class Correlation:
    """Spearman's rho over paired days with its Fisher-z 95% interval.

    `rho` and `ci95` are None when fewer than 3 pairs exist or a series is constant: no rank
    correlation is defined then, and a made-up zero would read as "no link".
    """

    rho: float | None
    ci95: tuple[float, float] | None
    n: int
    min_n: int = MIN_CORRELATION_DAYS
    """Pairs from which this correlation counts as enough data: MIN_CORRELATION_DAYS for a
    same-day one, MIN_NEXT_DAY_PAIRS for a next-day one (CLINICAL.md §5)."""

    @property
    def enough_data(self) -> bool:
        return self.n >= self.min_n

    @property
    def more_needed(self) -> int:
        """How many more pairs make it enough data (0 once it is)."""
        return max(0, self.min_n - self.n)

    @property
    def ci_excludes_zero(self) -> bool:
        return self.ci95 is not None and (self.ci95[0] > 0.0 or self.ci95[1] < 0.0)

    def to_dict(self) -> dict[str, Any]:
        """The DESIGN.md §4 block: rho, ci95, n, enough_data (rounded to 3 decimals)."""
        return {
            "rho": None if self.rho is None else _round(self.rho, 3),
            "ci95": None
            if self.ci95 is None
            else [_round(self.ci95[0], 3), _round(self.ci95[1], 3)],
            "n": self.n,
            "enough_data": self.enough_data,
        }


def fisher_ci(rho: float, n: float, z_crit: float = _Z_95) -> tuple[float, float] | None:
    """The Fisher-z confidence interval tanh(atanh(rho) ± z/sqrt(n-3)); None when n < 3.

    With n = 3 the standard error is infinite, so the honest interval is the whole range
    (-1, 1). For |rho| = 1 the transform is infinite; rho is clamped just inside ±1 for the
    arithmetic and the outer bound set to ±1 so the interval still contains rho. `n` may be
    an effective number of days (see daily_spearman), which need not be whole.
    """
    if n < 3:
        return None
    if n <= 3:
        return (-1.0, 1.0)
    r = min(max(rho, -_RHO_CLAMP), _RHO_CLAMP)
    z = math.atanh(r)
    half = z_crit / math.sqrt(n - 3)
    lo = math.tanh(z - half)
    hi = math.tanh(z + half)
    if rho >= _RHO_CLAMP:
        hi = 1.0
    if rho <= -_RHO_CLAMP:
        lo = -1.0
    return (min(lo, rho), max(hi, rho))


def spearman(x: npt.ArrayLike, y: npt.ArrayLike) -> Correlation:
    """Spearman's rho (scipy; ties get average ranks) over positions where both are finite.

    Constant input is checked first rather than handed to scipy, which would warn and return
    NaN: the result is then None, which callers show as "not enough variation".
    """
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    if xa.shape != ya.shape:
        raise ValueError("x and y must have the same length")
    both = np.isfinite(xa) & np.isfinite(ya)
    xa = xa[both]
    ya = ya[both]
    n = int(xa.shape[0])
    if n < 3 or np.ptp(xa) == 0.0 or np.ptp(ya) == 0.0:
        return Correlation(rho=None, ci95=None, n=n)
    rho = float(sps.spearmanr(xa, ya).statistic)
    return Correlation(rho=rho, ci95=fisher_ci(rho, n), n=n)


def lag1_autocorrelation(values: npt.ArrayLike) -> float | None:
    """Pearson's r between each day and the next, over pairs of consecutive finite days.

    `values` holds one value per calendar day (NaN where missing). None with fewer than
    MIN_AUTOCORRELATION_PAIRS pairs, or when either side of the pairs does not vary.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.shape[0] < 2:
        return None
    today, tomorrow = v[:-1], v[1:]
    both = np.isfinite(today) & np.isfinite(tomorrow)
    if int(np.count_nonzero(both)) < MIN_AUTOCORRELATION_PAIRS:
        return None
    a, b = today[both], tomorrow[both]
    if np.ptp(a) == 0.0 or np.ptp(b) == 0.0:
        return None
    return float(np.corrcoef(a, b)[0, 1])


def effective_days(n: int, x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """How many independent days `n` autocorrelated paired days are worth (never more than n).

    Bartlett's approximation for two series that each carry over from one day to the next
    (lag-1 autocorrelations r_x and r_y, as in an AR(1) process): n (1 - r_x r_y) / (1 + r_x
    r_y); with r = 0.5 in both, 0.6 n, the figure CLINICAL.md §5 gives. Days that resemble the
    day before tell less than fresh ones, so the interval from plain n is too narrow. Only
    widens: a negative product (one series swinging back and forth) is taken as none, and
    either series too short to estimate its carry-over counts as none as well.
    """
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    both = np.isfinite(xa) & np.isfinite(ya)
    rx = lag1_autocorrelation(np.where(both, xa, np.nan))
    ry = lag1_autocorrelation(np.where(both, ya, np.nan))
    if rx is None or ry is None:
        return float(n)
    product = min(max(rx * ry, 0.0), 1.0)
    return n * (1.0 - product) / (1.0 + product)


def daily_spearman(
    x: npt.ArrayLike, y: npt.ArrayLike, min_n: int = MIN_CORRELATION_DAYS
) -> Correlation:
    """spearman() over day-by-day series, its interval widened for day-to-day carry-over.

    `x` and `y` hold one value per calendar day (NaN where missing), so position i + 1 is
    the day after position i. CLINICAL.md §5 asks for intervals that allow for
    autocorrelation (a block bootstrap); a bootstrap of rank correlations over ten years
    costs seconds, so Fisher's interval is computed from the effective number of days
    instead (effective_days), which widens it by the same reasoning in microseconds.
    """
    plain = spearman(x, y)
    if plain.rho is None:
        return Correlation(rho=None, ci95=None, n=plain.n, min_n=min_n)
    n_eff = effective_days(plain.n, x, y)
    return Correlation(
        rho=plain.rho, ci95=fisher_ci(plain.rho, max(n_eff, 3.0)), n=plain.n, min_n=min_n
    )


@dataclass(frozen=True, slots=True)
class LagCorrelations:
    """The three stress–pain pairs of DESIGN.md §4.

    Both directions of the next-day link are given because precedence in one direction only
    would be a hint of order in time; neither shows cause.
    """

    same_day: Correlation
    stress_to_next_day_pain: Correlation
    pain_to_next_day_stress: Correlation

    def to_dict(self) -> dict[str, Any]:
        return {
            "same_day": self.same_day.to_dict(),
            "stress_to_next_day_pain": self.stress_to_next_day_pain.to_dict(),
            "pain_to_next_day_stress": self.pain_to_next_day_stress.to_dict(),
        }


def lag_correlations(pain: npt.ArrayLike, stress: npt.ArrayLike) -> LagCorrelations:
    """Same-day and next-day correlations over consecutive calendar days.

    `pain` and `stress` hold one value per calendar day, NaN where missing, so position i+1 is
    always the next day and a next-day pair exists only when both days were logged. Next-day
    pairs count as enough data only from MIN_NEXT_DAY_PAIRS of them (CLINICAL.md §5).
    """
    p = np.asarray(pain, dtype=np.float64)
    s = np.asarray(stress, dtype=np.float64)
    return LagCorrelations(
        same_day=daily_spearman(s, p),
        stress_to_next_day_pain=daily_spearman(s[:-1], p[1:], MIN_NEXT_DAY_PAIRS),
        pain_to_next_day_stress=daily_spearman(p[:-1], s[1:], MIN_NEXT_DAY_PAIRS),
    )


def diary_check(series: DailySeries) -> insights.DiaryCheck:
    """How complete and how varied the diary is in `series`, for insights.pattern_blocker.

    Completeness counts the days from the first to the last logged day of the series, so
    the days before a person began are not taken for gaps. The standard deviations are of
    the daily scores as logged (sample SD), the scale CLINICAL.md §5's "SD ≥ 1" speaks of.
    """
    days = np.flatnonzero(series.logged)
    if days.shape[0] == 0:
        return insights.DiaryCheck(days_logged=0, span_days=0, pain_sd=None, stress_sd=None)

    def sd(values: FloatArray) -> float | None:
        logged = values[days]
        return float(np.std(logged, ddof=1)) if logged.shape[0] >= 2 else None

    return insights.DiaryCheck(
        days_logged=int(days.shape[0]),
        span_days=int(days[-1] - days[0]) + 1,
        pain_sd=sd(series.pain),
        stress_sd=sd(series.stress),
    )


# ---------------------------------------------------------------------------------------------
# Higher- vs lower-stress days


@dataclass(frozen=True, slots=True)
class HighLowStress:
    """Mean pain on days with stress above the person's median against days at or below it.

    `difference` is high minus low; `ci95` is a moving-block bootstrap percentile interval,
    given only from MIN_CORRELATION_DAYS logged days with at least MIN_GROUP_DAYS on each
    side (CLINICAL.md §5): from two days a bootstrap returns those two days' difference as a
    "95% CI" of no width. Values are None when one of the two groups is empty (for example
    when stress never rises above its median).
    """

    median_stress: float | None
    high_days: int
    low_days: int
    high_mean_pain: float | None
    low_mean_pain: float | None
    difference: float | None
    ci95: tuple[float, float] | None
    block_days: int

    @property
    def n(self) -> int:
        return self.high_days + self.low_days

    @property
    def enough_data(self) -> bool:
        return self.n >= MIN_CORRELATION_DAYS

    @property
    def groups_big_enough(self) -> bool:
        """Both sides of the split have MIN_GROUP_DAYS days or more."""
        return min(self.high_days, self.low_days) >= MIN_GROUP_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {
            "median_stress": _r(self.median_stress, 2),
            "high_days": self.high_days,
            "low_days": self.low_days,
            "high_mean_pain": _r(self.high_mean_pain, 2),
            "low_mean_pain": _r(self.low_mean_pain, 2),
            "difference": _r(self.difference, 2),
            "ci95": None
            if self.ci95 is None
            else [_round(self.ci95[0], 2), _round(self.ci95[1], 2)],
            "n": self.n,
            "enough_data": self.enough_data,
            "block_days": self.block_days,
        }


def block_length(n: int) -> int:
    """Block length for the moving-block bootstrap: ceil(n^(1/3)), the usual rate for CIs."""
    if n < 1:
        return 1
    return max(1, math.ceil(math.cbrt(n) - 1e-9))


def high_low_stress(
    pain: npt.ArrayLike,
    stress: npt.ArrayLike,
    replicates: int = BOOTSTRAP_REPLICATES,
    seed: int = BOOTSTRAP_SEED,
    block_days: int | None = None,
) -> HighLowStress:
    """Compare mean pain on higher- and lower-stress days, split at the person's median stress.

    The interval uses a moving-block bootstrap (Künsch 1989) over the logged days in date
    order rather than scipy.stats.bootstrap: pain and stress carry over from one day to the
    next, and resampling single days as if independent would make the interval too narrow.
    Blocks of ceil(n^(1/3)) consecutive logged days keep most of that carry-over. Each day
    keeps its high/low label; a replicate with an empty group is dropped. The generator is
    seeded so that the same diary always gives the same interval. `block_days` overrides the
    block length (1 gives the ordinary independent-days bootstrap, for comparison).
    """
    p = np.asarray(pain, dtype=np.float64)
    s = np.asarray(stress, dtype=np.float64)
    both = np.isfinite(p) & np.isfinite(s)
    p = p[both]
    s = s[both]
    n = int(p.shape[0])
    b = block_length(n) if block_days is None else max(1, min(block_days, max(n, 1)))
    if n == 0:
        return HighLowStress(None, 0, 0, None, None, None, None, b)
    median = float(np.median(s))
    high = s > median
    n_high = int(np.count_nonzero(high))
    n_low = n - n_high
    if n_high == 0 or n_low == 0:
        return HighLowStress(median, n_high, n_low, None, None, None, None, b)
    high_mean = float(p[high].mean())
    low_mean = float(p[~high].mean())
    ci = None
    if n >= MIN_CORRELATION_DAYS and min(n_high, n_low) >= MIN_GROUP_DAYS:
        ci = _block_bootstrap_ci(p, high, b, replicates, seed)
    return HighLowStress(
        median_stress=median,
        high_days=n_high,
        low_days=n_low,
        high_mean_pain=high_mean,
        low_mean_pain=low_mean,
        difference=high_mean - low_mean,
        ci95=ci,
        block_days=b,
    )


def _block_bootstrap_ci(
    pain: FloatArray, high: BoolArray, b: int, replicates: int, seed: int
) -> tuple[float, float] | None:
    """Percentile 95% interval of mean(high) - mean(low) under a moving-block bootstrap.

    A replicate is k-1 whole blocks plus one block cut to the remaining length, so it has
    exactly n days. Block sums come from cumulative sums, so each replicate costs k additions
    instead of n, which keeps ten years of data fast.
    """
    n = int(pain.shape[0])
    if n < 2:
        return None
    k = math.ceil(n / b)
    last = n - (k - 1) * b

    def window_sums(values: FloatArray, length: int) -> FloatArray:
        c = np.concatenate(([0.0], np.cumsum(values)))
        return c[length:] - c[: n - length + 1]

    hi_f = high.astype(np.float64)
    lo_f = 1.0 - hi_f
    parts = (pain * hi_f, hi_f, pain * lo_f, lo_f)
    full = [window_sums(v, b) for v in parts]
    tail = [window_sums(v, last) for v in parts]
    rng = np.random.default_rng(seed)
    starts_full = rng.integers(0, n - b + 1, size=(replicates, k - 1))
    starts_tail = rng.integers(0, n - last + 1, size=replicates)
    totals = [f[starts_full].sum(axis=1) + t[starts_tail] for f, t in zip(full, tail, strict=True)]
    hi_sum, hi_cnt, lo_sum, lo_cnt = totals
    valid = (hi_cnt > 0) & (lo_cnt > 0)
    if np.count_nonzero(valid) < replicates // 2:
        return None
    diffs = hi_sum[valid] / hi_cnt[valid] - lo_sum[valid] / lo_cnt[valid]
    lo, hi = np.quantile(diffs, [0.025, 0.975])
    return (float(lo), float(hi))


# ---------------------------------------------------------------------------------------------
# Weekly summaries


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """One ISO week (Monday to Sunday), clipped to the period at its edges.

    Pain and stress means and the median are over the week's daily means, so a day logged three
    times weighs as much as a day logged once; `pain_max` is the highest single score logged.
    `pain_change` compares the mean with the first week that has at least MIN_WEEK_DAYS logged
    days (the baseline); it is None for thinner weeks. `meaningful_change` marks a change of at
    least 2 points or 30% of the baseline (the minimal important change for pain scores).
    """

    week_start: date
    iso_year: int
    iso_week: int
    days_in_period: int
    days_logged: int
    pain_mean: float | None
    pain_median: float | None
    pain_max: int | None
    worst_pain_mean: float | None
    stress_mean: float | None
    sessions: int
    session_minutes: float
    pain_change: float | None
    pain_change_fraction: float | None
    meaningful_change: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "iso_year": self.iso_year,
            "iso_week": self.iso_week,
            "days_in_period": self.days_in_period,
            "days_logged": self.days_logged,
            "pain_mean": _r(self.pain_mean, 2),
            "pain_median": _r(self.pain_median, 2),
            "pain_max": self.pain_max,
            "worst_pain_mean": _r(self.worst_pain_mean, 2),
            "stress_mean": _r(self.stress_mean, 2),
            "sessions": self.sessions,
            "session_minutes": _round(self.session_minutes, 1),
            "pain_change": _r(self.pain_change, 2),
            "pain_change_fraction": _r(self.pain_change_fraction, 3),
            "meaningful_change": self.meaningful_change,
        }


def _by_week(values: FloatArray, offset: int, n_weeks: int) -> FloatArray:
    """Reshape a daily array into (weeks, 7), NaN-padded before the start and after the end."""
    out = np.full(n_weeks * 7, np.nan)
    out[offset : offset + values.shape[0]] = values
    return out.reshape(n_weeks, 7)


def _row_stat(mat: FloatArray, has: BoolArray, func: Callable[..., Any]) -> FloatArray:
    out = np.full(mat.shape[0], np.nan)
    if np.any(has):
        out[has] = func(mat[has], axis=1)
    return out


def weekly_summaries(series: DailySeries) -> tuple[WeekSummary, ...]:
    """Per-ISO-week figures for every week that overlaps the series, with change vs baseline."""
    offset = series.start.weekday()
    first_monday = series.start - timedelta(days=offset)
    n_weeks = (offset + series.n_days + 6) // 7
    in_period = _by_week(np.ones(series.n_days), offset, n_weeks)
    pain = _by_week(series.pain, offset, n_weeks)
    stress = _by_week(series.stress, offset, n_weeks)
    pain_max = _by_week(series.pain_max, offset, n_weeks)
    worst = _by_week(series.optional["worst_pain"], offset, n_weeks)
    sessions = np.nan_to_num(_by_week(series.session_count.astype(np.float64), offset, n_weeks))
    minutes = np.nan_to_num(_by_week(series.session_minutes, offset, n_weeks))

    days_logged = np.count_nonzero(np.isfinite(pain), axis=1)
    has = days_logged > 0
    has_worst = np.count_nonzero(np.isfinite(worst), axis=1) > 0
    pain_mean = _row_stat(pain, has, np.nanmean)
    pain_median = _row_stat(pain, has, np.nanmedian)
    week_max = _row_stat(pain_max, has, np.nanmax)
    stress_mean = _row_stat(stress, has, np.nanmean)
    worst_mean = _row_stat(worst, has_worst, np.nanmean)

    full = np.flatnonzero(days_logged >= MIN_WEEK_DAYS)
    baseline = float(pain_mean[full[0]]) if full.shape[0] else None

    weeks: list[WeekSummary] = []
    for w in range(n_weeks):
        monday = first_monday + timedelta(days=7 * w)
        iso = monday.isocalendar()
        change: float | None = None
        fraction: float | None = None
        meaningful = False
        if baseline is not None and days_logged[w] >= MIN_WEEK_DAYS:
            change = float(pain_mean[w]) - baseline
            fraction = change / baseline if baseline > 0 else None
            meaningful = abs(change) >= MIC_POINTS - 1e-9 or (
                fraction is not None and abs(fraction) >= MIC_FRACTION - 1e-9
            )
        weeks.append(
            WeekSummary(
                week_start=monday,
                iso_year=iso.year,
                iso_week=iso.week,
                days_in_period=int(np.count_nonzero(np.isfinite(in_period[w]))),
                days_logged=int(days_logged[w]),
                pain_mean=_f(pain_mean[w]),
                pain_median=_f(pain_median[w]),
                pain_max=None if not has[w] else int(week_max[w]),
                worst_pain_mean=_f(worst_mean[w]),
                stress_mean=_f(stress_mean[w]),
                sessions=int(sessions[w].sum()),
                session_minutes=float(minutes[w].sum()),
                pain_change=change,
                pain_change_fraction=fraction,
                meaningful_change=meaningful,
            )
        )
    return tuple(weeks)


# ---------------------------------------------------------------------------------------------
# The summary --json contract


def _f(value: float | np.floating[Any]) -> float | None:
    """A plain float, or None for NaN: JSON has no NaN."""
    v = float(value)
    return None if math.isnan(v) else v


def _round(value: float, digits: int) -> float:
    """Rounded for display; adding 0.0 turns a rounded -0.0 into 0.0."""
    return round(value, digits) + 0.0


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else _round(value, digits)


def _level(values: FloatArray, maxima: FloatArray) -> dict[str, Any]:
    logged = values[np.isfinite(values)]
    if logged.shape[0] == 0:
        return {"mean": None, "median": None, "max": None}
    return {
        "mean": _round(float(logged.mean()), 2),
        "median": _round(float(np.median(logged)), 2),
        "max": int(np.nanmax(maxima)),
    }


def build_summary(
    entries: Iterable[DiaryEntry],
    sessions: Iterable[SessionLike],
    start: date,
    end: date,
    lang: str = "en",
) -> dict[str, Any]:
    """The `summary --json` document of DESIGN.md §4 for the days `start`..`end` inclusive.

    Means and medians of pain and stress are over daily means (each logged day counts once,
    like the correlations); `max` is the highest single score logged. Entries before `start`
    are used only as the personal baseline of the detrended correlations, so that the first
    weeks of a period are not lost to it. Extra keys beyond the contract: `completeness`,
    `weekly`, `detrended`, `high_low_stress` and `caveat`. Everything is computed unrounded
    and rounded only here; the result holds plain Python types only, with None for missing.
    """
    if end < start:
        raise ValueError(f"the end {end} lies before the start {start}")
    if lang not in insights.LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(insights.LANGUAGES)}, not {lang!r}")
    lookback = start - timedelta(days=DETREND_WINDOW_DAYS - 1)
    full = daily_series(entries, lookback, end, sessions)
    series = full.between(start, end)

    logged = series.logged
    check = diary_check(series)
    raw = lag_correlations(series.pain, series.stress)
    detrended = lag_correlations(
        deviations_from_baseline(full.pain)[-series.n_days :],
        deviations_from_baseline(full.stress)[-series.n_days :],
    )
    days = np.flatnonzero(logged)
    origin = start.toordinal()
    # Day means are >= 0, so numpy's rounding gives the same plain floats without a -0.0.
    daily = [
        {"date": date.fromordinal(origin + i).isoformat(), "pain": p, "stress": s}
        for i, p, s in zip(
            days.tolist(),
            np.round(series.pain[days], 2).tolist(),
            np.round(series.stress[days], 2).tolist(),
            strict=True,
        )
    ]
    session_total = int(series.session_count.sum())
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "days_in_period": series.n_days,
        "days_logged": series.days_logged,
        "entries": series.n_entries,
        "pain": _level(series.pain, series.pain_max),
        "stress": _level(series.stress, series.stress_max),
        "daily": daily,
        "correlation": raw.to_dict(),
        "sessions": {
            "count": session_total,
            "minutes": _round(float(series.session_minutes.sum()), 1),
        },
        "insight": insights.stress_pain_sentence(detrended.same_day, start, end, lang, check=check),
        "insight_details": insights.numbers_line(detrended.same_day, lang, check=check),
        "completeness": _round(series.days_logged / series.n_days, 3),
        "weekly": [w.to_dict() for w in weekly_summaries(series)],
        "detrended": detrended.to_dict(),
        "high_low_stress": high_low_stress(series.pain, series.stress).to_dict(),
        "caveat": insights.caveat_sentence(lang),
    }
