"""Cue output: lazy imports, silence without Qt Multimedia, and a voice that never blocks."""

from __future__ import annotations

import builtins
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library
from rugdiary.core.exercises import Level
from rugdiary.core.programs import Program
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui import audio
from rugdiary.ui.audio import CuePlayer, Tone
from rugdiary.ui.player.page import build_player_page


@pytest.fixture
def make_cues(qapp: QApplication) -> Iterator[Any]:
    made: list[CuePlayer] = []

    def make(**kwargs: Any) -> CuePlayer:
        cues = CuePlayer(**kwargs)
        made.append(cues)
        return cues

    yield make
    for cues in made:
        cues.shutdown()


@pytest.fixture
def no_qt_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make importing Qt Multimedia and Qt TextToSpeech fail, as on a system without them."""
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith(("PySide6.QtMultimedia", "PySide6.QtTextToSpeech")):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_importing_audio_does_not_load_qt_multimedia() -> None:
    code = (
        "import sys\n"
        "import rugdiary.ui.audio\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6.QtMultimedia',"
        " 'PySide6.QtTextToSpeech'))]\n"
        "print(loaded)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_without_qt_multimedia_the_cues_are_silent_and_say_so_once(
    make_cues: Any, no_qt_multimedia: None
) -> None:
    cues = make_cues(lang="en")
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    assert cues.play_tone(Tone.PHASE) is False
    assert cues.play_tone(Tone.TICK) is False
    cues.say("Hold")
    cues.say("Rest")
    assert not cues.sound_available
    assert not cues.voice_available
    assert len(reasons) == 2
    assert reasons[0].startswith("Sound cues are off")
    assert reasons[1].startswith("Voice cues are off")


def test_the_player_runs_silently_and_shows_a_quiet_notice(
    qtbot: QtBot,
    no_qt_multimedia: None,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    tiny_program: Program,
) -> None:
    cues = CuePlayer(lang="en")
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    page.view.show()
    status: list[str] = []
    page.controller.notice.connect(lambda text, _undo: status.append(text))
    assert page.controller.start(tiny_program, Level.BEGINNER)
    page.controller.begin()
    for _ in range(40):
        clock.advance(0.5)
        page.controller.tick()
    notice = page.view.play.audio_notice
    assert notice.isVisibleTo(page.view)
    assert notice.text().count("Sound cues are off") == 1
    assert notice.text().count("Voice cues are off") == 1
    assert page.view.play.phase_label.text() == "Next: Bird dog"  # played on, silently
    assert not [t for t in status if "cues are off" in t], "said once, on the page only"
    page.controller.timer.stop()


def test_the_notice_goes_to_the_status_bar_when_the_player_is_not_shown(
    qtbot: QtBot,
    no_qt_multimedia: None,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
) -> None:
    """Settings' "Test voice" uses the player's cues while another page shows."""
    cues = CuePlayer(lang="en")
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    status: list[str] = []
    page.controller.notice.connect(lambda text, _undo: status.append(text))
    cues.prepare()
    cues.say("Breathe out")
    assert [t[:18] for t in status] == ["Sound cues are off", "Voice cues are off"]


def test_switched_off_cues_load_nothing(make_cues: Any) -> None:
    cues = make_cues(sound=False, voice=False)
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    assert cues.play_tone(Tone.END) is False
    cues.say("Hold")
    assert cues._voice_thread is None
    assert cues._effects is None
    assert reasons == []


@pytest.mark.needs_libpulse
def test_without_a_sound_device_tones_are_skipped(
    make_cues: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(list))
    cues = make_cues(voice=False)
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    assert cues.play_tone(Tone.PHASE) is False
    assert cues.play_tone(Tone.PHASE) is False
    assert reasons == ["Sound cues are off: no sound output was found."]


@pytest.mark.needs_libpulse
def test_mock_engine_speaks_in_english(qtbot: QtBot, make_cues: Any) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    assert "mock" in QTextToSpeech.availableEngines()
    cues = make_cues(sound=False, voice_engine="mock", lang="en")
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.say("Hold")
    worker = cues._voice_worker
    assert worker is not None
    qtbot.waitUntil(lambda: worker._tts is not None, timeout=5000)
    assert worker._tts.locale().name().startswith("en")
    assert reasons == []


@pytest.mark.needs_libpulse
def test_no_voice_for_the_language_is_said_once(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, voice_engine="mock", lang="nl")  # mock has no Dutch voice
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.say("Vasthouden")
    qtbot.waitUntil(lambda: bool(reasons), timeout=5000)
    cues.say("Rust")
    qtbot.wait(50)
    assert reasons == ["Voice cues are off: no voice is installed for this language."]


@pytest.mark.needs_libpulse
def test_say_never_blocks_even_when_the_engine_hangs(qtbot: QtBot, make_cues: Any) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    def slow_engine(_name: str | None) -> QTextToSpeech:
        time.sleep(1.0)  # speech-dispatcher without a sound card can do this, or worse
        return QTextToSpeech("mock")

    cues = make_cues(sound=False, lang="en", tts_factory=slow_engine)
    cues.prepare()  # imports happen here, in the GUI thread, before timing say()
    durations = []
    for text in ("Bird dog", "Hold", "Rest", "Hold", "Switch sides"):
        t0 = time.perf_counter()
        cues.say(text)
        durations.append(time.perf_counter() - t0)
    assert max(durations) < 0.05
    worker = cues._voice_worker
    assert worker is not None
    qtbot.waitUntil(lambda: worker._tts is not None, timeout=5000)


@pytest.mark.needs_libpulse
def test_a_busy_voice_keeps_only_the_latest_line(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, voice_engine="mock", lang="en")
    cues.say("Bird dog")
    worker = cues._voice_worker
    assert worker is not None
    qtbot.waitUntil(lambda: worker._tts is not None, timeout=5000)
    from PySide6.QtTextToSpeech import QTextToSpeech

    qtbot.waitUntil(lambda: worker._tts.state() == QTextToSpeech.State.Ready, timeout=5000)
    cues.say("Hold")
    cues.say("Rest")
    cues.say("Switch sides")
    qtbot.waitUntil(lambda: worker._pending is not None, timeout=5000)
    assert worker._pending[0] == "Switch sides"
    qtbot.waitUntil(lambda: worker._pending is None, timeout=5000)


def test_stale_lines_are_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    spoken: list[str] = []

    class Engine:
        def say(self, text: str) -> None:
            spoken.append(text)

    worker = audio._VoiceWorker("mock", "en", None)
    worker._tts = Engine()
    worker._ready_state = "ready"
    worker._pending = ("Hold", time.monotonic() - audio.VOICE_STALE_S - 1)
    worker._on_state("ready")
    assert spoken == []
    worker._pending = ("Rest", time.monotonic())
    worker._on_state("ready")
    assert spoken == ["Rest"]
