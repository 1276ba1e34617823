"""Small pieces the app's forms share, so they look, read and take the keyboard the same way."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QSizePolicy, QWidget

from rugdiary.ui.theme import primary_button_style


def bold_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A bold label whose mnemonic (the `&` letter) moves focus to `buddy`."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def add_labelled_rows(
    layout: QFormLayout, rows: Iterable[tuple[str, QWidget]], parent: QWidget
) -> list[QLabel]:
    """Add a row per (label text, field); each label's `&` letter moves focus to its field."""
    labels = []
    for text, field in rows:
        label = QLabel(text, parent)
        label.setBuddy(field)
        layout.addRow(label, field)
        labels.append(label)
    return labels


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A quiet line of help in the placeholder colour."""
    label = QLabel(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label


def message_label(accessible_name: str, parent: QWidget) -> QLabel:
    """The hidden panel where a form says what went wrong, selectable so it can be copied."""
    label = QLabel(parent)
    label.setObjectName("formMessage")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(accessible_name)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(8)
    label.setAutoFillBackground(True)
    label.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    return label


def save_button(text: str, accessible_name: str, tooltip: str, parent: QWidget) -> QPushButton:
    """The form's one primary action, disabled until pain and stress are chosen.

    `tooltip` has `%1` where the platform's Save shortcut (Ctrl+S, ⌘S) goes.
    """
    button = QPushButton(text, parent)
    button.setObjectName("primaryButton")
    # The one action that matters on the page stands out, in words and in weight.
    button.setStyleSheet(primary_button_style())
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    button.setEnabled(False)
    button.setAccessibleName(accessible_name)
    shortcut = QKeySequence(QKeySequence.StandardKey.Save)
    button.setToolTip(
        tooltip.replace("%1", shortcut.toString(QKeySequence.SequenceFormat.NativeText))
    )
    return button
