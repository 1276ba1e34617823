"""Where my activities live, in one small object for the dialog, Today and Insights (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from rugdiary.core.activities import (
    Activity,
    ActivityChange,
    ActivityScore,
    activity_changes,
    day_scores,
    next_due,
)
from rugdiary.core.clock import Clock


class ActivityStore(Protocol):
    """ActivityRepository fits it."""

    def list(self) -> list[Activity]: ...

    def save_round(self, activities: list[Activity], scores: list[ActivityScore]) -> None: ...


class ScoreSource(Protocol):
    """ActivityScoreRepository fits it."""

    def list(self, start: date | None = None, end: date | None = None) -> list[ActivityScore]: ...


class DayScores:
    """A ScoreSource with one score per activity and day: the day's latest.

    A second score the same day corrects the first (`core.activities.day_scores`), so the
    dialog, Today and Insights' lines and table show the corrected one alone. The storage
    now keeps one a day (ActivityScoreRepository.add); diaries from before may hold two.
    """

    def __init__(self, source: ScoreSource) -> None:
        self.source = source

    def list(self, start: date | None = None, end: date | None = None) -> list[ActivityScore]:
        return day_scores(self.source.list(start, end))


class SettingsStore(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class ActivityStores:
    """Where the activities live: handed to the dialog, the Today line and Insights."""

    activities: ActivityStore
    scores: ScoreSource
    """Read as DayScores, whatever is passed in (see there)."""
    settings: SettingsStore
    clock: Clock

    def __post_init__(self) -> None:
        if not isinstance(self.scores, DayScores):
            object.__setattr__(self, "scores", DayScores(self.scores))

    def due(self) -> date | None:
        """The day the next score is due (None without active activities)."""
        from rugdiary.storage.repositories import stored_next_score

        chosen, chosen_at = stored_next_score(self.settings)
        return next_due(self.activities.list(), self.scores.list(), chosen, chosen_at)

    def changes(self, start: date, end: date) -> list[ActivityChange]:
        """The period's first and last score per activity (the report's activity_changes)."""
        return activity_changes(self.activities.list(), self.scores.list(start, end), start, end)
