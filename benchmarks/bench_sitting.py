"""sitting_sample_ms: the CPU cost of one sitting-time sample, on a real X server if there is one.

The idle benchmark (bench_player) runs for 10 seconds, in which the activity timer never
fires: it waits a minute at the least. This measures what each sample costs, and what
that adds per 10 s at the fastest polling (once a minute, while a person is away).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime

from rugdiary.core.activity import ActivitySource, FakeActivitySource
from rugdiary.core.clock import SystemClock
from rugdiary.core.reminders import MovementBreaks
from rugdiary.core.sitting import AWAY_POLL, SittingTracker

ROUNDS = 200


@contextmanager
def _x_display() -> Iterator[str | None]:
    # tests/xvfb.py: run from the repository's root (make bench), `tests` is importable.
    from tests.xvfb import has_xvfb, xvfb_display

    if not has_xvfb():
        yield None
        return
    with ExitStack() as stack:
        try:
            display: str | None = stack.enter_context(xvfb_display("640x480"))
        except RuntimeError:  # Xvfb did not start: measured on the fake desk instead
            display = None
        yield display


def _source(display: str | None) -> tuple[ActivitySource, float]:
    clock = SystemClock()
    if display is not None:
        try:
            from rugdiary.ui.activity.x11 import X11Source, XDisplay

            return X11Source(XDisplay(display)), 1.0
        except Exception:  # no libXss: fall back to the fake desk, said in the results
            pass
    desk = FakeActivitySource(clock)
    desk.sit(datetime.now().astimezone(), datetime.now().astimezone())
    return desk, 0.0


def run() -> dict[str, float]:
    clock = SystemClock()
    breaks = MovementBreaks(
        enabled=True,
        start=datetime.min.time(),
        end=datetime.max.time().replace(second=0, microsecond=0),
        days=frozenset(range(7)),
    )
    with _x_display() as display:
        source, real = _source(display)
        try:
            tracker = SittingTracker(breaks)
            costs = []
            for _ in range(ROUNDS):
                cpu0 = time.process_time()
                step = tracker.step(clock.now(), clock.monotonic(), source)
                tracker.next_check(clock.now(), held=step.held)
                if step.offer:
                    tracker.skipped(clock.now())
                costs.append((time.process_time() - cpu0) * 1000)
        finally:
            source.close()
    sample_ms = statistics.median(costs)
    per_10s = sample_ms * 10 / AWAY_POLL.total_seconds()
    return {
        "sitting_sample_ms": round(sample_ms, 4),
        "sitting_cpu_ms_per_10s_worst": round(per_10s, 4),
        "sitting_source_is_x11": real,
    }
