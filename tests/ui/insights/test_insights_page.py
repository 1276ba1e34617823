"""The Insights page: periods, the plain-language answer, and honesty with too little data."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QFrame, QLabel

from rugdiary.core.clock import FakeClock
from rugdiary.core.insights import format_period
from rugdiary.core.stats import build_summary
from rugdiary.reports.chart_theme import DARK_PALETTE, ChartStyle
from rugdiary.storage.repositories import EntryRepository, SessionRepository
from rugdiary.ui.insights.chart_jobs import CHART_KEYS, build_figure
from rugdiary.ui.insights.page import InsightsPage, build_insights_page
from rugdiary.ui.insights.ranges import Period, RangeChoice, months_back, period_for

MakePage = Callable[..., InsightsPage]


def _timeline_points(page: InsightsPage) -> int:
    """Days on the timeline, from the figure the page drew (built again: it is not kept)."""
    result = page.controller.result
    assert result is not None
    figure = build_figure(result, "timeline", ChartStyle())
    (line,) = [a for a in figure.axes[0].get_lines() if a.get_gid() == "pain_daily"]
    return len(line.get_xdata())


def test_opens_on_three_months_with_the_sentence_above_the_charts(
    fill, make_page: MakePage, clock: FakeClock, repo: EntryRepository, sessions
) -> None:
    fill(120)
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert result.error is None
    today = clock.now().date()
    assert (result.request.start, result.request.end) == (date(2025, 12, 3), today)
    assert result.series is not None
    assert result.series.n_days == 90
    assert _timeline_points(page) == 90
    assert set(result.charts) == set(CHART_KEYS)

    # The same sentence as `rugdiary summary --json` gives for this period.
    summary = build_summary(
        repo.list(), sessions.list(), result.request.start, result.request.end, "en"
    )
    view = page.view
    # The same words, with the period in the page's locale (the tests run in US English).
    day_first = format_period(result.request.start, result.request.end)
    month_first = format_period(result.request.start, result.request.end, month_first=True)
    assert month_first == "from December 3, 2025 to March 2, 2026"
    assert view.sentence.text() == summary["insight"].replace(
        "F" + day_first[1:], "F" + month_first[1:]
    )
    assert view.caveat.text() == summary["caveat"]
    # Plain words first; the figures (named: each day against the usual) one click away.
    assert "ρ" not in view.sentence.text()
    assert view.numbers.text() == summary["insight_details"]
    assert "ρ = " in view.numbers.text()
    assert view.numbers_button.isVisible()
    assert not view.numbers.isVisible()
    view.numbers_button.click()
    assert view.numbers.isVisible()
    assert view.caveat.isVisible()
    assert "cause" not in view.sentence.text().lower()
    assert not view.needs.isVisible()
    assert "90 days" in view.period_label.text()
    # The dates once stood here and again at the start of the sentence, one line below.
    assert view.sentence.text().startswith("From ")
    assert "2026" not in view.period_label.text()
    # The answer comes before the first chart.
    top_of = {
        w: w.mapTo(view, w.rect().topLeft()).y() for w in (view.sentence, view.cards["timeline"])
    }
    assert top_of[view.sentence] < top_of[view.cards["timeline"]]
    for card in view.cards.values():
        assert card.canvas is not None
        assert card.canvas.has_chart()
        assert card.save_button.isEnabled()
    assert not view.is_busy()


def test_changing_the_period_updates_sentence_and_days(
    fill, make_page: MakePage, ready, clock: FakeClock
) -> None:
    fill(400)
    page = make_page()
    before = page.view.sentence.text()

    result = ready(page, lambda: page.controller.set_range(RangeChoice.WEEKS_4))
    assert result.series is not None
    assert result.series.n_days == 28
    assert _timeline_points(page) == 28
    assert page.view.sentence.text() != before
    assert page.view.sentence.text().startswith("From February 3 to March 2, 2026")

    # Through the combo box, as a person would.
    combo = page.view.range_combo
    result = ready(page, lambda: combo.setCurrentIndex(combo.findData(RangeChoice.MONTHS_12.value)))
    assert result.series is not None
    assert result.series.n_days == 365
    assert page.view.sentence.text().startswith("From March 3, 2025 to March 2, 2026")

    result = ready(page, lambda: page.controller.set_range(RangeChoice.ALL))
    assert result.series is not None
    assert result.request.start == clock.now().date() - timedelta(days=399)


def test_custom_dates_given_back_to_front_are_turned_round(
    fill, make_page: MakePage, ready
) -> None:
    fill(120)
    page = make_page()
    first, last = date(2026, 1, 1), date(2026, 2, 15)
    result = ready(page, lambda: page.controller.set_range(RangeChoice.CUSTOM, (last, first)))
    assert (result.request.start, result.request.end) == (first, last)
    assert page.view.from_date.isVisible()
    assert page.view.to_date.isVisible()

    # Typing a date in the fields asks for that period once the typing has paused.
    result = ready(page, lambda: page.view.from_date.setDate(page.view.from_date.date().addDays(5)))
    assert result.request.start == date(2026, 1, 6)


def test_too_few_days_say_what_is_needed(fill, make_page: MakePage) -> None:
    fill(10)
    page = make_page()
    view = page.view
    assert view.needs.isVisible()
    assert "14" in view.needs.text()
    assert "more" in view.sentence.text()  # "log ... on at least N more days"
    assert not view.caveat.isVisible()  # no pattern described, so nothing to qualify
    result = page.controller.result
    assert result is not None
    assert result.days_logged <= 10
    # The charts still show the days, with their own notes instead of a trend line.
    scatter = build_figure(result, "scatter", ChartStyle())
    assert not [line for line in scatter.axes[0].get_lines() if line.get_gid() == "trend"]


def test_between_trend_and_pattern_the_page_says_so(fill, make_page: MakePage, ready) -> None:
    fill(120)
    page = make_page()
    result = ready(page, lambda: page.controller.set_range(RangeChoice.WEEKS_4))
    if result.paired_days < 28:  # a missed day in the last four weeks
        assert page.view.needs.isVisible()
        assert "28" in page.view.needs.text()


def test_an_empty_diary_shows_a_calm_message_and_no_empty_charts(make_page: MakePage) -> None:
    page = make_page()
    view = page.view
    assert view.needs.isVisible()
    assert "Nothing is filled in" in view.needs.text()
    assert all(not card.isVisible() for card in view.cards.values())
    result = page.controller.result
    assert result is not None
    assert result.charts == {}


def test_theme_and_language_redraw(fill, make_page: MakePage, ready) -> None:
    fill(60)
    page = make_page()
    result = ready(page, lambda: page.controller.set_theme("dark"))
    assert result.request.theme == "dark"
    corner = result.charts["timeline"].image.pixelColor(1, 1)
    assert corner.name() == DARK_PALETTE.figure_bg
    result = ready(page, lambda: page.controller.set_language("nl"))
    assert page.view.sentence.text().startswith("Van ")
    assert result.request.lang == "nl"


def test_charts_follow_a_new_width(fill, make_page: MakePage, ready, qtbot) -> None:
    fill(60)
    page = make_page()
    window = page.view.window()
    before = page.controller.result.charts["timeline"].logical_size  # type: ignore[union-attr]
    result = ready(page, lambda: window.resize(1300, 800))
    after = result.charts["timeline"].logical_size
    assert after[0] > before[0]
    canvas = page.view.cards["timeline"].canvas
    assert canvas is not None
    assert canvas.drawn_size() == (canvas.width(), canvas.height())


def test_the_period_choice_ends_above_the_cards_right_edge(make_page: MakePage, qtbot) -> None:
    """It stood over the scroll bar at 900 and 1100 wide, and the cards were centred at
    1600: the page's two columns did not line up."""
    page = make_page()
    view = page.view
    window = view.window()
    for width in (900, 1100, 1800):
        window.resize(width, 800)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        combo = view.range_combo
        combo_right = combo.mapTo(view, combo.rect().topRight()).x()
        cards = view.content
        cards_left = cards.mapTo(view, cards.rect().topLeft()).x()
        cards_right = cards.mapTo(view, cards.rect().topRight()).x()
        title = view.findChild(QLabel, "pageTitle")
        assert title is not None
        assert abs(combo_right - cards_right) <= 2, (width, combo_right, cards_right)
        assert cards_left <= title.mapTo(view, title.rect().topLeft()).x() + 2, width


