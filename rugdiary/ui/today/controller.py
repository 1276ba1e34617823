"""Today page behaviour: the quick entry, and reading the week's picture from the stores."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import QApplication

from rugdiary.core.clock import Clock
from rugdiary.core.diary import DiaryEntry, ValidationError, new_entry
from rugdiary.core.reminders import ReminderSettings, ReminderState
from rugdiary.core.tips import tip_text
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.repositories import REMINDER_STATE_KEY
from rugdiary.ui.diary.commands import AddEntryCommand, change_failed_text
from rugdiary.ui.locale_dates import day_text, weekday_day_format
from rugdiary.ui.today.data import (
    NextProgram,
    ProgramCatalog,
    SessionHistory,
    SessionSource,
    last_days,
    reminder_counts,
    week_plan,
    week_start,
)
from rugdiary.ui.today.day_watcher import DayWatcher
from rugdiary.ui.today.today_view import TodayView

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from rugdiary.core.sessions import Session
    from rugdiary.core.sitting import SittingDay
    from rugdiary.ui.activities.stores import ActivityStores

REMINDERS_KEY = "reminders"
"""Where ui/reminders.py keeps the reminder settings and state in the `settings` table."""


class EntryStore(Protocol):
    """What the page needs of the diary (EntryRepository satisfies it).

    `delete` and `restore` are for undo and redo of a quick entry (ui/diary/commands.py).
    """

    def add(self, entry: DiaryEntry) -> DiaryEntry: ...

    def delete(self, entry_id: str) -> DiaryEntry: ...

    def restore(self, entry: DiaryEntry) -> None: ...

    def list(
        self, start: date | None = None, end: date | None = None, tag: str | None = None
    ) -> list[DiaryEntry]: ...


class SettingsSource(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...


class SittingSource(Protocol):
    """Per-day sitting figures (SittingRepository satisfies it)."""

    def list(self, start: date | None = None, end: date | None = None) -> list[SittingDay]: ...


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qtime(at: datetime) -> QTime:
    return QTime(at.hour, at.minute)


class TodayController(QObject):
    """Joins the Today view to the diary, the sessions, the reminder state and the clock.

    Everything is read again in `refresh`, which the main window calls when data changes
    elsewhere (an entry saved on the Diary page, a finished session, a reminder answered).
    Values typed into the quick entry survive a refresh: only saving clears them.
    """

    entrySaved = Signal(object)
    """A DiaryEntry was saved here; the Diary page and the reminders want to know."""

    startProgramRequested = Signal(str)
    """The program id whose Start button was pressed; the window opens the player."""

    notice = Signal(str, bool)
    """A short status message, and whether it offers "Undo" (never, here)."""

    activitiesRequested = Signal()
    """"Score my activities" (or "My activities") was pressed; the window opens the dialog."""

    entriesChanged = Signal()
    """Undo or redo took away or brought back an entry saved here: other pages refresh."""

    def __init__(
        self,
        view: TodayView,
        entries: EntryStore,
        sessions: SessionSource,
        settings: SettingsSource,
        catalog: ProgramCatalog,
        clock: Clock,
        lang: str = "en",
        parent: QObject | None = None,
        *,
        sitting: SittingSource | None = None,
        activities: ActivityStores | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.undo_stack = undo_stack
        """The window's stack: Ctrl+Z after a quick entry takes that entry back."""
        self.sitting = sitting
        self.activities = activities
        self.quick = view.quick
        self.entries = entries
        self.sessions = sessions
        self.settings = settings
        self.catalog = catalog
        self.clock = clock
        self.lang = lang
        self._day: date | None = None
        self._adding_another = False
        self._offered: NextProgram | None = None

        quick = self.quick
        quick.pain.valueChanged.connect(self._update_save_state)
        quick.stress.valueChanged.connect(self._update_save_state)
        quick.save_button.clicked.connect(self.save)
        for shortcut in (quick.save_shortcut, quick.return_shortcut, quick.enter_shortcut):
            shortcut.activated.connect(self.save)
        view.add_another_button.clicked.connect(self.add_another)
        view.start_button.clicked.connect(self.start)
        view.activities_line.button.clicked.connect(self.activitiesRequested)
        view.shown.connect(self._on_shown)
        # The app may stay open overnight: Today moves on to the new day by itself.
        self.day_watcher = DayWatcher(clock, self)
        self.day_watcher.dayChanged.connect(self._on_shown)

        self._update_save_state()
        self.refresh()

    # -- actions -------------------------------------------------------------------------

    @Slot()
    def save(self) -> bool:
        """Save pain and stress as an entry stamped now; True when it was saved."""
        quick = self.quick
        if not quick.is_complete():
            missing = quick.pain if quick.pain.value() is None else quick.stress
            quick.show_message(self.tr("Choose a number for pain and for stress first."))
            missing.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        pain, stress = quick.values()
        try:
            entry = new_entry(
                now=self.clock.now(), pain=pain, stress=stress, regions=quick.regions.regions()
            )
            saved = self.entries.add(entry)
        except ValidationError as error:
            quick.show_message(
                self.tr("Not saved: %1").replace("%1", f"{error.field}: {error.message}")
            )
            return False
        except (StorageWriteError, DataFileError) as error:
            reason = getattr(error, "reason", "") or self.tr("the diary could not be written")
            quick.show_message(
                self.tr(
                    "Not saved yet: %1. Your numbers are still here, so you can try again."
                ).replace("%1", reason.rstrip("."))
            )
            self.notice.emit(self.tr("Not saved"), False)
            return False
        if self.undo_stack is not None:
            # On the window's one stack, as the Diary page's saves: Ctrl+Z right after a
            # quick entry takes that entry back, not an older change made elsewhere.
            self.undo_stack.push(AddEntryCommand(self.entries, self, saved))
        quick.clear()
        self._adding_another = False
        self.refresh()
        self.view.add_another_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.notice.emit(self.tr("Saved"), False)
        self.entrySaved.emit(saved)
        return True

    def has_unsaved_input(self) -> bool:
        """Whether the quick entry holds answers not saved yet (asked about on quit)."""
        quick = self.quick
        return (
            quick.pain.value() is not None
            or quick.stress.value() is not None
            or bool(quick.regions.regions())
        )

    @Slot()
    def add_another(self) -> None:
        """Show the quick entry again for a second note today (e.g. after a walk)."""
        self._adding_another = True
        self.view.entry_intro.setText(self.tr("Another note for today: how are you now?"))
        self.view.show_logged(False)
        self.quick.pain.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def focus_entry(self) -> None:
        """Bring the keyboard to the quick entry (the diary reminder's "Do it now")."""
        if self.view.is_logged_shown():
            self.add_another()
        else:
            self.quick.pain.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def start(self) -> None:
        if self._offered is not None:
            self.startProgramRequested.emit(self._offered.program_id)

    @property
    def offered(self) -> NextProgram | None:
        """The program behind the Start button."""
        return self._offered

    # -- reading -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read everything again and update every card."""
        now = self.clock.now()
        today = now.date()
        if self._day != today:
            # A new day: yesterday's "Add another" no longer applies.
            self._adding_another = False
            self._day = today
        self.catalog.reload()
        locale = QLocale()
        self.view.date_label.setText(locale.toString(_qdate(today), QLocale.FormatType.LongFormat))

        week = self.entries.list(today - timedelta(days=6), today)
        self._show_entry_state([e for e in week if e.day == today])
        self._show_chart(week, today)
        self._show_regions(week, today)

        reminder_settings, reminder_state = self._reminders()
        # Recent sessions first: a ten-year diary holds thousands, and the offer only
        # needs the latest one whose program still exists.
        history = SessionHistory(self.sessions, today)
        self._show_program(reminder_settings, history, now)
        self._show_week(reminder_settings, reminder_state, history.recent, today)
        self._show_sitting(today)
        self._show_activities(today)
        self.view.tip_label.setText(tip_text(today, self.lang))

    def _on_shown(self, *_day: date) -> None:
        # The app may have stayed open overnight: reopening the page, or the day watcher
        # at midnight, shows the new day.
        if self._day != self.clock.now().date():
            self.refresh()

    # -- Host for undo commands (ui/diary/commands.py) -------------------------------------

    def may_change(self, _entry_id: str) -> bool:
        """Undoing a quick entry throws nothing typed away: the numbers being typed stay."""
        return True

    def entry_changed(self, _entry_id: str, _selected: bool) -> None:
        """An undo or redo took away or brought back an entry saved here."""
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.view.isAncestorOf(focus)
        self.refresh()
        focus = QApplication.focusWidget()
        if had_focus and (focus is None or not self.view.isAncestorOf(focus)):
            # "Add another" went with the entry: the keyboard stays on the page, not in
            # the page list, where the next arrow key would switch pages.
            shown = self.view.is_logged_shown()
            target = self.view.add_another_button if shown else self.quick.pain
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.entriesChanged.emit()

    def change_failed(self, action: str, error: Exception) -> None:
        self.notice.emit(change_failed_text(action, error), False)

    def _show_entry_state(self, today_entries: list[DiaryEntry]) -> None:
        view = self.view
        if not today_entries or self._adding_another:
            if not today_entries:
                view.entry_intro.setText(
                    self.tr(
                        "Nothing noted yet today. Two numbers are enough: "
                        "how much pain, how much stress?"
                    )
                )
            view.show_logged(False)
            return
        latest = max(today_entries, key=lambda e: e.at)
        time = QLocale().toString(_qtime(latest.at), QLocale.FormatType.ShortFormat)
        view.logged_values.setText(
            self.tr("Pain %1 · Stress %2, at %3")
            .replace("%1", str(latest.pain))
            .replace("%2", str(latest.stress))
            .replace("%3", time)
        )
        count = len(today_entries)
        view.logged_detail.setText(
            self.tr("Thank you for noting it.")
            if count == 1
            else self.tr("%1 notes today; this is the latest.").replace("%1", str(count))
        )
        view.show_logged(True)

    def _show_chart(self, week: list[DiaryEntry], today: date) -> None:
        days = last_days(week, today)
        self.view.sparkline.set_days(days, today)
        self.view.sparkline.setToolTip(self.view.sparkline.describe())
        logged = sum(1 for d in days if d.pain is not None)
        if logged == 0:
            text = self.tr("Your notes of the coming days will show here as two small lines.")
        else:
            text = self.tr("Noted on %1 of the last %2 days.").replace("%1", str(logged))
            text = text.replace("%2", str(len(days)))
        self.view.chart_note.setText(text)

    def _show_program(
        self, settings: ReminderSettings, history: SessionHistory, now: datetime
    ) -> None:
        view = self.view

        def exists(program_id: str) -> bool:
            return self.catalog.get(program_id) is not None

        offered = history.next_program(settings, now, exists)
        self._offered = offered
        program = self.catalog.get(offered.program_id)
        if program is None:
            # Only when even the built-in default is missing (a broken installation).
            view.program_card.setVisible(False)
            return
        view.program_card.setVisible(True)
        name = program.name.get(self.lang)
        view.program_name.setText(name)
        locale = QLocale()
        parts: list[str] = []
        if offered.planned_at is not None:
            at = offered.planned_at
            time = locale.toString(_qtime(at), QLocale.FormatType.ShortFormat)
            if at.date() == now.date():
                parts.append(self.tr("Planned for today at %1").replace("%1", time))
            else:
                day = locale.dayName(_qdate(at.date()).dayOfWeek(), QLocale.FormatType.LongFormat)
                parts.append(self.tr("Planned for %1 at %2").replace("%1", day).replace("%2", time))
        elif offered.last_played is not None:
            played = offered.last_played.date()
            if played == now.date():
                parts.append(self.tr("Last played today"))
            elif played == now.date() - timedelta(days=1):
                parts.append(self.tr("Last played yesterday"))
            else:
                # As the diary writes days ("Fri, 4 Dec"), not as digits ("04/12/2026")
                if played.year == now.year:
                    when = locale.toString(_qdate(played), weekday_day_format(locale))
                else:
                    when = day_text(played, locale, short_month=True)
                parts.append(self.tr("Last played on %1").replace("%1", when))
        else:
            parts.append(self.tr("A gentle way to get moving"))
        total = self.catalog.total_s(program, history.level_to_play(program, now))
        if total is not None:
            minutes = max(1, round(total / 60))
            # Non-breaking spaces: "about 16 min" must not wrap after "about".
            duration = self.tr("about %1 min").replace("%1", str(minutes))
            parts.append(duration.replace(" ", "\u00a0"))
        view.program_detail.setText(" · ".join(parts))
        view.start_button.setAccessibleName(self.tr("Start %1").replace("%1", name))
        view.start_button.setToolTip(self.tr("Start %1").replace("%1", name))

    def _show_week(
        self,
        settings: ReminderSettings,
        state: ReminderState,
        sessions: list[Session],
        today: date,
    ) -> None:
        view = self.view
        plan = week_plan(settings, sessions, today)
        if plan.planned:
            text = (
                self.tr("%1 of 1 planned session this week").replace("%1", str(plan.done))
                if plan.planned == 1
                else self.tr("%1 of %2 planned sessions this week")
                .replace("%1", str(plan.done))
                .replace("%2", str(plan.planned))
            )
            if plan.other:
                text += " · " + (
                    self.tr("1 other session")
                    if plan.other == 1
                    else self.tr("%1 other sessions").replace("%1", str(plan.other))
                )
        elif plan.done == 0:
            text = self.tr("No sessions yet this week.")
        elif plan.done == 1:
            text = self.tr("1 session this week")
        else:
            text = self.tr("%1 sessions this week").replace("%1", str(plan.done))
        view.sessions_label.setText(text)
        program = None if self._offered is None else self.catalog.get(self._offered.program_id)
        suggestion = ""
        if not plan.planned and program is not None:
            suggestion = (
                self.tr("Suggested for %1: %2")
                .replace("%1", program.name.get(self.lang))
                .replace("%2", program.frequency.get(self.lang).lower())
            )
        view.plan_label.setText(suggestion)
        view.plan_label.setVisible(bool(suggestion))
        counts = reminder_counts(state, today)
        if counts.total == 0:
            view.reminders_label.setText(
                self.tr("No reminders answered yet this week.")
                if settings.any_enabled
                else self.tr("Reminders are off. You can turn them on in Settings.")
            )
        else:
            view.reminders_label.setText(
                self.tr("Reminders: %1 done · %2 snoozed · %3 skipped")
                .replace("%1", str(counts.done))
                .replace("%2", str(counts.snoozed))
                .replace("%3", str(counts.skipped))
            )

    def _show_sitting(self, today: date) -> None:
        """This week's sitting per day: time at the computer, longest stretch, breaks."""
        days = [] if self.sitting is None else self.sitting.list(week_start(today), today)
        days = [d for d in days if d.active_s or d.taken or d.skipped or d.natural]
        locale = QLocale()
        rows = [
            [
                locale.dayName(d.day.isoweekday(), QLocale.FormatType.ShortFormat),
                self._duration(d.active_min),
                self._duration(d.longest_min),
                str(d.taken),
                str(d.skipped),
                str(d.natural),
            ]
            for d in days
        ]
        headings = [
            self.tr("Day"),
            self.tr("Sitting"),
            self.tr("Longest"),
            self.tr("Taken"),
            self.tr("Skipped"),
            self.tr("Natural"),
        ]
        self.view.show_sitting(self.tr("Sitting and movement breaks this week:"), headings, rows)

    def _show_regions(self, week: list[DiaryEntry], today: date) -> None:
        """Where it hurt in the last 7 days, most often first, as the body map marked it."""
        from rugdiary.core.body_regions import region_counts, region_label

        counts = region_counts(week, today - timedelta(days=6), today)
        marked = sorted(((n, r) for r, n in counts.items() if n), key=lambda item: -item[0])
        label = self.view.regions_note
        label.setVisible(bool(marked))
        if marked:
            parts = "; ".join(f"{region_label(r, self.lang)} ({n}×)" for n, r in marked[:3])
            label.setText(self.tr("Where it hurt: %1").replace("%1", parts))

    def _show_activities(self, today: date) -> None:
        """When the next score of my activities is due (PSFS / PSK), and how they have changed
        since their first score, in two small lines."""
        line = self.view.activities_line
        line.setVisible(self.activities is not None)
        if self.activities is not None:
            from rugdiary.core.activities import mean_change

            has_any = any(a.active for a in self.activities.activities.list())
            line.set_due(self.activities.due(), today, has_activities=has_any)
            mean = mean_change(self.activities.changes(date(1900, 1, 1), today))
            if mean is None:
                line.set_progress("")
            else:
                first, last = self._score(mean.first_mean), self._score(mean.last_mean)
                text = (
                    self.tr(
                        "Since the first score: %1 → %2 on average "
                        "(0 = cannot do it, 10 = as before)."
                    )
                    .replace("%1 → %2", "%1\u00a0→\u00a0%2")  # "2.7 → 4.3" on one line
                    .replace("%1", first)
                    .replace("%2", last)
                )
                if mean.matters:
                    text += " " + (
                        self.tr("Easier: a change that matters.")
                        if mean.change > 0
                        else self.tr("Harder: a change that matters.")
                    )
                line.set_progress(text)

    def _score(self, value: float) -> str:
        return QLocale().toString(value, "f", 1)

    def _duration(self, minutes: int) -> str:
        """Hours and minutes as 5:07, short enough for the week card's narrow grid."""
        return f"{minutes // 60}:{minutes % 60:02d}"

    def _reminders(self) -> tuple[ReminderSettings, ReminderState]:
        """The stored reminder settings and state; defaults when absent or unreadable.

        Unreadable stored values are left as they are: the reminder service and the
        Settings page own them and say what is wrong.
        """
        try:
            settings = ReminderSettings.from_dict(self.settings.get(REMINDERS_KEY) or {})
        except (ValidationError, TypeError, ValueError):
            settings = ReminderSettings()
        try:
            state = ReminderState.from_dict(self.settings.get(REMINDER_STATE_KEY) or {})
        except (ValidationError, TypeError, ValueError):
            state = ReminderState()
        return settings, state

    def _update_save_state(self) -> None:
        complete = self.quick.is_complete()
        self.quick.save_button.setEnabled(complete)
        self.quick.save_hint.setVisible(not complete)
        if complete:
            self.quick.hide_message()
