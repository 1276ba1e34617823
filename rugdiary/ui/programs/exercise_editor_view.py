"""The own-exercise editor's layout: name, group, steps, dose per level and a picture."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.exercises import Group, Level
from rugdiary.ui.programs.dose_fields import DoseFields
from rugdiary.ui.programs.texts import group_name, level_title, tr

PREVIEW_SIZE = QSize(180, 120)


class ExerciseEditorView(QDialog):
    """A dialog for an exercise a physiotherapist prescribed, in the person's own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseEditor")
        self.setWindowTitle(tr("Own exercise"))
        self.setMinimumSize(QSize(640, 600))

        self.name = QLineEdit(self)
        self.name.setAccessibleName(tr("Name of the exercise"))
        self.group = QComboBox(self)
        self.group.setAccessibleName(tr("Group"))
        for group in Group:
            self.group.addItem(group_name(group), group.value)
        self.start = QLineEdit(self)
        self.start.setAccessibleName(tr("Start position"))
        self.start.setPlaceholderText(tr("For example: lying on your back, knees bent"))
        self.steps = QPlainTextEdit(self)
        self.steps.setAccessibleName(tr("Steps, one per line"))
        self.steps.setPlaceholderText(tr("One step per line, as your physiotherapist explained"))
        self.steps.setTabChangesFocus(True)
        self.steps.setFixedHeight(self.steps.fontMetrics().lineSpacing() * 5 + 16)
        about = QFormLayout()
        for text, widget in (
            (tr("&Name"), self.name),
            (tr("&Group"), self.group),
            (tr("S&tart position"), self.start),
            (tr("St&eps"), self.steps),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            about.addRow(label, widget)

        self.same_dose = QCheckBox(tr("The &same dose at every level"), self)
        self.same_dose.setAccessibleName(tr("Use the same dose at every level"))
        self.dose_tabs = QTabWidget(self)
        self.dose_tabs.setAccessibleName(tr("Dose per level"))
        self.doses: dict[Level, DoseFields] = {}
        for level in Level:
            fields = DoseFields(self.dose_tabs)
            self.doses[level] = fields
            self.dose_tabs.addTab(fields, level_title(level))
        dose_box = QGroupBox(tr("Dose"), self)
        dose_layout = QVBoxLayout(dose_box)
        dose_layout.addWidget(self.same_dose)
        dose_layout.addWidget(self.dose_tabs)

        self.easier = QLineEdit(self)
        self.easier.setAccessibleName(tr("An easier way"))
        self.harder = QLineEdit(self)
        self.harder.setAccessibleName(tr("A harder way"))
        self.mistake = QLineEdit(self)
        self.mistake.setAccessibleName(tr("Common mistake"))
        self.safety = QLineEdit(self)
        self.safety.setAccessibleName(tr("Good to know"))
        more_box = QGroupBox(tr("More (optional)"), self)
        more = QFormLayout(more_box)
        for text, widget in (
            (tr("Eas&ier"), self.easier),
            (tr("&Harder"), self.harder),
            (tr("Common &mistake"), self.mistake),
            (tr("Good to &know"), self.safety),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            more.addRow(label, widget)

        self.preview = QLabel(tr("No picture"), self)
        self.preview.setObjectName("picturePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setStyleSheet(
            "QLabel#picturePreview { border: 1px dashed palette(mid); border-radius: 6px; }"
        )
        self.preview.setAccessibleName(tr("Picture of the exercise"))
        self.choose_picture_button = QPushButton(tr("Choose &picture…"), self)
        self.choose_picture_button.setAccessibleName(tr("Choose a picture file"))
        self.remove_picture_button = QPushButton(tr("Remove pict&ure"), self)
        self.remove_picture_button.setAccessibleName(tr("Remove the picture"))
        picture_hint = QLabel(tr("PNG, JPEG or SVG, up to 10 MB. A copy is kept with your diary."))
        picture_hint.setWordWrap(True)
        picture_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        picture_buttons = QVBoxLayout()
        picture_buttons.addWidget(self.choose_picture_button)
        picture_buttons.addWidget(self.remove_picture_button)
        picture_buttons.addWidget(picture_hint)
        picture_buttons.addStretch(1)
        picture_box = QGroupBox(tr("Picture"), self)
        picture_layout = QHBoxLayout(picture_box)
        picture_layout.addWidget(self.preview)
        picture_layout.addLayout(picture_buttons, 1)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(about)
        content_layout.addWidget(dose_box)
        content_layout.addWidget(picture_box)
        content_layout.addWidget(more_box)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)

        self.message = QLabel(self)
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(tr("Save the exercise"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def step_lines(self) -> list[str]:
        return [line.strip() for line in self.steps.toPlainText().splitlines() if line.strip()]
