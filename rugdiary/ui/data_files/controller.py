"""File → Export my data and Import data: the export and import of the command line, in menus."""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

from rugdiary.core.clock import Clock
from rugdiary.core.diary import DiaryEntry
from rugdiary.core.sessions import Session
from rugdiary.storage.atomic import atomic_write_bytes
from rugdiary.storage.database import SCHEMA_VERSION, is_data_folder_file
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui import dialogs
from rugdiary.ui.save_folder import save_folder

if TYPE_CHECKING:
    from rugdiary.reports.exchange import (
        ImportConflict,
        ImportFailed,
        ImportProblem,
        ImportResult,
    )
    from rugdiary.ui.data_files.export_dialog import ExportChoice


class DiaryFile(Protocol):
    """The diary as one file: read whole, and changed whole under its lock."""

    @property
    def data_dir(self) -> Path: ...

    def read_tables(self) -> Any: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def backup_now(self) -> Any: ...

    def rewrite(self, change: Callable[[Any], Any]) -> None: ...


class EntrySource(Protocol):
    """The diary's entries: the readable ones, and with `list_checked` the damaged too."""

    def list(self) -> list[DiaryEntry]: ...

    def list_checked(self) -> tuple[builtins.list[DiaryEntry], builtins.list[Any]]: ...


class SessionSource(Protocol):
    """The exercise sessions, as `EntrySource` has the entries."""

    def list(self) -> list[Session]: ...

    def list_checked(self) -> tuple[builtins.list[Session], builtins.list[Any]]: ...


MAX_IMPORT_BYTES = 200_000_000
"""Larger than any diary (ten years export to about 10 MB): a file past it is the wrong
one, and reading it whole would freeze the window."""

FILE_STEMS = {
    "entries_csv": "rugdiary-diary",
    "sessions_csv": "rugdiary-sessions",
    "json": "rugdiary-copy",
    "fhir": "rugdiary-fhir",
}
"""The suggested file name of each kind of export, before the date and the suffix."""


def spreadsheet_delimiter(locale: QLocale) -> str:
    """ ";" where numbers are written with a decimal comma, else ",".

    Excel separates a CSV's values with the computer's list separator, which is ";"
    wherever the decimal point is a comma (the Netherlands, Belgium, Germany): there a
    comma-separated file opens as one long column. LibreOffice asks, and our import
    takes either.
    """
    return ";" if locale.decimalPoint() == "," else ","


