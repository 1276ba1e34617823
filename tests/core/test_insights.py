"""Insight sentences: strength words, uncertainty, days still needed, and no causal claims."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rugdiary.core.insights import (
    MIN_DAYS,
    DiaryCheck,
    caveat_sentence,
    days_needed,
    format_number,
    format_period,
    numbers_line,
    pattern_blocker,
    strength_label,
    strength_word,
    stress_pain_sentence,
)

START = date(2026, 3, 2)
END = date(2026, 4, 26)

FORBIDDEN = {
    "en": [
        r"\bcaus",
        r"\bbecause\b",
        r"\bdue to\b",
        r"\bresult of\b",
        r"\bpsycholog",
        r"\bin your head\b",
        r"\bcure",
        r"\breduce (your )?stress\b",
        r"\bleads? to\b",
        r"\bmakes? your pain\b",
    ],
    "nl": [
        r"veroorza",
        r"\bomdat\b",
        r"\bkomt door\b",
        r"\bdoor (je |de )?stress\b",
        r"\bpsychisch",
        r"\bpsycholog",
        r"tussen (je|de) oren",
        r"\bgene(es|zen|zing)",
        r"\bminder stress\b",
        r"\bleidt tot\b",
    ],
}


@dataclass(frozen=True)
class Corr:
    rho: float | None
    ci95: tuple[float, float] | None
    n: int


OK = DiaryCheck(days_logged=56, span_days=56, pain_sd=2.0, stress_sd=2.0)
"""A diary the completeness and variation rules let through: the sentence follows ρ."""


def assert_no_causal_claim(text: str, lang: str) -> None:
    for pattern in FORBIDDEN[lang]:
        assert not re.search(pattern, text, flags=re.IGNORECASE), (pattern, text)


@pytest.mark.parametrize(
    ("rho", "label"),
    [
        (0.0, "none"),
        (0.09, "none"),
        (-0.094, "none"),
        (0.1, "weak"),
        (-0.25, "weak"),
        (0.299, "moderate"),  # shown as 0.30, so called moderate
        (0.3, "moderate"),
        (-0.45, "moderate"),
        (0.5, "moderate"),
        (0.51, "strong"),
        (-0.9, "strong"),
        (1.0, "strong"),
    ],
)
def test_strength_labels(rho: float, label: str) -> None:
    assert strength_label(rho) == label


def test_strength_words_in_both_languages() -> None:
    assert [strength_word(x, "en") for x in ("none", "weak", "moderate", "strong")] == [
        "no",
        "weak",
        "moderate",
        "strong",
    ]
    assert [strength_word(x, "nl") for x in ("none", "weak", "moderate", "strong")] == [
        "geen",
        "zwak",
        "middelsterk",
        "sterk",
    ]


def test_days_needed() -> None:
    assert MIN_DAYS == 28
    assert days_needed(0) == 28
    assert days_needed(12) == 16
    assert days_needed(27) == 1
    assert days_needed(28) == 0
    assert days_needed(400) == 0


def test_more_days_needed_sentence_names_the_exact_number() -> None:
    en = stress_pain_sentence(Corr(0.6, (0.1, 0.9), 12), START, date(2026, 3, 20), "en", check=OK)
    assert en == (
        "From 2 to 20 March 2026 there are 12 days to compare so far; log your pain and "
        "stress on at least 16 more days and RugDiary can show whether the two tend to rise "
        "and fall together."
    )
    nl = stress_pain_sentence(Corr(0.6, (0.1, 0.9), 12), START, date(2026, 3, 20), "nl", check=OK)
    assert nl == (
        "Van 2 tot en met 20 maart 2026 zijn er tot nu toe 12 dagen om te vergelijken; vul "
        "op nog minstens 16 dagen je pijn en stress in, dan kan RugDiary laten zien of die "
        "twee samen op en neer gaan."
    )
    # A rho below the minimum is never described, however large.
    assert "pattern" not in en
    assert "patroon" not in nl


def test_one_more_day_is_singular() -> None:
    en = stress_pain_sentence(Corr(None, None, 27), START, END, "en", check=OK)
    assert "at least 1 more day and" in en
    assert "27 days" in en
    nl = stress_pain_sentence(Corr(None, None, 27), START, END, "nl", check=OK)
    assert "nog minstens 1 dag je" in nl


def test_clear_positive_pattern() -> None:
    corr = Corr(0.41, (0.15, 0.62), 52)
    en = stress_pain_sentence(corr, START, END, "en", check=OK)
    assert en.startswith("From 2 March to 26 April 2026 (52 days compared)")
    assert "higher than usual for you" in en
    assert "higher too" in en
    assert "a moderate pattern, and probably not chance." in en
    assert "ρ" not in en, "plain words first; numbers in the details line"
    assert "CI" not in en
    assert "ρ = 0.41, 95% CI 0.15 to 0.62" in (numbers_line(corr, "en", check=OK) or "")
    assert "no clear pattern" not in en
    nl = stress_pain_sentence(corr, START, END, "nl", check=OK)
    assert nl.startswith("Van 2 maart tot en met 26 april 2026 (52 dagen vergeleken)")
    assert "een middelsterk patroon, en waarschijnlijk geen toeval." in nl
    assert "ρ" not in nl
    assert "ρ = 0,41; 95%-BI 0,15 tot 0,62" in (numbers_line(corr, "nl", check=OK) or "")
    assert "ook hoger" in nl


def test_clear_negative_pattern() -> None:
    corr = Corr(-0.62, (-0.78, -0.4), 60)
    en = stress_pain_sentence(corr, START, END, "en", check=OK)
    assert "tended to be lower" in en
    assert "a strong pattern" in en
    assert "ρ = −0.62, 95% CI −0.78 to −0.40" in (numbers_line(corr, "en", check=OK) or "")
    nl = stress_pain_sentence(corr, START, END, "nl", check=OK)
    assert "juist lager" in nl
    assert "een sterk patroon" in nl
    assert "−0,62" in (numbers_line(corr, "nl", check=OK) or "")


def test_interval_including_zero_is_no_clear_pattern_yet() -> None:
    corr = Corr(0.25, (-0.12, 0.56), 30)
    en = stress_pain_sentence(corr, START, END, "en", check=OK)
    assert "no clear pattern yet" in en
    assert "the link is weak and could well be chance" in en
    assert "a weak pattern" not in en
    nl = stress_pain_sentence(corr, START, END, "nl", check=OK)
    assert "nog geen duidelijk patroon" in nl
    assert "het verband is zwak en kan goed toeval zijn" in nl
    assert "0,25" in (numbers_line(corr, "nl", check=OK) or "")


def test_tiny_but_certain_link_is_not_called_a_pattern_worth_noting() -> None:
    corr = Corr(0.05, (0.01, 0.09), 2000)
    en = stress_pain_sentence(corr, START, END, "en", check=OK)
    assert "hardly moved together" in en
    assert "too small to matter" in en
    nl = stress_pain_sentence(corr, START, END, "nl", check=OK)
    assert "nauwelijks" in nl


def test_constant_series_sentence() -> None:
    en = stress_pain_sentence(Corr(None, None, 40), START, END, "en", check=OK)
    assert "stayed at the same level" in en
    assert "40 days" in en
    nl = stress_pain_sentence(Corr(None, None, 40), START, END, "nl", check=OK)
    assert "steeds even hoog" in nl


def test_numbers_line_names_what_was_compared_and_only_when_there_is_a_figure() -> None:
    corr = Corr(0.47, (0.28, 0.62), 80)
    assert numbers_line(corr, "en", check=OK) == (
        "Details: ρ = 0.47, 95% CI 0.28 to 0.62, n = 80 days; each day compared with what is "
        "usual for you (Spearman's ρ runs from −1 to 1)."
    )
    assert "elke dag vergeleken met wat voor jou gewoon is" in (
        numbers_line(corr, "nl", check=OK) or ""
    )
    assert (
        numbers_line(Corr(0.5, (0.1, 0.8), 27), "en", check=OK) is None
    )  # too few days: no figure
    assert numbers_line(Corr(None, None, 40), "nl", check=OK) is None


def test_periods() -> None:
    assert format_period(START, START) == "on 2 March 2026"
    assert format_period(START, date(2026, 3, 20), "nl") == "van 2 tot en met 20 maart 2026"
    assert format_period(date(2025, 12, 1), END) == "from 1 December 2025 to 26 April 2026"
    assert format_period(START, END, "nl") == "van 2 maart tot en met 26 april 2026"


def test_periods_month_first_follow_a_us_locale() -> None:
    assert format_period(START, START, month_first=True) == "on March 2, 2026"
    assert format_period(START, date(2026, 3, 20), month_first=True) == "from March 2 to 20, 2026"
    assert format_period(START, END, month_first=True) == "from March 2 to April 26, 2026"
    assert (
        format_period(date(2025, 12, 1), END, month_first=True)
        == "from December 1, 2025 to April 26, 2026"
    )
    # Dutch writes the day first whatever the flag says.
    assert (
        format_period(START, END, "nl", month_first=True) == "van 2 maart tot en met 26 april 2026"
    )
    sentence = stress_pain_sentence(
        Corr(0.5, (0.3, 0.7), 60), START, END, month_first=True, check=OK
    )
    assert sentence.startswith("From March 2 to April 26, 2026")


def test_numbers() -> None:
    assert format_number(0.4149) == "0.41"
    assert format_number(-0.004) == "0.00"
    assert format_number(-0.25, "nl") == "−0,25"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        stress_pain_sentence(Corr(0.3, (0.1, 0.5), 40), START, END, "de", check=OK)
    with pytest.raises(ValueError, match="language"):
        caveat_sentence("fr")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_caveat_says_moving_together_is_not_cause(lang: str) -> None:
    text = caveat_sentence(lang)
    assert_no_causal_claim(text, lang)
    assert ("physiotherapist" if lang == "en" else "fysiotherapeut") in text
    assert ("Moving together" if lang == "en" else "samen op en neer") in text


@given(
    rho=st.one_of(st.none(), st.floats(min_value=-1.0, max_value=1.0)),
    width=st.floats(min_value=0.0, max_value=1.0),
    n=st.integers(min_value=0, max_value=4000),
    lang=st.sampled_from(["en", "nl"]),
)
def test_no_sentence_ever_claims_a_cause(
    rho: float | None, width: float, n: int, lang: str
) -> None:
    ci = None if rho is None else (max(-1.0, rho - width), min(1.0, rho + width))
    text = stress_pain_sentence(Corr(rho, ci, n), START, END, lang, check=OK)
    assert_no_causal_claim(text, lang)
    assert text.endswith(".")
    assert text.count(". ") == 0  # one sentence
    if n < MIN_DAYS:
        assert str(days_needed(n)) in text
    elif rho is not None and ci is not None and (ci[0] > 0 or ci[1] < 0):
        assert "ρ" not in text, "the sentence is in words"
        assert ("ρ = " + format_number(rho, lang)) in (
            numbers_line(Corr(rho, ci, n), lang, check=OK) or ""
        )
        assert "no clear pattern" not in text


def test_insights_does_not_import_scipy_or_numpy() -> None:
    code = (
        "import sys, rugdiary.core.insights; "
        "bad = [m for m in ('scipy', 'numpy', 'matplotlib', 'PySide6') if m in sys.modules]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- CLINICAL.md §5: complete enough, and scores that vary ------------------------------------

SPARSE = DiaryCheck(days_logged=107, span_days=365, pain_sd=2.4, stress_sd=3.0)
FLAT = DiaryCheck(days_logged=91, span_days=91, pain_sd=0.48, stress_sd=0.48)
STRONG = Corr(0.62, (0.47, 0.73), 90)


def test_a_diary_filled_in_on_few_days_gets_the_reason_not_a_pattern() -> None:
    """A diary filled in on 29% of days was "a strong pattern, and probably not chance"."""
    en = stress_pain_sentence(STRONG, START, END, "en", check=SPARSE)
    assert en == (
        "From 2 March to 26 April 2026 you filled in 107 of the 365 days between your first "
        "and your last entry (29%), too few to describe a pattern between your stress and your "
        "pain: RugDiary needs at least 80% of the days, as the missing days could tell a "
        "different story."
    )
    nl = stress_pain_sentence(STRONG, START, END, "nl", check=SPARSE)
    assert nl.startswith(
        "Van 2 maart tot en met 26 april 2026 heb je 107 van de 365 dagen tussen je eerste en "
        "je laatste registratie ingevuld (29%), te weinig om een patroon"
    )
    assert "minstens 80% van de dagen" in nl
    for text in (en, nl):
        assert "patroon," not in text
        assert "strong" not in text
        assert "sterk" not in text
    assert numbers_line(STRONG, "en", check=SPARSE) is None
    assert numbers_line(STRONG, "nl", check=SPARSE) is None


def test_scores_that_hardly_move_get_too_little_variation_not_a_pattern() -> None:
    """Stress only ever 3 or 4 gave "a moderate pattern, and probably not chance"."""
    en = stress_pain_sentence(Corr(0.37, (0.18, 0.53), 91), START, END, "en", check=FLAT)
    assert en == (
        "From 2 March to 26 April 2026 (91 days compared) your stress and your pain hardly "
        "changed from day to day: there is too little variation yet to show whether your "
        "stress and your pain move together."
    )
    nl = stress_pain_sentence(Corr(0.37, (0.18, 0.53), 91), START, END, "nl", check=FLAT)
    assert nl == (
        "Van 2 maart tot en met 26 april 2026 (91 dagen vergeleken) veranderden je stress en "
        "je pijn van dag tot dag nauwelijks: er is nog te weinig variatie om te zien of je "
        "stress en je pijn samen op en neer gaan."
    )
    # One flat score: that one is named, and the Dutch verb is singular.
    flat_stress = DiaryCheck(days_logged=91, span_days=91, pain_sd=2.0, stress_sd=0.6)
    assert "your stress hardly changed" in stress_pain_sentence(
        STRONG, START, END, "en", check=flat_stress
    )
    assert "veranderde je stress van dag tot dag" in stress_pain_sentence(
        STRONG, START, END, "nl", check=flat_stress
    )
    flat_pain = DiaryCheck(days_logged=91, span_days=91, pain_sd=0.9, stress_sd=2.0)
    assert "your pain hardly changed" in stress_pain_sentence(
        STRONG, START, END, "en", check=flat_pain
    )
    # "ρ = 1.00, 95% CI 1.00 to 1.00" from two scores that move in step once in a while.
    assert numbers_line(Corr(1.0, (1.0, 1.0), 91), "en", check=FLAT) is None


def test_the_gates_start_exactly_at_80_percent_and_an_sd_of_1() -> None:
    corr = Corr(0.41, (0.15, 0.62), 80)
    just = DiaryCheck(days_logged=80, span_days=100, pain_sd=1.0, stress_sd=1.0)
    assert pattern_blocker(corr, just) is None
    assert "a moderate pattern" in stress_pain_sentence(corr, START, END, check=just)
    assert pattern_blocker(corr, DiaryCheck(79, 100, 2.0, 2.0)) == "sparse"
    assert pattern_blocker(corr, DiaryCheck(80, 100, 0.99, 2.0)) == "little_variation"
    assert pattern_blocker(corr, DiaryCheck(80, 100, 2.0, None)) == "little_variation"
    # Too few days comes first: it is what the person can do something about soonest.
    assert pattern_blocker(Corr(0.41, (0.15, 0.62), 27), SPARSE) == "few_days"


def test_one_day_to_compare_is_singular() -> None:
    en = stress_pain_sentence(Corr(None, None, 1), START, END, "en", check=OK)
    assert "there is 1 day to compare so far" in en
    nl = stress_pain_sentence(Corr(None, None, 1), START, END, "nl", check=OK)
    assert "is er tot nu toe 1 dag om te vergelijken" in nl
    assert "there are 2 days to compare" in stress_pain_sentence(
        Corr(None, None, 2), START, END, "en", check=OK
    )


@given(
    rho=st.one_of(st.none(), st.floats(min_value=-1.0, max_value=1.0)),
    n=st.integers(min_value=0, max_value=4000),
    logged=st.integers(min_value=0, max_value=400),
    missing=st.integers(min_value=0, max_value=400),
    pain_sd=st.one_of(st.none(), st.floats(min_value=0.0, max_value=5.0)),
    stress_sd=st.one_of(st.none(), st.floats(min_value=0.0, max_value=5.0)),
    lang=st.sampled_from(["en", "nl"]),
)
def test_every_reason_is_one_calm_sentence_without_figures(
    rho: float | None,
    n: int,
    logged: int,
    missing: int,
    pain_sd: float | None,
    stress_sd: float | None,
    lang: str,
) -> None:
    check = DiaryCheck(logged, logged + missing if logged else 0, pain_sd, stress_sd)
    ci = None if rho is None else (max(-1.0, rho - 0.2), min(1.0, rho + 0.2))
    corr = Corr(rho, ci, n)
    text = stress_pain_sentence(corr, START, END, lang, check=check)
    assert_no_causal_claim(text, lang)
    assert text.endswith(".")
    assert text.count(". ") == 0
    blocker = pattern_blocker(corr, check)
    if blocker is not None:
        assert numbers_line(corr, lang, check=check) is None
        assert "probably not chance" not in text
        assert "waarschijnlijk geen toeval" not in text
