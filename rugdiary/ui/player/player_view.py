"""The player page's layout: ring, phase, counters, figure and controls, readable from the mat."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.player.session_forms import AfterForm, BeforeForm
from rugdiary.ui.widgets.countdown_ring import CountdownRing
from rugdiary.ui.widgets.pose_figure import PoseFigure

PHASE_SCALE = 2.6
"""Phase words relative to the base font (12 pt): about 31 pt, readable from two metres."""
COUNTER_SCALE = 1.6
NAME_SCALE = 1.5


def _scaled_label(parent: QWidget, scale: float, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class PlayPanel(QWidget):
    """What shows while a programme plays; its actions carry the keyboard shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # -- top line: programme, audio notice, focus switch
        self.program_label = _scaled_label(self, 1.15, bold=True)
        self.program_label.setAccessibleName(self.tr("Programme"))
        self.audio_notice = QLabel(self)
        self.audio_notice.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.audio_notice.setWordWrap(True)
        self.audio_notice.setVisible(False)
        self.audio_notice.setAccessibleName(self.tr("Sound status"))
        self.focus_button = QPushButton(self)
        self.focus_button.setCheckable(True)
        top = QHBoxLayout()
        top.addWidget(self.program_label, 1)
        top.addWidget(self.audio_notice, 1, Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.focus_button)

        # -- the part readable from the mat: ring, phase, counters ... and the figure
        self.ring = CountdownRing(self)
        self.phase_label = _scaled_label(self, PHASE_SCALE, bold=True)
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setAccessibleName(self.tr("What to do now"))
        self.counters_label = _scaled_label(self, COUNTER_SCALE)
        self.counters_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counters_label.setAccessibleName(self.tr("Repetition, set and side"))
        left = QVBoxLayout()
        left.addWidget(self.ring, 1)
        left.addWidget(self.phase_label)
        left.addWidget(self.counters_label)

        self.exercise_label = _scaled_label(self, NAME_SCALE, bold=True)
        self.exercise_label.setAccessibleName(self.tr("Exercise"))
        self.figure = PoseFigure(self)
        self.instructions = QLabel(self)
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.instructions.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.instructions.setAccessibleName(self.tr("Instructions"))
        right = QVBoxLayout()
        right.addWidget(self.exercise_label)
        right.addWidget(self.figure, 1)
        right.addWidget(self.instructions, 0)

        middle = QHBoxLayout()
        middle.setSpacing(28)
        middle.addLayout(left, 5)
        middle.addLayout(right, 6)

        # -- what comes next, and how far along the programme is
        self.next_label = _scaled_label(self, 1.15)
        self.next_label.setAccessibleName(self.tr("What comes next"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.progress.setAccessibleName(self.tr("Progress through the program"))
        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Time"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.time_label)

        # -- controls, each with its key
        self.back_button = QPushButton(self)
        self.pause_button = QPushButton(self)
        self.skip_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.pause_button.setMinimumWidth(160)
        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.skip_button)
        controls.addStretch(1)
        controls.addWidget(self.restart_button)
        controls.addWidget(self.stop_button)
        for button in (
            self.back_button,
            self.pause_button,
            self.skip_button,
            self.restart_button,
            self.stop_button,
        ):
            button.setMinimumHeight(44)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.next_label)
        layout.addLayout(progress_row)
        layout.addLayout(controls)

        # Shortcuts live on the panel (and its children), so they never fire on other pages.
        self.pause_action = self._action(self.tr("Pause or carry on"), Qt.Key.Key_Space)
        self.skip_action = self._action(self.tr("Skip to the next step"), Qt.Key.Key_Right)
        self.back_action = self._action(self.tr("Back"), Qt.Key.Key_Left)
        self.restart_action = self._action(self.tr("Restart this exercise"), Qt.Key.Key_R)
        self.stop_action = self._action(self.tr("Stop the session"), Qt.Key.Key_Escape)
        self.focus_action = self._action(self.tr("Focus mode"), Qt.Key.Key_F)
        self.focus_action.setCheckable(True)
        self._connect_button(self.back_button, self.back_action, self.tr("Back (←)"))
        self._connect_button(self.skip_button, self.skip_action, self.tr("Skip (→)"))
        self._connect_button(
            self.restart_button, self.restart_action, self.tr("Restart exercise (R)")
        )
        self._connect_button(self.stop_button, self.stop_action, self.tr("Stop (Esc)"))
        self.pause_button.clicked.connect(self.pause_action.trigger)
        self.pause_button.setAccessibleName(self.tr("Pause or carry on"))
        self.focus_button.clicked.connect(lambda _checked: self.focus_action.trigger())
        self.focus_button.setAccessibleName(self.tr("Focus mode"))
        self.set_paused(False)
        self.set_focus_mode(False)

        # Everything that focus mode hides (ring, phase, counters and figure stay).
        self.detail_widgets: tuple[QWidget, ...] = (
            self.program_label,
            self.exercise_label,
            self.instructions,
            self.next_label,
            self.progress,
            self.time_label,
            self.back_button,
            self.pause_button,
            self.skip_button,
            self.restart_button,
            self.stop_button,
        )

    def _action(self, text: str, key: Qt.Key) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    @staticmethod
    def _connect_button(button: QPushButton, action: QAction, label: str) -> None:
        button.setText(label)
        button.setAccessibleName(action.text())
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text()} ({key})")
        button.clicked.connect(action.trigger)

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(
            self.tr("Carry on (Space)") if paused else self.tr("Pause (Space)")
        )

    def set_focus_mode(self, on: bool) -> None:
        """Hide everything but ring, phase, counters and figure; F or the button switches back."""
        for widget in getattr(self, "detail_widgets", ()):
            widget.setVisible(not on)
        self.focus_button.setChecked(on)
        self.focus_button.setText(
            self.tr("Show everything (F)") if on else self.tr("Focus mode (F)")
        )
        if self.focus_action.isChecked() != on:
            self.focus_action.setChecked(on)

    def in_focus_mode(self) -> bool:
        return self.focus_action.isChecked()

    def show_audio_notice(self, text: str) -> None:
        """A small, quiet line (not a dialog) saying sound or voice is unavailable."""
        current = self.audio_notice.text()
        self.audio_notice.setText(f"{current}\n{text}" if current else text)
        self.audio_notice.setVisible(not self.in_focus_mode())


