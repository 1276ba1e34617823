"""Every Insights chart as numbers: a one-paragraph text alternative and a table; no matplotlib.

A chart is pixels to a screen reader, and some sighted people read numbers more easily than
a picture. The same statistics the charts are drawn from (core.stats) are written out here,
with the numbers the charts print ("ρ = 0.50 … n = 78", "Difference 1.16 points") in the
very same words (chart_theme.LABELS), in English or Dutch.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from rugdiary.core import insights
from rugdiary.core.stats import (
    MIN_GROUP_DAYS,
    MIN_WEEK_DAYS,
    Correlation,
    DailySeries,
    HighLowStress,
    LagCorrelations,
    WeekSummary,
    rolling_mean,
)
from rugdiary.reports import report_texts as rt
from rugdiary.reports.chart_theme import Language, label

TABLE_KEYS: tuple[str, ...] = ("timeline", "scatter", "lag", "weekly", "calendar", "high_low")
"""The charts that have a table: every chart of the Insights page."""

_LAG_KEYS: tuple[str, ...] = ("same_day", "stress_to_next_day_pain", "pain_to_next_day_stress")

TEXTS: dict[Language, dict[str, str]] = {
    "en": {
        "date": "Date",
        "week": "Week starting",
        "pain": "Pain",
        "stress": "Stress",
        "flare": "Flare-up",
        "sessions": "Sessions",
        "days_logged": "Days filled in",
        "yes": "yes",
        "comparison": "Comparison",
        "rho": "ρ",
        "ci_low": "95% CI from",
        "ci_high": "95% CI to",
        "pairs": "Days compared",
        "group": "Days",
        "days": "Number of days",
        "mean_pain": "Mean pain",
        "lower": "Lower-stress days (stress ≤ {median})",
        "higher": "Higher-stress days (stress > {median})",
        "difference_row": "Difference (higher − lower)",
        "nothing": "Nothing is filled in for this period.",
        "timeline": (
            "{logged} of {days} days filled in. Average pain {pain}, average stress {stress}. "
            "Over the last 7 days: pain {pain7}, stress {stress7}."
        ),
        "timeline_flares": " Flare-ups on {flares} days.",
        "timeline_sessions": " Exercise sessions on {sessions} days.",
        "lag_row": "{name}: {stats}.",
        "lag_missing": "{name}: not enough data (n = {n}).",
        "weekly": (
            "{weeks} weeks, {sessions} exercise sessions in all. "
            "Average pain per week from {low} to {high}."
        ),
        "weekly_no_pain": "{weeks} weeks, {sessions} exercise sessions in all.",
        "calendar": (
            "{logged} of {days} days filled in. Lowest daily pain {low}, highest {high}, "
            "average {mean}."
        ),
        "high_low": (
            "Mean pain {low_mean} on {low_days} and {high_mean} on {high_days} (split at "
            "stress {median}). {stats}."
        ),
        "low_one": "{n} lower-stress day",
        "low_many": "{n} lower-stress days",
        "high_one": "{n} higher-stress day",
        "high_many": "{n} higher-stress days",
    },
    "nl": {
        "date": "Datum",
        "week": "Week vanaf",
        "pain": "Pijn",
        "stress": "Stress",
        "flare": "Opvlamming",
        "sessions": "Sessies",
        "days_logged": "Dagen ingevuld",
        "yes": "ja",
        "comparison": "Vergelijking",
        "rho": "ρ",
        "ci_low": "95%-BI van",
        "ci_high": "95%-BI tot",
        "pairs": "Dagen vergeleken",
        "group": "Dagen",
        "days": "Aantal dagen",
        "mean_pain": "Gemiddelde pijn",
        "lower": "Dagen met minder stress (stress ≤ {median})",
        "higher": "Dagen met meer stress (stress > {median})",
        "difference_row": "Verschil (meer − minder)",
        "nothing": "Er is niets ingevuld in deze periode.",
        "timeline": (
            "{logged} van {days} dagen ingevuld. Gemiddelde pijn {pain}, gemiddelde stress "
            "{stress}. De laatste 7 dagen: pijn {pain7}, stress {stress7}."
        ),
        "timeline_flares": " Opvlammingen op {flares} dagen.",
        "timeline_sessions": " Oefensessies op {sessions} dagen.",
        "lag_row": "{name}: {stats}.",
        "lag_missing": "{name}: te weinig gegevens (n = {n}).",
        "weekly": (
            "{weeks} weken, {sessions} oefensessies in totaal. "
            "Gemiddelde pijn per week van {low} tot {high}."
        ),
        "weekly_no_pain": "{weeks} weken, {sessions} oefensessies in totaal.",
        "calendar": (
            "{logged} van {days} dagen ingevuld. Laagste pijn op een dag {low}, hoogste "
            "{high}, gemiddeld {mean}."
        ),
        "high_low": (
            "Gemiddelde pijn {low_mean} op {low_days} en {high_mean} op {high_days} (grens: "
            "stress {median}). {stats}."
        ),
        "low_one": "{n} dag met minder stress",
        "low_many": "{n} dagen met minder stress",
        "high_one": "{n} dag met meer stress",
        "high_many": "{n} dagen met meer stress",
    },
}


@dataclass(frozen=True, slots=True)
class ChartTable:
    """One chart in words and numbers: `summary` is its text alternative, the rest a table."""

    key: str
    title: str
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _t(key: str, lang: Language, **values: object) -> str:
    text = TEXTS[lang][key]
    return text.format(**values) if values else text


def _count(key: str, n: int, lang: Language) -> str:
    """ "1 lower-stress day", "2 lower-stress days": the text `key` in its singular or plural."""
    return _t(f"{key}_one" if n == 1 else f"{key}_many", lang, n=n)


def _num(value: float | None, lang: Language, digits: int = 1) -> str:
    """A score as the charts print it; "–" for a day or week without a value."""
    if value is None or math.isnan(value):
        return "–"
    text = f"{value:.{digits}f}".replace("-", "\u2212")
    return text.replace(".", ",") if lang == "nl" else text


def _day(day: date) -> str:
    """An unambiguous date that sorts as text: 2026-03-02 in both languages."""
    return day.isoformat()


def _mean(values: np.ndarray) -> float | None:
    finite = values[~np.isnan(values)]
    return float(finite.mean()) if finite.shape[0] else None


def _stats(corr: Correlation, lang: Language) -> str:
    if corr.rho is None or corr.ci95 is None:
        return label("no_rho", lang, n=corr.n)
    lo, hi = corr.ci95
    return label(
        "stats",
        lang,
        rho=insights.format_number(corr.rho, lang),
        lo=insights.format_number(lo, lang),
        hi=insights.format_number(hi, lang),
        n=corr.n,
    )


def timeline_table(series: DailySeries, lang: Language) -> ChartTable:
    title = label("timeline_title", lang)
    pain7 = rolling_mean(series.pain)
    stress7 = rolling_mean(series.stress)
    rows = tuple(
        (
            _day(day),
            _num(float(series.pain[i]), lang),
            _num(float(series.stress[i]), lang),
            _num(float(pain7[i]), lang),
            _num(float(stress7[i]), lang),
            _t("yes", lang) if series.flare_up[i] else "",
            str(int(series.session_count[i])) if series.session_count[i] else "",
        )
        for i, day in enumerate(series.dates)
    )
    columns = (
        _t("date", lang),
        label("pain_daily", lang),
        label("stress_daily", lang),
        label("pain_mean", lang),
        label("stress_mean", lang),
        _t("flare", lang),
        _t("sessions", lang),
    )
    if series.days_logged == 0:
        return ChartTable("timeline", title, _t("nothing", lang), columns, rows)
    summary = _t(
        "timeline",
        lang,
        logged=series.days_logged,
        days=series.n_days,
        pain=_num(_mean(series.pain), lang),
        stress=_num(_mean(series.stress), lang),
        pain7=_num(_mean(series.pain[-7:]), lang),
        stress7=_num(_mean(series.stress[-7:]), lang),
    )
    flares = int(np.count_nonzero(series.flare_up))
    if flares:
        summary += _t("timeline_flares", lang, flares=flares)
    session_days = int(np.count_nonzero(series.session_count))
    if session_days:
        summary += _t("timeline_sessions", lang, sessions=session_days)
    return ChartTable("timeline", title, summary, columns, rows)


def _reason(check: insights.DiaryCheck | None, lang: Language) -> str | None:
    """The charts' reason for comparing nothing (rt.diary_reason) as one line of text."""
    reason = rt.diary_reason(check, lang)
    return None if reason is None else reason.replace("\n", " ")


