"""Insights page behaviour: pick a period, compute in the background, show, hover, save."""

from __future__ import annotations

import gc
import math
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QObject, QPoint, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QWidget

from rugdiary.core.clock import Clock
from rugdiary.reports.chart_theme import ChartStyle, Language, Theme
from rugdiary.ui import dialogs
from rugdiary.ui.insights.chart_jobs import (
    CHART_KEYS,
    MIN_TREND_DAYS,
    ChartJob,
    ChartRequest,
    ChartResult,
    EntrySource,
    RenderedChart,
    SessionSource,
)
from rugdiary.ui.insights.insights_view import InsightsView
from rugdiary.ui.insights.ranges import DEFAULT_RANGE, Period, RangeChoice, period_for

if TYPE_CHECKING:
    from matplotlib.backend_bases import Event

MIN_PAIRED_DAYS = 28
"""Days with both scores before stress and pain are compared (CLINICAL.md §5)."""

CUSTOM_SETTLE_MS = 350
"""Typing a date changes it digit by digit; wait for a pause before computing."""

IDLE_COLLECT_MS = 2500
"""Quiet time after new charts before old figures are swept from memory."""

CLICKABLE_CHARTS: tuple[str, ...] = ("timeline", "calendar")
"""Charts on which a day can be pointed at and opened."""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _score(value: float) -> str:
    """A day's mean score: whole numbers stay whole, means of several entries get one decimal."""
    if math.isclose(value, round(value)):
        return QLocale().toString(round(value))
    return QLocale().toString(value, "f", 1)


