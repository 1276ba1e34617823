"""The language choice that follows the computer has one name in the welcome and in Settings
(the welcome said "Same as this computer", Settings "Same as the computer")."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rugdiary.ui.first_run.welcome import FirstRunDialog
from rugdiary.ui.settings.settings_view import SettingsView


def test_the_welcome_and_settings_name_the_computers_choice_alike(qtbot: QtBot) -> None:
    welcome = FirstRunDialog()
    settings = SettingsView()
    qtbot.addWidget(welcome)
    qtbot.addWidget(settings)
    combos = (welcome.welcome.language, settings.language, settings.theme)
    names = {combo.itemText(combo.findData("system")) for combo in combos}
    assert names == {"Same as this computer"}
