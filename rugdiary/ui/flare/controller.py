"""Flare-up behaviour: start it when the plan opens, end it with what helped, start programmes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, QTime, Signal, Slot

from rugdiary.core.clock import Clock
from rugdiary.core.diary import ValidationError
from rugdiary.core.flares import FlareRecord
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui import dialogs
from rugdiary.ui.flare.today_line import FlareLine

if TYPE_CHECKING:
    # The plan's window is built when first opened, not when Today starts.
    from rugdiary.ui.flare.plan_view import FlarePlanDialog


class FlareStore(Protocol):
    """What the flare-up parts need of the diary (FlareRepository satisfies it)."""

    def open(self) -> FlareRecord | None: ...

    def start(self, at: datetime, note: str = "") -> FlareRecord: ...

    def end(self, at: datetime, helped: str = "", tags: Iterable[str] = ()) -> FlareRecord: ...

    def delete(self, record_id: str) -> None: ...

    def list(self) -> list[FlareRecord]: ...


UNDO_WITHOUT_ASKING = timedelta(minutes=10)
"""How long a press of "My back is flaring up" is taken back at once by "Not a flare-up?":
later, the flare-up has been real for a while and removing it asks first."""


def since_text(record: FlareRecord, today: date) -> str:
    """ "since today at 10:42", "since yesterday at …", "since Tuesday at …", or a date."""
    locale = QLocale()
    start = record.start
    time = locale.toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)
    days = (today - start.date()).days
    if days <= 0:
        return QCoreApplication.translate("FlareSince", "since today at %1").replace("%1", time)
    if days == 1:
        return QCoreApplication.translate("FlareSince", "since yesterday at %1").replace("%1", time)
    qdate = QDate(start.year, start.month, start.day)
    if days < 7:
        day = locale.dayName(qdate.dayOfWeek(), QLocale.FormatType.LongFormat)
    else:
        day = locale.toString(qdate, QLocale.FormatType.ShortFormat)
    return (
        QCoreApplication.translate("FlareSince", "since %1 at %2")
        .replace("%1", day)
        .replace("%2", time)
    )


class FlareLineController(QObject):
    """Keeps the Today line in step with the stored flare-ups."""

    planRequested = Signal(bool)
    """Open the plan; True when the person pressed "It has settled" (the end comes first)."""

    def __init__(
        self, view: FlareLine, store: FlareStore, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.store = store
        self.clock = clock
        view.flaring_button.clicked.connect(lambda: self.planRequested.emit(False))
        view.plan_button.clicked.connect(lambda: self.planRequested.emit(False))
        view.settled_button.clicked.connect(lambda: self.planRequested.emit(True))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        try:
            running = self.store.open()
        except (DataFileError, StorageWriteError):
            running = None
        if running is None:
            self.view.show_running(None)
            return
        since = since_text(running, self.clock.now().date())
        self.view.show_running(
            self.tr("A flare-up, %1. Take it gently: it will settle.").replace("%1", since)
        )


class FlarePlanController(QObject):
    """Joins the plan's dialog to the stored flare-ups and the player.

    Opening the plan with "My back is flaring up" notes the start at once (one press, no
    form to fill in on a bad day); "Not a flare-up?" takes it back. "It has settled"
    notes the end with what helped. A flare-up noted by mistake earlier (before a restart,
    or settled since) can be removed too: the running one, or else the latest, after a
    question, for it may hold days the person wants to keep.
    """

    flareChanged = Signal()
    """A flare-up was started, ended or removed: Today reads it again."""

    startProgramRequested = Signal(str)
    """A gentle programme's Start was pressed: the window opens the player."""

    notice = Signal(str)

    def __init__(
        self,
        view: FlarePlanDialog,
        store: FlareStore,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.store = store
        self.clock = clock
        self.started_here: FlareRecord | None = None
        for button in view.program_buttons:
            program_id = str(button.property("programId"))
            button.clicked.connect(lambda _=False, pid=program_id: self._start_program(pid))
        view.start_button.clicked.connect(self.start_now)
        view.remove_button.clicked.connect(self.remove)
        view.remove_last_button.clicked.connect(self.remove_last)
        view.settled_button.clicked.connect(self.settle)
        self.show_state()

    def open_plan(self, *, settle: bool = False) -> None:
        """Show the plan; note a new flare-up unless one runs or the end is being noted."""
        if not settle and self._running() is None:
            self.start_now()
        self.show_state()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        target = self.view.tag_boxes[0] if settle and self._running() else self.view.close_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if settle and self._running() is not None:
            self.view.scroll_area.ensureWidgetVisible(self.view.settled_button)

    def _running(self) -> FlareRecord | None:
        try:
            return self.store.open()
        except (DataFileError, StorageWriteError):
            return None

    def _latest(self) -> FlareRecord | None:
        """The flare-up logged last (running or ended), if any."""
        try:
            records = self.store.list()
        except (DataFileError, StorageWriteError):
            return None
        return max(records, key=lambda r: r.start, default=None)

    @Slot()
    def start_now(self) -> None:
        self.view.message_label.setVisible(False)
        try:
            self.started_here = self.store.start(self.clock.now())
        except ValidationError:
            # The stored flare-ups changed behind the plan (the tray, the command line):
            # say so in the app's language and show what is stored now.
            running = self._running()
            if running is not None:
                since = since_text(running, self.clock.now().date())
                self._say(
                    self.tr("A flare-up was noted already, %1. The plan shows it now.").replace(
                        "%1", since
                    )
                )
            else:
                self._say(
                    self.tr("It could not be noted now: it would overlap a flare-up noted before.")
                )
            self._changed_elsewhere()
            return
        except (DataFileError, StorageWriteError) as error:
            self._say(self._not_saved(error))
            return
        self.notice.emit(self.tr("Flare-up noted"))
        self.flareChanged.emit()
        self.show_state()

    @Slot()
    def remove(self) -> None:
        """Take back the running flare-up: at once when it was noted here a moment ago (one
        press undoes one press), after asking when it was noted before."""
        running = self._running()
        if running is None:
            self.show_state()
            return
        just_noted = (
            self.started_here is not None
            and self.started_here.id == running.id
            and self.clock.now() - running.start <= UNDO_WITHOUT_ASKING
        )
        if not just_noted:
            since = since_text(running, self.clock.now().date())
            question = self.tr("Remove the flare-up noted %1?").replace("%1", since)
            if not dialogs.ask_remove_flare(self.view, question):
                return
        self._remove(running)

    @Slot()
    def remove_last(self) -> None:
        """Remove the latest flare-up, ended already, after asking."""
        latest = self._latest()
        if latest is None or latest.end is None:
            self.show_state()
            return
        question = self.tr("Remove the flare-up of %1?").replace("%1", self._span(latest))
        if dialogs.ask_remove_flare(self.view, question):
            self._remove(latest)

    def _remove(self, record: FlareRecord) -> None:
        self.view.message_label.setVisible(False)
        try:
            self.store.delete(record.id)
        except LookupError:
            pass  # Gone already (removed elsewhere): the state shown below says what is.
        except (DataFileError, StorageWriteError) as error:
            # Still stored: say so, and keep the button to try again.
            self._say(self._not_saved(error))
            return
        if self.started_here is not None and self.started_here.id == record.id:
            self.started_here = None
        self.notice.emit(self.tr("Flare-up note removed"))
        self.flareChanged.emit()
        self.show_state()
        self.view.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def settle(self) -> None:
        """Note the end now, with the chosen tags and the words typed."""
        self.view.message_label.setVisible(False)
        now = self.clock.now()
        try:
            self.store.end(now, self.view.helped_edit.text(), self.view.chosen_tags())
        except ValidationError:
            running = self._running()
            if running is None:
                # Ended or removed behind the plan (the tray, the command line).
                self._say(
                    self.tr(
                        "No flare-up is running now: it was noted as settled or removed "
                        "elsewhere. The plan shows what is noted now."
                    )
                )
                self._changed_elsewhere()
            elif now.replace(microsecond=0) <= running.start:
                # Pressed within the minute it was noted: the end must come after the start.
                self._say(
                    self.tr(
                        "It was noted only a moment ago. If it was noted by mistake, "
                        "remove the note above."
                    )
                )
            else:
                self._say(
                    self.tr(
                        "The end could not be noted now: the flare-up would overlap one "
                        "noted before."
                    )
                )
            return
        except (DataFileError, StorageWriteError) as error:
            self._say(self._not_saved(error))
            return
        self.started_here = None
        self.view.helped_edit.clear()
        for box in self.view.tag_boxes:
            box.setChecked(False)
        self.notice.emit(self.tr("Good to hear it has settled. Noted."))
        self.flareChanged.emit()
        self.show_state()
        self.view.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed_elsewhere(self) -> None:
        self.started_here = None
        self.flareChanged.emit()
        self.show_state()

    def _not_saved(self, error: DataFileError | StorageWriteError) -> str:
        # The storage's reasons are English; reason_text has them in the UI's language.
        # Imported here: Today imports this module at start-up, a failed save is rare.
        from rugdiary.ui.reasons import reason_text

        reason = reason_text(getattr(error, "reason", "")) or self.tr(
            "the diary could not be written"
        )
        return self.tr("Not saved: %1. Please try again in a moment.").replace(
            "%1", reason.rstrip(".")
        )

    def _span(self, record: FlareRecord) -> str:
        """ "3/2/26 to 3/4/26", or one date for a flare-up of one day."""
        locale = QLocale()

        def day(value: date) -> str:
            qdate = QDate(value.year, value.month, value.day)
            return locale.toString(qdate, QLocale.FormatType.ShortFormat)

        first, last = record.first_day(), record.last_day(self.clock.now().date())
        if first == last:
            return day(first)
        return self.tr("%1 to %2").replace("%1", day(first)).replace("%2", day(last))

    def _say(self, text: str) -> None:
        self.view.message_label.setText(text)
        self.view.message_label.setVisible(True)

    def show_state(self) -> None:
        view = self.view
        running = self._running()
        if running is None:
            view.status_label.setText(
                self.tr("No flare-up is noted right now. The plan is here whenever you need it.")
            )
        else:
            since = since_text(running, self.clock.now().date())
            view.status_label.setText(self.tr("Noted: a flare-up %1.").replace("%1", since))
        view.start_button.setVisible(running is None)
        # The running one can always be taken back (noted before a restart: after asking).
        view.remove_button.setVisible(running is not None)
        latest = self._latest() if running is None else None
        if latest is not None and latest.end is not None:
            # Which one, for the mouse and for screen readers; the question names it too.
            which = self.tr("The flare-up of %1").replace("%1", self._span(latest))
            view.remove_last_button.setToolTip(which)
            view.remove_last_button.setAccessibleDescription(which)
            view.remove_last_button.setVisible(True)
        else:
            view.remove_last_button.setVisible(False)
        view.settle_box.setEnabled(running is not None)
        view.settled_button.setEnabled(running is not None)

    def _start_program(self, program_id: str) -> None:
        self.startProgramRequested.emit(program_id)
        self.view.close()
