"""The voice in a child process: QTextToSpeech in its own event loop, fed one line at a time."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal, Slot

# The protocol, one JSON object a line.
# Requests on stdin:  {"id": 3, "say": "Hold"}. End of input (the app closed or died)
# ends the child.
# Answers on stdout:
#   {"event": "started"}                     Python runs; the engine is being built
#   {"event": "ready", "locale": "en_US"}    the engine is built and has a voice for the language
#   {"event": "said", "id": 3}               the line was handed to the engine
#   {"event": "waiting", "id": 3}            the engine is busy; only the latest line waits
#   {"event": "dropped", "id": 3}            a waiting line was replaced, or went stale
#   {"event": "error", "cause": ..., "detail": "..."}  no voice (one of the causes below); exits

CAUSE_NO_MODULE = "no-module"
"""Qt TextToSpeech or any speech plug-in is missing."""
CAUSE_PLUGIN = "plugin"
"""The chosen speech plug-in could not be loaded."""
CAUSE_SERVICE = "service"
"""The speech service (speech-dispatcher, SAPI, ...) could not be reached."""
CAUSE_ENGINE = "engine"
"""The engine reported an error of its own."""
CAUSE_NO_VOICE = "no-voice"
"""The engine has no voice for the language."""
CAUSE_STUCK = "stuck"
"""The engine kept speaking one line far longer than any line takes."""

CHILD_FLAG = "--speech-child"
"""First argument that makes a frozen (PyInstaller) app run this child instead of the app."""

VOICE_STALE_S = 2.5
"""A line that waited this long for a busy engine is dropped: by then the phase has moved on."""

SPEAKING_LIMIT_S = 8.0
"""No cue takes this long to say (the longest take about 3 s): an engine still speaking
then has stopped answering, as speech-dispatcher does when it is stopped or hung."""

EXIT_ERROR = 3
"""Exit status after an error line, so the parent can tell it from a crash."""

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None) -> None:
    """Ask Linux to kill this process when the app dies, so no orphan voice is left behind.

    Elsewhere the end of stdin does the same, unless the engine is stuck; the app
    kills the child by its PID when it quits or gives up on it.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    # The parent may have died before prctl: then we were re-parented already.
    if parent_pid is not None and os.getppid() != parent_pid:
        raise SystemExit(0)


def _send(**answer: Any) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def pick_locale(locales: Sequence[QLocale], lang: str, wanted: str) -> QLocale | None:
    """The engine's locale for `lang`, preferring the app's own country variant `wanted`."""
    for candidate in locales:
        if candidate.name() == wanted and candidate.name().startswith(lang):
            return candidate
    for candidate in locales:
        if candidate.name().split("_")[0] == lang:
            return candidate
    return None


