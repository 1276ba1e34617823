"""PlayerEngine: walks a timeline of steps against a monotonic clock, deadline by deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rugdiary.core.clock import Clock
from rugdiary.core.exercises import DoseMode, Figure, Motion, Pose
from rugdiary.core.programs import COUNTDOWN_FROM, Side, Step, StepKind, Timeline
from rugdiary.core.sessions import Session, StopReason

BACK_RESTARTS_AFTER_S = 2.0
"""Skip back restarts the current step once this much of it has passed, like a music player."""

COMPLETED_MAX_SKIPPED = 0.2
"""A played-through session counts as completed when at most this share of its exercise
time was skipped: the person did most of it.

Pressing skip through a whole programme once saved it as completed, and the level rule
(`sessions.suggest_level`) counts completed sessions towards the adherence that offers
the next level, so skipping pushed people up a level. Only the work (holds, reps, timed
rounds) is measured, in seconds, because skipping a rest or a get-ready leaves the
exercise done, and a skipped ten-minute walk weighs more than a skipped five-second hold.
The same rule per exercise decides which exercises the summary counts as done.
"""


def did_most(skipped_s: float, planned_s: float) -> bool:
    """Whether skipping `skipped_s` of `planned_s` seconds of work leaves most of it done."""
    return skipped_s <= COMPLETED_MAX_SKIPPED * planned_s + 1e-9


class PlayerState(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class EventKind(StrEnum):
    STARTED = "started"
    STEP_STARTED = "step_started"
    COUNTDOWN = "countdown"
    PAUSED = "paused"
    RESUMED = "resumed"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class PlayerEvent:
    """Something that happened, stamped with the monotonic time it was due.

    After a stall several events arrive in one tick; `at` lets the UI measure
    lateness and, for example, drop a 3-2-1 beep that is already too late.
    """

    kind: EventKind
    at: float
    step: Step | None = None
    count: int | None = None

    def late_s(self, now: float) -> float:
        return max(0.0, now - self.at)


class PlayerEngine:
    """A state machine over a timeline, driven by a monotonic clock that is passed in.

    The end of the current step is an absolute deadline, and each next deadline
    is the previous one plus the step's length, never "now" plus it: a timer
    that fires late, or a UI that stalls, cannot stretch or shrink the session.
    `tick()` may be called at any rate; it walks through every step the clock
    says has passed. Every command returns the events it caused.
    Queries reflect the state at the last tick or command.
    """

    def __init__(self, timeline: Timeline, clock: Clock) -> None:
        self.timeline = timeline
        self._clock = clock
        self._state = PlayerState.IDLE
        self._index = 0
        self._deadline = 0.0
        self._remaining = 0.0
        self._countdown_next = 0
        self._done_s = 0.0
        self._outcomes: dict[int, bool] = {}
        # Seconds of work left out when a work step was last skipped, by step index;
        # dropped again when that step is played to its end.
        self._skipped_work: dict[int, float] = {}
        self._stop_reason: StopReason | None = None
        self._ended_at: float | None = None
        self._stopped_position = 0.0
        self._moved = False

    # ------------------------------------------------------------------ commands

    def start(self) -> list[PlayerEvent]:
        """Begin at the first step; does nothing unless idle."""
        if self._state is not PlayerState.IDLE:
            return []
        now = self._clock.monotonic()
        events = [PlayerEvent(EventKind.STARTED, now)]
        if not self.timeline.steps:
            self._finish(now, events)
            return events
        self._state = PlayerState.RUNNING
        self._enter(0, now, events)
        self._catch_up(now, events)
        return events

    def tick(self) -> list[PlayerEvent]:
        """Advance to the clock's present; returns the events that fell due."""
        events: list[PlayerEvent] = []
        if self._state is PlayerState.RUNNING:
            self._catch_up(self._clock.monotonic(), events)
        return events

    def pause(self) -> list[PlayerEvent]:
        """Freeze the current step, keeping exactly the time that was left in it."""
        events = self.tick()
        if self._state is not PlayerState.RUNNING:
            return events
        now = self._clock.monotonic()
        self._remaining = self._deadline - now
        self._state = PlayerState.PAUSED
        events.append(PlayerEvent(EventKind.PAUSED, now, self.current_step))
        return events

    def resume(self) -> list[PlayerEvent]:
        """Carry on where pause left off: the new deadline is now plus the time that was left."""
        if self._state is not PlayerState.PAUSED:
            return []
        now = self._clock.monotonic()
        self._deadline = now + self._remaining
        self._state = PlayerState.RUNNING
        events = [PlayerEvent(EventKind.RESUMED, now, self.current_step)]
        self._catch_up(now, events)
        return events

    def toggle_pause(self) -> list[PlayerEvent]:
        """Space bar: start, pause or resume, whichever fits the state."""
        if self._state is PlayerState.IDLE:
            return self.start()
        if self._state is PlayerState.PAUSED:
            return self.resume()
        return self.pause()

    def skip_forward(self) -> list[PlayerEvent]:
        """Leave the current step now; it counts as skipped and only its elapsed part as done."""
        events = self.tick()
        if self._state not in (PlayerState.RUNNING, PlayerState.PAUSED):
            return events
        now = self._clock.monotonic()
        elapsed = self._elapsed_in_step(now)
        self._done_s += elapsed
        self._outcomes[self._index] = False
        if self.timeline.steps[self._index].kind is StepKind.WORK:
            self._skipped_work[self._index] = self._step_duration() - elapsed
        if self._index + 1 >= len(self.timeline.steps):
            self._finish(now, events)
        else:
            self._enter(self._index + 1, now, events)
        return events

    def skip_back(self) -> list[PlayerEvent]:
        """Restart the current step, or go to the previous one if it has only just begun."""
        events = self.tick()
        if self._state not in (PlayerState.RUNNING, PlayerState.PAUSED):
            return events
        now = self._clock.monotonic()
        elapsed = self._elapsed_in_step(now)
        target = self._index
        if elapsed <= BACK_RESTARTS_AFTER_S and self._index > 0:
            target = self._index - 1
        self._done_s += elapsed
        self._enter(target, now, events)
        return events

    def restart_exercise(self) -> list[PlayerEvent]:
        """Go back to the preview step of the current exercise, to get into position again."""
        events = self.tick()
        if self._state not in (PlayerState.RUNNING, PlayerState.PAUSED):
            return events
        now = self._clock.monotonic()
        self._done_s += self._elapsed_in_step(now)
        target = self.timeline.first_step_of_item(self.timeline.steps[self._index].item_index)
        self._enter(target, now, events)
        return events

    def stop(self, reason: StopReason | None = None) -> list[PlayerEvent]:
        """End the session early; the part of the current step already done still counts."""
        events = self.tick()
        if self._state in (PlayerState.FINISHED, PlayerState.STOPPED):
            return events
        now = self._clock.monotonic()
        if self._state in (PlayerState.RUNNING, PlayerState.PAUSED):
            elapsed = self._elapsed_in_step(now)
            self._done_s += elapsed
            self._stopped_position = self.timeline.steps[self._index].start_s + elapsed
        self._state = PlayerState.STOPPED
        self._stop_reason = reason
        self._ended_at = now
        events.append(PlayerEvent(EventKind.STOPPED, now, self.current_step))
        return events

    # ------------------------------------------------------------------ queries

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def stop_reason(self) -> StopReason | None:
        return self._stop_reason

    @property
    def index(self) -> int:
        return self._index

    @property
    def current_step(self) -> Step | None:
        """The step being played, or where it was stopped; None before the start and at the end."""
        if self._state in (PlayerState.IDLE, PlayerState.FINISHED) or not self.timeline.steps:
            return None
        return self.timeline.steps[self._index]

    @property
    def next_step(self) -> Step | None:
        """The step after the current one; before start, the first step."""
        steps = self.timeline.steps
        if self._state is PlayerState.IDLE:
            return steps[0] if steps else None
        if self._state is PlayerState.FINISHED or self._index + 1 >= len(steps):
            return None
        return steps[self._index + 1]

    @property
    def next_exercise(self) -> Step | None:
        """The preview step of the next exercise ("next: ..."), or None in the last one."""
        if self._state is PlayerState.IDLE:
            return self.next_step
        if self._state is PlayerState.FINISHED or not self.timeline.steps:
            return None
        return self.timeline.next_exercise_step(self._index)

    @property
    def deadline(self) -> float | None:
        """Monotonic time the current step ends, while running."""
        return self._deadline if self._state is PlayerState.RUNNING else None

    @property
    def remaining_s(self) -> float:
        """Seconds left in the current step (the countdown ring)."""
        if self._state is PlayerState.RUNNING:
            return self._step_duration() - self._elapsed_in_step(self._clock.monotonic())
        if self._state is PlayerState.PAUSED:
            return self._remaining
        if self._state is PlayerState.IDLE and self.timeline.steps:
            return float(self.timeline.steps[0].duration_s)
        return 0.0

    @property
    def step_elapsed_s(self) -> float:
        """Seconds into the current step; drives the figure's animation."""
        if self._state in (PlayerState.RUNNING, PlayerState.PAUSED):
            return self._elapsed_in_step(self._clock.monotonic())
        return 0.0

    @property
    def elapsed_s(self) -> float:
        """Position in the programme, in seconds of the timeline (skips jump it forward)."""
        if self._state is PlayerState.IDLE or not self.timeline.steps:
            return 0.0
        if self._state is PlayerState.FINISHED:
            return float(self.timeline.total_s)
        if self._state is PlayerState.STOPPED:
            return self._stopped_position
        step = self.timeline.steps[self._index]
        return step.start_s + self._elapsed_in_step(self._clock.monotonic())

    @property
    def planned_s(self) -> int:
        return self.timeline.total_s

    @property
    def done_s(self) -> float:
        """Seconds actually exercised: skipped remainders excluded, repeated parts included."""
        if self._state in (PlayerState.RUNNING, PlayerState.PAUSED):
            return self._done_s + self._elapsed_in_step(self._clock.monotonic())
        return self._done_s

    @property
    def moved(self) -> bool:
        """Whether an exercise began: a session stopped during its get-ready has none."""
        return self._moved

    @property
    def steps_done(self) -> int:
        """Steps played to their end (a step played again counts once)."""
        return sum(1 for completed in self._outcomes.values() if completed)

    @property
    def steps_skipped(self) -> int:
        """Steps left early with skip forward and not played to the end afterwards."""
        return sum(1 for completed in self._outcomes.values() if not completed)

    def work_s(self, item_index: int | None = None) -> tuple[float, int]:
        """(seconds of work skipped, seconds of work planned), of one exercise or of all.

        Work is the holds, reps and timed rounds; rests, get-readies and side switches
        are not counted. Only a skip leaves work out: a stopped session is not complete
        anyway, and what it never reached is not "skipped".
        """
        steps = self.timeline.steps
        planned = sum(
            s.duration_s
            for s in steps
            if s.kind is StepKind.WORK and item_index in (None, s.item_index)
        )
        skipped = sum(
            left
            for index, left in self._skipped_work.items()
            if item_index in (None, steps[index].item_index)
        )
        return skipped, planned

    @property
    def completed(self) -> bool:
        """Played to the end with most of the work done (COMPLETED_MAX_SKIPPED)."""
        return self._state is PlayerState.FINISHED and did_most(*self.work_s())

    @property
    def progress(self) -> float:
        """0..1 through the programme."""
        total = self.timeline.total_s
        if total <= 0:
            return 1.0 if self._state is PlayerState.FINISHED else 0.0
        return min(1.0, max(0.0, self.elapsed_s / total))

    @property
    def ended_at(self) -> float | None:
        """Monotonic time the session finished or was stopped (the deadline when it finished)."""
        return self._ended_at

    # ------------------------------------------------------------------ internals

    def _step_duration(self) -> float:
        return float(self.timeline.steps[self._index].duration_s)

    def _elapsed_in_step(self, now: float) -> float:
        duration = self._step_duration()
        if self._state is PlayerState.PAUSED:
            return duration - self._remaining
        return min(duration, max(0.0, duration - (self._deadline - now)))

    def _enter(self, index: int, at: float, events: list[PlayerEvent]) -> None:
        step = self.timeline.steps[index]
        # While paused this also applies: the new step then waits with its full length left.
        self._index = index
        self._moved = self._moved or step.kind is StepKind.WORK
        self._deadline = at + step.duration_s
        self._remaining = float(step.duration_s)
        self._countdown_next = COUNTDOWN_FROM if step.countdown else 0
        events.append(PlayerEvent(EventKind.STEP_STARTED, at, step))

    def _finish(self, at: float, events: list[PlayerEvent]) -> None:
        self._state = PlayerState.FINISHED
        self._ended_at = at
        events.append(PlayerEvent(EventKind.FINISHED, at))

    def _emit_countdown(self, upto: float, events: list[PlayerEvent]) -> None:
        step = self.timeline.steps[self._index]
        while self._countdown_next > 0:
            due = self._deadline - self._countdown_next
            if due > upto:
                break
            events.append(PlayerEvent(EventKind.COUNTDOWN, due, step, self._countdown_next))
            self._countdown_next -= 1

    def _catch_up(self, now: float, events: list[PlayerEvent]) -> None:
        steps = self.timeline.steps
        while self._state is PlayerState.RUNNING and now >= self._deadline:
            self._emit_countdown(self._deadline, events)
            end = self._deadline
            self._done_s += steps[self._index].duration_s
            self._outcomes[self._index] = True
            self._skipped_work.pop(self._index, None)
            if self._index + 1 >= len(steps):
                self._finish(end, events)
                return
            self._enter(self._index + 1, end, events)
        if self._state is PlayerState.RUNNING:
            self._emit_countdown(now, events)


