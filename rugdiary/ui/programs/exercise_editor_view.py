"""The own-exercise editor's layout: name, group, steps, dose per level and a picture."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from rugdiary.core.program_file import MAX_PICTURE_SIDE
from rugdiary.ui.programs.dose_fields import DoseFields
from rugdiary.ui.programs.editor_dialog import EditorDialog
from rugdiary.ui.programs.texts import group_name, level_title
from rugdiary.ui.widgets.form_parts import add_labelled_rows
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

PREVIEW_SIZE = QSize(180, 120)


class ExerciseEditorView(EditorDialog):
    """A dialog for an exercise a physiotherapist prescribed, in the person's own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseEditor")
        self.setWindowTitle(QCoreApplication.translate("Programs", "Own exercise"))
        self.setMinimumSize(QSize(640, 600))

        self.name = QLineEdit(self)
        self.name.setAccessibleName(QCoreApplication.translate("Programs", "Name of the exercise"))
        self.group = QComboBox(self)
        self.group.setAccessibleName(QCoreApplication.translate("Programs", "Group"))
        for group in Group:
            self.group.addItem(group_name(group), group.value)
        self.start = QLineEdit(self)
        self.start.setAccessibleName(QCoreApplication.translate("Programs", "Start position"))
        self.start.setPlaceholderText(
            QCoreApplication.translate("Programs", "For example: lying on your back, knees bent")
        )
        self.steps = QPlainTextEdit(self)
        self.steps.setAccessibleName(QCoreApplication.translate("Programs", "Steps, one per line"))
        self.steps.setPlaceholderText(
            QCoreApplication.translate(
                "Programs", "One step per line, as your physiotherapist explained"
            )
        )
        self.steps.setTabChangesFocus(True)
        self.steps.setFixedHeight(self.steps.fontMetrics().lineSpacing() * 5 + 16)
        about = QFormLayout()
        add_labelled_rows(
            about,
            [
                (QCoreApplication.translate("Programs", "&Name"), self.name),
                (QCoreApplication.translate("Programs", "&Group"), self.group),
                (QCoreApplication.translate("Programs", "St&art position"), self.start),
                (QCoreApplication.translate("Programs", "&Steps"), self.steps),
            ],
            self,
        )

        self.same_dose = QCheckBox(
            QCoreApplication.translate("Programs", "The same &dose at every level"), self
        )
        # No accessible name of its own: a screen reader says the words on the screen, which
        # are what a person using voice control says too.
        self.dose_tabs = QTabWidget(self)
        self.dose_tabs.setAccessibleName(QCoreApplication.translate("Programs", "Dose per level"))
        self.doses: dict[Level, DoseFields] = {}
        for level in Level:
            fields = DoseFields(self.dose_tabs)
            self.doses[level] = fields
            self.dose_tabs.addTab(fields, level_title(level))
        dose_box = QGroupBox(QCoreApplication.translate("Programs", "Dose"), self)
        dose_layout = QVBoxLayout(dose_box)
        dose_layout.addWidget(self.same_dose)
        dose_layout.addWidget(self.dose_tabs)

        # Named by their labels ("Easier", "Harder"); the longer words describe them.
        self.easier = QLineEdit(self)
        self.easier.setAccessibleDescription(
            QCoreApplication.translate("Programs", "An easier way")
        )
        self.harder = QLineEdit(self)
        self.harder.setAccessibleDescription(QCoreApplication.translate("Programs", "A harder way"))
        self.mistake = QLineEdit(self)
        self.mistake.setAccessibleName(QCoreApplication.translate("Programs", "Common mistake"))
        self.safety = QLineEdit(self)
        self.safety.setAccessibleName(QCoreApplication.translate("Programs", "Good to know"))
        more_box = QGroupBox(QCoreApplication.translate("Programs", "More (optional)"), self)
        more = QFormLayout(more_box)
        add_labelled_rows(
            more,
            [
                (QCoreApplication.translate("Programs", "Eas&ier"), self.easier),
                (QCoreApplication.translate("Programs", "&Harder"), self.harder),
                (QCoreApplication.translate("Programs", "Common &mistake"), self.mistake),
                (QCoreApplication.translate("Programs", "Good to kno&w"), self.safety),
            ],
            self,
        )

        self.preview = QLabel(QCoreApplication.translate("Programs", "No picture"), self)
        self.preview.setObjectName("picturePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setStyleSheet(
            "QLabel#picturePreview { border: 1px dashed palette(mid); border-radius: 6px; }"
        )
        # The buttons are named by their words; what the hint says describes the choice.
        hint = QCoreApplication.translate(
            "Programs",
            "PNG, JPEG or SVG, up to 10 MB and %1 × %1 pixels. A copy is kept with your diary.",
        ).replace("%1", str(MAX_PICTURE_SIDE))
        self.choose_picture_button = QPushButton(
            QCoreApplication.translate("Programs", "Choose &picture…"), self
        )
        self.choose_picture_button.setAccessibleDescription(hint)
        self.remove_picture_button = QPushButton(
            QCoreApplication.translate("Programs", "Remove pict&ure"), self
        )
        picture_hint = QLabel(hint, self)
        picture_hint.setWordWrap(True)
        picture_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # A built-in figure instead of a picture: "something like a bridge" is often enough.
        self.figure_choice = QComboBox(self)
        # Named by its label ("Or show the figure of"); the longer words describe it.
        self.figure_choice.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Show the figure of a similar exercise")
        )
        figure_label = QLabel(
            QCoreApplication.translate("Programs", "Or show the &figure of:"), self
        )
        figure_label.setBuddy(self.figure_choice)
        picture_buttons = QVBoxLayout()
        picture_buttons.addWidget(figure_label)
        picture_buttons.addWidget(self.figure_choice)
        picture_buttons.addWidget(self.choose_picture_button)
        picture_buttons.addWidget(self.remove_picture_button)
        picture_buttons.addWidget(picture_hint)
        picture_buttons.addStretch(1)
        picture_box = QGroupBox(QCoreApplication.translate("Programs", "Picture"), self)
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
        quiet_scroll_area(scroll)

        self._build_footer(QCoreApplication.translate("Programs", "Save the exercise"))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def step_lines(self) -> list[str]:
        return [line.strip() for line in self.steps.toPlainText().splitlines() if line.strip()]
