"""Every message box and file dialog of the app, so tests patch one module and nothing pops up."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from rugdiary.core.safety import UrgentSign
    from rugdiary.ui.data_files.export_dialog import ExportChoice

# QMessageBox is imported inside the functions that show one: PySide builds its
# enums on import, ~15 ms that start-up would otherwise pay for a dialog rarely shown.


class DataFileProblem(enum.Enum):
    """Why the data file cannot be used; decides the wording and the buttons offered."""

    CORRUPT = "corrupt"
    MISSING = "missing"
    NEWER = "newer"
    LOCKED = "locked"
    OTHER = "other"


class DataFileChoice(enum.Enum):
    """What the user chose in the data-file dialog."""

    RESTORE = "restore"
    RETRY = "retry"
    QUIT = "quit"


def data_file_texts(problem: DataFileProblem, path: Path, reason: str) -> tuple[str, str]:
    """The title and the plain-words explanation for `problem`; separate so tests can read it."""
    location = QCoreApplication.translate("dialogs", "The file is here:\n%1").replace(
        "%1", str(path)
    )
    if problem is DataFileProblem.LOCKED:
        title = QCoreApplication.translate("dialogs", "Your diary is open elsewhere")
        text = QCoreApplication.translate(
            "dialogs",
            "RugDiary is already using your diary, in another window or in the command line. "
            "Close the other one, then choose Try again.",
        )
    elif problem is DataFileProblem.NEWER:
        title = QCoreApplication.translate("dialogs", "Your diary needs a newer RugDiary")
        text = QCoreApplication.translate(
            "dialogs",
            "Your diary was saved by a newer version of RugDiary. This version leaves it "
            "untouched so nothing gets lost. Please install the newer version.",
        )
    elif problem is DataFileProblem.MISSING:
        title = QCoreApplication.translate("dialogs", "Your diary file is missing")
        text = QCoreApplication.translate(
            "dialogs",
            "The data folder has backups of your diary, but the diary file itself is gone. "
            "RugDiary has not started an empty diary in its place. You can put the latest "
            "backup back in place.",
        )
    elif problem is DataFileProblem.CORRUPT:
        title = QCoreApplication.translate("dialogs", "Your diary file cannot be read")
        text = QCoreApplication.translate(
            "dialogs",
            "RugDiary could not read your diary file, so it has not changed anything. "
            "RugDiary keeps backups: you can put the latest backup back in place. "
            "The unreadable file is kept next to it.",
        )
    else:
        title = QCoreApplication.translate("dialogs", "Your diary cannot be opened")
        text = QCoreApplication.translate(
            "dialogs", "RugDiary could not open your diary and has not changed anything."
        )
    from rugdiary.ui.reasons import reason_text  # only when a problem is shown, not at start-up

    # The storage layer's reasons are English; in the dialog's language where known.
    details = QCoreApplication.translate("dialogs", "What happened: %1.").replace(
        "%1", reason_text(reason).rstrip(".")
    )
    return title, f"{text}\n\n{details}\n\n{location}"


def ask_data_file_problem(
    parent: QWidget | None, problem: DataFileProblem, path: Path, reason: str
) -> DataFileChoice:
    """Explain why the diary cannot be opened and ask what to do; never shows a traceback."""
    from PySide6.QtWidgets import QMessageBox

    title, text = data_file_texts(problem, path, reason)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    choices: dict[object, DataFileChoice] = {}
    if problem is DataFileProblem.LOCKED:
        retry = box.addButton(
            QCoreApplication.translate("dialogs", "Try again"), QMessageBox.ButtonRole.AcceptRole
        )
        choices[retry] = DataFileChoice.RETRY
        box.setDefaultButton(retry)
    elif problem in (DataFileProblem.CORRUPT, DataFileProblem.MISSING):
        restore = box.addButton(
            QCoreApplication.translate("dialogs", "Restore latest backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        choices[restore] = DataFileChoice.RESTORE
        box.setDefaultButton(restore)
    quit_button = box.addButton(
        QCoreApplication.translate("dialogs", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    choices[quit_button] = DataFileChoice.QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return choices.get(box.clickedButton(), DataFileChoice.QUIT)


def not_answering_texts(data_dir: Path) -> tuple[str, str, str]:
    """Title, text and stderr line for a RugDiary open on `data_dir` that did not answer a launch.

    Next to the locked diary's words on purpose: both say the diary is in use, and what
    the person can do about it.
    """
    title = QCoreApplication.translate("dialogs", "RugDiary is open but not answering")
    text = QCoreApplication.translate(
        "dialogs",
        "RugDiary is already open with this diary, but it does not answer. It may be busy "
        "for a moment, or closing.\n\nWait a moment, then start RugDiary again. If it still "
        "does not answer, close the open RugDiary (with your system's task manager if need "
        "be) and start it again.\n\nThe data folder is here:\n%1",
    ).replace("%1", str(data_dir))
    line = QCoreApplication.translate(
        "dialogs",
        "RugDiary is already open on the data folder %1 but does not answer; wait a moment "
        "and try again, or close the open RugDiary first",
    ).replace("%1", str(data_dir))
    return title, text, line


def can_show_windows() -> bool:
    """False on Qt's offscreen and minimal platforms: nobody sees a box there, and it waits."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def _ask(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    detail: str,
    go: tuple[str, str],
    stay: str,
    default_go: bool = False,
    information: bool = False,
) -> bool:
    """A question with one button to go ahead and one to stay; True means go ahead.

    `go` is the button's text and its role ("accept" or "destructive"). Escape always
    stays; Enter stays too unless `default_go`.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information if information else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    go_text, go_role = go
    role = (
        QMessageBox.ButtonRole.DestructiveRole
        if go_role == "destructive"
        else QMessageBox.ButtonRole.AcceptRole
    )
    go_button = box.addButton(go_text, role)
    stay_button = box.addButton(stay, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_button if default_go else stay_button)
    box.setEscapeButton(stay_button)
    box.exec()
    return box.clickedButton() is go_button


def ask_discard_unsaved(parent: QWidget | None, detail: str | None = None) -> bool:
    """Ask before answers that were typed but not saved are replaced; True means discard.

    `detail` says what leaving them would do (go back, undo, quit); by default, open
    another entry.
    """
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Entry not saved yet"),
        text=QCoreApplication.translate("dialogs", "The entry in the form is not saved yet."),
        detail=detail
        or QCoreApplication.translate(
            "dialogs", "Do you want to leave it and open the other entry?"
        ),
        go=(QCoreApplication.translate("dialogs", "Leave it"), "destructive"),
        stay=QCoreApplication.translate("dialogs", "Keep my entry"),
    )


def ask_discard_changes(parent: QWidget | None) -> bool:
    """Ask before an editor closes with changes that were not saved; True means discard.

    Escape and Enter keep the editor open: a stray key must not throw work away.
    """
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Changes not saved"),
        text=QCoreApplication.translate("dialogs", "Your changes are not saved yet."),
        detail=QCoreApplication.translate("dialogs", "Close without saving them?"),
        go=(QCoreApplication.translate("dialogs", "Close without saving"), "destructive"),
        stay=QCoreApplication.translate("dialogs", "Keep editing"),
    )


def ask_remove_flare(parent: QWidget | None, question: str) -> bool:
    """Ask before a flare-up noted earlier is removed; True means remove.

    `question` names the flare-up ("Remove the flare-up of 3/2/26 to 3/4/26?"). It may
    hold days the person wants to keep, so Escape and Enter keep it.
    """
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Remove this flare-up?"),
        text=question,
        detail=QCoreApplication.translate(
            "dialogs",
            "Only if it was noted by mistake: it will no longer be in your diary or your "
            "report. This cannot be undone.",
        ),
        go=(QCoreApplication.translate("dialogs", "Remove it"), "destructive"),
        stay=QCoreApplication.translate("dialogs", "Keep it"),
    )


def ask_export_empty(parent: QWidget | None, why: str) -> bool:
    """Ask before an export that holds no records is written; True means write it.

    `why` says what is missing ("There are no diary entries from … to …"). An empty file
    handed to a physiotherapist would look like a diary with nothing in it, so Escape and
    Enter do not write it.
    """
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Nothing to export"),
        text=why,
        detail=QCoreApplication.translate("dialogs", "Export an empty file anyway?"),
        go=(QCoreApplication.translate("dialogs", "Export anyway"), "accept"),
        stay=QCoreApplication.translate("dialogs", "Don't export"),
    )


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A calm, plain-words message about something that did not work."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    """The About box (rich text allowed)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, title, text)


