"""Partly-done sessions in the report: counted on their own, never as "stopped early"."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session, StopReason
from rugdiary.reports.pdf import build_report_pdf, collect_report_data
from tests.reports.test_pdf import END, MADE, PDFTOTEXT, START, _at, _diary, _pages, _squash

pytestmark = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is needed to read the PDF's text"
)


def _session(day: int, *, completed: bool, reason: StopReason | None) -> Session:
    start = _at(START + timedelta(days=day), 18)
    return Session(
        program_id="core-stability-beginner",
        program_name="Core stability",
        level=Level.BEGINNER,
        started_at=start,
        ended_at=start + timedelta(minutes=15),
        planned_s=900,
        done_s=900 if completed or reason is None else 300,
        steps_done=10,
        steps_skipped=0 if completed else 6,
        completed=completed,
        stopped_reason=reason,
        pain_before=3,
        pain_after=3,
    )


def _sessions() -> list[Session]:
    """Two completed, two played to the end with much skipped, one stopped for pain."""
    return [
        _session(2, completed=True, reason=None),
        _session(5, completed=False, reason=None),
        _session(9, completed=True, reason=None),
        _session(13, completed=False, reason=None),
        _session(17, completed=False, reason=StopReason.PAIN),
    ]


def test_partly_done_sessions_are_not_counted_as_stopped_early() -> None:
    data = collect_report_data(_diary(), _sessions(), START, END, lang="en")
    assert data.partly_done == 2
    assert data.stopped_early == 1
    assert data.stopped_for_pain == 1


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "2 completed, 2 partly done, 1 stopped early (1 because of pain)."),
        ("nl", "2 helemaal gedaan, 2 deels gedaan, 1 eerder gestopt (1 vanwege pijn)."),
    ],
)
def test_the_report_names_partly_done_sessions_in_each_language(
    lang: str, expected: str, tmp_path: Path
) -> None:
    pdf = build_report_pdf(
        _diary(), _sessions(), START, END, lang=lang, app_version="0.1.0", generated_at=MADE
    )
    words = " ".join(_squash("\n".join(_pages(pdf, tmp_path))).split())
    assert expected in words