def scatter_table(
    series: DailySeries,
    corr: Correlation,
    lang: Language,
    check: insights.DiaryCheck | None = None,
) -> ChartTable:
    both = ~np.isnan(series.pain) & ~np.isnan(series.stress)
    rows = tuple(
        (_day(day), _num(float(series.stress[i]), lang), _num(float(series.pain[i]), lang))
        for i, day in enumerate(series.dates)
        if both[i]
    )
    columns = (_t("date", lang), label("stress_axis", lang), label("pain_axis", lang))
    reason = _reason(check, lang)
    summary = (_stats(corr, lang) if reason is None else reason) + "."
    return ChartTable("scatter", label("scatter_title", lang), summary, columns, rows)


def lag_table(
    lags: LagCorrelations, lang: Language, check: insights.DiaryCheck | None = None
) -> ChartTable:
    """The lag chart's three comparisons; the same ones left out, for the same reasons."""
    rows = []
    sentences = []
    reason = _reason(check, lang)
    for key in _LAG_KEYS:
        corr: Correlation = getattr(lags, key)
        name = label(key, lang)
        if reason is not None:
            rows.append((name, "–", "–", "–", str(corr.n)))
            continue
        if key != "same_day" and not corr.enough_data:
            rows.append((name, "–", "–", "–", str(corr.n)))
            more = corr.more_needed
            needs = rt.one_or_more("table_next_day_needs", more)  # "1 more pair", "2 more pairs"
            sentences.append(rt.text(needs, lang, name=name, more=more, n=corr.n))
            continue
        if corr.rho is None or corr.ci95 is None:
            rows.append((name, "–", "–", "–", str(corr.n)))
            sentences.append(_t("lag_missing", lang, name=name, n=corr.n))
            continue
        lo, hi = corr.ci95
        rows.append(
            (
                name,
                insights.format_number(corr.rho, lang),
                insights.format_number(lo, lang),
                insights.format_number(hi, lang),
                str(corr.n),
            )
        )
        sentences.append(_t("lag_row", lang, name=name, stats=_stats(corr, lang)))
    columns = (
        _t("comparison", lang),
        _t("rho", lang),
        _t("ci_low", lang),
        _t("ci_high", lang),
        _t("pairs", lang),
    )
    if reason is not None:
        sentences.append(reason + ".")
    summary = " ".join(s[0].upper() + s[1:] for s in sentences)
    return ChartTable("lag", label("lag_title", lang), summary, columns, tuple(rows))


