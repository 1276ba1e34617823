"""Accessible names start with the visible words in every language (About, the welcome); what
else a control does is its description."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.ui import help
from tests.ui.test_a11y_walker import accessible_name, name_problems
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)


def _about(qtbot: QtBot, folder: Path) -> help.AboutDialog:
    about = help.AboutDialog(folder)
    qtbot.addWidget(about)
    about.show()
    qtbot.waitExposed(about)
    return about


def test_abouts_path_and_copy_button_are_named_by_what_they_show(
    qtbot: QtBot, tmp_path: Path
) -> None:
    about = _about(qtbot, tmp_path)
    assert accessible_name(about.folder) == str(tmp_path), "the path is read, not hidden"
    assert about.folder.accessibleDescription() == "Data folder"
    assert accessible_name(about.copy_button) == "Copy path"
    assert about.copy_button.accessibleDescription() == "Copy the data folder path"
    assert name_problems(about) == []


@pytest.mark.usefixtures("dutch")
def test_about_reads_well_in_dutch(qtbot: QtBot, tmp_path: Path) -> None:
    assert name_problems(_about(qtbot, tmp_path)) == []


@pytest.mark.usefixtures("dutch")
@pytest.mark.parametrize("step", range(4))
def test_every_welcome_step_reads_well_in_dutch(qtbot: QtBot, step: int) -> None:
    from rugdiary.ui.first_run.welcome import FirstRunDialog

    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(step):
        dialog.next()
    assert name_problems(dialog) == []
    assert dialog.next_button.accessibleDescription(), "what Next does is still said"


@pytest.mark.usefixtures("dutch")
@pytest.mark.parametrize("mode", ["first_run", "help"])
def test_the_red_flag_notices_button_is_named_by_its_dutch_words(qtbot: QtBot, mode: str) -> None:
    """ "Ik heb dit gelezen" was named "Ik heb deze informatie gelezen" in Dutch."""
    from rugdiary.ui.safety import NoticeMode, RedFlagDialog

    dialog = RedFlagDialog(NoticeMode(mode), lang="nl")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ok_button.text() in ("Ik heb dit gelezen", "Sluiten")
    assert name_problems(dialog) == []
