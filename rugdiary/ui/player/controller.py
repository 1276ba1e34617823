"""Player page behaviour: one timer drives the engine, cues follow it, sessions get saved."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from rugdiary.core.clock import Clock
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Exercise, Level
from rugdiary.core.player import (
    EventKind,
    PlayerEngine,
    PlayerEvent,
    PlayerState,
    did_most,
    pose_for_step,
    session_record,
)
from rugdiary.core.programs import (
    COUNTDOWN_FROM,
    Program,
    Side,
    Step,
    StepKind,
    Timing,
    build_timeline,
)
from rugdiary.core.sessions import Session, StopReason, pain_response
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.repositories import EntryNotFoundError
from rugdiary.ui import dialogs
from rugdiary.ui.announce import announce, set_label_text, set_name, value_changed
from rugdiary.ui.audio import Cues, Tone, app_language, voice_off_reason
from rugdiary.ui.player import texts
from rugdiary.ui.player.overview import SessionOverview
from rugdiary.ui.player.player_view import PlayerView
from rugdiary.ui.reasons import reason_text

TICK_MS = 50
"""Redraw interval while playing: smooth enough for the ring and the figure, cheap enough."""

COUNTDOWN_LATE_S = 0.4
"""A 3-2-1 tick later than this (after a stall) would land on the wrong second: skip it."""

_CALM_KINDS = (StepKind.REST, StepKind.SET_REST, StepKind.SWITCH_SIDES)


class SessionStore(Protocol):
    """What the player needs from the sessions table (SessionRepository fits)."""

    def add(self, session: Session) -> Session: ...

    def update(self, session: Session) -> Session: ...


class PlayerController(QObject):
    """Joins the player view to the engine, a clock, the cue output and the sessions store.

    A single-shot precise QTimer runs only while the engine runs. Each time it
    fires the engine catches up with the clock, the view is drawn from the
    engine's state, and the timer is set again for the next frame or the next
    cue, whichever comes first, so cues are on time without a fast timer.
    Paused or idle, no timer runs at all.
    """

    sessionSaved = Signal(object)
    """A Session was written (at the end, and again with the answers after it)."""

    notice = Signal(str, bool)
    """A short status-bar message, as the diary page sends (the bool: offers undo; never here)."""

    runningChanged = Signal(bool)
    """True while a session is under way (playing or paused)."""

    showRequested = Signal()
    """start() prepared a session: the main window should bring the player page forward."""

    stepStarted = Signal(object, float)
    """(Step, seconds late) when the UI handles the start of a step; for cues and benchmarks."""

    startRequested = Signal(str)
    """The Start button of the quiet Session page: play this program (by id)."""

    returnFocusRequested = Signal(object)
    """Done after a session: give the keyboard back to the control that started it."""

    programBegun = Signal(str)
    """A program (its id) began to play, past the pain-before form: it answers a reminder
    waiting for it. Leaving that form without playing answers nothing."""

    def __init__(
        self,
        view: PlayerView,
        exercises: Mapping[str, Exercise],
        sessions: SessionStore,
        clock: Clock,
        cues: Cues,
        *,
        lang: str | None = None,
        pictures_dir: Path | None = None,
        tick_ms: int = TICK_MS,
        clock_speed: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.play = view.play
        self.exercises: Mapping[str, Exercise] = exercises
        self.sessions = sessions
        self.clock = clock
        self.cues = cues
        self.lang = lang if lang is not None else app_language()
        self.pictures_dir = pictures_dir
        self.tick_ms = tick_ms
        # Clock seconds per real second; above 1 only in benchmarks that play faster.
        self.clock_speed = clock_speed

        self.engine: PlayerEngine | None = None
        self.program: Program | None = None
        self.level: Level | None = None
        self._timeline_exercises: Mapping[str, Exercise] = exercises
        self._pending_timeline: (
            tuple[Program, Level, Mapping[str, Exercise], Timing | None] | None
        ) = None
        self._started_at: datetime | None = None
        self._pain_before: int | None = None
        self._session: Session | None = None
        self._stored = False
        self._shown_item: int | None = None
        self._opener: QWidget | None = None
        self._overview_source: Callable[[], SessionOverview] | None = None
        self._overview: SessionOverview | None = None
        self._paused = False
        """Paused as the engine's last PAUSED or RESUMED event left it (see _handle)."""
        self._uncued: Step | None = None
        """A step begun by a skip while paused: not cued then, cued when play goes on."""
        self._voice_side: Side | None = None
        self._voice_item: int | None = None
        """The side and exercise (item index) the voice last named a work step for."""
        """The side the voice last named for a work step (None: none yet, in this exercise)."""
        self._watched_voice: QObject | None = None
        self._sound_was_available = bool(getattr(cues, "sound_available", True))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)

        play = self.play
        play.pause_action.triggered.connect(self.toggle_pause)
        play.skip_action.triggered.connect(self.skip_forward)
        play.back_action.triggered.connect(self.skip_back)
        play.restart_action.triggered.connect(self.restart_exercise)
        play.stop_action.triggered.connect(self.request_stop)
        play.focus_action.toggled.connect(play.set_focus_mode)
        view.start_action.triggered.connect(self.begin)
        view.before.start_button.clicked.connect(self.begin)
        view.cancel_start_action.triggered.connect(self.cancel_start)
        view.before.cancel_button.clicked.connect(self.cancel_start)
        after = view.after
        after.pain.valueChanged.connect(self._on_pain_after)
        after.save_button.clicked.connect(self.save)
        after.done_button.clicked.connect(self.done)
        after.pain.valueChanged.connect(self._answers_changed)
        after.effort.valueChanged.connect(self._answers_changed)
        after.note.textChanged.connect(self._answers_changed)
        view.idle.start_button.clicked.connect(self._start_offered)
        view.idle.shown.connect(self.refresh_overview)
        unavailable = getattr(cues, "unavailable", None)
        if unavailable is not None:
            unavailable.connect(self._on_cues_unavailable)

    # -- session flow ------------------------------------------------------------------------

    @property
    def state(self) -> PlayerState:
        return self.engine.state if self.engine is not None else PlayerState.IDLE

    def is_busy(self) -> bool:
        """True while a session plays or is paused: the Programs page should not start another."""
        return self.state in (PlayerState.RUNNING, PlayerState.PAUSED)

    def start(
        self,
        program: Program,
        level: Level,
        exercises: Mapping[str, Exercise] | None = None,
        timing: Timing | None = None,
    ) -> bool:
        """Prepare `program` at `level` and ask for the pain right now; Space then plays it.

        `exercises` overrides the library given at construction (built-in plus the
        user's own exercises). False, with a notice, when it cannot be played, or when
        the answers after the last session cannot be saved first (its form stays).
        """
        if self.is_busy():
            self.notice.emit(self.tr("A session is still playing. Stop it first."), False)
            return False
        # The control that asked for this session (a Start button elsewhere) gets the
        # keyboard back when the person is done with the summary. Taken before saving
        # the last session's answers, which moves the focus to its Done button.
        focused = QApplication.focusWidget()
        library = exercises if exercises is not None else self.exercises
        try:
            timeline = build_timeline(program, library, level, timing)
        except ValidationError as error:
            self.notice.emit(
                self.tr("This program cannot be played: %1").replace(
                    "%1", reason_text(error.message)
                ),
                False,
            )
            return False
        if not self._keep_last_session():
            return False
        self._pending_timeline = (program, level, library, timing)
        self.program, self.level = program, level
        if focused is not None and not self.view.isAncestorOf(focused):
            self._opener = focused
        self.engine = None
        before = self.view.before
        before.title.setText(program.name.get(self.lang))
        before.details.setText(
            self.tr("%1 · about %2 minutes · %3 exercises")
            .replace("%1", self._level_name(level))
            .replace("%2", str(max(1, round(timeline.total_s / 60))))
            .replace("%3", str(len(program.items)))
        )
        before.pain.clear()
        self.view.show_panel(before)
        self.showRequested.emit()
        # Load sound and voice now, while the person gets onto the mat, not at the first cue.
        self.cues.prepare()
        self._forget_stale_voice_notice()
        return True

    def begin(self) -> None:
        """Start playing the prepared programme (Start or Space in the pain-before form)."""
        if self._pending_timeline is None or self.is_busy():
            return
        if not self._keep_last_session():
            return
        program, level, library, timing = self._pending_timeline
        self._pending_timeline = None
        self._timeline_exercises = library
        self.engine = PlayerEngine(build_timeline(program, library, level, timing), self.clock)
        self._pain_before = self.view.before.pain.value()
        self._started_at = self.clock.now()
        self._session = None
        self._stored = False
        self._shown_item = None
        self._paused = False
        self._uncued = None
        self._voice_side = self._voice_item = None
        self._forget_stale_voice_notice()
        set_label_text(self.play.program_label, program.name.get(self.lang))
        self.play.set_paused(False)
        self.view.show_panel(self.play)
        self.runningChanged.emit(True)
        self.programBegun.emit(program.id)
        self._handle(self.engine.start())

    def cancel_start(self) -> None:
        """Leave the pain-before form without playing; the keyboard goes back where it was."""
        if self._pending_timeline is None:
            return
        self._pending_timeline = None
        self.refresh_overview()
        self.view.show_panel(self.view.idle)
        self._return_focus()

    # -- playing -----------------------------------------------------------------------------

    def tick(self) -> None:
        """Catch up with the clock, cue what fell due, redraw, and set the timer again."""
        if self.engine is not None:
            self._handle(self.engine.tick())

    def toggle_pause(self) -> None:
        if self.engine is not None and self.is_busy():
            self._handle(self.engine.toggle_pause())

    def skip_forward(self) -> None:
        if self.engine is not None and self.is_busy():
            self._handle(self.engine.skip_forward())

    def skip_back(self) -> None:
        if self.engine is not None and self.is_busy():
            self._handle(self.engine.skip_back())

    def restart_exercise(self) -> None:
        if self.engine is not None and self.is_busy():
            self._handle(self.engine.restart_exercise())

    def request_stop(self) -> None:
        """Esc: pause, ask why (through dialogs), then stop, or carry on as before."""
        engine = self.engine
        if engine is None or not self.is_busy():
            return
        was_running = engine.state is PlayerState.RUNNING
        opener = QApplication.focusWidget()
        if was_running:
            self._handle(engine.pause())
        answer = dialogs.ask_stop_session(self.view)
        if answer is None:
            if was_running and engine.state is PlayerState.PAUSED:
                self._handle(engine.resume())
            # Back to the control the question came from (Stop, or wherever Esc was pressed).
            if opener is not None and isValid(opener) and opener.isVisible():
                opener.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.play.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.stop(StopReason(answer))

    def stop(self, reason: StopReason) -> None:
        """End the session early with `reason`; it is saved like a finished one."""
        if self.engine is not None and self.is_busy():
            self._handle(self.engine.stop(reason))

    # -- after the session -------------------------------------------------------------------

    def save(self) -> bool:
        """Save the answers after the session with it; on failure nothing in the form is lost."""
        if self._session is None:
            return False
        after = self.view.after
        try:
            session = self._session.replace(**self._answers())
        except ValidationError as error:
            # A note over the limit, say: raised here, in the slot, it was lost to the
            # event loop and Save seemed to do nothing.
            self._show_invalid(error)
            return False
        if not self._write(session):
            return False
        self._session = session
        self.sessionSaved.emit(session)
        after.show_message(self.tr("Saved. The session is in your diary."))
        # Saved: Save waits for a changed answer ("Save changes"); Done closes the summary.
        after.save_button.setText(self.tr("Save changes"))
        after.save_button.setEnabled(False)
        after.save_button.setDefault(False)
        after.done_button.setVisible(True)
        after.done_button.setDefault(True)
        after.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.notice.emit(self.tr("Session saved"), False)
        return True

    def done(self) -> None:
        """Close the summary: the quiet start panel, and the keyboard back where it came from.

        Answers not saved yet are saved first; if that fails the summary stays, saying why.
        """
        if self.has_unsaved_answers() and not self.save():
            return
        self.engine = None
        self._session = None
        self.refresh_overview()
        self.view.show_panel(self.view.idle)
        self._return_focus()

    def shutdown(self) -> None:
        """The app closes (the window, Ctrl+Q, the tray's Quit): keep what the person did.

        A session under way is stopped as a stop would ("other": the person did not say
        why) and saved; answers typed after a session and not saved yet are saved. Both
        were lost before. MainWindow.shutdown_pages calls this.
        """
        if self.is_busy():
            self.stop(StopReason.OTHER)
        if self.has_unsaved_answers():
            self.save()

    def has_unsaved_answers(self) -> bool:
        """Whether the last session, or the answers in its form, are not in the diary yet."""
        if self._session is None:
            return False
        if not self._stored:
            return True
        session = self._session
        return self._answers() != {
            "pain_after": session.pain_after,
            "effort": session.effort,
            "note": session.note,
        }

    def _answers(self) -> dict[str, object]:
        after = self.view.after
        return {
            "pain_after": after.pain.value(),
            "effort": after.effort.value(),
            "note": after.note.toPlainText().strip(),
        }

    def _keep_last_session(self) -> bool:
        """Save the last session's answers before another session replaces its form.

        False when they cannot be saved: the form comes forward with the reason, and no
        new session starts, so nothing the person gave is thrown away unseen.
        """
        if not self.has_unsaved_answers() or self.save():
            return True
        self._pending_timeline = None
        self.view.show_panel(self.view.after)
        self.showRequested.emit()
        self.notice.emit(
            self.tr(
                "The last session is not saved yet, so a new one cannot start. "
                "Its answers are still on the Exercise session page."
            ),
            False,
        )
        return False

    def _show_invalid(self, error: ValidationError) -> None:
        after = self.view.after
        labels = {
            "note": (self.tr("Note"), after.note),
            "pain_after": (self.tr("Pain now"), after.pain),
            "effort": (self.tr("Effort"), after.effort),
        }
        label, widget = labels.get(error.field, (error.field, None))
        after.show_message(
            self.tr("Your answers are not saved yet. %1: %2.")
            .replace("%1", label)
            .replace("%2", reason_text(error.message))
        )
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            after.scroll_area.ensureWidgetVisible(widget)

    def _return_focus(self) -> None:
        opener, self._opener = self._opener, None
        if opener is not None and isValid(opener):
            self.returnFocusRequested.emit(opener)

    # -- the quiet page ----------------------------------------------------------------------

    def set_overview_source(self, source: Callable[[], SessionOverview] | None) -> None:
        """Where the quiet page reads the next program and the last sessions from."""
        self._overview_source = source
        self.refresh_overview()

    def refresh_overview(self) -> None:
        """Read the next program and the last sessions again (after a session, on showing)."""
        if self._overview_source is None:
            return
        self._overview = self._overview_source()
        self.view.idle.show_overview(self._overview)
        if self.view.current_panel() is self.view.idle:
            self.view.setFocusProxy(self.view.idle.main_button())

    def _start_offered(self) -> None:
        if self._overview is not None and self._overview.program_id is not None:
            self._opener = self.view.idle.start_button
            self.startRequested.emit(self._overview.program_id)

    @property
    def session(self) -> Session | None:
        """The record of the last session (with the answers once saved)."""
        return self._session

    # -- internals ---------------------------------------------------------------------------

    def _handle(self, events: list[PlayerEvent]) -> None:
        engine = self.engine
        assert engine is not None
        now = self.clock.monotonic()
        last_start = max(
            (i for i, e in enumerate(events) if e.kind is EventKind.STEP_STARTED), default=-1
        )
        ended: EventKind | None = None
        for i, event in enumerate(events):
            if event.kind is EventKind.STEP_STARTED and i == last_start:
                self._step_began(event, now)
            elif event.kind is EventKind.COUNTDOWN and i > last_start:
                if event.late_s(now) <= COUNTDOWN_LATE_S:
                    self.cues.play_tone(Tone.TICK)
            elif event.kind in (EventKind.PAUSED, EventKind.RESUMED):
                self._paused = event.kind is EventKind.PAUSED
                self.play.set_paused(self._paused)
                if not self._paused and i > last_start:
                    self._cue_uncued()
            elif event.kind in (EventKind.FINISHED, EventKind.STOPPED):
                ended = event.kind
        if ended is not None:
            self.timer.stop()
            self._uncued = None
            if ended is EventKind.FINISHED:
                self.cues.play_tone(Tone.END)
                engine = self.engine
                self.cues.say(texts.finished_line(engine is None or engine.completed))
            self._session_ended()
            return
        self._render()
        self._schedule()

    def _step_began(self, event: PlayerEvent, now: float) -> None:
        step = event.step
        assert step is not None
        if self.engine is not None and self.engine.state is PlayerState.FINISHED:
            return
        if self._paused:
            # Skipped to while paused: "Paused" stays on the screen, and a voice saying
            # the new step would be heard as an order to go on. Said on carrying on.
            self._uncued = step
        else:
            self._uncued = None
            self._cue_step(step)
        self.stepStarted.emit(step, event.late_s(now))

    def _cue_uncued(self) -> None:
        """Carrying on after a skip while paused: the step that began then is cued now."""
        step, self._uncued = self._uncued, None
        engine = self.engine
        if step is not None and engine is not None and engine.current_step is step:
            self._cue_step(step, start_of_run=True)

    def _cue_step(self, step: Step, *, start_of_run: bool = False) -> None:
        self.cues.play_tone(Tone.PHASE)
        self._watch_voice()
        # A new exercise names its first side again, also when its preview was never said
        # (skipped to while paused, or passed in one catch-up).
        name_side = step.kind is StepKind.WORK and (
            step.side != self._voice_side or step.item_index != self._voice_item
        )
        line = texts.voice_line(
            step, self._name(step.exercise_id), name_side=name_side, start_of_run=start_of_run
        )
        if line:
            self.cues.say(line)
        if step.kind is StepKind.WORK:
            self._voice_side, self._voice_item = step.side, step.item_index

    def _schedule(self) -> None:
        engine = self.engine
        if engine is None or engine.state is not PlayerState.RUNNING:
            self.timer.stop()
            return
        due_s = engine.remaining_s
        step = engine.current_step
        if step is not None and step.countdown:
            for k in range(COUNTDOWN_FROM, 0, -1):
                if due_s - k > 1e-9:
                    due_s = min(due_s, engine.remaining_s - k)
                    break
        due_ms = math.ceil(max(0.0, due_s) / self.clock_speed * 1000)
        self.timer.start(max(1, min(self.tick_ms, due_ms)))

    def _render(self) -> None:
        engine = self.engine
        assert engine is not None
        step = engine.current_step
        if step is None:
            return
        play = self.play
        paused = engine.state is PlayerState.PAUSED
        name = self._name(step.exercise_id)
        remaining = engine.remaining_s
        value = texts.ring_value(step, remaining)
        play.ring.set_state(
            value.fraction,
            value.number,
            unit=value.unit,
            caption=self.tr("paused") if paused else "",
            calm=step.kind in _CALM_KINDS or step.is_preview,
            dimmed=paused,
        )
        set_name(play.ring, play.ring.spoken_text())
        # Paused: one big word, and how to go on where "up next" stands (short enough
        # for one line at mat-reading size, in Dutch too).
        phase = self.tr("Paused") if paused else texts.phase_text(step, name)
        following = self.tr("Press Space to carry on.") if paused else self._next_text(engine)
        counters = texts.counters_text(step, with_rep=not texts.counts_reps(step))
        if set_label_text(play.phase_label, phase):
            # A new phase is what a screen reader user most needs to hear, with its count.
            extra = following if paused else counters
            announce(play.phase_label, f"{phase}. {extra}" if extra else phase)
        set_label_text(play.counters_label, counters)
        if step.item_index != self._shown_item:
            self._show_exercise(step)
        exercise = self._timeline_exercises.get(step.exercise_id)
        if exercise is not None and exercise.figure is not None:
            play.figure.set_pose(pose_for_step(exercise.figure, step, engine.step_elapsed_s))
        set_label_text(play.next_label, following)
        progress = round(engine.progress * 1000)
        if progress != play.progress.value():
            play.progress.setValue(progress)
            value_changed(play.progress, play.progress.value())
        set_label_text(
            play.time_label,
            self.tr("%1 of %2")
            .replace("%1", texts.clock_text(engine.elapsed_s))
            .replace("%2", texts.clock_text(engine.planned_s)),
        )

    def _show_exercise(self, step: Step) -> None:
        self._shown_item = step.item_index
        play = self.play
        exercise = self._timeline_exercises.get(step.exercise_id)
        set_label_text(play.exercise_label, self._name(step.exercise_id))
        if exercise is None:
            set_label_text(play.instructions, "")
            play.figure.set_figure(None)
            return
        lines = [self.tr("Start: %1").replace("%1", exercise.start.get(self.lang))]
        lines += [f"{i}. {text.get(self.lang)}" for i, text in enumerate(exercise.steps, 1)]
        if self.program is not None and step.item_index < len(self.program.items):
            note = self.program.items[step.item_index].note
            if note is not None:
                lines.append(note.get(self.lang))
        set_label_text(play.instructions, "\n".join(lines))
        play.instructions_area.verticalScrollBar().setValue(0)
        if exercise.figure is not None:
            play.figure.set_figure(exercise.figure)
        elif exercise.picture is not None:
            path = Path(exercise.picture)
            if not path.is_absolute() and self.pictures_dir is not None:
                path = self.pictures_dir / path
            play.figure.set_picture(path)
        else:
            play.figure.set_figure(None)

    def _next_text(self, engine: PlayerEngine) -> str:
        steps = engine.timeline.steps
        following = texts.next_different(steps, engine.index)
        if following is None:
            # Only reps like this one are left (a run of moving reps at the end).
            if engine.index + 1 < len(steps):
                return self.tr("Up next: the end of the session")
            return self.tr("This is the last step.")
        following_name = self._name(following.exercise_id)
        shown = (
            following_name
            if following.kind is StepKind.TRANSITION
            else texts.phase_text(following, following_name)
        )
        text = self.tr("Up next: %1").replace("%1", shown)
        exercise_step = engine.next_exercise
        if exercise_step is not None and exercise_step is not following:
            text += " · " + self.tr("Next exercise: %1").replace(
                "%1", self._name(exercise_step.exercise_id)
            )
        return text

    def _session_ended(self) -> None:
        engine = self.engine
        assert engine is not None
        assert self._started_at is not None
        assert self.program is not None
        self.runningChanged.emit(False)
        after = self.view.after
        after.show_response(None)
        after.show_message("")
        if not engine.moved and engine.stop_reason is not StopReason.PAIN:
            self._never_began()
            return
        after.ask_questions(True)
        ended_at = max(self.clock.now(), self._started_at)
        self._session = session_record(
            engine,
            program_name=self.program.name.get(self.lang),
            started_at=self._started_at,
            ended_at=ended_at,
            pain_before=self._pain_before,
        )
        self._stored = False
        finished = engine.state is PlayerState.FINISHED
        if not finished:
            title = self.tr("Session stopped. Stopping early is fine.")
        elif self._session.completed:
            title = self.tr("All done. Well done.")
        else:
            title = self.tr("Session finished. Doing part of it is fine.")
        after.title.setText(title)
        exercises = len(self.program.items)
        if finished:
            summary = self._finished_summary(engine, exercises)
        else:
            step = engine.current_step
            reached = step.item_index + 1 if step is not None else 1
            done, planned = texts.length_text(engine.done_s), texts.length_text(engine.planned_s)
            if done == planned:  # stopped at 7:40 of 8:00: "8 min of the planned 8 min"
                done, planned = texts.clock_text(engine.done_s), texts.clock_text(engine.planned_s)
            summary = (
                self.tr("You moved for %1 of the planned %2 and got to exercise %3 of %4.")
                .replace("%1", done)
                .replace("%2", planned)
                .replace("%3", str(reached))
                .replace("%4", str(exercises))
            )
        set_label_text(after.summary, summary)
        after.pain.clear()
        after.effort.clear()
        after.note.clear()
        after.save_button.setText(self.tr("Save"))
        after.save_button.setEnabled(True)
        after.save_button.setDefault(True)
        after.done_button.setDefault(False)
        after.done_button.setVisible(False)
        self.view.show_panel(after)
        # Written at once, so a session is never lost if the questions go unanswered.
        if self._write(self._session):
            self.sessionSaved.emit(self._session)

    def _finished_summary(self, engine: PlayerEngine, exercises: int) -> str:
        """What was done, naming what was skipped: skipping to the end said "did all"."""
        moved = texts.length_text(engine.done_s)
        skipped_s, _planned = engine.work_s()
        if skipped_s <= 0:
            return (
                self.tr("You moved for %1 and did all %2 exercises.")
                .replace("%1", moved)
                .replace("%2", str(exercises))
            )
        # An exercise counts as done by the session's own rule: most of its work done.
        done = sum(1 for i in range(exercises) if did_most(*engine.work_s(i)))
        if done == exercises:
            return (
                self.tr("You moved for %1 and did all %2 exercises, with a few parts skipped.")
                .replace("%1", moved)
                .replace("%2", str(exercises))
            )
        return (
            self.tr("You moved for %1 and did %2 of %3 exercises; %4 skipped or cut short.")
            .replace("%1", moved)
            .replace("%2", str(done))
            .replace("%3", str(exercises))
            .replace("%4", str(exercises - done))
        )

    def _never_began(self) -> None:
        """Stopped during the get-ready, for a reason other than pain: nothing to keep.

        Such a session was saved as "0 min, stopped early": a Start pressed by mistake
        added a session to the diary and to the week's count. A stop for pain is kept,
        however early, as the level rule and the physiotherapist need it.
        """
        self._session = None
        after = self.view.after
        after.title.setText(self.tr("Session stopped before the first exercise."))
        set_label_text(
            after.summary,
            self.tr("Nothing was saved. Start again whenever you are ready."),
        )
        after.ask_questions(False)
        after.done_button.setVisible(True)
        after.done_button.setDefault(True)
        self.view.show_panel(after)
        after.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _write(self, session: Session) -> bool:
        after = self.view.after
        try:
            if self._stored:
                try:
                    self.sessions.update(session)
                except EntryNotFoundError:
                    self.sessions.add(session)
            else:
                self.sessions.add(session)
        except (StorageWriteError, DataFileError) as error:
            reason = reason_text(getattr(error, "reason", "")) or self.tr(
                "the diary could not be written"
            )
            after.show_message(
                self.tr(
                    "Not saved yet: %1. Your answers are still here; choose Try again "
                    "when the problem is solved."
                ).replace("%1", reason.rstrip("."))
            )
            after.save_button.setText(self.tr("Try again"))
            after.save_button.setEnabled(True)
            self.notice.emit(self.tr("Session not saved yet"), False)
            return False
        self._stored = True
        return True

    def _on_pain_after(self, value: int | None) -> None:
        if value is None:
            self.view.after.show_response(None)
            return
        response = pain_response(value, usual_pain=self._pain_before)
        self.view.after.show_response(texts.response_look(response, value, self._pain_before))

    def _answers_changed(self, *_args: object) -> None:
        """An answer changed after saving: Save is offered again for the change."""
        after = self.view.after
        if after.done_button.isVisible() and not after.save_button.isEnabled():
            after.save_button.setEnabled(True)

    def _on_cues_unavailable(self, reason: str) -> None:
        # Sound is lost for good and only once; anything else the cue output gives up is
        # the voice, which a later session may get back (and its notice then goes).
        sound_now = bool(getattr(self.cues, "sound_available", True))
        kind = "sound" if self._sound_was_available and not sound_now else "voice"
        self._sound_was_available = sound_now
        self._show_audio_notice(reason, kind)

    def _show_audio_notice(self, reason: str, kind: str) -> None:
        # On the player page (which keeps each line once), and in the status bar while the
        # page is hidden: Settings' Test voice must say why it stays silent every time.
        self.play.show_audio_notice(reason, kind)
        if not self.view.isVisible():
            self.notice.emit(reason, False)

    def _forget_stale_voice_notice(self) -> None:
        """A session is prepared: "Voice cues are off" from an earlier one may be stale.

        The cue output tries a voice that failed for a passing reason again (and does not
        tell a second failure: _on_voice_failed does); a voice switched off in Settings is
        no problem to report. A lasting cause (no voice for the language) still holds.
        """
        voice_enabled = getattr(self.cues, "voice_enabled", None)
        enabled = voice_enabled() if callable(voice_enabled) else True
        if not enabled or getattr(self.cues, "voice_available", True):
            self.play.clear_audio_notice("voice")
        self._watch_voice()

    def _watch_voice(self) -> None:
        """Listen to the voice process the cue output runs now (a new one per retry)."""
        voice = getattr(self.cues, "voice_process", None)
        if voice is None or voice is self._watched_voice:
            return
        self._watched_voice = voice
        voice.answered.connect(self._on_voice_answer)
        voice.failed.connect(self._on_voice_failed)

    def _on_voice_answer(self, answer: object) -> None:
        # A new voice process that got its engine ready: the voice works again.
        if (
            self.sender() is self._watched_voice
            and isinstance(answer, dict)
            and answer.get("event") == "ready"
        ):
            self.play.clear_audio_notice("voice")

    def _on_voice_failed(self, cause: str) -> None:
        # The cue output says why only the first time; a voice that failed again in a
        # later session, after its notice was taken back, would go quiet unexplained.
        # Only a failure the cue output took (it lets go of that process), not an old one.
        if (
            self.sender() is self._watched_voice
            and getattr(self.cues, "voice_process", None) is None
        ):
            self._show_audio_notice(voice_off_reason(cause), "voice")

    def _name(self, exercise_id: str) -> str:
        return texts.exercise_name(self._timeline_exercises, exercise_id, self.lang)

    def _level_name(self, level: Level) -> str:
        names = {
            Level.BEGINNER: self.tr("Beginner"),
            Level.INTERMEDIATE: self.tr("Intermediate"),
            Level.ADVANCED: self.tr("Advanced"),
        }
        return names[level]
