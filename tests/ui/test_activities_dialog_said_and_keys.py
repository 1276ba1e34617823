"""'My activities': its messages said to a screen reader and read by their words, access keys
that do not clash, the core's reasons in the dialog's language, the Stop button named by its
words, and a scale that says what works while nothing is chosen."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.activities import MAX_ACTIVE, new_activity
from rugdiary.core.clock import FakeClock
from rugdiary.storage.repositories import ActivityRepository, ActivityScoreRepository
from rugdiary.ui import announce
from rugdiary.ui.activities.activities_view import ActivitiesDialog
from rugdiary.ui.activities.controller import ActivitiesController
from rugdiary.ui.activities.stores import ActivityStores
from rugdiary.ui.reasons import reason_text
from rugdiary.ui.services import Services
from rugdiary.ui.widgets.form_parts import without_mnemonic
from rugdiary.ui.widgets.scale import ScaleWidget
from tests.ui.test_a11y_walker import accessible_name
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)

Said = list[tuple[str, bool]]
"""(text, assertive) of each announcement."""


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    heard: Said = []

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            assertive = QAccessible.AnnouncementPoliteness.Assertive
            heard.append((event.message(), event.politeness() == assertive))  # type: ignore[attr-defined]
        QAccessible.updateAccessibility(event)

    monkeypatch.setattr(announce, "send", record)
    return heard


@pytest.fixture
def stores(services: Services) -> ActivityStores:
    return ActivityStores(
        ActivityRepository(services.db),
        ActivityScoreRepository(services.db),
        services.settings,
        services.clock,
    )


def _named(stores: ActivityStores, clock: FakeClock, *names: str) -> None:
    made = []
    for name in names:
        made.append(new_activity(name, clock.now() - timedelta(days=20), made))
    stores.activities.save_round(made, [])


def _open(qtbot: QtBot, stores: ActivityStores) -> ActivitiesController:
    dialog = ActivitiesDialog()
    qtbot.addWidget(dialog)
    controller = ActivitiesController(dialog, stores)
    dialog.show()
    qtbot.waitExposed(dialog)
    return controller


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ------------------------------------------------------------------------ messages


def test_a_message_is_said_at_once_and_read_by_its_words(
    qtbot: QtBot, stores: ActivityStores, said: Said
) -> None:
    """The panel appeared under the list while the focus stayed in the field: a screen
    reader said nothing, and reached later it heard "What needs attention"."""
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    assert controller.add() is None  # nothing typed
    message = dialog.message
    assert message.isVisible()
    text = message.text()
    assert text.startswith("New activity: a name is needed")
    assert (text, True) in said
    assert accessible_name(message) == text
    assert message.accessibleDescription() == "What needs attention"
    # Asked again, said again: the person pressed Add again.
    said.clear()
    controller.add()
    assert (text, True) in said
    # Put right, the panel goes and nothing more is said.
    said.clear()
    dialog.add_edit.setText("put on socks")
    assert controller.add() is not None
    assert not message.isVisible()
    assert said == []


# ------------------------------------------------------------------------ access keys


def _access_keys(root: QWidget) -> dict[str, list[str]]:
    """Each access key (the letter after &) of the visible buttons and labels with a buddy."""
    found: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
            key = re.search(r"&([^&\s])", text.replace("&&", ""))
            if key:
                found.setdefault(key.group(1).casefold(), []).append(text)
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_two_controls_share_an_access_key(
    qtbot: QtBot,
    stores: ActivityStores,
    clock: FakeClock,
    lang: str,
    request: pytest.FixtureRequest,
) -> None:
    """ "&Add" and "Ask me &again on:" both had A: Alt+A reached only one of them."""
    if lang == "nl":
        request.getfixturevalue("dutch")
    _named(stores, clock, "put on socks", "lift my child")
    dialog = _open(qtbot, stores).dialog
    keys = _access_keys(dialog)
    assert {k: texts for k, texts in keys.items() if len(texts) > 1} == {}
    assert len(keys) >= 3  # the new activity, Add, the day to ask again


def test_the_access_key_of_the_day_reaches_the_day(qtbot: QtBot, stores: ActivityStores) -> None:
    dialog = _open(qtbot, stores).dialog
    assert dialog.next_label.text() == "Ask me a&gain on:"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.add_edit)
    qtbot.keyClick(dialog.add_edit, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.next_date.hasFocus())


# ------------------------------------------------------------------------ reasons in Dutch


@pytest.mark.usefixtures("dutch")
def test_not_saved_gives_the_core_s_reason_in_the_dialog_s_words(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """ "Not saved: %1" showed the core's English, field name and all ("activities: at most
    5 activities at a time; …") in the Dutch dialog."""
    _named(stores, clock, *(f"activity {n}" for n in range(MAX_ACTIVE - 1)))
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    dialog.add_edit.setText("Sokken aantrekken")
    assert controller.add() is not None
    # Meanwhile, the command line names a fifth: saving would make six.
    existing = stores.activities.list()
    stores.activities.save_round([new_activity("Tillen", clock.now(), existing)], [])
    assert not controller.save()
    reason = "at most 5 activities at a time; retire one before adding another"
    expected = _translate("ActivitiesController", "Not saved: %1").replace(
        "%1", reason_text(reason)
    )
    assert dialog.message.text() == expected
    assert "activities:" not in dialog.message.text()
    assert dialog.message.text().startswith("Niet opgeslagen: ")


