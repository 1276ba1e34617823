"""Sitting time: a movement break is due after N minutes at the computer, not on the clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from rugdiary.core.activity import ActivitySample, ActivitySource, sample
from rugdiary.core.diary import ValidationError, reject_unknown
from rugdiary.core.reminders import SNOOZE_MINUTES, MovementBreaks

BREAK_LENGTH: Final = dt.timedelta(minutes=5)
"""Away (idle or locked) at least this long is a natural break: the desk break itself
takes three minutes, so five minutes away from the keyboard is at least as good. A
shorter lock (Super+L while a colleague asks something) is a pause, as the report's
definition says ("screen locked for at least 5 minutes")."""

PRESENT_IDLE: Final = dt.timedelta(minutes=1)
"""A break is only shown to someone who touched the keyboard or mouse this recently."""

AWAY_POLL: Final = dt.timedelta(minutes=1)
"""While the person is away or a due break waits for them, ask this often."""

HOLD_POLL: Final = dt.timedelta(minutes=1)
"""While a full-screen window or do-not-disturb holds a due break, ask this often."""

MIN_POLL: Final = dt.timedelta(seconds=5)
MAX_SAMPLE_GAP: Final = 3 * BREAK_LENGTH
"""While a stretch runs, samples are at most `BREAK_LENGTH` apart; a much longer gap means
the app did not run (asleep, or frozen) and counts as time away, not as sitting."""
SLEEP_SLACK: Final = dt.timedelta(seconds=60)
"""Wall time that ran ahead of the monotonic clock by more than this was spent asleep (or,
where the time asleep is known, the wall clock was set by more than this)."""

LOOKAHEAD_DAYS: Final = 8

_UTC: Final = dt.UTC
_COUNTS: Final = ("taken", "skipped", "postponed", "natural")
_MOMENTS: Final = (
    "stretch_start",
    "count_from",
    "counted_until",
    "snoozed_until",
    "last_input",
    "last_sample",
    "locked_since",
    "break_taken_at",
)
"""The tracker's wall-clock moments: a wall clock that is set moves all of them with it."""


def system_time_asleep() -> float | None:
    """Seconds this computer has been suspended since it started, or None where unknown.

    On Linux the monotonic clock stops during suspend and CLOCK_BOOTTIME does not, so their
    difference grows only in sleep. That tells sleep (wall time ran on, the monotonic
    clock did not) from a wall clock that was set (NTP after boot, by hand): without it the
    two look alike. Elsewhere (no CLOCK_BOOTTIME) this is None and the tracker treats a
    wall-clock jump as before.
    """
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is None:
        return None
    try:
        return time.clock_gettime(boottime) - time.clock_gettime(time.CLOCK_MONOTONIC)
    except OSError:
        return None


