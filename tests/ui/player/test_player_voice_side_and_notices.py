"""What the voice says about sides and pauses, and how the sound notice follows the voice."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library
from rugdiary.core.exercises import DoseMode, Level, Text
from rugdiary.core.player import PlayerState
from rugdiary.core.programs import Cue, DoseOverride, Program, ProgramItem, Side, Step, StepKind
from rugdiary.core.sessions import StopReason
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui import announce
from rugdiary.ui.audio import CuePlayer, Tone, VoiceDeadlines, voice_off_reason
from rugdiary.ui.player.page import PlayerPage, build_player_page
from rugdiary.ui.player.texts import voice_line
from tests.ui.player.conftest import CueRecorder
from tests.ui.player.test_player_flow import begin

Advance = Callable[[float], None]

FAKE_CHILD = str(Path(__file__).with_name("fake_speech_child.py"))
CHILD_TIMEOUT_MS = 20_000


# -- the side, spoken ----------------------------------------------------------------------


def work(side: Side | None, cue: Cue = Cue.HOLD, rep: int = 1, **fields: object) -> Step:
    mode = {Cue.HOLD: DoseMode.HOLD, Cue.MOVE: DoseMode.REPS, Cue.TIMED: DoseMode.TIMED}[cue]
    return Step(
        index=0,
        kind=StepKind.WORK,
        cue=cue,
        exercise_id="bird-dog",
        item_index=0,
        mode=mode,
        duration_s=5,
        start_s=0,
        rep=rep,
        reps=8,
        side=side,
        **fields,  # type: ignore[arg-type]
    )


def test_a_work_steps_line_names_its_side_only_when_asked() -> None:
    assert voice_line(work(Side.LEFT), "Bird dog") == "Hold"
    assert voice_line(work(Side.LEFT), "Bird dog", name_side=True) == "Hold, left side"
    assert voice_line(work(Side.RIGHT), "Bird dog", name_side=True) == "Hold, right side"
    assert (
        voice_line(work(Side.RIGHT, Cue.MOVE), "Bird dog", name_side=True)
        == "Move freely, right side"
    )
    assert (
        voice_line(work(Side.LEFT, Cue.TIMED), "Bird dog", name_side=True)
        == "Go at your own pace, left side"
    )
    # A moving rep past the first says nothing, unless its side is new: then the side alone.
    assert voice_line(work(Side.LEFT, Cue.MOVE, rep=3), "Bird dog") == ""
    assert voice_line(work(Side.LEFT, Cue.MOVE, rep=3), "Bird dog", name_side=True) == "Left side"
    # Nothing to name without a side.
    assert voice_line(work(None), "Bird dog", name_side=True) == "Hold"


def test_the_voice_says_the_side_whenever_it_changes(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance, cues: CueRecorder
) -> None:
    """The screen says "Left side"; the voice, heard from the mat, said only "Hold", and the
    return to the left side at the start of the second set went unannounced."""
    begin(qtbot, player, tiny_program)
    advance(200.0)
    assert cues.lines() == [
        "Glute bridge",
        "Hold",
        "Rest",
        "Hold",
        "Next: Bird dog",
        "Hold, left side",  # the exercise's first work step
        "Rest",
        "Hold",
        "Switch sides",
        "Hold, right side",
        "Rest",
        "Hold",
        "Let your back relax, breathe out",
        "Hold, left side",  # back to the left side as the second set starts
        "Rest",
        "Hold",
        "Switch sides",
        "Hold, right side",
        "Rest",
        "Hold",
        "That was the last one. Well done.",
    ]


def test_going_back_to_the_other_side_names_it(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance, cues: CueRecorder
) -> None:
    begin(qtbot, player, tiny_program)
    controller = player.controller
    advance(5.0 + 5.0 + 2.0 + 5.0 + 10.0 + 5.0 + 2.0 + 5.0 + 5.0 + 0.5)
    assert player.view.play.counters_label.text().endswith("Right side")
    cues.clear()
    controller.skip_back()  # within 2 s: the step before, "Switch sides"
    controller.skip_back()  # and the left side's last hold
    assert player.view.play.counters_label.text().endswith("Left side")
    assert cues.lines() == ["Switch sides", "Hold, left side"]


# -- skipping while paused -----------------------------------------------------------------


@pytest.fixture
def moving_program() -> Program:
    """Cat-camel: 4 moving reps, no rests, then glute bridge holds."""
    return Program(
        id="moving",
        name=Text("Moving test programme", "Bewegend testprogramma"),
        description=Text("Reps.", "Herhalingen."),
        frequency=Text("Whenever", "Wanneer je wilt"),
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=(
            ProgramItem("cat-camel", overrides=(("all", DoseOverride(reps=4, sets=1)),)),
            ProgramItem(
                "glute-bridge",
                overrides=(("all", DoseOverride(reps=2, sets=1, hold_s=5, rest_s=2)),),
            ),
        ),
    )


def test_skipping_while_paused_is_silent_and_carrying_on_cues_the_step(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance, cues: CueRecorder
) -> None:
    """A voice saying the new step while "Paused" shows reads as an order to go on; and
    carrying on said nothing at all."""
    controller, play = player.controller, player.view.play
    begin(qtbot, player, tiny_program)
    advance(6.0)  # in the first hold
    controller.toggle_pause()
    cues.clear()
    controller.skip_forward()  # to the rest
    controller.skip_forward()  # to the second hold
    assert controller.state is PlayerState.PAUSED
    assert play.phase_label.text() == "Paused"
    assert cues.calls == [], "nothing is cued while paused"
    controller.toggle_pause()
    assert controller.state is PlayerState.RUNNING
    assert cues.calls == [("tone", Tone.PHASE), ("say", "Hold")]
    assert play.phase_label.text() == "Hold"


def test_a_plain_pause_does_not_repeat_the_cue(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program, advance: Advance, cues: CueRecorder
) -> None:
    controller = player.controller
    begin(qtbot, player, tiny_program)
    advance(6.0)
    cues.clear()
    controller.toggle_pause()
    controller.toggle_pause()
    assert cues.calls == []
    advance(4.5)  # the hold's 3-2-1 and the rest go on as before
    assert cues.lines() == ["Rest"]


def test_carrying_on_in_a_run_of_moving_reps_says_what_to_do(
    qtbot: QtBot,
    player: PlayerPage,
    moving_program: Program,
    advance: Advance,
    cues: CueRecorder,
) -> None:
    """Reps after the first are silent while they follow each other; reached by a skip
    while paused, the run's start was never heard, so carrying on says it."""
    controller = player.controller
    begin(qtbot, player, moving_program)
    advance(5.5)  # the first rep
    controller.toggle_pause()
    cues.clear()
    controller.skip_forward()  # rep 2
    controller.skip_forward()  # rep 3
    assert cues.calls == []
    assert controller.engine is not None
    assert controller.engine.current_step is not None
    assert controller.engine.current_step.rep == 3
    controller.toggle_pause()
    assert cues.calls == [("tone", Tone.PHASE), ("say", "Move freely")]