def weekly_table(weeks: Sequence[WeekSummary], lang: Language) -> ChartTable:
    """The weekly chart's numbers, with its partial weeks and left-out means named."""

    def note(week: WeekSummary) -> str:
        notes = []
        if week.days_in_period < 7:
            notes.append(rt.text("table_partial_week", lang, days=week.days_in_period))
        if 0 < week.days_logged < MIN_WEEK_DAYS:
            notes.append(rt.text("table_thin_week", lang, min=MIN_WEEK_DAYS))
        return "; ".join(notes)

    rows = tuple(
        (
            _day(week.week_start),
            str(week.sessions),
            _num(_week_mean(week), lang),
            str(week.days_logged),
            note(week),
        )
        for week in weeks
    )
    columns = (
        _t("week", lang),
        label("sessions_axis", lang),
        label("weekly_pain", lang),
        _t("days_logged", lang),
        rt.text("table_col_note", lang),
    )
    title = label("weekly_title", lang)
    if not weeks:
        return ChartTable("weekly", title, _t("nothing", lang), columns, rows)
    sessions = sum(week.sessions for week in weeks)
    means = [mean for mean in map(_week_mean, weeks) if mean is not None]
    if means:
        summary = _t(
            "weekly",
            lang,
            weeks=len(weeks),
            sessions=sessions,
            low=_num(min(means), lang),
            high=_num(max(means), lang),
        )
    else:
        summary = _t("weekly_no_pain", lang, weeks=len(weeks), sessions=sessions)
    partial = sum(1 for week in weeks if week.days_in_period < 7)
    if partial:
        summary += rt.text("table_partial_weeks", lang, k=partial)
    thin = sum(1 for week in weeks if 0 < week.days_logged < MIN_WEEK_DAYS)
    if thin:
        summary += rt.text("table_thin_weeks", lang, min=MIN_WEEK_DAYS, k=thin)
    return ChartTable("weekly", title, summary, columns, rows)


