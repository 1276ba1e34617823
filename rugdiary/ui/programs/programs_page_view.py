"""The Programs page's layout: a tab with the programs and a tab with the exercise library."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from rugdiary.ui.page_layout import page_title, set_page_margins
from rugdiary.ui.programs.library_model import ExerciseFilterModel
from rugdiary.ui.programs.library_view import LibraryView
from rugdiary.ui.programs.programs_view import ProgramsListView


class ProgramsView(QWidget):
    """Programs first (starting one is the common task), the library one tab away."""

    def __init__(self, proxy: ExerciseFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programsPage")
        self.programs = ProgramsListView(self)
        self.library = LibraryView(proxy, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(
            QCoreApplication.translate("Programs", "Programs and exercises")
        )
        self.tabs.addTab(self.programs, QCoreApplication.translate("Programs", "&Programs"))
        self.tabs.addTab(self.library, QCoreApplication.translate("Programs", "E&xercise library"))
        # A title like every other page's, above the two tabs.
        self.title = page_title(QCoreApplication.translate("Programs", "Programs"), self)
        layout = QVBoxLayout(self)
        set_page_margins(layout)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        # Where the keyboard starts when this page is opened (a focus proxy would
        # send Tab from the last control back to the first, trapping keyboard users).
        self.initial_focus: QWidget = self.tabs

    def show_library(self) -> None:
        self.tabs.setCurrentWidget(self.library)

    def show_programs(self) -> None:
        self.tabs.setCurrentWidget(self.programs)
