"""Shared test set-up: headless Qt, an isolated data folder, and a drivable clock."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# A developer's own diary must never be touched by a test run.
os.environ.pop("RUGDIARY_DATA_DIR", None)

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from rugdiary.core.clock import FakeClock

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("default")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder that RUGDIARY_DATA_DIR points at."""
    folder = tmp_path / "data"
    monkeypatch.setenv("RUGDIARY_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    """A clock fixed at Monday 2 March 2026, 09:00 local time."""
    return FakeClock(datetime(2026, 3, 2, 9, 0).astimezone())


def _libpulse_missing() -> str | None:
    """Why Qt Multimedia and Qt TextToSpeech cannot load here, or None when they can."""
    import ctypes

    try:
        ctypes.CDLL("libpulse.so.0")
    except OSError as exc:
        return f"libpulse.so.0 cannot be loaded ({exc}); apt-get install libpulse0 (.ci/run does)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the tests that need the real Qt Multimedia where libpulse0 is not installed."""
    import sys

    marked = [item for item in items if item.get_closest_marker("needs_libpulse")]
    if not marked or not sys.platform.startswith("linux"):
        return
    reason = _libpulse_missing()
    if reason is not None:
        for item in marked:
            item.add_marker(pytest.mark.skip(reason=reason))
