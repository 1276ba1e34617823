"""Sitting time through a working day: a fake desk and a driven clock, step by step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rugdiary.core.activity import (
    ActivitySample,
    ActivityUnavailableError,
    CombinedSource,
    FakeActivitySource,
)
from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import ValidationError
from rugdiary.core.reminders import MovementBreaks
from rugdiary.core.sitting import (
    BREAK_LENGTH,
    SittingDay,
    SittingTracker,
    total,
)

AMS = ZoneInfo("Europe/Amsterdam")
BREAKS = MovementBreaks(enabled=True, every_min=50)


def at(hour: int, minute: int = 0, day: int = 2) -> datetime:
    """Amsterdam time; 2 March 2026 is a Monday."""
    return datetime(2026, 3, day, hour, minute, tzinfo=AMS)


Answer = Callable[[SittingTracker, datetime], None]


class SleepyClock(FakeClock):
    """A fake clock that also knows the time spent asleep (CLOCK_BOOTTIME − CLOCK_MONOTONIC)."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self.slept = 0.0

    def asleep(self) -> float:
        return self.slept

    def sleep(self, seconds: float) -> None:
        """Suspend: the wall clock and the time asleep run on, the monotonic clock stands."""
        self.set(self.now() + timedelta(seconds=seconds))
        self.slept += seconds


class Desk:
    """Runs the tracker as the reminder service does: sample at each `next_check`."""

    def __init__(
        self, start: datetime, breaks: MovementBreaks = BREAKS, clock: FakeClock | None = None
    ) -> None:
        self.clock = clock if clock is not None else FakeClock(start)
        self.source = FakeActivitySource(self.clock)
        self.tracker = SittingTracker(breaks, tz=AMS)
        self.offers: list[datetime] = []
        self.held: list[datetime] = []
        self.naturals: list[datetime] = []
        self.samples = 0
        self.answer: Answer = lambda tracker, now: tracker.taken(now)

    def sample_now(self) -> datetime | None:
        """One sample now (as a lock signal makes one); the next check it asks for."""
        now = self.clock.now()
        asleep = self.clock.asleep() if isinstance(self.clock, SleepyClock) else None
        step = self.tracker.step(now, self.clock.monotonic(), self.source, asleep=asleep)
        self.samples += 1
        if step.natural_break:
            self.naturals.append(now)
        if step.held:
            self.held.append(now)
        if step.offer:
            self.offers.append(now)
            self.answer(self.tracker, now)
        return step.next_check

    def run_until(self, end: datetime) -> None:
        while self.clock.now() < end:
            now = self.clock.now()
            nxt = self.sample_now()
            assert nxt is not None
            assert nxt > now, "the next check lies ahead"
            self.clock.advance(min((nxt - now).total_seconds(), (end - now).total_seconds()))

    def day(self, day: date) -> SittingDay:
        return self.tracker.pending().get(day, SittingDay(day))


def test_a_working_day_counts_sitting_not_the_clock() -> None:
    desk = Desk(at(9))
    src = desk.source
    src.sit(at(9), at(12))  # a long morning at the desk
    src.sit(at(12, 45), at(13))  # back from lunch
    src.lock(at(13), at(13, 10))  # to a colleague, screen locked
    src.sit(at(13, 10), at(15, 35))
    src.full_screen(at(13, 30), at(15))  # a video call
    src.sit(at(15, 45), at(17, 30))  # ten minutes away: a natural break

    desk.run_until(at(9, 45))
    assert desk.offers == [], "nothing before 50 minutes of sitting"
    # Polling stays coarse: one sample per five minutes while sitting.
    assert desk.samples <= 10
    desk.run_until(at(12, 45))
    # 09:50 and 10:40 (each taken), 11:30 and then lunch at 12:00: nothing while away.
    assert desk.offers == [at(9, 50), at(10, 40), at(11, 30)]
    assert desk.naturals, "lunch is a natural break"
    assert desk.naturals[0] <= at(12, 6)
    assert all(not (at(12) < o <= at(12, 45)) for o in desk.offers)

    desk.run_until(at(13, 12))
    # Locked from 13:00: a break once it has lasted five minutes (the report's definition).
    assert [n for n in desk.naturals if at(13, 5) <= n <= at(13, 7)], "a locked screen is a break"
    assert desk.offers[-1] == at(11, 30), "no stale break after lunch or the lock"

    desk.run_until(at(15, 1))
    # Sitting since 13:10 makes a break due at 14:00, during the call: held, not shown.
    assert desk.held
    assert at(13, 58) <= desk.held[0] <= at(14)
    assert all(not (at(13, 30) <= o < at(15)) for o in desk.offers)
    assert desk.offers[-1] == at(15), "offered right after the full-screen hour"

    desk.run_until(at(17, 30))
    natural_after_call = [n for n in desk.naturals if at(15, 35) < n <= at(15, 45)]
    assert natural_after_call, "ten minutes away is a natural break"
    assert all(o < at(17) for o in desk.offers), "nothing after working hours"

    today = desk.day(date(2026, 3, 2))
    assert today.taken == len(desk.offers)
    assert today.natural == 3
    # 09:00-12:00, 12:45-13:00, 13:10-15:35, 15:45-17:00 (415 minutes), to the minute
    # of sampling.
    assert 410 <= today.active_min <= 425
    # The longest unbroken stretch is the full-screen afternoon: 13:10 to 15:00.
    assert 105 <= today.longest_min <= 115


