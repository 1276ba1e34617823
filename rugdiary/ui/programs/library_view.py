"""The exercise library's layout: search and group filter, thumbnail list, details panel."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.exercises import Exercise, Group, Level
from rugdiary.ui.programs.library_model import THUMB_SIZE, ExerciseFilterModel
from rugdiary.ui.programs.texts import dose_summary, group_name, level_title
from rugdiary.ui.widgets.flow_layout import FlowLayout

FIGURE_SIZE = QSize(300, 200)


def exercise_details_html(exercise: Exercise, lang: str) -> str:
    """Everything a person needs before trying an exercise, as simple HTML."""

    def text(value: str) -> str:
        return escape(value).replace("\n", "<br>")

    own_word = QCoreApplication.translate("Programs", "your own")
    own = "" if exercise.builtin else f" · {escape(own_word)}"

    def heading(title: str) -> str:
        return f"<h3>{escape(title)}</h3>"

    parts = [
        f"<h2 style='margin-bottom:2px'>{text(exercise.name.get(lang))}</h2>",
        f"<p style='margin-top:0'>{escape(group_name(exercise.group))}{own}</p>",
        heading(QCoreApplication.translate("Programs", "Start position")),
        f"<p>{text(exercise.start.get(lang))}</p>",
        heading(QCoreApplication.translate("Programs", "Steps")),
        "<ol>",
        *(f"<li>{text(step.get(lang))}</li>" for step in exercise.steps),
        "</ol>",
        heading(QCoreApplication.translate("Programs", "Dose per level")),
        "<table cellspacing='0' cellpadding='2'>",
        *(
            f"<tr><td><b>{escape(level_title(level))}</b>&nbsp;&nbsp;</td>"
            f"<td>{escape(dose_summary(exercise.dose(level)))}</td></tr>"
            for level in Level
        ),
        "</table>",
        heading(QCoreApplication.translate("Programs", "Easier")),
        f"<p>{text(exercise.easier.get(lang))}</p>",
        heading(QCoreApplication.translate("Programs", "Harder")),
        f"<p>{text(exercise.harder.get(lang))}</p>",
        heading(QCoreApplication.translate("Programs", "Common mistake")),
        f"<p>{text(exercise.mistake.get(lang))}</p>",
        heading(QCoreApplication.translate("Programs", "Good to know")),
        f"<p>{text(exercise.safety.get(lang))}</p>",
    ]
    return "".join(parts)


class LibraryView(QWidget):
    """Filters on top; the list of exercises beside the details of the selected one."""

    def __init__(self, proxy: ExerciseFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(QCoreApplication.translate("Programs", "Search by name"))
        self.search.setAccessibleName(
            QCoreApplication.translate("Programs", "Search exercises by name")
        )
        self.search.setClearButtonEnabled(True)
        self.group_filter = QComboBox(self)
        # Named by its label "Group" (the word a voice-control user says), described here.
        self.group_filter.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Show exercises of group")
        )
        self.group_filter.addItem(QCoreApplication.translate("Programs", "All groups"), None)
        for group in Group:
            self.group_filter.addItem(group_name(group), group.value)
        search_label = QLabel(QCoreApplication.translate("Programs", "&Search"), self)
        search_label.setBuddy(self.search)
        group_label = QLabel(QCoreApplication.translate("Programs", "&Group"), self)
        group_label.setBuddy(self.group_filter)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addSpacing(12)
        filters.addWidget(group_label)
        filters.addWidget(self.group_filter)

        self.list = QListView(self)
        self.list.setModel(proxy)
        self.list.setAccessibleName(QCoreApplication.translate("Programs", "Exercises"))
        self.list.setIconSize(THUMB_SIZE)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumWidth(280)
        self.empty_label = QLabel(
            QCoreApplication.translate(
                "Programs", "No exercises match. Try another word or “All groups”."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setVisible(False)
        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.new_button = QPushButton(
            QCoreApplication.translate("Programs", "New own exercise…"), self
        )
        self.new_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Add an exercise of your own")
        )
        self.new_button.setToolTip(
            QCoreApplication.translate(
                "Programs", "For an exercise your physiotherapist gave you, with your own picture"
            )
        )
        self.edit_button = QPushButton(QCoreApplication.translate("Programs", "Change…"), self)
        # Named by their words ("Wijzigen…", "Verwijderen"), which voice control users say;
        # which exercise is the description (as names these did not start with them in Dutch).
        self.edit_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Change the selected own exercise")
        )
        self.delete_button = QPushButton(QCoreApplication.translate("Programs", "Delete"), self)
        self.delete_button.setAccessibleDescription(
            QCoreApplication.translate("Programs", "Delete the selected own exercise")
        )
        # Wraps in a narrow window instead of widening the list (Dutch labels are long).
        buttons = FlowLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.count_label)
        left_layout.addLayout(buttons)

        self.figure = QLabel(self)
        self.figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figure.setMinimumSize(FIGURE_SIZE)
        self.figure.setAccessibleName(
            QCoreApplication.translate("Programs", "Picture of the start position")
        )
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(
            QCoreApplication.translate("Programs", "About this exercise")
        )
        self.details.setOpenLinks(False)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.viewport().setAutoFillBackground(False)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.figure)
        right_layout.addWidget(self.details, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        # No focus proxy: it would send Tab from the last control back to the first.
        self.initial_focus: QWidget = self.search

    def show_exercise(self, html: str | None, picture: QPixmap | None) -> None:
        """Fill the details panel; None shows the hint to choose an exercise."""
        if html is None:
            self.figure.clear()
            hint = QCoreApplication.translate("Programs", "Choose an exercise to see how it goes.")
            self.details.setHtml(f"<p>{escape(hint)}</p>")
            return
        if picture is None or picture.isNull():
            self.figure.setText(QCoreApplication.translate("Programs", "No picture"))
        else:
            self.figure.setPixmap(picture)
        self.details.setHtml(html)
