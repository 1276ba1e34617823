"""What the program and exercise editors share: the message under the form, Save and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

from rugdiary.ui import dialogs
from rugdiary.ui.widgets.form_parts import message_label, show_form_message


class EditorDialog(QDialog):
    """A dialog whose controller reports problems in one message and listens to Save/Cancel."""

    message: QLabel
    buttons: QDialogButtonBox
    save_button: QPushButton
    cancel_button: QPushButton
    save_shortcut: QShortcut

    def has_changes(self) -> bool:
        """Whether the form holds changes not saved yet; the controller puts its own here."""
        return False

    def reject(self) -> None:
        """Cancel, Escape and the window's close button ask first when there are changes."""
        if self.has_changes() and not dialogs.ask_discard_changes(self):
            return
        super().reject()

    def _build_footer(self, save_description: str) -> None:
        """Make the message and the Save/Cancel box; `save_description` says what Save saves.

        Save is named by its word ("Opslaan"), which voice control users say; a name such as
        "Programma opslaan" did not start with it.
        """
        self.message = message_label(
            QCoreApplication.translate("Programs", "Message about this form"), self
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleDescription(save_description)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # Ctrl+S saves, as in the diary: the same as pressing Save (nothing while it is grey).
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save_button.click)

    def show_message(self, text: str) -> None:
        """Show what is wrong (or worth knowing) about the form, and say it; empty text hides
        it. A dose being typed shows its message at each key: it is said once."""
        show_form_message(self.message, text, only_when_new=True)
