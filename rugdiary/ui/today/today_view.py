"""The Today page's layout: today's entry, the last week, what is next, and a tip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.flare.today_line import FlareLine
from rugdiary.ui.page_layout import READING_MAX_WIDTH, page_title, scaled_font, set_page_margins
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.today.activities_line import ActivitiesLine
from rugdiary.ui.today.quick_entry_view import QuickEntryView
from rugdiary.ui.today.sparkline import SparklineWidget
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

TWO_COLUMNS_MIN_WIDTH = 860
"""Below this the cards stack in one column (large text, small laptop screens)."""
MAX_CONTENT_WIDTH = READING_MAX_WIDTH

_CARD_STYLE = (
    "QFrame#todayCard { background: palette(base); border: 1px solid palette(midlight);"
    " border-radius: 10px; }"
    "QPushButton#linkButton { border: 2px solid transparent; border-radius: 4px;"
    " background: transparent; padding: 2px 6px; color: palette(link);"
    " text-decoration: underline; text-align: left; }"
    "QPushButton#linkButton:focus { border: 2px solid palette(highlight); }"
)


def _scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    return scaled_font(widget.font(), factor, bold=bold)


class Card(QFrame):
    """A rounded panel with a small heading; the page is a handful of these."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayCard")
        self.title = QLabel(title, self)
        self.title.setFont(_scaled_font(self.title, 1.0, bold=True))
        self.title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(self.body)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)


