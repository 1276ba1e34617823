"""A program played from any page answers the reminder waiting for it."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.exercises import Level
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.reminders import ReminderService
from rugdiary.ui.services import Services


def test_playing_the_program_from_programs_answers_its_reminder(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    services.settings.set(
        "reminders",
        {
            "diary": {"enabled": False},
            "exercises": [{"program_id": "core-stability-beginner", "days": [0], "time": "18:00"}],
        },
    )
    reminders = ReminderService(services.settings, services.entries, clock)
    window = MainWindow(services, reminders=reminders)
    qtbot.addWidget(window)
    window.show()
    reminders.start()
    try:
        clock.set(datetime(2026, 3, 2, 18, 0).astimezone())  # a Monday
        reminders.on_timer()
        assert not window.banner.isHidden()
        program = services.library().programs["core-stability-beginner"]
        window.start_program(program, Level.BEGINNER)
        assert window.current_page() == "player"
        window.player.controller.cancel_start()  # Esc in the pain-before form
        assert not window.banner.isHidden(), "nothing played: the reminder still waits"
        window.start_program(program, Level.BEGINNER)
        window.player.controller.begin()
        assert window.banner.isHidden(), "played, so the reminder is answered"
        assert reminders.current() is None
        window.player.controller.shutdown()
    finally:
        reminders.stop()
