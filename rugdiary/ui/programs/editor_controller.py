"""Program editor behaviour: fill the form, reorder, dose per exercise, live total, save."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from rugdiary.core.content import forbidden_words
from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Exercise, Level, Text
from rugdiary.core.programs import Program, program_total_s
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui.programs.commands import ProgramStore
from rugdiary.ui.programs.editor_view import ProgramEditorView
from rugdiary.ui.programs.items_model import ProgramItemsModel
from rugdiary.ui.programs.texts import duration_text, level_name, name_order, not_saved_yet

DEFAULT_DESCRIPTION = Text(en="Made by you in RugDiary.", nl="Zelf gemaakt in RugDiary.")
NEW_SESSIONS_PER_WEEK = 3


def new_id(name: str) -> str:
    """A slug from the name plus a short random part, so two "Morning" programs never clash."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40].strip("-")
    suffix = uuid.uuid4().hex[:6]
    return f"{slug}-{suffix}" if slug else f"own-{suffix}"


def both_languages(en: str, nl: str) -> Text | None:
    """A Text from what the person typed; one language fills in for the other."""
    en, nl = en.strip(), nl.strip()
    if not en and not nl:
        return None
    return Text(en=en or nl, nl=nl or en)


def frequency_text(sessions_per_week: int) -> Text:
    """The frequency line in both languages, from the number of sessions per week."""
    if sessions_per_week == 1:
        return Text(en="Once a week", nl="Eén keer per week")
    return Text(en=f"{sessions_per_week} times a week", nl=f"{sessions_per_week} keer per week")


def fear_word_warning(texts: Mapping[str, str]) -> str:
    """A gentle note when the person's own words include fear words; empty when fine.

    A warning, not a block: these are the person's own notes.
    """
    found: list[str] = []
    for lang, text in texts.items():
        found += forbidden_words(text, lang)
    if not found:
        return ""
    return QCoreApplication.translate(
        "Programs",
        "A word like “%1” can make moving feel risky. You could say “move freely” or "
        "“let the back relax” instead. You can still save it as it is.",
    ).replace("%1", found[0])


