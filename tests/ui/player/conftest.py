"""Player test fixtures: a tiny programme, a cue recorder, and the page on a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library, load_library
from rugdiary.core.exercises import Level, Text
from rugdiary.core.programs import DoseOverride, Program, ProgramItem
from rugdiary.resources import resources_dir
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import SessionRepository
from rugdiary.ui.audio import Tone
from rugdiary.ui.player.page import PlayerPage, build_player_page


@dataclass
class CueRecorder:
    """Stands in for CuePlayer and remembers every cue, in order."""

    calls: list[tuple[str, object]] = field(default_factory=list)
    prepared: int = 0
    shut_down: bool = False

    def prepare(self) -> None:
        self.prepared += 1

    def play_tone(self, kind: Tone) -> bool:
        self.calls.append(("tone", kind))
        return True

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def lines(self) -> list[str]:
        return [str(value) for kind, value in self.calls if kind == "say"]

    def tones(self, kind: Tone | None = None) -> list[Tone]:
        return [
            value  # type: ignore[misc]
            for k, value in self.calls
            if k == "tone" and (kind is None or value == kind)
        ]

    def shutdown(self) -> None:
        self.shut_down = True

    def set_sound_enabled(self, enabled: bool) -> None:
        self.calls.append(("sound_enabled", enabled))

    def set_voice_enabled(self, enabled: bool) -> None:
        self.calls.append(("voice_enabled", enabled))

    def clear(self) -> None:
        self.calls.clear()


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(resources_dir())


@pytest.fixture
def tiny_program() -> Program:
    """Glute bridge 2 holds of 5 s, then bird dog 2 holds per side in 2 sets."""
    return Program(
        id="tiny",
        name=Text("Tiny test programme", "Klein testprogramma"),
        description=Text("Two short exercises.", "Twee korte oefeningen."),
        frequency=Text("Whenever", "Wanneer je wilt"),
        level=Level.BEGINNER,
        sessions_per_week=3,
        items=(
            ProgramItem(
                "glute-bridge",
                overrides=(("all", DoseOverride(reps=2, sets=1, hold_s=5, rest_s=2)),),
            ),
            ProgramItem(
                "bird-dog",
                overrides=(
                    (
                        "all",
                        DoseOverride(
                            reps=2, sets=2, hold_s=5, rest_s=2, set_rest_s=4, per_side=True
                        ),
                    ),
                ),
            ),
        ),
    )


@pytest.fixture
def cues() -> CueRecorder:
    return CueRecorder()


@pytest.fixture
def sessions(db: Database) -> SessionRepository:
    return SessionRepository(db)


@pytest.fixture
def player(
    qtbot: QtBot,
    qapp: QApplication,
    library: Library,
    sessions: SessionRepository,
    clock: FakeClock,
    cues: CueRecorder,
) -> Iterator[PlayerPage]:
    """The player page, shown and active so that its keyboard shortcuts work."""
    page = build_player_page(library.exercises, sessions, clock, cues=cues, lang="en")
    qtbot.addWidget(page.view)
    page.view.resize(1000, 700)
    page.view.show()
    qtbot.waitExposed(page.view)
    page.view.activateWindow()
    qtbot.waitUntil(page.view.isActiveWindow)
    yield page
    page.controller.timer.stop()


@pytest.fixture
def advance(player: PlayerPage, clock: FakeClock) -> Callable[[float], None]:
    """Move the fake clock on in small steps, ticking the controller as its timer would."""

    def run(seconds: float, step: float = 0.25) -> None:
        left = seconds
        while left > 1e-9:
            delta = min(step, left)
            clock.advance(delta)
            player.controller.tick()
            left -= delta

    return run
