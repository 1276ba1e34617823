"""Reading, statistics and chart rendering for the Insights page, done off the GUI thread."""

from __future__ import annotations

import dataclasses
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QImage

from rugdiary.core import insights
from rugdiary.core.diary import DiaryEntry
from rugdiary.reports.chart_theme import ChartStyle, Language, Theme

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from rugdiary.core.stats import (
        Correlation,
        DailySeries,
        HighLowStress,
        LagCorrelations,
        WeekSummary,
    )

CHART_KEYS: tuple[str, ...] = ("timeline", "scatter", "lag", "weekly", "calendar", "high_low")
"""Every chart of the page, in the order the cards are shown."""

BASE_DPI = 100.0
"""Figure dots per inch at a device pixel ratio of 1: one inch is 100 logical pixels."""

MIN_TREND_DAYS = 14
"""Logged days before the timeline is read as a trend (same as reports.charts, CLINICAL §5)."""


class EntrySource(Protocol):
    """What the page reads from the diary (EntryRepository fits it)."""

    def list(self, start: date | None = None, end: date | None = None) -> Iterable[DiaryEntry]: ...

    def oldest_day(self) -> date | None: ...


class SessionSource(Protocol):
    """What the page reads about exercise sessions (SessionRepository fits it)."""

    def list(self, start: date | None = None, end: date | None = None) -> Iterable[Any]: ...


@dataclass(frozen=True, slots=True)
class ChartRequest:
    """One wish for charts: a period, a look, and the pixel size of each chart's place."""

    generation: int
    start: date
    end: date
    theme: Theme
    lang: Language
    font_scale: float
    device_pixel_ratio: float
    sizes: Mapping[str, tuple[int, int]]
    """Logical width and height in pixels per chart key; keys left out are not drawn."""
    order: tuple[str, ...] = CHART_KEYS
    """The order to draw in: the charts in view first, so they change first."""


@dataclass(frozen=True, slots=True)
class RenderedChart:
    """A figure already drawn off the GUI thread, and its pixels, ready to show."""

    figure: Figure
    image: QImage
    """The drawn figure; QImage (unlike QPixmap) may be made outside the GUI thread."""
    logical_size: tuple[int, int]


@dataclass(frozen=True, slots=True)
class ChartResult:
    """Everything the page shows for one request; `error` is set when it could not be made."""

    request: ChartRequest
    series: DailySeries | None = None
    lags: LagCorrelations | None = None
    """Within-person (detrended) correlations: what the sentence and the time-lag chart use."""
    same_day: Correlation | None = None
    """Same-day correlation of the raw daily scores: the number on the scatter chart."""
    high_low: HighLowStress | None = None
    weeks: tuple[WeekSummary, ...] = ()
    insight: str = ""
    caveat: str = ""
    days_logged: int = 0
    paired_days: int = 0
    """Days compared in the insight sentence (the within-person same-day correlation)."""
    charts: Mapping[str, RenderedChart] = field(default_factory=dict)
    day_origin: float = 0.0
    """matplotlib's x value of the first day (reports.charts.day_numbers), to map x to a day."""
    error: str | None = None

    @property
    def generation(self) -> int:
        return self.request.generation


class SupersededError(Exception):
    """Raised inside a job when a newer request has made its work pointless."""


_warm = threading.Event()


def warm_up() -> None:
    """Import the chart and statistics libraries and draw once, so later requests do not wait.

    Importing matplotlib, numpy and scipy costs about a second, and the first figure drawn
    another ~100 ms (fonts, date locators, layout code); done in the background (at idle
    after start-up, or when the page is first shown) it never delays a chart. Cheap when
    already done.
    """
    if _warm.is_set():
        return
    import matplotlib.backends.backend_qtagg  # noqa: F401 - the canvases, made later
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rugdiary.core.stats import daily_series
    from rugdiary.reports.charts import build_timeline_figure

    today = date.today()
    empty = daily_series([], today - timedelta(days=13), today)
    figure = build_timeline_figure(empty, ChartStyle(), size=(3.0, 2.0), dpi=50.0)
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    _warm.set()


