"""Main window: navigation, menus, About, and geometry and page remembered in QSettings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary import __version__
from rugdiary.core.clock import FakeClock
from rugdiary.ui import dialogs
from rugdiary.ui.main_window import GEOMETRY_KEY, PAGE_KEY, PAGES, MainWindow, app_settings
from rugdiary.ui.services import Services
from rugdiary.ui.theme import apply_theme, build_palette, resolve_theme
from rugdiary.ui.widgets.scale import ScaleWidget


def test_navigation_has_only_real_pages(window: MainWindow) -> None:
    assert (
        window.pages()
        == list(PAGES)
        == [
            "today",
            "diary",
            "insights",
            "programs",
            "player",
            "report",
            "settings",
        ]
    )
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Today",
        "Diary",
        "Insights",
        "Programs",
        "Exercise session",
        "Report",
        "Settings",
    ]
    assert window.stack.currentWidget() is window.today.view, "the app opens on Today"
    with pytest.raises(ValueError, match=r"valid pages: today, diary, .*, settings"):
        window.show_page("insights-from-the-future")


def test_pages_are_built_on_first_visit(window: MainWindow) -> None:
    assert "programs" not in window._built, "start-up pays only for the page it shows"
    window.nav.setCurrentRow(PAGES.index("programs"))
    assert window.stack.currentWidget() is window.programs.view
    assert window.current_page() == "programs"
    window.show_page("diary")
    assert window.stack.currentWidget() is window.diary.view


def test_selecting_a_page_item_opens_it_as_a_screen_reader_does(window: MainWindow) -> None:
    # AT-SPI's Selection.selectChild selects the cell through Qt's accessible table:
    # the selection changes, the current row does not.
    from PySide6.QtGui import QAccessible

    pages = QAccessible.queryAccessibleInterface(window.nav)
    assert pages is not None
    row = PAGES.index("insights")
    selection = pages.selectionInterface()
    assert selection is not None
    assert selection.select(pages.child(row))
    assert window.current_page() == "insights"
    assert window.stack.currentWidget() is window.insights.view


def test_menus_and_shortcuts(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Help"]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert not window.undo_action.isEnabled()


def test_about_names_the_version_and_does_not_diagnose(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QWidget] = []
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: shown.append(dialog) or True)
    window.about_action.trigger()
    (about,) = shown
    text = about.heading.text() + about.body.text()
    assert __version__ in text
    assert "does not diagnose" in text
    assert about.folder.text() == str(window._services.data_dir)


def test_quit_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    form = window.diary.view.form
    form.show_more()
    form.medication.add_row()
    kinds = (
        QAbstractButton,
        QLineEdit,
        QAbstractSpinBox,
        QComboBox,
        QPlainTextEdit,
        QAbstractItemView,
        ScaleWidget,
    )
    composite = (QAbstractSpinBox, QComboBox, ScaleWidget)
    unnamed = [
        f"{type(w).__name__} {w.objectName() or w.parent().objectName()!r}"
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisibleTo(window)
        and not isinstance(w.parent(), composite)  # the inner line edit of a spin box, etc.
        and not w.accessibleName()
    ]
    assert unnamed == []


def test_settings_are_isolated_per_test(isolated_qsettings: Path) -> None:
    settings = app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()).is_relative_to(isolated_qsettings)


def test_geometry_and_page_are_remembered(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    first = MainWindow(services, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # Within the offscreen screen (800x600): restoreGeometry keeps windows on screen.
    first.setGeometry(QRect(20, 30, 760, 520))
    qtbot.waitUntil(lambda: first.size().width() == 760)
    first.show_page("diary")
    first.close()
    assert settings.value(PAGE_KEY) == "diary"
    assert settings.value(GEOMETRY_KEY)

    again = MainWindow(services, settings=QSettings(settings.fileName(), settings.format()))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 520)
    assert again.current_page() == "diary"


def test_having_opened_insights_is_remembered_for_the_chart_warm_up(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    first = MainWindow(services, settings=settings)
    qtbot.addWidget(first)
    assert not first.insights_used_before()
    first.close()
    fresh = MainWindow(services, settings=QSettings(settings.fileName(), settings.format()))
    qtbot.addWidget(fresh)
    assert not fresh.insights_used_before(), "closing without a look at the charts"
    fresh.show_page("insights")
    assert fresh.insights_used_before()
    fresh.show_page("today")
    fresh.close()
    fresh.insights.controller.shutdown()
    later = MainWindow(services, settings=QSettings(settings.fileName(), settings.format()))
    qtbot.addWidget(later)
    assert later.insights_used_before()


def test_charts_follow_the_theme_the_window_shows_not_the_stored_one(
    qtbot: QtBot, restore_app_look: QApplication, services: Services
) -> None:
    """`rugdiary --theme dark` shows a dark window over a diary whose setting says system."""
    from rugdiary.ui.theme import apply_theme

    apply_theme(restore_app_look, "dark")
    window = MainWindow(services, settings=None)
    qtbot.addWidget(window)
    window.show_page("insights")
    assert window.insights.controller._theme == "dark"
    window.settings_page.controller.set_theme("light")
    assert window.insights.controller._theme == "light"
    window.insights.controller.shutdown()


def test_unknown_remembered_page_falls_back_to_the_first(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue(PAGE_KEY, "a page from a later version")
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    assert window.current_page() == PAGES[0] == "today"


def test_without_settings_nothing_is_written(
    qtbot: QtBot, window: MainWindow, isolated_qsettings: Path
) -> None:
    window.close()
    assert not isolated_qsettings.exists() or not any(isolated_qsettings.rglob("*.ini"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_themes_keep_text_readable(theme: str) -> None:
    palette = build_palette(theme)
    text = palette.color(palette.ColorRole.Text)
    base = palette.color(palette.ColorRole.Base)
    assert abs(text.lightness() - base.lightness()) > 150


def test_theme_names_are_checked(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="light"):
        resolve_theme("purple")
    assert resolve_theme("system") in ("light", "dark")
    palette, font, style = qapp.palette(), qapp.font(), qapp.style().name()
    try:
        assert apply_theme(qapp, "dark") == "dark"
        assert qapp.style().name().lower() == "fusion"
        assert qapp.font().pointSizeF() >= 12
    finally:
        qapp.setPalette(palette)
        qapp.setFont(font)
        qapp.setStyle(style)


def test_start_from_programs_opens_the_session_page(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from rugdiary.core.exercises import Level

    window.show_page("programs")
    program = services.library().programs["desk-break"]
    window.programs.controller.startRequested.emit(program, Level.BEGINNER)
    assert window.current_page() == "player"
    view = window.player.view
    assert view.current_panel() is view.before, "first it asks for the pain right now"


def test_a_saved_session_appears_in_the_diary_list(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    from datetime import timedelta

    from rugdiary.core.exercises import Level
    from rugdiary.core.sessions import Session

    assert window.diary.model.rowCount() == 0
    start = clock.now()
    session = Session(
        program_id="desk-break",
        program_name="Desk break",
        level=Level.BEGINNER,
        started_at=start,
        ended_at=start + timedelta(minutes=4),
        planned_s=240,
        done_s=240,
        steps_done=9,
        steps_skipped=0,
        completed=True,
    )
    services.sessions.add(session)
    window._page("player").controller.sessionSaved.emit(session)
    assert window.diary.model.session_at(1) == session


def test_the_empty_session_page_leads_to_the_programs(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("player")
    qtbot.mouseClick(window.player.view.choose_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "programs"


def test_a_diary_reminder_in_the_window_opens_the_quick_entry(
    qtbot: QtBot, services: Services, clock: FakeClock
) -> None:
    from datetime import datetime

    from rugdiary.ui.reminders import ReminderService

    services.settings.set("reminders", {"diary": {"enabled": True, "time": "20:00"}})
    reminders = ReminderService(services.settings, services.entries, clock)
    window = MainWindow(services, reminders=reminders)
    qtbot.addWidget(window)
    window.show()
    reminders.start()
    window.show_page("programs")
    clock.set(datetime(2026, 3, 2, 20, 0).astimezone())
    reminders.on_timer()
    assert not window.banner.isHidden(), "the reminder shows above the page, no tray needed"
    qtbot.mouseClick(window.banner.do_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "today"
    assert window.banner.isHidden()
    reminders.stop()


def test_without_reminders_there_is_no_banner(window: MainWindow) -> None:
    assert window.banner.isHidden()


def test_every_page_is_built_inside_the_page_stack(window: MainWindow) -> None:
    """Made in place, not moved there: a page moved under a new parent is styled again,
    with all its children (for Today, ~7 ms of every start)."""
    from PySide6.QtCore import QEvent, QObject
    from shiboken6 import Shiboken

    # By address: holding the objects here would keep wrappers made while half-built.
    parent_changes: list[int] = []

    class ParentChanges(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ParentChange:
                parent_changes.append(Shiboken.getCppPointer(watched)[0])
            return False

    spy = ParentChanges()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    try:
        for key in PAGES[1:]:  # Today was built with the window
            window.show_page(key)
    finally:
        app.removeEventFilter(spy)
    views = [window._built[key].view for key in PAGES[1:]]
    assert all(view.parentWidget() is window.stack for view in views)
    # One ParentChange, when the view is made; a second one would be the move.
    counts = {type(v).__name__: parent_changes.count(Shiboken.getCppPointer(v)[0]) for v in views}
    assert counts == {type(v).__name__: 1 for v in views}


def test_today_stops_offering_a_program_deleted_on_the_programs_page(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    """Today offers the program done last; once it is deleted, Today offers another."""
    from dataclasses import replace
    from datetime import timedelta

    from rugdiary.core.exercises import Level, Text
    from rugdiary.core.sessions import Session

    base = services.library().programs["core-stability-beginner"]
    services.programs.save(
        replace(base, id="my-plan", name=Text(en="My plan", nl="Mijn plan"), builtin=False)
    )
    start = clock.now() - timedelta(days=1)
    services.sessions.add(
        Session(
            program_id="my-plan",
            program_name="My plan",
            level=Level.BEGINNER,
            started_at=start,
            ended_at=start + timedelta(minutes=15),
            planned_s=900,
            done_s=900,
            steps_done=40,
            steps_skipped=0,
            completed=True,
        )
    )
    window.today.controller.refresh()  # the page was built before the plan was saved
    assert window.today.view.program_name.text() == "My plan"
    window.show_page("programs")
    controller = window.programs.controller
    controller.reload(select_program="my-plan")
    controller.delete_program()
    assert window.today.view.program_name.text() != "My plan"


def test_settings_test_sound_plays_with_sound_cues_off(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As "Test voice" speaks with the voice off: trying it is how one decides to switch on."""
    from rugdiary.ui import audio

    asked: list[audio.Tone] = []

    def test_sound(self: audio.CuePlayer, kind: audio.Tone = audio.Tone.PHASE) -> bool:
        asked.append(kind)
        return True

    monkeypatch.setattr(audio.CuePlayer, "test_sound", test_sound)
    window.preferences.set_sound_cues(False)
    window.show_page("settings")
    window.settings_page.view.test_sound_button.click()
    assert asked == [audio.Tone.PHASE]
    assert "Sound is off" not in window.statusBar().currentMessage()
