"""Sound and voice cues for the player: optional, lazily loaded, and never blocking."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QProcess,
    QProcessEnvironment,
    QTimer,
    QUrl,
    Signal,
)

from rugdiary.resources import resource
from rugdiary.ui import speech_child

log = logging.getLogger(__name__)

VOICE_STALE_S = speech_child.VOICE_STALE_S
"""A line that waited this long for the voice to start is dropped: the phase has moved on."""

SHUTDOWN_WAIT_MS = 50
"""How long quitting waits for a killed voice process to be reaped: a killed one goes in
a millisecond; the wait only spares a zombie, it never holds up the app."""

WATCH_MS = 100
"""How often an unanswered voice request is checked against its deadline."""

STDERR_TAIL = 2000
"""Characters of the voice process's error output kept for the log when it fails."""

# Why the voice process went away, besides the child's own causes (speech_child.CAUSE_*).
GONE_NO_START = "no-start"
GONE_NO_ANSWER_BUILDING = "no-answer-building"
GONE_NO_ANSWER = "no-answer"
GONE_CRASHED = "crashed"

_LASTING_CAUSES = frozenset(
    {speech_child.CAUSE_NO_MODULE, speech_child.CAUSE_PLUGIN, speech_child.CAUSE_NO_VOICE}
)
"""Causes that another try cannot change while the app runs (other failures are retried
when the next session is prepared)."""


@dataclass(frozen=True)
class VoiceDeadlines:
    """How long the voice process may take before it is given up on (seconds)."""

    start_s: float = 20.0
    """From launching the process to its first line: Python and Qt Core loading."""
    build_s: float = 8.0
    """From its first line to "ready": building the engine (speech-dispatcher: ~1.5 s)."""
    line_s: float = 2.0
    """From sending a line to its answer: handing a line to the engine takes milliseconds."""


class Tone(StrEnum):
    """The three sounds in resources/sounds (made by tools/make_sounds.py)."""

    PHASE = "phase"
    TICK = "tick"
    END = "end"


class Cues(Protocol):
    """What the player asks of its cue output; tests hand in a recorder with the same shape."""

    def prepare(self) -> None: ...

    def play_tone(self, kind: Tone) -> bool: ...

    def say(self, text: str) -> None: ...

    def shutdown(self) -> None:
        """Stop any background work (the voice process) before the window goes away."""
        ...

    def set_sound_enabled(self, enabled: bool) -> None: ...

    def set_voice_enabled(self, enabled: bool) -> None: ...