def test_skip_and_postpone_are_counted_and_behave_as_before() -> None:
    desk = Desk(at(9))
    desk.source.sit(at(9), at(17))
    answers = iter(["skip", "postpone", "take"])

    def answer(tracker: SittingTracker, now: datetime) -> None:
        choice = next(answers, "take")
        if choice == "skip":
            tracker.skipped(now)
        elif choice == "postpone":
            tracker.postponed(now, 15)
        else:
            tracker.taken(now)

    desk.answer = answer
    desk.run_until(at(11, 30))
    # Skipped at 09:50: next 50 minutes later; postponed at 10:40: back at 10:55.
    assert desk.offers == [at(9, 50), at(10, 40), at(10, 55)]
    day = desk.day(date(2026, 3, 2))
    assert (day.skipped, day.postponed, day.taken, day.natural) == (1, 1, 1, 0)
    # Skipping does not break the stretch: 09:00 to 10:55 unbroken.
    assert day.longest_min == 115


def test_away_when_a_break_falls_due_shows_nothing_and_away_long_is_natural() -> None:
    desk = Desk(at(9))
    desk.source.sit(at(9), at(9, 49))
    desk.source.sit(at(9, 52), at(10))
    desk.run_until(at(9, 51))
    assert desk.offers == [], "away at 09:50: not shown"
    desk.run_until(at(9, 53))
    assert desk.offers == [at(9, 52)], "shown right when they come back"
    desk.run_until(at(10, 30))
    assert desk.naturals
    assert desk.naturals[0] <= at(10) + BREAK_LENGTH + timedelta(seconds=5)


def test_past_midnight_the_days_are_apart_and_nothing_stale_comes() -> None:
    breaks = MovementBreaks(enabled=True, every_min=50, start=at(0).time(), end=at(23, 59).time())
    desk = Desk(at(23, 0), breaks)
    desk.source.sit(at(23, 0), at(23, 59) + timedelta(hours=1))
    desk.run_until(at(0, 55, day=3))
    day1, day2 = desk.day(date(2026, 3, 2)), desk.day(date(2026, 3, 3))
    assert 55 <= day1.active_min <= 59
    assert 50 <= day2.active_min <= 55
    # The stretch is cut at the end of working hours (23:59); 00:50 is a new day's break.
    assert desk.offers == [at(23, 50), at(0, 50, day=3)]


def test_a_sleep_resume_gap_is_a_natural_break_and_nothing_stale_pops_up() -> None:
    desk = Desk(at(9))
    desk.source.sit(at(9), at(9, 40))
    desk.source.sit(at(10, 40), at(12))
    desk.run_until(at(9, 40))
    # The lid closes at 09:40: wall time jumps an hour, the monotonic clock does not.
    desk.clock.set(at(10, 40))
    desk.run_until(at(11, 20))
    assert desk.naturals
    assert desk.naturals[0] == at(10, 40)
    assert desk.offers == [], "the 09:50 break slept with the computer"
    desk.run_until(at(11, 40))
    assert desk.offers == [at(11, 30)], "50 minutes after waking"


def test_outside_working_days_nothing_is_asked() -> None:
    desk = Desk(at(9, day=7))  # a Saturday
    desk.source.sit(at(9, day=7), at(17, day=7))
    step = desk.tracker.step(desk.clock.now(), desk.clock.monotonic(), desk.source)
    assert step.next_check == at(9, day=9), "next Monday's start"
    assert desk.tracker.pending() == {}


def test_before_working_hours_nothing_is_counted_or_asked_even_when_sampled() -> None:
    """Unlocking the screen or switching to the app samples at any time; at the desk
    from 07:00 with hours from 09:00, the count and the first break start at 09:00."""
    desk = Desk(at(7))
    desk.source.sit(at(7), at(11))
    while desk.clock.now() < at(9):
        now = desk.clock.now()
        step = desk.tracker.step(now, desk.clock.monotonic(), desk.source)
        assert not step.offer, f"offered at {now:%H:%M}"
        assert step.next_check == at(9)
        desk.clock.advance(600)
    assert desk.tracker.pending() == {}
    desk.run_until(at(10, 30))
    assert desk.offers == [at(9, 50)]
    assert 85 <= desk.day(date(2026, 3, 2)).active_min <= 90


