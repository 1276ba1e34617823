"""A short list of medicine rows (name and dose) that can grow and shrink."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.diary import MAX_MEDICATION_CHARS, MAX_MEDICATIONS, Medication


class MedicationRow(QWidget):
    """One medicine: what it is, how much, and a button to take the row away."""

    removeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Medicine"))
        self.name.setMaxLength(MAX_MEDICATION_CHARS)
        self.dose = QLineEdit(self)
        self.dose.setPlaceholderText(self.tr("Dose, e.g. 400 mg"))
        self.dose.setMaxLength(MAX_MEDICATION_CHARS)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.dose, 2)
        layout.addWidget(self.remove)

    def set_number(self, number: int) -> None:
        """Accessible names carry the row number so a screen reader can tell rows apart.

        The button's name starts with its own word ("Remove: Medicine 2"), built from
        the two texts, so that it does in every language: voice control users say what
        they see.
        """
        medicine = self.tr("Medicine %1").replace("%1", str(number))
        self.name.setAccessibleName(medicine)
        self.dose.setAccessibleName(self.tr("Dose of medicine %1").replace("%1", str(number)))
        self.remove.setAccessibleName(f"{self.remove.text()}: {medicine}")

    def is_empty(self) -> bool:
        return not self.name.text().strip() and not self.dose.text().strip()


class MedicationEditor(QWidget):
    """Rows of name + dose with "Add medicine"; empty rows are ignored when reading."""

    changed = Signal()
    rowsChanged = Signal()
    """Rows came or went; the form puts them back into its tab order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MedicationRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add medicine"), self)
        self.add_button.setAccessibleName(self.tr("Add medicine"))
        self.add_button.clicked.connect(self._add_and_focus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def rows(self) -> list[MedicationRow]:
        return list(self._rows)

    def add_row(self, name: str = "", dose: str = "") -> MedicationRow:
        row = MedicationRow(self)
        row.name.setText(name)
        row.dose.setText(dose)
        row.removeRequested.connect(self._remove_row)
        row.name.textEdited.connect(self.changed)
        row.dose.textEdited.connect(self.changed)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        self._renumber()
        self.rowsChanged.emit()
        return row

    def medications(self) -> tuple[Medication, ...]:
        """What was typed, without blank rows; a dose without a name is kept so it is reported."""
        return tuple(
            Medication(name=row.name.text().strip(), dose=row.dose.text().strip())
            for row in self._rows
            if not row.is_empty()
        )

    def row_for_index(self, index: int) -> MedicationRow | None:
        """The row holding the `index`-th non-empty medicine (as numbered by validation)."""
        filled = [row for row in self._rows if not row.is_empty()]
        return filled[index] if 0 <= index < len(filled) else None

    def set_medications(self, medications: tuple[Medication, ...]) -> None:
        self.clear()
        for med in medications:
            self.add_row(med.name, med.dose)

    def clear(self) -> None:
        for row in list(self._rows):
            self._drop(row)
        self._renumber()
        self.rowsChanged.emit()

    def focus_order(self) -> list[QWidget]:
        """The editor's fields in the order Tab should visit them."""
        order: list[QWidget] = []
        for row in self._rows:
            order += [row.name, row.dose, row.remove]
        return [*order, self.add_button]

    def _add_and_focus(self) -> None:
        row = self.add_row()
        row.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _remove_row(self, row: MedicationRow) -> None:
        index = self._rows.index(row)
        self._drop(row)
        self._renumber()
        self.rowsChanged.emit()
        # Keep the keyboard user in the list rather than dropping focus to the window.
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].name.setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def _drop(self, row: MedicationRow) -> None:
        self._rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _renumber(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            row.set_number(number)
        self.add_button.setEnabled(len(self._rows) < MAX_MEDICATIONS)
