"""Reminder settings and a pure, wall-clock scheduler for diary, exercise and movement reminders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal, cast

# At module level on purpose: a GUI launch imports this module before Qt (preload.py),
# and what is imported after PySide6 has its source read by PySide (ui/__init__.py).
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rugdiary.core.diary import ValidationError, parse_datetime, reject_unknown

ReminderKind = Literal["diary", "exercise", "movement"]
KINDS: Final[tuple[ReminderKind, ...]] = ("diary", "exercise", "movement")

DIARY_KEY: Final = "diary"
MOVEMENT_KEY: Final = "movement"
EXERCISE_PREFIX: Final = "exercise:"

SNOOZE_MINUTES: Final[tuple[int, ...]] = (5, 15, 30)
"""The snooze choices a reminder offers; few fixed choices keep the banner calm."""

NOT_NOW_MINUTES: Final = 60
""""Not now" pauses every reminder for this long."""

MIN_BREAK_EVERY_MIN: Final = 10
MAX_BREAK_EVERY_MIN: Final = 240
WEEKDAYS: Final = frozenset(range(7))
WORKDAYS: Final = frozenset(range(5))
DEFAULT_MORNING: Final = dt.time(7, 0)
"""Where "until tomorrow" ends when there are no working hours to start from."""

LOOKAHEAD_DAYS: Final = 8
"""How far `next_wakeup` searches: a week plus one day covers every weekly schedule."""

RECHECK_CAP: Final = dt.timedelta(minutes=15)
"""The longest a UI timer should wait before asking again (see `timer_delay_ms`)."""

CLOCK_AHEAD_LIMIT: Final = dt.timedelta(days=1)
"""A stamp further than this ahead of `now` came from a clock that was wrong (set a day or
more ahead, then corrected). It is treated as `now`: kept as it was, it would silence the
reminder until the wrong date came round. A clock set back by less is trusted as before."""

ProgramExists = Callable[[str], bool]
"""Answers whether a program id still names a program (built-in or the person's own).

Given by the caller, so the core asks without knowing where programs are stored."""

_UTC: Final = dt.UTC
_MIDNIGHT: Final = dt.time(0, 0)
_ONE_SECOND: Final = dt.timedelta(seconds=1)
_HHMM: Final = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True, slots=True)
class DiaryReminder:
    """A daily nudge to log pain and stress; on by default because the diary is the core."""

    enabled: bool = True
    time: dt.time = dt.time(20, 0)

    def __post_init__(self) -> None:
        _check_bool("enabled", self.enabled)
        _check_time("time", self.time)

    @property
    def key(self) -> str:
        """The state key; there is one diary reminder, so the key is fixed."""
        return DIARY_KEY

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the `settings` table."""
        return {"enabled": self.enabled, "time": _format_time(self.time)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DiaryReminder:
        """Build from the stored form; missing fields take defaults so old settings still load."""
        values = _known_fields(cls, data, "diary reminder")
        if "time" in values:
            values["time"] = _parse_time(values["time"], "time")
        return cls(**values)


@dataclass(frozen=True, slots=True)
class ExerciseReminder:
    """A reminder to do one program on chosen weekdays (0 = Monday … 6 = Sunday) at a time."""

    program_id: str
    days: frozenset[int] = frozenset({0, 2, 4})
    time: dt.time = dt.time(18, 0)
    enabled: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.program_id, str) or not self.program_id.strip():
            raise ValidationError("program_id", "choose a program")
        _check_days("days", self.days)
        _check_time("time", self.time)
        _check_bool("enabled", self.enabled)

    @property
    def key(self) -> str:
        """The state key: program and time, so one program can be reminded twice a day."""
        return f"{EXERCISE_PREFIX}{self.program_id}@{_format_time(self.time)}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form; days as a sorted list because JSON has no sets."""
        return {
            "enabled": self.enabled,
            "program_id": self.program_id,
            "days": sorted(self.days),
            "time": _format_time(self.time),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExerciseReminder:
        """Build from the stored form, naming the field of any error."""
        values = _known_fields(cls, data, "exercise reminder")
        if "program_id" not in values:
            raise ValidationError("program_id", "is required")
        if "days" in values:
            values["days"] = _parse_days(values["days"], "days")
        if "time" in values:
            values["time"] = _parse_time(values["time"], "time")
        return cls(**values)


@dataclass(frozen=True, slots=True)
class MovementBreaks:
    """Short breaks every `every_min` minutes within working hours on working days.

    Off by default: a notification during work is something the user should ask for.
    """

    enabled: bool = False
    every_min: int = 50
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(17, 0)
    days: frozenset[int] = WORKDAYS
    program_id: str = "desk-break"

    def __post_init__(self) -> None:
        _check_bool("enabled", self.enabled)
        if isinstance(self.every_min, bool) or not isinstance(self.every_min, int):
            raise ValidationError("every_min", "must be a whole number of minutes")
        if not MIN_BREAK_EVERY_MIN <= self.every_min <= MAX_BREAK_EVERY_MIN:
            raise ValidationError(
                "every_min",
                f"must be from {MIN_BREAK_EVERY_MIN} to {MAX_BREAK_EVERY_MIN} minutes, "
                f"not {self.every_min}",
            )
        _check_time("start", self.start)
        _check_time("end", self.end)
        # Working hours that cross midnight would make "today's working period" ambiguous.
        if self.end <= self.start:
            raise ValidationError("end", "must be later than the start of working hours")
        _check_days("days", self.days)
        if not isinstance(self.program_id, str) or not self.program_id.strip():
            raise ValidationError("program_id", "choose a program")

    @property
    def key(self) -> str:
        """The state key; there is one movement-break series."""
        return MOVEMENT_KEY

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the `settings` table."""
        return {
            "enabled": self.enabled,
            "every_min": self.every_min,
            "start": _format_time(self.start),
            "end": _format_time(self.end),
            "days": sorted(self.days),
            "program_id": self.program_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MovementBreaks:
        """Build from the stored form, naming the field of any error."""
        values = _known_fields(cls, data, "movement breaks")
        for name in ("start", "end"):
            if name in values:
                values[name] = _parse_time(values[name], name)
        if "days" in values:
            values["days"] = _parse_days(values["days"], "days")
        return cls(**values)


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window, possibly across midnight, in which nothing is shown."""

    enabled: bool = True
    start: dt.time = dt.time(22, 0)
    end: dt.time = dt.time(7, 0)

    def __post_init__(self) -> None:
        _check_bool("enabled", self.enabled)
        _check_time("start", self.start)
        _check_time("end", self.end)
        if self.start == self.end:
            raise ValidationError("end", "must differ from the start of quiet hours")

    @property
    def crosses_midnight(self) -> bool:
        """True for the usual night window such as 22:00–07:00."""
        return self.end < self.start

    def contains(self, moment: dt.time) -> bool:
        """Whether a local time of day lies in the window (start included, end excluded)."""
        if not self.enabled:
            return False
        if self.crosses_midnight:
            return moment >= self.start or moment < self.end
        return self.start <= moment < self.end

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the `settings` table."""
        return {
            "enabled": self.enabled,
            "start": _format_time(self.start),
            "end": _format_time(self.end),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuietHours:
        """Build from the stored form, naming the field of any error."""
        values = _known_fields(cls, data, "quiet hours")
        for name in ("start", "end"):
            if name in values:
                values[name] = _parse_time(values[name], name)
        return cls(**values)


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """Everything the user chose about reminders; stored as one dict in the `settings` table.

    `paused_until` lives here rather than in the state because it is a choice the user
    sees and changes on the Settings page and in the tray menu.
    """

    diary: DiaryReminder = field(default_factory=DiaryReminder)
    exercises: tuple[ExerciseReminder, ...] = ()
    breaks: MovementBreaks = field(default_factory=MovementBreaks)
    quiet: QuietHours = field(default_factory=QuietHours)
    paused_until: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.diary, DiaryReminder):
            raise ValidationError("diary", "must be a diary reminder")
        if not isinstance(self.exercises, tuple):
            raise ValidationError("exercises", "must be a list")
        seen: set[str] = set()
        for i, reminder in enumerate(self.exercises):
            if not isinstance(reminder, ExerciseReminder):
                raise ValidationError(f"exercises[{i}]", "must be an exercise reminder")
            # Two reminders with one key would share their fired/snoozed state.
            if reminder.key in seen:
                raise ValidationError(
                    f"exercises[{i}]", "the same program is already reminded at this time"
                )
            seen.add(reminder.key)
        if not isinstance(self.breaks, MovementBreaks):
            raise ValidationError("breaks", "must be movement-break settings")
        if not isinstance(self.quiet, QuietHours):
            raise ValidationError("quiet", "must be quiet-hour settings")
        if self.paused_until is not None and (
            not isinstance(self.paused_until, dt.datetime) or self.paused_until.utcoffset() is None
        ):
            raise ValidationError("paused_until", "must be a date and time with a UTC offset")

    @property
    def any_enabled(self) -> bool:
        """Whether any reminder could ever fire; with none, the UI needs no timer at all."""
        return (
            self.diary.enabled
            or self.breaks.enabled
            or any(reminder.enabled for reminder in self.exercises)
        )

    def enabled_keys(self) -> frozenset[str]:
        """The state keys of the reminders that are switched on.

        A reminder waiting in the UI under any other key was switched off, removed or
        moved to another time in the meantime, so it should no longer be shown.
        """
        keys = {r.key for r in self.exercises if r.enabled}
        if self.diary.enabled:
            keys.add(self.diary.key)
        if self.breaks.enabled:
            keys.add(self.breaks.key)
        return frozenset(keys)

    def replace(self, **changes: Any) -> ReminderSettings:
        """A validated copy with `changes` applied."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the `settings` table."""
        return {
            "diary": self.diary.to_dict(),
            "exercises": [reminder.to_dict() for reminder in self.exercises],
            "breaks": self.breaks.to_dict(),
            "quiet": self.quiet.to_dict(),
            "paused_until": None if self.paused_until is None else self.paused_until.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReminderSettings:
        """Build from the stored form; errors name the nested field, e.g. `breaks.every_min`."""
        values = _known_fields(cls, data, "reminder settings")
        if "diary" in values:
            diary = _mapping(values["diary"], "diary")
            with _field_prefix("diary"):
                values["diary"] = DiaryReminder.from_dict(diary)
        if "exercises" in values:
            items = values["exercises"]
            if not isinstance(items, (list, tuple)):
                raise ValidationError("exercises", "must be a list")
            parsed: list[ExerciseReminder] = []
            for i, item in enumerate(items):
                fields = _mapping(item, f"exercises[{i}]")
                with _field_prefix(f"exercises[{i}]"):
                    parsed.append(ExerciseReminder.from_dict(fields))
            values["exercises"] = tuple(parsed)
        if "breaks" in values:
            breaks = _mapping(values["breaks"], "breaks")
            with _field_prefix("breaks"):
                values["breaks"] = MovementBreaks.from_dict(breaks)
        if "quiet" in values:
            quiet = _mapping(values["quiet"], "quiet")
            with _field_prefix("quiet"):
                values["quiet"] = QuietHours.from_dict(quiet)
        if values.get("paused_until") is not None:
            values["paused_until"] = parse_datetime(values["paused_until"], "paused_until")
        return cls(**values)


# --------------------------------------------------------------------------- state


@dataclass(frozen=True, slots=True)
class WeeklyCounts:
    """How often reminders of one kind were done, snoozed or skipped in one ISO week.

    Counted without judgement: the Today page and the report show them, never a streak.
    """

    done: int = 0
    snoozed: int = 0
    skipped: int = 0

    def __post_init__(self) -> None:
        for name in ("done", "snoozed", "skipped"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(name, "must be a whole number of at least 0")

    @property
    def total(self) -> int:
        """All responses to reminders of this kind in the week."""
        return self.done + self.snoozed + self.skipped

    def to_dict(self) -> dict[str, int]:
        """The JSON-ready form."""
        return {"done": self.done, "snoozed": self.snoozed, "skipped": self.skipped}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WeeklyCounts:
        """Build from the stored form, naming the field of any error."""
        return cls(**_known_fields(cls, data, "weekly counts"))


_Action = Literal["done", "snoozed", "skipped"]


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What the scheduler remembers between runs; the caller persists it after every change.

    - `last_fired`: per key, every occurrence at or before this moment is used up. Fired
      occurrences and handled reminders move it forward, never back, which is what stops
      a clock set backwards from firing something twice.
    - `last_handled`: per key, when the user last answered (done, snoozed, skipped);
      movement breaks count their interval from it.
    - `snoozed_until`: per key, when a snoozed reminder comes back.
    - `weekly`: per ISO week ("2026-W10") and kind, the counts of answers. Kept for every
      week: a decade is a few hundred small entries, and the report may span any period.

    The mappings are read-only views; actions on `ReminderScheduler` build new states.
    """

    last_fired: Mapping[str, dt.datetime] = field(default_factory=dict)
    last_handled: Mapping[str, dt.datetime] = field(default_factory=dict)
    snoozed_until: Mapping[str, dt.datetime] = field(default_factory=dict)
    weekly: Mapping[str, Mapping[ReminderKind, WeeklyCounts]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("last_fired", "last_handled", "snoozed_until"):
            stamps = getattr(self, name)
            if not isinstance(stamps, Mapping):
                raise ValidationError(name, "must be an object of key to time")
            for key, value in stamps.items():
                kind_of_key(key, name)
                if not isinstance(value, dt.datetime) or value.utcoffset() is None:
                    raise ValidationError(f"{name}.{key}", "must be a time with a UTC offset")
            object.__setattr__(self, name, MappingProxyType(dict(stamps)))
        if not isinstance(self.weekly, Mapping):
            raise ValidationError("weekly", "must be an object of week to counts")
        weekly: dict[str, Mapping[ReminderKind, WeeklyCounts]] = {}
        for week, by_kind in self.weekly.items():
            if not isinstance(week, str) or not _is_week_key(week):
                raise ValidationError("weekly", f"{week!r} is not an ISO week like 2026-W10")
            if not isinstance(by_kind, Mapping):
                raise ValidationError(f"weekly.{week}", "must be an object of kind to counts")
            for kind, counts in by_kind.items():
                if kind not in KINDS:
                    raise ValidationError(f"weekly.{week}", f"{kind!r} is not a reminder kind")
                if not isinstance(counts, WeeklyCounts):
                    raise ValidationError(f"weekly.{week}.{kind}", "must be weekly counts")
            weekly[week] = MappingProxyType(dict(by_kind))
        object.__setattr__(self, "weekly", MappingProxyType(weekly))

    def week_counts(self, day: dt.date) -> dict[ReminderKind, WeeklyCounts]:
        """The counts of the ISO week containing `day`, with zeros for kinds without answers."""
        stored = self.weekly.get(week_key(day), {})
        return {kind: stored.get(kind, WeeklyCounts()) for kind in KINDS}

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form, stored next to the settings."""
        return {
            "last_fired": {k: v.isoformat() for k, v in sorted(self.last_fired.items())},
            "last_handled": {k: v.isoformat() for k, v in sorted(self.last_handled.items())},
            "snoozed_until": {k: v.isoformat() for k, v in sorted(self.snoozed_until.items())},
            "weekly": {
                week: {kind: counts.to_dict() for kind, counts in sorted(by_kind.items())}
                for week, by_kind in sorted(self.weekly.items())
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReminderState:
        """Build from the stored form, naming the field of any error."""
        values = _known_fields(cls, data, "reminder state")
        for name in ("last_fired", "last_handled", "snoozed_until"):
            if name in values:
                stamps = _mapping(values[name], name)
                values[name] = {
                    key: parse_datetime(value, f"{name}.{key}") for key, value in stamps.items()
                }
        if "weekly" in values:
            weekly: dict[str, dict[ReminderKind, WeeklyCounts]] = {}
            for week, by_kind in _mapping(values["weekly"], "weekly").items():
                parsed: dict[ReminderKind, WeeklyCounts] = {}
                for kind, counts in _mapping(by_kind, f"weekly.{week}").items():
                    if kind not in KINDS:
                        raise ValidationError(f"weekly.{week}", f"{kind!r} is not a reminder kind")
                    fields = _mapping(counts, f"weekly.{week}.{kind}")
                    with _field_prefix(f"weekly.{week}.{kind}"):
                        parsed[kind] = WeeklyCounts.from_dict(fields)
                weekly[week] = parsed
            values["weekly"] = weekly
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Due:
    """One reminder to show now.

    `scheduled_for` is the occurrence that is due (the planned wall time, or the end of a
    snooze), not the moment it is shown: a reminder deferred by quiet hours or missed
    while the computer slept keeps its planned time, so the banner can say so.
    """

    key: str
    kind: ReminderKind
    program_id: str | None
    scheduled_for: dt.datetime


def zone_named(name: str) -> dt.tzinfo | None:
    """The time zone `name` ("Europe/Amsterdam") with its DST rules, or None if unknown.

    Reminder times are wall times, so the scheduler needs the zone's rules, not just the
    UTC offset of the moment (see `ReminderScheduler`). None where Python has no data for
    the name (no tzdata package, a name it does not know): the caller then falls back to
    the offset of each moment, as without a zone.
    """
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def kind_of_key(key: str, field_name: str = "key") -> ReminderKind:
    """The kind of a state key; keys outlive settings, so the kind is read from the key."""
    if key == DIARY_KEY:
        return "diary"
    if key == MOVEMENT_KEY:
        return "movement"
    if isinstance(key, str) and key.startswith(EXERCISE_PREFIX) and len(key) > len(EXERCISE_PREFIX):
        return "exercise"
    raise ValidationError(field_name, f"{key!r} is not a reminder key")


def week_key(day: dt.date) -> str:
    """The ISO week of `day` as "2026-W10"; ISO weeks start on Monday, as the plans do."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def timer_delay_ms(
    now: dt.datetime, wakeup: dt.datetime | None, cap: dt.timedelta = RECHECK_CAP
) -> int | None:
    """Milliseconds for the UI's single-shot timer, or None when no timer is needed.

    Qt timers run on the monotonic clock, which stands still while the computer sleeps and
    ignores clock changes. Capping the wait (15 minutes by default, i.e. four wake-ups an
    hour, no measurable CPU) means a wall-clock jump or a DST change is noticed within
    the cap even when the UI only knows a fixed UTC offset.
    """
    if wakeup is None:
        return None
    wait = min(_utc(wakeup) - _utc(now), cap)
    return max(0, int(wait / dt.timedelta(milliseconds=1)))


# --------------------------------------------------------------------------- scheduler


@dataclass(frozen=True, slots=True)
class _Slot:
    """One occurrence (UTC) and the moment (UTC, exclusive) after which it is stale."""

    occurrence: dt.datetime
    deadline: dt.datetime


@dataclass(frozen=True, slots=True)
class _Reminder:
    key: str
    kind: ReminderKind
    program_id: str | None


@dataclass(frozen=True, slots=True)
class ReminderScheduler:
    """Decides which reminders are due and when to look again; pure and deterministic.

    The scheduler does no I/O, reads no clock and starts no timer: the caller passes
    `now` (an aware local datetime from its `Clock`), shows what `due` returns, calls
    `mark_fired`, persists `settings` and `state`, and sets ONE single-shot timer to
    `next_wakeup` (through `timer_delay_ms`). Every action returns a new scheduler, so
    tests can drive it with explicit datetimes and the same input always gives the
    same answer.

    Rules, all in wall-clock time of `tz` (default: the tzinfo of `now`; pass a
    `zoneinfo.ZoneInfo` so that schedules on other days follow DST):

    - Only the latest missed occurrence of a reminder fires, once (after sleep, nothing
      piles up). Diary and exercise occurrences are stale after their local day ends;
      movement breaks are stale once that day's working period ends.
    - Nothing at or before `state.last_fired[key]` fires, so a clock set back does not
      repeat anything.
    - Quiet hours defer a reminder to their end if it is not stale by then, else drop it.
    - While paused nothing fires; occurrences planned before `paused_until` are dropped,
      so the schedule simply carries on afterwards.
    - A wall time that does not exist (spring forward) fires at the first valid time after
      it; an ambiguous one (fall back) means its first instance and fires once.
    - A `last_fired` more than `CLOCK_AHEAD_LIMIT` ahead of `now` counts as `now` (the
      clock was set ahead and corrected); `poll` stores it so.
    - An exercise reminder whose program no longer exists (`program_exists`) never fires.
    """

    settings: ReminderSettings = field(default_factory=ReminderSettings)
    state: ReminderState = field(default_factory=ReminderState)
    tz: dt.tzinfo | None = None
    clock_breaks: bool = True
    """Movement breaks on the clock; False when sitting time drives them (core/sitting.py)."""
    program_exists: ProgramExists | None = field(default=None, compare=False)
    """Whether an exercise reminder's program still exists; None: assume it does.

    A deleted program's reminder would otherwise come every week with nothing to start.
    The reminder itself is kept in the settings, where the Settings page names it."""

    # ----------------------------------------------------------------- queries

    def due(self, now: dt.datetime, *, logged_today: bool = False) -> list[Due]:
        """The reminders to show at `now`, at most one per key, oldest first.

        `logged_today`: the diary already has an entry for today's date, so the diary
        reminder has nothing to ask for.
        """
        zone = self._zone(now)
        at = _utc(now)
        if self._paused_at(at) or self._quiet_at(at, zone):
            return []
        today = at.astimezone(zone).date()
        out: list[Due] = []
        for reminder in self._enabled():
            if reminder.kind == "diary" and logged_today:
                continue
            latest: _Slot | None = None
            for slot in self._slots(reminder, today - dt.timedelta(days=1), today, zone):
                if slot.occurrence <= at and self._eligible(reminder.key, slot, at):
                    latest = slot
            if latest is not None and at < latest.deadline:
                out.append(
                    Due(
                        key=reminder.key,
                        kind=reminder.kind,
                        program_id=reminder.program_id,
                        scheduled_for=latest.occurrence.astimezone(zone),
                    )
                )
        out.sort(key=lambda d: (_utc(d.scheduled_for), d.key))
        return out

    def next_wakeup(self, now: dt.datetime, *, logged_today: bool = False) -> dt.datetime | None:
        """The earliest moment after `now` at which `due` will have something new.

        Call it after `mark_fired`: what is due at `now` itself is not "upcoming". Returns
        None when every reminder is off, so an idle app with reminders off has no timer.
        If nothing can fire within the look-ahead (a long pause, a reminder that always
        falls in quiet hours), it returns the end of the look-ahead so the UI checks again
        then instead of never.
        """
        if not self.settings.any_enabled:
            return None
        zone = self._zone(now)
        at = _utc(now)
        today = at.astimezone(zone).date()
        last_day = today + dt.timedelta(days=LOOKAHEAD_DAYS)
        best: dt.datetime | None = None
        for reminder in self._enabled():
            for slot in self._slots(reminder, today - dt.timedelta(days=1), last_day, zone):
                if not self._eligible(reminder.key, slot, at):
                    continue
                if (
                    reminder.kind == "diary"
                    and logged_today
                    and slot.occurrence.astimezone(zone).date() == today
                ):
                    continue
                fire = max(slot.occurrence, at)
                if self._quiet_at(fire, zone):
                    fire = self._quiet_end(fire, zone)
                if fire <= at or fire >= slot.deadline:
                    continue
                if best is None or fire < best:
                    best = fire
                break
        if best is None:
            best = _wall(last_day + dt.timedelta(days=1), _MIDNIGHT, zone)
        return best.astimezone(zone)

    def is_paused(self, now: dt.datetime) -> bool:
        """Whether the pause switch is on at `now` (for the tray menu and the Settings page)."""
        return self._paused_at(_utc(now))

    def week_counts(self, day: dt.date) -> dict[ReminderKind, WeeklyCounts]:
        """Done/snoozed/skipped counts of the ISO week containing `day`, per kind."""
        return self.state.week_counts(day)

    # ----------------------------------------------------------------- actions

    def mark_fired(self, dues: Iterable[Due]) -> ReminderScheduler:
        """Record that `dues` were shown, so each occurrence fires only once."""
        fired = dict(self.state.last_fired)
        snoozed = dict(self.state.snoozed_until)
        for item in dues:
            fired[item.key] = _later(fired.get(item.key), item.scheduled_for)
            until = snoozed.get(item.key)
            if until is not None and _utc(until) <= _utc(fired[item.key]):
                del snoozed[item.key]
        return self._with_state(last_fired=fired, snoozed_until=snoozed)

    def poll(
        self, now: dt.datetime, *, logged_today: bool = False
    ) -> tuple[list[Due], ReminderScheduler]:
        """`due` and `mark_fired` in one step: what to show now and the scheduler to keep.

        Stamps left far ahead by a wrong clock are brought back to `now` first (see
        `settle_clock`), so the kept scheduler agrees with what `due` saw.
        """
        settled = self.settle_clock(now)
        dues = settled.due(now, logged_today=logged_today)
        return dues, settled.mark_fired(dues)

    def settle_clock(self, now: dt.datetime) -> ReminderScheduler:
        """Forget what a clock set a day or more ahead left behind (`CLOCK_AHEAD_LIMIT`).

        `last_fired` and `last_handled` stamps that far ahead become `now`, and snoozes
        that would end that far ahead are dropped (a snooze lasts half an hour at most).
        Stored so: checking the limit at each query alone would let the stamp silence the
        reminder again on the last day before the wrong date, once it is within the limit.
        """
        at = _utc(now)
        local_now = at.astimezone(self._zone(now))
        state = self.state

        def ahead(stamp: dt.datetime) -> bool:
            return _utc(stamp) - at > CLOCK_AHEAD_LIMIT

        if not any(
            ahead(stamp)
            for stamps in (state.last_fired, state.last_handled, state.snoozed_until)
            for stamp in stamps.values()
        ):
            return self
        return self._with_state(
            last_fired={k: local_now if ahead(v) else v for k, v in state.last_fired.items()},
            last_handled={k: local_now if ahead(v) else v for k, v in state.last_handled.items()},
            snoozed_until={k: v for k, v in state.snoozed_until.items() if not ahead(v)},
        )

    def done(self, key: str, now: dt.datetime) -> ReminderScheduler:
        """The user did what the reminder asked (logged, exercised, moved)."""
        return self._handle(key, now, "done", snooze_until=None)

    def skip(self, key: str, now: dt.datetime) -> ReminderScheduler:
        """The user let this occurrence go; it does not come back, the next one will."""
        return self._handle(key, now, "skipped", snooze_until=None)

    def snooze(self, key: str, minutes: int, now: dt.datetime) -> ReminderScheduler:
        """Show the reminder again `minutes` (5, 15 or 30) from now, in elapsed time.

        A snooze is stale by the same rules as the reminder itself: a diary snooze that
        would end after midnight, or a break snooze that ends after working hours, lapses.
        """
        if isinstance(minutes, bool) or minutes not in SNOOZE_MINUTES:
            raise ValidationError(
                "minutes", f"must be one of {', '.join(map(str, SNOOZE_MINUTES))}"
            )
        until = (_utc(now) + dt.timedelta(minutes=minutes)).astimezone(self._zone(now))
        return self._handle(key, now, "snoozed", snooze_until=until)

    def pause_until(self, when: dt.datetime) -> ReminderScheduler:
        """Show nothing before `when`; what was planned before it is dropped, not saved up."""
        _utc(when)
        return self._with_settings(paused_until=when)

    def pause_not_now(self, now: dt.datetime, minutes: int = NOT_NOW_MINUTES) -> ReminderScheduler:
        """The "not now" switch: pause for `minutes` (an hour by default)."""
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
            raise ValidationError("minutes", "must be a positive whole number")
        until = (_utc(now) + dt.timedelta(minutes=minutes)).astimezone(self._zone(now))
        return self.pause_until(until)

    def pause_until_tomorrow(self, now: dt.datetime) -> ReminderScheduler:
        """The "until tomorrow" switch; see `tomorrow_morning` for when tomorrow starts."""
        return self.pause_until(self.tomorrow_morning(now))

    def tomorrow_morning(self, now: dt.datetime) -> dt.datetime:
        """The coming morning: the start of working hours if breaks are on, else 07:00.

        Usually that is the next local day. In the night before 07:00 (`DEFAULT_MORNING`),
        though, the person has not slept yet: by "tomorrow" they mean the morning ahead,
        so this day's morning is used while it is still to come. (Not later in the day: at
        08:00 with working hours from 09:00, "until tomorrow" still means the next day.)
        """
        zone = self._zone(now)
        at = _utc(now)
        local = at.astimezone(zone)
        start = self.settings.breaks.start if self.settings.breaks.enabled else DEFAULT_MORNING
        if local.time() < DEFAULT_MORNING:
            this_morning = _wall(local.date(), start, zone)
            if this_morning > at:
                return this_morning.astimezone(zone)
        tomorrow = local.date() + dt.timedelta(days=1)
        return _wall(tomorrow, start, zone).astimezone(zone)

    def resume(self, now: dt.datetime) -> ReminderScheduler:
        """Switch the pause off at `now` without a backlog.

        Occurrences that fell in the pause are marked used up (`last_fired` moves to
        `now`), and snoozes that ended during it lapse; what is planned after `now` runs
        as usual. `now` is needed for that: without it, ending a pause early would fire
        everything it held back. When no pause is running, only the switch is cleared, so
        a stray resume never swallows a reminder that is legitimately due.
        """
        at = _utc(now)
        if not self._paused_at(at):
            ended = self.settings.paused_until
            if ended is None:
                return self._with_settings(paused_until=None)
            # The pause ran out already. Clearing the switch must not bring back what it
            # held back: everything planned before its end stays used up, and what came
            # after it is due as usual.
            held_back = ended - dt.timedelta(microseconds=1)
            fired = dict(self.state.last_fired)
            for key in self._all_keys():
                fired[key] = _later(fired.get(key), held_back)
            cleared = self._with_settings(paused_until=None)
            return cleared._with_state(last_fired=fired)
        fired = dict(self.state.last_fired)
        for key in self._all_keys():
            fired[key] = _later(fired.get(key), now)
        snoozed = {k: v for k, v in self.state.snoozed_until.items() if _utc(v) > at}
        resumed = self._with_settings(paused_until=None)
        return resumed._with_state(last_fired=fired, snoozed_until=snoozed)

    def with_settings(self, settings: ReminderSettings) -> ReminderScheduler:
        """The same state under new settings (the user edited them).

        Keys carry over, so an answered reminder stays answered. Moving a reminder to a
        later time the same day makes it fire again today at the new time, which is what
        a user who just changed it expects to see.
        """
        return dataclasses.replace(self, settings=settings)

    # ----------------------------------------------------------------- internals

    def _zone(self, now: dt.datetime) -> dt.tzinfo:
        _utc(now)
        zone = self.tz if self.tz is not None else now.tzinfo
        assert zone is not None  # _utc has checked that `now` is aware
        return zone

    def _with_state(self, **changes: Any) -> ReminderScheduler:
        return dataclasses.replace(self, state=dataclasses.replace(self.state, **changes))

    def _with_settings(self, **changes: Any) -> ReminderScheduler:
        return dataclasses.replace(self, settings=self.settings.replace(**changes))

    def _handle(
        self, key: str, now: dt.datetime, action: _Action, *, snooze_until: dt.datetime | None
    ) -> ReminderScheduler:
        kind = kind_of_key(key)
        local_now = _utc(now).astimezone(self._zone(now))
        fired = dict(self.state.last_fired)
        fired[key] = _later(fired.get(key), local_now)
        handled = dict(self.state.last_handled)
        handled[key] = local_now
        snoozed = dict(self.state.snoozed_until)
        if snooze_until is None:
            snoozed.pop(key, None)
        else:
            snoozed[key] = snooze_until
        week = week_key(local_now.date())
        weekly = {w: dict(by_kind) for w, by_kind in self.state.weekly.items()}
        by_kind = weekly.setdefault(week, {})
        counts = by_kind.get(kind, WeeklyCounts())
        by_kind[kind] = dataclasses.replace(counts, **{action: getattr(counts, action) + 1})
        return self._with_state(
            last_fired=fired, last_handled=handled, snoozed_until=snoozed, weekly=weekly
        )

    def _all_keys(self) -> list[str]:
        s = self.settings
        return [s.diary.key, *(r.key for r in s.exercises), s.breaks.key]

    def _enabled(self) -> list[_Reminder]:
        s = self.settings
        exists = self.program_exists
        out: list[_Reminder] = []
        if s.diary.enabled:
            out.append(_Reminder(s.diary.key, "diary", None))
        out += [
            _Reminder(r.key, "exercise", r.program_id)
            for r in s.exercises
            if r.enabled and (exists is None or exists(r.program_id))
        ]
        if s.breaks.enabled and self.clock_breaks:
            out.append(_Reminder(s.breaks.key, "movement", s.breaks.program_id))
        return out

    def _paused_at(self, at: dt.datetime) -> bool:
        until = self.settings.paused_until
        return until is not None and at < _utc(until)

    def _quiet_at(self, at: dt.datetime, zone: dt.tzinfo) -> bool:
        return self.settings.quiet.contains(at.astimezone(zone).time())

    def _quiet_end(self, at: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
        """The end of the quiet window that contains `at` (UTC)."""
        quiet = self.settings.quiet
        local = at.astimezone(zone)
        day = local.date()
        if quiet.crosses_midnight and local.time() >= quiet.start:
            day += dt.timedelta(days=1)
        end = _wall(day, quiet.end, zone)
        if end <= at:
            # Only in the repeated hour of a fall-back night: the second instance is meant.
            end = dt.datetime.combine(day, quiet.end, tzinfo=zone).replace(fold=1).astimezone(_UTC)
        return end

    def _eligible(self, key: str, slot: _Slot, at: dt.datetime) -> bool:
        """Whether `slot` is not used up and not held back by the pause, seen at `at` (UTC)."""
        fired = self.state.last_fired.get(key)
        if fired is not None:
            used_up = _utc(fired)
            if used_up - at > CLOCK_AHEAD_LIMIT:
                used_up = at  # left by a clock that was ahead: see `settle_clock`
            if slot.occurrence <= used_up:
                return False
        until = self.settings.paused_until
        return until is None or slot.occurrence >= _utc(until)

    def _slots(
        self,
        reminder: _Reminder,
        first: dt.date,
        last: dt.date,
        zone: dt.tzinfo,
    ) -> list[_Slot]:
        """The reminder's occurrences on local days `first`..`last`, plus its snooze."""
        slots: list[_Slot] = []
        day = first
        while day <= last:
            slots.extend(self._slots_on(reminder, day, zone))
            day += dt.timedelta(days=1)
        until = self.state.snoozed_until.get(reminder.key)
        if until is not None:
            snooze = self._snooze_slot(reminder, _utc(until), zone)
            if snooze is not None:
                slots.append(snooze)
        slots.sort(key=lambda slot: slot.occurrence)
        return slots

    def _slots_on(self, reminder: _Reminder, day: dt.date, zone: dt.tzinfo) -> Iterator[_Slot]:
        s = self.settings
        if reminder.kind == "diary":
            yield _Slot(_wall(day, s.diary.time, zone), _day_end(day, zone))
        elif reminder.kind == "exercise":
            for item in s.exercises:
                if item.key == reminder.key and day.weekday() in item.days:
                    yield _Slot(_wall(day, item.time, zone), _day_end(day, zone))
        elif day.weekday() in s.breaks.days:
            start = _wall(day, s.breaks.start, zone)
            end = _wall(day, s.breaks.end, zone)
            anchor = start
            if s.breaks.key in self.state.last_handled:
                last = _utc(self.state.last_handled[s.breaks.key])
                # A handled break restarts the count. This does not depend on `now`, so
                # `due` and `next_wakeup` agree even after the clock was set back.
                if start <= last < end:
                    anchor = last
            step = dt.timedelta(minutes=s.breaks.every_min)
            moment = anchor + step
            while moment < end:
                yield _Slot(moment, end)
                moment += step

    def _snooze_slot(
        self, reminder: _Reminder, until: dt.datetime, zone: dt.tzinfo
    ) -> _Slot | None:
        day = until.astimezone(zone).date()
        if reminder.kind != "movement":
            # Stale with the day on which it was snoozed: a diary reminder snoozed at 23:45
            # asks about that day, so it must not pop up at 00:15.
            snoozed_at = self.state.last_handled.get(reminder.key)
            if snoozed_at is not None and _utc(snoozed_at) <= until:
                day = _utc(snoozed_at).astimezone(zone).date()
            return _Slot(until, _day_end(day, zone))
        breaks = self.settings.breaks
        if day.weekday() not in breaks.days:
            return None
        start = _wall(day, breaks.start, zone)
        end = _wall(day, breaks.end, zone)
        return _Slot(until, end) if start <= until < end else None


# --------------------------------------------------------------------------- helpers


def _utc(moment: dt.datetime) -> dt.datetime:
    """`moment` in UTC; every comparison goes through UTC.

    Python compares two datetimes that share a tzinfo by their wall time and ignores
    `fold`, which gets the repeated hour of a fall-back night wrong.
    """
    if not isinstance(moment, dt.datetime) or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} must be a timezone-aware datetime")
    return moment.astimezone(_UTC)


def _later(current: dt.datetime | None, candidate: dt.datetime) -> dt.datetime:
    if current is None or _utc(candidate) > _utc(current):
        return candidate
    return current


def _wall(day: dt.date, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The instant (UTC) at which clocks in `zone` show `at` on `day`.

    An ambiguous time (fall back) gives its first instance (fold=0). A time that does not
    exist (spring forward) gives the first valid instant after it, which is the moment of
    the transition, found by bisection between the two offsets' readings of that time.
    """
    naive = dt.datetime.combine(day, at)
    first = naive.replace(tzinfo=zone, fold=0).astimezone(_UTC)
    if first.astimezone(zone).replace(tzinfo=None) == naive:
        return first
    other = naive.replace(tzinfo=zone, fold=1).astimezone(_UTC)
    low, high = min(first, other), max(first, other)
    # Invariant: local(low) < naive <= local(high).
    while high - low > _ONE_SECOND:
        middle = (low + (high - low) / 2).replace(microsecond=0)
        if middle.astimezone(zone).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return high


def _day_end(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    return _wall(day + dt.timedelta(days=1), _MIDNIGHT, zone)


def _is_week_key(text: str) -> bool:
    match = re.fullmatch(r"(\d{4})-W(\d{2})", text)
    if match is None:
        return False
    try:
        dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return False
    return True


def _format_time(moment: dt.time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _parse_time(value: Any, field_name: str) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        match = _HHMM.fullmatch(value.strip())
        if match is not None:
            return dt.time(int(match[1]), int(match[2]))
    raise ValidationError(field_name, f"{value!r} is not a time like 20:00")


def _parse_days(value: Any, field_name: str) -> frozenset[int]:
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise ValidationError(field_name, "must be a list of weekdays (0 = Monday … 6 = Sunday)")
    return frozenset(cast(Iterable[int], value))


def _check_bool(field_name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError(field_name, "must be true or false")


def _check_time(field_name: str, value: Any) -> None:
    # Whole minutes and no tzinfo: a reminder time is a wall time in whatever zone we are.
    if (
        not isinstance(value, dt.time)
        or value.tzinfo is not None
        or value.second
        or value.microsecond
    ):
        raise ValidationError(field_name, "must be a time of day in whole minutes, like 20:00")


def _check_days(field_name: str, value: Any) -> None:
    if not isinstance(value, frozenset):
        raise ValidationError(field_name, "must be a set of weekdays (0 = Monday … 6 = Sunday)")
    for day in value:
        if isinstance(day, bool) or not isinstance(day, int) or day not in WEEKDAYS:
            raise ValidationError(field_name, f"{day!r} is not a weekday from 0 to 6")
    if not value:
        raise ValidationError(field_name, "choose at least one day")


def _mapping(value: Any, field_name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(field_name, "must be an object with fields")
    return value


def _known_fields(cls: type, data: Any, what: str) -> dict[str, Any]:
    """`data` as keyword arguments for `cls`, rejecting unknown fields by name."""
    mapping = _mapping(data, what)
    known = {f.name for f in dataclasses.fields(cls)}
    reject_unknown(mapping, known, f"is not a field of the {what}")
    return dict(mapping)


@contextmanager
def _field_prefix(prefix: str) -> Iterator[None]:
    """Re-raise a nested ValidationError with its path, e.g. `breaks.every_min`."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError(f"{prefix}.{exc.field}", exc.message) from None
