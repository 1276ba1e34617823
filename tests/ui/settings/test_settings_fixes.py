"""Settings page fixes: a refused save, what a restore brings back, reasons in Dutch, names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.errors import DataLockedError, StorageWriteError
from rugdiary.storage.repositories import SettingsRepository
from rugdiary.ui import dialogs
from rugdiary.ui.first_run import DONE_KEY
from rugdiary.ui.motion import reduce_motion, set_reduce_motion
from rugdiary.ui.safety import ACKNOWLEDGED_KEY
from rugdiary.ui.services import Services
from rugdiary.ui.settings import controller as settings_controller
from rugdiary.ui.settings.page import SettingsPage, build_settings_page
from rugdiary.ui.settings.preferences import Preferences
from tests.ui.settings.conftest import PROGRAMS
from tests.ui.test_a11y_walker import accessible_name, name_problems, normalised
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)

FULL = StorageWriteError(Path("/data/diary.json"), "the disk is full")


@pytest.fixture(autouse=True)
def _motion_off_afterwards() -> Iterator[None]:
    """Reduced motion lives on the shared QApplication: off again for the next test."""
    yield
    set_reduce_motion(False)


def refuse_writes(
    monkeypatch: pytest.MonkeyPatch, settings: SettingsRepository, error: Exception = FULL
) -> None:
    """Every write to the settings table fails as on a full disk; reads go on working."""

    def refuse(_key: str, _value: object) -> None:
        raise error

    monkeypatch.setattr(settings, "set", refuse)


def notices_of(page: SettingsPage) -> list[str]:
    said: list[str] = []
    page.controller.notice.connect(lambda text, _undo: said.append(text))
    return said


# -- a choice the disk refuses -----------------------------------------------------------------


SWITCHES: dict[str, Callable[[Preferences], bool]] = {
    "sound_cues": Preferences.sound_cues,
    "voice_cues": Preferences.voice_cues,
    "keep_in_tray": Preferences.keep_in_tray,
    "reduce_motion": Preferences.reduce_motion,
}


@pytest.mark.parametrize("name", SWITCHES)
def test_a_switch_that_cannot_be_saved_goes_back_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    preferences: Preferences,
    page: SettingsPage,
    name: str,
) -> None:
    box = getattr(page.view, name)
    stored = SWITCHES[name](preferences)
    said = notices_of(page)
    refuse_writes(monkeypatch, services.settings)
    box.click()
    assert SWITCHES[name](preferences) is stored
    assert box.isChecked() is stored, "the switch shows what is stored, not what was not saved"
    assert said == ["Not saved: the disk is full"]
    assert reduce_motion() is False, "nothing is applied that was not saved"


@pytest.mark.parametrize(("name", "value"), [("language", "nl"), ("theme", "dark")])
def test_a_choice_that_cannot_be_saved_goes_back_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    page: SettingsPage,
    applied_themes: list[str],
    name: str,
    value: str,
) -> None:
    combo = getattr(page.view, name)
    said = notices_of(page)
    refuse_writes(monkeypatch, services.settings)
    combo.setCurrentIndex(combo.findData(value))
    assert combo.currentData() == "system"
    assert services.settings.get(name) is None
    assert said == ["Not saved: the disk is full"]
    if name == "theme":
        assert applied_themes[-1] == "system", "the colours go back to the stored choice"


def test_a_folder_locked_too_long_is_a_refused_save_too(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    said = notices_of(page)
    refuse_writes(
        monkeypatch,
        services.settings,
        DataLockedError(
            Path("/data"),
            "another RugDiary window or command is using this data folder; "
            "close it or try again in a moment",
        ),
    )
    page.view.voice_cues.click()
    assert page.view.voice_cues.isChecked()
    assert said == [
        "Not saved: another RugDiary window or command is using this data folder; "
        "close it or try again in a moment"
    ]


@pytest.mark.usefixtures("dutch")
def test_the_reason_a_choice_was_not_saved_is_in_the_apps_language(
    monkeypatch: pytest.MonkeyPatch, services: Services, page: SettingsPage
) -> None:
    said = notices_of(page)
    refuse_writes(monkeypatch, services.settings)
    page.view.sound_cues.click()
    assert len(said) == 1
    assert said[0].endswith("de schijf is vol")


# -- what a restore brings back ----------------------------------------------------------------


def restore_oldest(monkeypatch: pytest.MonkeyPatch, db: Database, page: SettingsPage) -> None:
    monkeypatch.setattr(dialogs, "ask_restore_backup", lambda _parent, _when: True)
    page.controller.reload_backups(select=db.backups()[-1].path)
    assert page.controller.restore_selected()


def test_a_restore_applies_and_shows_the_restored_reduce_motion(
    monkeypatch: pytest.MonkeyPatch, db: Database, clock: FakeClock, page: SettingsPage
) -> None:
    clock.advance(60)
    page.view.reduce_motion.click()
    assert reduce_motion()
    restore_oldest(monkeypatch, db, page)  # made before reduced motion was switched on
    assert not page.view.reduce_motion.isChecked()
    assert not reduce_motion(), "the figure and the ring move again, as in the restored diary"


def test_a_restore_from_the_first_day_does_not_bring_the_welcome_back(
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    clock: FakeClock,
    services: Services,
    page: SettingsPage,
) -> None:
    clock.advance(60)
    services.settings.set(DONE_KEY, True)  # the welcome, then the notice, after the backup
    services.settings.set(ACKNOWLEDGED_KEY, True)
    restore_oldest(monkeypatch, db, page)
    assert services.settings.get(DONE_KEY) is True
    assert services.settings.get(ACKNOWLEDGED_KEY) is True


def test_a_restore_before_the_welcome_leaves_it_to_come(
    monkeypatch: pytest.MonkeyPatch, db: Database, services: Services, page: SettingsPage
) -> None:
    """Nothing is marked seen that was not seen before the restore either."""
    restore_oldest(monkeypatch, db, page)
    assert services.settings.get(DONE_KEY) is None
    assert services.settings.get(ACKNOWLEDGED_KEY) is None


# -- reasons in the page's messages ------------------------------------------------------------


@pytest.mark.usefixtures("dutch")
def test_a_backup_that_cannot_be_made_says_why_in_dutch(
    monkeypatch: pytest.MonkeyPatch, db: Database, page: SettingsPage
) -> None:
    def full(*_args: Any, **_kwargs: Any) -> None:
        raise FULL

    monkeypatch.setattr(db, "backup_now", full)
    assert not page.controller.backup_now()
    assert "de schijf is vol" in page.view.backup_message.text()
    assert "the disk is full" not in page.view.backup_message.text()


@pytest.mark.usefixtures("dutch")
def test_a_restore_that_cannot_write_says_why_in_dutch(
    monkeypatch: pytest.MonkeyPatch, page: SettingsPage
) -> None:
    monkeypatch.setattr(dialogs, "ask_restore_backup", lambda _parent, _when: True)

    def full(*_args: Any, **_kwargs: Any) -> Path:
        raise FULL

    monkeypatch.setattr(settings_controller, "restore_backup", full)
    assert not page.controller.restore_selected()
    assert "de schijf is vol" in page.view.backup_message.text()


# -- the backup list is current when the page is shown ------------------------------------------


def test_a_backup_made_elsewhere_is_listed_when_the_page_is_shown_again(
    db: Database, clock: FakeClock, page: SettingsPage
) -> None:
    assert page.view.backups.count() == 1
    page.view.hide()
    clock.advance(86400)
    db.backup_now()  # the next day's backup, made by a save on another page
    page.view.show()
    assert page.view.backups.count() == 2
    assert page.controller.selected_backup() == db.backups()[1].path, "the choice is kept"


# -- names -------------------------------------------------------------------------------------


@pytest.mark.usefixtures("dutch")
def test_restore_is_named_by_its_visible_word_in_dutch(
    qtbot: QtBot, preferences: Preferences, db: Database, clock: FakeClock, xdg_config: Path
) -> None:
    built = build_settings_page(
        preferences, db, clock, lambda: PROGRAMS, apply_theme=lambda _t: None
    )
    qtbot.addWidget(built.view)
    built.view.show()
    qtbot.waitExposed(built.view)
    button = built.view.restore_button
    assert normalised(accessible_name(button)).startswith(normalised(button.text()))
    assert button.accessibleDescription(), "what it restores is still said"
    assert name_problems(built.view) == []


# -- Test sound --------------------------------------------------------------------------------


def test_test_sound_plays_with_sound_cues_off(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As "Test voice" speaks with the voice off: trying it is how one decides to switch on."""
    from rugdiary.ui import audio

    played: list[str] = []

    class Effect:
        def __init__(self, tone: audio.Tone) -> None:
            self.tone = tone

        def stop(self) -> None:
            pass

        def play(self) -> None:
            played.append(self.tone)

    monkeypatch.setattr(
        audio.CuePlayer, "_load_sounds", lambda _self: {t: Effect(t) for t in audio.Tone}
    )
    cues = audio.CuePlayer(sound=False, voice=False)
    try:
        assert not cues.play_tone(audio.Tone.PHASE), "a session's cue stays silent"
        assert cues.test_sound()
        assert played == [audio.Tone.PHASE]
        assert not cues.sound_enabled(), "the switch itself is not changed"
    finally:
        cues.shutdown()
        cues.deleteLater()