def _wrapping_label(parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TodayView(QWidget):
    """Cards in two columns (one when narrow) inside a scroll area; no behaviour here.

    Left: today's entry and the tip of the day. Right: the next program, the last seven
    days and this week. Narrow, they stack in that order.
    """

    shown = Signal()
    """The page became visible: the controller checks whether the day has changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.setStyleSheet(_CARD_STYLE)

        content = QWidget()
        content.setObjectName("todayContent")
        self.content = content

        self.heading = page_title(self.tr("Today"), content)
        self.date_label = QLabel(content)
        self.date_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignBaseline)
        header.addWidget(self.date_label, 1, Qt.AlignmentFlag.AlignBaseline)

        self._build_entry_card(content)
        self._build_week_chart_card(content)
        self._build_program_card(content)
        self._build_this_week_card(content)
        self._build_tip_card(content)

        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(self.entry_card)
        self.flare_line = FlareLine(content)  # "My back is flaring up" (ui/flare/)
        left.addWidget(self.flare_line)
        left.addWidget(self.tip_card)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self.program_card)
        right.addWidget(self.chart_card)
        right.addWidget(self.week_card)
        right.addStretch(1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(14)
        self.columns.addLayout(left, 5)
        self.columns.addLayout(right, 4)

        inner = QVBoxLayout(content)
        set_page_margins(inner)
        inner.setSpacing(14)
        inner.addLayout(header)
        inner.addLayout(self.columns)
        inner.addStretch(1)
        content.setMaximumWidth(MAX_CONTENT_WIDTH)

        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        # Full width up to MAX_CONTENT_WIDTH, then left-aligned like every other page.
        holder_layout.addWidget(content, 1)
        holder_layout.addStretch(0)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(holder)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        quiet_scroll_area(self.scroll_area)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.setFocusProxy(self.quick)

    # -- cards ---------------------------------------------------------------------------

    def _build_entry_card(self, parent: QWidget) -> None:
        self.entry_card = Card(self.tr("Your diary today"), parent)
        ask = QWidget(self.entry_card)
        self.entry_intro = _wrapping_label(ask)
        self.entry_intro.setText(
            self.tr(
                "Nothing noted yet today. Two numbers are enough: how much pain, how much stress?"
            )
        )
        self.quick = QuickEntryView(ask)
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_layout.setSpacing(10)
        ask_layout.addWidget(self.entry_intro)
        ask_layout.addWidget(self.quick)

        done = QWidget(self.entry_card)
        self.logged_title = QLabel(self.tr("✓ Logged for today"), done)
        self.logged_title.setFont(_scaled_font(self.logged_title, 1.25, bold=True))
        self.logged_values = _wrapping_label(done, selectable=True)
        self.logged_values.setFont(_scaled_font(self.logged_values, 1.1))
        self.logged_detail = _wrapping_label(done)
        self.logged_detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.add_another_button = QPushButton(self.tr("Add another"), done)
        self.add_another_button.setObjectName("linkButton")
        self.add_another_button.setFlat(True)
        self.add_another_button.setCursor(Qt.CursorShape.PointingHandCursor)
        # Named by its words ("Nog een toevoegen"), which voice control users say; the
        # longer wording describes it (as a name it did not start with them in Dutch).
        self.add_another_button.setAccessibleDescription(self.tr("Add another entry for today"))
        self.add_another_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.setSpacing(6)
        done_layout.addWidget(self.logged_title)
        done_layout.addWidget(self.logged_values)
        done_layout.addWidget(self.logged_detail)
        done_layout.addWidget(self.add_another_button)
        done_layout.addStretch(1)

        self.ask_panel = ask
        self.logged_panel = done
        # Two panels of which one is shown, rather than a QStackedWidget: a stack is as
        # tall as its tallest page, which would leave a large hole under "Logged".
        done.setVisible(False)
        self.entry_card.body.addWidget(ask)
        self.entry_card.body.addWidget(done)

    def _build_week_chart_card(self, parent: QWidget) -> None:
        self.chart_card = Card(self.tr("The last 7 days"), parent)
        self.sparkline = SparklineWidget(self.chart_card)
        self.chart_note = _wrapping_label(self.chart_card)
        self.chart_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Where it hurt in these 7 days (the body map), in words; hidden when nothing was marked.
        self.regions_note = _wrapping_label(self.chart_card)
        self.regions_note.setObjectName("regionsNote")
        self.regions_note.setVisible(False)
        self.chart_card.body.addWidget(self.sparkline)
        self.chart_card.body.addWidget(self.chart_note)
        self.chart_card.body.addWidget(self.regions_note)

    def _build_program_card(self, parent: QWidget) -> None:
        self.program_card = Card(self.tr("Up next"), parent)
        self.program_name = _wrapping_label(self.program_card)
        self.program_name.setFont(_scaled_font(self.program_name, 1.25, bold=True))
        self.program_detail = _wrapping_label(self.program_card)
        self.program_detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.start_button = QPushButton(self.tr("Start"), self.program_card)
        self.start_button.setObjectName("primaryButton")
        self.start_button.setStyleSheet(primary_button_style())
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout()
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.program_name)
        texts.addWidget(self.program_detail)
        row.addLayout(texts, 1)
        row.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.program_card.body.addLayout(row)
        # My activities (PSFS / PSK): when their next score is due; hidden without the stores.
        self.activities_line = ActivitiesLine(self.program_card)
        self.activities_line.setVisible(False)
        self.program_card.body.addWidget(self.activities_line)

    def _build_this_week_card(self, parent: QWidget) -> None:
        self.week_card = Card(self.tr("This week"), parent)
        self.sessions_label = _wrapping_label(self.week_card)
        self.plan_label = _wrapping_label(self.week_card)
        self.plan_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reminders_label = _wrapping_label(self.week_card)
        self.reminders_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.week_card.body.addWidget(self.sessions_label)
        self.week_card.body.addWidget(self.plan_label)
        self.week_card.body.addWidget(self.reminders_label)
        # Sitting per day this week (movement breaks on sitting time); hidden without figures.
        # A small grid of short cells: long sentences per day would wrap into a wall of text.
        self.sitting_box = QWidget(self.week_card)
        self.sitting_box.setObjectName("sittingBox")
        self.sitting_label = QLabel(self.sitting_box)
        self.sitting_grid = QGridLayout()
        self.sitting_grid.setHorizontalSpacing(12)
        self.sitting_grid.setVerticalSpacing(2)
        box = QVBoxLayout(self.sitting_box)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.sitting_label)
        box.addLayout(self.sitting_grid)
        self.sitting_box.setVisible(False)
        self.week_card.body.addWidget(self.sitting_box)

    def show_sitting(self, title: str, headings: list[str], rows: list[list[str]]) -> None:
        """Fill the sitting grid: a heading row and one row per day; hidden when there are none."""
        while self.sitting_grid.count():
            item = self.sitting_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sitting_box.setVisible(bool(rows))
        if not rows:
            return
        self.sitting_label.setText(title)
        for column, text in enumerate(headings):
            cell = QLabel(text, self.sitting_box)
            cell.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.sitting_grid.addWidget(cell, 0, column)
        for row, values in enumerate(rows, start=1):
            for column, text in enumerate(values):
                cell = QLabel(text, self.sitting_box)
                cell.setAccessibleName(f"{headings[column]}: {text}")
                align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                self.sitting_grid.addWidget(cell, row, column, align)
        self.sitting_grid.setColumnStretch(len(headings), 1)

    def _build_tip_card(self, parent: QWidget) -> None:
        self.tip_card = Card(self.tr("A thought for today"), parent)
        self.tip_label = _wrapping_label(self.tip_card, selectable=True)
        self.tip_label.setFont(_scaled_font(self.tip_label, 1.05))
        self.tip_label.setAccessibleDescription(self.tr("Tip of the day"))
        self.tip_card.body.addWidget(self.tip_label)

    # -- layout --------------------------------------------------------------------------

    def show_logged(self, logged: bool) -> None:
        """Switch the diary card between the quick entry and "Logged for today"."""
        self.ask_panel.setVisible(not logged)
        self.logged_panel.setVisible(logged)
        self.setFocusProxy(self.quick if not logged else self.add_another_button)

    def is_logged_shown(self) -> bool:
        return not self.logged_panel.isHidden()

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 240)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= TWO_COLUMNS_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()
