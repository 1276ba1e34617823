"""Nothing a person gave is lost: quitting mid-session, a new session, Done, a long note."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.exercises import Level
from rugdiary.core.player import PlayerState
from rugdiary.core.programs import Program
from rugdiary.core.sessions import MAX_SESSION_NOTE_CHARS, Session, StopReason
from rugdiary.storage.database import Database
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui.first_run import DONE_KEY
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.player.page import PlayerPage
from rugdiary.ui.safety import ACKNOWLEDGED_KEY
from rugdiary.ui.services import Services

Advance = Callable[[float], None]


def play_to_the_end(qtbot: QtBot, player: PlayerPage, program: Program, advance: Advance) -> None:
    """Start as a person would (pain 3, Space) and let the whole programme play."""
    with qtbot.waitSignal(player.controller.showRequested, timeout=1000):
        assert player.controller.start(program, Level.BEGINNER)
    qtbot.keyClick(player.view.before.pain, "3")
    qtbot.keyClick(player.view.before.pain, Qt.Key.Key_Space)
    advance(200.0)
    assert player.view.current_panel() is player.view.after


class FullDisk:
    """The real sessions table, behind a disk that is full until `full` is cleared."""

    def __init__(self, sessions: SessionRepository) -> None:
        self.sessions = sessions
        self.full = False

    def _check(self) -> None:
        if self.full:
            raise StorageWriteError(Path("/data/diary.json"), "the disk is full")

    def add(self, session: Session) -> Session:
        self._check()
        return self.sessions.add(session)

    def update(self, session: Session) -> Session:
        self._check()
        return self.sessions.update(session)


# -- quitting ----------------------------------------------------------------------------------


def _play_in_window(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    window.start_program_by_id("desk-break")
    controller = window.player.controller
    window.player.view.before.pain.setValue(4)
    controller.begin()
    for _ in range(round(seconds * 4)):
        clock.advance(0.25)
        controller.tick()


def test_closing_the_window_mid_session_keeps_the_session_as_stopped(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    _play_in_window(window, clock, 120)
    assert window.player.controller.state is PlayerState.RUNNING

    window.close()

    [record] = services.sessions.list()
    assert record.program_id == "desk-break"
    assert (record.completed, record.stopped_reason) == (False, StopReason.OTHER)
    assert (record.done_s, record.pain_before) == (120, 4)
    assert not window.player.controller.timer.isActive()


def test_ctrl_q_keeps_the_answers_typed_after_a_session(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    _play_in_window(window, clock, 400)
    after = window.player.view.after
    assert window.player.view.current_panel() is after
    after.pain.setValue(8)
    after.effort.setValue(7)
    after.note.setPlainText("Stiff in the morning")

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    assert not window.isVisible()
    [record] = services.sessions.list()
    assert (record.completed, record.pain_after, record.effort) == (True, 8, 7)
    assert record.note == "Stiff in the morning"


def test_the_pages_shut_down_once(window: MainWindow, services: Services, clock: FakeClock) -> None:
    """Closing the window and then aboutToQuit both call shutdown_pages."""
    _play_in_window(window, clock, 60)
    window.close()
    window.player.view.after.pain.setValue(2)  # after the first shutdown: not saved again
    window.shutdown_pages()
    [record] = services.sessions.list()
    assert record.pain_after is None


def test_the_trays_quit_keeps_a_session_under_way(tmp_path: Path) -> None:
    """Quit in the tray (app.quit) while the window lives in the tray sends no close event."""
    data = tmp_path / "data"
    with Database.open(data, clock=FakeClock()) as db:
        settings = Services.for_database(db, FakeClock()).settings
        settings.set(DONE_KEY, True)
        settings.set(ACKNOWLEDGED_KEY, True)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]), theme='light', lang='en')\n"
        "running.window.start_program_by_id('desk-break')\n"
        "controller = running.window.player.controller\n"
        "controller.begin()\n"
        "controller.skip_forward()  # past the get-ready, into the first exercise\n"
        "running.window.hide()  # closed to the tray: a quit closes no window then\n"
        "QTimer.singleShot(0, running.app.quit)  # what the tray's Quit is connected to\n"
        "running.app.exec()\n"
        "running.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "RUGDIARY_VOICE_ENGINE": "mock",
        },
    )
    assert done.returncode == 0, done.stderr
    with Database.open(data) as db:
        [record] = SessionRepository(db).list()
    assert (record.program_id, record.stopped_reason) == ("desk-break", StopReason.OTHER)


# -- another session, Done ---------------------------------------------------------------------


def test_starting_another_session_saves_the_answers_first(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    play_to_the_end(qtbot, player, tiny_program, advance)
    after = player.view.after
    after.pain.setValue(8)
    after.effort.setValue(7)
    after.note.setPlainText("sharp pain in left hip")  # typed, Save not pressed

    assert player.controller.start(tiny_program, Level.BEGINNER)

    [record] = sessions.list()
    assert (record.pain_after, record.effort, record.note) == (8, 7, "sharp pain in left hip")
    player.view.before.pain.setValue(2)
    player.controller.begin()
    advance(200.0)
    first = next(s for s in sessions.list() if s.id == record.id)
    assert first == record, "the next session leaves the first as it was saved"


def test_a_session_that_could_not_be_saved_is_kept_before_another_starts(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    disk = FullDisk(sessions)
    disk.full = True
    controller = player.controller
    controller.sessions = disk
    notices: list[str] = []
    controller.notice.connect(lambda text, _undo: notices.append(text))
    play_to_the_end(qtbot, player, tiny_program, advance)
    after = player.view.after
    after.pain.setValue(6)

    with qtbot.waitSignal(controller.showRequested, timeout=1000):
        assert controller.start(tiny_program, Level.BEGINNER) is False

    assert player.view.current_panel() is after
    assert notices[-1] == (
        "The last session is not saved yet, so a new one cannot start. "
        "Its answers are still on the Exercise session page."
    )
    assert "the disk is full" in after.message.text()
    assert after.pain.value() == 6
    assert sessions.list() == []
    assert controller.session is not None

    disk.full = False
    assert controller.start(tiny_program, Level.BEGINNER)
    [record] = sessions.list()
    assert (record.pain_before, record.pain_after) == (3, 6)


def test_done_saves_a_changed_answer(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    play_to_the_end(qtbot, player, tiny_program, advance)
    after = player.view.after
    after.pain.setValue(4)
    assert player.controller.save()
    after.pain.setValue(8)
    assert after.save_button.text() == "Save changes"

    qtbot.mouseClick(after.done_button, Qt.MouseButton.LeftButton)

    assert player.view.current_panel() is player.view.idle
    assert [s.pain_after for s in sessions.list()] == [8]


def test_done_keeps_the_summary_when_the_change_cannot_be_saved(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    disk = FullDisk(sessions)
    player.controller.sessions = disk
    play_to_the_end(qtbot, player, tiny_program, advance)
    after = player.view.after
    after.pain.setValue(4)
    assert player.controller.save()
    after.pain.setValue(8)
    disk.full = True

    qtbot.mouseClick(after.done_button, Qt.MouseButton.LeftButton)

    assert player.view.current_panel() is after
    assert "the disk is full" in after.message.text()
    assert after.pain.value() == 8
    assert [s.pain_after for s in sessions.list()] == [4]


def test_done_after_saving_changes_nothing(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    saved: list[Session] = []
    play_to_the_end(qtbot, player, tiny_program, advance)
    player.controller.sessionSaved.connect(saved.append)
    player.view.after.pain.setValue(2)
    assert player.controller.save()
    qtbot.mouseClick(player.view.after.done_button, Qt.MouseButton.LeftButton)
    assert len(saved) == 1, "saved once, not again by Done"


# -- a long note -------------------------------------------------------------------------------


def test_a_note_over_the_limit_says_so_and_keeps_every_answer(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    play_to_the_end(qtbot, player, tiny_program, advance)
    after = player.view.after
    after.pain.setValue(7)
    after.effort.setValue(6)
    long_note = "x" * (MAX_SESSION_NOTE_CHARS + 1)
    after.note.setPlainText(long_note)
    assert after.note_counter.text() == "2,001 of 2,000 characters – a little too long to save"

    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)

    assert after.message.isVisible()
    assert after.message.text() == (
        "Your answers are not saved yet. Note: has at most 2000 characters."
    )
    assert after.note.hasFocus()
    assert after.note.toPlainText() == long_note
    assert (after.pain.value(), after.effort.value()) == (7, 6)
    assert after.save_button.isEnabled()
    [record] = sessions.list()
    assert (record.pain_after, record.effort, record.note) == (None, None, "")

    after.note.setPlainText("x" * MAX_SESSION_NOTE_CHARS)
    assert after.note_counter.text() == "2,000 of 2,000 characters"
    qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    [record] = sessions.list()
    assert (record.pain_after, record.effort) == (7, 6)
    assert len(record.note) == MAX_SESSION_NOTE_CHARS
