"""The services pages are built from; assembled once where the app starts (the composition root)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from rugdiary.core.clock import Clock
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import (
    EntryRepository,
    ExerciseRepository,
    ProgramRepository,
    SessionRepository,
    SettingsRepository,
)

if TYPE_CHECKING:
    from rugdiary.core.content import BuiltinContent, Library


@cache
def builtin_content() -> BuiltinContent:
    """The app's built-in exercises and programmes, each read from resources/ on first use."""
    from rugdiary.core.content import BuiltinContent
    from rugdiary.resources import resources_dir

    return BuiltinContent(resources_dir())


def _load_builtin_library() -> Library:
    return builtin_content().library()


def content_language() -> str:
    """The language of exercise texts and charts, "nl" or "en", following the app's locale."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


@dataclass(frozen=True, slots=True)
class Services:
    """Everything outside the UI that a page may need.

    The main window hands each page only the parts it uses, so a page's constructor
    still says what it depends on; this only saves threading six arguments around.
    """

    clock: Clock
    db: Database
    entries: EntryRepository
    sessions: SessionRepository
    programs: ProgramRepository
    exercises: ExerciseRepository
    settings: SettingsRepository
    library: Callable[[], Library] = field(default=_load_builtin_library)
    """All built-in exercises and programs, read from resources/ on first use."""
    builtin: Callable[[], BuiltinContent] = field(default=builtin_content)
    """The same, one file at a time: for a page that needs only one programme."""

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    @classmethod
    def for_database(cls, db: Database, clock: Clock) -> Services:
        return cls(
            clock=clock,
            db=db,
            entries=EntryRepository(db, clock),
            sessions=SessionRepository(db),
            programs=ProgramRepository(db),
            exercises=ExerciseRepository(db),
            settings=SettingsRepository(db),
        )