def _open_file(parent: QWidget | None, title: str, filter_text: str) -> Path | None:
    """An open dialog that starts in the home folder; the file, or None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filter_text)
    return Path(path) if path else None


def choose_picture_file(parent: QWidget | None) -> Path | None:
    """Ask for a picture of an own exercise (PNG, JPEG or SVG); None when cancelled."""
    return _open_file(
        parent,
        QCoreApplication.translate("dialogs", "Choose a picture"),
        QCoreApplication.translate("dialogs", "Pictures (*.png *.jpg *.jpeg *.svg)"),
    )


def ask_delete_used_exercise(parent: QWidget | None, name: str, programs: list[str]) -> bool:
    """Ask before deleting an own exercise that programs still use; True means delete."""
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Exercise is in use"),
        text=QCoreApplication.translate("dialogs", "“%1” is part of your programs:").replace(
            "%1", name
        ),
        detail="\n".join(f"• {program}" for program in programs)
        + "\n\n"
        + QCoreApplication.translate(
            "dialogs",
            "Those programs cannot start until you remove it from them or undo the delete.",
        ),
        go=(QCoreApplication.translate("dialogs", "Delete anyway"), "destructive"),
        stay=QCoreApplication.translate("dialogs", "Keep it"),
    )


def ask_stop_session(parent: QWidget | None) -> str | None:
    """Ask before the player stops early; returns "pain", "time" or "other", or None to go on.

    The reason is saved with the session, so the choices say why in plain words; the
    safe default (Esc, Enter) is to carry on.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Stop the session?"))
    box.setText(QCoreApplication.translate("dialogs", "Stop the session?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "dialogs", "Stopping early is fine. What you did so far is saved. Why are you stopping?"
        )
    )
    choices = {
        box.addButton(
            QCoreApplication.translate("dialogs", "Pain"), QMessageBox.ButtonRole.AcceptRole
        ): "pain",
        box.addButton(
            QCoreApplication.translate("dialogs", "No time"), QMessageBox.ButtonRole.AcceptRole
        ): "time",
        box.addButton(
            QCoreApplication.translate("dialogs", "Other reason"), QMessageBox.ButtonRole.AcceptRole
        ): "other",
    }
    keep = box.addButton(
        QCoreApplication.translate("dialogs", "Carry on"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return choices.get(box.clickedButton())


def choose_chart_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save a chart as PNG, SVG or PDF; None when cancelled.

    A name typed without a suffix gets the one of the chosen file type, so "my chart"
    becomes "my chart.png" rather than a file nothing can open.
    """
    from PySide6.QtWidgets import QFileDialog

    filters = {
        QCoreApplication.translate("dialogs", "PNG picture (*.png)"): ".png",
        QCoreApplication.translate("dialogs", "SVG drawing (*.svg)"): ".svg",
        QCoreApplication.translate("dialogs", "PDF document (*.pdf)"): ".pdf",
    }
    wanted = suggested.suffix.lower()
    chosen = next((name for name, suffix in filters.items() if suffix == wanted), "")
    path, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("dialogs", "Save chart as"),
        str(suggested),
        ";;".join(filters),
        chosen,
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in filters.values():
        target = target.with_name(target.name + filters.get(selected, ".png"))
        # The file dialog asked about the name as typed, not about this one.
        if target.exists() and not ask_replace_file(parent, target):
            return None
    return target


def choose_report_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save the physiotherapist report; None when cancelled. Always ends in .pdf."""
    return _save_file(
        parent,
        QCoreApplication.translate("dialogs", "Save the report (contains health data)"),
        suggested,
        QCoreApplication.translate("dialogs", "PDF files (*.pdf)"),
        ".pdf",
    )


def ask_replace_file(parent: QWidget | None, path: Path) -> bool:
    """Ask before an existing file is replaced by a save; True means replace it."""
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Replace the file?"),
        text=QCoreApplication.translate("dialogs", "%1 already exists.").replace("%1", path.name),
        detail=QCoreApplication.translate(
            "dialogs", "Do you want to replace it? The file now there will be lost.\n\n%1"
        ).replace("%1", str(path.parent)),
        go=(QCoreApplication.translate("dialogs", "Replace"), "destructive"),
        stay=QCoreApplication.translate("dialogs", "Cancel"),
    )


def confirm_health_data_file(parent: QWidget | None) -> bool:
    """Say once, calmly, that a report file holds health data; True means go ahead."""
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Your report holds health data"),
        text=QCoreApplication.translate("dialogs", "This file holds your pain, stress and notes."),
        detail=QCoreApplication.translate(
            "dialogs",
            "Keep it somewhere private and share it only with people you choose, such as "
            "your physiotherapist. RugDiary never sends it anywhere.",
        ),
        go=(QCoreApplication.translate("dialogs", "Continue"), "accept"),
        stay=QCoreApplication.translate("dialogs", "Cancel"),
        default_go=True,
        information=True,
    )


