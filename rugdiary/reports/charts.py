"""Insights charts as matplotlib Figures (never pyplot), shared by the app, exports and the PDF."""

from __future__ import annotations

import io
import math
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar, cast

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.cm import ScalarMappable
from matplotlib.collections import PolyCollection
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.layout_engine import ConstrainedLayoutEngine, LayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, Formatter, MaxNLocator
from matplotlib.transforms import Bbox
from scipy import stats as sps  # type: ignore[import-untyped]

from rugdiary.core import insights
from rugdiary.core.stats import (
    MIN_CORRELATION_DAYS,
    MIN_GROUP_DAYS,
    MIN_NEXT_DAY_PAIRS,
    MIN_WEEK_DAYS,
    Correlation,
    DailySeries,
    HighLowStress,
    LagCorrelations,
    WeekSummary,
    rolling_mean,
)
from rugdiary.reports import report_texts as rt
from rugdiary.reports.chart_theme import (
    MONTHS_SHORT,
    WEEKDAYS_SHORT,
    ChartStyle,
    Language,
    blend,
    label,
    least_alpha,
)

__all__ = [
    "MIN_TREND_DAYS",
    "SAVE_FORMATS",
    "ChartStyle",
    "FigurePool",
    "build_calendar_figure",
    "build_high_low_figure",
    "build_lag_figure",
    "build_scatter_figure",
    "build_timeline_figure",
    "build_weekly_figure",
    "day_numbers",
    "draw_for_screen",
    "figure_to_png_bytes",
    "figure_to_svg_bytes",
    "save_figure",
]

FloatArray = npt.NDArray[np.float64]
T = TypeVar("T")
Size = tuple[float, float]

LONG_RANGE_DAYS = 400
"""Beyond about a year the timeline shows days as dots without connecting lines."""

MIN_TREND_DAYS = 14
"""Logged days before a timeline is read as a trend (CLINICAL.md §5); fewer get a note."""

SAVE_FORMATS: tuple[str, ...] = (".png", ".svg", ".pdf")
MIN_PNG_DPI = 200
"""Raster exports below 200 dpi look blurred when printed for the physiotherapist."""

LAG_KEYS: tuple[str, ...] = ("same_day", "stress_to_next_day_pain", "pain_to_next_day_stress")
SCORE_TICKS = (0, 2, 4, 6, 8, 10)
MISSING_DOT = 0.3
"""Size of the dot on a calendar day without an entry, as a share of the day's square."""
FLARE_FILL = 0.22
"""How much of the flare-up colour a flare-up band's fill has, under hatching in full colour."""


# ---------------------------------------------------------------------------------------------
# Shared set-up


def _rc(style: ChartStyle) -> dict[str, Any]:
    """Settings applied only while a figure is built, so global rcParams stay untouched.

    DejaVu Sans is matplotlib's bundled font: it has ρ, →, − and ë on every machine, so no
    missing-glyph warning depends on the fonts a user happens to have.
    """
    pal = style.palette
    return {
        "font.family": "DejaVu Sans",
        "font.size": style.font_pt,
        "axes.titlesize": "medium",
        "axes.labelsize": "medium",
        "figure.titlesize": "large",
        "figure.titleweight": "bold",
        "xtick.labelsize": "small",
        "ytick.labelsize": "small",
        "legend.fontsize": "small",
        "legend.frameon": False,
        "text.color": pal.text,
        "axes.labelcolor": pal.text,
        "axes.titlecolor": pal.text,
        "axes.edgecolor": pal.grid,
        "axes.facecolor": pal.axes_bg,
        "axes.grid": True,
        "axes.axisbelow": True,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "grid.color": pal.grid,
        "grid.linewidth": 0.6,
        "xtick.color": pal.muted,
        "ytick.color": pal.muted,
        "xtick.labelcolor": pal.text,
        "ytick.labelcolor": pal.text,
        "figure.facecolor": pal.figure_bg,
        "axes.unicode_minus": True,
        "hatch.linewidth": 0.8,
    }


_STYLE_LOCK = threading.Lock()
"""rcParams are process-wide: two threads in rc_context at once would each restore the
other's values, leaving one theme behind for good. Figures are built one at a time (each
in ~10 ms); drawing them, the slow part, needs no lock."""


@contextmanager
def _styled(style: ChartStyle) -> Iterator[None]:
    with _STYLE_LOCK, mpl.rc_context(cast(Any, _rc(style))):
        yield


def _scaled(size: Size, style: ChartStyle) -> Size:
    """The default size grown with the text, so 200% text gets the room it needs.

    A caller that passes its own `size` (a widget filling its space) keeps that size.
    """
    return (size[0] * style.font_scale, size[1] * style.font_scale)


def _new_figure(style: ChartStyle, size: Size, dpi: float) -> Figure:
    """A figure with constrained layout, so labels at 200% text size are not cut off."""
    pad = 4.0 / 72.0 * style.font_scale
    return Figure(
        figsize=size,
        dpi=dpi,
        layout=ConstrainedLayoutEngine(w_pad=pad, h_pad=pad),
        facecolor=style.palette.figure_bg,
    )


Frame = tuple[Figure, tuple[Axes, ...]]
MakeAxes = Callable[[Figure, ChartStyle], tuple[Axes, ...]]


def _one_axes(fig: Figure, _style: ChartStyle) -> tuple[Axes, ...]:
    return (fig.add_subplot(),)


def _with_twin(fig: Figure, _style: ChartStyle) -> tuple[Axes, ...]:
    """Axes and a twin sharing its x axis, with a scale of its own on the right."""
    ax = fig.add_subplot()
    return ax, ax.twinx()


def _side_by_side(fig: Figure, _style: ChartStyle) -> tuple[Axes, ...]:
    left, right = fig.subplots(1, 2, width_ratios=[2, 1])
    return left, right


def _with_colorbar(cmap: str) -> MakeAxes:
    """Axes with a pain colour bar (0-10 in `cmap`) on the right, which never changes.

    The bar shows a mappable of its own with the calendar's colours and scale, so it
    belongs to the frame and outlives every calendar drawn next to it.
    """

    def make(fig: Figure, style: ChartStyle) -> tuple[Axes, ...]:
        ax = fig.add_subplot()
        scale = ScalarMappable(norm=Normalize(0.0, 10.0), cmap=cmap)
        bar = fig.colorbar(scale, ax=ax, ticks=list(SCORE_TICKS), pad=0.01, aspect=12)
        bar.set_label(label("pain_axis", style.lang))
        bar.outline.set_visible(False)
        return (ax,)

    return make


class FigurePool:
    """Figures kept between redraws of a chart, emptied and filled with the new data.

    A new figure costs about a third of drawing it: axes, spines, tick marks and labels
    are dozens of objects each. The Insights page redraws the same six charts at the same
    size on every change of period, so it keeps their empty frames (figure, axes, colour
    bar) and replaces only what the data decide. A frame is kept per chart for one size,
    dpi and style; another one replaces it. Not thread-safe: one pool per thread.
    """

    def __init__(self) -> None:
        self._frames: dict[str, tuple[tuple[Any, ...], Frame]] = {}

    def take(self, chart: str, style: ChartStyle, size: Size, dpi: float, make: MakeAxes) -> Frame:
        """The chart's frame for this size, dpi and style, emptied; a new one the first time."""
        key = (style, size, dpi)
        kept = self._frames.get(chart)
        if kept is not None and kept[0] == key:
            _empty(*kept[1])
            return kept[1]
        fig = _new_figure(style, size, dpi)
        frame = (fig, make(fig, style))
        self._frames[chart] = (key, frame)
        return frame


