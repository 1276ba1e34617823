"""add_entry_p95_ms_10y and atomic_overhead_ratio: saving into a ten-year diary."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from benchmarks.datasets import build_ten_year_diary
from rugdiary.core.diary import new_entry
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository

ROUNDS = 60


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def run() -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="rugdiary-bench-"))
    try:
        ours_dir = work / "ours"
        count = build_ten_year_diary(ours_dir)
        stock_path = work / "stock.json"
        shutil.copy(ours_dir / "diary.json", stock_path)
        ours_ms: list[float] = []
        stock_ms: list[float] = []
        with Database.open(ours_dir) as db:
            repo = EntryRepository(db)
            stock = TinyDB(stock_path, storage=JSONStorage)
            stock_table = stock.table("entries")
            # Interleaved so that machine noise hits both sides alike.
            for i in range(ROUNDS):
                entry = new_entry(
                    now=datetime.now().astimezone(), pain=i % 11, stress=4, tags=["bench"]
                )
                t0 = time.perf_counter()
                repo.add(entry)
                ours_ms.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                stock_table.insert(entry.to_dict())
                stock_ms.append((time.perf_counter() - t0) * 1000)
            stock.close()
        size_mb = (ours_dir / "diary.json").stat().st_size / 1e6
        return {
            "add_entry_p95_ms_10y": round(_p95(ours_ms), 2),
            "add_entry_p50_ms_10y": round(statistics.median(ours_ms), 2),
            "stock_jsonstorage_add_p50_ms_10y": round(statistics.median(stock_ms), 2),
            "atomic_overhead_ratio": round(
                statistics.median(ours_ms) / statistics.median(stock_ms), 3
            ),
            "diary_entries_10y": count,
            "diary_file_mb_10y": round(size_mb, 2),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
