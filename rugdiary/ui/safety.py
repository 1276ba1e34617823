"""The red-flag notice: once at first start, from Help, and again after a worrying diary tag."""

from __future__ import annotations

import enum
import math
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.safety import entry_notice, red_flag_notice, red_flag_signs
from rugdiary.ui import dialogs
from rugdiary.ui.services import content_language
from rugdiary.ui.theme import FOCUS_WIDTH

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rugdiary.core.diary import DiaryEntry
    from rugdiary.core.safety import UrgentSign
    from rugdiary.storage.repositories import SettingsRepository

ACKNOWLEDGED_KEY: Final = "red_flags_acknowledged"
"""Settings key: True once the person has confirmed reading the notice."""


_LINE = "line-height:125%"
"""A little air between lines: easier to read for tired eyes."""


class NoticeMode(enum.Enum):
    """Why the notice is shown; decides its opening line and its button."""

    FIRST_RUN = "first_run"  # to acknowledge ("I have read this")
    HELP = "help"  # looked up from the Help menu
    ENTRY = "entry"  # a saved diary entry carries a red-flag tag


def notice_html(lang: str, *, entry: bool = False, signs: Sequence[UrgentSign] = ()) -> str:
    """The notice as simple rich text: short paragraphs and two lists, no colour needed.

    The two groups are told apart by their headings, never by colour alone. After an
    entry (`entry`), it opens with the `signs` noted and what to do now, and leaves out
    the general reassurance (see core.safety's ENTRY_NOTICE).
    """
    from html import escape  # only when the notice is shown: html.entities is ~0.2 MB

    notice = red_flag_notice(lang)
    parts: list[str] = []
    if entry:
        opening = entry_notice(lang, signs)
        parts.append(f"<p style='{_LINE}'><b>{escape(opening.lead)}</b></p>")
        if opening.signs:
            named = "".join(f"<li style='{_LINE}'>{escape(s)}</li>" for s in opening.signs)
            parts.append(f"<ul>{named}</ul>")
        parts.append(f"<p style='{_LINE}'><b>{escape(opening.action)}</b></p>")
        parts.append(
            f"<p style='margin-top:10px; {_LINE}'>{escape(opening.no_diagnosis)} "
            f"{escape(opening.list_intro)}</p>"
        )
    else:
        parts.append(f"<p style='{_LINE}'>{escape(notice.intro)}</p>")
    for heading, listed in (
        (notice.urgent_heading, notice.urgent),
        (notice.soon_heading, notice.soon),
    ):
        items = "".join(f"<li style='margin-bottom:4px; {_LINE}'>{escape(s)}</li>" for s in listed)
        parts.append(f"<p style='margin-top:10px'><b>{escape(heading)}</b></p><ul>{items}</ul>")
    if not entry:
        parts.append(f"<p style='{_LINE}'>{escape(notice.closing)}</p>")
    return "".join(parts)


