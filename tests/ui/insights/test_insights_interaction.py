"""Hovering and clicking days, saving charts, and dropping results that came too late."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import dialogs
from rugdiary.ui.insights.chart_jobs import ChartResult
from rugdiary.ui.insights.page import InsightsPage
from rugdiary.ui.insights.ranges import RangeChoice

MakePage = Callable[..., InsightsPage]
LEFT = Qt.MouseButton.LeftButton


def _point(page: InsightsPage, key: str, x: float, y: float) -> QPoint:
    """The widget position (logical pixels, top-left origin) of data point (x, y)."""
    canvas = page.view.cards[key].canvas
    assert canvas is not None
    area = canvas.plot_area()
    assert area is not None
    return canvas.to_widget(QPointF(*area.point_for(x, y))).toPoint()


def _calendar_xy(result: ChartResult, day: date) -> tuple[float, float]:
    series = result.series
    assert series is not None
    offset = series.start.weekday()
    cell = offset + (day - series.start).days
    monday = result.day_origin - offset
    return monday + 7 * (cell // 7) + 3.5, cell % 7 + 0.5


def _logged_day(result: ChartResult, index_from_end: int = 5) -> tuple[date, int]:
    series = result.series
    assert series is not None
    logged = [i for i in range(series.n_days) if series.entry_count[i] > 0]
    index = logged[-index_from_end]
    return series.start.fromordinal(series.start.toordinal() + index), index


def test_hovering_a_day_on_the_timeline_shows_its_values(fill, make_page: MakePage, qtbot) -> None:
    fill(60)
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert result.series is not None
    day, index = _logged_day(result)
    canvas = page.view.cards["timeline"].canvas
    page.view.scroll_area.ensureWidgetVisible(canvas)

    QTest.mouseMove(canvas, _point(page, "timeline", result.day_origin + index, 5.0))
    qtbot.waitUntil(lambda: page.controller.hover_text != "")
    text = page.controller.hover_text
    pain = result.series.pain[index]
    stress = result.series.stress[index]
    assert day.strftime("%B") in text
    # In the locale's own order (the fixture's US English: "Thursday, February 26, 2026").
    assert (
        QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        in text
    )
    assert f"Pain {pain:g} · Stress {stress:g}" in text
    assert "Click to open this day" in text
    assert canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor

    # Outside the days (the y-axis labels) the tooltip goes away.
    QTest.mouseMove(canvas, QPoint(3, 3))
    qtbot.waitUntil(lambda: page.controller.hover_text == "")


def test_clicking_a_day_on_the_timeline_asks_to_open_it(fill, make_page: MakePage, qtbot) -> None:
    fill(60)
    page = make_page()
    result = page.controller.result
    assert result is not None
    day, index = _logged_day(result, 10)
    canvas = page.view.cards["timeline"].canvas
    page.view.scroll_area.ensureWidgetVisible(canvas)
    where = _point(page, "timeline", result.day_origin + index, 3.0)
    with qtbot.waitSignal(page.controller.openDayRequested) as blocker:
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert blocker.args == [day]


def test_a_flare_up_and_an_empty_day_are_named(fill, make_page: MakePage) -> None:
    fill(120)
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert result.series is not None
    series = result.series
    flares = [i for i in range(series.n_days) if series.flare_up[i]]
    empty = [i for i in range(series.n_days) if series.entry_count[i] == 0]
    for index, words in ((flares[0], "Flare-up"), (empty[0], "Nothing filled in")):
        day = series.start.fromordinal(series.start.toordinal() + index)
        assert words in page.controller.day_text(day)


def test_the_calendar_maps_squares_to_days(fill, make_page: MakePage, qtbot) -> None:
    fill(90)
    page = make_page()
    controller = page.controller
    result = controller.result
    assert result is not None
    assert result.series is not None
    canvas = page.view.cards["calendar"].canvas
    assert canvas is not None
    page.view.scroll_area.ensureWidgetVisible(canvas)
    for day in (result.request.start, date(2026, 1, 15), result.request.end):
        x, y = _calendar_xy(result, day)
        assert controller.day_at("calendar", x, y) == day
        where = _point(page, "calendar", x, y)
        QTest.mouseMove(canvas, where)
        qtbot.waitUntil(lambda d=day: controller.hover_text.startswith(d.strftime("%A")))
        with qtbot.waitSignal(controller.openDayRequested) as blocker:
            QTest.mouseClick(
                canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where
            )
        assert blocker.args == [day]
    # Blank squares before the first day and after the last one are no day at all.
    x, y = _calendar_xy(result, result.request.start)
    assert controller.day_at("calendar", x, y - 1.0) is None
    # The colour bar is not the calendar; a right click opens nothing.
    area = canvas.plot_area()
    assert area is not None
    beside = QPoint(round(area.left + area.width + 12), round(area.top + area.height / 2))
    assert canvas.data_at(QPointF(beside)) is None
    with qtbot.assertNotEmitted(controller.openDayRequested):
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, beside)
        QTest.mouseClick(canvas, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, where)


def _focus_chart(page: InsightsPage, key: str, qtbot) -> Any:
    """Tab from the card's Save button to its chart, as a keyboard user does."""
    card = page.view.cards[key]
    canvas = card.canvas
    assert canvas is not None
    window = page.view.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.view.scroll_area.ensureWidgetVisible(card)
    card.save_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(card.save_button.hasFocus)
    QTest.keyClick(card.save_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(canvas.hasFocus)
    return canvas


def test_choosing_a_day_on_the_timeline_with_the_keyboard(fill, make_page: MakePage, qtbot) -> None:
    fill(60)
    page = make_page()
    controller = page.controller
    result = controller.result
    assert result is not None
    assert result.series is not None
    start, end = result.request.start, result.request.end
    canvas = _focus_chart(page, "timeline", qtbot)

    # Focus brings the newest day, marked on the chart and described as when pointed at.
    assert controller.chosen_day("timeline") == end
    assert canvas.marker() is not None
    assert controller.hover_text.startswith(end.strftime("%A"))
    assert "Press Enter to open this day" in canvas.accessibleDescription()
    assert end.strftime("%B") in canvas.accessibleDescription()

    QTest.keyClick(canvas, Qt.Key.Key_Right)  # already the last day: it stays
    assert controller.chosen_day("timeline") == end
    before = canvas.marker()
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    day = end - timedelta(days=2)
    assert controller.chosen_day("timeline") == day
    assert canvas.marker().right() < before.left()  # moved one column to the left, twice
    index = (day - start).days
    assert f"Pain {result.series.pain[index]:g}" in canvas.accessibleDescription() or (
        "Nothing filled in" in canvas.accessibleDescription()
    )
    QTest.keyClick(canvas, Qt.Key.Key_Up)  # no rows on a timeline: nothing happens
    assert controller.chosen_day("timeline") == day
    assert not controller.busy  # moving the marker draws no chart

    with qtbot.waitSignal(controller.openDayRequested) as blocker:
        QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert blocker.args == [day]
    QTest.keyClick(canvas, Qt.Key.Key_Home)
    assert controller.chosen_day("timeline") == start
    with qtbot.waitSignal(controller.openDayRequested) as blocker:
        QTest.keyClick(canvas, Qt.Key.Key_Space)
    assert blocker.args == [start]
    QTest.keyClick(canvas, Qt.Key.Key_End)
    assert controller.chosen_day("timeline") == end

    # Leaving the chart takes the marker away and gives back the chart's description.
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    assert canvas.marker() is None
    assert "arrow keys" in canvas.accessibleDescription()


def test_choosing_a_day_on_the_calendar_with_the_keyboard(fill, make_page: MakePage, qtbot) -> None:
    fill(90)
    page = make_page()
    controller = page.controller
    result = controller.result
    assert result is not None
    start, end = result.request.start, result.request.end
    canvas = _focus_chart(page, "calendar", qtbot)
    assert controller.chosen_day("calendar") == end

    # Columns are weeks and rows weekdays: across is a week, down a day.
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert controller.chosen_day("calendar") == end - timedelta(days=7)
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    day = end - timedelta(days=8)
    assert controller.chosen_day("calendar") == day
    marker = canvas.marker()
    assert marker is not None
    x, y = _calendar_xy(result, day)
    centre = _point(page, "calendar", x, y)
    assert canvas.to_widget(marker.center()).toPoint() == centre  # on the day's square
    assert controller.hover_text.startswith(day.strftime("%A"))
    with qtbot.waitSignal(controller.openDayRequested) as blocker:
        QTest.keyClick(canvas, Qt.Key.Key_Enter)
    assert blocker.args == [day]

    QTest.keyClick(canvas, Qt.Key.Key_Home)
    QTest.keyClick(canvas, Qt.Key.Key_Up)  # not before the period's first day
    assert controller.chosen_day("calendar") == start


def test_after_a_click_the_arrow_keys_go_on_from_the_clicked_day(
    fill, make_page: MakePage, qtbot
) -> None:
    fill(60)
    page = make_page()
    controller = page.controller
    result = controller.result
    assert result is not None
    day, index = _logged_day(result, 10)
    canvas = page.view.cards["timeline"].canvas
    page.view.scroll_area.ensureWidgetVisible(canvas)
    where = _point(page, "timeline", result.day_origin + index, 3.0)
    with qtbot.waitSignal(controller.openDayRequested):
        QTest.mouseClick(canvas, LEFT, Qt.KeyboardModifier.NoModifier, where)
    assert canvas.marker() is None  # a click marks nothing: it opened the day
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert controller.chosen_day("timeline") == day + timedelta(days=1)
    assert canvas.marker() is not None


def test_the_chosen_day_stays_inside_a_shorter_period(
    fill, make_page: MakePage, ready, qtbot
) -> None:
    fill(120)
    page = make_page()
    canvas = _focus_chart(page, "timeline", qtbot)
    QTest.keyClick(canvas, Qt.Key.Key_Home)
    result = ready(page, lambda: page.controller.set_range(RangeChoice.WEEKS_4))
    assert page.controller.chosen_day("timeline") == result.request.start
    qtbot.waitUntil(lambda: canvas.marker() is not None)


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")]
)
def test_save_a_chart(
    fill,
    make_page: MakePage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    magic: bytes,
) -> None:
    fill(60)
    page = make_page()
    target = tmp_path / f"chart{suffix}"
    asked: list[Path] = []

    def choose(_parent: object, suggested: Path) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(dialogs, "choose_chart_file", choose)
    page.view.cards["scatter"].save_button.click()
    assert target.read_bytes().startswith(magic)
    assert asked[0].name == "rugdiary-scatter-2025-12-03-2026-03-02.png"


