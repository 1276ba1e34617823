"""Fixtures for storage tests: an open database and a repository on a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(data_dir, clock=clock)
    yield database
    database.close()


@pytest.fixture
def repo(db: Database, clock: FakeClock) -> EntryRepository:
    return EntryRepository(db, clock)
