"""Walk the accessibility tree of every page as a screen reader would, and check what it hears.

For every visible control the walker asks Qt's accessibility layer (the interface AT-SPI
reads on Linux), not the widget: a name that a screen reader would really hear, that starts
with the words a sighted person sees (voice control users say those), labels whose text is
not replaced by a name, and a visible change when the control gets the keyboard focus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.player import PlayerState
from rugdiary.ui.main_window import PAGES, MainWindow
from rugdiary.ui.services import Services
from rugdiary.ui.theme import apply_theme
from tests.ui.conftest import add_demo_diary

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QSlider,
    QTabBar,
)
"""Controls a person operates; any other widget that takes Tab focus counts as one too."""

COMPOSITES: tuple[type[QWidget], ...] = (
    QAbstractSpinBox,
    QComboBox,
    QCalendarWidget,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
)
"""Controls whose inner parts (a spin box's line edit, a tab bar's scroll buttons) are not
separate stops for a screen reader."""

FOCUS_PIXELS_MIN = 20
"""Pixels that must change when a control gets the focus: a ring, not a stray dot."""

_TRAILING = re.compile(r"[\s.:;,!?…]+$")


def normalised(text: str, *, rich: bool = False) -> str:
    """Text as it is compared: no & accelerator marks, no markup, no trailing punctuation."""
    if rich:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    else:
        text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    text = " ".join(text.split())
    return _TRAILING.sub("", text).casefold()


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def visible_text(widget: QWidget) -> str:
    """The words a sighted person reads on the control itself ("" for a picture)."""
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLabel):
        return "" if widget.pixmap() is not None and not widget.pixmap().isNull() else widget.text()
    return ""


def _is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())
    )


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def walk(root: QWidget) -> Iterator[QWidget]:
    """Visible widgets under `root` a screen reader meets, without composites' inner parts."""
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and not widget.isWindow() and not _inside_composite(widget, root):
            yield widget


def is_control(widget: QWidget) -> bool:
    if isinstance(widget, INTERACTIVE):
        return True
    if isinstance(widget, QLabel):
        return False
    return _takes_tab(widget) and widget.isEnabled() and not isinstance(widget, QMainWindow)


def where(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 4:
        name = type(current).__name__
        if current.objectName():
            name += f"#{current.objectName()}"
        parts.append(name)
        current = current.parentWidget()
    text = visible_text(widget)
    return " < ".join(parts) + (f" text={text[:40]!r}" if text else "")


def name_problems(root: QWidget) -> list[str]:
    """Controls without a name, names that do not start with the visible words, hidden labels."""
    problems = []
    for widget in walk(root):
        name = accessible_name(widget)
        shown = visible_text(widget)
        rich = isinstance(widget, QLabel) and _is_rich(widget)
        seen = normalised(shown, rich=rich)
        if isinstance(widget, QLabel):
            if seen and not normalised(name).startswith(seen):
                problems.append(f"label text hidden by its name {name!r}: {where(widget)}")
            continue
        if not is_control(widget):
            continue
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, INTERACTIVE):
            if _takes_tab(widget) and not name.strip():
                problems.append(f"silent tab stop (no name): {where(widget)}")
            continue
        if not name.strip():
            problems.append(f"no name: {where(widget)}")
        elif seen and not normalised(name).startswith(seen):
            problems.append(f"name {name!r} does not start with the visible text: {where(widget)}")
    return problems


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _changed_pixels(before: QImage, after: QImage) -> int:
    if before.size() != after.size():
        return before.width() * before.height()
    changed = 0
    for y in range(before.height()):
        for x in range(before.width()):
            if before.pixel(x, y) != after.pixel(x, y):
                changed += 1
                if changed >= FOCUS_PIXELS_MIN:
                    return changed
    return changed


