"""Programs page behaviour: library filter and details, programs, progression offer, editors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from html import escape
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QDialog, QListWidgetItem

from rugdiary.core.clock import Clock
from rugdiary.core.content import Library
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Exercise, Group, Level, Text
from rugdiary.core.programs import Program, program_total_s
from rugdiary.core.reminders import ReminderSettings
from rugdiary.core.sessions import (
    LEVEL_MEMORY_DAYS,
    LevelChange,
    LevelSuggestion,
    PainResponse,
    Session,
    StopReason,
    level_to_play,
    session_response,
    suggest_level,
)
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.repositories import EntryNotFoundError
from rugdiary.ui import dialogs
from rugdiary.ui.locale_dates import weekday_day_format
from rugdiary.ui.programs.commands import (
    EntrySource,
    ExerciseStore,
    ProgramStore,
    SessionSource,
    delete_exercise_command,
    delete_program_command,
)
from rugdiary.ui.programs.editor_controller import ProgramEditorController, new_id
from rugdiary.ui.programs.editor_view import ProgramEditorView
from rugdiary.ui.programs.exercise_editor_controller import ExerciseEditorController
from rugdiary.ui.programs.exercise_editor_view import ExerciseEditorView
from rugdiary.ui.programs.items_model import ProgramItemsModel
from rugdiary.ui.programs.library_model import ExerciseFilterModel, ExerciseListModel
from rugdiary.ui.programs.library_view import FIGURE_SIZE, exercise_details_html
from rugdiary.ui.programs.programs_page_view import ProgramsView
from rugdiary.ui.programs.texts import (
    dose_summary,
    duration_text,
    level_name,
    name_order,
    pain_mark,
    reason_text,
)
from rugdiary.ui.programs.thumbnails import ExercisePictures

HISTORY_DAYS = LEVEL_MEMORY_DAYS
"""Sessions read for the pain marks, the level rule (which looks back two weeks at most,
plus the streak at the current level) and the level last played."""
RECENT_SESSIONS = 5
COPY_OF = Text(en="Copy of %1", nl="Kopie van %1")
"""The name of a copy in both languages (like DEFAULT_DESCRIPTION, content, not UI text)."""
ProgramIdRole = Qt.ItemDataRole.UserRole


class ReminderSource(Protocol):
    """The reminder settings (Preferences fits it): a deleted program may still be reminded."""

    def reminders(self) -> ReminderSettings: ...


def reminders_of(settings: ReminderSettings, program_id: str) -> int:
    """How many reminders that are switched on would offer `program_id`."""
    count = sum(1 for r in settings.exercises if r.enabled and r.program_id == program_id)
    breaks = settings.breaks
    return count + (1 if breaks.enabled and breaks.program_id == program_id else 0)


class ProgramsController(QObject):
    """Joins the Programs page to the content, the stores, the clock and the undo stack."""

    startRequested = Signal(object, object)
    """(Program, Level): the person pressed Start; the window shows the player."""

    notice = Signal(str, bool)
    """A short status message, and whether it offers "Undo" (after a delete)."""

    programsChanged = Signal()
    """The own programs, or the own exercises they play, are not what they were: after a
    save, copy, change, delete or import, an undo or redo of these, or a change made
    elsewhere (the command line) that a reload found. Emitted after the page shows the new
    state. The window refreshes Today and the reminders, which offer programs by id."""

    def __init__(
        self,
        view: ProgramsView,
        library_model: ExerciseListModel,
        proxy: ExerciseFilterModel,
        library: Library,
        programs: ProgramStore,
        exercises: ExerciseStore,
        sessions: SessionSource,
        clock: Clock,
        undo_stack: QUndoStack,
        pictures: ExercisePictures,
        lang: str = "en",
        entries: EntrySource | None = None,
        parent: QObject | None = None,
        *,
        reminders: ReminderSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.library_model = library_model
        self.proxy = proxy
        self.library = library
        self.programs = programs
        self.exercises = exercises
        self.sessions = sessions
        self.entries = entries
        self.reminders = reminders
        self.clock = clock
        self.undo_stack = undo_stack
        self.pictures = pictures
        self.lang = lang
        self.program_editor: ProgramEditorController | None = None
        self.exercise_editor: ExerciseEditorController | None = None
        self._own_programs: list[Program] = []
        self._own_exercises: list[Exercise] = []
        self._loaded = False
        self._recent: list[Session] = []
        self._next_day_pain: dict[str, int] = {}
        self._dismissed: set[str] = set()
        self._suggestion: LevelSuggestion | None = None

        lib = view.library
        lib.search.textChanged.connect(self._on_search)
        lib.group_filter.currentIndexChanged.connect(self._on_group)
        lib.list.selectionModel().currentChanged.connect(lambda _c, _p: self._show_exercise())
        lib.new_button.clicked.connect(self.new_exercise)
        lib.edit_button.clicked.connect(self.edit_exercise)
        lib.delete_button.clicked.connect(self.delete_exercise)
        proxy.modelReset.connect(self._update_library_count)
        proxy.layoutChanged.connect(self._update_library_count)
        proxy.rowsInserted.connect(self._update_library_count)
        proxy.rowsRemoved.connect(self._update_library_count)

        progs = view.programs
        progs.list.currentItemChanged.connect(lambda _c, _p: self._show_program())
        progs.level.currentIndexChanged.connect(lambda _i: self._on_level_changed())
        progs.start_button.clicked.connect(self.start)
        progs.accept_button.clicked.connect(self.accept_suggestion)
        progs.dismiss_button.clicked.connect(self.dismiss_suggestion)
        progs.new_button.clicked.connect(self.new_program)
        progs.copy_button.clicked.connect(self.copy_program)
        progs.edit_button.clicked.connect(self.edit_program)
        progs.delete_button.clicked.connect(self.delete_program)
        progs.list.itemActivated.connect(lambda _item: self.start())
        self.delete_program_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), progs.list)
        self.delete_program_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_program_shortcut.activated.connect(self.delete_program)
        self.delete_exercise_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), lib.list)
        self.delete_exercise_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_exercise_shortcut.activated.connect(self.delete_exercise)

        self.reload()

    # -- content -----------------------------------------------------------------------------

    def all_exercises(self) -> dict[str, Exercise]:
        """Built-in and own exercises by id: what the player needs to play a program."""
        return merged_exercises(self.library.exercises, self._own_exercises)

    def all_programs(self) -> list[Program]:
        return [*self.library.programs.values(), *self._own_programs]

    def program(self, program_id: str) -> Program | None:
        for program in self.all_programs():
            if program.id == program_id:
                return program
        return None

    def reload(self, select_program: str | None = None, select_exercise: str | None = None) -> None:
        """Read own content and recent sessions again and refresh both tabs.

        Emits programsChanged when the own programs or exercises differ from those read
        before, so every way they change (this page, Undo, an import) reaches the window.
        """
        current_program = self.selected_program()
        current_exercise = self.selected_exercise()
        exercise_row = self.view.library.list.currentIndex().row()
        before = (self._own_programs, self._own_exercises)
        self._own_programs = self.programs.list()
        self._own_exercises = self.exercises.list()
        changed = self._loaded and before != (self._own_programs, self._own_exercises)
        self._loaded = True
        self._load_sessions()
        order = list(Group)
        by_name = name_order(self.lang)  # accents sort where a reader of the language expects
        exercises = sorted(
            self.all_exercises().values(),
            key=lambda e: (order.index(e.group), by_name(e.name.get(self.lang))),
        )
        self.library_model.set_exercises(exercises)
        exercise_id = select_exercise or (current_exercise.id if current_exercise else None)
        # A removed exercise leaves its neighbour selected, where the person was looking.
        self.select_exercise(exercise_id, fallback_row=exercise_row)
        program_id = select_program or (current_program.id if current_program else None)
        self._fill_programs(program_id)
        if changed:
            self.programsChanged.emit()

    def _load_sessions(self) -> None:
        today = self.clock.now().date()
        start = today - timedelta(days=HISTORY_DAYS)
        self._recent = self.sessions.list(start, today)
        self._next_day_pain = {}
        if self.entries is None or not self._recent:
            return
        # The first diary entry on the day after a session tells whether the pain settled.
        first_pain: dict[date, tuple[datetime, int]] = {}
        for entry in self.entries.list(start + timedelta(days=1), today + timedelta(days=1)):
            known = first_pain.get(entry.day)
            if known is None or entry.at < known[0]:
                first_pain[entry.day] = (entry.at, entry.pain)
        for session in self._recent:
            day = session.started_at.astimezone().date() + timedelta(days=1)
            if day in first_pain:
                self._next_day_pain[session.id] = first_pain[day][1]

    # -- programs tab ------------------------------------------------------------------------

    def _fill_programs(self, select_id: str | None) -> None:
        widget = self.view.programs.list
        widget.blockSignals(True)
        widget.clear()
        exercises = self.all_exercises()
        for program in self.all_programs():
            level = self.current_level(program)
            try:
                length = duration_text(program_total_s(program, exercises, level))
            except ValidationError:
                length = QCoreApplication.translate(
                    "Programs", "cannot start: an exercise is missing"
                )
            frequency = program.frequency.get(self.lang)
            facts = (
                QCoreApplication.translate("Programs", "%1 · %2")
                .replace("%1", length)
                .replace("%2", frequency)
            )
            if not program.builtin:
                facts = QCoreApplication.translate("Programs", "%1 · your own").replace("%1", facts)
            name = program.name.get(self.lang)
            item = QListWidgetItem(f"{name}\n{facts}", widget)
            item.setData(ProgramIdRole, program.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {facts}")
        row = 0
        for i in range(widget.count()):
            if widget.item(i).data(ProgramIdRole) == select_id:
                row = i
        if widget.count():
            widget.setCurrentRow(row)
        widget.blockSignals(False)
        # Shown once, here: setCurrentRow's signal showed it too, and the second time threw
        # away session rows made a moment before, which flashed up as windows of their own.
        self._show_program()

    def selected_program(self) -> Program | None:
        item = self.view.programs.list.currentItem()
        return self.program(item.data(ProgramIdRole)) if item is not None else None

    def select_program(self, program_id: str) -> bool:
        widget = self.view.programs.list
        for i in range(widget.count()):
            if widget.item(i).data(ProgramIdRole) == program_id:
                widget.setCurrentRow(i)
                return True
        return False

    def sessions_of(self, program: Program) -> list[Session]:
        """This program's recent sessions, newest first."""
        return [s for s in self._recent if s.program_id == program.id]

    def current_level(self, program: Program) -> Level:
        """The level last played, else the program's own: where the person actually is."""
        return level_to_play(program.id, program.level, self._recent, self.clock.now())

    def suggestion(self, program: Program) -> LevelSuggestion:
        return suggest_level(
            self._recent,
            program_id=program.id,
            level=self.current_level(program),
            sessions_per_week=program.sessions_per_week,
            now=self.clock.now(),
            next_day_pain=self._next_day_pain,
        )

    def _show_program(self) -> None:
        view = self.view.programs
        program = self.selected_program()
        own = program is not None and not program.builtin
        view.copy_button.setEnabled(program is not None)
        view.edit_button.setEnabled(own)
        view.delete_button.setEnabled(own)
        # Why Change and Delete are grey: said where the pointer rests on them.
        why = (
            QCoreApplication.translate(
                "Programs", "Built-in programs stay as they are. Copy one to make your own."
            )
            if program is not None and not own
            else ""
        )
        view.edit_button.setToolTip(why)
        view.delete_button.setToolTip(why)
        view.details.setEnabled(program is not None)
        if program is None:
            view.title.setText(QCoreApplication.translate("Programs", "No program chosen"))
            for label in (view.description, view.facts, view.items):
                label.clear()
            view.offer.setVisible(False)
            view.set_session_rows([])
            view.start_button.setEnabled(False)
            return
        view.title.setText(program.name.get(self.lang))
        description = program.description.get(self.lang)
        if program.note is not None:
            description += "\n\n" + QCoreApplication.translate(
                "Programs", "From your physiotherapist: %1"
            ).replace("%1", program.note.get(self.lang))
        view.description.setText(description)
        view.level.blockSignals(True)
        view.set_level(self.current_level(program))
        view.level.blockSignals(False)
        self._show_sessions(program)
        self._suggestion = self.suggestion(program)
        self._on_level_changed()

    def _on_level_changed(self) -> None:
        """Duration, doses and the offer follow the chosen level."""
        view = self.view.programs
        program = self.selected_program()
        if program is None:
            return
        level = view.chosen_level()
        exercises = self.all_exercises()
        try:
            total = program_total_s(program, exercises, level)
        except ValidationError:
            total = None
        length = (
            QCoreApplication.translate("Programs", "%1 at the %2 level")
            .replace("%1", duration_text(total))
            .replace("%2", level_name(level))
            if total is not None
            else QCoreApplication.translate("Programs", "cannot be worked out")
        )
        view.facts.setText(
            QCoreApplication.translate("Programs", "%1 · %2")
            .replace("%1", length)
            .replace("%2", program.frequency.get(self.lang))
        )
        rows = []
        missing: list[str] = []
        for item in program.items:
            exercise = exercises.get(item.exercise_id)
            if exercise is None:
                missing.append(item.exercise_id)
                continue
            try:
                dose = dose_summary(item.dose(exercise, level))
            except ValidationError:
                dose = ""
            rows.append(
                f"<li><b>{escape(exercise.name.get(self.lang))}</b>"
                f"<br><span>{escape(dose)}</span></li>"
            )
        view.items.setText(f"<ol style='margin-left:0'>{''.join(rows)}</ol>")
        view.problem.setVisible(bool(missing))
        if missing:
            view.problem.setText(
                QCoreApplication.translate(
                    "Programs",
                    "This program uses an exercise that is no longer in the library (%1). "
                    "Change the program to remove it, or undo the delete.",
                ).replace("%1", ", ".join(missing))
            )
        view.start_button.setEnabled(total is not None)
        self._show_offer(program)

    def _show_sessions(self, program: Program) -> None:
        view = self.view.programs
        locale = QLocale()
        rows = []
        mine = self.sessions_of(program)[:RECENT_SESSIONS]
        for session in mine:
            local = session.started_at.astimezone()
            when = locale.toString(
                QDate(local.year, local.month, local.day), weekday_day_format(locale)
            )
            response = session_response(session, self._next_day_pain.get(session.id))
            mark = pain_mark(response) if response is not None else None
            if session.pain_before is not None and session.pain_after is not None:
                detail = (
                    QCoreApplication.translate("Programs", "pain %1 → %2")
                    .replace("%1", str(session.pain_before))
                    .replace("%2", str(session.pain_after))
                )
            elif session.pain_after is not None:
                detail = QCoreApplication.translate("Programs", "pain afterwards %1").replace(
                    "%1", str(session.pain_after)
                )
            else:
                detail = QCoreApplication.translate("Programs", "no pain score afterwards")
            if session.partly_done:
                # Played to the end with much of it skipped (core/player.py): not stopped.
                detail += QCoreApplication.translate("Programs", " · partly done")
            elif not session.completed:
                detail += QCoreApplication.translate("Programs", " · stopped early")
            detail += f" · {level_name(session.level)}"
            rows.append(view.make_session_row(when, mark, detail))
        view.set_session_rows(rows)
        if not mine:
            view.sessions_hint.setText(
                QCoreApplication.translate(
                    "Programs",
                    "No sessions yet. After each session you will see "
                    "here how your pain responded.",
                )
            )
            return
        legend = "\n".join(
            f"{pain_mark(r).symbol} {pain_mark(r).word}: {pain_mark(r).meaning}"
            for r in PainResponse
        )
        # The newest session with a pain score decides; a skipped question says nothing.
        scored = [s for s in mine if s.pain_after is not None or s.stopped_reason]
        newest = scored[0] if scored else None
        latest = session_response(newest, self._next_day_pain.get(newest.id)) if newest else None
        stopped_for_pain = newest is not None and newest.stopped_reason is StopReason.PAIN
        if latest is PainResponse.RED or stopped_for_pain:
            legend = (
                QCoreApplication.translate(
                    "Programs",
                    "Last time the pain went up more than usual. Next time you could use a "
                    "lighter level, or do about a quarter fewer reps and shorter holds. "
                    "Keep moving: that helps more than resting.",
                )
                + "\n"
                + legend
            )
        view.sessions_hint.setText(legend)

    def _show_offer(self, program: Program) -> None:
        view = self.view.programs
        suggestion = self._suggestion
        shown = (
            suggestion is not None
            and suggestion.change is not LevelChange.STAY
            and suggestion.level is not view.chosen_level()
            and program.id not in self._dismissed
        )
        view.offer.setVisible(shown)
        if not shown or suggestion is None:
            return
        level = level_name(suggestion.level)
        if suggestion.change is LevelChange.UP:
            reasons = ", ".join(reason_text(code) for code in suggestion.reasons)
            offer = QCoreApplication.translate("Programs", "You could try the %1 level.")
            text = (
                f"<b>{escape(offer.replace('%1', level))}</b><br>"
                + escape(
                    QCoreApplication.translate("Programs", "In the last two weeks: %1.").replace(
                        "%1", reasons
                    )
                )
                + "<br>"
                + escape(
                    QCoreApplication.translate(
                        "Programs", "It is an offer: you decide when you are ready."
                    )
                )
            )
        else:
            offer = QCoreApplication.translate(
                "Programs", "You could use the %1 level for a while."
            )
            text = f"<b>{escape(offer.replace('%1', level))}</b><br>" + escape(
                QCoreApplication.translate(
                    "Programs",
                    "%1 sessions in the last week had a “go lighter” pain response. "
                    "Keep moving: a lighter level for a few sessions is enough, "
                    "then build up again.",
                ).replace("%1", str(len(suggestion.reasons)))
            )
        view.offer_text.setText(text)
        view.accept_button.setText(
            QCoreApplication.translate("Programs", "Use the %1 level").replace("%1", level)
        )

    def offered_level(self) -> Level | None:
        """The level on offer right now, or None when nothing is offered."""
        if self.view.programs.offer.isHidden() or self._suggestion is None:
            return None
        return self._suggestion.level

    def accept_suggestion(self) -> None:
        """Choose the offered level; nothing changes until the person presses this."""
        level = self.offered_level()
        if level is None:
            return
        self.view.programs.set_level(level)
        text = QCoreApplication.translate(
            "Programs", "The %1 level is chosen. Start when you are ready."
        )
        self.notice.emit(text.replace("%1", level_name(level)), False)

    def dismiss_suggestion(self) -> None:
        program = self.selected_program()
        if program is not None:
            self._dismissed.add(program.id)
            self.view.programs.offer.setVisible(False)

    def start(self) -> bool:
        """Ask the window to play the chosen program at the chosen level."""
        program = self.selected_program()
        if program is None:
            return False
        level = self.view.programs.chosen_level()
        try:
            program_total_s(program, self.all_exercises(), level)
        except ValidationError:
            return False
        self.startRequested.emit(program, level)
        return True

    # -- program editor ----------------------------------------------------------------------

    def _open_program_editor(
        self, program: Program | None, is_new: bool
    ) -> ProgramEditorController:
        exercises = self.all_exercises()
        model = ProgramItemsModel(exercises, lang=self.lang)
        dialog = ProgramEditorView(model, self.view)
        model.setParent(dialog)
        editor = ProgramEditorController(
            dialog,
            model,
            self.programs,
            exercises,
            self.lang,
            program,
            is_new=is_new,
            parent=dialog,
        )
        editor.saved.connect(self._on_program_saved)
        dialog.finished.connect(lambda _r: self._editor_closed(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.program_editor = editor
        dialog.open()
        return editor

    def _editor_closed(self, dialog: QDialog) -> None:
        if self.program_editor is not None and self.program_editor.view is dialog:
            self.program_editor = None
        if self.exercise_editor is not None and self.exercise_editor.view is dialog:
            self.exercise_editor = None

    def new_program(self) -> ProgramEditorController:
        return self._open_program_editor(None, is_new=True)

    def copy_program(self) -> ProgramEditorController | None:
        """Built-in programs are copied, never changed in place; own ones can be copied too."""
        program = self.selected_program()
        if program is None:
            return None
        # Content text, not UI text: each language gets its own words, whatever the UI shows.
        name = Text(
            en=COPY_OF.en.replace("%1", program.name.en),
            nl=COPY_OF.nl.replace("%1", program.name.nl),
        )
        draft = replace(program, id=new_id(program.name.en), name=name, builtin=False)
        return self._open_program_editor(draft, is_new=True)

    def edit_program(self) -> ProgramEditorController | None:
        program = self.selected_program()
        if program is None:
            return None
        if program.builtin:
            return self.copy_program()
        return self._open_program_editor(program, is_new=False)

    def _on_program_saved(self, program: Program) -> None:
        self.reload(select_program=program.id)
        self.notice.emit(QCoreApplication.translate("Programs", "Program saved"), False)

    def delete_program(self) -> bool:
        """Delete an own program at once: Undo (Ctrl+Z) brings it back, which is kinder."""
        program = self.selected_program()
        if program is None or program.builtin:
            return False
        row = self.view.programs.list.currentRow()
        try:
            removed = self.programs.delete(program.id)
        except (StorageWriteError, DataFileError) as error:
            self.change_failed(QCoreApplication.translate("Programs", "delete the program"), error)
            return False
        except EntryNotFoundError:
            self.reload()
            return False
        self.undo_stack.push(delete_program_command(self.programs, self, removed))
        reminded = self._reminders_of(program.id)
        self.reload()
        widget = self.view.programs.list
        if widget.count():
            widget.setCurrentRow(min(row, widget.count() - 1))
        # The Delete button is gone grey when a built-in program is chosen now: the keyboard
        # stays on the list (as in the Diary), not wherever Qt would move it.
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        text = QCoreApplication.translate("Programs", "Program deleted")
        if reminded:
            text = QCoreApplication.translate(
                "Programs",
                "Program deleted. A reminder still offers it: choose another program for "
                "it in Settings, or undo.",
            )
        self.notice.emit(text, True)
        return True

    def _reminders_of(self, program_id: str) -> int:
        """Reminders that offer `program_id`; 0 when the page was given no reminder settings."""
        if self.reminders is None:
            return 0
        return reminders_of(self.reminders.reminders(), program_id)

    # -- library tab -------------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _on_group(self, _index: int) -> None:
        value = self.view.library.group_filter.currentData()
        self.proxy.set_group(Group(value) if value else None)
        self._after_filter()

    def _after_filter(self) -> None:
        lst = self.view.library.list
        if not lst.currentIndex().isValid() and self.proxy.rowCount():
            lst.setCurrentIndex(self.proxy.index(0, 0))
        self._update_library_count()
        self._show_exercise()

    def _update_library_count(self) -> None:
        lib = self.view.library
        shown = self.proxy.rowCount()
        total = self.library_model.rowCount()
        lib.empty_label.setVisible(shown == 0)
        lib.count_label.setText(
            QCoreApplication.translate("Programs", "%1 of %2 exercises")
            .replace("%1", str(shown))
            .replace("%2", str(total))
        )

    def selected_exercise(self) -> Exercise | None:
        index = self.view.library.list.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.library_model.exercise_at(source.row())

    def select_exercise(self, exercise_id: str | None, *, fallback_row: int = 0) -> bool:
        """Select and show an exercise, clearing the search and group if they hide it.

        When it is not in the library (deleted), the row `fallback_row` (or the last)
        is selected instead; returns whether the exercise itself is selected.
        """
        lst = self.view.library.list
        row = self.library_model.row_of(exercise_id) if exercise_id else -1
        source = self.library_model.index(row, 0) if row >= 0 else None
        if source is not None and not self.proxy.mapFromSource(source).isValid():
            # Just saved or brought back, yet filtered out: show it rather than hide it.
            self._clear_filters()
        index = self.proxy.mapFromSource(source) if source is not None else None
        if index is None or not index.isValid():
            count = self.proxy.rowCount()
            if count:
                lst.setCurrentIndex(self.proxy.index(max(0, min(fallback_row, count - 1)), 0))
                lst.scrollTo(lst.currentIndex())
            self._show_exercise()
            return False
        lst.setCurrentIndex(index)
        lst.scrollTo(index)
        self._show_exercise()
        return True

    def _clear_filters(self) -> None:
        lib = self.view.library
        for widget in (lib.search, lib.group_filter):
            widget.blockSignals(True)
        lib.search.clear()
        lib.group_filter.setCurrentIndex(0)
        for widget in (lib.search, lib.group_filter):
            widget.blockSignals(False)
        self.proxy.set_search("")
        self.proxy.set_group(None)

    def _show_exercise(self) -> None:
        lib = self.view.library
        exercise = self.selected_exercise()
        own = exercise is not None and not exercise.builtin
        lib.edit_button.setEnabled(own)
        lib.delete_button.setEnabled(own)
        why = (
            QCoreApplication.translate(
                "Programs",
                "Built-in exercises stay as they are; you can add exercises of your own.",
            )
            if exercise is not None and not own
            else ""
        )
        lib.edit_button.setToolTip(why)
        lib.delete_button.setToolTip(why)
        self._update_library_count()
        if exercise is None:
            lib.show_exercise(None, None)
            return
        ratio = lib.devicePixelRatioF()
        picture = self.pictures.pixmap(exercise, FIGURE_SIZE, ratio)
        lib.show_exercise(exercise_details_html(exercise, self.lang), picture)

    def _open_exercise_editor(self, exercise: Exercise | None) -> ExerciseEditorController:
        dialog = ExerciseEditorView(self.view)
        editor = ExerciseEditorController(
            dialog,
            self.exercises,
            self.pictures,
            self.lang,
            exercise,
            figures=self.library.exercises,
            parent=dialog,
        )
        editor.saved.connect(self._on_exercise_saved)
        dialog.finished.connect(lambda _r: self._editor_closed(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.exercise_editor = editor
        dialog.open()
        return editor

    def new_exercise(self) -> ExerciseEditorController:
        return self._open_exercise_editor(None)

    def edit_exercise(self) -> ExerciseEditorController | None:
        exercise = self.selected_exercise()
        if exercise is None or exercise.builtin:
            return None
        return self._open_exercise_editor(exercise)

    def _on_exercise_saved(self, exercise: Exercise) -> None:
        self.reload(select_exercise=exercise.id)
        self.notice.emit(QCoreApplication.translate("Programs", "Exercise saved"), False)

    def programs_using(self, exercise_id: str) -> list[Program]:
        return [p for p in self._own_programs if any(i.exercise_id == exercise_id for i in p.items)]

    def delete_exercise(self) -> bool:
        """Delete an own exercise with undo; asks first only when programs still use it."""
        exercise = self.selected_exercise()
        if exercise is None or exercise.builtin:
            return False
        users = [p.name.get(self.lang) for p in self.programs_using(exercise.id)]
        if users and not dialogs.ask_delete_used_exercise(
            self.view, exercise.name.get(self.lang), users
        ):
            return False
        try:
            removed = self.exercises.delete(exercise.id)
        except (StorageWriteError, DataFileError) as error:
            self.change_failed(QCoreApplication.translate("Programs", "delete the exercise"), error)
            return False
        except EntryNotFoundError:
            self.reload()
            return False
        # The picture file stays, so Undo brings the exercise back whole.
        self.undo_stack.push(delete_exercise_command(self.exercises, self, removed))
        self.reload()
        # As after deleting a program: the keyboard stays on the list, on the neighbour.
        self.view.library.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.notice.emit(QCoreApplication.translate("Programs", "Exercise deleted"), True)
        return True

    # -- Host for undo commands --------------------------------------------------------------

    def content_changed(self, item_id: str) -> None:
        """An undo or redo changed a program or exercise: show it again (selected if there)."""
        is_program = any(p.id == item_id for p in self.programs.list())
        is_exercise = any(e.id == item_id for e in self.exercises.list())
        self.reload(
            select_program=item_id if is_program else None,
            select_exercise=item_id if is_exercise else None,
        )

    def change_failed(self, action: str, error: Exception) -> None:
        reason = getattr(error, "reason", None) or QCoreApplication.translate(
            "Programs", "your diary could not be written"
        )
        if isinstance(error, EntryNotFoundError):
            reason = QCoreApplication.translate("Programs", "it no longer exists")
        self.notice.emit(
            QCoreApplication.translate("Programs", "Could not %1: %2. Nothing else changed.")
            .replace("%1", action)
            .replace("%2", str(reason).rstrip(".")),
            False,
        )


def merged_exercises(
    library: Mapping[str, Exercise], own: Sequence[Exercise]
) -> dict[str, Exercise]:
    """Built-in plus own exercises by id (own ones cannot shadow built-in ids: theirs differ)."""
    merged = dict(library)
    merged.update({e.id: e for e in own})
    return merged
