"""What changes without moving the focus is said: notices, new screens, a scale's value.

Also where the focus goes after an action, so that a keyboard user is not left on a chart.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.ui import announce
from rugdiary.ui.first_run.welcome import FirstRunDialog
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.widgets.scale import ScaleWidget

Heard = list[tuple[QAccessible.Event, str]]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    """Every accessibility event the app sends, as (type, what it says)."""
    events: Heard = []

    def record(event: QAccessibleEvent) -> None:
        kind = event.type()
        if kind == QAccessible.Event.Announcement:
            text = event.message()  # type: ignore[attr-defined]
        elif kind == QAccessible.Event.ValueChanged:
            text = str(event.value())  # type: ignore[attr-defined]
        else:
            text = ""
        events.append((kind, text))
        QAccessible.updateAccessibility(event)

    monkeypatch.setattr(announce, "send", record)
    return events


def _said(heard: Heard) -> list[str]:
    return [text for kind, text in heard if kind == QAccessible.Event.Announcement]


def test_this_qt_has_announcements() -> None:
    assert announce.has_announcements(), "PySide6 6.8 or newer is expected"


def test_the_scale_says_its_value(qtbot: QtBot, heard: Heard) -> None:
    scale = ScaleWidget("Pain right now", "no pain", "worst pain imaginable")
    qtbot.addWidget(scale)
    scale.show()
    qtbot.waitExposed(scale)
    scale.activateWindow()
    scale.setFocus()
    qtbot.waitUntil(scale.hasFocus)
    qtbot.keyClick(scale, "7")
    assert (QAccessible.Event.ValueChanged, "7") in heard
    assert (QAccessible.Event.DescriptionChanged, "") in heard
    assert _said(heard) == ["7 of 10"]
    assert scale.accessibleDescription().startswith("Chosen: 7 of 10.")
    heard.clear()
    scale.clearFocus()
    scale.clear()  # a form emptied after saving: no announcement
    assert _said(heard) == []
    assert (QAccessible.Event.ValueChanged, "-1") in heard


def test_a_notice_is_said(window: MainWindow, heard: Heard) -> None:
    window.show_notice("Saved")
    assert _said(heard) == ["Saved"]


def test_each_welcome_screen_is_said(qtbot: QtBot, heard: Heard) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.next()
    said = _said(heard)
    assert len(said) == 1
    assert said[0].startswith("Step 2 of 4. What helps a sore back.")
    assert "Stress can play a part." in said[0]


def test_the_welcome_buttons_take_tab_in_the_order_they_are_seen(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.next()  # Back is enabled from screen 2 on
    seen = sorted(
        (dialog.skip_button, dialog.back_button, dialog.next_button),
        key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x(),
    )
    chain = [dialog.skip_button]
    for _ in range(2):
        chain.append(chain[-1].nextInFocusChain())
    assert chain == seen


def test_after_save_and_add_another_the_focus_stays_in_the_diary_card(
    qtbot: QtBot, window: MainWindow
) -> None:
    quick = window.today.view.quick
    quick.pain.setFocus()
    qtbot.waitUntil(quick.pain.hasFocus)
    qtbot.keyClick(quick.pain, "3")
    qtbot.keyClick(quick.pain, Qt.Key.Key_Tab)
    qtbot.keyClick(quick.stress, "4")
    qtbot.keyClick(quick.stress, Qt.Key.Key_Return)
    add_another = window.today.view.add_another_button
    qtbot.waitUntil(add_another.isVisible)
    QApplication.processEvents()
    assert QApplication.focusWidget() is add_another
    qtbot.keyClick(add_another, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert QApplication.focusWidget() is quick.pain
