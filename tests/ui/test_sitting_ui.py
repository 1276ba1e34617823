"""Movement breaks on sitting time: the reminder service with a fake desk through a working day."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.activity import ActivitySource, CombinedSource, FakeActivitySource
from rugdiary.core.clock import FakeClock
from rugdiary.core.sitting import SittingDay
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import SittingRepository
from rugdiary.ui.activity.dbus import GnomeDoNotDisturb
from rugdiary.ui.reminders import (
    FAILURES_BEFORE_CLOCK,
    LOOK_AGAIN_MINUTES,
    REMINDERS_KEY,
    ReminderBanner,
    ReminderService,
)
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
def make_desk(qtbot: QtBot, services: Services, clock: FakeClock) -> Iterator[Callable[..., Desk]]:
    """A started service on a fake desk; `source` (the desk by default) is what it samples."""
    made: list[ReminderService] = []

    def make(
        settings: dict[str, Any] = BREAKS_ONLY,
        source: Callable[[FakeActivitySource], ActivitySource] | None = None,
        **options: Any,
    ) -> Desk:
        services.settings.set(REMINDERS_KEY, settings)
        desk_source = FakeActivitySource(clock)
        sampled = desk_source if source is None else source(desk_source)
        service = ReminderService(
            services.settings,
            services.entries,
            clock,
            activity=lambda: sampled,
            sitting=SittingRepository(services.db),
            **options,
        )
        banner = ReminderBanner()
        qtbot.addWidget(banner)
        service.bind_banner(banner)
        service.start()
        made.append(service)
        return Desk(service, banner, clock, desk_source)

    yield make
    for service in made:
        service.stop()


def stored_day(services: Services) -> SittingDay:
    days = SittingRepository(services.db).list()
    assert len(days) == 1
    return days[0]


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
    for _ in range(FAILURES_BEFORE_CLOCK - 1):
        desk.service.check_activity()
        assert desk.service.activity_name() == "fake", "a failed answer or two is put up with"
        desk.clock.advance(60)
    with qtbot.waitSignal(desk.service.activityChanged):
        desk.service.check_activity()
    assert desk.service.activity_name() is None
    assert desk.service.activity_missing
    assert desk.service.scheduler.clock_breaks
    assert not desk.service.activity_timer.isActive()
    assert desk.service.timer.isActive(), "the clock schedule took over"
    assert desk.service.look_again_timer.isActive(), "and the source is looked for again later"


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


# -------------------------------------------------------------------- fixes (review 30)


@pytest.mark.parametrize("off_min", [10, 20])
def test_breaks_off_while_one_shows_and_on_again_start_the_count_afresh(
    desk: Desk, services: Services, off_min: int
) -> None:
    desk.source.sit(at(9), at(13))  # sitting all morning, never away
    desk.run_until(at(9, 50))
    assert desk.service.current() is not None
    on = desk.service.settings
    desk.service.apply_settings(on.replace(breaks=dataclasses.replace(on.breaks, enabled=False)))
    assert desk.service.current() is None
    desk.clock.advance(off_min * 60)
    back = desk.clock.now()
    desk.service.apply_settings(on)
    desk.run_until(at(12, 30))
    assert desk.shown[:2] == [at(9, 50), back + timedelta(minutes=50)]
    desk.service.stop()
    assert stored_day(services).natural == 0, "they never left the desk"


def test_one_failed_idle_query_is_put_up_with(desk: Desk) -> None:
    """A slow D-Bus reply once (just after resume, a busy desktop) keeps sitting time on."""
    desk.source.sit(at(9), at(9, 30))
    desk.source.sit(at(11), at(11, 5))  # away 09:30-11:00, in a meeting
    desk.run_until(at(9, 20))
    desk.source.available = False
    desk.service.check_activity()
    assert desk.service.activity_name() == "fake"
    assert not desk.service.scheduler.clock_breaks
    assert desk.service.activity_wakeup == at(9, 21), "asked again in a minute"
    desk.source.available = True
    desk.run_until(at(10, 50))
    assert desk.shown == [], "no break on the clock while they are away"


def test_a_lost_source_is_looked_for_again_seldom_and_found(desk: Desk, qtbot: QtBot) -> None:
    desk.source.sit(at(9), at(17))
    desk.run_until(at(9, 10))
    desk.source.available = False
    for _ in range(FAILURES_BEFORE_CLOCK):
        desk.service.check_activity()
    assert desk.service.activity_missing
    timer = desk.service.look_again_timer
    waits = []
    for _ in range(5):
        assert timer.isActive()
        assert timer.isSingleShot()
        waits.append(timer.interval() // 60_000)
        desk.service.look_for_activity_again()  # still gone
    assert waits == [*LOOK_AGAIN_MINUTES, 60, 60], "backed off to hourly: idle stays idle"
    assert min(waits) >= 5
    desk.source.available = True
    with qtbot.waitSignal(desk.service.activityChanged):
        desk.service.look_for_activity_again()
    assert desk.service.activity_name() == "fake"
    assert not desk.service.activity_missing
    assert not desk.service.scheduler.clock_breaks
    assert not timer.isActive()
    assert desk.service.activity_timer.isActive(), "sitting time is sampled again"


def test_a_lost_source_is_looked_for_again_when_settings_are_saved(desk: Desk) -> None:
    desk.source.sit(at(9), at(17))
    desk.run_until(at(9, 10))
    desk.source.available = False
    for _ in range(FAILURES_BEFORE_CLOCK):
        desk.service.check_activity()
    assert desk.service.scheduler.clock_breaks
    desk.service.reload()
    assert desk.service.activity_missing, "still gone"
    assert desk.service.look_again_timer.isActive()
    desk.source.available = True
    desk.service.reload()
    assert desk.service.activity_name() == "fake"
    assert not desk.service.scheduler.clock_breaks
    assert not desk.service.look_again_timer.isActive()


def test_a_desk_break_started_from_the_tray_restarts_the_count(
    desk: Desk, services: Services
) -> None:
    desk.source.sit(at(9), at(9, 45))
    desk.source.sit(at(9, 49), at(12))  # back after the three-minute break
    desk.run_until(at(9, 45))
    desk.service.session_started("desk-break")  # the tray's "Start desk break"
    desk.service.session_started("desk-break")  # told again as the player starts it: one break
    desk.run_until(at(10, 30))
    assert desk.shown == [], "no break five minutes after one"
    desk.run_until(at(10, 36))
    assert desk.shown == [at(10, 35)], "fifty minutes after the desk break"
    desk.service.stop()
    assert stored_day(services).taken == 1


def test_the_break_program_played_answers_a_waiting_break(desk: Desk, services: Services) -> None:
    desk.source.sit(at(9), at(12))
    desk.run_until(at(9, 51))
    assert desk.service.current() is not None
    desk.service.session_started("core-stability-beginner")  # another program: no answer
    assert desk.service.current() is not None
    desk.service.session_started("desk-break")  # played from the Programs page
    assert desk.service.current() is None
    counts = desk.service.scheduler.week_counts(date(2026, 3, 2))["movement"]
    assert counts.done == 1
    desk.service.stop()
    assert stored_day(services).taken == 1


def test_do_it_now_and_the_program_it_starts_count_one_break(
    desk: Desk, services: Services
) -> None:
    # The window starts the program "Do it now" asks for, and tells the service.
    desk.service.doNowRequested.connect(lambda due: desk.service.session_started(due.program_id))
    desk.source.sit(at(9), at(12))
    desk.run_until(at(9, 50))
    desk.service.do_now()
    counts = desk.service.scheduler.week_counts(date(2026, 3, 2))["movement"]
    assert counts.done == 1
    desk.service.stop()
    assert stored_day(services).taken == 1


def test_a_failed_sitting_save_keeps_the_figures_for_the_next(
    desk: Desk, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = desk.service.sitting
    assert repo is not None
    written = repo.add
    disk_full = [True]

    def add(days: list[SittingDay]) -> None:
        if disk_full[0]:
            raise StorageWriteError(Path("/data/diary.json"), "the disk is full")
        written(days)

    monkeypatch.setattr(repo, "add", add)
    notices: list[str] = []
    desk.service.notice.connect(notices.append)
    desk.source.sit(at(9), at(12))
    desk.run_until(at(9, 50))
    desk.service.skip()  # 09:00-09:50 and the skip cannot be written
    assert notices == ["Sitting time could not be saved: the disk is full."]
    desk.run_until(at(10, 20))
    assert len(notices) == 1, "said once, not at every retry"
    disk_full[0] = False  # space freed
    desk.run_until(at(10, 40))
    desk.service.skip()
    desk.service.stop()
    day = stored_day(services)
    assert day.skipped == 2
    assert 95 <= day.active_min <= 100, "nothing of the first hour lost"


def test_the_pages_hear_of_sitting_figures_after_they_are_written(
    desk: Desk, services: Services
) -> None:
    """The Today page reads the sitting table when told: the answer must be in it by then."""
    seen: list[list[SittingDay]] = []
    desk.service.stateChanged.connect(lambda: seen.append(SittingRepository(services.db).list()))
    desk.source.sit(at(9), at(12, 0))
    desk.source.sit(at(12, 30), at(13))
    desk.run_until(at(9, 50))
    seen.clear()
    desk.service.skip()
    assert seen, "told"
    assert all(days and days[0].skipped == 1 for days in seen), "told after the write"
    desk.run_until(at(10, 40))
    seen.clear()
    desk.service.do_now()
    assert seen
    assert all(days[0].taken == 1 for days in seen)
    seen.clear()
    desk.run_until(at(12, 10), lambda service: service.do_now())
    assert seen, "a natural break is written and told"
    assert seen[-1][0].natural == 1


def test_a_wall_clock_set_forward_is_not_a_break_where_sleep_is_known(
    make_desk: Callable[..., Desk], services: Services
) -> None:
    asleep = [0.0]
    desk = make_desk(asleep=lambda: asleep[0])
    desk.source.sit(at(9), at(12))  # typing the whole morning
    desk.run_until(at(9, 30))
    desk.clock.set(at(9, 50))  # NTP steps the clock 20 minutes ahead; the time asleep stays
    desk.service.check_activity()
    desk.run_until(at(11, 30))
    assert desk.shown[:1] == [at(10, 10)], "fifty minutes of sitting on the new clock"
    desk.service.stop()
    assert stored_day(services).natural == 0


def test_a_service_on_the_system_clock_knows_the_time_asleep(services: Services) -> None:
    from rugdiary.core.clock import SystemClock
    from rugdiary.core.sitting import system_time_asleep

    service = ReminderService(services.settings, services.entries, SystemClock())
    assert service._asleep is system_time_asleep
    fake = ReminderService(services.settings, services.entries, FakeClock())
    assert fake._asleep() is None, "a fake clock without one: as before"


def test_do_not_disturb_all_day_asks_gsettings_seldom(
    make_desk: Callable[..., Desk], clock: FakeClock
) -> None:
    runs: list[datetime] = []

    def gsettings(_command: Sequence[str]) -> str:
        runs.append(clock.now())
        return "false\n" if clock.now() < at(15) else "true\n"  # do not disturb until 15:00

    def with_dnd(desk_source: FakeActivitySource) -> ActivitySource:
        return CombinedSource(
            desk_source, busy=[GnomeDoNotDisturb(gsettings, monotonic=clock.monotonic)]
        )

    desk = make_desk(source=with_dnd)
    desk.source.sit(at(9), at(17))
    desk.run_until(at(15))
    assert desk.shown == [], "held by do-not-disturb"
    assert len(runs) <= 30, f"{len(runs)} gsettings processes in five hours"
    desk.run_until(at(15, 20))
    assert desk.shown, "shown once do-not-disturb is off"
    assert desk.shown[0] <= at(15, 16)


def test_a_screen_locked_for_seconds_is_not_a_break_on_the_service(
    desk: Desk, services: Services
) -> None:
    desk.source.sit(at(9), at(9, 30))
    desk.source.lock(at(9, 30), at(9, 30, 20))  # Super+L, back twenty seconds later
    desk.source.sit(at(9, 30, 20), at(12))
    desk.run_until(at(9, 30, 5))
    desk.source.signal_lock_change()
    desk.run_until(at(10, 0))
    assert desk.shown == [at(9, 50)], "fifty minutes of sitting"
    desk.service.stop()
    day = stored_day(services)
    assert day.natural == 0
    assert day.longest_min >= 50
