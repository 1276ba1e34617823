"""My activities (PSFS / Dutch PSK): a person's own hard activities, scored 0-10 every few weeks."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from rugdiary.core.diary import (
    MAX_YEAR,
    MIN_YEAR,
    ValidationError,
    check_text,
    parse_datetime,
    reject_unknown,
)
from rugdiary.core.ids import find_by_id

MAX_ACTIVE: Final = 5
"""The PSFS asks for three to five activities (CLINICAL.md §3); more become a chore."""
MAX_NAME_CHARS: Final = 80
SCORE_MIN: Final = 0
"""0: I cannot do this at all."""
SCORE_MAX: Final = 10
"""10: I can do this as well as before my back pain."""
MDC_MEAN: Final = 2
"""Minimal detectable change of the mean over the activities, in points (CLINICAL.md §3)."""
MDC_ONE: Final = 3
"""Minimal detectable change of one activity, in points (CLINICAL.md §3)."""
RESCORE_DAYS: Final = 14
"""A new score is asked for two weeks after the last round: often enough to see change,
rarely enough not to become a daily chore (CLINICAL.md §3: every 2-4 weeks)."""


def _check_moment(name: str, value: Any) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError(name, "must be a date and time with a UTC offset")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(name, f"must be a date from the years {MIN_YEAR} to {MAX_YEAR}")


def _check_id(name: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(name, "must be a non-empty text")


def clean_name(name: Any) -> str:
    """The name as stored: runs of spaces and line breaks become one space.

    Raises ValidationError naming `name` when it is empty or too long.
    """
    if not isinstance(name, str):
        raise ValidationError("name", "must be text")
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("name", "is required: say which activity, e.g. 'put on socks'")
    if len(clean) > MAX_NAME_CHARS:
        raise ValidationError("name", f"has {len(clean)} characters; at most {MAX_NAME_CHARS} fit")
    check_text("name", clean)
    return clean


@dataclass(frozen=True, slots=True)
class Activity:
    """An everyday activity the person finds hard because of their back.

    Renaming keeps the id, and retiring only stamps `retired_at`: the scores stay
    attached by id, so the history of an activity is never lost.
    """

    id: str
    name: str
    created_at: datetime
    retired_at: datetime | None = None

    def __post_init__(self) -> None:
        _check_id("id", self.id)
        if clean_name(self.name) != self.name:
            raise ValidationError("name", "must be written without extra spaces")
        _check_moment("created_at", self.created_at)
        if self.retired_at is not None:
            _check_moment("retired_at", self.retired_at)
            if self.retired_at < self.created_at:
                raise ValidationError("retired_at", "lies before the activity was named")

    @property
    def active(self) -> bool:
        return self.retired_at is None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "created_at": self.created_at.isoformat(),
        }
        if self.retired_at is not None:
            out["retired_at"] = self.retired_at.isoformat()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Activity:
        if not isinstance(data, Mapping):
            raise ValidationError("activity", "must be an object with fields")
        reject_unknown(data, {f.name for f in dataclasses.fields(cls)}, "is not an activity field")
        for required in ("id", "name", "created_at"):
            if data.get(required) is None:
                raise ValidationError(required, "is required")
        retired = data.get("retired_at")
        return cls(
            id=data["id"],
            name=data["name"],
            created_at=parse_datetime(data["created_at"], "created_at"),
            retired_at=None if retired is None else parse_datetime(retired, "retired_at"),
        )


@dataclass(frozen=True, slots=True)
class ActivityScore:
    """How well the person could do one activity at one moment: 0 (not at all) to 10."""

    id: str
    activity_id: str
    at: datetime
    score: int

    def __post_init__(self) -> None:
        _check_id("id", self.id)
        _check_id("activity_id", self.activity_id)
        _check_moment("at", self.at)
        check_score(self.score)

    @property
    def day(self) -> date:
        return self.at.date()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "activity_id": self.activity_id,
            "at": self.at.isoformat(),
            "score": self.score,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActivityScore:
        if not isinstance(data, Mapping):
            raise ValidationError("score", "must be an object with fields")
        reject_unknown(data, {f.name for f in dataclasses.fields(cls)}, "is not a score field")
        for required in ("id", "activity_id", "at", "score"):
            if data.get(required) is None:
                raise ValidationError(required, "is required")
        return cls(
            id=data["id"],
            activity_id=data["activity_id"],
            at=parse_datetime(data["at"], "at"),
            score=data["score"],
        )


def check_score(value: Any, field: str = "score") -> int:
    """`value` when it is a whole number 0-10; else ValidationError naming `field`."""
    # bool is an int subclass; True must not pass as a score of 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be a whole number from {SCORE_MIN} to {SCORE_MAX}")
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ValidationError(field, f"must be from {SCORE_MIN} to {SCORE_MAX}, not {value}")
    return value


# ------------------------------------------------------------------ naming, renaming, retiring


def _check_unique(name: str, others: Iterable[Activity], own_id: str | None = None) -> None:
    folded = name.casefold()
    for other in others:
        if other.active and other.id != own_id and other.name.casefold() == folded:
            raise ValidationError("name", f"you already have an activity called {other.name!r}")


def new_activity(name: str, now: datetime, existing: Iterable[Activity]) -> Activity:
    """A new active activity; at most MAX_ACTIVE are active at a time, each name once."""
    items = list(existing)
    clean = clean_name(name)
    if sum(1 for a in items if a.active) >= MAX_ACTIVE:
        raise ValidationError(
            "activities",
            f"at most {MAX_ACTIVE} activities at a time; retire one before adding another",
        )
    _check_unique(clean, items)
    return Activity(id=str(uuid.uuid4()), name=clean, created_at=now)


def renamed(activity: Activity, name: str, existing: Iterable[Activity]) -> Activity:
    """The same activity (same id, same scores) under a new name."""
    clean = clean_name(name)
    _check_unique(clean, existing, own_id=activity.id)
    return dataclasses.replace(activity, name=clean)


def retired(activity: Activity, now: datetime) -> Activity:
    """The activity no longer asked about; its scores stay and still show in the history."""
    if not activity.active:
        return activity
    return dataclasses.replace(activity, retired_at=max(now, activity.created_at))


def new_score(activity: Activity, score: Any, at: datetime) -> ActivityScore:
    """A score for an active activity (a retired one is no longer scored)."""
    if not activity.active:
        raise ValidationError(
            "activity", f"{activity.name!r} is retired and is not scored any more"
        )
    return ActivityScore(
        id=str(uuid.uuid4()), activity_id=activity.id, at=at, score=check_score(score)
    )


def find_activity(activities: Iterable[Activity], key: str) -> Activity | None:
    """The activity with id `key`, or whose id starts with `key` when that is unambiguous."""
    return find_by_id(activities, key)


# ------------------------------------------------------------------ change against the first score


@dataclass(frozen=True, slots=True)
class ActivityChange:
    """One activity's first and last score in a period, and whether the change matters.

    `matters` is true from MDC_ONE points in either direction: up is easier, down harder.
    """

    activity_id: str
    name: str
    first_score: int
    first_at: datetime
    last_score: int
    last_at: datetime
    change: int
    matters: bool

    @property
    def scored_twice(self) -> bool:
        """Scores on two different days: only then is there a change to speak of (a second
        score the same day corrects the first, see `day_scores`)."""
        return _on_later_day(self.last_at, self.first_at)


@dataclass(frozen=True, slots=True)
class MeanChange:
    """The mean over the activities of their first and last scores (the PSFS score)."""

    first_mean: float
    last_mean: float
    change: float
    matters: bool


def _on_later_day(later: datetime, earlier: datetime) -> bool:
    return later.date() > earlier.date()


def day_scores(scores: Iterable[ActivityScore]) -> list[ActivityScore]:
    """One score per activity and local day, oldest first: the day's latest one.

    A score given again the same day corrects the first (a wrong key, a second thought),
    it is not a change: counted as one, a 1 put right to a 7 minutes later would read as
    "much easier, a change that matters".
    """
    latest: dict[tuple[str, date], ActivityScore] = {}
    for item in sorted(scores, key=lambda s: s.at):
        latest[(item.activity_id, item.day)] = item
    return sorted(latest.values(), key=lambda s: s.at)


def activity_changes(
    activities: Iterable[Activity], scores: Iterable[ActivityScore], start: date, end: date
) -> list[ActivityChange]:
    """Per activity with a score in [start, end] (local days): its first and last score there.

    Retired activities are included: their history stays part of the picture. The order is
    the order in which the activities were named. With one score, first and last are the
    same and the change is 0. A day scored twice counts with its latest score (`day_scores`).
    """
    by_activity: dict[str, list[ActivityScore]] = {}
    for item in day_scores(scores):
        if start <= item.day <= end:
            by_activity.setdefault(item.activity_id, []).append(item)
    out: list[ActivityChange] = []
    for activity in sorted(activities, key=lambda a: a.created_at):
        found = by_activity.get(activity.id)
        if not found:
            continue
        found.sort(key=lambda s: s.at)
        first, last = found[0], found[-1]
        change = last.score - first.score
        out.append(
            ActivityChange(
                activity_id=activity.id,
                name=activity.name,
                first_score=first.score,
                first_at=first.at,
                last_score=last.score,
                last_at=last.at,
                change=change,
                matters=abs(change) >= MDC_ONE,
            )
        )
    return out


def mean_change(changes: Sequence[Any]) -> MeanChange | None:
    """The change of the mean over activities scored on two days; None without any.

    `changes` are ActivityChange-like objects (first_score, first_at, last_score, last_at).
    Two scores the same day are a correction, not a change, so they pair nothing. The
    threshold is compared on whole points (sum of changes against MDC_MEAN times their
    number), so a mean of exactly 2.0 counts and 1.9 does not, free of rounding.
    """
    paired = [c for c in changes if _on_later_day(c.last_at, c.first_at)]
    if not paired:
        return None
    n = len(paired)
    first_sum = sum(c.first_score for c in paired)
    last_sum = sum(c.last_score for c in paired)
    return MeanChange(
        first_mean=first_sum / n,
        last_mean=last_sum / n,
        change=(last_sum - first_sum) / n,
        matters=abs(last_sum - first_sum) >= MDC_MEAN * n,
    )


# ------------------------------------------------------------------ when the next score is due


def last_round(activities: Iterable[Activity], scores: Iterable[ActivityScore]) -> datetime | None:
    """When the active activities were last scored (the latest of their scores)."""
    active = {a.id for a in activities if a.active}
    moments = [s.at for s in scores if s.activity_id in active]
    return max(moments) if moments else None


def next_due(
    activities: Iterable[Activity],
    scores: Iterable[ActivityScore],
    chosen: date | None = None,
    chosen_at: datetime | None = None,
) -> date | None:
    """The day the next score is due; None when there is no active activity.

    The day the person chose (`chosen`, set at `chosen_at`) wins, unless a round scored
    after the choice used it up. Otherwise the next round is RESCORE_DAYS after the last
    one; before any active activity was scored at all, the first round is due from the day
    the first was named. An activity added later, unscored, waits for the next round: the
    dialog offers "score it now, or the next time", and the day it then showed must hold.
    """
    items = [a for a in activities if a.active]
    if not items:
        return None
    latest = last_round(items, scores)
    if chosen is not None and (chosen_at is None or latest is None or chosen_at >= latest):
        return chosen
    if latest is None:
        return min(a.created_at.date() for a in items)
    return latest.date() + timedelta(days=RESCORE_DAYS)


def is_due(due: date | None, today: date) -> bool:
    return due is not None and due <= today


# ------------------------------------------------------------------ sample data (`rugdiary demo`)

_DEMO_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("Put on socks", "Sit through a meeting", "Lift my child"),
    "nl": ("Sokken aantrekken", "Een vergadering uitzitten", "Mijn kind optillen"),
}


def demo_activities(
    days: int, seed: int, now: datetime, lang: str = "en"
) -> tuple[list[Activity], list[ActivityScore]]:
    """Three activities named `days` days before `now`, scored every two weeks since.

    They get easier at different speeds (one clearly, one a little, one hardly), with a
    point of noise either way, so the demo diary shows each kind of change.
    """
    import random

    rng = random.Random(seed)
    start = now - timedelta(days=max(0, days - 1))
    names = _DEMO_NAMES.get(lang, _DEMO_NAMES["en"])
    items: list[Activity] = []
    for index, name in enumerate(names):
        items.append(
            Activity(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                name=name,
                created_at=start + timedelta(minutes=index),
            )
        )
    firsts, gains = (2, 4, 3), (0.25, 0.08, 0.0)  # points a week
    scores: list[ActivityScore] = []
    day = 0
    while day < days:
        at = start + timedelta(days=day, minutes=5)
        if at > now:
            break
        for activity, first, gain in zip(items, firsts, gains, strict=True):
            value = round(first + gain * day / 7 + rng.choice((-1, 0, 0, 1)))
            scores.append(
                ActivityScore(
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    activity_id=activity.id,
                    at=at,
                    score=max(SCORE_MIN, min(SCORE_MAX, value)),
                )
            )
        day += RESCORE_DAYS
    return items, scores