def _week_mean(week: WeekSummary) -> float | None:
    """A week's mean pain as the chart draws it: none from fewer than MIN_WEEK_DAYS days."""
    return week.pain_mean if week.days_logged >= MIN_WEEK_DAYS else None


def calendar_table(series: DailySeries, lang: Language) -> ChartTable:
    rows = tuple(
        (
            _day(day),
            _num(float(series.pain[i]), lang) if series.logged[i] else label("no_entry", lang),
        )
        for i, day in enumerate(series.dates)
    )
    columns = (_t("date", lang), _t("pain", lang))
    title = label("calendar_title", lang)
    if series.days_logged == 0:
        return ChartTable("calendar", title, _t("nothing", lang), columns, rows)
    logged = series.pain[series.logged]
    summary = _t(
        "calendar",
        lang,
        logged=series.days_logged,
        days=series.n_days,
        low=_num(float(np.nanmin(logged)), lang),
        high=_num(float(np.nanmax(logged)), lang),
        mean=_num(_mean(series.pain), lang),
    )
    return ChartTable("calendar", title, summary, columns, rows)


def high_low_table(
    result: HighLowStress, lang: Language, check: insights.DiaryCheck | None = None
) -> ChartTable:
    """The split's means and difference; with `check`, only why when the chart gives none."""
    title = label("high_low_title", lang)
    columns = (_t("group", lang), _t("days", lang), _t("mean_pain", lang))
    reason = _reason(check, lang) if result.n else None
    if reason is not None:
        return ChartTable("high_low", title, reason + ".", columns, ())
    if (
        result.difference is None
        or result.high_mean_pain is None
        or result.low_mean_pain is None
        or result.median_stress is None
    ):
        need = "nothing_logged" if result.n == 0 else "no_split"
        return ChartTable("high_low", title, label(need, lang) + ".", columns, ())
    median = _num(result.median_stress, lang)
    diff = insights.format_number(result.difference, lang)
    if result.ci95 is not None:
        lo, hi = (insights.format_number(v, lang) for v in result.ci95)
        stats = label("stats_diff", lang, d=diff, lo=lo, hi=hi)
    else:
        stats = label("stats_diff_no_ci", lang, d=diff)
    # What the chart says under its numbers when the interval is left out, said here too.
    if not result.enough_data:
        stats += ". " + label("more_days", lang, more=insights.days_needed(result.n))
    elif not result.groups_big_enough:
        stats += ". " + rt.text("chart_group_small", lang, min=MIN_GROUP_DAYS)
    rows = (
        (
            _t("lower", lang, median=median),
            str(result.low_days),
            insights.format_number(result.low_mean_pain, lang),
        ),
        (
            _t("higher", lang, median=median),
            str(result.high_days),
            insights.format_number(result.high_mean_pain, lang),
        ),
        (_t("difference_row", lang), str(result.n), diff),
    )
    summary = _t(
        "high_low",
        lang,
        low_mean=insights.format_number(result.low_mean_pain, lang),
        low_days=_count("low", result.low_days, lang),
        high_mean=insights.format_number(result.high_mean_pain, lang),
        high_days=_count("high", result.high_days, lang),
        median=median,
        stats=stats,
    )
    return ChartTable("high_low", title, summary, columns, rows)


def chart_table(
    key: str,
    *,
    series: DailySeries,
    lags: LagCorrelations,
    same_day: Correlation,
    high_low: HighLowStress,
    weeks: Sequence[WeekSummary],
    lang: Language,
    check: insights.DiaryCheck | None = None,
) -> ChartTable:
    """The table and text alternative of the Insights chart `key` (one of TABLE_KEYS).

    `check` (stats.diary_check) leaves out the comparisons of stress with pain that the
    charts leave out for a diary with too few days filled in or scores that hardly move.
    """
    if key == "timeline":
        return timeline_table(series, lang)
    if key == "scatter":
        return scatter_table(series, same_day, lang, check)
    if key == "lag":
        return lag_table(lags, lang, check)
    if key == "weekly":
        return weekly_table(weeks, lang)
    if key == "calendar":
        return calendar_table(series, lang)
    if key == "high_low":
        return high_low_table(high_low, lang, check)
    raise ValueError(f"no chart called {key!r}; choose one of {', '.join(TABLE_KEYS)}")
