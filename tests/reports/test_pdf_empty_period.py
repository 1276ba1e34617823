"""A report of a period with nothing logged points at "the questions below" only when there
are questions: without them it sent the reader to a section that is not there."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rugdiary.reports.pdf import build_report_pdf
from rugdiary.reports.report_texts import TEXTS
from tests.reports.test_pdf import PDFTOTEXT, _pages

pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext reads the PDF's text")

START, END = date(2026, 11, 1), date(2026, 11, 30)
MADE = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
BELOW = {"en": "questions below", "nl": "vragen hieronder"}


def _text(tmp_path: Path, lang: str, questions: str) -> str:
    data = build_report_pdf(
        [],
        [],
        START,
        END,
        lang=lang,
        questions=questions,
        app_version="0.1.0",
        generated_at=MADE,
    )
    return " ".join("\n".join(_pages(data, tmp_path)).split())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_questions_no_pointer_to_them(tmp_path: Path, lang: str) -> None:
    text = _text(tmp_path, lang, questions="  \n ")
    assert " ".join(TEXTS[lang]["nothing_logged_no_questions"].split()) in text
    assert BELOW[lang] not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_questions_are_pointed_at_when_there_are_some(tmp_path: Path, lang: str) -> None:
    text = _text(tmp_path, lang, questions="Can I cycle?")
    assert " ".join(TEXTS[lang]["nothing_logged"].split()) in text
    assert BELOW[lang] in text
    assert "Can I cycle?" in text
