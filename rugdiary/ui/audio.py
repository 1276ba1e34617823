"""Sound and voice cues for the player: optional, lazily loaded, and never blocking."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, QUrl, Signal, Slot

from rugdiary.resources import resource

VOICE_STALE_S = 2.5
"""A line that waited this long for a busy voice is dropped: by then the phase has moved on."""

SHUTDOWN_WAIT_MS = 1500
"""How long closing the app waits for a voice engine to finish before giving up on it."""


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
        """Stop any background work (the voice thread) before the window goes away."""
        ...

    def set_sound_enabled(self, enabled: bool) -> None: ...

    def set_voice_enabled(self, enabled: bool) -> None: ...


def app_language() -> str:
    """ "nl" or "en": the language of the app's texts, taken from the default QLocale."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


class _VoiceWorker(QObject):
    """Lives in the voice thread: owns the QTextToSpeech engine so a hang cannot stall the UI.

    DESIGN.md warns that speech-dispatcher without an audio device can hang; a
    hang here only silences the voice.
    """

    status = Signal(bool, str)
    """(usable, reason): sent once, after the first attempt to create the engine."""

    def __init__(self, engine: str | None, lang: str, factory: Callable[..., Any] | None) -> None:
        super().__init__()
        self._engine_name = engine
        self._lang = lang
        self._factory = factory
        self._tts: Any = None
        self._failed = False
        self._pending: tuple[str, float] | None = None
        self._ready_state: Any = None

    @Slot(str, float)
    def speak(self, text: str, stamp: float) -> None:
        """Speak now if the engine is free; otherwise keep only this, the latest line."""
        if self._failed:
            return
        if self._tts is None and not self._create():
            return
        if self._tts.state() == self._ready_state:
            self._tts.say(text)
        else:
            self._pending = (text, stamp)

    @Slot()
    def stop(self) -> None:
        self._pending = None
        if self._tts is not None:
            self._tts.stop()

    def _create(self) -> bool:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            if self._factory is not None:
                tts = self._factory(self._engine_name)
            elif self._engine_name:
                tts = QTextToSpeech(self._engine_name)
            else:
                tts = QTextToSpeech()
            tts.setParent(self)
            ready, error = QTextToSpeech.State.Ready, QTextToSpeech.State.Error
        except Exception:  # ImportError, a missing plugin, a broken backend: all mean "no voice"
            return self._fail(
                QCoreApplication.translate(
                    "audio", "Voice cues are off: speech is not available on this computer."
                )
            )
        self._ready_state = ready
        # Some engines become Ready a moment later; lines wait (or go stale) until then.
        if tts.state() == error:
            return self._fail(
                QCoreApplication.translate(
                    "audio", "Voice cues are off: the speech engine is not ready."
                )
            )
        locale = _pick_locale(tts, self._lang)
        if locale is None:
            return self._fail(
                QCoreApplication.translate(
                    "audio", "Voice cues are off: no voice is installed for this language."
                )
            )
        tts.setLocale(locale)
        tts.stateChanged.connect(self._on_state)
        self._tts = tts
        self.status.emit(True, "")
        return True

    def _fail(self, reason: str) -> bool:
        self._failed = True
        self.status.emit(False, reason)
        return False

    def _on_state(self, state: Any) -> None:
        if state != self._ready_state or self._pending is None:
            return
        text, stamp = self._pending
        self._pending = None
        if time.monotonic() - stamp <= VOICE_STALE_S:
            self._tts.say(text)


def _pick_locale(tts: Any, lang: str) -> QLocale | None:
    """The engine's locale for `lang`, preferring the app's own country variant."""
    try:
        locales = list(tts.availableLocales())
    except Exception:
        return None
    wanted = QLocale()
    for candidate in locales:
        if candidate.name() == wanted.name() and candidate.name().startswith(lang):
            return candidate
    for candidate in locales:
        if candidate.name().split("_")[0] == lang:
            return candidate
    return None


