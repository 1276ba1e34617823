"""The "My activities" dialog's layout: name, rename, stop and score up to five activities."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.activities import MAX_NAME_CHARS
from rugdiary.ui.announce import description_changed
from rugdiary.ui.page_layout import scaled_font
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.date_edits import DateField
from rugdiary.ui.widgets.form_parts import (
    hint_label,
    message_label,
    show_form_message,
    without_mnemonic,
)
from rugdiary.ui.widgets.scale import ScaleWidget
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

_STEP_KEYS = frozenset(
    {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Minus,
    }
)
"""Keys that move a chosen score (ScaleWidget: arrows, +/-, Home and End); from nothing they
choose 0 or 10."""


class ActivityRow(QFrame):
    """One activity: its name (editable, which renames it), a 0-10 scale and "Stop asking".

    `activity_id` is None for an activity added in this dialog and not saved yet.
    """

    def __init__(self, number: int, activity_id: str | None, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("activityRow")
        self.activity_id = activity_id
        self.stopped = False
        self.heading = QLabel(self.tr("Activity %1").replace("%1", str(number)), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        # A long name shows its start, as it is read; the tooltip has all of it.
        self.name_edit.setCursorPosition(0)
        self.name_edit.setAccessibleName(self.heading.text())
        self.heading.setBuddy(self.name_edit)
        self.stop_button = QPushButton(self.tr("Stop asking"), self)
        self.stop_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._low = self.tr("I cannot do it")
        self._high = self.tr("as well as before my back pain")
        self.scale = ScaleWidget(name, self._low, self._high, self)
        self.last_label = hint_label("", self)
        self.stopped_label = hint_label(
            self.tr("You will not be asked about this any more; its scores stay in your history."),
            self,
        )
        self.stopped_label.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.name_edit, 1)
        top.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.scale)
        layout.addWidget(self.last_label)
        layout.addWidget(self.stopped_label)
        self.name_edit.textChanged.connect(self._name_changed)
        self._name_changed(name)
        self.scale.installEventFilter(self)
        self.scale.valueChanged.connect(self._describe_scale)
        self._describe_scale(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The first scale has the focus when the dialog opens. While nothing is chosen, an
        # arrow or +/- (keys that step from a score) would choose 0, "I cannot do it": a
        # stray key must not record that. A digit or a click chooses the first score.
        if (
            watched is self.scale
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _STEP_KEYS
            and self.scale.value() is None
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _describe_scale(self, value: int | None) -> None:
        """While nothing is chosen the arrows do nothing here (eventFilter), so the scale's
        own "Type a digit or use the arrow keys" would not be true: say what works. Once a
        score is chosen, the scale's own description is true again and stays."""
        if value is not None:
            return
        self.scale.setAccessibleDescription(
            self.tr(
                "Nothing chosen yet. 0 means %1, 10 means %2. Type a digit to choose a score; "
                "after that, the arrow keys change it."
            )
            .replace("%1", self._low)
            .replace("%2", self._high)
        )
        description_changed(self.scale)

    def _name_changed(self, text: str) -> None:
        # Named after what is seen: the activity's own words, then what to do with them.
        name = " ".join(text.split()) or self.heading.text()
        self.name_edit.setToolTip(" ".join(text.split()))
        self.scale.setAccessibleName(name)
        self.stop_button.setAccessibleName(
            self.tr("Stop asking about %1").replace("%1", name)
            if not self.stopped
            else self.tr("Keep asking about %1").replace("%1", name)
        )

    def set_stopped(self, stopped: bool) -> None:
        """Marked to be retired on Save (undone with the same button before saving)."""
        self.stopped = stopped
        self.stop_button.setText(self.tr("Keep asking") if stopped else self.tr("Stop asking"))
        self.name_edit.setEnabled(not stopped)
        self.scale.setEnabled(not stopped)
        if stopped:
            self.scale.clear()
        self.scale.setVisible(not stopped)
        self.last_label.setVisible(not stopped and bool(self.last_label.text()))
        self.stopped_label.setVisible(stopped)
        self._name_changed(self.name_edit.text())


