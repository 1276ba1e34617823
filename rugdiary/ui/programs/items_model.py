"""The exercises of a program being edited, as a model that reorders by drag and drop."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from rugdiary.core.exercises import Dose, Exercise, Level
from rugdiary.core.programs import ALL_LEVELS, DoseOverride, ProgramItem
from rugdiary.ui.programs.texts import dose_summary

ROWS_MIME = "application/x-rugdiary-program-rows"
AnyIndex = QModelIndex | QPersistentModelIndex


def override_for(base: Dose, wanted: Dose) -> DoseOverride | None:
    """The smallest override that turns `base` into `wanted`; None when they are equal.

    Only changed fields are stored, so the program keeps following the library for the rest.
    """
    changes: dict[str, Any] = {}
    work_changed = base.mode is not wanted.mode or base.work_s != wanted.work_s
    for f in fields(Dose):
        name = f.name
        if name in ("hold_s", "tempo_s", "duration_s"):
            if work_changed and getattr(wanted, name):
                changes[name] = getattr(wanted, name)
        elif getattr(base, name) != getattr(wanted, name):
            changes[name] = getattr(wanted, name)
    return DoseOverride(**changes) if changes else None


class ProgramItemsModel(QAbstractListModel):
    """Rows are ProgramItems; the display shows the exercise and its dose at the chosen level."""

    itemsChanged = Signal()
    """Emitted after any change of order, exercises or doses (for the live total)."""

    def __init__(
        self,
        exercises: Mapping[str, Exercise],
        level: Level = Level.BEGINNER,
        lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exercises = exercises
        self._level = level
        self._lang = lang
        self._items: list[ProgramItem] = []
        for signal in (
            self.rowsInserted,
            self.rowsRemoved,
            self.rowsMoved,
            self.modelReset,
            self.dataChanged,
        ):
            signal.connect(self.itemsChanged)

    # -- content -----------------------------------------------------------------------------

    def items(self) -> tuple[ProgramItem, ...]:
        return tuple(self._items)

    def set_items(self, items: Sequence[ProgramItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def set_level(self, level: Level) -> None:
        self._level = level
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    @property
    def level(self) -> Level:
        return self._level

    def exercise_at(self, row: int) -> Exercise | None:
        if not 0 <= row < len(self._items):
            return None
        return self._exercises.get(self._items[row].exercise_id)

    def add_exercise(self, exercise_id: str, row: int | None = None) -> int:
        """Insert an exercise with its library dose; returns the row it landed on."""
        row = len(self._items) if row is None else max(0, min(row, len(self._items)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, ProgramItem(exercise_id))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> bool:
        if not 0 <= row < len(self._items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()
        return True

    def move_row(self, row: int, to: int) -> bool:
        """Move `row` so that it ends up at index `to` (keyboard and buttons use this)."""
        if not 0 <= row < len(self._items) or not 0 <= to < len(self._items) or row == to:
            return False
        # moveRows wants the index *before which* the row goes, counted before the move.
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), to + 1 if to > row else to)

    def dose_at(self, row: int) -> Dose | None:
        exercise = self.exercise_at(row)
        if exercise is None:
            return None
        return self._items[row].dose(exercise, self._level)

    def set_dose(self, row: int, dose: Dose) -> None:
        """Store `dose` as this item's dose at the current level, as a minimal override."""
        exercise = self.exercise_at(row)
        if exercise is None:
            return
        item = self._items[row]
        others = tuple((k, o) for k, o in item.overrides if k != self._level.value)
        without_level = replace(item, overrides=others)
        base = without_level.dose(exercise, self._level)
        override = override_for(base, dose)
        overrides = others if override is None else (*others, (self._level.value, override))
        self._items[row] = replace(item, overrides=_ordered(overrides))
        index = self.index(row)
        self.dataChanged.emit(index, index)

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        exercise = self._exercises.get(item.exercise_id)
        if exercise is None:
            name = QCoreApplication.translate("Programs", "Missing exercise (%1)").replace(
                "%1", item.exercise_id
            )
            dose_text = QCoreApplication.translate(
                "Programs", "not in the library any more: remove it or add it again"
            )
        else:
            name = exercise.name.get(self._lang)
            dose_text = dose_summary(item.dose(exercise, self._level))
        position = f"{index.row() + 1}. "
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{position}{name}\n{dose_text}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{position}{name}, {dose_text}"
        if role == Qt.ItemDataRole.UserRole:
            return item.exercise_id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(ROWS_MIME, QByteArray(json.dumps(rows).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(ROWS_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Move the dragged rows to `row` (or onto `parent`'s row, or to the end)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            rows = json.loads(bytes(data.data(ROWS_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        rows = sorted({r for r in rows if isinstance(r, int) and 0 <= r < len(self._items)})
        if not rows:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        if len(rows) == 1:
            source = rows[0]
            if row in (source, source + 1):
                return True
            return self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)
        moving = [self._items[r] for r in rows]
        staying = [item for r, item in enumerate(self._items) if r not in rows]
        at = row - sum(1 for r in rows if r < row)
        self.beginResetModel()
        self._items = staying[:at] + moving + staying[at:]
        self.endResetModel()
        return True

    def moveRows(
        self,
        source_parent: AnyIndex,
        source_row: int,
        count: int,
        destination_parent: AnyIndex,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        end = source_row + count
        size = len(self._items)
        if source_row < 0 or end > size or not 0 <= destination_child <= size:
            return False
        if source_row <= destination_child <= end:
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, end - 1, QModelIndex(), destination_child
        ):
            return False
        block = self._items[source_row:end]
        del self._items[source_row:end]
        at = destination_child - count if destination_child > source_row else destination_child
        self._items[at:at] = block
        self.endMoveRows()
        # Row numbers are part of the text, so every row's label changes.
        self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))
        return True


def _ordered(overrides: Sequence[tuple[str, DoseOverride]]) -> tuple[tuple[str, DoseOverride], ...]:
    order = [ALL_LEVELS, *(level.value for level in Level)]
    return tuple(sorted(overrides, key=lambda pair: order.index(pair[0])))
