"""Run by test_player_speechd.py on a real X display: a session whose speech-dispatcher is
stopped (SIGSTOP) mid-way. Prints one JSON line with what happened."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from rugdiary.core.content import load_library
from rugdiary.core.exercises import Level, Text
from rugdiary.core.programs import DoseOverride, Program, ProgramItem
from rugdiary.resources import resources_dir
from rugdiary.ui.audio import CuePlayer, Tone
from rugdiary.ui.player.page import build_player_page

SPEED = 4.0
STOP_AFTER_S = 2.0
PLAY_ON_S = 10.0


class ScaledClock:
    def __init__(self) -> None:
        self._origin = time.monotonic()

    def monotonic(self) -> float:
        return 1000.0 + (time.monotonic() - self._origin) * SPEED

    def now(self) -> datetime:
        return datetime.now().astimezone()


class Store:
    def add(self, session: Any) -> Any:
        return session

    def update(self, session: Any) -> Any:
        return session


class ToneRecorder(CuePlayer):
    def __init__(self) -> None:
        super().__init__(sound=False, lang="en")
        self.tones: list[float] = []

    def play_tone(self, kind: Tone) -> bool:
        self.tones.append(time.monotonic())
        return True


def main() -> int:
    speechd_pid = int(sys.argv[1])
    app = QApplication(sys.argv[:1])
    library = load_library(resources_dir())
    one = DoseOverride(reps=12, sets=3, hold_s=2, rest_s=1, set_rest_s=2)
    program = Program(
        id="speechd",
        name=Text("Speech test", "Spraaktest"),
        description=Text("Test", "Test"),
        frequency=Text("Test", "Test"),
        level=Level.BEGINNER,
        sessions_per_week=1,
        items=(ProgramItem("glute-bridge", overrides=(("all", one),)),),
    )
    cues = ToneRecorder()
    page = build_player_page(library.exercises, Store(), ScaledClock(), cues=cues, lang="en")
    controller = page.controller
    controller.clock_speed = SPEED
    page.view.resize(1000, 700)
    page.view.show()
    result: dict[str, Any] = {"told": [], "answers": [], "ticks": []}
    cues.unavailable.connect(lambda reason: result["told"].append([time.monotonic(), reason]))
    controller.timer.timeout.connect(lambda: result["ticks"].append(time.monotonic()))
    assert controller.start(program, Level.BEGINNER)
    voice = cues.voice_process
    assert voice is not None
    voice.answered.connect(lambda a: result["answers"].append([time.monotonic(), a]))

    def stop_speechd() -> None:
        result["stopped_at"] = time.monotonic()
        os.kill(speechd_pid, signal.SIGSTOP)
        QTimer.singleShot(round(PLAY_ON_S * 1000), app.quit)

    def begin() -> None:
        result["began"] = time.monotonic()
        controller.begin()
        QTimer.singleShot(round(STOP_AFTER_S * 1000), stop_speechd)

    def when_ready(answer: dict[str, Any]) -> None:
        if answer["event"] == "ready" and "began" not in result:
            begin()
        elif answer["event"] == "error":
            app.quit()

    voice.answered.connect(when_ready)
    QTimer.singleShot(30_000, app.quit)  # never hang the test
    app.exec()
    result["tones"] = cues.tones
    t0 = time.monotonic()
    cues.shutdown()
    result["shutdown_s"] = time.monotonic() - t0
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
