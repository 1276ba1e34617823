"""Undoable diary changes for the window's QUndoStack."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from rugdiary.core.diary import DiaryEntry

log = logging.getLogger(__name__)


Entries = list[DiaryEntry]
Tags = list[str]


def change_failed_text(action: str, error: Exception) -> str:
    """ "Could not undo add entry: the disk is full." for a host's status bar."""
    from rugdiary.storage.repositories import EntryNotFoundError
    from rugdiary.ui.reasons import reason_text

    reason = getattr(error, "reason", None)
    if isinstance(error, EntryNotFoundError):
        reason = QCoreApplication.translate("DiaryCommands", "the entry no longer exists")
    elif reason:
        reason = reason_text(reason)
    else:
        reason = QCoreApplication.translate("DiaryCommands", "the diary could not be written")
    return (
        QCoreApplication.translate("DiaryCommands", "Could not %1: %2.")
        .replace("%1", action)
        .replace("%2", reason)
    )


class EntryStore(Protocol):
    """What the diary page needs from storage (EntryRepository fits it)."""

    def add(self, entry: DiaryEntry) -> DiaryEntry: ...
    def update(self, entry: DiaryEntry) -> DiaryEntry: ...
    def delete(self, entry_id: str) -> DiaryEntry: ...
    def restore(self, entry: DiaryEntry) -> None: ...
    def get(self, entry_id: str) -> DiaryEntry | None: ...
    def list(
        self, start: date | None = None, end: date | None = None, tag: str | None = None
    ) -> Entries: ...
    def known_tags(self) -> Tags: ...


class Host(Protocol):
    """The controller side: agree to a change, refresh after it, and explain one that failed."""

    def may_change(self, entry_id: str) -> bool: ...
    def entry_changed(self, entry_id: str, selected: bool) -> None: ...
    def change_failed(self, action: str, error: Exception) -> None: ...


class _EntryCommand(QUndoCommand):
    """Runs the storage call for undo/redo; the first redo is skipped.

    The controller performs the first change itself, so a failure there keeps the form
    intact and nothing lands on the stack. A later undo or redo that fails is reported
    and the command drops out of the stack (obsolete) instead of leaving it half-done.
    """

    def __init__(self, text: str, store: EntryStore, host: Host, entry_id: str) -> None:
        super().__init__(text)
        self._store = store
        self._host = host
        self._entry_id = entry_id
        self._first_redo = True

    def may_run(self) -> bool:
        """Whether the next undo or redo may go ahead; called before it (ui/diary/undo.py).

        QUndoStack moves on whatever undo() does, so a step the person declines (it would
        throw away changes typed into the form for this entry) must be refused before.
        """
        return self._host.may_change(self._entry_id)

    def _run(self, action: Callable[[], None], label: str, selected: bool) -> None:
        try:
            action()
        except Exception as error:  # a traceback must never reach the user
            log.warning("%s failed: %s", label, error)
            self.setObsolete(True)
            self._host.change_failed(label, error)
            return
        self._host.entry_changed(self._entry_id, selected)

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        label = QCoreApplication.translate("DiaryCommands", "redo %1").replace("%1", self.text())
        self._run(self._do, label, selected=not isinstance(self, DeleteEntryCommand))

    def undo(self) -> None:
        label = QCoreApplication.translate("DiaryCommands", "undo %1").replace("%1", self.text())
        self._run(self._undo, label, selected=not isinstance(self, AddEntryCommand))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddEntryCommand(_EntryCommand):
    def __init__(self, store: EntryStore, host: Host, entry: DiaryEntry) -> None:
        super().__init__(
            QCoreApplication.translate("DiaryCommands", "add entry"), store, host, entry.id
        )
        self._entry = entry

    def _do(self) -> None:
        self._store.restore(self._entry)

    def _undo(self) -> None:
        self._store.delete(self._entry.id)


class EditEntryCommand(_EntryCommand):
    def __init__(
        self, store: EntryStore, host: Host, before: DiaryEntry, after: DiaryEntry
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DiaryCommands", "change entry"), store, host, before.id
        )
        self._before = before
        self._after = after

    def _do(self) -> None:
        self._after = self._store.update(self._after)

    def _undo(self) -> None:
        self._store.update(self._before)


class DeleteEntryCommand(_EntryCommand):
    def __init__(self, store: EntryStore, host: Host, entry: DiaryEntry) -> None:
        super().__init__(
            QCoreApplication.translate("DiaryCommands", "delete entry"), store, host, entry.id
        )
        self._entry = entry

    def _do(self) -> None:
        self._store.delete(self._entry.id)

    def _undo(self) -> None:
        self._store.restore(self._entry)
