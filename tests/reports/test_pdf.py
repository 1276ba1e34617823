"""The physiotherapist PDF: its text agrees with build_summary, and it reads well in EN and NL."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rugdiary.core.demo import generate_demo_entries
from rugdiary.core.diary import DiaryEntry, Medication
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session, StopReason
from rugdiary.core.stats import build_summary
from rugdiary.reports import report_texts
from rugdiary.reports.pdf import build_report_pdf, collect_report_data

PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
pytestmark = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is needed to read the PDF's text"
)

END = date(2026, 3, 29)
START = END - timedelta(days=27)
TZ = UTC
MADE = datetime(2026, 3, 30, 10, 0, tzinfo=TZ)
NAME = "Zoë Janssen-Dupré"


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)


def _diary() -> list[DiaryEntry]:
    """Demo entries (with 8 weeks before the period as baseline) plus known page-2 content."""
    entries = generate_demo_entries(84, seed=5, end=END, tz=TZ)
    flare_days = {date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)}
    out: list[DiaryEntry] = [
        DiaryEntry(
            at=_at(day, 20),
            pain=6,
            stress=5,
            flare_up=True,
            tags=("gardening",),
            note="Stiff after digging.",
        )
        for day in sorted(flare_days)
    ]
    for entry in entries:
        if entry.day in flare_days:
            continue
        if entry.flare_up:
            entry = entry.replace(flare_up=False)
        if entry.day == date(2026, 3, 5):
            entry = entry.replace(medication=(Medication("Paracetamol", "500 mg"),))
        if entry.day == date(2026, 3, 20):
            entry = entry.replace(medication=(Medication("paracetamol", "1 g"),))
        out.append(entry)
    out.append(
        DiaryEntry(
            at=_at(date(2026, 3, 18), 12),
            pain=4,
            stress=6,
            note="Sharp twinge when turning in bed, gone after a minute.",
            for_physio=True,
        )
    )
    return out


def _sessions() -> list[Session]:
    sessions = []
    for i, (after, completed) in enumerate([(2, True), (4, True), (6, False), (3, True)]):
        start = _at(START + timedelta(days=3 + 5 * i), 18)
        sessions.append(
            Session(
                program_id="core-stability-beginner",
                program_name="Core stability",
                level=Level.BEGINNER if i < 2 else Level.INTERMEDIATE,
                started_at=start,
                ended_at=start + timedelta(minutes=15),
                planned_s=900,
                done_s=900 if completed else 420,
                steps_done=10,
                steps_skipped=0 if completed else 5,
                completed=completed,
                stopped_reason=None if completed else StopReason.PAIN,
                pain_before=3,
                pain_after=after,
            )
        )
    return sessions


def _pdf(**options: Any) -> bytes:
    kwargs: dict[str, Any] = {
        "lang": "en",
        "patient_name": NAME,
        "questions": "Can I keep cycling to work?",
        "app_version": "0.1.0",
        "generated_at": MADE,
    }
    kwargs.update(options)
    start = kwargs.pop("start", START)
    end = kwargs.pop("end", END)
    entries = kwargs.pop("entries", _diary())
    return build_report_pdf(entries, _sessions(), start, end, **kwargs)


def _pages(data: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, laid out as printed (pdftotext -layout)."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _squash(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    return build_summary(_diary(), _sessions(), START, END, "en")


@pytest.fixture(scope="module")
def english() -> bytes:
    return _pdf()


def _num(value: float, digits: int, lang: str = "en") -> str:
    return report_texts.number(value, lang, digits)


def test_report_starts_as_a_pdf_and_is_two_pages(english: bytes, tmp_path: Path) -> None:
    assert english.startswith(b"%PDF-")
    pages = _pages(english, tmp_path)
    assert len(pages) == 2
    assert "Page 1 of 2" in pages[0]
    assert "Page 2 of 2" in pages[1]


def test_header_shows_period_name_and_days_logged(
    english: bytes, summary: dict[str, Any], tmp_path: Path
) -> None:
    first = _squash(_pages(english, tmp_path)[0])
    assert "Period: 2 March 2026 – 29 March 2026" in first
    assert NAME in first
    logged, days = summary["days_logged"], summary["days_in_period"]
    assert days == 28
    expected = (
        f"Logged on {logged} of {days} days ({round(100 * logged / days)}%), "
        f"{summary['entries']} entries in all."
    )
    assert expected in " ".join(first.split())


def test_weekly_rows_carry_the_summary_figures(
    english: bytes, summary: dict[str, Any], tmp_path: Path
) -> None:
    lines = [_squash(line).strip() for line in _pages(english, tmp_path)[0].splitlines()]
    weeks = summary["weekly"]
    assert len(weeks) == 4  # 2 March 2026 is a Monday: four whole ISO weeks
    for week in weeks:
        monday = date.fromisoformat(week["week_start"])
        label = report_texts.day_range(monday, monday + timedelta(days=6), "en")
        row = next(line for line in lines if line.startswith(label + " "))
        expected = [
            f"{week['days_logged']}/{week['days_in_period']}",
            _num(week["pain_mean"], 1),
            _num(week["worst_pain_mean"], 1),
            str(week["pain_max"]),
            _num(week["stress_mean"], 1),
            str(week["sessions"]),
        ]
        assert row.split(" ")[2 : 2 + len(expected)] == expected, row
        if week["pain_change"] and week["pain_change"] != 0:
            assert _num(abs(week["pain_change"]), 1) in row
            assert ("●" in row) == week["meaningful_change"], row


LONG_START = END - timedelta(days=55)
"""Eight weeks: enough paired days (at least 28) for the report to print correlations."""


def test_correlation_figures_equal_the_summary(tmp_path: Path) -> None:
    summary = build_summary(_diary(), _sessions(), LONG_START, END, "en")
    assert summary["correlation"]["same_day"]["n"] >= 28
    pages = _pages(_pdf(start=LONG_START), tmp_path)
    assert len(pages) <= 2
    first = _squash("\n".join(pages))
    assert "ρ" in first
    for block in ("correlation", "detrended"):
        for key, corr in summary[block].items():
            if corr["rho"] is None:
                assert f"n = {corr['n']}" in first
                continue
            lo, hi = corr["ci95"]
            text = f"{_num(corr['rho'], 2)} ({_num(lo, 2)} to {_num(hi, 2)}), n = {corr['n']}"
            assert text in first, (block, key, text)
    # The sentence in words carries the same figures, addressed to the physiotherapist
    # (the summary's own sentence speaks to the person: "your stress").
    words = " ".join(first.split())
    same_day = summary["detrended"]["same_day"]
    lo, hi = same_day["ci95"]
    assert (
        f"Same day, against the person's own 4-week average ({same_day['n']} days): on days "
        "with more stress than usual for this person, pain tended to be higher too"
    ) in words
    assert f"(ρ = {_num(same_day['rho'], 2)}, 95% CI {_num(lo, 2)} to {_num(hi, 2)})." in words
    assert "your stress" not in words
    assert "your pain" not in words


def test_exercise_adherence_shows_levels_and_pain_responses(english: bytes, tmp_path: Path) -> None:
    first = _squash("\n".join(_pages(english, tmp_path)))
    assert "4 sessions in 4 weeks (1.0 a week)" in first
    words = " ".join(first.split())
    assert "3 completed, 0 partly done, 1 stopped early (1 because of pain)" in words
    lines = first.splitlines()
    at = next(i for i, line in enumerate(lines) if "Core stability" in line and "→" in line)
    row = lines[at]
    # The level column wraps: "beginner →" on the row, "intermediate" just below it.
    assert "beginner →" in row
    assert "intermediate" in lines[at + 1]
    # Responses: pain after 2 and 3 are fine, 4 acceptable, 6 too much.
    assert re.search(r"●\s?2\b", row)
    assert re.search(r"◆\s?1\b", row)
    assert re.search(r"▲\s?1\b", row)
    assert "● fine" in first
    assert "◆" in first
    assert "▲ too" in first


def test_page_two_lists_flare_ups_notes_questions_and_medication(
    english: bytes, tmp_path: Path
) -> None:
    first, second = (_squash(page) for page in _pages(english, tmp_path))
    # The person's own questions come on page 1, right after the brief.
    assert "Can I keep cycling to work?" in first
    flare = next(line for line in second.splitlines() if "10–12 Mar" in line)
    assert " 3 " in flare
    assert "gardening" in flare
    assert "Stiff after digging." in flare
    assert "Sharp twinge when turning in bed" in second
    assert "18 Mar" in second
    med = next(line for line in second.splitlines() if line.strip().startswith("Paracetamol"))
    assert "500 mg, 1 g" in med
    assert "5 Mar" in med
    assert "20 Mar" in med
    assert "does not diagnose" in " ".join(second.split())


def test_appendix_lists_every_entry_on_extra_pages(tmp_path: Path) -> None:
    pages = _pages(_pdf(include_appendix=True), tmp_path)
    assert len(pages) > 2
    appendix = "\n".join(pages[2:])
    assert "Appendix: every entry in the period" in appendix
    in_period = [e for e in _diary() if START <= e.day <= END]
    for entry in in_period:
        assert entry.at.strftime("%H:%M") in appendix
    rows = [line for line in appendix.splitlines() if re.match(r"\s*\d{1,2} Mar\s+\d\d:\d\d", line)]
    assert len(rows) == len(in_period)


def test_dutch_report_has_dutch_headings_and_decimal_commas(
    summary: dict[str, Any], tmp_path: Path
) -> None:
    pages = _pages(_pdf(lang="nl"), tmp_path)
    text = _squash("\n".join(pages))
    for heading in (
        "RugDiary-verslag",
        "Periode: 2 maart 2026 – 29 maart 2026",
        "Pijn per week",
        "Stress en pijn",
        "Oefenen",
        "Opvlammingen",
        "Mijn vragen voor deze afspraak",
        "Medicijnen",
        "Over dit verslag",
        "Pagina 1 van 2",
    ):
        assert heading in text, heading
    assert "Pain per week" not in text
    long_text = _squash("\n".join(_pages(_pdf(lang="nl", start=LONG_START), tmp_path)))
    nl_summary = build_summary(_diary(), _sessions(), LONG_START, END, "nl")
    corr = nl_summary["correlation"]["same_day"]
    lo, hi = corr["ci95"]
    nl = f"{_num(corr['rho'], 2, 'nl')} ({_num(lo, 2, 'nl')} tot {_num(hi, 2, 'nl')})"
    assert nl in long_text
    words = " ".join(long_text.split())
    assert "Dezelfde dag, t.o.v. het eigen 4-weeksgemiddelde" in words
    assert "je stress" not in words
    assert "Bespreek het gerust" not in words


@pytest.mark.skipif(PDFINFO is None, reason="pdfinfo (poppler-utils) reads the metadata")
def test_metadata_names_the_period_and_the_app(english: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(english)
    assert PDFINFO is not None
    info = subprocess.run(
        [PDFINFO, "-enc", "UTF-8", str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    fields = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in info.splitlines())}
    assert fields["Title"] == "RugDiary report 2026-03-02 to 2026-03-29"
    assert fields["Creator"] == "RugDiary 0.1.0"
    assert "RugDiary" in fields["Producer"]
    assert fields["Subject"]
    assert fields["Pages"] == "2"
    assert fields["Page size"].startswith("595.")  # A4


def test_font_is_embedded_so_unicode_prints_everywhere(english: bytes, tmp_path: Path) -> None:
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) lists the embedded fonts")
    path = tmp_path / "report.pdf"
    path.write_bytes(english)
    fonts = subprocess.run([pdffonts, str(path)], capture_output=True, check=True, text=True)
    lines = [line for line in fonts.stdout.splitlines() if "DejaVuSans" in line]
    assert lines
    assert all(" yes yes yes " in f" {' '.join(line.split()[4:7])} " for line in lines)


def test_unicode_name_and_questions_render(tmp_path: Path) -> None:
    text = "\n".join(
        _pages(_pdf(patient_name="Zoë Brontë", questions="Mag ik fietsen? Ça va — ρ?"), tmp_path)
    )
    assert "Zoë Brontë" in text
    assert "Ça va — ρ?" in text


def test_empty_period_gives_a_short_calm_report(tmp_path: Path) -> None:
    data = build_report_pdf(
        [],
        [],
        START,
        END,
        questions="What should I log?",
        app_version="0.1.0",
        generated_at=MADE,
    )
    pages = _pages(data, tmp_path)
    assert len(pages) == 1
    text = " ".join("\n".join(pages).split())
    assert "Nothing was logged in this period" in text
    assert "What should I log?" in text
    assert "does not diagnose" in text
    assert "Page 1 of 1" in text


def test_report_is_deterministic_for_the_same_diary() -> None:
    assert _pdf() == _pdf()


def test_long_periods_show_first_and_recent_weeks(tmp_path: Path) -> None:
    start = END - timedelta(days=181)
    entries = generate_demo_entries(240, seed=5, end=END, tz=TZ)
    pages = _pages(_pdf(entries=entries, start=start, include_appendix=True), tmp_path)
    first = _squash(pages[0])
    assert "weeks in between are in the chart and in the appendix" in " ".join(first.split())
    week_rows = [line for line in first.splitlines() if re.match(r"\s*\d{1,2}(–| )", line)]
    assert len(week_rows) <= 14
    assert any("Appendix: every week in the period" in page for page in pages)


def test_refuses_unknown_language_and_reversed_period() -> None:
    with pytest.raises(ValueError, match="language"):
        _pdf(lang="de")
    with pytest.raises(ValueError, match="before the start"):
        _pdf(start=END, end=START)


def test_flare_up_runs_join_consecutive_days_only() -> None:
    entries = [
        DiaryEntry(at=_at(day, 9), pain=6, stress=3, flare_up=True, tags=(tag,))
        for day, tag in (
            (date(2026, 3, 3), "lifting"),
            (date(2026, 3, 4), "sitting"),
            (date(2026, 3, 4), "lifting"),
            (date(2026, 3, 9), "long drive"),
        )
    ]
    data = collect_report_data(entries, [], START, END)
    runs = [(f.first, f.last, f.days, f.tags) for f in data.flare_ups]
    assert runs == [
        (date(2026, 3, 3), date(2026, 3, 4), 2, ("lifting", "sitting")),
        (date(2026, 3, 9), date(2026, 3, 9), 1, ("long drive",)),
    ]


FEAR_WORDS: dict[str, Sequence[str]] = {
    "en": ("damage", "wear and tear", "degenerat", "injur", "protect your back", "brace", "rigid"),
    "nl": ("schade", "slijtage", "degeneratie", "letsel", "bescherm je rug", "aanspan", "stijf"),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_report_texts_avoid_fear_words_and_cause_claims(lang: str) -> None:
    texts = " ".join(report_texts.TEXTS[lang].values()).lower()
    for word in FEAR_WORDS[lang]:
        assert word not in texts, word
    assert "causes your pain" not in texts
    assert set(report_texts.TEXTS["en"]) == set(report_texts.TEXTS["nl"])


def test_long_lists_show_the_most_recent_and_say_how_many_more(tmp_path: Path) -> None:
    start = date(2025, 1, 1)
    end = date(2025, 12, 31)
    days = [start + timedelta(days=3 * i) for i in range(20)]
    entries = [
        DiaryEntry(
            at=_at(day, 9),
            pain=5,
            stress=4,
            flare_up=True,
            for_physio=True,
            note=f"note number {i:02d}",
        )
        for i, day in enumerate(days)
    ]
    pages = _pages(_pdf(entries=entries, start=start, end=end, include_appendix=True), tmp_path)
    text = " ".join(" ".join(pages[:2]).split())
    # As many as fit two pages (at most 6 each), and how many more there are.
    flares = re.search(r"The (\d+) most recent of 20 flare-ups are listed", text)
    notes = re.search(r"The (\d+) most recent of 20 marked entries are listed", text)
    assert flares is not None
    assert notes is not None
    assert 1 <= int(flares.group(1)) <= 6
    assert 1 <= int(notes.group(1)) <= 6
    assert "every entry is in the appendix" in text
    assert "Appendix" not in text  # pages 1-2 hold the report itself
    before_appendix = " ".join(pages[:2])
    assert "note number 19" in before_appendix
    assert "note number 00" not in before_appendix  # the oldest only in the appendix
    assert "note number 00" in " ".join(pages[2:])


def test_reminder_answers_of_the_period_are_counted(tmp_path: Path) -> None:
    from rugdiary.core.reminders import ReminderState, week_key

    inside, outside = week_key(END), week_key(START - timedelta(days=30))
    state = ReminderState.from_dict(
        {
            "weekly": {
                inside: {"diary": {"done": 3, "snoozed": 1, "skipped": 2}},
                outside: {"diary": {"done": 9, "snoozed": 9, "skipped": 9}},
            }
        }
    )
    text = _squash(" ".join(_pages(_pdf(reminders=state), tmp_path)))
    assert "Reminders in this period: diary 3 done, 1 later, 2 skipped." in text
    dutch = _squash(" ".join(_pages(_pdf(reminders=state, lang="nl"), tmp_path)))
    assert "Herinneringen in deze periode: dagboek 3 gedaan, 1 later, 2 overgeslagen." in dutch
    assert "Reminders in this period" not in _squash(" ".join(_pages(_pdf(), tmp_path)))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The most recent of 20 flare-ups is listed; the chart shows them all."),
        ("nl", "Hier staat de laatste van 20 opvlammingen; de grafiek laat ze allemaal zien."),
    ],
)
def test_a_list_cut_to_one_says_so_in_the_singular(lang: str, expected: str) -> None:
    from types import SimpleNamespace

    from rugdiary.reports.pdf import _Writer

    said: list[str] = []
    writer = SimpleNamespace(
        options=SimpleNamespace(include_appendix=False),
        t=lambda key, **values: report_texts.text(key, lang, **values),
        para=lambda text, **_style: said.append(text),
    )
    _Writer._left_out(writer, "flares_left_out", 20, 1)  # type: ignore[arg-type]
    assert said == [expected]
