"""Realistic sample diaries: a seeded, believable year of pain and stress for demos and tests."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from rugdiary.core.diary import DiaryEntry, Medication, new_entry

Language = Literal["en", "nl"]


@dataclass(frozen=True, slots=True)
class DemoTexts:
    """The words a sample diary is written in: tags and notes as a person would type them."""

    stress_tags: tuple[str, ...]
    pain_tags: tuple[str, ...]
    ease_tags: tuple[str, ...]
    flare_notes: tuple[str, ...]
    busy_note: str
    good_note: str


# Same length and order in every language: the seeded choices pick by position, so a
# Dutch demo has the very same numbers as the English one.
DEMO_TEXTS: dict[str, DemoTexts] = {
    "en": DemoTexts(
        stress_tags=("deadline", "conflict", "busy at work", "poor sleep"),
        pain_tags=("sitting", "lifting", "gardening", "long drive"),
        ease_tags=("walk", "exercise", "weekend away"),
        flare_notes=(
            "Stiff after a long drive; short walks helped.",
            "Flare-up, kept moving gently.",
        ),
        busy_note="Busy week, many deadlines.",
        good_note="Good day, walked in the park.",
    ),
    "nl": DemoTexts(
        stress_tags=("deadline", "ruzie", "druk op het werk", "slecht geslapen"),
        pain_tags=("zitten", "tillen", "tuinieren", "lange autorit"),
        ease_tags=("wandelen", "oefenen", "weekendje weg"),
        flare_notes=(
            "Stijf na een lange autorit; korte wandelingen hielpen.",
            "Opvlamming, rustig blijven bewegen.",
        ),
        busy_note="Drukke week, veel deadlines.",
        good_note="Goede dag, in het park gewandeld.",
    ),
}


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def generate_demo_entries(
    days: int, seed: int, end: date, tz: tzinfo | None = None, lang: Language = "en"
) -> list[DiaryEntry]:
    """About `days` days of entries ending on `end`, with a stress-to-pain pattern built in.

    Tags and notes are written in `lang`, the language the person has chosen, since a
    Dutch diary full of English tags would not look like theirs; the numbers do not
    depend on it.

    Stress follows a slow random walk with busier weekdays; pain drifts down over the
    months (people mostly improve), rises with the previous day's stress and with
    flare-ups, and some days are not logged, as in a real diary.
    """
    if days < 0:
        raise ValueError("days must be zero or more")
    words = DEMO_TEXTS[lang]
    rng = random.Random(seed)
    zone = tz if tz is not None else datetime.now().astimezone().tzinfo
    entries: list[DiaryEntry] = []
    stress_level = 4.0
    yesterday_stress = 4.0
    flare_days_left = 0
    for offset in range(days):
        day = end - timedelta(days=days - 1 - offset)
        progress = offset / max(days - 1, 1)
        weekday_load = 1.2 if day.weekday() < 5 else -1.0
        stress_level += rng.gauss(0, 0.8) + 0.25 * (4.2 - stress_level)
        stress = _clamp(stress_level + weekday_load + rng.gauss(0, 0.8))
        if flare_days_left == 0 and rng.random() < 0.02:
            flare_days_left = rng.randint(2, 4)
        flare = flare_days_left > 0
        flare_days_left = max(0, flare_days_left - 1)
        baseline = 5.2 - 2.0 * progress + 0.4 * math.sin(offset / 9)
        pain = _clamp(
            baseline
            + 0.45 * (yesterday_stress - 4)
            + 0.2 * (stress - 4)
            + (2.5 if flare else 0)
            + rng.gauss(0, 0.9)
        )
        yesterday_stress = stress
        if rng.random() < 0.12 and not flare:
            continue  # a day without an entry
        tags: list[str] = []
        if stress >= 6:
            tags.append(rng.choice(words.stress_tags))
        if pain >= 6:
            tags.append(rng.choice(words.pain_tags))
        if pain <= 3 and rng.random() < 0.4:
            tags.append(rng.choice(words.ease_tags))
        at = datetime.combine(day, time(20, rng.randint(0, 59)), zone)
        meds = (Medication("ibuprofen", "400 mg"),) if pain >= 7 and rng.random() < 0.6 else ()
        entries.append(
            new_entry(
                now=at,
                pain=pain,
                stress=stress,
                worst_pain=_clamp(pain + rng.choice((0, 1, 1, 2))),
                sleep=_clamp(7 - 0.4 * stress + rng.gauss(0, 1.2)),
                mood=_clamp(7 - 0.3 * pain - 0.3 * stress + rng.gauss(0, 1)),
                confidence=_clamp(8 - 0.5 * pain + rng.gauss(0, 1)),
                work_demand=_clamp(stress + rng.gauss(0, 1.2)) if day.weekday() < 5 else None,
                support=_clamp(6 + rng.gauss(0, 1.5)),
                activity_min=max(0, round(rng.gauss(45 - 3 * pain, 15))),
                flare_up=flare,
                tags=tags,
                medication=meds,
                note=_note(rng, pain, stress, flare, words),
                for_physio=flare and rng.random() < 0.5,
            )
        )
        if rng.random() < 0.08:
            # Some people also log in the morning.
            morning = datetime.combine(day, time(8, rng.randint(0, 59)), zone)
            entries.append(
                new_entry(
                    now=morning, pain=_clamp(pain + rng.gauss(0.5, 1)), stress=_clamp(stress - 1)
                )
            )
    return entries


def _note(rng: random.Random, pain: int, stress: int, flare: bool, words: DemoTexts) -> str:
    if flare and rng.random() < 0.6:
        return rng.choice(words.flare_notes)
    if stress >= 7 and rng.random() < 0.3:
        return words.busy_note
    if pain <= 2 and rng.random() < 0.2:
        return words.good_note
    return ""
