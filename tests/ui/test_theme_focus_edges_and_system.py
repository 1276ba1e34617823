"""The themes: focus on main actions and tabs, edges of fields, following the desktop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary.ui import theme
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from rugdiary.ui.theme import (
    CHOSEN_THEME_PROPERTY,
    FOCUS_WIDTH,
    HIGH_CONTRAST,
    PRIMARY_BUTTON,
    PRIMARY_RING_ROOM,
    SystemThemeFollower,
    apply_theme,
    build_palette,
    current_theme,
    follow_system_theme,
    primary_button_style,
)

THEMES = ["light", "dark", HIGH_CONTRAST]


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _shown(qtbot: QtBot, root: QWidget) -> None:
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _strong_changes(before: QImage, after: QImage, area: QRect, *against: QColor) -> int:
    """Pixels in `area` that changed by 3:1 or more, and stand 3:1 from each of `against`."""
    count = 0
    for y in range(max(0, area.top()), min(after.height(), area.bottom() + 1)):
        for x in range(max(0, area.left()), min(after.width(), area.right() + 1)):
            now = after.pixelColor(x, y)
            if _contrast(now, before.pixelColor(x, y)) >= 3 and all(
                _contrast(now, colour) >= 3 for colour in against
            ):
                count += 1
    return count


# -- item 7: a main action's focus, a tab's focus -------------------------------------------


def _ring_apart_from_fill(
    focused: list[QColor], unfocused: list[QColor], window: QColor, fill: QColor
) -> bool:
    """Along a line of pixels from outside the button inwards: a ring that came with the
    focus (3:1 from what was there and from the window), then, before the fill, a gap
    3:1 from both the ring and the fill."""
    ring: QColor | None = None
    for now, before in zip(focused, unfocused, strict=True):
        if ring is None:
            if _contrast(now, window) >= 3 and _contrast(now, before) >= 3:
                ring = now
        elif _contrast(now, ring) >= 3 and _contrast(now, fill) >= 3:
            return True
    return False


@pytest.mark.parametrize("name", THEMES)
def test_a_main_actions_focus_ring_stands_out_from_its_fill_and_the_window(
    qtbot: QtBot, restore_app_look: QApplication, name: str
) -> None:
    """Focused, Start and Save as PDF only thickened their border in a dark shade of the
    fill: 1.8:1 in light and dark, 1.07:1 on high contrast's yellow. No one colour has 3:1
    against both the window and the fill in dark, so the ring is set apart from the fill
    by a gap: ring against the window 3:1, gap against ring and fill 3:1."""
    apply_theme(restore_app_look, name)
    root = QWidget()
    layout = QVBoxLayout(root)
    primary = QPushButton("Start Morning mobility", root)
    primary.setObjectName(PRIMARY_BUTTON)
    primary.setStyleSheet(primary_button_style())
    other = QPushButton("Other", root)
    layout.addWidget(primary)
    layout.addWidget(other)
    _shown(qtbot, root)
    _focus(qtbot, other)
    unfocused = root.grab().toImage()
    _focus(qtbot, primary)
    focused = root.grab().toImage()
    palette = restore_app_look.palette()
    fill = palette.color(QPalette.ColorRole.Highlight)
    window = palette.color(QPalette.ColorRole.Window)
    area = QRect(primary.mapTo(root, QPoint(0, 0)), primary.size())
    ring = _strong_changes(unfocused, focused, area, window)
    perimeter = 2 * (area.width() + area.height())
    assert ring >= perimeter, f"{name}: {ring} ring pixels, want {perimeter}"
    depth = range(PRIMARY_RING_ROOM + 3)
    mid_x, mid_y = area.center().x(), area.center().y()
    lines = {
        "left": [QPoint(area.left() + d, mid_y) for d in depth],
        "right": [QPoint(area.right() - d, mid_y) for d in depth],
        "top": [QPoint(mid_x, area.top() + d) for d in depth],
        "bottom": [QPoint(mid_x, area.bottom() - d) for d in depth],
    }
    for side, points in lines.items():
        now = [focused.pixelColor(point) for point in points]
        before = [unfocused.pixelColor(point) for point in points]
        assert _ring_apart_from_fill(now, before, window, fill), (
            f"{name}, {side}: no ring set apart from the fill: {[c.name() for c in now]}"
        )


def _tabs(qtbot: QtBot) -> tuple[QWidget, QTabWidget, QLineEdit]:
    root = QWidget()
    layout = QVBoxLayout(root)
    tabs = QTabWidget(root)
    tabs.setDocumentMode(True)  # as the Programs page has them
    tabs.addTab(QWidget(), "Programs")
    tabs.addTab(QWidget(), "Exercise library")
    other = QLineEdit(root)
    layout.addWidget(tabs)
    layout.addWidget(other)
    root.resize(500, 200)
    _shown(qtbot, root)
    return root, tabs, other


@pytest.mark.parametrize("name", THEMES)
def test_the_focused_tab_has_a_ring(
    qtbot: QtBot, restore_app_look: QApplication, name: str
) -> None:
    """Fusion marks the focused tab with a faint tint only (1.3–2.4:1 against no focus)."""
    apply_theme(restore_app_look, name)
    _root, tabs, other = _tabs(qtbot)
    bar = tabs.tabBar()
    _focus(qtbot, other)
    unfocused = bar.grab().toImage()
    _focus(qtbot, bar)
    focused = bar.grab().toImage()
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    area = bar.tabRect(bar.currentIndex())
    ring = _strong_changes(unfocused, focused, area, window)
    perimeter = 2 * (area.width() + area.height())
    assert ring >= perimeter, f"{name}: {ring} ring pixels, want {perimeter}"


def test_high_contrast_outlines_the_tabs(qtbot: QtBot, restore_app_look: QApplication) -> None:
    """On black, Fusion edged the tabs in #1e1e1e (1.26:1): a tab not chosen was only a word."""
    apply_theme(restore_app_look, HIGH_CONTRAST)
    _root, tabs, _other = _tabs(qtbot)
    bar = tabs.tabBar()
    image = bar.grab().toImage()
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    for index in range(bar.count()):
        tab = bar.tabRect(index)
        middle = tab.center().y()
        # one line between two tabs is enough: the chosen tab is drawn over its neighbour's
        for side, x in (("left", tab.left()), ("right", tab.right())):
            columns = [c for c in (x - 1, x, x + 1) if 0 <= c < image.width()]
            best = max(_contrast(image.pixelColor(c, middle), window) for c in columns)
            assert best >= 3, f"tab {index}: its {side} edge has only {best:.1f}:1"


