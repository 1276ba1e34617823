"""The Report page: choose options, build off the GUI thread, preview, save and open."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.demo import generate_demo_entries
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository, SessionRepository
from rugdiary.ui import dialogs
from rugdiary.ui.report import report_view
from rugdiary.ui.report.page import ReportPage, build_report_page

BUILD_MS = 60_000


@pytest.fixture
def page(qtbot: QtBot, db: Database, repo: EntryRepository, clock: FakeClock) -> ReportPage:
    repo.add_many(generate_demo_entries(120, seed=3, end=clock.now().date()))
    built = build_report_page(repo, SessionRepository(db), clock, lang="nl", app_version="9.9")
    qtbot.addWidget(built.view)
    built.view.resize(1100, 760)
    return built


@pytest.fixture
def shown(qtbot: QtBot, page: ReportPage) -> ReportPage:
    """The page shown, with its first report (built when the page first appears)."""
    with qtbot.waitSignal(page.controller.finished, timeout=BUILD_MS):
        page.view.show()
    return page


def test_nothing_is_built_until_the_page_is_shown(page: ReportPage) -> None:
    assert page.controller.pdf is None
    assert not page.controller.building
    assert not page.view.save_button.isEnabled()


def test_first_show_builds_in_the_app_language(qtbot: QtBot, shown: ReportPage) -> None:
    controller = shown.controller
    assert controller.pdf is not None
    assert controller.pdf.startswith(b"%PDF-")
    assert shown.view.language.currentData() == "nl"
    assert controller.pdf_request is not None
    assert controller.pdf_request.lang == "nl"
    assert (controller.pdf_request.end - controller.pdf_request.start).days == 27
    assert shown.view.save_button.isEnabled()
    assert not shown.view.busy.isVisible()
    if report_view.HAVE_QTPDF:
        qtbot.waitUntil(lambda: shown.view.preview_pages() == 2, timeout=5000)


def test_building_runs_off_the_gui_thread_with_a_busy_bar(qtbot: QtBot, shown: ReportPage) -> None:
    controller = shown.controller
    with qtbot.waitSignal(controller.finished, timeout=BUILD_MS):
        controller.build()
        # build() returned at once: the PDF is being made in the pool meanwhile.
        assert controller.building
        assert shown.view.busy.isVisible()
        assert not shown.view.save_button.isEnabled()
    assert not shown.view.busy.isVisible()


def test_options_reach_the_report(qtbot: QtBot, shown: ReportPage) -> None:
    view = shown.view
    controller = shown.controller
    view.period.setCurrentIndex(view.period.findData("3m"))
    view.language.setCurrentIndex(view.language.findData("en"))
    view.patient_name.setText("Zoë Brontë")
    view.questions.setPlainText("May I keep cycling?")
    view.appendix.setChecked(True)
    assert not view.save_button.isEnabled()  # the old report no longer matches the choices
    with qtbot.waitSignal(controller.finished, timeout=BUILD_MS):
        pass
    qtbot.waitUntil(lambda: not controller.building, timeout=BUILD_MS)
    request = controller.pdf_request
    assert request is not None
    assert (request.end - request.start).days == 90
    assert request.lang == "en"
    assert request.patient_name == "Zoë Brontë"
    assert request.questions == "May I keep cycling?"
    assert request.include_appendix
    assert view.save_button.isEnabled()
    if report_view.HAVE_QTPDF:
        qtbot.waitUntil(lambda: view.preview_pages() > 2, timeout=5000)


def test_custom_dates_are_used_in_order(qtbot: QtBot, shown: ReportPage) -> None:
    view = shown.view
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.from_date.isEnabled()
    view.from_date.setDate(view.to_date.date().addDays(-9))
    request = shown.controller.request()
    assert (request.end - request.start).days == 9


def test_save_writes_a_private_pdf_through_the_dialogs(
    qtbot: QtBot, shown: ReportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[Path] = []
    confirmations: list[bool] = []
    target = tmp_path / "out" / "report.pdf"

    def choose(_parent: object, path: Path) -> Path:
        suggested.append(path)
        return target

    def confirm(_parent: object) -> bool:
        confirmations.append(True)
        return True

    monkeypatch.setattr(dialogs, "choose_report_file", choose)
    monkeypatch.setattr(dialogs, "confirm_health_data_file", confirm)
    with qtbot.waitSignal(shown.controller.saved, timeout=5000) as saved:
        shown.view.save_button.click()
    assert saved.args == [target]
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.read_bytes() == shown.controller.pdf
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert suggested[0].name == "rugdiary-report-2026-03-02.pdf"
    assert not list(target.parent.glob(".rugdiary-report-*"))  # no temp file left behind
    # The health-data notice is shown once, not before every save.
    assert shown.controller.save() == target
    assert len(confirmations) == 1


def test_declining_the_health_data_notice_saves_nothing(
    shown: ReportPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    monkeypatch.setattr(dialogs, "confirm_health_data_file", lambda _parent: False)
    monkeypatch.setattr(dialogs, "choose_report_file", lambda _p, path: asked.append(path))
    assert shown.controller.save() is None
    assert asked == []


def test_a_failed_write_is_explained_calmly(
    shown: ReportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "confirm_health_data_file", lambda _parent: True)
    monkeypatch.setattr(dialogs, "choose_report_file", lambda _p, _s: blocker / "r.pdf")
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append((title, text)))
    assert shown.controller.save() is None
    assert errors
    assert "not saved" in errors[0][0]
    assert str(blocker / "r.pdf") in errors[0][1]


def test_health_data_notice_is_visible(shown: ReportPage) -> None:
    notice = shown.view.health_notice
    assert notice.isVisible()
    assert "health data" in notice.text()


def test_open_in_viewer_uses_a_private_copy_removed_on_quit(
    shown: ReportPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(dialogs, "confirm_health_data_file", lambda _parent: True)
    shown.controller.open_url = lambda url: opened.append(url) is None
    shown.view.open_button.click()
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.read_bytes() == shown.controller.pdf
    assert path.name == "rugdiary-report-2026-03-02.pdf"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    shown.controller.remove_temp_files()
    assert not path.exists()
    assert not path.parent.exists()
