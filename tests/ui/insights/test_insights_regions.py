"""Insights: the body-map counts of the chosen period, as a picture and in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtWidgets import QLabel

from rugdiary.core.body_regions import REGION_IDS
from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.insights.page import InsightsPage
from rugdiary.ui.insights.ranges import RangeChoice

MakePage = Callable[..., InsightsPage]


def _add(repo: EntryRepository, clock: FakeClock, days_ago: int, regions: list[str]) -> None:
    day = (clock.now() - timedelta(days=days_ago)).date()
    at = datetime(day.year, day.month, day.day, 9, 0).astimezone()
    repo.add(new_entry(now=clock.now(), at=at, pain=4, stress=3, regions=regions))


def test_counts_of_the_period_are_drawn_and_written(
    make_page: MakePage, repo: EntryRepository, clock: FakeClock, ready
) -> None:
    for back in range(20):
        _add(repo, clock, back, ["lower_back_centre"] + (["thigh_left"] if back == 3 else []))
    _add(repo, clock, 60, ["below_knee_right"])  # outside the last 4 weeks
    page = make_page()
    ready(page, lambda: page.controller.set_range(RangeChoice.WEEKS_4))
    card = page.view.regions_card
    assert card.isVisible()
    counts = page.controller.result.region_counts
    assert set(counts) == set(REGION_IDS)
    assert counts["lower_back_centre"] == 20
    assert counts["below_knee_right"] == 0
    assert card.picture.counts == counts
    assert card.words.text().splitlines() == [
        "Lower back, middle: 20 times",
        "Thigh, left: once",
    ]
    assert card.picture.accessibleName() == "Body map with counts"
    assert card.picture.accessibleDescription() == (
        "Lower back, middle: 20 times; Thigh, left: once"
    )
    assert isinstance(card.title, QLabel)
    assert card.title.text() == "Where it hurts"


def test_the_card_stays_away_when_nothing_was_marked(
    make_page: MakePage, repo: EntryRepository, clock: FakeClock
) -> None:
    for back in range(30):
        _add(repo, clock, back, [])
    page = make_page()
    assert not page.view.regions_card.isVisible()
    assert sum(page.controller.result.region_counts.values()) == 0
