"""Reading, statistics and chart rendering for the Insights page, done off the GUI thread."""

from __future__ import annotations

import dataclasses
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QImage

from rugdiary.core import insights
from rugdiary.core.body_regions import region_counts
from rugdiary.core.diary import DiaryEntry
from rugdiary.reports.chart_theme import ChartStyle, Language, Theme

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from matplotlib.figure import Figure

    from rugdiary.core.stats import (
        Correlation,
        DailySeries,
        HighLowStress,
        LagCorrelations,
        WeekSummary,
    )
    from rugdiary.reports.chart_tables import ChartTable
    from rugdiary.reports.charts import FigurePool

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
    month_first: bool = False
    """The locale writes the month before the day (US English): the sentence does too."""


@dataclass(frozen=True, slots=True)
class PlotArea:
    """Where a chart's main axes lie in its picture, and the data values at their edges.

    Enough to turn a point on the picture into data coordinates and back (the axes are
    linear), so the page can tell which day is pointed at without keeping the figure.
    """

    left: float
    top: float
    width: float
    height: float
    """Logical pixels, from the picture's top-left corner."""
    x_limits: tuple[float, float]
    """Data x at the left and the right edge."""
    y_limits: tuple[float, float]
    """Data y at the bottom and the top edge (top below bottom on an inverted axis)."""

    def data_at(self, x: float, y: float) -> tuple[float, float] | None:
        """Data coordinates of the picture point (x, y), or None outside the axes."""
        fx = (x - self.left) / self.width if self.width > 0 else -1.0
        fy = (self.top + self.height - y) / self.height if self.height > 0 else -1.0
        if not (0.0 <= fx <= 1.0 and 0.0 <= fy <= 1.0):
            return None
        (x0, x1), (y0, y1) = self.x_limits, self.y_limits
        return x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)

    def point_for(self, x: float, y: float) -> tuple[float, float]:
        """The picture point (logical pixels) of data coordinates (x, y)."""
        (x0, x1), (y0, y1) = self.x_limits, self.y_limits
        fx = (x - x0) / (x1 - x0) if x1 != x0 else 0.0
        fy = (y - y0) / (y1 - y0) if y1 != y0 else 0.0
        return self.left + fx * self.width, self.top + (1.0 - fy) * self.height


@dataclass(frozen=True, slots=True)
class RenderedChart:
    """A chart drawn off the GUI thread: its pixels, and where its data lie in them.

    The figure itself is not kept: each one holds thousands of objects in reference cycles,
    which would only wait for the garbage collector once shown.
    """

    image: QImage
    """The drawn figure; QImage (unlike QPixmap) may be made outside the GUI thread."""
    logical_size: tuple[int, int]
    plot_area: PlotArea


@dataclass(frozen=True, slots=True)
class ChartResult:
    """Everything the page shows for one request; `error` is set when it could not be made."""

    request: ChartRequest
    series: DailySeries | None = None
    lags: LagCorrelations | None = None
    """Within-person (detrended) correlations: what the sentence and the time-lag chart use."""
    same_day: Correlation | None = None
    """Same-day correlation of the raw daily scores: the number on the scatter chart."""
    check: insights.DiaryCheck | None = None
    """How complete and varied the diary is (stats.diary_check): the sentence, the numbers,
    the scatter, the lag and the higher/lower-stress chart follow the same rules for
    describing a pattern."""
    high_low: HighLowStress | None = None
    weeks: tuple[WeekSummary, ...] = ()
    insight: str = ""
    numbers: str = ""
    """The figures behind `insight`, for the details line people can open; "" when none."""
    caveat: str = ""
    days_logged: int = 0
    paired_days: int = 0
    """Days compared in the insight sentence (the within-person same-day correlation)."""
    charts: Mapping[str, RenderedChart] = field(default_factory=dict)
    tables: Mapping[str, ChartTable] = field(default_factory=dict)
    """Each chart's numbers (reports.chart_tables): its text alternative and its table."""
    region_counts: Mapping[str, int] = field(default_factory=dict)
    """Entries in the period that marked each body-map region (core.body_regions)."""
    day_origin: float = 0.0
    """matplotlib's x value of the first day (reports.charts.day_numbers), to map x to a day."""
    error: str | None = None

    @property
    def generation(self) -> int:
        return self.request.generation


class SupersededError(Exception):
    """Raised inside a job when a newer request has made its work pointless."""


_warm = threading.Event()

_DRAW_LOCK = threading.Lock()
"""Held while a figure is built and drawn: the app's background warm-up (ui.app) may run in
its own thread while the page's first job starts, and two threads must not draw at once."""


