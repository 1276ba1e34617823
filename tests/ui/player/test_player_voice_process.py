"""The voice out of process: a hung, crashed or slow voice never holds up the player or quitting."""

from __future__ import annotations

import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rugdiary.core.content import Library
from rugdiary.core.exercises import Level
from rugdiary.core.programs import Program
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui import audio
from rugdiary.ui.audio import CuePlayer, Tone, VoiceDeadlines
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.player.page import build_player_page

FAKE_CHILD = str(Path(__file__).with_name("fake_speech_child.py"))
CHILD_TIMEOUT_MS = 20_000
SPEED = 4.0
"""The session plays four times faster than real time: seven steps in about five seconds."""
MAX_GAP_S = 0.150


def fake(mode: str, *extra: str) -> list[str]:
    return [sys.executable, FAKE_CHILD, mode, *extra]


def reaped(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


class ScaledClock:
    """The real monotonic clock, running SPEED times faster."""

    def __init__(self) -> None:
        self._origin = time.monotonic()

    def monotonic(self) -> float:
        return 1000.0 + (time.monotonic() - self._origin) * SPEED

    def now(self) -> Any:
        from datetime import datetime

        return datetime.now().astimezone()


class ToneRecorder(CuePlayer):
    """The real cue output with its voice process, but tones only noted (no sound device)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(sound=False, lang="en", **kwargs)
        self.tones: list[tuple[float, Tone]] = []

    def play_tone(self, kind: Tone) -> bool:
        self.tones.append((time.monotonic(), kind))
        return True


VOICES = [
    ("hang-line", ("--line", "2"), True),  # stops answering at the second line, mid-session
    ("crash-line", ("--line", "2"), True),
    ("hang-build", (), True),  # the engine never gets built
    ("slow", (), False),  # late answers, within the deadline: nothing to tell
]


@pytest.mark.slow
@pytest.mark.parametrize(("mode", "extra", "fails"), VOICES, ids=[v[0] for v in VOICES])
def test_the_players_timer_keeps_its_ticks_whatever_the_voice_does(
    qtbot: QtBot,
    library: Library,
    sessions: SessionRepository,
    tiny_program: Program,
    mode: str,
    extra: tuple[str, ...],
    fails: bool,
) -> None:
    clock = ScaledClock()
    cues = ToneRecorder(
        speech_program=fake(mode, *extra),
        deadlines=VoiceDeadlines(start_s=CHILD_TIMEOUT_MS / 1000, build_s=1.0, line_s=0.5),
    )
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    page.view.resize(1000, 700)
    page.view.show()
    controller = page.controller
    controller.clock_speed = SPEED
    told: list[tuple[float, str]] = []
    cues.unavailable.connect(lambda reason: told.append((time.monotonic(), reason)))
    ticks: list[float] = []
    controller.timer.timeout.connect(lambda: ticks.append(time.monotonic()))

    assert controller.start(tiny_program, Level.BEGINNER)
    voice = cues.voice_process
    assert voice is not None
    qtbot.waitUntil(lambda: voice.pid() > 0, timeout=CHILD_TIMEOUT_MS)
    pid = voice.pid()
    if mode != "hang-build":
        qtbot.waitUntil(lambda: voice.ready, timeout=CHILD_TIMEOUT_MS)
    controller.begin()
    began = time.monotonic()
    if fails:
        qtbot.waitUntil(lambda: bool(told), timeout=CHILD_TIMEOUT_MS)
        # ... and the session plays on, with its tones, for another two real seconds.
        after = told[0][0]
        qtbot.waitUntil(lambda: time.monotonic() - after > 2.0, timeout=10_000)
        assert any(at > after for at, _kind in cues.tones), "tones go on without the voice"
        assert [reason for _at, reason in told] == [told[0][1]], "told once"
        assert page.view.play.audio_notice.text() == told[0][1]
        qtbot.waitUntil(lambda: reaped(pid), timeout=5000)
    else:
        qtbot.waitUntil(lambda: time.monotonic() - began > 3.0, timeout=10_000)
        assert told == []
        assert voice.ready
    controller.timer.stop()
    playing = [t for t in ticks if t >= began]
    gaps = [b - a for a, b in pairwise(playing)]
    assert len(gaps) > 20
    assert max(gaps) < MAX_GAP_S, f"the player's timer stalled for {max(gaps) * 1000:.0f} ms"
    assert sum(1 for _at, kind in cues.tones if kind is Tone.PHASE) >= 3
    cues.shutdown()


@pytest.mark.parametrize("mode", ["hang-build", "hang-line"])
def test_ctrl_q_quits_at_once_whatever_the_voice_does(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    real_command = audio.speech_command
    monkeypatch.setattr(
        audio,
        "speech_command",
        lambda engine, lang, _prefix=None: real_command(engine, lang, fake(mode)),
    )
    window.start_program_by_id("desk-break")
    cues = window.player.controller.cues
    assert isinstance(cues, CuePlayer)
    voice = cues.voice_process
    assert voice is not None
    qtbot.waitUntil(lambda: voice.pid() > 0, timeout=CHILD_TIMEOUT_MS)
    pid = voice.pid()
    if mode == "hang-line":
        qtbot.waitUntil(lambda: voice.ready, timeout=CHILD_TIMEOUT_MS)
        window.player.controller.begin()  # the first line: the child hangs saying it
        assert window.player.controller.is_busy()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    t0 = time.monotonic()
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    quit_s = time.monotonic() - t0
    assert not window.isVisible()
    assert quit_s < 1.0
    assert cues.voice_process is None
    assert reaped(pid), "the voice process is gone with the window, not left behind"
