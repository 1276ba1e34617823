"""The entry list: a filter bar (dates, tag), the day-grouped table and its buttons."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    Qt,
    QTime,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.diary.entry_list_model import Column, EntryListModel
from rugdiary.ui.locale_dates import day_format
from rugdiary.ui.page_layout import PAGE_MARGIN, PAGE_TOP, sub_heading_font
from rugdiary.ui.widgets.date_edits import DateField
from rugdiary.ui.widgets.flow_layout import FlowLayout

TAGS_COLUMN_CHARS = (12, 20)
"""Narrowest and widest automatic Labels column, in widths of "x"."""


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class EntryTable(QTableView):
    """A table that turns Enter, double-click and Delete into requests for the controller."""

    openRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_action = QAction(self.tr("&Change this entry"), self)
        self.delete_action = QAction(self.tr("&Delete this entry"), self)
        self.edit_action.triggered.connect(lambda: self._request(self.openRequested))
        self.delete_action.triggered.connect(lambda: self._request(self.deleteRequested))

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def _request(self, signal: SignalInstance) -> None:
        row = self.current_row()
        if row >= 0 and self.selectionModel().isRowSelected(row):
            signal.emit(row)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Day rows cannot be current, and Qt's item views stop at a first row that is not
        # enabled: without this, a keyboard user could never reach the entries.
        index = self.currentIndex()
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            model = self.model()
            for row in range(model.rowCount()):
                candidate = model.index(row, 0)
                if candidate.flags() & Qt.ItemFlag.ItemIsSelectable:
                    self.setCurrentIndex(candidate)
                    self.selectRow(row)
                    break

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request(self.openRequested)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._request(self.deleteRequested)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsSelectable:
            self.setCurrentIndex(index)
            self.openRequested.emit(index.row())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            return
        self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.exec(event.globalPos() if event.reason() else self.mapToGlobal(QPoint(0, 0)))


def _pair(parent: QWidget, label: QLabel, field: QWidget) -> QWidget:
    """A label and its field that stay together on one line."""
    pair = QWidget(parent)
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    label.setParent(pair)
    field.setParent(pair)
    row.addWidget(label)
    row.addWidget(field)
    return pair


class EntryListView(QWidget):
    """Filter bar on top, table in the middle, count and buttons below."""

    def __init__(self, model: EntryListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # "10 Aug 2026", as the report writes days: "10/08/2026" reads as 8 October in
        # the US, and a two-digit year is ambiguous for a diary that spans years.
        date_format = day_format(short_month=True)

        self.from_date = DateField(self)
        self.to_date = DateField(self)
        for edit, name in (
            (self.from_date, self.tr("Show entries from")),
            (self.to_date, self.tr("Show entries until")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format)
            edit.setAccessibleName(name)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(self.tr("Show entries with tag"))
        self.tag_filter.setMinimumContentsLength(8)
        self.tag_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.show_all_button = QPushButton(self.tr("Show all"), self)
        # Names are the words on the button (voice control users say those, in any
        # language); what the button does in full goes into the description.
        self.show_all_button.setAccessibleName(self.show_all_button.text())
        self.show_all_button.setAccessibleDescription(self.tr("Show all entries"))

        from_label = QLabel(self.tr("F&rom"), self)
        from_label.setBuddy(self.from_date)
        to_label = QLabel(self.tr("&until"), self)
        to_label.setBuddy(self.to_date)
        tag_label = QLabel(self.tr("Ta&g"), self)
        tag_label.setBuddy(self.tag_filter)
        # Each label with its field, in a row that wraps: in a narrow window the list
        # keeps its place beside the form instead of being pushed below it.
        filters = FlowLayout(spacing=6)
        for pieces in ((from_label, self.from_date), (to_label, self.to_date)):
            filters.addWidget(_pair(self, *pieces))
        tag_row = FlowLayout(spacing=6)
        tag_row.addWidget(_pair(self, tag_label, self.tag_filter))

        self.table = EntryTable(self)
        self.table.setModel(model)
        self.table.setAccessibleName(self.tr("Diary entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        # Every column and row gets a computed size: sizing to contents measures every
        # row, which takes seconds on a ten-year diary.
        metrics = self.table.fontMetrics()
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        sample = QLocale().toString(QTime(22, 59), QLocale.FormatType.ShortFormat)
        widths = {
            Column.TIME: metrics.horizontalAdvance(sample + "M"),
            # Wide enough for a session's "5 → 4" as well as the heading.
            Column.PAIN: metrics.horizontalAdvance(
                max(model.headerData(Column.PAIN, Qt.Orientation.Horizontal), "10 → 10", key=len)
                + "M"
            ),
            Column.STRESS: metrics.horizontalAdvance(
                model.headerData(Column.STRESS, Qt.Orientation.Horizontal) + "M"
            ),
            Column.TAGS: metrics.horizontalAdvance("x" * TAGS_COLUMN_CHARS[0]),
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        self._fixed_width = sum(widths[c] for c in (Column.TIME, Column.PAIN, Column.STRESS))
        self._time_width = widths[Column.TIME]
        self._row_height = metrics.height() + 10
        # Every column sizes to the list, so it never scrolls sideways: a narrow list (a
        # 900-pixel window) shows each row on two lines in one column instead.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.viewport().installEventFilter(self)
        self._known_tags: list[str] = []
        self._tags_width_chosen = False  # True once the person drags the column's edge
        self._fitting_tags = False
        header.sectionResized.connect(self._on_section_resized)
        model.modelReset.connect(self._apply_spans)

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setVisible(False)

        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Their descriptions and tooltips follow the selected row (_update_buttons).
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.edit_button.setAccessibleName(self.edit_button.text())
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleName(self.delete_button.text())
        buttons = FlowLayout(align_right=True)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)

        heading = QLabel(self.tr("Your entries"), self)
        heading.setFont(sub_heading_font(heading.font()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, PAGE_TOP, PAGE_MARGIN, 12)
        layout.setSpacing(8)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading, 1)
        heading_row.addWidget(self.show_all_button)
        layout.addLayout(heading_row)
        layout.addLayout(filters)
        layout.addLayout(tag_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)

        # In the order they are seen: the pairs above were reparented, which moves fields
        # to the end of the focus chain.
        chain = (
            self.show_all_button,
            self.from_date,
            self.to_date,
            self.tag_filter,
            self.table,
            self.edit_button,
            self.delete_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def set_empty_text(self, text: str | None) -> None:
        """Show `text` instead of the table (nothing logged, or nothing matches the filter)."""
        self.empty_label.setText(text or "")
        self.empty_label.setVisible(text is not None)
        self.table.setVisible(text is None)

    def fit_tags_column(self, tags: list[str]) -> None:
        """Make the Labels column as wide as the longest label in use, within bounds.

        Labels are short words in English and often three words in Dutch ("druk op het
        werk"); a fixed width cut those. Measured from the distinct labels, not the rows, so
        a ten-year diary costs nothing. A width the person dragged is kept.
        """
        self._known_tags = list(tags)
        if self._tags_width_chosen or self.model.compact:
            return
        metrics = self.table.fontMetrics()
        # The widest text in the column: a label list, or a program's name on a session row.
        widest = max((metrics.horizontalAdvance(tag) for tag in tags), default=0)
        widest = max(widest, self.model.widest_tags_text(metrics))
        padding = metrics.horizontalAdvance("MM")
        low, high = (metrics.horizontalAdvance("x" * n) for n in TAGS_COLUMN_CHARS)
        # A wide window gives the labels room before the note: up to a third of the table,
        # and never so much that the note has less room than the narrowest labels.
        available = self.table.viewport().width()
        high = min(max(high, available // 3), available - self._fixed_width - low)
        self._fitting_tags = True
        try:
            self.table.horizontalHeader().resizeSection(
                Column.TAGS, max(low, min(high, widest + padding))
            )
        finally:
            self._fitting_tags = False

    def fit_columns(self) -> None:
        """All five columns where they fit beside each other, else two lines in one column.

        Five columns need the three scores' widths and room for the labels and a note; a
        narrower list (the 900-pixel window) shows each row's time and scores on one line
        and its labels and note on the next, cut with "…" (their tooltip and the text a
        screen reader hears are whole).
        """
        table = self.table
        low = table.fontMetrics().horizontalAdvance("x" * TAGS_COLUMN_CHARS[0])
        compact = table.viewport().width() < self._fixed_width + 2 * low
        header = table.horizontalHeader()
        if compact != self.model.compact:
            # Hiding and showing columns resizes them: not a width the person chose.
            self._fitting_tags = True
            try:
                self.model.set_compact(compact)
                for column in Column:
                    if column != Column.TIME:
                        table.setColumnHidden(column, compact)
                header.setVisible(not compact)
                table.verticalHeader().setDefaultSectionSize(
                    self._row_height + (table.fontMetrics().lineSpacing() if compact else 0)
                )
                if compact:
                    header.setSectionResizeMode(Column.TIME, QHeaderView.ResizeMode.Stretch)
                else:
                    header.setSectionResizeMode(Column.TIME, QHeaderView.ResizeMode.Interactive)
                    header.resizeSection(Column.TIME, self._time_width)
            finally:
                self._fitting_tags = False
        self.fit_tags_column(self._known_tags)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            # The viewport narrows when the vertical scroll bar appears, not only with the page.
            self.fit_columns()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        # From or to 0 is the column hidden or shown (two-line rows), later, by the header.
        if column == Column.TAGS and not self._fitting_tags and old > 0 and new > 0:
            self._tags_width_chosen = True

    def _apply_spans(self) -> None:
        self.table.clearSpans()
        for row in self.model.day_rows():
            self.table.setSpan(row, 0, 1, len(Column))

    def _update_buttons(self) -> None:
        """Change and Delete for a diary entry only: on an exercise session they did nothing.

        Grey on a session row, with the reason in their tooltip and description.
        """
        row = self.selected_row()
        is_entry = self.model.entry_at(row) is not None
        for widget in (
            self.edit_button,
            self.delete_button,
            self.table.edit_action,
            self.table.delete_action,
        ):
            widget.setEnabled(is_entry)
        on_session = self.model.session_at(row) is not None
        why = self.model.session_note() if on_session else ""
        self.edit_button.setToolTip(why or self.tr("Change the selected entry (Enter)"))
        self.delete_button.setToolTip(
            why or self.tr("Delete the selected entry (Delete); Undo brings it back")
        )
        self.edit_button.setAccessibleDescription(why or self.tr("Change the selected entry"))
        self.delete_button.setAccessibleDescription(why or self.tr("Delete the selected entry"))
