"""What the Today page shows, worked out from plain data so it can be tested without widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal, Protocol

from rugdiary.core.reminders import ExerciseReminder, ReminderSettings, ReminderState, WeeklyCounts

if TYPE_CHECKING:
    from rugdiary.core.diary import DiaryEntry
    from rugdiary.core.exercises import Exercise, Level
    from rugdiary.core.programs import Program
    from rugdiary.core.sessions import Session

SPARK_DAYS = 7
DEFAULT_PROGRAM_ID = "morning-mobility"
"""Offered when there is no plan and nothing played yet: short, gentle, daily."""


@dataclass(frozen=True, slots=True)
class DayValues:
    """The mean pain and stress of one day, or None for both when nothing was noted."""

    day: date
    pain: float | None
    stress: float | None


def last_days(
    entries: Iterable[DiaryEntry], today: date, days: int = SPARK_DAYS
) -> list[DayValues]:
    """One value pair per day for the `days` days ending `today`, oldest first.

    Days with several entries show their mean (as the Insights page and the summary do),
    and a day without entries stays None: a gap, not a zero.
    """
    first = today - timedelta(days=days - 1)
    pains: dict[date, list[int]] = {}
    stresses: dict[date, list[int]] = {}
    for entry in entries:
        if first <= entry.day <= today:
            pains.setdefault(entry.day, []).append(entry.pain)
            stresses.setdefault(entry.day, []).append(entry.stress)
    out: list[DayValues] = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day in pains:
            out.append(DayValues(day, _mean(pains[day]), _mean(stresses[day])))
        else:
            out.append(DayValues(day, None, None))
    return out


def _mean(values: Sequence[int]) -> float:
    # Not statistics.fmean: importing statistics (and fractions) costs start-up time, and
    # a mean of a day's few whole scores needs nothing more.
    return sum(values) / len(values)


def week_start(day: date) -> date:
    """The Monday of the ISO week of `day`; the plans and the reminder counts use ISO weeks."""
    return day - timedelta(days=day.weekday())


# -------------------------------------------------------------------- programs


class ProgramStore(Protocol):
    """The user's own programs and exercises (ProgramRepository / ExerciseRepository)."""

    def list(self) -> list[Program]: ...


class ExerciseStore(Protocol):
    def list(self) -> list[Exercise]: ...


class BuiltinSource(Protocol):
    """The built-in content, one item at a time (core.content.BuiltinContent)."""

    def program(self, program_id: str) -> Program | None: ...

    def exercise_without_figure(self, exercise_id: str) -> Exercise | None: ...


class ProgramCatalog:
    """Built-in and own programs by id, read when first asked and again after `reload`.

    Only the built-in programme the page names is read, with its exercises, and only
    when the page first needs it: reading the whole library would slow the start.
    """

    def __init__(
        self,
        builtin: Callable[[], BuiltinSource],
        programs: ProgramStore,
        exercises: ExerciseStore | None = None,
        lang: str = "en",
    ) -> None:
        self._builtin = builtin
        self._programs = programs
        self._exercises = exercises
        self.lang = lang
        self._own: list[Program] | None = None

    def reload(self) -> None:
        """Forget the own programs read before (they were edited elsewhere)."""
        self._own = None

    def get(self, program_id: str) -> Program | None:
        for program in self._own_programs():
            if program.id == program_id:
                return program
        return self._builtin().program(program_id)

    def name(self, program_id: str) -> str | None:
        """The program's name in the page's language, or None when it no longer exists."""
        program = self.get(program_id)
        return None if program is None else program.name.get(self.lang)

    def total_s(self, program: Program, level: Level) -> int | None:
        """Seconds the program takes at `level`, or None if an exercise is missing."""
        from rugdiary.core.diary import ValidationError
        from rugdiary.core.programs import program_total_s

        own = {e.id: e for e in self._exercises.list()} if self._exercises is not None else {}
        exercises: dict[str, Exercise] = {}
        for item in program.items:
            # Only the doses count here: the figures are read when one is shown.
            found = own.get(item.exercise_id) or self._builtin().exercise_without_figure(
                item.exercise_id
            )
            if found is not None:
                exercises[item.exercise_id] = found
        try:
            return program_total_s(program, exercises, level)
        except (KeyError, ValueError, ValidationError):
            return None

    def _own_programs(self) -> list[Program]:
        if self._own is None:
            self._own = self._programs.list()
        return self._own


@dataclass(frozen=True, slots=True)
class NextProgram:
    """The program the Today page offers, and why that one."""

    program_id: str
    reason: Literal["reminder", "recent", "default"]
    planned_at: datetime | None = None
    """For a planned program: its next reminder time (today or later)."""
    last_played: datetime | None = None
    """For a recently played program: when it was last started."""