def _frame(
    pool: FigurePool | None,
    chart: str,
    style: ChartStyle,
    size: Size,
    dpi: float,
    make: MakeAxes = _one_axes,
) -> Frame:
    """A figure with its axes: a new one, or the emptied one `pool` kept from last time."""
    if pool is None:
        fig = _new_figure(style, size, dpi)
        return fig, make(fig, style)
    return pool.take(chart, style, size, dpi, make)


def _empty(fig: Figure, axes: tuple[Axes, ...]) -> None:
    """Take out everything a builder adds to a frame; axes, ticks and colour bar stay."""
    for legend in list(fig.legends):
        legend.remove()
    for ax in axes:
        for container in list(ax.containers):
            container.remove()
        for artist in [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.images]:
            artist.remove()
        if ax.legend_ is not None:
            ax.legend_.remove()
        for side in ("left", "center", "right"):
            ax.set_title("", loc=side)
        ax.set_visible(True)


def _title(fig: Figure, text: str) -> None:
    fig.suptitle(text, x=0.01, ha="left")


def _subtitle(ax: Axes, text: str, style: ChartStyle) -> None:
    """A quieter line under the figure title: the numbers, or what data is still needed."""
    ax.set_title(text, loc="left", fontsize="small", color=style.palette.muted)


def _note(ax: Axes, text: str, style: ChartStyle) -> None:
    """A message in the middle of an empty chart, instead of lines that would mislead."""
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=style.palette.muted,
        wrap=True,
        gid="note",
    )


class _DecimalFormatter(Formatter):
    """Tick labels written as the chart's language writes numbers: "−0,5" in Dutch.

    matplotlib's own formatter always uses a decimal point. All ticks of an axis get the
    same number of decimals, the fewest that show every tick exactly ("−1.0 … 1.0", but
    "0.25" where the steps need it), as matplotlib's ScalarFormatter does.
    """

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self.lang = lang
        self.digits = 1

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        self.digits = next(
            (d for d in range(4) if all(abs(v - round(v, d)) < 1e-9 for v in values)), 3
        )
        return [self(value) for value in values]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return rt.number(x, self.lang, self.digits)


def _decimal_axis(axis: Any, lang: Language) -> None:
    """Give `axis` (ax.yaxis) tick labels with the language's decimal separator."""
    axis.set_major_formatter(_DecimalFormatter(lang))


def _score_axis(ax: Axes, axis: str = "y") -> None:
    locator = FixedLocator(SCORE_TICKS)
    if axis == "y":
        ax.yaxis.set_major_locator(locator)
    else:
        ax.xaxis.set_major_locator(locator)


def _date_number(day: date) -> float:
    """Matplotlib's number for a day, honouring whatever date epoch is configured."""
    return float(mdates.date2num(np.datetime64(day.isoformat(), "D")))  # type: ignore[no-untyped-call]


def day_numbers(series: DailySeries) -> FloatArray:
    """Matplotlib date numbers of the series' days; the app maps a hovered x back with these."""
    return _date_number(series.start) + np.arange(series.n_days, dtype=np.float64)


class _LocalDateFormatter(mdates.ConciseDateFormatter):
    """ConciseDateFormatter with month names from our own table instead of the C locale.

    strftime's %b follows the process locale, which in a Qt app is usually "C", so Dutch
    charts would show English months. Months are written as <MM> and replaced afterwards;
    days lose their leading zero the same way (%-d is not portable to Windows).
    """

    _MONTH = re.compile(r"<(\d\d)>")
    _LEADING_ZERO = re.compile(r"(?<![\d:.])0(\d)\b(?![:.])")
    """A day number's leading zero ("05 Mar"); never the zeros of a time ("12:00" once became
    "12:0") or of a year."""

    def __init__(self, locator: mdates.DateLocator, lang: Language) -> None:
        formats = ["%Y", "<%m>", "%d", "%H:%M", "%H:%M", "%S.%f"]
        zero_formats = ["", "%Y", "<%m>", "%d <%m>", "%H:%M", "%H:%M"]
        offset_formats = ["", "%Y", "<%m> %Y", "%d <%m> %Y", "%d <%m> %Y", "%d <%m> %Y %H:%M"]
        super().__init__(  # type: ignore[no-untyped-call]
            locator,
            formats=formats,
            zero_formats=zero_formats,
            offset_formats=offset_formats,
        )
        self._months = MONTHS_SHORT[lang]
        self._year: str | None = None

    def _names(self, text: str) -> str:
        named = self._MONTH.sub(lambda m: self._months[int(m.group(1)) - 1], text)
        return self._LEADING_ZERO.sub(r"\1", named)  # "5 Mar", not "05 Mar"

    def __call__(self, x: float, pos: int | None = 0) -> str:
        return self._names(super().__call__(x, pos))  # type: ignore[no-untyped-call]

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        if len(values) == 1:
            # One day (a one-day period): ConciseDateFormatter finds no level at which ticks
            # differ and falls back to the time of day, "00:00". The day is what is meant.
            day = mdates.num2date(values[0])  # type: ignore[no-untyped-call]
            self._year = str(day.year)
            self._shown = [f"{day.day} {self._months[day.month - 1]}"]
            return self._shown
        self._year = None
        texts = [self._names(t) for t in super().format_ticks(values)]  # type: ignore[no-untyped-call]
        # Day ticks name a month only where one begins, so "15 · Oct · 15 · Nov" left the
        # first days without theirs: the first tick in view says its month as well.
        low = min(self.axis.get_view_interval()) if self.axis is not None else -math.inf
        shown = [i for i, value in enumerate(values) if value >= low]
        if shown and texts[shown[0]].isdigit():
            first = mdates.num2date(values[shown[0]])  # type: ignore[no-untyped-call]
            texts[shown[0]] += f" {self._months[first.month - 1]}"
        self._shown = texts
        return self._shown

    def get_offset(self) -> str:
        if self._year is not None:
            return self._year  # one day's tick names the day; the year goes under it
        offset = self._names(super().get_offset())  # type: ignore[no-untyped-call]
        # Day ticks get "Dec 2026" as offset; when a tick already says "Dec" (or "1 Dec"),
        # that repeats the month, so only the year is added.
        month, _, year = offset.rpartition(" ")
        if month and any(text.split(" ")[-1] == month for text in getattr(self, "_shown", [])):
            return year
        return offset


class _DayLocator(mdates.AutoDateLocator):
    """AutoDateLocator that never ticks between days.

    Every date axis here counts whole days (one point, bar or square per day). Over a
    period of one to three days AutoDateLocator chose hours, which labelled a day's chart
    with "12:00", "15:00" and so on, times that mean nothing for a daily score. Below
    `minticks` days this ticks each day instead.
    """

    def get_locator(self, dmin: datetime, dmax: datetime) -> mdates.DateLocator:
        if abs(dmax - dmin) < timedelta(days=self.minticks):
            locator = mdates.DayLocator(tz=self.tz)  # type: ignore[no-untyped-call]
            locator.set_axis(self.axis)
            return locator
        return super().get_locator(dmin, dmax)  # type: ignore[no-untyped-call,no-any-return]