def compute(
    request: ChartRequest,
    entries: EntrySource,
    sessions: SessionSource | None,
    is_current: Callable[[], bool] = lambda: True,
    on_stats: Callable[[ChartResult], None] = lambda _result: None,
    on_chart: Callable[[str, RenderedChart], None] = lambda _key, _chart: None,
) -> ChartResult:
    """Read the period, compute its statistics and draw every chart with the Agg renderer.

    Entries from DETREND_WINDOW_DAYS - 1 days before the start are read as well: they are
    the personal baseline of the within-person comparison, exactly as core.stats.build_summary
    uses them, so the sentence here and the one in `summary --json` agree. Between steps the
    job asks `is_current` and stops early once a newer request has replaced it.

    Drawing takes about 90 ms a chart, far longer than the statistics, so `on_stats` hands
    over the numbers and the sentence first and `on_chart` each chart as soon as it is
    drawn: the page changes at once, chart by chart, instead of after half a second.

    The diary is read here, in the worker, because parsing ten years of entries takes a
    quarter of a second. Reading only needs the storage's cached tables, which a write
    replaces rather than changes; an edit saved at the very same moment can at worst make
    this read fail, which the page reports and the next request repairs.
    """
    warm_up()  # here, not on the GUI thread when the first canvas is made
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rugdiary.core import stats
    from rugdiary.reports import charts

    def check() -> None:
        if not is_current():
            raise SupersededError

    lookback = request.start - timedelta(days=stats.DETREND_WINDOW_DAYS - 1)
    loaded = list(entries.list(lookback, request.end))
    done = list(sessions.list(request.start, request.end)) if sessions is not None else []
    check()
    full = stats.daily_series(loaded, lookback, request.end, done)
    series = full.between(request.start, request.end)
    n = series.n_days
    detrended = stats.lag_correlations(
        stats.deviations_from_baseline(full.pain)[-n:],
        stats.deviations_from_baseline(full.stress)[-n:],
    )
    high_low = stats.high_low_stress(series.pain, series.stress)
    weeks = stats.weekly_summaries(series)
    raw_same_day = stats.spearman(series.stress, series.pain)
    lang = request.lang
    insight = insights.stress_pain_sentence(detrended.same_day, request.start, request.end, lang)
    check()

    result = ChartResult(
        request=request,
        series=series,
        lags=detrended,
        same_day=raw_same_day,
        high_low=high_low,
        weeks=weeks,
        insight=insight,
        caveat=insights.caveat_sentence(lang),
        days_logged=series.days_logged,
        paired_days=detrended.same_day.n,
        day_origin=float(charts.day_numbers(series)[0]),
    )
    on_stats(result)
    style = ChartStyle(theme=request.theme, lang=lang, font_scale=request.font_scale)
    rendered: dict[str, RenderedChart] = {}
    dpi = BASE_DPI * request.device_pixel_ratio
    for key in request.order:
        if key not in request.sizes or series.days_logged == 0:
            continue
        width, height = request.sizes[key]
        fig = build_figure(result, key, style, size=(width / BASE_DPI, height / BASE_DPI), dpi=dpi)
        # The card shows the title as text already; on screen the figure's own would repeat it.
        title = getattr(fig, "_suptitle", None)
        if title is not None:
            title.set_visible(False)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()  # type: ignore[no-untyped-call]
        rgba = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
        rows, columns = rgba.shape[:2]
        image = QImage(rgba.data, columns, rows, 4 * columns, QImage.Format.Format_RGBA8888)
        # A copy in Qt's own memory, so the renderer can go as soon as the figure is shown.
        image = image.copy()
        image.setDevicePixelRatio(request.device_pixel_ratio)
        chart = RenderedChart(fig, image, (width, height))
        rendered[key] = chart
        on_chart(key, chart)
        check()
    return dataclasses.replace(result, charts=rendered)


def build_figure(
    result: ChartResult,
    key: str,
    style: ChartStyle,
    size: tuple[float, float] | None = None,
    dpi: float = BASE_DPI,
) -> Figure:
    """The chart `key` of `result`, built with reports.charts (shared with the PDF report).

    `size` None gives the chart's own default size for `style`, which suits a saved file
    better than the shape of the window it was seen in.
    """
    from rugdiary.reports import charts

    series, lags, same_day, high_low = result.series, result.lags, result.same_day, result.high_low
    if series is None or lags is None or same_day is None or high_low is None:
        raise ValueError("this result holds no statistics to draw")
    kw: dict[str, Any] = {"size": size, "dpi": dpi}
    if key == "timeline":
        return charts.build_timeline_figure(series, style, **kw)
    if key == "scatter":
        return charts.build_scatter_figure(series, same_day, style, **kw)
    if key == "lag":
        return charts.build_lag_figure(lags, style, **kw)
    if key == "weekly":
        return charts.build_weekly_figure(result.weeks, style, **kw)
    if key == "calendar":
        return charts.build_calendar_figure(series, style, **kw)
    if key == "high_low":
        return charts.build_high_low_figure(high_low, style, **kw)
    raise ValueError(f"no chart called {key!r}")


class _JobSignals(QObject):
    """Lives in the GUI thread; queued signals carry the results across."""

    started = Signal()
    """The job began; every job before it has fully left the pool's thread."""
    statsReady = Signal(object)
    """The ChartResult without charts: numbers and sentence, before any drawing."""
    chartReady = Signal(int, str, object)
    """generation, chart key, RenderedChart."""
    finished = Signal(object)


class ChartJob(QRunnable):
    """One request run in a thread pool; the result arrives through `signals.finished`.

    Only one job runs at a time (the pool has one thread): matplotlib keeps some state per
    process, so two figures must not be built at once. A job that a newer request has
    replaced stops at its next step and reports nothing.
    """

    def __init__(
        self,
        request: ChartRequest | None,
        entries: EntrySource,
        sessions: SessionSource | None,
        is_current: Callable[[int], bool],
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the job until its result is handled
        self.request = request
        self.signals = _JobSignals()
        self._entries = entries
        self._sessions = sessions
        self._is_current = is_current
        self.started = threading.Event()

    def run(self) -> None:
        self.started.set()
        self.signals.started.emit()
        request = self.request
        if request is None:  # a warm-up job
            try:
                warm_up()
            except Exception:  # the real request will import again and report the problem
                traceback.print_exc()
            self.signals.finished.emit(None)
            return
        try:
            result = compute(
                request,
                self._entries,
                self._sessions,
                lambda: self._is_current(request.generation),
                self.signals.statsReady.emit,
                lambda key, chart: self.signals.chartReady.emit(request.generation, key, chart),
            )
        except SupersededError:
            result = None
        except Exception as error:  # reported on the page, never lost in a thread
            traceback.print_exc()
            result = ChartResult(request=request, error=f"{type(error).__name__}: {error}")
        self.signals.finished.emit(result)