class RedFlagView(QScrollArea):
    """The notice's text in a scroll area, shared by the dialog and the first-run wizard.

    A scroll area keeps the whole text reachable at 200% scaling or on a small screen;
    it takes the focus so the arrow keys and Page Down scroll it. With the focus it is
    ringed like every other control: without the ring, Tab landed on it and nothing on
    screen changed.
    """

    def __init__(
        self,
        lang: str,
        *,
        entry: bool = False,
        signs: Sequence[UrgentSign] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A frame as wide as the theme's focus ring, drawn in the window's own colour: unseen
        # until the style rings it in the highlight colour when the notice has the focus.
        # The scroll bar sits inside a frame, so it cannot cover the ring.
        self.setFrameShape(QFrame.Shape.Box)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(math.ceil(max(FOCUS_WIDTH.values())))
        self.setForegroundRole(QPalette.ColorRole.Window)
        self.label = QLabel(self)
        self.label.setObjectName("redFlagText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setContentsMargins(4, 4, 12, 4)
        self.setWidget(self.label)
        self._entry = entry
        self._signs = tuple(signs)
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        """Show the notice in `lang` ("en" or "nl")."""
        self.lang = lang
        notice = red_flag_notice(lang)
        self.label.setText(notice_html(lang, entry=self._entry, signs=self._signs))
        self.setAccessibleName(notice.title)
        # Screen readers read the description: the whole notice as plain text.
        self.setAccessibleDescription(plain_notice(lang, entry=self._entry, signs=self._signs))


def plain_notice(lang: str, *, entry: bool = False, signs: Sequence[UrgentSign] = ()) -> str:
    """The notice as plain text with bullets, for screen readers and the clipboard."""
    notice = red_flag_notice(lang)
    if entry:
        opening = entry_notice(lang, signs)
        lines = [opening.lead, *(f"• {name}" for name in opening.signs), opening.action, ""]
        lines += [f"{opening.no_diagnosis} {opening.list_intro}"]
    else:
        lines = [notice.intro]
    lines += ["", notice.urgent_heading]
    lines += [f"• {sign}" for sign in notice.urgent]
    lines += ["", notice.soon_heading]
    lines += [f"• {sign}" for sign in notice.soon]
    if not entry:
        lines += ["", notice.closing]
    return "\n".join(lines)


class RedFlagDialog(QDialog):
    """The notice in its own window: calm, readable, and closed with Enter or Esc."""

    def __init__(
        self,
        mode: NoticeMode = NoticeMode.HELP,
        *,
        lang: str | None = None,
        signs: Sequence[UrgentSign] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.lang = lang or content_language()
        # After an entry: the urgent signs it noted, named at the top of the notice.
        self.signs: tuple[UrgentSign, ...] = tuple(signs or ())
        self.setObjectName("redFlagDialog")
        self.resize(620, 640)
        self.setMinimumSize(420, 360)

        self.heading = QLabel(self)
        self.heading.setObjectName("redFlagHeading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.35)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.view = RedFlagView(
            self.lang, entry=mode is NoticeMode.ENTRY, signs=self.signs, parent=self
        )

        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """Set every text; called again when the app's language changes."""
        title = red_flag_notice(self.lang).title
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.setAccessibleName(title)
        # Named by its words in every language; what they refer to is the description.
        if self.mode is NoticeMode.FIRST_RUN:
            self.ok_button.setText(self.tr("I have read this"))
            self.ok_button.setAccessibleDescription(self.tr("I have read this notice"))
        else:
            self.ok_button.setText(self.tr("Close"))
            self.ok_button.setAccessibleDescription(self.tr("Close the notice"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- the three moments the notice appears ---------------------------------------------------


def red_flags_acknowledged(settings: SettingsRepository) -> bool:
    """Whether the person has confirmed reading the notice (at first start or later)."""
    return settings.get(ACKNOWLEDGED_KEY, False) is True


def show_red_flags_once(parent: QWidget | None, settings: SettingsRepository) -> bool:
    """At start-up: show the notice to acknowledge unless that happened before.

    Returns True when it is (now or earlier) acknowledged. Closing it with Esc leaves it
    unacknowledged, so it comes back at the next start rather than being lost.
    """
    if red_flags_acknowledged(settings):
        return True
    if dialogs.show_red_flag_notice(parent, NoticeMode.FIRST_RUN.value):
        settings.set(ACKNOWLEDGED_KEY, True)
        return True
    return False


def notice_after_save(parent: QWidget | None, entry: DiaryEntry) -> bool:
    """After an entry is saved: show the notice again when it names an urgent sign.

    The notice names the signs and says to contact a doctor now. Returns whether it was
    shown, so the caller can mention it in the status bar.
    """
    signs = red_flag_signs(entry)
    if not signs:
        return False
    dialogs.show_red_flag_notice(parent, NoticeMode.ENTRY.value, signs)
    return True
