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
        (["numbness"], ["below_knee_left", "thigh_left"]),  # one leg: not "both legs"
        (["numbness"], []),
        (["tingling"], BOTH_BELOW_KNEE),  # §4 names numbness and weakness
        (["leg weakness"], ["below_knee_right"]),  # one leg, not getting worse
        (["weakness getting worse"], []),  # no leg marked: not said where
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


S = safety.UrgentSign


@pytest.mark.parametrize(
    ("tags", "regions", "signs"),
    [
        # Both legs: anything on the left leg and anything on the right (a thigh or
        # below the knee), not only both below the knee.
        (["numbness"], ["thigh_left", "thigh_right"], (S.NUMB_BOTH_LEGS,)),
        (["numbness"], ["below_knee_left", "thigh_right"], (S.NUMB_BOTH_LEGS,)),
        (["weakness"], ["thigh_left", "thigh_right", "below_knee_left"], (S.WEAK_BOTH_LEGS,)),
        (["doof gevoel"], ["thigh_right", "below_knee_left"], (S.NUMB_BOTH_LEGS,)),
        # Leg weakness that gets worse quickly: one leg is enough (CLINICAL.md §4).
        (["weakness getting worse"], ["below_knee_left"], (S.LEG_WEAKER_QUICKLY,)),
        (["krachtverlies wordt erger"], ["thigh_right"], (S.LEG_WEAKER_QUICKLY,)),
        (["leg getting weaker quickly"], [], (S.LEG_WEAKER_QUICKLY,)),
        (["been wordt snel zwakker"], [], (S.LEG_WEAKER_QUICKLY,)),
        # Several signs: each once, in the order of the tags.
        (
            ["saddle numbness", "sitting", "trouble passing urine", "rijbroekanesthesie"],
            [],
            (S.SADDLE_NUMBNESS, S.URINE_TROUBLE),
        ),
    ],
)
def test_red_flag_signs_say_which_sign_was_noted(
    tags: list[str], regions: list[str], signs: tuple[safety.UrgentSign, ...]
) -> None:
    entry = new_entry(now=NOW, pain=6, stress=4, tags=tags, regions=regions)
    assert safety.red_flag_signs(entry) == signs
    assert safety.needs_red_flag_notice(entry)


def test_the_legs_are_regions_of_the_body_map() -> None:
    from rugdiary.core.body_regions import BELOW_KNEE, REGION_IDS

    assert (safety.LEFT_LEG | safety.RIGHT_LEG).issubset(REGION_IDS)
    assert BELOW_KNEE <= safety.LEFT_LEG | safety.RIGHT_LEG
    assert not safety.LEFT_LEG & safety.RIGHT_LEG


def test_every_suggested_tag_names_a_sign_with_a_name_in_both_languages() -> None:
    for lang in ("en", "nl"):
        for tag in safety.RED_FLAG_TAGS[lang]:
            (sign,) = safety.red_flag_signs(new_entry(now=NOW, pain=5, stress=3, tags=[tag]))
            assert safety.SIGN_NAMES[sign].get(lang)
    assert set(safety.SIGN_NAMES) == set(safety.UrgentSign)


@pytest.mark.parametrize("tag", [*safety.RED_FLAG_TAGS["en"], *safety.RED_FLAG_TAGS["nl"]])
def test_every_sign_an_entry_can_name_is_in_the_urgent_group(tag: str) -> None:
    """So the notice after an entry may say "now" for every one of them."""
    (sign,) = safety.red_flag_signs(new_entry(now=NOW, pain=5, stress=3, tags=[tag]))
    key_words = {
        S.SADDLE_NUMBNESS: "saddle",
        S.URINE_TROUBLE: "pass urine",
        S.LEAKING: "leaking urine or stool",
        S.NUMB_BOTH_LEGS: "numbness in both legs",
        S.WEAK_BOTH_LEGS: "weakness or numbness in both legs",
        S.LEG_WEAKER_QUICKLY: "leg weakness that gets worse quickly",
    }
    assert key_words[sign] in " ".join(t.en for t in safety.URGENT_SIGNS)


def test_the_notice_after_an_entry_names_the_sign_and_says_to_contact_a_doctor_now() -> None:
    """It said "worth checking", "you can close this" and "rarely serious" after an urgent sign."""
    entry = new_entry(now=NOW, pain=4, stress=3, tags=["trouble passing urine"])
    text = safety.entry_notice_text("en", safety.red_flag_signs(entry))
    assert "new trouble starting to pass urine or stopping the flow" in text
    for point in ("now", "GP's urgent line", "out-of-hours GP service", "112"):
        assert point in text, point
    for play_down in ("worth checking", "close this", "rarely serious", "not serious"):
        assert play_down not in text.lower(), play_down


def test_the_dutch_notice_after_an_entry_names_the_sign_and_says_to_call_now() -> None:
    entry = new_entry(
        now=NOW,
        pain=4,
        stress=3,
        tags=["doof gevoel"],
        regions=["below_knee_left", "below_knee_right"],
    )
    text = safety.entry_notice_text("nl", safety.red_flag_signs(entry))
    assert "een doof gevoel in beide benen" in text
    for point in ("nu", "huisartsenpost", "112"):
        assert re.search(rf"\b{point}\b", text), point
    for play_down in ("sluiten", "zelden ernstig", "geen ernstige"):
        assert play_down not in text.lower(), play_down


def test_without_known_signs_the_notice_still_says_now() -> None:
    text = safety.entry_notice_text("en")
    assert text.startswith("You noted something a doctor should look at now")
    assert "•" not in text


@pytest.mark.parametrize(
    ("tags", "regions", "lang"),
    [
        (["saddle numbness"], [], "en"),
        (["moeite met plassen", "zitten"], [], "nl"),
        (["krachtverlies"], ["thigh_left", "thigh_right"], "nl"),
        (["sitting"], [], None),
    ],
)
def test_the_language_of_the_signs(tags: list[str], regions: list[str], lang: str | None) -> None:
    entry = new_entry(now=NOW, pain=4, stress=3, tags=tags, regions=regions)
    assert safety.signs_language(entry) == lang


def test_the_signs_read_plainly() -> None:
    """ "starting or stopping passing urine" and "krachtverlies in een been dat snel erger
    wordt" (read: the leg gets worse) were hard to follow."""
    english = " ".join(sign.en for sign in safety.URGENT_SIGNS)
    dutch = " ".join(sign.nl for sign in safety.URGENT_SIGNS)
    assert "stopping passing" not in english
    assert "starting to pass urine or stopping the flow" in english
    assert "dat snel erger wordt" not in dutch
    assert "een been dat snel zwakker wordt" in dutch
