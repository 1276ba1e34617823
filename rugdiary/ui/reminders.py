"""Reminder delivery: one single-shot timer drives the scheduler; banner, tray, notification."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.activity import ActivitySource, ActivityUnavailableError
from rugdiary.core.clock import Clock, SystemClock
from rugdiary.core.diary import ValidationError
from rugdiary.core.reminders import (
    MOVEMENT_KEY,
    SNOOZE_MINUTES,
    Due,
    MovementBreaks,
    ProgramExists,
    ReminderScheduler,
    ReminderSettings,
    ReminderState,
    timer_delay_ms,
    zone_named,
)
from rugdiary.core.sitting import SittingDay, SittingTracker, system_time_asleep
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.repositories import REMINDER_STATE_KEY
from rugdiary.ui.announce import announce
from rugdiary.ui.theme import primary_button_style

if TYPE_CHECKING:
    from rugdiary.ui.services import Services

REMINDERS_KEY: Final = "reminders"
"""Keys in the `settings` table: the user's choices, and what the scheduler remembers."""

MIN_TIMER_MS: Final = 1000
"""The shortest wait: a timer that fires a moment early re-arms for the rest, never spins."""

LATE_AFTER: Final = dt.timedelta(minutes=5)
"""A reminder shown this much after its planned time says when it was planned."""

NOTIFICATION_MS: Final = 10_000

SAVE_SITTING_EVERY: Final = dt.timedelta(minutes=15)
"""Unsaved sitting minutes are written at least this often (and at every break and quit)."""

FAILURES_BEFORE_CLOCK: Final = 3
"""Idle queries that fail in a row before movement breaks go back to the clock. One slow
D-Bus reply (a busy desktop, just after resume) is not a desktop without a source."""

FAILED_QUERY_RETRY: Final = dt.timedelta(minutes=1)
"""After a failed idle query, ask again this soon."""

LOOK_AGAIN_MINUTES: Final = (5, 15, 60)
"""A source that stopped answering is looked for again after these waits, then hourly:
it may come back (the desktop restarted a service), and an idle app wakes seldom."""

DESK_BREAK_PROGRAM: Final = MovementBreaks().program_id
"""The break program the reminder's own words describe (three minutes at the desk)."""


def reminder_message(due: Due, program_name: str | None = None) -> str:
    """What the banner and the notification say; short, kind and without pressure."""
    if due.kind == "diary":
        return QCoreApplication.translate("Reminders", "Time to note how you are")
    if due.kind == "movement":
        # The chosen program by its name: "a 3-minute desk break" is only the default one.
        if due.program_id in (None, DESK_BREAK_PROGRAM):
            return QCoreApplication.translate(
                "Reminders", "Time to get up and move: a 3-minute desk break?"
            )
        if program_name:
            return QCoreApplication.translate("Reminders", "Time to get up and move: %1?").replace(
                "%1", program_name
            )
        return QCoreApplication.translate("Reminders", "Time to get up and move")
    if program_name:
        return QCoreApplication.translate("Reminders", "Time for your %1").replace(
            "%1", program_name
        )
    return QCoreApplication.translate("Reminders", "Time for your exercises")


