"""The reminders form's buttons are named by the words they show, in Dutch as in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.ui.settings.reminders_view import RemindersView
from tests.ui.test_a11y_walker import name_problems
from tests.ui.test_reasons import _in_dutch


@pytest.mark.parametrize("dutch", [False, True], ids=["en", "nl"])
def test_every_reminder_control_is_named_by_its_visible_words(
    qtbot: QtBot, qapp: QApplication, dutch: bool
) -> None:
    def check() -> list[str]:
        view = RemindersView()
        qtbot.addWidget(view)
        view.add_exercise_row()
        view.resume_button.setVisible(True)
        view.show()
        return name_problems(view)

    if dutch:
        with _in_dutch(qapp):
            assert check() == []
    else:
        assert check() == []
