"""The main window: page navigation, menus, status bar and remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QMimeData, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rugdiary import __version__
from rugdiary.core.flares import PLAN_PROGRAMS
from rugdiary.storage.repositories import (
    FlareRepository,
    SittingRepository,
    stored_reminder_state,
)
from rugdiary.ui import dialogs
from rugdiary.ui.announce import announce
from rugdiary.ui.diary.undo import UndoReplay
from rugdiary.ui.reminders import ReminderBanner, ReminderService, ReminderTray
from rugdiary.ui.services import Services, content_language
from rugdiary.ui.settings.preferences import Preferences
from rugdiary.ui.theme import current_theme, follow_system_theme

if TYPE_CHECKING:
    from datetime import date

    from rugdiary.core.diary import DiaryEntry
    from rugdiary.core.exercises import Level
    from rugdiary.core.programs import Program
    from rugdiary.core.reminders import Due
    from rugdiary.ui.activities.stores import ActivityStores
    from rugdiary.ui.data_files.controller import DataFiles
    from rugdiary.ui.diary.page import DiaryPage
    from rugdiary.ui.flare.controller import FlarePlanController
    from rugdiary.ui.insights.page import InsightsPage
    from rugdiary.ui.player.page import PlayerPage
    from rugdiary.ui.programs.page import ProgramsPage
    from rugdiary.ui.report.page import ReportPage
    from rugdiary.ui.settings.page import SettingsPage
    from rugdiary.ui.today.page import TodayPage

DROPPED_SUFFIXES = frozenset({".csv", ".json", ".txt"})
"""What a file dropped on the window may be to go to Import data (as its dialog offers)."""


def dropped_diary_file(mime: QMimeData) -> Path | None:
    """The one local CSV or JSON file being dragged, else None (several files, a web
    address, a picture: the window does not take those)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in DROPPED_SUFFIXES else None


PAGES: tuple[str, ...] = (
    "today",
    "diary",
    "insights",
    "programs",
    "player",
    "report",
    "settings",
)
"""Page keys in navigation order; also what `rugdiary screenshot --page` accepts."""

GEOMETRY_KEY = "mainwindow/geometry"
PAGE_KEY = "mainwindow/page"
SPLITTER_KEY = "diary/splitter"
INSIGHTS_USED_KEY = "insights/used"
"""Set once the Insights page has been opened: from then on, start-up warms up its charts."""
NOTICE_TIMEOUT_MS = 10_000


def app_settings() -> QSettings:
    """The app's own settings store (organisation and application "RugDiary").

    Built with the default format so that tests can redirect it with
    QSettings.setDefaultFormat(IniFormat) and QSettings.setPath(...).
    """
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "RugDiary", "RugDiary")


