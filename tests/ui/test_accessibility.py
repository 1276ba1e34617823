"""Every page: each control has an accessible name, and Tab reaches every control in turn."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary.ui.main_window import PAGES, MainWindow
from rugdiary.ui.motion import SETTINGS_KEY as MOTION_KEY
from rugdiary.ui.motion import load_reduce_motion, reduce_motion, set_reduce_motion
from rugdiary.ui.services import Services
from rugdiary.ui.theme import HIGH_CONTRAST, THEMES, apply_theme, build_palette, resolve_theme

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,  # also QDateTimeEdit, QDateEdit, QTimeEdit
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QSlider,
)
"""Controls a person operates; any other widget that takes Tab focus counts as a canvas."""

COMPOSITES: tuple[type[QWidget], ...] = (
    QAbstractSpinBox,
    QComboBox,
    QTabBar,
    QCalendarWidget,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)
"""Controls whose inner parts (a spin box's line edit, a view's header) are not separate."""

MAX_TAB_STEPS = 600


def _tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def _is_plain_scroll_area(widget: QWidget) -> bool:
    """A scroll area that only holds other widgets: a container, not a control."""
    return isinstance(widget, QScrollArea) or (
        type(widget) is QAbstractScrollArea  # pragma: no cover - never built directly
    )


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _is_control(widget: QWidget) -> bool:
    if isinstance(widget, INTERACTIVE):
        return True
    if isinstance(widget, (QLabel, QTabBar)) or _is_plain_scroll_area(widget):
        return False  # labels and tab bars are named by their own text
    # A canvas: a custom widget (a 0–10 scale, a chart) that takes the keyboard focus.
    return _tab_focus(widget) and not isinstance(widget, (QMainWindow, QTabWidget))


def controls(root: QWidget) -> list[QWidget]:
    """The visible controls under `root`, without the inner parts of composite controls."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue  # hidden, or a popup of its own
        if _inside_composite(widget, root):
            continue
        if _is_control(widget):
            found.append(widget)
    return found


def object_path(widget: QWidget, root: QWidget | None = None) -> str:
    """Where a widget sits, e.g. DiaryView > QGroupBox#pain > QPushButton('Save')."""
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not root:
        name = type(current).__name__
        if current.objectName():
            name += f"#{current.objectName()}"
        parts.append(name)
        current = current.parentWidget()
    path = " > ".join(reversed(parts))
    hint = ""
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = f" text={widget.text()!r}"
    elif widget.toolTip():
        hint = f" tooltip={widget.toolTip()!r}"
    return path + hint


def _buddies(window: QWidget) -> set[int]:
    """ids of widgets that a non-empty label names (buddy, or its label in a form layout)."""
    named: set[int] = set()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            named.add(id(buddy))
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is None or label is None:
                continue
            label_widget = label.widget()
            if isinstance(label_widget, QLabel) and label_widget.text().strip():
                field_widget = field.widget()
                if field_widget is not None:
                    named.add(id(field_widget))
    return named