# -- item 8: the edges of fields -------------------------------------------------------------


def _date_field() -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)  # as the diary's and the report's date fields
    return field


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Same as this computer", "Light"])
    return combo


FIELDS = {
    "text field": QLineEdit,
    "spin box": QSpinBox,
    "time field": QTimeEdit,
    "date field": _date_field,
    "combo box": _combo,
    "text box": QPlainTextEdit,
}


@pytest.mark.parametrize("kind", list(FIELDS))
@pytest.mark.parametrize("name", THEMES)
def test_a_field_has_an_edge_that_stands_out_from_the_window(
    qtbot: QtBot, restore_app_look: QApplication, name: str, kind: str
) -> None:
    """Non-text contrast (WCAG 1.4.11): in dark a text field, spin box or time field was
    1.1:1 against the window, a combo or date field 2.5:1; in light about 2.0:1."""
    apply_theme(restore_app_look, name)
    root = QWidget()
    layout = QVBoxLayout(root)
    field = FIELDS[kind]()
    if isinstance(field, QPlainTextEdit):
        field.setFixedHeight(80)
    field.setMinimumWidth(200)
    other = QPushButton("Other", root)  # holds the focus: the field shows no ring
    layout.addWidget(field)
    layout.addWidget(other)
    _shown(qtbot, root)
    _focus(qtbot, other)
    image = root.grab().toImage()
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    area = QRect(field.mapTo(root, QPoint(0, 0)), field.size())
    # the weakest point of the left edge (its first two columns, the corners left out)
    edge = min(
        max(_contrast(image.pixelColor(x, y), window) for x in (area.left(), area.left() + 1))
        for y in range(area.top() + 4, area.bottom() - 3)
    )
    assert edge >= 3, f"{name}: the {kind}'s edge has only {edge:.1f}:1"


