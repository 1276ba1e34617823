"""'My activities': Tab through every control, no score from a stray key, a score corrected the
same day, the next round's day kept, names that start with the text, long names, Dutch reasons."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.activities import MAX_NAME_CHARS, Activity, mean_change, new_activity, new_score
from rugdiary.core.clock import FakeClock
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import ActivityRepository, ActivityScoreRepository
from rugdiary.ui.activities.activities_view import ActivitiesDialog
from rugdiary.ui.activities.controller import ActivitiesController
from rugdiary.ui.activities.stores import ActivityStores
from rugdiary.ui.services import Services
from rugdiary.ui.widgets.form_parts import without_mnemonic
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)


@pytest.fixture
def stores(services: Services) -> ActivityStores:
    return ActivityStores(
        ActivityRepository(services.db),
        ActivityScoreRepository(services.db),
        services.settings,
        services.clock,
    )


def _named(stores: ActivityStores, clock: FakeClock, *names: str) -> list[Activity]:
    made: list[Activity] = []
    for name in names:
        made.append(new_activity(name, clock.now() - timedelta(days=20), made))
    stores.activities.save_round(made, [])
    return made


def _open(qtbot: QtBot, stores: ActivityStores) -> ActivitiesController:
    dialog = ActivitiesDialog()
    qtbot.addWidget(dialog)
    controller = ActivitiesController(dialog, stores)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return controller


def _walk(qtbot: QtBot, key: Qt.Key, steps: int) -> list[QWidget]:
    reached: list[QWidget] = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)
        reached.append(QApplication.focusWidget())
    return reached


# ------------------------------------------------------------------------ the keyboard


def test_tab_reaches_every_control_in_the_order_seen(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """Tab never reached Add, the day, Cancel or Save: a focus proxy on the dialog sent it
    back to the first scale."""
    _named(stores, clock, "put on socks", "lift my child")
    dialog = _open(qtbot, stores).dialog
    first, second = dialog.rows
    assert dialog.focusProxy() is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.scale)
    # Cancel is left of Save on the screen, so it comes first.
    assert dialog.cancel_button.x() < dialog.save_button.x()
    page = [
        first.name_edit,
        first.stop_button,
        first.scale,
        second.name_edit,
        second.stop_button,
        second.scale,
        dialog.add_edit,
        dialog.add_button,
        dialog.next_date,
        dialog.cancel_button,
        dialog.save_button,
    ]
    forward = _walk(qtbot, Qt.Key.Key_Tab, len(page))
    assert forward == [*page[3:], *page[:3]]
    first.scale.setFocus()
    backward = _walk(qtbot, Qt.Key.Key_Backtab, len(page))
    assert backward == [*reversed(page[:2]), *reversed(page[3:]), first.scale]


def test_without_activities_tab_goes_from_the_new_name_to_save(
    qtbot: QtBot, stores: ActivityStores
) -> None:
    dialog = _open(qtbot, stores).dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.add_edit)
    assert _walk(qtbot, Qt.Key.Key_Tab, 4) == [
        dialog.add_button,
        dialog.next_date,
        dialog.cancel_button,
        dialog.save_button,
    ]


def test_a_stray_arrow_key_records_no_score(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """The first scale has the focus on opening: an arrow pressed to scroll chose 0, "I
    cannot do it", and Save stored it."""
    socks, _lift = _named(stores, clock, "put on socks", "lift my child")
    controller = _open(qtbot, stores)
    first, second = controller.dialog.rows
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.scale)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Minus):
        qtbot.keyClick(first.scale, key)
    assert first.scale.value() is None
    # A digit chooses; then the arrows step from it as before.
    qtbot.keyClick(first.scale, Qt.Key.Key_6)
    qtbot.keyClick(first.scale, Qt.Key.Key_Right)
    assert first.scale.value() == 7
    assert second.scale.value() is None
    assert controller.save()
    assert [(s.activity_id, s.score) for s in stores.scores.list()] == [(socks.id, 7)]


# ------------------------------------------------------------------------ scores


