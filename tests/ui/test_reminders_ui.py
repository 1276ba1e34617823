"""Reminder delivery under a fake clock: one single-shot timer, the banner's answers, tray."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QByteArray, Qt, QTimeZone
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
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
    program_lookup,
    reminder_detail,
    system_zone,
)
from rugdiary.ui.services import Services
from tests.ui.conftest import MULTIMEDIA_NOISE, OFFSCREEN_NOISE
from tests.ui.test_reasons import _in_dutch

CAP_MS = int(RECHECK_CAP.total_seconds() * 1000)
DIARY_ONLY = {"diary": {"enabled": True, "time": "20:00"}}
ALL_OFF = {"diary": {"enabled": False}}
PROGRAM_NAMES = {
    "core-stability-beginner": "Core stability for beginners",
    "graded-walking": "Graded walking",
    "desk-break": "Desk break",
}

# The offscreen platform has no tray; when a test pretends it has, Qt says so. A test's own
# qt_log_ignore replaces the one tests/ui/conftest.py adds, so that one is repeated here.
TRAY_NOISE = r"QSystemTrayIcon|systemTrayWindowChanged"


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
        settings: dict[str, Any] | None = None,
        tray: ReminderTray | None = None,
        **options: Any,
    ) -> tuple[ReminderService, ReminderBanner]:
        if settings is not None:
            services.settings.set(REMINDERS_KEY, settings)
        service = ReminderService(
            services.settings,
            services.entries,
            clock,
            tray,
            program_name=PROGRAM_NAMES.get,
            **options,
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


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """RugDiary's Dutch texts for one test (resources/i18n/rugdiary_nl.qm)."""
    with _in_dutch(qapp):
        yield


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


