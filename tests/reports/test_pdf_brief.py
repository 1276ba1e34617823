"""Report page 1 answers first: the brief for the physiotherapist, marks for better and worse,
partial weeks, the weekly lines of the other scores, and the data of other helpers (PSFS
activities, flare-up records, body regions) drawn by duck typing from local stand-ins."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rugdiary.core.demo import generate_demo_diary
from rugdiary.core.diary import DiaryEntry
from rugdiary.core.exercises import Level
from rugdiary.core.reminders import ReminderState, week_key
from rugdiary.core.sessions import Session
from rugdiary.reports import report_texts
from rugdiary.reports.pdf import build_report_pdf, collect_report_data
from tests.reports.test_pdf import END, MADE, PDFTOTEXT, START, TZ, _at, _pages

pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not installed")


@dataclass(frozen=True)
class StandInChange:
    """Shaped like core.activities.ActivityChange (another helper's module, not imported)."""

    activity_id: str
    name: str
    first_score: int
    first_at: datetime
    last_score: int
    last_at: datetime
    change: int
    matters: bool


@dataclass(frozen=True)
class StandInFlare:
    """Shaped like core.flares.FlareRecord."""

    id: str
    start: datetime
    end: datetime | None
    helped: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""


def _known_diary(first_pain: int = 6, last_pain: int = 4, days: int = 28) -> list[DiaryEntry]:
    """`days` days from START: pain `first_pain` in the first two weeks, `last_pain` after."""
    entries = []
    for i in range(days):
        day = START + timedelta(days=i)
        entries.append(
            DiaryEntry(
                at=_at(day, 20),
                pain=first_pain if i < 14 else last_pain,
                stress=3 + i % 3,
                confidence=4 if i < 14 else 6,
                mood=5,
                work_demand=7 if day.weekday() < 5 else None,
                support=8,
                flare_up=date(2026, 3, 10) <= day <= date(2026, 3, 12),
                tags=("gardening",) if day == date(2026, 3, 10) else (),
            )
        )
    return entries


def _session(day: date) -> Session:
    start = _at(day, 18)
    return Session(
        program_id="core",
        program_name="Core stability",
        level=Level.BEGINNER,
        started_at=start,
        ended_at=start + timedelta(minutes=15),
        planned_s=900,
        done_s=900,
        steps_done=10,
        steps_skipped=0,
        completed=True,
    )


ACTIVITIES = (
    StandInChange("a1", "Put on socks", 3, _at(START, 9), 6, _at(END, 9), 3, True),
    StandInChange("a2", "Sit through a meeting", 5, _at(START, 9), 6, _at(END, 9), 1, False),
)
FLARES = (
    StandInFlare("f1", _at(date(2026, 3, 11), 8), _at(date(2026, 3, 14), 18), "walking"),
    StandInFlare("f2", _at(date(2026, 3, 27), 7), None, "", ("lifting",), "After moving boxes"),
    StandInFlare("f3", _at(date(2026, 1, 5), 7), _at(date(2026, 1, 6), 7), "outside"),
)
REGIONS = {"lower_back_centre": 12, "lower_back_left": 3, "buttock_right": 0}


def _reminders(done: int, skipped: int) -> ReminderState:
    counts = {"exercise": {"done": done, "snoozed": 4, "skipped": skipped}}
    return ReminderState.from_dict({"weekly": {week_key(END): counts}})


def _report(lang: str = "en", **kwargs: Any) -> bytes:
    options: dict[str, Any] = {
        "lang": lang,
        "questions": "Can I run again?",
        "app_version": "0.1.0",
        "generated_at": MADE,
    }
    options.update(kwargs)
    entries = options.pop("entries", _known_diary())
    sessions = options.pop("sessions", [_session(START + timedelta(days=3))])
    start = options.pop("start", START)
    end = options.pop("end", END)
    return build_report_pdf(entries, sessions, start, end, **options)


def _words(text: str) -> str:
    return " ".join(text.split())


def _full(lang: str = "en", **kwargs: Any) -> bytes:
    return _report(
        lang,
        reminders=_reminders(done=1, skipped=1),
        activity_changes=ACTIVITIES,
        flare_records=FLARES,
        region_counts=REGIONS,
        **kwargs,
    )


def test_first_page_brief_in_english(tmp_path: Path) -> None:
    pages = _pages(_full(), tmp_path)
    assert len(pages) <= 2
    first = _words(pages[0])
    assert "In brief" in first
    assert (
        "Pain ● Pain fell from 6.0 in the first two weeks to 4.0 in the last two weeks (14 and "
        "14 days logged): −2.0 (−33%), better by at least the 2 points or 30% that usually "
        "matter to people."
    ) in first
    assert "Diary Logged on 28 of 28 days (100%), 28 entries in all." in first
    assert (
        "Exercise 1 session with the app (0.2 a week, 15 minutes in all). "
        "Exercise reminders: 1 of 2 planned sessions done."
    ) in first
    assert (
        "Flare-ups 2 flare-ups (8 days in all), the last since 27 Mar, ongoing. "
        "What helped: walking."
    ) in first
    assert (
        "Activities ● PSFS (0 cannot – 10 as before), first → latest: Put on socks 3 → 6 "
        "(better); Sit through a meeting 5 → 6. Mean 4.0 → 6.0: better by at least 2 points, "
        "beyond measurement error."
    ) in first
    # The person's own questions follow on page 1, before the tables.
    assert first.index("Can I run again?") < first.index("Pain per week")


def test_first_page_brief_in_dutch(tmp_path: Path) -> None:
    first = _words(_pages(_full("nl"), tmp_path)[0])
    assert "In het kort" in first
    assert (
        "Pijn ● De pijn daalde van 6,0 in de eerste twee weken naar 4,0 in de laatste twee "
        "weken (14 en 14 dagen ingevuld): −2,0 (−33%), beter, met minstens de 2 punten of 30% "
        "die voor mensen meestal verschil maken."
    ) in first
    assert "Dagboek Ingevuld op 28 van 28 dagen (100%), 28 registraties in totaal." in first
    assert (
        "Oefenen 1 sessie met de app (0,2 per week, samen 15 minuten). "
        "Oefenherinneringen: 1 van 2 geplande sessies gedaan."
    ) in first
    assert (
        "Opvlammingen 2 opvlammingen (8 dagen in totaal), de laatste sinds 27 mrt, nog bezig. "
        "Wat hielp: walking."
    ) in first
    assert "Activiteiten ● PSK (0 lukt niet – 10 zoals vroeger), eerste → laatste:" in first
    assert "Put on socks 3 → 6 (beter)" in first
    assert "Mijn vragen voor deze afspraak" in first


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("en", "1 session with", "2 sessions with"), ("nl", "1 sessie met", "2 sessies met")],
)
def test_counts_are_pluralised(lang: str, one: str, two: str, tmp_path: Path) -> None:
    single = _words(_pages(_report(lang), tmp_path)[0])
    assert one in single
    double = _report(lang, sessions=[_session(START), _session(START + timedelta(days=1))])
    assert two in _words(_pages(double, tmp_path)[0])
    assert report_texts.count("session", 1, lang) == one.rsplit(" ", 1)[0]
    assert report_texts.count("day", 1, lang) in ("1 day", "1 dag")
    assert report_texts.count("day", 2, lang) in ("2 days", "2 dagen")
    assert report_texts.count("flare", 1, lang) in ("1 flare-up", "1 opvlamming")


