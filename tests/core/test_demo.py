"""The seeded sample diary: believable, repeatable, and in the person's language."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from rugdiary.core.content import Library, load_library
from rugdiary.core.demo import CORE_PROGRAM, DEMO_TEXTS, generate_demo_diary, generate_demo_entries
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import StopReason
from rugdiary.resources import resources_dir

END = date(2026, 3, 31)


def test_same_seed_gives_the_same_diary() -> None:
    first = generate_demo_entries(90, 4, END, tz=UTC)
    second = generate_demo_entries(90, 4, END, tz=UTC)
    assert [(e.at, e.pain, e.stress, e.tags, e.note) for e in first] == [
        (e.at, e.pain, e.stress, e.tags, e.note) for e in second
    ]
    assert first[-1].at.date() <= END
    assert first[0].at.date() >= END - timedelta(days=89)


def test_dutch_demo_has_the_same_numbers_in_dutch_words() -> None:
    english = generate_demo_entries(200, 7, END, tz=UTC)
    dutch = generate_demo_entries(200, 7, END, tz=UTC, lang="nl")
    assert [(e.at, e.pain, e.stress, e.flare_up) for e in dutch] == [
        (e.at, e.pain, e.stress, e.flare_up) for e in english
    ]
    en, nl = DEMO_TEXTS["en"], DEMO_TEXTS["nl"]
    dutch_words = set(nl.stress_tags + nl.pain_tags + nl.ease_tags)
    english_only = set(en.stress_tags + en.pain_tags + en.ease_tags) - dutch_words
    tags = {tag for entry in dutch for tag in entry.tags}
    assert tags, "200 days of demo data have tags"
    assert tags <= dutch_words
    assert not tags & english_only
    notes = {entry.note for entry in dutch if entry.note}
    assert notes
    assert notes <= {*nl.flare_notes, nl.busy_note, nl.good_note}


@pytest.mark.parametrize("lang", sorted(DEMO_TEXTS))
def test_every_language_offers_the_same_number_of_choices(lang: str) -> None:
    """The seeded choices pick by position; a shorter list would change the numbers."""
    words, reference = DEMO_TEXTS[lang], DEMO_TEXTS["en"]
    for field in ("stress_tags", "pain_tags", "ease_tags", "flare_notes"):
        assert len(getattr(words, field)) == len(getattr(reference, field)), field


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="days"):
        generate_demo_entries(-1, 1, END)


# -- Up to now, with exercise sessions ---------------------------------------------------------

NOW = datetime(2026, 3, 31, 18, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def builtin_library() -> Library:
    return load_library(resources_dir())


def test_nothing_is_dated_after_now(builtin_library: Library) -> None:
    for hour in (0, 7, 18, 23):
        now = NOW.replace(hour=hour)
        demo = generate_demo_diary(60, 2, now, builtin_library)
        assert max(e.at for e in demo.entries) <= now
        assert all(e.created <= now for e in demo.entries)
        assert max(s.ended_at for s in demo.sessions) <= now
    # The entries up to now are the ones a later "now" would give as well.
    early = generate_demo_entries(60, 2, NOW.date(), UTC, now=NOW)
    late = generate_demo_entries(60, 2, NOW.date(), UTC)
    assert [(e.at, e.pain) for e in early] == [(e.at, e.pain) for e in late if e.at <= NOW]


def test_sessions_look_like_a_person_keeping_at_it(builtin_library: Library) -> None:
    demo = generate_demo_diary(120, 1, NOW, builtin_library)
    sessions = demo.sessions
    assert len(sessions) >= 60
    completed = [s for s in sessions if s.completed]
    stopped = [s for s in sessions if not s.completed]
    assert 0.75 <= len(completed) / len(sessions) < 1
    assert {s.stopped_reason for s in stopped} >= {StopReason.PAIN, StopReason.TIME}
    for s in stopped:
        assert s.done_s < s.planned_s
        assert s.stopped_reason is not None
    for s in completed:
        assert s.stopped_reason is None
        assert s.done_s <= s.planned_s
    # Pain before and after, mostly answered, sometimes higher afterwards.
    answered = [s for s in sessions if s.pain_after is not None and s.pain_before is not None]
    assert len(answered) > 0.85 * len(sessions)
    assert any(
        s.pain_after is not None and s.pain_before is not None and s.pain_after > s.pain_before
        for s in sessions
    )
    assert any(s.pain_after is None for s in sessions)
    # One level change in the core programme, from beginner to intermediate, never back.
    core = [s for s in sessions if s.program_id == CORE_PROGRAM]
    levels = [s.level for s in sorted(core, key=lambda s: s.started_at)]
    assert levels[0] is Level.BEGINNER
    assert levels[-1] is Level.INTERMEDIATE
    assert levels == sorted(levels, key=list(Level).index)
    # Every session names a real programme in the chosen language, with its real length.
    programs = builtin_library.programs
    for s in sessions:
        assert s.program_name == programs[s.program_id].name.en
    assert {s.program_id for s in sessions} >= {CORE_PROGRAM, "morning-mobility", "desk-break"}


def test_sessions_are_seeded_and_in_the_persons_language(builtin_library: Library) -> None:
    first = generate_demo_diary(90, 4, NOW, builtin_library)
    again = generate_demo_diary(90, 4, NOW, builtin_library)
    assert [s.to_dict() for s in first.sessions] == [s.to_dict() for s in again.sessions]
    dutch = generate_demo_diary(90, 4, NOW, builtin_library, lang="nl")
    assert [(s.started_at, s.pain_after) for s in dutch.sessions] == [
        (s.started_at, s.pain_after) for s in first.sessions
    ]
    assert {s.program_name for s in dutch.sessions} <= {
        p.name.nl for p in builtin_library.programs.values()
    }


def test_pain_before_a_session_follows_the_diary(builtin_library: Library) -> None:
    """Near that day's entry, or the next day's when that was higher (the rise had begun)."""
    demo = generate_demo_diary(120, 1, NOW, builtin_library)
    evening = {e.at.date(): e.pain for e in demo.entries if e.at.hour >= 12}
    first = {e.at.date(): e.pain for e in sorted(demo.entries, key=lambda e: e.at, reverse=True)}
    close = far = 0
    for s in demo.sessions:
        day = s.started_at.date()
        if day not in evening or s.pain_before is None:
            continue
        usual = max(evening[day], first.get(day + timedelta(days=1), 0))
        if min(abs(s.pain_before - evening[day]), abs(s.pain_before - usual)) <= 1:
            close += 1
        else:
            far += 1
    assert close > 30
    assert far <= 0.05 * (close + far)


def test_bad_days_have_fewer_sessions(builtin_library: Library) -> None:
    demo = generate_demo_diary(365, 3, NOW, builtin_library)
    evening = {e.at.date(): e.pain for e in demo.entries if e.at.hour >= 12}
    played = {s.started_at.date() for s in demo.sessions}
    bad = [day for day, pain in evening.items() if pain >= 6]
    good = [day for day, pain in evening.items() if pain <= 4]
    assert bad
    assert good
    share_bad = sum(day in played for day in bad) / len(bad)
    share_good = sum(day in played for day in good) / len(good)
    assert share_bad < share_good
