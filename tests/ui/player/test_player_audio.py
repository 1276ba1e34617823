"""Cue output: lazy imports, silence without Qt Multimedia, and a voice that never blocks."""

from __future__ import annotations

import builtins
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library
from rugdiary.core.exercises import Level
from rugdiary.core.programs import Program
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui import audio, speech_child
from rugdiary.ui.audio import CuePlayer, Tone, VoiceDeadlines
from rugdiary.ui.player.page import build_player_page

CHILD_TIMEOUT_MS = 20_000
"""Generous: a busy test machine can take seconds to start Python and Qt in the child."""

CHILD_WITHOUT_TTS = [
    sys.executable,
    "-c",
    "import sys; sys.modules['PySide6.QtTextToSpeech'] = None\n"
    "from rugdiary.ui.speech_child import main; main(sys.argv[1:])",
]
"""The real voice child, on a system without Qt TextToSpeech."""

FAKE_CHILD = str(Path(__file__).with_name("fake_speech_child.py"))


def fake(mode: str, *extra: str) -> list[str]:
    """The command of a fake voice child that behaves as `mode` (see fake_speech_child.py)."""
    return [sys.executable, FAKE_CHILD, mode, *extra]


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, dead but not reaped, counts as gone here)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def reaped(pid: int) -> bool:
    """True once `pid` is gone entirely: ended and waited for, so no zombie is left."""
    return not Path(f"/proc/{pid}").exists()


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads process states from /proc"
)


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
    qtbot: QtBot, make_cues: Any, no_qt_multimedia: None
) -> None:
    cues = make_cues(lang="en", speech_program=CHILD_WITHOUT_TTS)
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    assert cues.play_tone(Tone.PHASE) is False
    assert cues.play_tone(Tone.TICK) is False
    cues.say("Hold")
    cues.say("Rest")
    qtbot.waitUntil(lambda: len(reasons) == 2, timeout=CHILD_TIMEOUT_MS)
    cues.say("Hold")
    qtbot.wait(50)
    assert not cues.sound_available
    assert not cues.voice_available
    assert reasons == [
        "Sound cues are off: no sound output was found.",
        "Voice cues are off: speech is not available on this computer.",
    ]


def test_the_player_runs_silently_and_shows_a_quiet_notice(
    qtbot: QtBot,
    no_qt_multimedia: None,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    tiny_program: Program,
) -> None:
    cues = CuePlayer(lang="en", speech_program=CHILD_WITHOUT_TTS)
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    page.view.show()
    status: list[str] = []
    page.controller.notice.connect(lambda text, _undo: status.append(text))
    assert page.controller.start(tiny_program, Level.BEGINNER)
    # Told while the session is prepared (on the pain form), not at the first line.
    notice = page.view.play.audio_notice
    qtbot.waitUntil(lambda: notice.text().count("cues are off") == 2, timeout=CHILD_TIMEOUT_MS)
    page.controller.begin()
    for _ in range(40):
        clock.advance(0.5)
        page.controller.tick()
    assert notice.isVisibleTo(page.view)
    assert notice.text().count("Sound cues are off") == 1
    assert notice.text().count("Voice cues are off") == 1
    assert page.view.play.phase_label.text() == "Next: Bird dog"  # played on, silently
    assert not [t for t in status if "cues are off" in t], "said once, on the page only"
    page.controller.timer.stop()
    cues.shutdown()


def test_the_notice_goes_to_the_status_bar_when_the_player_is_not_shown(
    qtbot: QtBot,
    no_qt_multimedia: None,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
) -> None:
    """Settings' "Test voice" uses the player's cues while another page shows."""
    cues = CuePlayer(lang="en", speech_program=CHILD_WITHOUT_TTS)
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    status: list[str] = []
    page.controller.notice.connect(lambda text, _undo: status.append(text))
    cues.prepare()
    cues.say("Breathe out")
    qtbot.waitUntil(lambda: len(status) == 2, timeout=CHILD_TIMEOUT_MS)
    assert [t[:18] for t in status] == ["Sound cues are off", "Voice cues are off"]
    cues.shutdown()


def test_switched_off_cues_load_nothing(make_cues: Any) -> None:
    cues = make_cues(sound=False, voice=False)
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    assert cues.play_tone(Tone.END) is False
    cues.say("Hold")
    assert cues.voice_process is None
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


def _answers(cues: CuePlayer) -> list[dict[str, Any]]:
    """Every answer of the cues' voice process from now on (call right after starting it)."""
    got: list[dict[str, Any]] = []
    voice = cues.voice_process
    assert voice is not None
    voice.answered.connect(got.append)
    return got


def _events(answers: list[dict[str, Any]]) -> list[tuple[str, int | None]]:
    return [(a["event"], a.get("id")) for a in answers if a["event"] not in ("started",)]


