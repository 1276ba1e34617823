"""A restore that cannot write (full disk, read-only folder) is told calmly, not a crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rugdiary.storage.errors import StorageWriteError
from rugdiary.ui import dialogs
from rugdiary.ui.services import Services
from rugdiary.ui.settings import controller as settings_controller
from rugdiary.ui.settings.page import SettingsPage


def test_a_restore_that_cannot_write_keeps_the_diary_and_says_why(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    services.db.backup_now()
    page.controller.reload_backups()
    monkeypatch.setattr(dialogs, "ask_restore_backup", lambda _parent, _when: True)

    def full_disk(data_dir: Path, *_args: Any, **_kwargs: Any) -> Path:
        raise StorageWriteError(data_dir, "the disk is full")

    monkeypatch.setattr(settings_controller, "restore_backup", full_disk)
    assert not page.controller.restore_selected()
    text = page.view.backup_message.text()
    assert text.startswith("The backup was not restored: the disk is full")
    assert "Your diary is unchanged." in text
