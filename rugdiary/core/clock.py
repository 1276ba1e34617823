"""Wall-clock and monotonic time behind one small interface, so tests can drive time."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol

TYPED_MOMENT_SLACK = timedelta(minutes=5)
"""How far ahead of this computer's clock a moment a person types may lie: clocks differ a
little; a year typed wrong (2027 for 2026) does not, and such an entry stays "the latest"
until that day comes. The command line and the diary form both refuse beyond it."""


class Clock(Protocol):
    """What the app asks of time: the local wall clock and a monotonic counter."""

    def now(self) -> datetime:
        """The current local time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to; for tests and benchmarks."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start if start is not None else datetime(2026, 3, 2, 9, 0).astimezone()
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def set(self, when: datetime) -> None:
        """Jump the wall clock (as after sleep or a clock change); monotonic is untouched."""
        self._now = when
