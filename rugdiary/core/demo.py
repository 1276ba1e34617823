"""Realistic sample diaries: a seeded, believable year of pain and stress for demos and tests."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta, tzinfo

from rugdiary.core.diary import DiaryEntry, Medication, new_entry

STRESS_TAGS = ("deadline", "conflict", "busy at work", "poor sleep")
PAIN_TAGS = ("sitting", "lifting", "gardening", "long drive")
EASE_TAGS = ("walk", "exercise", "weekend away")


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def generate_demo_entries(
    days: int, seed: int, end: date, tz: tzinfo | None = None
) -> list[DiaryEntry]:
    """About `days` days of entries ending on `end`, with a stress-to-pain pattern built in.

    Stress follows a slow random walk with busier weekdays; pain drifts down over the
    months (people mostly improve), rises with the previous day's stress and with
    flare-ups, and some days are not logged, as in a real diary.
    """
    if days < 0:
        raise ValueError("days must be zero or more")
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
            tags.append(rng.choice(STRESS_TAGS))
        if pain >= 6:
            tags.append(rng.choice(PAIN_TAGS))
        if pain <= 3 and rng.random() < 0.4:
            tags.append(rng.choice(EASE_TAGS))
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
                note=_note(rng, pain, stress, flare),
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


def _note(rng: random.Random, pain: int, stress: int, flare: bool) -> str:
    if flare and rng.random() < 0.6:
        return rng.choice(
            ("Stiff after a long drive; short walks helped.", "Flare-up, kept moving gently.")
        )
    if stress >= 7 and rng.random() < 0.3:
        return "Busy week, many deadlines."
    if pain <= 2 and rng.random() < 0.2:
        return "Good day, walked in the park."
    return ""