def test_a_score_given_again_the_same_day_corrects_it(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """A wrong key could not be put right: scoring again added a second score, and the
    correction counted as "much easier, a change that matters"."""
    socks, lift = _named(stores, clock, "put on socks", "lift my child")
    controller = _open(qtbot, stores)
    controller.dialog.rows[0].scale.setValue(1)  # meant 7
    controller.dialog.rows[1].scale.setValue(2)  # meant 8
    assert controller.save()
    clock.advance(120)
    controller = _open(qtbot, stores)
    first, second = controller.dialog.rows
    assert first.last_label.text() == "Scored today: 1. Choose another score to correct it."
    first.scale.setValue(7)
    second.scale.setValue(8)
    assert controller.save()
    today = clock.now().date()
    assert [(s.activity_id, s.score) for s in stores.scores.list()] == [
        (socks.id, 7),
        (lift.id, 8),
    ]
    changes = stores.changes(date(1900, 1, 1), today)
    assert [(c.first_score, c.last_score, c.change, c.matters) for c in changes] == [
        (7, 7, 0, False),
        (8, 8, 0, False),
    ]
    assert mean_change(changes) is None
    # The next round is still two weeks from that day.
    assert stores.due() == today + timedelta(days=14)


def test_a_new_activity_left_unscored_keeps_the_day_shown_or_chosen(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """Added and not scored ("score it now, or the next time"), a new activity made the
    next round due today, whatever day the dialog showed or the person chose."""
    then = clock.now() - timedelta(days=14)
    socks = new_activity("put on socks", then, [])
    stores.activities.save_round([socks], [new_score(socks, 3, then)])
    today = clock.now().date()

    controller = _open(qtbot, stores)
    dialog = controller.dialog
    dialog.rows[0].scale.setValue(5)
    dialog.add_edit.setText("sit through a meeting")
    assert controller.add() is not None
    shown = dialog.next_date.date()
    assert shown == QDate(2026, 3, 16)
    assert controller.save()
    assert stores.due() == date(2026, 3, 16)

    clock.advance(3600)
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    dialog.add_edit.setText("lift my child")
    assert controller.add() is not None
    dialog.next_date.setDate(QDate(2026, 3, 23))
    assert controller.save()
    assert stores.due() == date(2026, 3, 23)
    assert stores.due() != today


# ------------------------------------------------------------------------ names and texts


@pytest.mark.usefixtures("dutch")
def test_names_start_with_the_visible_words_in_dutch(qtbot: QtBot, stores: ActivityStores) -> None:
    """ "Toevoegen" was named "De nieuwe activiteit toevoegen", "Opslaan" "Mijn activiteiten
    opslaan": voice control users say the words they see."""
    dialog = _open(qtbot, stores).dialog
    for button, detail in (
        (dialog.add_button, "De nieuwe activiteit toevoegen"),
        (dialog.save_button, "Mijn activiteiten opslaan"),
    ):
        assert button.accessibleName() == without_mnemonic(button.text())
        assert button.accessibleDescription() == detail
    assert dialog.add_button.accessibleName() == "Toevoegen"
    assert dialog.save_button.accessibleName() == "Opslaan"


def test_a_long_name_shows_its_start_and_all_of_it_in_the_tooltip(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    long_name = ("Carry the shopping up the stairs to the flat " * 2)[: MAX_NAME_CHARS - 1]
    long_name = long_name.strip()
    _named(stores, clock, long_name)
    dialog = _open(qtbot, stores).dialog
    (row,) = dialog.rows
    assert row.name_edit.cursorPosition() == 0
    assert row.name_edit.toolTip() == long_name
    # The start of the name is what shows.
    assert row.name_edit.cursorRect().left() < row.name_edit.width() // 4
    row.name_edit.setText("put on socks")
    assert row.name_edit.toolTip() == "put on socks"


@pytest.mark.usefixtures("dutch")
def test_a_failed_save_gives_its_reason_in_dutch(
    qtbot: QtBot, stores: ActivityStores, monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    """The storage's reason ("the disk is full") stayed English in the Dutch dialog."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise StorageWriteError(services.db.path, "the disk is full")

    controller = _open(qtbot, stores)
    controller.dialog.add_edit.setText("Sokken aantrekken")
    controller.add()
    monkeypatch.setattr(ActivityRepository, "save_round", fail)
    assert not controller.save()
    assert controller.dialog.message.text() == (
        "Nog niet opgeslagen: de schijf is vol. Je antwoorden staan er nog, dus je kunt het "
        "opnieuw proberen."
    )