def test_the_voice_is_built_when_a_session_is_prepared(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, voice_engine="mock", lang="en")
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()  # warms the voice: no line asked for yet
    answers = _answers(cues)
    qtbot.waitUntil(lambda: any(a["event"] == "ready" for a in answers), timeout=CHILD_TIMEOUT_MS)
    ready = next(a for a in answers if a["event"] == "ready")
    assert ready["locale"].startswith("en")
    cues.say("Hold")
    qtbot.waitUntil(lambda: ("said", 1) in _events(answers), timeout=5000)
    assert reasons == []


@pytest.mark.needs_libpulse
def test_no_voice_for_the_language_is_said_once(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, voice_engine="mock", lang="nl")  # mock has no Dutch voice
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.say("Vasthouden")
    qtbot.waitUntil(lambda: bool(reasons), timeout=CHILD_TIMEOUT_MS)
    cues.say("Rust")
    cues.prepare()  # a lasting cause: not tried again for the next session
    qtbot.wait(50)
    assert cues.voice_process is None
    assert reasons == ["Voice cues are off: no voice is installed for this language."]


@pytest.mark.needs_libpulse
def test_say_never_blocks_even_when_the_engine_hangs(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, lang="en", speech_program=fake("hang-build"))
    durations = []
    for text in ("Bird dog", "Hold", "Rest", "Hold", "Switch sides"):
        t0 = time.perf_counter()
        cues.say(text)
        durations.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    cues.prepare()
    durations.append(time.perf_counter() - t0)
    assert max(durations) < 0.05


@pytest.mark.needs_libpulse
def test_a_busy_voice_keeps_only_the_latest_line(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, voice_engine="mock", lang="en")
    cues.prepare()
    answers = _answers(cues)
    qtbot.waitUntil(lambda: any(a["event"] == "ready" for a in answers), timeout=CHILD_TIMEOUT_MS)
    for text in ("Bird dog", "Hold", "Rest", "Switch sides"):
        cues.say(text)
    qtbot.waitUntil(lambda: ("said", 4) in _events(answers), timeout=5000)
    events = _events(answers)
    assert events[1] == ("said", 1)  # after ("ready", None)
    assert ("dropped", 2) in events
    assert ("dropped", 3) in events
    assert ("said", 2) not in events
    assert ("said", 3) not in events


