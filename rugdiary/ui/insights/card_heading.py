"""The heading every Insights card shares: title and buttons on one row, the explanation below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rugdiary.ui.widgets.flow_layout import FlowLayout


def card_heading(title: QLabel, explanation: QLabel, *buttons: QWidget) -> QVBoxLayout:
    """Title left, buttons right on the title's row, and the explanation under both.

    The explanation gets the card's whole width: beside the buttons it was squeezed into
    a narrow column of five or six lines (Dutch), with empty space under the buttons.
    The buttons sit side by side and go one under the other only when the row is too
    narrow for them and the title.
    """
    actions = FlowLayout(align_right=True)
    for button in buttons:
        actions.addWidget(button)
    row = QHBoxLayout()
    row.addWidget(title, 1, Qt.AlignmentFlag.AlignVCenter)
    row.addLayout(actions)
    heading = QVBoxLayout()
    heading.setSpacing(4)
    heading.addLayout(row)
    heading.addWidget(explanation)
    return heading
