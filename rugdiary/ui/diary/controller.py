"""Diary page behaviour: save, edit, delete with undo, filter, and say what happened."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QDate, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from rugdiary.core.clock import TYPED_MOMENT_SLACK, Clock
from rugdiary.core.diary import DiaryEntry, ValidationError, new_entry
from rugdiary.core.safety import RED_FLAG_TAGS
from rugdiary.core.sessions import named_as_now
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.repositories import EntryNotFoundError
from rugdiary.ui import dialogs
from rugdiary.ui.diary.commands import (
    AddEntryCommand,
    DeleteEntryCommand,
    EditEntryCommand,
    EntryStore,
    change_failed_text,
)
from rugdiary.ui.diary.diary_view import DiaryView
from rugdiary.ui.diary.entry_list_model import EntryListModel, qdate, qtime
from rugdiary.ui.diary.entry_list_view import to_date
from rugdiary.ui.reasons import reason_text
from rugdiary.ui.services import content_language
from rugdiary.ui.today.day_watcher import DayWatcher

if TYPE_CHECKING:
    from rugdiary.core.sessions import Session


class SessionSource(Protocol):
    """Where exercise sessions come from (SessionRepository satisfies it)."""

    def list(self, start: date | None = None, end: date | None = None) -> list[Session]: ...


class ProgramNames(Protocol):
    """Programs' names as they are now (ui.today.data.ProgramCatalog satisfies it)."""

    def name(self, program_id: str) -> str | None: ...

    def reload(self) -> None: ...


