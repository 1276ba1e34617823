"""Programs page fixtures: the built-in library, real repositories and the page itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.content import Library, load_library
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session
from rugdiary.resources import resources_dir
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import (
    ExerciseRepository,
    ProgramRepository,
    SessionRepository,
)
from rugdiary.ui.programs.page import ProgramsPage, build_programs_page


@cache
def _library() -> Library:
    return load_library(resources_dir())


@pytest.fixture
def library() -> Library:
    return _library()


@pytest.fixture
def program_repo(db: Database) -> ProgramRepository:
    return ProgramRepository(db)


@pytest.fixture
def exercise_repo(db: Database) -> ExerciseRepository:
    return ExerciseRepository(db)


@pytest.fixture
def session_repo(db: Database) -> SessionRepository:
    return SessionRepository(db)


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def make_page(
    qtbot: QtBot,
    library: Library,
    program_repo: ProgramRepository,
    exercise_repo: ExerciseRepository,
    session_repo: SessionRepository,
    clock: FakeClock,
    undo_stack: QUndoStack,
    data_dir: Path,
) -> Callable[..., ProgramsPage]:
    """Build the page (after the test has stored what it needs), shown at a usual size."""

    def make(**kwargs: Any) -> ProgramsPage:
        page = build_programs_page(
            library,
            program_repo,
            exercise_repo,
            session_repo,
            clock,
            undo_stack,
            data_dir,
            **kwargs,
        )
        qtbot.addWidget(page.view)
        page.view.resize(1100, 720)
        page.view.show()
        qtbot.waitExposed(page.view)
        return page

    return make


@pytest.fixture
def page(make_page: Callable[..., ProgramsPage]) -> ProgramsPage:
    return make_page()


@pytest.fixture
def add_session(session_repo: SessionRepository, clock: FakeClock) -> Callable[..., Session]:
    """Store a session of `program_id` played `days_ago` days before the clock's now."""

    def add(
        program_id: str = "core-stability-beginner",
        *,
        days_ago: float,
        level: Level = Level.BEGINNER,
        pain_before: int | None = 2,
        pain_after: int | None = 2,
        effort: int | None = 4,
        completed: bool = True,
    ) -> Session:
        start = clock.now() - timedelta(days=days_ago)
        session = Session(
            program_id=program_id,
            program_name=program_id,
            level=level,
            started_at=start,
            ended_at=start + timedelta(minutes=15),
            planned_s=900,
            done_s=900 if completed else 300,
            steps_done=40,
            steps_skipped=0,
            completed=completed,
            pain_before=pain_before,
            pain_after=pain_after,
            effort=effort,
        )
        return session_repo.add(session)

    return add