class ActivitiesDialog(QDialog):
    """Calm and short: an explanation, the activities with their scales, one to add,
    when to ask again, and Save. Nothing is written before Save."""

    addRequested = Signal()
    """Enter was pressed in the "New activity" field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesDialog")
        self.setWindowTitle(self.tr("My activities"))
        self.title = QLabel(self.tr("My activities"), self)
        self.title.setFont(scaled_font(self.title.font(), 1.3, bold=True))
        self.intro = hint_label(
            self.tr(
                "Name up to five everyday activities that your back makes hard, such as "
                "putting on socks, sitting through a meeting or lifting a child. Every two "
                "weeks, score how well you can do each one now: 0 means you cannot do it, "
                "10 means as well as before your back pain."
            ),
            self,
        )
        self.intro.setForegroundRole(QPalette.ColorRole.WindowText)

        self.rows_box = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(6)
        self.empty_label = hint_label(self.tr("No activities yet."), self.rows_box)
        self.rows_layout.addWidget(self.empty_label)
        self.rows: list[ActivityRow] = []

        self.add_label = QLabel(self.tr("&New activity:"), self)
        self.add_edit = QLineEdit(self)
        self.add_edit.setMaxLength(MAX_NAME_CHARS)
        self.add_edit.setPlaceholderText(self.tr("e.g. put on socks"))
        self.add_edit.setAccessibleName(self.tr("New activity"))
        self.add_label.setBuddy(self.add_edit)
        self.add_edit.installEventFilter(self)
        self.add_button = QPushButton(self.tr("&Add"), self)
        # Named by its visible words in every language (voice control users say those);
        # what it does goes in the description.
        self.add_button.setAccessibleName(without_mnemonic(self.add_button.text()))
        self.add_button.setAccessibleDescription(self.tr("Add the new activity"))
        self.add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.full_label = hint_label(
            self.tr("Five activities is the most. To add another, stop asking about one first."),
            self,
        )
        self.full_label.setVisible(False)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_label)
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.add_button)

        # Alt+G: A is "&Add"'s, and one key cannot reach two controls.
        self.next_label = QLabel(self.tr("Ask me a&gain on:"), self)
        self.next_date = DateField(self)
        self.next_date.setCalendarPopup(True)
        self.next_date.setAccessibleName(self.tr("Ask me again on"))
        self.next_label.setBuddy(self.next_date)
        self.next_hint = hint_label(
            self.tr(
                "Usually two weeks after you score. Choose another day if it suits you better."
            ),
            self,
        )
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_label)
        next_row.addWidget(self.next_date)
        next_row.addStretch(1)

        # Read by its own words; what the panel is goes in its description (message_label).
        self.message = message_label(self.tr("What needs attention"), self)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setStyleSheet(primary_button_style())
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(without_mnemonic(self.save_button.text()))
        self.save_button.setAccessibleDescription(self.tr("Save my activities"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        column.addWidget(self.intro)
        column.addWidget(self.rows_box)
        column.addLayout(add_row)
        column.addWidget(self.full_label)
        column.addLayout(next_row)
        column.addWidget(self.next_hint)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        quiet_scroll_area(self.scroll)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.first_focus: QWidget | None = None
        """Where the focus goes when the dialog shows (the controller says which)."""
        self._order_tabs()

    def add_row(self, activity_id: str | None, name: str) -> ActivityRow:
        row = ActivityRow(len(self.rows) + 1, activity_id, name, self.rows_box)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self.empty_label.setVisible(False)
        self._order_tabs()
        return row

    def _order_tabs(self) -> None:
        """Tab follows the page, top to bottom and left to right: each row's name, Stop and
        scale, the new activity and Add, the day to ask again, then Cancel and Save."""
        chain: list[QWidget] = [w for r in self.rows for w in (r.name_edit, r.stop_button, r.scale)]
        chain += [self.add_edit, self.add_button, self.next_date]
        chain += [self.cancel_button, self.save_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Given once shown, not made the dialog's focus proxy: with the proxy, Tab from
        # "New activity" went back to the first scale, and Add, the day, Cancel and Save
        # were never reached.
        # Once, when the dialog opens: coming back from the taskbar it keeps the focus the
        # person left, or a digit typed into "New activity" would become a score.
        if self.first_focus is not None and not event.spontaneous():
            self.first_focus.setFocus(Qt.FocusReason.OtherFocusReason)
            self.first_focus = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in "New activity" adds it; it must not also press Save, the dialog's
        # default button, and close the dialog half done.
        if (
            watched is self.add_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.addRequested.emit()
            return True
        return super().eventFilter(watched, event)

    def show_message(self, text: str) -> None:
        """Show what needs attention, and have a screen reader say it at once: the panel
        appears under the list, away from the focus, so it went unheard. Assertive, for it
        is something to fix before saving. Empty text hides the panel."""
        show_form_message(self.message, text)

    def sizeHint(self) -> QSize:
        return QSize(700, 640)
