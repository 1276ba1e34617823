"""Builds the Settings page from its services: view and controller in one place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.storage.database import Database
from rugdiary.ui.settings.controller import SettingsController, ThemeApplier, apply_to_application
from rugdiary.ui.settings.preferences import Preferences
from rugdiary.ui.settings.settings_view import SettingsView

if TYPE_CHECKING:
    from rugdiary.core.content import Library
    from rugdiary.storage.repositories import ProgramRepository


@dataclass(frozen=True, slots=True)
class SettingsPage:
    """The parts of the Settings page that the main window and tests need to reach."""

    view: SettingsView
    controller: SettingsController


def build_settings_page(
    preferences: Preferences,
    db: Database,
    clock: Clock,
    program_choices: Callable[[], Sequence[tuple[str, str]]],
    parent: QWidget | None = None,
    *,
    apply_theme: ThemeApplier = apply_to_application,
    tray_available: bool | None = None,
    autostart_supported: bool | None = None,
) -> SettingsPage:
    """The Settings page; `program_choices` lists (id, name) of programs reminders may use.

    `tray_available` and `autostart_supported` default to asking the system; tests pass
    them to see both cases on any machine.
    """
    view = SettingsView(parent)
    controller = SettingsController(
        view,
        preferences,
        db,
        clock,
        program_choices,
        parent=view,
        apply_theme=apply_theme,
        tray_available=tray_available,
        autostart_supported=autostart_supported,
    )
    return SettingsPage(view, controller)


def program_choices_from(
    library: Callable[[], Library], programs: ProgramRepository, lang: str
) -> Callable[[], list[tuple[str, str]]]:
    """(id, name) of the built-in and the person's own programs, by name, read when asked.

    Read on each call so a program made on the Exercises page shows up without a restart.
    """

    def choices() -> list[tuple[str, str]]:
        found = {pid: program.name.get(lang) for pid, program in library().programs.items()}
        for program in programs.list():
            found[program.id] = program.name.get(lang)
        return sorted(found.items(), key=lambda pair: pair[1].casefold())

    return choices