def has_name(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if id(widget) in buddies:
        return True
    return isinstance(widget, QAbstractButton) and bool(widget.text().replace("&", "").strip())


def unnamed_widgets(root: QWidget) -> list[str]:
    """Paths of the visible controls under `root` that a screen reader could not name."""
    buddies = _buddies(root.window())
    return [object_path(w, root) for w in controls(root) if not has_name(w, buddies)]


def _tab_pages(root: QWidget) -> list[tuple[QTabWidget, int]]:
    return [(tabs, i) for tabs in root.findChildren(QTabWidget) for i in range(tabs.count())]


def _each_tab(root: QWidget) -> list[str]:
    """Show every tab of every tab widget under `root` in turn; return their labels."""
    shown = []
    for tabs, index in _tab_pages(root):
        if tabs.isVisible():
            tabs.setCurrentIndex(index)
            shown.append(tabs.tabText(index))
    return shown


def _owner(widget: QWidget, expected: dict[int, QWidget]) -> QWidget | None:
    current: QWidget | None = widget
    while current is not None:
        if id(current) in expected:
            return current
        current = current.parentWidget()
    return None


def tab_order_problems(qtbot: QtBot, page: QWidget, also: tuple[QWidget, ...] = ()) -> list[str]:
    """Press Tab through the window and report page controls it misses or gets stuck on.

    `also` lists widgets outside the page that Tab must reach too (the navigation), so a
    page that keeps the focus to itself is caught.
    """
    everything = controls(page)
    problems: list[str] = []
    reachable: dict[int, QWidget] = {}
    for widget in everything:
        if not widget.isEnabled():
            continue
        if _tab_focus(widget):
            reachable[id(widget)] = widget
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not page.parentWidget():
            if _tab_focus(parent) and not _is_plain_scroll_area(parent):
                break  # a composite such as the 0–10 scale takes the focus for its buttons
            parent = parent.parentWidget()
        else:
            problems.append(f"cannot be reached with Tab (focus policy): {object_path(widget)}")
    if not reachable:
        return problems
    start = next(iter(reachable.values()))
    for widget in also:
        reachable[id(widget)] = widget
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = QApplication.focusWidget()
    reached: set[int] = set()
    for _step in range(MAX_TAB_STEPS):
        current = QApplication.focusWidget()
        if current is None:
            problems.append("the focus got lost after pressing Tab")
            break
        owner = _owner(current, reachable)
        if owner is not None:
            reached.add(id(owner))
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        # A date or time edit moves through its sections (day, month, year) first.
        for _section in range(4):
            if after is not current or not isinstance(current, QAbstractSpinBox):
                break
            qtbot.keyClick(current, Qt.Key.Key_Tab)
            after = QApplication.focusWidget()
        if after is current:
            problems.append(f"Tab does not leave: {object_path(current)}")
            current.nextInFocusChain().setFocus(Qt.FocusReason.TabFocusReason)
            after = QApplication.focusWidget()
        if after is first:
            break
    else:
        problems.append(f"Tab did not come round to the start in {MAX_TAB_STEPS} steps")
    problems += [
        f"Tab never reaches: {object_path(w)}" for key, w in reachable.items() if key not in reached
    ]
    return problems


# -- the tests -------------------------------------------------------------------------------


def test_every_page_is_checked(window: MainWindow) -> None:
    assert len(window.pages()) >= 3


def test_every_control_on_every_page_has_a_name(window: MainWindow) -> None:
    failures: list[str] = []
    for key in window.pages():
        window.show_page(key)
        page = window.stack.currentWidget()
        assert page is not None
        failures += [f"[{key}] {path}" for path in unnamed_widgets(page)]
        for tab in _each_tab(page):
            failures += [f"[{key}/{tab}] {path}" for path in unnamed_widgets(page)]
    buddies = _buddies(window)
    failures += [
        f"[window] {object_path(w, window)}"
        for w in controls(window)
        if not window.stack.isAncestorOf(w) and not has_name(w, buddies)
    ]
    unique = sorted(set(failures))
    assert unique == [], "controls without an accessible name:\n" + "\n".join(unique)


@pytest.mark.parametrize("key", PAGES)
def test_tab_reaches_every_control(qtbot: QtBot, window: MainWindow, key: str) -> None:
    assert key in window.pages()
    window.show_page(key)
    page = window.stack.currentWidget()
    assert page is not None
    problems = tab_order_problems(qtbot, page, (window.nav,))
    for tab in _each_tab(page):
        problems += [f"({tab}) {p}" for p in tab_order_problems(qtbot, page, (window.nav,))]
    assert sorted(set(problems)) == [], f"keyboard problems on {key}:\n" + "\n".join(
        sorted(set(problems))
    )


def test_the_checker_finds_an_unnamed_control(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    named = QLineEdit(root)
    named.setAccessibleName("Note")
    buddied = QComboBox(root)
    label = QLabel("&Mood", root)
    label.setBuddy(buddied)
    anonymous = QLineEdit(root)
    anonymous.setObjectName("mystery")
    icon_only = QToolButton(root)
    icon_only.setToolTip("Delete")
    hidden = QLineEdit(root)
    hidden.hide()
    root.show()
    assert named.isVisible()
    assert buddied.isVisible()
    assert unnamed_widgets(root) == ["QLineEdit#mystery", "QToolButton tooltip='Delete'"]


def test_the_checker_finds_a_keyboard_trap(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    first = QLineEdit(root)
    first.setAccessibleName("First")
    trap = QPlainTextEdit(root)  # keeps Tab for itself unless told otherwise
    trap.setAccessibleName("Notes")
    trap.move(0, 40)
    clicky = QLineEdit(root)
    clicky.setAccessibleName("Mouse only")
    clicky.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    clicky.move(0, 200)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    problems = tab_order_problems(qtbot, root)
    assert any("Tab does not leave" in p and "QPlainTextEdit" in p for p in problems)
    assert any("focus policy" in p and "QLineEdit" in p for p in problems)


# -- themes: visible focus and high contrast -------------------------------------------------


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_high_contrast_theme_has_no_faint_colours() -> None:
    palette = build_palette(HIGH_CONTRAST)
    window = palette.color(QPalette.ColorRole.Window)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
        QPalette.ColorRole.Highlight,
        QPalette.ColorRole.Link,
        QPalette.ColorRole.Mid,
    ):
        assert _contrast(palette.color(role), window) >= 9, role
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert _contrast(disabled, window) >= 7
    selected = _contrast(
        palette.color(QPalette.ColorRole.HighlightedText),
        palette.color(QPalette.ColorRole.Highlight),
    )
    assert selected >= 9


def test_high_contrast_is_a_theme(restore_app_look: QApplication) -> None:
    assert HIGH_CONTRAST in THEMES
    assert resolve_theme(HIGH_CONTRAST) == HIGH_CONTRAST
    assert apply_theme(restore_app_look, HIGH_CONTRAST) == HIGH_CONTRAST
    assert restore_app_look.style().name().lower() == "fusion"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_an_empty_check_box_stands_out_from_the_window(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    """Non-text contrast (WCAG 1.4.11): the box's edge at least 3:1 against the window."""
    apply_theme(restore_app_look, theme)
    check = QCheckBox("Reduce motion")
    qtbot.addWidget(check)
    check.show()
    qtbot.waitExposed(check)
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    image = check.grab().toImage()
    box = check.style().subElementRect(
        QStyle.SubElement.SE_CheckBoxIndicator, _check_option(check), check
    )
    # The weakest point of the left edge (its first two pixel columns, the corners left out).
    edge = min(
        max(_contrast(image.pixelColor(x, y), window) for x in (box.left(), box.left() + 1))
        for y in range(box.top() + 3, box.bottom() - 2)
    )
    assert edge >= 3, f"{theme}: the box's edge has only {edge:.1f}:1"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_a_radio_button_is_a_ring_that_stands_out(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    """Its edge at least 3:1 against the window, and round: high contrast outlined it as
    a rounded square, so a choice of one looked like boxes to tick."""
    apply_theme(restore_app_look, theme)
    radio = QRadioButton("Complete copy")
    qtbot.addWidget(radio)
    radio.show()
    qtbot.waitExposed(radio)
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    image = radio.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(radio)
    ring = radio.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, radio)
    middle = ring.center().y()
    edge = max(
        _contrast(image.pixelColor(x, middle), window) for x in (ring.left(), ring.left() + 1)
    )
    assert edge >= 3, f"{theme}: the ring's edge has only {edge:.1f}:1"
    corner = _contrast(image.pixelColor(ring.left() + 1, ring.top() + 1), window)
    assert corner < 1.5, f"{theme}: the corner is drawn ({corner:.1f}:1): a square, not a ring"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_a_progress_bars_track_stands_out_from_the_window(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    """The part of a session still to come is the empty track: in high contrast it was
    black on black, and only a short yellow stub showed. Its far end at least 3:1."""
    apply_theme(restore_app_look, theme)
    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setFixedSize(300, 12)
    bar.setValue(10)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    image = bar.grab().toImage()
    right = image.width() - 1
    # the weakest point of the track's right end (its last two columns, corners left out)
    edge = min(
        max(_contrast(image.pixelColor(x, y), window) for x in (right, right - 1))
        for y in range(3, image.height() - 3)
    )
    assert edge >= 3, f"{theme}: the track's edge has only {edge:.1f}:1"
    # and its top, along the part not yet filled
    top = min(
        max(_contrast(image.pixelColor(x, y), window) for y in (0, 1))
        for x in range(image.width() // 2, right - 3)
    )
    assert top >= 3, f"{theme}: the track's top edge has only {top:.1f}:1"


def test_high_contrast_outlines_text_boxes_lists_and_scroll_handles(
    qtbot: QtBot, restore_app_look: QApplication
) -> None:
    """On black, Fusion's edges are black: a question box on the report page showed only
    its placeholder, and a long list's scroll handle could not be found."""
    apply_theme(restore_app_look, HIGH_CONTRAST)
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    box = QPlainTextEdit()
    box.setFixedSize(240, 120)
    listing = QListWidget()
    listing.addItems([f"Entry {n}" for n in range(60)])
    listing.setFixedSize(240, 120)
    tool = QToolButton()
    tool.setText("More details")
    for widget in (box, listing, tool):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    for widget in (box, listing, tool):
        image = widget.grab().toImage()
        middle = image.height() // 2
        edge = max(_contrast(image.pixelColor(x, middle), window) for x in (0, 1))
        assert edge >= 3, f"{type(widget).__name__}: its left edge has only {edge:.1f}:1"
    bar = listing.verticalScrollBar()
    assert bar.isVisible()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    image = bar.grab().toImage()
    middle = handle.center().y()
    edge = max(
        _contrast(image.pixelColor(x, middle), window) for x in (handle.left(), handle.left() + 1)
    )
    assert edge >= 3, f"the scroll handle's edge has only {edge:.1f}:1"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_scroll_handle_stands_out_in_light_and_dark(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    """Fusion fills the handle in the window's colour on a darker track (1.2:1): half of
    the red-flag list lay below the fold of a dialog that did not look as if it scrolled."""
    apply_theme(restore_app_look, theme)
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    listing = QListWidget()
    listing.addItems([f"Entry {n}" for n in range(60)])
    listing.setFixedSize(240, 120)
    qtbot.addWidget(listing)
    listing.show()
    qtbot.waitExposed(listing)
    bar = listing.verticalScrollBar()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    image = bar.grab().toImage()
    track = image.pixelColor(handle.center().x(), image.height() - 20)
    for y in (handle.top() + 6, handle.center().y(), handle.bottom() - 6):
        edge = max(
            min(_contrast(image.pixelColor(x, y), c) for c in (window, track))
            for x in (handle.left(), handle.left() + 1)
        )
        assert edge >= 3, f"{theme}: the scroll handle's edge has only {edge:.1f}:1"


def _check_option(check: QCheckBox) -> QStyleOptionButton:
    option = QStyleOptionButton()
    option.initFrom(check)
    return option


def _highlight_pixels(widget: QWidget, colour: QColor) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red()) < 40
                and abs(pixel.green() - colour.green()) < 40
                and abs(pixel.blue() - colour.blue()) < 40
            ):
                count += 1
    return count


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_focus_is_clearly_visible_in_every_theme(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    apply_theme(restore_app_look, theme)
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    button = QPushButton("Save", root)
    edit = QLineEdit(root)
    combo = QComboBox(root)
    combo.addItems(["One", "Two"])
    check = QCheckBox("Remind me", root)
    items = QListWidget(root)
    items.addItems(["Diary", "Exercises"])
    items.setCurrentRow(0)
    notes = QPlainTextEdit("Slept badly", root)
    for widget in (button, edit, combo, check, items, notes):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    colour = restore_app_look.palette().color(QPalette.ColorRole.Highlight)
    weak = []
    for widget in (button, edit, combo, check, items, notes):
        root.setFocus()
        widget.clearFocus()
        qtbot.wait(1)
        before = _highlight_pixels(widget, colour)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        after = _highlight_pixels(widget, colour)
        # A ring of about 2 px around the control (a check box: around its text).
        width = min(widget.width(), widget.sizeHint().width())
        ring = round(1.5 * (width + min(widget.height(), 40)))
        if after - before < ring:
            weak.append(f"{type(widget).__name__}: {after - before} more pixels, want {ring}")
    assert weak == []


# -- reduce motion ----------------------------------------------------------------------------


@pytest.fixture
def motion_reduced(qapp: QApplication) -> Iterator[None]:
    set_reduce_motion(True)
    yield
    set_reduce_motion(False)


def test_reduce_motion_lives_on_the_application(qapp: QApplication) -> None:
    assert not reduce_motion()
    set_reduce_motion(True)
    try:
        assert reduce_motion()
        assert qapp.property("rugdiary_reduce_motion") is True
    finally:
        set_reduce_motion(False)
    assert not reduce_motion()


def test_reduce_motion_is_read_from_settings(services: Services) -> None:
    try:
        assert not load_reduce_motion(services.settings)
        services.settings.set(MOTION_KEY, True)
        assert load_reduce_motion(services.settings)
        assert reduce_motion()
    finally:
        set_reduce_motion(False)


def test_figure_holds_the_pose_with_reduced_motion(
    qtbot: QtBot, services: Services, motion_reduced: None
) -> None:
    from rugdiary.core.exercises import Motion, interpolate
    from rugdiary.ui.widgets.pose_figure import PoseFigure

    exercise = next(e for e in services.library().exercises.values() if e.figure is not None)
    figure = exercise.figure
    assert figure is not None
    widget = PoseFigure()
    qtbot.addWidget(widget)
    widget.set_figure(figure)
    for t in (0.1, 0.5, 0.9):
        widget.set_pose(interpolate(figure.start, figure.work, t))
        assert widget.shown_pose() == figure.work
        widget.set_pose(interpolate(figure.start.mirrored(), figure.work.mirrored(), t))
        assert widget.shown_pose() == figure.work.mirrored() or (
            figure.work.mirrored() == figure.work
        )
    set_reduce_motion(False)
    moving = figure.pose_at(Motion.REP, 1.0, 4.0)
    widget.set_pose(moving)
    assert widget.shown_pose() == moving


def test_ring_jumps_with_reduced_motion(qtbot: QtBot, motion_reduced: None) -> None:
    from rugdiary.ui.widgets.countdown_ring import REDUCED_STEPS, CountdownRing

    ring = CountdownRing()
    qtbot.addWidget(ring)
    shown = set()
    for i in range(1000):
        ring.set_state(i / 1000, "5")
        shown.add(ring.shown_fraction())
        assert ring.fraction() == i / 1000, "the true value is kept"
    assert len(shown) == REDUCED_STEPS + 1
    ring.set_state(0.37, "5")
    set_reduce_motion(False)
    assert ring.shown_fraction() == 0.37