class KeptFigures:
    """The figures one page draws its charts in, kept from one request to the next.

    Holds a reports.charts.FigurePool, made on first use so that matplotlib is imported
    in the worker. Jobs run one at a time; should two ever overlap, the second draws in
    new figures instead of waiting.
    """

    def __init__(self) -> None:
        self._pool: FigurePool | None = None
        self._lock = threading.Lock()

    @contextmanager
    def pool(self) -> Iterator[FigurePool | None]:
        """The pool for the duration of one job, or None while another job holds it."""
        if not self._lock.acquire(blocking=False):
            yield None
            return
        try:
            if self._pool is None:
                from rugdiary.reports.charts import FigurePool

                self._pool = FigurePool()
            yield self._pool
        finally:
            self._lock.release()


def warm_up() -> None:
    """Import the chart and statistics libraries and draw once, so later requests do not wait.

    Importing matplotlib, numpy and scipy costs about a second, and the first figure drawn
    another ~100 ms (fonts, date locators, layout code); done in the background (at idle
    after start-up, or when the page is first shown) it never delays a chart. Drawing all
    six kinds of chart here as well was tried: it saved the first request little and kept
    9 MB more. Cheap when already done.
    """
    if _warm.is_set():
        return
    from rugdiary.core.stats import daily_series
    from rugdiary.reports.charts import build_timeline_figure, draw_for_screen

    today = date.today()
    empty = daily_series([], today - timedelta(days=13), today)
    with _DRAW_LOCK:
        if _warm.is_set():  # another thread warmed up while this one imported
            return
        figure = build_timeline_figure(empty, ChartStyle(), size=(3.0, 2.0), dpi=50.0)
        draw_for_screen(figure, lambda _pixels: None)
        _warm.set()


def compute(
    request: ChartRequest,
    entries: EntrySource,
    sessions: SessionSource | None,
    is_current: Callable[[], bool] = lambda: True,
    on_stats: Callable[[ChartResult], None] = lambda _result: None,
    on_chart: Callable[[str, RenderedChart], None] = lambda _key, _chart: None,
    kept: KeptFigures | None = None,
) -> ChartResult:
    """Read the period, compute its statistics and draw every chart with the Agg renderer.

    Entries from DETREND_WINDOW_DAYS - 1 days before the start are read as well: they are
    the personal baseline of the within-person comparison, exactly as core.stats.build_summary
    uses them, so the sentence here and the one in `summary --json` agree. Between steps the
    job asks `is_current` and stops early once a newer request has replaced it.

    Drawing takes about 30 ms a chart, far longer than the statistics, so `on_stats` hands
    over the numbers and the sentence first and `on_chart` each chart as soon as it is
    drawn: the page changes at once, chart by chart. With `kept`, the figures of the
    previous request are emptied and drawn in again (reports.charts.FigurePool).

    The diary is read here, in the worker, because parsing ten years of entries takes a
    quarter of a second. Reading only needs the storage's cached tables, which a write
    replaces rather than changes; an edit saved at the very same moment can at worst make
    this read fail, which the page reports and the next request repairs.
    """
    from rugdiary.core import stats

    def check() -> None:
        if not is_current():
            raise SupersededError

    lookback = request.start - timedelta(days=stats.DETREND_WINDOW_DAYS - 1)
    loaded = list(entries.list(lookback, request.end))
    done = list(sessions.list(request.start, request.end)) if sessions is not None else []
    check()
    result = _statistics(request, loaded, done, check)
    on_stats(result)
    with kept.pool() if kept is not None else nullcontext(None) as pool:
        rendered = _draw_charts(result, pool, on_chart, check)
    return dataclasses.replace(result, charts=rendered)


def _statistics(
    request: ChartRequest,
    loaded: list[DiaryEntry],
    done: list[Any],
    check: Callable[[], None],
) -> ChartResult:
    """Numbers and sentences of the period from its entries (and those of the lookback)."""
    from rugdiary.core import stats
    from rugdiary.reports import chart_tables, charts

    lookback = request.start - timedelta(days=stats.DETREND_WINDOW_DAYS - 1)
    full = stats.daily_series(loaded, lookback, request.end, done)
    series = full.between(request.start, request.end)
    n = series.n_days
    detrended = stats.lag_correlations(
        stats.deviations_from_baseline(full.pain)[-n:],
        stats.deviations_from_baseline(full.stress)[-n:],
    )
    high_low = stats.high_low_stress(series.pain, series.stress)
    weeks = stats.weekly_summaries(series)
    # As build_summary's "correlation" block: the interval allows for day-to-day carry-over.
    raw_same_day = stats.daily_spearman(series.stress, series.pain)
    diary = stats.diary_check(series)
    lang = request.lang
    insight = insights.stress_pain_sentence(
        detrended.same_day,
        request.start,
        request.end,
        lang,
        check=diary,
        month_first=request.month_first,
    )
    check()
    tables = {
        key: chart_tables.chart_table(
            key,
            series=series,
            lags=detrended,
            same_day=raw_same_day,
            high_low=high_low,
            weeks=weeks,
            lang=lang,
            check=diary,
        )
        for key in chart_tables.TABLE_KEYS
    }
    check()
    return ChartResult(
        request=request,
        series=series,
        lags=detrended,
        same_day=raw_same_day,
        check=diary,
        high_low=high_low,
        weeks=weeks,
        insight=insight,
        numbers=insights.numbers_line(detrended.same_day, lang, check=diary) or "",
        caveat=insights.caveat_sentence(lang),
        days_logged=series.days_logged,
        paired_days=detrended.same_day.n,
        tables=tables,
        region_counts=region_counts(loaded, request.start, request.end),
        day_origin=float(charts.day_numbers(series)[0]),
    )


