"""The exercise library as a Qt model, with a proxy that filters by group and name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)

from rugdiary.core.exercises import Exercise, Group
from rugdiary.ui.programs.texts import group_name, search_form
from rugdiary.ui.programs.thumbnails import ExercisePictures

ExerciseRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2
OwnRole = Qt.ItemDataRole.UserRole + 3
THUMB_SIZE = QSize(96, 64)

AnyIndex = QModelIndex | QPersistentModelIndex


class ExerciseListModel(QAbstractListModel):
    """Built-in exercises first, then the person's own, each with its start-pose thumbnail."""

    def __init__(
        self, pictures: ExercisePictures, lang: str = "en", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self._lang = lang
        self._exercises: list[Exercise] = []

    def set_exercises(self, exercises: Sequence[Exercise]) -> None:
        self.beginResetModel()
        self._exercises = list(exercises)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.beginResetModel()
        self._lang = lang
        self.endResetModel()

    @property
    def lang(self) -> str:
        return self._lang

    def exercise_at(self, row: int) -> Exercise | None:
        return self._exercises[row] if 0 <= row < len(self._exercises) else None

    def row_of(self, exercise_id: str) -> int:
        for row, exercise in enumerate(self._exercises):
            if exercise.id == exercise_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exercises)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        exercise = self.exercise_at(index.row()) if index.isValid() else None
        if exercise is None:
            return None
        name = exercise.name.get(self._lang)
        group = group_name(exercise.group)
        if not exercise.builtin:
            group = QCoreApplication.translate("Programs", "%1 · your own").replace("%1", group)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}\n{group}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{name}, {group}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pictures.icon(exercise, THUMB_SIZE)
        if role == ExerciseRole:
            return exercise
        if role == GroupRole:
            return exercise.group.value
        if role == OwnRole:
            return not exercise.builtin
        return None


class ExerciseFilterModel(QSortFilterProxyModel):
    """Shows the exercises of one group (or all) whose name in the shown language matches.

    Only the shown language: a hit on a hidden Dutch name would look like a wrong match.
    Case and accents aside (texts.search_form): "knieen" finds "Knieën".
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group: Group | None = None
        self._search = ""

    def set_group(self, group: Group | None) -> None:
        self._begin_change()
        self._group = group
        self._end_change()

    def set_search(self, text: str) -> None:
        self._begin_change()
        self._search = search_form(text.strip())
        self._end_change()

    # Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange(); older Qt lacks them.
    def _begin_change(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ExerciseListModel):
            return True
        exercise = model.exercise_at(source_row)
        if exercise is None:
            return False
        if self._group is not None and exercise.group is not self._group:
            return False
        if not self._search:
            return True
        return self._search in search_form(exercise.name.get(model.lang))
