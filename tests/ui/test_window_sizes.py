"""Every page from the smallest window (900×600) to full HD, in English and Dutch (issue 17).

At the minimum size nothing is cut off or scrolls sideways, and the window never has to
grow, even after the exercise session page has been built; every page starts at the same
left edge with the same title; the main actions share one look; counts are pluralised and
dates follow the locale everywhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSize, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import StopReason
from rugdiary.ui.app import install_app_translator, install_qt_translator
from rugdiary.ui.locale_dates import day_format, locale_for
from rugdiary.ui.main_window import PAGES, MainWindow
from rugdiary.ui.page_layout import MIN_WINDOW_SIZE, PAGE_MARGIN
from rugdiary.ui.services import Services
from rugdiary.ui.theme import apply_theme, primary_button_style
from rugdiary.ui.today.today_view import TWO_COLUMNS_MIN_WIDTH
from tests.ui.conftest import add_demo_diary, clipped, evening_session

LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}
LOCALES["nl"] = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
MAIN_ACTION_PAGES = ("today", "diary", "programs", "player", "report")
"""Pages with a main action, drawn in the primary style (Insights and Settings have none)."""


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The app in `request.param`'s language: its translators and its locale."""
    lang: str = request.param
    QLocale.setDefault(LOCALES[lang])
    installed: list[QTranslator] = []
    if lang != "en":
        before = set(qapp.findChildren(QTranslator))
        install_qt_translator(qapp, LOCALES[lang])
        install_app_translator(qapp, LOCALES[lang])
        installed = [t for t in qapp.findChildren(QTranslator) if t not in before]
    yield lang
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def _fill(services: Services, clock: FakeClock) -> None:
    add_demo_diary(
        services.entries,
        services.sessions,
        clock.now().date(),
        120,
        every=5,
        program_name="Core stability for beginners",
        pain_before=5,
        pain_after=4,
    )


@pytest.fixture
def filled_window(
    qtbot: QtBot,
    services: Services,
    clock: FakeClock,
    restore_app_look: QApplication,
    language: str,
) -> MainWindow:
    apply_theme(restore_app_look, "light")
    _fill(services, clock)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(MIN_WINDOW_SIZE)
    win.show()
    qtbot.waitExposed(win)
    return win


