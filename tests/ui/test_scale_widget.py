"""The 0–10 scale: keyboard, mouse, single tab stop, accessible text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.ui.widgets.scale import ScaleWidget


@pytest.fixture
def scale(qtbot: QtBot) -> ScaleWidget:
    widget = ScaleWidget("Pain", "no pain", "worst pain imaginable")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def checked(scale: ScaleWidget) -> list[int]:
    return [n for n in range(11) if scale.button(n).isChecked()]


def test_starts_without_a_value(scale: ScaleWidget) -> None:
    assert scale.value() is None
    assert checked(scale) == []


@pytest.mark.parametrize("digit", range(10))
def test_digit_keys_choose_that_value(qtbot: QtBot, scale: ScaleWidget, digit: int) -> None:
    with qtbot.waitSignal(scale.valueChanged) as signal:
        qtbot.keyClick(scale, str(digit))
    assert signal.args == [digit]
    assert scale.value() == digit
    assert checked(scale) == [digit]


def test_one_then_zero_typed_quickly_means_ten(qtbot: QtBot, scale: ScaleWidget) -> None:
    qtbot.keyClicks(scale, "10")
    assert scale.value() == 10


def test_zero_after_another_digit_is_zero(qtbot: QtBot, scale: ScaleWidget) -> None:
    qtbot.keyClicks(scale, "30")
    assert scale.value() == 0


def test_arrows_plus_minus_home_end_move_and_clamp(qtbot: QtBot, scale: ScaleWidget) -> None:
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 0, "the first step from nothing chosen lands on 0"
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    qtbot.keyClick(scale, Qt.Key.Key_Up)
    qtbot.keyClick(scale, Qt.Key.Key_Plus)
    assert scale.value() == 3
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    qtbot.keyClick(scale, Qt.Key.Key_Down)
    qtbot.keyClick(scale, Qt.Key.Key_Minus)
    assert scale.value() == 0
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    assert scale.value() == 0, "stays at the bottom"
    qtbot.keyClick(scale, Qt.Key.Key_End)
    assert scale.value() == 10
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 10, "stays at the top"
    qtbot.keyClick(scale, Qt.Key.Key_Home)
    assert scale.value() == 0
    assert checked(scale) == [0]


def test_clicking_a_button_chooses_it_exclusively(qtbot: QtBot, scale: ScaleWidget) -> None:
    qtbot.mouseClick(scale.button(7), Qt.MouseButton.LeftButton)
    assert scale.value() == 7
    qtbot.mouseClick(scale.button(2), Qt.MouseButton.LeftButton)
    assert scale.value() == 2
    assert checked(scale) == [2]


def test_clear_unchecks_everything_and_signals_none(qtbot: QtBot, scale: ScaleWidget) -> None:
    scale.setValue(5)
    with qtbot.waitSignal(scale.valueChanged) as signal:
        scale.clear()
    assert signal.args == [None]
    assert scale.value() is None
    assert checked(scale) == []


def test_selected_state_is_not_colour_alone(scale: ScaleWidget) -> None:
    scale.setValue(4)
    assert "font-weight: bold" in scale.button(4).styleSheet()
    assert ":checked" in scale.button(4).styleSheet()


def test_accessible_name_and_description_follow_the_value(scale: ScaleWidget) -> None:
    assert scale.accessibleName() == "Pain"
    assert "Nothing chosen" in scale.accessibleDescription()
    assert "worst pain imaginable" in scale.accessibleDescription()
    scale.setValue(6)
    assert "Chosen: 6 of 10" in scale.accessibleDescription()


def test_the_scale_is_one_tab_stop(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    first = ScaleWidget("Pain", "no pain", "worst")
    second = ScaleWidget("Stress", "no stress", "worst")
    layout.addWidget(first)
    layout.addWidget(second)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    assert all(first.button(n).focusPolicy() == Qt.FocusPolicy.NoFocus for n in range(11))


def test_ctrl_digit_is_left_for_shortcuts(qtbot: QtBot, scale: ScaleWidget) -> None:
    qtbot.keyClick(scale, "3", Qt.KeyboardModifier.ControlModifier)
    assert scale.value() is None
