"""The diary page's layout: the entry form beside the entry list."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from rugdiary.ui.diary.entry_form_view import EntryFormView
from rugdiary.ui.diary.entry_list_model import EntryListModel
from rugdiary.ui.diary.entry_list_view import EntryListView


class DiaryView(QWidget):
    """Form beside the list in a splitter; in a narrow window the list moves below the form.

    Laptops with large text scaling can have less than 900 logical pixels of width; the
    page must still fit rather than push the window off the screen.
    """

    shown = Signal()
    """The page became visible: the controller brings "now" and "today" up to date."""

    def __init__(self, model: EntryListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diaryPage")
        self.form = EntryFormView(self)
        self.list = EntryListView(model, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(self.list)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # Ctrl+S saves from anywhere on the page, Esc only while in the form.
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.form)
        self.cancel_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Where the keyboard starts when this page is opened (a focus proxy would
        # send Tab from the last control back to the first, trapping keyboard users).
        self.initial_focus: QWidget = self.form.pain

    def wide_enough(self, width: int) -> bool:
        """Whether form and list fit side by side in `width` pixels."""
        form = max(self.form.minimumWidth(), self.form.minimumSizeHint().width())
        needed = form + self.list.minimumSizeHint().width() + self.splitter.handleWidth()
        return width >= needed

    def minimumSizeHint(self) -> QSize:
        # What the stacked layout needs; side by side is a bonus when there is room.
        form = self.form.minimumSizeHint().expandedTo(QSize(self.form.minimumWidth(), 0))
        items = self.list.minimumSizeHint()
        return QSize(max(form.width(), items.width()), form.height() + items.height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = (
            Qt.Orientation.Horizontal
            if self.wide_enough(event.size().width())
            else Qt.Orientation.Vertical
        )
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            if wanted == Qt.Orientation.Vertical:
                # Stacked: the quick-entry part of the form must show whole, pain to Save.
                content = self.form.content
                form_height = (
                    content.sizeHint().height() + self.form.save_button.sizeHint().height()
                )
                form_height = min(form_height + 24, int(event.size().height() * 0.65))
                self.splitter.setSizes([form_height, event.size().height() - form_height])