def test_breaks_off_means_no_timer() -> None:
    tracker = SittingTracker(MovementBreaks(enabled=False), tz=AMS)
    assert tracker.next_check(at(10)) is None


def test_a_clock_set_back_does_not_count_negative_time() -> None:
    desk = Desk(at(10))
    desk.source.sit(at(9), at(12))
    desk.run_until(at(10, 30))
    desk.clock.set(at(10))
    desk.run_until(at(10, 20))
    day = desk.day(date(2026, 3, 2))
    assert 0 < day.active_s <= 40 * 60


def test_sitting_day_round_trip_merge_and_validation() -> None:
    day = SittingDay(date(2026, 3, 2), active_s=3600, longest_s=1800, taken=1, natural=2)
    assert SittingDay.from_dict(day.to_dict()) == day
    more = day.merged(SittingDay(date(2026, 3, 2), active_s=600, longest_s=2400, skipped=1))
    assert (more.active_s, more.longest_s, more.skipped, more.natural) == (4200, 2400, 1, 2)
    assert day.to_summary()["active_min"] == 60
    assert total([day, more]) == {
        "days": 2,
        "active_min": 130,
        "longest_min": 40,
        "taken": 2,
        "skipped": 1,
        "postponed": 0,
        "natural": 4,
    }
    with pytest.raises(ValidationError) as error:
        SittingDay.from_dict({"day": "2026-13-01"})
    assert error.value.field == "day"
    with pytest.raises(ValidationError) as error:
        SittingDay.from_dict({"day": "2026-03-01", "window": "Slides"})
    assert "window" in str(error.value)
    with pytest.raises(ValidationError) as error:
        SittingDay(date(2026, 3, 2), taken=-1)
    assert error.value.field == "taken"


def test_samples_clamp_negative_idle_and_combined_sources_answer_together() -> None:
    assert ActivitySample(idle_s=-0.2).idle_s == 0.0
    clock = FakeClock(at(9))
    idle, lock, dnd = (FakeActivitySource(clock) for _ in range(3))
    idle.sit(at(8), at(9))
    lock.lock(at(9), at(10))
    combined = CombinedSource(idle, lock=[lock], busy=[dnd])
    assert combined.idle_seconds() == 0.0
    assert combined.locked() is True
    assert combined.busy() is False
    idle.available = False
    with pytest.raises(ActivityUnavailableError):
        combined.idle_seconds()


def test_a_long_gap_without_sleep_on_the_monotonic_clock_is_not_sitting() -> None:
    # On Windows the monotonic clock runs on in sleep: a gap of an hour between samples,
    # where five minutes were planned, is time away all the same.
    desk = Desk(at(9))
    desk.source.sit(at(9), at(9, 30))
    desk.source.sit(at(10, 29), at(12))
    desk.run_until(at(9, 30))
    desk.clock.advance(60 * 60)  # wall and monotonic clocks both move an hour
    desk.run_until(at(10, 45))
    assert desk.naturals, "the gap ended the stretch"
    assert desk.offers == []
    day = desk.day(date(2026, 3, 2))
    assert day.active_min <= 30 + 17, "the hour away is not counted as sitting"


def test_a_screen_locked_for_seconds_is_a_pause_and_for_five_minutes_a_break() -> None:
    """The report's definition: "screen locked for at least 5 minutes" is a natural break."""
    desk = Desk(at(9))
    back = at(9, 30) + timedelta(seconds=20)
    desk.source.sit(at(9), at(9, 30))
    desk.source.lock(at(9, 30), back)  # Super+L, back twenty seconds later
    desk.source.sit(back, at(12))
    desk.source.lock(at(10, 30), at(10, 40))  # typing on the lock screen: idle stays low
    desk.run_until(at(9, 30) + timedelta(seconds=5))
    desk.sample_now()  # the lock signal
    desk.run_until(at(10, 0))
    day = desk.day(date(2026, 3, 2))
    assert desk.naturals == []
    assert day.natural == 0
    assert desk.offers == [at(9, 50)], "fifty minutes of sitting, the short lock included"
    assert day.longest_min >= 49

    desk.run_until(at(11, 35))
    assert len(desk.naturals) == 1
    assert at(10, 35) <= desk.naturals[0] <= at(10, 37), "locked five minutes: a break"
    # The count starts again at the unlock, seen at the minute's sample.
    assert desk.offers[:1] == [at(9, 50)]
    assert len(desk.offers) == 2
    assert at(11, 29) <= desk.offers[1] <= at(11, 30)
    assert desk.day(date(2026, 3, 2)).natural == 1