def _date_axis(ax: Axes, style: ChartStyle) -> None:
    """Ticks that suit anything from one day to ten years, fewer when the text is larger."""
    maxticks = max(4, round(9 / style.font_scale))
    locator = _DayLocator(minticks=4, maxticks=maxticks)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_LocalDateFormatter(locator, style.lang))


def _outside_legend(fig: Figure, handles: Sequence[Any], style: ChartStyle) -> None:
    """The legend under the chart, in as many columns (3, or 2 at a large text size) as the
    figure is wide enough for: three Dutch keys side by side were wider than a chart in the
    smallest window, and both ends of the legend were cut off."""
    if not handles:
        return
    most = 3 if style.font_scale < 1.5 else 2
    # Constrained layout's pad on each side, and a pixel or two for the PDF's vector text.
    room = fig.bbox.width - 2 * (4.0 / 72.0 * style.font_scale * fig.dpi) - 2.0
    measure = _TextCachingRenderer(1, 1, fig.dpi)  # type: ignore[no-untyped-call]
    for ncols in range(min(most, len(handles)), 0, -1):
        legend = fig.legend(handles=list(handles), loc="outside lower center", ncols=ncols)
        if ncols == 1 or legend.get_window_extent(measure).width <= room:
            return
        legend.remove()


def _num(value: float, lang: Language) -> str:
    return insights.format_number(value, lang)


