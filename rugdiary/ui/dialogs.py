"""Every message box and file dialog of the app, so tests patch one module and nothing pops up."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

_CONTEXT = "dialogs"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class DataFileProblem(enum.Enum):
    """Why the data file cannot be used; decides the wording and the buttons offered."""

    CORRUPT = "corrupt"
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
    location = _tr("The file is here:\n%1").replace("%1", str(path))
    if problem is DataFileProblem.LOCKED:
        title = _tr("Your diary is open elsewhere")
        text = _tr(
            "RugDiary is already using your diary, in another window or in the command line. "
            "Close the other one, then choose Try again."
        )
    elif problem is DataFileProblem.NEWER:
        title = _tr("Your diary needs a newer RugDiary")
        text = _tr(
            "Your diary was saved by a newer version of RugDiary. This version leaves it "
            "untouched so nothing gets lost. Please install the newer version."
        )
    elif problem is DataFileProblem.CORRUPT:
        title = _tr("Your diary file cannot be read")
        text = _tr(
            "RugDiary could not read your diary file, so it has not changed anything. "
            "RugDiary keeps backups: you can put the latest backup back in place. "
            "The unreadable file is kept next to it."
        )
    else:
        title = _tr("Your diary cannot be opened")
        text = _tr("RugDiary could not open your diary and has not changed anything.")
    details = _tr("What happened: %1.").replace("%1", reason.rstrip("."))
    return title, f"{text}\n\n{details}\n\n{location}"


def ask_data_file_problem(
    parent: QWidget | None, problem: DataFileProblem, path: Path, reason: str
) -> DataFileChoice:
    """Explain why the diary cannot be opened and ask what to do; never shows a traceback."""
    title, text = data_file_texts(problem, path, reason)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    choices: dict[object, DataFileChoice] = {}
    if problem is DataFileProblem.LOCKED:
        retry = box.addButton(_tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        choices[retry] = DataFileChoice.RETRY
        box.setDefaultButton(retry)
    elif problem is DataFileProblem.CORRUPT:
        restore = box.addButton(_tr("Restore latest backup"), QMessageBox.ButtonRole.AcceptRole)
        choices[restore] = DataFileChoice.RESTORE
        box.setDefaultButton(restore)
    quit_button = box.addButton(_tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    choices[quit_button] = DataFileChoice.QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return choices.get(box.clickedButton(), DataFileChoice.QUIT)


def ask_discard_unsaved(parent: QWidget | None) -> bool:
    """Ask before answers that were typed but not saved are replaced; True means discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Entry not saved yet"))
    box.setText(_tr("The entry in the form is not saved yet."))
    box.setInformativeText(_tr("Do you want to leave it and open the other entry?"))
    keep = box.addButton(_tr("Keep my entry"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(_tr("Leave it"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A calm, plain-words message about something that did not work."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    """The About box (rich text allowed)."""
    QMessageBox.about(parent, title, text)
