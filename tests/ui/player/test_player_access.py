"""The player for screen readers and keyboards: readable text, change events, keys and focus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library
from rugdiary.core.exercises import Level
from rugdiary.core.player import PlayerState
from rugdiary.core.programs import Program
from rugdiary.core.sessions import StopReason
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui import announce, dialogs
from rugdiary.ui.player.page import PlayerPage, build_player_page
from tests.ui.player.conftest import CueRecorder
from tests.ui.player.test_player_flow import begin

Advance = Callable[[float], None]


def name_of(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


@dataclass
class Sent:
    kind: QAccessible.Event
    target: QObject
    text: str


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    """Every accessibility event the player sends, in order."""
    events: list[Sent] = []

    def record(event: QAccessibleEvent) -> None:
        text = event.message() if isinstance(event, QAccessibleAnnouncementEvent) else ""
        events.append(Sent(event.type(), event.object(), text))

    monkeypatch.setattr(announce, "send", record)
    return events


def test_every_player_text_is_readable_as_the_labels_name(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    advance(5.0 + 1.0)
    play = player.view.play
    shown = {
        "programme": play.program_label,
        "exercise": play.exercise_label,
        "phase": play.phase_label,
        "rep": play.counters_label,
        "next": play.next_label,
        "time": play.time_label,
        "steps": play.instructions,
    }
    for what, label in shown.items():
        assert label.text(), what
        assert label.accessibleName() == "", f"{what}: a name of its own would hide the text"
        assert name_of(label) == label.text(), what
    assert name_of(play.exercise_label) == "Glute bridge"
    assert name_of(play.phase_label) == "Hold"
    assert name_of(play.counters_label) == "Rep 1 of 2"
    assert name_of(play.time_label) == "0:06 of 1:29"
    # The ring has no text of its own: its name is what it shows, with the unit.
    assert name_of(play.ring) == "4 seconds"
    assert play.ring.accessibleDescription() == "Time left in this step"


def test_changes_are_sent_to_screen_readers_when_they_happen(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sent: list[Sent],
) -> None:
    play = player.view.play
    begin(qtbot, player, tiny_program)
    sent.clear()
    advance(5.0)

    def names_for(widget: QWidget) -> int:
        return sum(
            1 for e in sent if e.kind is QAccessible.Event.NameChanged and e.target is widget
        )

    assert names_for(play.phase_label) == 1, "Get ready → Hold, once"
    assert names_for(play.counters_label) == 1
    assert names_for(play.time_label) == 5, "one per second"
    assert names_for(play.ring) >= 5
    assert any(e.kind is QAccessible.Event.ValueChanged and e.target is play.progress for e in sent)
    announced = [e.text for e in sent if e.kind is QAccessible.Event.Announcement]
    assert announced == ["Hold. Rep 1 of 2"]

    sent.clear()
    advance(0.5)
    assert names_for(play.phase_label) == 0, "no event while nothing changes"
    assert not [e for e in sent if e.kind is QAccessible.Event.Announcement]

    qtbot.keyClick(play, Qt.Key.Key_Space)
    assert player.controller.state is PlayerState.PAUSED
    announced = [e.text for e in sent if e.kind is QAccessible.Event.Announcement]
    assert announced == ["Paused. Press Space to carry on."]
    assert play.next_label.text() == "Press Space to carry on."
    assert name_of(play.ring).endswith(", paused")


def test_the_ring_counts_moving_reps_and_up_next_skips_the_run(
    qtbot: QtBot, player: PlayerPage, library: Library, advance: Advance
) -> None:
    program = library.programs["morning-mobility"]
    begin(qtbot, player, program)
    play = player.view.play
    advance(5.0 + 0.5)
    assert play.phase_label.text() == "Move"
    assert (play.ring.text(), play.ring.unit()) == ("1", "of 8 reps")
    assert name_of(play.ring) == "1 of 8 reps"
    assert "Rep" not in play.counters_label.text(), "the ring already counts the reps"
    assert play.next_label.text() == "Up next: Knee rolls", "not 'Move' while Move runs"
    engine = player.controller.engine
    assert engine is not None
    step = engine.current_step
    assert step is not None
    advance(step.duration_s * 2)
    assert play.ring.text() == "3"
    assert play.next_label.text() == "Up next: Knee rolls"


def test_the_ring_shows_seconds_with_their_unit(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    ring = player.view.play.ring
    assert (ring.text(), ring.unit()) == ("5", "seconds")
    advance(4.5)
    assert (ring.text(), ring.unit()) == ("1", "second")


def test_space_and_return_press_the_focused_button(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[QWidget | None] = []

    def ask(parent: QWidget | None) -> str | None:
        asked.append(QApplication.focusWidget())
        return None  # "Carry on"

    monkeypatch.setattr(dialogs, "ask_stop_session", ask)
    begin(qtbot, player, tiny_program)
    play = player.view.play
    play.stop_button.setFocus()
    qtbot.keyClick(play.stop_button, Qt.Key.Key_Space)
    assert len(asked) == 1, "Space on Stop asks to stop"
    assert player.controller.state is PlayerState.RUNNING, "and did not pause"
    assert QApplication.focusWidget() is play.stop_button, "Carry on: focus back on Stop"

    qtbot.keyClick(play.stop_button, Qt.Key.Key_Return)
    assert len(asked) == 2, "Return presses it too"

    play.focus_button.setFocus()
    qtbot.keyClick(play.focus_button, Qt.Key.Key_Space)
    assert play.in_focus_mode()
    assert player.controller.state is PlayerState.RUNNING
    qtbot.keyClick(play.focus_button, Qt.Key.Key_Return)
    assert not play.in_focus_mode()

    play.skip_button.setFocus()
    qtbot.keyClick(play.skip_button, Qt.Key.Key_Space)
    assert play.phase_label.text() == "Hold", "Space on Skip skipped Get ready"


def test_space_pauses_when_no_button_has_the_focus(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    begin(qtbot, player, tiny_program)
    play = player.view.play
    edge = (2, play.height() // 2)
    highlight = play.palette().color(QPalette.ColorRole.Highlight)
    assert play.grab().toImage().pixelColor(*edge) != highlight
    play.setFocus(Qt.FocusReason.MouseFocusReason)  # a click on the page, not on a button
    assert play.hasFocus()
    assert play.grab().toImage().pixelColor(*edge) == highlight, "the focus shows"
    qtbot.keyClick(play, Qt.Key.Key_Space)
    assert player.controller.state is PlayerState.PAUSED
    qtbot.keyClick(play, Qt.Key.Key_Space)
    assert player.controller.state is PlayerState.RUNNING


def test_space_on_not_now_does_not_start(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    assert player.controller.start(tiny_program, Level.BEGINNER)
    before = player.view.before
    before.cancel_button.setFocus()
    qtbot.keyClick(before.cancel_button, Qt.Key.Key_Space)
    assert player.view.current_panel() is player.view.idle
    assert player.controller.state is PlayerState.IDLE


def test_a_session_starts_with_the_focus_on_a_named_control(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    begin(qtbot, player, tiny_program)
    play = player.view.play
    focused = QApplication.focusWidget()
    assert focused is play.pause_button
    assert name_of(focused).startswith(play.pause_button.text())
    # The page itself is no silent Tab stop, and is named should a click give it focus.
    assert not play.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert name_of(play) == "Exercise session"
    # Focus mode keeps Pause, so Space keeps pausing from the mat.
    qtbot.keyClick(play.pause_button, Qt.Key.Key_F)
    assert play.in_focus_mode()
    assert play.pause_button.isVisible()
    assert QApplication.focusWidget() is play.pause_button


def test_player_buttons_are_named_by_their_visible_words(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    view = player.view
    buttons = [
        view.choose_button,
        view.before.start_button,
        view.before.cancel_button,
        view.after.save_button,
        view.after.done_button,
        *view.play.buttons,
    ]
    for button in buttons:
        assert button.text()
        assert name_of(button).startswith(button.text().replace("&", "")), button.text()
    assert name_of(view.choose_button) == "Choose a program"
    assert "Programs" in view.choose_button.accessibleDescription()
    assert view.play.stop_button.accessibleDescription() == "Stop the session"


class Opener(QWidget):
    """The player page beside a Start button, as on the Programs page."""

    def __init__(self, page: PlayerPage) -> None:
        super().__init__()
        self.start = QPushButton("Start", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.start)
        layout.addWidget(page.view)


def test_done_gives_the_focus_back_to_the_start_button(
    qtbot: QtBot,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    cues: CueRecorder,
    tiny_program: Program,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    holder = Opener(page)
    qtbot.addWidget(holder)
    holder.resize(1000, 800)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    holder.start.setFocus()
    assert QApplication.focusWidget() is holder.start
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    asked_back: list[QObject] = []
    page.controller.returnFocusRequested.connect(asked_back.append)
    begin(qtbot, page, tiny_program)
    # Into the first exercise: a stop in the get-ready keeps nothing.
    page.controller.skip_forward()
    qtbot.keyClick(page.view.play.pause_button, Qt.Key.Key_Escape)
    after = page.view.after
    assert QApplication.focusWidget() is after.pain
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is after.done_button
    qtbot.keyClick(after.done_button, Qt.Key.Key_Space)
    assert page.view.current_panel() is page.view.idle
    assert asked_back == [holder.start]
    page.controller.timer.stop()


def test_a_stop_near_the_end_gives_minutes_and_seconds_rather_than_equal_minutes(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    monkeypatch: pytest.MonkeyPatch,
    advance: Advance,
) -> None:
    """Stopped at 1:15 of 1:29, both round to "1 min": "1 min of the planned 1 min"."""
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    begin(qtbot, player, tiny_program)
    player.controller.skip_forward()
    advance(75.0)
    if player.view.current_panel() is not player.view.play:
        pytest.fail("the tiny programme ended before the stop")
    qtbot.keyClick(player.view.play.pause_button, Qt.Key.Key_Escape)
    summary = player.view.after.summary.text()
    assert summary.startswith("You moved for 1:"), summary
    assert "of the planned 1:29" in summary


def test_after_saving_save_waits_for_a_change_and_never_says_save_again(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    monkeypatch: pytest.MonkeyPatch,
    sessions: SessionRepository,
) -> None:
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    begin(qtbot, player, tiny_program)
    # Into the first exercise: a stop in the get-ready keeps nothing.
    player.controller.skip_forward()
    qtbot.keyClick(player.view.play.pause_button, Qt.Key.Key_Escape)
    after = player.view.after
    assert "Steps done" not in after.summary.text()
    assert after.summary.text() == (
        "You moved for 0 s of the planned 1 min and got to exercise 1 of 2."
    )
    after.pain.setValue(2)
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    assert after.save_button.text() == "Save changes"
    assert not after.save_button.isEnabled()
    assert after.done_button.isVisible()
    after.effort.setValue(4)
    assert after.save_button.isEnabled()
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    [record] = sessions.list()
    assert (record.pain_after, record.effort) == (2, 4)
    texts = [w.text() for w in after.findChildren(QLabel) + after.findChildren(QPushButton)]
    assert not [t for t in texts if "again" in t.lower()]


def test_a_finished_session_names_the_exercises_done(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    engine = player.controller.engine
    assert engine is not None
    advance(engine.planned_s + 0.5)
    assert player.view.after.summary.text() == "You moved for 1 min and did all 2 exercises."


def test_no_label_or_button_on_the_player_page_hides_its_words(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    """Every panel, walked as a screen reader would: names start with what is shown."""
    view = player.view
    checked = 0

    def walk() -> None:
        nonlocal checked
        for label in view.findChildren(QLabel):
            if label.text():
                assert name_of(label) == label.text().replace("&", ""), label.text()
                checked += 1
        for button in view.findChildren(QPushButton):
            if button.text():
                assert name_of(button).startswith(button.text().replace("&", ""))
                checked += 1

    walk()
    begin(qtbot, player, tiny_program)
    advance(6.0)
    walk()
    player.controller.stop(StopReason.TIME)
    view.after.pain.setValue(6)
    walk()
    assert checked > 40