def test_saving_cancelled_or_failing_is_calm(
    fill, make_page: MakePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(30)
    page = make_page()
    monkeypatch.setattr(dialogs, "choose_chart_file", lambda _p, _s: None)
    assert page.controller.save_chart("timeline") is None

    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "choose_chart_file", lambda _p, _s: tmp_path / "no" / "c.png")
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append((title, text)))
    assert page.controller.save_chart("timeline") is None
    assert errors
    assert errors[0][0] == "The chart was not saved"
    assert str(tmp_path / "no" / "c.png") in errors[0][1]


class _GatedEntries:
    """An entry source whose second read waits for a gate: a slow disk, on demand."""

    def __init__(self, repo: EntryRepository) -> None:
        self.repo = repo
        self.gate = threading.Event()
        self.reads = 0

    def list(self, start: date | None = None, end: date | None = None) -> list[Any]:
        self.reads += 1
        if self.reads == 2:
            self.gate.wait(20)
        return self.repo.list(start, end)

    def oldest_day(self) -> date | None:
        return self.repo.oldest_day()


def test_a_newer_period_wins_over_older_requests(
    fill, make_page: MakePage, repo: EntryRepository, qtbot
) -> None:
    fill(400)
    entries = _GatedEntries(repo)
    page = make_page(entries=entries)
    controller = page.controller
    shown: list[ChartResult] = []
    controller.chartsReady.connect(shown.append)

    controller.set_range(RangeChoice.WEEKS_4)  # its read is held at the gate
    qtbot.waitUntil(lambda: entries.reads == 2)
    assert page.view.is_busy()
    controller.set_range(RangeChoice.MONTHS_12)  # waits in the queue ...
    with qtbot.waitSignal(controller.chartsReady, timeout=30_000):
        controller.set_range(RangeChoice.ALL)  # ... and is taken out of it by this one
        entries.gate.set()
    controller.wait_until_idle()
    qtbot.wait(50)  # let any late queued result arrive, so that it would be seen

    assert [r.request.start for r in shown] == [controller.period().start]
    assert controller.choice is RangeChoice.ALL
    assert controller.dropped == 1  # the four-week job stopped once it saw it was stale
    assert entries.reads == 3  # the twelve-month job never ran
    assert not page.view.is_busy()