def test_the_child_drops_a_line_that_waited_too_long(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    spoken: list[str] = []

    class Engine:
        def say(self, text: str) -> None:
            spoken.append(text)

    class States:
        Ready, Speaking, Error = "ready", "speaking", "error"

    speaker = speech_child.Speaker("mock", "en", "en_US")
    speaker._tts, speaker._states, speaker._voice_chosen = Engine(), States, True
    speaker._pending = (1, "Hold", time.monotonic() - speech_child.VOICE_STALE_S - 1)
    speaker._on_state("ready")
    speaker._pending = (2, "Rest", time.monotonic())
    speaker._on_state("ready")
    assert spoken == ["Rest"]
    out = [line for line in capsys.readouterr().out.splitlines() if line]
    assert out == ['{"event": "dropped", "id": 1}', '{"event": "said", "id": 2}']
    speaker.deleteLater()


VOICE_FAILURES = [
    ("hang-line", "Voice cues are off: the voice stopped answering."),
    ("crash-line", "Voice cues are off: the voice stopped unexpectedly."),
    ("hang-build", "Voice cues are off: the speech service does not answer."),
    ("silent", "Voice cues are off: the voice could not be started."),
    ("error-plugin", "Voice cues are off: the speech plug-in could not load."),
    ("error-service", "Voice cues are off: the speech service could not be reached."),
    ("error-stuck", "Voice cues are off: the speech service does not answer."),
]


@linux_only
@pytest.mark.parametrize(("mode", "told"), VOICE_FAILURES, ids=[m for m, _ in VOICE_FAILURES])
def test_a_failing_voice_is_ended_and_named_once(
    qtbot: QtBot, make_cues: Any, mode: str, told: str
) -> None:
    deadlines = VoiceDeadlines(start_s=CHILD_TIMEOUT_MS / 1000, build_s=1.0, line_s=0.5)
    if mode == "silent":
        deadlines = VoiceDeadlines(start_s=1.0)
    cues = make_cues(sound=False, lang="en", speech_program=fake(mode), deadlines=deadlines)
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    voice = cues.voice_process
    assert voice is not None
    qtbot.waitUntil(lambda: voice.pid() > 0, timeout=CHILD_TIMEOUT_MS)
    pid = voice.pid()
    cues.say("Bird dog")
    qtbot.waitUntil(lambda: bool(reasons), timeout=CHILD_TIMEOUT_MS)
    assert reasons[0].startswith(told)
    assert not cues.voice_available
    qtbot.waitUntil(lambda: reaped(pid), timeout=5000)  # killed and waited for: no zombie
    for text in ("Hold", "Rest"):
        cues.say(text)  # goes nowhere; no new process mid-session
    assert cues.voice_process is None
    qtbot.wait(100)
    assert len(reasons) == 1


def test_a_voice_that_never_starts_is_named(qtbot: QtBot, make_cues: Any, tmp_path: Path) -> None:
    cues = make_cues(sound=False, lang="en", speech_program=[str(tmp_path / "no-such-program")])
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    qtbot.waitUntil(lambda: bool(reasons), timeout=5000)
    assert reasons == ["Voice cues are off: the voice could not be started."]


def test_a_voice_that_stopped_answering_is_tried_again_next_session(
    qtbot: QtBot, make_cues: Any
) -> None:
    deadlines = VoiceDeadlines(line_s=0.5)
    cues = make_cues(sound=False, lang="en", speech_program=fake("hang-line"), deadlines=deadlines)
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    cues.say("Bird dog")
    qtbot.waitUntil(lambda: bool(reasons), timeout=CHILD_TIMEOUT_MS)
    cues.prepare()  # the next session
    assert cues.voice_process is not None
    assert cues.voice_available
    cues.say("Bird dog")
    qtbot.waitUntil(lambda: not cues.voice_available, timeout=CHILD_TIMEOUT_MS)
    assert len(reasons) == 1, "told once, not at every session"


def test_the_deadline_follows_the_players_clock(
    qtbot: QtBot, make_cues: Any, clock: FakeClock
) -> None:
    deadlines = VoiceDeadlines(line_s=2.0)
    cues = make_cues(
        sound=False,
        lang="en",
        speech_program=fake("hang-line"),
        clock=clock.monotonic,
        deadlines=deadlines,
    )
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    voice = cues.voice_process
    qtbot.waitUntil(lambda: voice.ready, timeout=CHILD_TIMEOUT_MS)
    cues.say("Bird dog")
    clock.advance(1.9)
    qtbot.wait(3 * audio.WATCH_MS)
    assert reasons == []
    assert voice.ready
    clock.advance(0.2)
    qtbot.waitUntil(lambda: bool(reasons), timeout=5000)
    assert reasons == [
        "Voice cues are off: the voice stopped answering. The player goes on with tones and text."
    ]


def test_switching_the_voice_off_ends_its_process(qtbot: QtBot, make_cues: Any) -> None:
    cues = make_cues(sound=False, lang="en", speech_program=fake("hang-line"))
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    voice = cues.voice_process
    qtbot.waitUntil(lambda: voice.pid() > 0, timeout=CHILD_TIMEOUT_MS)
    pid = voice.pid()
    cues.say("Hold")
    cues.set_voice_enabled(False)
    assert cues.voice_process is None
    qtbot.waitUntil(lambda: reaped(pid), timeout=5000)
    assert reasons == [], "switched off on purpose: nothing to tell"


def test_test_voice_speaks_with_voice_cues_off_and_tells_the_cause_again(
    qtbot: QtBot, make_cues: Any
) -> None:
    cues = make_cues(sound=False, voice=False, lang="en", speech_program=fake("error-plugin"))
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.test_voice("Breathe out")
    qtbot.waitUntil(lambda: len(reasons) == 1, timeout=CHILD_TIMEOUT_MS)
    cues.test_voice("Breathe out")
    qtbot.waitUntil(lambda: len(reasons) == 2, timeout=CHILD_TIMEOUT_MS)
    assert reasons == ["Voice cues are off: the speech plug-in could not load."] * 2


@linux_only
def test_a_stopped_voice_child_is_killed_mid_session(qtbot: QtBot, make_cues: Any) -> None:
    """The real child (mock engine) frozen by SIGSTOP: as a child stuck in spd_say."""
    cues = make_cues(
        sound=False, voice_engine="mock", lang="en", deadlines=VoiceDeadlines(line_s=0.5)
    )
    reasons: list[str] = []
    cues.unavailable.connect(reasons.append)
    cues.prepare()
    voice = cues.voice_process
    qtbot.waitUntil(lambda: voice.ready, timeout=CHILD_TIMEOUT_MS)
    pid = voice.pid()
    os.kill(pid, signal.SIGSTOP)
    cues.say("Hold")
    qtbot.waitUntil(lambda: bool(reasons), timeout=5000)
    assert reasons[0].startswith("Voice cues are off: the voice stopped answering.")
    qtbot.waitUntil(lambda: reaped(pid), timeout=5000)


@linux_only
def test_the_voice_child_dies_with_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    """An app killed outright leaves no voice behind (PR_SET_PDEATHSIG in the child)."""
    app_code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QTimer\n"
        "app = QCoreApplication([])\n"
        "from rugdiary.ui.audio import CuePlayer\n"
        f"cues = CuePlayer(sound=False, lang='en', speech_program={fake('hang-line')!r})\n"
        "cues.prepare()\n"
        "v = cues.voice_process\n"
        "v.answered.connect(lambda a: (print(v.pid(), flush=True), cues.say('Hold')))\n"
        "app.exec()\n"
    )
    with subprocess.Popen([sys.executable, "-c", app_code], stdout=subprocess.PIPE) as parent:
        try:
            assert parent.stdout is not None
            child = int(parent.stdout.readline())
            assert alive(child)
        finally:
            parent.kill()  # no shutdown, no aboutToQuit: as after a crash
            parent.wait(timeout=10)
    qtbot.waitUntil(lambda: not alive(child), timeout=5000)