def _rectangles(
    x0: FloatArray, x1: FloatArray, y0: FloatArray, y1: FloatArray, **kwargs: Any
) -> PolyCollection:
    """Many rectangles as one PolyCollection built with numpy.

    ax.bar makes one Rectangle artist per bar, which costs about half a millisecond each:
    520 weekly bars for ten years would take longer than every other chart together.
    """
    verts = np.empty((x0.shape[0], 4, 2), dtype=np.float64)
    verts[:, 0, 0] = verts[:, 1, 0] = x0
    verts[:, 2, 0] = verts[:, 3, 0] = x1
    verts[:, 0, 1] = verts[:, 3, 1] = y0
    verts[:, 1, 1] = verts[:, 2, 1] = y1
    # An (n, 4, 2) array takes PolyCollection's vectorised path; the stubs only know lists.
    return PolyCollection(verts, closed=True, **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# 1. Timeline


def _runs(mask: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Start indices and lengths of the runs of True, so a flare-up of days is one bar."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return starts, ends - starts


def build_timeline_figure(
    series: DailySeries,
    style: ChartStyle,
    *,
    size: Size | None = None,
    dpi: float = 100.0,
    pool: FigurePool | None = None,
) -> Figure:
    """Daily pain and stress, their 7-day averages, flare-ups and exercise sessions over time.

    Days without an entry are NaN, which matplotlib draws as a gap rather than a line that
    pretends to know those days. Every series is one artist (a line, one bar collection for
    all flare-ups), so ten years of days draw as fast as a month.
    """
    pal = style.palette
    lang = style.lang
    with _styled(style):
        fig, (ax,) = _frame(pool, "timeline", style, size or _scaled((8.0, 3.8), style), dpi)
        _title(fig, label("timeline_title", lang))
        x = day_numbers(series)
        n = series.n_days
        ms = float(np.clip(4.5 * np.sqrt(60.0 / n), 1.2, 4.5))

        handles: list[Any] = []
        starts, lengths = _runs(series.flare_up)
        if starts.shape[0]:
            bars = ax.broken_barh(
                list(zip((x[starts] - 0.5).tolist(), lengths.tolist(), strict=True)),
                (0.0, 10.5),
                # The fill faint and opaque, the hatching in the full colour: with the
                # band see-through its hatching faded too, to 1.2:1 against the axes.
                facecolors=blend(pal.flare, pal.axes_bg, FLARE_FILL),
                edgecolors="none",
                hatch="//",
                hatchcolors=pal.flare,
                label=label("flare_up", lang),
                gid="flare_up",
            )
            bars.set_zorder(0.5)
            handles.append(
                Patch(
                    facecolor=blend(pal.flare, pal.figure_bg, FLARE_FILL),
                    edgecolor=pal.flare,
                    lw=0,
                    hatch="//",
                    label=label("flare_up", lang),
                )
            )

        # Over long periods daily lines merge into a solid block; there the days become small
        # dots and the 7-day averages thinner lines, so the averages stay readable. Days are
        # drawn in lighter tints of the series colours, never see-through: a see-through
        # day fell to about 2:1 against the axes, below the 3:1 that graphics need.
        long_range = n > LONG_RANGE_DAYS
        shrink = float(np.clip(np.sqrt(180.0 / n), 0.45, 1.0))
        daily_kw: dict[str, Any] = {
            "lw": 0.0 if long_range else 0.8,
            "ms": ms * 0.8 if long_range else ms,
            "mew": 0,
        }
        pain_daily = ax.plot(
            x,
            series.pain,
            color=pal.pain_day,
            marker="o",
            label=label("pain_daily", lang),
            gid="pain_daily",
            **daily_kw,
        )[0]
        stress_daily = ax.plot(
            x,
            series.stress,
            color=pal.stress_day,
            marker="s",
            label=label("stress_daily", lang),
            gid="stress_daily",
            **daily_kw,
        )[0]
        pain_mean = ax.plot(
            x,
            rolling_mean(series.pain),
            color=pal.pain,
            lw=2.6 * shrink,
            ls="-",
            label=label("pain_mean", lang),
            gid="pain_mean",
        )[0]
        stress_mean = ax.plot(
            x,
            rolling_mean(series.stress),
            color=pal.stress,
            lw=2.6 * shrink,
            ls=(0, (3.5, 1.5)),
            label=label("stress_mean", lang),
            gid="stress_mean",
        )[0]
        handles = [pain_daily, stress_daily, pain_mean, stress_mean, *handles]

        session_days = np.flatnonzero(series.session_count > 0)
        if session_days.shape[0]:
            sessions = ax.plot(
                x[session_days],
                np.full(session_days.shape[0], 10.9),
                ls="none",
                marker="|",
                ms=7.0 * style.font_scale,
                mew=1.4 * shrink,
                color=pal.sessions,
                label=label("sessions", lang),
                gid="sessions",
            )[0]
            handles.append(sessions)

        ax.set_xlim(x[0] - 0.5, x[-1] + 0.5)
        # The score axis starts at 0 (nothing below it means anything); the sessions row sits
        # in the headroom above 10, and days at 0 are drawn whole over the bottom edge.
        ax.set_ylim(0.0, 11.3)
        for daily in (pain_daily, stress_daily):
            daily.set_clip_on(False)
        _score_axis(ax)
        ax.set_ylabel(label("score_axis", lang))
        _date_axis(ax, style)
        ax.grid(axis="x", visible=False)

        logged = series.days_logged
        if logged == 0:
            _note(ax, label("nothing_logged", lang), style)
            return fig  # a legend for lines that are not there would only confuse
        if logged < MIN_TREND_DAYS:
            _subtitle(ax, label("trend_needs", lang, need=MIN_TREND_DAYS, have=logged), style)
        _outside_legend(fig, handles, style)
    return fig


# ---------------------------------------------------------------------------------------------
# 2. Stress against pain


def _stats_line(corr: Correlation, lang: Language) -> str:
    if corr.rho is None or corr.ci95 is None:
        return label("no_rho", lang, n=corr.n)
    lo, hi = corr.ci95
    return label(
        "stats", lang, rho=_num(corr.rho, lang), lo=_num(lo, lang), hi=_num(hi, lang), n=corr.n
    )


def build_scatter_figure(
    series: DailySeries,
    corr: Correlation,
    style: ChartStyle,
    *,
    size: Size | None = None,
    dpi: float = 100.0,
    seed: int = 0,
    pool: FigurePool | None = None,
    check: insights.DiaryCheck | None = None,
) -> Figure:
    """Each logged day as a dot (stress across, pain up) with ρ, its 95% CI and n on the chart.

    `corr` should be the same-day correlation of this series' pain and stress, so the number
    describes the dots shown. Scores are whole numbers, so many days share a point; a small
    seeded jitter spreads them while keeping the chart identical on every redraw. The trend
    line appears only from MIN_CORRELATION_DAYS paired days: with fewer, a line looks far
    more certain than the data are, so the chart says how many more days are needed. With
    `check`, a diary with too few days filled in or scores that hardly move gets the reason
    instead of ρ and a line (CLINICAL.md §5), as the Insights sentence does.
    """
    pal = style.palette
    lang = style.lang
    with _styled(style):
        fig, (ax,) = _frame(pool, "scatter", style, size or _scaled((5.6, 4.6), style), dpi)
        _title(fig, label("scatter_title", lang))
        both = np.isfinite(series.pain) & np.isfinite(series.stress)
        xs = series.stress[both]
        ys = series.pain[both]
        n = int(xs.shape[0])
        rng = np.random.default_rng(seed)
        jitter = 0.18
        # See-through, so crowded spots look darker; never so faint that a lone day drops
        # below 3:1 against the axes.
        alpha = float(np.clip(0.85 * np.sqrt(40.0 / max(n, 1)), 0.12, 0.85))
        alpha = max(alpha, least_alpha(pal.stress, pal.axes_bg))
        ax.scatter(
            xs + rng.uniform(-jitter, jitter, n),
            np.clip(ys + rng.uniform(-jitter, jitter, n), 0.0, 10.0 + jitter),
            s=(18.0 if n < 400 else 9.0) * style.font_scale,
            color=pal.stress,
            alpha=alpha,
            linewidths=0,
            label=label("days", lang),
            gid="days",
            clip_on=False,  # days at pain 0 sit on the axis, drawn whole
        )
        reason = rt.diary_reason(check, lang)
        lines = [_stats_line(corr, lang) if reason is None else reason] if n else []
        draw_trend = corr.rho is not None and corr.enough_data and float(np.ptp(xs)) > 0
        draw_trend = draw_trend and reason is None
        if draw_trend:
            fit = sps.linregress(xs, ys)
            ends = np.array([xs.min(), xs.max()])
            ax.plot(
                ends,
                fit.intercept + fit.slope * ends,
                color=pal.pain,
                lw=2.4,
                ls=(0, (5, 2)),
                label=label("trend_line", lang),
                gid="trend",
            )
            ax.legend(loc="upper left", handlelength=2.5)
        elif n and reason is None:
            more = insights.days_needed(corr.n)
            if more:
                lines.append(label("more_days", lang, more=more))
        if n == 0:
            _note(ax, label("nothing_logged", lang), style)
        else:
            _subtitle(ax, "\n".join(lines), style)
        ax.set_xlim(-0.6, 10.6)
        ax.set_ylim(0.0, 10.6)
        _score_axis(ax, "x")
        _score_axis(ax, "y")
        ax.set_xlabel(label("stress_axis", lang))
        ax.set_ylabel(label("pain_axis", lang))
    return fig


# ---------------------------------------------------------------------------------------------
# 3. Time lag


_TICK_EM = 0.6
"""DejaVu Sans's mean glyph width in ems, for guessing a tick label's width before drawing."""


def _fits_slot(text: str, slot_in: float, style: ChartStyle) -> bool:
    """Whether a tick label ("small" text) fits in `slot_in` inches with room to spare.

    Judged by its length: "stress → pijn de dag erna" beside "pijn → stress de dag erna"
    ran into one at 900 px, and measuring would need a drawn figure.
    """
    width = len(text) * style.font_pt * 0.833 * _TICK_EM / 72.0
    return width <= 0.8 * slot_in


def build_lag_figure(
    lags: LagCorrelations,
    style: ChartStyle,
    *,
    size: Size | None = None,
    dpi: float = 100.0,
    pool: FigurePool | None = None,
    check: insights.DiaryCheck | None = None,
) -> Figure:
    """The three correlations side by side, each a point with its 95% interval, around zero.

    Seeing "stress → next-day pain" next to its reverse shows whether one tends to come
    first; it shows order in time, not cause. A same-day correlation from fewer than
    MIN_CORRELATION_DAYS pairs gets an open marker and a note; a next-day one is drawn only
    from MIN_NEXT_DAY_PAIRS pairs of consecutive days (CLINICAL.md §5), and before that the
    chart says how many more it needs. With `check` (stats.diary_check), a diary with too
    few days filled in or scores that hardly move shows no point at all, only why, as the
    Insights sentence does.
    """
    pal = style.palette
    lang = style.lang
    with _styled(style):
        fig, (ax,) = _frame(pool, "lag", style, size or _scaled((6.4, 3.8), style), dpi)
        _title(fig, label("lag_title", lang))
        ax.axhline(0.0, color=pal.zero_line, lw=1.0, zorder=1, gid="zero")
        markers = ("o", "D", "s")
        thin = False
        short = False
        reason = rt.diary_reason(check, lang)
        tick_labels: list[str] = []
        for i, key in enumerate(LAG_KEYS):
            corr: Correlation = getattr(lags, key)
            name = label(key, lang)
            if not _fits_slot(name, fig.get_size_inches()[0] / len(LAG_KEYS), style):
                name = name.replace(" → ", " →\n")
            tick_labels.append(f"{name}\n{label('n_days', lang, n=corr.n)}")
            if reason is not None:
                continue
            rho, ci = corr.rho, corr.ci95
            too_short = key != "same_day" and not corr.enough_data
            if too_short or rho is None or ci is None:
                short = short or too_short
                more = corr.more_needed
                ax.text(
                    i,
                    0.5,
                    rt.text(rt.one_or_more("chart_next_day_needs", more), lang, more=more)
                    if too_short
                    else label("not_enough_data", lang),
                    ha="center",
                    va="center",
                    color=pal.muted,
                    fontsize="small",
                    gid=f"missing_{key}",
                )
                continue
            lo, hi = ci
            enough = corr.enough_data
            thin = thin or not enough
            ax.errorbar(
                [i],
                [rho],
                yerr=[[rho - lo], [hi - rho]],
                fmt=markers[i],
                ms=8.0,
                mew=1.6,
                color=pal.text,
                mfc=pal.text if enough else "none",
                elinewidth=1.8,
                capsize=6.0,
                capthick=1.6,
                gid=key,
            )
        ax.set_xlim(-0.6, len(LAG_KEYS) - 0.4)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xticks(range(len(LAG_KEYS)), tick_labels)
        ax.yaxis.set_major_locator(FixedLocator([-1.0, -0.5, 0.0, 0.5, 1.0]))
        _decimal_axis(ax.yaxis, lang)
        ax.set_ylabel(label("lag_axis", lang))
        ax.grid(axis="x", visible=False)
        if reason is not None:
            _note(ax, reason, style)
        notes = []
        if thin:
            notes.append(label("open_markers", lang, min=MIN_CORRELATION_DAYS))
        if short:
            notes.append(rt.text("chart_next_day_rule", lang, min=MIN_NEXT_DAY_PAIRS))
        if notes:
            _subtitle(ax, "\n".join(notes), style)
    return fig


# ---------------------------------------------------------------------------------------------
# 4. Weekly


def build_weekly_figure(
    weeks: Sequence[WeekSummary],
    style: ChartStyle,
    *,
    size: Size | None = None,
    dpi: float = 100.0,
    pool: FigurePool | None = None,
) -> Figure:
    """Exercise sessions per week as bars, with the week's mean pain as a line on 0–10.

    Two scales share one chart, so each has its own axis label, colour and shape (bars
    against a line with dots). A week the period cuts at its start or end is drawn as a
    lighter, hatched bar: its sessions are those of fewer than seven days, and a full bar
    would read as a quiet week. A week with fewer than MIN_WEEK_DAYS days filled in gets no
    mean pain (a gap in the line, as for weeks without entries): one or two days cannot pose
    as a week, the rule the report's weekly table and the 7-day averages follow too.
    """
    pal = style.palette
    lang = style.lang
    with _styled(style):
        fig, (ax, twin) = _frame(
            pool, "weekly", style, size or _scaled((8.0, 3.8), style), dpi, _with_twin
        )
        _title(fig, label("weekly_title", lang))
        twin.set_visible(len(weeks) > 0)
        n = len(weeks)
        if n == 0:
            _note(ax, label("nothing_logged", lang), style)
            return fig
        origin = _date_number(weeks[0].week_start)
        first = weeks[0].week_start.toordinal()
        offsets = np.fromiter((w.week_start.toordinal() - first for w in weeks), np.float64, n)
        x = origin + offsets + 3.0
        sessions = np.fromiter((w.sessions for w in weeks), np.float64, n)
        thin = np.fromiter((w.days_logged < MIN_WEEK_DAYS for w in weeks), np.bool_, n)
        pain = np.fromiter(
            (np.nan if w.pain_mean is None else w.pain_mean for w in weeks), np.float64, n
        )
        pain[thin] = np.nan
        partial = np.fromiter((w.days_in_period < 7 for w in weeks), np.bool_, n)
        light = blend(pal.sessions, pal.axes_bg, FLARE_FILL)
        bars = _rectangles(
            x - 2.8,
            x + 2.8,
            np.zeros(n),
            sessions,
            facecolors=[light if p else pal.sessions for p in partial.tolist()],
            edgecolors=pal.sessions,
            linewidths=np.where(partial, 1.0, 0.0),
            label=label("sessions_axis", lang),
            gid="sessions",
        )
        ax.add_collection(bars, autolim=False)
        keys: list[Any] = [Patch(facecolor=pal.sessions, label=label("sessions_axis", lang))]
        cut = partial & (sessions > 0)
        if cut.any():
            # The hatching over the pale fill in the full colour, as on flare-up bands: the
            # bar still stands out 3:1 from the axes however pale its fill.
            ax.add_collection(
                _rectangles(
                    x[cut] - 2.8,
                    x[cut] + 2.8,
                    np.zeros(int(cut.sum())),
                    sessions[cut],
                    facecolors="none",
                    edgecolors="none",
                    hatch="//",
                    hatchcolors=pal.sessions,
                    gid="partial_weeks",
                ),
                autolim=False,
            )
            keys.append(
                Patch(
                    facecolor=light,
                    edgecolor=pal.sessions,
                    hatch="//",
                    label=rt.text("chart_partial_week", lang),
                )
            )
        any_sessions = bool(sessions.any())
        ax.set_ylim(0.0, max(1.0, float(sessions.max()) * 1.15))
        # Without sessions an empty 0–1 axis says nothing; the chart says it in words instead.
        ax.yaxis.set_major_locator(
            MaxNLocator(nbins=5, integer=True) if any_sessions else FixedLocator([])
        )
        ax.set_ylabel(label("sessions_axis", lang) if any_sessions else "", color=pal.sessions_text)
        notes = [] if any_sessions else [label("no_sessions", lang)]
        if (thin & (np.fromiter((w.days_logged for w in weeks), np.int64, n) > 0)).any():
            notes.append(rt.text("chart_week_mean_rule", lang, min=MIN_WEEK_DAYS))
        if notes:
            _subtitle(ax, "\n".join(notes), style)
        ax.set_xlim(x[0] - 3.5, x[-1] + 3.5)
        ax.grid(axis="x", visible=False)
        _date_axis(ax, style)

        twin.spines["right"].set_visible(True)
        twin.grid(visible=False)
        line = twin.plot(
            x,
            pain,
            color=pal.pain,
            lw=2.2,
            marker="o",
            ms=float(np.clip(5.0 * np.sqrt(30.0 / n), 1.5, 5.0)),
            label=label("weekly_pain", lang),
            gid="pain_mean",
        )[0]
        twin.set_ylim(0.0, 10.5)
        _score_axis(twin)
        twin.set_ylabel(label("pain_axis", lang), color=pal.pain_text)
        if not any(w.days_logged for w in weeks):
            _note(ax, label("nothing_logged", lang), style)
        _outside_legend(fig, [*keys, line] if any_sessions else [line], style)
    return fig


# ---------------------------------------------------------------------------------------------
# 5. Calendar heatmap


def build_calendar_figure(
    series: DailySeries,
    style: ChartStyle,
    *,
    size: Size | None = None,
    dpi: float = 100.0,
    cmap: str = "cividis",
    pool: FigurePool | None = None,
) -> Figure:
    """Daily pain as a calendar: one column per week (Monday first), one row per weekday.

    "cividis" is designed to read the same with colour-vision deficiency and in greyscale.
    Days without an entry are blank with a small dot, so "not logged" cannot be mistaken for
    a colour on the scale; days outside the period stay blank without a dot. The whole grid is
    two QuadMeshes, so ten years cost about as much as a month.
    """
    pal = style.palette
    lang = style.lang
    with _styled(style):
        size = size or _scaled((8.0, 2.8), style)
        fig, (ax,) = _frame(pool, f"calendar-{cmap}", style, size, dpi, _with_colorbar(cmap))
        _title(fig, label("calendar_title", lang))
        offset = series.start.weekday()
        n_weeks = (offset + series.n_days + 6) // 7
        cells = np.full(n_weeks * 7, np.nan)
        cells[offset : offset + series.n_days] = series.pain
        inside = np.zeros(n_weeks * 7, dtype=np.bool_)
        inside[offset : offset + series.n_days] = True
        grid = cells.reshape(n_weeks, 7).T
        missing = (inside & ~np.isfinite(cells)).reshape(n_weeks, 7).T

        monday = float(day_numbers(series)[0]) - offset
        x_edges = monday + 7.0 * np.arange(n_weeks + 1, dtype=np.float64)
        y_edges = np.arange(8, dtype=np.float64)
        ax.pcolormesh(
            x_edges,
            y_edges,
            np.ma.masked_invalid(grid),
            cmap=cmap,
            vmin=0.0,
            vmax=10.0,
            shading="flat",
            gid="pain",
        )
        # A day without an entry stays blank with a small dot in the middle: grey or stripes
        # would read as a mid-scale pain colour (cividis is grey there). One scatter for all
        # of them, the dot a share of the smaller side of a day's square at this size.
        rows, cols = np.nonzero(missing)
        if rows.shape[0]:
            cell_pt = min(size[0] * 72.0 * 0.8 / n_weeks, size[1] * 72.0 * 0.55 / 7.0)
            dot_pt = float(np.clip(cell_pt * MISSING_DOT, 1.0, 5.0))
            ax.scatter(
                x_edges[cols] + 3.5,
                rows.astype(np.float64) + 0.5,
                s=dot_pt**2,
                marker="o",
                color=pal.muted,
                linewidths=0,
                gid="missing",
            )
        ax.set_xlim(x_edges[0], x_edges[-1])
        ax.set_ylim(7.0, 0.0)  # Monday on top, as in a paper calendar
        ax.yaxis.set_major_locator(FixedLocator([day + 0.5 for day in range(7)]))
        ax.set_yticklabels(WEEKDAYS_SHORT[lang])
        ax.tick_params(axis="y", length=0)
        ax.grid(visible=False)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        _date_axis(ax, style)
        if series.days_logged == 0:
            _note(ax, label("nothing_logged", lang), style)
        if missing.any():
            blank = Patch(facecolor=pal.axes_bg, edgecolor=pal.muted, lw=0.6)
            dot = Line2D([], [], ls="none", marker="o", ms=3.5, color=pal.muted, mew=0)
            fig.legend(
                handles=[(blank, dot)], labels=[label("no_entry", lang)], loc="outside lower right"
            )
    return fig


# ---------------------------------------------------------------------------------------------
# 6. Higher- vs lower-stress days


def build_high_low_figure(
    result: HighLowStress,
    style: ChartStyle,
    *,
    size: Size | None = None,
    dpi: float = 100.0,
    pool: FigurePool | None = None,
    check: insights.DiaryCheck | None = None,
) -> Figure:
    """Mean pain on lower- and higher-stress days, and their difference with its 95% interval.

    The interval belongs to the difference (a block bootstrap in core.stats), so it is drawn
    on its own small panel around zero instead of being split over the two means, which would
    suggest intervals that were never computed. With `check` (stats.diary_check), a diary
    with too few days filled in or scores that hardly move shows no means and no difference,
    only why, as the sentence and the other comparison charts do (CLINICAL.md §5): two means
    side by side read as a finding even without words.
    """
    pal = style.palette
    lang = style.lang
    with _styled(style):
        size = size or _scaled((6.4, 3.8), style)
        fig, (left, right) = _frame(pool, "high_low", style, size, dpi, _side_by_side)
        _title(fig, label("high_low_title", lang))
        left.set_ylim(0.0, 10.5)
        _score_axis(left)
        left.set_ylabel(label("mean_pain_axis", lang))
        left.set_xlim(-0.6, 1.6)
        left.grid(axis="x", visible=False)
        right.axhline(0.0, color=pal.zero_line, lw=1.0, gid="zero")
        right.set_xlim(-0.8, 0.8)
        right.set_xticks([0], [label("difference", lang)])
        right.set_ylabel(label("difference_axis", lang))
        # A fixed number of ticks: the default would choose it from the axis' height, which
        # OnePassLayout assumes does not change the labels.
        right.yaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
        _decimal_axis(right.yaxis, lang)
        right.grid(axis="x", visible=False)

        reason = rt.diary_reason(check, lang) if result.n else None
        if (
            reason is not None
            or result.difference is None
            or result.high_mean_pain is None
            or result.low_mean_pain is None
            or result.median_stress is None
        ):
            left.set_xticks([])
            right.set_ylim(-1.0, 1.0)
            need = "nothing_logged" if result.n == 0 else "no_split"
            _note(left, label(need, lang) if reason is None else reason, style)
            return fig

        median = _num(result.median_stress, lang).replace(",00", "").replace(".00", "")
        means = [result.low_mean_pain, result.high_mean_pain]
        left.plot(
            [0, 1], means, ls="none", marker="o", ms=10, color=pal.stress, gid="means", zorder=3
        )
        for i, mean in enumerate(means):
            left.annotate(
                _num(mean, lang),
                (i, mean),
                xytext=(12, 0),
                textcoords="offset points",
                va="center",
            )
        left.set_xticks(
            [0, 1],
            [
                label("lower_stress", lang, median=median, n=result.low_days),
                label("higher_stress", lang, median=median, n=result.high_days),
            ],
        )

        diff = result.difference
        if result.ci95 is not None:
            lo, hi = result.ci95
            right.errorbar(
                [0],
                [diff],
                yerr=[[diff - lo], [hi - diff]],
                fmt="D",
                ms=8,
                color=pal.text,
                mfc=pal.text if result.enough_data else "none",
                elinewidth=1.8,
                capsize=6,
                gid="difference",
            )
            reach = max(abs(lo), abs(hi), abs(diff))
            text = label(
                "stats_diff", lang, d=_num(diff, lang), lo=_num(lo, lang), hi=_num(hi, lang)
            )
        else:
            right.plot([0], [diff], marker="D", ms=8, color=pal.text, gid="difference")
            reach = abs(diff)
            text = label("stats_diff_no_ci", lang, d=_num(diff, lang))
        limit = max(1.0, reach * 1.25)
        right.set_ylim(-limit, limit)
        if not result.enough_data:
            text += "\n" + label("more_days", lang, more=insights.days_needed(result.n))
        elif not result.groups_big_enough:
            text += "\n" + rt.text("chart_group_small", lang, min=MIN_GROUP_DAYS)
        _subtitle(left, text, style)
    return fig


# ---------------------------------------------------------------------------------------------
# Saving


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write `fig` to `path` in the format its suffix names: .png (at ≥200 dpi), .svg or .pdf.

    An unknown suffix is refused rather than guessed, so "report.jpg" never silently turns
    into a PNG with the wrong name.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SAVE_FORMATS:
        raise ValueError(
            f"cannot save a chart as {suffix or 'a file without suffix'!r}; "
            f"supported: {', '.join(SAVE_FORMATS)}"
        )
    kwargs: dict[str, Any] = {"format": suffix[1:], "facecolor": fig.get_facecolor()}
    if suffix == ".png":
        kwargs["dpi"] = max(MIN_PNG_DPI, float(fig.get_dpi()))
    buffer = io.BytesIO()
    fig.savefig(buffer, **kwargs)
    _replace_atomically(target, buffer.getvalue())
    return target


def _replace_atomically(target: Path, data: bytes) -> None:
    """Temp file beside `target`, fsync, rename: a full disk never leaves half a chart
    or destroys the file of that name that was there before."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def figure_to_svg_bytes(fig: Figure) -> bytes:
    """The figure as SVG, for the PDF report (vector, so it prints sharply at any size)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", facecolor=fig.get_facecolor())
    return buffer.getvalue()


def figure_to_png_bytes(fig: Figure, dpi: int = MIN_PNG_DPI) -> bytes:
    """The figure as PNG at `dpi` (at least 200, the print resolution for the report)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=max(MIN_PNG_DPI, dpi), facecolor=fig.get_facecolor())
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# On screen: one measuring pass for the layout, and text rasterised once


_WSPACE = 0.02
"""Constrained layout's default space between columns, as a fraction of the figure width."""


class OnePassLayout(LayoutEngine):
    """Constrained layout's margins from a single measurement, for charts drawn on screen.

    ConstrainedLayoutEngine measures every label twice and solves a constraint system, which
    costs a third of the time a chart takes to draw; the Insights page redraws six charts on
    every change of period. The charts here are one row of axes (with twins and a colour bar
    on the right) whose ticks never depend on the axes' size (fixed, date and MaxNLocator
    with fixed nbins), so margins measured once at the default positions are already final.
    Any other shape of figure falls back to constrained layout, so nothing is ever cut off.
    """

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(self, *, w_pad: float, h_pad: float) -> None:
        """Pads in inches around the edges and between columns, as ConstrainedLayoutEngine."""
        super().__init__()
        self._params = {"w_pad": w_pad, "h_pad": h_pad}

    def execute(self, fig: Any) -> None:
        row = _single_row(fig)
        if row is None:
            w_pad, h_pad = self._params["w_pad"], self._params["h_pad"]
            ConstrainedLayoutEngine(w_pad=w_pad, h_pad=h_pad).execute(fig)
            return
        renderer = fig._get_renderer()
        dpi = fig.dpi
        _place_row(fig, row, renderer, self._params["w_pad"] * dpi, self._params["h_pad"] * dpi)


class _Column:
    """One grid column: its axes (a twin shares the place) and its colour bar, if any."""

    def __init__(self, ratio: float) -> None:
        self.ratio = ratio
        self.axes: list[Axes] = []
        self.colorbar: Axes | None = None


def _single_row(fig: Figure) -> list[_Column] | None:
    """The figure's columns when it is one row of axes OnePassLayout can place, else None."""
    if fig.subfigs:
        return None
    for legend in fig.legends:
        if getattr(legend, "_outside_loc", None) not in (None, "lower"):
            return None
    grid = None
    columns: dict[int, _Column] = {}
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is None:
            if hasattr(ax, "_colorbar_info"):
                continue  # placed beside its parent below
            return None
        if not ax.get_in_layout():
            continue
        gs = spec.get_gridspec()
        if (grid is not None and gs is not grid) or gs.nrows != 1 or len(spec.colspan) != 1:
            return None
        grid = gs
        index = spec.colspan.start
        ratios: Sequence[float] | None = gs.get_width_ratios()  # type: ignore[assignment]
        column = columns.setdefault(index, _Column(float(ratios[index]) if ratios else 1.0))
        column.axes.append(ax)
        for bar in getattr(ax, "_colorbars", []):
            info = getattr(bar, "_colorbar_info", {})
            if column.colorbar is not None or info.get("location") != "right":
                return None
            if list(info.get("parents", [])) != [ax]:
                return None
            column.colorbar = bar
    if not columns:
        return None
    return [columns[i] for i in sorted(columns)]


def _decorations(ax: Axes, renderer: Any, active: bool = False) -> tuple[float, ...]:
    """Whole pixels that labels and ticks reach beyond the axes: left, bottom, right, top.

    Rounded up: text snaps to pixels, so the fractions depend on where the axes were and
    would move the next layout of the same chart by a pixel.
    """
    tight = ax.get_tightbbox(renderer, for_layout_only=True)
    place = ax.get_position(original=not active).transformed(ax.figure.transFigure)
    if tight is None:
        return (0.0, 0.0, 0.0, 0.0)
    reach = (place.x0 - tight.x0, place.y0 - tight.y0, tight.x1 - place.x1, tight.y1 - place.y1)
    return tuple(float(max(0, math.ceil(side - 0.01))) for side in reach)


def _reserved(fig: Figure, renderer: Any, pad: float) -> tuple[float, float]:
    """Pixels kept free below (outside legends) and above (the figure title) the axes."""
    bottom = top = pad
    for legend in fig.legends:
        if getattr(legend, "_outside_loc", None) == "lower":
            box = legend.get_tightbbox(renderer)
            bottom += (box.height if box is not None else 0.0) + 2 * pad
    title = getattr(fig, "_suptitle", None)
    if title is not None and title.get_visible() and title.get_in_layout():
        if getattr(title, "_autopos", False):
            title.set_y(1.0 - pad / fig.bbox.height)
        top += title.get_tightbbox(renderer).height + 2 * pad
    return bottom, top


def _place_row(fig: Figure, row: list[_Column], renderer: Any, w_pad: float, h_pad: float) -> None:
    """Give each column the width its labels leave free, in proportion to its width ratio."""
    width, height = fig.bbox.width, fig.bbox.height
    margins = [np.max([_decorations(ax, renderer) for ax in column.axes], axis=0) for column in row]
    bars = {
        i: _decorations(column.colorbar, renderer, active=True)
        for i, column in enumerate(row)
        if column.colorbar is not None
    }
    below, above = _reserved(fig, renderer, h_pad)
    y0 = below + max(m[1] for m in [*margins, *bars.values()])
    y1 = height - above - max(m[3] for m in [*margins, *bars.values()])
    if y1 - y0 < 0.2 * height:
        return  # a tiny figure: keep matplotlib's default places rather than collapse
    gap = 2 * max(w_pad, _WSPACE * width / 2 / len(row))  # as constrained layout pads cells
    fixed = 2 * w_pad + gap * (len(row) - 1) + sum(m[0] + m[2] for m in margins)
    shares = sum(column.ratio for column in row)
    bar_widths: dict[int, float] = {}
    for i, bar_margins in bars.items():
        info = row[i].colorbar._colorbar_info  # type: ignore[union-attr]
        bar_widths[i] = (y1 - y0) * info["shrink"] / info["aspect"]
        fixed += bar_margins[0] + bar_widths[i] + bar_margins[2]
        shares += info["pad"] * row[i].ratio
    unit = (width - fixed) / shares
    if unit * min(column.ratio for column in row) < 0.2 * width / len(row):
        return
    x = w_pad
    for i, column in enumerate(row):
        x += margins[i][0]
        inner = unit * column.ratio
        for ax in column.axes:
            ax.set_position(_fraction(fig, x, y0, inner, y1 - y0))
            ax.set_in_layout(True)  # set_position takes it out; the next draw measures again
        x += inner + margins[i][2]
        bar = column.colorbar
        if bar is not None:
            info = bar._colorbar_info  # type: ignore[attr-defined]
            x += info["pad"] * inner + bars[i][0]
            bar_height = (y1 - y0) * info["shrink"]
            bar_y = y0 + (y1 - y0 - bar_height) / 2
            bar.set_position(_fraction(fig, x, bar_y, bar_widths[i], bar_height))
            bar.set_in_layout(True)
            x += bar_widths[i] + bars[i][2]
        x += gap


def _fraction(fig: Figure, x: float, y: float, w: float, h: float) -> Bbox:
    width, height = fig.bbox.width, fig.bbox.height
    return Bbox.from_bounds(x / width, y / height, w / width, h / height)


_TEXT_CACHE_LIMIT = 2048
_text_sizes: dict[tuple[Any, ...], tuple[float, float, float]] = {}
_font_heights: dict[tuple[Any, ...], tuple[float | None, float | None, float | None]] = {}
_text_images: dict[tuple[Any, ...], tuple[npt.NDArray[np.uint8], int, int]] = {}
_text_seen: dict[tuple[Any, ...], bool] = {}
_CACHES_TEXT = hasattr(RendererAgg, "_draw_text_glyphs_and_boxes")
"""Matplotlib 3.11 and later; older versions place text images differently and draw as usual."""

_FONT_HEIGHT_TABLES = (
    ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
    ("hhea", "lineGap", "ascent", "descent"),
)


class _TextCachingRenderer(RendererAgg):
    """RendererAgg that measures and rasterises each string once per font, size and angle.

    Rasterising text glyph by glyph is about a third of the drawing time, and the same tick
    labels, axis labels and legends come back on every chart and every redraw. The grey
    coverage of a string seen before is kept and blended at the text's whole-pixel position
    (less than half a pixel from where it would be drawn otherwise). matplotlib keeps
    measurements per renderer, that is per figure, and reads the font's line metrics from
    its tables for every text it places; both are kept here for all figures.
    """

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        key = (s, hash(prop), self.dpi, ismath, _hinting())
        size = _text_sizes.get(key)
        if size is None:
            measure = super().get_text_width_height_descent
            size = measure(s, prop, ismath)  # type: ignore[no-untyped-call]
            _remember(_text_sizes, key, size)
        return size

    def _get_font_height_metrics(
        self, prop: FontProperties
    ) -> tuple[float | None, float | None, float | None]:
        """Ascent, descent and line gap of the font, as matplotlib's Text reads them."""
        key = (hash(prop), self.dpi)
        metrics = _font_heights.get(key)
        if metrics is None:
            metrics = _font_height_metrics(prop, self.dpi)
            _remember(_font_heights, key, metrics)
        return metrics

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if ismath or not _CACHES_TEXT:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        features = getattr(mtext, "get_fontfeatures", lambda: None)()
        language = getattr(mtext, "get_language", lambda: None)()
        antialiased = bool(gc.get_antialiased())
        key = (s, hash(prop), self.dpi, angle, antialiased, _hinting(), features, language)
        cached = _text_images.get(key)
        if cached is None and key not in _text_seen:
            # Seen once: drawn as usual (at the whole pixel the cache would use), since
            # rasterising it apart would cost more than drawing, and it may never return.
            _remember(_text_seen, key, True)
            draw = super().draw_text
            draw(gc, round(x), round(y), s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        if cached is None:
            cached = _rasterise(self.dpi, s, prop, angle, antialiased, mtext)
            _remember(_text_images, key, cached)
        coverage, left, top = cached
        if coverage.size:
            # The y is the image's lower edge counted downwards, as matplotlib 3.11 passes it.
            row = round(y) + top + coverage.shape[0]
            self._renderer.draw_text_image(coverage, round(x) + left, row, 0, gc)


def _hinting() -> Any:
    return get_hinting_flag()  # type: ignore[no-untyped-call]


def _font_height_metrics(
    prop: FontProperties, dpi: float
) -> tuple[float | None, float | None, float | None]:
    """matplotlib's own reading (Text._get_layout) of a font's ascent, descent and gap."""
    font = get_font(findfont(prop))
    for table_name, gap_key, ascent_key, descent_key in _FONT_HEIGHT_TABLES:
        table = font.get_sfnt_table(table_name)  # type: ignore[call-overload]
        if table is None:
            continue
        head = font.get_sfnt_table("head")
        scale = prop.get_size_in_points() * dpi / 72 / head["unitsPerEm"]  # type: ignore[index]
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return None, None, None


def _rasterise(
    dpi: float, s: str, prop: FontProperties, angle: float, antialiased: bool, mtext: Any
) -> tuple[npt.NDArray[np.uint8], int, int]:
    """A string's coverage drawn at a whole-pixel origin, cropped, and its offset from it."""
    scratch = RendererAgg(1, 1, dpi)  # type: ignore[no-untyped-call]
    measure = scratch.get_text_width_height_descent
    width, height, _descent = measure(s, prop, False)  # type: ignore[no-untyped-call]
    half = math.ceil(max(width, height)) + 8
    scratch = RendererAgg(2 * half, 2 * half, dpi)  # type: ignore[no-untyped-call]
    ink = scratch.new_gc()
    ink.set_foreground((0.0, 0.0, 0.0, 1.0))
    ink.set_antialiased(antialiased)
    scratch.draw_text(ink, half, half, s, prop, angle, False, mtext)  # type: ignore[no-untyped-call]
    ink.restore()
    alpha = np.asarray(scratch.buffer_rgba())[:, :, 3]  # type: ignore[no-untyped-call]
    rows = np.flatnonzero(alpha.any(axis=1))
    cols = np.flatnonzero(alpha.any(axis=0))
    if not rows.size:
        return np.zeros((0, 0), np.uint8), 0, 0
    crop = alpha[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1].copy()
    return crop, int(cols[0]) - half, int(rows[0]) - half


def _remember(cache: dict[tuple[Any, ...], Any], key: tuple[Any, ...], value: Any) -> None:
    if len(cache) >= _TEXT_CACHE_LIMIT:
        cache.clear()  # a new language or text size; the next charts fill it again
    cache[key] = value


class _ScreenCanvas(FigureCanvasAgg):
    """FigureCanvasAgg with the text-caching renderer."""

    def get_renderer(self) -> Any:
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        if self._lastKey != key:
            self.renderer = _TextCachingRenderer(w, h, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._lastKey = key
        return self.renderer


def draw_for_screen(fig: Figure, take: Callable[[npt.NDArray[np.uint8]], T]) -> T:
    """Draw `fig` quickly for the app's window: one-pass layout, cached text.

    `take` gets the RGBA pixels (rows, columns, 4) and returns what it makes of them; they
    are valid only during the call: a figure kept in a FigurePool draws its next picture
    into the same buffer (freeing and allocating it anew every time was tried, and left
    the process 20 MB larger: the allocator keeps such blocks instead of returning them).
    The figure keeps the one-pass layout afterwards. Files and the PDF report keep
    constrained layout and matplotlib's own text drawing.
    """
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        params = engine.get()
        fig.set_layout_engine(OnePassLayout(w_pad=params["w_pad"], h_pad=params["h_pad"]))
    canvas = fig.canvas if isinstance(fig.canvas, _ScreenCanvas) else _ScreenCanvas(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    return take(np.asarray(canvas.buffer_rgba()))  # type: ignore[no-untyped-call]