@pytest.mark.usefixtures("dutch")
def test_a_name_the_diary_cannot_hold_is_refused_in_dutch(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    _named(stores, clock, "put on socks")
    controller = _open(qtbot, stores)
    (row,) = controller.dialog.rows
    row.name_edit.setText("put on\x00socks")  # pasted from somewhere
    assert not controller.save()
    english = "contains the control character U+0000, which a diary cannot hold"
    dutch_reason = reason_text(english)
    assert dutch_reason != english
    assert controller.dialog.message.text() == f"Activiteit 1: {dutch_reason}"
    assert stores.activities.list()[0].name == "put on socks"


# ------------------------------------------------------------------------ Stop's name


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_stop_is_named_by_its_words_then_the_activity(
    qtbot: QtBot,
    stores: ActivityStores,
    clock: FakeClock,
    lang: str,
    request: pytest.FixtureRequest,
) -> None:
    if lang == "nl":
        request.getfixturevalue("dutch")
    _named(stores, clock, "put on socks")
    controller = _open(qtbot, stores)
    (row,) = controller.dialog.rows
    words = {"en": ("Stop asking", "Keep asking"), "nl": ("Niet meer vragen", "Blijven vragen")}
    for visible in words[lang]:
        button = row.stop_button
        assert without_mnemonic(button.text()) == visible
        name = button.accessibleName()
        assert name.startswith(visible + " ")
        assert name.endswith(" put on socks")
        controller.toggle_stop(row)


# ------------------------------------------------------------------------ the scale


def test_the_scale_says_what_works_while_nothing_is_chosen(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """It said "Type a digit or use the arrow keys", but here the arrows do nothing until a
    score is chosen (a stray arrow must not record 0)."""
    _named(stores, clock, "put on socks")
    controller = _open(qtbot, stores)
    (row,) = controller.dialog.rows
    scale = row.scale
    nothing = scale.accessibleDescription()
    assert nothing == (
        "Nothing chosen yet. 0 means I cannot do it, 10 means as well as before my back "
        "pain. Type a digit to choose a score; after that, the arrow keys change it."
    )
    scale.setFocus()
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() is None
    assert scale.accessibleDescription() == nothing
    qtbot.keyClick(scale, Qt.Key.Key_6)
    assert scale.accessibleDescription().startswith("Chosen: 6 of 10.")
    assert "use the arrow keys" in scale.accessibleDescription()  # true again
    controller.toggle_stop(row)  # cleared: nothing chosen again
    controller.toggle_stop(row)
    assert scale.value() is None
    assert scale.accessibleDescription() == nothing


def test_other_forms_keep_the_scale_s_own_description(qtbot: QtBot) -> None:
    """Told from the activities dialog, not changed in the scale every form uses."""
    scale = ScaleWidget("Pain", "no pain", "worst pain")
    qtbot.addWidget(scale)
    assert scale.accessibleDescription() == (
        "Nothing chosen yet. 0 means no pain, 10 means worst pain. Type a digit or use the "
        "arrow keys."
    )


def test_home_and_end_record_no_score_while_nothing_is_chosen(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    _named(stores, clock, "put on socks")
    controller = _open(qtbot, stores)
    (row,) = controller.dialog.rows
    row.scale.setFocus()
    for key in (Qt.Key.Key_Home, Qt.Key.Key_End):
        qtbot.keyClick(row.scale, key)
        assert row.scale.value() is None


def test_coming_back_from_the_taskbar_keeps_the_focus_where_it_was(
    qtbot: QtBot, stores: ActivityStores, clock: FakeClock
) -> None:
    """A "3" typed on in "New activity" after restoring the window must not become a score."""
    from PySide6.QtGui import QShowEvent

    _named(stores, clock, "put on socks")
    controller = _open(qtbot, stores)
    dialog = controller.dialog
    dialog.add_edit.setFocus()
    qtbot.waitUntil(dialog.add_edit.hasFocus)
    dialog.showEvent(QShowEvent())  # as a restore from the taskbar delivers it again
    assert dialog.add_edit.hasFocus()
