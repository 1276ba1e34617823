"""Settings for how the app looks and moves: high contrast and reduced motion."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.ui.services import Services
from rugdiary.ui.settings.day_picker import DayPicker
from rugdiary.ui.settings.page import SettingsPage
from rugdiary.ui.settings.reminders_view import _rule
from rugdiary.ui.theme import HIGH_CONTRAST, apply_theme


def test_high_contrast_and_reduced_motion(
    page: SettingsPage, services: Services, applied_themes: list[str]
) -> None:
    from rugdiary.ui.motion import reduce_motion, set_reduce_motion

    view = page.view
    view.theme.setCurrentIndex(view.theme.findData("high-contrast"))
    assert services.settings.get("theme") == "high-contrast"
    assert applied_themes[-1] == "high-contrast"
    view.reduce_motion.setChecked(True)
    try:
        assert services.settings.get("reduce_motion") is True
        assert reduce_motion(), "the figure and the ring read this when they paint"
    finally:
        set_reduce_motion(False)


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_chosen_days_look_switched_off_with_the_breaks(
    qtbot: QtBot, qapp: QApplication, restore_app_look: None, theme: str
) -> None:
    """With movement breaks off, the chosen days were still filled white on black in high
    contrast: they looked as switchable as ever. Switched off they are unfilled."""
    apply_theme(qapp, theme)
    picker = DayPicker("Working days")
    picker.set_days({0, 1, 2, 3, 4})
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    monday = picker.buttons[0]
    on = monday.grab().toImage().pixelColor(4, monday.height() // 2)
    picker.setEnabled(False)
    off = monday.grab().toImage().pixelColor(4, monday.height() // 2)
    highlight = qapp.palette().color(QPalette.ColorRole.Highlight)
    assert on == highlight, "a chosen day is filled in the highlight colour"
    mid = qapp.palette().color(QPalette.ColorRole.Mid)
    assert off not in (highlight, mid), f"{theme}: still filled when switched off"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_the_reminder_settings_have_visible_lines_between_them(
    qtbot: QtBot, qapp: QApplication, restore_app_look: None, theme: str
) -> None:
    """In light the lines were drawn in Midlight, the window's own colour (1.0:1)."""
    apply_theme(qapp, theme)
    page = QWidget()
    rules = [_rule(page) for _ in range(2)]
    layout = QVBoxLayout(page)
    for rule in rules:
        layout.addWidget(rule)
    qtbot.addWidget(page)
    page.resize(200, 40)
    page.show()
    qtbot.waitExposed(page)
    rule = rules[0]
    image = rule.grab().toImage()
    line = min(
        (image.pixelColor(100, y) for y in range(image.height())),
        key=lambda c: c.lightness() if theme == "light" else -c.lightness(),
    )
    window = qapp.palette().color(QPalette.ColorRole.Window)
    assert abs(line.lightness() - window.lightness()) >= 40, (theme, line.name(), window.name())
