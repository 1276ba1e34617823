"""Own-exercise editor behaviour: check and copy the picture, build the exercise, save it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QWidget

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import MAX_STEPS, Dose, Doses, Exercise, Group, Level, Text
from rugdiary.core.program_file import MAX_PICTURE_BYTES as FILE_PICTURE_BYTES
from rugdiary.core.program_file import MAX_PICTURE_SIDE, picture_info
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.program_files import discard_picture, place_picture, stage_picture
from rugdiary.ui import dialogs
from rugdiary.ui.programs.commands import ExerciseStore
from rugdiary.ui.programs.editor_controller import fear_word_warning, new_id
from rugdiary.ui.programs.exercise_editor_view import PREVIEW_SIZE, ExerciseEditorView
from rugdiary.ui.programs.texts import level_title, not_saved_yet
from rugdiary.ui.programs.thumbnails import ExercisePictures, load_picture

PICTURE_SUFFIXES: dict[str, str] = {".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".svg": "svg"}
# The limits a programme file sets (core/program_file.py): a picture taken here can travel.
MAX_PICTURE_BYTES = FILE_PICTURE_BYTES
DEFAULT_DOSE = Dose(reps=8, sets=2, tempo_s=3, set_rest_s=30)
OWN_FIGURE = ":own"
"""The figure choice that keeps the exercise's own figure (no exercise id has a colon)."""

# Texts an own exercise needs but a person may leave empty: point back to the physio.
DEFAULT_TEXTS: dict[str, Text] = {
    "start": Text(
        en="As your physiotherapist showed you.", nl="Zoals je fysiotherapeut het liet zien."
    ),
    "easier": Text(
        en="Ask your physiotherapist for an easier way.",
        nl="Vraag je fysiotherapeut naar een makkelijkere manier.",
    ),
    "harder": Text(
        en="Ask your physiotherapist for a harder way.",
        nl="Vraag je fysiotherapeut naar een zwaardere manier.",
    ),
    "mistake": Text(
        en="Rushing: move calmly and breathe normally.",
        nl="Haasten: beweeg rustig en adem gewoon door.",
    ),
    "safety": Text(
        en="Move freely within what feels okay; a little discomfort is fine.",
        nl="Beweeg vrij binnen wat goed voelt; een beetje ongemak is prima.",
    ),
}


class PictureError(Exception):
    """A chosen picture file that cannot be used, with the reason in plain words."""


def check_picture(path: Path) -> str:
    """The file's normalised extension ("png", "jpg", "svg"); raises PictureError."""
    suffix = PICTURE_SUFFIXES.get(path.suffix.lower())
    if suffix is None:
        raise PictureError(
            QCoreApplication.translate("Programs", "Choose a PNG, JPEG or SVG picture.")
        )
    try:
        size = path.stat().st_size
    except OSError:
        raise PictureError(
            QCoreApplication.translate("Programs", "The picture file could not be opened.")
        ) from None
    if size > MAX_PICTURE_BYTES:
        megabytes = f"{size / (1024 * 1024):.1f}"
        raise PictureError(
            QCoreApplication.translate(
                "Programs",
                "This picture is %1 MB; pictures can be up to 10 MB. A smaller copy will do.",
            ).replace("%1", megabytes)
        )
    if suffix != "svg":
        # Checked now, not when the program is shared: a programme file refuses larger
        # pictures (an SVG travels drawn at a fixed size, so it has no such limit).
        pixels = QImageReader(str(path)).size()
        if pixels.width() > MAX_PICTURE_SIDE or pixels.height() > MAX_PICTURE_SIDE:
            raise PictureError(
                QCoreApplication.translate(
                    "Programs",
                    "This picture is %1 × %2 pixels; pictures can be up to %3 × %3 pixels. "
                    "A smaller copy will do.",
                )
                .replace("%1", str(pixels.width()))
                .replace("%2", str(pixels.height()))
                .replace("%3", str(MAX_PICTURE_SIDE))
            )
    unreadable = PictureError(
        QCoreApplication.translate("Programs", "This file could not be read as a picture.")
    )
    if suffix != "svg":
        # A programme file reads the size from the header as picture_info does; a file
        # it cannot read that way would stop the export of every program that uses it.
        try:
            picture_info(path.read_bytes())
        except (OSError, ValidationError):
            raise unreadable from None
    if load_picture(path, PREVIEW_SIZE) is None:
        raise unreadable
    return suffix


