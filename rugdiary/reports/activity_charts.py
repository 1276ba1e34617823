"""My activities (PSFS / PSK) over time: a line per activity, and the same numbers as a table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from rugdiary.core.activities import (
    MDC_MEAN,
    MDC_ONE,
    Activity,
    ActivityScore,
    activity_changes,
    mean_change,
)
from rugdiary.reports.chart_tables import ChartTable
from rugdiary.reports.chart_theme import ChartStyle, Language

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TABLE_KEY = "activities"

TEXTS: dict[Language, dict[str, str]] = {
    "en": {
        "title": "My activities over time",
        "axis": "How well I can do it (0–10)",
        "retired": "{name} (no longer asked)",
        "nothing": "No activity was scored in this period",
        "date": "Date",
        "activity": "Activity",
        "score": "Score",
        "none": "No activity was scored in this period.",
        "one": "{name}: {first} on {first_day}; not scored again yet.",
        "row": "{name}: {first} on {first_day}, {last} on {last_day}. {words}",
        "mean": "Mean over the activities: {first} at first, {last} now. {words}",
        "easier_matters": (
            "You can do this much more easily than at the start: a change that matters."
        ),
        "mean_easier_matters": "Much easier on the whole than at the start: a change that matters.",
        "harder_matters": "This has become much harder than at the start: a change that matters.",
        "mean_harder_matters": "Much harder on the whole than at the start: a change that matters.",
        "easier": "A little easier than at the start, within the usual ups and downs.",
        "harder": "A little harder than at the start, within the usual ups and downs.",
        "same": "The same as at the start.",
        "thresholds": (
            "A change matters from {one} points for one activity and {mean} points for the "
            "mean, in either direction."
        ),
    },
    "nl": {
        "title": "Mijn activiteiten in de tijd",
        "axis": "Hoe goed het lukt (0–10)",
        "retired": "{name} (niet meer gevraagd)",
        "nothing": "Geen activiteit gescoord in deze periode",
        "date": "Datum",
        "activity": "Activiteit",
        "score": "Score",
        "none": "Er is geen activiteit gescoord in deze periode.",
        "one": "{name}: {first} ({first_day}); nog niet opnieuw gescoord.",
        # Not "4 op 21 sep": in Dutch that reads as "4 out of 21".
        "row": "{name}: eerst {first} ({first_day}), laatst {last} ({last_day}). {words}",
        "mean": "Gemiddelde over de activiteiten: eerst {first}, nu {last}. {words}",
        "easier_matters": "Dit gaat veel makkelijker dan aan het begin: een verandering die telt.",
        "mean_easier_matters": (
            "Alles bij elkaar veel makkelijker dan aan het begin: een verandering die telt."
        ),
        "harder_matters": (
            "Dit is veel moeilijker geworden dan aan het begin: een verandering die telt."
        ),
        "mean_harder_matters": (
            "Alles bij elkaar veel moeilijker dan aan het begin: een verandering die telt."
        ),
        "easier": "Iets makkelijker dan aan het begin, binnen de normale schommelingen.",
        "harder": "Iets moeilijker dan aan het begin, binnen de normale schommelingen.",
        "same": "Hetzelfde als aan het begin.",
        "thresholds": (
            "Een verandering telt vanaf {one} punten voor één activiteit en {mean} punten "
            "voor het gemiddelde, in beide richtingen."
        ),
    },
}

_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
_LINESTYLES = ("-", "--", "-.", ":", "-", "--", "-.")


def _t(key: str, lang: Language, **values: object) -> str:
    text = TEXTS[lang][key]
    return text.format(**values) if values else text


def change_words(change: float, matters: bool, lang: Language, *, mean: bool = False) -> str:
    """The change in words: its direction, and whether it is larger than the scale's noise.

    `mean`: said of the mean over the activities rather than of one activity.
    """
    if matters:
        key = "easier_matters" if change > 0 else "harder_matters"
        return _t(f"mean_{key}" if mean else key, lang)
    if change > 0:
        return _t("easier", lang)
    if change < 0:
        return _t("harder", lang)
    return _t("same", lang)


def _num(value: float, lang: Language) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def _day(day: date, lang: Language) -> str:
    from rugdiary.reports.chart_theme import MONTHS_SHORT

    return f"{day.day} {MONTHS_SHORT[lang][day.month - 1]} {day.year}"


def change_lines(
    activities: Sequence[Activity],
    scores: Iterable[ActivityScore],
    start: date,
    end: date,
    lang: Language,
) -> list[str]:
    """One sentence per activity scored in the period (first and last score, the change in
    words), then the mean and what counts as a change; [] when nothing was scored."""
    changes = activity_changes(activities, scores, start, end)
    lines: list[str] = []
    for c in changes:
        first_day, last_day = _day(c.first_at.date(), lang), _day(c.last_at.date(), lang)
        if c.last_at > c.first_at:
            words = change_words(c.change, c.matters, lang)
            lines.append(
                _t(
                    "row",
                    lang,
                    name=c.name,
                    first=c.first_score,
                    first_day=first_day,
                    last=c.last_score,
                    last_day=last_day,
                    words=words,
                )
            )
        else:
            lines.append(_t("one", lang, name=c.name, first=c.first_score, first_day=first_day))
    mean = mean_change(changes)
    if mean is not None and len(changes) > 1:
        lines.append(
            _t(
                "mean",
                lang,
                first=_num(mean.first_mean, lang),
                last=_num(mean.last_mean, lang),
                words=change_words(mean.change, mean.matters, lang, mean=True),
            )
        )
    if lines:
        lines.append(_t("thresholds", lang, one=MDC_ONE, mean=MDC_MEAN))
    return lines


def activities_table(
    activities: Sequence[Activity],
    scores: Iterable[ActivityScore],
    start: date,
    end: date,
    lang: Language,
) -> ChartTable:
    """Every score in the period (date, activity, score) with the changes in words."""
    inside = sorted((s for s in scores if start <= s.day <= end), key=lambda s: s.at)
    names = {a.id: a.name for a in activities}
    lines = change_lines(activities, inside, start, end, lang)
    rows = tuple(
        (s.day.isoformat(), names.get(s.activity_id, s.activity_id), str(s.score)) for s in inside
    )
    return ChartTable(
        key=TABLE_KEY,
        title=_t("title", lang),
        summary=" ".join(lines) if lines else _t("none", lang),
        columns=(_t("date", lang), _t("activity", lang), _t("score", lang)),
        rows=rows,
    )


def build_activities_figure(
    activities: Sequence[Activity],
    scores: Iterable[ActivityScore],
    start: date,
    end: date,
    style: ChartStyle,
    *,
    size: tuple[float, float] | None = None,
    dpi: float = 100.0,
) -> Figure:
    """One line per activity over the period, 0-10 on the y axis; each line has its own
    colour, marker and dash, so colour never carries the meaning alone."""
    from matplotlib.lines import Line2D

    from rugdiary.reports import charts

    pal = style.palette
    lang = style.lang
    colours = pal.activities
    by_activity: dict[str, list[ActivityScore]] = {}
    for item in scores:
        if start <= item.day <= end:
            by_activity.setdefault(item.activity_id, []).append(item)
    with charts._styled(style):
        fig = charts._new_figure(style, size or charts._scaled((8.0, 3.4), style), dpi)
        ax = fig.add_subplot()
        charts._title(fig, _t("title", lang))
        ax.set_ylim(-0.3, 10.5)
        charts._score_axis(ax)
        ax.set_ylabel(_t("axis", lang))
        first, last = charts._date_number(start), charts._date_number(end)
        ax.set_xlim(first - 0.5, last + 0.5)
        charts._date_axis(ax, style)
        handles: list[Any] = []
        drawn = [a for a in activities if by_activity.get(a.id)]
        for index, activity in enumerate(drawn):
            points = sorted(by_activity[activity.id], key=lambda s: s.at)
            x = [charts._date_number(s.day) for s in points]
            y = [s.score for s in points]
            name = activity.name if activity.active else _t("retired", lang, name=activity.name)
            slot = index % len(_MARKERS)
            (line,) = ax.plot(
                x,
                y,
                color=colours[index % len(colours)],
                marker=_MARKERS[slot],
                linestyle=_LINESTYLES[slot],
                lw=2.0,
                ms=6.0,
                label=name,
                gid=f"activity-{index}",
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    color=line.get_color(),
                    marker=_MARKERS[slot],
                    linestyle=_LINESTYLES[slot],
                    lw=2.0,
                    label=name,
                )
            )
        if not drawn:
            charts._note(ax, _t("nothing", lang), style)
        charts._outside_legend(fig, handles, style)
    return fig