def test_too_few_paired_days_prints_no_correlations(tmp_path: Path) -> None:
    entries = _known_diary(days=20)
    text = _words(" ".join(_pages(_report(entries=entries), tmp_path)))
    # 20 days with both scores; the first 6 have no 4-week baseline of 7 days yet.
    assert (
        "Too few days to describe how stress and pain go together: of 20 days with both "
        "scores, 14 days could be compared with the person's own 4-week average (a day counts "
        "once at least 7 days of the 4 weeks up to it are filled in), and at least 28 are "
        "needed. No correlations are shown for this period."
    ) in text
    assert "ρ" not in text
    assert "Pair of days" not in text
    dutch = _words(" ".join(_pages(_report("nl", entries=entries), tmp_path)))
    assert (
        "Te weinig dagen om te beschrijven hoe stress en pijn samengaan: van 20 dagen met "
        "beide scores konden er 14 worden vergeleken"
    ) in dutch
    assert "ρ" not in dutch


def test_worsening_is_marked_apart_from_improvement(tmp_path: Path) -> None:
    better = _pages(_report(), tmp_path)[0]
    worse = _pages(_report(entries=_known_diary(first_pain=3, last_pain=6)), tmp_path)[0]
    better_words, worse_words = _words(better), _words(worse)
    assert "Pain ● Pain fell from 6.0 in the first two weeks to 4.0" in better_words
    assert "Pain ▲ Pain rose from 3.0 in the first two weeks to 6.0" in worse_words
    assert "worse by at least the 2 points or 30%" in worse_words
    # In the weekly table: a dot and "better" against a triangle and "worse".
    assert "−2.0 (−33%) ● better" in better_words
    assert "+3.0 (+100%) ▲ worse" in worse_words
    assert "%) ▲ worse" not in better_words
    assert "%) ● better" not in worse_words
    # No change that matters: no mark, and it says so.
    flat = _words(_pages(_report(entries=_known_diary(5, 5)), tmp_path)[0])
    assert "Pain Pain was 5.0 in the first two weeks and 5.0 in the last two weeks" in flat
    assert "less than the 2 points or 30% that usually matter to people" in flat