class ProgramEditorController(QObject):
    """Joins the editor dialog to the items model and the program store."""

    saved = Signal(object)
    """The Program as stored."""

    def __init__(
        self,
        view: ProgramEditorView,
        model: ProgramItemsModel,
        store: ProgramStore,
        exercises: Mapping[str, Exercise],
        lang: str,
        program: Program | None,
        *,
        is_new: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.model = model
        self.store = store
        self.exercises = exercises
        self.lang = lang
        self.original = program
        self.is_new = is_new
        self._loading = False

        view.setWindowTitle(
            QCoreApplication.translate("Programs", "New program")
            if program is None
            else (
                QCoreApplication.translate("Programs", "Copy of a program")
                if is_new
                else QCoreApplication.translate("Programs", "Change program")
            )
        )
        by_name = name_order(lang)  # accents sort where a reader of the language expects
        ordered = sorted(exercises.values(), key=lambda e: by_name(e.name.get(lang)))
        for exercise in ordered:
            label = exercise.name.get(lang)
            if not exercise.builtin:
                label = QCoreApplication.translate("Programs", "%1 (your own)").replace("%1", label)
            view.add_choice.addItem(label, exercise.id)

        if program is not None:
            view.name_en.setText(program.name.en)
            view.name_nl.setText(program.name.nl)
            if program.description != DEFAULT_DESCRIPTION:
                view.description.setText(program.description.get(lang))
            view.level.setCurrentIndex(view.level.findData(program.level.value))
            view.sessions_per_week.setValue(program.sessions_per_week)
            model.set_level(program.level)
            model.set_items(program.items)
        else:
            view.sessions_per_week.setValue(NEW_SESSIONS_PER_WEEK)
            model.set_level(Level.BEGINNER)

        view.level.currentIndexChanged.connect(self._on_level_changed)
        view.items.selectionModel().currentChanged.connect(lambda _c, _p: self._load_dose())
        model.itemsChanged.connect(self._update_total)
        model.rowsMoved.connect(lambda *_: self._update_buttons())
        view.dose.doseChanged.connect(self._on_dose_changed)
        view.up_button.clicked.connect(self.move_up)
        view.down_button.clicked.connect(self.move_down)
        view.items.moveRequested.connect(self._move)
        view.remove_button.clicked.connect(self.remove_selected)
        view.add_button.clicked.connect(self.add_chosen)
        view.save_button.clicked.connect(self.save)
        view.cancel_button.clicked.connect(view.reject)
        for edit in (view.name_en, view.name_nl, view.description):
            edit.textChanged.connect(lambda _t: self._check_wording())

        if model.rowCount():
            view.select_row(0)
        self._load_dose()
        self._update_total()
        view.name_en.setFocus(Qt.FocusReason.OtherFocusReason)
        # Cancel, Escape and the close button ask before throwing changes away.
        view.has_changes = self.has_changes  # type: ignore[method-assign]

    # -- order and content -------------------------------------------------------------------

    def move_up(self) -> bool:
        return self._move(-1)

    def move_down(self) -> bool:
        return self._move(1)

    def _move(self, step: int) -> bool:
        row = self.view.current_row()
        if row < 0 or not self.model.move_row(row, row + step):
            return False
        self.view.select_row(row + step)
        return True

    def add_chosen(self) -> int:
        exercise_id = self.view.add_choice.currentData()
        if not exercise_id:
            return -1
        row = self.model.add_exercise(exercise_id)
        self.view.select_row(row)
        return row

    def remove_selected(self) -> bool:
        row = self.view.current_row()
        if not self.model.remove_row(row):
            return False
        self.view.select_row(min(row, self.model.rowCount() - 1))
        self._load_dose()
        return True

    # -- dose and total ----------------------------------------------------------------------

    def _on_level_changed(self, _index: int) -> None:
        self.model.set_level(self.view.chosen_level())
        self._load_dose()
        self._update_total()

    def _load_dose(self) -> None:
        view = self.view
        row = view.current_row()
        dose = self.model.dose_at(row)
        view.dose_box.setEnabled(dose is not None)
        level = level_name(self.model.level)
        if dose is None:
            view.dose_box.setTitle(QCoreApplication.translate("Programs", "Dose"))
            view.dose_hint.setText(
                QCoreApplication.translate(
                    "Programs", "Choose an exercise in the list to set its dose."
                )
            )
        else:
            exercise = self.model.exercise_at(row)
            name = exercise.name.get(self.lang) if exercise else ""
            view.dose_box.setTitle(
                QCoreApplication.translate("Programs", "Dose of %1 at the %2 level")
                .replace("%1", name)
                .replace("%2", level)
            )
            view.dose_hint.setText(
                QCoreApplication.translate(
                    "Programs", "The other levels keep their own dose from the library."
                )
            )
            self._loading = True
            view.dose.set_dose(dose)
            self._loading = False
        self._update_buttons()

    def _on_dose_changed(self) -> None:
        if self._loading:
            return
        row = self.view.current_row()
        try:
            dose = self.view.dose.dose()
        except ValidationError as error:
            self.view.show_message(self._field_message(error))
            return
        self.view.show_message("")
        self.model.set_dose(row, dose)

    def total_s(self) -> int | None:
        """Seconds of the program as it stands, at the chosen level; None if it cannot play."""
        items = self.model.items()
        if not items:
            return None
        try:
            draft = Program(
                id="draft",
                name=DEFAULT_DESCRIPTION,
                description=DEFAULT_DESCRIPTION,
                frequency=DEFAULT_DESCRIPTION,
                level=self.model.level,
                sessions_per_week=1,
                items=items,
            )
            return program_total_s(draft, self.exercises, self.model.level)
        except ValidationError:
            return None

    def _update_total(self) -> None:
        total = self.total_s()
        level = level_name(self.model.level)
        if total is None:
            text = (
                QCoreApplication.translate("Programs", "Add at least one exercise.")
                if not self.model.rowCount()
                else QCoreApplication.translate(
                    "Programs", "The total cannot be worked out: an exercise is missing."
                )
            )
        else:
            text = QCoreApplication.translate("Programs", "Total: %1 at the %2 level").replace(
                "%1", duration_text(total)
            )
            text = text.replace("%2", level)
        self.view.total.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.view.current_row()
        count = self.model.rowCount()
        self.view.up_button.setEnabled(row > 0)
        self.view.down_button.setEnabled(0 <= row < count - 1)
        self.view.remove_button.setEnabled(row >= 0)

    # -- saving ------------------------------------------------------------------------------

    def _check_wording(self) -> None:
        view = self.view
        warning = fear_word_warning(
            {
                "en": view.name_en.text() + " " + view.description.text(),
                "nl": view.name_nl.text() + " " + view.description.text(),
            }
        )
        view.show_message(warning)

    def has_changes(self) -> bool:
        """Whether Save would store something other than what the editor was opened with.

        A new program has changes once anything is typed, added or chosen; a copy or an
        own program once what Save would store differs from it. A form Save would refuse
        (a name or every exercise removed) counts as changed.
        """
        if self.original is None:
            view = self.view
            typed = (view.name_en.text(), view.name_nl.text(), view.description.text())
            return (
                any(text.strip() for text in typed)
                or self.model.rowCount() > 0
                or view.chosen_level() is not Level.BEGINNER
                or view.sessions_per_week.value() != NEW_SESSIONS_PER_WEEK
            )
        stored = self.model.dose_at(self.view.current_row())
        try:
            shown = self.view.dose.checked_dose() if stored is not None else None
            program = self.build()
        except ValidationError:
            return True
        if shown != stored:
            return True  # a box holds a dose the model has not taken (yet)
        # A copy gets a fresh id when saved; that alone is not a change.
        return replace(program, id=self.original.id) != self.original

    def build(self) -> Program:
        """The program the form describes; raises ValidationError naming the field."""
        view = self.view
        name = both_languages(view.name_en.text(), view.name_nl.text())
        if name is None:
            raise ValidationError(
                "name", QCoreApplication.translate("Programs", "give the program a name")
            )
        description_text = view.description.text().strip()
        if not description_text:
            description = DEFAULT_DESCRIPTION
        elif self.original and description_text == self.original.description.get(self.lang):
            description = self.original.description  # unchanged: keep both languages
        else:
            description = Text(en=description_text, nl=description_text)
        items = self.model.items()
        if not items:
            raise ValidationError(
                "items", QCoreApplication.translate("Programs", "add at least one exercise")
            )
        for i, item in enumerate(items):
            if item.exercise_id not in self.exercises:
                raise ValidationError(
                    f"items[{i}].exercise",
                    QCoreApplication.translate(
                        "Programs", "this exercise is no longer in the library"
                    ),
                )
        keep_id = not self.is_new and self.original is not None
        program_id = self.original.id if keep_id and self.original else new_id(name.en)
        level = view.chosen_level()
        sessions = view.sessions_per_week.value()
        # The editor does not show the frequency line: a physiotherapist's "twice a day,
        # morning and evening" stays until the number of sessions itself is changed.
        if self.original is not None and sessions == self.original.sessions_per_week:
            frequency = self.original.frequency
        else:
            frequency = frequency_text(sessions)
        return Program(
            id=program_id,
            name=name,
            description=description,
            frequency=frequency,
            level=level,
            sessions_per_week=sessions,
            items=items,
            # The physiotherapist's note (from a programme file) stays with the programme.
            note=self.original.note if self.original else None,
        )

    def save(self) -> Program | None:
        """Save and close; on a problem the dialog stays open with everything typed."""
        if not self._take_dose():
            return None
        try:
            program = self.build()
            program_total_s(program, self.exercises, program.level)
        except ValidationError as error:
            self.view.show_message(self._field_message(error))
            self._focus_field(error.field)
            return None
        try:
            stored = self.store.save(program)
        except (StorageWriteError, DataFileError) as error:
            self.view.show_message(not_saved_yet(error.reason))
            return None
        self.original = stored
        self.is_new = False
        self.saved.emit(stored)
        self.view.accept()
        return stored

    def _take_dose(self) -> bool:
        """Make sure the dose shown is the one stored; False (said, field focused) if it cannot be.

        The model follows each keystroke but keeps the last usable dose, so a box left with
        a number the dose cannot take would otherwise save a dose nobody typed.
        """
        row = self.view.current_row()
        stored = self.model.dose_at(row)
        if stored is None:
            return True
        fields = self.view.dose
        try:
            shown = fields.checked_dose()
        except ValidationError as error:
            self.view.show_message(self._field_message(error))
            widget = fields.field_widget(error.field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if shown != stored:
            self.model.set_dose(row, shown)
        return True

    def _field_message(self, error: ValidationError) -> str:
        labels = {
            "name": QCoreApplication.translate("Programs", "Name"),
            "items": QCoreApplication.translate("Programs", "Exercises"),
            "sessions_per_week": QCoreApplication.translate("Programs", "Sessions per week"),
            "level": QCoreApplication.translate("Programs", "Level"),
            "reps": QCoreApplication.translate("Programs", "Repetitions"),
            "sets": QCoreApplication.translate("Programs", "Sets"),
            "hold_s": QCoreApplication.translate("Programs", "Seconds"),
            "tempo_s": QCoreApplication.translate("Programs", "Seconds"),
            "duration_s": QCoreApplication.translate("Programs", "Seconds"),
            "rest_s": QCoreApplication.translate("Programs", "Rest between reps"),
            "set_rest_s": QCoreApplication.translate("Programs", "Rest between sets"),
        }
        key = error.field.split("[")[0].rsplit(".", 1)[-1]
        label = labels.get(key, labels.get(error.field.split("[")[0], error.field))
        return (
            QCoreApplication.translate("Programs", "%1: %2")
            .replace("%1", label)
            .replace("%2", error.message)
        )

    def _focus_field(self, field: str) -> None:
        view = self.view
        widget = {
            "name": view.name_en,
            "items": view.items,
            "sessions_per_week": view.sessions_per_week,
        }.get(field.split("[")[0])
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
