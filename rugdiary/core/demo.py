"""Realistic sample diaries: seeded, believable months of pain, stress and exercise sessions."""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from rugdiary.core.content import Library
from rugdiary.core.diary import DiaryEntry, Medication, new_entry
from rugdiary.core.exercises import Level
from rugdiary.core.programs import build_timeline
from rugdiary.core.sessions import Session, StopReason

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
    days: int,
    seed: int,
    end: date,
    tz: tzinfo | None = None,
    lang: Language = "en",
    *,
    now: datetime | None = None,
) -> list[DiaryEntry]:
    """About `days` days of entries ending on `end`, with a stress-to-pain pattern built in.

    With `now`, nothing is dated after it: at six in the evening, today's evening entry has
    not been written yet. The other entries stay the same.

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
                regions=_demo_regions(pain, flare, offset),
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
    if now is not None:
        entries = [entry for entry in entries if entry.at <= now]
    return entries


def _demo_regions(pain: int, flare: bool, offset: int) -> tuple[str, ...]:
    """Where a sample day hurts, from its pain alone: the random draws stay as they were.

    Mostly the middle of the lower back, spreading to one side and the buttock on worse
    days; never below the knee, which is for real diaries to show.
    """
    regions: list[str] = []
    if pain >= 3:
        regions.append("lower_back_centre")
    if pain >= 5:
        regions.append("lower_back_left" if offset % 3 else "lower_back_right")
    if flare or pain >= 7:
        regions.append("buttock_left")
    if pain >= 7 and offset % 2:
        regions.append("thigh_left")
    return tuple(regions)


def _note(rng: random.Random, pain: int, stress: int, flare: bool, words: DemoTexts) -> str:
    if flare and rng.random() < 0.6:
        return rng.choice(words.flare_notes)
    if stress >= 7 and rng.random() < 0.3:
        return words.busy_note
    if pain <= 2 and rng.random() < 0.2:
        return words.good_note
    return ""


# ---------------------------------------------------------------------------------------------
# Exercise sessions

CORE_PROGRAM = "core-stability-beginner"
"""The programme the demo person follows three times a week, moving up a level on the way."""

LEVEL_UP_AFTER_DAYS = 35
"""Days at the beginner level before the demo moves up: past the app's two-week rule."""

_OTHER_PROGRAMS: tuple[tuple[str, float, tuple[int, int], bool], ...] = (
    # (programme, chance on a day, start hour range, workdays only)
    ("morning-mobility", 0.3, (7, 8), False),
    ("desk-break", 0.35, (10, 15), True),
)
_STRESS_RELIEF = "stress-relief"


@dataclass(frozen=True, slots=True)
class DemoDiary:
    """A sample diary: its entries and the exercise sessions played alongside them."""

    entries: list[DiaryEntry]
    sessions: list[Session]


def generate_demo_diary(
    days: int,
    seed: int,
    now: datetime,
    library: Library,
    lang: Language = "en",
) -> DemoDiary:
    """`days` days up to `now`: entries, and sessions whose pain follows those entries."""
    entries = generate_demo_entries(days, seed, now.date(), now.tzinfo, lang, now=now)
    sessions = generate_demo_sessions(days, seed, now, library, entries=entries, lang=lang)
    return DemoDiary(entries, sessions)


