"""Insights page behaviour: pick a period, compute in the background, show, hover, save."""

from __future__ import annotations

import gc
import math
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QLocale,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
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
    KeptFigures,
    RenderedChart,
    SessionSource,
)
from rugdiary.ui.insights.insights_view import InsightsView
from rugdiary.ui.insights.ranges import DEFAULT_RANGE, Period, RangeChoice, period_for
from rugdiary.ui.locale_dates import day_format

if TYPE_CHECKING:
    from rugdiary.ui.insights.chart_canvas import ChartCanvas
    from rugdiary.ui.insights.chart_table_dialog import ChartTableDialog

SCREEN_CHART_TEXT = 1.2
"""The charts' text on the page, over the size the PDF and a saved chart use. A chart's
10 pt at 100 dpi came out at 14 px beside the page's 16 px, and its tick labels and legend
("small") at 12 px: too small to read from a mat. At 1.2 the ticks are 14 px."""

MIN_PAIRED_DAYS = 28
"""Days with both scores before stress and pain are compared (CLINICAL.md §5)."""

CUSTOM_SETTLE_MS = 350
"""Typing a date changes it digit by digit; wait for a pause before computing."""

IDLE_COLLECT_MS = 2500
"""Quiet time after new charts before old figures are swept from memory."""

DRAWING_SWITCH_INTERVAL_S = 0.0005
"""How long the chart worker may keep Python's interpreter lock while the GUI waits for it.

The default (5 ms) is paid by every call from Qt into Python on the GUI thread while the
worker draws: painting a chart, the style, each signal. A chart then waited ~100 ms after
it was drawn before it was on screen. Set only while jobs run (process-wide, like the GIL).
"""

CLICKABLE_CHARTS: tuple[str, ...] = ("timeline", "calendar")
"""Charts on which a day can be pointed at (or chosen with the keyboard) and opened."""

DAYS_PER_STEP: dict[str, tuple[int, int]] = {"timeline": (1, 0), "calendar": (7, 1)}
"""Days one arrow key moves the chosen day, across and down: the calendar's columns are
weeks and its rows weekdays, so there Left and Right move a week and Up and Down a day."""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _chart_theme(theme: str) -> Theme:
    """The charts' theme for the app's resolved one: high contrast has its own palette."""
    return theme if theme in ("dark", "high-contrast") else "light"  # type: ignore[return-value]


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _keep_long_lived_out_of_collections() -> None:
    """Move every object alive now out of reach of Python's automatic cyclic collections.

    Drawing six charts allocates hundreds of thousands of objects, which sets off dozens of
    automatic collections; the full ones among them also walk every long-lived object (the
    ten-year diary alone is about 200,000), which cost ~140 ms of a first paint. Frozen
    objects are skipped (gc.freeze), so each collection only sees the young ones, where the
    dropped figures are. Freezing is process-wide and cheap (a list splice under the GIL),
    so the GUI thread may do it while the worker draws. Garbage frozen along with the rest
    waits for the idle sweep (InsightsController._collect), which unfreezes, collects and
    freezes again; leaving the page unfreezes for good (_collect_everything_again), so the
    rest of the app never keeps cycles longer than it would without this page.
    """
    global _frozen
    if not _frozen:  # gc.get_freeze_count() would walk every frozen object to count them
        gc.freeze()
        _frozen = True


def _collect_everything_again() -> None:
    """Undo _keep_long_lived_out_of_collections: the next full collection sees everything."""
    global _frozen
    gc.unfreeze()
    _frozen = False


_frozen = False
"""Whether this module has frozen the objects alive (gc.freeze) and not unfrozen them yet."""


def _hand_over_quickly(drawing: bool) -> None:
    """While the worker draws, let it hand the interpreter lock to the GUI thread sooner."""
    global _usual_switch_interval
    if drawing and _usual_switch_interval is None:
        _usual_switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(DRAWING_SWITCH_INTERVAL_S)
    elif not drawing and _usual_switch_interval is not None:
        sys.setswitchinterval(_usual_switch_interval)
        _usual_switch_interval = None


