"""The physiotherapist report: one or two calm A4 pages, plus an optional appendix, as PDF bytes."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import numpy as np
from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from rugdiary.core.diary import DiaryEntry
from rugdiary.core.insights import (
    MIN_COMPLETENESS,
    MIN_SD,
    DiaryCheck,
    pattern_blocker,
    strength_label,
    strength_word,
)
from rugdiary.core.reminders import ReminderState, week_key
from rugdiary.core.sessions import (
    RESPONSE_SYMBOLS,
    PainResponse,
    Session,
    StopReason,
    session_response,
)
from rugdiary.core.sitting import SittingDay
from rugdiary.core.sitting import total as sitting_total
from rugdiary.core.stats import (
    DETREND_MIN_DAYS,
    MIC_FRACTION,
    MIC_POINTS,
    MIN_CORRELATION_DAYS,
    MIN_GROUP_DAYS,
    MIN_NEXT_DAY_PAIRS,
    MIN_WEEK_DAYS,
    Correlation,
    DailySeries,
    build_summary,
    daily_series,
    diary_check,
)
from rugdiary.reports import report_texts as rt
from rugdiary.reports.chart_theme import LIGHT_PALETTE, ChartStyle
from rugdiary.resources import resource

__all__ = [
    "CHART_DPI",
    "MAX_WEEKS_ON_PAGE_ONE",
    "FlareUp",
    "MedicationUse",
    "PainChange",
    "ProgramUse",
    "ReportData",
    "ReportOptions",
    "build_report_pdf",
    "collect_report_data",
]

CHART_DPI = 200
"""The timeline goes in as PNG at print resolution. fpdf2 can embed matplotlib's SVG, but it
drops the hatching that marks flare-ups (SVG <pattern> is unsupported) and takes seconds on a
ten-year chart, so the raster is both truer to the chart and faster."""

MAX_WEEKS_ON_PAGE_ONE = 14
"""Up to about three months every week fits on page 1; longer periods show the first week and
the most recent ones, so the page still reads at a glance."""

TIMELINE_MIN_MM = 42.0
LONG_PERIOD_DAYS = 120
"""Past about four months the chart is a little lower, so a year still fits on two pages."""
RECENT_WEEKS_SHOWN = 8
MAX_FLARE_UPS_LISTED = 6
MAX_NOTES_LISTED = 6
LIST_LIMITS: tuple[tuple[int, int, int], ...] = (
    (MAX_FLARE_UPS_LISTED, MAX_NOTES_LISTED, RECENT_WEEKS_SHOWN),
    (3, 3, 6),
    (1, 1, 4),
    (1, 1, 2),
)
"""(flare-ups, marked entries, recent weeks) listed on pages 1-2, tried in turn until the
report fits two pages: a long, eventful diary lists fewer of them rather than run to a third
page (the chart and the appendix still show everything). When none fits, the first (fullest)
is printed: the report runs to three pages either way."""
"""Page 2 lists the most recent flare-ups and marked entries: a physiotherapist reads a few
minutes, and over a year or more the full lists would run to many pages (the appendix and the
chart still hold everything)."""
APPENDIX_WIDTHS: tuple[float, ...] = (22, 12, 11, 15, 13, 12, 23, 29, 45)
"""Columns of the appendix in mm (date, time, pain, worst, stress, sleep, flare-up, tags,
notes): each heading's longest word fits its column in both languages; at 19 mm the Dutch
"Opvlamming" broke in two, "Opvlammi" over "ng"."""
MAX_NOTE_CHARS = 140
"""Notes longer than this are shortened on pages 1-2; the appendix prints them whole."""

# Calm, printable colours: dark text on white, one muted teal for headings (ui/theme.py).
_TEXT = "#1d2a2c"
_MUTED = "#5b6b6d"
_ACCENT = "#22645b"
_RULE = "#c9d4d1"
_FILL = "#eaf0ee"
_BOX = "#f3f6f5"
_RESPONSE_COLOURS = {
    PainResponse.GREEN: "#007a59",
    PainResponse.YELLOW: "#946800",
    PainResponse.RED: "#b84f00",
}
_BETTER = (RESPONSE_SYMBOLS[PainResponse.GREEN], _RESPONSE_COLOURS[PainResponse.GREEN])
_WORSE = (RESPONSE_SYMBOLS[PainResponse.RED], _RESPONSE_COLOURS[PainResponse.RED])
"""A change that matters: a dot when it is for the better, a triangle when for the worse,
always with the word next to it, so neither colour nor shape alone carries the meaning (the
same shapes as "fine" and "too much" in the pain-after-session legend)."""

THEN_NOW_DAYS = 14
"""Page 1 compares pain in the first and in the last two weeks of the period (periods shorter
than four weeks: their first and last halves). Two weeks of daily means are steadier than one
week, and the change is judged against the minimal important change for pain scores that the
weekly table uses: 2 points or 30% (NRS, Ostelo 2008; CLINICAL.md §3 and §5)."""

PSFS_MEAN_MDC = 2.0
"""A change of the mean PSFS score this large is beyond measurement error (CLINICAL.md §3:
MDC about 2 for the mean, 3 for one activity; the single-activity flag comes with the data)."""

OTHER_SCORES: tuple[str, ...] = ("confidence", "mood", "work_demand", "support")
"""Scores collected in the diary that get one weekly line each on page 1."""

_FONT = "DejaVu"
FOOTER_GAP_MM = 4.0
"""Space kept between the footer's name and period and its page number."""
_BRIEF_LABEL_MM = 27.0
_MARGIN = 14.0
_BOTTOM = 16.0


# ---------------------------------------------------------------------------------------------
# What the report shows, gathered before anything is drawn


REGION_PICTURE_HEIGHT = 44.0
"""Height in mm of the back view with region counts: its numbers readable, the page calm."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """The reader-facing choices, as the Report page and the command line pass them."""

    lang: str = "en"
    patient_name: str | None = None
    questions: str = ""
    include_appendix: bool = False


@dataclass(frozen=True, slots=True)
class FlareUp:
    """A run of consecutive days marked as flare-up, with what was written on them."""

    first: date
    last: date
    tags: tuple[str, ...]
    notes: tuple[str, ...]
    helped: tuple[str, ...] = ()
    """What helped, from the flare-up records the person logged (empty for diary-only runs)."""
    ongoing: bool = False
    """A logged flare-up without an end yet; `last` is then the end of the period."""

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class PainChange:
    """Mean pain in the first and in the last `window_days` of the period (the brief
    prints them and their change, worked out as a PrintedChange)."""

    window_days: int
    first_mean: float
    last_mean: float
    first_days: int
    last_days: int


@dataclass(frozen=True, slots=True)
class PrintedChange:
    """A change in mean pain as a reader works it out from the means the report prints
    (to one decimal), so that "4.2 → 2.9: −1.3 (−31%) ● better" adds up; from the
    unrounded means it read "−1.2 (−30%)" with no mark, against a note that marks 30%."""

    points: float
    percent: int | None
    matters: bool

    @classmethod
    def of(cls, first_mean: float, last_mean: float) -> PrintedChange:
        first = round(first_mean, 1)
        points = round(round(last_mean, 1) - first, 1)
        fraction = points / first if first > 0 else None
        matters = abs(points) >= MIC_POINTS - 1e-9 or (
            fraction is not None and abs(fraction) >= MIC_FRACTION - 1e-9
        )
        percent = None if fraction is None else round(100 * fraction)
        return cls(points, percent, matters and points != 0)


@dataclass(frozen=True, slots=True)
class MedicationUse:
    """One medicine (names compared case-insensitively): when it appears first and last."""

    name: str
    doses: tuple[str, ...]
    first: date
    last: date
    days: int


@dataclass(frozen=True, slots=True)
class ProgramUse:
    """The sessions of one program in the period, with levels in the order they were used."""

    name: str
    levels: tuple[str, ...]
    sessions: int
    completed: int
    minutes: float
    responses: Mapping[PainResponse | None, int]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report prints, computed once; figures come from build_summary.

    Keeping the numbers in `summary` (the `summary --json` document) means the PDF and the
    command line can never disagree about the same period.
    """

    start: date
    end: date
    summary: Mapping[str, Any]
    series: DailySeries
    entries: tuple[DiaryEntry, ...]
    sessions: tuple[Session, ...]
    flare_ups: tuple[FlareUp, ...]
    for_physio: tuple[DiaryEntry, ...]
    medication: tuple[MedicationUse, ...]
    programs: tuple[ProgramUse, ...]
    stopped_early: int
    """Sessions stopped with a reason (pain, time, other); see `partly_done` for the rest."""
    stopped_for_pain: int
    sleep_mean: float | None
    activity_mean: float | None
    latest_program: tuple[str, str] | None = field(default=None)
    partly_done: int = 0
    """Sessions played to the end with much skipped (`Session.partly_done`): not stopped
    early, and not completed either, so they are counted on their own."""
    pain_then_now: PainChange | None = None
    """None when the period is too short, or its start or end has too few logged days."""
    other_weekly: Mapping[str, tuple[float | None, ...]] = field(default_factory=dict)
    """Per OTHER_SCORES field filled in at all: its mean in each week of `summary["weekly"]`."""
    activity_changes: tuple[Any, ...] = ()
    """PSFS activities, ActivityChange-like: name, first_score, first_at, last_score, last_at,
    change, matters (duck typed: reports/ does not import the activities module)."""
    region_counts: Mapping[str, int] = field(default_factory=dict)
    """How often each body region was marked in the period (region id -> count)."""
    pattern_check: DiaryCheck | None = None
    """How complete and how varied the diary is (stats.diary_check, as build_summary uses it
    for the sentence); None only for a ReportData made without collect_report_data."""


