"""The report's adherence section: sitting at the computer, per day or per week."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from rugdiary.core.sitting import SittingDay
from tests.reports.test_pdf import PDFTOTEXT, START, _pages, _pdf

pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not installed")


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def _days(count: int) -> list[SittingDay]:
    return [
        SittingDay(
            START + timedelta(days=i),
            active_s=(200 + i) * 60,
            longest_s=(40 + i) * 60,
            taken=2,
            skipped=1,
            postponed=1,
            natural=3,
        )
        for i in range(count)
    ]


def test_sitting_figures_per_day_in_the_exercise_section(tmp_path: Path) -> None:
    outside = SittingDay(START - timedelta(days=1), active_s=999 * 60, taken=50)
    text = _flat(_pages(_pdf(sitting=[*_days(3), outside]), tmp_path))
    assert (
        "Sitting at the computer, counted on 3 days: 201 minutes a day on average, longest "
        "unbroken stretch 42 minutes. Movement breaks: 6 taken, 3 skipped, 3 postponed, "
        "9 natural"
    ) in text
    assert "Day Minutes at the" in text
    assert "2 Mar 200 40 2 1 3" in text
    assert "4 Mar 202 42 2 1 3" in text
    dutch = _flat(_pages(_pdf(sitting=_days(3), lang="nl"), tmp_path))
    assert "Zitten achter de computer, gemeten op 3 dagen" in dutch


def test_longer_periods_get_a_row_per_week(tmp_path: Path) -> None:
    days = _days(28)  # 2 to 29 March, Monday to Sunday
    text = _flat(_pages(_pdf(sitting=days), tmp_path))
    assert "counted on 28 days" in text
    assert "Week (days counted) Minutes a day at the" in text
    first_week = round(sum(d.active_s for d in days[:7]) / 60 / 7)
    assert f"2–8 Mar (7) {first_week} 46 14 7 21" in text
    assert "2 Mar 200" not in text, "no row per day"


def test_no_sitting_figures_no_lines(tmp_path: Path) -> None:
    text = _flat(_pages(_pdf(), tmp_path))
    assert "Sitting at the computer" not in text
