"""The Settings page says in Dutch why a backup was not restored or autostart not switched."""

from __future__ import annotations

from pathlib import Path

import pytest

from rugdiary.ui import autostart, dialogs
from rugdiary.ui.services import Services
from rugdiary.ui.settings.page import SettingsPage
from tests.ui.test_storage_reasons_in_dutch import dutch_reasons  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("dutch_reasons")


def test_a_damaged_backup_is_not_restored_and_says_why_in_dutch(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    backup = services.db.backup_now()
    backup.path.write_bytes(b'{"entries": {"1": ')
    page.controller.reload_backups(select=backup.path)
    monkeypatch.setattr(dialogs, "ask_restore_backup", lambda _parent, _when: True)

    assert not page.controller.restore_selected()

    assert page.view.backup_message.text() == (
        "De back-up is niet teruggezet: geen enkele back-up kon worden gelezen "
        f"({backup.path.name}: het bestand is onvolledig of onleesbaar geworden (regel 1, "
        "kolom 19)). Je dagboek is niet veranderd."
    )


needs_xdg = pytest.mark.skipif(
    not autostart.is_supported(), reason="XDG autostart exists on Linux and the BSDs only"
)


@needs_xdg
def test_an_autostart_folder_that_cannot_be_written_is_said_in_dutch(
    page: SettingsPage, xdg_config: Path
) -> None:
    xdg_config.mkdir(parents=True)
    (xdg_config / "autostart").write_text("a file, not a folder", "utf-8")

    page.view.autostart.setChecked(True)

    assert not page.view.autostart.isChecked()
    assert page.view.autostart_note.text() == (
        f"Dit kon niet worden gewijzigd: in de map {xdg_config / 'autostart'} voor automatisch "
        "starten kan niet worden geschreven (File exists)."
    )


@needs_xdg
def test_an_autostart_entry_that_cannot_be_removed_is_said_in_dutch(
    page: SettingsPage, xdg_config: Path
) -> None:
    page.view.autostart.setChecked(True)
    entry = xdg_config / "autostart" / autostart.FILE_NAME
    entry.unlink()
    (entry / "in the way").mkdir(parents=True)

    page.view.autostart.setChecked(False)

    assert page.view.autostart.isChecked()
    assert page.view.autostart_note.text() == (
        f"Dit kon niet worden gewijzigd: het bestand {entry} voor automatisch starten kan "
        "niet worden verwijderd (Is a directory)."
    )


def test_starting_at_login_where_it_is_not_supported_is_said_in_dutch(
    monkeypatch: pytest.MonkeyPatch, page: SettingsPage
) -> None:
    monkeypatch.setattr(autostart.sys, "platform", "darwin")

    page.view.autostart.setChecked(True)

    assert not page.view.autostart.isChecked()
    assert page.view.autostart_note.text() == (
        "Dit kon niet worden gewijzigd: automatisch starten bij inloggen werkt op dit systeem "
        "nog niet."
    )
