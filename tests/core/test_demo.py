"""The seeded sample diary: believable, repeatable, and in the person's language."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest

from rugdiary.core.demo import DEMO_TEXTS, generate_demo_entries

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
