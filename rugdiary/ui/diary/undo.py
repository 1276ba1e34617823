"""Undo and Redo for the whole window: ask before a step drops unsaved typing, say what it did."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QUndoStack


class UndoReplay(QObject):
    """Runs the window's undo stack for Edit → Undo and Redo, their keys and the Undo button.

    One stack serves every page, and QUndoStack's own actions undo silently: Ctrl+Z
    pressed on Today could revert a change made on the Diary page an hour before, with
    nothing to say so. Each step here is said in the status bar in the command's own
    words, the ones the Edit menu shows ("Undone: add entry").

    A command may have `may_run()` (ui/diary/commands.py): asked first, it may ask the
    person, for a step that would throw away changes typed into a form, and False leaves
    the stack as it was. QUndoStack moves on whatever a command's undo() does, so that
    question cannot wait until the command runs.
    """

    notice = Signal(str)
    """What was undone or redone, for the status bar and screen readers."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def bind(self, undo_action: QAction, redo_action: QAction) -> None:
        """Send the stack's own actions here instead of straight to the stack.

        Actions from `createUndoAction` keep following the stack (their text names the
        next step; they are disabled when there is none); only where a trigger goes changes.
        """
        for action, step in ((undo_action, self.undo), (redo_action, self.redo)):
            action.triggered.disconnect()
            action.triggered.connect(step)

    @Slot()
    def undo(self) -> bool:
        """Undo the last step unless the person keeps what it would drop; True when done."""
        return self._step(undo=True)

    @Slot()
    def redo(self) -> bool:
        """Redo the step undone last unless the person keeps what it would drop."""
        return self._step(undo=False)

    def _step(self, *, undo: bool) -> bool:
        stack = self.stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            return False
        command = stack.command(stack.index() - 1 if undo else stack.index())
        may_run = getattr(command, "may_run", None)
        if callable(may_run) and not may_run():
            return False
        # Read before the step: a step that fails drops its command from the stack.
        text = command.text()
        count = stack.count()
        if undo:
            stack.undo()
        else:
            stack.redo()
        if stack.count() < count:
            return False  # it failed, and the command's host has said why
        template = self.tr("Undone: %1") if undo else self.tr("Redone: %1")
        self.notice.emit(template.replace("%1", text))
        return True
