"""The Settings page's reminder form inside the window: one pause switch, edits never lost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.reminders import ReminderSettings
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.reminders import REMINDERS_KEY, ReminderService
from rugdiary.ui.services import Services
from rugdiary.ui.settings.reminders_view import RemindersView

EVENING = {"diary": {"enabled": True, "time": "20:00"}, "quiet": {"enabled": False}}


def at(hour: int, minute: int = 0) -> datetime:
    """Local time on Monday 2 March 2026, the clock fixture's day."""
    return datetime(2026, 3, 2, hour, minute).astimezone()


@pytest.fixture
def service(services: Services, clock: FakeClock) -> Iterator[ReminderService]:
    services.settings.set(REMINDERS_KEY, EVENING)
    reminders = ReminderService(services.settings, services.entries, clock)
    yield reminders
    reminders.stop()


@pytest.fixture
def window(qtbot: QtBot, services: Services, service: ReminderService) -> MainWindow:
    win = MainWindow(services, reminders=service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    service.start()
    return win


def form(window: MainWindow) -> RemindersView:
    window.show_page("settings")
    return window.settings_page.view.reminders


def stored(services: Services) -> ReminderSettings:
    return ReminderSettings.from_dict(services.settings.get(REMINDERS_KEY))


# -------------------------------------------------------------------- one pause switch


def test_pausing_on_the_settings_page_hides_the_showing_reminder(
    window: MainWindow, service: ReminderService, clock: FakeClock
) -> None:
    clock.set(at(20, 0))
    service.on_timer()
    assert not window.banner.isHidden()
    form(window).pause_hour_button.click()
    assert service.is_paused()
    assert window.banner.isHidden(), "not now means not now, as from the tray"
    assert service.pending() == []


def test_resuming_on_the_settings_page_brings_back_nothing_from_the_pause(
    qtbot: QtBot, window: MainWindow, service: ReminderService, clock: FakeClock
) -> None:
    clock.set(at(19, 30))
    view = form(window)
    view.pause_hour_button.click()
    clock.set(at(20, 10))
    service.on_timer()
    with qtbot.assertNotEmitted(service.reminderDue):
        view.resume_button.click()
    assert not service.is_paused()
    assert window.banner.isHidden(), "20:00 fell in the pause: dropped, as the tray's Resume does"
    assert view.pause_status.text() == "Reminders are on."


def test_switching_the_diary_reminder_off_takes_its_waiting_reminder_away(
    window: MainWindow, service: ReminderService, clock: FakeClock
) -> None:
    clock.set(at(20, 0))
    service.on_timer()
    assert not window.banner.isHidden()
    view = form(window)
    view.diary_enabled.setChecked(False)
    assert window.settings_page.controller.reminders.flush()
    assert not service.settings.diary.enabled
    assert window.banner.isHidden()
    assert service.current() is None


def test_the_settings_page_shows_a_pause_from_the_tray_and_its_end(
    window: MainWindow, service: ReminderService, clock: FakeClock
) -> None:
    view = form(window)
    assert view.pause_status.text() == "Reminders are on."
    service.pause_not_now()  # what the tray's "Not now (1 hour)" calls
    assert view.pause_status.text().startswith("Reminders are paused until")
    assert view.resume_button.isVisibleTo(view)
    clock.advance(60 * 60)
    service.on_timer()  # the service's wake-up when the pause ends
    assert view.pause_status.text() == "Reminders are on."
    assert not view.resume_button.isVisibleTo(view)
    assert view.pause_hour_button.isVisibleTo(view)


# -------------------------------------------------------------------- edits are kept


def test_a_reminder_edit_is_saved_when_the_page_is_left(
    window: MainWindow, services: Services
) -> None:
    view = form(window)
    view.diary_time.setTime(QTime(21, 30))
    assert window.settings_page.controller.reminders.has_pending_changes()
    window.show_page("today")  # at once, before the typing pause is over
    assert stored(services).diary.time.strftime("%H:%M") == "21:30"
    assert not window.settings_page.controller.reminders.has_pending_changes()


def test_a_reminder_edit_is_saved_when_the_window_closes(
    window: MainWindow, services: Services
) -> None:
    form(window).diary_time.setTime(QTime(21, 30))
    window.close()
    assert stored(services).diary.time.strftime("%H:%M") == "21:30"


def test_a_reminder_edit_is_saved_when_the_app_quits(tmp_path: Path) -> None:
    """The tray's Quit, with the window open: Qt closes the windows, the form saves."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTime, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from rugdiary.core.clock import FakeClock\n"
        "from rugdiary.storage.database import Database\n"
        "from rugdiary.ui.services import Services\n"
        "from rugdiary.ui.settings.page import build_settings_page\n"
        "from rugdiary.ui.settings.preferences import Preferences\n"
        "app = QApplication([])\n"
        "clock = FakeClock()\n"
        "db = Database.open(Path(sys.argv[1]), clock=clock)\n"
        "preferences = Preferences(Services.for_database(db, clock).settings)\n"
        "page = build_settings_page(preferences, db, clock, lambda: [],\n"
        "                           tray_available=True, autostart_supported=False)\n"
        "page.view.show()\n"
        "page.view.reminders.diary_time.setTime(QTime(21, 30))\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n"
        "print(preferences.reminders().diary.time)\n"
        "db.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "21:30:00"


# -------------------------------------------------------------------- start-up wiring


def test_the_app_gives_the_service_the_time_zone_and_the_programs(tmp_path: Path) -> None:
    """Reminder times follow the zone's DST rules, and deleted programs are known."""
    from rugdiary.core.clock import FakeClock as Clock
    from rugdiary.storage.database import Database
    from rugdiary.ui.first_run import DONE_KEY
    from rugdiary.ui.safety import ACKNOWLEDGED_KEY

    data = tmp_path / "data"
    with Database.open(data, clock=Clock()) as db:
        settings = Services.for_database(db, Clock()).settings
        settings.set(DONE_KEY, True)
        settings.set(ACKNOWLEDGED_KEY, True)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]), theme='light', lang='en')\n"
        "service = running.reminders\n"
        "exists = service.scheduler.program_exists\n"
        "print(service.tz, exists('desk-break'), exists('deleted-long-ago'))\n"
        "running.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "TZ": "Europe/Amsterdam",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        },
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "Europe/Amsterdam True False"