def _counted(n: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with %1 as the number: both written out, so that each
    language words its own plural (en and nl have one form for 1 and one for the rest)."""
    return one if n == 1 else many.replace("%1", str(n))


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while ten years of diary are read or written (a second or so)."""
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def plan_lines(plan: ImportResult) -> list[str]:
    """What an import adds, one line per kind of record, in words (counted as the
    command line counts them: ImportResult.counts)."""
    words = {
        "entries": (
            QCoreApplication.translate("DataFiles", "1 diary entry"),
            QCoreApplication.translate("DataFiles", "%1 diary entries"),
        ),
        "sessions": (
            QCoreApplication.translate("DataFiles", "1 exercise session"),
            QCoreApplication.translate("DataFiles", "%1 exercise sessions"),
        ),
        "programs": (
            QCoreApplication.translate("DataFiles", "1 program"),
            QCoreApplication.translate("DataFiles", "%1 programs"),
        ),
        "exercises": (
            QCoreApplication.translate("DataFiles", "1 exercise of your own"),
            QCoreApplication.translate("DataFiles", "%1 exercises of your own"),
        ),
        "activities": (
            QCoreApplication.translate("DataFiles", "1 activity"),
            QCoreApplication.translate("DataFiles", "%1 activities"),
        ),
        "activity_scores": (
            QCoreApplication.translate("DataFiles", "1 activity score"),
            QCoreApplication.translate("DataFiles", "%1 activity scores"),
        ),
        "flares": (
            QCoreApplication.translate("DataFiles", "1 flare-up"),
            QCoreApplication.translate("DataFiles", "%1 flare-ups"),
        ),
        "sitting": (
            QCoreApplication.translate("DataFiles", "1 day of sitting times"),
            QCoreApplication.translate("DataFiles", "%1 days of sitting times"),
        ),
        "settings": (
            QCoreApplication.translate("DataFiles", "your settings"),
            QCoreApplication.translate("DataFiles", "your settings"),
        ),
    }
    return [_counted(n, *words[name]) for name, n in plan.counts().items() if n]


def conflict_line(conflict: ImportConflict) -> str:
    """One record the file holds with other values, as the person knows it: "diary entry
    of 2 Mar 2026 09:00", "flare-up of 1 Mar 2026", "program “Morning”", else its kind and
    id. Dates in the UI's language (QLocale's default, set with it)."""
    from datetime import date

    from rugdiary.core.diary import parse_datetime
    from rugdiary.ui.locale_dates import day_text

    record = conflict.record
    moment = {
        "entries": "at",
        "sessions": "started_at",
        "activity_scores": "at",
        "flares": "start",
        "sitting": "day",
    }.get(conflict.table)
    raw = record.get(moment) if moment is not None else None
    when: str | None = None
    if moment is not None and isinstance(raw, str):
        with suppress(ValueError):
            if moment == "day":
                when = day_text(date.fromisoformat(raw), short_month=True)
            else:
                at = parse_datetime(raw, moment)
                when = day_text(at.date(), short_month=True)
                if conflict.table != "flares":  # a flare-up lasts days: its first one names it
                    when += f" {at:%H:%M}"
    if when is not None:
        kind = {
            "entries": QCoreApplication.translate("DataFiles", "diary entry of %1"),
            "sessions": QCoreApplication.translate("DataFiles", "exercise session of %1"),
            "activity_scores": QCoreApplication.translate("DataFiles", "activity score of %1"),
            "flares": QCoreApplication.translate("DataFiles", "flare-up of %1"),
            "sitting": QCoreApplication.translate("DataFiles", "sitting times of %1"),
        }[conflict.table]
        return kind.replace("%1", when)
    name = record.get("name")
    if isinstance(name, dict):
        name = next((v for v in name.values() if isinstance(v, str)), None)
    if isinstance(name, str) and conflict.table in ("programs", "exercises", "activities"):
        return {
            "programs": QCoreApplication.translate("DataFiles", "program “%1”"),
            "exercises": QCoreApplication.translate("DataFiles", "exercise “%1”"),
            "activities": QCoreApplication.translate("DataFiles", "activity “%1”"),
        }[conflict.table].replace("%1", name)
    return (
        QCoreApplication.translate("DataFiles", "%1 %2 (line %3)")
        .replace("%1", conflict.table)
        .replace("%2", conflict.id)
        .replace("%3", str(conflict.line))
    )


class DataFiles(QObject):
    """Asks, reads and writes for the two File menu actions; pages hear `imported`."""

    imported = Signal()
    """Records were added to the diary: every page should read it again."""
    notice = Signal(str)
    """A short line for the status bar, said by a screen reader too."""

    def __init__(
        self,
        parent: QWidget,
        diary: DiaryFile,
        entries: EntrySource,
        sessions: SessionSource,
        clock: Clock,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._diary = diary
        self._entries = entries
        self._sessions = sessions
        self._clock = clock
        self._last: ExportChoice | None = None
        """The last export's choices, offered again while the app runs (not stored)."""

    # -- export ---------------------------------------------------------------------------------

    def suggested_path(self, choice: ExportChoice) -> Path:
        """rugdiary-diary-YYYY-MM-DD.csv and so on, in Documents (home if there is none)."""
        today = self._clock.now().date().isoformat()
        return save_folder() / f"{FILE_STEMS[choice.kind]}-{today}{choice.suffix}"

    def export(self) -> Path | None:
        """Ask what to export and where, and write it; the file, or None when not written.

        The file's content is made before its name is asked for: a period with nothing
        in it is said first (an empty file, reported "Exported", looked like a full one).
        """
        choice = dialogs.ask_data_export(self._parent, self._clock.now().date(), self._last)
        if choice is None:
            return None
        self._last = choice
        try:
            with _busy():
                payload, count, left_out = self._payload(choice)
        except (DataFileError, OSError) as error:  # damaged or unreadable meanwhile
            dialogs.show_error(
                self._parent, self.tr("The data was not exported"), self._unreadable(error)
            )
            return None
        if not count and not self._export_empty_anyway(choice):
            return None
        target = dialogs.choose_data_export_file(self._parent, self.suggested_path(choice))
        if target is None:
            return None
        if is_data_folder_file(self._diary.data_dir, target):
            dialogs.show_error(
                self._parent,
                self.tr("The data was not exported"),
                self.tr(
                    "%1 is one of RugDiary's own files (the diary, its backups or the "
                    "pictures of your own exercises). Choose another name or folder, so that "
                    "they are never written over."
                ).replace("%1", str(target)),
            )
            return None
        try:
            with _busy():
                atomic_write_bytes(target, payload)
        except OSError as error:
            dialogs.show_error(
                self._parent,
                self.tr("The data was not exported"),
                self.tr(
                    "RugDiary could not write the file %1. Choose another folder and try "
                    "again.\n\nWhat happened: %2"
                )
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return None
        message = _counted(
            count,
            self.tr("Exported 1 record to %2."),
            self.tr("Exported %1 records to %2."),
        ).replace("%2", str(target))
        if left_out:
            message += " " + _counted(
                left_out,
                self.tr("1 record could not be read and was left out."),
                self.tr("%1 records could not be read and were left out."),
            )
        self.notice.emit(message)
        return target

    def _export_empty_anyway(self, choice: ExportChoice) -> bool:
        """Ask before writing a file with no records in it; True means write it anyway."""
        from rugdiary.ui.locale_dates import day_text

        if choice.start is not None and choice.end is not None:
            text = {
                "sessions_csv": self.tr(
                    "There are no exercise sessions from %1 to %2, so the file would be empty."
                ),
                "json": self.tr(
                    "There is nothing in RugDiary from %1 to %2, so the file would be empty."
                ),
            }.get(
                choice.kind,
                self.tr("There are no diary entries from %1 to %2, so the file would be empty."),
            )
            text = text.replace("%1", day_text(choice.start)).replace("%2", day_text(choice.end))
        else:
            text = {
                "sessions_csv": self.tr(
                    "There are no exercise sessions yet, so the file would be empty."
                ),
                "json": self.tr("There is nothing in RugDiary yet, so the file would be empty."),
            }.get(
                choice.kind,
                self.tr("There are no diary entries yet, so the file would be empty."),
            )
        return dialogs.ask_export_empty(self._parent, text)

    def _payload(self, choice: ExportChoice) -> tuple[bytes, int, int]:
        """The export's bytes, how many records it holds, and how many stored records
        could not be read into it."""
        from rugdiary import __version__
        from rugdiary.reports import exchange

        entries, bad_entries = self._entries.list_checked()
        sessions, bad_sessions = self._sessions.list_checked()
        tables = self._diary.read_tables()
        # The complete copy keeps a damaged record as it is stored, unless a period is
        # chosen (then its day cannot be known); the others can only leave it out.
        whole = choice.kind == "json" and choice.start is None and choice.end is None
        bad = {
            "entries_csv": len(bad_entries),
            "fhir": len(bad_entries),
            "sessions_csv": len(bad_sessions),
            "json": 0 if whole else exchange.unreadable_dated_records(tables),
        }[choice.kind]
        payload, count = exchange.export_file_counted(
            choice.kind,
            tables=tables,
            entries=entries,
            sessions=sessions,
            schema=SCHEMA_VERSION,
            app_version=__version__,
            now=self._clock.now(),
            start=choice.start,
            end=choice.end,
            # The computer's own region, not the app's language: that is what Excel uses.
            csv_delimiter=spreadsheet_delimiter(QLocale.system()),
        )
        return payload, count, bad

    # -- import ---------------------------------------------------------------------------------

    def _plan(self, content: bytes) -> tuple[ImportResult, tuple[object, ...]]:
        """What importing `content` would do to the diary as it is now (ImportFailed if
        bad), and its shape (`_shape`), to tell whether a later plan is the same."""
        from rugdiary.reports import exchange

        tables = self._diary.read_tables()
        plan = exchange.import_data(
            content,
            now=self._clock.now(),
            known_schema=SCHEMA_VERSION,
            existing_entries=self._entries.list(),
            existing_sessions=self._sessions.list(),
            existing_records={name: tables.get(name, {}).values() for name in tables},
        )
        return plan, _shape(plan, tables)

    def import_file(self, path: Path | None = None) -> bool:
        """Ask for a file (unless given), show what it adds, and add it; True once added.

        A file with any bad line adds nothing and its lines are listed, as on the command
        line. Unlike there (where --replace decides), records the diary holds with other
        values are a question: keep the person's, or take the file's. A backup is made
        first, since an import is easy to regret.
        """
        from rugdiary.reports.exchange import ImportFailed, merge_into_tables

        path = path or dialogs.choose_data_import_file(self._parent)
        if path is None:
            return False
        content = self._read(path)
        if content is None:
            return False
        try:
            with _busy():
                plan, shown = self._plan(content)
        except ImportFailed as failed:
            self._show_problems(path, failed)
            return False
        except (DataFileError, OSError) as error:
            self._not_imported(self._unreadable(error))
            return False
        adds = plan_lines(plan)
        if not adds and not plan.conflicts:
            self._nothing_new(path, plan)
            return False
        choice = dialogs.ask_import_data(
            self._parent,
            path.name,
            adds,
            plan.duplicates,
            [conflict_line(c) for c in plan.conflicts],
        )
        if choice is None:
            return False
        replace = choice is dialogs.ImportDataChoice.REPLACE
        try:
            with _busy(), self._diary.transaction():
                # Planned again under the lock: another RugDiary (or the command line)
                # may have written since the question was asked. What is written must be
                # what was shown, or nothing.
                plan, again = self._plan(content)
                changed = again != shown
                if not changed and (adds or replace):
                    self._diary.backup_now()
                    self._diary.rewrite(
                        lambda current: merge_into_tables(current, plan, replace=replace)
                    )
        except ImportFailed as failed:
            self._show_problems(path, failed)
            return False
        except StorageWriteError as error:
            self._not_imported(
                self.tr(
                    "RugDiary could not save the diary, so it is unchanged.\n\nWhat happened: %1"
                ).replace("%1", str(error))
            )
            return False
        except (DataFileError, OSError) as error:
            self._not_imported(self._unreadable(error))
            return False
        if changed:
            self._not_imported(
                self.tr(
                    "Your diary changed while you were choosing, in another window or on the "
                    "command line. Import the file again to see what it would add now."
                )
            )
            return False
        if not adds and not replace:
            return False  # only differing records, and the person kept theirs
        added = sum(plan.counts().values())
        replaced = len(plan.conflicts) if replace else 0
        message = (
            _counted(
                added,
                self.tr("Imported 1 record from %2."),
                self.tr("Imported %1 records from %2."),
            ).replace("%2", path.name)
            if added
            else self.tr("Imported from %1.").replace("%1", path.name)
        )
        if replaced:
            message += " " + _counted(
                replaced,
                self.tr("1 of yours was replaced by the file's."),
                self.tr("%1 of yours were replaced by the file's."),
            )
        self.imported.emit()
        self.notice.emit(message)
        return True

    def _read(self, path: Path) -> bytes | None:
        """The file's bytes, or None after saying why they cannot be had."""
        try:
            size = path.stat().st_size
            if size > MAX_IMPORT_BYTES:
                self._not_imported(
                    self.tr(
                        "%1 is %2 MB: far larger than any diary. Choose the file you "
                        "exported from RugDiary or a spreadsheet of your scores."
                    )
                    .replace("%1", path.name)
                    .replace("%2", str(size // 1_000_000))
                )
                return None
            return path.read_bytes()
        except OSError as error:
            self._not_imported(
                self.tr("RugDiary could not read %1.\n\nWhat happened: %2")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
            return None

    def _not_imported(self, text: str) -> None:
        dialogs.show_error(self._parent, self.tr("Nothing was imported"), text)

    def _unreadable(self, error: Exception) -> str:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return self.tr(
            "RugDiary could not read your diary, so nothing was changed.\n\nWhat happened: %1"
        ).replace("%1", reason)

    def _show_problems(self, path: Path, failed: ImportFailed) -> None:
        from rugdiary.reports.exchange import FILE_PROBLEM_FIELDS
        from rugdiary.ui.reasons import reason_text

        (first, *rest) = failed.problems
        if not rest and first.field in FILE_PROBLEM_FIELDS:
            # Not a line to mend but the wrong kind of file: an .xlsx, a PDF, a program.
            self._not_imported(
                self.tr(
                    "%1 is not a file RugDiary can import (%2).\n\nChoose a file you exported "
                    "from RugDiary, or a spreadsheet saved as CSV (in Excel: Save As, then "
                    "CSV UTF-8). A program file goes in through Programs, Import."
                )
                .replace("%1", path.name)
                .replace("%2", reason_text(first.message))
            )
            return
        problems = [_problem_text(p) for p in failed.problems]
        dialogs.show_import_problems(self._parent, path.name, problems, failed.more)

    def _nothing_new(self, path: Path, plan: ImportResult) -> None:
        if plan.duplicates:
            text = self.tr("Everything in %1 is in your diary already. Nothing was changed.")
        elif plan.settings_skipped:
            # A copy that differs only in its settings: the folder's own choices win.
            text = self.tr(
                "%1 holds only settings, and your own settings stay as they are. Nothing "
                "was changed."
            )
        else:
            text = self.tr("%1 holds no diary records. Nothing was changed.")
        dialogs.show_error(
            self._parent, self.tr("Nothing new to import"), text.replace("%1", path.name)
        )


def _shape(plan: ImportResult, tables: Mapping[str, Mapping[str, Any]]) -> tuple[object, ...]:
    """What an import plan would do, record by record: equal shapes mean the same question.

    A differing record's stored side is part of it, so that an edit made meanwhile in
    another window is never replaced unseen. New rows get a fresh id and creation time
    in each plan, so those are left out of what is compared.
    """
    from rugdiary.reports.exchange import KEY_FIELDS

    def text(doc: object) -> str:
        return json.dumps(doc, sort_keys=True, default=str)

    def added(doc: Mapping[str, Any]) -> str:
        return text({k: v for k, v in doc.items() if k not in ("id", "created", "updated")})

    def stored(table: str, key: str) -> tuple[str, ...]:
        field = KEY_FIELDS.get(table, "id")
        docs = tables.get(table, {}).values()
        return tuple(text(d) for d in docs if isinstance(d, Mapping) and d.get(field) == key)

    return (
        tuple(added(e.to_dict()) for e in plan.entries),
        tuple(added(s.to_dict()) for s in plan.sessions),
        tuple(sorted((name, tuple(text(d) for d in docs)) for name, docs in plan.records.items())),
        tuple((c.table, c.id, text(c.record), stored(c.table, c.id)) for c in plan.conflicts),
    )


def _problem_text(problem: ImportProblem) -> str:
    """ "Line 3, at: … lies in the future", in the person's language where it can be."""
    from rugdiary.ui.reasons import reason_text

    return (
        QCoreApplication.translate("DataFiles", "Line %1, %2: %3")
        .replace("%1", str(problem.line))
        .replace("%2", _field_text(problem.field))
        .replace("%3", reason_text(problem.message))
    )


_NAMELESS_COLUMN = re.compile(r"column (\d+)")


def _field_text(field: str) -> str:
    """A problem's field in the person's language when it is one of the import's own words
    (the row, the header, the file, a nameless column) rather than a column or key the file
    itself names, which stays as written there. (A column a file calls "row" would be
    translated too; none of RugDiary's is.)"""
    words = {
        "row": QCoreApplication.translate("DataFiles", "row"),
        "header": QCoreApplication.translate("DataFiles", "header"),
        "file": QCoreApplication.translate("DataFiles", "file"),
    }
    if field in words:
        return words[field]
    nameless = _NAMELESS_COLUMN.fullmatch(field)
    if nameless is not None:
        return QCoreApplication.translate("DataFiles", "column %1").replace("%1", nameless[1])
    return field
