"""Today's flare-up line keeps the keyboard focus when its buttons change places: pressing
"My back is flaring up" and closing the plan with Esc left the focus on the page list, and
the next arrow key switched page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.repositories import FlareRepository
from rugdiary.ui.flare.plan_view import FlarePlanDialog
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services


def _press_by_keyboard(qtbot: QtBot, button: QPushButton) -> None:
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _close_with_escape(qtbot: QtBot, window: MainWindow, view: FlarePlanDialog) -> None:
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_focus_moves_to_the_button_that_takes_the_pressed_one_s_place(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    window.show_page("today")
    line = window.today.view.flare_line
    _press_by_keyboard(qtbot, line.flaring_button)
    plan = window._flare_plan
    assert plan is not None
    assert FlareRepository(services.db).open() is not None
    # Where the focus comes back to once the plan closes.
    assert window.focusWidget() is line.plan_button
    _close_with_escape(qtbot, window, plan.view)
    assert QApplication.focusWidget() is line.plan_button
    qtbot.keyClick(line.plan_button, Qt.Key.Key_Down)
    assert window.current_page() == "today"

    # And back: "It has settled", noted in the plan, gives the focus to "My back is
    # flaring up".
    clock.advance(3600)
    _press_by_keyboard(qtbot, line.settled_button)
    qtbot.waitExposed(plan.view)
    qtbot.mouseClick(plan.view.settled_button, Qt.MouseButton.LeftButton)
    assert FlareRepository(services.db).open() is None
    assert line.flaring_button.isVisible()
    assert window.focusWidget() is line.flaring_button
    _close_with_escape(qtbot, window, plan.view)
    assert QApplication.focusWidget() is line.flaring_button
    qtbot.keyClick(line.flaring_button, Qt.Key.Key_Down)
    assert window.current_page() == "today"


def test_a_change_elsewhere_leaves_the_focus_where_it_is(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """Only a button losing the focus hands it on: the focus elsewhere stays put."""
    window.show_page("today")
    line = window.today.view.flare_line
    start = window.today.view.start_button
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    FlareRepository(services.db).start(services.clock.now())  # the tray, the command line
    window.today.flare.refresh()
    assert line.plan_button.isVisible()
    assert QApplication.focusWidget() is start