def _runs(mask: np.ndarray[Any, np.dtype[np.bool_]]) -> list[tuple[int, int]]:
    """(first, last) indices of each run of True."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    starts = np.flatnonzero(edges == 1).tolist()
    ends = (np.flatnonzero(edges == -1) - 1).tolist()
    return list(zip(starts, ends, strict=True))


def _mean_or_none(values: np.ndarray[Any, np.dtype[np.float64]]) -> float | None:
    finite = values[np.isfinite(values)]
    return float(finite.mean()) if finite.shape[0] else None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """Values in order of first appearance, compared without case."""
    seen: dict[str, str] = {}
    for value in values:
        key = value.strip().casefold()
        if key and key not in seen:
            seen[key] = value.strip()
    return tuple(seen.values())


def collect_report_data(
    entries: Iterable[DiaryEntry],
    sessions: Iterable[Session],
    start: date,
    end: date,
    lang: str = "en",
    *,
    region_counts: Mapping[str, int] | None = None,
    activity_changes: Sequence[Any] = (),
    flare_records: Sequence[Any] = (),
) -> ReportData:
    """Gather the report's figures and lists for `start`..`end` (inclusive) without drawing.

    Entries before `start` may be passed: build_summary uses them as the personal baseline of
    the detrended correlations, exactly as `summary --json` does. Everything listed (flare-ups,
    notes, medication) is limited to the period. `flare_records` (FlareRecord-like: start, end,
    helped, tags, note) are merged with the runs of days the diary marks as flare-up.
    """
    rt.check_language(lang)
    all_entries = list(entries)
    all_sessions = list(sessions)
    summary = build_summary(all_entries, all_sessions, start, end, lang)
    series = daily_series(all_entries, start, end, all_sessions)
    in_period = tuple(sorted((e for e in all_entries if start <= e.day <= end), key=_entry_key))
    period_sessions = tuple(
        sorted(
            (s for s in all_sessions if start <= s.started_at.date() <= end),
            key=lambda s: s.started_at,
        )
    )

    by_day: dict[date, list[DiaryEntry]] = {}
    for entry in in_period:
        by_day.setdefault(entry.day, []).append(entry)
    flare_ups = []
    for lo, hi in _runs(series.flare_up):
        first = start + timedelta(days=lo)
        last = start + timedelta(days=hi)
        run = [e for i in range(lo, hi + 1) for e in by_day.get(start + timedelta(days=i), [])]
        tag_counts = Counter(tag for e in run for tag in e.tags)
        flare_ups.append(
            FlareUp(
                first=first,
                last=last,
                tags=tuple(tag for tag, _ in tag_counts.most_common()),
                notes=_unique(e.note for e in run),
            )
        )
    flare_ups = _merge_flare_records(flare_ups, flare_records, start, end)

    meds: dict[str, dict[str, Any]] = {}
    for entry in in_period:
        for med in entry.medication:
            key = med.name.strip().casefold()
            if not key:
                continue
            use = meds.setdefault(
                key, {"name": med.name.strip(), "doses": [], "first": entry.day, "days": set()}
            )
            if med.dose.strip():
                use["doses"].append(med.dose)
            use["last"] = entry.day
            use["days"].add(entry.day)
    medication = tuple(
        MedicationUse(
            name=use["name"],
            doses=_unique(use["doses"]),
            first=use["first"],
            last=use["last"],
            days=len(use["days"]),
        )
        for use in sorted(meds.values(), key=lambda u: (u["first"], u["name"].casefold()))
    )

    programs: dict[str, dict[str, Any]] = {}
    for session in period_sessions:
        use = programs.setdefault(
            session.program_id,
            {"name": session.program_name, "levels": [], "n": 0, "done": 0, "min": 0.0, "r": {}},
        )
        use["name"] = session.program_name  # the latest name, if it was renamed
        if not use["levels"] or use["levels"][-1] != session.level.value:
            use["levels"].append(session.level.value)
        use["n"] += 1
        use["done"] += int(session.completed)
        use["min"] += session.minutes
        response = session_response(session)
        use["r"][response] = use["r"].get(response, 0) + 1
    latest = period_sessions[-1] if period_sessions else None

    return ReportData(
        start=start,
        end=end,
        summary=summary,
        series=series,
        entries=in_period,
        sessions=period_sessions,
        flare_ups=tuple(flare_ups),
        for_physio=tuple(e for e in in_period if e.for_physio),
        medication=medication,
        programs=tuple(
            ProgramUse(
                name=use["name"],
                levels=tuple(use["levels"]),
                sessions=use["n"],
                completed=use["done"],
                minutes=use["min"],
                responses=dict(use["r"]),
            )
            for use in programs.values()
        ),
        stopped_early=sum(1 for s in period_sessions if s.stopped_reason is not None),
        partly_done=sum(1 for s in period_sessions if s.partly_done),
        stopped_for_pain=sum(1 for s in period_sessions if s.stopped_reason is StopReason.PAIN),
        sleep_mean=_mean_or_none(series.optional["sleep"]),
        activity_mean=_mean_or_none(series.optional["activity_min"]),
        latest_program=None if latest is None else (latest.program_name, latest.level.value),
        pain_then_now=pain_then_now(series),
        other_weekly=_other_weekly(series),
        activity_changes=tuple(activity_changes),
        region_counts=dict(region_counts or {}),
        pattern_check=diary_check(series),
    )


def pain_then_now(series: DailySeries) -> PainChange | None:
    """Mean pain of the first and of the last THEN_NOW_DAYS (halves of shorter periods).

    None when the windows would be under a week or either has fewer than MIN_WEEK_DAYS logged
    days: a mean of two or three days is too easily one bad day.
    """
    window = THEN_NOW_DAYS if series.n_days >= 2 * THEN_NOW_DAYS else series.n_days // 2
    if window < 7:
        return None
    first = series.pain[:window]
    last = series.pain[-window:]
    first_days = int(np.count_nonzero(np.isfinite(first)))
    last_days = int(np.count_nonzero(np.isfinite(last)))
    if first_days < MIN_WEEK_DAYS or last_days < MIN_WEEK_DAYS:
        return None
    return PainChange(
        window_days=window,
        first_mean=float(np.nanmean(first)),
        last_mean=float(np.nanmean(last)),
        first_days=first_days,
        last_days=last_days,
    )


def _other_weekly(series: DailySeries) -> dict[str, tuple[float | None, ...]]:
    """Weekly means of OTHER_SCORES, laid out like stats.weekly_summaries (ISO weeks, clipped)."""
    offset = series.start.weekday()
    n_weeks = (offset + series.n_days + 6) // 7
    out: dict[str, tuple[float | None, ...]] = {}
    for name in OTHER_SCORES:
        values = series.optional[name]
        if not np.isfinite(values).any():
            continue
        padded = np.full(n_weeks * 7, np.nan)
        padded[offset : offset + series.n_days] = values
        weeks = padded.reshape(n_weeks, 7)
        counts = np.count_nonzero(np.isfinite(weeks), axis=1)
        sums = np.nansum(weeks, axis=1)
        out[name] = tuple(
            float(total / count) if count else None
            for total, count in zip(sums.tolist(), counts.tolist(), strict=True)
        )
    return out


def _record_day(value: Any) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value  # type: ignore[no-any-return]


def _merge_flare_records(
    runs: Sequence[FlareUp], records: Sequence[Any], start: date, end: date
) -> list[FlareUp]:
    """Diary runs and logged flare-ups as one list: a record that overlaps runs becomes one row
    with them (the wider dates, what helped, tags and notes of both); the rest stand alone."""
    items: list[FlareUp] = list(runs)
    for record in records:
        first = _record_day(record.start)
        last = _record_day(getattr(record, "end", None))
        if first is None:
            continue
        ongoing = last is None
        if last is None or last > end:
            last = max(end, first) if ongoing else last
        if last < start or first > end:
            continue  # not in the period
        helped = str(getattr(record, "helped", "") or "").strip()
        note = str(getattr(record, "note", "") or "").strip()
        items.append(
            FlareUp(
                first=first,
                last=last,
                tags=tuple(getattr(record, "tags", ()) or ()),
                notes=(note,) if note else (),
                helped=(helped,) if helped else (),
                ongoing=ongoing,
            )
        )
    items.sort(key=lambda f: (f.first, f.last))
    merged: list[FlareUp] = []
    for item in items:
        if merged and item.first <= merged[-1].last:
            prev = merged[-1]
            merged[-1] = FlareUp(
                first=prev.first,
                last=max(prev.last, item.last),
                tags=_unique((*prev.tags, *item.tags)),
                notes=_unique((*prev.notes, *item.notes)),
                helped=_unique((*prev.helped, *item.helped)),
                ongoing=(prev.ongoing and prev.last >= item.last)
                or (item.ongoing and item.last >= prev.last),
            )
        else:
            merged.append(item)
    return merged


def _entry_key(entry: DiaryEntry) -> datetime:
    return entry.at


# ---------------------------------------------------------------------------------------------
# Drawing


@cache
def _font_files() -> tuple[str, str]:
    regular = resource("fonts", "DejaVuSans.ttf")
    bold = resource("fonts", "DejaVuSans-Bold.ttf")
    return str(regular), str(bold)


class _ReportPDF(FPDF):
    """FPDF with the report's footer: who and which period on every page, and "Page n of N"."""

    def __init__(self, lang: str, footer_text: str, name: str = "") -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.lang = lang
        self.footer_text = footer_text
        self.footer_name = name
        """The person's name, put before footer_text and shortened to the room left."""
        regular, bold = _font_files()
        self.add_font(_FONT, "", regular)
        self.add_font(_FONT, "B", bold)
        self.set_margins(_MARGIN, 13.0, _MARGIN)
        self.set_auto_page_break(auto=True, margin=_BOTTOM)
        self.set_font(_FONT, size=9.5)
        self.set_text_color(_TEXT)
        self.set_draw_color(_RULE)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(_FONT, size=7.5)
        self.set_text_color(_MUTED)
        page = rt.text("page", self.lang, page=self.page_no(), pages=self.str_alias_nb_pages)
        # The alias ("{nb}") is wider than the page count it stands for, so this is ample.
        page_width = self.get_string_width(page) + FOOTER_GAP_MM
        room = self.epw - page_width
        self.cell(room, 4, self.footer_left(room), align=Align.L)
        self.cell(page_width, 4, page, align=Align.R)

    def footer_left(self, room: float) -> str:
        """The name and the period, the name shortened with "…" to fit `room` mm.

        A long name (with a date of birth, say) ran under "Page 1 of 2"; the period and
        the app's version are kept whole, as they say which report this page belongs to.
        """
        if not self.footer_name:
            return self.footer_text
        rest = f" · {self.footer_text}"
        name = self.footer_name
        if self.get_string_width(name + rest) <= room:
            return name + rest
        while name and self.get_string_width(name.rstrip() + "…" + rest) > room:
            name = name[:-1]
        return (name.rstrip() + "…" + rest) if name else self.footer_text


