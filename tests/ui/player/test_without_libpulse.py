"""Without libpulse0 Qt Multimedia cannot load: the player goes on silently and says so once."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.ui.audio import CuePlayer, Tone

LOADER_ERROR = "libpulse.so.0: cannot open shared object file: No such file or directory"

CHILD = """
import json, sys
from PySide6.QtWidgets import QApplication
try:
    import PySide6.QtMultimedia
except ImportError as exc:
    multimedia_error = str(exc)
else:
    multimedia_error = ""
from rugdiary.ui.audio import CuePlayer, Tone
app = QApplication([])
cues = CuePlayer(lang="en")
reasons = []
cues.unavailable.connect(reasons.append)
cues.prepare()
played = cues.play_tone(Tone.PHASE)
cues.say("Hold")
cues.say("Rest")
# The voice runs in its own process and says why it cannot speak when it has tried.
from PySide6.QtCore import QTimer
QTimer.singleShot(30_000, app.quit)
cues.unavailable.connect(lambda _reason: len(reasons) >= 2 and app.quit())
if len(reasons) < 2:
    app.exec()
cues.shutdown()
print(json.dumps({"error": multimedia_error, "played": played, "reasons": reasons}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux loader is faked")
def test_without_libpulse_the_cues_are_silent_and_say_why(tmp_path: Path) -> None:
    """A child process in which libpulse.so.0 cannot load (an empty file is found first)."""
    (tmp_path / "libpulse.so.0").write_bytes(b"")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "LD_LIBRARY_PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert "libpulse.so.0" in outcome["error"]
    assert outcome["played"] is False
    assert len(outcome["reasons"]) == 2
    assert outcome["reasons"][0].startswith("Sound cues are off")
    assert outcome["reasons"][1].startswith("Voice cues are off")


SPEECH_CHILD_WITH_LOADER_ERROR = [
    sys.executable,
    "-c",
    "import builtins, sys\n"
    "real_import = builtins.__import__\n"
    "def fake_import(name, *args, **kwargs):\n"
    "    if name.startswith(('PySide6.QtMultimedia', 'PySide6.QtTextToSpeech')):\n"
    f"        raise ImportError({LOADER_ERROR!r})\n"
    "    return real_import(name, *args, **kwargs)\n"
    "builtins.__import__ = fake_import\n"
    "from rugdiary.ui.speech_child import main; main(sys.argv[1:])",
]
"""The voice's own process, meeting the same loader error."""


def test_the_loader_error_turns_sound_and_voice_off_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ImportError exactly as PySide6 raises it on a system without libpulse0."""
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith(("PySide6.QtMultimedia", "PySide6.QtTextToSpeech")):
            raise ImportError(LOADER_ERROR)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    cues = CuePlayer(lang="en", speech_program=SPEECH_CHILD_WITH_LOADER_ERROR)
    try:
        reasons: list[str] = []
        cues.unavailable.connect(reasons.append)
        for _ in range(3):
            assert cues.play_tone(Tone.TICK) is False
            cues.say("Hold")
        qtbot.waitUntil(lambda: len(reasons) == 2, timeout=20_000)
        cues.say("Hold")
        assert not cues.sound_available
        assert not cues.voice_available
        assert reasons == [
            "Sound cues are off: no sound output was found.",
            "Voice cues are off: speech is not available on this computer.",
        ]
    finally:
        cues.shutdown()
