"""Insights of an empty period suggests a longer one only when the diary has earlier days: an
empty diary was told "Try a longer period to see earlier days", and there were none."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from rugdiary.core.clock import FakeClock
from rugdiary.core.demo import generate_demo_entries
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.insights.page import InsightsPage

MakePage = Callable[..., InsightsPage]


def test_an_empty_diary_is_not_sent_to_a_longer_period(make_page: MakePage) -> None:
    page = make_page()
    needs = page.view.needs
    assert needs.isVisible()
    assert needs.text() == (
        "Nothing is filled in for this period yet. As you keep the diary, your charts appear here."
    )
    assert "longer period" not in needs.text()


def test_earlier_days_outside_the_period_are_pointed_at(
    make_page: MakePage, repo: EntryRepository, clock: FakeClock
) -> None:
    long_ago = clock.now().date() - timedelta(days=200)
    repo.add_many(generate_demo_entries(10, seed=3, end=long_ago))
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert result.days_logged == 0
    assert "Try a longer period to see earlier days." in page.view.needs.text()
