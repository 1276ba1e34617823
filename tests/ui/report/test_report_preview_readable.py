"""The report's preview is readable in every window: beside the form when there is room,
below it (in the form's scrolling) when there is not. Beside the form in the smallest
window the A4 page was 173 pixels wide, its 10-point text under 2 points."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.demo import generate_demo_entries
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository, SessionRepository
from rugdiary.ui.report import report_view
from rugdiary.ui.report.page import ReportPage, build_report_page
from rugdiary.ui.report.report_view import PREVIEW_MIN_WIDTH

BUILD_MS = 60_000
SMALL_PAGE = (708, 566)
"""The Report page's size in the smallest window (900×600 less the page list and the menu)."""
LARGE_PAGE = (1408, 966)
"""Its size in a 1600×1000 window."""


@pytest.fixture
def page(qtbot: QtBot, db: Database, repo: EntryRepository, clock: FakeClock) -> ReportPage:
    repo.add_many(generate_demo_entries(40, seed=3, end=clock.now().date()))
    built = build_report_page(repo, SessionRepository(db), clock, lang="en", app_version="9.9")
    qtbot.addWidget(built.view)
    return built


def _show(qtbot: QtBot, page: ReportPage, size: tuple[int, int]) -> None:
    page.view.resize(*size)
    with qtbot.waitSignal(page.controller.finished, timeout=BUILD_MS):
        page.view.show()
    qtbot.waitUntil(lambda: not page.controller.is_busy(), timeout=BUILD_MS)
    for _ in range(3):
        QApplication.processEvents()


def test_the_smallest_window_puts_a_wide_preview_below_the_form(
    qtbot: QtBot, page: ReportPage
) -> None:
    view = page.view
    _show(qtbot, page, SMALL_PAGE)
    assert view.preview.width() >= PREVIEW_MIN_WIDTH, f"preview {view.preview.width()} wide"
    assert view.preview.width() <= view.width()
    # Under the form, as tall as the scrolling's view: scrolled down it fills the view.
    assert view.preview_below
    form_bottom = view.save_button.mapTo(view, view.save_button.rect().bottomLeft()).y()
    assert view.preview.height() >= 320
    assert view.preview.height() < form_bottom
    # The button that says the preview is there takes it into view and gives it the keys.
    assert view.show_preview_button.isVisible()
    assert view.preview.visibleRegion().boundingRect().height() < view.preview.height()
    view.show_preview_button.click()
    QApplication.processEvents()
    shown = view.preview.visibleRegion().boundingRect()
    assert shown == view.preview.rect(), f"the preview shows only {shown}"
    if report_view.HAVE_QTPDF:
        assert view.pdf_view.hasFocus()
        # Its page is drawn once in view, and the page settles again.
        qtbot.waitUntil(lambda: not page.controller.is_busy(), timeout=BUILD_MS)


def test_a_large_window_keeps_the_preview_beside_the_form(qtbot: QtBot, page: ReportPage) -> None:
    view = page.view
    _show(qtbot, page, LARGE_PAGE)
    assert not view.preview_below
    assert not view.show_preview_button.isVisible()
    assert view.preview.width() >= PREVIEW_MIN_WIDTH
    form_right = view.save_button.mapTo(view, view.save_button.rect().topRight()).x()
    assert view.preview.x() > form_right
    assert view.preview.height() == view.height()


def test_the_preview_moves_back_and_forth_with_the_width(qtbot: QtBot, page: ReportPage) -> None:
    view = page.view
    _show(qtbot, page, LARGE_PAGE)
    for size, below in ((SMALL_PAGE, True), (LARGE_PAGE, False), (SMALL_PAGE, True)):
        view.resize(*size)
        QApplication.processEvents()
        assert view.preview_below is below
        assert view.preview.isVisible()
        assert view.preview.width() >= PREVIEW_MIN_WIDTH
        if not below:
            assert view.preview.height() == view.height(), "a fixed height was left behind"
    qtbot.waitUntil(lambda: not page.controller.is_busy(), timeout=BUILD_MS)


@pytest.mark.skipif(
    not report_view.HAVE_QTPDF, reason="the preview takes the keys only as a PDF view"
)
def test_the_preview_keeps_the_keyboard_when_the_window_widens(
    qtbot: QtBot, page: ReportPage
) -> None:
    """Moving it beside the form took the focus away; the next arrow key went elsewhere."""
    view = page.view
    _show(qtbot, page, SMALL_PAGE)
    view.show_preview_button.click()
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert focused is not None
    assert view.preview.isAncestorOf(focused)
    view.resize(*LARGE_PAGE)
    QApplication.processEvents()
    assert not view.preview_below
    assert QApplication.focusWidget() is focused
