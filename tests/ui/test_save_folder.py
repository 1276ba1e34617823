"""Save dialogs open in Documents, or in the home folder where there is no Documents folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths

from rugdiary.ui import dialogs, save_folder
from rugdiary.ui.data_files.export_dialog import ExportChoice
from rugdiary.ui.main_window import MainWindow


class _Paths:
    """QStandardPaths with the Documents folder it names chosen by the test."""

    StandardLocation = QStandardPaths.StandardLocation

    def __init__(self, documents: Path | str) -> None:
        self.documents = str(documents)

    def writableLocation(self, location: Any) -> str:
        assert location == QStandardPaths.StandardLocation.DocumentsLocation
        return self.documents


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def test_the_documents_folder_when_it_exists(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = home / "Documenten"
    documents.mkdir()
    monkeypatch.setattr(save_folder, "QStandardPaths", _Paths(documents))
    assert save_folder.save_folder() == documents


@pytest.mark.parametrize("documents", ["", "Documents"])
def test_home_when_there_is_no_documents_folder(
    home: Path, monkeypatch: pytest.MonkeyPatch, documents: str
) -> None:
    """Qt names ~/Documents even where it was never made; a dialog opened there showed
    the folder the app was started from."""
    monkeypatch.setattr(
        save_folder, "QStandardPaths", _Paths(home / documents if documents else "")
    )
    assert save_folder.save_folder() == home


def test_the_data_export_the_report_and_the_programme_files_all_start_there(
    window: MainWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(save_folder, "QStandardPaths", _Paths(home / "Documents"))
    assert window.data_files().suggested_path(ExportChoice("json")).parent == home
    window.show_page("report")
    assert window.report.controller.suggested_path().parent == home

    window.show_page("programs")
    suggested: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_programme_export", lambda *_args: "")

    def choose(_parent: Any, path: Path) -> None:
        suggested.append(path)

    monkeypatch.setattr(dialogs, "choose_programme_export_file", choose)
    monkeypatch.setattr(dialogs, "choose_sheet_file", choose)
    programs = window.programs
    assert programs.controller.select_program("core-stability-beginner")
    programs.files.export()
    programs.files.save_sheet()
    assert [path.parent for path in suggested] == [home, home]
