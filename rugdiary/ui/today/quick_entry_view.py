"""The Today page's compact entry form: pain, stress, where it hurts (folded) and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.widgets.body_map import BodyMapField
from rugdiary.ui.widgets.form_parts import (
    entry_scales,
    hint_label,
    message_label,
    save_button,
    show_form_message,
)


class QuickEntryView(QWidget):
    """Two scales and Save; the full form with its optional questions stays on the Diary page.

    Keyboard: a digit, Tab, a digit, then Enter or Ctrl+S; the controller wires the
    shortcuts' `activated` signals to saving.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickEntry")
        scales = entry_scales(self)
        self.pain, self.stress = scales.pain, scales.stress
        self.pain_label, self.stress_label = scales.pain_label, scales.stress_label

        self.message = message_label(self.tr("Message about this entry"), self)
        save = self.tr("Save")
        self.save_button = save_button(save, save, self.tr("Save (%1 or Enter)"), self)
        # Named by its word (voice control users say what they see, in any language).
        self.save_button.setAccessibleDescription(self.tr("Save today's entry"))
        self.save_hint = hint_label(self.tr("Choose pain and stress to save."), self)
        self.more_hint = hint_label(self.tr("Sleep, notes and more are on the Diary page."), self)
        # Where it hurts folds away: the page stays two questions and Save unless asked.
        self.where_button = QToolButton(self)
        self.where_button.setText(self.tr("Where it hurts (optional)"))
        self.where_button.setAccessibleName(self.tr("Where it hurts (optional)"))
        self.where_button.setCheckable(True)
        self.where_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.where_button.setArrowType(Qt.ArrowType.RightArrow)
        self.regions = BodyMapField(self, compact=True, heading=False)
        self.regions.setVisible(False)
        self.where_button.toggled.connect(self._on_where_toggled)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.save_hint, 1)
        # Holds Save at the right edge once the hint is hidden (values chosen).
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.pain_label)
        layout.addWidget(self.pain)
        layout.addSpacing(6)
        layout.addWidget(self.stress_label)
        layout.addWidget(self.stress)
        layout.addWidget(self.where_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.regions)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.more_hint)

        chain = [self.pain, self.stress, self.where_button, *self.regions.map.tab_chain()]
        for first, second in zip(chain, [*chain[1:], self.save_button], strict=True):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.pain)

        # Ctrl+S as on the Diary page; Enter too, since the scales have no use for it.
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.return_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self)
        self.enter_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Enter), self)
        for shortcut in (self.save_shortcut, self.return_shortcut, self.enter_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def is_complete(self) -> bool:
        return self.pain.value() is not None and self.stress.value() is not None

    def values(self) -> tuple[int | None, int | None]:
        return self.pain.value(), self.stress.value()

    def clear(self) -> None:
        self.pain.clear()
        self.stress.clear()
        self.regions.clear()
        self.where_button.setChecked(False)
        self.hide_message()

    def _on_where_toggled(self, shown: bool) -> None:
        self.regions.setVisible(shown)
        self.where_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def show_message(self, text: str) -> None:
        # Shown and said: the focus stays where it was, so it would be heard by nobody.
        show_form_message(self.message, text)

    def hide_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)
