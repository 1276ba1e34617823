"""The Programs page's layout: a tab with the programs and a tab with the exercise library."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from rugdiary.ui.programs.library_model import ExerciseFilterModel
from rugdiary.ui.programs.library_view import LibraryView
from rugdiary.ui.programs.programs_view import ProgramsListView
from rugdiary.ui.programs.texts import tr


class ProgramsView(QWidget):
    """Programs first (starting one is the common task), the library one tab away."""

    def __init__(self, proxy: ExerciseFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programsPage")
        self.programs = ProgramsListView(self)
        self.library = LibraryView(proxy, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(tr("Programs and exercises"))
        self.tabs.addTab(self.programs, tr("&Programs"))
        self.tabs.addTab(self.library, tr("&Exercise library"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)

    def show_library(self) -> None:
        self.tabs.setCurrentWidget(self.library)

    def show_programs(self) -> None:
        self.tabs.setCurrentWidget(self.programs)