class PageParts(Protocol):
    """What a page builder returns: its widget and whatever else tests and wiring reach."""

    @property
    def view(self) -> QWidget: ...


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right.

    Services come in through the constructor (no globals), so tests and the screenshot
    command can hand in an in-memory store and a fake clock. Without `settings`, nothing
    is remembered: handy for screenshots and tests that must not touch a real profile.
    """

    def __init__(
        self,
        services: Services,
        *,
        settings: QSettings | None = None,
        reminders: ReminderService | None = None,
        tray: ReminderTray | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("RugDiary"))
        self.setAcceptDrops(True)  # a diary file dropped on the window is imported
        self._services = services
        self._red_flag_entries: set[str] = set()  # entries whose notice was shown already
        self._data_files: DataFiles | None = None
        self.reminders = reminders
        self.tray = tray
        self.preferences = Preferences(services.settings, parent=self)
        self._settings = settings
        self.undo_stack = QUndoStack(self)
        self._flare_plan: FlarePlanController | None = None

        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setFixedWidth(150)
        self.nav.setSpacing(2)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setStyleSheet(
            "QListWidget { background: palette(button); padding: 8px 4px; }"
            "QListWidget::item { padding: 8px 10px; border-radius: 6px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); font-weight: bold; }"
        )
        self.stack = QStackedWidget(self)

        # Pages are built on first visit: start-up pays only for the page it opens on.
        self._factories: dict[str, Callable[[], PageParts]] = {}
        self._built: dict[str, Any] = {}
        self._add_page("today", self.tr("Today"), self._build_today)
        self._add_page("diary", self.tr("Diary"), self._build_diary)
        self._add_page("insights", self.tr("Insights"), self._build_insights)
        # Named after what they hold: Programs opens on its Programs tab, and the
        # player is where an exercise session plays.
        self._add_page("programs", self.tr("Programs"), self._build_programs)
        self._add_page("player", self.tr("Exercise session"), self._build_player)
        self._add_page("report", self.tr("Report"), self._build_report)
        self._add_page("settings", self.tr("Settings"), self._build_settings)
        # Wide enough for the longest page name in bold (the chosen one), in any language.
        bold = QFont(self.nav.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        longest = max(
            metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())
        )
        self.nav.setFixedWidth(max(150, longest + 44))

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        # Reminders show here, above whatever page is open: no tray is needed for them.
        self.banner = ReminderBanner(central)
        content.addWidget(self.banner)
        content.addWidget(self.stack, 1)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)
        # The desktop's colours changed under "Same as this computer": the charts follow,
        # as after a change in Settings (the rest of the window follows the palette).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            follow_system_theme(app).themeApplied.connect(self._on_theme_changed)
        if reminders is not None:
            reminders.bind_banner(self.banner)
            reminders.doNowRequested.connect(self._on_reminder_do_now)
            reminders.stateChanged.connect(self._refresh_today)
            reminders.notice.connect(lambda text: self.show_notice(text))
        else:
            self.banner.hide()
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        # Screen readers and voice control choose a page by selecting its item (AT-SPI
        # Selection), which leaves the current row alone: follow the selection too.
        self.nav.itemSelectionChanged.connect(self._on_nav_selection_changed)

        self._build_menus()
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleDescription(self.tr("Undo the last change"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_replay.undo)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.statusBar().messageChanged.connect(self._on_status_changed)
        self.undo_stack.indexChanged.connect(lambda _i: self.undo_button.setVisible(False))

        self.resize(QSize(1100, 720))
        self.show_page(PAGES[0])
        self._restore_state()
        # Start where the answer goes: a person can type the pain score straight away.
        current = self.stack.currentWidget()
        if current is not None:
            target = getattr(current, "initial_focus", current)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- pages -------------------------------------------------------------------------------

    def _add_page(self, key: str, title: str, factory: Callable[[], PageParts]) -> None:
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(130, 44))
        # An empty stand-in keeps the stack's indices in step with the navigation.
        self.stack.addWidget(QWidget(self.stack))
        self._factories[key] = factory

    def _page(self, key: str) -> Any:
        """The page `key` (its builder's result), built now if this is its first use."""
        if key not in self._built:
            index = list(self._factories).index(key)
            built = self._factories[key]()
            widget = built.view
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            self._built[key] = built
        return self._built[key]

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._page(list(self._factories)[row])
        self.stack.setCurrentIndex(row)

    def _on_nav_selection_changed(self) -> None:
        chosen = self.nav.selectedItems()
        if chosen and self.nav.currentItem() is not chosen[0]:
            self.nav.setCurrentItem(chosen[0])

    @property
    def diary(self) -> DiaryPage:
        page: DiaryPage = self._page("diary")
        return page

    def _build_diary(self) -> DiaryPage:
        from rugdiary.ui.diary.page import build_diary_page
        from rugdiary.ui.today.data import ProgramCatalog

        services = self._services
        names = ProgramCatalog(
            services.builtin, services.programs, services.exercises, content_language()
        )
        page = build_diary_page(
            services.entries,
            services.clock,
            self.undo_stack,
            self.stack,
            sessions=services.sessions,
            program_names=names,
        )
        page.controller.notice.connect(self.show_notice)
        page.controller.entriesChanged.connect(lambda: self._on_entries_changed("diary"))
        page.controller.entrySaved.connect(self._check_red_flags)
        return page

    def _check_red_flags(self, entry: DiaryEntry) -> None:
        """An entry that mentions signs worth a doctor's look brings the notice back, once."""
        from rugdiary.ui.safety import notice_after_save

        if entry.id not in self._red_flag_entries and notice_after_save(self, entry):
            self._red_flag_entries.add(entry.id)

    @property
    def insights(self) -> InsightsPage:
        page: InsightsPage = self._page("insights")
        return page

    def _build_insights(self) -> InsightsPage:
        from rugdiary.ui.insights.page import build_insights_page

        services = self._services
        page = build_insights_page(
            services.entries,
            services.sessions,
            services.clock,
            theme=current_theme(),
            lang=content_language(),
            parent=self.stack,
            activities=self.activity_stores(),
        )
        page.controller.openDayRequested.connect(self.open_day)
        page.controller.notice.connect(self.show_notice)
        if page.activities is not None:
            page.activities.editRequested.connect(self.open_activities)
        return page

    def open_day(self, day: date) -> None:
        """Show one day in the diary (clicked on a chart, or Enter on a chosen day), with the
        keyboard on its first entry rather than on the new-entry form."""
        self.show_page("diary")
        self.diary.controller.set_date_range(day, day)
        self.diary.controller.focus_first_row()

    @property
    def today(self) -> TodayPage:
        page: TodayPage = self._page("today")
        return page

    def _build_today(self) -> TodayPage:
        from rugdiary.ui.today.page import build_today_page

        services = self._services
        page = build_today_page(
            services.entries,
            services.sessions,
            services.programs,
            services.settings,
            services.clock,
            services.builtin,
            exercises=services.exercises,
            lang=content_language(),
            parent=self.stack,
            sitting=SittingRepository(services.db),
            activities=self.activity_stores(),
            flares=FlareRepository(services.db),
            undo_stack=self.undo_stack,
        )
        page.controller.activitiesRequested.connect(self.open_activities)
        if page.flare is not None:
            page.flare.planRequested.connect(lambda settle: self.open_flare_plan(settle=settle))
        page.controller.notice.connect(self.show_notice)
        page.controller.entrySaved.connect(lambda _entry: self._on_entries_changed("today"))
        page.controller.entrySaved.connect(self._check_red_flags)
        page.controller.entriesChanged.connect(lambda: self._on_entries_changed("today"))
        page.controller.startProgramRequested.connect(self.start_program_by_id)
        return page

    def activity_stores(self) -> ActivityStores:
        """My activities (PSFS / PSK): their stores, for the dialog, Today and Insights."""
        from rugdiary.storage.repositories import ActivityRepository, ActivityScoreRepository
        from rugdiary.ui.activities.stores import ActivityStores

        services = self._services
        return ActivityStores(
            ActivityRepository(services.db),
            ActivityScoreRepository(services.db),
            services.settings,
            services.clock,
        )

    def open_activities(self) -> None:
        """The "My activities" dialog; what it saves shows on Today and Insights at once."""
        from rugdiary.ui.activities.controller import open_activities_dialog

        if open_activities_dialog(self, self.activity_stores()):
            self._refresh_today()
            if "insights" in self._built and self.insights.activities is not None:
                self.insights.activities.refresh()
            self.show_notice(self.tr("Saved"))

    def _refresh_today(self) -> None:
        if "today" in self._built:
            self.today.controller.refresh()
            if self.today.flare is not None:
                self.today.flare.refresh()

    def open_flare_plan(self, *, settle: bool = False) -> FlarePlanController:
        """The flare-up plan (Today, the tray); notes the start, or with `settle` the end."""
        from rugdiary.ui.flare.controller import FlarePlanController
        from rugdiary.ui.flare.plan_view import FlarePlanDialog, PlanProgram

        if self._flare_plan is None:
            lang = content_language()
            library = self._services.library().programs
            programs = [
                PlanProgram(pid, p.name.get(lang), p.description.get(lang))
                for pid in PLAN_PROGRAMS
                if (p := library.get(pid)) is not None
            ]
            dialog = FlarePlanDialog(programs, lang, self)
            controller = FlarePlanController(
                dialog, FlareRepository(self._services.db), self._services.clock, dialog
            )
            controller.flareChanged.connect(self._refresh_today)
            controller.notice.connect(lambda text: self.show_notice(text))
            controller.startProgramRequested.connect(self.start_program_by_id)
            self._flare_plan = controller
        self._flare_plan.open_plan(settle=settle)
        return self._flare_plan

    def _on_entries_changed(self, source: str) -> None:
        """An entry was saved or removed on page `source`: the other pages show it too."""
        if source != "diary" and "diary" in self._built:
            self.diary.controller.reload()
        if source != "today":
            self._refresh_today()
        if self.reminders is not None:
            self.reminders.entry_logged()

    def _on_reminder_do_now(self, due: Due) -> None:
        if due.kind == "diary":
            self.log_now()
        elif due.program_id:
            self.start_program_by_id(due.program_id)

    def log_now(self) -> None:
        """Open Today with the quick entry ready for the keyboard (tray, reminder)."""
        self.show_page("today")
        self.today.controller.focus_entry()

    def start_program_by_id(self, program_id: str) -> None:
        """Play a built-in or own program by id (from Today, a reminder or the tray)."""
        program = self._services.library().programs.get(program_id) or (
            self._services.programs.get(program_id)
        )
        if program is None:
            self.show_notice(self.tr("That program no longer exists."))
            return
        from rugdiary.ui.today.data import SessionHistory

        # At the level last played, as the Programs page starts it and Today times it.
        now = self._services.clock.now()
        level = SessionHistory(self._services.sessions, now.date()).level_to_play(program, now)
        self.start_program(program, level)

    @property
    def programs(self) -> ProgramsPage:
        page: ProgramsPage = self._page("programs")
        return page

    def _build_programs(self) -> ProgramsPage:
        from rugdiary.ui.programs.page import build_programs_page

        services = self._services
        page = build_programs_page(
            services.library(),
            services.programs,
            services.exercises,
            services.sessions,
            services.clock,
            self.undo_stack,
            services.data_dir,
            lang=content_language(),
            entries=services.entries,
            db=services.db,
            reminders=self.preferences,
            parent=self.stack,
        )
        page.controller.notice.connect(self.show_notice)
        page.controller.startRequested.connect(self.start_program)
        page.controller.programsChanged.connect(self._on_programs_changed)
        return page

    def _on_programs_changed(self) -> None:
        """Own programs changed: Today and the reminders offer programs by id."""
        self._refresh_today()
        if self.reminders is not None:
            self.reminders.reload()

    @property
    def player(self) -> PlayerPage:
        page: PlayerPage = self._page("player")
        return page

    def _build_player(self) -> PlayerPage:
        from rugdiary.ui.player.overview import overview_source
        from rugdiary.ui.player.page import build_player_page

        services = self._services
        page = build_player_page(
            services.library().exercises,
            services.sessions,
            services.clock,
            lang=content_language(),
            pictures_dir=services.data_dir / "pictures",
            overview=overview_source(services, content_language()),
            parent=self.stack,
        )
        page.controller.startRequested.connect(self.start_program_by_id)
        page.controller.returnFocusRequested.connect(self._return_focus)
        page.controller.notice.connect(self.show_notice)
        page.controller.cues.set_sound_enabled(self.preferences.sound_cues())
        page.controller.cues.set_voice_enabled(self.preferences.voice_cues())
        page.controller.showRequested.connect(lambda: self.show_page("player"))
        page.view.choose_button.clicked.connect(lambda: self.show_page("programs"))
        page.controller.sessionSaved.connect(self._on_session_saved)
        if self.reminders is not None:
            # However it was started (Today, Programs, the tray, a reminder's "Do it now"),
            # a program that begins to play answers the reminder waiting for it.
            page.controller.programBegun.connect(self.reminders.session_started)
        return page

    @property
    def report(self) -> ReportPage:
        page: ReportPage = self._page("report")
        return page

    def _build_report(self) -> ReportPage:
        from rugdiary.ui.report.page import build_report_page

        services = self._services
        page = build_report_page(
            services.entries,
            services.sessions,
            services.clock,
            lang=content_language(),
            reminders=lambda: stored_reminder_state(services.settings),
            parent=self.stack,
            sitting=SittingRepository(services.db),
            extras=self._report_extras,
            program_names=self._program_names_in,
        )
        page.controller.notice.connect(self.show_notice)
        page.view.export_data_button.clicked.connect(lambda: self.data_files().export())
        return page

    def _program_names_in(self, lang: str) -> Callable[[str], str | None]:
        """Programs' names as they are now, in `lang` (None when one no longer exists);
        one catalog, so the own programs are read once per report, not once per program."""
        from rugdiary.ui.today.data import ProgramCatalog

        services = self._services
        return ProgramCatalog(services.builtin, services.programs, lang=lang).name

    def _report_extras(self, start: date, end: date, entries: list[DiaryEntry]) -> dict[str, Any]:
        """Where it hurts, own activities and flare-ups of the period, for the report."""
        from rugdiary.core.body_regions import region_counts
        from rugdiary.core.flares import report_flare_records

        flares = FlareRepository(self._services.db).list()
        today = self._services.clock.now().date()
        return {
            "region_counts": region_counts(entries, start, end),
            "activity_changes": self.activity_stores().changes(start, end),
            "flare_records": report_flare_records(flares, entries, start, end, today),
        }

    @property
    def settings_page(self) -> SettingsPage:
        page: SettingsPage = self._page("settings")
        return page

    def _build_settings(self) -> SettingsPage:
        from rugdiary.ui.settings.page import build_settings_page, program_choices_from

        services = self._services
        page = build_settings_page(
            self.preferences,
            services.db,
            services.clock,
            program_choices_from(services.library, services.programs, content_language()),
            self.stack,
            tray_available=self.tray is not None,
        )
        controller = page.controller
        controller.notice.connect(self.show_notice)
        if self.reminders is not None:
            controller.remindersChanged.connect(self.reminders.reload)
            service = self.reminders
            controller.reminders.bind_service(service)  # Pause and Resume go through it

            def show_activity() -> None:
                controller.reminders.show_activity(
                    service.activity_name(),
                    service.activity_capabilities(),
                    service.activity_missing,
                )

            service.activityChanged.connect(show_activity)
            show_activity()
        controller.soundsChanged.connect(self._on_sounds_changed)
        controller.voiceChanged.connect(self._on_voice_changed)
        controller.testSoundRequested.connect(self._test_sound)
        controller.testVoiceRequested.connect(self._test_voice)
        controller.diaryRestored.connect(lambda _path: self._reload_all())
        controller.themeChanged.connect(self._on_theme_changed)
        return page

    def _on_theme_changed(self, _theme: str) -> None:
        if "insights" in self._built:
            self.insights.controller.set_theme(current_theme())

    def _on_sounds_changed(self, enabled: bool) -> None:
        if "player" in self._built:
            self.player.controller.cues.set_sound_enabled(enabled)

    def _on_voice_changed(self, enabled: bool) -> None:
        if "player" in self._built:
            self.player.controller.cues.set_voice_enabled(enabled)

    def _test_sound(self) -> None:
        """Plays with sound cues off too, as the voice test speaks: hearing it is how
        someone decides to switch them on."""
        from rugdiary.ui.audio import CuePlayer, Tone

        cues = self.player.controller.cues
        cues.prepare()
        played = (
            cues.test_sound(Tone.PHASE)
            if isinstance(cues, CuePlayer)
            else cues.play_tone(Tone.PHASE)
        )
        if not played:
            self.show_notice(self.tr("Sound is off or not available on this computer."))

    def _test_voice(self) -> None:
        from rugdiary.ui.audio import CuePlayer

        cues = self.player.controller.cues
        line = self.tr("Breathe out, and let your back relax.")
        if isinstance(cues, CuePlayer):
            cues.test_voice(line)  # the same voice process as the player; names any failure
        else:
            cues.say(line)

    def _reload_all(self) -> None:
        """After a restore or an import every page reads the diary again.

        The undo steps from before are forgotten: they hold entries as they were then,
        and undoing one would write that old version over what was just brought in.
        """
        self.undo_stack.clear()
        if "diary" in self._built:
            self.diary.controller.reload()
        if "programs" in self._built:
            self.programs.controller.reload()
        self._refresh_today()
        # A hidden page reads the diary when it is shown; one on screen must do so now.
        if "insights" in self._built and self.insights.view.isVisible():
            self.insights.controller.refresh()  # the activities card follows its charts
        if "settings" in self._built and self.settings_page.view.isVisible():
            settings = self.settings_page.controller
            settings.reload_backups(select=settings.selected_backup())
        if self.reminders is not None:
            self.reminders.reload()

    def start_program(self, program: Program, level: Level) -> None:
        """Play `program`: from the Programs page, the Today page or a reminder."""
        exercises = self.programs.controller.all_exercises()
        if self.player.controller.start(program, level, exercises=exercises):
            self.show_page("player")

    def _return_focus(self, widget: QWidget) -> None:
        """Show the page holding `widget` (a Start button) and give it the keyboard."""
        for index in range(self.stack.count()):
            if self.stack.widget(index).isAncestorOf(widget):
                self.show_page(list(self._factories)[index])
                if widget.isVisible() and widget.isEnabled():
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _on_session_saved(self, _session: object) -> None:
        # Pages that show sessions read them again; pages not built yet will when built.
        if "diary" in self._built:
            self.diary.controller.reload()
        if "programs" in self._built:
            self.programs.controller.reload()
        self._refresh_today()

    def pages(self) -> list[str]:
        return list(self._factories)

    def show_page(self, key: str) -> None:
        """Switch to page `key`; raises ValueError naming the valid pages."""
        if key not in self._factories:
            raise ValueError(f"unknown page {key!r}; valid pages: {', '.join(self._factories)}")
        self.nav.setCurrentRow(list(self._factories).index(key))
        self._on_nav_row_changed(self.nav.currentRow())
        # Sent here on purpose (a reminder, a button): the keyboard goes along. Choosing
        # a page in the navigation list keeps focus in the list instead.
        current = self.stack.currentWidget()
        if current is not None:
            target = getattr(current, "initial_focus", current)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> str:
        return list(self._factories)[max(self.nav.currentRow(), 0)]

    # -- menus and status --------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.export_data_action = QAction(self.tr("&Export my data…"), self)
        self.export_data_action.triggered.connect(lambda: self.data_files().export())
        file_menu.addAction(self.export_data_action)
        self.import_data_action = QAction(self.tr("&Import data…"), self)
        self.import_data_action.triggered.connect(lambda: self.data_files().import_file())
        file_menu.addAction(self.import_data_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        # Ctrl+Shift+Z everywhere, plus the platform's own redo key (Ctrl+Y on Windows).
        self.redo_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Z),
                *(
                    k
                    for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                    if k != QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Z)
                ),
            ]
        )
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        # Every undo and redo asks before it drops unsaved typing and says what it did.
        self.undo_replay = UndoReplay(self.undo_stack, self)
        self.undo_replay.bind(self.undo_action, self.redo_action)
        self.undo_replay.notice.connect(lambda text: self.show_notice(text))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.red_flags_action = QAction(self.tr("&When to get help"), self)
        self.red_flags_action.triggered.connect(self.show_red_flags)
        help_menu.addAction(self.red_flags_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About RugDiary"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def data_files(self) -> DataFiles:
        """File → Export my data and Import data; made on first use (start-up pays nothing)."""
        if self._data_files is None:
            from rugdiary.ui.data_files.controller import DataFiles

            services = self._services
            self._data_files = DataFiles(
                self, services.db, services.entries, services.sessions, services.clock
            )
            self._data_files.imported.connect(self._reload_all)
            self._data_files.notice.connect(lambda text: self.show_notice(text))
        return self._data_files

    def about_text(self) -> str:
        return self.tr(
            "<h3>RugDiary %1</h3>"
            "<p>A calm diary for low back pain: note your pain and stress, "
            "and see how they move together over the weeks.</p>"
            "<p>RugDiary does not diagnose or treat anything. It helps you notice "
            "patterns and talk them over with your physiotherapist or doctor.</p>"
            "<p>Your diary stays on this computer.</p>"
        ).replace("%1", __version__)

    def show_about(self) -> None:
        from rugdiary.ui import help

        help.show_about(self, self._services.data_dir)

    def show_red_flags(self) -> None:
        from rugdiary.ui import help

        help.show_red_flags(self)

    def show_shortcuts(self) -> None:
        from rugdiary.ui import help

        help.show_shortcuts(self, self.page_shortcuts())

    def page_shortcuts(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Keys the pages handle themselves, a section per page, for Help → Keyboard
        shortcuts. Written in the platform's key names (`help.key_text`)."""
        from rugdiary.ui.help import key_text

        return [
            (
                self.tr("Diary and Today"),
                [
                    (key_text("Ctrl+S"), self.tr("Save the diary entry")),
                    (key_text("Enter"), self.tr("Change the chosen entry; on Today: save")),
                    (key_text("Esc"), self.tr("Stop changing an entry")),
                    (key_text("Delete"), self.tr("Delete the chosen entry (Undo brings it back)")),
                    ("0–9", self.tr("Choose a score on a 0–10 scale")),
                ],
            ),
            (
                self.tr("Exercise session"),
                [
                    (key_text("Space"), self.tr("Start the session; then pause or carry on")),
                    (key_text("Right"), self.tr("Next step")),
                    (key_text("Left"), self.tr("Previous step")),
                    (key_text("R"), self.tr("Start the exercise again")),
                    (
                        key_text("F"),
                        self.tr("Focus mode: only the figure, the timer and the words for the mat"),
                    ),
                    (key_text("Esc"), self.tr("Stop the session, or cancel it before it starts")),
                ],
            ),
            (
                self.tr("Programs"),
                [
                    (key_text("Delete"), self.tr("Delete the chosen own program or exercise")),
                    (
                        f"{key_text('Alt+Up')} / {key_text('Alt+Down')}",
                        self.tr("Move the chosen exercise up / down in the program"),
                    ),
                    (key_text("Ctrl+S"), self.tr("Save the program or exercise being changed")),
                ],
            ),
            (
                self.tr("My activities"),
                [(key_text("Ctrl+S"), self.tr("Save my activities"))],
            ),
        ]

    def show_notice(self, text: str, offer_undo: bool = False) -> None:
        """A status-bar message; after a delete it comes with an Undo button."""
        self.statusBar().showMessage(text, NOTICE_TIMEOUT_MS)
        self.undo_button.setVisible(offer_undo and self.undo_stack.canUndo())
        # "Saved", "Deleted": seen in the status bar, and said by a screen reader too.
        announce(self, text)

    def _on_status_changed(self, text: str) -> None:
        if not text:
            self.undo_button.setVisible(False)

    # -- remembered state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        page = self._settings.value(PAGE_KEY)
        if isinstance(page, str) and page in self._factories:
            self.show_page(page)
        splitter = self._settings.value(SPLITTER_KEY)
        if "diary" in self._built and isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.diary.view.splitter.restoreState(splitter)

    def save_state(self) -> None:
        """Remember geometry and page; called on close."""
        if self._settings is None:
            return
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        if "diary" in self._built:
            self._settings.setValue(SPLITTER_KEY, self.diary.view.splitter.saveState())
        self._settings.setValue(PAGE_KEY, self.current_page())
        if "insights" in self._built:
            self._settings.setValue(INSIGHTS_USED_KEY, True)
        self._settings.sync()

    def insights_used_before(self) -> bool:
        """Whether the Insights page was opened in an earlier session (or in this one).

        The app then imports the chart libraries in the background after start-up, so the
        page opens quickly; someone who never looks at charts does not carry the 150 MB.
        """
        if "insights" in self._built:
            return True
        if self._settings is None:
            return False
        return str(self._settings.value(INSIGHTS_USED_KEY, False)).lower() == "true"

    # -- a diary file dropped on the window -----------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)  # an enter is the first move

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_diary_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A CSV or JSON file dropped on the window goes to File → Import data."""
        path = dropped_diary_file(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        # After the drop has returned: the file manager should not wait on our question.
        QTimer.singleShot(0, lambda: self.data_files().import_file(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None and self.preferences.keep_in_tray():
            # Reminders keep working from the tray; Quit in the tray menu ends the app.
            if not self.preferences.tray_explained():
                dialogs.show_tray_explanation(self)
                self.preferences.set_tray_explained()
            self.save_state()
            self.hide()
            event.ignore()
            return
        if self._keeps_unsaved_input():
            event.ignore()
            return
        self.save_state()
        self.shutdown_pages()
        super().closeEvent(event)

    def quit_app(self) -> None:
        """File → Quit and Ctrl+Q end the app, also when closing the window only hides it
        in the tray; typed answers are asked about first either way."""
        if self.tray is not None and self.preferences.keep_in_tray():
            self.save_state()
            self.quit_from_tray()
        else:
            self.close()

    def quit_from_tray(self) -> None:
        """The tray's Quit: typed answers are asked about first, as closing the window does.

        Kept, the window comes forward on the page that holds them; the app runs on.
        """
        from PySide6.QtWidgets import QApplication

        from rugdiary.ui.single_instance import bring_to_front

        if self._keeps_unsaved_input():
            bring_to_front(self)
            return
        QApplication.quit()

    def _keeps_unsaved_input(self) -> bool:
        """Whether the person keeps answers typed on Diary or Today but not saved.

        Asked only when there are some, and only of pages that were built: closing with
        nothing typed costs a comparison and asks nothing. Kept, they are shown.
        """
        for key in ("diary", "today"):
            page = self._built.get(key)
            if page is not None and page.controller.has_unsaved_input():
                if dialogs.ask_discard_unsaved(self, self.tr("Quit RugDiary and leave it?")):
                    return False
                self.show_page(key)
                return True
        return False

    _pages_shut_down = False
    """Set by shutdown_pages: it runs on closing the window and again on aboutToQuit."""

    def shutdown_pages(self) -> None:
        """Stop the pages' background work (voice, report and chart builders) before exit.

        Left to object destruction, a running thread can outlive its owner or the
        interpreter, which aborts the process or tears the thread down mid-way. The
        player saves a session under way and unsaved answers here. Runs once: app.py
        also calls it on QApplication.aboutToQuit, for the tray's Quit, which closes no
        window.
        """
        if self._pages_shut_down:
            return
        self._pages_shut_down = True
        if "player" in self._built:
            self.player.controller.cues.shutdown()
        for page in self._built.values():
            shutdown = getattr(page.controller, "shutdown", None)
            if callable(shutdown):
                shutdown()
