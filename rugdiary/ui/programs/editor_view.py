"""The program editor's layout: names, level, the ordered exercises, their dose and the total."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.exercises import Level
from rugdiary.ui.programs.dose_fields import DoseFields
from rugdiary.ui.programs.editor_dialog import EditorDialog
from rugdiary.ui.programs.items_model import ProgramItemsModel
from rugdiary.ui.programs.texts import level_title
from rugdiary.ui.widgets.form_parts import add_labelled_rows


class ItemsListView(QListView):
    """The program's exercises; Alt+Up and Alt+Down ask to move the current one.

    Handled here rather than as window shortcuts, so they work wherever the list has the
    keyboard focus, also in a dialog that is not the active window.
    """

    moveRequested = Signal(int)
    """-1 to move the current row up, +1 to move it down."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class ProgramEditorView(EditorDialog):
    """A dialog: everything about one program, Save writes it, Cancel leaves it as it was."""

    def __init__(self, model: ProgramItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programEditor")
        self.setWindowTitle(QCoreApplication.translate("Programs", "Program"))
        self.setMinimumSize(QSize(760, 560))

        # Fields are named by their labels (buddies), the words a voice-control user says;
        # the description adds anything more.
        self.name_en = QLineEdit(self)
        self.name_en.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Name in English")
        )
        self.name_nl = QLineEdit(self)
        self.name_nl.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Name in Dutch")
        )
        self.name_nl.setPlaceholderText(
            QCoreApplication.translate("Programs", "Optional: the English name is used when empty")
        )
        self.name_en.setPlaceholderText(
            QCoreApplication.translate("Programs", "Optional: the Dutch name is used when empty")
        )
        self.description = QLineEdit(self)
        self.description.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Short description")
        )
        self.description.setPlaceholderText(QCoreApplication.translate("Programs", "Optional"))
        self.level = QComboBox(self)
        self.level.setAccessibleName(QCoreApplication.translate("Programs", "Level of the program"))
        for level in Level:
            self.level.addItem(level_title(level), level.value)
        self.sessions_per_week = QSpinBox(self)
        self.sessions_per_week.setRange(1, 50)
        self.sessions_per_week.setAccessibleName(
            QCoreApplication.translate("Programs", "Sessions per week")
        )
        about = QFormLayout()
        add_labelled_rows(
            about,
            [
                (QCoreApplication.translate("Programs", "&Name (English)"), self.name_en),
                (QCoreApplication.translate("Programs", "Name (&Dutch)"), self.name_nl),
                (QCoreApplication.translate("Programs", "De&scription"), self.description),
                (QCoreApplication.translate("Programs", "&Level"), self.level),
                (
                    QCoreApplication.translate("Programs", "Sessions per &week"),
                    self.sessions_per_week,
                ),
            ],
            self,
        )

        self.items = ItemsListView(self)
        self.items.setModel(model)
        self.items.setAccessibleName(
            QCoreApplication.translate("Programs", "Exercises in this program, in order")
        )
        self.items.setToolTip(
            QCoreApplication.translate(
                "Programs", "Drag to change the order, or use Alt+Up and Alt+Down"
            )
        )
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.setDragEnabled(True)
        self.items.setAcceptDrops(True)
        self.items.setDropIndicatorShown(True)
        self.items.setSpacing(2)
        self.items.setAlternatingRowColors(True)
        self.up_button = QPushButton(QCoreApplication.translate("Programs", "Move &up"), self)
        self.up_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Move the selected exercise up")
        )
        self.up_button.setToolTip(QCoreApplication.translate("Programs", "Alt+Up"))
        self.down_button = QPushButton(QCoreApplication.translate("Programs", "Move d&own"), self)
        self.down_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Move the selected exercise down")
        )
        self.down_button.setToolTip(QCoreApplication.translate("Programs", "Alt+Down"))
        self.remove_button = QPushButton(QCoreApplication.translate("Programs", "Re&move"), self)
        # Named by their words ("Verwijderen", "Toevoegen"), which voice control users say;
        # what they do is the description (as names these did not start with them in Dutch).
        self.remove_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Remove the selected exercise from the program")
        )
        order_buttons = QHBoxLayout()
        order_buttons.addWidget(self.up_button)
        order_buttons.addWidget(self.down_button)
        order_buttons.addStretch(1)
        order_buttons.addWidget(self.remove_button)

        self.add_choice = QComboBox(self)
        self.add_choice.setAccessibleName(QCoreApplication.translate("Programs", "Exercise to add"))
        self.add_choice.setMinimumContentsLength(18)
        self.add_button = QPushButton(QCoreApplication.translate("Programs", "&Add"), self)
        self.add_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Add the chosen exercise to the end")
        )
        add_row = QHBoxLayout()
        add_label = QLabel(QCoreApplication.translate("Programs", "E&xercise"), self)
        add_label.setBuddy(self.add_choice)
        add_row.addWidget(add_label)
        add_row.addWidget(self.add_choice, 1)
        add_row.addWidget(self.add_button)

        left = QVBoxLayout()
        left.addWidget(self.items, 1)
        left.addLayout(order_buttons)
        left.addLayout(add_row)

        self.dose_box = QGroupBox(QCoreApplication.translate("Programs", "Dose"), self)
        self.dose = DoseFields(self.dose_box, kind_editable=False)
        dose_layout = QVBoxLayout(self.dose_box)
        dose_layout.addWidget(self.dose)
        self.dose_hint = QLabel(self.dose_box)
        self.dose_hint.setWordWrap(True)
        self.dose_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        dose_layout.addWidget(self.dose_hint)
        dose_layout.addStretch(1)
        self.total = QLabel(self)
        self.total.setObjectName("programTotal")
        total_font = self.total.font()
        total_font.setBold(True)
        self.total.setFont(total_font)
        self.total.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.dose_box, 1)
        right.addWidget(self.total)

        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addLayout(right, 2)

        self._build_footer(QCoreApplication.translate("Programs", "Save the program"))

        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def chosen_level(self) -> Level:
        return Level(self.level.currentData())

    def current_row(self) -> int:
        index = self.items.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        model = self.items.model()
        if 0 <= row < model.rowCount():
            self.items.setCurrentIndex(model.index(row, 0))