def test_charts_are_drawn_larger_for_larger_text(fill, make_page: MakePage) -> None:
    fill(30)
    page = make_page(show=False)
    font = page.view.font()
    font.setPointSizeF(24.0)
    page.view.setFont(font)
    assert page.controller._font_scale() == pytest.approx(2.0)
    assert page.controller._text_scale() == pytest.approx(2.4)


def test_chart_text_on_the_page_is_larger_than_in_the_pdf(fill, make_page: MakePage) -> None:
    """At the app's own 12 pt the charts' ticks were 12 px beside 16 px text."""
    from rugdiary.ui.insights.controller import SCREEN_CHART_TEXT

    fill(30)
    page = make_page(show=False)
    font = page.view.font()
    font.setPointSizeF(12.0)
    page.view.setFont(font)
    assert SCREEN_CHART_TEXT > 1.0
    assert page.controller._text_scale() == pytest.approx(SCREEN_CHART_TEXT)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (RangeChoice.WEEKS_4, Period(date(2026, 2, 3), date(2026, 3, 2))),
        (RangeChoice.MONTHS_3, Period(date(2025, 12, 3), date(2026, 3, 2))),
        (RangeChoice.MONTHS_12, Period(date(2025, 3, 3), date(2026, 3, 2))),
        (RangeChoice.ALL, Period(date(2024, 5, 1), date(2026, 3, 2))),
    ],
)
def test_periods(choice: RangeChoice, expected: Period) -> None:
    assert period_for(choice, date(2026, 3, 2), date(2024, 5, 1)) == expected