@dataclass(frozen=True, slots=True)
class SittingDay:
    """One day's sitting figures: durations and counts only, nothing about what was done.

    - `active_s`: seconds at the computer within working hours (short pauses included).
    - `longest_s`: the longest unbroken stretch that day.
    - `taken`, `skipped`, `postponed`: answers to break reminders; `taken` also counts
      the break program played without a reminder (from the tray, say).
    - `natural`: breaks the person took by themselves (away or screen locked for at least
      `BREAK_LENGTH`), not counting the time away that follows a taken break.
    """

    day: dt.date
    active_s: int = 0
    longest_s: int = 0
    taken: int = 0
    skipped: int = 0
    postponed: int = 0
    natural: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.day, dt.date) or isinstance(self.day, dt.datetime):
            raise ValidationError("day", "must be a date like 2026-03-02")
        for name in ("active_s", "longest_s", *_COUNTS):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(name, "must be a whole number of at least 0")
        if self.active_s > 86_400 or self.longest_s > 86_400:
            raise ValidationError("active_s", "cannot be more than a day")

    @property
    def active_min(self) -> int:
        return round(self.active_s / 60)

    @property
    def longest_min(self) -> int:
        return round(self.longest_s / 60)

    def merged(self, other: SittingDay) -> SittingDay:
        """Both together: durations and counts add up, the longest stretch is the longer."""
        if other.day != self.day:
            raise ValueError("only figures of the same day can be merged")
        return SittingDay(
            day=self.day,
            active_s=min(86_400, self.active_s + other.active_s),
            longest_s=max(self.longest_s, other.longest_s),
            **{name: getattr(self, name) + getattr(other, name) for name in _COUNTS},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "active_s": self.active_s,
            "longest_s": self.longest_s,
            **{name: getattr(self, name) for name in _COUNTS},
        }

    def to_summary(self) -> dict[str, Any]:
        """The form `summary --json` prints: minutes and counts."""
        return {
            "day": self.day.isoformat(),
            "active_min": self.active_min,
            "longest_min": self.longest_min,
            "breaks_taken": self.taken,
            "breaks_skipped": self.skipped,
            "breaks_postponed": self.postponed,
            "breaks_natural": self.natural,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SittingDay:
        if not isinstance(data, Mapping):
            raise ValidationError("sitting", "must be an object with fields")
        known = {f.name for f in dataclasses.fields(cls)}
        reject_unknown(data, known, "is not a field of a sitting day")
        values = dict(data)
        raw_day = values.get("day")
        try:
            values["day"] = dt.date.fromisoformat(raw_day) if isinstance(raw_day, str) else None
        except ValueError:
            values["day"] = None
        if values["day"] is None:
            raise ValidationError("day", f"{raw_day!r} is not a date like 2026-03-02")
        return cls(**values)


def total(days: Iterable[SittingDay]) -> dict[str, int]:
    """Minutes and counts over several days (the report's period line)."""
    items = list(days)
    return {
        "days": len(items),
        "active_min": round(sum(d.active_s for d in items) / 60),
        "longest_min": max((d.longest_min for d in items), default=0),
        **{name: sum(getattr(d, name) for d in items) for name in _COUNTS},
    }


@dataclass(frozen=True, slots=True)
class SittingUpdate:
    """What one observation changed, for the reminder service to act on."""

    natural_break: bool = False
    """A stretch ended because the person was away: a waiting break is not needed any more."""
    away: bool = False
    """The person is not at the computer now (idle, locked or asleep): a break that waits
    for them goes (a short lock does not end the stretch, so it comes back after it)."""


@dataclass(frozen=True, slots=True)
class SittingStep:
    """The outcome of one `SittingTracker.step`."""

    natural_break: bool
    away: bool
    offer: bool
    """Show the movement break now."""
    held: bool
    """A break is due but a full-screen window or do-not-disturb holds it."""
    next_check: dt.datetime | None


class SittingTracker:
    """Counts unbroken sitting from activity samples and says when a movement break is due.

    Deterministic: every method takes the moment it is about, and the caller (the
    reminder service) owns the clock, the timer and the storage. All times are kept
    in UTC; days and working hours are local to `tz` (default: the zone of `now`).

    Rules:
    - Sitting counts only within working hours on working days: that is when a break
      can be due, so the desktop is not asked at other times.
    - A stretch runs from the first sample that finds the person present; short pauses
      (reading, thinking, a screen locked for a moment) belong to it. It ends at the last
      input before an absence of at least `BREAK_LENGTH`, a screen locked that long, or a
      computer that slept; such an end within a stretch is a natural break and restarts
      the count. The absence that follows a taken break is that break, not another one.
    - A wall clock that is set (known where the time asleep is known, `asleep`) moves the
      stretch with it instead of ending it.
    - A break is due `every_min` after the stretch started (or after the last answer),
      but only while the person is present; a postponed break comes back after its
      minutes.
    - Figures are collected per local day as unsaved deltas (`take_pending`), so the
      caller merges them into what is stored.
    """

    def __init__(self, breaks: MovementBreaks, tz: dt.tzinfo | None = None) -> None:
        self.breaks = breaks
        self.tz = tz
        self.stretch_start: dt.datetime | None = None
        self.count_from: dt.datetime | None = None
        self.counted_until: dt.datetime | None = None
        self.snoozed_until: dt.datetime | None = None
        self.last_input: dt.datetime | None = None
        self.last_sample: dt.datetime | None = None
        self.last_mono: float | None = None
        self.last_asleep: float | None = None
        self.locked_since: dt.datetime | None = None
        """When the screen lock that is on now began (the last input before it)."""
        self.break_taken_at: dt.datetime | None = None
        """When the last break was taken: the stretch that starts then may end in that break."""
        self.present = False
        self.offered = False
        """A break reminder is showing and waits for an answer."""
        self._pending: dict[dt.date, SittingDay] = {}
        self._seen_zone: dt.tzinfo = _UTC

    # -- observations ---------------------------------------------------------------------

    def observe(
        self,
        now: dt.datetime,
        monotonic: float,
        sample: ActivitySample,
        *,
        asleep: float | None = None,
    ) -> SittingUpdate:
        """Take one sample at `now` (wall clock) and `monotonic` (seconds; stops in sleep).

        `asleep`: the computer's time suspended so far (`system_time_asleep`), or None
        where it is not known; with it a wall clock that was set is not taken for sleep.
        """
        at = self._at(now)
        natural = False
        slept = False
        if self.last_sample is not None and self.last_mono is not None:
            mono_gap = dt.timedelta(seconds=max(0.0, monotonic - self.last_mono))
            if asleep is not None and self.last_asleep is not None:
                elapsed = mono_gap + dt.timedelta(seconds=max(0.0, asleep - self.last_asleep))
                stepped = (at - self.last_sample) - elapsed
                if abs(stepped) > SLEEP_SLACK:
                    # The wall clock was set (the time asleep explains no more than the
                    # monotonic clock): the stretch carries on, on the new clock.
                    self._shift(stepped)
            assert self.last_sample is not None
            wall_gap = at - self.last_sample
            if wall_gap < dt.timedelta(0):
                # The clock was set back: start afresh rather than count negative time.
                natural = self._end_stretch(self.counted_until or at, natural=False)
                self.counted_until = None
            elif wall_gap - mono_gap > SLEEP_SLACK or (
                self.stretch_start is not None and wall_gap > MAX_SAMPLE_GAP
            ):
                # The computer slept: away from the last thing seen before it. Where the
                # monotonic clock runs on in sleep (Windows), a gap far longer than any
                # planned wait says the same; the last input then marks the return.
                before = min(self.last_input or self.last_sample, self.last_sample)
                if wall_gap - mono_gap > SLEEP_SLACK:
                    woke = at - mono_gap
                else:
                    woke = at - dt.timedelta(seconds=sample.idle_s)
                if woke - before >= BREAK_LENGTH:
                    slept = True
                    natural = self._end_stretch(before, natural=True)
        self.last_sample = at
        self.last_mono = monotonic
        self.last_asleep = asleep
        idle = dt.timedelta(seconds=sample.idle_s)
        last_input = at - idle
        self.last_input = last_input
        window = self._window(at)
        # A lock is a break once it has lasted `BREAK_LENGTH`, like time away; a shorter
        # one only means "not here now". It is timed from the last input before it (the
        # keys that locked it); the input that unlocks it ends it.
        lock_break_from: dt.datetime | None = None
        if sample.locked:
            if self.locked_since is None:
                self.locked_since = last_input
            if at - self.locked_since >= BREAK_LENGTH:
                lock_break_from = self.locked_since
        elif self.locked_since is not None:
            if last_input - self.locked_since >= BREAK_LENGTH:
                lock_break_from = self.locked_since  # seen only now that it is over
            self.locked_since = None
        away = idle >= BREAK_LENGTH or (sample.locked and lock_break_from is not None)
        absent = away or sample.locked
        self.present = not absent and idle < PRESENT_IDLE
        if absent:
            self.offered = False  # the service drops a waiting break when they are not here

        if self.stretch_start is not None:
            stretch_window = self._window(self.stretch_start)
            end_of_day = stretch_window[1] if stretch_window is not None else self.stretch_start
            if window is None or at >= end_of_day:
                self._end_stretch(min(last_input, end_of_day), natural=False)
            elif away:
                end = last_input if lock_break_from is None else min(last_input, lock_break_from)
                natural = self._end_stretch(end, natural=True) or natural
            elif lock_break_from is not None:
                # Back from a long lock that no sample saw long: a break all the same, and
                # the new stretch starts at the input that unlocked the screen.
                natural = self._end_stretch(lock_break_from, natural=True) or natural
                self.counted_until = last_input
            elif sample.locked:
                assert self.locked_since is not None
                self._count(min(last_input, self.locked_since))
            else:
                self._count(last_input)
        if not absent and self.stretch_start is None and window is not None and at >= window[0]:
            start = window[0]
            if self.counted_until is not None and not slept:
                start = max(start, self.counted_until)
            else:
                start = max(start, last_input)
            start = min(start, at)
            self.stretch_start = self.count_from = self.counted_until = start
            self.snoozed_until = None
            self._count(last_input)
        if self.stretch_start is None:
            self.counted_until = at
        return SittingUpdate(natural_break=natural, away=absent or self.stretch_start is None)

    def due(self, now: dt.datetime) -> bool:
        """Whether a break should be offered now (after `observe` at this moment)."""
        at = self._at(now)
        if self.offered or not self.present or self.stretch_start is None:
            return False
        window = self._window(at)
        if window is None or at < window[0]:
            return False
        return at >= self.due_at()

    def due_at(self) -> dt.datetime:
        """When the running stretch makes a break due (postponed: when the snooze ends)."""
        if self.snoozed_until is not None:
            return self.snoozed_until
        anchor = self.count_from or self.stretch_start
        assert anchor is not None, "due_at needs a running stretch"
        return anchor + dt.timedelta(minutes=self.breaks.every_min)

    def next_check(
        self, now: dt.datetime, *, held: bool = False, blocked: bool = False
    ) -> dt.datetime | None:
        """When to sample again: no sooner than needed, and None when breaks are off.

        Present and sitting: when the break falls due, or when the last input would
        have become a natural break, whichever is first (at most `BREAK_LENGTH`).
        Away, or a due break waiting for the person: every `AWAY_POLL`. Held by a
        full-screen window: every `HOLD_POLL`. Outside working hours: their next start.
        """
        if not self.breaks.enabled:
            return None
        at = self._at(now)
        window = self._window(at)
        if window is None:
            return self._next_window_start(at)
        if at < window[0]:
            return window[0].astimezone(self._zone_of(at))
        wait: dt.timedelta
        if held:
            wait = HOLD_POLL
        elif self.stretch_start is None or not self.present:
            wait = AWAY_POLL
        else:
            candidates = [window[1] - at, BREAK_LENGTH]
            if self.last_input is not None:
                candidates.append(self.last_input + BREAK_LENGTH - at)
            if not self.offered and not blocked and self.due_at() > at:
                candidates.append(self.due_at() - at)
            wait = min(candidates)
        return (at + max(wait, MIN_POLL)).astimezone(self._zone_of(at))

    def step(
        self,
        now: dt.datetime,
        monotonic: float,
        source: ActivitySource,
        *,
        blocked: bool = False,
        asleep: float | None = None,
    ) -> SittingStep:
        """Sample `source`, and decide: offer a break now, hold it, or wait.

        `blocked`: the pause switch or quiet hours are on, so nothing may be offered.
        `source.busy()` is asked only when a break is due, because on some desktops it
        costs more than the idle time (GNOME's do-not-disturb is read through gsettings,
        which that source keeps for a while: ui/activity/dbus.py). `asleep`: see `observe`.
        """
        update = self.observe(now, monotonic, sample(source), asleep=asleep)
        offer = held = False
        if not blocked and self.due(now):
            if source.busy():
                held = True
            else:
                offer = True
                self.mark_offered()
        return SittingStep(
            natural_break=update.natural_break,
            away=update.away,
            offer=offer,
            held=held,
            next_check=self.next_check(now, held=held, blocked=blocked),
        )

    # -- answers ----------------------------------------------------------------------------

    def mark_offered(self) -> None:
        self.offered = True

    def taken(self, now: dt.datetime) -> None:
        """The person did the break: the stretch ends now and a new one starts after it.

        When they walk away for it (or on after it), that absence is this break: it is not
        counted a second time as a natural one (`_end_stretch`).
        """
        at = self._at(now)
        self._count(at)
        self._end_stretch(at, natural=False)
        self._bump(at, "taken")
        self.stretch_start = self.count_from = self.counted_until = at
        self.break_taken_at = at
        self.offered = False

    def just_took_break(self, now: dt.datetime) -> bool:
        """Whether the running stretch began with a break taken less than `BREAK_LENGTH` ago."""
        taken = self.break_taken_at
        if taken is None or self.stretch_start != taken:
            return False
        return self._at(now) - taken < BREAK_LENGTH

    def skipped(self, now: dt.datetime) -> None:
        """Let this one go: they sit on, and the next break comes `every_min` from now."""
        at = self._at(now)
        self._bump(at, "skipped")
        if self.stretch_start is not None:
            self.count_from = at
        self.snoozed_until = None
        self.offered = False

    def postponed(self, now: dt.datetime, minutes: int) -> None:
        """Ask again in `minutes` (5, 15 or 30) if they are still sitting then."""
        if isinstance(minutes, bool) or minutes not in SNOOZE_MINUTES:
            raise ValidationError("minutes", "must be one of 5, 15, 30")
        at = self._at(now)
        self._bump(at, "postponed")
        self.snoozed_until = at + dt.timedelta(minutes=minutes)
        self.offered = False

    def with_breaks(self, breaks: MovementBreaks) -> None:
        """New settings: a running stretch carries on under them."""
        self.breaks = breaks

    def reset(self) -> None:
        """Forget the stretch and what was last seen; the unsaved figures stay.

        For movement breaks switched off: a break that was showing waits no more, and when
        they are on again the count starts afresh at the next sample. The time between is
        neither sitting nor a break: a stale last sample would make it look like sleep.
        """
        for name in _MOMENTS:
            setattr(self, name, None)
        self.last_mono = self.last_asleep = None
        self.present = self.offered = False

    # -- figures ----------------------------------------------------------------------------

    def pending(self) -> dict[dt.date, SittingDay]:
        """Figures not yet handed to storage, per local day."""
        return dict(self._pending)

    def take_pending(self) -> list[SittingDay]:
        """Hand over the unsaved figures and forget them (the caller stores them)."""
        out = [self._pending[day] for day in sorted(self._pending)]
        self._pending.clear()
        return out

    def unsaved_active(self) -> dt.timedelta:
        return dt.timedelta(seconds=sum(d.active_s for d in self._pending.values()))

    # -- internals ---------------------------------------------------------------------------

    def _at(self, now: dt.datetime) -> dt.datetime:
        """`now` in UTC, remembering its zone for local days when no `tz` was given."""
        at = _utc(now)
        if self.tz is None and now.tzinfo is not None:
            self._seen_zone = now.tzinfo
        return at

    def _window(self, at: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
        """Today's working hours (UTC), or None after them or on a day off. Before they
        start it is still today's window, so that callers can wait for its start."""
        local = at.astimezone(self._zone_of(at))
        day = local.date()
        if day.weekday() not in self.breaks.days:
            return None
        zone = self._zone_of(at)
        start = dt.datetime.combine(day, self.breaks.start, tzinfo=zone).astimezone(_UTC)
        end = dt.datetime.combine(day, self.breaks.end, tzinfo=zone).astimezone(_UTC)
        if at >= end:
            return None
        return start, end

    def _zone_of(self, at: dt.datetime) -> dt.tzinfo:
        return self.tz if self.tz is not None else self._seen_zone

    def _next_window_start(self, at: dt.datetime) -> dt.datetime | None:
        zone = self._zone_of(at)
        day = at.astimezone(zone).date()
        for offset in range(LOOKAHEAD_DAYS + 1):
            candidate = day + dt.timedelta(days=offset)
            if candidate.weekday() not in self.breaks.days:
                continue
            start = dt.datetime.combine(candidate, self.breaks.start, tzinfo=zone)
            if start.astimezone(_UTC) > at:
                return start
        return (at + dt.timedelta(days=LOOKAHEAD_DAYS)).astimezone(zone)

    def _count(self, until: dt.datetime) -> None:
        """Add sitting from `counted_until` to `until` to its day, and the stretch's length."""
        if self.stretch_start is None or self.counted_until is None:
            return
        if until <= self.counted_until:
            return
        day = self.counted_until.astimezone(self._zone_of(self.counted_until)).date()
        seconds = round((until - self.counted_until).total_seconds())
        longest = round((until - self.stretch_start).total_seconds())
        current = self._pending.get(day, SittingDay(day))
        self._pending[day] = dataclasses.replace(
            current,
            active_s=min(86_400, current.active_s + seconds),
            longest_s=min(86_400, max(current.longest_s, longest)),
        )
        self.counted_until = until

    def _shift(self, by: dt.timedelta) -> None:
        """Move every remembered moment by `by`: the wall clock was set by that much."""
        for name in _MOMENTS:
            moment = getattr(self, name)
            if moment is not None:
                setattr(self, name, moment + by)

    def _end_stretch(self, end: dt.datetime, *, natural: bool) -> bool:
        """Close the running stretch at `end`; True when that counts as a natural break.

        Not natural when the stretch began with a taken break and ends within
        `BREAK_LENGTH` of it: the person went away for the break they said they took.
        """
        if self.stretch_start is None:
            return False
        self._count(max(end, self.stretch_start))
        started = self.stretch_start
        if natural and started == self.break_taken_at and end - started < BREAK_LENGTH:
            natural = False
        self.stretch_start = self.count_from = None
        self.snoozed_until = None
        self.offered = False
        if natural:
            self._bump(max(end, started), "natural")
        return natural

    def _bump(self, at: dt.datetime, name: str) -> None:
        day = at.astimezone(self._zone_of(at)).date()
        current = self._pending.get(day, SittingDay(day))
        self._pending[day] = dataclasses.replace(current, **{name: getattr(current, name) + 1})


def _utc(moment: dt.datetime) -> dt.datetime:
    if not isinstance(moment, dt.datetime) or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} must be a timezone-aware datetime")
    return moment.astimezone(_UTC)