def test_a_partial_first_week_is_labelled(tmp_path: Path) -> None:
    start = START + timedelta(days=3)  # a Thursday: the first ISO week has 4 days here
    english = _words(_pages(_report(start=start), tmp_path)[0])
    assert "5–8 Mar (partial week) 4/4" in english
    assert "9–15 Mar 7/7" in english  # whole weeks carry no label
    dutch = _words(_pages(_report("nl", start=start), tmp_path)[0])
    assert "5–8 mrt (onvolledig) 4/4" in dutch


def test_other_scores_get_one_weekly_line_each(tmp_path: Path) -> None:
    text = _words(_pages(_report(), tmp_path)[0])
    assert "Other scores per week" in text
    assert "Mean score (0–10) 2 Mar 9 Mar 16 Mar 23 Mar" in text
    assert "Confidence to move 4.0 4.0 6.0 6.0" in text
    assert "Mood 5.0 5.0 5.0 5.0" in text
    assert "Work demand 7.0 7.0 7.0 7.0" in text
    assert "Support 8.0 8.0 8.0 8.0" in text
    without = [e.replace(support=None, mood=None) for e in _known_diary()]
    partial = _words(_pages(_report(entries=without), tmp_path)[0])
    assert "Support 8.0" not in partial
    assert "Not filled in: mood, support." in partial
    dutch = _words(_pages(_report("nl"), tmp_path)[0])
    assert "Vertrouwen in bewegen 4,0 4,0 6,0 6,0" in dutch


def test_flare_records_merge_with_the_diary_runs() -> None:
    data = collect_report_data(_known_diary(), [], START, END, flare_records=FLARES)
    rows = [(f.first, f.last, f.helped, f.ongoing, f.tags, f.notes) for f in data.flare_ups]
    assert rows == [
        # Diary 10-12 March and the record 11-14 March are one flare-up.
        (date(2026, 3, 10), date(2026, 3, 14), ("walking",), False, ("gardening",), ()),
        # Still going: it runs to the end of the period.
        (date(2026, 3, 27), END, (), True, ("lifting",), ("After moving boxes",)),
    ]


def test_page_two_tables_for_flares_activities_and_regions(tmp_path: Path) -> None:
    text = _words(" ".join(_pages(_full(), tmp_path)))
    assert "Dates Days Tags What helped · notes" in text
    assert "10–14 Mar 5 gardening walking" in text
    assert "since 27 Mar, ongoing 3 lifting After moving boxes" in text
    assert "Own activities (PSFS)" in text
    assert "Put on socks 3 (2 Mar) 6 (29 Mar) +3 ● yes, better" in text
    assert "Sit through a meeting 5 (2 Mar) 6 (29 Mar) +1 no" in text
    assert (
        "Times each area was marked in this period: lower back, centre 12 · lower back, left 3."
    ) in text
    assert "buttock" not in text  # never marked: left out
    dutch = _words(" ".join(_pages(_full("nl"), tmp_path)))
    assert "onderrug, midden 12 · onderrug, links 3" in dutch
    assert "Eigen activiteiten (PSK)" in dutch


def test_no_activities_no_line(tmp_path: Path) -> None:
    text = _words(" ".join(_pages(_report(), tmp_path)))
    assert "Activities" not in text
    assert "PSFS" not in text
    assert "Where it hurts" not in text