# ---------------------------------------------------------------------------
# Figure animation for a step
# ---------------------------------------------------------------------------

_WORK_MOTION: dict[DoseMode, Motion] = {
    DoseMode.HOLD: Motion.HOLD,
    DoseMode.REPS: Motion.REP,
    DoseMode.TIMED: Motion.CYCLE,
}


def motion_for_step(step: Step) -> Motion:
    """How the figure moves in a step: into the hold, through a rep, or back out to rest."""
    if step.kind is StepKind.WORK:
        return _WORK_MOTION[step.mode]
    if step.kind in (StepKind.REST, StepKind.SET_REST) and step.mode is DoseMode.HOLD:
        return Motion.RELEASE
    return Motion.STILL


def pose_for_step(figure: Figure, step: Step, elapsed_s: float) -> Pose:
    """The pose to draw `elapsed_s` into `step`, mirrored on the right side."""
    return figure.pose_at(
        motion_for_step(step),
        elapsed_s,
        step.duration_s,
        mirrored=step.side is Side.RIGHT,
    )


# ---------------------------------------------------------------------------
# The record of a played session
# ---------------------------------------------------------------------------


def session_record(
    engine: PlayerEngine,
    *,
    program_name: str,
    started_at: datetime,
    ended_at: datetime,
    pain_before: int | None = None,
    pain_after: int | None = None,
    effort: int | None = None,
) -> Session:
    """The `sessions` record of a finished or stopped run, in one place for the UI and tests.

    A stop without a reason is saved as "other" so the record always says why it
    ended early. Seconds are rounded to whole ones, as stored. `completed` is true
    only for a run played to the end with most of its work done (COMPLETED_MAX_SKIPPED):
    one skipped through is finished but not completed, and has no stop reason.
    """
    if engine.state not in (PlayerState.FINISHED, PlayerState.STOPPED):
        raise ValueError(f"the session is still {engine.state.value}")
    stopped = engine.state is PlayerState.STOPPED
    return Session(
        program_id=engine.timeline.program_id,
        program_name=program_name,
        level=engine.timeline.level,
        started_at=started_at,
        ended_at=ended_at,
        planned_s=engine.planned_s,
        done_s=round(engine.done_s),
        steps_done=engine.steps_done,
        steps_skipped=engine.steps_skipped,
        completed=engine.completed,
        stopped_reason=(engine.stop_reason or StopReason.OTHER) if stopped else None,
        pain_before=pain_before,
        pain_after=pain_after,
        effort=effort,
    )
