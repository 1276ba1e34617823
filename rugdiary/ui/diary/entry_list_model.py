"""Diary entries as a table grouped by day: a header row per day, then its entries and sessions."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from statistics import fmean
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QPalette

from rugdiary.core.diary import DiaryEntry
from rugdiary.ui.player.texts import pain_change_text

if TYPE_CHECKING:
    from rugdiary.core.sessions import Session

NOTE_EXCERPT_CHARS = 60

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    TIME = 0
    PAIN = 1
    STRESS = 2
    TAGS = 3
    NOTE = 4


ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The DiaryEntry of an entry row; None on day rows."""
DAY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The `date` a row belongs to (day rows and entry rows)."""
IS_DAY_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class _Row:
    day: date
    entry: DiaryEntry | None = None
    session: Session | None = None
    mean_pain: float = 0.0
    mean_stress: float = 0.0
    count: int = 0


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qtime(at: datetime) -> QTime:
    return QTime(at.hour, at.minute)


_TWO_LINE_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
"""Entries and sessions in a narrow list: each row has room for two lines; one without
labels or a note has only the first, which sits under its day, not halfway down."""
_TRAILING_YEAR = re.compile(r"[\s,./-]*y+\s*$")
"""The year at the end of a date pattern ("ddd, MMM d, yyyy"), with its separator."""


class EntryListModel(QAbstractTableModel):
    """Entries newest first, each day introduced by a row with its date and mean scores.

    Day rows are not selectable and are skipped by the keyboard, so Up/Down walk over
    entries only; the view spans them over every column.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._this_year: int | None = None
        self._compact = False

    @property
    def compact(self) -> bool:
        """Whether each row tells all in its Time cell, on two lines (a narrow list)."""
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Two lines in the Time cell (time and scores; tags and note) for a narrow list.

        The other columns are hidden then: five columns cannot share a list a quarter of
        a 900-pixel window wide without scrolling sideways or cutting every one short.
        """
        if compact == self._compact:
            return
        self._compact = compact
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.TIME), self.index(len(self._rows) - 1, 0))

    # -- content -----------------------------------------------------------------------------

    def set_entries(
        self,
        entries: Sequence[DiaryEntry],
        sessions: Sequence[Session] = (),
        *,
        this_year: int | None = None,
    ) -> None:
        """Replace the content; either may come in any order.

        Day headings in `this_year` leave the year out, so they fit a narrow list.

        Exercise sessions sit among the day's entries by time, so a day reads as it
        went; the day's averages come from the entries alone.
        """
        items: list[tuple[datetime, DiaryEntry | Session]] = [(e.at, e) for e in entries]
        items += [(s.started_at, s) for s in sessions]
        items.sort(key=lambda pair: pair[0], reverse=True)
        rows: list[_Row] = []
        index = 0
        while index < len(items):
            day = items[index][0].date()
            end = index
            while end < len(items) and items[end][0].date() == day:
                end += 1
            group = [item for _, item in items[index:end]]
            day_entries = [e for e in group if isinstance(e, DiaryEntry)]
            rows.append(
                _Row(
                    day=day,
                    mean_pain=fmean(e.pain for e in day_entries) if day_entries else 0.0,
                    mean_stress=fmean(e.stress for e in day_entries) if day_entries else 0.0,
                    count=len(day_entries),
                )
            )
            rows.extend(
                _Row(day=day, entry=item)
                if isinstance(item, DiaryEntry)
                else _Row(day=day, session=item)
                for item in group
            )
            index = end
        self.beginResetModel()
        self._rows = rows
        self._this_year = this_year
        self.endResetModel()

    def session_at(self, row: int) -> Session | None:
        """The exercise session on `row`, or None."""
        if 0 <= row < len(self._rows):
            return self._rows[row].session
        return None

    def session_note(self) -> str:
        """Why a session row cannot be changed or deleted: said on the row and the buttons."""
        return self.tr(
            "An exercise session stays as it was saved: only diary entries can be changed "
            "or deleted."
        )

    def entry_at(self, row: int) -> DiaryEntry | None:
        """The entry on `row`, or None for a day row or a row out of range."""
        if 0 <= row < len(self._rows):
            return self._rows[row].entry
        return None

    def is_day_row(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._is_day(self._rows[row])

    @staticmethod
    def _is_day(item: _Row) -> bool:
        return item.entry is None and item.session is None

    def row_of(self, entry_id: str) -> int:
        """The row of the entry with `entry_id`, or -1."""
        for row, item in enumerate(self._rows):
            if item.entry is not None and item.entry.id == entry_id:
                return row
        return -1

    def entries(self) -> list[DiaryEntry]:
        return [r.entry for r in self._rows if r.entry is not None]

    def widest_tags_text(self, metrics: QFontMetrics) -> int:
        """Width of the widest text in the Tags column: joined labels or a program's name.

        Measured over the distinct texts, which are few however long the diary is.
        """
        texts = {
            r.session.program_name if r.session is not None else ", ".join(r.entry.tags)
            for r in self._rows
            if r.session is not None or r.entry is not None
        }
        return max((metrics.horizontalAdvance(text) for text in texts), default=0)

    def day_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if self._is_day(r)]

    # -- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._is_day(self._rows[index.row()]):
            # Not enabled: item views skip such rows when moving with the arrow keys.
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.TIME: self.tr("Time"),
            Column.PAIN: self.tr("Pain"),
            Column.STRESS: self.tr("Stress"),
            Column.TAGS: self.tr("Tags"),
            Column.NOTE: self.tr("Note"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == ENTRY_ROLE:
            return item.entry
        if role == DAY_ROLE:
            return item.day
        if role == IS_DAY_ROLE:
            return self._is_day(item)
        if item.session is not None:
            return self._session_data(item.session, index.column(), role)
        if item.entry is None:
            return self._day_data(item, index.column(), role)
        return self._entry_data(item.entry, index.column(), role)

    # -- internals ---------------------------------------------------------------------------

    def _day_data(self, item: _Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column != Column.TIME:
                return None
            # A narrow list has two lines per row: the day on one, its scores on the next,
            # without "average": "gemiddelde pijn 3,0, st…" was cut off at 900 px. The one
            # decimal says it is a mean; the tooltip and a screen reader say it in words.
            return (
                self.day_text(item, say_average=False).replace(" · ", "\n", 1)
                if self._compact
                else self.day_text(item)
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.day_text(item, short=False) if column == Column.TIME else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # In a narrow list the heading may end in "…".
            return self.day_text(item, short=False) if column == Column.TIME else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QGuiApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            # Day rows are "disabled" only to be skipped by the keyboard; keep full contrast.
            return QGuiApplication.palette().brush(QPalette.ColorRole.WindowText)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QGuiApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        return None

    def day_text(self, item: _Row, *, short: bool = True, say_average: bool = True) -> str:
        """E.g. "Mon, Mar 2, 2026 · average pain 4.5, stress 3.0" in the user's locale.

        A day with one entry shows that entry's own whole scores: "pain 4, stress 3".

        Abbreviated names keep the line within a narrow list; screen readers get the
        full names (short=False).
        """
        locale = QLocale()
        pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
        if short:
            pattern = pattern.replace("dddd", "ddd").replace("MMMM", "MMM")
            if item.day.year == self._this_year:
                # Only a trailing year is dropped: elsewhere it carries the month and day.
                pattern = _TRAILING_YEAR.sub("", pattern)
        day = locale.toString(qdate(item.day), pattern)
        if item.count == 0:
            return day
        averaged = item.count > 1
        summary = (
            self.tr("average pain %1, stress %2")
            if averaged and say_average
            else self.tr("pain %1, stress %2")
        )
        if averaged:
            pain = locale.toString(item.mean_pain, "f", 1)
            stress = locale.toString(item.mean_stress, "f", 1)
        else:
            # One entry's own scores are whole numbers: "pain 4", not "pain 4.0".
            pain = locale.toString(round(item.mean_pain))
            stress = locale.toString(round(item.mean_stress))
        return f"{day} · {summary.replace('%1', pain).replace('%2', stress)}"

    def _session_data(self, session: Session, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            # Change and Delete are grey on this row, Enter and Delete do nothing: the
            # screen reader says why, where the keyboard is.
            return self.session_note()
        if self._compact and column == Column.TIME:
            if role == Qt.ItemDataRole.DisplayRole:
                return "\n".join(self._session_lines(session))
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                return self._session_spoken(session)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _TWO_LINE_ALIGN
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.session_text(session, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TAGS, Column.NOTE):
            return self.session_text(session, column)  # the whole name where it ends in "…"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.PAIN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QGuiApplication.font())
            font.setItalic(True)
            return font
        return None

    def session_text(self, session: Session, column: int) -> str:
        """A session in the list: the word "Exercise", the program, minutes and pain."""
        locale = QLocale()
        if column == Column.TIME:
            return locale.toString(qtime(session.started_at), QLocale.FormatType.ShortFormat)
        if column == Column.PAIN:
            before, after = session.pain_before, session.pain_after
            if before is not None and after is not None:
                return f"{before} → {after}"
            return "" if before is None and after is None else str(after or before)
        if column == Column.TAGS:
            return session.program_name
        if column == Column.NOTE:
            minutes = locale.toString(round(session.done_s / 60))
            if session.completed:
                text = self.tr("Exercise · %1 min, finished").replace("%1", minutes)
            elif session.partly_done:
                # Played to the end with much of it skipped: not stopped (core/player.py).
                text = self.tr("Exercise · %1 min, partly done").replace("%1", minutes)
            else:
                text = self.tr("Exercise · %1 min, stopped early").replace("%1", minutes)
            return text
        return ""

    def _session_lines(self, session: Session) -> tuple[str, str]:
        """A session on two lines: time and program; pain before → after and how it went."""
        first = f"{self.session_text(session, Column.TIME)} · {session.program_name}"
        minutes = QLocale().toString(round(session.done_s / 60))
        if session.completed:
            second = self.tr("%1 min, finished").replace("%1", minutes)
        elif session.partly_done:
            second = self.tr("%1 min, partly done").replace("%1", minutes)
        else:
            second = self.tr("%1 min, stopped early").replace("%1", minutes)
        pain = pain_change_text(session)
        if pain is not None:
            second = f"{pain} · {second}"
        return first, second

    def _session_spoken(self, session: Session) -> str:
        """The whole session in words, "Exercise" included (italics say it on screen)."""
        parts = [
            self.session_text(session, Column.TIME),
            self.session_text(session, Column.NOTE),
            session.program_name,
        ]
        pain = pain_change_text(session)
        if pain is not None:
            parts.append(pain)
        return " · ".join(parts)

    def _entry_data(self, entry: DiaryEntry, column: int, role: int) -> Any:
        if self._compact and column == Column.TIME:
            return self._compact_entry_data(entry, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._entry_text(entry, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._entry_accessible_text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TAGS and entry.tags:
            return self._entry_text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NOTE and entry.note:
            return entry.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.PAIN, Column.STRESS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _entry_text(self, entry: DiaryEntry, column: int) -> str:
        locale = QLocale()
        if column == Column.TIME:
            return locale.toString(qtime(entry.at), QLocale.FormatType.ShortFormat)
        if column == Column.PAIN:
            return str(entry.pain)
        if column == Column.STRESS:
            return str(entry.stress)
        if column == Column.TAGS:
            return ", ".join(entry.tags)
        if column == Column.NOTE:
            # Markers lead the note column as words: a narrow list has no room for another.
            marks = " · ".join(self.marks(entry))
            excerpt = note_excerpt(entry.note)
            return f"{marks} – {excerpt}" if marks and excerpt else marks or excerpt
        return ""

    def marks(self, entry: DiaryEntry) -> list[str]:
        """Words, not colours or icons alone, for the entry's flags."""
        marks = []
        if entry.flare_up:
            marks.append(self.tr("Flare-up"))
        if entry.for_physio:
            marks.append(self.tr("For physio"))
        return marks

    def _entry_accessible_text(self, entry: DiaryEntry, column: int) -> str:
        text = self._entry_text(entry, column)
        if column == Column.PAIN:
            return self.tr("pain %1 of 10").replace("%1", text)
        if column == Column.STRESS:
            return self.tr("stress %1 of 10").replace("%1", text)
        if column == Column.NOTE:
            # Screen readers get the whole note, not the excerpt the cell has room for.
            return " – ".join(part for part in (" · ".join(self.marks(entry)), entry.note) if part)
        return text

    def _compact_entry_data(self, entry: DiaryEntry, role: int) -> Any:
        time = self._entry_text(entry, Column.TIME)
        scores = (
            self.tr("pain %1, stress %2")
            .replace("%1", str(entry.pain))
            .replace("%2", str(entry.stress))
        )
        first = f"{time} · {scores}"
        if role == Qt.ItemDataRole.DisplayRole:
            # Flare-up and physio marks lead: whatever is cut with "…", it is not those.
            head = " · ".join(
                [*self.marks(entry), *([", ".join(entry.tags)] if entry.tags else [])]
            )
            excerpt = note_excerpt(entry.note)
            second = f"{head} – {excerpt}" if head and excerpt else head or excerpt
            return f"{first}\n{second}" if second else first
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            details = [
                self._entry_text(entry, Column.TAGS),
                self._entry_accessible_text(entry, Column.NOTE),
            ]
            # A tooltip shows a long note on lines of its own; a screen reader reads on.
            joint = "\n" if role == Qt.ItemDataRole.ToolTipRole else " · "
            return joint.join(part for part in (first, *details) if part)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TWO_LINE_ALIGN
        return None


def note_excerpt(note: str, limit: int = NOTE_EXCERPT_CHARS) -> str:
    """The first line of `note`, shortened with an ellipsis to fit a table cell."""
    first = note.strip().splitlines()[0] if note.strip() else ""
    more = first != note.strip()
    if len(first) > limit:
        return first[: limit - 1].rstrip() + "…"
    return first + (" …" if more else "")