def copy_picture_in(source: Path, pictures_dir: Path) -> Path:
    """Stage a copy of the chosen picture in the data folder (see stage_picture)."""
    with source.open("rb") as data:
        return stage_picture(pictures_dir, data)


class ExerciseEditorController(QObject):
    """Joins the own-exercise dialog to the exercise store and the pictures folder."""

    saved = Signal(object)
    """The Exercise as stored."""

    def __init__(
        self,
        view: ExerciseEditorView,
        store: ExerciseStore,
        pictures: ExercisePictures,
        lang: str,
        exercise: Exercise | None,
        *,
        choose_file: Callable[[QWidget | None], Path | None] | None = None,
        figures: Mapping[str, Exercise] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.store = store
        self.pictures = pictures
        self.lang = lang
        # Which language of a Text the form shows and edits (Text.get falls back to English).
        self._lang_field = "nl" if lang == "nl" else "en"
        self.original = exercise
        # Looked up at call time, so a test that patches dialogs.choose_picture_file works.
        self._choose_file = choose_file
        self._picture_source: Path | None = None
        self._picture_suffix = ""
        self._picture_name: str | None = exercise.picture if exercise else None
        # Built-in exercises whose figure an own exercise may borrow (keyed by id).
        self.figures = {k: e for k, e in (figures or {}).items() if e.figure is not None}
        self._figure_id: str | None = None
        # The exercise drawn for the OWN_FIGURE choice: a figure no built-in exercise has
        # (an older version's, an imported one), kept as it is unless another is chosen.
        self._own_figure: Exercise | None = None
        if exercise is not None and exercise.figure is not None:
            self._figure_id = next(
                (k for k, e in self.figures.items() if e.figure == exercise.figure), None
            )
            if self._figure_id is None:
                self._own_figure = replace(exercise, picture=None)
                self._figure_id = OWN_FIGURE
        self._loaded_figure_id = self._figure_id
        view.figure_choice.addItem(QCoreApplication.translate("Programs", "No figure"), None)
        if self._own_figure is not None:
            view.figure_choice.addItem(
                QCoreApplication.translate("Programs", "Its own figure, as it is"), OWN_FIGURE
            )
        for key, builtin in sorted(self.figures.items(), key=lambda kv: kv[1].name.get(lang)):
            view.figure_choice.addItem(builtin.name.get(lang), key)
        view.figure_choice.setCurrentIndex(max(0, view.figure_choice.findData(self._figure_id)))

        view.setWindowTitle(
            QCoreApplication.translate("Programs", "New own exercise")
            if exercise is None
            else QCoreApplication.translate("Programs", "Change exercise")
        )
        self._loaded_steps = ""
        if exercise is None:
            for fields in view.doses.values():
                fields.set_dose(DEFAULT_DOSE)
            view.same_dose.setChecked(True)
        else:
            self._load(exercise)
        # Levels loaded behind "the same dose at every level", which the person has not seen:
        # unticking it starts those still as loaded from the shared dose (_on_same_dose_toggled).
        self._unseen_doses: dict[Level, Dose] = {}
        if view.same_dose.isChecked():
            for level in (Level.INTERMEDIATE, Level.ADVANCED):
                with contextlib.suppress(ValidationError):
                    self._unseen_doses[level] = view.doses[level].dose()
        self._show_same_dose()
        self._show_preview()
        self._opened_form = self._form_state()

        view.has_changes = self.has_changes  # type: ignore[method-assign]
        view.same_dose.toggled.connect(self._on_same_dose_toggled)
        view.choose_picture_button.clicked.connect(self.choose_picture)
        view.remove_picture_button.clicked.connect(self.remove_picture)
        view.figure_choice.currentIndexChanged.connect(lambda _i: self.choose_figure())
        view.save_button.clicked.connect(self.save)
        view.cancel_button.clicked.connect(view.reject)
        for edit in (view.name, view.start, view.easier, view.harder, view.mistake, view.safety):
            edit.textChanged.connect(lambda _t: self._check_wording())
        view.steps.textChanged.connect(self._check_wording)
        view.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, exercise: Exercise) -> None:
        view = self.view
        view.name.setText(exercise.name.get(self.lang))
        view.group.setCurrentIndex(view.group.findData(exercise.group.value))
        for key, edit in (
            ("start", view.start),
            ("easier", view.easier),
            ("harder", view.harder),
            ("mistake", view.mistake),
            ("safety", view.safety),
        ):
            value: Text = getattr(exercise, key)
            edit.setText("" if value == DEFAULT_TEXTS[key] else value.get(self.lang))
        self._loaded_steps = "\n".join(step.get(self.lang) for step in exercise.steps)
        view.steps.setPlainText(self._loaded_steps)
        for level, fields in view.doses.items():
            fields.set_dose(exercise.dose(level))
        doses = [exercise.dose(level) for level in Level]
        view.same_dose.setChecked(all(dose == doses[0] for dose in doses))

    def _on_same_dose_toggled(self, same: bool) -> None:
        """The person ticked or unticked "the same dose at every level" (never on loading:
        opening an exercise must not change its doses)."""
        if not same:
            # Start the other levels from the shared dose rather than from something unseen.
            try:
                shared = self.view.doses[Level.BEGINNER].dose()
            except ValidationError:
                shared = None
            for level, loaded in self._unseen_doses.items():
                fields = self.view.doses[level]
                try:
                    untouched = fields.dose() == loaded
                except ValidationError:
                    untouched = False
                if shared is not None and untouched:
                    fields.set_dose(shared)
            self._unseen_doses.clear()  # shown now: from here on they are the person's
        self._show_same_dose()

    def _show_same_dose(self) -> None:
        tabs = self.view.dose_tabs
        same = self.view.same_dose.isChecked()
        for index in (1, 2):
            tabs.setTabVisible(index, not same)
        tabs.setTabText(
            0,
            QCoreApplication.translate("Programs", "Every level")
            if same
            else level_title(Level.BEGINNER),
        )
        if same:
            tabs.setCurrentIndex(0)

    # -- picture -----------------------------------------------------------------------------

    def choose_picture(self) -> bool:
        """Ask for a picture file and check it; it is copied only when the exercise is saved."""
        choose = self._choose_file or dialogs.choose_picture_file
        path = choose(self.view)
        if path is None:
            return False
        try:
            suffix = check_picture(path)
        except PictureError as problem:
            self.view.show_message(str(problem))
            return False
        self._picture_source = path
        self._picture_suffix = suffix
        self.view.figure_choice.setCurrentIndex(0)
        self.view.show_message("")
        self._show_preview()
        return True

    def choose_figure(self) -> None:
        """Borrow the figure chosen in the list; it replaces a picture, and a picture it."""
        self._figure_id = self.view.figure_choice.currentData()
        if self._figure_id is not None:
            self._picture_source = None
            self._picture_name = None
        self._show_preview()

    def remove_picture(self) -> None:
        self._picture_source = None
        self._picture_name = None
        self.view.figure_choice.setCurrentIndex(0)
        self._show_preview()

    def _show_preview(self) -> None:
        view = self.view
        pixmap = None
        if self._picture_source is not None:
            pixmap = load_picture(self._picture_source, PREVIEW_SIZE, view.devicePixelRatioF())
        elif self._picture_name:
            pixmap = load_picture(
                self.pictures.pictures_dir / self._picture_name,
                PREVIEW_SIZE,
                view.devicePixelRatioF(),
            )
        elif (figure := self._chosen_figure()) is not None:
            pixmap = self.pictures.pixmap(figure, PREVIEW_SIZE, view.devicePixelRatioF())
        if pixmap is None or pixmap.isNull():
            view.preview.setText(QCoreApplication.translate("Programs", "No picture"))
            view.preview.setAccessibleName("")  # its words are its name
        else:
            view.preview.setPixmap(pixmap)
            view.preview.setAccessibleName(
                QCoreApplication.translate("Programs", "Picture of the exercise")
            )
        view.remove_picture_button.setEnabled(
            self._picture_source is not None
            or bool(self._picture_name)
            or self._figure_id is not None
        )

    def _chosen_figure(self) -> Exercise | None:
        """The exercise whose figure the figure choice shows (None: no figure)."""
        if self._figure_id == OWN_FIGURE:
            return self._own_figure
        return self.figures.get(self._figure_id) if self._figure_id is not None else None

    # -- saving ------------------------------------------------------------------------------

    def _check_wording(self) -> None:
        view = self.view
        text = " ".join(
            [
                view.name.text(),
                view.start.text(),
                view.steps.toPlainText(),
                view.easier.text(),
                view.harder.text(),
                view.mistake.text(),
                view.safety.text(),
            ]
        )
        view.show_message(fear_word_warning({"en": text, "nl": text}))

    def build(self, exercise_id: str, picture: str | None) -> Exercise:
        """The exercise the form describes; raises ValidationError naming the field."""
        view = self.view
        name = view.name.text().strip()
        if not name:
            raise ValidationError(
                "name", QCoreApplication.translate("Programs", "give the exercise a name")
            )
        steps = view.step_lines()
        if not steps:
            raise ValidationError(
                "steps", QCoreApplication.translate("Programs", "write at least one step")
            )
        if len(steps) > MAX_STEPS:
            raise ValidationError(
                "steps",
                QCoreApplication.translate(
                    "Programs", "use at most %1 steps, one per line"
                ).replace("%1", str(MAX_STEPS)),
            )

        original = self.original

        def own(key: str, edit_text: str) -> Text:
            value = edit_text.strip()
            if not value:
                return DEFAULT_TEXTS[key]
            stored: Text | None = getattr(original, key) if original else None
            # A default text was shown as an empty field; what is typed there is all new.
            return self._kept_or_edited(None if stored == DEFAULT_TEXTS[key] else stored, value)

        if self._figure_id == self._loaded_figure_id and original is not None:
            figure = original.figure  # not chosen anew: kept exactly as stored
        else:
            chosen = self._chosen_figure()
            figure = chosen.figure if chosen is not None and picture is None else None
        return Exercise(
            id=exercise_id,
            name=self._kept_or_edited(original.name if original else None, name),
            group=Group(view.group.currentData()),
            start=own("start", view.start.text()),
            steps=self._steps(steps),
            doses=self._doses(),
            easier=own("easier", view.easier.text()),
            harder=own("harder", view.harder.text()),
            mistake=own("mistake", view.mistake.text()),
            safety=own("safety", view.safety.text()),
            picture=picture,
            figure=figure,
        )

    def _doses(self) -> Doses:
        """The doses the form shows; raises ValidationError naming the field."""
        view = self.view
        if view.same_dose.isChecked():
            dose = view.doses[Level.BEGINNER].checked_dose()
            return Doses(beginner=dose, intermediate=dose, advanced=dose)
        return Doses(**{level.value: view.doses[level].checked_dose() for level in Level})

    def _kept_or_edited(self, stored: Text | None, shown: str) -> Text:
        """The text for `shown` (stripped, not empty) where `stored` was loaded.

        Left as it was, the stored text is kept with every language. Changed, it replaces
        only the language shown when the other one holds a text of its own (a translation,
        from a programme file, say): an edit in English must not overwrite the Dutch. Text
        typed once, the same in both languages, changes in both.
        """
        if stored is not None:
            if shown == stored.get(self.lang).strip():
                return stored
            if stored.en != stored.nl:
                return replace(stored, **{self._lang_field: shown})
        return Text(en=shown, nl=shown)

    def _steps(self, lines: list[str]) -> tuple[Text, ...]:
        """The steps for `lines`: an unchanged line keeps its stored step, languages and all."""
        original = self.original
        if original is None:
            return tuple(Text(en=line, nl=line) for line in lines)
        if self.view.steps.toPlainText() == self._loaded_steps:
            return original.steps  # untouched, even a step that holds a line break
        stored = list(original.steps)
        shown = [step.get(self.lang).strip() for step in stored]
        used: set[int] = set()
        matched: list[Text | None] = []
        for line in lines:
            index = next(
                (i for i, text in enumerate(shown) if text == line and i not in used), None
            )
            if index is not None:
                used.add(index)
            matched.append(stored[index] if index is not None else None)
        steps = []
        for i, (line, step) in enumerate(zip(lines, matched, strict=True)):
            if step is None:
                # With as many lines as steps, a changed line is an edit of the step that
                # stood there; otherwise which step it was cannot be told, so it is new.
                edited = stored[i] if len(lines) == len(stored) and i not in used else None
                step = self._kept_or_edited(edited, line)
            steps.append(step)
        return tuple(steps)

    def _form_state(self) -> tuple[object, ...]:
        """What the form holds, as Save would read it (an unusable dose as its problem)."""
        view = self.view
        try:
            doses: object = self._doses()
        except ValidationError as error:
            doses = (error.field, error.message)
        return (
            view.name.text().strip(),
            view.group.currentData(),
            view.start.text().strip(),
            tuple(view.step_lines()),
            view.easier.text().strip(),
            view.harder.text().strip(),
            view.mistake.text().strip(),
            view.safety.text().strip(),
            doses,
            self._figure_id,
            self._picture_source,
            self._picture_name,
        )

    def has_changes(self) -> bool:
        """Whether Save would store something other than what is stored; for a new
        exercise, whether anything differs from the empty form it opened with."""
        if self.original is None:
            return self._form_state() != self._opened_form
        if self._picture_source is not None:
            return True
        try:
            exercise = self.build(self.original.id, self._picture_name)
        except ValidationError:
            return True  # the stored exercise is valid, so this form is not it
        return exercise != self.original

    def save(self) -> Exercise | None:
        """Copy the picture, save the exercise and close; on a problem keep everything typed."""
        view = self.view
        exercise_id = self.original.id if self.original else new_id(view.name.text())
        picture = (
            f"{exercise_id}.{self._picture_suffix}"
            if self._picture_source is not None
            else self._picture_name
        )
        try:
            exercise = self.build(exercise_id, picture)
        except ValidationError as error:
            self._show_invalid(error)
            return None
        staged: Path | None = None
        if self._picture_source is not None:
            try:
                staged = copy_picture_in(self._picture_source, self.pictures.pictures_dir)
            except OSError as error:
                view.show_message(
                    QCoreApplication.translate(
                        "Programs", "The picture could not be copied: %1. Nothing was saved yet."
                    ).replace("%1", error.strerror or str(error))
                )
                return None
        try:
            stored = self.store.save(exercise)
        except (StorageWriteError, DataFileError) as error:
            if staged is not None:
                discard_picture(staged)
            view.show_message(not_saved_yet(error.reason))
            return None
        if staged is not None and stored.picture:
            try:
                place_picture(staged, self.pictures.pictures_dir / stored.picture)
            except OSError as error:
                # The record is saved; only its new picture is missing. Choosing it again
                # and saving puts it in place.
                self.original = stored
                self._picture_source = None
                self._picture_name = stored.picture
                self.pictures.forget(stored.id)
                self.saved.emit(stored)
                view.show_message(
                    QCoreApplication.translate(
                        "Programs",
                        "The exercise is saved, but its new picture could not be put in place: "
                        "%1. Choose the picture again and save.",
                    ).replace("%1", error.strerror or str(error))
                )
                return None
        old = self.original.picture if self.original else None
        if old and old != stored.picture:
            with contextlib.suppress(OSError):
                (self.pictures.pictures_dir / old).unlink()
        self.pictures.forget(stored.id)
        self.original = stored
        self.saved.emit(stored)
        view.accept()
        return stored

    def _show_invalid(self, error: ValidationError) -> None:
        view = self.view
        labels = {
            "name": (QCoreApplication.translate("Programs", "Name"), view.name),
            "steps": (QCoreApplication.translate("Programs", "Steps"), view.steps),
            "group": (QCoreApplication.translate("Programs", "Group"), view.group),
        }
        key = error.field.split("[")[0].split(".")[0]
        label, widget = labels.get(key, (None, None))
        if label is None:
            dose_field = error.field.rsplit(".", 1)[-1]
            fields = view.doses[list(Level)[max(0, view.dose_tabs.currentIndex())]]
            label = QCoreApplication.translate("Programs", "Dose")
            widget = fields.field_widget(dose_field)
        view.show_message(
            QCoreApplication.translate("Programs", "%1: %2")
            .replace("%1", label)
            .replace("%2", error.message)
        )
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