def _draw_charts(
    result: ChartResult,
    pool: FigurePool | None,
    on_chart: Callable[[str, RenderedChart], None],
    check: Callable[[], None],
) -> dict[str, RenderedChart]:
    """Draw the charts of `result` in the request's order, handing each over when done."""
    from rugdiary.reports import charts

    request = result.request
    style = ChartStyle(theme=request.theme, lang=request.lang, font_scale=request.font_scale)
    rendered: dict[str, RenderedChart] = {}
    dpi = BASE_DPI * request.device_pixel_ratio
    for key in request.order:
        if key not in request.sizes or result.days_logged == 0:
            continue
        width, height = request.sizes[key]
        size = (width / BASE_DPI, height / BASE_DPI)
        with _DRAW_LOCK:
            fig = build_figure(result, key, style, size=size, dpi=dpi, pool=pool)
            # The card shows the title as text already; on screen the figure's own would
            # repeat it.
            title = getattr(fig, "_suptitle", None)
            if title is not None:
                title.set_visible(False)
            image = charts.draw_for_screen(fig, _image_of)
        image.setDevicePixelRatio(request.device_pixel_ratio)
        chart = RenderedChart(image, (width, height), _plot_area(fig, request.device_pixel_ratio))
        rendered[key] = chart
        on_chart(key, chart)
        check()
    return rendered


def _image_of(rgba: npt.NDArray[np.uint8]) -> QImage:
    """The renderer's pixels copied into Qt's own memory, as the renderer reuses its buffer.

    Without the alpha channel: charts are opaque, and six of them take a quarter less
    memory (about 2 MB) while painting just as fast.
    """
    rows, columns = rgba.shape[:2]
    image = QImage(rgba.data, columns, rows, 4 * columns, QImage.Format.Format_RGBA8888)
    return image.convertToFormat(QImage.Format.Format_RGB888)


def _plot_area(fig: Figure, device_pixel_ratio: float) -> PlotArea:
    """The main axes' place in the drawn picture, in logical pixels from the top left."""
    ax = fig.axes[0]
    box = ax.get_window_extent()
    height = fig.bbox.height
    ratio = device_pixel_ratio
    return PlotArea(
        left=box.x0 / ratio,
        top=(height - box.y1) / ratio,
        width=box.width / ratio,
        height=box.height / ratio,
        x_limits=(float(ax.get_xlim()[0]), float(ax.get_xlim()[1])),
        y_limits=(float(ax.get_ylim()[0]), float(ax.get_ylim()[1])),
    )


def build_figure(
    result: ChartResult,
    key: str,
    style: ChartStyle,
    size: tuple[float, float] | None = None,
    dpi: float = BASE_DPI,
    pool: FigurePool | None = None,
) -> Figure:
    """The chart `key` of `result`, built with reports.charts (shared with the PDF report).

    `size` None gives the chart's own default size for `style`, which suits a saved file
    better than the shape of the window it was seen in. With a `pool` the figure is the
    one drawn last time for this chart, emptied and filled again.
    """
    from rugdiary.reports import charts

    series, lags, same_day, high_low = result.series, result.lags, result.same_day, result.high_low
    if series is None or lags is None or same_day is None or high_low is None:
        raise ValueError("this result holds no statistics to draw")
    kw: dict[str, Any] = {"size": size, "dpi": dpi, "pool": pool}
    if key == "timeline":
        return charts.build_timeline_figure(series, style, **kw)
    if key == "scatter":
        return charts.build_scatter_figure(series, same_day, style, check=result.check, **kw)
    if key == "lag":
        return charts.build_lag_figure(lags, style, check=result.check, **kw)
    if key == "weekly":
        return charts.build_weekly_figure(result.weeks, style, **kw)
    if key == "calendar":
        return charts.build_calendar_figure(series, style, **kw)
    if key == "high_low":
        return charts.build_high_low_figure(high_low, style, check=result.check, **kw)
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
        kept: KeptFigures | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the job until its result is handled
        self.request = request
        self.signals = _JobSignals()
        self._entries = entries
        self._sessions = sessions
        self._is_current = is_current
        self._kept = kept
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
                self._kept,
            )
        except SupersededError:
            result = None
        except Exception as error:  # reported on the page, never lost in a thread
            traceback.print_exc()
            result = ChartResult(request=request, error=f"{type(error).__name__}: {error}")
        self.signals.finished.emit(result)
