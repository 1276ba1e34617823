"""The Today page's buttons are named by the words on them, in English and in Dutch, also
while a flare-up runs and while a second note is being added."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.storage.repositories import FlareRepository
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from tests.ui.test_a11y_walker import name_problems


@contextmanager
def language(app: QApplication, lang: str) -> Iterator[None]:
    if lang == "en":
        yield
        return
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale(lang), "rugdiary", "_", str(resource("i18n"))), "make qm"
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_today_names_start_with_the_visible_words_while_a_flare_up_runs(
    qapp: QApplication, qtbot: QtBot, services: Services, clock: FakeClock, lang: str
) -> None:
    services.entries.add(new_entry(now=clock.now(), pain=4, stress=3))
    FlareRepository(services.db).start(clock.now() - timedelta(hours=2))
    with language(qapp, lang):
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        today = window.today
        today.controller.add_another()
        today.view.quick.where_button.setChecked(True)
        assert today.flare is not None
        today.flare.refresh()
        line = today.view.flare_line
        assert line.plan_button.isVisible()
        assert line.settled_button.isVisible()
        assert name_problems(today.view) == []
        plan = line.plan_button
        assert plan.accessibleName() == plan.text()
        assert plan.accessibleDescription(), "what it opens, in full"
        save = today.view.quick.save_button
        assert save.accessibleName() == save.text()


def test_the_flare_buttons_say_what_they_do_after_their_words(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    line = window.today.view.flare_line
    assert line.flaring_button.accessibleName() == "My back is flaring up: open the flare-up plan"
    assert line.settled_button.accessibleName() == "It has settled: note the end of the flare-up"
    assert line.plan_button.accessibleName() == "Open the plan"
    assert line.plan_button.accessibleDescription() == "Open the flare-up plan"
