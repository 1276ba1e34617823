"""Starting the GUI: QApplication, theme, translators, opening the diary, and screenshots."""

from __future__ import annotations

import os
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSize,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from rugdiary import __version__
from rugdiary.core.clock import Clock, SystemClock
from rugdiary.resources import resource
from rugdiary.storage.database import Database, restore_latest_backup
from rugdiary.storage.errors import (
    CorruptDataError,
    DataFileError,
    DataLockedError,
    MissingDiaryError,
    NewerSchemaError,
    StorageWriteError,
)
from rugdiary.ui import dialogs
from rugdiary.ui.main_window import PAGES, MainWindow, app_settings
from rugdiary.ui.services import Services, content_language
from rugdiary.ui.settings.preferences import DEMO_HOME
from rugdiary.ui.theme import apply_theme, follow_system_theme

if TYPE_CHECKING:
    from rugdiary.core.activity import ActivitySource
    from rugdiary.ui.first_run.welcome import FirstRunResult
    from rugdiary.ui.reminders import ReminderService, ReminderTray
    from rugdiary.ui.single_instance import SingleInstance

EXIT_DATA_FILE = 3
"""Exit code when the data file cannot be used (DESIGN.md §4)."""

WINDOW_ICON_SIZES = (64, 128, 256)
"""The sizes of resources/icons/rugdiary-N.png."""


