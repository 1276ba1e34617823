"""Insights' "My activities" card: a line per activity, the change in words, a table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.activities import new_activity, new_score
from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import (
    ActivityRepository,
    ActivityScoreRepository,
    SettingsRepository,
)
from rugdiary.ui.activities.stores import ActivityStores
from rugdiary.ui.insights.chart_table_dialog import ChartTableDialog
from rugdiary.ui.insights.page import InsightsPage

MakePage = Callable[..., InsightsPage]


@pytest.fixture
def stores(db: Database, clock: FakeClock) -> ActivityStores:
    return ActivityStores(
        ActivityRepository(db), ActivityScoreRepository(db), SettingsRepository(db), clock
    )


def _score_two_rounds(stores: ActivityStores, clock: FakeClock) -> None:
    start = clock.now() - timedelta(days=28)
    socks = new_activity("put on socks", start, [])
    sit = new_activity("sit through a meeting", start, [socks])
    stores.activities.save_round(
        [socks, sit], [new_score(socks, 2, start), new_score(sit, 5, start)]
    )
    later = clock.now() - timedelta(days=1)
    stores.activities.save_round([], [new_score(socks, 6, later), new_score(sit, 4, later)])


def test_the_card_shows_lines_and_changes_in_words(
    fill, make_page: MakePage, stores: ActivityStores, clock: FakeClock, qtbot: QtBot
) -> None:
    fill(60)
    _score_two_rounds(stores, clock)
    page = make_page(activities=stores)
    section = page.activities
    assert section is not None
    card = section.section
    text = card.changes.text()
    assert "put on socks: 2 on" in text
    assert "You can do this much more easily than at the start: a change that matters." in text
    assert "A little harder than at the start, within the usual ups and downs." in text
    assert card.chart.isVisible()
    pixmap = card.chart.pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() > 300
    # Screen readers get the same words as the chart's description.
    assert "a change that matters" in card.chart.accessibleDescription()
    assert card.chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    # The card sits under the answer, above the stress and pain charts.
    layout = page.view.content.layout()
    assert layout.indexOf(card) == 1

    qtbot.mouseClick(card.table_button, Qt.MouseButton.LeftButton)
    dialog = section.table_dialog
    assert isinstance(dialog, ChartTableDialog)
    model = dialog.view.model()
    assert model.rowCount() == 4
    assert model.index(0, 1).data() in {"put on socks", "sit through a meeting"}
    dialog.reject()


def test_the_card_invites_when_empty_and_updates_after_saving(
    fill, make_page: MakePage, stores: ActivityStores, clock: FakeClock
) -> None:
    fill(30)
    page = make_page(activities=stores)
    section = page.activities
    assert section is not None
    card = section.section
    assert card.edit_button.text() == "Name my activities"
    assert not card.chart.isVisible()
    assert not card.table_button.isEnabled()
    _score_two_rounds(stores, clock)
    section.refresh()
    assert card.edit_button.text() == "Change my activities…"
    assert card.chart.isVisible()
    requested: list[bool] = []
    section.editRequested.connect(lambda: requested.append(True))
    card.edit_button.click()
    assert requested == [True]