class CuePlayer(QObject):
    """Short tones (QSoundEffect) and spoken cues (QTextToSpeech), both optional.

    Qt Multimedia and Qt TextToSpeech are imported on first use, so starting the
    app does not pay for them. Voice runs in its own thread: `say()` only posts
    the line there and returns; a busy engine keeps just the latest line and
    drops it once stale. When sound or voice cannot be used the player carries
    on silently and `unavailable` is emitted once per kind, with a sentence for
    a small label.
    """

    unavailable = Signal(str)
    _speak_request = Signal(str, float)
    _stop_request = Signal()

    def __init__(
        self,
        *,
        sound: bool = True,
        voice: bool = True,
        lang: str | None = None,
        voice_engine: str | None = None,
        sounds_dir: Path | None = None,
        tts_factory: Callable[..., Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sound_enabled = sound
        self._voice_enabled = voice
        self._lang = lang if lang is not None else app_language()
        self._voice_engine = voice_engine
        self._sounds_dir = sounds_dir if sounds_dir is not None else resource("sounds")
        self._tts_factory = tts_factory
        self._effects: dict[Tone, Any] | None = None
        self._sound_failed = False
        self._voice_failed = False
        self._voice_thread: QThread | None = None
        self._voice_worker: _VoiceWorker | None = None
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
        self._voice_enabled = enabled
        if not enabled and self._voice_worker is not None:
            self._stop_request.emit()

    @property
    def sound_available(self) -> bool:
        """False once loading the sounds failed; True before the first try."""
        return not self._sound_failed

    @property
    def voice_available(self) -> bool:
        return not self._voice_failed

    # -- cues --------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load what is switched on, at the start of a session, so the first cue is on time."""
        if self._sound_enabled:
            self._load_sounds()
        if self._voice_enabled:
            self._voice()

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
        """Queue `text` for the voice and return at once; dropped when voice is off or busy."""
        if not self._voice_enabled or not text:
            return
        worker = self._voice()
        if worker is not None:
            self._speak_request.emit(text, time.monotonic())

    def shutdown(self) -> None:
        """Stop the voice thread; a hung engine is given SHUTDOWN_WAIT_MS, then abandoned."""
        thread = self._voice_thread
        if thread is None:
            return
        self._voice_thread = None
        self._voice_worker = None
        thread.quit()
        if not thread.wait(SHUTDOWN_WAIT_MS):
            # Only a speech backend stuck inside a system call gets here, at exit.
            thread.terminate()
            thread.wait(SHUTDOWN_WAIT_MS)

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

    def _voice(self) -> _VoiceWorker | None:
        if self._voice_failed:
            return None
        if self._voice_worker is not None:
            return self._voice_worker
        try:
            # Import (dlopen) the Qt modules here in the GUI thread, never in the voice thread:
            # two threads loading libraries while holding the loader lock and the GIL deadlock.
            # Starting the multimedia backend also happens here: its first use takes a lock
            # and logs through the (possibly Python) message handler, which needs the GIL.
            from PySide6.QtMultimedia import QMediaDevices
            from PySide6.QtTextToSpeech import QTextToSpeech

            QMediaDevices.audioOutputs()
            QTextToSpeech.availableEngines()
        except ImportError:
            self._voice_failed = True
            self._tell_once(
                "voice",
                QCoreApplication.translate(
                    "audio", "Voice cues are off: speech is not available on this computer."
                ),
            )
            return None
        thread = QThread()
        thread.setObjectName("rugdiary-voice")
        worker = _VoiceWorker(self._voice_engine, self._lang, self._tts_factory)
        worker.moveToThread(thread)
        thread.finished.connect(worker.deleteLater)
        self._speak_request.connect(worker.speak)
        self._stop_request.connect(worker.stop)
        worker.status.connect(self._on_voice_status)
        # Should the owner be deleted without shutdown(), still stop the thread first:
        # destroying a running QThread aborts the process.
        self.destroyed.connect(lambda *_: _stop_thread(thread))
        thread.start(QThread.Priority.LowPriority)
        self._voice_thread = thread
        self._voice_worker = worker
        return worker

    @Slot(bool, str)
    def _on_voice_status(self, usable: bool, reason: str) -> None:
        if not usable:
            self._voice_failed = True
            self._tell_once("voice", reason)


def _stop_thread(thread: QThread) -> None:
    try:
        if thread.isRunning():
            thread.quit()
            if not thread.wait(SHUTDOWN_WAIT_MS):
                thread.terminate()
                thread.wait(SHUTDOWN_WAIT_MS)
    except RuntimeError:  # already deleted
        pass