def focus_problems(qtbot: QtBot, root: QWidget) -> list[str]:
    """Tab stops under `root` that look the same with and without the keyboard focus."""
    problems = []
    stops = [w for w in walk(root) if _takes_tab(w) and w.isEnabled() and w.focusProxy() is None]
    for widget in stops:
        if isinstance(widget, QTabBar) or _inside_composite(widget, root):
            continue
        if widget.hasFocus():
            widget.clearFocus()
        # Another control, far away, holds the focus meanwhile: the window stays active.
        before = _grab(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if not widget.hasFocus():
            continue  # it hands the focus on (a proxy, a disabled part)
        after = _grab(widget)
        if _changed_pixels(before, after) < FOCUS_PIXELS_MIN:
            problems.append(f"no visible focus: {where(widget)}")
        widget.clearFocus()
    return problems


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def filled_window(
    qtbot: QtBot, services: Services, clock: FakeClock, restore_app_look: QApplication
) -> MainWindow:
    """The main window in the app's light theme, on 120 demo days with a session a week."""
    apply_theme(restore_app_look, "light")
    add_demo_diary(services.entries, services.sessions, clock.now().date(), 120)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _show(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    window.show_page(key)
    if key == "insights":
        controller = window.insights.controller
        qtbot.waitUntil(
            lambda: controller.result is not None and not controller.is_busy(), timeout=30_000
        )
        qtbot.waitUntil(
            lambda: all(c.canvas is not None for c in window.insights.view.cards.values()),
            timeout=30_000,
        )
    page = window.stack.currentWidget()
    assert page is not None
    return page


def _tab_views(page: QWidget) -> Iterator[str]:
    """Show each tab of each visible tab widget in turn (the page itself first)."""
    yield ""
    for tabs in page.findChildren(QTabWidget):
        if tabs.isVisible():
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield tabs.tabText(index)


@pytest.mark.parametrize("key", PAGES)
def test_every_page_reads_well(qtbot: QtBot, filled_window: MainWindow, key: str) -> None:
    page = _show(qtbot, filled_window, key)
    problems: list[str] = []
    for tab in _tab_views(page):
        problems += [f"[{key}{'/' + tab if tab else ''}] {p}" for p in name_problems(page)]
        problems += [f"[{key}{'/' + tab if tab else ''}] {p}" for p in focus_problems(qtbot, page)]
    unique = sorted(set(problems))
    assert unique == [], f"{len(unique)} problems:\n" + "\n".join(unique)


def test_every_panel_of_the_session_page_reads_well(
    qtbot: QtBot, filled_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, during (playing and paused) and after a session, as a keyboard user gets there."""
    from rugdiary.ui import dialogs
    from tests.ui.player.conftest import CueRecorder

    page = _show(qtbot, filled_window, "player")
    player = filled_window.player
    player.controller.cues = CueRecorder()  # no sound device here
    view = player.view
    problems: list[str] = []

    def check(panel: str) -> None:
        found = name_problems(page) + focus_problems(qtbot, page)
        problems.extend(f"[player/{panel}] {p}" for p in found)

    check("idle")
    qtbot.keyClick(view.idle.start_button, Qt.Key.Key_Space)
    assert view.current_panel() is view.before
    check("before")
    qtbot.keyClick(view.before.pain, "2")
    qtbot.keyClick(view.before.start_button, Qt.Key.Key_Space)
    assert view.current_panel() is view.play
    check("playing")
    qtbot.keyClick(view.play.pause_button, Qt.Key.Key_Space)
    assert player.controller.state is PlayerState.PAUSED
    check("paused")
    monkeypatch.setattr(dialogs, "ask_stop_session", lambda _parent: "time")
    qtbot.keyClick(view.play.stop_button, Qt.Key.Key_Space)
    assert view.current_panel() is view.after
    check("after")
    unique = sorted(set(problems))
    assert unique == [], f"{len(unique)} problems:\n" + "\n".join(unique)


def test_the_window_around_the_pages_reads_well(filled_window: MainWindow) -> None:
    outside = [where(w) for w in walk(filled_window) if not filled_window.stack.isAncestorOf(w)]
    assert outside, "the page list at least"
    problems = [p for p in name_problems(filled_window) if p.split(": ", 1)[-1] in outside]
    assert problems == []


@pytest.mark.parametrize("step", range(4))
def test_every_welcome_step_reads_well(
    qtbot: QtBot, restore_app_look: QApplication, step: int
) -> None:
    from rugdiary.ui.first_run.welcome import FirstRunDialog

    apply_theme(restore_app_look, "light")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(step):
        dialog.next()
    problems = name_problems(dialog) + focus_problems(qtbot, dialog)
    assert problems == []


# -- the walker itself finds what it is meant to find -----------------------------------------


def test_the_walker_finds_each_kind_of_problem(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    hidden_label = QLabel("Stress and pain move together a little", root)
    hidden_label.setAccessibleName("What your diary shows")
    fine_label = QLabel("Today", root)
    renamed = QPushButton("Back", root)
    renamed.setAccessibleName("Previous screen")
    good = QPushButton("Save as…", root)
    good.setAccessibleName("Save as a file")
    accelerated = QPushButton("&Test sound", root)
    accelerated.setAccessibleName("Test sound")
    scroll = QScrollArea(root)
    for widget in (hidden_label, fine_label, renamed, good, accelerated, scroll):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    problems = name_problems(root)
    assert any("label text hidden" in p and "What your diary shows" in p for p in problems)
    assert any("Previous screen" in p for p in problems)
    assert any("silent tab stop" in p for p in problems)
    assert len(problems) == 3, problems


def test_the_walker_sees_a_focus_nobody_can_see(
    qtbot: QtBot, restore_app_look: QApplication
) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    apply_theme(restore_app_look, "light")

    class Blank(QWidget):
        """Takes the focus and paints nothing different."""

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    blank = Blank(root)
    blank.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    blank.setMinimumSize(80, 40)
    button = QPushButton("Save", root)
    layout.addWidget(blank)
    layout.addWidget(button)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    problems = focus_problems(qtbot, root)
    assert any("Blank" in p for p in problems)
    assert not any("QPushButton" in p for p in problems), problems


# -- a theme chosen while the app runs reaches every page ----------------------------------


def test_switching_to_high_contrast_recolours_the_page_list_and_today(
    filled_window: MainWindow, restore_app_look: QApplication
) -> None:
    nav = filled_window.nav
    card = filled_window.today.view.findChild(QWidget, "todayCard")
    assert card is not None

    def colour_at(widget: QWidget) -> str:
        # A point inside, away from text and the rounded corners.
        return widget.grab().toImage().pixelColor(widget.width() - 6, widget.height() - 6).name()

    light_nav, light_card = colour_at(nav), colour_at(card)
    apply_theme(restore_app_look, "high-contrast")
    QApplication.processEvents()
    assert colour_at(nav) == "#000000" != light_nav
    assert colour_at(card) == "#000000" != light_card