class Speaker(QObject):
    """Owns the engine; lines arrive from the stdin thread as queued signals."""

    lineReceived = Signal(str)
    inputEnded = Signal()

    def __init__(self, engine: str | None, lang: str, wanted_locale: str) -> None:
        super().__init__()
        self._engine_name = engine
        self._lang = lang
        self._wanted = wanted_locale
        self._tts: Any = None
        self._states: Any = None
        self._pending: tuple[int, str, float] | None = None
        self._voice_chosen = False
        self._stuck = QTimer(self)
        self._stuck.setSingleShot(True)
        self._stuck.setInterval(round(SPEAKING_LIMIT_S * 1000))
        self._stuck.timeout.connect(lambda: self._fail(CAUSE_STUCK, "still speaking one line"))
        self.lineReceived.connect(self._on_line)
        self.inputEnded.connect(self._quit)

    def build(self) -> bool:
        """Build the engine and pick the voice; False after an error line was sent."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            return self._fail(CAUSE_NO_MODULE, str(error))
        engines = list(QTextToSpeech.availableEngines())
        if not engines:
            return self._fail(CAUSE_NO_MODULE, "no speech plug-in is installed")
        if self._engine_name and self._engine_name not in engines:
            return self._fail(CAUSE_PLUGIN, f"no plug-in {self._engine_name!r} in {engines}")
        name = self._engine_name
        tts = QTextToSpeech(name, self) if name else QTextToSpeech(self)
        self._states = QTextToSpeech.State
        self._tts = tts
        tts.stateChanged.connect(self._on_state)
        if tts.state() == QTextToSpeech.State.Error:
            return self._engine_error()
        if tts.state() == QTextToSpeech.State.Ready:
            return self._choose_voice()
        # Some engines finish starting a moment later: _on_state picks the voice then.
        return True

    def _choose_voice(self) -> bool:
        try:
            locales = list(self._tts.availableLocales())
        except RuntimeError as error:
            return self._fail(CAUSE_ENGINE, str(error))
        locale = pick_locale(locales, self._lang, self._wanted)
        if locale is None:
            return self._fail(CAUSE_NO_VOICE, f"no {self._lang} voice")
        self._tts.setLocale(locale)
        _send(event="ready", locale=locale.name())
        self._voice_chosen = True
        return True

    def _engine_error(self) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        reason = self._tts.errorReason()
        cause = {
            QTextToSpeech.ErrorReason.Configuration: CAUSE_PLUGIN,
            QTextToSpeech.ErrorReason.Initialization: CAUSE_SERVICE,
        }.get(reason, CAUSE_ENGINE)
        return self._fail(cause, self._tts.errorString())

    def _fail(self, cause: str, detail: str) -> bool:
        _send(event="error", cause=cause, detail=detail)
        QCoreApplication.exit(EXIT_ERROR)
        return False

    @Slot(str)
    def _on_line(self, raw: str) -> None:
        try:
            request = json.loads(raw)
            line_id, text = int(request["id"]), str(request["say"])
        except (ValueError, KeyError, TypeError):
            return  # not from the app; nothing to answer
        states = self._states
        if self._tts is None or not self._voice_chosen:
            self._wait(line_id, text)
        elif self._tts.state() == states.Ready:
            self._say(line_id, text)
        else:
            self._wait(line_id, text)

    def _say(self, line_id: int, text: str) -> None:
        self._tts.say(text)
        _send(event="said", id=line_id)

    def _wait(self, line_id: int, text: str) -> None:
        if self._pending is not None:
            _send(event="dropped", id=self._pending[0])
        self._pending = (line_id, text, time.monotonic())
        _send(event="waiting", id=line_id)

    def _on_state(self, state: Any) -> None:
        states = self._states
        if state == states.Error:
            self._engine_error()
            return
        if state != states.Ready:
            if not self._stuck.isActive():
                self._stuck.start()
            return
        self._stuck.stop()
        if not self._voice_chosen and not self._choose_voice():
            return
        if self._pending is None:
            return
        line_id, text, stamp = self._pending
        self._pending = None
        if time.monotonic() - stamp <= VOICE_STALE_S:
            self._say(line_id, text)
        else:
            _send(event="dropped", id=line_id)

    @Slot()
    def _quit(self) -> None:
        QCoreApplication.exit(0)


def _read_stdin(speaker: Speaker) -> None:
    for line in sys.stdin:
        speaker.lineReceived.emit(line)
    speaker.inputEnded.emit()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rugdiary-speech", add_help=False)
    parser.add_argument("--engine", default="")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--locale", default="")
    parser.add_argument("--parent-pid", type=int, default=None)
    args = parser.parse_args(argv)
    die_with_parent(args.parent_pid)
    _send(event="started")
    app = QCoreApplication([sys.argv[0]])
    speaker = Speaker(args.engine or None, args.lang, args.locale)
    if not speaker.build():
        return EXIT_ERROR
    reader = threading.Thread(target=_read_stdin, args=(speaker,), daemon=True)
    reader.start()
    status = app.exec()
    # The engine is torn down with the process: leaving at once also spares a stuck backend.
    sys.stdout.flush()
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
