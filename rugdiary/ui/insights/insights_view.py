"""The Insights page's layout: period choice, the plain-language answer, and chart cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.insights.card_heading import card_heading
from rugdiary.ui.insights.ranges import RangeChoice
from rugdiary.ui.insights.region_counts import RegionCountsCard
from rugdiary.ui.locale_dates import day_format
from rugdiary.ui.page_layout import PAGE_MARGIN, PAGE_TOP, page_title, scaled_font
from rugdiary.ui.widgets.date_edits import DateField
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

if TYPE_CHECKING:
    from rugdiary.ui.insights.chart_canvas import ChartCanvas

CONTENT_MAX_WIDTH = 1100
"""Beyond this the cards stop growing: very wide charts are hard to follow with the eye."""

CARDS_TO_SCROLLBAR = 8
"""Pixels between the cards' right edge and the scroll bar."""

CHART_MIN_WIDTH = 520
"""Below this the charts' labels collide; the page scrolls sideways instead."""

CHART_HEIGHTS: dict[str, int] = {
    "timeline": 380,
    "scatter": 420,
    "lag": 330,
    "weekly": 330,
    "calendar": 290,
    "high_low": 360,
}
"""Logical pixel height of each chart at 100% text size; grows with the text."""

CHART_MAX_WIDTHS: dict[str, int] = {"scatter": 640, "lag": 820, "high_low": 860}
"""Charts that turn hard to read when stretched wide (a square scatter, three points)."""


def _muted(label: QLabel) -> QLabel:
    """Secondary text in the theme's quieter colour (follows a later theme change too)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ChartCard(QFrame):
    """One chart with its short title, a one-line explanation and a Save as… button.

    The chart itself arrives later (it is drawn in the background), so the card first
    shows a quiet placeholder of the chart's final height: the page does not jump.
    """

    def __init__(self, key: str, title: str, explanation: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("chartCard")
        self.setStyleSheet(
            "QFrame#chartCard { border: 1px solid palette(midlight); border-radius: 10px; }"
        )
        self.title = QLabel(title, self)
        self.title.setFont(scaled_font(self.title.font(), 1.1, bold=True))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.explanation = _muted(QLabel(explanation, self))
        self.explanation.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        # Named by what it shows and the chart it belongs to (six of them on the page);
        # the longer explanation is its description.
        self.save_button.setAccessibleName(f"{self.save_button.text()} {title}")
        save_text = self.tr("Save the chart “%1” as a file").replace("%1", title)
        self.save_button.setAccessibleDescription(save_text)
        self.save_button.setToolTip(
            self.tr(
                "Save as a PNG picture, SVG drawing or PDF. The file shows your pain and "
                "stress: keep it private and share it only with people you choose."
            )
        )
        self.save_button.setEnabled(False)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # The chart's numbers as a table: what a screen reader cannot get from the picture.
        self.table_button = QPushButton(self.tr("Show as table"), self)
        self.table_button.setAccessibleName(f"{self.table_button.text()} {title}")
        self.table_button.setAccessibleDescription(
            self.tr("Every number in the chart “%1”, in a table").replace("%1", title)
        )
        self.table_button.setEnabled(False)
        self.table_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        QWidget.setTabOrder(self.table_button, self.save_button)  # as they are seen

        self.holder = QWidget(self)
        self.holder.setMinimumWidth(CHART_MIN_WIDTH)
        self.holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.holder.setAccessibleName(title)
        self.holder.setAccessibleDescription(explanation)
        self.placeholder = _muted(QLabel(self.tr("Drawing the chart…"), self.holder))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.holder_layout = QStackedLayout(self.holder)
        self.holder_layout.addWidget(self.placeholder)
        self.canvas: ChartCanvas | None = None
        """The chart itself, once its first picture has arrived."""

        self.title.setWordWrap(True)
        heading = card_heading(self.title, self.explanation, self.table_button, self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(heading)
        if key in CHART_MAX_WIDTHS:
            # Centred: the space beyond the chart's widest goes to the stretches beside it.
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.holder, 1000)
            row.addStretch(1)
            layout.addLayout(row)
        else:
            layout.addWidget(self.holder)
        self.set_chart_scale(1.0)

    def set_chart_scale(self, scale: float) -> None:
        """Size the chart's place for text `scale` times the 100% size."""
        self.holder.setFixedHeight(round(CHART_HEIGHTS[self.key] * scale))
        widest = CHART_MAX_WIDTHS.get(self.key)
        if widest is not None:
            self.holder.setMaximumWidth(round(widest * scale))

    def set_canvas(self, canvas: ChartCanvas) -> None:
        """Put the real chart in place of the placeholder (once; later charts reuse it)."""
        self.canvas = canvas
        canvas.setAccessibleName(self.holder.accessibleName())
        # Every chart takes the focus, the clickable ones for choosing a day, the others so
        # that a screen reader reaches their numbers (the description) like any control.
        canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        canvas.setAccessibleDescription(self.holder.accessibleDescription())
        self.holder_layout.addWidget(canvas)
        self.holder_layout.setCurrentWidget(canvas)


