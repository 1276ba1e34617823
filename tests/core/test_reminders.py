"""The reminder schedule under a driven clock: daily, weekly, breaks, snooze, pause, quiet, DST."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import ValidationError
from rugdiary.core.reminders import (
    CLOCK_AHEAD_LIMIT,
    DIARY_KEY,
    MOVEMENT_KEY,
    DiaryReminder,
    Due,
    ExerciseReminder,
    MovementBreaks,
    QuietHours,
    ReminderScheduler,
    ReminderSettings,
    ReminderState,
    WeeklyCounts,
    kind_of_key,
    timer_delay_ms,
    week_key,
    zone_named,
)

AMS = ZoneInfo("Europe/Amsterdam")
OFF = DiaryReminder(enabled=False)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """A local Amsterdam time in 2026; 2 March 2026 is a Monday."""
    return datetime(2026, month, day, hour, minute, tzinfo=AMS)


def scheduler(**settings: Any) -> ReminderScheduler:
    return ReminderScheduler(ReminderSettings(**settings), tz=AMS)


def run(
    sched: ReminderScheduler, start: datetime, end: datetime, *, logged_today: bool = False
) -> tuple[list[Due], ReminderScheduler]:
    """Drive the scheduler as the UI does: poll, then sleep until `next_wakeup`, until `end`."""
    fired: list[Due] = []
    now = start
    while True:
        dues, sched = sched.poll(now, logged_today=logged_today)
        fired += dues
        wakeup = sched.next_wakeup(now, logged_today=logged_today)
        if wakeup is None or wakeup.astimezone(UTC) > end.astimezone(UTC):
            return fired, sched
        assert wakeup.astimezone(UTC) > now.astimezone(UTC)
        now = wakeup


def times(fired: list[Due]) -> list[datetime]:
    return [d.scheduled_for for d in fired]


# --------------------------------------------------------------------------- daily, weekly


def test_zoneinfo_has_amsterdam_transitions() -> None:
    assert at(29, 1).utcoffset() == timedelta(hours=1)
    assert at(29, 4).utcoffset() == timedelta(hours=2)


def test_daily_diary_reminder_fires_once_a_day() -> None:
    sched = scheduler()
    assert sched.due(at(2, 19, 59)) == []
    assert sched.next_wakeup(at(2, 19, 0)) == at(2, 20)
    dues, sched = sched.poll(at(2, 20))
    assert dues == [Due(DIARY_KEY, "diary", None, at(2, 20))]
    assert sched.due(at(2, 20, 1)) == []
    assert sched.due(at(2, 23, 59)) == []
    assert sched.next_wakeup(at(2, 20)) == at(3, 20)
    fired, _ = run(sched, at(2, 20), at(5, 23))
    assert times(fired) == [at(3, 20), at(4, 20), at(5, 20)]


def test_diary_reminder_stays_quiet_when_today_is_logged() -> None:
    sched = scheduler()
    assert sched.due(at(2, 20, 30), logged_today=True) == []
    assert sched.next_wakeup(at(2, 19), logged_today=True) == at(3, 20)
    # Logged later in the evening than the reminder? Then it is simply not shown any more.
    assert sched.due(at(2, 20, 30), logged_today=False)[0].key == DIARY_KEY


def test_exercise_reminder_fires_on_chosen_weekdays_only() -> None:
    reminder = ExerciseReminder("morning-mobility", days=frozenset({0, 2, 4}), time=time(7, 30))
    sched = scheduler(diary=OFF, exercises=(reminder,))
    fired, _ = run(sched, at(2, 0), at(8, 23, 59))
    assert times(fired) == [at(2, 7, 30), at(4, 7, 30), at(6, 7, 30)]
    assert {(d.key, d.kind, d.program_id) for d in fired} == {
        ("exercise:morning-mobility@07:30", "exercise", "morning-mobility")
    }


def test_a_reminder_for_a_program_that_no_longer_exists_never_fires() -> None:
    gone = ExerciseReminder("own-deleted", days=frozenset({0}), time=time(18))
    kept = ExerciseReminder("strength", days=frozenset({0}), time=time(19))
    sched = ReminderScheduler(
        ReminderSettings(diary=OFF, exercises=(gone, kept)),
        tz=AMS,
        program_exists=lambda program_id: program_id != "own-deleted",
    )
    assert sched.next_wakeup(at(2, 17)) == at(2, 19)
    assert sched.due(at(2, 18, 30)) == []
    fired, _ = run(sched, at(2, 0), at(16, 23))  # three Mondays
    assert {d.program_id for d in fired} == {"strength"}
    assert len(fired) == 3


def test_enabled_keys_name_the_reminders_that_are_on() -> None:
    on = ExerciseReminder("strength", time=time(18))
    off = ExerciseReminder("mobility", enabled=False)
    settings = ReminderSettings(exercises=(on, off), breaks=MovementBreaks(enabled=True))
    assert settings.enabled_keys() == {DIARY_KEY, on.key, MOVEMENT_KEY}
    assert ReminderSettings(diary=OFF, exercises=(off,)).enabled_keys() == frozenset()


# --------------------------------------------------------------------------- movement breaks


BREAKS = MovementBreaks(enabled=True)


def test_movement_breaks_every_50_minutes_within_working_hours_on_weekdays() -> None:
    sched = scheduler(diary=OFF, breaks=BREAKS)
    fired, _ = run(sched, at(2, 0), at(8, 23, 59))  # Monday to Sunday
    monday = [at(2, 9) + timedelta(minutes=50 * k) for k in range(1, 10)]
    assert times(fired)[:9] == monday
    assert monday[-1] == at(2, 16, 30)  # 17:20 would be after working hours
    assert len(fired) == 5 * 9
    assert {d.scheduled_for.weekday() for d in fired} == {0, 1, 2, 3, 4}
    assert all(time(9) < d.scheduled_for.time() < time(17) for d in fired)
    assert {d.program_id for d in fired} == {"desk-break"}


@pytest.mark.parametrize("action", ["done", "skip", "snooze"])
def test_a_handled_break_restarts_the_interval(action: str) -> None:
    sched = scheduler(diary=OFF, breaks=BREAKS)
    dues, sched = sched.poll(at(2, 10, 40))
    assert times(dues) == [at(2, 10, 40)]
    if action == "snooze":
        sched = sched.snooze(MOVEMENT_KEY, 5, at(2, 10, 45))
        assert sched.next_wakeup(at(2, 10, 45)) == at(2, 10, 50)
        dues, sched = sched.poll(at(2, 10, 50))
        assert times(dues) == [at(2, 10, 50)]
    else:
        sched = getattr(sched, action)(MOVEMENT_KEY, at(2, 10, 45))
    assert sched.next_wakeup(at(2, 10, 50)) == at(2, 11, 35)
    assert sched.due(at(2, 11, 30)) == []


def test_an_unanswered_break_keeps_the_grid() -> None:
    sched = scheduler(diary=OFF, breaks=BREAKS)
    _, sched = sched.poll(at(2, 9, 50))
    assert sched.next_wakeup(at(2, 9, 50)) == at(2, 10, 40)


def test_break_interval_and_days_are_configurable() -> None:
    breaks = MovementBreaks(
        enabled=True, every_min=30, start=time(8), end=time(10), days=frozenset({5})
    )
    fired, _ = run(scheduler(diary=OFF, breaks=breaks), at(2, 0), at(8, 23))
    assert times(fired) == [at(7, 8, 30), at(7, 9), at(7, 9, 30)]


# --------------------------------------------------------------------------- snooze, skip


@pytest.mark.parametrize("minutes", [5, 15, 30])
def test_snooze_fires_again_exactly_then_and_once(minutes: int) -> None:
    sched = scheduler()
    _, sched = sched.poll(at(2, 20))
    sched = sched.snooze(DIARY_KEY, minutes, at(2, 20, 1))
    back = at(2, 20, 1) + timedelta(minutes=minutes)
    assert sched.next_wakeup(at(2, 20, 1)) == back
    assert sched.due(back - timedelta(seconds=1)) == []
    dues, sched = sched.poll(back)
    assert dues == [Due(DIARY_KEY, "diary", None, back)]
    assert sched.state.snoozed_until == {}
    assert sched.due(back + timedelta(minutes=1)) == []
    assert sched.next_wakeup(back) == at(3, 20)


@pytest.mark.parametrize("minutes", [0, 10, 60, True])
def test_snooze_only_offers_5_15_30(minutes: int) -> None:
    with pytest.raises(ValidationError) as err:
        scheduler().snooze(DIARY_KEY, minutes, at(2, 20))
    assert err.value.field == "minutes"


def test_diary_snooze_past_midnight_lapses_with_the_day() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(21, 50)), quiet=QuietHours(enabled=False))
    _, sched = sched.poll(at(2, 21, 50))
    sched = sched.snooze(DIARY_KEY, 15, at(2, 21, 50))
    assert sched.next_wakeup(at(2, 21, 50)) == at(2, 22, 5)
    sched = sched.snooze(DIARY_KEY, 30, at(2, 23, 45))
    assert sched.due(at(3, 0, 15)) == []
    assert sched.next_wakeup(at(2, 23, 45)) == at(3, 21, 50)


def test_skip_drops_the_occurrence_but_not_tomorrows() -> None:
    sched = scheduler()
    _, sched = sched.poll(at(2, 20))
    sched = sched.skip(DIARY_KEY, at(2, 20, 2))
    assert sched.due(at(2, 22)) == []
    assert sched.next_wakeup(at(2, 20, 2)) == at(3, 20)
    assert sched.week_counts(date(2026, 3, 2))["diary"] == WeeklyCounts(skipped=1)


def test_actions_reject_unknown_keys() -> None:
    with pytest.raises(ValidationError) as err:
        scheduler().done("coffee", at(2, 9))
    assert err.value.field == "key"
    assert kind_of_key("exercise:strength@18:00") == "exercise"


# --------------------------------------------------------------------------- pause


def test_not_now_pauses_an_hour_and_drops_what_fell_in_it() -> None:
    sched = scheduler(breaks=BREAKS).pause_not_now(at(2, 10, 30))
    assert sched.settings.paused_until == at(2, 11, 30)
    assert sched.is_paused(at(2, 11, 29))
    assert sched.due(at(2, 10, 40)) == []
    assert sched.due(at(2, 11, 29)) == []
    assert sched.next_wakeup(at(2, 10, 30)) == at(2, 11, 30)
    fired, _ = run(sched, at(2, 10, 30), at(2, 13))
    assert times(fired) == [at(2, 11, 30), at(2, 12, 20)]  # 10:40 was dropped, not saved up


def test_until_tomorrow_pauses_to_working_hours_then_runs_normally() -> None:
    sched = scheduler(breaks=BREAKS).pause_until_tomorrow(at(2, 15))
    assert sched.settings.paused_until == at(3, 9)
    fired, _ = run(sched, at(2, 15), at(3, 11))
    assert times(fired) == [at(3, 9, 50), at(3, 10, 40)]  # no diary at 20:00, no pile-up


def test_until_tomorrow_without_working_hours_means_seven() -> None:
    sched = scheduler().pause_until_tomorrow(at(2, 15))
    assert sched.settings.paused_until == at(3, 7)


@pytest.mark.parametrize(
    ("pressed", "breaks", "until"),
    [
        (at(3, 0, 30), None, at(3, 7)),  # Tuesday 00:30: not slept yet, Tuesday morning
        (at(3, 6, 59), None, at(3, 7)),
        (at(3, 7), None, at(4, 7)),
        (at(3, 3), BREAKS, at(3, 9)),  # working hours from 09:00
        (at(3, 8), BREAKS, at(4, 9)),  # the day has begun: "until tomorrow" is Wednesday
        (at(3, 6, 30), MovementBreaks(enabled=True, start=time(6)), at(4, 6)),
    ],
)
def test_until_tomorrow_in_the_night_means_the_coming_morning(
    pressed: datetime, breaks: MovementBreaks | None, until: datetime
) -> None:
    sched = scheduler() if breaks is None else scheduler(breaks=breaks)
    assert sched.pause_until_tomorrow(pressed).settings.paused_until == until


def test_until_tomorrow_after_midnight_leaves_the_new_day_its_reminders() -> None:
    exercise = ExerciseReminder("strength", days=frozenset({1}), time=time(18))
    sched = scheduler(exercises=(exercise,)).pause_until_tomorrow(at(3, 0, 30))
    fired, _ = run(sched, at(3, 0, 30), at(3, 23))
    assert times(fired) == [at(3, 18), at(3, 20)]


@pytest.mark.parametrize(
    ("pressed", "offset"),
    [(at(28, 21), timedelta(hours=2)), (at(24, 21, month=10), timedelta(hours=1))],
)
def test_until_tomorrow_across_a_dst_night_ends_at_seven_on_the_clock(
    pressed: datetime, offset: timedelta
) -> None:
    until = scheduler().pause_until_tomorrow(pressed).settings.paused_until
    assert until is not None
    assert (until.hour, until.minute) == (7, 0)
    assert until.utcoffset() == offset


def test_resume_early_does_not_fire_the_backlog() -> None:
    paused = scheduler(breaks=BREAKS).pause_until_tomorrow(at(2, 10))
    sched = paused.resume(at(2, 12, 5))
    assert sched.settings.paused_until is None
    assert not sched.is_paused(at(2, 12, 5))
    assert sched.due(at(2, 12, 5)) == []  # 10:40 and 11:30 were held back; they stay dropped
    fired, _ = run(sched, at(2, 12, 5), at(2, 20, 30))
    assert times(fired) == [
        *(at(2, 12, 20) + timedelta(minutes=50 * k) for k in range(6)),
        at(2, 20),
    ]


def test_resume_when_not_paused_keeps_what_is_due() -> None:
    sched = scheduler().pause_until(at(2, 12)).resume(at(2, 20, 5))
    assert sched.settings.paused_until is None
    assert times(sched.due(at(2, 20, 5))) == [at(2, 20)]


def test_pause_drops_snoozes_that_end_inside_it() -> None:
    sched = scheduler()
    _, sched = sched.poll(at(2, 20))
    sched = sched.snooze(DIARY_KEY, 5, at(2, 20)).pause_not_now(at(2, 20, 1))
    fired, _ = run(sched, at(2, 20, 1), at(2, 23, 59))
    assert fired == []


# --------------------------------------------------------------------------- quiet hours


def test_quiet_hours_defer_to_their_end_on_the_same_day() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(6, 30)))
    assert sched.due(at(2, 6, 30)) == []
    assert sched.next_wakeup(at(2, 6)) == at(2, 7)
    dues, _ = sched.poll(at(2, 7))
    assert times(dues) == [at(2, 6, 30)]  # keeps its planned time


def test_quiet_hours_across_midnight_drop_what_would_spill_into_tomorrow() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(23)))
    fired, _ = run(sched, at(2, 12), at(5, 12))
    assert fired == []
    assert sched.due(at(2, 23)) == []
    assert sched.due(at(3, 7)) == []


def test_waking_inside_quiet_hours_drops_the_evening_reminder() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(21)))
    assert sched.due(at(2, 23)) == []  # slept 20:00-23:00; at 07:00 it is another day
    assert sched.next_wakeup(at(2, 23)) == at(3, 21)


def test_quiet_hours_in_the_day_defer_a_break() -> None:
    quiet = QuietHours(start=time(12), end=time(13))
    sched = scheduler(diary=OFF, breaks=BREAKS, quiet=quiet)
    fired, _ = run(sched, at(2, 9), at(2, 13, 30))
    assert times(fired) == [
        at(2, 9, 50),
        at(2, 10, 40),
        at(2, 11, 30),
        at(2, 12, 20),
        at(2, 13, 10),
    ]
    assert sched.next_wakeup(at(2, 11, 30)) == at(2, 13)


# ------------------------------------------------------------------------ sleep and clock changes


def test_sleep_gap_fires_the_missed_reminder_once() -> None:
    clock = FakeClock(at(2, 8))
    sched = scheduler(diary=DiaryReminder(time=time(17, 30)), breaks=BREAKS)
    dues, sched = sched.poll(clock.now())
    assert dues == []
    clock.set(clock.now() + timedelta(hours=10))  # the laptop slept from 08:00 to 18:00
    dues, sched = sched.poll(clock.now())
    # The diary fires once; nine missed breaks do not pile up, and work is over anyway.
    assert dues == [Due(DIARY_KEY, "diary", None, at(2, 17, 30))]
    assert sched.due(clock.now()) == []
    clock.advance(60)
    assert sched.due(clock.now()) == []


def test_sleep_gap_during_work_gives_one_break_at_most() -> None:
    clock = FakeClock(at(2, 6))
    sched = scheduler(diary=OFF, breaks=BREAKS)
    clock.set(at(2, 16))
    dues, sched = sched.poll(clock.now())
    assert times(dues) == [at(2, 15, 40)]
    assert sched.next_wakeup(clock.now()) == at(2, 16, 30)


def test_yesterdays_missed_diary_does_not_fire_after_midnight() -> None:
    clock = FakeClock(at(2, 19))
    sched = scheduler(quiet=QuietHours(enabled=False))
    clock.set(at(3, 0, 30))
    assert sched.due(clock.now()) == []


def test_clock_set_backwards_does_not_refire() -> None:
    clock = FakeClock(at(2, 20))
    sched = scheduler(breaks=BREAKS)
    _, sched = sched.poll(clock.now())
    sched = sched.done(DIARY_KEY, clock.now() + timedelta(minutes=5))
    clock.set(at(2, 19))
    fired, _ = run(sched, clock.now(), at(2, 23))
    assert fired == []

    sched = scheduler(diary=OFF, breaks=BREAKS)
    _, sched = sched.poll(at(2, 10, 40))
    fired, _ = run(sched, at(2, 10), at(2, 11, 40))  # the clock went back 40 minutes
    assert times(fired) == [at(2, 11, 30)]


def test_a_clock_set_a_day_ahead_and_corrected_does_not_silence_reminders() -> None:
    sched = scheduler()
    wrong = at(3, 20, 30)  # Tuesday evening, while it is Monday afternoon
    dues, sched = sched.poll(wrong)
    assert times(dues) == [at(3, 20)]
    sched = sched.skip(DIARY_KEY, wrong)
    # Corrected at Monday 19:30: Monday's and Tuesday's reminders come as usual.
    fired, sched = run(sched, at(2, 19, 30), at(4, 21))
    assert times(fired) == [at(2, 20), at(3, 20), at(4, 20)]


def test_a_stamp_far_ahead_counts_as_now() -> None:
    wrong = at(4, 9)
    sched = scheduler().snooze(DIARY_KEY, 5, wrong)
    corrected = at(2, 19, 30)
    assert wrong - corrected > CLOCK_AHEAD_LIMIT
    # Seen as now at once, before anything stores the correction.
    assert sched.next_wakeup(corrected) == at(2, 20)
    settled = sched.settle_clock(corrected)
    assert settled.state.last_fired[DIARY_KEY] == corrected
    assert settled.state.last_handled[DIARY_KEY] == corrected
    assert dict(settled.state.snoozed_until) == {}  # it would have come back on Wednesday
    assert settled.settle_clock(corrected) is settled
    _, polled = sched.poll(corrected)
    assert polled.state == settled.state


def test_a_stamp_less_than_a_day_ahead_still_counts() -> None:
    sched = scheduler().done(DIARY_KEY, at(3, 19))  # the clock then goes back 23 hours
    assert sched.settle_clock(at(2, 20)) is sched
    assert sched.due(at(2, 20)) == []


def test_missed_exercise_fires_on_wake_the_same_day_only() -> None:
    reminder = ExerciseReminder("strength", days=frozenset({0}), time=time(7, 30))
    sched = scheduler(diary=OFF, exercises=(reminder,))
    assert times(sched.due(at(2, 13))) == [at(2, 7, 30)]
    assert sched.due(at(3, 13)) == []


# --------------------------------------------------------------------------- DST


def test_spring_forward_fires_at_the_first_valid_time() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(2, 30)), quiet=QuietHours(enabled=False))
    wakeup = sched.next_wakeup(at(29, 1))
    assert wakeup == datetime(2026, 3, 29, 3, 0, tzinfo=AMS)
    assert wakeup is not None
    assert wakeup.utcoffset() == timedelta(hours=2)
    assert wakeup.astimezone(UTC) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    fired, _ = run(sched, at(29, 0), at(30, 12))
    assert [d.scheduled_for.astimezone(UTC) for d in fired] == [
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 3, 30, 0, 30, tzinfo=UTC),
    ]


def test_daily_time_keeps_its_wall_time_across_spring_forward() -> None:
    sched = scheduler()
    assert sched.next_wakeup(at(28, 21)) == at(29, 20)
    assert at(29, 20).astimezone(UTC).hour == 18


def test_fall_back_ambiguous_time_fires_once() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(2, 30)), quiet=QuietHours(enabled=False))
    # Walk in elapsed time (UTC steps) through the night: 02:00-03:00 local happens twice.
    start = datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
    fired: list[Due] = []
    seen_local: set[tuple[int, int]] = set()
    for step in range(6 * 6):
        now = (start + timedelta(minutes=10 * step)).astimezone(AMS)
        seen_local.add((now.hour, now.fold))
        dues, sched = sched.poll(now)
        fired += dues
    assert seen_local >= {(2, 0), (2, 1)}
    assert [d.scheduled_for.astimezone(UTC) for d in fired] == [
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time, the first instance
    ]


def test_fall_back_next_wakeup_is_in_elapsed_time() -> None:
    sched = scheduler(diary=DiaryReminder(time=time(2, 30)), quiet=QuietHours(enabled=False))
    _, sched = sched.poll(datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(AMS))
    second_pass = datetime(2026, 10, 25, 2, 15, tzinfo=AMS, fold=1)
    assert sched.due(datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=1)) == []
    wakeup = sched.next_wakeup(second_pass)
    assert wakeup is not None
    assert wakeup.astimezone(UTC) == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)


def test_breaks_on_fall_back_monday_keep_local_times() -> None:
    sched = scheduler(diary=OFF, breaks=BREAKS)
    fired, _ = run(sched, at(26, 0, month=10), at(26, 23, month=10))
    assert times(fired)[0] == at(26, 9, 50, month=10)
    assert len(fired) == 9


# --------------------------------------------------------------------------- next_wakeup


def test_next_wakeup_is_the_earliest_of_all_reminders() -> None:
    reminder = ExerciseReminder("strength", days=frozenset({1}), time=time(18))
    sched = scheduler(exercises=(reminder,), breaks=BREAKS)
    assert sched.next_wakeup(at(2, 8)) == at(2, 9, 50)
    assert sched.next_wakeup(at(2, 16, 30)) == at(2, 20)
    assert sched.next_wakeup(at(2, 21)) == at(3, 9, 50)
    assert sched.next_wakeup(at(3, 17)) == at(3, 18)


def test_next_wakeup_is_none_when_everything_is_off() -> None:
    off = ExerciseReminder("strength", enabled=False)
    sched = scheduler(diary=OFF, exercises=(off,))
    assert sched.next_wakeup(at(2, 8)) is None
    assert sched.pause_not_now(at(2, 8)).next_wakeup(at(2, 8)) is None
    assert sched.due(at(2, 18)) == []


def test_next_wakeup_checks_again_at_the_horizon_when_nothing_can_fire() -> None:
    sched = scheduler().pause_until(at(31, 9))
    assert sched.next_wakeup(at(2, 8)) == at(11, 0)


def test_timer_delay_is_capped_so_clock_jumps_are_noticed() -> None:
    now = at(2, 8)
    assert timer_delay_ms(now, None) is None
    assert timer_delay_ms(now, now + timedelta(seconds=90)) == 90_000
    assert timer_delay_ms(now, now + timedelta(hours=12)) == 15 * 60 * 1000
    assert timer_delay_ms(now, now - timedelta(seconds=5)) == 0


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        scheduler().due(datetime(2026, 3, 2, 20))


def test_zone_named_gives_the_rules_or_none() -> None:
    assert zone_named("Europe/Amsterdam") == AMS
    assert zone_named("Nowhere/Atlantis") is None
    assert zone_named("") is None
    assert zone_named("../../etc/passwd") is None


def test_tz_defaults_to_the_zone_of_now() -> None:
    sched = ReminderScheduler(ReminderSettings())
    assert sched.next_wakeup(at(2, 19)) == at(2, 20)


# --------------------------------------------------------------------------- weekly counts


def test_weekly_counts_per_iso_week_and_kind() -> None:
    reminder = ExerciseReminder("strength", days=frozenset({0}))
    sched = scheduler(exercises=(reminder,), breaks=BREAKS)
    sched = sched.done(DIARY_KEY, at(2, 20))
    sched = sched.snooze(MOVEMENT_KEY, 15, at(3, 10))
    sched = sched.done(MOVEMENT_KEY, at(3, 10, 15))
    sched = sched.skip(reminder.key, at(8, 18))  # Sunday: still week 10
    sched = sched.done(DIARY_KEY, at(9, 20))  # Monday: week 11
    assert week_key(date(2026, 3, 2)) == "2026-W10"
    week10 = sched.week_counts(date(2026, 3, 4))
    assert week10 == {
        "diary": WeeklyCounts(done=1),
        "exercise": WeeklyCounts(skipped=1),
        "movement": WeeklyCounts(done=1, snoozed=1),
    }
    assert week10["movement"].total == 2
    assert sched.week_counts(date(2026, 3, 9))["diary"] == WeeklyCounts(done=1)
    assert sched.week_counts(date(2025, 1, 1)) == {
        "diary": WeeklyCounts(),
        "exercise": WeeklyCounts(),
        "movement": WeeklyCounts(),
    }


def test_actions_leave_the_original_scheduler_untouched() -> None:
    sched = scheduler()
    sched.done(DIARY_KEY, at(2, 20))
    sched.pause_not_now(at(2, 20))
    assert sched.state == ReminderState()
    assert sched.settings.paused_until is None
    with pytest.raises(TypeError):
        sched.state.last_fired["diary"] = at(2, 20)  # type: ignore[index]


# ------------------------------------------------------------------------ validation, round trips


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"diary": {"time": "25:00"}}, "diary.time"),
        ({"diary": {"time": "8pm"}}, "diary.time"),
        ({"diary": {"enabled": "yes"}}, "diary.enabled"),
        ({"diary": "20:00"}, "diary"),
        ({"breaks": {"every_min": 5}}, "breaks.every_min"),
        ({"breaks": {"every_min": 241}}, "breaks.every_min"),
        ({"breaks": {"every_min": "50"}}, "breaks.every_min"),
        ({"breaks": {"start": "17:00", "end": "09:00"}}, "breaks.end"),
        ({"breaks": {"days": [1, 7]}}, "breaks.days"),
        ({"breaks": {"program_id": ""}}, "breaks.program_id"),
        ({"quiet": {"start": "07:00", "end": "07:00"}}, "quiet.end"),
        ({"quiet": {"start": 22}}, "quiet.start"),
        ({"exercises": [{"days": [1]}]}, "exercises[0].program_id"),
        ({"exercises": [{"program_id": "x", "days": []}]}, "exercises[0].days"),
        ({"exercises": [{"program_id": "x", "days": "mon"}]}, "exercises[0].days"),
        ({"exercises": [{"program_id": "x", "colour": "red"}]}, "exercises[0].colour"),
        ({"exercises": [{"program_id": "x"}, {"program_id": "x"}]}, "exercises[1]"),
        ({"exercises": ["x"]}, "exercises[0]"),
        ({"exercises": {"program_id": "x"}}, "exercises"),
        ({"paused_until": "soon"}, "paused_until"),
        ({"volume": 3}, "volume"),
    ],
)
def test_settings_errors_name_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        ReminderSettings.from_dict(data)
    assert err.value.field == field


def test_settings_constructors_validate_too() -> None:
    with pytest.raises(ValidationError) as err:
        MovementBreaks(every_min=9)
    assert err.value.field == "every_min"
    with pytest.raises(ValidationError) as err:
        DiaryReminder(time=time(20, 0, 30))
    assert err.value.field == "time"
    with pytest.raises(ValidationError) as err:
        ReminderSettings(paused_until=datetime(2026, 3, 2, 10))
    assert err.value.field == "paused_until"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"weekly": {"2026-W10": {"diary": {"done": -1}}}}, "weekly.2026-W10.diary.done"),
        ({"weekly": {"2026-W10": {"chores": {"done": 1}}}}, "weekly.2026-W10"),
        ({"weekly": {"week 10": {}}}, "weekly"),
        ({"last_fired": {"nonsense": "2026-03-02T20:00+01:00"}}, "last_fired"),
        ({"snoozed_until": {"diary": "later"}}, "snoozed_until.diary"),
        ({"last_handled": []}, "last_handled"),
    ],
)
def test_state_errors_name_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        ReminderState.from_dict(data)
    assert err.value.field == field


def test_defaults_and_partial_dicts() -> None:
    settings = ReminderSettings.from_dict({})
    assert settings == ReminderSettings()
    assert settings.diary == DiaryReminder(enabled=True, time=time(20))
    assert settings.breaks.every_min == 50
    assert settings.breaks.days == frozenset({0, 1, 2, 3, 4})
    assert (settings.breaks.start, settings.breaks.end) == (time(9), time(17))
    assert (settings.quiet.start, settings.quiet.end) == (time(22), time(7))
    assert not settings.breaks.enabled
    assert ReminderSettings.from_dict({"diary": {"time": "19:45"}}).diary.time == time(19, 45)


def test_settings_round_trip_through_json() -> None:
    settings = ReminderSettings(
        diary=DiaryReminder(enabled=False, time=time(21, 15)),
        exercises=(
            ExerciseReminder("strength", days=frozenset({1, 3}), time=time(7, 5)),
            ExerciseReminder("strength", days=frozenset({6}), time=time(18), enabled=False),
        ),
        breaks=MovementBreaks(enabled=True, every_min=45, days=frozenset({0, 1, 2, 3})),
        quiet=QuietHours(start=time(23), end=time(6, 30)),
        paused_until=at(3, 9),
    )
    data = json.loads(json.dumps(settings.to_dict()))
    assert data["exercises"][0] == {
        "enabled": True,
        "program_id": "strength",
        "days": [1, 3],
        "time": "07:05",
    }
    assert ReminderSettings.from_dict(data) == settings


def test_state_round_trip_through_json() -> None:
    sched = scheduler(breaks=BREAKS)
    _, sched = sched.poll(at(2, 9, 50))
    sched = sched.snooze(MOVEMENT_KEY, 30, at(2, 9, 52)).done(DIARY_KEY, at(2, 20))
    data = json.loads(json.dumps(sched.state.to_dict()))
    restored = ReminderState.from_dict(data)
    assert restored == sched.state
    again = ReminderScheduler(sched.settings, restored, tz=AMS)
    assert again.next_wakeup(at(2, 9, 52)) == sched.next_wakeup(at(2, 9, 52)) == at(2, 10, 22)
    assert ReminderState.from_dict({}) == ReminderState()


# --------------------------------------------------------------------------- property


PROPERTY_SETTINGS = ReminderSettings(
    diary=DiaryReminder(time=time(20)),
    exercises=(
        ExerciseReminder("strength", days=frozenset({0, 2, 4}), time=time(7, 30)),
        ExerciseReminder("night", days=frozenset(range(7)), time=time(2, 30)),
    ),
    breaks=MovementBreaks(enabled=True, every_min=35, days=frozenset(range(7))),
    quiet=QuietHours(start=time(23), end=time(1)),
)
STARTS = [datetime(2026, 3, 27, 12, tzinfo=UTC), datetime(2026, 10, 23, 12, tzinfo=UTC)]
steps = st.lists(
    st.tuples(
        st.one_of(
            st.integers(1, 2 * 3600),  # the app running
            st.integers(2 * 3600, 40 * 3600),  # sleep, or the clock set forward
            st.integers(-12 * 3600, -1),  # the clock set backwards
        ),
        st.sampled_from(["none", "none", "done", "skip", "snooze5", "snooze30", "pause", "resume"]),
        st.floats(0.01, 0.99),
    ),
    max_size=40,
)


@given(
    start=st.sampled_from(STARTS),
    offset_min=st.integers(0, 4 * 24 * 60),
    moves=steps,
)
def test_each_occurrence_fires_at_most_once(
    start: datetime, offset_min: int, moves: list[tuple[int, str, float]]
) -> None:
    sched = ReminderScheduler(PROPERTY_SETTINGS, tz=AMS)
    now = (start + timedelta(minutes=offset_min)).astimezone(AMS)
    seen: set[tuple[str, datetime]] = set()
    latest = now.astimezone(UTC)
    for seconds, action, fraction in moves:
        now = (now.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(AMS)
        if latest - now.astimezone(UTC) > CLOCK_AHEAD_LIMIT:
            # Back by more than a day: the clock had been wrong, so what it fired later
            # than now may come again (CLOCK_AHEAD_LIMIT); once is still the rule from here.
            seen = {o for o in seen if o[1] <= now.astimezone(UTC)}
            latest = now.astimezone(UTC)
        latest = max(latest, now.astimezone(UTC))
        dues, sched = sched.poll(now)
        for due in dues:
            occurrence = (due.key, due.scheduled_for.astimezone(UTC))
            assert occurrence not in seen
            seen.add(occurrence)
            assert due.scheduled_for.astimezone(UTC) <= now.astimezone(UTC)
        assert len({d.key for d in dues}) == len(dues)
        if action == "pause":
            sched = sched.pause_not_now(now)
        elif action == "resume":
            sched = sched.resume(now)
        elif dues and action != "none":
            key = dues[0].key
            if action.startswith("snooze"):
                sched = sched.snooze(key, int(action.removeprefix("snooze")), now)
            else:
                sched = getattr(sched, action)(key, now)
        wakeup = sched.next_wakeup(now)
        assert wakeup is not None
        assert wakeup.astimezone(UTC) > now.astimezone(UTC)
        # Nothing is due before the wake-up, and something is due at it (when within reach).
        # Arithmetic in UTC: adding to a zone-aware datetime moves its wall time instead.
        utc_now = now.astimezone(UTC)
        between = (utc_now + (wakeup.astimezone(UTC) - utc_now) * fraction).astimezone(AMS)
        if between.astimezone(UTC) > utc_now:
            assert sched.due(between) == []
        if wakeup - now < timedelta(days=7):
            assert sched.due(wakeup) != []


def test_resume_after_the_pause_ran_out_brings_nothing_back() -> None:
    """Found by the property test: a break planned during the pause came back at resume."""
    start = datetime(2026, 3, 27, 12, tzinfo=UTC).astimezone(AMS)
    sched = ReminderScheduler(PROPERTY_SETTINGS, tz=AMS)
    now = start + timedelta(seconds=1)
    _, sched = sched.poll(now)
    sched = sched.pause_not_now(now)
    now = (now.astimezone(UTC) + timedelta(hours=1)).astimezone(AMS)
    _, sched = sched.poll(now)
    sched = sched.resume(now)
    wakeup = sched.next_wakeup(now)
    assert wakeup is not None
    halfway = (now.astimezone(UTC) + (wakeup.astimezone(UTC) - now.astimezone(UTC)) / 2).astimezone(
        AMS
    )
    assert sched.due(halfway) == []
    assert sched.due(wakeup) != []
