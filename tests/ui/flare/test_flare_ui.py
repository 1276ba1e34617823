"""The flare-up plan: Today's action, the calm plan window, noting start and end, and the tray."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QPushButton, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.safety import red_flag_notice
from rugdiary.storage.repositories import FlareRepository
from rugdiary.ui.flare.controller import FlarePlanController
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.reminders import ReminderTray
from rugdiary.ui.services import Services
from tests.ui.conftest import MULTIMEDIA_NOISE, OFFSCREEN_NOISE
from tests.ui.test_a11y_walker import accessible_name, name_problems

TRAY_NOISE = r"QSystemTrayIcon|systemTrayWindowChanged"


def flares(services: Services) -> FlareRepository:
    return FlareRepository(services.db)


def open_from_today(qtbot: QtBot, window: MainWindow) -> FlarePlanController:
    line = window.today.view.flare_line
    assert line.flaring_button.isVisible()
    qtbot.mouseClick(line.flaring_button, Qt.MouseButton.LeftButton)
    plan = window._flare_plan
    assert plan is not None
    qtbot.waitExposed(plan.view)
    return plan


def test_today_offers_the_plan_and_opening_it_notes_the_start(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    line = window.today.view.flare_line
    assert line.flaring_button.text() == "My back is flaring up"
    assert line.flaring_button.accessibleName() == "My back is flaring up: open the flare-up plan"
    assert not line.is_running_shown()
    # As easy to hit as Today's Start, not the smallest button on the page.
    start = window.today.view.start_button
    assert line.flaring_button.height() >= min(40, start.height())
    assert line.flaring_button.height() > line.flaring_button.fontMetrics().height() * 2

    plan = open_from_today(qtbot, window)
    record = flares(services).open()
    assert record is not None
    assert record.start == clock.now().replace(microsecond=0)
    assert plan.view.isVisible()
    assert plan.view.status_label.text().startswith("Noted: a flare-up since today at")
    assert "Flare-up noted" in window.statusBar().currentMessage()
    # Today says it runs, and offers the way out.
    assert line.is_running_shown()
    assert line.status_label.text().startswith("A flare-up, since today at")
    assert line.settled_button.isVisible()
    assert not line.flaring_button.isVisible()


def test_the_plan_says_the_calm_message_and_the_signs(qtbot: QtBot, window: MainWindow) -> None:
    view = open_from_today(qtbot, window).view
    assert view.windowTitle() == "Your back is flaring up"
    calm = view.calm_text.text()
    assert "settles" in view.calm_title.text()
    assert "Keep moving gently" in calm
    assert "You do not need to hold your back still" in calm
    assert "2 to 3 days" in view.plan_title.text()
    assert "short walks" in view.walks_text.text()
    assert "usual programme" in view.after_text.text()
    names = [b.accessibleName() for b in view.program_buttons]
    assert names == ["Start Morning mobility", "Start Stress relief"]
    notice = red_flag_notice("en")
    assert view.help_title.text() == notice.title
    # The label is named by its own words; the heading above says what they are about.
    assert notice.urgent[0].split(" (")[0] in accessible_name(view.help_text)
    assert view.help_text.accessibleDescription() == notice.title
    assert name_problems(view) == []
    for word in ("damage", "brace", "rigid", "injury"):
        assert word not in calm.lower()


def test_the_plan_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    view = open_from_today(qtbot, window).view
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    reached: list[object] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    for widget in (*view.program_buttons, *view.tag_boxes, view.helped_edit):
        assert widget in reached
    assert view.settled_button in reached
    # Every button reached by Tab has a name a screen reader can say.
    for widget in reached:
        if isinstance(widget, QPushButton):
            assert widget.accessibleName() or widget.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())


def test_it_has_settled_notes_the_end_with_what_helped(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    plan = open_from_today(qtbot, window)
    plan.view.close()
    clock.advance(2 * 86400 + 3600)
    window.today.flare.refresh()
    line = window.today.view.flare_line
    assert "since" in line.status_label.text()
    assert "today" not in line.status_label.text()
    qtbot.mouseClick(line.settled_button, Qt.MouseButton.LeftButton)
    view = plan.view
    qtbot.waitExposed(view)
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.tag_boxes[0])
    view.tag_boxes[0].setChecked(True)  # Walking
    view.tag_boxes[3].setChecked(True)  # Heat
    qtbot.keyClicks(view.helped_edit, "a walk after lunch")
    qtbot.mouseClick(view.settled_button, Qt.MouseButton.LeftButton)
    records = flares(services).list()
    assert len(records) == 1
    ended = records[0]
    assert ended.end == clock.now().replace(microsecond=0)
    assert ended.end - ended.start == timedelta(days=2, hours=1)
    assert ended.tags == ("walking", "heat")
    assert ended.helped == "a walk after lunch"
    assert not view.settled_button.isEnabled()
    assert view.helped_edit.text() == ""
    assert "No flare-up is noted right now" in view.status_label.text()
    assert not line.is_running_shown()
    assert line.flaring_button.isVisible()


def test_a_second_press_does_not_start_a_second_flare_up(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    open_from_today(qtbot, window)
    window.open_flare_plan()
    assert len(flares(services).list()) == 1


def test_not_a_flare_up_after_all(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    view = open_from_today(qtbot, window).view
    assert view.remove_button.isVisible()
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert flares(services).list() == []
    assert view.start_button.isVisible()
    assert not view.remove_button.isVisible()
    assert not window.today.view.flare_line.is_running_shown()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert flares(services).open() is not None


def test_start_a_gentle_programme_from_the_plan(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(window, "start_program_by_id", started.append)
    plan = open_from_today(qtbot, window)
    plan.startProgramRequested.disconnect()
    plan.startProgramRequested.connect(window.start_program_by_id)
    qtbot.mouseClick(plan.view.program_buttons[1], Qt.MouseButton.LeftButton)
    assert started == ["stress-relief"]
    assert not plan.view.isVisible()


def test_the_plan_when_nothing_runs_lets_the_end_wait(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    plan = window.open_flare_plan(settle=True)
    qtbot.waitExposed(plan.view)
    assert flares(services).list() == []
    assert not plan.view.settled_button.isEnabled()
    assert plan.view.start_button.isVisible()


def test_a_failed_save_is_said_in_the_plan(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    from rugdiary.storage.errors import StorageWriteError

    def fail(*_args: object, **_kwargs: object) -> None:
        raise StorageWriteError(services.db.path, "the disk is full")

    monkeypatch.setattr(FlareRepository, "start", fail)
    plan = window.open_flare_plan()
    assert plan.view.message_label.isVisible()
    assert "the disk is full" in plan.view.message_label.text()
    assert flares(services).list() == []


def _icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor("#2f7a70"))
    return QIcon(pixmap)


@pytest.mark.qt_log_ignore(TRAY_NOISE, OFFSCREEN_NOISE, MULTIMEDIA_NOISE)
def test_tray_menu_opens_the_plan(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rugdiary.ui.app import _connect_tray

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = ReminderTray.create(_icon())
    assert tray is not None
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts[:4] == ["Open RugDiary", "Log now", "Start desk break", "My back is flaring up"]
    with qtbot.waitSignal(tray.flareRequested):
        tray.flare_action.trigger()
    _connect_tray(QApplication.instance(), tray, window)  # type: ignore[arg-type]
    tray.flare_action.trigger()
    plan = window._flare_plan
    assert plan is not None
    qtbot.waitExposed(plan.view)
    assert flares(services).open() is not None
    tray.deleteLater()


def test_an_end_in_the_same_second_is_explained(qtbot: QtBot, window: MainWindow) -> None:
    view = open_from_today(qtbot, window).view
    qtbot.mouseClick(view.settled_button, Qt.MouseButton.LeftButton)
    assert view.message_label.isVisible()
    assert view.message_label.text().startswith("It was noted only a moment ago.")
    assert view.remove_button.isVisible()


def test_today_without_a_flare_store_hides_the_line(qtbot: QtBot, services: Services) -> None:
    from rugdiary.ui.today.page import build_today_page

    page = build_today_page(
        services.entries,
        services.sessions,
        services.programs,
        services.settings,
        services.clock,
        services.builtin,
    )
    qtbot.addWidget(page.view)
    page.view.show()
    assert page.flare is None
    assert not page.view.flare_line.isVisible()


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ((2026, 3, 13, 8, 5), "since today at 8:05\u202fAM"),
        ((2026, 3, 12, 21, 0), "since yesterday at 9:00\u202fPM"),
        ((2026, 3, 10, 9, 30), "since Tuesday at 9:30\u202fAM"),
        ((2026, 2, 20, 9, 30), "since 2/20/26 at 9:30\u202fAM"),
    ],
)
def test_since_when_in_words(start: tuple[int, ...], expected: str) -> None:
    from datetime import UTC, date, datetime

    from rugdiary.core.flares import FlareRecord
    from rugdiary.ui.flare.controller import since_text

    record = FlareRecord("f", datetime(*start, tzinfo=UTC))
    text = since_text(record, date(2026, 3, 13))
    assert text.replace(" ", "\u202f") == expected.replace(" ", "\u202f")
