"""The date ranges the Insights page offers, and the period each one means on a given day."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta


class RangeChoice(enum.Enum):
    """The periods a person can pick; the default is three months (enough days for a pattern)."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    ALL = "all"
    CUSTOM = "custom"


DEFAULT_RANGE = RangeChoice.MONTHS_3


@dataclass(frozen=True, slots=True)
class Period:
    """A period of calendar days, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def months_back(day: date, months: int) -> date:
    """The same day `months` earlier, moved to the month's last day when it has no such day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"no day in {year}-{month}")  # unreachable: every month has 28 days


def period_for(
    choice: RangeChoice,
    today: date,
    oldest: date | None,
    custom: tuple[date, date] | None = None,
) -> Period:
    """The days `choice` covers on `today`, ending today.

    "Last 3 months" starts the day after the same date three months back, so it holds
    three calendar months of days and not one day more. "All" starts at the first entry
    (today for an empty diary). A custom period given back to front is turned round
    rather than refused: the person clearly meant the days in between. It ends today at
    the latest: days still to come cannot have been filled in, and counted as days left
    empty they lowered the share of days filled in (and the charts drew them blank).
    """
    if choice is RangeChoice.WEEKS_4:
        return Period(today - timedelta(days=27), today)
    if choice is RangeChoice.MONTHS_3:
        return Period(months_back(today, 3) + timedelta(days=1), today)
    if choice is RangeChoice.MONTHS_12:
        return Period(months_back(today, 12) + timedelta(days=1), today)
    if choice is RangeChoice.ALL:
        start = oldest if oldest is not None and oldest <= today else today
        return Period(start, today)
    if custom is None:
        raise ValueError("a custom range needs its two dates")
    first, last = (min(day, today) for day in sorted(custom))
    return Period(first, last)
