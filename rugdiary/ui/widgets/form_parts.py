"""Small pieces the app's forms share, so they look, read and take the keyboard the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QWidget

from rugdiary.ui.announce import announce, set_label_text
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.scale import ScaleWidget

if TYPE_CHECKING:
    # Only named in a signature: the Today page's quick entry, which comes with this module
    # at start-up, lays out no form (PySide would build QFormLayout's enums for it).
    from PySide6.QtWidgets import QFormLayout


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
) -> None:
    """Add a row per (label text, field); each label's `&` letter moves focus to its field."""
    for text, field in rows:
        label = QLabel(text, parent)
        label.setBuddy(field)
        layout.addRow(label, field)


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A quiet line of help in the placeholder colour."""
    label = QLabel(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label


def without_mnemonic(text: str) -> str:
    """`text` without the `&` that marks a mnemonic; `&&` is a literal ampersand."""
    return re.sub(r"&(.)", r"\1", text)


def name_after_label(widget: QWidget, visible: str, description: str) -> None:
    """Name `widget` by the text shown for it, and say the rest as its description.

    An accessible name starts with the visible label (WCAG 2.5.3, label in name): a
    person using voice control says what they see ("click Every"), and a screen reader
    user hears the words on the screen first. The `&` of a keyboard mnemonic is left out.
    """
    widget.setAccessibleName(without_mnemonic(visible))
    widget.setAccessibleDescription(description)


def note_count_text(count: int, limit: int) -> str:
    """ "120 of 2,000 characters", and a calm word when the note is too long to save."""
    locale = QLocale()
    text = (
        QCoreApplication.translate("FormParts", "%1 of %2 characters")
        .replace("%1", locale.toString(count))
        .replace("%2", locale.toString(limit))
    )
    if count > limit:
        text += " – " + QCoreApplication.translate("FormParts", "a little too long to save")
    return text


def message_label(description: str, parent: QWidget) -> QLabel:
    """The hidden panel where a form says what went wrong, selectable so it can be copied.

    It has no accessible name of its own: a label's name is then its text, which is what a
    screen reader should say. A fixed name ("Message about this entry") hid the message
    behind words that are nowhere on the screen; what the panel is goes in `description`.
    Show messages with show_form_message, which also says them.
    """
    label = QLabel(parent)
    label.setObjectName("formMessage")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleDescription(description)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(8)
    label.setAutoFillBackground(True)
    label.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    return label


def show_form_message(label: QLabel, text: str, *, only_when_new: bool = False) -> None:
    """Show `text` in a form's message panel and have a screen reader say it at once.

    The panel appears where the person is not looking (the focus stays on the field or the
    button), so without an announcement a screen reader said nothing at all. Said
    assertively: these are problems to fix before going on. Empty text hides the panel.
    `only_when_new` is for messages that follow every keystroke (a dose being typed): the
    same message is said once, not again with each key.
    """
    was_hidden = label.isHidden()
    changed = set_label_text(label, text)
    label.setVisible(bool(text))
    if text and (changed or was_hidden or not only_when_new):
        announce(label, text, assertive=True)


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


@dataclass(frozen=True)
class EntryScales:
    """Pain and stress on 0–10 scales, with labels whose `&` letter jumps to them."""

    pain: ScaleWidget
    stress: ScaleWidget
    pain_label: QLabel
    stress_label: QLabel


def entry_scales(parent: QWidget) -> EntryScales:
    """The two questions every entry asks, worded the same wherever they are asked.

    The anchors are those of CLINICAL.md: 0 is no pain (stress), 10 the worst imaginable.
    """
    pain = ScaleWidget(
        QCoreApplication.translate("EntryScales", "Pain"),
        QCoreApplication.translate("EntryScales", "no pain"),
        QCoreApplication.translate("EntryScales", "worst pain imaginable"),
    )
    stress = ScaleWidget(
        QCoreApplication.translate("EntryScales", "Stress"),
        QCoreApplication.translate("EntryScales", "no stress"),
        QCoreApplication.translate("EntryScales", "worst stress imaginable"),
    )
    return EntryScales(
        pain,
        stress,
        bold_label(QCoreApplication.translate("EntryScales", "&Pain right now"), pain, parent),
        bold_label(QCoreApplication.translate("EntryScales", "&Stress right now"), stress, parent),
    )