def test_a_year_stays_at_two_pages_without_the_appendix(tmp_path: Path) -> None:
    from rugdiary.core.content import load_library
    from rugdiary.resources import resources_dir

    now = datetime(2026, 3, 29, 21, 0, tzinfo=TZ)
    demo = generate_demo_diary(365, 7, now, load_library(resources_dir()))
    start = now.date() - timedelta(days=364)
    data = build_report_pdf(
        demo.entries,
        demo.sessions,
        start,
        now.date(),
        questions="Is it fine to keep running?\nShould I change the program?",
        app_version="0.1.0",
        generated_at=MADE,
        reminders=_reminders(done=30, skipped=5),
        activity_changes=ACTIVITIES,
        flare_records=FLARES,
        region_counts=REGIONS,
    )
    pages = _pages(data, tmp_path)
    assert len(pages) <= 2, [page[:200] for page in pages]
    first = _words(pages[0])
    assert "In brief" in first
    assert "Pain per week" in first
    for lang in ("en", "nl"):
        report = build_report_pdf(
            demo.entries,
            demo.sessions,
            start,
            now.date(),
            lang=lang,
            app_version="0.1.0",
            generated_at=MADE,
        )
        assert len(_pages(report, tmp_path)) <= 2, lang


def test_the_change_in_pain_adds_up_from_the_printed_means(tmp_path: Path) -> None:
    """3.93 to 3.64 prints as 3.9 to 3.6; its change is −0.3 and −8% of the printed 3.9
    (−7% of the unrounded means would not add up for the reader)."""
    pains = [4] * 13 + [3] + [4] * 9 + [3] * 5
    entries = [
        dataclasses.replace(entry, pain=pain)
        for entry, pain in zip(_known_diary(), pains, strict=True)
    ]
    first = _words(_pages(_report(entries=entries), tmp_path)[0])
    assert "Pain fell from 3.9 in the first two weeks to 3.6 in the last two weeks" in first
    assert "days logged): −0.3 (−8%), less than the 2 points" in first


def test_session_counts_and_minutes_add_up_as_printed(tmp_path: Path) -> None:
    """A reader checks: the total minutes are the table's rows added up (each rounded),
    and the rate is over the weeks as printed, on page 1 and page 2 alike."""
    days = 29  # 4.1 weeks as printed: 29 sessions are 7.1 a week, not 29 / 4.14 = 7.0
    walk_s, core_s = 625, 632  # 15 walks 156.25 min, 14 core 147.47: rows 156 + 147 = 303
    sessions = [
        dataclasses.replace(
            _session(START + timedelta(days=i)),
            program_id="core" if i % 2 else "walk",
            program_name="Core stability" if i % 2 else "Walking",
            done_s=core_s if i % 2 else walk_s,
        )
        for i in range(days)
    ]
    assert round((15 * walk_s + 14 * core_s) / 60) == 304, "the unrounded total differs"
    pdf = _report(sessions=sessions, end=START + timedelta(days=days - 1))
    text = _words(" ".join(_pages(pdf, tmp_path)))
    assert "303 minutes in all" in text
    assert "304 minutes" not in text
    assert text.count("7.1 a week") == 2, "the brief and page 2 give the same rate"


def test_a_weeks_change_and_its_mark_follow_the_printed_means(tmp_path: Path) -> None:
    """Week 1 averages 4.17 and prints 4.2; week 2 averages 2.93 and prints 2.9. From the
    unrounded means the change read "−1.2 (−30%)" with no mark, beside a note that marks
    30% or more; from the printed ones it is −1.3, −31%, and marked."""
    entries = [
        DiaryEntry(at=_at(START + timedelta(days=i), 20), pain=p, stress=3)
        for i, p in enumerate([4, 4, 4, 4, 4, 5])
    ]
    entries += [
        DiaryEntry(at=_at(START + timedelta(days=7 + i), 20), pain=3, stress=3) for i in range(7)
    ]
    entries.append(DiaryEntry(at=_at(START + timedelta(days=13), 8), pain=2, stress=3))
    text = _words(_pages(_report(entries=entries, sessions=[]), tmp_path)[0])
    assert "4.2" in text
    assert "2.9" in text
    assert "−1.3 (−31%) ● better" in text
    assert "(−30%)" not in text