def reminder_detail(due: Due, now: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """ "Planned for 20:00" when a reminder comes late (after sleep or quiet hours), else "".

    The planned time is read in `tz` (the service's zone) when given: `now` carries only
    the offset of this moment, which after a DST change is not the planned time's.
    """
    if now - due.scheduled_for < LATE_AFTER:
        return ""
    local = due.scheduled_for.astimezone(tz if tz is not None else now.tzinfo)
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return QCoreApplication.translate("Reminders", "Planned for %1").replace("%1", time)


def system_zone() -> dt.tzinfo | None:
    """This computer's time zone with its DST rules, or None where Python does not know it.

    Reminder times are wall times: with only the UTC offset of the moment (what
    `datetime.astimezone()` gives), "until tomorrow 07:00" across a DST night ends at
    08:00 or 06:00, and a time in the repeated hour fires twice. Qt names the zone on
    every platform (IANA ids, also on Windows); zoneinfo needs the tzdata package where
    the system has no zone files. None makes the scheduler use the offset of each moment.
    """
    from PySide6.QtCore import QTimeZone  # named once, at start-up: not on every import

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace").strip()
    return zone_named(name)


def program_lookup(services: Services) -> ProgramExists:
    """Whether a program id names a built-in or an own program (for `ReminderService`).

    Reads one built-in programme, not the whole library (see Services.builtin). A file
    that cannot be read counts as there: only a program that is gone stops its reminder.
    """
    from rugdiary.core.content import ContentError

    def exists(program_id: str) -> bool:
        try:
            return (
                services.builtin().program(program_id) is not None
                or services.programs.get(program_id) is not None
            )
        except (ContentError, ValidationError, DataFileError, OSError):
            return True

    return exists


class SettingsStore(Protocol):
    """Where settings live (SettingsRepository satisfies it)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


class EntrySource(Protocol):
    """The diary, asked only whether today has an entry (EntryRepository satisfies it)."""

    def list(self, start: date | None = None, end: date | None = None) -> list[Any]: ...


class SittingStore(Protocol):
    """Where per-day sitting figures go (SittingRepository satisfies it)."""

    def add(self, days: list[SittingDay]) -> None: ...


ActivityFactory = Callable[[], ActivitySource | None]
"""Finds this desktop's activity source (ui/activity.detect_activity_source), or None."""


# --------------------------------------------------------------------------- banner


class _BannerParts:
    """The banner's labels and buttons, made when a reminder first shows."""

    # A plain class: a dataclass would cost more start-up than the deferral saves here.
    __slots__ = (
        "detail",
        "do_button",
        "message",
        "skip_button",
        "snooze_actions",
        "snooze_button",
        "snooze_menu",
    )

    def __init__(
        self,
        message: QLabel,
        detail: QLabel,
        do_button: QPushButton,
        snooze_button: QToolButton,
        snooze_menu: QMenu,
        snooze_actions: dict[int, QAction],
        skip_button: QPushButton,
    ) -> None:
        self.message = message
        self.detail = detail
        self.do_button = do_button
        self.snooze_button = snooze_button
        self.snooze_menu = snooze_menu
        self.snooze_actions = snooze_actions
        self.skip_button = skip_button


class ReminderBanner(QFrame):
    """A calm strip at the top of the window: the message and Do it now · Snooze · Skip.

    Hidden while nothing is due. The main window places it above the pages; the
    service fills it (`ReminderService.bind_banner`).
    """

    doNowClicked = Signal()
    snoozeChosen = Signal(int)
    """Minutes: one of 5, 15, 30."""
    skipClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setAccessibleName(self.tr("Reminder"))
        self._parts: _BannerParts | None = None
        self.setVisible(False)

    # Its labels, buttons and snooze menu are made when a reminder first shows (or a test
    # reaches them): most launches show none, and making them cost ~6 ms of start-up.

    @property
    def message(self) -> QLabel:
        return self._built().message

    @property
    def detail(self) -> QLabel:
        return self._built().detail

    @property
    def do_button(self) -> QPushButton:
        return self._built().do_button

    @property
    def snooze_button(self) -> QToolButton:
        return self._built().snooze_button

    @property
    def snooze_menu(self) -> QMenu:
        return self._built().snooze_menu

    @property
    def snooze_actions(self) -> dict[int, QAction]:
        return self._built().snooze_actions

    @property
    def skip_button(self) -> QPushButton:
        return self._built().skip_button

    def _built(self) -> _BannerParts:
        if self._parts is None:
            self._parts = self._build()
        return self._parts

    def _build(self) -> _BannerParts:
        self.setStyleSheet(
            "QFrame#reminderBanner { background: palette(alternate-base);"
            " border-bottom: 1px solid palette(mid); }"
        )
        message = QLabel(self)
        font = QFont(message.font())
        font.setBold(True)
        message.setFont(font)
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        detail = QLabel(self)
        detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        detail.setTextFormat(Qt.TextFormat.PlainText)

        do_button = QPushButton(self.tr("Do it now"), self)
        do_button.setObjectName("primaryButton")
        do_button.setStyleSheet(primary_button_style("5px 16px"))
        do_button.setAccessibleName(self.tr("Do it now"))
        snooze_button = QToolButton(self)
        snooze_button.setText(self.tr("Snooze"))
        snooze_button.setAccessibleName(self.tr("Snooze: remind me later"))
        snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        snooze_menu = QMenu(snooze_button)
        snooze_actions: dict[int, QAction] = {}
        for minutes in SNOOZE_MINUTES:
            action = snooze_menu.addAction(self.tr("In %1 minutes").replace("%1", str(minutes)))
            action.triggered.connect(lambda _checked=False, m=minutes: self.snoozeChosen.emit(m))
            snooze_actions[minutes] = action
        snooze_button.setMenu(snooze_menu)
        skip_button = QPushButton(self.tr("Skip"), self)
        # The name is the visible word (voice control and screen readers match what is
        # seen, in every language); the longer wording is the description.
        skip_button.setAccessibleName(self.tr("Skip"))
        skip_button.setAccessibleDescription(self.tr("Skip this reminder"))
        for button in (do_button, snooze_button, skip_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(message)
        texts.addWidget(detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(texts, 1)
        layout.addWidget(do_button)
        layout.addWidget(snooze_button)
        layout.addWidget(skip_button)

        do_button.clicked.connect(self.doNowClicked)
        skip_button.clicked.connect(self.skipClicked)
        return _BannerParts(
            message, detail, do_button, snooze_button, snooze_menu, snooze_actions, skip_button
        )

    def show_reminder(self, message: str, detail: str = "") -> None:
        """Show `message`; a screen reader says it when it is new, without moving the focus."""
        shown_already = (
            self._parts is not None
            and not self.isHidden()
            and self.message.text() == message
            and self.detail.text() == detail
        )
        self.message.setText(message)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        said = f"{message} {detail}".strip()
        self.setAccessibleDescription(said)
        self.setVisible(True)
        if not shown_already:
            announce(self, said)

    def clear(self) -> None:
        if self._parts is None:  # nothing was ever shown: nothing to clear or build
            self.setVisible(False)
            return
        self.message.clear()
        self.detail.clear()
        self.setVisible(False)


# --------------------------------------------------------------------------- tray


class ReminderTray(QObject):
    """The tray icon and its menu, made only where the desktop has a tray.

    Its actions emit signals: the main window connects Open, Log now, Start desk break
    and Quit; `ReminderService` connects the pause items itself.
    """

    openRequested = Signal()
    logNowRequested = Signal()
    deskBreakRequested = Signal()
    flareRequested = Signal()
    """"My back is flaring up": the window opens the flare-up plan (ui/flare/)."""
    quitRequested = Signal()
    pauseNotNowRequested = Signal()
    pauseTomorrowRequested = Signal()
    resumeRequested = Signal()

    @classmethod
    def create(cls, icon: QIcon, parent: QObject | None = None) -> ReminderTray | None:
        """The tray, or None when the system has none (headless, plain GNOME)."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        return cls(icon, parent)

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(self.tr("RugDiary"))
        # A QMenu cannot have a QObject parent; this object keeps it alive instead.
        self.menu = QMenu()
        self.open_action = self.menu.addAction(self.tr("Open RugDiary"))
        self.log_action = self.menu.addAction(self.tr("Log now"))
        self.desk_break_action = self.menu.addAction(self.tr("Start desk break"))
        self.flare_action = self.menu.addAction(self.tr("My back is flaring up"))
        self.menu.addSeparator()
        self.pause_menu = self.menu.addMenu(self.tr("Pause reminders"))
        self.not_now_action = self.pause_menu.addAction(self.tr("Not now (1 hour)"))
        self.tomorrow_action = self.pause_menu.addAction(self.tr("Until tomorrow"))
        self.resume_action = self.menu.addAction(self.tr("Resume reminders"))
        self.resume_action.setVisible(False)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Quit RugDiary"))
        self.icon.setContextMenu(self.menu)

        self.open_action.triggered.connect(self.openRequested)
        self.log_action.triggered.connect(self.logNowRequested)
        self.desk_break_action.triggered.connect(self.deskBreakRequested)
        self.flare_action.triggered.connect(self.flareRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self.not_now_action.triggered.connect(self.pauseNotNowRequested)
        self.tomorrow_action.triggered.connect(self.pauseTomorrowRequested)
        self.resume_action.triggered.connect(self.resumeRequested)
        self.icon.messageClicked.connect(self.openRequested)
        self.icon.activated.connect(self._on_activated)
        self.destroyed.connect(self.menu.deleteLater)
        self.icon.show()

    def set_paused(self, paused: bool) -> None:
        """Offer Resume while paused, the pause choices otherwise."""
        self.pause_menu.menuAction().setVisible(not paused)
        self.resume_action.setVisible(paused)

    def notify(self, title: str, text: str) -> None:
        """A desktop notification through the tray (the platform's own bubble or toast)."""
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()


# --------------------------------------------------------------------------- service


class ReminderService(QObject):
    """Runs the reminders: poll, show, save, and ONE single-shot timer to the next wake-up.

    There is never a periodic poll, so an idle app uses no CPU between reminders. The
    timer waits at most 15 minutes (`timer_delay_ms`' cap): Qt timers run on a monotonic
    clock that stands still while the computer sleeps and ignores clock changes, so each
    time it fires the service asks the scheduler with the real wall-clock time. Coming
    back to the app (`applicationStateChanged`, which waking up often triggers) checks
    too. Quiet hours and the pause switch are the scheduler's rules.

    Several reminders can be due at once; the banner shows the oldest and the next one
    after it is answered.
    """

    reminderDue = Signal(object)
    """A Due that has just become due (also shown in the banner and notified)."""
    currentChanged = Signal(object)
    """The Due the banner shows now, or None when nothing is waiting."""
    doNowRequested = Signal(object)
    """"Do it now" on a Due: the window opens the diary entry or starts `due.program_id`."""
    stateChanged = Signal()
    """Counts or pause changed: the Today page refreshes its reminder line."""
    notice = Signal(str)
    """A problem to mention in the status bar (the settings could not be saved)."""
    activityChanged = Signal()
    """The activity source was found, or found missing: Settings says which is in use."""

    def __init__(
        self,
        settings: SettingsStore,
        entries: EntrySource,
        clock: Clock,
        tray: ReminderTray | None = None,
        *,
        program_name: Callable[[str], str | None] | None = None,
        program_exists: ProgramExists | None = None,
        tz: dt.tzinfo | None = None,
        notify: Callable[[str, str], object] | None = None,
        activity: ActivityFactory | None = None,
        sitting: SittingStore | None = None,
        detect_delay_ms: int | None = None,
        asleep: Callable[[], float | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.notify = notify
        """Desktop notifications where there is no tray (see ui/notifications.py)."""
        self.store = settings
        self.entries = entries
        self.clock = clock
        self.tray = tray
        self._program_name = program_name
        self._program_exists = program_exists
        """None: every program counts as there (tests, screenshots)."""
        self._tz = tz
        self._pending: list[Due] = []
        self._started = False
        self._saved_settings: dict[str, Any] | None = None
        self._saved_state: dict[str, Any] | None = None
        self._paused_shown: bool | None = None
        """The pause state the tray and `stateChanged` last told; None before the first."""
        self.scheduler = ReminderScheduler(tz=tz, program_exists=program_exists)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Reminders need no better than a second; coarse timers let the system batch
        # wake-ups, which is what keeps the idle app at (almost) zero CPU.
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.on_timer)

        # Sitting time (issue 19): found on first need, only while movement breaks are on.
        self._activity_factory = activity
        self.sitting = sitting
        self.activity: ActivitySource | None = None
        self.activity_missing = False
        """Looked for and not found (or it stopped answering): breaks follow the clock."""
        self.tracker: SittingTracker | None = None
        self.activity_timer = QTimer(self)
        self.activity_timer.setSingleShot(True)
        self.activity_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.activity_timer.timeout.connect(self.check_activity)
        self.activity_wakeup: dt.datetime | None = None
        """When the activity timer is meant to fire, in wall-clock time (tests drive it)."""
        # Looking for the source imports D-Bus and ctypes code and asks the desktop: with a
        # delay (the app's launch) that happens after the first window is up, not before.
        # Movement breaks wait meanwhile, so no break is offered on the clock a moment
        # before sitting time takes over. None: the first reload looks at once (tests).
        self._detect_delay_ms = detect_delay_ms
        self.detect_timer = QTimer(self)
        self.detect_timer.setSingleShot(True)
        self.detect_timer.timeout.connect(self.detect_activity)
        self._failed_queries = 0
        """Idle queries that failed in a row (`FAILURES_BEFORE_CLOCK`)."""
        self._source_lost = False
        """The source stopped answering (not: this desktop has none): looked for again."""
        self._looks_again = 0
        self.look_again_timer = QTimer(self)
        self.look_again_timer.setSingleShot(True)
        self.look_again_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.look_again_timer.timeout.connect(self.look_for_activity_again)
        self._resting_tracker: SittingTracker | None = None
        """The tracker of a lost source, kept for its figures until they are written."""
        self._sitting_save_failed = False
        """The last sitting save failed and said so: the retries do not say it again."""
        self._started_by_answer: str | None = None
        """The program "Do it now" is starting: `session_started` has answered it already."""
        # The time this computer spent suspended tells sleep from a wall clock that was
        # set (core/sitting.py): the system's for the real clock, a test clock's own.
        if asleep is None:
            asleep = getattr(clock, "asleep", None)
        if asleep is None and isinstance(clock, SystemClock):
            asleep = system_time_asleep
        self._asleep: Callable[[], float | None] = asleep or _not_known

        if tray is not None:
            tray.pauseNotNowRequested.connect(self.pause_not_now)
            tray.pauseTomorrowRequested.connect(self.pause_until_tomorrow)
            tray.resumeRequested.connect(self.resume)
        self._app: QGuiApplication | None = None

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Load the stored settings and state, show what is due, and arm the timer.

        Separate from the constructor so the window can connect the signals first.
        """
        self._started = True
        app = QGuiApplication.instance()
        if self._app is None and isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)
            self._app = app
        self._reload(starting=True)

    def stop(self) -> None:
        """No more timers (on quit); the state on disk is already current."""
        self._started = False
        self.timer.stop()
        self.activity_timer.stop()
        self.detect_timer.stop()
        self.look_again_timer.stop()
        self._save_sitting(force=True, tell=False)
        if self.activity is not None:
            self.activity.close()
            self.activity = None
            self.tracker = None
        if self._app is not None:
            self._app.applicationStateChanged.disconnect(self._on_application_state)
            self._app = None

    @Slot()
    def reload(self) -> None:
        """Read settings and state from the store again (the Settings page changed them)."""
        self._reload(starting=False)

    def _reload(self, *, starting: bool) -> None:
        settings = self._load_settings()
        self._prepare_activity(settings)
        self.scheduler = ReminderScheduler(
            settings,
            self._load_state(),
            self._tz,
            clock_breaks=self._clock_breaks(),
            program_exists=self._program_exists,
        )
        self._after_settings_change(starting=starting)

    def apply_settings(self, settings: ReminderSettings) -> None:
        """Use and store new reminder settings (answered reminders stay answered)."""
        self._prepare_activity(settings)
        self.scheduler = dataclasses.replace(
            self.scheduler.with_settings(settings), clock_breaks=self._clock_breaks()
        )
        self._after_settings_change()

    # -- queries -------------------------------------------------------------------------

    @property
    def tz(self) -> dt.tzinfo | None:
        """The zone reminder times are read in (None: the offset of each moment)."""
        return self._tz

    @property
    def settings(self) -> ReminderSettings:
        return self.scheduler.settings

    @property
    def state(self) -> ReminderState:
        return self.scheduler.state

    def current(self) -> Due | None:
        """The reminder the banner shows, or None."""
        return self._pending[0] if self._pending else None

    def pending(self) -> list[Due]:
        return list(self._pending)

    def is_paused(self) -> bool:
        return self.scheduler.is_paused(self.clock.now())

    def activity_name(self) -> str | None:
        """The activity source in use ("x11", "mutter", ...), or None (clock schedule)."""
        return None if self.activity is None or self.tracker is None else self.activity.name

    def activity_capabilities(self) -> frozenset[str]:
        if self.activity is None or self.tracker is None:
            return frozenset()
        return frozenset(self.activity.capabilities)

    def message(self, due: Due) -> str:
        name = None
        if due.program_id is not None and self._program_name is not None:
            name = self._program_name(due.program_id)
        return reminder_message(due, name)

    # -- the timer -----------------------------------------------------------------------

    @Slot()
    def on_timer(self) -> None:
        """The timer fired (perhaps late, after sleep): ask with the real time, re-arm."""
        self.check()

    @Slot()
    def check(self) -> None:
        """Show whatever is due now, save, and arm the timer for the next wake-up."""
        if not self._started:
            return
        now = self.clock.now()
        self._drop_stale(now)
        before = self.current()
        self._drop_unwanted()
        logged = self._logged_today(now)
        if logged:
            # Logged elsewhere (Today page, Diary page, command line): nothing to ask.
            self._pending = [d for d in self._pending if d.kind != "diary"]
        if self._show_pause_state(now):
            # The pause ran out (its own wake-up, in `_arm`): the tray, the Today page
            # and the Settings page stop saying it is on.
            self.stateChanged.emit()
        dues, self.scheduler = self.scheduler.poll(now, logged_today=logged)
        for due in dues:
            self._pending = [d for d in self._pending if d.key != due.key]
            self._pending.append(due)
        self._pending.sort(key=lambda d: d.scheduled_for)
        self._save()
        for due in dues:
            self.reminderDue.emit(due)
            if self.tray is not None:
                self.tray.notify(self.tr("RugDiary"), self.message(due))
            elif self.notify is not None:
                self.notify(self.tr("RugDiary"), self.message(due))
        if dues or self.current() != before:
            self.currentChanged.emit(self.current())
        self._arm(now, logged)

    def _arm(self, now: dt.datetime, logged: bool) -> None:
        wakeup = self.scheduler.next_wakeup(now, logged_today=logged)
        until = self.settings.paused_until
        if until is not None and self.scheduler.is_paused(now):
            # Wake when the pause ends too, even with nothing due then: the tray offers
            # the pause choices again and the pages stop saying "paused until".
            wakeup = until if wakeup is None else min(wakeup, until)
        delay = timer_delay_ms(now, wakeup)
        if delay is None:
            self.timer.stop()
            return
        self.timer.start(max(delay, MIN_TIMER_MS))

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
            # Waking up often activates the app: a break from before the sleep goes now.
            self.check_activity()

    # -- answers -------------------------------------------------------------------------

    @Slot()
    def do_now(self) -> None:
        """The banner's "Do it now": counted as done; the window then opens what it asks.

        A reminder whose program was deleted since it showed has nothing to start: it
        leaves the banner uncounted, and the window says the program no longer exists.
        """
        due = self.current()
        if due is None:
            return
        if not self._program_there(due):
            self._pending = [d for d in self._pending if d.key != due.key]
            self.currentChanged.emit(self.current())
            self.doNowRequested.emit(due)
            return
        now = self.clock.now()
        self.scheduler = self.scheduler.done(due.key, now)
        if self.tracker is not None and due.key == MOVEMENT_KEY:
            self.tracker.taken(now)
        self._answered(due)
        # The window starts the program now and tells `session_started`, which must not
        # count this answer a second time.
        self._started_by_answer = due.program_id
        try:
            self.doNowRequested.emit(due)
        finally:
            self._started_by_answer = None

    @Slot(str)
    def session_started(self, program_id: str) -> None:
        """A program started playing (Today, Programs, the tray): it answers its reminder.

        A waiting reminder of that program counts as done, as with "Do it now". The break
        program also restarts the sitting count when no break was waiting (a desk break
        from the tray is a break taken), as long as a stretch runs: a break just before
        the reminder would come need not be followed by it. The program that "Do it now"
        starts was answered there already and is not counted again, nor is a break
        started again within `BREAK_LENGTH` of one taken (told twice, it is one break).
        """
        if program_id == self._started_by_answer:
            self._started_by_answer = None
            return
        now = self.clock.now()
        answered = [d for d in self._pending if d.program_id == program_id]
        tracker = self.tracker
        took_break = (
            tracker is not None
            and self.settings.breaks.enabled
            and (
                any(d.key == MOVEMENT_KEY for d in answered)
                or (
                    program_id == self.settings.breaks.program_id
                    and tracker.stretch_start is not None
                    and not tracker.just_took_break(now)
                )
            )
        )
        if not answered and not took_break:
            return
        for due in answered:
            self.scheduler = self.scheduler.done(due.key, now)
        if took_break:
            assert tracker is not None
            tracker.taken(now)
        self._pending = [d for d in self._pending if d not in answered]
        self._save()
        saved = took_break and self._save_sitting(force=True)
        if answered:
            self.currentChanged.emit(self.current())
        if not saved:
            self.stateChanged.emit()
        self._arm(now, self._logged_today(now))
        if took_break and tracker is not None:
            self._arm_activity(now, tracker.next_check(now))

    @Slot(int)
    def snooze(self, minutes: int) -> None:
        due = self.current()
        if due is None:
            return
        now = self.clock.now()
        self.scheduler = self.scheduler.snooze(due.key, minutes, now)
        if self.tracker is not None and due.key == MOVEMENT_KEY:
            self.tracker.postponed(now, minutes)
        self._answered(due)

    @Slot()
    def skip(self) -> None:
        due = self.current()
        if due is None:
            return
        now = self.clock.now()
        self.scheduler = self.scheduler.skip(due.key, now)
        if self.tracker is not None and due.key == MOVEMENT_KEY:
            self.tracker.skipped(now)
        self._answered(due)

    @Slot()
    def entry_logged(self) -> None:
        """An entry was saved or deleted: re-plan, and answer a waiting diary reminder.

        Only when today now has an entry: yesterday's forgotten entry, or one deleted,
        does not answer "how are you today", so the reminder stays and is not counted.
        """
        now = self.clock.now()
        waiting = [d for d in self._pending if d.kind == "diary"]
        if waiting and not self._logged_today(now):
            waiting = []
        for due in waiting:
            self.scheduler = self.scheduler.done(due.key, now)
        if waiting:
            self._pending = [d for d in self._pending if d.kind != "diary"]
            self.currentChanged.emit(self.current())
            self.stateChanged.emit()
        self._save()
        self.check()

    # -- pause ---------------------------------------------------------------------------

    @Slot()
    def pause_not_now(self) -> None:
        self._pause(self.scheduler.pause_not_now(self.clock.now()))

    @Slot()
    def pause_until_tomorrow(self) -> None:
        self._pause(self.scheduler.pause_until_tomorrow(self.clock.now()))

    @Slot()
    def resume(self) -> None:
        self.scheduler = self.scheduler.resume(self.clock.now())
        self._after_settings_change()

    def _pause(self, paused: ReminderScheduler) -> None:
        # Pausing hides what is showing too: "not now" means not now. The Settings page
        # pauses through here as well (RemindersController.bind_service).
        self.scheduler = paused
        self._pending.clear()
        if self.tracker is not None:
            self.tracker.offered = False  # offered again after the pause if still sitting
        self.currentChanged.emit(None)
        self._after_settings_change()

    # -- wiring --------------------------------------------------------------------------

    def bind_banner(self, banner: ReminderBanner) -> None:
        """Let `banner` show the current reminder and answer it."""
        banner.doNowClicked.connect(self.do_now)
        banner.snoozeChosen.connect(self.snooze)
        banner.skipClicked.connect(self.skip)

        def show(due: Due | None) -> None:
            if due is None:
                banner.clear()
            else:
                banner.show_reminder(
                    self.message(due), reminder_detail(due, self.clock.now(), self._tz)
                )

        self.currentChanged.connect(show)
        show(self.current())

    # -- internals -----------------------------------------------------------------------

    def _answered(self, due: Due) -> None:
        self._pending = [d for d in self._pending if d.key != due.key]
        self._save()
        sitting = self.tracker is not None and due.key == MOVEMENT_KEY
        # The answer's sitting figures are written before the pages are told, so that the
        # Today page reads them with it (`_save_sitting` tells them after a write).
        saved = sitting and self._save_sitting(force=True)
        self.currentChanged.emit(self.current())
        if not saved:
            self.stateChanged.emit()
        now = self.clock.now()
        self._arm(now, self._logged_today(now))
        if sitting and self.tracker is not None:
            self._arm_activity(now, self.tracker.next_check(now))

    # -- sitting time ----------------------------------------------------------------------

    @Slot()
    def detect_activity(self) -> None:
        """Look for the activity source now (the delayed first look); breaks follow the result."""
        self.detect_timer.stop()
        self._detect_delay_ms = None
        if not self._started:
            return
        self._prepare_activity(self.settings)
        self.scheduler = dataclasses.replace(self.scheduler, clock_breaks=self._clock_breaks())
        self.check()
        self.check_activity()

    def _clock_breaks(self) -> bool:
        """Movement breaks on the clock: no activity source, and none being looked for."""
        return self.tracker is None and not self.detect_timer.isActive()

    def _prepare_activity(self, settings: ReminderSettings) -> None:
        """Find the activity source the first time movement breaks are on; follow the settings."""
        if self.tracker is not None:
            self.tracker.with_breaks(settings.breaks)
            if not settings.breaks.enabled:
                self.activity_timer.stop()
                self._save_sitting(force=True)
                # A break that showed is gone with the setting; when breaks are on again
                # the count starts afresh (kept, it would wait for an answer that never
                # comes, and the gap would look like sleep: a natural break).
                self.tracker.reset()
            return
        if not settings.breaks.enabled or self._activity_factory is None:
            self.detect_timer.stop()
            self.look_again_timer.stop()
            return
        if self.activity_missing:
            # Settings were saved: a lost source is looked for once more, and then again
            # on the backed-off timer (stopped while breaks were off).
            lost = self._source_lost and self._started
            if lost and not self._look_again(settings) and not self.look_again_timer.isActive():
                self._arm_look_again()
            return
        if self._detect_delay_ms is not None:
            if self._started and not self.detect_timer.isActive():
                self.detect_timer.start(self._detect_delay_ms)
            return
        try:
            source = self._activity_factory()
        except ActivityUnavailableError:
            source = None
        if source is None:
            self.activity_missing = True
            self.activityChanged.emit()
        else:
            self._use_source(source, settings)

    def _use_source(self, source: ActivitySource, settings: ReminderSettings) -> None:
        """Sitting time from `source` from now on (a lost source's figures carry over)."""
        tracker = self._resting_tracker or SittingTracker(settings.breaks, self._tz)
        tracker.with_breaks(settings.breaks)
        self._resting_tracker = None
        self.activity = source
        self.tracker = tracker
        self.activity_missing = False
        self._source_lost = False
        self._failed_queries = 0
        self._looks_again = 0
        self.look_again_timer.stop()
        source.watch(self._on_activity_signal)
        self.activityChanged.emit()

    def _look_again(self, settings: ReminderSettings) -> bool:
        """Ask the factory for a source that answers now; True when one was found and is used."""
        if self._activity_factory is None:
            return False
        try:
            source = self._activity_factory()
        except ActivityUnavailableError:
            source = None
        if source is None:
            return False
        try:
            source.idle_seconds()
        except (ActivityUnavailableError, OSError):
            source.close()
            return False
        self._use_source(source, settings)
        return True

    def _arm_look_again(self) -> None:
        minutes = LOOK_AGAIN_MINUTES[min(self._looks_again, len(LOOK_AGAIN_MINUTES) - 1)]
        self.look_again_timer.start(minutes * 60_000)

    @Slot()
    def look_for_activity_again(self) -> None:
        """The backed-off timer: is the source that stopped answering back?"""
        if not self._started or not self._source_lost or not self.settings.breaks.enabled:
            return
        self._looks_again += 1
        if not self._look_again(self.settings):
            self._arm_look_again()
            return
        self.scheduler = dataclasses.replace(self.scheduler, clock_breaks=self._clock_breaks())
        self.check()
        self.check_activity()

    def _on_activity_signal(self) -> None:
        # A lock or unlock, told by the desktop: look now rather than at the next sample.
        if self._started:
            self.check_activity()

    @Slot()
    def check_activity(self) -> None:
        """Sample the activity source: count sitting, offer a due break, or hold it."""
        tracker, source = self.tracker, self.activity
        if not self._started or tracker is None or source is None:
            return
        if not self.settings.breaks.enabled:
            self.activity_timer.stop()
            return
        now = self.clock.now()
        blocked = self.scheduler.is_paused(now) or self.settings.quiet.contains(now.time())
        try:
            step = tracker.step(
                now, self.clock.monotonic(), source, blocked=blocked, asleep=self._asleep()
            )
        except ActivityUnavailableError:
            self._failed_queries += 1
            if self._failed_queries >= FAILURES_BEFORE_CLOCK:
                self._fall_back_to_clock()
            else:
                self._arm_activity(now, now + FAILED_QUERY_RETRY)
            return
        self._failed_queries = 0
        if step.natural_break or step.away:
            # Away, or back from a break of their own: a waiting break is not needed.
            before = self.current()
            self._pending = [d for d in self._pending if d.key != MOVEMENT_KEY]
            if self.current() != before:
                self.currentChanged.emit(self.current())
        if step.offer:
            due = Due(
                key=MOVEMENT_KEY,
                kind="movement",
                program_id=self.settings.breaks.program_id,
                scheduled_for=now,
            )
            before = self.current()
            self._pending = [d for d in self._pending if d.key != MOVEMENT_KEY] + [due]
            self._pending.sort(key=lambda d: d.scheduled_for)
            self.reminderDue.emit(due)
            if self.tray is not None:
                self.tray.notify(self.tr("RugDiary"), self.message(due))
            elif self.notify is not None:
                self.notify(self.tr("RugDiary"), self.message(due))
            if self.current() != before:
                self.currentChanged.emit(self.current())
        saved = self._save_sitting(force=step.natural_break)
        if step.natural_break and not saved:
            self.stateChanged.emit()
        self._arm_activity(now, step.next_check)

    def _arm_activity(self, now: dt.datetime, wakeup: dt.datetime | None) -> None:
        delay = timer_delay_ms(now, wakeup)
        if delay is None or not self._started:
            self.activity_timer.stop()
            self.activity_wakeup = None
            return
        self.activity_wakeup = now + dt.timedelta(milliseconds=max(delay, MIN_TIMER_MS))
        self.activity_timer.start(max(delay, MIN_TIMER_MS))

    def _fall_back_to_clock(self) -> None:
        """The source stopped answering (the display went away): the clock schedule takes over.

        The source is looked for again on a backed-off timer and when settings are saved.
        """
        self.activity_timer.stop()
        self._save_sitting(force=True)
        if self.activity is not None:
            self.activity.close()
        if self.tracker is not None:
            self.tracker.reset()
            self._resting_tracker = self.tracker  # figures a failed save kept, if any
        self.activity = None
        self.tracker = None
        self.activity_missing = True
        self._source_lost = True
        self._failed_queries = 0
        self._looks_again = 0
        self._arm_look_again()
        self.scheduler = dataclasses.replace(self.scheduler, clock_breaks=True)
        self.activityChanged.emit()
        self.check()

    def _save_sitting(self, *, force: bool = False, tell: bool = True) -> bool:
        """Write the unsaved sitting figures when it is time; True when they were written.

        They are forgotten only once written: after a failed save (a full disk) they are
        written with the next ones. `tell`: say `stateChanged` after a write, so that the
        Today page shows the figures (not while quitting).
        """
        tracker = self.tracker if self.tracker is not None else self._resting_tracker
        if tracker is None or self.sitting is None:
            return False
        pending = tracker.pending()
        if not pending:
            return False
        counted = any(d.taken or d.skipped or d.postponed or d.natural for d in pending.values())
        if not (force or counted or tracker.unsaved_active() >= SAVE_SITTING_EVERY):
            return False
        try:
            self.sitting.add([pending[day] for day in sorted(pending)])
        except (StorageWriteError, DataFileError) as error:
            if not self._sitting_save_failed:  # said once, not at every retry
                self.notice.emit(
                    self.tr("Sitting time could not be saved: %1.").replace(
                        "%1", _reason(error).rstrip(".")
                    )
                )
            self._sitting_save_failed = True
            return False
        self._sitting_save_failed = False
        tracker.take_pending()  # what was just written: nothing was counted in between
        if tracker is self._resting_tracker:
            self._resting_tracker = None
        if tell:
            self.stateChanged.emit()
        return True

    def _after_settings_change(self, *, starting: bool = False) -> None:
        self._show_pause_state(self.clock.now())
        # A reminder switched off, removed or moved while it waits is not shown any more.
        before = self.current()
        self._drop_unwanted()
        if self.current() != before:
            self.currentChanged.emit(self.current())
        stored = self._save()
        # At start the window has just shown what is stored: it only needs telling when
        # something was written (the Today page's refresh is ~10 ms of the launch).
        if stored or not starting:
            self.stateChanged.emit()
        if self._started:
            self.check()
            self.check_activity()
        else:
            self.timer.stop()

    def _show_pause_state(self, now: dt.datetime) -> bool:
        """Show the pause switch as it is at `now` in the tray; True when it changed.

        The pause is written to the store by this service, which `Preferences.changed`
        does not see: `stateChanged` is how the pages learn of it.
        """
        paused = self.scheduler.is_paused(now)
        changed = self._paused_shown is not None and paused != self._paused_shown
        self._paused_shown = paused
        if self.tray is not None:
            self.tray.set_paused(paused)
        return changed

    def _program_there(self, due: Due) -> bool:
        if due.program_id is None or self._program_exists is None:
            return True
        return self._program_exists(due.program_id)

    def _drop_unwanted(self) -> None:
        """Forget waiting reminders that are switched off now or whose program is gone.

        Kept quiet (no signal): the callers tell the banner when what it shows changed.
        """
        keys = self.settings.enabled_keys()
        self._pending = [
            d
            for d in self._pending
            if d.key in keys and (d.kind != "exercise" or self._program_there(d))
        ]

    def _drop_stale(self, now: dt.datetime) -> None:
        """Forget waiting reminders of an earlier day (the banner stayed up overnight)."""
        today = now.date()
        kept = [d for d in self._pending if d.scheduled_for.astimezone(now.tzinfo).date() == today]
        if len(kept) != len(self._pending):
            self._pending = kept
            self.currentChanged.emit(self.current())

    def _logged_today(self, now: dt.datetime) -> bool:
        today = now.date()
        return bool(self.entries.list(today, today))

    def _load_settings(self) -> ReminderSettings:
        raw = self.store.get(REMINDERS_KEY)
        if raw is None:
            settings = ReminderSettings()
        else:
            try:
                settings = ReminderSettings.from_dict(raw)
            except (ValidationError, TypeError, ValueError) as error:
                # Not written over until the user changes something: they may fix it.
                self.notice.emit(
                    self.tr(
                        "The reminder settings could not be read (%1); using the defaults."
                    ).replace("%1", str(error))
                )
                settings = ReminderSettings()
                self._saved_settings = settings.to_dict()
                return settings
        self._saved_settings = raw if isinstance(raw, dict) else None
        return settings

    def _load_state(self) -> ReminderState:
        raw = self.store.get(REMINDER_STATE_KEY)
        try:
            state = ReminderState() if raw is None else ReminderState.from_dict(raw)
        except (ValidationError, TypeError, ValueError):
            # Only bookkeeping: at worst one reminder shows again, so start afresh.
            state = ReminderState()
        self._saved_state = raw if isinstance(raw, dict) else None
        return state

    def _save(self) -> bool:
        """Store settings and state when they changed (True if so); a failure is said, not fatal."""
        settings = self.scheduler.settings.to_dict()
        state = self.scheduler.state.to_dict()
        stored = False
        try:
            if settings != self._saved_settings:
                self.store.set(REMINDERS_KEY, settings)
                self._saved_settings = settings
                stored = True
            if state != self._saved_state:
                self.store.set(REMINDER_STATE_KEY, state)
                self._saved_state = state
                stored = True
        except (StorageWriteError, DataFileError) as error:
            self.notice.emit(
                self.tr("Reminder changes could not be saved: %1.").replace(
                    "%1", _reason(error).rstrip(".")
                )
            )
        return stored


def _reason(error: StorageWriteError | DataFileError) -> str:
    """Why storage failed, in the UI's language (ui/reasons.py; unknown ones as they are)."""
    from rugdiary.ui.reasons import reason_text  # only when a save fails

    return reason_text(getattr(error, "reason", "") or str(error))


def _not_known() -> float | None:
    """No time-asleep reading (a test clock without one): clock jumps are read as before."""
    return None