class PlayerView(QWidget):
    """Four panels in one place: nothing chosen, pain before, playing, and after the session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerPage")
        self.stack = QStackedWidget(self)

        self.idle = QWidget(self)
        idle_text = _scaled_label(self.idle, 1.2)
        idle_text.setText(
            self.tr(
                "Choose a program to begin. RugDiary then guides you through it with a "
                "timer, a moving figure and, if you like, sound and voice."
            )
        )
        idle_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        idle_text.setWordWrap(True)
        self.idle_text = idle_text
        self.choose_button = QPushButton(self.tr("Choose a program"), self.idle)
        self.choose_button.setAccessibleName(self.tr("Go to the exercise programs"))
        self.choose_button.setDefault(True)
        idle_layout = QVBoxLayout(self.idle)
        idle_layout.setContentsMargins(48, 48, 48, 48)
        idle_layout.addStretch(1)
        idle_layout.addWidget(idle_text)
        idle_layout.addSpacing(16)
        idle_layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignHCenter)
        idle_layout.addStretch(2)

        self.before = BeforeForm(self)
        self.play = PlayPanel(self)
        self.after = AfterForm(self)
        for panel in (self.idle, self.before, self.play, self.after):
            self.stack.addWidget(panel)

        self.start_action = QAction(self.tr("Start the session"), self.before)
        self.start_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.start_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.before.addAction(self.start_action)
        self.cancel_start_action = QAction(self.tr("Do not start"), self.before)
        self.cancel_start_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_start_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.before.addAction(self.cancel_start_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.show_panel(self.idle)

    def show_panel(self, panel: QWidget) -> None:
        """Switch panels and put the keyboard focus where the next answer or key goes."""
        self.stack.setCurrentWidget(panel)
        self.setFocusProxy(panel)
        panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_panel(self) -> QWidget:
        return self.stack.currentWidget()
