"""Every Insights chart has its numbers in words for screen readers, and as a table to open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from rugdiary.reports.chart_tables import TABLE_KEYS
from rugdiary.reports.charts import _stats_line
from rugdiary.ui.insights.chart_jobs import CHART_KEYS
from rugdiary.ui.insights.chart_table_dialog import ChartTableDialog
from rugdiary.ui.insights.page import InsightsPage

MakePage = Callable[..., InsightsPage]


def _description(widget: object) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Description)


def test_every_chart_has_a_table(fill, make_page: MakePage) -> None:
    assert set(TABLE_KEYS) == set(CHART_KEYS)
    fill(120)
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert set(result.tables) == set(CHART_KEYS)


def test_each_chart_says_its_numbers_to_a_screen_reader(fill, make_page: MakePage) -> None:
    fill(120)
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert result.same_day is not None
    assert result.high_low is not None
    for key, card in page.view.cards.items():
        canvas = card.canvas
        assert canvas is not None
        assert canvas.focusPolicy() & Qt.FocusPolicy.TabFocus, key
        assert result.tables[key].summary in _description(canvas), key
    # The very numbers the charts print: ρ with its interval and n, the difference.
    assert _stats_line(result.same_day, "en") in _description(page.view.cards["scatter"].canvas)
    high_low = _description(page.view.cards["high_low"].canvas)
    assert f"Difference {result.high_low.difference:.2f} points".replace("-", "−") in high_low


def test_show_as_table_opens_the_numbers(fill, make_page: MakePage, qtbot) -> None:
    fill(120)
    page = make_page()
    card = page.view.cards["weekly"]
    assert card.table_button.isEnabled()
    assert card.table_button.accessibleName().startswith("Show as table")
    qtbot.mouseClick(card.table_button, Qt.MouseButton.LeftButton)
    dialog = page.controller.table_dialog
    assert isinstance(dialog, ChartTableDialog)
    qtbot.waitExposed(dialog)
    result = page.controller.result
    assert result is not None
    model = dialog.view.model()
    assert model.rowCount() == len(result.weeks)
    first = result.weeks[0]
    assert model.index(0, 0).data() == first.week_start.isoformat()
    assert model.index(0, 1).data() == str(first.sessions)
    assert dialog.summary.text() == result.tables["weekly"].summary
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.view)
    dialog.reject()
    qtbot.waitUntil(lambda: page.controller.table_dialog is None)