def test_skipping_to_the_next_exercise_while_paused_names_it_on_carrying_on(
    qtbot: QtBot,
    player: PlayerPage,
    moving_program: Program,
    advance: Advance,
    cues: CueRecorder,
) -> None:
    controller = player.controller
    begin(qtbot, player, moving_program)
    advance(5.5)
    controller.toggle_pause()
    cues.clear()
    for _ in range(4):  # reps 2, 3, 4, then "Next: Glute bridge"
        controller.skip_forward()
    assert cues.calls == []
    controller.toggle_pause()
    assert cues.lines() == ["Next: Glute bridge"]


# -- the notice that the voice is off ------------------------------------------------------


@pytest.fixture
def flaky_voice(tmp_path: Path) -> Callable[..., None]:
    """A speech child whose behaviour the test sets before each session."""
    mode_file = tmp_path / "voice-mode"
    wrapper = tmp_path / "voice_child.py"
    wrapper.write_text(
        "import os, sys\n"
        f"mode = open({str(mode_file)!r}).read().split()\n"
        f"os.execv(sys.executable, [sys.executable, {FAKE_CHILD!r}, *mode, *sys.argv[1:]])\n"
    )

    def set_mode(*mode: str) -> None:
        mode_file.write_text(" ".join(mode))

    set_mode("ok")
    set_mode.command = [sys.executable, str(wrapper)]  # type: ignore[attr-defined]
    return set_mode