class DiaryController(QObject):
    """Joins the diary view to an entry store, a clock and the window's undo stack."""

    notice = Signal(str, bool)
    entrySaved = Signal(object)
    """A DiaryEntry was added or changed from the form (for the red-flag check)."""
    entriesChanged = Signal()
    """Entries were saved, deleted, or brought back by undo: other pages refresh."""
    """A short status message, and whether it offers "Undo" (after a delete)."""

    def __init__(
        self,
        view: DiaryView,
        model: EntryListModel,
        entries: EntryStore,
        clock: Clock,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
        sessions: SessionSource | None = None,
        program_names: ProgramNames | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.program_names = program_names
        self.view = view
        self.form = view.form
        self.list = view.list
        self.model = model
        self.entries = entries
        self.clock = clock
        self.undo_stack = undo_stack
        self._editing: DiaryEntry | None = None
        # The form's answers when last cleared or loaded, to notice unsaved typing.
        self._baseline: dict[str, Any] = {}
        # Until the person changes the date, an entry is stamped when it is saved, not
        # when the form was last cleared (the app may stay open for hours).
        self._when_touched = False
        # Until the person sets a date range, the list shows everything.
        self._dates_touched = False
        # The app may stay open for days: "now" in the form and "today" in the list move on.
        self.day_watcher = DayWatcher(clock, self)
        self.day_watcher.dayChanged.connect(self._on_day_changed)

        form = self.form
        form.pain.valueChanged.connect(self._update_save_state)
        form.stress.valueChanged.connect(self._update_save_state)
        form.save_button.clicked.connect(self.save)
        form.cancel_button.clicked.connect(self.cancel_edit)
        form.when.dateTimeChanged.connect(self._on_when_changed)
        # The When field comes into view: it shows now, not when the form was last cleared.
        form.more_button.toggled.connect(self._on_more_toggled)
        view.shown.connect(self._on_shown)
        view.save_shortcut.activated.connect(self.save)
        view.cancel_shortcut.activated.connect(self.cancel_edit)

        table = self.list.table
        table.openRequested.connect(self.edit_row)
        table.deleteRequested.connect(self.delete_row)
        self.list.edit_button.clicked.connect(lambda: self.edit_row(self.list.selected_row()))
        self.list.delete_button.clicked.connect(lambda: self.delete_row(self.list.selected_row()))
        self.list.from_date.dateChanged.connect(self._on_dates_changed)
        self.list.to_date.dateChanged.connect(self._on_dates_changed)
        self.list.tag_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.show_all_button.clicked.connect(self.show_all)

        self.form.clear(self.clock.now())
        self._baseline = self._answers()
        self._update_save_state()
        self.reload()

    # -- actions -----------------------------------------------------------------------------

    @property
    def editing(self) -> DiaryEntry | None:
        """The entry loaded for changing, or None in new-entry mode."""
        return self._editing

    def save(self) -> bool:
        """Save the form as a new entry or as the change of the loaded one; True when saved."""
        form = self.form
        if not form.is_complete():
            missing = form.pain if form.pain.value() is None else form.stress
            form.show_message(self.tr("Choose a number for pain and for stress first."))
            missing.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        values = form.values()
        editing = self._editing
        try:
            if editing is not None:
                at = form.chosen_datetime() if self._when_touched else editing.at
                entry = editing.replace(at=at, **values)
            else:
                now = self.clock.now()
                at = form.chosen_datetime() if self._when_touched else now
                entry = new_entry(now=now, at=at, **values)
            if self._when_touched and entry.at > self.clock.now() + TYPED_MOMENT_SLACK:
                raise ValidationError(
                    "at", self.tr("lies in the future. Choose a moment up to now.")
                )
        except ValidationError as error:
            self._show_invalid(error)
            return False
        try:
            saved = self.entries.update(entry) if editing else self.entries.add(entry)
        except (StorageWriteError, DataFileError) as error:
            self._show_not_saved(error)
            return False
        except EntryNotFoundError:
            # Deleted meanwhile (another window, the command line): keep what was typed.
            self._editing = None
            self._when_touched = True
            form.set_edit_mode(None)
            form.show_message(
                self.tr(
                    "This entry was deleted in the meantime, so it cannot be changed. "
                    "Everything you typed is still here: Save adds it as a new entry."
                )
            )
            return False
        if editing is not None:
            self.undo_stack.push(EditEntryCommand(self.entries, self, editing, saved))
        else:
            self.undo_stack.push(AddEntryCommand(self.entries, self, saved))
        self._leave_edit_mode()
        self.reload(select_id=saved.id)
        # The Save button is disabled again (the form is empty): without this the keyboard
        # would fall to the next control, "Show all". A new entry starts again at pain; a
        # changed one stays in view in the list, ready for the next arrow key.
        table = self.list.table
        if editing is not None and not table.isHidden() and self.model.row_of(saved.id) >= 0:
            table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            form.pain.setFocus(Qt.FocusReason.OtherFocusReason)
        self.notice.emit(self.tr("Changes saved") if editing else self.tr("Saved"), False)
        self.entrySaved.emit(saved)
        self.entriesChanged.emit()
        return True

    def edit_row(self, row: int) -> None:
        entry = self.model.entry_at(row)
        if entry is not None:
            self.edit(entry)

    def edit(self, entry: DiaryEntry) -> bool:
        """Load `entry` into the form; Save changes it, Cancel or Esc goes back.

        Answers typed but not saved are only replaced after the person agrees: losing
        a half-written note is exactly the kind of small setback this app must avoid.
        """
        if not self._may_drop_typing():
            return False
        self._editing = entry
        self._when_touched = False
        self.form.hide_message()
        self.form.load(entry)
        if self._uses_more_details(entry):
            self.form.show_more(True)
        locale = QLocale()
        day = locale.toString(qdate(entry.day), QLocale.FormatType.LongFormat)
        time = locale.toString(qtime(entry.at), QLocale.FormatType.ShortFormat)
        when = f"{day}, {time}"
        self.form.set_edit_mode(self.tr("Changing the entry of %1").replace("%1", when))
        self._update_save_state()
        self._baseline = self._answers()
        self.form.pain.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _may_drop_typing(self, detail: str | None = None) -> bool:
        """Whether the form may be left: nothing typed, or the person agreed to leave it
        (`detail` says what leaving would do)."""
        return not self.has_unsaved_input() or dialogs.ask_discard_unsaved(self.view, detail)

    def has_unsaved_input(self) -> bool:
        """Whether the form holds answers that differ from what was loaded or cleared,
        its date and time included."""
        return self._answers() != self._baseline

    def cancel_edit(self) -> None:
        """Back to a new entry (Esc, Cancel editing); asks first when changes were typed.

        Nothing typed: no question, so Esc stays the instant way back.
        """
        if self._editing is None:
            return
        if not self._may_drop_typing(self.tr("Leave it and go back to a new entry?")):
            return
        entry_id = self._editing.id
        self._leave_edit_mode()
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.list.select_row(row)
        self.form.pain.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_row(self, row: int) -> None:
        entry = self.model.entry_at(row)
        if entry is not None:
            self.delete(entry, row)

    def delete(self, entry: DiaryEntry, row: int = -1) -> bool:
        """Delete at once (no "are you sure?"): Undo brings it back, which is kinder."""
        try:
            removed = self.entries.delete(entry.id)
        except (StorageWriteError, DataFileError) as error:
            self.change_failed(self.tr("delete entry"), error)
            return False
        except EntryNotFoundError:
            removed = None
        if self._editing is not None and self._editing.id == entry.id:
            self._leave_edit_mode()
        if removed is not None:
            self.undo_stack.push(DeleteEntryCommand(self.entries, self, removed))
        self.reload()
        # Keep the keyboard where it was: on the next entry down, or the one above.
        if row >= 0:
            for candidate in (row, row + 1, row - 1, row - 2):
                if self.model.entry_at(candidate) is not None:
                    self.list.select_row(candidate)
                    break
        # The Delete button (or the row) is gone or disabled now: the keyboard goes to the
        # row chosen instead, not out of the page into the page list, where the next arrow
        # key would switch pages. With no entry left, a new entry is where to go.
        table = self.list.table
        if not table.isHidden() and self.list.selected_row() >= 0:
            table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.form.pain.setFocus(Qt.FocusReason.OtherFocusReason)
        if removed is not None:
            self.notice.emit(self.tr("Entry deleted"), True)
            self.entriesChanged.emit()
        return removed is not None

    def show_all(self) -> None:
        """Forget the date range and tag filter."""
        self._dates_touched = False
        tags = self.list.tag_filter
        tags.blockSignals(True)
        tags.setCurrentIndex(0)
        tags.blockSignals(False)
        self.reload()

    def set_date_range(self, start: date, end: date) -> None:
        """Filter the list to [start, end], as if typed into the date fields."""
        self._set_dates(start, end)
        self._dates_touched = True
        self.reload()

    def focus_first_row(self) -> bool:
        """Put the keyboard on the first entry the list shows (its first session when the
        list has no entry); False, and the focus left alone, when the list is empty.

        For a day opened from an Insights chart: the keyboard was left on the new-entry
        form, seven Tab presses away from the day that was asked for.
        """
        model, table = self.model, self.list.table
        rows = range(model.rowCount())
        entries = [row for row in rows if model.entry_at(row) is not None]
        sessions = [row for row in rows if model.session_at(row) is not None]
        if table.isHidden() or not (entries or sessions):
            return False
        self.list.select_row((entries or sessions)[0])
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- Host for undo commands --------------------------------------------------------------

    def may_change(self, entry_id: str) -> bool:
        """Whether an undo or redo may change `entry_id` now.

        It would take the form out of changing that entry: changes typed there and not
        saved are thrown away only after the person agrees.
        """
        if self._editing is None or self._editing.id != entry_id:
            return True
        return self._may_drop_typing(self.tr("Undo the earlier change and leave it?"))

    def entry_changed(self, entry_id: str, selected: bool) -> None:
        """An undo or redo changed `entry_id`: refresh, and leave a form that edits it."""
        if self._editing is not None and self._editing.id == entry_id:
            self._leave_edit_mode()
        self.reload(select_id=entry_id if selected else None)
        self.entriesChanged.emit()

    def change_failed(self, action: str, error: Exception) -> None:
        self.notice.emit(change_failed_text(action, error), False)

    # -- list --------------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        """Read the entries again with the current filter and refresh everything that shows them."""
        lst = self.list
        start: date | None = None
        end: date | None = None
        if self._dates_touched:
            start, end = to_date(lst.from_date.date()), to_date(lst.to_date.date())
            if start > end:
                start, end = end, start
        tag = lst.tag_filter.currentData() if lst.tag_filter.currentIndex() > 0 else None
        shown = self.entries.list(start, end, tag)
        # Sessions have no tags: a tag filter shows entries only.
        sessions = self.sessions.list(start, end) if self.sessions and tag is None else []
        if sessions and self.program_names is not None:
            # Recorded in the language of their day; read in today's (as the Session page).
            self.program_names.reload()
            sessions = named_as_now(sessions, self.program_names.name)
        self.model.set_entries(shown, sessions, this_year=self.clock.now().year)
        self._refresh_tags(tag)
        if not self._dates_touched:
            today = self.clock.now().date()
            days = [e.day for e in shown]
            self._set_dates(min(days, default=today), max([*days, today]))

        filtered = self._dates_touched or tag is not None
        if shown:
            lst.set_empty_text(None)
        elif filtered:
            lst.set_empty_text(
                self.tr("No entries match these filters. Choose “Show all” to see every entry.")
            )
        else:
            lst.set_empty_text(
                self.tr(
                    "No entries yet. Choose a number for pain and for stress, then Save: "
                    "it takes a few seconds."
                )
            )
        count = len(shown)
        lst.count_label.setText(
            self.tr("1 entry")
            if count == 1
            else self.tr("%1 entries").replace("%1", QLocale().toString(count))
        )
        if select_id is not None:
            row = self.model.row_of(select_id)
            if row >= 0:
                lst.select_row(row)

    def _refresh_tags(self, current: str | None) -> None:
        known = self.entries.known_tags()
        # The signs worth a doctor's look are offered too, so a person who notices one can
        # note it in plain words; saving such an entry brings the safety notice back.
        signs = [tag for tag in RED_FLAG_TAGS[content_language()] if tag not in known]
        self.form.tag_completer.set_tags([*known, *signs])
        self.list.fit_tags_column(list(known))
        combo = self.list.tag_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All tags"), None)
        for tag in sorted(known, key=str.casefold):
            combo.addItem(tag, tag)
        index = combo.findData(current) if current else 0
        if current and index < 0:
            # Keep a filter that no longer matches anything visible rather than jumping.
            combo.addItem(current, current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _set_dates(self, start: date, end: date) -> None:
        for edit, day in ((self.list.from_date, start), (self.list.to_date, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _on_dates_changed(self, _value: QDate) -> None:
        self._dates_touched = True
        self.reload()

    # -- form helpers ------------------------------------------------------------------------

    def _on_when_changed(self) -> None:
        self._when_touched = True

    def _answers(self) -> dict[str, Any]:
        """The form's answers and its date and time: what "unsaved" is measured on."""
        return {**self.form.values(), "at": self.form.when.dateTime()}

    def _refresh_when(self) -> None:
        """A new entry's When shows now, until the person sets it.

        Set when the form was cleared, it would still show yesterday the next morning,
        and a time typed into it ("8:00 this morning") would file the entry on that day.
        """
        if self._editing is not None or self._when_touched:
            return
        self.form.set_datetime(self.clock.now())
        self._baseline["at"] = self.form.when.dateTime()

    def _on_more_toggled(self, shown: bool) -> None:
        if shown:
            self._refresh_when()

    def _on_shown(self) -> None:
        self._refresh_when()
        self.day_watcher.check()

    def _on_day_changed(self, _day: date) -> None:
        self._refresh_when()
        selected = self.model.entry_at(self.list.selected_row())
        self.reload(select_id=None if selected is None else selected.id)

    def _update_save_state(self) -> None:
        complete = self.form.is_complete()
        self.form.save_button.setEnabled(complete)
        self.form.save_hint.setVisible(not complete)
        if complete and not self.form.message.isHidden() and self._message_is_hint:
            self.form.hide_message()

    @property
    def _message_is_hint(self) -> bool:
        return self.form.message.text() == self.tr("Choose a number for pain and for stress first.")

    def _leave_edit_mode(self) -> None:
        self._editing = None
        self._when_touched = False
        self.form.clear(self.clock.now())
        self.form.set_edit_mode(None)
        self._update_save_state()
        self._baseline = self._answers()

    def _show_invalid(self, error: ValidationError) -> None:
        form = self.form
        label = form.field_label(error.field)
        # The core's reasons are English; reason_text has them in the UI's language.
        reason = reason_text(error.message)
        form.show_message(self.tr("%1: %2").replace("%1", label).replace("%2", reason))
        widget = form.field_widget(error.field)
        if widget is None:
            return
        if form.more_panel.isAncestorOf(widget):
            form.show_more(True)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        form.scroll_area.ensureWidgetVisible(widget)

    def _show_not_saved(self, error: Exception) -> None:
        reason = getattr(error, "reason", "") or self.tr("the diary could not be written")
        text = self.tr(
            "Not saved yet: %1. Everything you typed is still here, so you can try again."
        ).replace("%1", reason.rstrip("."))
        self.form.show_message(text)
        self.notice.emit(self.tr("Not saved"), False)

    @staticmethod
    def _uses_more_details(entry: DiaryEntry) -> bool:
        return any(
            (
                entry.worst_pain is not None,
                entry.sleep is not None,
                entry.mood is not None,
                entry.confidence is not None,
                entry.work_demand is not None,
                entry.support is not None,
                entry.activity_min is not None,
                entry.flare_up,
                entry.tags,
                entry.regions,
                entry.medication,
                entry.note,
                entry.for_physio,
            )
        )
