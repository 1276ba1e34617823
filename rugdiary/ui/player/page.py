"""Builds the player page from its services: view, cue output and controller in one place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.core.exercises import Exercise
from rugdiary.ui.audio import CuePlayer, Cues
from rugdiary.ui.player.controller import PlayerController, SessionStore
from rugdiary.ui.player.overview import SessionOverview
from rugdiary.ui.player.player_view import PlayerView


@dataclass(frozen=True, slots=True)
class PlayerPage:
    """The parts of the player page that the main window and tests need to reach."""

    view: PlayerView
    controller: PlayerController


def build_player_page(
    exercises: Mapping[str, Exercise],
    sessions: SessionStore,
    clock: Clock,
    *,
    cues: Cues | None = None,
    lang: str | None = None,
    pictures_dir: Path | None = None,
    overview: Callable[[], SessionOverview] | None = None,
    parent: QWidget | None = None,
) -> PlayerPage:
    """The page, idle until `controller.start(program, level)` is called.

    Without `cues` a CuePlayer with sound and voice on is made; it loads Qt
    Multimedia and the speech engine only when the first session is prepared.
    `overview` gives the quiet page its next program and last sessions.
    """
    view = PlayerView(parent)
    if cues is None:
        cues = CuePlayer(lang=lang, parent=view)
    controller = PlayerController(
        view, exercises, sessions, clock, cues, lang=lang, pictures_dir=pictures_dir, parent=view
    )
    controller.set_overview_source(overview)
    return PlayerPage(view, controller)
