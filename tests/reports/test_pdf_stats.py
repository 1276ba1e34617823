"""The report's stress and pain section follows the app's rules (CLINICAL.md §5), and the
report's shape holds when it cannot be short: the page count, the footer, the appendix."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rugdiary.core.diary import DiaryEntry
from rugdiary.core.stats import build_summary
from rugdiary.reports import pdf
from rugdiary.reports.pdf import build_report_pdf
from tests.reports.test_pdf import PDFTOTEXT, _pages

pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not installed")

END = date(2026, 3, 29)
MADE = datetime(2026, 3, 29, 21, 0, tzinfo=UTC)


def _entry(day: date, pain: int, stress: int, **fields: Any) -> DiaryEntry:
    return DiaryEntry(
        at=datetime(day.year, day.month, day.day, 20, tzinfo=UTC),
        pain=pain,
        stress=stress,
        **fields,
    )


def _days(first: date, count: int, *, seed: int = 3, every: int = 1) -> list[DiaryEntry]:
    """`count` days from `first` (every `every`-th day), pain close to that day's stress."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(0, count, every):
        stress = int(rng.integers(1, 10))
        pain = int(np.clip(stress + rng.integers(-1, 2), 0, 10))
        out.append(_entry(first + timedelta(days=i), pain, stress))
    return out


def _report(entries: list[DiaryEntry], start: date, lang: str = "en", **kwargs: Any) -> bytes:
    return build_report_pdf(
        entries, [], start, END, lang=lang, app_version="0.1.0", generated_at=MADE, **kwargs
    )


def _section(data: bytes, tmp_path: Path, lang: str = "en") -> str:
    """The words of the stress and pain section, up to the next heading."""
    words = " ".join(" ".join(_pages(data, tmp_path)).split())
    heading = "Stress and pain " if lang == "en" else "Stress en pijn "
    end = "About this report" if lang == "en" else "Over dit verslag"
    return words[words.index(heading) : words.index(end)]


def test_the_section_opens_on_the_days_the_lead_describes(tmp_path: Path) -> None:
    """A diary's first 30 days: 30 as logged but 24 with a baseline. The section opened on
    the 30, and its lead described "a strong pattern" from the 24, while the app said 4 more
    days were needed."""
    start = END - timedelta(days=29)
    entries = _days(start, 30)
    summary = build_summary(entries, [], start, END, "en")
    assert summary["correlation"]["same_day"]["n"] == 30
    assert summary["detrended"]["same_day"]["n"] == 24
    assert "at least 4 more days" in summary["insight"]
    english = _section(_report(entries, start), tmp_path)
    assert english.startswith(
        "Stress and pain Too few days to describe how stress and pain go together: of 30 days "
        "with both scores, 24 days could be compared"
    )
    assert "ρ" not in english
    assert "pattern (" not in english
    dutch = _section(_report(entries, start, "nl"), tmp_path, "nl")
    assert "van 30 dagen met beide scores konden er 24 worden vergeleken" in dutch
    assert "ρ" not in dutch


def test_next_day_rows_need_42_pairs_of_consecutive_days(tmp_path: Path) -> None:
    """Next-day rows were printed with intervals from 29 days; CLINICAL.md §5 asks 42–56."""
    start = END - timedelta(days=29)
    entries = _days(start - timedelta(days=28), 58)  # a full baseline before the period
    text = _section(_report(entries, start), tmp_path)
    assert "Stress and pain, same day 0." in text  # the same day is described
    # Each cell wraps in the table: its first half is found whole.
    assert text.count("not shown: 29 pairs of") == 4
    assert "not computed (too little variation)" not in text
    assert "next-day from 42 pairs of consecutive days" in text  # the rules, since rows are out
    dutch = _section(_report(entries, start, "nl"), tmp_path, "nl")
    assert dutch.count("niet getoond: 29 paren") == 4
    longer = END - timedelta(days=49)
    text = _section(_report(_days(longer - timedelta(days=28), 78), longer), tmp_path)
    assert "not shown" not in text
    assert re.search(r"Stress, then pain the next day −?0\.\d\d \(.+?\), n = 49", text), text
    assert "next-day from 42 pairs" not in text  # nothing left out, no rules to explain it