def app_language() -> str:
    """ "nl" or "en": the language of the app's texts, taken from the default QLocale."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


class VoiceProcess(QObject):
    """The speech child process (rugdiary.ui.speech_child), fed lines, held to deadlines.

    Nothing here waits for the child: it is started with QProcess, written to
    (buffered) and read from when it answers. A watchdog timer runs while an
    answer is due; an answer that is later than its deadline, an exit, or an
    error line ends the child (killed by its PID) and `failed` is sent once with
    the cause. Speech engines can block inside calls that hold Python's lock,
    so only a separate process keeps the player's timer free of them.
    """

    failed = Signal(str)
    """The cause (speech_child.CAUSE_* or GONE_*); the process is gone after this."""

    answered = Signal(object)
    """Each answer from the child, as a dict (for tests and diagnostics)."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        clock: Callable[[], float] = time.monotonic,
        deadlines: VoiceDeadlines | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._command = list(command)
        self._clock = clock
        self._deadlines = deadlines if deadlines is not None else VoiceDeadlines()
        self._phase = "new"  # new, starting, building, ready, gone
        self._phase_since = 0.0
        self._next_id = 0
        self._unanswered: dict[int, float] = {}
        self._waiting_line: tuple[str, float] | None = None
        self._stderr = ""
        self.kill_ms = 0.0
        """How long the last kill waited for the child to end (tests check it stays short)."""
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.check_deadlines)
        process = QProcess(self)
        process.setProgram(self._command[0])
        process.setArguments(self._command[1:])
        process.setProcessEnvironment(_child_environment())
        process.readyReadStandardOutput.connect(self._read_answers)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process

    @property
    def ready(self) -> bool:
        return self._phase == "ready"

    @property
    def gone(self) -> bool:
        return self._phase == "gone"

    def pid(self) -> int:
        """The child's process id; 0 before it runs and after it ended."""
        return int(self._process.processId())

    def start(self) -> None:
        """Launch the child; it answers later. Failing to launch is reported as `failed`."""
        if self._phase != "new":
            return
        self._set_phase("starting")
        self._process.start(QProcess.OpenModeFlag.ReadWrite)

    def say(self, text: str) -> None:
        """Send `text`; before the engine is ready only the latest line waits here."""
        if self._phase == "gone":
            return
        if self._phase != "ready":
            self._waiting_line = (text, self._clock())
            return
        self._send(text)

    def close(self) -> None:
        """End the child now, without telling anyone (quitting, or voice switched off)."""
        if self._phase == "gone":
            return
        self._set_phase("gone")
        self._kill()

    def check_deadlines(self) -> None:
        """Give up on the child when an answer is overdue (the watchdog calls this)."""
        now = self._clock()
        d = self._deadlines
        if self._phase == "starting" and now - self._phase_since > d.start_s:
            self._give_up(GONE_NO_START)
        elif self._phase == "building" and now - self._phase_since > d.build_s:
            self._give_up(GONE_NO_ANSWER_BUILDING)
        elif self._unanswered and now - min(self._unanswered.values()) > d.line_s:
            self._give_up(GONE_NO_ANSWER)
        else:
            self._update_watch()

    # -- internals ---------------------------------------------------------------------------

    def _set_phase(self, phase: str) -> None:
        self._phase = phase
        self._phase_since = self._clock()
        self._update_watch()

    def _update_watch(self) -> None:
        due = self._phase in ("starting", "building") or (
            self._phase == "ready" and bool(self._unanswered)
        )
        if due and not self._watch.isActive():
            self._watch.start()
        elif not due:
            self._watch.stop()

    def _send(self, text: str) -> None:
        self._next_id += 1
        line = json.dumps({"id": self._next_id, "say": text}) + "\n"
        # Buffered by QProcess and written when the pipe takes it: never blocks.
        self._process.write(line.encode("utf-8"))
        self._unanswered[self._next_id] = self._clock()
        self._update_watch()

    def _read_answers(self) -> None:
        process = self._process
        while self._phase != "gone" and process.canReadLine():
            raw = bytes(process.readLine().data()).decode("utf-8", "replace")
            try:
                answer = json.loads(raw)
                event = str(answer["event"])
            except (ValueError, KeyError, TypeError):
                continue  # a stray print from a library, not an answer
            self._on_answer(event, answer)
            self.answered.emit(answer)

    def _on_answer(self, event: str, answer: dict[str, Any]) -> None:
        if event == "started" and self._phase == "starting":
            self._set_phase("building")
        elif event == "ready" and self._phase in ("starting", "building"):
            self._set_phase("ready")
            waiting, self._waiting_line = self._waiting_line, None
            if waiting is not None and self._clock() - waiting[1] <= VOICE_STALE_S:
                self._send(waiting[0])
        elif event in ("said", "waiting", "dropped"):
            self._unanswered.pop(int(answer.get("id", -1)), None)
            self._update_watch()
        elif event == "error":
            detail = str(answer.get("detail", ""))
            log.warning("The voice is off: %s (%s)", answer.get("cause"), detail)
            self._give_up(str(answer.get("cause", speech_child.CAUSE_ENGINE)))

    def _read_errors(self) -> None:
        text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        self._stderr = (self._stderr + text)[-STDERR_TAIL:]

    def _on_finished(self, *_: object) -> None:
        if self._phase != "gone":
            self._give_up(GONE_CRASHED)
        self._process.deleteLater()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._phase != "gone":
            self._give_up(GONE_NO_START)

    def _give_up(self, cause: str) -> None:
        if self._phase == "gone":
            return
        if cause not in _LASTING_CAUSES and self._stderr.strip():
            log.warning("The voice process gave up (%s): %s", cause, self._stderr.strip())
        self._set_phase("gone")
        self._kill()
        self.failed.emit(cause)

    def _kill(self) -> None:
        process = self._process
        self._watch.stop()
        if process.state() == QProcess.ProcessState.NotRunning:
            return
        # SIGKILL by PID: a child stuck in the speech service cannot ignore it, and it is
        # gone within a millisecond; reaping it here leaves no zombie and no QProcess
        # destroyed while "running". Only a process stuck in the kernel outlasts the wait.
        process.kill()
        t0 = time.perf_counter()
        if not process.waitForFinished(SHUTDOWN_WAIT_MS):
            log.warning("The voice process %s did not end when killed", process.processId())
        self.kill_ms = (time.perf_counter() - t0) * 1000