def _where(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        name = type(current).__name__
        if current.objectName():
            name += f"#{current.objectName()}"
        parts.append(name)
        current = current.parentWidget()
    return " > ".join(reversed(parts))


def _placed(layout: QLayout) -> list[QWidget]:
    """The widgets `layout` places, in the layouts nested in it too."""
    out: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            out.append(widget)
        elif inner is not None:
            out += _placed(inner)
    return out


def _overlaps(page: QWidget, where: str) -> list[str]:
    """Two widgets of one layout drawn over each other: the layout ran out of room (a
    three-line Dutch count once sat over the player's ring)."""
    problems = []
    for parent in [page, *page.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not parent.isVisible():
            continue
        shown = [w for w in _placed(layout) if w.isVisible() and not w.isWindow()]
        for a, b in itertools.combinations(shown, 2):
            if a.geometry().intersects(b.geometry()):
                problems.append(f"[{where}] {_where(a)} lies over {_where(b)}")
    return problems


def size_problems(window: MainWindow, where: str, size: QSize = MIN_WINDOW_SIZE) -> list[str]:
    """Texts cut off, areas scrolling sideways and a window that had to grow, on this page."""
    for _ in range(3):  # layouts settle in steps: a wrapped line changes a height, and so on
        QApplication.processEvents()
    problems = []
    hint = window.minimumSizeHint()
    if hint.width() > size.width() or hint.height() > size.height():
        problems.append(f"[{where}] the window needs at least {hint.width()}×{hint.height()}")
    if window.size() != size:
        problems.append(f"[{where}] the window grew to {window.width()}×{window.height()}")
    page = window.stack.currentWidget()
    assert page is not None
    problems += _overlaps(page, where)
    for widget in page.findChildren(QWidget):
        if not widget.isVisible():
            continue
        why = clipped(widget)
        if why:
            text = widget.text()[:40]  # type: ignore[attr-defined]
            problems.append(f"[{where}] {_where(widget)} {text!r}: {why}")
        # Any scrolling area, item views (the diary list) included.
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().maximum() > 0:
            problems.append(f"[{where}] {_where(widget)} scrolls sideways")
    return problems


def _pages_and_states(window: MainWindow) -> Iterator[str]:
    """Every page, then the session page's states: before, playing, after."""
    for key in PAGES:
        window.show_page(key)
        yield key
    window.show_page("diary")
    window.diary.view.form.more_button.setChecked(True)
    yield "diary details"
    program = window.programs.controller.all_programs()[0]
    window.start_program(program, Level.BEGINNER)
    yield "session: before"
    window.player.controller.begin()
    yield "session: playing"
    # Without a sound device or a voice for the language, two notices take two lines (the
    # page's tightest state: a three-line Dutch count once sat over the ring here)
    for context_text in (
        "Sound cues are off: no sound output was found.",
        "Voice cues are off: no voice is installed for this language.",
    ):
        window.player.view.play.show_audio_notice(QCoreApplication.translate("audio", context_text))
    yield "session: playing, sound and voice off"
    window.player.controller.stop(StopReason.TIME)
    yield "session: after"
    window.player.view.after.done_button.click()
    for key in PAGES:
        window.show_page(key)
        yield f"{key}, after the session page was built"


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_every_page_fits_the_minimum_window(filled_window: MainWindow, language: str) -> None:
    problems: list[str] = []
    for where in _pages_and_states(filled_window):
        problems += size_problems(filled_window, where)
    assert problems == [], f"at {MIN_WINDOW_SIZE.width()}×{MIN_WINDOW_SIZE.height()}:\n" + (
        "\n".join(problems)
    )


def _title_lefts(window: MainWindow) -> dict[str, int]:
    lefts = {}
    for key in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        page = window.stack.currentWidget()
        titles = [w for w in page.findChildren(QLabel, "pageTitle") if w.isVisible()]
        assert len(titles) == 1, f"{key}: one page title, not {len(titles)}"
        lefts[key] = titles[0].mapTo(window, titles[0].rect().topLeft()).x()
    return lefts


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_every_page_starts_at_the_same_left_edge_with_one_title(
    filled_window: MainWindow, language: str
) -> None:
    edge = filled_window.nav.width() + PAGE_MARGIN
    for size in ((900, 600), (1600, 1000)):
        filled_window.resize(*size)
        lefts = _title_lefts(filled_window)
        assert lefts == dict.fromkeys(PAGES, edge), f"at {size}"
    title = filled_window.stack.currentWidget().findChild(QLabel, "pageTitle")
    fonts = set()
    for key in PAGES:
        filled_window.show_page(key)
        page = filled_window.stack.currentWidget()
        label = page.findChild(QLabel, "pageTitle")
        fonts.add((label.font().pointSizeF(), label.font().bold()))
    assert len(fonts) == 1, f"page titles differ: {fonts}"
    assert title is not None


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_today_fits_where_its_columns_are_narrowest(
    filled_window: MainWindow, language: str
) -> None:
    """Just past the width where the cards go side by side, each column is at its
    narrowest. A card once kept the height its text needs at its preferred width, so at
    1024 pixels in Dutch the next programme's lines lay over one another."""
    filled_window.show_page("today")
    view = filled_window.today.view
    QApplication.processEvents()
    size = QSize(
        filled_window.width() - view.width() + TWO_COLUMNS_MIN_WIDTH, MIN_WINDOW_SIZE.height()
    )
    filled_window.resize(size)
    QApplication.processEvents()
    assert view.columns.direction() == QBoxLayout.Direction.LeftToRight
    assert view.program_detail.isVisible()
    assert size_problems(filled_window, "today", size) == []


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_the_reports_main_actions_stay_in_view_in_the_smallest_window(
    filled_window: MainWindow, language: str
) -> None:
    """The form scrolls; "Save as PDF…" once scrolled with it, below the window's edge."""
    filled_window.show_page("report")
    view = filled_window.report.view
    for _ in range(3):
        QApplication.processEvents()
    for button in (view.save_button, view.open_button):
        shown = button.visibleRegion().boundingRect()
        assert shown == button.rect(), f"{button.text()!r} shows only {shown}"
    assert not view.status.visibleRegion().isEmpty()


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_wide_window_keeps_today_and_settings_left_aligned_and_readable(
    filled_window: MainWindow, language: str
) -> None:
    filled_window.resize(1600, 1000)
    for key, name in (("today", "todayContent"), ("settings", "settingsContent")):
        filled_window.show_page(key)
        QApplication.processEvents()
        content = filled_window.stack.currentWidget().findChild(QWidget, name)
        assert content is not None
        left = content.mapTo(filled_window, content.rect().topLeft()).x()
        assert left == filled_window.nav.width(), f"{key} starts beside the page list"
        assert content.width() <= 1100, f"{key} keeps a readable width"


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_main_actions_share_the_one_primary_style(filled_window: MainWindow, language: str) -> None:
    style = primary_button_style()
    for key in PAGES:
        filled_window.show_page(key)
        QApplication.processEvents()
        page = filled_window.stack.currentWidget()
        primaries = [
            b for b in page.findChildren(QPushButton, "primaryButton") if b.isVisibleTo(page)
        ]
        for button in page.findChildren(QPushButton, "primaryButton"):
            assert button.styleSheet() == style, f"{key}: {button.text()!r} has its own look"
        if key in MAIN_ACTION_PAGES:
            assert primaries, f"{key}: the main action is not drawn as one"
        defaults = [
            b for b in page.findChildren(QPushButton) if b.isDefault() and b.isVisibleTo(page)
        ]
        for button in defaults:
            assert button.objectName() == "primaryButton", (
                f"{key}: the default action {button.text()!r} is not drawn as the main one"
            )


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 entry", "2 entries"),
        ("nl", "1 registratie", "2 registraties"),
    ],
    indirect=["language"],
)
def test_counts_are_pluralised(
    qtbot: QtBot, services: Services, clock: FakeClock, language: str, one: str, two: str
) -> None:
    from rugdiary.core.diary import new_entry

    services.entries.add(
        new_entry(now=clock.now(), pain=3, stress=2, at=clock.now() - timedelta(hours=1))
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_page("diary")
    count = window.diary.view.list.count_label
    assert count.text() == one
    services.entries.add(
        new_entry(now=clock.now(), pain=4, stress=2, at=clock.now() - timedelta(days=1))
    )
    window.diary.controller.reload()
    assert count.text() == two


@pytest.mark.parametrize(
    ("locale", "day_month"),
    [
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "Feb 27"),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "27 Feb"),
        (QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands), "27 feb"),
    ],
)
def test_dates_follow_the_locale_on_every_page(
    qtbot: QtBot, services: Services, clock: FakeClock, locale: QLocale, day_month: str
) -> None:
    """The same day reads the same way in the Diary, Insights, Report, Programs and Session."""
    QLocale.setDefault(locale)
    day = date(2026, 2, 27)  # a Friday, within every page's default period
    start = datetime.combine(day, time(18, 0)).astimezone()
    services.sessions.add(evening_session(day, "Core stability for beginners"))
    from rugdiary.core.diary import new_entry

    services.entries.add(new_entry(now=clock.now(), pain=3, stress=2, at=start))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()

    window.show_page("diary")
    model = window.diary.view.list.model
    days = [model.data(model.index(row, 0)) for row in model.day_rows()]
    assert any(day_month in text for text in days), days

    window.show_page("programs")
    marks = window.programs.view.programs
    texts = [w.text() for w in marks.sessions_box.findChildren(QLabel)]
    window.programs.view.programs.list.setCurrentRow(0)
    texts += [w.text() for w in marks.sessions_box.findChildren(QLabel)]
    assert any(day_month in text for text in texts), texts

    window.show_page("player")
    assert day_month in window.player.view.idle.recent_list.text()

    window.show_page("report")
    report_format = window.report.view.from_date.displayFormat()
    assert report_format == day_format(locale, short_month=True)
    # Every date field writes the day the same way ("10/08/2026" read as 8 October in
    # the US): the diary's filters and its "when", and Insights' own period.
    window.show_page("insights")
    for field in (
        window.diary.view.list.from_date,
        window.insights.view.from_date,
    ):
        assert field.displayFormat() == report_format
    assert window.diary.view.form.when.displayFormat().startswith(report_format + " ")
    shown = window.report.view.from_date.date().toString(report_format)
    assert QDate.fromString(shown, report_format).isValid()