@pytest.fixture
def voiced(
    qtbot: QtBot,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    flaky_voice: Callable[..., None],
) -> Iterator[tuple[PlayerPage, CuePlayer]]:
    """The player with the real cue output and its voice process (no sound device)."""
    cues = CuePlayer(
        sound=False,
        lang="en",
        speech_program=flaky_voice.command,  # type: ignore[attr-defined]
        deadlines=VoiceDeadlines(start_s=CHILD_TIMEOUT_MS / 1000, build_s=10.0, line_s=5.0),
    )
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    page.view.resize(1000, 700)
    page.view.show()
    qtbot.waitExposed(page.view)
    yield page, cues
    page.controller.timer.stop()
    cues.shutdown()


def play_until_the_voice_speaks(
    qtbot: QtBot, page: PlayerPage, cues: CuePlayer, program: Program
) -> list[object]:
    """Prepare and begin `program`; the answers of its voice process, as they come."""
    controller = page.controller
    assert controller.start(program, Level.BEGINNER)
    voice = cues.voice_process
    assert voice is not None
    answers: list[object] = []
    voice.answered.connect(answers.append)
    qtbot.waitUntil(lambda: voice.ready or voice.gone, timeout=CHILD_TIMEOUT_MS)
    controller.begin()  # says the first exercise's name
    return answers


def end_session(page: PlayerPage) -> None:
    page.controller.stop(StopReason.OTHER)
    page.controller.done()


def test_voice_off_is_taken_back_when_the_voice_works_again(
    qtbot: QtBot,
    voiced: tuple[PlayerPage, CuePlayer],
    tiny_program: Program,
    flaky_voice: Callable[..., None],
) -> None:
    """Session 1: the voice crashes. Session 2: it speaks every line, yet "Voice cues are
    off" stayed on the screen. Session 3: it crashes again, and is said again."""
    page, cues = voiced
    notice = page.view.play.audio_notice
    crashed = voice_off_reason("crashed")

    flaky_voice("crash-line", "--line", "1")
    play_until_the_voice_speaks(qtbot, page, cues, tiny_program)
    qtbot.waitUntil(lambda: notice.text() == crashed, timeout=CHILD_TIMEOUT_MS)
    assert notice.isVisible()
    end_session(page)

    flaky_voice("crash-line", "--line", "2")  # a new process: works for one line
    answers = play_until_the_voice_speaks(qtbot, page, cues, tiny_program)
    qtbot.waitUntil(
        lambda: any(isinstance(a, dict) and a.get("event") == "said" for a in answers),
        timeout=CHILD_TIMEOUT_MS,
    )
    assert notice.text() == ""
    assert not notice.isVisible()
    end_session(page)

    # The same process goes on into the next session, and stops at its second line: the
    # cue output tells a cause only once, so this is the player's own doing.
    play_until_the_voice_speaks(qtbot, page, cues, tiny_program)
    qtbot.waitUntil(lambda: notice.text() == crashed, timeout=CHILD_TIMEOUT_MS)
    assert notice.isVisible()


def test_a_lasting_cause_stays_on_screen_in_the_next_session(
    qtbot: QtBot,
    voiced: tuple[PlayerPage, CuePlayer],
    tiny_program: Program,
    flaky_voice: Callable[..., None],
) -> None:
    """No voice for the language is not tried again: "off" still holds, and still shows."""
    page, cues = voiced
    notice = page.view.play.audio_notice
    flaky_voice("error-no-voice")
    play_until_the_voice_speaks(qtbot, page, cues, tiny_program)
    qtbot.waitUntil(lambda: notice.text() == voice_off_reason("no-voice"), timeout=5000)
    end_session(page)
    assert page.controller.start(tiny_program, Level.BEGINNER)
    assert notice.text() == voice_off_reason("no-voice")


