"""The "My activities" dialog and Today's line: keyboard use, names, saving, history kept."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.activities import new_activity, new_score
from rugdiary.core.clock import FakeClock
from rugdiary.storage.repositories import (
    ActivityRepository,
    ActivityScoreRepository,
    stored_next_score,
)
from rugdiary.ui import dialogs
from rugdiary.ui.activities.activities_view import ActivitiesDialog
from rugdiary.ui.activities.controller import ActivitiesController
from rugdiary.ui.activities.stores import ActivityStores
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services


@pytest.fixture
def stores(services: Services) -> ActivityStores:
    return ActivityStores(
        ActivityRepository(services.db),
        ActivityScoreRepository(services.db),
        services.settings,
        services.clock,
    )


def _open(qtbot: QtBot, stores: ActivityStores) -> ActivitiesController:
    dialog = ActivitiesDialog()
    qtbot.addWidget(dialog)
    controller = ActivitiesController(dialog, stores)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return controller


def _focused() -> object:
    return QApplication.focusWidget()


def test_name_and_score_two_activities_with_the_keyboard_only(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    assert _focused() is dialog.add_edit  # nothing named yet: start where a name is typed
    qtbot.keyClicks(dialog.add_edit, "put on socks")
    qtbot.keyClick(dialog.add_edit, Qt.Key.Key_Return)
    (row,) = dialog.rows
    assert _focused() is row.scale  # straight on to its score
    qtbot.keyClick(row.scale, Qt.Key.Key_3)
    assert row.scale.value() == 3
    dialog.add_edit.setFocus()
    qtbot.keyClicks(dialog.add_edit, "sit through a meeting")
    qtbot.keyClick(dialog.add_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.rows[1].scale, Qt.Key.Key_5)
    # Scored now: the next round is two weeks away.
    assert dialog.next_date.date() == QDate(2026, 3, 16)
    with qtbot.waitSignal(controller.saved):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    items = stores.activities.list()
    assert [a.name for a in items] == ["put on socks", "sit through a meeting"]
    assert [(s.activity_id, s.score) for s in stores.scores.list()] == [
        (items[0].id, 3),
        (items[1].id, 5),
    ]
    assert stores.due() == date(2026, 3, 16)
    assert stored_next_score(stores.settings) == (None, None)  # the usual two weeks


def test_accessible_names_start_with_the_visible_text(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    stores.activities.save_round([new_activity("put on socks", clock.now(), [])], [])
    row = _open(qtbot, stores).dialog.rows[0]
    assert row.scale.accessibleName() == "put on socks"
    assert row.stop_button.accessibleName().startswith(row.stop_button.text())
    assert row.name_edit.accessibleName() == row.heading.text() == "Activity 1"
    assert "0 means I cannot do it" in row.scale.accessibleDescription()
    row.name_edit.setText("put on socks and shoes")
    assert row.scale.accessibleName() == "put on socks and shoes"


def test_rename_and_stop_asking_keep_the_history(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    socks = new_activity("put on socks", clock.now(), [])
    sit = new_activity("sit", clock.now(), [socks])
    stores.activities.save_round([socks, sit], [new_score(socks, 2, clock.now())])
    clock.advance(14 * 86400)
    controller = _open(qtbot, stores)
    first, second = controller.dialog.rows
    assert first.last_label.text() == "Last time: 2, on Monday, March 2, 2026"
    assert second.last_label.text() == "Not scored yet."
    first.name_edit.setText("put on socks and shoes")
    qtbot.mouseClick(second.stop_button, Qt.MouseButton.LeftButton)
    assert second.stopped
    assert second.stop_button.text() == "Keep asking"
    assert not second.scale.isVisible()
    first.scale.setValue(6)
    assert controller.save()
    items = {a.id: a for a in stores.activities.list()}
    assert items[socks.id].name == "put on socks and shoes"
    assert not items[sit.id].active
    assert [(s.activity_id, s.score) for s in stores.scores.list()] == [
        (socks.id, 2),
        (socks.id, 6),
    ]


def test_five_is_the_most_and_the_sixth_cannot_be_added(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    made = []
    for i in range(5):
        made.append(new_activity(f"activity {i}", clock.now(), made))
    stores.activities.save_round(made, [])
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    assert not dialog.add_edit.isEnabled()
    assert dialog.full_label.isVisible()
    assert controller.add() is None
    assert "Five activities is the most" in dialog.message.text()
    controller.toggle_stop(dialog.rows[0])
    assert dialog.add_edit.isEnabled()
    dialog.add_edit.setText("lift a child")
    assert controller.add() is not None
    # Keeping the stopped one again would make six: refused.
    controller.toggle_stop(dialog.rows[0])
    assert dialog.rows[0].stopped


def test_an_empty_or_repeated_name_is_refused_naming_the_field(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    stores.activities.save_round([new_activity("put on socks", clock.now(), [])], [])
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    dialog.add_edit.setText("   ")
    assert controller.add() is None
    assert dialog.message.text().startswith("New activity: a name is needed")
    dialog.add_edit.setText("Put on SOCKS")
    assert controller.add() is None
    assert dialog.message.text() == "New activity: you have an activity with this name already."
    dialog.rows[0].name_edit.setText("")
    assert not controller.save()
    assert dialog.message.text().startswith("Activity 1: a name is needed")
    assert _focused() is dialog.rows[0].name_edit
    assert [a.name for a in stores.activities.list()] == ["put on socks"]


def test_a_chosen_day_is_stored_and_used(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    socks = new_activity("put on socks", clock.now(), [])
    stores.activities.save_round([socks], [new_score(socks, 4, clock.now())])
    controller = _open(qtbot, stores)
    assert controller.dialog.next_date.date() == QDate(2026, 3, 16)
    controller.dialog.next_date.setDate(QDate(2026, 3, 30))
    assert controller.save()
    assert stored_next_score(stores.settings)[0] == date(2026, 3, 30)
    assert stores.due() == date(2026, 3, 30)


def test_cancel_writes_nothing(qtbot: QtBot, stores: ActivityStores) -> None:
    controller = _open(qtbot, stores)
    controller.dialog.add_edit.setText("put on socks")
    controller.add()
    controller.dialog.rows[0].scale.setValue(5)
    qtbot.keyClick(controller.dialog, Qt.Key.Key_Escape)
    assert stores.activities.list() == []
    assert stores.scores.list() == []


# ------------------------------------------------------------------------ Today


def test_today_says_when_the_next_score_is_due_and_opens_the_dialog(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = window.today.view.activities_line
    assert line.isVisible()
    assert line.button.text() == "Name my activities"
    socks = new_activity("put on socks", clock.now(), [])
    ActivityRepository(services.db).save_round([socks], [new_score(socks, 3, clock.now())])
    window.today.controller.refresh()
    assert line.label.text() == "Next score of your activities: in 14 days, Monday 16 March"
    assert line.button.text() == "My activities"
    assert not line.due

    clock.advance(13 * 86400)
    window.today.controller.refresh()
    assert line.label.text() == "Next score of your activities: tomorrow, Monday 16 March"
    clock.advance(86400)
    window.today.controller.refresh()
    assert line.due
    assert line.button.text() == "Score my activities"
    assert line.button.accessibleName() == "Score my activities"

    def answer(dialog: ActivitiesDialog) -> bool:
        dialog.rows[0].scale.setValue(7)
        dialog.save_button.click()
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", answer)
    line.button.click()
    assert not line.due  # scored: the next round is two weeks away
    assert line.label.text().startswith("Next score of your activities: in 14 days")
    assert [s.score for s in ActivityScoreRepository(services.db).list()] == [3, 7]


def test_stores_give_the_report_its_changes(stores: ActivityStores, clock: FakeClock) -> None:
    socks = new_activity("put on socks", clock.now(), [])
    later = clock.now() + timedelta(days=14)
    stores.activities.save_round([socks], [new_score(socks, 7, clock.now())])
    stores.activities.save_round([], [new_score(socks, 3, later)])
    (change,) = stores.changes(clock.now().date(), later.date())
    assert (change.first_score, change.last_score, change.change, change.matters) == (
        7,
        3,
        -4,
        True,
    )