@pytest.mark.parametrize("kind", ["text field", "spin box", "combo box", "text box"])
@pytest.mark.parametrize("name", THEMES)
def test_a_fields_focus_ring_lies_inside_its_edge(
    qtbot: QtBot, restore_app_look: QApplication, name: str, kind: str
) -> None:
    """Drawn over the new edge, the ring turned one mid colour into another (about 1.2:1):
    half its width hardly changed. Inside the edge, the edge stays as it was and the ring
    changes what was inside it by 3:1 or more."""
    apply_theme(restore_app_look, name)
    root = QWidget()
    layout = QVBoxLayout(root)
    field = FIELDS[kind]()
    if isinstance(field, QPlainTextEdit):
        field.setFixedHeight(80)
    other = QPushButton("Other", root)
    layout.addWidget(field)
    layout.addWidget(other)
    _shown(qtbot, root)
    _focus(qtbot, other)
    unfocused = root.grab().toImage()
    _focus(qtbot, field)
    focused = root.grab().toImage()
    area = QRect(field.mapTo(root, QPoint(0, 0)), field.size())
    window = restore_app_look.palette().color(QPalette.ColorRole.Window)
    width = int(FOCUS_WIDTH[name])
    # from the outside in, along the middle of the left side and of the top
    for side, step, start in (
        ("left", QPoint(1, 0), QPoint(area.left(), area.center().y())),
        ("top", QPoint(0, 1), QPoint(area.center().x(), area.top())),
    ):
        points = [start + step * d for d in range(width + 1)]
        now = [focused.pixelColor(point) for point in points]
        before = [unfocused.pixelColor(point) for point in points]
        shown = f"{name}, {kind}, {side}: {[c.name() for c in before]} → {[c.name() for c in now]}"
        assert now[0] == before[0], f"the edge changed with the focus: {shown}"
        assert _contrast(now[0], window) >= 3, f"no edge: {shown}"
        # (where Fusion draws a mid-grey line of its own inside, that pixel changes less)
        changes = [_contrast(a, b) for a, b in zip(now[1:], before[1:], strict=True)]
        assert max(changes) >= 3, f"no ring inside the edge: {shown}"


# -- item 10: "Same as this computer" follows the desktop -----------------------------------


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch, restore_app_look: QApplication) -> Iterator[list[str]]:
    """What the desktop asks for: set its one item; offscreen cannot change it for real."""
    asked = ["light"]
    monkeypatch.setattr(theme, "system_theme", lambda: asked[0])
    yield asked
    restore_app_look.setProperty(CHOSEN_THEME_PROPERTY, None)


def _desktop_turns(qapp: QApplication, asked: list[str], wanted: str) -> None:
    asked[0] = wanted
    hints = qapp.styleHints()
    if wanted == HIGH_CONTRAST:
        hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    else:
        scheme = Qt.ColorScheme.Dark if wanted == "dark" else Qt.ColorScheme.Light
        hints.colorSchemeChanged.emit(scheme)


def _window_colour(qapp: QApplication) -> QColor:
    return qapp.palette().color(QPalette.ColorRole.Window)


@pytest.mark.parametrize("wanted", ["dark", HIGH_CONTRAST])
def test_same_as_this_computer_follows_the_desktop_while_it_runs(
    qtbot: QtBot, restore_app_look: QApplication, desktop: list[str], wanted: str
) -> None:
    """The theme was resolved once, at start: a desktop switched to dark or to high
    contrast while the app ran left it light until it was started again."""
    apply_theme(restore_app_look, "system")
    follower = follow_system_theme(restore_app_look)
    assert current_theme() == "light"
    with qtbot.waitSignal(follower.themeApplied) as applied:
        _desktop_turns(restore_app_look, desktop, wanted)
    assert applied.args == [wanted]
    assert current_theme() == wanted
    expected = build_palette(wanted).color(QPalette.ColorRole.Window)
    assert _window_colour(restore_app_look) == expected
    assert isinstance(restore_app_look.style(), theme.FocusStyle)
    assert restore_app_look.style().theme == wanted


def test_a_theme_chosen_in_settings_stays_when_the_desktop_changes(
    qtbot: QtBot, restore_app_look: QApplication, desktop: list[str]
) -> None:
    apply_theme(restore_app_look, "light")
    follower = follow_system_theme(restore_app_look)
    with qtbot.assertNotEmitted(follower.themeApplied):
        _desktop_turns(restore_app_look, desktop, "dark")
    assert current_theme() == "light"
    assert _window_colour(restore_app_look) == build_palette("light").color(
        QPalette.ColorRole.Window
    )


def test_the_charts_follow_the_desktop_as_after_a_change_in_settings(
    qtbot: QtBot, restore_app_look: QApplication, desktop: list[str], services: Services
) -> None:
    """Insights draws its charts in the theme it was given: the window tells it, as it
    does when the theme is changed in Settings."""
    apply_theme(restore_app_look, "system")
    window = MainWindow(services, settings=None)
    qtbot.addWidget(window)
    window.show_page("insights")
    assert window.insights.controller._theme == "light"
    _desktop_turns(restore_app_look, desktop, "dark")
    assert window.insights.controller._theme == "dark"
    window.insights.controller.shutdown()


def test_the_app_listens_to_the_desktop_from_its_start(
    qtbot: QtBot, restore_app_look: QApplication, desktop: list[str]
) -> None:
    """Before the window exists too: the welcome and the red-flag notice come first."""
    from rugdiary.ui.app import prepare_application

    for old in restore_app_look.findChildren(SystemThemeFollower):
        old.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert restore_app_look.findChildren(SystemThemeFollower) == []
    prepare_application("system", "en")
    _desktop_turns(restore_app_look, desktop, "dark")
    assert current_theme() == "dark"
