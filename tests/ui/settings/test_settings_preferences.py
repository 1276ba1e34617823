"""Each setting is stored in the diary's settings table and announced by its own signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.reminders import ReminderSettings
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import SettingsRepository
from rugdiary.ui import autostart
from rugdiary.ui.services import Services
from rugdiary.ui.settings.page import SettingsPage, build_settings_page
from rugdiary.ui.settings.preferences import Preferences
from rugdiary.ui.settings.settings_view import SettingsView
from rugdiary.ui.theme import apply_theme, build_palette

PROGRAMS = [("desk-break", "Desk break")]


def test_defaults_when_nothing_is_stored(preferences: Preferences) -> None:
    assert preferences.language() == "system"
    assert preferences.theme() == "system"
    assert preferences.sound_cues() is True
    assert preferences.voice_cues() is True
    assert preferences.keep_in_tray() is False
    assert preferences.tray_explained() is False
    assert preferences.reminders() == ReminderSettings()


def test_unusable_stored_values_read_as_defaults(
    preferences: Preferences, services: Services
) -> None:
    repo = preferences.repository
    repo.set("theme", "purple")
    repo.set("sound_cues", "yes")
    repo.set("reminders", {"breaks": {"every_min": 3}})
    assert preferences.theme() == "system"
    assert preferences.sound_cues() is True
    assert preferences.reminders() == ReminderSettings()


def test_setter_writes_once_and_announces_only_real_changes(
    qtbot: QtBot, preferences: Preferences
) -> None:
    with qtbot.waitSignal(preferences.changed) as blocker:
        preferences.set_theme("dark")
    assert blocker.args == ["theme"]
    with qtbot.assertNotEmitted(preferences.changed):
        preferences.set_theme("dark")
    with pytest.raises(ValueError, match="theme"):
        preferences.set_theme("purple")


def test_preferences_travel_in_the_diary_file(db: Database, preferences: Preferences) -> None:
    preferences.set_voice_cues(False)
    # Another reader of the same file (an export, the next start) sees it.
    assert SettingsRepository(db).get("voice_cues") is False
    assert "voice_cues" in db.path.read_text("utf-8")


@pytest.mark.parametrize(
    ("choose", "key", "value", "signal"),
    [
        (lambda v: v.language.setCurrentIndex(v.language.findData("nl")), "language", "nl",
         "languageChanged"),
        (lambda v: v.sound_cues.setChecked(False), "sound_cues", False, "soundsChanged"),
        (lambda v: v.voice_cues.setChecked(False), "voice_cues", False, "voiceChanged"),
        (lambda v: v.keep_in_tray.setChecked(True), "keep_in_tray", True, "keepInTrayChanged"),
    ],
)  # fmt: skip
def test_each_control_persists_and_emits(
    qtbot: QtBot,
    page: SettingsPage,
    services: Services,
    choose: Callable[[SettingsView], object],
    key: str,
    value: object,
    signal: str,
) -> None:
    view, controller = page.view, page.controller
    with qtbot.waitSignal(getattr(controller, signal)) as blocker:
        choose(view)
    assert blocker.args == [value]
    assert services.settings.get(key) == value


def test_theme_choice_is_stored_applied_and_announced(
    qtbot: QtBot, page: SettingsPage, services: Services, applied_themes: list[str]
) -> None:
    view, controller = page.view, page.controller
    with qtbot.waitSignal(controller.themeChanged) as blocker:
        view.theme.setCurrentIndex(view.theme.findData("dark"))
    assert blocker.args == ["dark"]
    assert applied_themes == ["dark"]
    assert services.settings.get("theme") == "dark"


@pytest.mark.usefixtures("restore_app_look")
def test_theme_applies_live_to_the_application(
    qtbot: QtBot,
    qapp: QApplication,
    preferences: Preferences,
    db: Database,
    clock: FakeClock,
    xdg_config: Path,
) -> None:
    apply_theme(qapp, "light")
    built = build_settings_page(
        preferences, db, clock, lambda: PROGRAMS, tray_available=True, autostart_supported=True
    )
    qtbot.addWidget(built.view)
    window = QPalette.ColorRole.Window
    assert qapp.palette().color(window) == build_palette("light").color(window)
    built.view.theme.setCurrentIndex(built.view.theme.findData("dark"))
    assert qapp.palette().color(window) == build_palette("dark").color(window)
    # Widgets get the new palette through posted events: the open page changes too.
    dark = build_palette("dark").color(window)
    qtbot.waitUntil(lambda: built.view.palette().color(window) == dark)
    built.view.theme.setCurrentIndex(built.view.theme.findData("light"))
    assert qapp.palette().color(window) == build_palette("light").color(window)


def test_test_buttons_ask_for_a_sample(qtbot: QtBot, page: SettingsPage) -> None:
    view, controller = page.view, page.controller
    with qtbot.waitSignal(controller.testSoundRequested):
        qtbot.mouseClick(view.test_sound_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(controller.testVoiceRequested):
        qtbot.mouseClick(view.test_voice_button, Qt.MouseButton.LeftButton)


def test_page_shows_what_is_stored(
    qtbot: QtBot,
    preferences: Preferences,
    db: Database,
    clock: FakeClock,
    xdg_config: Path,
) -> None:
    preferences.set_language("en")
    preferences.set_theme("light")
    preferences.set_sound_cues(False)
    preferences.set_keep_in_tray(True)
    built = build_settings_page(
        preferences, db, clock, lambda: PROGRAMS, apply_theme=lambda _t: None,
        tray_available=True, autostart_supported=True,
    )  # fmt: skip
    qtbot.addWidget(built.view)
    view = built.view
    assert view.language.currentData() == "en"
    assert view.theme.currentData() == "light"
    assert not view.sound_cues.isChecked()
    assert view.voice_cues.isChecked()
    assert view.keep_in_tray.isChecked()
    assert view.data_folder.text() == str(db.data_dir)


def test_change_made_elsewhere_is_shown_and_announced(
    qtbot: QtBot, page: SettingsPage, preferences: Preferences
) -> None:
    view, controller = page.view, page.controller
    with qtbot.waitSignal(controller.voiceChanged) as blocker:
        preferences.set_voice_cues(False)
    assert blocker.args == [False]
    assert not view.voice_cues.isChecked()


def test_language_note_says_when_it_takes_effect(page: SettingsPage) -> None:
    note = page.view.language_note.text()
    assert "next time you start" in note


def test_no_tray_means_the_switch_is_off_and_says_why(
    qtbot: QtBot, preferences: Preferences, db: Database, clock: FakeClock, xdg_config: Path
) -> None:
    built = build_settings_page(
        preferences, db, clock, lambda: PROGRAMS, apply_theme=lambda _t: None,
        tray_available=False, autostart_supported=True,
    )  # fmt: skip
    qtbot.addWidget(built.view)
    assert not built.view.keep_in_tray.isEnabled()
    assert "no tray" in built.view.keep_in_tray_note.text()


def test_autostart_switch_writes_and_removes_the_entry(
    qtbot: QtBot, page: SettingsPage, services: Services, xdg_config: Path
) -> None:
    view, controller = page.view, page.controller
    entry = xdg_config / "autostart" / "rugdiary.desktop"
    with qtbot.waitSignal(controller.autostartChanged) as blocker:
        view.autostart.setChecked(True)
    assert blocker.args == [True]
    assert entry.is_file()
    assert services.settings.get("autostart") is True
    with qtbot.waitSignal(controller.autostartChanged) as blocker:
        view.autostart.setChecked(False)
    assert blocker.args == [False]
    assert not entry.exists()


def test_autostart_failure_turns_the_switch_back_and_says_why(
    page: SettingsPage, xdg_config: Path
) -> None:
    # A file where the autostart folder should be: the entry cannot be written.
    xdg_config.mkdir(parents=True)
    (xdg_config / "autostart").write_text("not a folder", "utf-8")
    view = page.view
    view.autostart.setChecked(True)
    assert not view.autostart.isChecked()
    assert view.autostart_note.isVisibleTo(view)
    assert "could not be changed" in view.autostart_note.text()


def test_autostart_not_supported_is_said_not_pretended(
    qtbot: QtBot, preferences: Preferences, db: Database, clock: FakeClock, xdg_config: Path
) -> None:
    built = build_settings_page(
        preferences, db, clock, lambda: PROGRAMS, apply_theme=lambda _t: None,
        tray_available=True, autostart_supported=False,
    )  # fmt: skip
    qtbot.addWidget(built.view)
    assert not built.view.autostart.isEnabled()
    assert "not supported here" in built.view.autostart_note.text()
    assert autostart.is_enabled() is False


def test_every_control_is_reachable_by_keyboard_and_named(page: SettingsPage) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QSpinBox, QTimeEdit, QWidget

    view = page.view
    controls = [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QComboBox, QSpinBox, QTimeEdit)) and w.isVisibleTo(view)
    ]
    assert len(controls) > 30
    for control in controls:
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control
        name = control.accessibleName() or getattr(control, "text", lambda: "")()
        assert name.replace("&", "").strip(), f"{control!r} has no accessible name"