_usual_switch_interval: float | None = None


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
    notice = Signal(str, bool)
    """A short status message (a chart saved), as the other pages send (the bool: offer
    Undo; never here)."""

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
        self._theme: Theme = _chart_theme(theme)
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
        self.table_dialog: ChartTableDialog | None = None
        """The table last opened with "Show as table" (kept while it is open)."""
        self.dropped = 0
        """How many results arrived after a newer request had replaced them (for tests)."""
        self.hover_text = ""
        """The tooltip last shown over a day, or "" (for tests and screen readers)."""
        self._chosen: dict[str, date] = {}
        """The day chosen with the keyboard on each clickable chart."""

        # One thread: matplotlib must not build two figures at once, and a queue of one
        # job at a time is what "the newest request wins" needs anyway.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._figures = KeptFigures()
        """The charts' figures, emptied and filled again for each request (in the worker)."""

        # Each set of charts leaves ~20,000 objects in reference cycles (figures and their
        # axes) that only Python's cyclic collector frees; left to chance they pile up to
        # tens of megabytes. A full collection takes 50-100 ms, so it runs once the page has
        # been left alone for a moment, never between a click and its charts. See also
        # _keep_long_lived_out_of_collections.
        self._collect_timer = QTimer(self)
        self._collect_timer.setSingleShot(True)
        self._collect_timer.setInterval(IDLE_COLLECT_MS)
        self._collect_timer.timeout.connect(self._collect)

        self._custom_timer = QTimer(self)
        self._custom_timer.setSingleShot(True)
        self._custom_timer.setInterval(CUSTOM_SETTLE_MS)
        self._custom_timer.timeout.connect(self._on_custom_settled)

        self._limit_dates_to_today()
        view.range_combo.setCurrentIndex(view.range_combo.findData(self._choice.value))
        view.range_combo.currentIndexChanged.connect(self._on_range_chosen)
        view.from_date.dateChanged.connect(lambda _d: self._custom_timer.start())
        view.to_date.dateChanged.connect(lambda _d: self._custom_timer.start())
        view.shown.connect(self._on_shown)
        view.hidden.connect(_collect_everything_again)
        for key, card in view.cards.items():
            card.save_button.clicked.connect(lambda _checked=False, k=key: self.save_chart(k))
            card.table_button.clicked.connect(lambda _checked=False, k=key: self.show_table(k))
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
        self._theme = _chart_theme(theme)
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
            font_scale=self._text_scale(),
            device_pixel_ratio=self._device_pixel_ratio(),
            sizes={key: self._chart_size(key) for key in CHART_KEYS},
            order=self._drawing_order(),
            month_first=day_format().startswith("M"),
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
        _collect_everything_again()
        _hand_over_quickly(False)

    def wait_until_idle(self, msecs: int = 30_000) -> bool:
        """Block until the worker has finished (for shutdown and benchmarks)."""
        done = self._pool.waitForDone(msecs)
        if done:
            self._retired.clear()
        return done

    # -- background work --------------------------------------------------------------------

    def _start_job(self, request: ChartRequest | None) -> None:
        if request is not None:
            _keep_long_lived_out_of_collections()
        _hand_over_quickly(True)
        job = ChartJob(request, self.entries, self.sessions, self._is_current, self._figures)
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
        if not self._jobs:
            _hand_over_quickly(False)
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
        if self._pending() is not None:
            return
        _collect_everything_again()
        gc.collect()  # the old figures, and whatever else became garbage meanwhile
        if self.view.isVisible():
            _keep_long_lived_out_of_collections()  # what is left is alive

    def _on_stats(self, result: ChartResult) -> None:
        if result.generation != self._generation:
            return
        self._result = result  # hovering now maps to the new days
        self._apply_text(result)
        self.view.regions_card.set_counts(result.region_counts, self._lang)
        for key, card in self.view.cards.items():
            card.save_button.setEnabled(False)
            card.table_button.setEnabled(key in result.tables)
            if card.canvas is not None:
                card.canvas.set_stale(True)
                if not card.canvas.hasFocus() or key not in self._chosen:
                    card.canvas.setAccessibleDescription(self._canvas_description(key))

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
        days = (request.end - request.start).days + 1
        share = round(100 * result.days_logged / days)
        # The dates are the sentence's first words; said here too, they stood twice, one
        # line apart, before the answer.
        view.period_label.setText(
            self.tr("%1 of %2 days filled in (%3%)")
            .replace("%1", locale.toString(result.days_logged))
            .replace("%2", locale.toString(days))
            .replace("%3", locale.toString(share))
        )
        view.error.setVisible(False)
        view.sentence.setText(result.insight)
        view.set_numbers(result.numbers)
        view.caveat.setText(result.caveat)
        # With a pattern only: under "too little variation yet" it answered a question the
        # sentence had not raised. The figures are there exactly when a pattern is.
        view.caveat.setVisible(bool(result.numbers))
        needs = self._needs_text(result)
        view.needs.setText(needs)
        view.needs.setVisible(bool(needs))
        view.set_charts_visible(result.days_logged > 0)
        for key in CLICKABLE_CHARTS:
            day = self._chosen.get(key)
            if day is not None:
                self._chosen[key] = min(max(day, request.start), request.end)

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
            canvas.setAccessibleDescription(self._canvas_description(key))
            # Made long after the page, it would come last in the Tab order; after the
            # card's Save button it is where the eye expects it.
            QWidget.setTabOrder(card.save_button, canvas)
        canvas.set_background(self._figure_background())
        canvas.show_chart(chart.image, chart.logical_size, chart.plot_area)
        card.save_button.setEnabled(True)
        if key in CLICKABLE_CHARTS and canvas.marker() is not None:
            self._show_chosen(key)  # the marker follows the new picture

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
            if self.entries.oldest_day() is None:
                # The whole diary is empty: a longer period has no earlier days to show.
                return self.tr(
                    "Nothing is filled in for this period yet. As you keep the diary, your "
                    "charts appear here."
                )
            return self.tr(
                "Nothing is filled in for this period yet. As you keep the diary, your "
                "charts appear here. Try a longer period to see earlier days."
            )
        if logged < MIN_TREND_DAYS:
            # One day has its own sentence ("1 days" otherwise): Qt's %n plural needs an
            # English translation file as well, which the app does not have.
            if logged == 1:
                return self.tr(
                    "This period has 1 day filled in. A trend needs at least %1, so read "
                    "the charts below as single days for now, not yet as a trend."
                ).replace("%1", str(MIN_TREND_DAYS))
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

    def _make_canvas(self, key: str) -> ChartCanvas:
        from rugdiary.ui.insights.chart_canvas import make_canvas

        card = self.view.cards[key]
        canvas = make_canvas(card.holder, self._figure_background())
        canvas.resized.connect(self._on_canvas_resized)
        if key in CLICKABLE_CHARTS:
            canvas.setMouseTracking(True)
            canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            canvas.pointed.connect(lambda data, where, k=key: self.on_point(k, data, where))
            canvas.clicked.connect(lambda data, k=key: self.on_click(k, data))
            canvas.stepped.connect(lambda dx, dy, k=key: self.step_day(k, dx, dy))
            canvas.jumped.connect(lambda last, k=key: self.jump_day(k, last))
            canvas.activated.connect(lambda k=key: self.open_chosen_day(k))
            canvas.focusChanged.connect(lambda keys, k=key: self._on_canvas_focus(k, keys))
        return canvas

    def _on_canvas_resized(self) -> None:
        if self._result is not None and self._pending() is None:
            self.refresh()

    def _limit_dates_to_today(self) -> None:
        """No custom date after today (as on the Report page): nothing is logged there yet.

        Set again each time the page is shown, so a window left open past midnight offers
        the new day too.
        """
        today = _qdate(self.clock.now().date())
        for field in (self.view.from_date, self.view.to_date):
            field.blockSignals(True)
            field.setMaximumDate(today)
            field.blockSignals(False)

    def _on_shown(self) -> None:
        self._limit_dates_to_today()
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

    def day_text(self, day: date, *, keyboard: bool = False) -> str:
        """What a day's tooltip says: the date, its pain and stress, a flare-up if marked.

        The last line says how to open the day: by clicking, or (`keyboard`) with Enter.
        """
        result = self._result
        if result is None or result.series is None:
            return ""
        series = result.series
        index = (day - series.start).days
        locale = QLocale()
        lines = [locale.toString(_qdate(day), locale.dateFormat(QLocale.FormatType.LongFormat))]
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
        if keyboard:
            lines.append(self.tr("Press Enter to open this day in the diary"))
        else:
            lines.append(self.tr("Click to open this day in the diary"))
        return "\n".join(lines)

    def on_point(self, key: str, data: tuple[float, float] | None, where: QPoint) -> None:
        """The pointer moved over the chart `key`: show the day under it, if any."""
        canvas = self.view.cards[key].canvas
        if canvas is None:
            return
        from rugdiary.ui.insights.chart_canvas import cursor_for

        day = self.day_at(key, *data) if data is not None else None
        canvas.setCursor(cursor_for(day is not None))
        if day is None:
            self._hide_tooltip()
            return
        text = self.day_text(day)
        if text == self.hover_text:
            return
        self.hover_text = text
        QToolTip.showText(where + QPoint(12, 16), text, canvas)

    def on_click(self, key: str, data: tuple[float, float] | None) -> None:
        """A left click on the chart `key`: a day there opens in the diary."""
        day = self.day_at(key, *data) if data is not None else None
        if day is not None:
            self._chosen[key] = day  # where the arrow keys go on from
            self._hide_tooltip()
            self.openDayRequested.emit(day)

    def _hide_tooltip(self) -> None:
        if self.hover_text:
            self.hover_text = ""
            QToolTip.hideText()

    # -- choosing a day with the keyboard -------------------------------------------------

    def chosen_day(self, key: str) -> date | None:
        """The day chosen with the keyboard on the chart `key`, once it has had focus."""
        return self._chosen.get(key)

    def step_day(self, key: str, across: int, down: int) -> None:
        """Move the chosen day by arrow-key steps; it stays inside the period."""
        days_across, days_down = DAYS_PER_STEP[key]
        delta = across * days_across + down * days_down
        result = self._result
        if delta and result is not None:
            day = self._chosen.get(key, result.request.end)
            self._choose(key, day + timedelta(days=delta))

    def jump_day(self, key: str, last: bool) -> None:
        """Home and End: the period's first or last day."""
        result = self._result
        if result is not None:
            self._choose(key, result.request.end if last else result.request.start)

    def open_chosen_day(self, key: str) -> None:
        """Enter or Space: open the chosen day in the diary."""
        day = self._chosen.get(key)
        if day is not None and self._result is not None:
            self._hide_tooltip()
            self.openDayRequested.emit(day)

    def _choose(self, key: str, day: date) -> None:
        result = self._result
        if result is None or result.series is None:
            return
        self._chosen[key] = min(max(day, result.request.start), result.request.end)
        self._show_chosen(key)

    def _on_canvas_focus(self, key: str, by_keyboard: bool) -> None:
        """Tabbing to a chart marks its chosen day; leaving it takes the marker away.

        Focus from a click marks nothing: the click itself opens a day.
        """
        canvas = self.view.cards[key].canvas
        if canvas is None:
            return
        if not by_keyboard:
            canvas.set_marker(None)
            canvas.setAccessibleDescription(self._canvas_description(key))
            self._hide_tooltip()
            return
        result = self._result
        if result is not None and key not in self._chosen:
            self._chosen[key] = result.request.end  # today's end of the period: the newest day
        self._show_chosen(key)

    def _show_chosen(self, key: str) -> None:
        """Mark the chosen day, and say what it holds (tooltip and screen readers alike)."""
        canvas = self.view.cards[key].canvas
        day = self._chosen.get(key)
        if canvas is None or day is None or self._result is None:
            return
        rect = self._day_rect(key, day)
        canvas.set_marker(rect)
        text = self.day_text(day, keyboard=True)
        canvas.setAccessibleDescription(text)
        if rect is None or not canvas.isVisible():
            return
        self.hover_text = text
        where = canvas.to_widget(QPointF(rect.right(), rect.bottom())).toPoint()
        QToolTip.showText(canvas.mapToGlobal(where + QPoint(8, 8)), text, canvas)

    def _day_rect(self, key: str, day: date) -> QRectF | None:
        """Where `day` lies on the chart `key`, in logical pixels of its picture."""
        result = self._result
        canvas = self.view.cards[key].canvas
        area = canvas.plot_area() if canvas is not None else None
        if result is None or result.series is None or area is None:
            return None
        index = (day - result.request.start).days
        if key == "timeline":
            x = result.day_origin + index
            left, top = area.point_for(x - 0.5, area.y_limits[1])
            right, bottom = area.point_for(x + 0.5, area.y_limits[0])
        else:
            cell = result.request.start.weekday() + index
            monday = result.day_origin - result.request.start.weekday()
            x = monday + 7.0 * (cell // 7)
            left, top = area.point_for(x, float(cell % 7))
            right, bottom = area.point_for(x + 7.0, float(cell % 7 + 1))
        return QRectF(QPointF(left, top), QPointF(right, bottom)).normalized()

    def _canvas_description(self, key: str) -> str:
        """What screen readers hear about a chart: its numbers, explanation, keys for days."""
        text = self.view.cards[key].holder.accessibleDescription()
        table = self._result.tables.get(key) if self._result is not None else None
        if table is not None:
            text = f"{table.summary} {text}"
        if key in CLICKABLE_CHARTS:
            text += " " + self.tr(
                "Use the arrow keys to choose a day, Home and End for the first and last day, "
                "and Enter to open it in the diary."
            )
        return text

    # -- the numbers ------------------------------------------------------------------------

    def show_table(self, key: str) -> ChartTableDialog | None:
        """Open the numbers of chart `key` in a table (window-modal, without blocking)."""
        result = self._result
        table = result.tables.get(key) if result is not None else None
        if table is None:
            return None
        from rugdiary.ui.insights.chart_table_dialog import ChartTableDialog

        dialog = ChartTableDialog(table, self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "table_dialog", None))
        self.table_dialog = dialog
        dialog.open()
        return dialog

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
        from rugdiary.ui.save_folder import save_folder

        path = dialogs.choose_chart_file(self.view, save_folder() / name)
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
                .replace("%2", getattr(error, "strerror", None) or str(error)),
            )
            return None
        self.notice.emit(self.tr("Chart saved to %1").replace("%1", str(saved)), False)
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

    def _text_scale(self) -> float:
        """The charts' text on the page: SCREEN_CHART_TEXT times `_font_scale`."""
        return min(2.5, self._font_scale() * SCREEN_CHART_TEXT)

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
