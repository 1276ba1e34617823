"""Export, Import and Print sheet on the Exercises page: programme files and the A4 sheet."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
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
    edited_note,
    own_exercises_of,
    plan_import,
    read_programme_file,
)
from rugdiary.core.programs import Program
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.storage.program_files import (
    DataFolderFileError,
    LeftOutBecause,
    export_pictures,
    stored_picture,
    write_new_file,
)
from rugdiary.ui import dialogs
from rugdiary.ui.programs.commands import forget_steps_about
from rugdiary.ui.programs.controller import ProgramsController
from rugdiary.ui.reasons import reason_text
from rugdiary.ui.save_folder import save_folder

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


def located_reason(field: str, message: str) -> str:
    """A programme file's or the core's reason in the UI's language, after the place in
    the file it concerns ("line 3", "programme.items[0].exercise": the file's own names)."""
    reason = reason_text(message)
    if not field:
        return reason
    line = re.fullmatch(r"line (\d+)", field)
    if line is not None:
        field = QCoreApplication.translate("Programs", "line %1").replace("%1", line.group(1))
    return f"{field}: {reason}"


class _SheetSignals(QObject):
    """Lives in the GUI thread; the worker emits through it, so the result arrives queued."""

    done = Signal(object)
    """The sheet's PDF bytes, or the exception that stopped it."""


class _SheetJob(QRunnable):
    """Builds the sheet in a pool thread: the reports are Qt-free, and a long programme's
    sheet takes seconds, which froze the window."""

    def __init__(self, work: Callable[[], bytes], signals: _SheetSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals

    def run(self) -> None:
        result: bytes | Exception
        try:
            result = self._work()
        except Exception as error:  # shown in a dialog, never as a traceback
            result = error
        # The page may have gone meanwhile: nobody waits for the sheet then.
        with contextlib.suppress(RuntimeError):
            self._signals.done.emit(result)


class ProgrammeFilesController(QObject):
    """Joins the three buttons to the programme-file format, the sheet and the diary."""

    sheetFinished = Signal(object)
    """A sheet started by save_sheet is done: the file it was saved as, or None when it
    could not be made or saved (the person was told why)."""

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
        self._sheet_target: Path | None = None
        """Where the sheet being built goes; None while none is being built."""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._sheet_signals = _SheetSignals(self)
        self._sheet_signals.done.connect(self._sheet_built)
        app = QCoreApplication.instance()
        if app is not None:
            # A worker still running Python when the process ends is torn down mid-way.
            app.aboutToQuit.connect(self._pool.waitForDone)
        progs = self.view.programs
        # Not import_file itself: clicked(bool) would hand it `checked` as the path.
        progs.import_button.clicked.connect(self._import_clicked)
        progs.export_button.clicked.connect(self.export)
        progs.sheet_button.clicked.connect(self.save_sheet)
        progs.list.currentItemChanged.connect(lambda _c, _p: self.update_buttons())
        progs.import_button.setEnabled(importer is not None)
        self.update_buttons()

    def update_buttons(self) -> None:
        chosen = self.programs.selected_program() is not None
        self.view.programs.export_button.setEnabled(chosen)
        # One sheet at a time: a second press while one is made would only wait behind it.
        self.view.programs.sheet_button.setEnabled(chosen and self._sheet_target is None)

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
            self.view, save_folder() / f"{program.id}{SUFFIX}"
        )
        if target is None:
            return None
        # The note was shown in one language: a note in both (a physiotherapist's file
        # brings one) keeps the other language's words.
        sent = replace(program, note=edited_note(program.note, note, self.lang))
        exercises = self.programs.all_exercises()
        try:
            pictures, not_sent = export_pictures(
                self.pictures_dir, own_exercises_of(program, exercises)
            )
            left_out = []
            for exercise, because in not_sent:
                name = Path(exercise.picture or "").name
                if because is LeftOutBecause.NOT_TRAVELLING and name.lower().endswith(".svg"):
                    drawn = svg_as_png(self.pictures_dir / name)
                    if drawn is not None:
                        pictures[exercise.id] = drawn
                        continue
                left_out.append(exercise)
            data = build_programme_file(
                sent, exercises, pictures, created_with=f"RugDiary {__version__}"
            )
        except ValidationError as error:
            self._cannot_export(program, located_reason(error.field, error.message))
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
                    "%1 is one of RugDiary's own files (the diary, its backups or the pictures "
                    "of your own exercises). Choose another name or folder, so that they are "
                    "never written over.",
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

    def _import_clicked(self) -> None:
        self.import_file()

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
            self._cannot_import(path, located_reason(error.field, error.message))
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
            self._cannot_import(path, located_reason(error.field, error.message))
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
            self._cannot_import(path, reason_text(error.reason))
            return None
        # An undo step from before (a deleted program or exercise with an id the file
        # brought) would write the old one over the imported one, and its redo delete it.
        forget_steps_about(
            self.programs.undo_stack,
            program_ids={plan.program.id} if plan.program is not None else set(),
            exercise_ids={e.id for e in plan.exercises},
        )
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
        """Ask where, then make the sheet of the selected programme at the chosen level.

        The sheet is built in a worker thread (a long programme takes seconds) while the
        window stays usable; the chosen file is returned at once, and `sheetFinished`
        says when it is saved (with the file) or could not be (with None).
        """
        from rugdiary.reports.program_sheet import build_programme_sheet

        program = self.programs.selected_program()
        if program is None or self._sheet_target is not None:
            return None
        level = self.view.programs.chosen_level()
        target = dialogs.choose_sheet_file(
            self.view, save_folder() / f"{program.id}-{level.value}.pdf"
        )
        if target is None:
            return None
        exercises = self.programs.all_exercises()
        # The files are read here, on the GUI thread; the worker gets plain data only.
        read = stored_picture(self.pictures_dir)
        used = [exercises[i.exercise_id] for i in program.items if i.exercise_id in exercises]
        pictures = {e.id: data for e in used if e.picture and (data := read(e)) is not None}
        lang = self.lang

        def work() -> bytes:
            return build_programme_sheet(
                program, exercises, level, lang=lang, pictures=pictures, app_version=__version__
            )

        self._sheet_target = target
        self.update_buttons()
        # The busy cursor with its arrow: the window can still be used meanwhile.
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.programs.notice.emit(
            QCoreApplication.translate("Programs", "Making the exercise sheet…"), False
        )
        self._pool.start(_SheetJob(work, self._sheet_signals))
        return target

    @property
    def making_sheet(self) -> bool:
        """Whether a sheet is being built right now."""
        return self._sheet_target is not None

    def _sheet_built(self, result: bytes | Exception) -> None:
        target = self._sheet_target
        self._sheet_target = None
        QApplication.restoreOverrideCursor()
        self.update_buttons()
        if target is None:
            return
        saved = self._save_sheet(target, result)
        self.sheetFinished.emit(target if saved else None)

    def _save_sheet(self, target: Path, result: bytes | Exception) -> bool:
        title = QCoreApplication.translate("Programs", "The sheet was not made")
        if isinstance(result, ValidationError):
            dialogs.show_error(
                self.view,
                title,
                QCoreApplication.translate(
                    "Programs", "An exercise of this program is missing: %1"
                ).replace("%1", reason_text(result.message)),
            )
            return False
        if isinstance(result, Exception):
            dialogs.show_error(
                self.view,
                title,
                QCoreApplication.translate(
                    "Programs", "Something went wrong while the sheet was made: %1"
                ).replace("%1", str(result) or type(result).__name__),
            )
            return False
        if not self._write(
            target, result, QCoreApplication.translate("Programs", "The sheet was not saved")
        ):
            return False
        self.programs.notice.emit(
            QCoreApplication.translate("Programs", "Exercise sheet saved as %1").replace(
                "%1", target.name
            ),
            False,
        )
        return True