def ask_restore_backup(parent: QWidget | None, when: str) -> bool:
    """Ask before the backup made `when` replaces the diary; True means restore.

    Says first that the diary as it is now is backed up, so the choice is not frightening.
    """
    return _ask(
        parent,
        title=QCoreApplication.translate("dialogs", "Restore a backup?"),
        text=QCoreApplication.translate(
            "dialogs", "Put the backup of %1 in place of your diary?"
        ).replace("%1", when),
        detail=QCoreApplication.translate(
            "dialogs",
            "Your diary as it is now is backed up first, so you can go back to it later. "
            "Entries made after this backup will not show until you do.",
        ),
        go=(QCoreApplication.translate("dialogs", "Restore"), "accept"),
        stay=QCoreApplication.translate("dialogs", "Keep my diary as it is"),
    )


def show_tray_explanation(parent: QWidget | None) -> None:
    """The one-time note that RugDiary keeps running in the tray after its window closes."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "RugDiary is still running"))
    box.setText(QCoreApplication.translate("dialogs", "RugDiary is still running in the tray."))
    box.setInformativeText(
        QCoreApplication.translate(
            "dialogs",
            "Your reminders keep working. Click the RugDiary icon in the tray to open the "
            "window again, or choose Quit in its menu to close RugDiary completely. "
            "You can change this on the Settings page.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def exec_dialog(dialog: QWidget) -> bool:
    """Run one of the app's own dialogs (a QDialog) modally; True when accepted.

    The one place tests patch so that no dialog of the Help menu or first run blocks.
    """
    from PySide6.QtWidgets import QDialog

    if not isinstance(dialog, QDialog):
        raise TypeError(f"{type(dialog).__name__} is not a dialog")
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_red_flag_notice(
    parent: QWidget | None, mode: str = "help", signs: Sequence[UrgentSign] = ()
) -> bool:
    """The red-flag notice ("When to get help"); True when confirmed or closed with OK.

    `mode` is "first_run" (an "I have read this" button), "help" or "entry" (after a diary
    entry with a red-flag tag: `signs` are the urgent signs it noted, named at the top).
    """
    from rugdiary.ui.safety import NoticeMode, RedFlagDialog

    dialog = RedFlagDialog(NoticeMode(mode), parent=parent, signs=tuple(signs))
    try:
        return exec_dialog(dialog)
    finally:
        dialog.deleteLater()


def show_keyboard_shortcuts(
    parent: QWidget | None, sections: list[tuple[str, list[tuple[str, str]]]]
) -> None:
    """Help → Keyboard shortcuts: a table of (keys, what they do) under a heading per place."""
    from rugdiary.ui.help import ShortcutsDialog

    dialog = ShortcutsDialog(sections, parent)
    try:
        exec_dialog(dialog)
    finally:
        dialog.deleteLater()


def show_about_dialog(parent: QWidget | None, data_dir: Path) -> None:
    """Help → About RugDiary: version, licence, data folder, and the evidence page."""
    from rugdiary.ui.help import AboutDialog

    dialog = AboutDialog(data_dir, parent)
    try:
        exec_dialog(dialog)
    finally:
        dialog.deleteLater()


def show_evidence(parent: QWidget | None) -> None:
    """The short page on the evidence behind the exercises, with sources."""
    from rugdiary.ui.help import EvidenceDialog

    dialog = EvidenceDialog(parent=parent)
    try:
        exec_dialog(dialog)
    finally:
        dialog.deleteLater()


# -- programme files (Exercises page) --------------------------------------------------------


def _save_file(
    parent: QWidget | None, title: str, suggested: Path, filter_text: str, suffix: str
) -> Path | None:
    """A save dialog whose answer always ends in `suffix`; None when cancelled.

    Qt's dialog asks before replacing the file chosen; a suffix added afterwards names
    another file, so that one is asked about here.
    """
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_text)
    if not path:
        return None
    chosen = Path(path)
    if chosen.suffix.lower() == suffix:
        return chosen
    chosen = chosen.with_name(chosen.name + suffix)
    if chosen.exists() and not ask_replace_file(parent, chosen):
        return None
    return chosen


def choose_programme_export_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save a program file; None when cancelled. Always ends in .rugprog."""
    return _save_file(
        parent,
        QCoreApplication.translate("dialogs", "Export the program"),
        suggested,
        QCoreApplication.translate("dialogs", "RugDiary program files (*.rugprog)"),
        ".rugprog",
    )


