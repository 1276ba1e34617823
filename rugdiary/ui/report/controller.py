"""Report page behaviour: read the choices, build the PDF off the GUI thread, save and open it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices

from rugdiary.core.clock import Clock
from rugdiary.core.diary import DiaryEntry
from rugdiary.core.reminders import ReminderState
from rugdiary.core.sessions import Session, named_as_now
from rugdiary.core.sitting import SittingDay
from rugdiary.ui import dialogs
from rugdiary.ui.report.report_view import ReportView
from rugdiary.ui.save_folder import save_folder

BASELINE_DAYS = 27
"""Days before the period that are also read: the detrended correlations compare each day with
the person's own 28-day average (stats.DETREND_WINDOW_DAYS), as `summary --json` does."""

REBUILD_DELAY_MS = 400
"""Typing a name or a question rebuilds the preview once the typing pauses, not per key."""


class EntrySource(Protocol):
    """What the page reads from the diary (EntryRepository fits)."""

    def list(
        self, start: date | None = None, end: date | None = None, tag: str | None = None
    ) -> list[DiaryEntry]: ...


class SessionSource(Protocol):
    """What the page reads from the exercise sessions (SessionRepository fits)."""

    def list(self, start: date | None = None, end: date | None = None) -> list[Session]: ...


class SittingSource(Protocol):
    """Per-day sitting figures (SittingRepository fits)."""

    def list(self, start: date | None = None, end: date | None = None) -> list[SittingDay]: ...


ReportExtras = Callable[[date, date, list[DiaryEntry]], dict[str, Any]]
"""Where it hurts, own activities and logged flare-ups for a period, as build_report_pdf's
keyword arguments (`region_counts`, `activity_changes`, `flare_records`). Read on the GUI
thread like the rest; the main window makes it from its stores."""


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """One build: the period and every choice, frozen so the worker sees a consistent set."""

    start: date
    end: date
    lang: str
    patient_name: str | None
    questions: str
    include_appendix: bool


class _Signals(QObject):
    """Lives in the GUI thread; the worker emits through it, so results arrive queued."""

    done = Signal(int, object)
    failed = Signal(int, str)


