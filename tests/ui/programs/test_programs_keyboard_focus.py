"""Programs page and the keyboard: no stray windows on a reload, and the focus after a delete."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.exercises import Group
from rugdiary.storage.repositories import ProgramRepository
from rugdiary.ui.programs.page import ProgramsPage
from tests.ui.programs.test_programs_editor import own_program

PROGRAM = "core-stability-beginner"


class _WindowSpy(QObject):
    """Every top-level widget shown, apart from the page under test."""

    def __init__(self, own: QWidget) -> None:
        super().__init__()
        self.own = own
        self.shown: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.own
            and not watched.inherits("QMenu")
            and watched.metaObject().className() != "QTipLabel"
        ):
            self.shown.append(watched)
        return False


@pytest.fixture
def stray_windows(qapp: QApplication, page: ProgramsPage) -> Iterator[list[QWidget]]:
    spy = _WindowSpy(page.view)
    qapp.installEventFilter(spy)
    yield spy.shown
    qapp.removeEventFilter(spy)


def _settle(qtbot: QtBot) -> None:
    """Let queued events run: the session rows' queued "show" came after their removal."""
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(1)


def test_a_reload_shows_no_stray_windows(
    qtbot: QtBot,
    make_page: Callable[..., ProgramsPage],
    add_session: Callable[..., Any],
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every reload (a saved session, an undo, an import) showed the chosen program twice:
    the first rows, thrown away, flashed up as top-level windows and took the keyboard."""
    for days_ago in (1, 3, 5):
        add_session(days_ago=days_ago)
    page = make_page()
    view = page.view.programs
    made: list[str] = []
    make_row = view.make_session_row

    def counted(when: str, *args: Any) -> QWidget:
        made.append(when)
        return make_row(when, *args)

    monkeypatch.setattr(view, "make_session_row", counted)
    spy = _WindowSpy(page.view)
    qapp.installEventFilter(spy)
    try:
        assert page.controller.select_program(PROGRAM)
        _settle(qtbot)
        spy.shown.clear()
        made.clear()
        page.controller.reload()
        _settle(qtbot)
        assert len(made) == 3, "the program is shown once: one row per session"
        page.controller.reload(select_program=PROGRAM)
        _settle(qtbot)
    finally:
        qapp.removeEventFilter(spy)
    assert [w.metaObject().className() for w in spy.shown] == []
    rows = page.view.programs.sessions_box.findChildren(
        QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
    )
    assert len([r for r in rows if r.isVisible()]) == 3, "one row per session, shown in the page"


def test_session_rows_replaced_before_they_were_shown_stay_hidden(
    qtbot: QtBot, page: ProgramsPage, stray_windows: list[QWidget]
) -> None:
    """Rows put in the page and replaced before the event loop ran (their queued show still
    to come) never become windows of their own."""
    view = page.view.programs
    view.set_session_rows([view.make_session_row("Mon 2 Mar", None, "pain 2 → 2")])
    view.set_session_rows([view.make_session_row("Tue 3 Mar", None, "pain 3 → 2")])
    _settle(qtbot)
    assert stray_windows == []


def test_deleting_a_program_keeps_the_keyboard_on_the_list(
    qtbot: QtBot, page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    """After Delete the chosen program is a built-in one, so the Delete button goes grey: the
    keyboard stays on the list, on the neighbour, and the window stays the active one."""
    program = own_program(program_repo)
    page.controller.reload(select_program=program.id)
    page.view.activateWindow()
    qtbot.waitUntil(page.view.isActiveWindow)
    button = page.view.programs.delete_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    _settle(qtbot)
    assert program_repo.get(program.id) is None
    assert not button.isEnabled()
    assert page.view.isActiveWindow()
    assert QApplication.focusWidget() is page.view.programs.list
    assert page.controller.selected_program() is not None


def test_deleting_an_exercise_keeps_the_keyboard_on_the_library_list(
    qtbot: QtBot, page: ProgramsPage
) -> None:
    controller = page.controller
    editor = controller.new_exercise()
    editor.view.name.setText("Wall slide")
    editor.view.group.setCurrentIndex(editor.view.group.findData(Group.MOBILITY.value))
    editor.view.steps.setPlainText("Stand with your back to the wall\n\nSlide down and up")
    saved = editor.save()
    assert saved is not None
    page.view.tabs.setCurrentWidget(page.view.library)
    controller.select_exercise(saved.id)
    page.view.activateWindow()
    qtbot.waitUntil(page.view.isActiveWindow)
    button = page.view.library.delete_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert controller.selected_exercise() is not None
    assert controller.selected_exercise() != saved
    assert QApplication.focusWidget() is page.view.library.list


def test_ctrl_s_saves_in_both_editors(
    qtbot: QtBot, page: ProgramsPage, program_repo: ProgramRepository
) -> None:
    """As in the diary, Ctrl+S saves a program or an exercise being changed (listed in
    Help → Keyboard shortcuts)."""
    controller = page.controller
    editor = controller.new_program()
    dialog = editor.view
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.name_en.setFocus()
    qtbot.keyClicks(dialog.name_en, "My mornings")
    dialog.add_button.click()
    with qtbot.waitSignal(controller.notice) as notice:
        qtbot.keyClick(dialog.name_en, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert notice.args == ["Program saved", False]
    assert [p.name.en for p in program_repo.list()] == ["My mornings"]

    editor = controller.new_exercise()
    dialog = editor.view
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.name.setText("Wall slide")
    dialog.steps.setPlainText("Stand with your back to the wall\n\nSlide down and up")
    dialog.steps.setFocus()
    with qtbot.waitSignal(controller.notice) as notice:
        qtbot.keyClick(dialog.steps, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert notice.args == ["Exercise saved", False]
