"""What the desktop tells about the person at the computer: idle time, screen lock, busy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal, Protocol

from rugdiary.core.clock import Clock

Capability = Literal["idle", "lock", "fullscreen", "dnd"]
"""What a source can tell: input idle time, a locked screen, a full-screen window,
do-not-disturb. Settings lists them, so the person knows what is noticed."""

CAPABILITIES: Final[tuple[Capability, ...]] = ("idle", "lock", "fullscreen", "dnd")


class ActivityUnavailableError(RuntimeError):
    """The source cannot answer (no display, no D-Bus service, no library)."""


class ActivitySource(Protocol):
    """One way of asking the desktop whether the person is at the computer.

    Every question is a cheap call made only when the caller needs the answer: the
    reminder service asks for idle time at a coarse, adaptive interval, and asks
    `busy` only when a break would be shown. Nothing here reads window titles or
    applications: only durations and yes/no answers.
    """

    name: str
    """A short machine name: "x11", "mutter", "freedesktop", "windows", "macos"."""

    capabilities: frozenset[Capability]

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input; raises ActivityUnavailableError."""
        ...

    def locked(self) -> bool | None:
        """Whether the screen is locked (or the screen saver runs); None: cannot tell."""
        ...

    def busy(self) -> bool | None:
        """A full-screen window is active or do-not-disturb is on; None: cannot tell."""
        ...

    def watch(self, callback: Callable[[], None] | None) -> None:
        """Call `callback` when the lock state changes by itself (a signal), if it can."""
        ...

    def close(self) -> None:
        """Let go of connections and handles."""
        ...


@dataclass(frozen=True, slots=True)
class ActivitySample:
    """One answer from a source at one moment."""

    idle_s: float
    locked: bool = False

    def __post_init__(self) -> None:
        if self.idle_s < 0:
            # Some servers report a tiny negative idle time right after input.
            object.__setattr__(self, "idle_s", 0.0)


def sample(source: ActivitySource) -> ActivitySample:
    """Idle time and lock state in one sample; raises ActivityUnavailableError like the source."""
    idle = float(source.idle_seconds())
    return ActivitySample(idle_s=idle, locked=bool(source.locked()))


class CombinedSource:
    """Idle time from one source, lock state and busy signals from others.

    On Linux the idle time may come from X11 while the lock comes from logind and
    do-not-disturb from GNOME's settings; the first helper that can tell wins.
    """

    def __init__(
        self,
        idle: ActivitySource,
        lock: Sequence[ActivitySource] = (),
        busy: Sequence[ActivitySource] = (),
    ) -> None:
        self.idle = idle
        self.lock_sources = tuple(lock)
        self.busy_sources = tuple(busy)
        self.name = idle.name
        caps: set[Capability] = set(idle.capabilities)
        for extra in (*self.lock_sources, *self.busy_sources):
            caps |= extra.capabilities
        self.capabilities = frozenset(caps)

    def idle_seconds(self) -> float:
        return self.idle.idle_seconds()

    def locked(self) -> bool | None:
        answers = [self.idle.locked(), *(_quiet(s.locked) for s in self.lock_sources)]
        known = [a for a in answers if a is not None]
        return any(known) if known else None

    def busy(self) -> bool | None:
        answers = [_quiet(self.idle.busy), *(_quiet(s.busy) for s in self.busy_sources)]
        known = [a for a in answers if a is not None]
        return any(known) if known else None

    def watch(self, callback: Callable[[], None] | None) -> None:
        for source in (self.idle, *self.lock_sources, *self.busy_sources):
            source.watch(callback)

    def close(self) -> None:
        for source in (self.idle, *self.lock_sources, *self.busy_sources):
            source.close()


def _quiet(ask: Callable[[], bool | None]) -> bool | None:
    """A helper source that fails says nothing rather than stopping the main one."""
    try:
        return ask()
    except (ActivityUnavailableError, OSError):
        return None


class FakeActivitySource:
    """A desk driven by a clock and scripted spans; for tests and benchmarks.

    `at_desk` spans are continuous input; idle time is the time since the last of them
    ended. `locked` and `busy` spans are the screen lock and a full-screen window.
    """

    name = "fake"
    capabilities: frozenset[Capability] = frozenset(CAPABILITIES)

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.at_desk: list[tuple[datetime, datetime]] = []
        self.lock_spans: list[tuple[datetime, datetime]] = []
        self.busy_spans: list[tuple[datetime, datetime]] = []
        self.idle_calls = 0
        self.busy_calls = 0
        self.available = True
        self._callback: Callable[[], None] | None = None

    def sit(self, start: datetime, end: datetime) -> None:
        self.at_desk.append((start, end))

    def lock(self, start: datetime, end: datetime) -> None:
        self.lock_spans.append((start, end))

    def full_screen(self, start: datetime, end: datetime) -> None:
        self.busy_spans.append((start, end))

    def idle_seconds(self) -> float:
        self.idle_calls += 1
        if not self.available:
            raise ActivityUnavailableError("the fake desk is switched off")
        now = self.clock.now()
        ended = [min(end, now) for start, end in self.at_desk if start <= now]
        if not ended:
            return 86_400.0
        return (now - max(ended)).total_seconds()

    def locked(self) -> bool | None:
        now = self.clock.now()
        return any(start <= now < end for start, end in self.lock_spans)

    def busy(self) -> bool | None:
        self.busy_calls += 1
        now = self.clock.now()
        return any(start <= now < end for start, end in self.busy_spans)

    def watch(self, callback: Callable[[], None] | None) -> None:
        self._callback = callback

    def signal_lock_change(self) -> None:
        """What a D-Bus lock signal does: tell the watcher at once."""
        if self._callback is not None:
            self._callback()

    def close(self) -> None:
        self._callback = None