def choose_programme_file(parent: QWidget | None) -> Path | None:
    """Ask for a program file to import; None when cancelled."""
    return _open_file(
        parent,
        QCoreApplication.translate("dialogs", "Import a program"),
        QCoreApplication.translate(
            "dialogs", "RugDiary program files (*.rugprog *.json *.zip);;All files (*)"
        ),
    )


def choose_sheet_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save a program sheet; None when cancelled. Always ends in .pdf."""
    return _save_file(
        parent,
        QCoreApplication.translate("dialogs", "Save the exercise sheet"),
        suggested,
        QCoreApplication.translate("dialogs", "PDF files (*.pdf)"),
        ".pdf",
    )


def ask_programme_export(parent: QWidget | None, name: str, note: str) -> str | None:
    """Say what a programme file holds (no diary data) and ask for an optional note.

    Returns the note ("" for none), or None when cancelled.
    """
    from rugdiary.ui.programs.export_dialog import ProgrammeExportDialog

    dialog = ProgrammeExportDialog(name, note, parent)
    try:
        return dialog.note() if exec_dialog(dialog) else None
    finally:
        dialog.deleteLater()


class ImportChoice(enum.Enum):
    """What to do with ids in a program file that exist with other content."""

    KEEP_BOTH = "keep_both"
    REPLACE = "replace"


def ask_import_conflict(
    parent: QWidget | None, names: list[str], replaceable: bool
) -> ImportChoice | None:
    """Ask whether to keep both or replace; None (Escape) imports nothing.

    `replaceable` is False when a built-in programme is involved: only keeping both is offered.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    title = QCoreApplication.translate("dialogs", "You have these already")
    box.setWindowTitle(title)
    box.setText(
        QCoreApplication.translate(
            "dialogs", "The file holds versions of these that differ from yours:"
        )
    )
    detail = "\n".join(f"• {name}" for name in names) + "\n\n"
    detail += QCoreApplication.translate(
        "dialogs",
        "Keep both adds the file's versions under a new name. Replace puts them in place of yours.",
    )
    if not replaceable:
        detail += " " + QCoreApplication.translate(
            "dialogs", "A built-in program is never replaced, so only Keep both is possible."
        )
    box.setInformativeText(detail)
    choices = {
        box.addButton(
            QCoreApplication.translate("dialogs", "Keep both"), QMessageBox.ButtonRole.AcceptRole
        ): ImportChoice.KEEP_BOTH
    }
    if replaceable:
        choices[
            box.addButton(
                QCoreApplication.translate("dialogs", "Replace mine"),
                QMessageBox.ButtonRole.DestructiveRole,
            )
        ] = ImportChoice.REPLACE
    cancel = box.addButton(
        QCoreApplication.translate("dialogs", "Import nothing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return choices.get(box.clickedButton())


# -- the diary as files (File menu) ----------------------------------------------------------


def ask_data_export(
    parent: QWidget | None, today: date, last: ExportChoice | None = None
) -> ExportChoice | None:
    """Ask what kind of file to export, and which days (offering `last` again); None when
    cancelled."""
    from rugdiary.ui.data_files.export_dialog import DataExportDialog

    dialog = DataExportDialog(today, parent, last)
    try:
        return dialog.choice() if exec_dialog(dialog) else None
    finally:
        dialog.deleteLater()


def choose_data_export_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save an export; None when cancelled. Ends in the suggestion's suffix."""
    suffix = suggested.suffix.lower()
    filter_text = (
        QCoreApplication.translate("dialogs", "Spreadsheet files (*.csv)")
        if suffix == ".csv"
        else QCoreApplication.translate("dialogs", "JSON files (*.json)")
    )
    return _save_file(
        parent,
        QCoreApplication.translate("dialogs", "Export my data (contains health data)"),
        suggested,
        filter_text,
        suffix,
    )


def choose_data_import_file(parent: QWidget | None) -> Path | None:
    """Ask for a CSV or JSON file to import into the diary; None when cancelled."""
    return _open_file(
        parent,
        QCoreApplication.translate("dialogs", "Import data"),
        QCoreApplication.translate("dialogs", "Diary files (*.csv *.json *.txt);;All files (*)"),
    )


def show_import_problems(
    parent: QWidget | None, file_name: str, problems: list[str], more: int
) -> None:
    """Say that nothing was imported and list what to mend, each line by its number.

    The first few stand in the box; all of them (up to the hundred an import names) are
    under Show Details, where they can be selected and copied.
    """
    from PySide6.QtWidgets import QMessageBox

    shown = 8
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    title = QCoreApplication.translate("dialogs", "Nothing was imported")
    box.setWindowTitle(title)
    box.setText(
        QCoreApplication.translate(
            "dialogs", "%1 has lines RugDiary cannot read, so nothing was imported."
        ).replace("%1", file_name)
    )
    lines = problems[:shown]
    rest = len(problems) - len(lines) + more
    detail = "\n".join(f"• {line}" for line in lines)
    if rest:
        detail += "\n" + _and_more(rest)
    detail += "\n\n" + QCoreApplication.translate(
        "dialogs", "Your diary is unchanged. Mend these lines in the file and import it again."
    )
    box.setInformativeText(detail)
    if len(problems) > shown or more:
        full = "\n".join(problems)
        if more:
            full += "\n" + _and_more(more)
        box.setDetailedText(full)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def _and_more(n: int) -> str:
    return QCoreApplication.translate("dialogs", "… and %1 more.").replace("%1", str(n))


class ImportDataChoice(enum.Enum):
    """What to do with a file's records: add the new ones, or also replace differing ones."""

    ADD = "add"
    REPLACE = "replace"


def ask_import_data(
    parent: QWidget | None,
    file_name: str,
    adds: list[str],
    skipped: int,
    differing: list[str],
) -> ImportDataChoice | None:
    """Say what an import would add and ask to go ahead; None (Cancel, Escape) adds nothing.

    `differing` names the records the diary holds with other values: for those the
    person chooses whether the file's values replace theirs; keeping theirs is the safe
    default. A file that only differs offers Replace alone: keeping theirs would import
    nothing.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Import data"))
    conflicts = len(differing)
    only_differs = bool(conflicts) and not adds
    box.setText(
        (
            QCoreApplication.translate(
                "dialogs", "%1 holds other values for records that are in your diary."
            )
            if only_differs
            else QCoreApplication.translate("dialogs", "Add this from %1 to your diary?")
        ).replace("%1", file_name)
    )
    lines = [f"• {line}" for line in adds]
    if skipped:
        lines.append(
            QCoreApplication.translate(
                "dialogs", "Already in your diary, so left as they are: %1"
            ).replace("%1", str(skipped))
        )
    if only_differs:
        lines.append(
            QCoreApplication.translate(
                "dialogs",
                "Records with other values: %1. Replace mine puts the file's values in "
                "their place.",
            ).replace("%1", str(conflicts))
        )
    elif conflicts:
        lines.append(
            "\n"
            + QCoreApplication.translate(
                "dialogs",
                "In your diary with other values than in the file: %1. Keep mine leaves "
                "yours as they are; Replace mine puts the file's values in their place.",
            ).replace("%1", str(conflicts))
        )
    lines.append(
        "\n"
        + QCoreApplication.translate(
            "dialogs",
            "A backup of your diary as it is now is made first; Settings lists it under Backups.",
        )
    )
    box.setInformativeText("\n".join(lines))
    if differing:
        # Which of theirs Replace would overwrite, under Show Details: the count alone
        # did not let the person judge.
        box.setDetailedText(
            QCoreApplication.translate("dialogs", "In your diary with other values:")
            + "\n"
            + "\n".join(f"• {line}" for line in differing)
        )
    choices: dict[object, ImportDataChoice] = {}
    if only_differs:
        replace = box.addButton(
            QCoreApplication.translate("dialogs", "Replace mine"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        choices[replace] = ImportDataChoice.REPLACE
        default = None  # Enter stays: replacing is not the safe choice
    elif conflicts:
        keep = box.addButton(
            QCoreApplication.translate("dialogs", "Import, keep mine"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        choices[keep] = ImportDataChoice.ADD
        choices[
            box.addButton(
                QCoreApplication.translate("dialogs", "Import, replace mine"),
                QMessageBox.ButtonRole.DestructiveRole,
            )
        ] = ImportDataChoice.REPLACE
        default = keep
    else:
        default = box.addButton(
            QCoreApplication.translate("dialogs", "Import"), QMessageBox.ButtonRole.AcceptRole
        )
        choices[default] = ImportDataChoice.ADD
    cancel = box.addButton(
        QCoreApplication.translate("dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(default or cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return choices.get(box.clickedButton())