def test_a_movement_break_names_the_program_chosen_for_it(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    settings = {
        "diary": {"enabled": False},
        "breaks": {"enabled": True, "every_min": 50, "program_id": "graded-walking"},
    }
    notified: list[str] = []
    service, banner = make_service(settings, notify=lambda _title, text: notified.append(text))
    clock.set(at(9, 50))
    service.on_timer()
    assert banner.message.text() == "Time to get up and move: Graded walking?"
    assert notified == ["Time to get up and move: Graded walking?"]
    # A program whose name is not known (deleted meanwhile): no desk break promised.
    unnamed = Due("movement", "movement", "gone-program", at(9, 50))
    assert service.message(unnamed) == "Time to get up and move"


def test_a_reminder_in_the_banner_is_said_to_screen_readers(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rugdiary.ui import reminders

    said: list[str] = []
    monkeypatch.setattr(reminders, "announce", lambda _widget, text, **_kw: said.append(text))
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    assert said == ["Time to note how you are"]
    service.check()  # still the same reminder: said once
    assert said == ["Time to note how you are"]
    clock.set(at(20, 10))
    banner.snooze_actions[5].trigger()
    clock.set(at(20, 15))
    service.on_timer()
    assert said == ["Time to note how you are"] * 2, "back after the snooze: said again"


def test_a_reminder_in_the_banner_reaches_the_accessibility_bridge(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    from rugdiary.ui import announce

    events: list[str] = []

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            events.append(event.message())  # type: ignore[attr-defined]

    monkeypatch.setattr(announce, "send", record)
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show_reminder("Time to note how you are", "Planned for 20:00")
    assert events == ["Time to note how you are Planned for 20:00"]


def test_playing_a_program_answers_its_waiting_exercise_reminder(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    settings = {
        "diary": {"enabled": False},
        "exercises": [{"program_id": "core-stability-beginner", "days": [0], "time": "18:00"}],
    }
    service, banner = make_service(settings)
    clock.set(at(18, 0))
    service.on_timer()
    assert not banner.isHidden()
    service.session_started("desk-break")  # not the program the reminder asks for
    assert not banner.isHidden()
    service.session_started("core-stability-beginner")  # from Today or Programs
    assert banner.isHidden()
    assert service.current() is None
    assert stored_counts(services, clock, "exercise") == (1, 0, 0)
    clock.set(at(18, 30))
    service.on_timer()
    assert banner.isHidden(), "answered: it does not come back"


def test_the_banner_in_dutch_names_its_buttons_by_what_they_show(qtbot: QtBot, dutch: None) -> None:
    from tests.ui.test_a11y_walker import name_problems

    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show_reminder("x")
    banner.show()
    assert banner.skip_button.text() == "Overslaan"
    assert banner.skip_button.accessibleName() == "Overslaan"
    assert banner.skip_button.accessibleDescription() == "Deze herinnering overslaan"
    assert name_problems(banner) == []


def test_save_problems_are_said_in_dutch(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
    dutch: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pathlib import Path

    from rugdiary.core.activity import FakeActivitySource
    from rugdiary.storage.errors import StorageWriteError
    from rugdiary.storage.repositories import SittingRepository

    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise StorageWriteError(Path("/data/diary.json"), "the disk is full")

    desk = FakeActivitySource(clock)
    desk.sit(at(9), at(12))
    sitting = SittingRepository(services.db)
    monkeypatch.setattr(sitting, "add", disk_full)
    service, _banner = make_service(
        {"diary": {"enabled": False}, "breaks": {"enabled": True, "every_min": 50}},
        activity=lambda: desk,
        sitting=sitting,
    )
    notices: list[str] = []
    service.notice.connect(notices.append)
    while clock.now() < at(9, 50):
        assert service.activity_wakeup is not None
        clock.advance((service.activity_wakeup - clock.now()).total_seconds())
        service.check_activity()
    assert service.current() is not None, "the 09:50 break"
    monkeypatch.setattr(services.settings, "set", disk_full)
    service.skip()
    assert "the disk is full" not in " ".join(notices)
    assert any(n.endswith(": de schijf is vol.") for n in notices), notices
    assert len(set(notices)) == 2, "the sitting figures and the reminder state"


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


@pytest.mark.parametrize("change", ["yesterday", "deleted"])
def test_an_entry_that_leaves_today_unlogged_does_not_answer_the_diary_reminder(
    change: str,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
    make_entry: Any,
) -> None:
    """Saving yesterday's forgotten entry at 20:00 (or deleting one) asks nothing of today."""
    service, banner = make_service(DIARY_ONLY)
    clock.set(at(20, 0))
    service.on_timer()
    if change == "yesterday":
        services.entries.add(make_entry(days_ago=1, hour=21))
    else:
        old = services.entries.add(make_entry(days_ago=2, hour=21))
        services.entries.delete(old.id)
    service.entry_logged()  # the window calls this after every save and delete
    assert not banner.isHidden(), "today's reminder is still waiting"
    assert stored_counts(services, clock) == (0, 0, 0)
    # Today's own entry answers it, and counts it done.
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


def test_the_end_of_a_pause_wakes_the_service_and_is_announced(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
) -> None:
    """The tray and the pages learn that the pause ran out, though nothing is due then."""
    service, _banner = make_service({"diary": {"time": "20:00"}, "quiet": {"enabled": False}})
    clock.set(at(19, 50))
    service.pause_not_now()  # until 20:50, so the 20:00 reminder falls in it
    service.check()
    assert service.timer.interval() == CAP_MS
    clock.set(at(20, 40))
    service.on_timer()
    assert service.timer.interval() == 10 * 60 * 1000, "it wakes when the pause ends"
    clock.set(at(20, 50))
    with qtbot.waitSignal(service.stateChanged, timeout=1000):
        service.on_timer()
    assert not service.is_paused()
    with qtbot.assertNotEmitted(service.stateChanged):
        service.on_timer()  # told once


def test_switching_a_waiting_reminder_off_takes_it_away(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    settings = {
        "diary": {"enabled": True, "time": "18:00"},
        "exercises": [{"program_id": "core-stability-beginner", "days": [0], "time": "18:00"}],
    }
    service, banner = make_service(settings)
    clock.set(at(18, 0))
    service.on_timer()
    assert [d.kind for d in service.pending()] == ["diary", "exercise"]
    services.settings.set(REMINDERS_KEY, {**settings, "diary": {"enabled": False}})
    service.reload()  # as the Settings page asks after saving
    assert [d.kind for d in service.pending()] == ["exercise"]
    assert banner.message.text() == "Time for your Core stability for beginners"
    services.settings.set(REMINDERS_KEY, {"diary": {"enabled": False}})
    service.reload()
    assert service.current() is None
    assert banner.isHidden()


def test_a_reminder_for_a_deleted_program_does_not_come(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    settings = {
        "diary": {"enabled": False},
        "exercises": [{"program_id": "own-deleted", "days": [0], "time": "18:00"}],
    }
    service, banner = make_service(settings, program_exists=program_lookup(services))
    for week in range(3):
        clock.set(at(18, 0, day=2 + 7 * week))
        service.on_timer()
        assert banner.isHidden()
    assert stored_counts(services, clock, "exercise") == (0, 0, 0)


def test_do_it_now_for_a_program_deleted_meanwhile_is_not_counted_done(
    qtbot: QtBot,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    services: Services,
    clock: FakeClock,
) -> None:
    programs = {"core-stability-beginner"}
    settings = {
        "diary": {"enabled": False},
        "exercises": [{"program_id": "core-stability-beginner", "days": [0], "time": "18:00"}],
    }
    service, banner = make_service(settings, program_exists=programs.__contains__)
    clock.set(at(18, 0))
    service.on_timer()
    assert not banner.isHidden()
    programs.clear()  # deleted on the Programs page while the banner shows
    with qtbot.waitSignal(service.doNowRequested) as requested:
        banner.do_button.click()  # the window then says the program no longer exists
    assert requested.args[0].program_id == "core-stability-beginner"
    assert banner.isHidden()
    assert stored_counts(services, clock, "exercise") == (0, 0, 0)


def test_program_lookup_knows_built_in_and_own_programs(services: Services) -> None:
    from rugdiary.core.programs import Program

    exists = program_lookup(services)
    assert exists("desk-break")
    assert not exists("own-made")
    own = Program.from_dict(
        {
            **services.builtin().program("desk-break").to_dict(),  # type: ignore[union-attr]
            "id": "own-made",
        }
    )
    services.programs.save(own)
    assert exists("own-made")
    services.programs.delete("own-made")
    assert not exists("own-made")


def test_system_zone_follows_qt_and_falls_back_to_the_offset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QTimeZone, "systemTimeZoneId", staticmethod(lambda: QByteArray(b"Europe/Amsterdam"))
    )
    assert system_zone() == ZoneInfo("Europe/Amsterdam")
    monkeypatch.setattr(
        QTimeZone, "systemTimeZoneId", staticmethod(lambda: QByteArray(b"Nowhere/Atlantis"))
    )
    assert system_zone() is None  # the scheduler then uses the offset of each moment


def test_until_tomorrow_follows_the_zone_across_a_dst_night(
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]], clock: FakeClock
) -> None:
    """The system clock gives fixed offsets (+01:00 on Saturday); the zone knows Sunday's."""
    amsterdam = ZoneInfo("Europe/Amsterdam")
    clock.set(datetime(2026, 3, 28, 21, 0, tzinfo=timezone(timedelta(hours=1))))
    service, _banner = make_service(DIARY_ONLY, tz=amsterdam)
    service.pause_until_tomorrow()
    until = service.settings.paused_until
    assert until is not None
    assert until.astimezone(amsterdam).replace(tzinfo=None) == datetime(2026, 3, 29, 7, 0)
    clock.set(datetime(2026, 3, 29, 7, 30, tzinfo=timezone(timedelta(hours=2))))
    assert not service.is_paused()


def test_the_planned_time_is_said_in_the_zone_not_the_offset_of_now() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    planned = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(amsterdam)  # 02:30 CEST
    due = Due("exercise:x@02:30", "exercise", "x", planned)
    now = datetime(2026, 10, 25, 3, 10, tzinfo=timezone(timedelta(hours=1)))  # as the clock has it
    assert reminder_detail(due, now, amsterdam) == "Planned for 2:30\u202fAM"


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


@pytest.mark.qt_log_ignore(TRAY_NOISE, OFFSCREEN_NOISE, MULTIMEDIA_NOISE)
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


@pytest.mark.qt_log_ignore(TRAY_NOISE, OFFSCREEN_NOISE, MULTIMEDIA_NOISE)
def test_the_tray_offers_the_pause_again_when_a_pause_runs_out(
    monkeypatch: pytest.MonkeyPatch,
    make_service: Callable[..., tuple[ReminderService, ReminderBanner]],
    clock: FakeClock,
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = ReminderTray.create(_icon())
    assert tray is not None
    monkeypatch.setattr(tray, "notify", lambda title, text: None)
    service, _banner = make_service(DIARY_ONLY, tray=tray)
    tray.not_now_action.trigger()
    assert tray.resume_action.isVisible()
    clock.advance(60 * 60)
    service.on_timer()  # the wake-up at the end of the pause
    assert not tray.resume_action.isVisible()
    assert tray.pause_menu.menuAction().isVisible()
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
