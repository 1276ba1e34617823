"""The Today page's compact entry form: pain, stress and Save, nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.scale import ScaleWidget


class QuickEntryView(QWidget):
    """Two scales and Save; the full form with its optional questions stays on the Diary page.

    Keyboard: a digit, Tab, a digit, then Enter or Ctrl+S; the controller wires the
    shortcuts' `activated` signals to saving.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickEntry")
        self.pain = ScaleWidget(
            self.tr("Pain"), self.tr("no pain"), self.tr("worst pain imaginable")
        )
        self.stress = ScaleWidget(
            self.tr("Stress"), self.tr("no stress"), self.tr("worst stress imaginable")
        )
        self.pain_label = self._field_label(self.tr("&Pain right now"), self.pain)
        self.stress_label = self._field_label(self.tr("&Stress right now"), self.stress)

        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Message about this entry"))
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.message.setMargin(8)
        self.message.setAutoFillBackground(True)
        self.message.setBackgroundRole(QPalette.ColorRole.AlternateBase)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setStyleSheet(primary_button_style())
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_button.setEnabled(False)
        self.save_button.setAccessibleName(self.tr("Save today's entry"))
        self.save_button.setToolTip(
            self.tr("Save (%1 or Enter)").replace(
                "%1",
                QKeySequence(QKeySequence.StandardKey.Save).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        self.save_hint = QLabel(self.tr("Choose pain and stress to save."), self)
        self.save_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.save_hint.setWordWrap(True)
        self.more_hint = QLabel(self.tr("Sleep, notes and more are on the Diary page."), self)
        self.more_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.more_hint.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.save_hint, 1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.pain_label)
        layout.addWidget(self.pain)
        layout.addSpacing(6)
        layout.addWidget(self.stress_label)
        layout.addWidget(self.stress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.more_hint)

        QWidget.setTabOrder(self.pain, self.stress)
        QWidget.setTabOrder(self.stress, self.save_button)
        self.setFocusProxy(self.pain)

        # Ctrl+S as on the Diary page; Enter too, since the scales have no use for it.
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.return_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self)
        self.enter_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Enter), self)
        for shortcut in (self.save_shortcut, self.return_shortcut, self.enter_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _field_label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def is_complete(self) -> bool:
        return self.pain.value() is not None and self.stress.value() is not None

    def values(self) -> tuple[int | None, int | None]:
        return self.pain.value(), self.stress.value()

    def clear(self) -> None:
        self.pain.clear()
        self.stress.clear()
        self.hide_message()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def hide_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)
