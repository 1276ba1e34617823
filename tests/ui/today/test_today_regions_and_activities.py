"""Today says where it hurt this week, and how my activities changed since their first score."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rugdiary.core.activities import new_activity, new_score
from rugdiary.core.clock import FakeClock
from rugdiary.storage.repositories import ActivityRepository
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services


def test_where_it_hurt_this_week_most_often_first(
    window: MainWindow, services: Services, make_entry: Any
) -> None:
    note = window.today.view.regions_note
    assert not note.isVisible(), "nothing marked: no line"
    services.entries.add_many(
        [
            make_entry(days_ago=1, regions=("lower_back_centre",)),
            make_entry(days_ago=2, regions=("lower_back_centre", "buttock_left")),
            make_entry(days_ago=9, regions=("thigh_right",)),  # older than the 7 days
        ]
    )
    window.today.controller.refresh()
    assert note.isVisible()
    assert note.text() == "Where it hurt: Lower back, middle (2×); Buttock, left (1×)"


def test_activities_change_since_the_first_score_in_words(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    line = window.today.view.activities_line
    start = clock.now() - timedelta(days=28)
    socks = new_activity("put on socks", start, [])
    lift = new_activity("lift a child", start, [socks])
    ActivityRepository(services.db).save_round(
        [socks, lift], [new_score(socks, 3, start), new_score(lift, 2, start)]
    )
    window.today.controller.refresh()
    assert not line.progress.isVisible(), "one round only: no change to tell"

    ActivityRepository(services.db).save_round(
        [], [new_score(socks, 6, clock.now()), new_score(lift, 4, clock.now())]
    )
    window.today.controller.refresh()
    assert line.progress.isVisible()
    assert line.progress.text() == (
        "Since the first score: 2.5\u00a0→\u00a05.0 on average (0 = cannot do it, 10 = as before). "
        "Easier: a change that matters."
    )

    ActivityRepository(services.db).save_round([], [new_score(socks, 4, clock.now())])
    window.today.controller.refresh()
    assert "a change that matters" not in line.progress.text()  # mean 2.5 → 4.0: +1.5
