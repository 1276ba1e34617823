"""What the Programs page needs from storage, and its undoable deletes for the QUndoStack."""

from __future__ import annotations

import builtins
import logging
from collections.abc import Collection
from datetime import date
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from rugdiary.core.diary import DiaryEntry
from rugdiary.core.exercises import Exercise
from rugdiary.core.programs import Program
from rugdiary.core.sessions import Session

log = logging.getLogger(__name__)

Item = TypeVar("Item", Program, Exercise)


class ProgramStore(Protocol):
    """The user's own programs (ProgramRepository fits it)."""

    def list(self) -> builtins.list[Program]: ...
    def get(self, item_id: str) -> Program | None: ...
    def save(self, item: Program) -> Program: ...
    def delete(self, item_id: str) -> Program: ...


class ExerciseStore(Protocol):
    """The user's own exercises (ExerciseRepository fits it)."""

    def list(self) -> builtins.list[Exercise]: ...
    def get(self, item_id: str) -> Exercise | None: ...
    def save(self, item: Exercise) -> Exercise: ...
    def delete(self, item_id: str) -> Exercise: ...


class SessionSource(Protocol):
    """Played sessions (SessionRepository fits it)."""

    def list(
        self, start: date | None = None, end: date | None = None
    ) -> builtins.list[Session]: ...


class EntrySource(Protocol):
    """Diary entries, for the next morning's pain after a session (EntryRepository fits it)."""

    def list(
        self, start: date | None = None, end: date | None = None, tag: str | None = None
    ) -> builtins.list[DiaryEntry]: ...


class ContentStore(Protocol[Item]):
    def save(self, item: Item) -> Item: ...
    def delete(self, item_id: str) -> Item: ...


class Host(Protocol):
    """The controller side: refresh after an undo or redo, and explain one that failed."""

    def content_changed(self, item_id: str) -> None: ...
    def change_failed(self, action: str, error: Exception) -> None: ...


class DeleteCommand(QUndoCommand):
    """Undo saves the deleted item again; the first redo is skipped.

    The controller deletes first itself, so a failed delete never lands on the stack.
    A later undo or redo that fails is reported and drops out of the stack.
    """

    def __init__(
        self, text: str, store: ContentStore[Any], host: Host, item: Program | Exercise
    ) -> None:
        super().__init__(text)
        self._store = store
        self._host = host
        self._item = item
        self._first_redo = True

    @property
    def item(self) -> Program | Exercise:
        """The program or exercise that undo saves again and redo deletes."""
        return self._item

    def _run(self, label: str, undo: bool) -> None:
        try:
            if undo:
                self._store.save(self._item)
            else:
                self._store.delete(self._item.id)
        except Exception as error:  # a traceback must never reach the user
            log.warning("%s failed: %s", label, error)
            self.setObsolete(True)
            self._host.change_failed(label, error)
            return
        self._host.content_changed(self._item.id)

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(
            QCoreApplication.translate("ProgramsCommands", "redo %1").replace("%1", self.text()),
            undo=False,
        )

    def undo(self) -> None:
        self._run(
            QCoreApplication.translate("ProgramsCommands", "undo %1").replace("%1", self.text()),
            undo=True,
        )


def delete_program_command(store: ProgramStore, host: Host, program: Program) -> DeleteCommand:
    return DeleteCommand(
        QCoreApplication.translate("ProgramsCommands", "delete program"), store, host, program
    )


def delete_exercise_command(store: ExerciseStore, host: Host, exercise: Exercise) -> DeleteCommand:
    return DeleteCommand(
        QCoreApplication.translate("ProgramsCommands", "delete exercise"), store, host, exercise
    )


def forget_steps_about(
    stack: QUndoStack, program_ids: Collection[str], exercise_ids: Collection[str]
) -> bool:
    """Clear `stack` when one of its steps, done or undone, is about one of these ids.

    Called after an import wrote these programs and exercises: an older delete's undo
    would save the old one over the imported one, and its redo delete it. A QUndoStack
    cannot lose one step from its middle, so the whole stack goes, as after a data import
    (MainWindow._reload_all); a stack with nothing about them is kept. Returns whether
    it was cleared.
    """
    for index in range(stack.count()):
        command = stack.command(index)
        if not isinstance(command, DeleteCommand):
            continue
        item = command.item
        ids = program_ids if isinstance(item, Program) else exercise_ids
        if item.id in ids:
            stack.clear()
            return True
    return False


def exercises_held(stack: QUndoStack) -> builtins.list[Exercise]:
    """The deleted exercises that a step of `stack` can still bring back (with the picture
    file they name, which must stay while it can)."""
    held = []
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, DeleteCommand) and isinstance(command.item, Exercise):
            held.append(command.item)
    return held