def next_reminder_time(reminder: ExerciseReminder, now: datetime) -> datetime:
    """The next time `reminder` is planned at or after the start of today's minute."""
    today = now.date()
    for offset in range(8):
        day = today + timedelta(days=offset)
        if day.weekday() not in reminder.days:
            continue
        at = datetime.combine(day, reminder.time, now.tzinfo)
        if offset > 0 or reminder.time >= now.time().replace(second=0, microsecond=0):
            return at
    # Only today's weekday is planned and its time has passed: next week, same time.
    return datetime.combine(today + timedelta(days=7), reminder.time, now.tzinfo)


def next_program(
    settings: ReminderSettings,
    sessions: Sequence[Session],
    now: datetime,
    exists: Callable[[str], bool],
) -> NextProgram:
    """The program to offer: the next planned one, else the most recently played, else P1.

    Plans whose program has been deleted are passed over rather than offered broken.
    """
    planned = [
        (next_reminder_time(r, now), r.program_id)
        for r in settings.exercises
        if r.enabled and exists(r.program_id)
    ]
    if planned:
        at, program_id = min(planned)
        return NextProgram(program_id, "reminder", planned_at=at)
    for session in sorted(sessions, key=lambda s: s.started_at, reverse=True):
        if exists(session.program_id):
            return NextProgram(session.program_id, "recent", last_played=session.started_at)
    return NextProgram(DEFAULT_PROGRAM_ID, "default")


RECENT_SESSIONS = timedelta(days=92)
"""How far back sessions are read first; older ones are read only when these fall short.
At least `core.sessions.LEVEL_MEMORY_DAYS`, so that the level last played is among them."""


class SessionSource(Protocol):
    """Sessions newest first, by local day (SessionRepository satisfies it)."""

    def list(self, start: date | None = None, end: date | None = None) -> list[Session]: ...


class SessionHistory:
    """The sessions of the recent months, read at once; older ones only when they are needed.

    A ten-year diary holds thousands of sessions, while a page that offers the next program
    or lists the last few seldom needs more than the recent ones.
    """

    def __init__(self, source: SessionSource, today: date) -> None:
        self._source = source
        self.since = min(week_start(today), today - RECENT_SESSIONS)
        self.recent = source.list(self.since, today)
        """Sessions from `since` to today (whole local days), newest first."""
        self._older: list[Session] | None = None

    def older(self) -> list[Session]:
        """Sessions before `since`, newest first; read on the first call."""
        if self._older is None:
            self._older = self._source.list(None, self.since - timedelta(days=1))
        return self._older

    def latest(self, count: int) -> list[Session]:
        """The `count` newest sessions, looking further back only when the recent are fewer."""
        if len(self.recent) >= count:
            return self.recent[:count]
        return [*self.recent, *self.older()][:count]

    def level_to_play(self, program: Program, now: datetime) -> Level:
        """The level a Start plays `program` at: the one last played, as on Programs."""
        from rugdiary.core.sessions import level_to_play

        return level_to_play(program.id, program.level, self.recent, now)

    def next_program(
        self, settings: ReminderSettings, now: datetime, exists: Callable[[str], bool]
    ) -> NextProgram:
        """`next_program` over every session, reading the older ones only if none recent fits."""
        offered = next_program(settings, self.recent, now, exists)
        if offered.reason == "default":  # nothing recent: look further back
            offered = next_program(settings, self.older(), now, exists)
        return offered


@dataclass(frozen=True, slots=True)
class WeekPlan:
    """Sessions of this ISO week: those of the planned program(s), the plan, and the rest."""

    done: int
    planned: int
    other: int


def week_plan(settings: ReminderSettings, sessions: Iterable[Session], today: date) -> WeekPlan:
    """How many sessions happened this ISO week, against the plan if there is one.

    The plan is the days of the exercise reminders, and only their programs count toward
    it; other sessions are counted apart, never lost. Without reminders there is no plan
    (`planned` is 0) and every session counts.
    """
    start = week_start(today)
    this_week = [s for s in sessions if start <= s.started_at.date() <= today]
    reminders = [r for r in settings.exercises if r.enabled]
    if not reminders:
        return WeekPlan(done=len(this_week), planned=0, other=0)
    programs = {r.program_id for r in reminders}
    done = sum(1 for s in this_week if s.program_id in programs)
    return WeekPlan(
        done=done, planned=sum(len(r.days) for r in reminders), other=len(this_week) - done
    )


def reminder_counts(state: ReminderState, today: date) -> WeeklyCounts:
    """Done, snoozed and skipped reminders of this ISO week, over all kinds."""
    counts = state.week_counts(today).values()
    return WeeklyCounts(
        done=sum(c.done for c in counts),
        snoozed=sum(c.snoozed for c in counts),
        skipped=sum(c.skipped for c in counts),
    )
