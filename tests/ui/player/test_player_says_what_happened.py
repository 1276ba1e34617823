"""The player's words match what happened: skipped parts, the side, the end, the reasons."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Level, Text
from rugdiary.core.programs import DoseOverride, Program, ProgramItem, Side, Step, StepKind
from rugdiary.core.sessions import Session
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui.player.overview import session_line
from rugdiary.ui.player.page import PlayerPage
from tests.ui.player.conftest import CueRecorder

Advance = Callable[[float], None]


def begin(qtbot: QtBot, player: PlayerPage, program: Program) -> None:
    with qtbot.waitSignal(player.controller.showRequested, timeout=1000):
        assert player.controller.start(program, Level.BEGINNER)
    qtbot.keyClick(player.view.before.pain, "3")
    qtbot.keyClick(player.view.before.pain, Qt.Key.Key_Space)


def skip_steps(
    qtbot: QtBot, player: PlayerPage, advance: Advance, skip: Callable[[Step], bool]
) -> None:
    """Play to the end, pressing Right half a second into every step `skip` picks."""
    controller = player.controller
    while controller.is_busy():
        engine = controller.engine
        assert engine is not None
        step = engine.current_step
        assert step is not None
        if skip(step):
            advance(0.5)
            qtbot.keyClick(player.view.play, Qt.Key.Key_Right)
        else:
            advance(engine.remaining_s + 0.01)


# -- skipping ----------------------------------------------------------------------------------


def test_skipping_through_is_not_recorded_as_all_done(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
    cues: CueRecorder,
) -> None:
    begin(qtbot, player, tiny_program)
    skip_steps(qtbot, player, advance, lambda step: True)
    assert cues.lines()[-1] == "That was the last one.", "no praise for skipping through"
    after = player.view.after
    assert player.view.current_panel() is after
    assert after.title.text() == "Session finished. Doing part of it is fine."
    assert after.summary.text() == (
        "You moved for 10 s and did 0 of 2 exercises; 2 skipped or cut short."
    )
    [record] = sessions.list()
    assert (record.completed, record.stopped_reason) == (False, None)


def test_a_skipped_exercise_is_named_in_the_summary(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    """Bird dog (40 of the 50 s of work) skipped: one of two exercises done."""
    begin(qtbot, player, tiny_program)
    skip_steps(qtbot, player, advance, lambda step: step.exercise_id == "bird-dog")
    after = player.view.after
    assert after.title.text() == "Session finished. Doing part of it is fine."
    assert after.summary.text().endswith("and did 1 of 2 exercises; 1 skipped or cut short.")
    [record] = sessions.list()
    assert record.completed is False


def test_a_few_skipped_parts_leave_the_session_completed(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    """One hold of bird dog's eight (4.5 of 50 s of work): done, and the summary says so."""
    begin(qtbot, player, tiny_program)
    skip_steps(
        qtbot,
        player,
        advance,
        lambda step: (
            step.exercise_id == "bird-dog"
            and step.kind is StepKind.WORK
            and (step.set_number, step.rep, step.side) == (1, 1, Side.LEFT)
        ),
    )
    after = player.view.after
    assert after.title.text() == "All done. Well done."
    assert after.summary.text().endswith("and did all 2 exercises, with a few parts skipped.")
    [record] = sessions.list()
    assert record.completed is True


def test_skipping_only_rests_is_all_done(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    skip_steps(qtbot, player, advance, lambda step: step.kind is not StepKind.WORK)
    assert player.view.after.title.text() == "All done. Well done."
    assert player.view.after.summary.text().endswith("and did all 2 exercises.")


# -- the rest between sets ---------------------------------------------------------------------


def test_the_rest_between_sets_names_the_side_just_done(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    begin(qtbot, player, tiny_program)
    engine = player.controller.engine
    assert engine is not None
    [set_rest] = [s for s in engine.timeline.steps if s.kind is StepKind.SET_REST]
    advance(set_rest.start_s + 0.5)
    play = player.view.play
    assert play.phase_label.text() == "Let your back relax, breathe out"
    assert play.counters_label.text() == "Rep 2 of 2 · Set 1 of 2 · Right side"


# -- the end of the session --------------------------------------------------------------------


@pytest.fixture
def ends_with_reps() -> Program:
    """Glute bridge, then cat-camel: three moving reps without rests, the last thing."""
    return Program(
        id="reps-last",
        name=Text("Reps last", "Herhalingen als laatste"),
        description=Text("d", "d"),
        frequency=Text("f", "f"),
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=(
            ProgramItem("glute-bridge", overrides=(("all", DoseOverride(reps=1, sets=1)),)),
            ProgramItem("cat-camel", overrides=(("all", DoseOverride(reps=3, sets=1, rest_s=0)),)),
        ),
    )


def test_up_next_says_the_end_comes_after_the_last_reps(
    qtbot: QtBot, player: PlayerPage, ends_with_reps: Program, advance: Advance
) -> None:
    begin(qtbot, player, ends_with_reps)
    engine = player.controller.engine
    assert engine is not None
    reps = [
        s for s in engine.timeline.steps if s.exercise_id == "cat-camel" and s.kind is StepKind.WORK
    ]
    assert [s.rep for s in reps] == [1, 2, 3]
    assert reps[-1] is engine.timeline.steps[-1]
    play = player.view.play
    advance(reps[0].start_s + 0.5)
    assert play.phase_label.text() == "Move"
    assert play.next_label.text() == "Up next: the end of the session"
    advance(reps[-1].start_s - reps[0].start_s)
    assert engine.current_step is reps[-1]
    assert play.next_label.text() == "This is the last step."


# -- reasons in the person's language ----------------------------------------------------------


class Marked(QTranslator):
    """Marks every reason it translates, the way the Dutch file translates them."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": an empty text would be taken as the translation of every string.
        return f"«{source}»" if context == "Reasons" else None


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[None]:
    translator = Marked()
    qapp.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_a_programme_that_cannot_play_says_why_in_the_persons_language(
    marked: None, player: PlayerPage, tiny_program: Program
) -> None:
    notices: list[str] = []
    player.controller.notice.connect(lambda text, _undo: notices.append(text))
    gone = replace(tiny_program, items=(ProgramItem("gone-one"),))
    assert player.controller.start(gone, Level.BEGINNER) is False
    assert notices == ["This program cannot be played: «there is no exercise 'gone-one'»"]


class FullDisk:
    def add(self, session: Session) -> Session:
        raise StorageWriteError.from_os_error(
            Path("/data/diary.json"), OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        )

    update = add


def test_a_failed_save_says_why_in_the_persons_language(
    marked: None, qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance
) -> None:
    player.controller.sessions = FullDisk()
    begin(qtbot, player, tiny_program)
    advance(200.0)
    assert player.view.after.message.text().startswith("Not saved yet: «the disk is full».")


def test_the_last_sessions_call_a_skipped_through_session_partly_done(
    qtbot: QtBot,
    player: PlayerPage,
    tiny_program: Program,
    advance: Advance,
    sessions: SessionRepository,
) -> None:
    """It was played to the end, not stopped: "stopped early" would be wrong."""
    begin(qtbot, player, tiny_program)
    skip_steps(qtbot, player, advance, lambda step: True)
    [record] = sessions.list()
    assert session_line(record).endswith(" · 10 s · partly done")