class InsightsView(QWidget):
    """Period choice at the top; below it, in one scroll area, the answer and the charts.

    The sentence that answers "does my stress have anything to do with my back?" comes
    first and in larger type; the charts that show the evidence follow, each explained
    in one line. `shown` tells the controller the page came into view.
    """

    shown = Signal()
    hidden = Signal()
    """The page went out of view (another page, or the window closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsPage")

        heading = page_title(self.tr("Insights"), self)

        self.range_label = QLabel(self.tr("&Period:"), self)
        self.range_combo = QComboBox(self)
        self.range_combo.setAccessibleName(self.tr("Period"))
        for choice, text in (
            (RangeChoice.WEEKS_4, self.tr("Last 4 weeks")),
            (RangeChoice.MONTHS_3, self.tr("Last 3 months")),
            (RangeChoice.MONTHS_12, self.tr("Last 12 months")),
            (RangeChoice.ALL, self.tr("Everything")),
            (RangeChoice.CUSTOM, self.tr("Choose dates…")),
        ):
            self.range_combo.addItem(text, choice.value)
        self.range_label.setBuddy(self.range_combo)

        self.from_date = DateField(self)
        self.from_date.setDisplayFormat(day_format(short_month=True))
        self.from_date.setCalendarPopup(True)
        self.from_date.setAccessibleName(self.tr("First day of the period"))
        self.to_label = QLabel(self.tr("to"), self)
        self.to_date = DateField(self)
        self.to_date.setDisplayFormat(day_format(short_month=True))
        self.to_date.setCalendarPopup(True)
        self.to_date.setAccessibleName(self.tr("Last day of the period"))
        self.custom_widgets: tuple[QWidget, ...] = (self.from_date, self.to_label, self.to_date)
        for widget in self.custom_widgets:
            widget.setVisible(False)

        # A calm sign of work: a thin bar that moves, and a few words; never a modal wait.
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(96, 6)
        self.busy_bar.setAccessibleName(self.tr("Updating the charts"))
        self.busy_label = _muted(QLabel(self.tr("Updating…"), self))
        self.busy_widgets: tuple[QWidget, ...] = (self.busy_bar, self.busy_label)
        self.set_busy(False)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.busy_label)
        top.addStretch(1)
        top.addWidget(self.range_label)
        top.addWidget(self.range_combo)
        for widget in self.custom_widgets:
            top.addWidget(widget)

        # The answer: the question in words, the sentence, what it does not show.
        self.question = QLabel(self.tr("Do stress and pain move together for you?"))
        font = QFont(self.question.font())
        font.setBold(True)
        self.question.setFont(font)
        self.period_label = _muted(QLabel())
        self.period_label.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.sentence.font())
        font.setPointSizeF(font.pointSizeF() * 1.12)
        self.sentence.setFont(font)
        self.sentence.setAccessibleDescription(self.tr("What your diary shows"))
        # Written by core/insights.py in English or Dutch, not through Qt's translation.
        self.sentence.setProperty("textFromCore", True)
        # Plain words first; the figures behind them one click away (issue 17).
        self.numbers_button = QToolButton()
        self.numbers_button.setText(self.tr("The numbers"))
        self.numbers_button.setCheckable(True)
        self.numbers_button.setAutoRaise(True)
        self.numbers_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.numbers_button.setArrowType(Qt.ArrowType.RightArrow)
        self.numbers_button.setAccessibleDescription(
            self.tr("Shows the figures behind the sentence above")
        )
        self.numbers = _muted(QLabel())
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Written by core/insights.py in English or Dutch, not through Qt's translation.
        self.numbers.setProperty("textFromCore", True)
        self.numbers.setVisible(False)
        self.numbers_button.setVisible(False)
        self.numbers_button.toggled.connect(self._on_numbers_toggled)
        self.caveat = _muted(QLabel())
        self.caveat.setWordWrap(True)
        self.needs = QLabel()
        self.needs.setWordWrap(True)
        self.needs.setObjectName("insightsNeeds")
        self.needs.setStyleSheet(
            "QLabel#insightsNeeds { background: palette(alternate-base);"
            " border-radius: 8px; padding: 8px 12px; }"
        )
        self.needs.setVisible(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        answer = QFrame()
        answer.setObjectName("answerCard")
        answer.setStyleSheet(
            # The chart cards' edge too: in high contrast the card's base and the window
            # are both black, and the answer stood loose on the page.
            "QFrame#answerCard { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 10px; }"
        )
        answer_layout = QVBoxLayout(answer)
        answer_layout.setContentsMargins(16, 14, 16, 14)
        answer_layout.setSpacing(6)
        for widget in (
            self.question,
            self.period_label,
            self.sentence,
            self.numbers_button,
            self.numbers,
            self.caveat,
            self.needs,
            self.error,
        ):
            answer_layout.addWidget(widget)
        answer_layout.setAlignment(self.numbers_button, Qt.AlignmentFlag.AlignLeft)

        self.cards: dict[str, ChartCard] = {}
        for key, title, explanation in (
            (
                "timeline",
                self.tr("Pain and stress over time"),
                self.tr(
                    "Dots are single days, lines are 7-day averages, shaded bands are "
                    "flare-ups, and ticks along the top are days with exercise. Point at a "
                    "day to see it; click to open it in the diary."
                ),
            ),
            (
                "scatter",
                self.tr("Stress and pain on the same day"),
                self.tr(
                    "Each dot is a day as you logged it: stress across, pain up. The more the "
                    "dots follow a rising line, the more the two rise and fall together."
                ),
            ),
            (
                "lag",
                self.tr("Same day and next day"),
                self.tr(
                    "Compared with what is usual for you: does stress tend to come before "
                    "pain, or pain before stress? This shows order in time, not cause."
                ),
            ),
            (
                "weekly",
                self.tr("Exercise and pain per week"),
                self.tr("Exercise sessions per week (bars) next to that week's average pain."),
            ),
            (
                "calendar",
                self.tr("Daily pain"),
                self.tr(
                    "One square per day, from dark (little pain) to light (more pain); "
                    "a blank square with a dot has no entry. Click a day to open it."
                ),
            ),
            (
                "high_low",
                self.tr("Pain on higher- and lower-stress days"),
                self.tr(
                    "Average pain on days with more stress than your middle value, next to "
                    "the other days. On the right: the difference, with its likely range."
                ),
            ),
        ):
            self.cards[key] = ChartCard(key, title, explanation)

        content = QWidget()
        content.setObjectName("insightsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(answer)
        for card in self.cards.values():
            column.addWidget(card)
        self.regions_card = RegionCountsCard(content)
        column.addWidget(self.regions_card)
        column.addStretch(1)
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        self.content = content

        centring = QWidget()
        row = QHBoxLayout(centring)
        # A little air between the cards and the scroll bar.
        row.setContentsMargins(0, 0, CARDS_TO_SCROLLBAR, 0)
        # Left-aligned up to its widest, like every other page: without the stretch, a
        # box layout centres a widget that has reached its maximum width.
        row.addWidget(content, 1)
        row.addStretch(0)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        quiet_scroll_area(self.scroll_area)
        # Always there, so the chart width does not change when the charts arrive.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setWidget(centring)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_TOP, 12, 0)
        layout.setSpacing(12)
        # The period choice ends where the cards end, above their right edge: the cards
        # stop short of the scroll bar (and of the gap before it), and at their widest.
        top_row = QWidget(self)
        top_row.setLayout(top)
        beside = self.scroll_area.verticalScrollBar().sizeHint().width() + CARDS_TO_SCROLLBAR
        top.setContentsMargins(0, 0, beside, 0)
        top_row.setMaximumWidth(CONTENT_MAX_WIDTH + beside)
        layout.addWidget(top_row)
        layout.addWidget(self.scroll_area, 1)
        self.setFocusProxy(self.range_combo)

    def set_numbers(self, text: str) -> None:
        """The details line under the sentence; without figures, neither it nor its button."""
        self.numbers.setText(text)
        self.numbers_button.setVisible(bool(text))
        self.numbers.setVisible(bool(text) and self.numbers_button.isChecked())

    def _on_numbers_toggled(self, shown: bool) -> None:
        self.numbers_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.numbers.setVisible(shown and bool(self.numbers.text()))

    def set_busy(self, busy: bool) -> None:
        for widget in self.busy_widgets:
            widget.setVisible(busy)

    def is_busy(self) -> bool:
        return self.busy_bar.isVisibleTo(self)

    def show_custom_dates(self, visible: bool) -> None:
        for widget in self.custom_widgets:
            widget.setVisible(visible)

    def set_charts_visible(self, visible: bool) -> None:
        """Hide the cards when nothing is logged: empty charts would only look broken."""
        for card in self.cards.values():
            card.setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Coming back to the page, yes; the window coming back from the taskbar, no.
        if not event.spontaneous():
            self.shown.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self.hidden.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for card in self.cards.values():
                card.update()
