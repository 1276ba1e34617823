"""The welcome's controls are named by the words they show, in English and Dutch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.ui.first_run.welcome import FirstRunDialog
from rugdiary.ui.widgets.form_parts import without_mnemonic
from tests.ui.test_a11y_walker import accessible_name, name_problems
from tests.ui.test_reasons import _in_dutch


@pytest.mark.parametrize("dutch", [False, True], ids=["en", "nl"])
def test_the_reminder_time_is_named_by_its_label(
    qtbot: QtBot, qapp: QApplication, dutch: bool
) -> None:
    """Its label says "At:" ("Om:"), but it was named "Reminder time"."""

    def problems() -> list[str]:
        dialog = FirstRunDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog._show(dialog.screens.index(dialog.setup))
        label = without_mnemonic(dialog.setup.time_label.text()).rstrip(":")
        named = accessible_name(dialog.setup.time)
        wrong = [] if named.startswith(label) else [f"{named!r} hides its label {label!r}"]
        return wrong + name_problems(dialog.setup)

    if dutch:
        with _in_dutch(qapp):
            assert problems() == []
    else:
        assert problems() == []
