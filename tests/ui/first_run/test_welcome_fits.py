"""Every text of the welcome can be read in full: in its smallest size, in Dutch, and at twice
the usual text size. Screens 1-3 had no scroll area, so their last lines were cut off, and the
Dutch checkboxes were wider than the smallest dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.ui.first_run.welcome import MIN_SIZE, FirstRunDialog
from tests.ui.conftest import clipped


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """RugDiary's Dutch texts installed for one test, English again afterwards."""
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale("nl"), "rugdiary", "_", str(resource("i18n"))), "make qm"
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def _dialog(qtbot: QtBot, size: tuple[int, int]) -> FirstRunDialog:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _unreadable(dialog: FirstRunDialog) -> list[str]:
    """Texts on screens 1-3 cut off, or out of reach of their screen's scrolling."""
    problems = []
    for index in range(dialog.last()):
        dialog._show(index)
        for _ in range(3):
            QApplication.processEvents()
        area = dialog.stack.currentWidget()
        screen = area.widget() if isinstance(area, QScrollArea) else area
        texts: list[QWidget] = [
            w
            for w in screen.findChildren(QWidget)
            if isinstance(w, (QLabel, QCheckBox)) and w.isVisible() and w.text()
        ]
        for widget in texts:
            why = clipped(widget)
            if why:
                problems.append(f"screen {index + 1}: {widget.text()[:40]!r} {why}")
                continue
            if not isinstance(area, QScrollArea):
                problems.append(f"screen {index + 1} does not scroll")
                break
            area.ensureWidgetVisible(widget, 0, 0)
            QApplication.processEvents()
            shown = widget.visibleRegion().boundingRect()
            if widget.height() <= area.viewport().height() and shown != widget.rect():
                problems.append(f"screen {index + 1}: {widget.text()[:40]!r} shows only {shown}")
    return problems


@pytest.mark.usefixtures("dutch")
def test_the_smallest_welcome_shows_every_dutch_text(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, (MIN_SIZE.width(), MIN_SIZE.height()))
    assert dialog.setup.demo.text() != "&Try RugDiary first with example data", "Dutch is on"
    assert dialog.height() == MIN_SIZE.height()
    assert _unreadable(dialog) == []
    # The checkboxes' text does not wrap: the smallest dialog is as wide as they need.
    for box in (dialog.setup.reminder, dialog.setup.demo):
        assert box.width() >= box.sizeHint().width(), box.text()
    area = dialog.stack.widget(2)
    assert isinstance(area, QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0, "no sideways scrolling at the normal size"


def test_twice_the_text_size_scrolls_instead_of_cutting_off(
    qtbot: QtBot, restore_app_look: QApplication
) -> None:
    font = restore_app_look.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    restore_app_look.setFont(font)
    dialog = _dialog(qtbot, (680, 560))
    assert _unreadable(dialog) == []
    message = dialog.stack.widget(1)
    assert isinstance(message, QScrollArea)
    assert message.verticalScrollBar().maximum() > 0, "the four points are longer than the view"


def test_each_screen_opens_at_its_top(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, (MIN_SIZE.width(), MIN_SIZE.height()))
    dialog.next()
    area = dialog.stack.currentWidget()
    assert isinstance(area, QScrollArea)
    QApplication.processEvents()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    dialog.next()
    dialog.back()
    assert area.verticalScrollBar().value() == 0
    assert dialog.screen_text(1).startswith("Step 2 of 4. What helps a sore back.")
