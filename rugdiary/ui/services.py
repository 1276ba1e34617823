"""The services pages are built from; assembled once where the app starts (the composition root)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rugdiary.core.clock import Clock
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import (
    EntryRepository,
    ExerciseRepository,
    ProgramRepository,
    SessionRepository,
    SettingsRepository,
)


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