def _child_environment() -> QProcessEnvironment:
    """The app's environment, with the folder holding `rugdiary` on the import path."""
    env = QProcessEnvironment.systemEnvironment()
    root = str(Path(speech_child.__file__).resolve().parents[2])
    current = env.value("PYTHONPATH", "")
    env.insert("PYTHONPATH", root + (os.pathsep + current if current else ""))
    return env


def speech_command(engine: str | None, lang: str, prefix: Sequence[str] | None = None) -> list[str]:
    """The command line that starts the voice child for `lang`, with `engine` or the default.

    `prefix` replaces the program part (tests pass a fake child there).
    """
    if prefix is not None:
        program = list(prefix)
    elif getattr(sys, "frozen", False):
        program = [sys.executable, speech_child.CHILD_FLAG]
    else:
        program = [sys.executable, "-m", "rugdiary.ui.speech_child"]
    return [
        *program,
        "--engine",
        engine or "",
        "--lang",
        lang,
        "--locale",
        QLocale().name(),
        "--parent-pid",
        str(os.getpid()),
    ]


def voice_off_reason(cause: str) -> str:
    """The sentence for the person when the voice stops or cannot start, naming the cause."""
    reasons = {
        speech_child.CAUSE_NO_MODULE: QCoreApplication.translate(
            "audio", "Voice cues are off: speech is not available on this computer."
        ),
        speech_child.CAUSE_PLUGIN: QCoreApplication.translate(
            "audio", "Voice cues are off: the speech plug-in could not load."
        ),
        speech_child.CAUSE_SERVICE: QCoreApplication.translate(
            "audio", "Voice cues are off: the speech service could not be reached."
        ),
        speech_child.CAUSE_NO_VOICE: QCoreApplication.translate(
            "audio", "Voice cues are off: no voice is installed for this language."
        ),
        speech_child.CAUSE_STUCK: QCoreApplication.translate(
            "audio", "Voice cues are off: the speech service does not answer."
        ),
        GONE_NO_ANSWER_BUILDING: QCoreApplication.translate(
            "audio", "Voice cues are off: the speech service does not answer."
        ),
        GONE_NO_START: QCoreApplication.translate(
            "audio", "Voice cues are off: the voice could not be started."
        ),
        GONE_NO_ANSWER: QCoreApplication.translate(
            "audio",
            "Voice cues are off: the voice stopped answering. The player goes on with tones "
            "and text.",
        ),
        GONE_CRASHED: QCoreApplication.translate(
            "audio", "Voice cues are off: the voice stopped unexpectedly."
        ),
    }
    return reasons.get(
        cause,
        QCoreApplication.translate("audio", "Voice cues are off: the speech engine is not ready."),
    )


