"""report_ms_1y and report_ms_10y: the physiotherapist PDF for one year and for ten years."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.datasets import TEN_YEARS_DAYS, build_ten_year_diary
from rugdiary import __version__
from rugdiary.core.diary import DiaryEntry
from rugdiary.core.sessions import Session
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository, SessionRepository

ROUNDS = 3
END = date(2026, 11, 1)
"""The last day of build_ten_year_diary's data."""


def _time_ms(entries: list[DiaryEntry], sessions: list[Session], start: date) -> float:
    from rugdiary.reports.pdf import build_report_pdf

    made = datetime(2026, 11, 2, 9, 0).astimezone()
    times = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        data = build_report_pdf(
            entries, sessions, start, END, lang="en", app_version=__version__, generated_at=made
        )
        times.append((time.perf_counter() - t0) * 1000)
        assert data.startswith(b"%PDF-")
    return statistics.median(times)


def run() -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="rugdiary-bench-report-"))
    try:
        build_ten_year_diary(work)
        with Database.open(work) as db:
            entries = EntryRepository(db).list()
            sessions = SessionRepository(db).list()
        # The one-time costs (importing matplotlib and fpdf2, reading the font) are paid here,
        # outside the timing: the page pays them once per app run.
        from rugdiary.reports.pdf import build_report_pdf

        build_report_pdf(
            entries[:50],
            [],
            END - timedelta(days=27),
            END,
            app_version=__version__,
            generated_at=datetime(2026, 11, 2, 9, 0).astimezone(),
        )
        year_start = END - timedelta(days=364)
        all_start = END - timedelta(days=TEN_YEARS_DAYS - 1)
        return {
            "report_ms_1y": round(_time_ms(entries, sessions, year_start), 1),
            "report_ms_10y": round(_time_ms(entries, sessions, all_start), 1),
            "report_entries_10y": float(len(entries)),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