def generate_demo_sessions(
    days: int,
    seed: int,
    now: datetime,
    library: Library,
    *,
    entries: Sequence[DiaryEntry] = (),
    lang: Language = "en",
) -> list[Session]:
    """Sessions over the `days` days up to `now`, as a person who keeps at it plays them.

    Core stability three times a week (most weeks, not all), moving from beginner to
    intermediate after five weeks; morning mobility and desk breaks now and then; stress
    relief on some stressful evenings. About one in ten is stopped early (for time, now
    and then for pain), pain is asked before and after (and sometimes left unanswered),
    and the pain before follows that day's diary entry. Nothing starts or ends after `now`.
    """
    if days < 0:
        raise ValueError("days must be zero or more")
    rng = random.Random(f"demo-sessions-{seed}")
    day_pain = {e.at.date(): e.pain for e in sorted(entries, key=lambda e: e.at)}
    day_stress = {e.at.date(): e.stress for e in sorted(entries, key=lambda e: e.at)}
    first_pain = {e.at.date(): e.pain for e in sorted(entries, key=lambda e: e.at, reverse=True)}
    first = now.date() - timedelta(days=max(days - 1, 0))
    level_up_day = first + timedelta(days=LEVEL_UP_AFTER_DAYS)
    sessions: list[Session] = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        workday = day.weekday() < 5
        plan: list[tuple[str, Level | None, datetime]] = []
        if day.weekday() in (0, 2, 4) and rng.random() < 0.85:
            core_level = Level.INTERMEDIATE if day >= level_up_day else Level.BEGINNER
            plan.append((CORE_PROGRAM, core_level, _at(rng, day, (17, 18), now)))
        for program_id, chance, hours, workdays_only in _OTHER_PROGRAMS:
            if rng.random() < chance and (workday or not workdays_only):
                plan.append((program_id, None, _at(rng, day, hours, now)))
        if day_stress.get(day, 0) >= 6 and rng.random() < 0.45:
            plan.append((_STRESS_RELIEF, None, _at(rng, day, (21, 21), now)))
        if day_pain.get(day, 0) >= 6:
            # On a bad day most sessions are left out (as people do), the gentlest kept.
            plan = [p for p in plan if p[0] == _STRESS_RELIEF or rng.random() < 0.3]
        for program_id, chosen, started in sorted(plan, key=lambda p: p[2]):
            session = _demo_session(
                rng,
                library,
                program_id,
                chosen,
                started,
                day_pain.get(day),
                first_pain.get(day + timedelta(days=1)),
                lang,
            )
            if session is not None and session.ended_at <= now:
                sessions.append(session)
    return sessions


def _at(rng: random.Random, day: date, hours: tuple[int, int], now: datetime) -> datetime:
    clock = time(rng.randint(*hours), rng.randint(0, 59))
    return datetime.combine(day, clock, now.tzinfo)


def _demo_session(
    rng: random.Random,
    library: Library,
    program_id: str,
    level: Level | None,
    started: datetime,
    pain_today: int | None,
    pain_next_day: int | None,
    lang: Language,
) -> Session | None:
    program = library.programs.get(program_id)
    if program is None:
        return None
    played = level or program.level
    timeline = build_timeline(program, library.exercises, played)
    planned, steps = timeline.total_s, len(timeline)
    # Close to that day's diary entry. The diary's next day is often a point higher by chance
    # alone, which the pain-response rule would read as "worse the next day" for nearly half
    # the sessions; most of those days had a higher pain already before the session.
    usual = pain_today if pain_today is not None else 4
    if pain_next_day is not None and pain_next_day > usual and rng.random() < 0.8:
        usual = pain_next_day
    pain_before = _clamp(usual + rng.gauss(0, 0.4))
    # Gentle exercise mostly eases pain by a point or two or leaves it; now and then it rises a
    # little, and once in a while (more often in the harder core programme) by two or three.
    hard = program_id == CORE_PROGRAM
    change = rng.choice((-3, -2, -2, -2, -1, -1, -1, 0, 0, 1))
    if rng.random() < (0.08 if hard else 0.03):
        change = rng.randint(2, 3)
    pain_after = _clamp(pain_before + change)
    base_effort = 5.5 if played is Level.INTERMEDIATE else 4.0 if hard else 2.5
    effort: int | None = max(1, min(10, round(rng.gauss(base_effort, 0.8))))
    answered_pain: int | None = pain_after
    stopped: StopReason | None = None
    if rng.random() < 0.1:
        stopped = (
            StopReason.PAIN
            if pain_after >= 6
            else rng.choice((StopReason.TIME, StopReason.TIME, StopReason.OTHER))
        )
    if stopped is None and hard and pain_after >= 7 and rng.random() < 0.2:
        stopped = StopReason.PAIN
    if stopped is not None:
        share = rng.uniform(0.25, 0.8)
        done_s, steps_done, skipped = round(planned * share), int(steps * share), rng.randint(0, 1)
    else:
        skipped = 1 if rng.random() < 0.15 else 0
        done_s = planned - skipped * rng.randint(5, 30)
        steps_done = steps - skipped
    if rng.random() < 0.08 and stopped is not StopReason.PAIN:
        answered_pain = None  # closed without answering
    if rng.random() < 0.08:
        effort = None
    pauses = rng.choice((0, 0, 0, 15, 40, 90))
    return Session(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        program_id=program_id,
        program_name=program.name.get(lang),
        level=played,
        started_at=started,
        ended_at=started + timedelta(seconds=max(done_s, 0) + pauses),
        planned_s=planned,
        done_s=max(done_s, 0),
        steps_done=steps_done,
        steps_skipped=skipped,
        completed=stopped is None,
        stopped_reason=stopped,
        pain_before=pain_before,
        pain_after=answered_pain,
        effort=effort,
    )
