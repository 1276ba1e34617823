"""Today's flare-up line: "My back is flaring up", or the running one and "It has settled"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

FLARE_BUTTON_HEIGHT = 40


def _name(button: QPushButton, detail: str) -> None:
    """Name `button` "its text: `detail`"."""
    button.setAccessibleName(f"{button.text()}: {detail}")


class FlareLine(QFrame):
    """Layout only; FlareLineController (ui/flare/controller.py) says which state shows.

    Idle: one calm button. While a flare-up runs: a short line saying since when, with
    "Open the plan" and "It has settled".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flareLine")
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.flaring_button = QPushButton(self)
        self.plan_button = QPushButton(self)
        self.settled_button = QPushButton(self)
        for button in (self.flaring_button, self.plan_button, self.settled_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            # Pressed by someone in pain: as easy a target as the page's other main
            # buttons, not the smallest button on it.
            button.setMinimumHeight(FLARE_BUTTON_HEIGHT)
        # The line on top and the buttons under it: the left column can be narrow.
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.flaring_button)
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.settled_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_running(None)

    def retranslate(self) -> None:
        # A name starts with the words on the button (voice control users say those), in
        # every language: built from the button's text, what it does after a colon.
        self.flaring_button.setText(self.tr("My back is flaring up"))
        _name(self.flaring_button, self.tr("open the flare-up plan"))
        self.plan_button.setText(self.tr("Open the plan"))
        self.plan_button.setAccessibleName(self.plan_button.text())
        self.plan_button.setAccessibleDescription(self.tr("Open the flare-up plan"))
        self.settled_button.setText(self.tr("It has settled"))
        _name(self.settled_button, self.tr("note the end of the flare-up"))

    def show_running(self, text: str | None) -> None:
        """`text` says since when a flare-up runs; None shows the idle button."""
        running = text is not None
        if running:
            shown, hidden = (self.plan_button, self.settled_button), (self.flaring_button,)
        else:
            shown, hidden = (self.flaring_button,), (self.plan_button, self.settled_button)
        # Hiding the button that has the keyboard focus sends the focus on along the
        # window's chain, to the page list, where the next arrow key switches page. The
        # button taking its place gets it first. Asked of the window, not the application:
        # while the plan is open the window keeps the widget its focus comes back to.
        had_focus = self.window().focusWidget() in hidden
        self.status_label.setVisible(running)
        self.status_label.setText(text or "")
        for button in shown:
            button.setVisible(True)
        if had_focus:
            shown[0].setFocus(Qt.FocusReason.OtherFocusReason)
        for button in hidden:
            button.setVisible(False)

    def is_running_shown(self) -> bool:
        return not self.status_label.isHidden()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
