"""`summary --json` gains `sitting`: per day, minutes at the computer, longest stretch, breaks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_OK, main
from rugdiary.core.sitting import SittingDay
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import SittingRepository


def test_summary_json_has_sitting_per_day(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database.open(data_dir)
    try:
        SittingRepository(db).add(
            [
                SittingDay(date(2026, 3, 1), active_s=600),
                SittingDay(
                    date(2026, 3, 2),
                    active_s=4 * 3600 + 30,
                    longest_s=3300,
                    taken=3,
                    skipped=1,
                    postponed=2,
                    natural=4,
                ),
            ]
        )
    finally:
        db.close()
    code = main(["summary", "--from", "2026-03-02", "--to", "2026-03-08", "--json"])
    out, _ = capsys.readouterr()
    assert code == EXIT_OK
    assert json.loads(out)["sitting"] == [
        {
            "day": "2026-03-02",
            "active_min": 240,
            "longest_min": 55,
            "breaks_taken": 3,
            "breaks_skipped": 1,
            "breaks_postponed": 2,
            "breaks_natural": 4,
        }
    ]


def test_summary_json_sitting_is_empty_without_figures(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--pain", "3", "--stress", "2"]) == EXIT_OK
    capsys.readouterr()
    assert main(["summary", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr()[0])["sitting"] == []