class InsightsController(QObject):
    """Joins the Insights view to the diary, a clock and a background chart worker.

    Every change of period asks for new charts with a higher generation number; a result
    from an older generation is dropped when it arrives, so quick changes never show an
    out-of-date chart. All reading, statistics and drawing happen in one worker thread; the
    GUI thread only puts finished pictures on screen.
    """

    chartsReady = Signal(object)
    """A new ChartResult is on screen (also when nothing was logged, or on an error)."""

    openDayRequested = Signal(object)
    """The person clicked a day (a datetime.date) on the timeline or the calendar."""

    chartShown = Signal(str)
    """One chart (its key) of the newest request is on screen; the rest may follow."""

    busyChanged = Signal(bool)

    def __init__(
        self,
        view: InsightsView,
        entries: EntrySource,
        sessions: SessionSource | None,
        clock: Clock,
        *,
        theme: str = "light",
        lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.entries = entries
        self.sessions = sessions
        self.clock = clock
        self._theme: Theme = "dark" if theme == "dark" else "light"
        self._lang: Language = "nl" if lang == "nl" else "en"
        self._choice = DEFAULT_RANGE
        self._custom: tuple[date, date] | None = None
        self._generation = 0
        self._closed = False
        self._shown_once = False
        self._warming = False
        self._jobs: dict[int, ChartJob] = {}
        # Finished jobs are kept until a later one starts: the pool's thread still touches a
        # job just after its result was sent, so dropping it at once could free it too early.
        self._retired: list[ChartJob] = []
        self._next_job_id = 0
        self._result: ChartResult | None = None
        self.dropped = 0
        """How many results arrived after a newer request had replaced them (for tests)."""
        self.hover_text = ""
        """The tooltip last shown over a day, or "" (for tests and screen readers)."""

        # One thread: matplotlib must not build two figures at once, and a queue of one
        # job at a time is what "the newest request wins" needs anyway.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)

        # Each set of charts leaves ~20,000 objects in reference cycles (figures and their
        # axes) that only Python's cyclic collector frees; left to chance they pile up to
        # tens of megabytes. A collection takes 50-100 ms, so it runs once the page has been
        # left alone for a moment, never between a click and its charts.
        self._collect_timer = QTimer(self)
        self._collect_timer.setSingleShot(True)
        self._collect_timer.setInterval(IDLE_COLLECT_MS)
        self._collect_timer.timeout.connect(self._collect)

        self._custom_timer = QTimer(self)
        self._custom_timer.setSingleShot(True)
        self._custom_timer.setInterval(CUSTOM_SETTLE_MS)
        self._custom_timer.timeout.connect(self._on_custom_settled)

        view.range_combo.setCurrentIndex(view.range_combo.findData(self._choice.value))
        view.range_combo.currentIndexChanged.connect(self._on_range_chosen)
        view.from_date.dateChanged.connect(lambda _d: self._custom_timer.start())
        view.to_date.dateChanged.connect(lambda _d: self._custom_timer.start())
        view.shown.connect(self._on_shown)
        for key, card in view.cards.items():
            card.save_button.clicked.connect(lambda _checked=False, k=key: self.save_chart(k))
        self._apply_scale()

    # -- public ----------------------------------------------------------------------------

    @property
    def result(self) -> ChartResult | None:
        """What the page shows now."""
        return self._result

    @property
    def choice(self) -> RangeChoice:
        return self._choice

    @property
    def busy(self) -> bool:
        return self._pending() is not None

    def period(self) -> Period:
        """The days of the chosen range, today being the clock's day."""
        today = self.clock.now().date()
        oldest = self.entries.oldest_day() if self._choice is RangeChoice.ALL else None
        custom = self._custom or (today - timedelta(days=27), today)
        return period_for(self._choice, today, oldest, custom)

    def set_range(self, choice: RangeChoice, custom: tuple[date, date] | None = None) -> None:
        """Show `choice` (with its two dates for CUSTOM) and ask for its charts."""
        view = self.view
        if custom is not None:
            self._custom = (min(custom), max(custom))
            for field, day in zip((view.from_date, view.to_date), self._custom, strict=True):
                field.blockSignals(True)
                field.setDate(_qdate(day))
                field.blockSignals(False)
        self._choice = choice
        view.range_combo.blockSignals(True)
        view.range_combo.setCurrentIndex(view.range_combo.findData(choice.value))
        view.range_combo.blockSignals(False)
        view.show_custom_dates(choice is RangeChoice.CUSTOM)
        self._refresh_if_shown()

    def set_theme(self, theme: str) -> None:
        """Redraw in "light" or "dark" (the app's resolved theme)."""
        self._theme = "dark" if theme == "dark" else "light"
        self._refresh_if_shown()

    def set_language(self, lang: str) -> None:
        """Write chart labels and the sentence in `lang` ("en" or "nl")."""
        self._lang = "nl" if lang == "nl" else "en"
        self._refresh_if_shown()

    def warm_up(self) -> None:
        """Import the chart libraries in the background, before the page is first needed.

        The main window may call this once the app is idle after start-up; the page also
        does it itself on first show (the first request imports them anyway).
        """
        if self._warming or self._jobs:
            return
        self._warming = True
        self._start_job(None)

    def refresh(self) -> None:
        """Read the diary again and redraw the chosen period; older requests are dropped."""
        self._generation += 1
        # Jobs still waiting in the queue are pointless now; the running one stops itself.
        for job_id, job in list(self._jobs.items()):
            if job.request is not None and not job.started.is_set() and self._pool.tryTake(job):
                del self._jobs[job_id]
        period = self.period()
        request = ChartRequest(
            generation=self._generation,
            start=period.start,
            end=period.end,
            theme=self._theme,
            lang=self._lang,
            font_scale=self._font_scale(),
            device_pixel_ratio=self._device_pixel_ratio(),
            sizes={key: self._chart_size(key) for key in CHART_KEYS},
            order=self._drawing_order(),
        )
        self._start_job(request)
        self._set_busy(True)

    def _refresh_if_shown(self) -> None:
        # Before the first show the cards have no size yet; showing asks for charts anyway.
        if self._shown_once:
            self.refresh()

    def is_busy(self) -> bool:
        """Charts are being computed or drawn (screenshots wait for this)."""
        return bool(self._jobs)

    def shutdown(self) -> None:
        """Finish the chart worker before the window goes, and show nothing it sends after.

        Results arrive through queued signals; one landing after the page's widgets are
        deleted would touch dead objects, and a worker still running Python when the
        process exits is torn down mid-way.
        """
        self._closed = True
        self._generation += 1  # the worker stops early at its next check
        self.wait_until_idle()

    def wait_until_idle(self, msecs: int = 30_000) -> bool:
        """Block until the worker has finished (for shutdown and benchmarks)."""
        done = self._pool.waitForDone(msecs)
        if done:
            self._retired.clear()
        return done

    # -- background work --------------------------------------------------------------------

    def _start_job(self, request: ChartRequest | None) -> None:
        job = ChartJob(request, self.entries, self.sessions, self._is_current)
        job_id = self._next_job_id
        self._next_job_id += 1
        self._jobs[job_id] = job
        job.signals.started.connect(lambda j=job: self._on_job_started(j))
        job.signals.statsReady.connect(self._on_stats)
        job.signals.chartReady.connect(self._on_chart)
        job.signals.finished.connect(lambda result, i=job_id: self._on_finished(i, result))
        self._pool.start(job)

    def _on_job_started(self, job: ChartJob) -> None:
        # One thread runs the jobs in turn, so every retired job has fully finished now.
        self._retired = [j for j in self._retired if j is job]

    def _is_current(self, generation: int) -> bool:
        # Read from the worker thread; a plain int read is safe under the GIL.
        return generation == self._generation

    def _pending(self) -> ChartJob | None:
        for job in self._jobs.values():
            if job.request is not None and job.request.generation == self._generation:
                return job
        return None

    def _on_finished(self, job_id: int, result: ChartResult | None) -> None:
        if self._closed:
            return
        job = self._jobs.pop(job_id, None)
        if job is not None:
            self._retired.append(job)
        if job is not None and job.request is None:
            self._warming = False
        if result is None:
            if job is not None and job.request is not None:
                self.dropped += 1  # stopped early: a newer request replaced it
            return
        if result.generation != self._generation:
            self.dropped += 1
            return
        if result.error is None:
            # Normally all of it is on screen already, shown piece by piece as it came.
            self._apply_text(result)
            for key, chart in result.charts.items():
                self._show_chart(key, chart)
        else:
            self._show_error(result)
        self._result = result
        self._set_busy(False)
        self._collect_timer.start()
        self.chartsReady.emit(result)

    def _collect(self) -> None:
        if self._pending() is None:
            gc.collect()

    def _on_stats(self, result: ChartResult) -> None:
        if result.generation != self._generation:
            return
        self._result = result  # hovering now maps to the new days
        self._apply_text(result)
        for card in self.view.cards.values():
            card.save_button.setEnabled(False)
            if card.canvas is not None:
                card.canvas.set_stale(True)

    def _on_chart(self, generation: int, key: str, chart: RenderedChart) -> None:
        if generation == self._generation:
            self._collect_timer.stop()
            self._show_chart(key, chart)
            self.chartShown.emit(key)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.view.is_busy():
            self.view.set_busy(busy)
            self.busyChanged.emit(busy)

    # -- showing ----------------------------------------------------------------------------

    def _apply_text(self, result: ChartResult) -> None:
        """The period, the sentence and what is still needed: everything but the charts."""
        view = self.view
        request = result.request
        locale = QLocale()
        first = locale.toString(_qdate(request.start), "d MMMM yyyy")
        last = locale.toString(_qdate(request.end), "d MMMM yyyy")
        days = (request.end - request.start).days + 1
        share = round(100 * result.days_logged / days)
        view.period_label.setText(
            self.tr("%1 to %2 · %3 of %4 days filled in (%5%)")
            .replace("%1", first)
            .replace("%2", last)
            .replace("%3", locale.toString(result.days_logged))
            .replace("%4", locale.toString(days))
            .replace("%5", locale.toString(share))
        )
        view.error.setVisible(False)
        view.sentence.setText(result.insight)
        view.caveat.setText(result.caveat)
        view.caveat.setVisible(result.paired_days >= MIN_PAIRED_DAYS)
        needs = self._needs_text(result)
        view.needs.setText(needs)
        view.needs.setVisible(bool(needs))
        view.set_charts_visible(result.days_logged > 0)

    def _show_error(self, result: ChartResult) -> None:
        view = self.view
        view.error.setText(
            self.tr(
                "The charts could not be made this time. Your diary has not changed. "
                "Choosing the period again often helps. (%1)"
            ).replace("%1", result.error or "")
        )
        view.error.setVisible(True)

    def _show_chart(self, key: str, chart: RenderedChart) -> None:
        card = self.view.cards[key]
        canvas = card.canvas
        if canvas is None:
            canvas = self._make_canvas(key)
            card.set_canvas(canvas)
        canvas.set_background(self._figure_background())
        canvas.show_chart(chart.figure, chart.image, chart.logical_size)
        card.save_button.setEnabled(True)

    def _drawing_order(self) -> tuple[str, ...]:
        """Chart keys with the cards in view first, then those below, then those above.

        Above, the nearest card comes first: scrolling back up reaches it first.
        """
        viewport = self.view.scroll_area.viewport()
        top, bottom = 0, viewport.height()
        in_view: list[str] = []
        below: list[str] = []
        above: list[str] = []
        for key, card in self.view.cards.items():
            y = card.mapTo(viewport, card.rect().topLeft()).y()
            if y + card.height() <= top:
                above.append(key)
            elif y >= bottom:
                below.append(key)
            else:
                in_view.append(key)
        return (*in_view, *below, *reversed(above))

    def _needs_text(self, result: ChartResult) -> str:
        """What is still needed before the charts can say more; "" when nothing is."""
        logged = result.days_logged
        paired = result.paired_days
        if logged == 0:
            return self.tr(
                "Nothing is filled in for this period yet. As you keep the diary, your "
                "charts appear here. Try a longer period to see earlier days."
            )
        if logged < MIN_TREND_DAYS:
            return (
                self.tr(
                    "This period has %1 days filled in. A trend needs at least %2, so read "
                    "the charts below as single days for now, not yet as a trend."
                )
                .replace("%1", str(logged))
                .replace("%2", str(MIN_TREND_DAYS))
            )
        if paired < MIN_PAIRED_DAYS:
            return (
                self.tr(
                    "The trend is shown. Comparing stress with pain needs at least %1 days "
                    "compared with your usual level; this period has %2. Until then the "
                    "comparison charts are marked as tentative."
                )
                .replace("%1", str(MIN_PAIRED_DAYS))
                .replace("%2", str(paired))
            )
        return ""

    def _make_canvas(self, key: str) -> Any:
        from rugdiary.ui.insights.chart_canvas import make_canvas

        card = self.view.cards[key]
        canvas = make_canvas(card.holder, self._figure_background())
        canvas.signals.resized.connect(self._on_canvas_resized)
        if key in CLICKABLE_CHARTS:
            canvas.connect_event("motion_notify_event", lambda e, k=key: self.on_motion(k, e))
            canvas.connect_event("button_press_event", lambda e, k=key: self.on_press(k, e))
            canvas.connect_event("figure_leave_event", lambda _e: self._hide_tooltip())
        return canvas

    def _on_canvas_resized(self) -> None:
        if self._result is not None and self._pending() is None:
            self.refresh()

    def _on_shown(self) -> None:
        if not self._shown_once:
            self._shown_once = True
        # Layout settles after the show event; measure the cards after it.
        QTimer.singleShot(0, self, self.refresh)

    def _on_range_chosen(self, index: int) -> None:
        choice = RangeChoice(self.view.range_combo.itemData(index))
        if choice is RangeChoice.CUSTOM and self._custom is None:
            current = self.period()
            self._custom = (current.start, current.end)
            for field, day in zip(
                (self.view.from_date, self.view.to_date), self._custom, strict=True
            ):
                field.blockSignals(True)
                field.setDate(_qdate(day))
                field.blockSignals(False)
        self._choice = choice
        self.view.show_custom_dates(choice is RangeChoice.CUSTOM)
        self._refresh_if_shown()

    def _on_custom_settled(self) -> None:
        view = self.view
        first = _pydate(view.from_date.date())
        last = _pydate(view.to_date.date())
        self.set_range(RangeChoice.CUSTOM, (first, last))

    # -- hovering and clicking a day ------------------------------------------------------

    def day_at(self, key: str, x: float | None, y: float | None) -> date | None:
        """The day under data coordinates (x, y) of the chart `key`, inside the period."""
        result = self._result
        if result is None or result.series is None or x is None or key not in CLICKABLE_CHARTS:
            return None
        series = result.series
        first = result.day_origin
        if key == "timeline":
            index = round(x - first)
        else:
            if y is None or not 0.0 <= y < 7.0:
                return None
            monday = first - series.start.weekday()
            index = math.floor((x - monday) / 7.0) * 7 + math.floor(y) - series.start.weekday()
        if not 0 <= index < series.n_days:
            return None
        return series.start + timedelta(days=index)

    def day_text(self, day: date) -> str:
        """What a day's tooltip says: the date, its pain and stress, a flare-up if marked."""
        result = self._result
        if result is None or result.series is None:
            return ""
        series = result.series
        index = (day - series.start).days
        locale = QLocale()
        lines = [locale.toString(_qdate(day), "dddd d MMMM yyyy")]
        count = int(series.entry_count[index])
        if count == 0:
            lines.append(self.tr("Nothing filled in"))
        else:
            lines.append(
                self.tr("Pain %1 · Stress %2")
                .replace("%1", _score(float(series.pain[index])))
                .replace("%2", _score(float(series.stress[index])))
            )
            if count > 1:
                lines.append(self.tr("Average of %1 entries").replace("%1", str(count)))
            if bool(series.flare_up[index]):
                lines.append(self.tr("Flare-up"))
        sessions = int(series.session_count[index])
        if sessions:
            lines.append(self.tr("Exercise sessions: %1").replace("%1", str(sessions)))
        lines.append(self.tr("Click to open this day in the diary"))
        return "\n".join(lines)

    def on_motion(self, key: str, event: Event) -> None:
        """matplotlib motion_notify_event: show the day under the pointer, if any."""
        canvas = self.view.cards[key].canvas
        day = self._event_day(key, event)
        if canvas is None:
            return
        from rugdiary.ui.insights.chart_canvas import cursor_for

        canvas.setCursor(cursor_for(day is not None))
        if day is None:
            self._hide_tooltip()
            return
        text = self.day_text(day)
        if text == self.hover_text:
            return
        self.hover_text = text
        QToolTip.showText(self._global_pos(canvas, event), text, canvas)

    def on_press(self, key: str, event: Event) -> None:
        """matplotlib button_press_event: a left click on a day opens it in the diary."""
        if int(getattr(event, "button", 0) or 0) != 1:
            return
        day = self._event_day(key, event)
        if day is not None:
            self._hide_tooltip()
            self.openDayRequested.emit(day)

    def _event_day(self, key: str, event: Event) -> date | None:
        canvas = self.view.cards[key].canvas
        axes = getattr(event, "inaxes", None)
        if canvas is None or axes is None or not canvas.figure.axes:
            return None
        if axes is not canvas.figure.axes[0]:  # the chart, not a legend or colour bar
            return None
        return self.day_at(key, getattr(event, "xdata", None), getattr(event, "ydata", None))

    def _hide_tooltip(self) -> None:
        if self.hover_text:
            self.hover_text = ""
            QToolTip.hideText()

    @staticmethod
    def _global_pos(canvas: QWidget, event: Event) -> QPoint:
        gui = getattr(event, "guiEvent", None)
        if gui is not None and hasattr(gui, "globalPosition"):
            point: QPoint = gui.globalPosition().toPoint()
            return point + QPoint(12, 16)
        return QCursor.pos() if canvas.underMouse() else canvas.mapToGlobal(QPoint(12, 16))

    # -- saving -----------------------------------------------------------------------------

    def save_chart(self, key: str) -> Path | None:
        """Ask where, then save the chart `key` as PNG, SVG or PDF; the path, or None.

        The file gets the chart at its own proportions with its title, in the light
        theme: saved charts are mostly printed or shown to a physiotherapist, where a
        dark background wastes ink and reads poorly.
        """
        result = self._result
        card = self.view.cards.get(key)
        if result is None or result.series is None or card is None or card.canvas is None:
            return None
        start, end = result.request.start, result.request.end
        name = f"rugdiary-{key.replace('_', '-')}-{start.isoformat()}-{end.isoformat()}.png"
        path = dialogs.choose_chart_file(self.view, Path.home() / name)
        if path is None:
            return None
        from rugdiary.reports.charts import save_figure
        from rugdiary.ui.insights.chart_jobs import build_figure

        style = ChartStyle(theme="light", lang=self._lang, font_scale=1.0)
        try:
            saved = save_figure(build_figure(result, key, style), path)
        except (OSError, ValueError) as error:
            dialogs.show_error(
                self.view,
                self.tr("The chart was not saved"),
                self.tr("RugDiary could not write %1.\n\nWhat happened: %2")
                .replace("%1", str(path))
                .replace("%2", str(error)),
            )
            return None
        return saved

    # -- measurements -----------------------------------------------------------------------

    def _font_scale(self) -> float:
        """Chart text relative to the app's 12 pt base text, so larger text reaches charts.

        Screen scaling (200%) needs nothing here: figures are drawn at 100 dpi times the
        device pixel ratio, which scales text and lines together.
        """
        points = self.view.font().pointSizeF()
        if points <= 0:
            return 1.0
        return max(0.8, min(2.5, points / 12.0))

    def _device_pixel_ratio(self) -> float:
        ratio = self.view.devicePixelRatioF()
        return ratio if ratio > 0 else 1.0

    def _chart_size(self, key: str) -> tuple[int, int]:
        holder = self.view.cards[key].holder
        return (max(holder.width(), holder.minimumWidth()), holder.height())

    def _apply_scale(self) -> None:
        scale = max(1.0, self._font_scale())
        for card in self.view.cards.values():
            card.set_chart_scale(scale)

    def _figure_background(self) -> str:
        return ChartStyle(theme=self._theme).palette.figure_bg
