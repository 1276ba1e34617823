"""The pure-Python floor: a fixed workload that says how fast this machine is right now."""

from __future__ import annotations

import time

REFERENCE_FLOOR_MS = 100.0
"""The floor on an unloaded core of the machines this project is measured on (session 1
measured 106.6 ms). Millisecond targets are judged at this speed: a time measured while
the floor took twice as long counts half (DESIGN.md §5: ratios against a floor measured
in the same run, because the machines are noisy)."""


def floor_ms(rounds: int = 3) -> float:
    """The fastest of `rounds` runs of a fixed loop, in milliseconds."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i * i % 7
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def at_reference_speed(value_ms: float, measured_floor_ms: float) -> float:
    """`value_ms` as it would be on a machine whose floor is REFERENCE_FLOOR_MS."""
    return value_ms * REFERENCE_FLOOR_MS / measured_floor_ms
