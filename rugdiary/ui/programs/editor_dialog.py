"""What the program and exercise editors share: the message under the form, Save and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

from rugdiary.ui import dialogs
from rugdiary.ui.widgets.form_parts import message_label


class EditorDialog(QDialog):
    """A dialog whose controller reports problems in one message and listens to Save/Cancel."""

    message: QLabel
    buttons: QDialogButtonBox
    save_button: QPushButton
    cancel_button: QPushButton

    def has_changes(self) -> bool:
        """Whether the form holds changes not saved yet; the controller puts its own here."""
        return False

    def reject(self) -> None:
        """Cancel, Escape and the window's close button ask first when there are changes."""
        if self.has_changes() and not dialogs.ask_discard_changes(self):
            return
        super().reject()

    def _build_footer(self, save_name: str) -> None:
        """Make the message and the Save/Cancel box; `save_name` is what a screen reader says."""
        self.message = message_label(
            QCoreApplication.translate("Programs", "Message about this form"), self
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(save_name)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def show_message(self, text: str) -> None:
        """Show what is wrong (or worth knowing) about the form; empty text hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
