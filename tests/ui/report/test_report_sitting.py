"""The Report page puts the period's sitting figures in the report."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.demo import generate_demo_entries
from rugdiary.core.sitting import SittingDay
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository, SessionRepository
from rugdiary.ui.report.page import build_report_page

BUILD_MS = 60_000


class Sitting:
    """A SittingSource that says which period it was asked for."""

    def __init__(self, days: list[SittingDay]) -> None:
        self.days = days
        self.asked: list[tuple[date | None, date | None]] = []

    def list(self, start: date | None = None, end: date | None = None) -> list[SittingDay]:
        self.asked.append((start, end))
        return [
            d
            for d in self.days
            if (start is None or d.day >= start) and (end is None or d.day <= end)
        ]


def test_the_report_page_reads_sitting_for_its_period(
    qtbot: QtBot, db: Database, repo: EntryRepository, clock: FakeClock, tmp_path: Path
) -> None:
    today = clock.now().date()
    repo.add_many(generate_demo_entries(40, seed=3, end=today))
    sitting = Sitting([SittingDay(today, active_s=3 * 3600, longest_s=3000, taken=2, natural=1)])
    page = build_report_page(
        repo, SessionRepository(db), clock, lang="en", app_version="9.9", sitting=sitting
    )
    qtbot.addWidget(page.view)
    with qtbot.waitSignal(page.controller.finished, timeout=BUILD_MS):
        page.view.show()
    request = page.controller.pdf_request
    assert request is not None
    assert sitting.asked[-1] == (request.start, request.end)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    assert page.controller.pdf is not None
    path = tmp_path / "report.pdf"
    path.write_bytes(page.controller.pdf)
    text = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Sitting at the computer, counted on 1 day:" in " ".join(text.split())
