"""Noticing that the date has changed while the app stays open (overnight, after a sleep)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from rugdiary.core.clock import Clock
from rugdiary.core.reminders import timer_delay_ms

DAY_CHECK_CAP = timedelta(hours=1)
"""The longest wait between two looks at the wall clock (see DayWatcher)."""

MIN_WAIT_MS = 1000
"""A timer that fires a moment early re-arms for the rest, never spins."""


class DayWatcher(QObject):
    """Says when the local date changes, so pages that show "today" can move on with it.

    One single-shot timer to just after the next midnight, never a periodic poll, and a
    look whenever the app becomes active again. Qt timers run on a monotonic clock that
    stands still while the computer sleeps, so the wait is capped at an hour: a laptop
    woken in the morning shows the new day within the hour even if nobody clicks the
    window. Every look reads the wall clock through `clock`, which tests drive (a
    FakeClock, then `check()`, as the reminder service's tests do).
    """

    dayChanged = Signal(object)
    """The new local date (a datetime.date)."""

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        now = clock.now()
        self.day: date = now.date()
        self.wakeup: datetime | None = None
        """When the timer is meant to fire, in wall-clock time (tests read it)."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # A minute late at midnight is fine; coarse timers let the system batch wake-ups.
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)
        self._arm(now)

    @Slot()
    def check(self) -> bool:
        """Look at the clock; emit dayChanged when the date moved. True when it did."""
        now = self.clock.now()
        changed = now.date() != self.day
        self.day = now.date()
        self._arm(now)
        if changed:
            self.dayChanged.emit(self.day)
        return changed

    def _arm(self, now: datetime) -> None:
        # Local midnight with its own UTC offset (a DST change may lie in between), plus a
        # second so that a timer firing on the dot does not still see yesterday.
        midnight = datetime.combine(now.date() + timedelta(days=1), time()).astimezone()
        delay = timer_delay_ms(now, midnight + timedelta(seconds=1), cap=DAY_CHECK_CAP)
        wait = max(delay or 0, MIN_WAIT_MS)
        self.wakeup = now + timedelta(milliseconds=wait)
        self.timer.start(wait)

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
