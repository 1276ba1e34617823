"""The red-flag notice and the evidence page: calm wording, both languages, tag detection."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from rugdiary.core import evidence, safety
from rugdiary.core.content import forbidden_words
from rugdiary.core.diary import new_entry

NOW = datetime(2026, 3, 2, 9, 0).astimezone()
TEXTS = [*safety.all_texts(), *evidence.all_texts()]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_fear_words(lang: str) -> None:
    found = {t.get(lang): forbidden_words(t.get(lang), lang) for t in TEXTS}
    assert {text: words for text, words in found.items() if words} == {}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_tags_use_no_fear_words(lang: str) -> None:
    assert [t for t in safety.RED_FLAG_TAGS[lang] if forbidden_words(t, lang)] == []


def test_both_languages_are_present_and_differ() -> None:
    for text in TEXTS:
        assert text.en.strip()
        assert text.nl.strip()
        assert text.en != text.nl, text.en


def test_dutch_uses_je_not_u() -> None:
    formal = re.compile(r"\b(u|uw|heeft u|bent u)\b", re.IGNORECASE)
    assert [t.nl for t in TEXTS if formal.search(t.nl)] == []


def test_notice_carries_the_clinical_points() -> None:
    notice = safety.red_flag_notice("en")
    parts = [notice.intro, notice.urgent_heading, *notice.urgent, notice.soon_heading]
    everything = " ".join([*parts, *notice.soon, notice.closing]).lower()
    for point in (
        "112",
        "huisartsenpost",
        "huisarts",
        "does not diagnose",
        "both legs",
        "urine",
        "saddle",
        "sexual",
        "accident or fall",
        "fever",
        "weight loss",
        "cancer",
        "at night",
        "osteoporosis",
        "morning",
        "rarely serious",
        "when in doubt, ask",
    ):
        assert point in everything, point
    assert len(notice.urgent) == 5
    assert len(notice.soon) == 7


def test_dutch_notice_carries_the_clinical_points() -> None:
    notice = safety.red_flag_notice("nl")
    everything = " ".join([notice.intro, notice.urgent_heading, *notice.urgent, notice.closing])
    for point in ("112", "huisartsenpost", "geen diagnose", "beide benen", "zelden ernstig"):
        assert point in everything, point


def test_unknown_language_falls_back_to_english() -> None:
    assert safety.red_flag_notice("fr") == safety.red_flag_notice("en")


@pytest.mark.parametrize(
    "tags",
    [
        ["numbness in both legs"],
        ["Saddle Numbness"],
        ["  weakness   in both legs "],
        ["sitting", "trouble passing urine"],
        ["doof gevoel in zitvlak"],
        ["krachtverlies in beide benen"],
        ["rijbroekanesthesie"],
    ],
)
def test_red_flag_tags_bring_the_notice_back(tags: list[str]) -> None:
    entry = new_entry(now=NOW, pain=6, stress=4, tags=tags)
    assert safety.needs_red_flag_notice(entry)


@pytest.mark.parametrize("tags", [[], ["sitting", "deadline"], ["numbness"], ["left leg"]])
def test_ordinary_tags_do_not(tags: list[str]) -> None:
    entry = new_entry(now=NOW, pain=6, stress=4, tags=tags)
    assert not safety.needs_red_flag_notice(entry)


def test_a_note_alone_never_raises_the_notice() -> None:
    entry = new_entry(now=NOW, pain=3, stress=2, note="No numbness in both legs today")
    assert not safety.needs_red_flag_notice(entry)


def test_every_suggested_tag_is_recognised_in_both_languages() -> None:
    for lang in ("en", "nl"):
        assert len(safety.RED_FLAG_TAGS[lang]) == len(safety.RED_FLAG_TAGS["en"])
        for tag in safety.RED_FLAG_TAGS[lang]:
            assert tag == safety.normalize_tag(tag), "suggested tags are stored normalized"
            assert safety.matching_tags([tag.upper()]) == [tag.upper()]


def test_evidence_cites_only_known_sources_and_each_is_used() -> None:
    cited = evidence.source_keys()
    assert set(cited) <= set(evidence.SOURCES)
    assert set(evidence.SOURCES) <= set(cited)
    assert "Hayden21" in cited
    assert "Sarag16" in cited
    assert "the best program is the one you keep doing" in evidence.POINTS[0].text.en.lower()


BOTH_BELOW_KNEE = ["below_knee_left", "below_knee_right"]


@pytest.mark.parametrize(
    ("tags", "regions"),
    [
        (["numbness"], BOTH_BELOW_KNEE),
        (["Weakness"], BOTH_BELOW_KNEE),
        (["krachtverlies"], BOTH_BELOW_KNEE),
        (["doof gevoel"], [*BOTH_BELOW_KNEE, "lower_back_left"]),
        (["saddle numbness"], ["below_knee_left"]),
    ],
)
def test_the_body_map_and_a_sign_together_bring_the_notice_back(
    tags: list[str], regions: list[str]
) -> None:
    entry = new_entry(now=NOW, pain=6, stress=4, tags=tags, regions=regions)
    assert safety.needs_red_flag_notice(entry)


@pytest.mark.parametrize(
    ("tags", "regions"),
    [
        ([], BOTH_BELOW_KNEE),  # pain below the knee is an ordinary answer
        (["walking"], BOTH_BELOW_KNEE),
        (["numbness"], ["below_knee_left", "thigh_right"]),  # one leg: not "both legs"
        (["numbness"], []),
    ],
)
def test_pain_below_the_knee_alone_does_not(tags: list[str], regions: list[str]) -> None:
    entry = new_entry(now=NOW, pain=6, stress=4, tags=tags, regions=regions)
    assert not safety.needs_red_flag_notice(entry)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_body_map_words_use_no_fear_words(lang: str) -> None:
    from rugdiary.core.body_regions import REGION_IDS, region_label
    from rugdiary.reports import body_map_picture

    texts = [region_label(r, lang) for r in REGION_IDS]
    texts += [body_map_picture._CAPTION[lang], body_map_picture._NOTHING[lang]]
    assert [t for t in texts if forbidden_words(t, lang)] == []


def test_the_title_covers_both_lists() -> None:
    """ "When to get help now" stood over a list whose second half is "soon"."""
    assert safety.SOON_SIGNS
    assert not re.search(r"\bnow\b", safety.TITLE.en)
    assert not re.search(r"\b(direct|nu)\b", safety.TITLE.nl)


def test_the_dutch_bladder_sign_speaks_of_starting_or_stopping_the_flow() -> None:
    """ "het ophouden van plas" means holding it in, the opposite of the sign."""
    text = " ".join(sign.nl for sign in safety.URGENT_SIGNS)
    assert "ophouden van plas" not in text
    assert "het plassen te stoppen" in text