def test_a_short_lock_hides_a_waiting_break_and_it_comes_back() -> None:
    desk = Desk(at(9))
    desk.answer = lambda tracker, now: None  # the break waits in the banner
    back = at(9, 51) + timedelta(seconds=30)
    desk.source.sit(at(9), at(9, 51))
    desk.source.lock(at(9, 51), back)
    desk.source.sit(back, at(12))
    desk.run_until(at(9, 51))
    assert desk.offers == [at(9, 50)]
    desk.clock.advance(5)
    step = desk.tracker.step(desk.clock.now(), desk.clock.monotonic(), desk.source)
    assert step.away, "locked: the banner does not wait for them"
    assert not step.natural_break
    desk.clock.set(back + timedelta(seconds=5))
    desk.sample_now()
    assert desk.offers[-1] == back + timedelta(seconds=5), "still sitting: offered again"
    assert desk.day(date(2026, 3, 2)).natural == 0


def test_the_time_away_after_a_taken_break_is_not_also_a_natural_one() -> None:
    desk = Desk(at(9))
    desk.source.sit(at(9), at(9, 50))  # "Do it now" at 09:50 ...
    desk.source.sit(at(9, 56), at(10, 20))  # ... the desk break and a walk: back at 09:56
    desk.source.sit(at(10, 30), at(11))  # ten minutes away on their own: a natural break
    desk.run_until(at(10, 10))
    day = desk.day(date(2026, 3, 2))
    assert desk.offers == [at(9, 50)]
    assert (day.taken, day.natural) == (1, 0), "one break, counted once"
    desk.run_until(at(11))
    assert desk.day(date(2026, 3, 2)).natural == 1


def test_a_wall_clock_set_forward_moves_the_stretch_with_it() -> None:
    clock = SleepyClock(at(9))
    desk = Desk(at(9), clock=clock)
    desk.source.sit(at(9), at(12))  # typing all morning
    desk.run_until(at(9, 30))
    clock.set(at(9, 50))  # NTP steps the clock 20 minutes ahead; nothing slept
    desk.source.sit(at(9, 30), at(12))
    desk.run_until(at(10, 20))
    day = desk.day(date(2026, 3, 2))
    assert desk.naturals == [], "the person never left"
    assert day.natural == 0
    assert desk.offers == [at(10, 10)], "fifty minutes of sitting on the new clock"
    assert 55 <= day.active_min <= 60, "an hour, to the five minutes of sampling"
    assert day.longest_min >= 50


def test_a_wall_clock_set_back_moves_the_stretch_with_it() -> None:
    clock = SleepyClock(at(9))
    desk = Desk(at(9), clock=clock)
    desk.source.sit(at(8), at(12))
    desk.run_until(at(9, 30))
    clock.set(at(9, 10))  # set back 20 minutes
    desk.run_until(at(9, 40))
    day = desk.day(date(2026, 3, 2))
    assert desk.offers == [at(9, 30)], "fifty minutes of sitting, not seventy"
    assert desk.naturals == []
    assert 55 <= day.active_min <= 60, "an hour, to the five minutes of sampling"


def test_with_the_time_asleep_known_sleep_is_still_a_natural_break() -> None:
    clock = SleepyClock(at(9))
    desk = Desk(at(9), clock=clock)
    desk.source.sit(at(9), at(9, 40))
    desk.source.sit(at(10, 40), at(12))
    desk.run_until(at(9, 40))
    clock.sleep(60 * 60)  # the lid closes at 09:40 for an hour
    desk.run_until(at(11, 40))
    assert desk.naturals[:1] == [at(10, 40)]
    assert desk.offers == [at(11, 30)], "50 minutes after waking"
    assert desk.day(date(2026, 3, 2)).natural == 1


def test_reset_forgets_the_stretch_but_keeps_the_figures() -> None:
    desk = Desk(at(9))
    desk.answer = lambda tracker, now: None
    desk.source.sit(at(9), at(12))
    desk.run_until(at(9, 51))
    assert desk.tracker.offered
    unsaved = desk.tracker.pending()
    desk.tracker.reset()
    assert desk.tracker.pending() == unsaved
    assert not desk.tracker.offered
    desk.clock.advance(20 * 60)  # twenty minutes with breaks off
    desk.run_until(at(11, 5))
    assert desk.naturals == [], "the time with breaks off is not a break"
    assert desk.offers == [at(9, 50), at(11, 1)], "fifty minutes from the first sample after"
