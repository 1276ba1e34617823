"""Own-exercise editor behaviour: check and copy the picture, build the exercise, save it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import MAX_STEPS, Dose, Doses, Exercise, Group, Level, Text
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui import dialogs
from rugdiary.ui.programs.commands import ExerciseStore
from rugdiary.ui.programs.editor_controller import fear_word_warning, new_id
from rugdiary.ui.programs.exercise_editor_view import PREVIEW_SIZE, ExerciseEditorView
from rugdiary.ui.programs.texts import level_title, not_saved_yet
from rugdiary.ui.programs.thumbnails import ExercisePictures, load_picture

PICTURE_SUFFIXES: dict[str, str] = {".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".svg": "svg"}
MAX_PICTURE_BYTES = 10 * 1024 * 1024
DEFAULT_DOSE = Dose(reps=8, sets=2, tempo_s=3, set_rest_s=30)

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
    if load_picture(path, PREVIEW_SIZE) is None:
        raise PictureError(
            QCoreApplication.translate("Programs", "This file could not be read as a picture.")
        )
    return suffix


def copy_picture(source: Path, pictures_dir: Path, exercise_id: str, suffix: str) -> str:
    """Copy the picture into the data folder as ``<exercise-id>.<ext>``; returns the file name.

    Written to a temporary file first, so an interrupted copy never leaves half a picture.
    """
    pictures_dir.mkdir(parents=True, exist_ok=True)
    name = f"{exercise_id}.{suffix}"
    handle, temp = tempfile.mkstemp(dir=pictures_dir, prefix=".", suffix=".part")
    os.close(handle)
    try:
        shutil.copyfile(source, temp)
        os.replace(temp, pictures_dir / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return name


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
        self.original = exercise
        # Looked up at call time, so a test that patches dialogs.choose_picture_file works.
        self._choose_file = choose_file
        self._picture_source: Path | None = None
        self._picture_suffix = ""
        self._picture_name: str | None = exercise.picture if exercise else None
        # Built-in exercises whose figure an own exercise may borrow (keyed by id).
        self.figures = {k: e for k, e in (figures or {}).items() if e.figure is not None}
        self._figure_id: str | None = None
        if exercise is not None and exercise.figure is not None:
            self._figure_id = next(
                (k for k, e in self.figures.items() if e.figure == exercise.figure), None
            )
        view.figure_choice.addItem(QCoreApplication.translate("Programs", "No figure"), None)
        for key, builtin in sorted(self.figures.items(), key=lambda kv: kv[1].name.get(lang)):
            view.figure_choice.addItem(builtin.name.get(lang), key)
        view.figure_choice.setCurrentIndex(max(0, view.figure_choice.findData(self._figure_id)))

        view.setWindowTitle(
            QCoreApplication.translate("Programs", "New own exercise")
            if exercise is None
            else QCoreApplication.translate("Programs", "Change exercise")
        )
        if exercise is None:
            for fields in view.doses.values():
                fields.set_dose(DEFAULT_DOSE)
            view.same_dose.setChecked(True)
        else:
            self._load(exercise)
        self._apply_same_dose()
        self._show_preview()

        view.same_dose.toggled.connect(lambda _c: self._apply_same_dose())
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
        view.steps.setPlainText("\n".join(step.get(self.lang) for step in exercise.steps))
        for level, fields in view.doses.items():
            fields.set_dose(exercise.dose(level))
        doses = [exercise.dose(level) for level in Level]
        view.same_dose.setChecked(all(dose == doses[0] for dose in doses))

    def _apply_same_dose(self) -> None:
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
        else:
            # Start the other levels from the shared dose rather than from something unseen.
            try:
                shared = self.view.doses[Level.BEGINNER].dose()
            except ValidationError:
                return
            for level in (Level.INTERMEDIATE, Level.ADVANCED):
                fields = self.view.doses[level]
                try:
                    untouched = fields.dose() == DEFAULT_DOSE
                except ValidationError:
                    untouched = True
                if untouched:
                    fields.set_dose(shared)

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
        elif self._figure_id is not None:
            pixmap = self.pictures.pixmap(
                self.figures[self._figure_id], PREVIEW_SIZE, view.devicePixelRatioF()
            )
        if pixmap is None or pixmap.isNull():
            view.preview.setText(QCoreApplication.translate("Programs", "No picture"))
        else:
            view.preview.setPixmap(pixmap)
        view.remove_picture_button.setEnabled(
            self._picture_source is not None
            or bool(self._picture_name)
            or self._figure_id is not None
        )

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

        def own(key: str, edit_text: str) -> Text:
            value = edit_text.strip()
            return Text(en=value, nl=value) if value else DEFAULT_TEXTS[key]

        if view.same_dose.isChecked():
            dose = view.doses[Level.BEGINNER].dose()
            doses = Doses(beginner=dose, intermediate=dose, advanced=dose)
        else:
            doses = Doses(**{level.value: view.doses[level].dose() for level in Level})
        return Exercise(
            id=exercise_id,
            name=Text(en=name, nl=name),
            group=Group(view.group.currentData()),
            start=own("start", view.start.text()),
            steps=tuple(Text(en=step, nl=step) for step in steps),
            doses=doses,
            easier=own("easier", view.easier.text()),
            harder=own("harder", view.harder.text()),
            mistake=own("mistake", view.mistake.text()),
            safety=own("safety", view.safety.text()),
            picture=picture,
            figure=(
                self.figures[self._figure_id].figure
                if self._figure_id is not None and picture is None
                else None
            ),
        )

    def save(self) -> Exercise | None:
        """Copy the picture, save the exercise and close; on a problem keep everything typed."""
        view = self.view
        exercise_id = self.original.id if self.original else new_id(view.name.text())
        try:
            exercise = self.build(exercise_id, self._picture_name)
        except ValidationError as error:
            self._show_invalid(error)
            return None
        copied: str | None = None
        if self._picture_source is not None:
            try:
                copied = copy_picture(
                    self._picture_source,
                    self.pictures.pictures_dir,
                    exercise_id,
                    self._picture_suffix,
                )
            except OSError as error:
                view.show_message(
                    QCoreApplication.translate(
                        "Programs", "The picture could not be copied: %1. Nothing was saved yet."
                    ).replace("%1", error.strerror or str(error))
                )
                return None
            exercise = self.build(exercise_id, copied)
        try:
            stored = self.store.save(exercise)
        except (StorageWriteError, DataFileError) as error:
            view.show_message(not_saved_yet(error.reason))
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
