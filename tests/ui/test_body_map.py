"""The body map: marking by mouse and keyboard, names for screen readers, the form, the notice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.body_regions import REGION_IDS, region_label
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import dialogs
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.theme import apply_theme
from rugdiary.ui.widgets.body_map import BodyMap, BodyMapField, neighbour


@pytest.fixture(autouse=True)
def _window_closes_without_asking() -> Iterator[None]:
    """Tests here leave answers typed; the window closed after each must not wait on the
    "not saved yet" question (tests/ui/test_diary_fixes.py tests that question)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dialogs, "ask_discard_unsaved", lambda parent, detail=None: True)
        yield


@pytest.fixture
def field(qtbot: QtBot, restore_app_look: QApplication) -> BodyMapField:
    """The map between two line edits, in a shown and active window."""
    apply_theme(restore_app_look, "light")
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    before = QLineEdit(root)
    body = BodyMapField(root, lang="en")  # made in reading order: the focus chain follows
    after = QLineEdit(root)
    before.setObjectName("before")
    after.setObjectName("after")
    for widget in (before, body, after):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    return body


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_clicking_marks_and_unmarks_a_region(qtbot: QtBot, field: BodyMapField) -> None:
    body = field.map
    seen: list[tuple[str, ...]] = []
    body.regionsChanged.connect(seen.append)
    qtbot.mouseClick(body.buttons["thigh_right"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(body.buttons["lower_back_left"], Qt.MouseButton.LeftButton)
    assert body.regions() == ("lower_back_left", "thigh_right")
    assert seen[-1] == ("lower_back_left", "thigh_right")
    assert field.marked.text() == "Marked: Lower back, left; Thigh, right"
    qtbot.mouseClick(body.buttons["thigh_right"], Qt.MouseButton.LeftButton)
    assert body.regions() == ("lower_back_left",)
    assert body.current() == "thigh_right", "a click moves the tab stop there"
    body.clear()
    assert body.regions() == ()
    assert field.marked.text() == "Nothing marked."


def test_set_regions_orders_ignores_unknown_and_signals_once(field: BodyMapField) -> None:
    seen: list[tuple[str, ...]] = []
    field.map.regionsChanged.connect(seen.append)
    field.set_regions(["below_knee_left", "nonsense", "buttock_right"])
    assert field.regions() == ("buttock_right", "below_knee_left")
    assert seen == [("buttock_right", "below_knee_left")]
    field.set_regions(["below_knee_left", "buttock_right"])
    assert len(seen) == 1, "no change, no signal"


def test_arrow_keys_move_and_space_toggles(qtbot: QtBot, field: BodyMapField) -> None:
    before = field.parentWidget().findChild(QLineEdit, "before")
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    buttons = field.map.buttons
    qtbot.waitUntil(lambda: _focused() is buttons["lower_back_left"])
    for key, expected in (
        (Qt.Key.Key_Right, "lower_back_centre"),
        (Qt.Key.Key_Down, "buttock_left"),
        (Qt.Key.Key_Right, "buttock_right"),
        (Qt.Key.Key_Right, "buttock_right"),  # the edge: stays
        (Qt.Key.Key_Down, "thigh_right"),
        (Qt.Key.Key_Down, "below_knee_right"),
        (Qt.Key.Key_Down, "below_knee_right"),
    ):
        qtbot.keyClick(_focused(), key)
        assert _focused() is buttons[expected], expected
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    assert field.regions() == ("below_knee_right",)
    qtbot.keyClick(_focused(), Qt.Key.Key_Up)
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    assert field.regions() == ("thigh_right", "below_knee_right")
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    assert field.regions() == ("below_knee_right",)


def test_the_map_is_one_tab_stop_entered_at_the_last_region(
    qtbot: QtBot, field: BodyMapField
) -> None:
    root = field.parentWidget()
    before = root.findChild(QLineEdit, "before")
    after = root.findChild(QLineEdit, "after")
    field.map.move_focus("thigh_left")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is after, "Tab leaves the map in one step"
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert _focused() is field.map.buttons["thigh_left"], "and comes back where it was"
    qtbot.keyClick(_focused(), Qt.Key.Key_Backtab)
    assert _focused() is before


def test_neighbours_keep_the_side() -> None:
    assert neighbour("lower_back_centre", Qt.Key.Key_Down) == "buttock_left"
    assert neighbour("lower_back_right", Qt.Key.Key_Down) == "buttock_right"
    assert neighbour("buttock_right", Qt.Key.Key_Up) == "lower_back_right"
    assert neighbour("lower_back_left", Qt.Key.Key_Up) == "lower_back_left"
    assert neighbour("below_knee_left", Qt.Key.Key_Left) == "below_knee_left"


def test_screen_readers_hear_each_region_and_whether_it_is_marked(
    field: BodyMapField,
) -> None:
    body = field.map
    body.set_regions(["buttock_left"])
    iface = QAccessible.queryAccessibleInterface(body)
    assert iface is not None
    names = {}
    for index in range(iface.childCount()):
        child = iface.child(index)
        names[child.text(QAccessible.Text.Name)] = child
    for region in REGION_IDS:
        assert region_label(region, "en") in names
    marked = names["Buttock, left"]
    assert marked.state().checkable
    assert marked.state().checked
    assert not names["Buttock, right"].state().checked
    assert body.accessibleName() == "Where it hurts"
    assert "Arrow keys" in body.accessibleDescription()


def test_dutch_names_follow_the_content_language(qtbot: QtBot) -> None:
    body = BodyMap(lang="nl")
    qtbot.addWidget(body)
    assert body.buttons["below_knee_left"].accessibleName() == "Onder de knie, links"
    body.set_language("en")
    assert body.buttons["below_knee_left"].accessibleName() == "Below the knee, left"


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_focus_and_marks_can_be_seen_in_every_theme(
    qtbot: QtBot, field: BodyMapField, restore_app_look: QApplication, theme: str
) -> None:
    apply_theme(restore_app_look, theme)
    button = field.map.buttons["thigh_left"]
    plain = button.grab().toImage()
    field.map.move_focus("thigh_left")
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    button.setChecked(True)
    marked = button.grab().toImage()

    def differing(a: object, b: object) -> int:
        return sum(
            a.pixel(x, y) != b.pixel(x, y)  # type: ignore[attr-defined]
            for y in range(a.height())  # type: ignore[attr-defined]
            for x in range(a.width())  # type: ignore[attr-defined]
        )

    assert differing(plain, focused) >= 20
    assert differing(focused, marked) >= 40


def test_the_diary_form_saves_loads_and_clears_regions(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository
) -> None:
    form = diary.view.form
    form.show_more()
    assert form.regions.isVisible()
    form.pain.setValue(4)
    form.stress.setValue(2)
    qtbot.mouseClick(form.regions.map.buttons["lower_back_centre"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.regions.map.buttons["buttock_right"], Qt.MouseButton.LeftButton)
    assert form.values()["regions"] == ("lower_back_centre", "buttock_right")
    assert diary.controller.save()
    (saved,) = repo.list()
    assert saved.regions == ("lower_back_centre", "buttock_right")
    assert form.regions.regions() == (), "a new entry starts with nothing marked"
    form.show_more(False)
    diary.controller.edit(saved)
    assert form.more_panel.isVisible(), "an entry with regions unfolds More details"
    assert form.regions.regions() == ("lower_back_centre", "buttock_right")
    assert form.field_label("regions") == "Where it hurts"
    form.field_widget("regions").setFocus()
    assert _focused() in form.regions.map.buttons.values()


def _save_with(diary: DiaryPage, tags: str, regions: list[str]) -> bool:
    form = diary.view.form
    form.clear(diary.controller.clock.now())
    form.show_more()
    form.pain.setValue(5)
    form.stress.setValue(3)
    form.tags.setText(tags)
    form.regions.set_regions(regions)
    return diary.controller.save()


def test_pain_below_the_knee_alone_is_an_ordinary_answer(
    diary: DiaryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "show_red_flag_notice",
        lambda parent, mode="help", signs=(): shown.append(mode) or True,
    )
    assert _save_with(diary, "walking", ["below_knee_left", "below_knee_right"])
    assert _save_with(diary, "numbness", ["below_knee_left", "thigh_left"])
    assert shown == []


def test_both_legs_below_the_knee_with_numbness_shows_the_notice_once(
    window: MainWindow, diary: DiaryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "show_red_flag_notice",
        lambda parent, mode="help", signs=(): shown.append(mode) or True,
    )
    assert _save_with(diary, "numbness", ["below_knee_left", "below_knee_right"])
    assert shown == ["entry"]
    (saved,) = diary.controller.entries.list()
    diary.controller.edit(saved)
    diary.view.form.note.setPlainText("still there")
    assert diary.controller.save()
    assert shown == ["entry"], "changing the same entry does not bring it back again"
    # A red-flag tag together with pain below the knee: one notice, not two.
    assert _save_with(diary, "saddle numbness", ["below_knee_left", "below_knee_right"])
    assert shown == ["entry", "entry"]


def test_the_walker_finds_no_problem_in_the_unfolded_form_and_today(
    qtbot: QtBot, window: MainWindow, diary: DiaryPage, restore_app_look: QApplication
) -> None:
    from tests.ui.test_a11y_walker import focus_problems, name_problems

    apply_theme(restore_app_look, "light")
    form = diary.view.form
    form.show_more()
    form.regions.set_regions(["buttock_left"])
    qtbot.waitUntil(form.regions.isVisible)
    problems = name_problems(form.regions) + focus_problems(qtbot, form.regions)
    window.show_page("today")
    quick = window.today.view.quick
    quick.where_button.setChecked(True)
    qtbot.waitUntil(quick.regions.isVisible)
    problems += name_problems(quick) + focus_problems(qtbot, quick)
    assert problems == []


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
@pytest.mark.parametrize("compact", [True, False])
def test_every_region_is_a_target_of_at_least_24_pixels(
    qtbot: QtBot, restore_app_look: QApplication, theme: str, compact: bool
) -> None:
    """WCAG 2.5.8: on Today's compact map the lower back's regions were 19×29 pixels."""
    apply_theme(restore_app_look, theme)
    body_map = BodyMap(compact=compact, lang="en")
    qtbot.addWidget(body_map)
    body_map.resize(body_map.sizeHint())
    body_map.show()
    qtbot.waitExposed(body_map)
    small = {
        region: (button.width(), button.height())
        for region, button in body_map.buttons.items()
        if min(button.width(), button.height()) < 24
    }
    assert small == {}
    # The targets lie inside the map: none is cut at its edge.
    for button in body_map.buttons.values():
        assert body_map.rect().contains(button.geometry())