def test_warm_up_imports_in_the_background(make_page: MakePage, qtbot) -> None:
    page = make_page(show=False)
    page.controller.warm_up()
    page.controller.warm_up()  # a second call while the first runs does nothing
    assert page.controller.wait_until_idle()
    qtbot.waitUntil(lambda: not page.controller._warming)
    assert page.controller.result is None


def test_charts_in_view_change_first_and_old_ones_fade_meanwhile(
    fill, make_page: MakePage, ready, qtbot
) -> None:
    fill(120)
    page = make_page()
    view = page.view
    bar = view.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # the last cards in view
    qtbot.wait(10)
    order: list[str] = []
    faded: list[bool] = []

    def shown(key: str) -> None:
        order.append(key)
        faded.append(all(card.canvas._stale for card in view.cards.values() if card.canvas))

    page.controller.chartShown.connect(shown)
    ready(page, lambda: page.controller.set_range(RangeChoice.WEEKS_4))
    assert set(order[:2]) == {"calendar", "high_low"}  # the two cards in view
    assert order[-1] == "timeline"
    assert sorted(order) == sorted(view.cards)
    assert faded[0] is False  # every other chart was faded while this one was drawn
    assert not any(card.canvas._stale for card in view.cards.values() if card.canvas)


def test_nothing_is_computed_before_the_page_is_shown(make_page: MakePage, fill) -> None:
    fill(30)
    page = make_page(show=False)
    page.controller.set_range(RangeChoice.MONTHS_12)
    page.controller.set_theme("dark")
    assert not page.controller.busy
    assert page.controller.result is None


def test_the_page_keeps_long_lived_objects_out_of_collections_only_while_in_view(
    fill, make_page: MakePage, qtbot
) -> None:
    """gc.freeze while charts are drawn and shown; leaving the page lets everything go."""
    usual = sys.getswitchinterval()
    fill(30)
    page = make_page()
    assert gc.get_freeze_count() > 0  # since the first request
    assert sys.getswitchinterval() == usual  # shorter only while the worker draws
    page.controller._collect()  # the sweep once the page is left alone
    assert gc.get_freeze_count() > 0
    page.view.window().hide()
    assert gc.get_freeze_count() == 0
    page.controller._collect()  # a sweep after leaving freezes nothing again
    assert gc.get_freeze_count() == 0
