"""The Help menu's dialogs: keyboard shortcuts, About (with the evidence page) and red flags."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rugdiary import __version__
from rugdiary.core import evidence
from rugdiary.ui import dialogs
from rugdiary.ui.services import content_language
from rugdiary.ui.widgets.form_parts import without_mnemonic

LICENCE = "GPL-3.0-or-later"

ShortcutRow = tuple[str, str]
"""(keys as the platform writes them, what they do)."""
ShortcutSection = tuple[str, list[ShortcutRow]]
"""(where the keys work, its rows): one key does different things on different pages."""

_EVERYWHERE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _native(sequence: QKeySequence | str) -> str:
    if isinstance(sequence, str):
        native = QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
        # A range of keys ("0–9") is no key sequence: Qt gives nothing back, the words stay.
        return native or sequence
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def key_text(key: str) -> str:
    """A key as the platform writes it, the arrows and Delete in words ("Right arrow", not
    Qt's "Right"; "Delete", not "Del"; "Alt+pijl omhoog" in Dutch)."""
    words = {
        "Right": QCoreApplication.translate("help", "Right arrow"),
        "Left": QCoreApplication.translate("help", "Left arrow"),
        "Delete": QCoreApplication.translate("help", "Delete"),
        "Alt+Up": QCoreApplication.translate("help", "Alt+Up"),
        "Alt+Down": QCoreApplication.translate("help", "Alt+Down"),
    }
    return words.get(key) or _native(key)


def _pressable(sequences: list[QKeySequence]) -> list[QKeySequence]:
    """The one or two combinations a person would press, not Qt's whole list for the platform.

    Qt's standard Redo on Linux is Ctrl+Shift+Z, Ctrl+Y, Alt+Shift+Backspace and the Redo key;
    people know the first and, at most, a plain Ctrl+letter alternative such as Ctrl+Y.
    """
    first, *others = sequences
    for other in others:
        combo = other[0]  # type: ignore[index]  # PySide's stubs miss __getitem__
        if (
            other.count() == 1
            and combo.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier
            and Qt.Key.Key_A.value <= combo.key().value <= Qt.Key.Key_Z.value
        ):
            return [first, other]
    return [first]


def _either(sequences: list[QKeySequence]) -> str:
    """ "Ctrl+Shift+Z or Ctrl+Y": the shown combinations in words."""
    names = [_native(s) for s in sequences]
    if len(names) == 1:
        return names[0]
    either = QCoreApplication.translate("help", "%1 or %2")
    return either.replace("%1", names[0]).replace("%2", names[1])


def _plain(text: str) -> str:
    """A menu text without its & mnemonic marker or trailing dots ("&Quit…" -> "Quit")."""
    return without_mnemonic(text).rstrip(".…").strip()


def general_rows() -> list[ShortcutRow]:
    """Keys that work everywhere, because Qt provides them; listed so nobody has to guess."""
    # Literal QCoreApplication.translate calls: lupdate finds nothing through an alias.
    return [
        (
            QCoreApplication.translate("help", "Tab / Shift+Tab"),
            QCoreApplication.translate("help", "Go to the next / previous field or button"),
        ),
        (
            QCoreApplication.translate("help", "Space"),
            QCoreApplication.translate(
                "help", "Press the button or tick the box that has the focus"
            ),
        ),
        (
            QCoreApplication.translate("help", "Arrow keys"),
            QCoreApplication.translate("help", "Choose a value on a 0–10 scale or in a list"),
        ),
        (
            QCoreApplication.translate("help", "Arrow keys, then Enter"),
            QCoreApplication.translate(
                "help", "On an Insights chart: choose a day, then open it in the diary"
            ),
        ),
        (
            QCoreApplication.translate("help", "Home / End"),
            QCoreApplication.translate("help", "On an Insights chart: the first / last day"),
        ),
        (
            QCoreApplication.translate("help", "Esc"),
            QCoreApplication.translate("help", "Close a dialog without changing anything"),
        ),
    ]


def shortcut_rows(
    window: QWidget, extra: Iterable[tuple[QKeySequence | str, str]] = ()
) -> list[ShortcutRow]:
    """The window-wide shortcuts registered on `window` now: its actions, described
    QShortcuts, then `extra`.

    Read from the live objects rather than written down, so the list cannot drift from
    what the keys really do. A QShortcut is listed when it has a whatsThis text (its
    description). Actions that work only on one page (the session's Space, Esc, arrows)
    are left to that page's section: read live, they were listed once per panel that
    has them, next to the page's own rows ("Space" four times, with four meanings).
    """
    rows: list[ShortcutRow] = []
    seen: set[tuple[str, str]] = set()

    def add(keys: str, what: str) -> None:
        if keys and what and (keys, what) not in seen:
            seen.add((keys, what))
            rows.append((keys, what))

    for action in window.findChildren(QAction):
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if sequences and action.text() and action.shortcutContext() in _EVERYWHERE:
            add(_either(_pressable(sequences)), _plain(action.text()))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            add(_native(shortcut.key()), shortcut.whatsThis())
    for sequence, what in extra:
        add(_native(sequence), what)
    return rows


def shortcut_sections(
    window: QWidget, pages: Iterable[ShortcutSection] = ()
) -> list[ShortcutSection]:
    """What Help → Keyboard shortcuts lists: the keys that work everywhere, then each page's."""
    everywhere = QCoreApplication.translate("help", "Everywhere")
    return [(everywhere, shortcut_rows(window) + general_rows()), *pages]


class ShortcutsDialog(QDialog):
    """A two-column table of keys and what they do, under a heading per place; read with the
    arrow keys."""

    def __init__(self, sections: list[ShortcutSection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.sections = sections
        self.rows: list[ShortcutRow] = [row for _title, rows in sections for row in rows]
        self.heading_rows: list[int] = []
        """Table rows that hold a section's heading across both columns."""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows) + len(sections), 2, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        # The arrow keys move through the rows; Tab leaves the table for Close. Qt's default
        # moved Tab from cell to cell, so the keyboard never got out of the table.
        self.table.setTabKeyNavigation(False)
        row = 0
        for title, rows in sections:
            heading = QTableWidgetItem(title)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            # In the window's colour, apart from the rows' alternating shades.
            heading.setBackground(self.table.palette().color(QPalette.ColorRole.Window))
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            self.heading_rows.append(row)
            row += 1
            for keys, what in rows:
                for column, text in enumerate((keys, what)):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.table.setItem(row, column, item)
                row += 1
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._fit_to_content()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.rows:
            # Where the arrow keys start, without a highlight that makes one row look
            # more important than the others.
            first = next(r for r in range(self.table.rowCount()) if r not in self.heading_rows)
            self.table.setCurrentCell(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _fit_to_content(self) -> None:
        """Columns as wide as their words, descriptions on one line where the screen allows.

        Sized from the texts in the current language, so the longer Dutch descriptions get
        the room they need instead of wrapping over three lines in a fixed 640 px.
        """
        table, header, layout = self.table, self.table.horizontalHeader(), self.layout()
        assert layout is not None  # made in __init__
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        screen = self.screen().availableGeometry() if self.screen() else None
        widest = (screen.width() if screen else 1280) * 0.85
        chrome = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        margins = layout.contentsMargins()
        outside = margins.left() + margins.right() + chrome
        keys = table.columnWidth(0)
        what = min(table.columnWidth(1), max(int(widest - outside - keys), keys))
        table.setColumnWidth(1, what)
        table.resizeRowsToContents()
        rows_height = sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setMinimumWidth(keys + what + chrome)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Rows follow the description column when the person makes the dialog wider.
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        tallest = (screen.height() if screen else 800) * 0.85
        others = layout.sizeHint().height() - table.sizeHint().height()
        height = others + header.height() + rows_height + 2 * table.frameWidth() + 2
        self.resize(keys + what + outside, int(min(height, tallest)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(self.tr("Everything in RugDiary works with the keyboard alone."))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def evidence_html(lang: str) -> str:
    """The evidence page as rich text: the points, each with numbered sources, then the list."""
    keys = evidence.source_keys()
    number = {key: i for i, key in enumerate(keys, 1)}
    parts = [f"<p>{escape(evidence.INTRO.get(lang))}</p><ul>"]
    for point in evidence.POINTS:
        refs = ", ".join(str(number[key]) for key in point.sources)
        parts.append(
            f"<li style='margin-bottom:6px'>{escape(point.text.get(lang))} "
            f"<span style='white-space:nowrap'>[{refs}]</span></li>"
        )
    parts.append(f"</ul><h3>{escape(evidence.SOURCES_HEADING.get(lang))}</h3><ol>")
    parts += [f"<li>{escape(evidence.SOURCES[key])}</li>" for key in keys]
    parts.append("</ol>")
    return "".join(parts)


class EvidenceDialog(QDialog):
    """The short page on the evidence behind the exercises, with its sources."""

    def __init__(self, lang: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.lang = lang or content_language()
        self.resize(660, 620)
        title = evidence.TITLE.get(self.lang)
        self.setWindowTitle(title)
        self.heading = QLabel(title, self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(evidence_html(self.lang))
        self.browser.setAccessibleName(title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


class AboutDialog(QDialog):
    """Version, licence, where the diary lives, what the app is not, and where to read more."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.data_dir = data_dir
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label = QLabel(self)
        self.folder = QLabel(str(data_dir), self)
        self.folder.setObjectName("dataFolder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setBuddy(self.folder)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_folder)
        self.evidence_button = QPushButton(self)
        self.evidence_button.clicked.connect(lambda: dialogs.show_evidence(self))
        self.red_flags_button = QPushButton(self)
        self.red_flags_button.clicked.connect(lambda: dialogs.show_red_flag_notice(self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.copy_button)
        more = QHBoxLayout()
        more.addWidget(self.evidence_button)
        more.addWidget(self.red_flags_button)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.folder_label)
        layout.addLayout(folder_row)
        layout.addSpacing(6)
        layout.addLayout(more)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        # As tall as its words at 560 wide: a fixed height left a gap above Close.
        self.resize(560, max(self.heightForWidth(560), self.minimumSizeHint().height()))
        # Enter closes it, as in any About box; the evidence is a Tab away.
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About RugDiary"))
        self.heading.setText(self.tr("RugDiary %1").replace("%1", __version__))
        self.body.setText(
            "<p>"
            + escape(
                self.tr(
                    "A calm diary and exercise companion for low back pain: note your pain "
                    "and stress, keep moving with guided exercises, and see how things "
                    "change over the weeks."
                )
            )
            + "</p><p><b>"
            + escape(
                self.tr("RugDiary does not diagnose or replace your physiotherapist or doctor.")
            )
            + "</b></p><p>"
            + escape(
                self.tr(
                    "Free software: you may use, share and change it under the GNU General "
                    "Public License, version 3 or later (%1). Your diary stays on this computer."
                )
            ).replace("%1", LICENCE)
            + "</p>"
        )
        self.folder_label.setText(self.tr("Your diary is kept in this folder:"))
        # The path is its own name (a screen reader reads what is shown); what it is, and
        # what the button copies, are descriptions, so names start with the visible words.
        self.folder.setAccessibleDescription(self.tr("Data folder"))
        self.copy_button.setText(self.tr("&Copy path"))
        self.copy_button.setAccessibleDescription(self.tr("Copy the data folder path"))
        self.evidence_button.setText(self.tr("&Evidence behind the exercises"))
        self.red_flags_button.setText(self.tr("&When to get help"))

    def copy_folder(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(str(self.data_dir))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- what the lead wires into the Help menu --------------------------------------------------


def show_shortcuts(window: QWidget, pages: Iterable[ShortcutSection] = ()) -> None:
    """Help → Keyboard shortcuts: the keys that work everywhere, then each page's."""
    dialogs.show_keyboard_shortcuts(window, shortcut_sections(window, pages))


def show_about(window: QWidget, data_dir: Path) -> None:
    """Help → About RugDiary."""
    dialogs.show_about_dialog(window, data_dir)


def show_red_flags(window: QWidget) -> None:
    """Help → When to get help."""
    dialogs.show_red_flag_notice(window)
