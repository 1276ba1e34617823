"""Insights' "My activities" card: each activity's line over time and its change, in words."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.insights.card_heading import card_heading
from rugdiary.ui.page_layout import scaled_font

if TYPE_CHECKING:
    from rugdiary.reports.chart_tables import ChartTable
    from rugdiary.reports.chart_theme import Language, Theme
    from rugdiary.ui.activities.stores import ActivityStores
    from rugdiary.ui.insights.chart_table_dialog import ChartTableDialog
    from rugdiary.ui.insights.controller import InsightsController

CHART_HEIGHT = 300
"""Logical pixel height of the chart at 100% text size."""
REDRAW_AFTER_RESIZE_MS = 200


class ActivitiesSection(QFrame):
    """Title, explanation, one line of words per activity, the chart, and two buttons."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.setStyleSheet(
            "QFrame#chartCard { border: 1px solid palette(midlight); border-radius: 10px; }"
        )
        self.title = QLabel(self.tr("My activities"), self)
        self.title.setFont(scaled_font(self.title.font(), 1.1, bold=True))
        self.explanation = QLabel(
            self.tr(
                "How well you can do the everyday activities you chose, from 0 (not at all) "
                "to 10 (as before your back pain). Each change is counted from the first "
                "score in this period."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.table_button = QPushButton(self.tr("Show as table"), self)
        self.table_button.setAccessibleName(f"{self.table_button.text()} {self.title.text()}")
        self.table_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.edit_button = QPushButton(self.tr("Change my activities…"), self)
        self.edit_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        # The changes in words; written by reports/activity_charts.py in English or Dutch.
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.setProperty("textFromCore", True)
        self.chart = QLabel(self)
        self.chart.setAccessibleName(self.title.text())
        self.chart.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reaches it
        self.chart.setMinimumWidth(320)
        self.chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.chart.setFixedHeight(CHART_HEIGHT)
        self.chart.setVisible(False)

        heading = card_heading(self.title, self.explanation, self.table_button, self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.changes)
        layout.addWidget(self.chart)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.resized.emit()


class ActivitiesSectionController(QObject):
    """Fills the card after the page's own charts (matplotlib is loaded by then), for the
    same period, theme and text size; the dialog's Save brings it up to date as well."""

    editRequested = Signal()
    """"Change my activities…" or "Name my activities" was pressed."""

    def __init__(
        self,
        section: ActivitiesSection,
        stores: ActivityStores,
        insights: InsightsController,
    ) -> None:
        super().__init__(section)
        self.section = section
        self.stores = stores
        self.insights = insights
        self.table: ChartTable | None = None
        self.table_dialog: ChartTableDialog | None = None
        self._has_scores = False
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_AFTER_RESIZE_MS)
        self._redraw.timeout.connect(self.refresh)
        section.resized.connect(self._on_resized)
        section.edit_button.clicked.connect(self.editRequested)
        section.table_button.clicked.connect(self.show_table)
        insights.chartsReady.connect(lambda _result: self.refresh())

    def _look(self) -> tuple[date, date, Theme, Language, float, float]:
        result = self.insights.result
        if result is not None:
            r = result.request
            return r.start, r.end, r.theme, r.lang, r.font_scale, r.device_pixel_ratio
        period = self.insights.period()
        ratio = self.section.devicePixelRatioF() or 1.0
        return period.start, period.end, "light", "en", 1.0, ratio

    def refresh(self) -> None:
        """Read the activities again and show the period's lines and changes."""
        from rugdiary.reports.activity_charts import activities_table, change_lines

        section = self.section
        start, end, theme, lang, scale, ratio = self._look()
        activities = self.stores.activities.list()
        scores = [s for s in self.stores.scores.list() if start <= s.day <= end]
        self.table = activities_table(activities, scores, start, end, lang)
        self._has_scores = bool(scores)
        if not activities:
            section.changes.setText("")
            section.explanation.setText(
                self.tr(
                    "Name a few everyday activities that your back makes hard, such as "
                    "putting on socks. Score them every two weeks and see here how they "
                    "get easier."
                )
            )
            section.edit_button.setText(self.tr("Name my activities"))
        else:
            section.explanation.setText(
                self.tr(
                    "How well you can do the everyday activities you chose, from 0 (not at "
                    "all) to 10 (as before your back pain). Each change is counted from the "
                    "first score in this period."
                )
            )
            lines = change_lines(activities, scores, start, end, lang)
            section.changes.setText("\n".join(lines) or self.table.summary)
            section.edit_button.setText(self.tr("Change my activities…"))
        section.edit_button.setAccessibleName(section.edit_button.text())
        section.table_button.setEnabled(self._has_scores)
        section.chart.setAccessibleDescription(self.table.summary)
        section.chart.setVisible(self._has_scores)
        if self._has_scores:
            self._draw(activities, scores, start, end, theme, lang, scale, ratio)

    def _draw(
        self,
        activities: list,  # type: ignore[type-arg]
        scores: list,  # type: ignore[type-arg]
        start: date,
        end: date,
        theme: Theme,
        lang: Language,
        scale: float,
        ratio: float,
    ) -> None:
        from rugdiary.reports import charts
        from rugdiary.reports.activity_charts import build_activities_figure
        from rugdiary.reports.chart_theme import ChartStyle
        from rugdiary.ui.insights.chart_jobs import _DRAW_LOCK, BASE_DPI, _image_of

        label = self.section.chart
        height = round(300 * max(1.0, scale))
        label.setFixedHeight(height)
        width = max(label.width(), label.minimumWidth())
        style = ChartStyle(theme=theme, lang=lang, font_scale=scale)
        # The page's chart worker has finished (this runs after its charts); the lock only
        # guards against a newer request starting to draw at this very moment.
        with _DRAW_LOCK:
            fig = build_activities_figure(
                activities,
                scores,
                start,
                end,
                style,
                size=(width / BASE_DPI, height / BASE_DPI),
                dpi=BASE_DPI * ratio,
            )
            title = getattr(fig, "_suptitle", None)
            if title is not None:
                title.set_visible(False)  # the card shows it as text
            image = charts.draw_for_screen(fig, _image_of)
        image.setDevicePixelRatio(ratio)
        label.setPixmap(QPixmap.fromImage(image))

    def _on_resized(self) -> None:
        if self._has_scores:
            self._redraw.start()

    def show_table(self) -> ChartTableDialog | None:
        """Every score of the period in a table, with the changes in words above it."""
        if self.table is None:
            return None
        from rugdiary.ui.insights.chart_table_dialog import ChartTableDialog

        dialog = ChartTableDialog(self.table, self.section)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "table_dialog", None))
        self.table_dialog = dialog
        dialog.open()
        return dialog