def test_switching_the_voice_off_takes_its_notice_back(
    qtbot: QtBot,
    voiced: tuple[PlayerPage, CuePlayer],
    tiny_program: Program,
    flaky_voice: Callable[..., None],
) -> None:
    page, cues = voiced
    notice = page.view.play.audio_notice
    flaky_voice("error-no-voice")
    play_until_the_voice_speaks(qtbot, page, cues, tiny_program)
    qtbot.waitUntil(lambda: bool(notice.text()), timeout=5000)
    end_session(page)
    cues.set_voice_enabled(False)
    assert page.controller.start(tiny_program, Level.BEGINNER)
    assert notice.text() == ""


def test_the_sound_notice_stays_when_the_voice_notice_goes(player: PlayerPage) -> None:
    play = player.view.play
    play.show_audio_notice("Sound cues are off: no sound output was found.", "sound")
    play.show_audio_notice("Voice cues are off: the voice stopped unexpectedly.", "voice")
    play.clear_audio_notice("voice")
    assert play.audio_notice.text() == "Sound cues are off: no sound output was found."
    assert not play.audio_notice.isHidden()


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def record(event: QAccessibleEvent) -> None:
        if event.type() is QAccessible.Event.Announcement:
            assert isinstance(event, QAccessibleAnnouncementEvent)
            texts.append(event.message())

    monkeypatch.setattr(announce, "send", record)
    return texts


def test_a_voice_that_stops_in_focus_mode_is_shown_and_said(
    qtbot: QtBot,
    voiced: tuple[PlayerPage, CuePlayer],
    tiny_program: Program,
    flaky_voice: Callable[..., None],
    clock: FakeClock,
    announced: list[str],
) -> None:
    """Focus mode hid the notice: a voice that went quiet there was reported nowhere."""
    page, cues = voiced
    play = page.view.play
    flaky_voice("crash-line", "--line", "2")  # the exercise's name, then gone at "Hold"
    play_until_the_voice_speaks(qtbot, page, cues, tiny_program)
    play.focus_action.trigger()
    assert play.in_focus_mode()
    clock.advance(5.1)
    page.controller.tick()
    crashed = voice_off_reason("crashed")
    qtbot.waitUntil(lambda: play.audio_notice.text() == crashed, timeout=CHILD_TIMEOUT_MS)
    assert play.audio_notice.isVisible(), "shown in focus mode, small and calm"
    assert announced.count(crashed) == 1, "and said to a screen reader, once"
    play.focus_action.trigger()
    assert play.audio_notice.isVisible()
    play.focus_action.trigger()
    assert play.audio_notice.isVisible()


class FailingCues(QObject):
    """Cue output that reports what it lost, as CuePlayer does, driven by the test."""

    unavailable = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.sound_available = True
        self.voice_available = True

    def prepare(self) -> None:
        pass

    def play_tone(self, kind: Tone) -> bool:
        return self.sound_available

    def say(self, text: str) -> None:
        pass

    def shutdown(self) -> None:
        pass

    def set_sound_enabled(self, enabled: bool) -> None:
        pass

    def set_voice_enabled(self, enabled: bool) -> None:
        pass


def test_a_new_session_takes_back_only_the_voice_notice(
    qtbot: QtBot,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    tiny_program: Program,
) -> None:
    """The sound stays lost (no output device); the voice is tried again with a session."""
    cues = FailingCues()
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    notice = page.view.play.audio_notice
    cues.sound_available = False
    cues.unavailable.emit("Sound is off.")
    cues.voice_available = False
    cues.unavailable.emit("Voice is off.")
    assert notice.text() == "Sound is off.\nVoice is off."
    cues.voice_available = True  # as CuePlayer.prepare() makes a passing cause
    assert page.controller.start(tiny_program, Level.BEGINNER)
    assert notice.text() == "Sound is off."
