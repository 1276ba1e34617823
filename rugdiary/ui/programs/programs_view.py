"""The programs list's layout: programs on the left, the chosen one with its start button."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.exercises import Level
from rugdiary.ui.programs.texts import PainMark, level_title
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.flow_layout import FlowLayout
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

SESSION_GAP = 12
"""Pixels between two sessions in the list; twice the gap between lines of one session."""


class PainMarkLabel(QLabel):
    """A pain response as symbol + word on a coloured chip; colour is never the only clue."""

    def __init__(self, mark: PainMark, parent: QWidget | None = None) -> None:
        super().__init__(f"{mark.symbol} {mark.word}", parent)
        self.mark = mark
        self.setObjectName(f"painMark_{mark.response.value}")
        # White on these colours, chosen per theme (ui/player/texts.response_colour): 4.5:1 or
        # more in light and dark, 7:1 in high contrast.
        self.setStyleSheet(
            f"QLabel {{ background: {mark.colour}; color: white; border-radius: 9px;"
            " padding: 1px 8px; font-weight: bold; }"
        )
        self.setToolTip(mark.meaning)
        self.setAccessibleName(f"{mark.word}: {mark.meaning}")
        self.setAccessibleDescription(mark.meaning)


class NameFirstDelegate(QStyledItemDelegate):
    """A program in the list: its name (the item's first line) in bold, its facts below.

    The item's text stays "name\nfacts", so screen readers and tests read it unchanged.
    """

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        name, _, rest = text.partition("\n")
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(3)
        body = "<br>".join(escape(line) for line in rest.split("\n")) if rest else ""
        document.setHtml(f"<b>{escape(name)}</b>" + (f"<br>{body}" if body else ""))
        document.setTextWidth(max(1, width))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = str(index.data() or "")  # opt.text has its line breaks replaced
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = self._document(opt, text, opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        # Moved rather than translate()d: the translation test reads every translate( call.
        painter.setTransform(QTransform.fromTranslate(opt.rect.x(), opt.rect.y()), True)
        painter.setClipRect(0, 0, opt.rect.width(), opt.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.parent()
        # As wide as the item will be painted: the viewport less the list's spacing.
        width = (
            view.viewport().width() - 2 * view.spacing() if isinstance(view, QListWidget) else 240
        )
        document = self._document(opt, str(index.data() or ""), width)
        return QSize(width, int(document.size().height()) + 2)


class ProgramsListView(QWidget):
    """Programs with New/Copy/Change/Delete beside the details, level choice and Start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programsList")
        self.list = QListWidget(self)
        self.list.setAccessibleName(QCoreApplication.translate("Programs", "Programs"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(260)
        self.list.setItemDelegate(NameFirstDelegate(self.list))
        # Item heights follow the width: the facts wrap in a narrow pane.
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.new_button = QPushButton(QCoreApplication.translate("Programs", "New…"), self)
        self.new_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Make a new program")
        )
        # Named by their visible words ("Kopiëren…" in Dutch), which voice control users say;
        # a longer name only started with them in English. Which program is the description.
        self.copy_button = QPushButton(QCoreApplication.translate("Programs", "Copy…"), self)
        self.copy_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Copy the selected program to change it")
        )
        self.edit_button = QPushButton(QCoreApplication.translate("Programs", "Change…"), self)
        self.edit_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Change the selected own program")
        )
        self.delete_button = QPushButton(QCoreApplication.translate("Programs", "Delete"), self)
        self.delete_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Delete the selected own program")
        )
        # Both rows wrap in a narrow window rather than widen the list (issue 17).
        buttons = FlowLayout()
        for button in (self.new_button, self.copy_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        file_buttons = self._file_buttons()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        left_layout.addLayout(file_buttons)

        self.title = QLabel(self)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("programFacts")
        self.facts.setWordWrap(True)
        self.facts.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.level = QComboBox(self)
        self.level.setAccessibleName(
            QCoreApplication.translate("Programs", "Level to play the program at")
        )
        for level in Level:
            self.level.addItem(level_title(level), level.value)
        level_label = QLabel(QCoreApplication.translate("Programs", "&Level"), self)
        level_label.setBuddy(self.level)
        self.start_button = QPushButton(QCoreApplication.translate("Programs", "Start"), self)
        self.start_button.setObjectName("primaryButton")
        self.start_button.setStyleSheet(primary_button_style())
        self.start_button.setAccessibleName(
            QCoreApplication.translate("Programs", "Start the program at the chosen level")
        )
        self.start_button.setDefault(True)
        start_row = FlowLayout()
        level_pair = QWidget(self)
        pair_layout = QHBoxLayout(level_pair)
        pair_layout.setContentsMargins(0, 0, 12, 0)
        pair_layout.addWidget(level_label)
        pair_layout.addWidget(self.level)
        level_label.setParent(level_pair)
        self.level.setParent(level_pair)
        start_row.addWidget(level_pair)
        start_row.addWidget(self.start_button)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        self.offer = QFrame(self)
        self.offer.setObjectName("levelOffer")
        self.offer.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer.setStyleSheet(
            "QFrame#levelOffer { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 8px; }"
        )
        self.offer_text = QLabel(self.offer)
        self.offer_text.setWordWrap(True)
        self.offer_text.setTextFormat(Qt.TextFormat.RichText)
        # Both are named by their text ("Use the intermediate level", "Not now"), the words
        # a voice-control user says; the description adds what they mean.
        self.accept_button = QPushButton(self.offer)
        self.accept_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Use the suggested level")
        )
        self.dismiss_button = QPushButton(
            QCoreApplication.translate("Programs", "Not now"), self.offer
        )
        self.dismiss_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Keep the current level for now")
        )
        offer_buttons = QHBoxLayout()
        offer_buttons.addWidget(self.accept_button)
        offer_buttons.addWidget(self.dismiss_button)
        offer_buttons.addStretch(1)
        offer_layout = QVBoxLayout(self.offer)
        offer_layout.addWidget(self.offer_text)
        offer_layout.addLayout(offer_buttons)
        self.offer.setVisible(False)

        self.items_heading = QLabel(
            QCoreApplication.translate("Programs", "What you will do"), self
        )
        self.items_heading.setFont(_bold(self.font()))
        self.items = QLabel(self)
        self.items.setWordWrap(True)
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.sessions_heading = QLabel(
            QCoreApplication.translate("Programs", "Your last sessions"), self
        )
        self.sessions_heading.setFont(_bold(self.font()))
        self.sessions_box = QWidget(self)
        self.sessions_layout = QVBoxLayout(self.sessions_box)
        self.sessions_layout.setContentsMargins(0, 0, 0, 0)
        # More room between sessions than between the lines of one: a narrow pane puts a
        # session's pain and level on a line under its date, which must read as its own.
        self.sessions_layout.setSpacing(SESSION_GAP)
        self.sessions_hint = QLabel(self)
        self.sessions_hint.setWordWrap(True)
        self.sessions_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(12, 0, 12, 12)
        details_layout.setSpacing(8)
        details_layout.addWidget(self.title)
        details_layout.addWidget(self.description)
        details_layout.addWidget(self.facts)
        details_layout.addLayout(start_row)
        details_layout.addWidget(self.problem)
        details_layout.addWidget(self.offer)
        details_layout.addSpacing(6)
        details_layout.addWidget(self.sessions_heading)
        details_layout.addWidget(self.sessions_box)
        details_layout.addWidget(self.sessions_hint)
        details_layout.addSpacing(6)
        details_layout.addWidget(self.items_heading)
        details_layout.addWidget(self.items)
        details_layout.addStretch(1)
        self.details_scroll = QScrollArea(self)
        self.details_scroll.setWidget(details)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Only up and down: what does not fit wraps (issue 17: it scrolled sideways).
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        quiet_scroll_area(self.details_scroll)
        self.details = details

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details_scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.splitter)
        # No focus proxy: it would send Tab from the last control back to the first.
        self.initial_focus: QWidget = self.list

    def _file_buttons(self) -> FlowLayout:
        """Programme files and the printed sheet: what travels between physio and patient."""
        self.import_button = QPushButton(QCoreApplication.translate("Programs", "Import…"), self)
        self.import_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Import a program from a file")
        )
        self.export_button = QPushButton(QCoreApplication.translate("Programs", "Export…"), self)
        self.export_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Export the selected program to a file")
        )
        self.sheet_button = QPushButton(
            QCoreApplication.translate("Programs", "Print sheet…"), self
        )
        self.sheet_button.setAccessibleDescription(
            QCoreApplication.translate(
                "Programs", "Save a printable sheet of the selected program at the chosen level"
            )
        )
        # Names are the visible words (voice control says what it sees); the longer
        # explanation is the description.
        row = FlowLayout()
        for button in (self.import_button, self.export_button, self.sheet_button):
            row.addWidget(button)
        return row

    def chosen_level(self) -> Level:
        return Level(self.level.currentData())

    def set_level(self, level: Level) -> None:
        self.level.setCurrentIndex(self.level.findData(level.value))

    def set_session_rows(self, rows: list[QWidget]) -> None:
        """Replace the rows of recent sessions."""
        while self.sessions_layout.count():
            item = self.sessions_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden, not taken out of its parent: a row made a moment ago still has a
                # queued "show", and without a parent it showed as a window of its own,
                # taking the keyboard away from the main window. Hidden, it stays hidden.
                widget.hide()
                widget.deleteLater()
        for row in rows:
            self.sessions_layout.addWidget(row)

    def session_marks(self) -> list[PainMarkLabel]:
        """The pain marks shown now, newest first (for tests and screen readers)."""
        return self.sessions_box.findChildren(PainMarkLabel)

    def make_session_row(self, when: str, mark: PainMark | None, detail: str) -> QWidget:
        row = QWidget(self.sessions_box)
        # The detail moves under the date and mark when the pane is narrow.
        layout = FlowLayout(row)
        date_label = QLabel(when, row)
        date_label.setMinimumWidth(date_label.fontMetrics().horizontalAdvance("Wed 30 Sep") + 12)
        layout.addWidget(date_label)
        if mark is not None:
            layout.addWidget(PainMarkLabel(mark, row))
        detail_label = QLabel(detail, row)
        detail_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        detail_label.setWordWrap(True)  # on a line of its own when even that is too narrow
        layout.addWidget(detail_label)
        return row


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
