"""Flare-up behaviour: start it when the plan opens, end it with what helped, start programmes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, QTime, Signal, Slot

from rugdiary.core.clock import Clock
from rugdiary.core.diary import ValidationError
from rugdiary.core.flares import FlareRecord
from rugdiary.storage.errors import DataFileError, StorageWriteError
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
    notes the end with what helped.
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

    @Slot()
    def start_now(self) -> None:
        self.view.message_label.setVisible(False)
        try:
            self.started_here = self.store.start(self.clock.now())
        except ValidationError as error:
            self._say(f"{error.field}: {error.message}")
            return
        except (DataFileError, StorageWriteError) as error:
            self._say(self._not_saved(error))
            return
        self.notice.emit(self.tr("Flare-up noted"))
        self.flareChanged.emit()
        self.show_state()

    @Slot()
    def remove(self) -> None:
        """Take back a flare-up noted by mistake a moment ago."""
        if self.started_here is None:
            return
        # Gone already (removed elsewhere): the state shown below says what is.
        with contextlib.suppress(LookupError, DataFileError, StorageWriteError):
            self.store.delete(self.started_here.id)
        self.started_here = None
        self.notice.emit(self.tr("Flare-up note removed"))
        self.flareChanged.emit()
        self.show_state()
        self.view.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def settle(self) -> None:
        """Note the end now, with the chosen tags and the words typed."""
        self.view.message_label.setVisible(False)
        try:
            self.store.end(self.clock.now(), self.view.helped_edit.text(), self.view.chosen_tags())
        except ValidationError as error:
            if error.field == "end" and self._running() is not None:
                # Pressed within the minute it was noted: the end must come after the start.
                self._say(
                    self.tr(
                        "It was noted only a moment ago. If it was noted by mistake, "
                        "remove the note above."
                    )
                )
            else:
                self._say(f"{error.field}: {error.message}")
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

    def _not_saved(self, error: DataFileError | StorageWriteError) -> str:
        reason = getattr(error, "reason", "") or self.tr("the diary could not be written")
        return self.tr("Not saved: %1. Please try again in a moment.").replace(
            "%1", reason.rstrip(".")
        )

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
        view.remove_button.setVisible(
            running is not None
            and self.started_here is not None
            and running.id == self.started_here.id
        )
        view.settle_box.setEnabled(running is not None)
        view.settled_button.setEnabled(running is not None)

    def _start_program(self, program_id: str) -> None:
        self.startProgramRequested.emit(program_id)
        self.view.close()
