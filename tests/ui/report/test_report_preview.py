"""The Report page's preview: a calm placeholder while it is prepared, and page 1 drawn
before the page counts as settled (so `screenshot --page report` is never blank)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.demo import generate_demo_entries
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository, SessionRepository
from rugdiary.ui.report import report_view
from rugdiary.ui.report.page import ReportPage, build_report_page

BUILD_MS = 60_000


@pytest.fixture
def page(qtbot: QtBot, db: Database, repo: EntryRepository, clock: FakeClock) -> ReportPage:
    repo.add_many(generate_demo_entries(40, seed=3, end=clock.now().date()))
    built = build_report_page(repo, SessionRepository(db), clock, lang="en", app_version="9.9")
    qtbot.addWidget(built.view)
    # Wide enough for the preview beside the form: these tests look at its drawn pages.
    built.view.resize(1400, 800)
    return built


def test_placeholder_says_the_preview_is_being_prepared(qtbot: QtBot, page: ReportPage) -> None:
    view = page.view
    with qtbot.waitSignal(page.controller.finished, timeout=BUILD_MS):
        view.show()
        # Until the first report is ready the preview's place says so, with a moving bar,
        # instead of an empty block.
        assert view.preview_stack.currentWidget() is view.placeholder
        assert view.placeholder.isVisible()
        assert view.placeholder_label.text() == "Preparing the preview…"
        assert view.placeholder_busy.isVisible()
        assert view.placeholder_busy.maximum() == 0  # indeterminate
    assert view.preview_stack.currentWidget() is view.pdf_view
    assert not view.placeholder.isVisible()


def test_a_failed_first_build_is_said_in_the_preview(qtbot: QtBot, page: ReportPage) -> None:
    view = page.view
    view.show()
    view.show_preview_failed("The report could not be made: disk full")
    assert view.placeholder_label.text() == "The report could not be made: disk full"
    assert not view.placeholder_busy.isVisible()
    with qtbot.waitSignal(page.controller.finished, timeout=BUILD_MS):
        pass


@pytest.mark.skipif(not report_view.HAVE_QTPDF, reason="QtPdf draws the preview")
def test_page_stays_busy_until_page_one_is_drawn(qtbot: QtBot, page: ReportPage) -> None:
    view = page.view
    controller = page.controller
    with qtbot.waitSignal(controller.finished, timeout=BUILD_MS):
        view.show()
    # The PDF is built, but its pages are drawn in QPdfView's renderer thread: a screenshot
    # taken now would show blank pages, so the page still counts as busy until page 1 is in.
    qtbot.waitUntil(lambda: not controller.is_busy(), timeout=BUILD_MS)
    assert view.preview_pages() >= 1
    assert not view.preview_drawing()
    image = view.pdf_view.grab().toImage()
    # Page 1's text is drawn: dark pixels inside the white page, not only its white paper.
    dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if QColor(image.pixel(x, y)).lightness() < 100:
                dark += 1
    assert dark > 50, "page 1 of the preview is blank"


@pytest.mark.skipif(not report_view.HAVE_QTPDF, reason="QtPdf draws the preview")
def test_a_new_size_waits_for_the_pages_again(qtbot: QtBot, page: ReportPage) -> None:
    view = page.view
    with qtbot.waitSignal(page.controller.finished, timeout=BUILD_MS):
        view.show()
    qtbot.waitUntil(lambda: not page.controller.is_busy(), timeout=BUILD_MS)
    view.resize(1200, 800)
    qtbot.waitUntil(lambda: not view.preview_drawing(), timeout=BUILD_MS)
    assert not page.controller.is_busy()