def test_a_diary_with_many_days_left_empty_gets_the_reason(tmp_path: Path) -> None:
    """Every other day logged: the table said "not computed (too little variation), n = 0"
    for the next-day rows, and the lead described a pattern from half the days."""
    start = END - timedelta(days=90)
    entries = _days(start - timedelta(days=27), 118, seed=5, every=2)
    text = _section(_report(entries, start), tmp_path)
    assert re.search(
        r"Same day, against the person's own 4-week average \(4\d days\): no pattern is "
        r"described, as the diary was filled in on 4\d of the \d\d days between the first and "
        r"the last entry \(5\d%\) and at least 80% is needed\.",
        text,
    ), text
    assert "Pair of days" not in text
    assert "too little variation" not in text
    assert "Each cell" not in text
    assert "a pattern only with 80% of days filled in" in text
    dutch = _section(_report(entries, start, "nl"), tmp_path, "nl")
    assert "er wordt geen patroon beschreven, want het dagboek is ingevuld op 4" in dutch


def test_scores_that_hardly_move_get_the_reason(tmp_path: Path) -> None:
    rng = np.random.default_rng(11)
    start = END - timedelta(days=90)
    entries = []
    for i in range(118):
        stress = 3 + int(rng.random() < 0.3)
        pain = 4 + int(rng.random() < (0.75 if stress == 4 else 0.15))
        entries.append(_entry(start - timedelta(days=27) + timedelta(days=i), pain, stress))
    text = _section(_report(entries, start), tmp_path)
    assert re.search(
        r"no pattern is described, as the daily scores hardly varied \(SD of pain 0\.\d, of "
        r"stress 0\.\d; at least 1 is needed on both\)\.",
        text,
    ), text
    assert "moderate pattern" not in text
    assert "Pair of days" not in text
    dutch = _section(_report(entries, start, "nl"), tmp_path, "nl")
    assert "de dagscores varieerden nauwelijks (SD van pijn 0," in dutch


def test_the_higher_and_lower_stress_line_has_no_interval_from_a_few_days(
    tmp_path: Path,
) -> None:
    start = END - timedelta(days=39)
    entries = [
        _entry(start + timedelta(days=i), 2 + i % 6, 6 if i % 8 == 0 else 3) for i in range(40)
    ]
    text = _section(_report(entries, start), tmp_path)
    assert "(n = 5); on other days:" in text
    assert "(no 95% CI: fewer than 7 days on one side)" in text
    assert "block bootstrap" not in text


def test_a_report_that_cannot_fit_two_pages_keeps_its_fullest_lists(tmp_path: Path) -> None:
    """When even the shortest lists ran to a third page, the report kept those: one
    flare-up and one marked entry, on three pages all the same."""
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    entries = [
        DiaryEntry(
            at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            pain=5,
            stress=4,
            flare_up=True,
            for_physio=True,
            note=f"note number {i:02d}",
        )
        for i, day in enumerate(start + timedelta(days=3 * i) for i in range(20))
    ]
    questions = "\n".join(f"Question {i}: may I keep doing this every morning?" for i in range(60))
    data = build_report_pdf(
        entries, [], start, end, questions=questions, app_version="0.1.0", generated_at=MADE
    )
    pages = _pages(data, tmp_path)
    assert len(pages) == 3
    words = " ".join(" ".join(pages).split())
    assert "The 6 most recent of 20 flare-ups are listed" in words
    assert "The 6 most recent of 20 marked entries are listed" in words
    assert pdf.LIST_LIMITS[0][:2] == (6, 6)


