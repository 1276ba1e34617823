"""A small form for one dose: kind, seconds, reps, sets, rests and sides."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import DOSE_LIMITS, WORK_FIELD, Dose, DoseMode
from rugdiary.ui.programs.texts import work_label
from rugdiary.ui.widgets.form_parts import add_labelled_rows


def work_limit(mode: DoseMode) -> int:
    """The most seconds of one repetition of this kind, as the Dose itself allows.

    The box refuses more, so it never shows a number the program cannot store.
    """
    return DOSE_LIMITS[WORK_FIELD[mode]][1]


def _spin(field: str, suffix: str, name: str, parent: QWidget) -> QSpinBox:
    """A box for one Dose field, with the range the Dose allows (work fields from 1)."""
    low, high = DOSE_LIMITS[field]
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    spin.setAccelerated(True)
    return spin


class DoseFields(QWidget):
    """Edits one Dose; the kind of dose can be locked (a program keeps the exercise's kind)."""

    doseChanged = Signal()

    def __init__(self, parent: QWidget | None = None, *, kind_editable: bool = True) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(QCoreApplication.translate("Programs", "Kind of exercise"))
        self.kind.addItem(
            QCoreApplication.translate("Programs", "Hold a position"), DoseMode.HOLD.value
        )
        self.kind.addItem(
            QCoreApplication.translate("Programs", "Move at a steady pace"), DoseMode.REPS.value
        )
        self.kind.addItem(
            QCoreApplication.translate("Programs", "Keep going for a time"), DoseMode.TIMED.value
        )
        seconds = QCoreApplication.translate("Programs", " s")
        # Named after its label, which follows the kind (see _show_mode).
        self.work = _spin(WORK_FIELD[DoseMode.HOLD], seconds, work_label(DoseMode.HOLD), self)
        self.reps = _spin("reps", "", QCoreApplication.translate("Programs", "Repetitions"), self)
        self.sets = _spin("sets", "", QCoreApplication.translate("Programs", "Sets"), self)
        # The name starts with the label's words (voice control says those); the rest is
        # the description.
        self.rest = _spin(
            "rest_s", seconds, QCoreApplication.translate("Programs", "Rest between reps"), self
        )
        self.rest.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Rest between repetitions")
        )
        self.set_rest = _spin(
            "set_rest_s", seconds, QCoreApplication.translate("Programs", "Rest between sets"), self
        )
        self.per_side = QCheckBox(QCoreApplication.translate("Programs", "Each side in turn"), self)
        # No name of its own: the box's text is it; the longer wording describes it.
        self.per_side.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Do the repetitions on each side in turn")
        )
        self.work_label = QLabel(work_label(DoseMode.HOLD), self)
        self.work_label.setBuddy(self.work)

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel(QCoreApplication.translate("Programs", "&Kind"), self)
        self.kind_label.setBuddy(self.kind)
        layout.addRow(self.kind_label, self.kind)
        layout.addRow(self.work_label, self.work)
        add_labelled_rows(
            layout,
            [
                (QCoreApplication.translate("Programs", "&Repetitions"), self.reps),
                (QCoreApplication.translate("Programs", "S&ets"), self.sets),
                (QCoreApplication.translate("Programs", "Rest &between reps"), self.rest),
                (QCoreApplication.translate("Programs", "Rest between se&ts"), self.set_rest),
            ],
            self,
        )
        layout.addRow("", self.per_side)
        self.set_kind_editable(kind_editable)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for spin in (self.work, self.reps, self.sets, self.rest, self.set_rest):
            spin.valueChanged.connect(self.doseChanged)
        self.per_side.toggled.connect(self.doseChanged)

    def set_kind_editable(self, editable: bool) -> None:
        self.kind.setEnabled(editable)
        self.per_side.setEnabled(editable)

    def mode(self) -> DoseMode:
        return DoseMode(self.kind.currentData())

    def set_dose(self, dose: Dose) -> None:
        """Show `dose` without emitting doseChanged (loading is not a change)."""
        widgets = (self.kind, self.work, self.reps, self.sets, self.rest, self.set_rest)
        for widget in (*widgets, self.per_side):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(dose.mode.value))
        self._show_mode(dose.mode)
        self.work.setValue(dose.work_s)
        self.reps.setValue(dose.reps)
        self.sets.setValue(dose.sets)
        self.rest.setValue(dose.rest_s)
        self.set_rest.setValue(dose.set_rest_s)
        self.per_side.setChecked(dose.per_side)
        for widget in (*widgets, self.per_side):
            widget.blockSignals(False)

    def dose(self) -> Dose:
        """The dose shown; raises ValidationError naming the field when it is not usable."""
        mode = self.mode()
        work = self.work.value()
        return Dose(
            reps=self.reps.value(),
            sets=self.sets.value(),
            hold_s=work if mode is DoseMode.HOLD else 0,
            tempo_s=work if mode is DoseMode.REPS else 0,
            duration_s=work if mode is DoseMode.TIMED else 0,
            rest_s=self.rest.value(),
            set_rest_s=self.set_rest.value(),
            per_side=self.per_side.isChecked(),
        )

    def field_widget(self, field: str) -> QWidget | None:
        """The widget for a dose field named in a ValidationError."""
        name = field.rsplit(".", 1)[-1]
        return {
            "reps": self.reps,
            "sets": self.sets,
            "hold_s": self.work,
            "tempo_s": self.work,
            "duration_s": self.work,
            "rest_s": self.rest,
            "set_rest_s": self.set_rest,
            "per_side": self.per_side,
        }.get(name)

    def checked_dose(self) -> Dose:
        """The dose shown, also refusing a box whose text is not a number it can take.

        Such a box (cleared, or below its lowest) still reports its last good value, so
        dose() alone would return what the box no longer shows. Raises ValidationError
        naming the field as a Dose would.
        """
        boxes = (
            (self.reps, "reps"),
            (self.sets, "sets"),
            (self.work, WORK_FIELD[self.mode()]),
            (self.rest, "rest_s"),
            (self.set_rest, "set_rest_s"),
        )
        for box, field in boxes:
            if not box.hasAcceptableInput():
                raise ValidationError(
                    field,
                    QCoreApplication.translate("Programs", "enter a whole number from %1 to %2")
                    .replace("%1", str(box.minimum()))
                    .replace("%2", str(box.maximum())),
                )
        return self.dose()

    def _show_mode(self, mode: DoseMode) -> None:
        """Label, name and upper limit of the seconds box for this kind of dose."""
        label = work_label(mode)
        self.work_label.setText(label)
        self.work.setAccessibleName(label)
        self.work.setMaximum(work_limit(mode))

    def _on_kind_changed(self, _index: int) -> None:
        mode = self.mode()
        if mode is DoseMode.REPS and self.work.value() > work_limit(DoseMode.REPS):
            self.work.setValue(3)  # a tempo above a minute per rep is a slip, not a plan
        self._show_mode(mode)
        self.doseChanged.emit()
