"""Settings page fixtures: preferences over the test diary and a page built on them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.ui.services import Services
from rugdiary.ui.settings.page import SettingsPage, build_settings_page
from rugdiary.ui.settings.preferences import Preferences

PROGRAMS = [("desk-break", "Desk break"), ("morning-mobility", "Morning mobility")]


@pytest.fixture
def preferences(services: Services) -> Preferences:
    return Preferences(services.settings)


@pytest.fixture
def xdg_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autostart entries go to a temporary XDG config folder, never the real one."""
    folder = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def restore_app_look(qapp: QApplication) -> Iterator[None]:
    """Put style, palette and font back after a test that applies a theme to the app."""
    style = qapp.style().name()
    palette = qapp.palette()
    font = qapp.font()
    yield
    restored = QStyleFactory.create(style)
    if restored is not None:
        qapp.setStyle(restored)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def applied_themes() -> list[str]:
    return []


@pytest.fixture
def page(
    qtbot: QtBot,
    preferences: Preferences,
    db: Database,
    clock: FakeClock,
    applied_themes: list[str],
    xdg_config: Path,
) -> SettingsPage:
    """The page with a tray and autostart support, and a theme applier that only records."""
    built = build_settings_page(
        preferences,
        db,
        clock,
        lambda: PROGRAMS,
        apply_theme=applied_themes.append,
        tray_available=True,
        autostart_supported=True,
    )
    qtbot.addWidget(built.view)
    built.view.resize(900, 700)
    built.view.show()
    qtbot.waitExposed(built.view)
    return built