class CuePlayer(QObject):
    """Short tones (QSoundEffect) and spoken cues (QTextToSpeech), both optional.

    Qt Multimedia is imported on first use, so starting the app does not pay for
    it. The voice runs in a child process (VoiceProcess), started when a session
    is prepared so the first line is on time; `say()` only hands it a line. When
    sound or voice cannot be used the player carries on without it and
    `unavailable` is emitted once per kind, with a sentence naming the cause. A
    voice that failed for a passing reason (it stopped answering, or crashed) is
    tried again when the next session is prepared, without telling again.
    """

    unavailable = Signal(str)

    def __init__(
        self,
        *,
        sound: bool = True,
        voice: bool = True,
        lang: str | None = None,
        voice_engine: str | None = None,
        sounds_dir: Path | None = None,
        speech_program: Sequence[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        deadlines: VoiceDeadlines | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sound_enabled = sound
        self._voice_enabled = voice
        self._lang = lang if lang is not None else app_language()
        # RUGDIARY_VOICE_ENGINE picks a Qt speech plug-in by name ("speechd", "mock", ...).
        self._voice_engine = voice_engine or os.environ.get("RUGDIARY_VOICE_ENGINE") or None
        self._sounds_dir = sounds_dir if sounds_dir is not None else resource("sounds")
        self._speech_program = speech_program
        self._clock = clock
        self._deadlines = deadlines
        self._effects: dict[Tone, Any] | None = None
        self._sound_failed = False
        self._voice_cause: str | None = None
        """Why the last voice process failed; None while it works or before the first."""
        self._voice_process: VoiceProcess | None = None
        self._told: set[str] = set()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- switches ----------------------------------------------------------------------------

    def sound_enabled(self) -> bool:
        return self._sound_enabled

    def set_sound_enabled(self, enabled: bool) -> None:
        self._sound_enabled = enabled

    def voice_enabled(self) -> bool:
        return self._voice_enabled

    def set_voice_enabled(self, enabled: bool) -> None:
        """Switching the voice off ends its process at once (and any line it is saying)."""
        self._voice_enabled = enabled
        if not enabled:
            self._close_voice()

    @property
    def sound_available(self) -> bool:
        """False once loading the sounds failed; True before the first try."""
        return not self._sound_failed

    @property
    def voice_available(self) -> bool:
        """False once the voice failed, until a new session tries it again."""
        return self._voice_cause is None

    @property
    def voice_process(self) -> VoiceProcess | None:
        """The running voice child, if any (tests and diagnostics look at it)."""
        return self._voice_process

    # -- cues --------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load what is switched on, as a session is prepared, so the first cue is on time.

        The voice is started here (its engine takes a second or more to build); a
        voice that failed for a passing reason gets a new try.
        """
        if self._sound_enabled:
            self._load_sounds()
        if self._voice_enabled:
            if self._voice_cause is not None and self._voice_cause not in _LASTING_CAUSES:
                self._voice_cause = None
            self._start_voice()

    def play_tone(self, kind: Tone) -> bool:
        """Start `kind` playing; False when sound is off or unavailable (never raises)."""
        if not self._sound_enabled:
            return False
        effects = self._load_sounds()
        if effects is None:
            return False
        effect = effects[kind]
        try:
            effect.stop()
            effect.play()
        except RuntimeError:
            return False
        return True

    def say(self, text: str) -> None:
        """Hand `text` to the voice and return at once; dropped when the voice is off."""
        if not self._voice_enabled or not text:
            return
        voice = self._start_voice()
        if voice is not None:
            voice.say(text)

    def test_voice(self, text: str) -> None:
        """Settings' "Test voice": say `text` even with voice cues off, and tell any cause again."""
        self._told.discard("voice")
        if self._voice_cause is not None:
            self._voice_cause = None
        voice = self._start_voice()
        if voice is not None:
            voice.say(text)

    def test_sound(self, kind: Tone = Tone.PHASE) -> bool:
        """Settings' "Test sound": play `kind` even with sound cues off, as the voice test speaks.

        Hearing it is how someone decides to switch the cues on. False only when there is
        no sound output (never raises).
        """
        enabled = self._sound_enabled
        self._sound_enabled = True
        try:
            return self.play_tone(kind)
        finally:
            self._sound_enabled = enabled

    def shutdown(self) -> None:
        """End the voice process now (killed by its PID); the app never waits for it."""
        self._close_voice()

    # -- internals ---------------------------------------------------------------------------

    def _tell_once(self, key: str, reason: str) -> None:
        if key not in self._told:
            self._told.add(key)
            self.unavailable.emit(reason)

    def _load_sounds(self) -> dict[Tone, Any] | None:
        if self._effects is not None or self._sound_failed:
            return self._effects
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                raise RuntimeError("no audio output")
            effects: dict[Tone, Any] = {}
            for kind in Tone:
                path = self._sounds_dir / f"{kind.value}.wav"
                if not path.is_file():
                    raise FileNotFoundError(path)
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                effects[kind] = effect
        except Exception:  # ImportError, missing files, no device: the player goes on silently
            self._sound_failed = True
            self._tell_once(
                "sound",
                QCoreApplication.translate(
                    "audio", "Sound cues are off: no sound output was found."
                ),
            )
            return None
        self._effects = effects
        return effects

    def _start_voice(self) -> VoiceProcess | None:
        if self._voice_cause is not None:
            return None
        if self._voice_process is not None:
            return self._voice_process
        command = speech_command(self._voice_engine, self._lang, self._speech_program)
        voice = VoiceProcess(command, clock=self._clock, deadlines=self._deadlines, parent=self)
        voice.failed.connect(self._on_voice_failed)
        self._voice_process = voice
        voice.start()
        return self._voice_process

    def _close_voice(self) -> None:
        voice, self._voice_process = self._voice_process, None
        if voice is not None:
            voice.close()

    def _on_voice_failed(self, cause: str) -> None:
        if self.sender() is not self._voice_process:
            return  # an older process, already replaced
        self._voice_process = None
        self._voice_cause = cause
        self._tell_once("voice", voice_off_reason(cause))