class _BuildJob(QRunnable):
    """Builds the PDF in a pool thread; `generation` lets stale results be dropped."""

    def __init__(self, generation: int, work: Callable[[], bytes], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            data = self._work()
        except Exception as error:  # shown calmly on the page, never as a traceback
            self._emit(self._signals.failed, str(error) or type(error).__name__)
            return
        self._emit(self._signals.done, data)

    def _emit(self, signal: Any, payload: object) -> None:
        # The page may have gone while the report was being built: nobody is waiting
        # for it then, and an exception must not escape into Qt's thread pool.
        with contextlib.suppress(RuntimeError):
            signal.emit(self._generation, payload)


def period_for(choice: str, today: date, custom: tuple[date, date]) -> tuple[date, date]:
    """The days of a period choice: "4w" is 28 days, "3m" is 91 days (13 weeks), both ending
    today; "custom" is the chosen dates, put in order."""
    if choice == "4w":
        return today - timedelta(days=27), today
    if choice == "3m":
        return today - timedelta(days=90), today
    first, last = custom
    return (first, last) if first <= last else (last, first)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class ReportController(QObject):
    """Joins the report view to the diary, the sessions and the PDF builder.

    The diary is read on the GUI thread (storage is not shared between threads); only the
    pure `build_report_pdf` runs in the pool, one build at a time. While it runs the page
    shows a busy bar and stays responsive; a newer request makes older results obsolete.
    """

    finished = Signal()
    """A build ended, successfully or not; `pdf` holds the bytes when it succeeded."""
    failed = Signal(str)
    saved = Signal(Path)
    notice = Signal(str, bool)
    """A short status message for the window, and whether it offers undo (never, here)."""

    def __init__(
        self,
        view: ReportView,
        entries: EntrySource,
        sessions: SessionSource,
        clock: Clock,
        *,
        lang: str = "en",
        app_version: str,
        reminders: Callable[[], ReminderState | None] | None = None,
        sitting: SittingSource | None = None,
        extras: ReportExtras | None = None,
        program_names: Callable[[str], Callable[[str], str | None]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.program_names = program_names
        """For a language, a lookup of each program's name now (None: deleted program)."""
        self.view = view
        self.entries = entries
        self.reminders = reminders
        self.sitting = sitting
        self.extras = extras
        self.sessions = sessions
        self.clock = clock
        self.app_version = app_version
        self.pdf: bytes | None = None
        self.pdf_request: ReportRequest | None = None
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        """Patchable in tests, so nothing opens on the developer's desktop."""
        self._generation = 0
        self._building = False
        self._pending = False
        self._health_data_confirmed = False
        self._pending_request: ReportRequest | None = None
        self._temp_files: list[Path] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_DELAY_MS)
        self._rebuild_timer.timeout.connect(self.build)

        index = view.language.findData(lang)
        view.language.setCurrentIndex(max(index, 0))
        today = self.clock.now().date()
        view.set_dates(_qdate(today - timedelta(days=27)), _qdate(today))
        view.from_date.setMaximumDate(_qdate(today))
        view.to_date.setMaximumDate(_qdate(today))
        view.set_custom_dates_enabled(False)
        self._update_buttons()

        view.period.currentIndexChanged.connect(self._on_period_changed)
        view.from_date.dateChanged.connect(lambda _d: self.schedule_build())
        view.to_date.dateChanged.connect(lambda _d: self.schedule_build())
        view.language.currentIndexChanged.connect(lambda _i: self.schedule_build())
        view.appendix.toggled.connect(lambda _on: self.schedule_build())
        view.patient_name.textChanged.connect(lambda _t: self.schedule_build())
        view.questions.textChanged.connect(self.schedule_build)
        view.save_button.clicked.connect(self.save)
        view.open_button.clicked.connect(self.open_in_viewer)
        view.firstShown.connect(self.build)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.remove_temp_files)

    # -- reading the choices --------------------------------------------------------------------

    def request(self) -> ReportRequest:
        """The report the page's choices describe right now."""
        view = self.view
        choice = str(view.period.currentData())
        today = self.clock.now().date()
        custom = (_to_date(view.from_date.date()), _to_date(view.to_date.date()))
        start, end = period_for(choice, today, custom)
        name = view.patient_name.text().strip()
        return ReportRequest(
            start=start,
            end=end,
            lang=str(view.language.currentData()),
            patient_name=name or None,
            questions=view.questions.toPlainText().strip(),
            include_appendix=view.appendix.isChecked(),
        )

    def _on_period_changed(self, _index: int) -> None:
        choice = str(self.view.period.currentData())
        custom = choice == "custom"
        self.view.set_custom_dates_enabled(custom)
        if not custom:
            start, end = period_for(choice, self.clock.now().date(), (date.min, date.min))
            self.view.set_dates(_qdate(start), _qdate(end))
        self.schedule_build()

    # -- building -------------------------------------------------------------------------------

    @property
    def building(self) -> bool:
        return self._building

    def schedule_build(self) -> None:
        """Rebuild shortly; a report that no longer matches the choices cannot be saved."""
        self._generation += 1  # whatever is running now is out of date
        self._update_buttons()
        self._rebuild_timer.start()

    def build(self) -> None:
        """Build the report for the current choices in the pool; `finished` tells when done."""
        self._rebuild_timer.stop()
        if self._building:
            self._pending = True  # one build at a time; the newest choices follow
            self._generation += 1
            return
        request = self.request()
        self._generation += 1
        generation = self._generation
        # Storage is read here, on the GUI thread; the worker gets plain lists.
        entries = self.entries.list(request.start - timedelta(days=BASELINE_DAYS), request.end)
        sessions = self.sessions.list(request.start, request.end)
        if self.program_names is not None:
            # A session keeps the name of the day it was played; the report names each
            # program in its own language, as the app's pages do.
            sessions = named_as_now(sessions, self.program_names(request.lang))
        made = self.clock.now()
        version = self.app_version
        reminders = self.reminders() if self.reminders is not None else None
        sitting = self.sitting.list(request.start, request.end) if self.sitting is not None else []
        extras = self.extras(request.start, request.end, entries) if self.extras is not None else {}

        def work() -> bytes:
            from rugdiary.reports.pdf import build_report_pdf

            return build_report_pdf(
                entries,
                sessions,
                request.start,
                request.end,
                lang=request.lang,
                patient_name=request.patient_name,
                questions=request.questions,
                include_appendix=request.include_appendix,
                app_version=version,
                generated_at=made,
                reminders=reminders,
                sitting=sitting,
                **extras,
            )

        self._building = True
        self._pending_request = request
        self.view.set_busy(True)
        self._update_buttons()
        self._pool.start(_BuildJob(generation, work, self._signals))

    def _after_build(self) -> bool:
        """Common end of a build; True when a newer build was started instead."""
        self._building = False
        if self._pending:
            self._pending = False
            self.build()
            return True
        self.view.set_busy(False)
        self._update_buttons()
        return False

    def is_busy(self) -> bool:
        """A preview is being built, waits to be, or its first page is still being drawn
        (for screenshots and tests)."""
        return (
            self._building
            or self._pending
            or self._rebuild_timer.isActive()
            or self.view.preview_drawing()
        )

    def shutdown(self) -> None:
        """Let a report being built finish before the window goes: a worker thread still
        running Python when the process exits is torn down mid-way."""
        self._rebuild_timer.stop()
        self._pool.waitForDone()

    def _on_done(self, generation: int, data: object) -> None:
        current = generation == self._generation
        if current and isinstance(data, bytes):
            self.pdf = data
            self.pdf_request = self._pending_request
            self.view.show_pdf(data)
        if self._after_build():
            return
        if current:
            self.view.status.setText(self.tr("The report is ready."))
        self.finished.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if self._after_build():
            return
        if generation == self._generation:
            text = self.tr("The report could not be made: %1").replace("%1", message)
            self.view.status.setText(text)
            self.view.show_preview_failed(text)
            self.failed.emit(message)
        self.finished.emit()

    def _update_buttons(self) -> None:
        ready = self.pdf is not None and not self._building and self._is_current()
        self.view.save_button.setEnabled(ready)
        self.view.open_button.setEnabled(ready)

    def _is_current(self) -> bool:
        return self.pdf_request is not None and self.pdf_request == self.request()

    # -- saving and opening ---------------------------------------------------------------------

    def suggested_path(self) -> Path:
        """rugdiary-report-YYYY-MM-DD.pdf in the Documents folder (home if there is none)."""
        return save_folder() / f"rugdiary-report-{self.clock.now().date().isoformat()}.pdf"

    def _confirm_health_data(self) -> bool:
        """The health-data notice, once per page: the same person need not read it twice."""
        if self._health_data_confirmed:
            return True
        self._health_data_confirmed = dialogs.confirm_health_data_file(self.view)
        return self._health_data_confirmed

    def save(self) -> Path | None:
        """Ask where to save and write the report there; the path, or None when not saved."""
        data = self.pdf
        if data is None or not self._is_current():
            return None
        if not self._confirm_health_data():
            return None
        target = dialogs.choose_report_file(self.view, self.suggested_path())
        if target is None:
            return None
        try:
            _write_private(target, data)
        except OSError as error:
            dialogs.show_error(
                self.view,
                self.tr("The report was not saved"),
                self.tr(
                    "RugDiary could not write the file %1. Choose another folder and try again."
                    "\n\nWhat happened: %2"
                )
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return None
        self.view.status.setText(self.tr("Saved as %1").replace("%1", str(target)))
        self.notice.emit(self.tr("Report saved"), False)
        self.saved.emit(target)
        return target

    def open_in_viewer(self) -> bool:
        """Open the report in the system's PDF viewer, from a private temporary copy.

        The copy lives in a folder only this user can read and is removed when the app quits.
        """
        data = self.pdf
        if data is None or not self._is_current():
            return False
        if not self._confirm_health_data():
            return False
        folder = Path(tempfile.mkdtemp(prefix="rugdiary-report-"))
        target = folder / self.suggested_path().name
        try:
            _write_private(target, data)
        except OSError as error:
            dialogs.show_error(self.view, self.tr("The report could not be opened"), str(error))
            return False
        self._temp_files.append(target)
        opened = bool(self.open_url(QUrl.fromLocalFile(str(target))))
        if not opened:
            self.view.status.setText(
                self.tr("No PDF viewer answered. Use Save as PDF… and open the file yourself.")
            )
        return opened

    def remove_temp_files(self) -> None:
        """Delete the copies made for the PDF viewer: health data should not linger in /tmp."""
        for path in self._temp_files:
            try:
                path.unlink(missing_ok=True)
                path.parent.rmdir()
            except OSError:
                pass  # a viewer may still hold it open on Windows; the OS cleans temp later
        self._temp_files.clear()

    def wait_for_build(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for the command-line screenshot and shutdown)."""
        return self._pool.waitForDone(msecs)


def _write_private(target: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, readable by the user only (0600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".rugdiary-report-", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
