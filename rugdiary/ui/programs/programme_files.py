"""Export, Import and Print sheet on the Exercises page: programme files and the A4 sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from rugdiary import __version__
from rugdiary.core.diary import ValidationError
from rugdiary.core.program_file import (
    SUFFIX,
    ImportConflictError,
    ImportPlan,
    ProgrammeFileError,
    Resolution,
    build_programme_file,
    own_exercises_of,
    plan_import,
    read_programme_file,
)
from rugdiary.core.programs import Program
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.program_files import (
    DataFolderFileError,
    export_pictures,
    stored_picture,
    write_new_file,
)
from rugdiary.ui import dialogs
from rugdiary.ui.programs.controller import ProgramsController

Importer = Callable[[ImportPlan], None]
"""Writes a planned import (storage.program_files.apply_import bound to the diary)."""


SVG_EXPORT_SIDE = 1200
"""Longest side in pixels of an own SVG drawing turned into a PNG to travel in a file."""


def svg_as_png(path: Path) -> bytes | None:
    """An own SVG picture drawn into a PNG (only PNG and JPEG travel); None if unreadable."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(SVG_EXPORT_SIDE, SVG_EXPORT_SIDE)
    size = size.scaled(SVG_EXPORT_SIDE, SVG_EXPORT_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


class ProgrammeFilesController(QObject):
    """Joins the three buttons to the programme-file format, the sheet and the diary."""

    def __init__(
        self,
        programs: ProgramsController,
        pictures_dir: Path,
        importer: Importer | None,
        lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.programs = programs
        self.view = programs.view
        self.pictures_dir = pictures_dir
        self.importer = importer
        self.lang = lang
        progs = self.view.programs
        progs.import_button.clicked.connect(self.import_file)
        progs.export_button.clicked.connect(self.export)
        progs.sheet_button.clicked.connect(self.save_sheet)
        progs.list.currentItemChanged.connect(lambda _c, _p: self.update_buttons())
        progs.import_button.setEnabled(importer is not None)
        self.update_buttons()

    def update_buttons(self) -> None:
        chosen = self.programs.selected_program() is not None
        self.view.programs.export_button.setEnabled(chosen)
        self.view.programs.sheet_button.setEnabled(chosen)

    # -- export ----------------------------------------------------------------------------------

    def export(self) -> Path | None:
        """Ask for a note and a file, then write the selected programme there."""
        program = self.programs.selected_program()
        if program is None:
            return None
        current_note = program.note.get(self.lang) if program.note is not None else ""
        note = dialogs.ask_programme_export(self.view, program.name.get(self.lang), current_note)
        if note is None:
            return None
        target = dialogs.choose_programme_export_file(
            self.view, documents_folder() / f"{program.id}{SUFFIX}"
        )
        if target is None:
            return None
        exercises = self.programs.all_exercises()
        try:
            pictures, left_out = export_pictures(
                self.pictures_dir, own_exercises_of(program, exercises)
            )
            for exercise in list(left_out):
                name = Path(exercise.picture or "").name
                if name.lower().endswith(".svg"):
                    drawn = svg_as_png(self.pictures_dir / name)
                    if drawn is not None:
                        pictures[exercise.id] = drawn
                        left_out.remove(exercise)
            data = build_programme_file(
                program, exercises, pictures, note=note, created_with=f"RugDiary {__version__}"
            )
        except ValidationError as error:
            self._cannot_export(program, f"{error.field}: {error.message}")
            return None
        if not self._write(
            target, data, QCoreApplication.translate("Programs", "The program was not exported")
        ):
            return None
        message = QCoreApplication.translate("Programs", "Program exported to %1").replace(
            "%1", target.name
        )
        if left_out:
            names = ", ".join(e.name.get(self.lang) for e in left_out)
            message += " " + QCoreApplication.translate(
                "Programs", "(without the pictures of %1: they could not be read)"
            ).replace("%1", names)
        self.programs.notice.emit(message, False)
        return target

    def _cannot_export(self, program: Program, reason: str) -> None:
        dialogs.show_error(
            self.view,
            QCoreApplication.translate("Programs", "The program was not exported"),
            QCoreApplication.translate("Programs", "“%1” could not be put into a file: %2")
            .replace("%1", program.name.get(self.lang))
            .replace("%2", reason),
        )

    def _write(self, target: Path, data: bytes, title: str) -> bool:
        try:
            # The file dialog asked before replacing a file, so replacing is what was chosen;
            # the data folder's own files (the diary, its backups) are refused all the same.
            write_new_file(target, data, force=True, data_dir=self.pictures_dir.parent)
        except DataFolderFileError:
            dialogs.show_error(
                self.view,
                title,
                QCoreApplication.translate(
                    "Programs",
                    "%1 is one of RugDiary's own files (the diary or its backups). Choose "
                    "another name or folder, so that the diary is never written over.",
                ).replace("%1", str(target)),
            )
            return False
        except OSError as error:
            dialogs.show_error(
                self.view,
                title,
                QCoreApplication.translate(
                    "Programs",
                    "RugDiary could not write the file %1. Choose another folder and try again."
                    "\n\nWhat happened: %2",
                )
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return False
        return True

    # -- import ----------------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> ImportPlan | None:
        """Read a programme file, ask about conflicts, and add it all at once (or nothing)."""
        if self.importer is None:
            return None
        path = path if path is not None else dialogs.choose_programme_file(self.view)
        if path is None:
            return None
        try:
            incoming = read_programme_file(path.read_bytes(), path.name)
        except OSError as error:
            self._cannot_import(path, error.strerror or str(error))
            return None
        except ProgrammeFileError as error:
            self._cannot_import(
                path, f"{error.field}: {error.message}" if error.field else error.message
            )
            return None
        library = self.programs.library
        read_picture = stored_picture(self.pictures_dir)

        def make_plan(resolution: Resolution | None) -> ImportPlan:
            return plan_import(
                incoming,
                builtin_exercises=library.exercises,
                builtin_programs=library.programs,
                own_exercises=self.programs.exercises.list(),
                own_programs=self.programs.programs.list(),
                stored_picture=read_picture,
                resolution=resolution,
                file=path.name,
            )

        try:
            try:
                plan = make_plan(None)
            except ImportConflictError as conflict:
                choice = dialogs.ask_import_conflict(
                    self.view, self._conflict_names(conflict), conflict.replaceable
                )
                if choice is None:
                    self.programs.notice.emit(
                        QCoreApplication.translate("Programs", "Nothing was imported"), False
                    )
                    return None
                plan = make_plan(
                    Resolution.REPLACE
                    if choice is dialogs.ImportChoice.REPLACE
                    else Resolution.KEEP_BOTH
                )
        except ProgrammeFileError as error:
            self._cannot_import(path, f"{error.field}: {error.message}")
            return None
        if not plan.changes_anything:
            self.programs.reload(select_program=plan.program_id)
            self.programs.notice.emit(
                QCoreApplication.translate(
                    "Programs", "You have this program already; nothing changed."
                ),
                False,
            )
            return plan
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.importer(plan)
            finally:
                QApplication.restoreOverrideCursor()
        except (StorageWriteError, DataFileError) as error:
            self._cannot_import(path, error.reason)
            return None
        for exercise in plan.exercises:
            self.programs.pictures.forget(exercise.id)
        self.programs.reload(select_program=plan.program_id)
        name = plan.program.name.get(self.lang) if plan.program is not None else plan.program_id
        self.programs.notice.emit(
            QCoreApplication.translate("Programs", "Program imported: %1").replace("%1", name),
            False,
        )
        return plan

    def _conflict_names(self, conflict: ImportConflictError) -> list[str]:
        names = []
        for item in conflict.conflicts:
            if item.kind == "programme":
                names.append(
                    QCoreApplication.translate("Programs", "Program “%1”").replace(
                        "%1", self._name_of(item.id)
                    )
                )
            else:
                names.append(
                    QCoreApplication.translate("Programs", "Exercise “%1”").replace(
                        "%1", self._name_of(item.id)
                    )
                )
        return names

    def _name_of(self, item_id: str) -> str:
        program = self.programs.program(item_id)
        if program is not None:
            return program.name.get(self.lang)
        exercise = self.programs.all_exercises().get(item_id)
        return exercise.name.get(self.lang) if exercise is not None else item_id

    def _cannot_import(self, path: Path, reason: str) -> None:
        dialogs.show_error(
            self.view,
            QCoreApplication.translate("Programs", "Nothing was imported"),
            QCoreApplication.translate("Programs", "The program file %1 cannot be used: %2")
            .replace("%1", path.name)
            .replace("%2", reason.rstrip("."))
            + "\n\n"
            + QCoreApplication.translate(
                "Programs", "Your own programs and exercises have not changed."
            ),
        )

    # -- sheet -----------------------------------------------------------------------------------

    def save_sheet(self) -> Path | None:
        """Save the printable sheet of the selected programme at the chosen level."""
        from rugdiary.reports.program_sheet import build_programme_sheet

        program = self.programs.selected_program()
        if program is None:
            return None
        level = self.view.programs.chosen_level()
        target = dialogs.choose_sheet_file(
            self.view, documents_folder() / f"{program.id}-{level.value}.pdf"
        )
        if target is None:
            return None
        exercises = self.programs.all_exercises()
        read = stored_picture(self.pictures_dir)
        used = [exercises[i.exercise_id] for i in program.items if i.exercise_id in exercises]
        pictures = {e.id: data for e in used if e.picture and (data := read(e)) is not None}
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = build_programme_sheet(
                program,
                exercises,
                level,
                lang=self.lang,
                pictures=pictures,
                app_version=__version__,
            )
        except ValidationError as error:
            QApplication.restoreOverrideCursor()
            dialogs.show_error(
                self.view,
                QCoreApplication.translate("Programs", "The sheet was not made"),
                QCoreApplication.translate(
                    "Programs", "An exercise of this program is missing: %1"
                ).replace("%1", error.message),
            )
            return None
        QApplication.restoreOverrideCursor()
        if not self._write(
            target, data, QCoreApplication.translate("Programs", "The sheet was not saved")
        ):
            return None
        self.programs.notice.emit(
            QCoreApplication.translate("Programs", "Exercise sheet saved as %1").replace(
                "%1", target.name
            ),
            False,
        )
        return target
