"""PlayerEngine driven by a fake monotonic clock: timing, commands, counters and events."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import load_library
from rugdiary.core.exercises import Dose, Doses, Exercise, Group, Level, Motion, Text
from rugdiary.core.player import (
    EventKind,
    PlayerEngine,
    PlayerEvent,
    PlayerState,
    motion_for_step,
    pose_for_step,
    session_record,
)
from rugdiary.core.programs import (
    DoseOverride,
    Program,
    ProgramItem,
    Side,
    StepKind,
    Timeline,
    build_timeline,
)
from rugdiary.core.sessions import (
    LevelChange,
    LevelSuggestion,
    Session,
    StopReason,
    suggest_level,
)

T = Text("text", "tekst")


def make_exercise(exercise_id: str, **dose: Any) -> Exercise:
    d = Dose(**dose)
    return Exercise(
        id=exercise_id,
        name=Text(exercise_id, exercise_id),
        group=Group.CORE_STABILITY,
        start=T,
        steps=(T, T),
        doses=Doses(d, d, d),
        easier=T,
        harder=T,
        mistake=T,
        safety=T,
    )


EXERCISES = {
    e.id: e
    for e in (
        make_exercise("hold", reps=2, sets=2, hold_s=5, rest_s=3, set_rest_s=10),
        make_exercise("sides", reps=2, tempo_s=4, per_side=True),
    )
}
PROGRAM = Program(
    id="test",
    name=T,
    description=T,
    frequency=T,
    level=Level.BEGINNER,
    sessions_per_week=3,
    items=(ProgramItem("hold"), ProgramItem("sides")),
)
TIMELINE = build_timeline(PROGRAM, EXERCISES, Level.BEGINNER)
TOTAL = 72  # see test_programs: 41 s of "hold" + 31 s of "sides"


@pytest.fixture
def engine(clock: FakeClock) -> PlayerEngine:
    return PlayerEngine(TIMELINE, clock)


def kinds(events: list[PlayerEvent]) -> list[EventKind]:
    return [e.kind for e in events]


def run(
    engine: PlayerEngine, clock: FakeClock, seconds: float, tick: float = 0.25
) -> list[PlayerEvent]:
    """Advance the clock in UI-timer-sized ticks, collecting events."""
    events: list[PlayerEvent] = []
    steps = round(seconds / tick)
    for _ in range(steps):
        clock.advance(tick)
        events += engine.tick()
    return events


def test_a_full_walk_through_plays_every_step_on_its_exact_schedule(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    t0 = clock.monotonic()
    events = engine.start()
    assert engine.state is PlayerState.RUNNING
    events += run(engine, clock, TOTAL + 5)
    started = [e for e in events if e.kind is EventKind.STEP_STARTED]
    assert [e.step for e in started] == list(TIMELINE.steps)
    assert [e.at - t0 for e in started] == [s.start_s for s in TIMELINE.steps]
    assert kinds(events)[0] is EventKind.STARTED
    assert kinds(events)[-1] is EventKind.FINISHED
    assert events[-1].at == t0 + TOTAL
    assert engine.state is PlayerState.FINISHED
    assert engine.done_s == TOTAL
    assert engine.steps_done == len(TIMELINE.steps)
    assert engine.steps_skipped == 0
    assert engine.progress == 1.0
    assert engine.current_step is None
    assert engine.next_step is None
    assert engine.tick() == []


def test_countdown_three_two_one_before_the_end_of_each_hold(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    t0 = clock.monotonic()
    events = engine.start() + run(engine, clock, TOTAL + 1)
    counts = [e for e in events if e.kind is EventKind.COUNTDOWN]
    holds = [s for s in TIMELINE.steps if s.countdown]
    assert len(holds) == 4
    assert [(e.count, e.step) for e in counts] == [(n, s) for s in holds for n in (3, 2, 1)]
    for e in counts:
        assert e.step is not None
        assert e.at == t0 + e.step.end_s - (e.count or 0)


def test_queries_while_running(engine: PlayerEngine, clock: FakeClock) -> None:
    assert engine.state is PlayerState.IDLE
    assert engine.current_step is None
    assert engine.next_step == TIMELINE.steps[0]
    assert engine.remaining_s == 5
    engine.start()
    run(engine, clock, 6.5)
    step = engine.current_step
    assert step is not None
    assert step.index == 1
    assert step.kind is StepKind.WORK
    assert engine.remaining_s == pytest.approx(3.5)
    assert engine.step_elapsed_s == pytest.approx(1.5)
    assert engine.elapsed_s == pytest.approx(6.5)
    assert engine.done_s == pytest.approx(6.5)
    assert engine.progress == pytest.approx(6.5 / TOTAL)
    assert engine.next_step == TIMELINE.steps[2]
    assert engine.next_exercise == TIMELINE.steps[8]
    assert engine.next_exercise is not None
    assert engine.next_exercise.exercise_id == "sides"
    assert engine.planned_s == TOTAL
    assert engine.deadline == pytest.approx(clock.monotonic() + 3.5)


def test_pause_keeps_the_remaining_time_exactly(engine: PlayerEngine, clock: FakeClock) -> None:
    t0 = clock.monotonic()
    engine.start()
    run(engine, clock, 6.5)
    events = engine.pause()
    assert kinds(events) == [EventKind.PAUSED]
    assert engine.state is PlayerState.PAUSED
    assert engine.remaining_s == pytest.approx(3.5)
    clock.advance(100)
    assert engine.tick() == []
    assert engine.remaining_s == pytest.approx(3.5)
    assert engine.elapsed_s == pytest.approx(6.5)
    assert engine.done_s == pytest.approx(6.5)
    resumed_at = clock.monotonic()
    assert kinds(engine.resume()) == [EventKind.RESUMED]
    assert engine.deadline == pytest.approx(resumed_at + 3.5)
    events = run(engine, clock, TOTAL)
    finished = events[-1]
    assert finished.kind is EventKind.FINISHED
    assert finished.at == pytest.approx(t0 + TOTAL + 100)
    assert engine.done_s == pytest.approx(TOTAL)


def test_toggle_pause_starts_pauses_and_resumes(engine: PlayerEngine, clock: FakeClock) -> None:
    assert EventKind.STARTED in kinds(engine.toggle_pause())
    clock.advance(1)
    assert kinds(engine.toggle_pause()) == [EventKind.PAUSED]
    assert kinds(engine.toggle_pause()) == [EventKind.RESUMED]
    assert engine.resume() == []
    assert engine.start() == []


def test_a_550_ms_stall_catches_up_exactly(engine: PlayerEngine, clock: FakeClock) -> None:
    t0 = clock.monotonic()
    engine.start()
    run(engine, clock, 4.75, tick=0.05)  # 0.25 s before the end of get-ready
    clock.advance(0.55)  # the UI stalls across the step boundary
    events = engine.tick()
    assert kinds(events) == [EventKind.STEP_STARTED]
    assert events[0].at == t0 + 5
    assert events[0].late_s(clock.monotonic()) == pytest.approx(0.3)
    assert engine.remaining_s == pytest.approx(5 - 0.3)
    assert engine.deadline == t0 + 10


def test_ten_stalls_neither_add_nor_lose_time(engine: PlayerEngine, clock: FakeClock) -> None:
    t0 = clock.monotonic()
    engine.start()
    events: list[PlayerEvent] = []
    for _ in range(10):
        events += run(engine, clock, 3.0, tick=1 / 60)
        clock.advance(0.55)
        events += engine.tick()
    events += run(engine, clock, TOTAL, tick=1 / 60)
    assert events[-1].kind is EventKind.FINISHED
    assert events[-1].at == t0 + TOTAL
    started = [e for e in events if e.kind is EventKind.STEP_STARTED]
    assert [e.at - t0 for e in started] == [s.start_s for s in TIMELINE.steps[1:]]


def test_a_long_stall_walks_through_several_steps_in_one_tick(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    t0 = clock.monotonic()
    engine.start()
    clock.advance(20.5)
    events = engine.tick()
    started = [e.step.index for e in events if e.kind is EventKind.STEP_STARTED and e.step]
    assert started == [1, 2, 3, 4]
    assert [e.count for e in events if e.kind is EventKind.COUNTDOWN] == [3, 2, 1] * 2
    assert all(e.at <= t0 + 20.5 for e in events)
    assert engine.done_s == pytest.approx(20.5)


def test_skip_forward_counts_only_what_was_done(engine: PlayerEngine, clock: FakeClock) -> None:
    t0 = clock.monotonic()
    engine.start()
    run(engine, clock, 2)
    events = engine.skip_forward()
    assert kinds(events) == [EventKind.STEP_STARTED]
    assert events[0].at == t0 + 2
    assert engine.index == 1
    assert engine.remaining_s == 5
    assert engine.steps_skipped == 1
    assert engine.steps_done == 0
    assert engine.done_s == pytest.approx(2)
    events = run(engine, clock, TOTAL)
    assert events[-1].kind is EventKind.FINISHED
    assert events[-1].at == pytest.approx(t0 + TOTAL - 3)
    assert engine.done_s == pytest.approx(TOTAL - 3)
    assert (engine.steps_done, engine.steps_skipped) == (len(TIMELINE.steps) - 1, 1)


def test_skip_forward_on_the_last_step_finishes(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    for _ in range(len(TIMELINE.steps) - 1):
        engine.skip_forward()
    assert engine.current_step == TIMELINE.steps[-1]
    assert engine.next_exercise is None
    assert kinds(engine.skip_forward()) == [EventKind.FINISHED]
    assert engine.state is PlayerState.FINISHED
    assert engine.steps_skipped == len(TIMELINE.steps)
    assert engine.done_s == 0


def test_skip_back_goes_to_the_previous_step_at_the_start_of_a_step(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    engine.start()
    run(engine, clock, 6)  # 1 s into step 1
    engine.skip_back()
    assert engine.index == 0
    assert engine.remaining_s == 5
    assert engine.done_s == pytest.approx(6)


def test_skip_back_restarts_the_current_step_later_in_it(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    t0 = clock.monotonic()
    engine.start()
    run(engine, clock, 8)  # 3 s into step 1
    events = engine.skip_back()
    assert [e.step.index for e in events if e.step] == [1]
    assert engine.index == 1
    assert engine.remaining_s == 5
    assert engine.deadline == t0 + 13
    assert engine.elapsed_s == 5


def test_skip_back_on_the_first_step_restarts_it(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    run(engine, clock, 1)
    engine.skip_back()
    assert engine.index == 0
    assert engine.remaining_s == 5


def test_restart_exercise_returns_to_its_preview(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    run(engine, clock, 41 + 10 + 6)  # in the second rep of "sides", left
    step = engine.current_step
    assert step is not None
    assert step.exercise_id == "sides"
    assert step.rep == 2
    events = engine.restart_exercise()
    assert events[0].step == TIMELINE.steps[8]
    assert engine.current_step is not None
    assert engine.current_step.kind is StepKind.TRANSITION


def test_commands_while_paused_keep_it_paused(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    run(engine, clock, 2)
    engine.pause()
    engine.skip_forward()
    assert engine.state is PlayerState.PAUSED
    assert engine.index == 1
    assert engine.remaining_s == 5
    clock.advance(30)
    assert engine.tick() == []
    engine.resume()
    run(engine, clock, 5)
    assert engine.index == 2


def test_stop_records_the_reason_and_the_time_done(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    run(engine, clock, 20)
    events = engine.stop(StopReason.PAIN)
    assert kinds(events) == [EventKind.STOPPED]
    assert engine.state is PlayerState.STOPPED
    assert engine.stop_reason is StopReason.PAIN
    assert engine.done_s == pytest.approx(20)
    assert engine.elapsed_s == pytest.approx(20)
    assert engine.ended_at == clock.monotonic()
    stopped_in = engine.current_step
    assert stopped_in is not None
    assert stopped_in.start_s <= 20 < stopped_in.end_s
    clock.advance(50)
    assert engine.tick() == []
    assert engine.skip_forward() == []
    assert engine.stop() == []
    assert engine.done_s == pytest.approx(20)


def test_stop_while_paused_counts_the_time_before_the_pause(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    engine.start()
    run(engine, clock, 7)
    engine.pause()
    clock.advance(60)
    engine.stop(StopReason.TIME)
    assert engine.done_s == pytest.approx(7)


def test_sides_are_played_left_then_right(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    events = run(engine, clock, TOTAL + 1)
    sides_steps = [
        e.step
        for e in events
        if e.kind is EventKind.STEP_STARTED and e.step and e.step.exercise_id == "sides"
    ]
    assert [(s.kind, s.side) for s in sides_steps] == [
        (StepKind.TRANSITION, Side.LEFT),
        (StepKind.WORK, Side.LEFT),
        (StepKind.WORK, Side.LEFT),
        (StepKind.SWITCH_SIDES, Side.RIGHT),
        (StepKind.WORK, Side.RIGHT),
        (StepKind.WORK, Side.RIGHT),
    ]


def test_an_empty_timeline_finishes_at_once(clock: FakeClock) -> None:
    engine = PlayerEngine(Timeline("empty", Level.BEGINNER, (), ()), clock)
    assert kinds(engine.start()) == [EventKind.STARTED, EventKind.FINISHED]
    assert engine.progress == 1.0


def test_the_figure_follows_the_phase_and_the_side() -> None:
    library = load_library(Path(__file__).parents[2] / "resources")
    program = library.programs["core-stability-beginner"]
    timeline = build_timeline(program, library.exercises, Level.BEGINNER)
    bird = [s for s in timeline.steps if s.exercise_id == "bird-dog"]
    figure = library.exercises["bird-dog"].figure
    assert figure is not None
    work_left = next(s for s in bird if s.kind is StepKind.WORK and s.side is Side.LEFT)
    work_right = next(s for s in bird if s.kind is StepKind.WORK and s.side is Side.RIGHT)
    rest = next(s for s in bird if s.kind is StepKind.REST)
    assert motion_for_step(work_left) is Motion.HOLD
    assert motion_for_step(rest) is Motion.RELEASE
    assert motion_for_step(bird[0]) is Motion.STILL
    assert pose_for_step(figure, work_left, 0).without_cues() == figure.start
    held = pose_for_step(figure, work_left, work_left.duration_s)
    assert (held.without_cues(), held.hold) == (figure.work, 1.0), "held to the end"
    held = pose_for_step(figure, work_right, work_right.duration_s)
    assert held.without_cues() == figure.work.mirrored()
    assert pose_for_step(figure, rest, rest.duration_s).without_cues() == figure.start
    walk = build_timeline(library.programs["graded-walking"], library.exercises, Level.BEGINNER)
    assert motion_for_step(walk.steps[1]) is Motion.CYCLE


def test_countdown_after_a_pause_follows_the_new_deadline(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    engine.start()
    run(engine, clock, 7.5)  # 2.5 s into the first hold: "3" was due at 7 s
    engine.pause()
    clock.advance(40)
    resumed_at = clock.monotonic()
    engine.resume()
    events = run(engine, clock, 2.5)
    counts = [(e.count, e.at - resumed_at) for e in events if e.kind is EventKind.COUNTDOWN]
    assert counts == [(2, pytest.approx(0.5)), (1, pytest.approx(1.5))]


def test_session_record_of_a_finished_run(engine: PlayerEngine, clock: FakeClock) -> None:
    started = clock.now()
    engine.start()
    with pytest.raises(ValueError, match="running"):
        session_record(engine, program_name="Test", started_at=started, ended_at=clock.now())
    run(engine, clock, TOTAL + 1)
    record = session_record(
        engine, program_name="Test", started_at=started, ended_at=clock.now(), pain_after=2
    )
    assert (record.program_id, record.level, record.completed) == ("test", Level.BEGINNER, True)
    assert (record.planned_s, record.done_s, record.stopped_reason) == (TOTAL, TOTAL, None)
    assert record.steps_done == len(TIMELINE.steps)


def test_session_record_of_a_stopped_run(engine: PlayerEngine, clock: FakeClock) -> None:
    started = clock.now()
    engine.start()
    run(engine, clock, 20.5)
    engine.skip_forward()
    engine.stop()
    record = session_record(engine, program_name="Test", started_at=started, ended_at=clock.now())
    assert record.completed is False
    assert record.stopped_reason is StopReason.OTHER
    assert (record.done_s, record.steps_done, record.steps_skipped) == (20, 4, 1)


def test_a_session_has_moved_once_its_first_exercise_begins(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    """A stop during the get-ready keeps nothing (the UI's rule); from the first work on,
    however short, it is a session."""
    engine.start()
    run(engine, clock, 4.75)  # get-ready is 5 s
    assert engine.current_step is not None
    assert engine.current_step.kind is StepKind.GET_READY
    assert not engine.moved
    run(engine, clock, 0.5)
    assert engine.current_step.kind is StepKind.WORK
    assert engine.moved
    engine.skip_back()
    engine.skip_back()  # back to the get-ready: it has still moved
    assert engine.current_step.kind is StepKind.GET_READY
    assert engine.moved


def test_skipping_the_get_ready_counts_as_moving(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    engine.skip_forward()
    engine.stop(StopReason.TIME)
    assert engine.moved


# -- completed: most of the work done ----------------------------------------------------------

WORK_S = 36  # "hold": 4 holds of 5 s; "sides": 4 reps of 4 s


def skip_through(engine: PlayerEngine, clock: FakeClock, indices: set[int] | None = None) -> None:
    """Play the programme, pressing skip 0.5 s into each step in `indices` (all if None)."""
    engine.start()
    while engine.state is PlayerState.RUNNING:
        step = engine.current_step
        assert step is not None
        if indices is None or step.index in indices:
            clock.advance(0.5)
            engine.skip_forward()
        else:
            run(engine, clock, engine.remaining_s)


def record_of(engine: PlayerEngine, clock: FakeClock) -> Session:
    return session_record(engine, program_name="Test", started_at=clock.now(), ended_at=clock.now())


def test_a_programme_skipped_through_is_finished_but_not_completed(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    """Skipping to the end was saved as completed, and counted towards a level up."""
    skip_through(engine, clock)
    assert engine.state is PlayerState.FINISHED
    assert engine.work_s() == (pytest.approx(WORK_S - 4 * 0.5 - 4 * 0.5), WORK_S)
    record = record_of(engine, clock)
    assert (record.completed, record.stopped_reason) == (False, None)
    assert record.steps_skipped == len(TIMELINE.steps)
    # A valid record, stored and exported in the same shape as before.
    assert Session.from_dict(record.to_dict()) == record
    assert set(record.to_dict()) == set(record_of_full_run(clock).to_dict())


def record_of_full_run(clock: FakeClock) -> Session:
    engine = PlayerEngine(TIMELINE, clock)
    engine.start()
    run(engine, clock, TOTAL + 1)
    return record_of(engine, clock)


@pytest.mark.parametrize(
    ("skipped", "completed"),
    [
        ({0, 2, 4, 6, 8, 11}, True),  # get-ready, rests, set rest, transition, switch: no work
        ({1}, True),  # one hold: 4.5 s of 36 s
        ({1, 3}, False),  # two holds: 9 s, more than a fifth
        ({9, 10}, True),  # two reps of 4 s: 7 s, not more than a fifth (7.2 s)
    ],
)
def test_a_session_is_completed_when_at_most_a_fifth_of_its_work_was_skipped(
    engine: PlayerEngine, clock: FakeClock, skipped: set[int], completed: bool
) -> None:
    skip_through(engine, clock, skipped)
    assert engine.completed is completed
    assert record_of(engine, clock).completed is completed


def test_a_skipped_step_played_again_to_its_end_is_not_skipped(
    engine: PlayerEngine, clock: FakeClock
) -> None:
    engine.start()
    run(engine, clock, 5.5)  # into the first hold
    engine.skip_forward()
    engine.skip_back()  # at once: back to the hold, from its start
    run(engine, clock, TOTAL)
    assert engine.state is PlayerState.FINISHED
    assert engine.work_s() == (0, WORK_S)
    assert engine.completed


def test_work_s_is_counted_per_exercise(engine: PlayerEngine, clock: FakeClock) -> None:
    skip_through(engine, clock, {9})
    assert engine.work_s(0) == (0, 20)
    assert engine.work_s(1) == (pytest.approx(3.5), 16)


def test_a_stopped_session_is_never_completed(engine: PlayerEngine, clock: FakeClock) -> None:
    engine.start()
    run(engine, clock, TOTAL - 1)
    engine.stop()
    assert engine.work_s()[0] == 0
    assert not engine.completed


def test_sessions_skipped_through_do_not_offer_the_next_level(clock: FakeClock) -> None:
    """The level rule counts completed sessions; skipping must not push anyone up a level."""

    def fortnight(skip: bool) -> list[Session]:
        out = []
        for day in range(7):
            engine = PlayerEngine(TIMELINE, clock)
            if skip:
                skip_through(engine, clock)
            else:
                engine.start()
                run(engine, clock, TOTAL + 1)
            started = clock.now() - timedelta(days=15 - 2 * day)
            out.append(
                session_record(
                    engine,
                    program_name="Test",
                    started_at=started,
                    ended_at=started + timedelta(minutes=2),
                    pain_before=2,
                    pain_after=2,
                    effort=3,
                )
            )
        return out

    def suggestion(sessions: list[Session]) -> LevelSuggestion:
        return suggest_level(
            sessions,
            program_id="test",
            level=Level.BEGINNER,
            sessions_per_week=3,
            now=clock.now(),
        )

    assert suggestion(fortnight(skip=False)).change is LevelChange.UP
    skipped = suggestion(fortnight(skip=True))
    assert skipped.change is LevelChange.STAY
    assert "adherence" in skipped.reasons


# -- the rest between sets stays on the side just done -----------------------------------------


def test_the_rest_between_sets_keeps_the_side_just_finished() -> None:
    library = load_library(Path(__file__).parents[2] / "resources")
    program = Program(
        id="sets",
        name=T,
        description=T,
        frequency=T,
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=(
            ProgramItem(
                "bird-dog",
                overrides=(
                    (
                        "all",
                        DoseOverride(
                            reps=2, sets=2, hold_s=5, rest_s=2, set_rest_s=4, per_side=True
                        ),
                    ),
                ),
            ),
        ),
    )
    timeline = build_timeline(program, library.exercises, Level.BEGINNER)
    [set_rest] = [s for s in timeline.steps if s.kind is StepKind.SET_REST]
    held = timeline.steps[set_rest.index - 1]
    assert (held.kind, held.side) == (StepKind.WORK, Side.RIGHT)
    assert set_rest.side is Side.RIGHT
    # The figure releases the right side's hold: no jump to the left side at the start.
    figure = library.exercises["bird-dog"].figure
    assert figure is not None
    end_of_hold = pose_for_step(figure, held, held.duration_s)
    start_of_rest = pose_for_step(figure, set_rest, 0)
    assert start_of_rest.flipped == end_of_hold.flipped is True
    assert start_of_rest.contacts == end_of_hold.contacts
    # Without sides, the rest between sets has none either.
    one_side = build_timeline(PROGRAM, EXERCISES, Level.BEGINNER)
    assert [s.side for s in one_side.steps if s.kind is StepKind.SET_REST] == [None]
