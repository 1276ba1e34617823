"""UI test fixtures: isolated QSettings, a real diary on a fake clock, and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.demo import generate_demo_entries
from rugdiary.core.diary import DiaryEntry, new_entry
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import Session
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from rugdiary.ui.theme import APPLIED_THEME_PROPERTY

# The offscreen platform says this about windows and popups it cannot manage; harmless.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise|grabbing)"


def evening_session(
    day: date,
    program_name: str = "Core stability, beginner",
    *,
    program_id: str = "core-stability-beginner",
    minutes: int = 12,
    **fields: Any,
) -> Session:
    """A completed beginner session of `minutes` at 18:00 on `day`; `fields` change the rest."""
    start = datetime.combine(day, time(18, 0)).astimezone()
    session = Session(
        program_id=program_id,
        program_name=program_name,
        level=Level.BEGINNER,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        planned_s=minutes * 60,
        done_s=minutes * 60,
        steps_done=12,
        steps_skipped=0,
        completed=True,
    )
    return replace(session, **fields) if fields else session


def add_demo_diary(
    entries: Any, sessions: Any, today: date, days: int, every: int = 7, **session_fields: Any
) -> None:
    """`days` demo days ending `today` (seed 5) and an evening session every `every` days."""
    entries.add_many(generate_demo_entries(days, seed=5, end=today))
    for back in range(0, days, every):
        sessions.add(evening_session(today - timedelta(days=back), **session_fields))


@pytest.fixture(scope="session", autouse=True)
def _multimedia_backend_loaded_first(qapp: QApplication) -> None:
    """Load Qt Multimedia's backend once, on the main thread, before any test starts a
    background import (the report's fpdf, the charts' scipy).

    The backend's plugin warns while the dynamic loader holds its lock, and pytest-qt's
    message handler is Python: it waits for the GIL, held by a thread importing an
    extension module, which waits for the loader's lock. In a whole run earlier tests had
    imported those already; run alone, tests/ui/test_window_sizes.py hung there. (The app
    keeps Qt's own message handler, which needs no GIL.)"""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # no libpulse: the player says sound is off, tests check that
        return
    QMediaDevices.audioOutputs()


# Qt Multimedia on a machine without a sound system (CI): it says so, then stays silent,
# which is exactly what the player is built to cope with.
MULTIMEDIA_NOISE = (
    r"^(Couldn't (load|resolve) .*|PulseAudioService: .*|QSoundEffect.*"
    r"|Using Qt multimedia with FFmpeg.*)$"
)


def clipped(widget: QWidget) -> str | None:
    """Why `widget`'s text does not fit in it at its current size, or None if it fits."""
    if isinstance(widget, QLabel):
        if not widget.text() or not widget.pixmap().isNull():
            return None
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"needs {needed}px height, has {widget.height()}"
            return None
        needed = widget.minimumSizeHint().width()
        if needed > widget.width() + 1:
            return f"needs {needed}px width, has {widget.width()}"
        return None
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)) and widget.text():
        needed = widget.sizeHint().width()
        if needed > widget.width() + 1:
            return f"needs {needed}px width, has {widget.width()}"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, MULTIMEDIA_NOISE))


@pytest.fixture
def qtbot(qtbot: QtBot) -> Iterator[QtBot]:
    """pytest-qt's qtbot, but widgets given to addWidget stay alive until they are closed.

    pytest-qt keeps only weak references, and processes events once more after the test
    function has returned. A page whose view and controller hold each other in a cycle
    is then garbage: a collection that happens to run during that last paint deleted
    the view in the middle of painting it (a segmentation fault, seen in the player's
    countdown ring). pytest-qt closes the widgets before fixtures are torn down, so
    holding them here until then is enough.
    """
    kept: list[QWidget] = []
    add_widget = qtbot.addWidget

    def keep_and_add(widget: QWidget, **kwargs: Any) -> None:
        kept.append(widget)
        add_widget(widget, **kwargs)

    qtbot.addWidget = keep_and_add  # type: ignore[method-assign]
    yield qtbot
    kept.clear()


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path) -> Iterator[Path]:
    """Point every QSettings at a temporary folder, so no test reads or writes a real profile.

    app_settings() builds its QSettings with the default format, which this switches to
    INI files under tmp_path for both scopes.
    """
    folder = tmp_path / "qsettings"
    previous_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
    yield folder
    QSettings.setDefaultFormat(previous_format)


@pytest.fixture(autouse=True)
def english_locale(qapp: QApplication) -> Iterator[None]:
    """Dates and numbers in a known locale; restored after tests that change it."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def mock_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Voice processes started by pages use Qt's mock speech engine, never the system's."""
    monkeypatch.setenv("RUGDIARY_VOICE_ENGINE", "mock")


@pytest.fixture
def restore_app_look(qapp: QApplication) -> Iterator[QApplication]:
    """The app's palette, font and style as they were, for tests that apply a theme."""
    palette, font, style = qapp.palette(), qapp.font(), qapp.style().name()
    yield qapp
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(style)


@pytest.fixture(autouse=True)
def forget_applied_theme(qapp: QApplication) -> Iterator[None]:
    """Tests that apply a theme restore the palette and style; this forgets its name too.

    theme.current_theme() reads it, and a dark theme remembered from an earlier test would
    draw the charts of a later one dark.
    """
    yield
    qapp.setProperty(APPLIED_THEME_PROPERTY, None)


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(data_dir, clock=clock)
    yield database
    database.close()


@pytest.fixture
def services(db: Database, clock: FakeClock) -> Services:
    return Services.for_database(db, clock)


@pytest.fixture
def repo(services: Services) -> EntryRepository:
    """The very repository the window uses, so tests can make its saves fail."""
    return services.entries


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    """The main window, shown and active so that keyboard shortcuts reach it."""
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def diary(window: MainWindow) -> DiaryPage:
    """The Diary page, opened as a person would (the app opens on Today)."""
    window.show_page("diary")
    return window.diary


@pytest.fixture
def make_entry(clock: FakeClock) -> Any:
    """Build an entry `days_ago` days before the clock's day, at `hour` o'clock local time."""

    def make(*, days_ago: int = 0, hour: int = 9, **fields: Any) -> DiaryEntry:
        day = clock.now() - timedelta(days=days_ago)
        at = datetime(day.year, day.month, day.day, hour, 0).astimezone()
        fields.setdefault("pain", 3)
        fields.setdefault("stress", 4)
        return new_entry(now=clock.now(), at=at, **fields)

    return make
