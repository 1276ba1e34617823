"""programme_sheet_ms: the printable sheet of the longest built-in programme, in English."""

from __future__ import annotations

import statistics
import time

from rugdiary import __version__
from rugdiary.core.content import load_library
from rugdiary.core.exercises import Level
from rugdiary.core.programs import program_total_s
from rugdiary.resources import resources_dir

ROUNDS = 5


def run() -> dict[str, float]:
    from rugdiary.reports.program_sheet import build_programme_sheet

    library = load_library(resources_dir())
    exercises = library.exercises
    longest = max(
        library.programs.values(),
        key=lambda p: (len(p.items), program_total_s(p, exercises, Level.ADVANCED)),
    )
    # The one-time costs (importing fpdf2, reading the fonts) are paid here, as for the report.
    build_programme_sheet(longest, exercises, Level.ADVANCED, app_version=__version__)
    times = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        data = build_programme_sheet(longest, exercises, Level.ADVANCED, app_version=__version__)
        times.append((time.perf_counter() - t0) * 1000)
        assert data.startswith(b"%PDF-")
    return {
        "programme_sheet_ms": round(statistics.median(times), 1),
        "programme_sheet_items": float(len(longest.items)),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