def test_english_without_an_english_system_gets_british_dates() -> None:
    english = locale_for("en")
    assert english.language() == QLocale.Language.English
    if QLocale.system().language() != QLocale.Language.English:
        assert english.territory() == QLocale.Country.UnitedKingdom
    assert locale_for("nl").language() == QLocale.Language.Dutch
    assert day_format(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == (
        "MMMM d, yyyy"
    )
    assert day_format(QLocale(QLocale.Language.Dutch)) == "d MMMM yyyy"


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_settings_group_titles_are_bold_and_their_contents_are_not(
    filled_window: MainWindow, language: str
) -> None:
    from PySide6.QtWidgets import QGroupBox

    filled_window.show_page("settings")
    page = filled_window.stack.currentWidget()
    boxes = page.findChildren(QGroupBox)
    assert boxes
    assert all(box.font().bold() for box in boxes)
    checks = [c for c in page.findChildren(QCheckBox) if c.isVisibleTo(page)]
    assert checks
    assert not any(c.font().bold() for c in checks)


def _diary_list_with_a_long_note(window: MainWindow, services: Services) -> Any:
    from rugdiary.core.diary import new_entry

    now = services.clock.now()
    note = "Long day at the desk; the back stiffened after lunch, and the walk home helped."
    entry = services.entries.add(
        new_entry(
            now=now, at=now, pain=6, stress=7, tags=["busy at work"], flare_up=True, note=note
        )
    )
    window.show_page("diary")
    window.diary.controller.reload()
    for _ in range(3):
        QApplication.processEvents()
    return window.diary.view.list, note, window.diary.model.row_of(entry.id)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_the_diary_list_fits_the_minimum_window_on_two_lines_and_keeps_the_whole_text(
    filled_window: MainWindow,
    services: Services,
    restore_app_look: QApplication,
    language: str,
    theme: str,
) -> None:
    apply_theme(restore_app_look, theme)
    entries, note, row = _diary_list_with_a_long_note(filled_window, services)
    table, model = entries.table, entries.model
    assert table.horizontalScrollBar().maximum() == 0, "the list does not scroll sideways"
    visible = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in visible) <= table.viewport().width()
    assert model.compact, "too narrow for five columns: each row on two lines"
    assert visible == [0]
    cell = model.index(row, 0)
    first, second = cell.data().split("\n")
    assert first.endswith(("pain 6, stress 7", "pijn 6, stress 7"))
    assert second.startswith(("Flare-up · busy at work – ", "Opvlamming · busy at work – "))
    # The cell ends in "…"; the tooltip and what a screen reader hears hold the whole note.
    assert note in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert note in cell.data(Qt.ItemDataRole.AccessibleTextRole)
    session_row = next(r for r in range(model.rowCount()) if model.session_at(r) is not None)
    spoken = model.index(session_row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Core stability" in spoken or "Rompstabiliteit" in spoken
    assert table.rowHeight(row) >= 2 * table.fontMetrics().lineSpacing()


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_wide_diary_list_shows_five_columns_that_fit(
    filled_window: MainWindow, services: Services, language: str
) -> None:
    filled_window.resize(1400, 900)
    entries, note, row = _diary_list_with_a_long_note(filled_window, services)
    table, model = entries.table, entries.model
    assert not model.compact
    visible = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert visible == [0, 1, 2, 3, 4]
    assert table.horizontalScrollBar().maximum() == 0, "the list does not scroll sideways"
    assert model.index(row, 1).data() == "6"
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == note
    assert model.index(row, 4).data(Qt.ItemDataRole.AccessibleTextRole) == f"Flare-up – {note}"
    # Back to the small window: two lines again, still without sideways scrolling.
    filled_window.resize(MIN_WINDOW_SIZE)
    for _ in range(3):
        QApplication.processEvents()
    assert model.compact
    assert table.horizontalScrollBar().maximum() == 0


ACCELERATOR = re.compile(r"(?<!&)&(?!&)(\w)")


def _access_keys(root: QWidget, menus: Sequence[str] = ()) -> dict[str, list[str]]:
    """Each access key under `root` (what is shown now) and the texts that use it.

    Buttons, labels, group boxes, every tab of a tab bar (a hidden tab's key works too)
    and the menu bar's menus, whose keys work on every page.
    """
    texts = list(menus)
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    keys: dict[str, list[str]] = {}
    for text in texts:
        if found := ACCELERATOR.search(text):
            keys.setdefault(found.group(1).lower(), []).append(text)
    return keys


def _clashes(where: str, keys: dict[str, list[str]]) -> dict[tuple[str, str], list[str]]:
    return {(where, k): v for k, v in keys.items() if len(v) > 1}


def _no_new_clashes(clashes: dict[tuple[str, str], list[str]]) -> None:
    """No two controls reachable together share an access key."""
    assert clashes == {}


def _page_states(window: MainWindow) -> Iterator[str]:
    """Every page; each tab of a page's tab widgets; the Diary with More details open."""
    for page in PAGES:
        window.show_page(page)
        yield page
        view = window._page(page).view
        for tabs in view.findChildren(QTabWidget):
            if tabs.isVisibleTo(view):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    yield f"{page}: {tabs.tabText(index)}"
        if page == "diary":
            window.diary.view.form.more_button.setChecked(True)
            yield "diary: more details"
            window.diary.view.form.more_button.setChecked(False)


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_no_two_controls_on_a_page_share_an_access_key(
    filled_window: MainWindow, language: str
) -> None:
    """Alt+M went to "Reduce &motion" or to "short &movement breaks" on Settings, and Alt+N
    to two controls in Dutch: the second could not be reached by its key. The menu bar's
    keys count on every page: Dutch Alt+B opened "&Bestand", not "Nu een &back-up maken".
    Tab bars count (Alt+E opened the Edit menu, not the "&Exercise library" tab), and so do
    the Diary's More details (Alt+A was "T&ag" and "&Active minutes")."""
    menus = [a.text() for a in filled_window.menuBar().actions()]
    clashes = {}
    for where in _page_states(filled_window):
        view = filled_window._page(where.partition(":")[0]).view
        clashes.update(_clashes(where, _access_keys(view, menus)))
    _no_new_clashes(clashes)


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_no_two_controls_in_an_editor_share_an_access_key(
    filled_window: MainWindow, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program editor (with an exercise, so its dose shows), the exercise editor and My
    activities: Alt+N went to "&Name" and "Move dow&n", Alt+E to "St&eps" and "S&ets"."""
    from rugdiary.ui import dialogs

    filled_window.show_page("programs")
    controller = filled_window.programs.controller
    clashes = {}
    program = controller.new_program()
    program.view.add_button.click()
    clashes.update(_clashes("program editor", _access_keys(program.view)))
    program.view.done(0)
    exercise = controller.new_exercise()
    clashes.update(_clashes("exercise editor", _access_keys(exercise.view)))
    exercise.view.done(0)

    looked_at: list[QWidget] = []

    def look_at(dialog: QWidget) -> bool:
        dialog.show()
        looked_at.append(dialog)
        clashes.update(_clashes("my activities", _access_keys(dialog)))
        return False

    monkeypatch.setattr(dialogs, "exec_dialog", look_at)
    filled_window.open_activities()
    assert looked_at, "My activities was checked"
    _no_new_clashes(clashes)