def test_period_edges() -> None:
    assert months_back(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_back(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_back(date(2026, 1, 15), 1) == date(2025, 12, 15)
    assert period_for(RangeChoice.ALL, date(2026, 3, 2), None) == Period(
        date(2026, 3, 2), date(2026, 3, 2)
    )
    with pytest.raises(ValueError, match="custom"):
        period_for(RangeChoice.CUSTOM, date(2026, 3, 2), None)


def test_importing_and_building_the_page_pays_for_no_chart_library() -> None:
    """Start-up must not pay for matplotlib: only the first show of the page does."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from rugdiary.core.clock import SystemClock\n"
        "from rugdiary.ui.insights.page import build_insights_page\n"
        "app = QApplication([])\n"
        "class Empty:\n"
        "    def list(self, start=None, end=None): return []\n"
        "    def oldest_day(self): return None\n"
        "page = build_insights_page(Empty(), None, SystemClock())\n"
        "print(sorted(m for m in ('matplotlib', 'scipy', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    ).stdout.strip()
    assert out == "[]"


def test_sessions_are_optional(fill, qtbot, repo: EntryRepository, clock: FakeClock) -> None:
    """Without a session source (player not wired in) the page works; no exercise marks."""
    fill(30)
    page = build_insights_page(repo, None, clock)
    qtbot.addWidget(page.view)
    page.view.resize(1000, 700)
    with qtbot.waitSignal(page.controller.chartsReady, timeout=30_000) as blocker:
        page.view.show()
    result = blocker.args[0]
    assert result.error is None
    assert result.series is not None
    assert int(result.series.session_count.sum()) == 0
    page.controller.wait_until_idle()


def test_session_source_is_read_for_the_period(
    fill, make_page: MakePage, sessions: SessionRepository
) -> None:
    fill(60)
    page = make_page()
    result = page.controller.result
    assert result is not None
    assert result.series is not None
    assert int(result.series.session_count.sum()) == len(
        sessions.list(result.request.start, result.request.end)
    )


def test_the_page_and_the_charts_agree_on_the_minimum_days() -> None:
    from rugdiary.core.insights import MIN_DAYS
    from rugdiary.reports import charts
    from rugdiary.ui.insights import chart_jobs, controller

    assert chart_jobs.MIN_TREND_DAYS == charts.MIN_TREND_DAYS
    assert controller.MIN_PAIRED_DAYS == MIN_DAYS


def test_the_answer_card_has_an_edge_in_high_contrast(
    fill, make_page: MakePage, restore_app_look: QApplication
) -> None:
    """Its base and the window are both black there: without the chart cards' edge, the
    answer stood loose on the page."""
    from rugdiary.ui.theme import HIGH_CONTRAST, apply_theme

    apply_theme(restore_app_look, HIGH_CONTRAST)
    fill(30)
    page = make_page(show=False)
    page.view.window().show()
    card = page.view.findChild(QFrame, "answerCard")
    assert card is not None
    image = card.grab().toImage()
    edge = image.pixelColor(image.width() // 2, 0)
    inside = image.pixelColor(image.width() // 2, image.height() // 2 + 1)
    assert edge.lightness() - inside.lightness() > 128, (edge.name(), inside.name())