class _Writer:
    """Lays out the report section by section on a _ReportPDF."""

    def __init__(
        self,
        data: ReportData,
        options: ReportOptions,
        version: str,
        made: datetime,
        reminders: Mapping[str, tuple[int, int, int]] | None = None,
        sitting: Sequence[SittingDay] = (),
        limits: tuple[int, int, int] = LIST_LIMITS[0],
        charts: dict[float, bytes] | None = None,
    ):
        self.data = data
        self.max_flares, self.max_notes, self.recent_weeks = limits
        self.charts = {} if charts is None else charts
        """Timeline PNGs by height, shared between tries so the chart is drawn only once."""
        self.pages_before_appendix = 0
        self.give_up_past_two_pages = False
        self.region_picture = limits == LIST_LIMITS[0]
        """The back view with counts; shorter tries give its counts in words only."""
        self.reminders = reminders
        self.sitting = sitting
        self.options = options
        self.lang = options.lang
        self.version = version
        self.made = made
        self.summary = data.summary
        # Days carry their year only when a date could otherwise mean two different days;
        # the header already names the period, and shorter labels keep table rows on one line.
        self.spans_years = (data.end - data.start).days >= 365
        name = (options.patient_name or "").strip()
        self.name = name
        period = rt.period_text(data.start, data.end, self.lang)
        footer = rt.text("footer", self.lang, version=version, period=period)
        self.pdf = _ReportPDF(self.lang, footer, name)

    # -- small helpers -------------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return rt.text(key, self.lang, **values)

    def num(self, value: float | None, digits: int = 1) -> str:
        return "–" if value is None else rt.number(value, self.lang, digits)

    def day(self, value: date) -> str:
        if self.spans_years:
            return f"{rt.short_date(value, self.lang)} {value.year}"
        return rt.short_date(value, self.lang)

    def room(self) -> float:
        """Millimetres left above the bottom margin of the current page."""
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit, so a section is not split awkwardly."""
        if self.room() < height:
            self.pdf.add_page()

    def heading(self, text: str, need: float = 30.0) -> None:
        pdf = self.pdf
        self.keep(need)
        if pdf.get_y() > pdf.t_margin + 1:
            pdf.ln(2.0)
        pdf.set_font(_FONT, "B", 11.5)
        pdf.set_text_color(_ACCENT)
        pdf.cell(0, 5.6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = pdf.get_y()
        pdf.set_draw_color(_RULE)
        pdf.set_line_width(0.3)
        pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
        pdf.ln(1.5)
        pdf.set_font(_FONT, size=9.5)
        pdf.set_text_color(_TEXT)

    def para(self, text: str, size: float = 9.5, colour: str = _TEXT, gap: float = 1.2) -> None:
        pdf = self.pdf
        pdf.set_font(_FONT, size=size)
        pdf.set_text_color(colour)
        pdf.multi_cell(0, size * 0.47, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)
        pdf.set_font(_FONT, size=9.5)
        pdf.set_text_color(_TEXT)

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str | tuple[str, FontFace]]],
        widths: Sequence[float],
        align: Sequence[str],
        size: float = 8.5,
    ) -> None:
        """A table with horizontal rules and a tinted heading row, repeated on a new page."""
        pdf = self.pdf
        pdf.set_font(_FONT, size=size)
        pdf.set_text_color(_TEXT)
        pdf.set_draw_color(_RULE)
        pdf.set_line_width(0.2)
        pdf.set_fill_color("#ffffff")
        with pdf.table(
            col_widths=tuple(widths),
            width=pdf.epw,
            align=Align.L,
            text_align=tuple(align),
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            headings_style=FontFace(emphasis="BOLD", color=_TEXT, fill_color=_FILL, size_pt=size),
            cell_fill_mode=TableCellFillMode.NONE,
            line_height=size * 0.5,
            padding=(0.6, 1.2),
            v_align="TOP",
            repeat_headings=1,
        ) as table:
            head = table.row()
            for heading in headings:
                head.cell(heading)
            for row_values in rows:
                row = table.row()
                for value in row_values:
                    if isinstance(value, tuple):
                        row.cell(value[0], style=value[1])
                    else:
                        row.cell(value)
        pdf.ln(1.5)
        pdf.set_font(_FONT, size=9.5)

    # -- page 1 ---------------------------------------------------------------------------------

    def header(self) -> None:
        pdf = self.pdf
        data = self.data
        top = pdf.get_y()
        pdf.set_font(_FONT, size=8)
        pdf.set_text_color(_MUTED)
        made = self.t(
            "generated", date=rt.long_date(self.made.date(), self.lang), version=self.version
        )
        pdf.cell(0, 8, made, align=Align.R)
        pdf.set_xy(pdf.l_margin, top)
        pdf.set_font(_FONT, "B", 17)
        pdf.set_text_color(_ACCENT)
        pdf.cell(0, 8, self.t("title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(_FONT, "B", 11)
        pdf.set_text_color(_TEXT)
        period = rt.period_text(data.start, data.end, self.lang)
        pdf.cell(0, 6, self.t("period", period=period), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        details = []
        if self.name:
            details.append(self.t("name", name=self.name))
        if data.latest_program is not None:
            program, level = data.latest_program
            details.append(self.t("program_now", program=program, level=self.t(level)))
        if details:
            pdf.set_font(_FONT, size=9.5)
            pdf.multi_cell(
                0, 4.8, " · ".join(details), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
            )
        pdf.ln(2)

    def brief(self) -> None:
        """Page 1 answers first: a few plain lines for the physiotherapist, in the third person."""
        self.heading(self.t("brief_heading"), need=30)
        data = self.data
        s = self.summary
        self.pain_line()
        days = s["days_in_period"]
        logged = s["days_logged"]
        diary = self.t(
            "brief_diary",
            logged=logged,
            days=self.count("day", days),
            percent=round(100 * logged / days) if days else 0,
            entries=self.count("entry", s["entries"]),
        )
        if data.sleep_mean is not None:
            diary += " " + self.t("brief_sleep", sleep=self.num(data.sleep_mean))
        if data.activity_mean is not None:
            diary += " " + self.t("brief_activity", minutes=round(data.activity_mean))
        self.brief_line(self.t("brief_diary_label"), diary)
        self.brief_line(self.t("brief_exercise_label"), self.exercise_brief())
        flares = data.flare_ups
        if flares:
            last = flares[-1]
            text = self.t(
                "brief_flares",
                flares=self.count("flare", len(flares)),
                days=self.count("day", sum(f.days for f in flares)),
                last=self.flare_dates(last),
            )
            helped = next((f.helped for f in reversed(flares) if f.helped), ())
            if helped:
                text += " " + self.t("brief_helped", helped=_shorten("; ".join(helped), 120))
        else:
            text = self.t("brief_no_flares")
        self.brief_line(self.t("brief_flares_label"), text)
        if data.activity_changes:
            self.activities_line()
        self.pdf.ln(0.8)

    def count(self, noun: str, n: int) -> str:
        """ "1 session" / "2 sessions", "1 sessie" / "2 sessies" (report_texts.count)."""
        return rt.count(noun, n, self.lang)

    def brief_line(self, label: str, text: str, mark: tuple[str, str] | None = None) -> None:
        """A bold label, an optional coloured mark, then the sentence wrapping beside them."""
        pdf = self.pdf
        self.keep(6)
        pdf.set_x(pdf.l_margin)
        pdf.set_font(_FONT, "B", 9.2)
        pdf.set_text_color(_TEXT)
        pdf.cell(self.brief_label_mm(), 4.6, label)
        pdf.set_font(_FONT, size=9.2)
        if mark is not None:
            pdf.set_text_color(mark[1])
            pdf.cell(4.5, 4.6, mark[0])
            pdf.set_text_color(_TEXT)
        pdf.multi_cell(0, 4.6, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.8)

    def brief_label_mm(self) -> float:
        """Wide enough for the longest label in the report's language, so none runs over."""
        self.pdf.set_font(_FONT, "B", 9.2)
        keys = ("pain", "brief_diary_label", "brief_exercise_label", "brief_flares_label")
        widest = max(self.pdf.get_string_width(self.t(k)) for k in (*keys, "brief_psfs_label"))
        return max(_BRIEF_LABEL_MM, widest + 3)

    def pain_line(self) -> None:
        change = self.data.pain_then_now
        label = self.t("pain")
        if change is None:
            self.brief_line(
                label,
                self.t(
                    "brief_pain_no_compare",
                    mean=self.num(self.summary["pain"]["mean"]),
                    min_days=MIN_WEEK_DAYS,
                ),
            )
            return
        if change.window_days == THEN_NOW_DAYS:
            window = self.t("two_weeks")
        else:
            window = self.count("day", change.window_days)
        # The change is that of the means as printed, so the line adds up for the reader.
        printed = PrintedChange.of(change.first_mean, change.last_mean)
        rounded = printed.points
        verb = (
            "brief_pain_same"
            if rounded == 0
            else ("brief_pain_fell" if rounded < 0 else "brief_pain_rose")
        )
        sentence = self.t(
            verb,
            first=self.num(change.first_mean),
            last=self.num(change.last_mean),
            window=window,
            first_days=change.first_days,
            last_days=change.last_days,
        )
        points = self._points_text(printed)
        mark = None
        if printed.matters:
            better = printed.points < 0
            mark = _BETTER if better else _WORSE
            verdict = self.t("brief_matters_better" if better else "brief_matters_worse")
        else:
            verdict = self.t("brief_matters_not")
        text = self.t("brief_change", sentence=sentence, points=points, verdict=verdict)
        self.brief_line(label, text, mark)

    def exercise_brief(self) -> str:
        data = self.data
        count = len(data.sessions)
        if not count:
            text = self.t("brief_no_sessions")
        else:
            text = self.t(
                "brief_sessions",
                sessions=self.count("session", count),
                per_week=self.num(self._per_week(count)),
                minutes=self._minutes_total(),
            )
        if self.reminders is None:
            return text  # the caller did not say: nothing claimed about a plan
        # The plan is what the exercise reminders asked for: each one is answered done or
        # skipped in the end (a snoozed one comes back), so done + skipped is what was planned.
        done, _snoozed, skipped = self.reminders.get("exercise", (0, 0, 0))
        if done + skipped:
            text += " " + self.t(
                "brief_planned", done=done, planned=self.count("planned", done + skipped)
            )
        else:
            text += " " + self.t("brief_no_plan")
        return text

    def flare_dates(self, flare: FlareUp) -> str:
        if flare.ongoing:
            return self.t("flare_since", day=self.day(flare.first))
        return rt.day_range(flare.first, flare.last, self.lang, with_year=self.spans_years)

    def activities_line(self) -> None:
        changes = self.data.activity_changes
        parts = [
            f"{item.name} {item.first_score} → {item.last_score}"
            + (
                f" ({self.t('psfs_better' if item.change > 0 else 'psfs_worse')})"
                if item.matters and item.change
                else ""
            )
            for item in changes
        ]
        first = sum(item.first_score for item in changes) / len(changes)
        last = sum(item.last_score for item in changes) / len(changes)
        change = last - first
        mark = None
        if abs(change) >= PSFS_MEAN_MDC - 1e-9:
            better = change > 0
            mark = _BETTER if better else _WORSE
            verdict = self.t("psfs_mean_better" if better else "psfs_mean_worse")
        else:
            verdict = self.t("psfs_mean_not")
        text = self.t(
            "brief_psfs",
            items="; ".join(parts),
            first=self.num(first),
            last=self.num(last),
            verdict=verdict,
        )
        self.brief_line(self.t("brief_psfs_label"), text, mark)

    def weekly(self) -> None:
        weeks: list[Mapping[str, Any]] = list(self.summary["weekly"])
        self.heading(self.t("weekly_heading"), need=40)
        shown, hidden = self._weeks_to_show(weeks)
        self.weekly_table(shown, hidden_after_first=hidden)
        note = self.t("weekly_note", min_days=MIN_WEEK_DAYS)
        if hidden:
            appendix = self.t("weeks_in_appendix") if self.options.include_appendix else ""
            note += " " + self.t(
                "weeks_left_out", shown=self.recent_weeks, hidden=hidden, appendix=appendix
            )
        self.para(note, size=7.5, colour=_MUTED, gap=0.5)

    def other_scores(self) -> None:
        """Confidence to move, mood, work demand and support: one compact line of weekly means
        each, over the same weeks as the pain table."""
        other = self.data.other_weekly
        if not other:
            return
        weeks: list[Mapping[str, Any]] = list(self.summary["weekly"])
        index = {w["week_start"]: i for i, w in enumerate(weeks)}
        shown, hidden = self._weeks_to_show(weeks)
        # The heading, the week row, every line and the note stay together on one page.
        self.heading(self.t("other_heading"), need=19 + 4.2 * len(other))
        headings = [self.t("col_score")]
        columns: list[int | None] = []
        year: int | None = None
        for i, week in enumerate(shown):
            first = max(date.fromisoformat(week["week_start"]), self.data.start)
            heading = rt.short_date(first, self.lang)
            # Over a year or more "2 Mar" could be either March: the year is written on the
            # first column and wherever it changes, which keeps the narrow columns short.
            if self.spans_years and first.year != year:
                heading += f" {first.year}"
            year = first.year
            headings.append(heading)
            columns.append(index[week["week_start"]])
            if i == 0 and hidden:
                headings.append("…")
                columns.append(None)
        rows: list[list[str | tuple[str, FontFace]]] = []
        for name in OTHER_SCORES:
            if name not in other:
                continue
            values = other[name]
            rows.append(
                [self.t(f"score_{name}")]
                + ["" if c is None else self.num(values[c]) for c in columns]
            )
        label_mm, gap_mm = 33.0, 6.0
        weeks_n = sum(1 for c in columns if c is not None)
        rest = (self.pdf.epw - label_mm - (gap_mm if hidden else 0)) / weeks_n
        self.table(
            headings,
            rows,
            widths=(label_mm, *(rest if c is not None else gap_mm for c in columns)),
            align=("L", *(["C"] * len(columns))),
            size=7.2,
        )
        missing = [self.t(f"score_{n}").lower() for n in OTHER_SCORES if n not in other]
        note = self.t("other_note")
        if missing:
            note += " " + self.t("other_missing", names=", ".join(missing))
        self.para(note, size=7.5, colour=_MUTED, gap=0.5)

    def _weeks_to_show(self, weeks: list[Mapping[str, Any]]) -> tuple[list[Mapping[str, Any]], int]:
        if len(weeks) <= MAX_WEEKS_ON_PAGE_ONE:
            return weeks, 0
        first = next((i for i, w in enumerate(weeks) if w["days_logged"] >= MIN_WEEK_DAYS), 0)
        n = self.recent_weeks
        recent = weeks[-n:]
        if first >= len(weeks) - n:
            return recent, len(weeks) - n
        return [weeks[first], *recent], len(weeks) - n - 1

    def weekly_table(self, weeks: Sequence[Mapping[str, Any]], hidden_after_first: int) -> None:
        data = self.data
        baseline_seen = False
        rows: list[list[str | tuple[str, FontFace]]] = []
        for i, week in enumerate(weeks):
            monday = date.fromisoformat(week["week_start"])
            first = max(monday, data.start)
            last = min(monday + timedelta(days=6), data.end)
            change: str | tuple[str, FontFace]
            if week["pain_change"] is None:
                change = "–"
            elif (
                not baseline_seen
                and week["pain_change"] == 0
                and week["days_logged"] >= MIN_WEEK_DAYS
            ):
                change = self.t("baseline")
            else:
                baseline = week["pain_mean"] - week["pain_change"]
                printed = PrintedChange.of(baseline, week["pain_mean"])
                change = self._points_text(printed)
                if printed.matters:
                    better = printed.points < 0
                    symbol, colour = _BETTER if better else _WORSE
                    word = self.t("better" if better else "worse")
                    change = (f"{change} {symbol} {word}", FontFace(emphasis="BOLD", color=colour))
            if week["pain_change"] is not None:
                baseline_seen = True
            label = rt.day_range(first, last, self.lang, with_year=self.spans_years)
            if week["days_in_period"] < 7:
                label += " " + self.t("partial_week")
            rows.append(
                [
                    label,
                    f"{week['days_logged']}/{week['days_in_period']}",
                    self.num(week["pain_mean"]),
                    self.num(week["worst_pain_mean"]),
                    "–" if week["pain_max"] is None else str(week["pain_max"]),
                    self.num(week["stress_mean"]),
                    str(week["sessions"]),
                    change,
                ]
            )
            if i == 0 and hidden_after_first and len(weeks) > self.recent_weeks:
                rows.append(["…", "", "", "", "", "", "", ""])
        self.table(
            [
                self.t("col_week"),
                self.t("col_days"),
                self.t("col_pain"),
                self.t("col_worst"),
                self.t("col_highest"),
                self.t("col_stress"),
                self.t("col_sessions"),
                self.t("col_change"),
            ],
            rows,
            widths=(37, 21, 16, 19, 17, 16, 18, 38),
            align=("L", "C", "C", "C", "C", "C", "C", "L"),
        )

    def _points_text(self, change: PrintedChange) -> str:
        """ "−1.3 (−31%)": the points, and the percentage where the start is above 0."""
        text = ("+" if change.points > 0 else "") + self.num(change.points)
        if change.percent is not None:
            pct = change.percent
            text += f" ({'+' if pct > 0 else ''}{rt.number(pct, self.lang, 0)}%)"
        return text

    def timeline(self) -> None:
        from rugdiary.reports.charts import build_timeline_figure, figure_to_png_bytes

        pdf = self.pdf
        # White background and slightly smaller type: the chart is printed next to 9.5 pt text.
        style = ChartStyle(
            theme="light",
            lang=check_chart_language(self.lang),
            font_scale=0.85,
            palette=dataclasses.replace(LIGHT_PALETTE, figure_bg="#ffffff", axes_bg="#ffffff"),
        )
        width_mm = pdf.epw
        # The chart belongs to page 1's story: it shrinks a little to stay there rather than
        # leave a gap and open page 2, but never below a height that still reads well.
        height_mm = 55.0 if self.data.series.n_days <= LONG_PERIOD_DAYS else TIMELINE_MIN_MM
        if TIMELINE_MIN_MM + 4 <= self.room() < height_mm + 4:
            height_mm = self.room() - 4
        png = self.charts.get(height_mm)
        if png is None:
            fig = build_timeline_figure(
                self.data.series, style, size=(width_mm / 25.4, height_mm / 25.4), dpi=CHART_DPI
            )
            png = figure_to_png_bytes(fig, dpi=CHART_DPI)
            self.charts[height_mm] = png
        self.keep(height_mm + 2)
        pdf.ln(1.5)
        pdf.image(
            io.BytesIO(png),
            x=pdf.l_margin,
            w=width_mm,
            h=height_mm,
            alt_text=self.t("chart_alt"),
        )
        pdf.ln(1)

    def stress_and_pain(self) -> None:
        """How stress and pain go together, by the rules the app's sentence follows.

        The section opens on the within-person same-day n, the one the lead sentence and the
        Insights page describe: gated on the raw n, 30 days as logged could open it while
        only 24 of them had a 4-week baseline, and the lead then described 24. A diary with
        too many days left out, or with scores that hardly move, gets the reason instead of
        a table, and the higher/lower-stress split gets no numbers either; next-day rows
        need MIN_NEXT_DAY_PAIRS pairs of consecutive days.
        """
        s = self.summary
        same = s["detrended"]["same_day"]
        check = self.data.pattern_check or diary_check(self.data.series)
        blocker = pattern_blocker(_correlation(same), check)
        if blocker == "few_days":
            self.heading(self.t("stress_heading"), need=34)
            self.para(
                self.t(
                    "too_few_compared",
                    n=same["n"],
                    days=self.count("day", same["n"]),
                    logged=self.count("day", s["correlation"]["same_day"]["n"]),
                    baseline=DETREND_MIN_DAYS,
                    min_days=MIN_CORRELATION_DAYS,
                )
            )
            return
        self.heading(self.t("stress_heading"), need=52)
        self.para(self._stats_lead(same, check), size=8.8, gap=1.0)
        with_table = blocker not in ("sparse", "little_variation")
        withheld = not with_table
        if with_table:
            rows: list[list[str | tuple[str, FontFace]]] = []
            for key in ("same_day", "stress_to_next_day_pain", "pain_to_next_day_stress"):
                cells = [
                    self._rho_text(s[block][key], key) for block in ("correlation", "detrended")
                ]
                withheld = withheld or any(cell[1] for cell in cells)
                rows.append([self.t(key), *(cell[0] for cell in cells)])
            self.table(
                [self.t("col_pair"), self.t("col_raw"), self.t("col_detrended")],
                rows,
                widths=(56, 60, 66),
                align=("L", "L", "L"),
                size=8.0,
            )
        split = s["high_low_stress"]
        if split["difference"] is not None and not with_table:
            # The split compares stress with pain as well: a diary the check holds back gets
            # no means side by side (they read as a finding), only a pointer to the reason
            # the lead has just given, as the Insights chart does.
            self.para(self.t("high_low_withheld"), size=8.5, gap=0.8)
        elif split["difference"] is not None:
            if split["ci95"] is not None:
                lo, hi = split["ci95"]
                ci = self.t("high_low_ci", lo=self.num(lo), hi=self.num(hi))
            else:
                ci = self.t("high_low_no_ci", min=MIN_GROUP_DAYS)
            self.para(
                self.t(
                    "high_low",
                    median=self.num(split["median_stress"]),
                    high=self.num(split["high_mean_pain"]),
                    n_high=split["high_days"],
                    low=self.num(split["low_mean_pain"]),
                    n_low=split["low_days"],
                    diff=self.num(split["difference"]),
                    ci=ci,
                ),
                size=8.5,
                gap=0.8,
            )
        self.keep(20)  # the caveat and the method note stay together, never one orphaned
        self.para(self.t("stats_caveat"), size=8.0, gap=0.8)
        rules = self.t(
            "stress_rules",
            min_days=MIN_CORRELATION_DAYS,
            min_pairs=MIN_NEXT_DAY_PAIRS,
            least=round(100 * MIN_COMPLETENESS),
            min_sd=rt.number(MIN_SD, self.lang, 0),
        )
        # The cells are explained where there is a table to read them in, the rules where
        # they leave something out (a year's report has no line to spare for them otherwise).
        parts = ([self.t("stress_note")] if with_table else []) + ([rules] if withheld else [])
        note = " ".join(parts)
        self.para(note, size=7.5, colour=_MUTED, gap=0)

    def _stats_lead(self, corr: Mapping[str, Any], check: DiaryCheck) -> str:
        """The same-day finding in words for the physiotherapist, in the third person (the
        summary's own sentence speaks to the person); the same figures as the table, and
        the same reasons as the person's sentence when there is no finding to give."""
        days = self.count("day", corr["n"])
        blocker = pattern_blocker(_correlation(corr), check)
        if blocker == "sparse":
            finding = self.t(
                "stats_sparse",
                logged=check.days_logged,
                span=check.span_days,
                percent=round(100 * check.completeness),
                least=round(100 * MIN_COMPLETENESS),
            )
            return self.t("stats_lead", days=days, finding=finding)
        if blocker == "little_variation":
            finding = self.t(
                "stats_little_variation",
                pain_sd=self.num(check.pain_sd),
                stress_sd=self.num(check.stress_sd),
                min_sd=rt.number(MIN_SD, self.lang, 0),
            )
            return self.t("stats_lead", days=days, finding=finding)
        if corr["rho"] is None or corr["ci95"] is None:
            return self.t("stats_lead", days=days, finding=self.t("stats_flat"))
        rho = corr["rho"]
        lo, hi = corr["ci95"]
        numbers = self.t(
            "stats_numbers", rho=self.num(rho, 2), lo=self.num(lo, 2), hi=self.num(hi, 2)
        )
        label = strength_label(rho)
        if not (lo > 0.0 or hi < 0.0):
            finding = self.t("stats_unclear", numbers=numbers)
        elif label == "none":
            finding = self.t("stats_hardly", numbers=numbers)
        else:
            finding = self.t(
                "stats_pattern",
                direction=self.t("stats_higher" if rho > 0 else "stats_lower"),
                strength=strength_word(label, self.lang),
                numbers=numbers,
            )
        return self.t("stats_lead", days=days, finding=finding)

    def _rho_text(self, corr: Mapping[str, Any], key: str) -> tuple[str, bool]:
        """One cell: ρ with its interval and n, or why it is not shown (too few days, too
        few pairs of consecutive days for a next-day row, or no variation at all); and
        whether it was left out by the minimum days (the note then gives the rules)."""
        if key == "same_day":
            if corr["n"] < MIN_CORRELATION_DAYS:
                return self.t("rho_few_days", n=corr["n"], min=MIN_CORRELATION_DAYS), True
        elif corr["n"] < MIN_NEXT_DAY_PAIRS:
            return self.t("rho_few_pairs", n=corr["n"], min=MIN_NEXT_DAY_PAIRS), True
        if corr["rho"] is None or corr["ci95"] is None:
            return self.t("rho_none", n=corr["n"]), False
        lo, hi = corr["ci95"]
        value = self.t(
            "rho_value",
            rho=self.num(corr["rho"], 2),
            lo=self.num(lo, 2),
            hi=self.num(hi, 2),
            n=corr["n"],
        )
        return value, False

    def exercise(self) -> None:
        data = self.data
        programs = data.programs
        need = 36 + 5 * len(programs) if programs else 18
        self.heading(self.t("exercise_heading"), need=min(need, 60))
        self.reminder_line()
        if not data.sessions:
            self.para(self.t("no_sessions"))
            self.sitting_lines()
            return
        count = len(data.sessions)
        self.para(
            self.t(
                "exercise_summary",
                sessions=self.count("session", count),
                weeks=self._weeks_text(data.series.n_days),
                per_week=self.num(self._per_week(count)),
                minutes=self._minutes_total(),
                completed=count - data.stopped_early - data.partly_done,
                partly=data.partly_done,
                stopped=data.stopped_early,
                stopped_pain=data.stopped_for_pain,
            ),
            gap=0.8,
        )
        responses = (PainResponse.GREEN, PainResponse.YELLOW, PainResponse.RED)
        rows: list[list[str | tuple[str, FontFace]]] = []
        for program in programs:
            row: list[str | tuple[str, FontFace]] = [
                program.name,
                " → ".join(self.t(level) for level in program.levels),
                str(program.sessions),
                str(program.completed),
                str(round(program.minutes)),
            ]
            for response in responses:
                count_r = program.responses.get(response, 0)
                row.append(
                    (
                        f"{RESPONSE_SYMBOLS[response]} {count_r}",
                        FontFace(color=_RESPONSE_COLOURS[response]),
                    )
                    if count_r
                    else "0"
                )
            row.append(str(program.responses.get(None, 0)))
            rows.append(row)
        self.table(
            [
                self.t("col_program"),
                self.t("col_levels"),
                self.t("col_sessions"),
                self.t("col_done"),
                self.t("col_minutes"),
                *(f"{RESPONSE_SYMBOLS[r]} {self.t(r.value)}" for r in responses),
                self.t("not_asked"),
            ],
            rows,
            widths=(33, 27, 17, 20, 17, 15, 20, 15, 18),
            align=("L", "L", "C", "C", "C", "C", "C", "C", "C"),
            size=7.8,
        )
        self.para(self.t("response_legend"), size=7.5, colour=_MUTED, gap=0)
        self.sitting_lines()

    def reminder_line(self) -> None:
        """How reminders were answered in the period, counted without judgement."""
        if not self.reminders:
            return
        parts = [
            self.t(
                "reminders_kind",
                kind=self.t(f"reminder_{kind}"),
                done=done,
                snoozed=snoozed,
                skipped=skipped,
            )
            for kind, (done, snoozed, skipped) in self.reminders.items()
        ]
        self.para(self.t("reminders_line", parts="; ".join(parts)), gap=0.8)

    def sitting_lines(self) -> None:
        """Sitting at the computer: a summary, and a row per day (per week in long periods)."""
        days = list(self.sitting)
        if not days:
            return
        sums = sitting_total(days)
        self.para(
            self.t(
                "sitting_line",
                days=(
                    self.t("sitting_days_one")
                    if sums["days"] == 1
                    else self.t("sitting_days", n=sums["days"])
                ),
                per_day=round(sums["active_min"] / max(sums["days"], 1)),
                longest=sums["longest_min"],
                taken=sums["taken"],
                skipped=sums["skipped"],
                postponed=sums["postponed"],
                natural=sums["natural"],
            ),
            gap=0.8,
        )
        groups: list[tuple[str, list[SittingDay]]]
        daily = len(days) <= SITTING_DAILY_ROWS
        if daily:
            groups = [(rt.short_date(d.day, self.lang), [d]) for d in days]
            first = self.t("col_sitting_day")
        else:
            weeks: dict[date, list[SittingDay]] = {}
            for day in days:
                weeks.setdefault(day.day - timedelta(days=day.day.weekday()), []).append(day)
            groups = [
                (
                    rt.day_range(
                        monday, monday + timedelta(days=6), self.lang, with_year=self.spans_years
                    )
                    + f" ({len(items)})",
                    items,
                )
                for monday, items in sorted(weeks.items())
            ]
            first = self.t("col_sitting_week")
        rows: list[list[str | tuple[str, FontFace]]] = []
        for label, items in groups:
            group = sitting_total(items)
            rows.append(
                [
                    label,
                    str(round(group["active_min"] / len(items))),
                    str(group["longest_min"]),
                    str(group["taken"]),
                    str(group["skipped"]),
                    str(group["natural"]),
                ]
            )
        self.table(
            [
                first,
                self.t("col_sitting_min" if daily else "col_sitting_min_mean"),
                self.t("col_sitting_longest"),
                self.t("col_breaks_taken"),
                self.t("col_breaks_skipped"),
                self.t("col_breaks_natural"),
            ],
            rows,
            widths=(34, 32, 30, 22, 20, 20),
            align=("L", "C", "C", "C", "C", "C"),
            size=7.8,
        )

    def _weeks_text(self, days: int) -> str:
        weeks = days / 7
        return str(days // 7) if days % 7 == 0 else self.num(weeks)

    # The numbers a reader can check add up as printed: a rate over the weeks as
    # written ("29 sessions in 4.1 weeks", 7.1 a week, not 7.0), and a total that is the
    # sum of the table's rounded rows.

    def _per_week(self, count: int) -> float:
        weeks = max(round(self.data.series.n_days / 7, 1), 1.0)
        return count / weeks

    def _minutes_total(self) -> int:
        return sum(round(program.minutes) for program in self.data.programs)

    # -- page 2 ---------------------------------------------------------------------------------

    def flare_ups(self) -> None:
        self.heading(self.t("flare_heading"), need=24)
        if not self.data.flare_ups:
            self.para(self.t("no_flares"))
            return
        rows: list[Sequence[str]] = []
        for flare in self.data.flare_ups[-self.max_flares :]:
            # What helped first: it is what a flare-up plan builds on; the notes follow.
            helped = "; ".join(flare.helped)
            notes = " / ".join(flare.notes)
            rows.append(
                [
                    self.flare_dates(flare),
                    str(flare.days),
                    ", ".join(flare.tags) or "–",
                    _shorten(" · ".join(part for part in (helped, notes) if part)) or "–",
                ]
            )
        self.table(
            [
                self.t("col_dates"),
                self.t("col_duration"),
                self.t("col_tags"),
                self.t("col_helped_notes"),
            ],
            rows,
            widths=(36, 14, 37, 95),
            align=("L", "C", "L", "L"),
        )
        self._left_out("flares_left_out", len(self.data.flare_ups), self.max_flares)

    def activities(self) -> None:
        """The person's own activities (PSFS / PSK): first and latest score and the change."""
        changes = self.data.activity_changes
        if not changes:
            return
        self.heading(self.t("psfs_heading"), need=10 + 6 * min(len(changes), 5))
        rows: list[list[str | tuple[str, FontFace]]] = []
        for item in changes:
            change = item.change
            text = ("+" if change > 0 else "") + rt.number(change, self.lang, 0)
            matters: str | tuple[str, FontFace]
            if item.matters and change:
                symbol, colour = _BETTER if change > 0 else _WORSE
                word = self.t("better" if change > 0 else "worse")
                matters = (f"{symbol} {self.t('yes')}, {word}", FontFace(color=colour))
            else:
                matters = self.t("no")
            rows.append(
                [
                    item.name,
                    f"{item.first_score} ({self._at_day(item.first_at)})",
                    f"{item.last_score} ({self._at_day(item.last_at)})",
                    text,
                    matters,
                ]
            )
        self.table(
            [
                self.t("col_activity"),
                self.t("col_then"),
                self.t("col_now"),
                self.t("col_change_short"),
                self.t("col_matters"),
            ],
            rows,
            widths=(56, 30, 30, 20, 46),
            align=("L", "L", "L", "C", "L"),
        )
        self.para(self.t("psfs_note"), size=7.5, colour=_MUTED, gap=0)

    def _at_day(self, value: Any) -> str:
        day = _record_day(value)
        return "–" if day is None else self.day(day)

    def regions(self) -> None:
        """How often each area was marked as where it hurts: a small back view with the
        counts, and beside it the same counts as words (for search and screen readers)."""
        from rugdiary.reports.body_map_picture import draw_region_counts

        counts = self.data.region_counts
        if not any(counts.values()):
            return
        need = REGION_PICTURE_HEIGHT + 12 if self.region_picture else 20
        self.heading(self.t("regions_heading"), need=need)
        parts = [
            f"{rt.region_name(region, self.lang)} {count}"
            for region, count in counts.items()
            if count
        ]
        words = self.t("regions_line", parts=" · ".join(parts))
        if not self.region_picture:
            self.para(words)
            return
        pdf = self.pdf
        top = pdf.get_y()
        used = draw_region_counts(
            pdf,
            pdf.l_margin,
            top,
            pdf.epw,
            counts,
            self.lang,
            figure_height=REGION_PICTURE_HEIGHT,
            note=words,
        )
        pdf.set_xy(pdf.l_margin, top + used + 2)

    def for_physio(self) -> None:
        self.heading(self.t("physio_heading"), need=24)
        if not self.data.for_physio:
            self.para(self.t("no_physio"))
            return
        rows: list[Sequence[str]] = []
        for entry in self.data.for_physio[-self.max_notes :]:
            scores = f"{entry.pain} · {entry.stress}"
            if entry.flare_up:
                scores += f" ({self.t('flare_mark')})"
            rows.append(
                [
                    self.day(entry.day),
                    scores,
                    ", ".join(entry.tags) or "–",
                    _shorten(entry.note.strip()) or "–",
                ]
            )
        self.table(
            [self.t("col_date"), self.t("col_scores"), self.t("col_tags"), self.t("col_notes")],
            rows,
            widths=(24, 34, 36, 88),
            align=("L", "L", "L", "L"),
        )
        self._left_out("notes_left_out", len(self.data.for_physio), self.max_notes)

    def _left_out(self, key: str, total: int, shown: int) -> None:
        """Say how many older items a shortened list leaves out, and where they are."""
        if total <= shown:
            return
        where = self.t("in_appendix") if self.options.include_appendix else ""
        key = rt.one_or_more(key, shown)  # "the most recent … is listed"
        self.para(self.t(key, shown=shown, total=total, where=where), size=7.5, colour=_MUTED)

    def questions(self) -> None:
        text = self.options.questions.strip()
        if not text:
            return
        self.heading(self.t("questions_heading"), need=22)
        pdf = self.pdf
        pdf.set_fill_color(_BOX)
        pdf.set_font(_FONT, size=9.5)
        pdf.multi_cell(
            0,
            4.8,
            text,
            align=Align.L,
            fill=True,
            padding=(1.8, 2.5),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(1)

    def medication(self) -> None:
        self.heading(self.t("medication_heading"), need=24)
        if not self.data.medication:
            self.para(self.t("no_medication"))
            return
        rows = [
            [
                med.name,
                ", ".join(med.doses) or "–",
                self.day(med.first),
                self.day(med.last),
                str(med.days),
            ]
            for med in self.data.medication
        ]
        self.table(
            [
                self.t("col_medicine"),
                self.t("col_doses"),
                self.t("col_first"),
                self.t("col_last"),
                self.t("col_med_days"),
            ],
            rows,
            widths=(50, 52, 30, 30, 20),
            align=("L", "L", "L", "L", "C"),
        )

    def about(self) -> None:
        self.heading(self.t("about_heading"), need=18)
        self.para(self.t("about_text"), size=7.5, colour=_MUTED, gap=0)

    # -- appendix -------------------------------------------------------------------------------

    def appendix(self, all_weeks_needed: bool) -> None:
        pdf = self.pdf
        if all_weeks_needed:
            pdf.add_page()
            self.heading(self.t("appendix_weeks_heading"))
            self.weekly_table(list(self.summary["weekly"]), hidden_after_first=0)
        pdf.add_page()
        self.heading(self.t("appendix_heading"))
        rows: list[Sequence[str]] = []
        for entry in self.data.entries:
            rows.append(
                [
                    self.day(entry.day),
                    entry.at.strftime("%H:%M"),
                    str(entry.pain),
                    "–" if entry.worst_pain is None else str(entry.worst_pain),
                    str(entry.stress),
                    "–" if entry.sleep is None else str(entry.sleep),
                    self.t("yes") if entry.flare_up else "",
                    ", ".join(entry.tags),
                    entry.note.strip(),
                ]
            )
        self.table(
            [
                self.t("col_date"),
                self.t("col_time"),
                self.t("pain"),
                self.t("col_worst_short"),
                self.t("stress"),
                self.t("col_sleep"),
                self.t("col_flare"),
                self.t("col_tags"),
                self.t("col_notes"),
            ],
            rows,
            widths=APPENDIX_WIDTHS,
            align=("L", "L", "C", "C", "C", "C", "L", "L", "L"),
            size=7.8,
        )

    # -- the whole report -----------------------------------------------------------------------

    def close(self) -> None:
        """Release the font files of a try that is given up (output() closes them otherwise)."""
        for font in self.pdf.fonts.values():
            close = getattr(font, "close", None)
            if close is not None:
                close()

    def write(self) -> bytes:
        pdf = self.pdf
        data = self.data
        start, end = data.start.isoformat(), data.end.isoformat()
        pdf.set_title(self.t("doc_title", start=start, end=end))
        pdf.set_subject(self.t("subject"))
        pdf.set_creator(f"RugDiary {self.version}")
        pdf.set_producer(f"RugDiary {self.version} (fpdf2)")
        pdf.set_keywords(f"RugDiary {start} {end}")
        pdf.set_lang(self.lang)
        pdf.set_creation_date(self.made)
        pdf.add_page()
        self.header()
        empty = not data.entries and not data.sessions
        if empty:
            # "The questions below" only when there are some.
            asked = bool(self.options.questions.strip())
            self.para(
                self.t("nothing_logged" if asked else "nothing_logged_no_questions"),
                size=10.5,
                gap=2,
            )
            self.questions()
            if data.flare_ups:
                self.flare_ups()
            self.activities()
            self.about()
        else:
            # Page 1 answers first (the brief, the person's questions, pain per week and the
            # chart); the details follow, and the statistics come last.
            sections = (
                self.brief,
                self.questions,
                self.timeline,
                self.weekly,
                self.other_scores,
                self.exercise,
                self.flare_ups,
                self.activities,
                self.regions,
                self.for_physio,
                self.medication,
                self.stress_and_pain,
                self.about,
            )
            for section in sections:
                section()
                if self.give_up_past_two_pages and pdf.page_no() > 2:
                    raise _TooLongError  # shorter lists are tried next; no use finishing this one
            self.pages_before_appendix = pdf.page_no()
            if self.options.include_appendix:
                hidden = len(self.summary["weekly"]) > MAX_WEEKS_ON_PAGE_ONE
                self.appendix(all_weeks_needed=hidden)
        return bytes(pdf.output())


def _correlation(block: Mapping[str, Any]) -> Correlation:
    """A correlation block of the summary (rounded, as the report prints it) as a Correlation."""
    ci = block["ci95"]
    return Correlation(rho=block["rho"], ci95=None if ci is None else (ci[0], ci[1]), n=block["n"])


def check_chart_language(lang: str) -> Any:
    """The chart style's language literal; the report languages and chart languages match."""
    return rt.check_language(lang)


def _shorten(text: str, limit: int = MAX_NOTE_CHARS) -> str:
    """Long notes end with an ellipsis here; the appendix has them in full."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def build_report_pdf(
    entries: Iterable[DiaryEntry],
    sessions: Iterable[Session],
    start: date,
    end: date,
    *,
    lang: str = "en",
    patient_name: str | None = None,
    questions: str = "",
    include_appendix: bool = False,
    app_version: str,
    generated_at: datetime,
    reminders: ReminderState | None = None,
    sitting: Iterable[SittingDay] = (),
    region_counts: Mapping[str, int] | None = None,
    activity_changes: Sequence[Any] = (),
    flare_records: Sequence[Any] = (),
) -> bytes:
    """The physiotherapist report for `start`..`end` (inclusive) as PDF bytes.

    Pure: no files, no clock, no Qt, so the command line, the Report page (in a worker thread)
    and the tests all get the same bytes from the same diary. Every figure comes from
    build_summary, so the PDF agrees with `rugdiary summary --json` for the same period.
    Entries and sessions outside the period may be passed; they are ignored except as the
    personal baseline of the detrended correlations. `region_counts`, `activity_changes` and
    `flare_records` are duck typed (see collect_report_data); empty, they print nothing.
    """
    if end < start:
        raise ValueError(f"the end {end} lies before the start {start}")
    options = ReportOptions(
        lang=rt.check_language(lang),
        patient_name=patient_name,
        questions=questions,
        include_appendix=include_appendix,
    )
    data = collect_report_data(
        entries,
        sessions,
        start,
        end,
        options.lang,
        region_counts=region_counts,
        activity_changes=activity_changes,
        flare_records=flare_records,
    )
    counts = reminder_counts(reminders, start, end) if reminders is not None else None
    # Sitting figures: per day, durations and counts only (core/sitting.py).
    days = sorted((d for d in sitting if start <= d.day <= end), key=lambda d: d.day)
    charts: dict[float, bytes] = {}
    for limits in LIST_LIMITS:
        writer = _Writer(data, options, app_version, generated_at, counts, days, limits, charts)
        writer.give_up_past_two_pages = True
        try:
            return writer.write()
        except _TooLongError:
            writer.close()
            continue
    # No try fits two pages (very long questions, say): shorter lists would not save the
    # third page, only leave things out of it, so the fullest lists are printed after all.
    first = LIST_LIMITS[0]
    return _Writer(data, options, app_version, generated_at, counts, days, first, charts).write()


class _TooLongError(Exception):
    """A try at the report ran past two pages before the appendix."""


REMINDER_KINDS = ("diary", "exercise", "movement")
SITTING_DAILY_ROWS = 14
"""Up to two weeks of sitting figures get a row per day; more a row per week, so the report
stays at two pages."""


def reminder_counts(
    state: ReminderState, start: date, end: date
) -> dict[str, tuple[int, int, int]]:
    """(done, snoozed, skipped) per reminder kind over the ISO weeks the period touches."""
    weeks = {week_key(start + timedelta(days=i)) for i in range((end - start).days + 1)}
    totals = {kind: [0, 0, 0] for kind in REMINDER_KINDS}
    for week, by_kind in state.weekly.items():
        if week not in weeks:
            continue
        for kind, counts in by_kind.items():
            if kind in totals:
                total = totals[kind]
                total[0] += counts.done
                total[1] += counts.snoozed
                total[2] += counts.skipped
    return {kind: (t[0], t[1], t[2]) for kind, t in totals.items() if any(t)}
