"""Movement breaks on sitting time: the reminder service with a fake desk through a working day."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.activity import FakeActivitySource
from rugdiary.core.clock import FakeClock
from rugdiary.core.sitting import SittingDay
from rugdiary.storage.repositories import SittingRepository
from rugdiary.ui.reminders import REMINDERS_KEY, ReminderBanner, ReminderService
from rugdiary.ui.services import Services

BREAKS_ONLY = {"diary": {"enabled": False}, "breaks": {"enabled": True, "every_min": 50}}


def at(hour: int, minute: int = 0, second: int = 0, day: int = 2) -> datetime:
    """Local time on Monday 2 March 2026 (the clock fixture's day) or a later day."""
    return datetime(2026, 3, day, hour, minute, second).astimezone()


class Desk:
    def __init__(
        self,
        service: ReminderService,
        banner: ReminderBanner,
        clock: FakeClock,
        source: FakeActivitySource,
    ) -> None:
        self.service, self.banner, self.clock, self.source = service, banner, clock, source
        self.shown: list[datetime] = []
        service.reminderDue.connect(lambda due: self.shown.append(self.clock.now()))

    def run_until(
        self, end: datetime, answer: Callable[[ReminderService], None] | None = None
    ) -> None:
        """Fire the activity timer whenever it is due, as the event loop would."""
        if self.service.current() is not None and answer is not None:
            answer(self.service)
        while self.clock.now() < end:
            timer = self.service.activity_timer
            wake = self.service.activity_wakeup
            assert timer.isActive(), "breaks on: a timer always waits"
            assert wake is not None
            assert timer.isSingleShot()
            if wake > end:
                self.clock.advance((end - self.clock.now()).total_seconds())
                return
            self.clock.advance((wake - self.clock.now()).total_seconds())
            self.service.check_activity()
            if self.service.current() is not None and answer is not None:
                answer(self.service)


@pytest.fixture
def desk(qtbot: QtBot, services: Services, clock: FakeClock) -> Iterator[Desk]:
    services.settings.set(REMINDERS_KEY, BREAKS_ONLY)
    source = FakeActivitySource(clock)
    service = ReminderService(
        services.settings,
        services.entries,
        clock,
        activity=lambda: source,
        sitting=SittingRepository(services.db),
    )
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    service.bind_banner(banner)
    service.start()
    yield Desk(service, banner, clock, source)
    service.stop()


def test_the_service_uses_the_source_and_not_the_clock_schedule(desk: Desk) -> None:
    assert desk.service.activity_name() == "fake"
    assert desk.service.scheduler.clock_breaks is False
    assert desk.service.activity_timer.isActive()
    assert not desk.service.timer.isActive() or desk.service.timer.remainingTime() > 0


def test_a_working_day_on_the_service(desk: Desk, services: Services) -> None:
    src = desk.source
    src.sit(at(9), at(12))
    src.sit(at(12, 45), at(13))
    src.lock(at(13), at(13, 10))
    src.sit(at(13, 10), at(17))
    src.full_screen(at(14, 30), at(15, 30))

    def take(service: ReminderService) -> None:
        service.do_now()

    desk.run_until(at(9, 49))
    assert desk.shown == []
    assert not desk.banner.isVisibleTo(desk.banner.parentWidget() or desk.banner)
    desk.run_until(at(9, 50))
    assert desk.shown == [at(9, 50)]
    assert desk.banner.message.text() == "Time to get up and move: a 3-minute desk break?"
    desk.run_until(at(9, 55), lambda service: service.skip())
    desk.run_until(at(11, 55), take)
    # Skipped at 09:50 → 10:40 (taken) → 11:30 (taken).
    assert desk.shown == [at(9, 50), at(10, 40), at(11, 30)]

    desk.run_until(at(12, 44), take)
    assert desk.shown[-1] == at(11, 30), "nothing while away for lunch"
    desk.run_until(at(13, 55), take)
    # Back at 12:45, locked 13:00-13:10: both restart the count; 13:10 + 50 = 14:00.
    assert desk.shown[-1] == at(11, 30), "no stale break after lunch or the lock"
    desk.run_until(at(14, 1), take)
    # The return is seen at the minute's sample, so the count starts up to a minute early.
    assert at(13, 59) <= desk.shown[-1] <= at(14, 0)
    desk.run_until(at(15, 29), take)
    assert desk.shown[-1] <= at(14, 0), "held during the full-screen hour (due 14:50)"
    desk.run_until(at(15, 31), take)
    assert desk.shown[-1] == at(15, 30), "offered right after it"
    desk.run_until(at(17, 5), take)
    desk.service.stop()

    stored = SittingRepository(services.db).list(date(2026, 3, 2), date(2026, 3, 2))
    assert len(stored) == 1
    day = stored[0]
    assert (day.skipped, day.natural) == (1, 2)
    assert day.taken == len(desk.shown) - 1
    # 09:00-12:00, 12:45-13:00 and 13:10-17:00 are 425 minutes, to the minute of sampling.
    assert 420 <= day.active_min <= 430
    # Counted in the reminder answers too, as before.
    counts = desk.service.scheduler.week_counts(date(2026, 3, 2))["movement"]
    assert (counts.done, counts.skipped) == (day.taken, 1)


def test_a_waiting_break_goes_when_the_person_leaves(desk: Desk) -> None:
    desk.source.sit(at(9), at(9, 52))
    desk.run_until(at(9, 51))
    assert desk.service.current() is not None
    desk.run_until(at(10, 0))
    assert desk.service.current() is None, "away: the banner does not wait for them"
    assert not desk.banner.isVisible()


def test_a_lock_signal_is_acted_on_at_once(desk: Desk) -> None:
    desk.source.sit(at(9), at(9, 51))
    desk.run_until(at(9, 51))
    assert desk.service.current() is not None
    desk.source.lock(at(9, 51), at(10))
    desk.source.signal_lock_change()
    assert desk.service.current() is None


def test_a_source_that_stops_answering_falls_back_to_the_clock(desk: Desk, qtbot: QtBot) -> None:
    desk.source.sit(at(9), at(17))
    desk.run_until(at(9, 10))
    desk.source.available = False
    with qtbot.waitSignal(desk.service.activityChanged):
        desk.service.check_activity()
    assert desk.service.activity_name() is None
    assert desk.service.activity_missing
    assert desk.service.scheduler.clock_breaks
    assert not desk.service.activity_timer.isActive()
    assert desk.service.timer.isActive(), "the clock schedule took over"


def test_no_source_here_means_the_clock_schedule(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    services.settings.set(REMINDERS_KEY, BREAKS_ONLY)
    service = ReminderService(services.settings, services.entries, clock, activity=lambda: None)
    service.start()
    try:
        assert service.activity_missing
        assert service.scheduler.clock_breaks
        clock.set(at(9, 50))
        service.on_timer()
        assert service.current() is not None
        assert service.current().kind == "movement"
    finally:
        service.stop()


def test_no_source_is_looked_for_while_breaks_are_off(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    asked: list[int] = []

    def factory() -> None:
        asked.append(1)

    service = ReminderService(services.settings, services.entries, clock, activity=factory)
    service.start()
    try:
        assert asked == []
        assert not service.activity_timer.isActive()
    finally:
        service.stop()


def test_sitting_figures_merge_per_day(services: Services) -> None:
    repo = SittingRepository(services.db)
    repo.add([SittingDay(date(2026, 3, 2), active_s=600, longest_s=600, taken=1)])
    repo.add(
        [
            SittingDay(date(2026, 3, 2), active_s=1200, longest_s=900, natural=1),
            SittingDay(date(2026, 3, 3), active_s=60, longest_s=60),
        ]
    )
    days = repo.list()
    assert [d.day for d in days] == [date(2026, 3, 2), date(2026, 3, 3)]
    assert (days[0].active_s, days[0].longest_s, days[0].taken, days[0].natural) == (
        1800,
        900,
        1,
        1,
    )
    assert repo.list(date(2026, 3, 3)) == [days[1]]
    stored = services.db.read_tables()["sitting"]
    assert all(
        set(doc) <= {"day", "active_s", "longest_s", "taken", "skipped", "postponed", "natural"}
        for doc in stored.values()
    ), "durations and counts only"


def test_a_break_hidden_by_a_pause_comes_back_after_it(desk: Desk) -> None:
    desk.source.sit(at(9), at(17))
    desk.run_until(at(9, 50))
    assert desk.service.current() is not None
    desk.service.pause_not_now()
    assert desk.service.current() is None
    desk.run_until(at(10, 49))
    assert desk.shown == [at(9, 50)], "nothing during the hour's pause"
    desk.run_until(at(10, 56))
    assert len(desk.shown) == 2, "still sitting after the pause: the break comes again"
    assert at(10, 50) <= desk.shown[1] <= at(10, 55)


def test_sleep_resume_drops_the_waiting_break_and_counts_a_natural_one(
    desk: Desk, services: Services
) -> None:
    desk.source.sit(at(9), at(9, 51))
    desk.source.sit(at(11), at(12))
    desk.run_until(at(9, 50))
    assert desk.service.current() is not None, "the 09:50 break waits in the banner"
    # The lid closes; the wall clock jumps to 11:00 and the monotonic clock stands still.
    desk.clock.set(at(11))
    desk.service._on_application_state(Qt.ApplicationState.ApplicationActive)
    assert desk.service.current() is None, "nothing stale after waking up"
    desk.run_until(at(11, 45))
    assert desk.shown == [at(9, 50)]
    desk.service.stop()
    day = SittingRepository(services.db).list()[0]
    assert day.natural == 1


def test_left_running_overnight_the_next_morning_starts_afresh(
    desk: Desk, services: Services
) -> None:
    desk.source.sit(at(9), at(17, 30))
    desk.source.sit(at(9, 0, day=3), at(12, 0, day=3))
    desk.run_until(at(16, 55), lambda service: service.do_now())
    shown_monday = list(desk.shown)
    desk.run_until(at(9, 30, day=3), lambda service: service.do_now())
    assert desk.shown == shown_monday, "nothing in the evening, at night or first thing"
    desk.run_until(at(9, 51, day=3), lambda service: service.do_now())
    assert desk.shown[-1] == at(9, 50, day=3)
    desk.service.stop()
    monday, tuesday = SittingRepository(services.db).list()
    assert (monday.day.day, tuesday.day.day) == (2, 3)
    assert 470 <= monday.active_min <= 480
    assert 45 <= tuesday.active_min <= 55


def test_a_delayed_look_for_the_source_holds_breaks_until_it_is_done(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    """The app's launch: the source is looked for after the window is up, not in start()."""
    services.settings.set(REMINDERS_KEY, BREAKS_ONLY)
    source = FakeActivitySource(clock)
    source.sit(at(8), at(12))
    asked: list[bool] = []

    def factory() -> FakeActivitySource:
        asked.append(True)
        return source

    service = ReminderService(
        services.settings, services.entries, clock, activity=factory, detect_delay_ms=50
    )
    clock.set(at(9, 50))  # a clock break would be due now
    service.start()
    try:
        assert asked == [], "not looked for during start()"
        assert service.detect_timer.isActive()
        assert service.scheduler.clock_breaks is False, "breaks wait for the look"
        assert service.current() is None
        with qtbot.waitSignal(service.activityChanged, timeout=5000):
            pass
        assert asked == [True]
        assert service.activity_name() == "fake"
        assert service.scheduler.clock_breaks is False
        assert service.activity_timer.isActive(), "sitting time is sampled from now on"
        assert service.current() is None, "no break on the clock before sitting time took over"
        service.reload()  # the Settings page saved: no second look, no second delay
        assert asked == [True]
        assert not service.detect_timer.isActive()
    finally:
        service.stop()


def test_a_delayed_look_that_finds_nothing_hands_breaks_to_the_clock(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    services.settings.set(REMINDERS_KEY, BREAKS_ONLY)
    service = ReminderService(
        services.settings, services.entries, clock, activity=lambda: None, detect_delay_ms=50
    )
    clock.set(at(9, 50))
    service.start()
    try:
        assert service.current() is None
        with qtbot.waitSignal(service.reminderDue, timeout=5000) as shown:
            pass
        assert service.activity_missing
        assert service.scheduler.clock_breaks
        assert shown.args[0].kind == "movement", "the clock's 09:50 break, once the look is done"
        assert service.timer.isActive()
    finally:
        service.stop()


def test_breaks_switched_off_before_the_delayed_look_cancel_it(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    services.settings.set(REMINDERS_KEY, BREAKS_ONLY)
    asked: list[bool] = []

    def factory() -> None:
        asked.append(True)

    service = ReminderService(
        services.settings, services.entries, clock, activity=factory, detect_delay_ms=50
    )
    service.start()
    try:
        assert service.detect_timer.isActive()
        off = service.settings.to_dict()
        off["breaks"]["enabled"] = False
        service.store.set(REMINDERS_KEY, off)
        service.reload()
        assert not service.detect_timer.isActive()
        service.stop()
        service.detect_activity()  # a late timer after stop() does nothing
        assert asked == []
    finally:
        service.stop()
