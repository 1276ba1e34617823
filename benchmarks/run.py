"""`make bench`: run every benchmark and write benchmarks/results.json with the machine."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

from benchmarks import (
    bench_figure,
    bench_insights,
    bench_player,
    bench_programme_sheet,
    bench_report,
    bench_sitting,
    bench_startup,
    bench_storage,
)
from benchmarks.floor import REFERENCE_FLOOR_MS, floor_ms

RESULTS = Path(__file__).with_name("results.json")

TARGETS = {
    "startup_ratio": ("<=", 2.0),
    "add_entry_p95_ms_10y": ("<=", 50),
    "atomic_overhead_ratio": ("<=", 1.3),
    "rss_mb_start_over_bare": ("<=", 30),
    "timer_drift_ticks": ("<=", 1),
    "cue_late_ms_p95": ("<=", 30),
    "idle_cpu_ms_per_10s": ("<=", 5),
    # measured from outside, so every wake is the app's own: its timers wait minutes
    "idle_wakeups_per_10s": ("<=", 1),
    "figure_frame_ms_p95": ("<=", 4),
    "player_cpu_pct": ("<=", 15),
    "report_ms_1y": ("<=", 1500),
    "report_ms_10y": ("<=", 3000),
    "programme_sheet_ms": ("<=", 1500),
    # At the reference speed (benchmarks/floor.py); the raw milliseconds are kept as well.
    "insights_first_paint_ref_ms_10y": ("<=", 600),
    "insights_range_change_ref_ms_10y": ("<=", 250),
    "rss_mb_insights": ("<=", 260),
}


def machine() -> dict[str, object]:
    import PySide6

    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "pyside6": PySide6.__version__,
        "floor_ms": round(floor_ms(), 1),
        "reference_floor_ms": REFERENCE_FLOOR_MS,
    }


def main() -> int:
    results: dict[str, float] = {}
    for module in (
        bench_storage,
        bench_startup,
        bench_player,
        bench_sitting,
        bench_figure,
        bench_report,
        bench_insights,
        bench_programme_sheet,
    ):
        name = module.__name__.rsplit(".", 1)[-1]
        print(f"running {name} ...", flush=True)
        results.update(module.run())
    verdicts = {}
    for key, (op, target) in TARGETS.items():
        if key in results:
            verdicts[key] = {
                "value": results[key],
                "target": f"{op} {target}",
                "ok": results[key] <= target,
            }
    report = {
        "machine": machine(),
        "results": results,
        "targets": verdicts,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    width = max(map(len, results))
    for key, value in results.items():
        mark = ""
        if key in verdicts:
            mark = "  ok" if verdicts[key]["ok"] else f"  MISSES {verdicts[key]['target']}"
        print(f"{key:<{width}}  {value}{mark}")
    print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
