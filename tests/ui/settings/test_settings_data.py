"""Data folder and backups on the Settings page: list, make one now, restore, open the folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.errors import DataLockedError
from rugdiary.ui import dialogs
from rugdiary.ui.services import Services
from rugdiary.ui.settings import controller as settings_controller
from rugdiary.ui.settings.page import SettingsPage


def test_backups_are_listed_newest_first_with_date_time_and_size(
    db: Database, clock: FakeClock, page: SettingsPage
) -> None:
    clock.advance(26 * 3600)
    db.backup_now()
    page.controller.reload_backups()
    listing = page.view.backups
    backups = db.backups()
    assert listing.count() == len(backups) == 2
    first = listing.item(0).text()
    assert first.startswith("Tuesday, March 3, 2026")
    assert "bytes" in first or "KB" in first
    assert listing.item(1).text().startswith("Monday, March 2, 2026")
    assert page.controller.selected_backup() == backups[0].path


def test_backup_now_adds_one_and_selects_it(
    qtbot: QtBot, db: Database, clock: FakeClock, page: SettingsPage
) -> None:
    before = page.view.backups.count()
    clock.advance(300)
    with qtbot.waitSignal(page.controller.notice) as blocker:
        page.view.backup_now_button.click()
    assert blocker.args == ["Backup made", False]
    assert page.view.backups.count() == before + 1
    assert page.controller.selected_backup() == db.backups()[0].path


def test_restore_asks_first_and_keeps_the_diary_when_declined(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    asked: list[str] = []

    def decline(_parent: Any, when: str) -> bool:
        asked.append(when)
        return False

    monkeypatch.setattr(dialogs, "ask_restore_backup", decline)
    services.settings.set("theme", "dark")
    assert not page.controller.restore_selected()
    assert [" ".join(w.split()) for w in asked] == ["Monday, March 2, 2026, 9:00 AM"]
    assert services.settings.get("theme") == "dark"


def test_restore_puts_the_backup_back_and_reports(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    clock: FakeClock,
    services: Services,
    page: SettingsPage,
    applied_themes: list[str],
) -> None:
    monkeypatch.setattr(dialogs, "ask_restore_backup", lambda _parent, _when: True)
    calls: list[Path] = []
    real_restore = settings_controller.restore_backup

    def spy(data_dir: Path, backup: Path | None = None, **kwargs: Any) -> Path:
        calls.append(Path(str(backup)))
        return real_restore(data_dir, backup, **kwargs)

    monkeypatch.setattr(settings_controller, "restore_backup", spy)
    oldest = db.backups()[-1].path  # the diary as it was opened: no settings yet
    clock.advance(60)
    page.view.theme.setCurrentIndex(page.view.theme.findData("dark"))
    page.view.voice_cues.setChecked(False)
    page.controller.reload_backups(select=oldest)

    with (
        qtbot.waitSignal(page.controller.diaryRestored) as restored,
        qtbot.waitSignal(page.controller.voiceChanged) as voice,
    ):
        assert page.controller.restore_selected()
    assert calls == [oldest]
    assert restored.args == [oldest]
    assert voice.args == [True]
    # The restored file's settings are in force, and shown.
    assert services.settings.get("theme") is None
    assert applied_themes[-1] == "system"
    assert page.view.theme.currentData() == "system"
    assert page.view.voice_cues.isChecked()
    message = page.view.backup_message
    assert message.isVisibleTo(page.view)
    assert "is restored" in message.text()
    # The diary as it was before the restore is one of the backups now.
    newest = db.backups()[0].path
    assert newest != oldest
    assert '"dark"' in newest.read_text("utf-8")


def test_restore_failure_is_told_calmly(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    monkeypatch.setattr(dialogs, "ask_restore_backup", lambda _parent, _when: True)

    def locked(data_dir: Path, *_args: Any, **_kwargs: Any) -> Path:
        raise DataLockedError(data_dir, "another RugDiary is using this data folder")

    monkeypatch.setattr(settings_controller, "restore_backup", locked)
    # No message box: the explanation appears under the list.
    monkeypatch.setattr(dialogs, "show_error", _no_dialog)
    services.settings.set("theme", "dark")
    assert not page.controller.restore_selected()
    text = page.view.backup_message.text()
    assert text.startswith("The backup was not restored: another RugDiary is using")
    assert "Your diary is unchanged." in text
    assert services.settings.get("theme") == "dark"


def _no_dialog(*_args: Any) -> None:
    raise RuntimeError("errors on the Settings page are shown in the page")


def test_no_backups_means_nothing_to_restore(
    db: Database, page: SettingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "backups", list)
    page.controller.reload_backups()
    assert page.view.backups.item(0).text() == "No backups yet."
    assert not page.view.restore_button.isEnabled()
    assert not page.controller.restore_selected()


def test_open_data_folder_asks_the_desktop(
    monkeypatch: pytest.MonkeyPatch, db: Database, page: SettingsPage
) -> None:
    opened: list[QUrl] = []

    class FakeDesktop:
        @staticmethod
        def openUrl(url: QUrl) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr(settings_controller, "QDesktopServices", FakeDesktop)
    page.view.open_folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(db.data_dir)]
    assert opened[0].scheme() == "file"


def test_open_data_folder_failure_names_the_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database, page: SettingsPage
) -> None:
    class NoFileManager:
        @staticmethod
        def openUrl(_url: QUrl) -> bool:
            return False

    monkeypatch.setattr(settings_controller, "QDesktopServices", NoFileManager)
    with qtbot.waitSignal(page.controller.notice) as blocker:
        assert not page.controller.open_data_folder()
    assert str(db.data_dir) in blocker.args[0]
