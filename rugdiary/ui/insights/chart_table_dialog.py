"""A chart's numbers as a table: for screen readers, and for anyone who prefers numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rugdiary.reports.chart_tables import ChartTable


def table_model(table: ChartTable, parent: QWidget | None = None) -> QStandardItemModel:
    """The rows of `table`, read-only, numbers aligned to the right for easy comparing."""
    model = QStandardItemModel(len(table.rows), len(table.columns), parent)
    model.setHorizontalHeaderLabels(list(table.columns))
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            item = QStandardItem(text)
            item.setEditable(False)
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            model.setItem(r, c, item)
    return model


class ChartTableDialog(QDialog):
    """The chart's title, its numbers in one paragraph, and every value in a table.

    The summary comes first and takes the focus's first stop after the table: a screen
    reader says it as the dialog opens (it is the dialog's description), and the table
    can be walked cell by cell with the arrow keys.
    """

    def __init__(self, table: ChartTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartTableDialog")
        self.setWindowTitle(table.title)
        self.setAccessibleDescription(table.summary)
        self.resize(720, 520)
        self.summary = QLabel(table.summary, self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.view = QTableView(self)
        self.view.setModel(table_model(table, self))
        self.view.setAccessibleName(table.title)
        self.view.setAccessibleDescription(table.summary)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        if table.rows:
            self.view.setCurrentIndex(self.view.model().index(0, 0))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The table, not the Close button: the numbers are what the person came for.
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
