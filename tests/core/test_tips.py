"""The daily tips: calm wording in both languages, and one steady tip per day."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest

from rugdiary.core.content import forbidden_words
from rugdiary.core.tips import TIPS, tip_for, tip_text

MAX_CHARS = 140
"""A tip is read at a glance on the Today page; longer belongs in a leaflet."""


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_tip_uses_a_fear_word(lang: str) -> None:
    found = {tip.get(lang): forbidden_words(tip.get(lang), lang) for tip in TIPS}
    assert {text: words for text, words in found.items() if words} == {}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_tips_are_short(lang: str) -> None:
    assert [tip.get(lang) for tip in TIPS if len(tip.get(lang)) > MAX_CHARS] == []


def test_dutch_tips_use_je_not_u() -> None:
    formal = re.compile(r"\b(u|uw|heeft u|bent u)\b", re.IGNORECASE)
    assert [tip.nl for tip in TIPS if formal.search(tip.nl)] == []


def test_tips_carry_the_apps_message() -> None:
    english = " ".join(tip.en for tip in TIPS).lower()
    for theme in ("stress", "relax", "exercise", "keep moving", "move freely"):
        assert theme in english, theme


def test_the_same_day_gives_the_same_tip() -> None:
    day = date(2026, 3, 2)
    assert tip_for(day) is tip_for(date(2026, 3, 2))
    assert tip_text(day, "nl") == tip_for(day).nl
    assert tip_text(day, "de") == tip_for(day).en


def test_the_tip_changes_daily_and_every_tip_comes_round() -> None:
    start = date(2026, 3, 2)
    days = [start + timedelta(days=i) for i in range(len(TIPS))]
    shown = [tip_for(day) for day in days]
    assert all(a != b for a, b in itertools.pairwise(shown))
    assert set(shown) == set(TIPS)


def test_no_tip_says_a_word_twice_in_a_row() -> None:
    """ "telt ook, ook op een dag met meer pijn" read as a slip."""
    twice = re.compile(r"\b(\w+)\W+\1\b", re.IGNORECASE)
    assert [
        tip.get(lang) for tip in TIPS for lang in ("en", "nl") if twice.search(tip.get(lang))
    ] == []