def prepare_application(theme: str = "system", lang: str | None = None) -> QApplication:
    """The QApplication (created if needed) with name, version, theme and Qt's translations."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else _create_application()
    app.setApplicationName("RugDiary")
    app.setOrganizationName("RugDiary")
    app.setApplicationVersion(__version__)
    # Flatpak renames the .desktop file to the app id; Wayland matches windows by it.
    app.setDesktopFileName(os.environ.get("FLATPAK_ID", "rugdiary"))
    app.setWindowIcon(window_icon())
    apply_language(app, lang)
    apply_theme(app, theme)
    # "Same as this computer" changes with the desktop, the welcome and the window alike.
    follow_system_theme(app)
    return app


def _create_application() -> QApplication:
    """QApplication, or a plain explanation and EXIT_QT_START where Qt would abort.

    With no usable platform plugin (no display, a missing library) Qt calls qFatal, which
    aborts with a core dump. Its message handler is the last moment to say why instead.
    """
    messages: list[str] = []
    held: list[str] = []  # the platform plugin's own words; misleading when we explain instead

    def on_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        messages.append(message)
        if kind == QtMsgType.QtFatalMsg:
            _exit_explaining(messages)
        if (context.category or "").startswith("qt.qpa."):
            held.append(f"{context.category}: {message}")
        elif previous is not None:
            previous(kind, context, message)
        elif kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(on_message)
    try:
        app = QApplication([sys.argv[0]])
    finally:
        qInstallMessageHandler(previous)
    for line in held:  # a plugin that failed before another one started
        print(line, file=sys.stderr)
    return app


def _exit_explaining(qt_messages: list[str]) -> None:
    from rugdiary.ui.start_problems import (
        EXIT_QT_START,
        diagnose_platform_failure,
        qt_plugins_dir,
    )

    problem = diagnose_platform_failure(qt_messages, os.environ, qt_plugins_dir())
    print(problem.message(), file=sys.stderr)
    sys.stderr.flush()
    os._exit(EXIT_QT_START)  # Qt aborts when the handler returns; nothing can be cleaned up


def window_icon() -> QIcon:
    """The app's icon for title bars, task bars and the tray, from its PNG sizes.

    Not the SVG: that would load Qt's SVG library at every start (~1 MB resident) for an
    icon that the PNGs cover from 16 to 256 pixels.
    """
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        icon.addFile(str(resource("icons", f"rugdiary-{size}.png")), QSize(size, size))
    return icon


def apply_language(app: QApplication, lang: str | None) -> None:
    """Dates, numbers and texts in `lang` ("en", "nl"; None or "system": the system's).

    Translators installed earlier are removed first, so the preference stored in the
    diary can replace the system language once the diary is open.
    """
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    from rugdiary.ui.locale_dates import locale_for

    locale = locale_for(lang)
    QLocale.setDefault(locale)
    install_qt_translator(app, locale)
    install_app_translator(app, locale)


def install_qt_translator(app: QApplication, locale: QLocale) -> bool:
    """Qt's own strings (OK, Cancel, calendar) in the user's language; False if none exist."""
    translator = QTranslator(app)  # parented: lives as long as the application
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale, "qtbase", "_", folder):
        app.installTranslator(translator)
        return True
    translator.deleteLater()
    return False


def install_app_translator(app: QApplication, locale: QLocale) -> bool:
    """RugDiary's own strings in the user's language; False means English (the source)."""
    from rugdiary.resources import resource

    translator = QTranslator(app)
    if translator.load(locale, "rugdiary", "_", str(resource("i18n"))):
        app.installTranslator(translator)
        return True
    translator.deleteLater()
    return False


def _reason_text(reason: str) -> str:
    """A storage reason in the UI's language; imported only when a problem is shown."""
    from rugdiary.ui.reasons import reason_text

    return reason_text(reason)


def _first_letter_up(reason: str) -> str:
    """`reason` as a sentence of its own, without its full stop: the first letter up and
    nothing else changed (str.capitalize lowered the rest: a path, a backup's name, RugDiary)."""
    reason = reason.rstrip(".")
    return reason[:1].upper() + reason[1:]


def open_database(
    data_dir: Path,
    *,
    clock: Clock,
    parent: QWidget | None = None,
    lock_timeout: float = 2.0,
) -> Database | None:
    """Open the diary, asking the user what to do when it cannot be used; None means quit.

    The file is never changed here except by an explicit "Restore latest backup", which
    keeps the unreadable file next to the restored one. When only the backup made on
    opening cannot be written (a full disk), the diary opens and a message says so: the
    person can still read it, export it elsewhere, and free space (see Database.open).
    """
    while True:
        try:
            db = Database.open(
                data_dir, clock=clock, lock_timeout=lock_timeout, backup_may_fail=True
            )
        except DataLockedError as error:
            choice = dialogs.ask_data_file_problem(
                parent, dialogs.DataFileProblem.LOCKED, error.path, error.reason
            )
            if choice is dialogs.DataFileChoice.RETRY:
                continue
            return None
        except NewerSchemaError as error:
            dialogs.ask_data_file_problem(
                parent, dialogs.DataFileProblem.NEWER, error.path, error.reason
            )
            return None
        except (CorruptDataError, MissingDiaryError) as error:
            # A lost diary with backups left is offered the same restore as a damaged one.
            problem = (
                dialogs.DataFileProblem.MISSING
                if isinstance(error, MissingDiaryError)
                else dialogs.DataFileProblem.CORRUPT
            )
            choice = dialogs.ask_data_file_problem(parent, problem, error.path, error.reason)
            if choice is not dialogs.DataFileChoice.RESTORE:
                return None
            try:
                restore_latest_backup(data_dir, clock=clock)
            except (DataFileError, StorageWriteError) as restore_error:
                dialogs.show_error(
                    parent,
                    QCoreApplication.translate("app", "No backup could be restored"),
                    QCoreApplication.translate(
                        "app", "%1.\n\nNothing was changed. The folder is here:\n%2"
                    )
                    .replace("%1", _first_letter_up(_reason_text(restore_error.reason)))
                    .replace("%2", str(data_dir)),
                )
                return None
        except (DataFileError, StorageWriteError) as error:
            # A StorageWriteError is a new diary or a migration's copy that cannot be
            # written (a full disk, a folder it may not write): said as for a read-only
            # folder, never a traceback and a start without any window.
            dialogs.ask_data_file_problem(
                parent, dialogs.DataFileProblem.OTHER, error.path, error.reason
            )
            return None
        else:
            if db.open_backup_problem is not None:
                _say_no_backup_on_open(parent, db.open_backup_problem)
            return db


def _say_no_backup_on_open(parent: QWidget | None, error: StorageWriteError) -> None:
    """Say that the diary opened without its backup: a full disk fails the saves next."""
    dialogs.show_error(
        parent,
        QCoreApplication.translate("app", "No backup was made on opening"),
        QCoreApplication.translate(
            "app",
            "Your diary is open and nothing in it was changed, but RugDiary could not make "
            "its usual backup of it: %1.\n\nUntil that is put right, saving may fail too; "
            "what you type then stays in the form. The backups folder is here:\n%2",
        )
        .replace("%1", _reason_text(error.reason).rstrip("."))
        .replace("%2", str(error.path)),
    )


@dataclass
class RunningApp:
    """The pieces of a started app that outlive `start_gui`: run it, then close it."""

    app: QApplication
    window: MainWindow
    reminders: ReminderService
    db: Database
    instance: SingleInstance
    """Listens for later launches; held here so it lives as long as the window."""

    def close(self) -> None:
        """Stop the reminders and close the diary (after the event loop has ended)."""
        self.reminders.stop()
        self.db.close()


def run_gui(data_dir: Path, *, theme: str = "system", lang: str | None = None) -> int:
    """Run the app until its window closes; returns the process exit code."""
    started = start_gui(data_dir, theme=theme, lang=lang)
    if isinstance(started, int):
        return started
    try:
        return started.app.exec()
    finally:
        started.close()


def start_gui(
    data_dir: Path, *, theme: str = "system", lang: str | None = None
) -> RunningApp | int:
    """Everything from a launch up to the shown window, or the exit code when there is none.

    `theme` and `lang` from the command line win over the preferences in the diary. A
    second launch hands over to the running one and gets 0; an unusable diary, or a running
    one that does not answer the hand-over, gets EXIT_DATA_FILE. `make bench` times this
    function, so start-up is measured as launched.
    """
    from rugdiary.preload import pause_collector, resume_collector

    pause_collector()  # see there; resumed when start-up ends, however it ends
    try:
        return _start_gui(data_dir, theme=theme, lang=lang)
    finally:
        resume_collector()


def _start_gui(data_dir: Path, *, theme: str, lang: str | None) -> RunningApp | int:
    from rugdiary.storage.repositories import SittingRepository
    from rugdiary.ui.first_run import first_run_needed, run_first_run
    from rugdiary.ui.motion import load_reduce_motion
    from rugdiary.ui.notifications import desktop_notifier
    from rugdiary.ui.reminders import ReminderService, ReminderTray, program_lookup, system_zone
    from rugdiary.ui.safety import show_red_flags_once
    from rugdiary.ui.settings.preferences import Preferences
    from rugdiary.ui.single_instance import (
        RAISE,
        NotAnsweringError,
        SingleInstance,
        say_not_answering,
    )

    app = prepare_application(theme, lang)
    # Before the diary is opened: a second launch hands over instead of waiting on the lock.
    instance = SingleInstance.for_data_dir(Path(data_dir), parent=app)
    shown: list[QWidget] = []  # the main window, once it exists
    try:
        if instance.try_hand_over(RAISE):
            return 0

        # Listen at once, not when the window is up: a data-file question, the welcome and
        # the red-flag notice come first and may stay open for minutes, and a launch
        # meanwhile would start a second copy. Until the window exists, a hand-over raises
        # that dialog.
        def bring_forward(_message: str) -> None:
            _bring_forward(shown[0] if shown else None)

        if not instance.listen(bring_forward):
            if instance.try_hand_over(RAISE):
                return 0  # another launch won a simultaneous start
            # The start lock was held by a launch that then went (stopped mid-start): the
            # name is free now, and a later launch must find this copy.
            instance.listen(bring_forward)
    except NotAnsweringError:
        # Hung, or closing: no second window on the same diary, and not a silent exit either.
        say_not_answering(Path(data_dir))
        return EXIT_DATA_FILE
    clock = SystemClock()
    db = open_database(Path(data_dir), clock=clock)
    if db is None:
        instance.close()  # a retry in this process must not hand over to itself
        return EXIT_DATA_FILE
    try:
        services = Services.for_database(db, clock)
        preferences = services.settings
        # Read through Preferences: a value this version does not know (hand-edited, or
        # imported from a newer version's export) is the default, not a failed start.
        stored = Preferences(preferences)
        if theme == "system":
            apply_theme(app, stored.theme())
        if lang is None and stored.language() != "system":
            apply_language(app, stored.language())
        load_reduce_motion(preferences)
        if first_run_needed(preferences):
            welcome = run_first_run(
                None, preferences, on_language=lambda chosen: apply_language(app, chosen)
            )
            if welcome.wants_demo:
                db.close()
                db = _open_demo(Path(data_dir), clock, welcome)
                services = Services.for_database(db, clock)
        # Until it is acknowledged, whichever way the welcome ended: its window closed
        # with the title bar's button skipped the notice the welcome shows last.
        show_red_flags_once(None, services.settings)
        tray = ReminderTray.create(app.windowIcon(), app)
        reminders = ReminderService(
            services.settings,
            services.entries,
            clock,
            tray=tray,
            program_name=lambda pid: _program_name(services, pid),
            program_exists=program_lookup(services),
            tz=system_zone(),
            notify=desktop_notifier() if tray is None else None,
            activity=_detect_activity,
            sitting=SittingRepository(services.db),
            detect_delay_ms=ACTIVITY_DETECT_DELAY_MS,
            parent=app,
        )
        window = MainWindow(services, settings=app_settings(), reminders=reminders, tray=tray)
        # The tray's Quit ends the app without closing the window: the pages still stop
        # their work and the player keeps a session under way (shutdown_pages runs once).
        app.aboutToQuit.connect(window.shutdown_pages)
        report_backup_problems(db, window)
        if services.data_dir != Path(data_dir) or services.settings.get(DEMO_HOME):
            window.setWindowTitle(QCoreApplication.translate("MainWindow", "RugDiary – demo diary"))
        if tray is not None:
            _connect_tray(app, tray, window)
        shown.append(window)
        window.show()
        reminders.start()
        if window.insights_used_before():
            QTimer.singleShot(CHART_WARM_UP_DELAY_MS, warm_up_charts_in_background)
    except BaseException:
        db.close()
        instance.close()
        raise
    return RunningApp(app, window, reminders, db, instance)


def _bring_forward(window: QWidget | None) -> None:
    """A later launch's hand-over: bring `window` forward, or the open start-up dialog before it.

    Before the window exists this launch waits in a modal dialog (a data-file question,
    the welcome, the red-flag notice); raising it shows the person where RugDiary is.
    """
    from rugdiary.ui.single_instance import bring_to_front

    target = window if window is not None else QApplication.activeModalWidget()
    if target is not None:
        bring_to_front(target)


ACTIVITY_DETECT_DELAY_MS = 1000
"""After the window is shown, wait this long before looking for the activity source."""


def _detect_activity() -> ActivitySource | None:
    # Imported when movement breaks are first on, after the window is up (ReminderService
    # waits ACTIVITY_DETECT_DELAY_MS): D-Bus and ctypes set-up, and questions to the desktop.
    from rugdiary.ui.activity import detect_activity_source

    return detect_activity_source()


def report_backup_problems(db: Database, window: MainWindow) -> None:
    """Say in the status bar when the daily backup after a save failed.

    The save itself landed, so the page says "saved"; this says what else went wrong.
    """

    def notice(error: StorageWriteError) -> None:
        window.show_notice(
            QCoreApplication.translate(
                "app", "Saved, but the daily backup could not be made: %1"
            ).replace("%1", _reason_text(error.reason))
        )

    db.on_backup_problem = notice


CHART_WARM_UP_DELAY_MS = 2000
"""After the window is up, wait this long before the chart libraries are warmed up."""


def warm_up_charts_in_background() -> threading.Thread:
    """Import matplotlib, numpy and scipy and draw one small chart, in a thread of its own.

    Importing them takes 1 to 2 seconds. Paid when the Insights page is first opened, that
    wait would be most of its first paint; started a moment after start-up, it delays
    neither the first window nor the page. The price is memory (about 150 MB stay
    loaded, as they would once the page has been opened), so run_gui does this only for
    people who have opened the Insights page before (MainWindow.insights_used_before).
    The page imports them itself if it is opened before this has finished (chart_jobs
    serialises the drawing).
    """

    def work() -> None:
        try:
            from rugdiary.ui.insights.chart_jobs import warm_up

            warm_up()
        except Exception:  # the page imports again when opened, and reports the problem
            traceback.print_exc()

    thread = threading.Thread(target=work, name="rugdiary-chart-warm-up")
    thread.start()
    return thread


DEMO_FOLDER = "demo"
DEMO_DAYS = 120


def _open_demo(
    data_dir: Path, clock: SystemClock, welcome: FirstRunResult | None = None
) -> Database:
    """A diary with sample data in its own folder, so trying the app never touches yours.

    `welcome` holds the answers given just before (language, diary reminder): this
    session runs on the demo's settings, so they are stored there too, not only in yours.
    """
    from rugdiary.core.demo import generate_demo_diary
    from rugdiary.storage.repositories import EntryRepository, SessionRepository
    from rugdiary.ui.first_run import DONE_KEY, store_result
    from rugdiary.ui.safety import ACKNOWLEDGED_KEY

    demo = Database.open(data_dir / DEMO_FOLDER, clock=clock)
    entries = EntryRepository(demo, clock)
    services = Services.for_database(demo, clock)
    if not entries.count():
        lang = "nl" if content_language() == "nl" else "en"
        diary = generate_demo_diary(DEMO_DAYS, 1, clock.now(), services.library(), lang=lang)
        entries.add_many(diary.entries)
        SessionRepository(demo).add_many(diary.sessions)
    # The demo is a look around: no welcome, and the notice was seen a moment ago.
    demo_settings = services.settings
    if welcome is not None:
        store_result(demo_settings, welcome)
    demo_settings.set(DONE_KEY, True)
    demo_settings.set(ACKNOWLEDGED_KEY, True)
    demo_settings.set(DEMO_HOME, str(data_dir.absolute()))
    return demo


def _program_name(services: Services, program_id: str) -> str | None:
    program = services.library().programs.get(program_id) or services.programs.get(program_id)
    return program.name.get(content_language()) if program is not None else None


def _connect_tray(app: QApplication, tray: ReminderTray, window: MainWindow) -> None:
    from rugdiary.ui.single_instance import bring_to_front

    def log_now() -> None:
        bring_to_front(window)
        window.log_now()

    def desk_break() -> None:
        bring_to_front(window)
        window.start_program_by_id("desk-break")

    tray.openRequested.connect(lambda: bring_to_front(window))
    tray.logNowRequested.connect(log_now)
    tray.deskBreakRequested.connect(desk_break)
    tray.flareRequested.connect(lambda: (bring_to_front(window), window.open_flare_plan()))
    tray.quitRequested.connect(window.quit_from_tray)


SCREENSHOT_WAIT_S = 20.0


def _settle(app: QApplication, window: MainWindow, page: str) -> None:
    """Let the page finish what it prepares in the background (a report preview, charts),
    so the picture shows the page as a person sees it, not half-built."""
    import time

    controller = getattr(window._page(page), "controller", None)
    busy = getattr(controller, "is_busy", None)
    deadline = time.monotonic() + SCREENSHOT_WAIT_S
    for _ in range(3):
        app.processEvents()
    while callable(busy) and busy() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for _ in range(3):
        app.processEvents()


def screenshot_png(
    data_dir: Path,
    page: str,
    *,
    theme: str = "light",
    lang: str = "en",
    size: tuple[int, int] = (1100, 720),
) -> bytes:
    """Page `page` with the data folder's content, as the bytes of a PNG file.

    Kept apart from writing it, so the caller decides where and how the picture goes
    (the command line checks -o and --force before rendering, then writes atomically).
    Raises ValueError for an unknown page and DataFileError when the diary cannot be used.
    The caller sets QT_QPA_PLATFORM=offscreen (and QT_SCALE_FACTOR) before Qt starts.
    """
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; valid pages: {', '.join(PAGES)}")
    previous_handler = qInstallMessageHandler(_quiet_offscreen)
    try:
        return _render(data_dir, page, theme=theme, lang=lang, size=size)
    finally:
        qInstallMessageHandler(previous_handler)


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform warns about every window it shows; say only what matters.
    if message.startswith("This plugin does not support"):
        return
    print(message, file=sys.stderr)


def _render(data_dir: Path, page: str, *, theme: str, lang: str, size: tuple[int, int]) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    app = prepare_application(theme, lang)
    clock = SystemClock()
    db = Database.open(Path(data_dir), clock=clock)
    try:
        # No settings: a screenshot must look the same for everyone and remember nothing.
        window = MainWindow(Services.for_database(db, clock), settings=None)
        window.resize(*size)
        window.show_page(page)
        window.show()
        _settle(app, window, page)
        pixmap = window.grab()
        # Encoded in memory: QPixmap.save(path) writes in place with the umask's mode, so
        # a failure left half a file and the picture of a diary was readable by all.
        encoded = QByteArray()
        buffer = QBuffer(encoded)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not pixmap.save(buffer, "PNG"):
            raise OSError("the page could not be encoded as a PNG picture")
        buffer.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        db.close()
    return bytes(encoded.data())
