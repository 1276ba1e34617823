"""Insights says "1 day filled in", not "1 days", before a trend can be read."""

from __future__ import annotations

from collections.abc import Callable

from rugdiary.ui.insights.page import InsightsPage

MakePage = Callable[..., InsightsPage]


def test_one_day_filled_in_is_said_in_the_singular(make_page: MakePage, repo, make_entry) -> None:
    repo.add_many([make_entry(days_ago=0, pain=4, stress=5)])
    page = make_page()
    needs = page.view.needs.text()
    assert needs.startswith("This period has 1 day filled in. A trend needs at least 14,")
    assert "1 days" not in needs


def test_more_days_filled_in_are_said_in_the_plural(make_page: MakePage, repo, make_entry) -> None:
    repo.add_many([make_entry(days_ago=i, pain=4, stress=5) for i in range(2)])
    page = make_page()
    assert page.view.needs.text().startswith("This period has 2 days filled in.")
