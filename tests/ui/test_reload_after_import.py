"""After an import, a page on screen shows what came in, not what it read before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import list_backups
from rugdiary.ui import dialogs
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services

CHARTS_MS = 30_000


@pytest.fixture
def add_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    def add(*_args: Any) -> dialogs.ImportDataChoice:
        return dialogs.ImportDataChoice.ADD

    monkeypatch.setattr(dialogs, "ask_import_data", add)


def scores_file(folder: Path, clock: FakeClock, days: int) -> Path:
    today = clock.now().date()
    rows = ["date,pain,stress"] + [
        f"{today.fromordinal(today.toordinal() - back)},4,5" for back in range(1, days + 1)
    ]
    path = folder / "scores.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


@pytest.mark.usefixtures("add_without_asking")
def test_insights_on_screen_redraws_after_an_import(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    controller = window.insights.controller
    with qtbot.waitSignal(controller.chartsReady, timeout=CHARTS_MS):
        window.show_page("insights")
    assert controller.result is not None
    assert controller.result.days_logged == 0
    source = scores_file(tmp_path, clock, days=5)
    with qtbot.waitSignal(controller.chartsReady, timeout=CHARTS_MS):
        assert window.data_files().import_file(source)
    assert controller.result.days_logged == 5
    controller.wait_until_idle()


@pytest.mark.usefixtures("add_without_asking")
def test_the_backup_list_on_screen_shows_the_imports_backup(
    window: MainWindow, services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    window.show_page("settings")
    shown = window.settings_page.view.backups
    before = shown.count()
    assert window.data_files().import_file(scores_file(tmp_path, clock, days=2))
    assert len(list_backups(services.data_dir)) > before
    assert shown.count() == len(list_backups(services.data_dir))
