"""Before a program is exported: what the file holds (no diary data) and a note to add."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.program_file import MAX_NOTE_CHARS


class ProgrammeExportDialog(QDialog):
    """The notice, and a field for a note from the physiotherapist that travels in the file."""

    def __init__(self, name: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Programs", "Export the program"))
        self.setObjectName("programExportDialog")
        heading = QLabel(
            QCoreApplication.translate("Programs", "“%1” goes into one file.").replace("%1", name),
            self,
        )
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.notice = QLabel(
            QCoreApplication.translate(
                "Programs",
                "The file holds this program and your own exercises in it, with their "
                "pictures. It holds no diary data: no pain or stress scores, notes or sessions. "
                "Someone with RugDiary can import it, for example your physiotherapist or patient.",
            ),
            self,
        )
        self.notice.setWordWrap(True)
        label = QLabel(
            QCoreApplication.translate("Programs", "&Note to go with it (optional)"), self
        )
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlainText(note)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(
            QCoreApplication.translate("Programs", "Note to go with the program")
        )
        self.note_edit.setPlaceholderText(
            QCoreApplication.translate(
                "Programs", "For example: twice a day; stop at a 5 and tell me next time."
            )
        )
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        label.setBuddy(self.note_edit)
        self.too_long = QLabel(self)
        self.too_long.setWordWrap(True)
        self.too_long.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            QCoreApplication.translate("Programs", "Export…"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note_edit.textChanged.connect(self._check_length)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.notice)
        layout.addSpacing(6)
        layout.addWidget(label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.too_long)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def _check_length(self) -> None:
        over = len(self.note()) > MAX_NOTE_CHARS
        self.too_long.setVisible(over)
        self.too_long.setText(
            QCoreApplication.translate("Programs", "A note can be up to %1 characters.").replace(
                "%1", str(MAX_NOTE_CHARS)
            )
        )
        self.export_button.setEnabled(not over)
