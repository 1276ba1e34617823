"""Reminder delivery under a fake clock: one single-shot timer, the banner's answers, tray."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.reminders import (
    RECHECK_CAP,
    Due,
    ReminderSettings,
    ReminderState,
    timer_delay_ms,
    week_key,
)
from rugdiary.ui.reminders import (
    MIN_TIMER_MS,
    REMINDER_STATE_KEY,
    REMINDERS_KEY,
    ReminderBanner,
    ReminderService,
    ReminderTray,
)
from rugdiary.ui.services import Services

CAP_MS = int(RECHECK_CAP.total_seconds() * 1000)
DIARY_ONLY = {"diary": {"enabled": True, "time": "20:00"}}
ALL_OFF = {"diary": {"enabled": False}}
PROGRAM_NAMES = {"core-stability-beginner": "Core stability for beginners"}

# The offscreen platform has no tray; when a test pretends it has, Qt says so. A test's own
# qt_log_ignore replaces the one tests/ui/conftest.py adds, so that one is repeated here.
TRAY_NOISE = r"QSystemTrayIcon|systemTrayWindowChanged"
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise|grabbing)"


def at(hour: int, minute: int = 0, day: int = 2) -> datetime:
    """Local time on Monday 2 March 2026 (the clock fixture's day) or a later day."""
    return datetime(2026, 3, day, hour, minute).astimezone()


@pytest.fixture
def make_service(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> Iterator[Callable[..., tuple[ReminderService, ReminderBanner]]]:
    """A started service with its banner, after storing `settings` (if given)."""
    made: list[ReminderService] = []

    def make(
        settings: dict[str, Any] | None = None, tray: ReminderTray | None = None
    ) -> tuple[ReminderService, ReminderBanner]:
        if settings is not None:
            services.settings.set(REMINDERS_KEY, settings)
        service = ReminderService(
            services.settings, services.entries, clock, tray, program_name=PROGRAM_NAMES.get
        )
        banner = ReminderBanner()
        qtbot.addWidget(banner)
        service.bind_banner(banner)
        service.start()
        made.append(service)
        return service, banner

    yield make
    for service in made:
        service.stop()


def stored_state(services: Services) -> ReminderState:
    return ReminderState.from_dict(services.settings.get(REMINDER_STATE_KEY))


def stored_counts(services: Services, clock: FakeClock, kind: str = "diary") -> tuple[int, ...]:
    counts = stored_state(services).week_counts(clock.now().date())[kind]  # type: ignore[index]
    return counts.done, counts.snoozed, counts.skipped


def expected_interval(service: ReminderService, clock: FakeClock) -> int:
    now = clock.now()
    delay = timer_delay_ms(now, service.scheduler.next_wakeup(now))
    assert delay is not None
    return max(delay, MIN_TIMER_MS)


# -------------------------------------------------------------------- the timer


def test_one_single_shot_timer_armed_to_the_next_wakeup(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    service, banner = make_service(DIARY_ONLY)
    assert service.timer.isSingleShot()
    assert service.timer.isActive()
    # 09:00 → 20:00 is more than the cap: the timer checks again after 15 minutes.
    assert service.timer.interval() == CAP_MS == expected_interval(service, clock)
    assert not banner.isVisible()

    clock.set(at(19, 50))
    service.on_timer()
    assert service.timer.interval() == 10 * 60 * 1000 == expected_interval(service, clock)
    assert service.timer.isSingleShot()


def test_no_timer_when_every_reminder_is_off(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    service, _banner = make_service(ALL_OFF)
    assert not service.timer.isActive()
    clock.set(at(20, 0))
    service.on_timer()
    assert not service.timer.isActive()
    assert service.current() is None


def test_turning_reminders_off_stops_the_timer(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
) -> None:
    service, _banner = make_service(DIARY_ONLY)
    assert service.timer.isActive()
    service.apply_settings(ReminderSettings.from_dict(ALL_OFF))
    assert not service.timer.isActive()


# -------------------------------------------------------------------- the banner


def test_banner_shows_a_due_reminder(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    with qtbot.waitSignal(service.reminderDue) as due:
        service.on_timer()
    assert isinstance(due.args[0], Due)
    assert due.args[0].kind == "diary"
    assert not banner.isHidden()
    assert banner.message.text() == "Time to note how you are"
    assert banner.detail.isHidden()  # on time: no "Planned for"
    assert banner.do_button.accessibleName() == "Do it now"
    # Shown once: another check at the same moment shows nothing new.
    with qtbot.assertNotEmitted(service.reminderDue):
        service.on_timer()


def test_do_it_now_counts_done_and_asks_the_window_to_act(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    with qtbot.waitSignal(service.doNowRequested) as requested:
        qtbot.mouseClick(banner.do_button, Qt.MouseButton.LeftButton)
    assert requested.args[0].kind == "diary"
    assert banner.isHidden()
    assert stored_counts(services, clock) == (1, 0, 0)


def test_snooze_fifteen_fires_again_exactly_fifteen_minutes_later(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    with qtbot.waitSignal(service.stateChanged):
        banner.snooze_actions[15].trigger()
    assert banner.isHidden()
    assert stored_counts(services, clock) == (0, 1, 0)
    assert service.timer.isSingleShot()
    assert service.timer.interval() == 15 * 60 * 1000

    clock.advance(15 * 60 - 1)
    with qtbot.assertNotEmitted(service.reminderDue):
        service.on_timer()
    assert banner.isHidden()
    assert service.timer.interval() == MIN_TIMER_MS  # one second left, never a busy loop

    clock.advance(1)
    with qtbot.waitSignal(service.reminderDue):
        service.on_timer()
    assert not banner.isHidden()
    assert banner.message.text() == "Time to note how you are"


def test_skip_counts_and_hides(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    banner.skip_button.click()
    assert banner.isHidden()
    assert service.current() is None
    assert stored_counts(services, clock) == (0, 0, 1)
    # Skipped means gone for today: later checks stay quiet.
    clock.set(at(23, 0))
    service.on_timer()
    assert banner.isHidden()


def test_counts_survive_a_restart(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    banner.snooze_actions[5].trigger()
    service.stop()
    again, _banner = make_service()
    assert again.state.week_counts(clock.now().date())["diary"].snoozed == 1
    assert again.timer.interval() == 5 * 60 * 1000
    assert week_key(clock.now().date()) in services.settings.get(REMINDER_STATE_KEY)["weekly"]


def test_exercise_reminder_names_the_program(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    settings = {
        "diary": {"enabled": False},
        "exercises": [{"program_id": "core-stability-beginner", "days": [0], "time": "18:00"}],
    }
    service, banner = make_service(settings)
    clock.set(at(18, 0))
    service.on_timer()
    assert banner.message.text() == "Time for your Core stability for beginners"
    assert service.current() is not None
    assert service.current().program_id == "core-stability-beginner"  # type: ignore[union-attr]


def test_movement_break_offers_a_desk_break(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    settings = {"diary": {"enabled": False}, "breaks": {"enabled": True, "every_min": 50}}
    service, banner = make_service(settings)
    clock.set(at(9, 50))
    service.on_timer()
    assert banner.message.text() == "Time to get up and move: a 3-minute desk break?"
    assert service.current().program_id == "desk-break"  # type: ignore[union-attr]


def test_logging_an_entry_answers_the_diary_reminder(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
    make_entry: Any,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    assert not banner.isHidden()
    services.entries.add(make_entry(hour=20))
    service.entry_logged()
    assert banner.isHidden()
    assert stored_counts(services, clock) == (1, 0, 0)


def test_a_day_already_logged_gets_no_diary_reminder(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
    make_entry: Any,
) -> None:
    services.entries.add(make_entry(hour=8))
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    assert banner.isHidden()


# -------------------------------------------------------------------- pause, quiet, sleep


def test_pause_until_tomorrow_hides_everything_until_then(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    settings = {
        "diary": {"enabled": True, "time": "20:00"},
        "exercises": [{"program_id": "core-stability-beginner", "days": [0, 1], "time": "18:00"}],
        "quiet": {"enabled": False},
    }
    service, banner = make_service(settings)
    clock.set(at(18, 0))
    service.on_timer()
    assert not banner.isHidden()

    service.pause_until_tomorrow()
    assert banner.isHidden()
    assert service.is_paused()
    stored = ReminderSettings.from_dict(services.settings.get(REMINDERS_KEY))
    assert stored.paused_until == at(7, 0, day=3)

    for moment in (at(20, 0), at(23, 59), at(6, 59, day=3)):
        clock.set(moment)
        with qtbot.assertNotEmitted(service.reminderDue):
            service.on_timer()
        assert banner.isHidden()

    clock.set(at(7, 0, day=3))
    service.on_timer()
    assert not service.is_paused()
    assert banner.isHidden()  # yesterday's reminders were dropped, not saved up
    clock.set(at(18, 0, day=3))
    service.on_timer()
    assert banner.message.text() == "Time for your Core stability for beginners"


def test_not_now_pauses_an_hour_and_resume_carries_on_without_a_backlog(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    service, banner = make_service({"diary": {"time": "20:00"}, "quiet": {"enabled": False}})
    clock.set(at(19, 30))
    service.pause_not_now()
    assert service.is_paused()
    clock.set(at(20, 5))
    service.on_timer()
    assert banner.isHidden()
    service.resume()
    assert not service.is_paused()
    assert banner.isHidden()  # 20:00 fell in the pause: dropped


def test_quiet_hours_defer_a_reminder_to_their_end(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    settings = {
        "diary": {"enabled": False},
        "exercises": [{"program_id": "core-stability-beginner", "days": [0], "time": "12:15"}],
        "quiet": {"enabled": True, "start": "12:00", "end": "13:00"},
    }
    service, banner = make_service(settings)
    clock.set(at(12, 15))
    service.on_timer()
    assert banner.isHidden()
    assert service.timer.interval() == expected_interval(service, clock) == CAP_MS

    clock.set(at(13, 0))
    service.on_timer()
    assert not banner.isHidden()
    assert banner.detail.text() == "Planned for 12:15\u202fPM"


def test_after_sleep_a_missed_reminder_fires_once_and_says_when_it_was_planned(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    # The computer slept from 09:00 to 21:30: the single-shot timer fires late, once.
    clock.set(at(21, 30))
    with qtbot.waitSignals([service.reminderDue]):
        service.on_timer()
    assert banner.detail.text() == "Planned for 8:00\u202fPM"
    with qtbot.assertNotEmitted(service.reminderDue):
        service.on_timer()


def test_coming_back_to_the_app_checks_at_once(
    qtbot: QtBot,
    qapp: Any,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 1))
    with qtbot.waitSignal(service.reminderDue):
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert not banner.isHidden()


def test_a_waiting_reminder_of_yesterday_is_dropped(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    clock.set(at(9, 0, day=3))
    service.on_timer()
    assert banner.isHidden()
    assert service.current() is None


# -------------------------------------------------------------------- tray


def _icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor("#2f7a70"))
    return QIcon(pixmap)


def test_no_tray_where_the_system_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    assert ReminderTray.create(_icon()) is None


@pytest.mark.qt_log_ignore(TRAY_NOISE, OFFSCREEN_NOISE)
def test_tray_menu_and_notification_where_there_is_a_tray(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = ReminderTray.create(_icon())
    assert tray is not None
    notes: list[tuple[str, str]] = []
    monkeypatch.setattr(tray, "notify", lambda title, text: notes.append((title, text)))
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["Open RugDiary", "Log now", "Start desk break"]
    assert "Pause reminders" in texts
    assert texts[-1] == "Quit RugDiary"

    service, _banner = make_service(DIARY_ONLY, tray=tray)
    for action, signal in (
        (tray.open_action, tray.openRequested),
        (tray.log_action, tray.logNowRequested),
        (tray.desk_break_action, tray.deskBreakRequested),
        (tray.quit_action, tray.quitRequested),
    ):
        with qtbot.waitSignal(signal):
            action.trigger()

    clock.set(at(20, 0))
    service.on_timer()
    assert notes == [("RugDiary", "Time to note how you are")]

    tray.tomorrow_action.trigger()
    assert service.is_paused()
    assert tray.resume_action.isVisible()
    assert not tray.pause_menu.menuAction().isVisible()
    tray.resume_action.trigger()
    assert not service.is_paused()
    assert not tray.resume_action.isVisible()
    tray.icon.hide()
    tray.deleteLater()


def test_reminders_off_at_start_stay_off_after_a_later_check(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    service, _banner = make_service(ALL_OFF)
    clock.advance(timedelta(days=2).total_seconds())
    service.check()
    assert not service.timer.isActive()


def test_start_tells_the_window_only_about_what_it_stored(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    """The window has just shown the stored state: start() asks for no second refresh."""
    first = ReminderService(services.settings, services.entries, clock)
    with qtbot.waitSignal(first.stateChanged, timeout=1000):
        first.start()  # nothing stored yet: the defaults are written, the window is told
    first.stop()
    again = ReminderService(services.settings, services.entries, clock)
    with qtbot.assertNotEmitted(again.stateChanged):
        again.start()
    try:
        with qtbot.waitSignal(again.stateChanged, timeout=1000):
            again.reload()  # the Settings page changed something: always told
    finally:
        again.stop()