def _footer_words(data: bytes, tmp_path: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, word) of the words on page 1's last line, from pdftotext -bbox."""
    path = tmp_path / "footer.pdf"
    path.write_bytes(data)
    assert PDFTOTEXT is not None
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    words = [
        (float(x0), float(y0), float(x1), word)
        for x0, y0, x1, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
        )
    ]
    bottom = max(y for _x0, y, _x1, _w in words)
    return [(x0, x1, w) for x0, y, x1, w in words if abs(y - bottom) < 1.0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_long_name_is_shortened_before_the_page_number(lang: str, tmp_path: Path) -> None:
    name = "Maria Magdalena van Oldenbarnevelt-Hoogstraten de Wit-Vermeulen, born 12 September 1971"
    start = END - timedelta(days=60)
    data = _report(_days(start, 61), start, lang, patient_name=name)
    line = _footer_words(data, tmp_path)
    page_word = "Page" if lang == "en" else "Pagina"
    page_x = next(x0 for x0, _x1, word in line if word == page_word)
    before = [(x0, x1, word) for x0, x1, word in line if x0 < page_x]
    assert max(x1 for _x0, x1, _w in before) < page_x - 5  # a gap, no overlap
    text = " ".join(word for _x0, _x1, word in before)
    assert text.startswith("Maria Magdalena van")
    assert "…" in text
    assert "1971" not in text
    assert text.endswith("29 March 2026" if lang == "en" else "29 maart 2026")  # period whole
    # The name stays whole where there is room for it.
    short = _footer_words(
        _report(_days(start, 61), start, lang, patient_name="Zoë Brontë"), tmp_path
    )
    assert " ".join(word for _x0, _x1, word in short).startswith("Zoë Brontë · RugDiary 0.1.0")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_appendix_headings_fit_their_columns_unbroken(lang: str, tmp_path: Path) -> None:
    """The Dutch "Opvlamming" broke in two ("Opvlammi" over "ng") in a 19 mm column."""
    from fpdf import FPDF

    from rugdiary.reports import report_texts

    measure = FPDF()
    regular, bold = pdf._font_files()
    measure.add_font("DejaVu", "", regular)
    measure.add_font("DejaVu", "B", bold)
    measure.set_font("DejaVu", "B", 7.8)
    keys = (
        "col_date",
        "col_time",
        "pain",
        "col_worst_short",
        "stress",
        "col_sleep",
        "col_flare",
        "col_tags",
        "col_notes",
    )
    assert len(pdf.APPENDIX_WIDTHS) == len(keys)
    assert sum(pdf.APPENDIX_WIDTHS) == pytest.approx(210 - 2 * 14)  # the page between margins
    widths = {
        (key, word): (measure.get_string_width(word) + 2 * 1.2, width)  # text and padding
        for key, width in zip(keys, pdf.APPENDIX_WIDTHS, strict=True)
        for word in report_texts.text(key, lang).split()
    }
    for font in measure.fonts.values():
        getattr(font, "close", lambda: None)()  # the font files, as _Writer.close does
    too_wide = {k: v for k, v in widths.items() if v[0] > v[1] - 0.5}
    assert not too_wide
    start = END - timedelta(days=13)
    entries = _days(start, 14)
    entries[3] = entries[3].replace(flare_up=True)
    text = " ".join(_pages(_report(entries, start, lang, include_appendix=True), tmp_path)[1:])
    assert ("Flare-up" if lang == "en" else "Opvlamming") in text


def test_other_scores_name_the_year_over_a_year_or_more(tmp_path: Path) -> None:
    """Over several years the weekly columns said "2 Mar" without saying which March."""
    start = date(2024, 1, 1)
    entries = [
        _entry(start + timedelta(days=i), 4, 3 + i % 4, mood=5 + i % 3)
        for i in range((END - start).days + 1)
    ]
    pages = _pages(_report(entries, start), tmp_path)
    lines = " ".join(pages[:2]).splitlines()
    at = next(i for i, line in enumerate(lines) if "Other scores per week" in line)
    head = " ".join(lines[at + 1 : at + 3])  # the column headings wrap under the dates
    assert "1 Jan" in head
    assert "2024" in head  # the first column
    assert "2026" in head  # the recent weeks, in the year they changed to
    assert head.count("2026") == 1  # not repeated where the year did not change
