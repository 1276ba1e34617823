"""The "My activities" dialog's behaviour: fill it, add rows, save it all at once."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, QObject, Qt, Signal

from rugdiary.core.activities import (
    MAX_ACTIVE,
    RESCORE_DAYS,
    Activity,
    ActivityScore,
    clean_name,
    new_score,
    renamed,
    retired,
)
from rugdiary.core.diary import ValidationError
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui import dialogs
from rugdiary.ui.activities.activities_view import ActivitiesDialog, ActivityRow
from rugdiary.ui.activities.stores import ActivityStores
from rugdiary.ui.reasons import reason_text


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ActivitiesController(QObject):
    """Joins the dialog to the stores. Nothing is written before Save; Save writes
    the new names, the activities stopped, the scores and the chosen day in one go."""

    saved = Signal()

    def __init__(self, dialog: ActivitiesDialog, stores: ActivityStores) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.stores = stores
        self._by_id: dict[str, Activity] = {}
        self._date_touched = False
        self._default_due: date | None = None
        dialog.add_button.clicked.connect(self.add)
        dialog.addRequested.connect(self.add)
        dialog.save_button.clicked.connect(self.save)
        dialog.save_shortcut.activated.connect(self.save)
        dialog.next_date.dateChanged.connect(self._on_date_changed)
        self.load()

    # -- filling -------------------------------------------------------------------------

    def load(self) -> None:
        items = self.stores.activities.list()
        scores = self.stores.scores.list()
        self._by_id = {a.id: a for a in items}
        last: dict[str, ActivityScore] = {}
        for score in scores:
            last[score.activity_id] = score  # oldest first: the last one wins
        locale = QLocale()
        today = self.stores.clock.now().date()
        for activity in items:
            if not activity.active:
                continue
            row = self._add_row(activity.id, activity.name)
            previous = last.get(activity.id)
            if previous is None:
                row.last_label.setText(self.tr("Not scored yet."))
            elif previous.day == today:
                # A wrong key is put right by scoring again: the day's latest score counts.
                row.last_label.setText(
                    self.tr("Scored today: %1. Choose another score to correct it.").replace(
                        "%1", str(previous.score)
                    )
                )
            else:
                when = locale.toString(_qdate(previous.day), QLocale.FormatType.LongFormat)
                row.last_label.setText(
                    self.tr("Last time: %1, on %2")
                    .replace("%1", str(previous.score))
                    .replace("%2", when)
                )
        self._default_due = self.stores.due() or today + timedelta(days=RESCORE_DAYS)
        self._show_default_date()
        self._update_add_state()
        first = next((r for r in self.dialog.rows if r.scale.isEnabled()), None)
        self.dialog.first_focus = first.scale if first is not None else self.dialog.add_edit

    def _add_row(self, activity_id: str | None, name: str) -> ActivityRow:
        row = self.dialog.add_row(activity_id, name)
        row.stop_button.clicked.connect(lambda _checked=False, r=row: self.toggle_stop(r))
        row.scale.valueChanged.connect(lambda _value: self._show_default_date())
        return row

    def _active_rows(self) -> list[ActivityRow]:
        return [r for r in self.dialog.rows if not r.stopped]

    def _update_add_state(self) -> None:
        full = len(self._active_rows()) >= MAX_ACTIVE
        for widget in (self.dialog.add_edit, self.dialog.add_button, self.dialog.add_label):
            widget.setEnabled(not full)
        self.dialog.full_label.setVisible(full)

    def _scored_now(self) -> bool:
        return any(r.scale.value() is not None for r in self._active_rows())

    def _show_default_date(self) -> None:
        """Two weeks from today once something is scored; else the day already due."""
        if self._date_touched:
            return
        today = self.stores.clock.now().date()
        due = today + timedelta(days=RESCORE_DAYS) if self._scored_now() else self._default_due
        field = self.dialog.next_date
        field.blockSignals(True)
        field.setMinimumDate(_qdate(today))
        field.setDate(_qdate(max(due or today, today)))
        field.blockSignals(False)

    def _on_date_changed(self, _day: QDate) -> None:
        self._date_touched = True

    # -- actions -------------------------------------------------------------------------

    def add(self) -> ActivityRow | None:
        """Add the typed activity as a new row (saved with the rest)."""
        dialog = self.dialog
        if len(self._active_rows()) >= MAX_ACTIVE:
            dialog.show_message(
                self.tr("Five activities is the most. To add another, stop asking about one first.")
            )
            return None
        try:
            name = clean_name(dialog.add_edit.text())
            self._check_unique(name, None)
        except ValidationError as error:
            dialog.show_message(self._name_message(self.tr("New activity"), name_error=error))
            dialog.add_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        row = self._add_row(None, name)
        row.last_label.setText(self.tr("New: score it now, or the next time."))
        dialog.add_edit.clear()
        dialog.show_message("")
        self._update_add_state()
        row.scale.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def toggle_stop(self, row: ActivityRow) -> None:
        if row.stopped and len(self._active_rows()) >= MAX_ACTIVE:
            self.dialog.show_message(
                self.tr("Five activities is the most. To add another, stop asking about one first.")
            )
            return
        row.set_stopped(not row.stopped)
        self._update_add_state()
        row.stop_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        """Write everything; True when it is saved and the dialog closes."""
        dialog = self.dialog
        now = self.stores.clock.now()
        changed: list[Activity] = []
        scores: list[ActivityScore] = []
        names: dict[int, str] = {}
        for row in dialog.rows:
            if row.stopped:
                continue
            try:
                names[id(row)] = clean_name(row.name_edit.text())
            except ValidationError as error:
                return self._refuse(row, error)
        for row in self._active_rows():
            name = names[id(row)]
            twin = next(
                (
                    r
                    for r in self._active_rows()
                    if r is not row and names[id(r)].casefold() == name.casefold()
                ),
                None,
            )
            if twin is not None:
                return self._refuse(row, ValidationError("name", "twice"))
        try:
            for row in dialog.rows:
                stored = self._by_id.get(row.activity_id or "")
                if stored is None:
                    if row.stopped:
                        continue
                    activity = Activity(str(uuid.uuid4()), names[id(row)], now)
                    changed.append(activity)
                elif row.stopped:
                    changed.append(retired(stored, now))
                    continue
                else:
                    activity = stored
                    if names[id(row)] != stored.name:
                        activity = renamed(stored, names[id(row)], [])
                        changed.append(activity)
                value = row.scale.value()
                if value is not None:
                    scores.append(new_score(activity, value, now))
            if changed or scores:
                self.stores.activities.save_round(changed, scores)
            if self._date_touched:
                from rugdiary.storage.repositories import store_next_score

                store_next_score(self.stores.settings, _pydate(dialog.next_date.date()), now)
        except ValidationError as error:
            # The core's reason (activities added elsewhere meanwhile made more than five),
            # in the dialog's language; the field's name is the code's, not the person's.
            dialog.show_message(self.tr("Not saved: %1").replace("%1", reason_text(error.message)))
            return False
        except (StorageWriteError, DataFileError) as error:
            # The storage's reasons are English; reason_text has them in the UI's language.
            reason = reason_text(getattr(error, "reason", "")) or self.tr(
                "the diary could not be written"
            )
            dialog.show_message(
                self.tr(
                    "Not saved yet: %1. Your answers are still here, so you can try again."
                ).replace("%1", reason.rstrip("."))
            )
            return False
        dialog.show_message("")
        self.saved.emit()
        dialog.accept()
        return True

    # -- messages ------------------------------------------------------------------------

    def _check_unique(self, name: str, own: ActivityRow | None) -> None:
        for row in self._active_rows():
            if (
                row is not own
                and " ".join(row.name_edit.text().split()).casefold() == name.casefold()
            ):
                raise ValidationError("name", "twice")

    def _refuse(self, row: ActivityRow, error: ValidationError) -> bool:
        self.dialog.show_message(self._name_message(row.heading.text(), name_error=error))
        row.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def _name_message(self, where: str, *, name_error: ValidationError) -> str:
        """What is wrong with a name, in the app's language, starting with the field."""
        if name_error.message == "twice":
            text = self.tr("you have an activity with this name already.")
        elif name_error.message.startswith("is required"):
            text = self.tr("a name is needed, such as “put on socks”.")
        else:
            text = reason_text(name_error.message)  # too long, a control character
        return self.tr("%1: %2").replace("%1", where).replace("%2", text)


def open_activities_dialog(parent: Any, stores: ActivityStores) -> bool:
    """Show the dialog (window-modal); True when something was saved."""
    dialog = ActivitiesDialog(parent)
    controller = ActivitiesController(dialog, stores)
    saved: list[bool] = []
    controller.saved.connect(lambda: saved.append(True))
    try:
        dialogs.exec_dialog(dialog)
    finally:
        dialog.deleteLater()
    return bool(saved)
