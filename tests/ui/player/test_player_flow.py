"""The player page end to end: keyboard control, phases, counters, cues and the saved session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.exercises import Level
from rugdiary.core.player import PlayerState
from rugdiary.core.programs import Program, StepKind
from rugdiary.core.sessions import Session, StopReason
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui import dialogs
from rugdiary.ui.audio import Tone
from rugdiary.ui.player.page import PlayerPage

if TYPE_CHECKING:
    from tests.ui.player.conftest import CueRecorder

Advance = Callable[[float], None]


def begin(qtbot: QtBot, player: PlayerPage, program: Program, pain: str = "3") -> None:
    """Start like a person would: the programme is chosen, type the pain, press Space."""
    with qtbot.waitSignal(player.controller.showRequested, timeout=1000):
        assert player.controller.start(program, Level.BEGINNER)
    view = player.view
    assert view.current_panel() is view.before
    qtbot.keyClick(view.before.pain, pain)
    qtbot.keyClick(view.before.pain, Qt.Key.Key_Space)
    assert view.current_panel() is view.play


def test_plays_a_short_programme_end_to_end_with_the_keyboard(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
    cues: CueRecorder,
) -> None:
    controller, play = player.controller, player.view.play
    saved: list[Session] = []
    controller.sessionSaved.connect(saved.append)
    begin(qtbot, player, tiny_program)
    assert cues.prepared == 1
    assert play.phase_label.text() == "Get ready"
    assert play.ring.text() == "5"
    assert play.ring.fraction() == pytest.approx(1.0)
    assert play.exercise_label.text() == "Glute bridge"
    assert "1. " in play.instructions.text()
    assert play.next_label.text().startswith("Up next: Hold")
    assert cues.lines() == ["Glute bridge"]

    advance(5.0)
    assert play.phase_label.text() == "Hold"
    assert play.counters_label.text() == "Rep 1 of 2"
    advance(2.0)
    assert play.ring.text() == "3"
    assert play.ring.fraction() == pytest.approx(3 / 5)
    assert 0 < play.progress.value() < 1000

    # Right skips the rest of the hold; Left within two seconds goes back to it.
    qtbot.keyClick(play, Qt.Key.Key_Right)
    assert play.phase_label.text() == "Rest"
    qtbot.keyClick(play, Qt.Key.Key_Left)
    assert play.phase_label.text() == "Hold"
    assert play.counters_label.text() == "Rep 1 of 2"
    assert play.ring.text() == "5"

    advance(5.0 + 2.0 + 5.0)
    assert play.phase_label.text() == "Next: Bird dog"
    assert play.exercise_label.text() == "Bird dog"
    advance(10.0)
    assert play.phase_label.text() == "Hold"
    assert play.counters_label.text() == "Rep 1 of 2 · Set 1 of 2 · Left side"
    advance(5.0 + 2.0 + 5.0)
    assert play.phase_label.text() == "Switch sides"
    advance(5.0)
    assert play.counters_label.text() == "Rep 1 of 2 · Set 1 of 2 · Right side"
    advance(5.0 + 2.0 + 5.0)
    assert play.phase_label.text() == "Let your back relax, breathe out"
    assert controller.engine is not None
    remaining = controller.engine.planned_s - controller.engine.elapsed_s
    advance(remaining + 0.5)

    view = player.view
    assert view.current_panel() is view.after
    assert controller.state is PlayerState.FINISHED
    assert not controller.timer.isActive()
    # Saved at once, before any question is answered.
    stored = sessions.list()
    assert len(stored) == 1
    assert stored[0].completed is True
    assert stored[0].pain_before == 3
    assert stored[0].pain_after is None

    qtbot.keyClick(view.after.pain, "4")
    qtbot.keyClick(view.after.pain, Qt.Key.Key_Tab)
    qtbot.keyClick(view.after.effort, "5")
    view.after.note.setPlainText("Hips felt loose")
    qtbot.mouseClick(view.after.save_button, Qt.MouseButton.LeftButton)

    stored = sessions.list()
    assert len(stored) == 1, "the answers update the saved session, not a second one"
    record = stored[0]
    timeline_total = controller.engine.planned_s
    assert record.program_id == "tiny"
    assert record.program_name == "Tiny test programme"
    assert record.level is Level.BEGINNER
    assert record.completed is True
    assert record.stopped_reason is None
    assert record.planned_s == timeline_total == 89
    # Skipping 3 s of a hold and going back adds those 2 s played twice... exactly:
    # played 2 s, skipped; Left at 0 s into the rest replays the hold from the start.
    assert record.done_s == timeline_total + 2
    assert record.steps_done == len(controller.engine.timeline.steps)
    assert record.steps_skipped == 0
    assert (record.pain_before, record.pain_after, record.effort) == (3, 4, 5)
    assert saved[-1] == record
    assert record.note == "Hips felt loose"
    assert view.after.done_button.isVisible()
    qtbot.mouseClick(view.after.done_button, Qt.MouseButton.LeftButton)
    assert view.current_panel() is view.idle


def test_cues_follow_the_phases(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance, cues: CueRecorder
) -> None:
    begin(qtbot, player, tiny_program)
    advance(200.0, step=0.1)
    lines = cues.lines()
    assert lines[0] == "Glute bridge"
    assert "Hold" in lines
    assert "Rest" in lines
    assert "Next: Bird dog" in lines
    assert "Switch sides" in lines
    assert "Let your back relax, breathe out" in lines
    assert lines[-1] == "That was the last one. Well done."
    assert player.controller.engine is not None
    steps = player.controller.engine.timeline.steps
    # One phase tone per step, one end tone, and 3-2-1 on each hold of five seconds.
    assert len(cues.tones(Tone.PHASE)) == len(steps)
    assert len(cues.tones(Tone.END)) == 1
    holds = [s for s in steps if s.kind is StepKind.WORK and s.countdown]
    assert len(cues.tones(Tone.TICK)) == 3 * len(holds)
    # Each phase tone comes before the voice line of the same step.
    first_hold = cues.calls.index(("say", "Hold"))
    assert cues.calls[first_hold - 1] == ("tone", Tone.PHASE)


def test_a_stall_catches_up_without_stale_cues(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    clock: FakeClock,
    cues: CueRecorder,
) -> None:
    begin(qtbot, player, tiny_program)
    cues.clear()
    clock.advance(12.5)  # the UI was frozen through get ready, a hold and a rest
    player.controller.tick()
    play = player.view.play
    assert play.phase_label.text() == "Hold"
    assert play.counters_label.text() == "Rep 2 of 2"
    assert play.ring.text() == "5"  # 0.5 s into the second hold: nothing lost, nothing added
    assert cues.tones(Tone.PHASE) == [Tone.PHASE], "only the step that is current now is cued"
    assert cues.tones(Tone.TICK) == []
    assert cues.lines() == ["Hold"]


def test_pause_stops_the_timer_and_keeps_the_time(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, clock: FakeClock, advance: Advance
) -> None:
    controller, play = player.controller, player.view.play
    assert not controller.timer.isActive(), "no timer runs while nothing plays"
    begin(qtbot, player, tiny_program)
    assert controller.timer.isActive()
    advance(2.0)
    qtbot.keyClick(play, Qt.Key.Key_Space)
    assert controller.state is PlayerState.PAUSED
    assert not controller.timer.isActive()
    assert play.phase_label.text().startswith("Paused")
    assert play.pause_button.text().startswith("Carry on")
    clock.advance(60.0)
    controller.tick()
    assert play.ring.text() == "3"
    qtbot.keyClick(play, Qt.Key.Key_Space)
    assert controller.state is PlayerState.RUNNING
    assert controller.timer.isActive()
    assert play.phase_label.text() == "Get ready"
    advance(3.0)
    assert play.phase_label.text() == "Hold"


def test_timer_wakes_up_for_the_next_cue(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, clock: FakeClock
) -> None:
    controller = player.controller
    begin(qtbot, player, tiny_program)
    assert controller.timer.interval() == 50
    clock.advance(4.98)
    controller.tick()
    assert controller.timer.interval() == 20, "the timer aims at the end of the step"
    assert controller.timer.timerType() is Qt.TimerType.PreciseTimer


def test_focus_mode_keeps_only_what_is_read_from_the_mat(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    advance(5.0)
    play, view = player.view.play, player.view
    qtbot.keyClick(play, Qt.Key.Key_F)
    assert play.in_focus_mode()
    kept = (
        play.ring,
        play.phase_label,
        play.counters_label,
        play.next_label,
        play.figure,
        play.pause_button,
    )
    for widget in kept:
        assert widget.isVisibleTo(view)
    for widget in play.detail_widgets:
        assert not widget.isVisibleTo(view)
    assert play.instructions_area.isHidden()
    assert play.stop_button.isHidden()
    qtbot.mouseClick(play.focus_button, Qt.MouseButton.LeftButton)
    assert not play.in_focus_mode()
    assert play.instructions.isVisibleTo(view)
    assert play.stop_button.isVisibleTo(view)


def test_restart_exercise_goes_back_to_its_preview(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    advance(5.0 + 5.0 + 1.0)
    play = player.view.play
    assert play.phase_label.text() == "Rest"
    qtbot.keyClick(play, Qt.Key.Key_R)
    assert play.phase_label.text() == "Get ready"
    assert play.exercise_label.text() == "Glute bridge"


def test_escape_asks_first_and_carry_on_keeps_playing(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    monkeypatch: pytest.MonkeyPatch,
    sessions: SessionRepository,
) -> None:
    asked: list[object] = []

    def carry_on(parent: object) -> None:
        asked.append(parent)
        assert player.controller.state is PlayerState.PAUSED, "time stands still while asking"

    monkeypatch.setattr(dialogs, "ask_stop_session", carry_on)
    begin(qtbot, player, tiny_program)
    advance(1.0)
    qtbot.keyClick(player.view.play, Qt.Key.Key_Escape)
    assert asked == [player.view]
    assert player.controller.state is PlayerState.RUNNING
    assert player.view.current_panel() is player.view.play
    assert sessions.list() == []


def test_stopping_early_saves_the_session_with_its_reason(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    monkeypatch: pytest.MonkeyPatch,
    sessions: SessionRepository,
) -> None:
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "pain")
    begin(qtbot, player, tiny_program, pain="2")
    advance(5.0 + 3.0)
    qtbot.keyClick(player.view.play, Qt.Key.Key_Escape)
    view = player.view
    assert view.current_panel() is view.after
    assert view.after.title.text().startswith("Session stopped")
    [record] = sessions.list()
    assert record.completed is False
    assert record.stopped_reason is StopReason.PAIN
    assert record.done_s == 8
    assert record.steps_done == 1
    assert record.pain_before == 2
    qtbot.keyClick(view.after.pain, "6")
    assert view.after.save_button.isEnabled()
    qtbot.mouseClick(view.after.save_button, Qt.MouseButton.LeftButton)
    [record] = sessions.list()
    assert record.pain_after == 6
    assert record.effort is None
    assert record.stopped_reason is StopReason.PAIN


@pytest.mark.parametrize(
    ("pain", "sentence", "symbol"),
    [
        # The shapes of the Programs page and the PDF (core.sessions.RESPONSE_SYMBOLS):
        # the player had ▲ for acceptable, where they have ▲ for take it easier.
        (2, "Your pain is 2: that is fine.", "●"),
        (5, "Your pain went up from 3 to 5: that is acceptable.", "◆"),
        (7, "Your pain went up from 3 to 7: next time, take it one level easier.", "▲"),
    ],
)
def test_pain_response_says_in_words_what_it_means(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    monkeypatch: pytest.MonkeyPatch,
    pain: int,
    sentence: str,
    symbol: str,
) -> None:
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    begin(qtbot, player, tiny_program)
    qtbot.keyClick(player.view.play, Qt.Key.Key_Escape)
    after = player.view.after
    assert not after.response.isVisibleTo(player.view)
    after.pain.setValue(pain)
    assert after.response.isVisibleTo(player.view)
    assert after.response_word.text() == sentence
    assert after.response_symbol.text() == symbol
    assert after.response_advice.text()
    # No colour names as titles and no alarming coloured frame: words say what it means.
    shown = after.response_word.text() + after.response_advice.text()
    for colour in ("Green", "Yellow", "Red"):
        assert colour not in shown
    assert "border" not in after.response.styleSheet()
    if pain == 7:
        assert "25%" in after.response_advice.text()
        assert "Keep moving" in after.response_advice.text()


class FlakyStore:
    """A sessions store whose disk is full until `fixed` is set."""

    def __init__(self) -> None:
        self.fixed = False
        self.saved: list[Session] = []

    def add(self, session: Session) -> Session:
        if not self.fixed:
            raise StorageWriteError(Path("/data/diary.json"), "the disk is full")
        self.saved.append(session)
        return session

    def update(self, session: Session) -> Session:
        self.saved = [s for s in self.saved if s.id != session.id] + [session]
        return session


def test_a_failed_save_keeps_the_answers_and_can_be_retried(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = FlakyStore()
    controller = player.controller
    controller.sessions = store
    saved: list[Session] = []
    controller.sessionSaved.connect(saved.append)
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "other")
    begin(qtbot, player, tiny_program)
    # Into the first exercise: a stop in the get-ready keeps nothing.
    controller.skip_forward()
    qtbot.keyClick(player.view.play, Qt.Key.Key_Escape)
    after = player.view.after
    assert "the disk is full" in after.message.text()
    assert after.save_button.text() == "Try again"
    after.pain.setValue(3)
    after.effort.setValue(4)
    after.note.setPlainText("Short one today")
    assert controller.save() is False
    assert (after.pain.value(), after.effort.value()) == (3, 4)
    assert after.note.toPlainText() == "Short one today"
    assert saved == []

    store.fixed = True
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    [record] = store.saved
    assert (record.pain_after, record.effort) == (3, 4)
    assert record.stopped_reason is StopReason.OTHER
    assert saved == [record]
    assert after.message.text().startswith("Saved")


def test_start_refuses_while_a_session_plays(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    notices: list[str] = []
    player.controller.notice.connect(lambda text, _undo: notices.append(text))
    begin(qtbot, player, tiny_program)
    assert player.controller.start(tiny_program, Level.BEGINNER) is False
    assert notices
    assert "still playing" in notices[-1]
    assert player.view.current_panel() is player.view.play


def test_escape_before_starting_goes_back_without_playing(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, sessions: SessionRepository
) -> None:
    assert player.controller.start(tiny_program, Level.BEGINNER)
    qtbot.keyClick(player.view.before.pain, Qt.Key.Key_Escape)
    assert player.view.current_panel() is player.view.idle
    assert player.controller.state is PlayerState.IDLE
    assert sessions.list() == []


@pytest.mark.parametrize(("button", "expected"), [("Pain", "pain"), ("No time", "time")])
def test_the_stop_question_offers_reasons(qtbot: QtBot, button: str, expected: str) -> None:
    seen: list[set[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = {b.text(): b for b in box.buttons()}
        seen.append(set(buttons))
        buttons[button].click()

    QTimer.singleShot(0, answer)
    assert dialogs.ask_stop_session(None) == expected
    assert seen == [{"Pain", "No time", "Other reason", "Carry on"}]


def test_escape_in_the_stop_question_carries_on(qtbot: QtBot) -> None:
    def press_escape() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press_escape)
    assert dialogs.ask_stop_session(None) is None


def test_a_session_stopped_in_its_get_ready_keeps_nothing(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    sessions: SessionRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Start pressed by mistake once left "0 min, stopped early" in the diary and in
    the week's count; now the summary says nothing was saved and offers Done alone."""
    saved: list[Session] = []
    player.controller.sessionSaved.connect(saved.append)
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    begin(qtbot, player, tiny_program)
    assert player.controller.engine is not None
    assert player.controller.engine.current_step.kind is StepKind.GET_READY  # type: ignore[union-attr]
    qtbot.keyClick(player.view.play.pause_button, Qt.Key.Key_Escape)
    after = player.view.after
    assert player.view.current_panel() is after
    assert after.title.text() == "Session stopped before the first exercise."
    assert after.summary.text() == "Nothing was saved. Start again whenever you are ready."
    assert not after.save_button.isVisible()
    assert not after.pain.isVisible()
    assert not after.note.isVisible()
    assert after.done_button.isVisible()
    assert QApplication.focusWidget() is after.done_button
    assert sessions.list() == []
    assert saved == []
    qtbot.keyClick(after.done_button, Qt.Key.Key_Return)
    assert player.view.current_panel() is player.view.idle
    # The next session asks its questions again.
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "other")
    begin(qtbot, player, tiny_program)
    player.controller.skip_forward()
    qtbot.keyClick(player.view.play.pause_button, Qt.Key.Key_Escape)
    assert after.save_button.isVisible()
    assert after.pain.isVisible()
    assert len(sessions.list()) == 1
    player.controller.done()
    # A stop for pain is kept however early: the level rule and the physiotherapist need it.
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "pain")
    begin(qtbot, player, tiny_program)
    qtbot.keyClick(player.view.play.pause_button, Qt.Key.Key_Escape)
    reasons = sorted(s.stopped_reason for s in sessions.list())
    assert reasons == [StopReason.OTHER, StopReason.PAIN]
    assert after.pain.isVisible()
