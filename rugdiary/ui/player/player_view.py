"""The player page's layout: a large figure, the ring and big words readable from the mat."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QFontInfo,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.announce import announce, set_label_text
from rugdiary.ui.page_layout import page_title, set_page_margins
from rugdiary.ui.player.overview import SessionOverview, recent_lines
from rugdiary.ui.player.session_forms import AfterForm, BeforeForm
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.countdown_ring import CountdownRing
from rugdiary.ui.widgets.flow_layout import FlowLayout
from rugdiary.ui.widgets.pose_figure import PoseFigure
from rugdiary.ui.widgets.scrolling import WholeLinesArea

TYPE_UNIT_DIVISORS = (62.0, 34.0)
"""The type unit is the panel's width / 62 or height / 34, whichever is smaller."""
PHASE_SIZE = 3.0
"""Phase words: 3 type units, about 38 px in a small window and 75 px on a large screen."""
COUNTER_SIZE = 2.0
NEXT_SIZE = 1.6
NAME_SIZE = 1.8
RING_SIZE = 14.0
FOCUS_RING_SIZE = 24.0
MIN_UNIT_PX = 11.0
"""Below this the big words would shrink under body text: they stay at least this large."""
STEPS_SIZE = 0.85
"""The steps text, never below body text: on a large screen it stayed at body size, a
quarter of the phase words' height and unreadable from the mat."""


def _scaled_label(parent: QWidget, scale: float, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _ButtonKeys(QObject):
    """Space and Return on a focused button press that button, not the page's shortcut.

    The player's Space (pause) and Esc shortcuts belong to the whole panel; without this
    they would fire first, and Space on "Stop" would pause instead of stopping.
    """

    KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self.KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            return True
        return False


def keys_press_focused_buttons(buttons: Iterable[QAbstractButton], owner: QObject) -> None:
    """Let Space and Return press each of `buttons` when it has the focus."""
    keys = _ButtonKeys(owner)
    for button in buttons:
        button.installEventFilter(keys)
        if isinstance(button, QPushButton):
            # Return presses a push button only when it is an "auto default" one.
            button.setAutoDefault(True)


class PlayPanel(QWidget):
    """What shows while a programme plays; its actions carry the keyboard shortcuts.

    The figure takes most of the page; the ring, the phase words, the counters and what
    comes next are sized from the panel, so they stay readable from a mat two metres away.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playPanel")
        # A click on the page (not Tab) puts the keys here, so Space pauses; named, so a
        # screen reader says what it is if it does get the focus.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName(self.tr("Exercise session"))
        self.setAccessibleDescription(
            self.tr("Space pauses or carries on, the arrow keys skip, Esc stops.")
        )

        # -- top line: programme and exercise, focus switch
        self.program_label = QLabel(self)
        self.program_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.program_label.setTextFormat(Qt.TextFormat.PlainText)
        self.program_label.setAccessibleDescription(self.tr("Program"))
        self.exercise_label = _scaled_label(self, 1.0, bold=True)
        self.exercise_label.setAccessibleDescription(self.tr("Exercise"))
        self.focus_button = QPushButton(self)
        self.focus_button.setCheckable(True)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.program_label)
        names.addWidget(self.exercise_label)
        top = QHBoxLayout()
        top.addLayout(names, 1)
        top.addWidget(self.focus_button, 0, Qt.AlignmentFlag.AlignTop)

        # -- the figure, as large as the page allows
        self.figure = PoseFigure(self)
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.figure.setMinimumSize(QSize(200, 150))

        # -- beside it: the ring, the counters and the steps to read up close
        self.ring = CountdownRing(self)
        # small enough that a three-line count (Dutch, in a 900 x 600 window with a sound
        # notice and the buttons on two lines) fits under it instead of over it
        self.ring.setMinimumSize(QSize(96, 72))
        self.counters_label = _scaled_label(self, 1.0)
        self.counters_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counters_label.setAccessibleDescription(self.tr("Repetition, set and side"))
        self.instructions = QLabel(self)
        self._body_px = QFontInfo(self.instructions.font()).pixelSize()
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.instructions.setAccessibleDescription(self.tr("How to do this exercise"))
        # The steps are read up close before starting; in a small window they scroll
        # (with the wheel) rather than squeeze the figure. Not a tab stop of its own.
        self.instructions_area = WholeLinesArea(self)
        self.instructions_area.setWidgetResizable(True)
        self.instructions_area.setFrameShape(QFrame.Shape.NoFrame)
        self.instructions_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.instructions_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.instructions_area.setWidget(self.instructions)
        self.instructions_area.setBackgroundRole(QPalette.ColorRole.Window)
        self.instructions.setBackgroundRole(QPalette.ColorRole.Window)
        side = QVBoxLayout()
        side.setSpacing(6)
        side.addWidget(self.ring, 3)
        side.addWidget(self.counters_label)
        side.addWidget(self.instructions_area, 2)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self.figure, 13)
        middle.addLayout(side, 7)

        # -- the words for the mat: what to do now, and what comes next
        self.phase_label = _scaled_label(self, 1.0, bold=True)
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setAccessibleDescription(self.tr("What to do now"))
        self.next_label = _scaled_label(self, 1.0)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.setForegroundRole(QPalette.ColorRole.WindowText)
        self.next_label.setAccessibleDescription(self.tr("What comes next"))

        # -- how far along the programme is
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(12)
        self.progress.setAccessibleName(self.tr("Progress through the program"))
        self.time_label = QLabel(self)
        self.time_label.setAccessibleDescription(self.tr("Time"))
        self.audio_notice = QLabel(self)
        self.audio_notice.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.audio_notice.setWordWrap(True)
        self.audio_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.audio_notice.setVisible(False)
        self.audio_notice.setAccessibleDescription(self.tr("Sound status"))
        self._audio_notices: dict[str, str] = {}
        """What the notice says, by kind ("sound", "voice"): each cleared on its own."""
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.time_label)

        # -- controls, each with its key
        self.back_button = QPushButton(self)
        self.pause_button = QPushButton(self)
        self.skip_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.pause_button.setMinimumWidth(170)
        # Wraps onto a second line in a narrow window rather than widening it (issue 17).
        controls = FlowLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.skip_button)
        controls.addStretch()
        controls.addWidget(self.restart_button)
        controls.addWidget(self.stop_button)
        self.buttons: tuple[QPushButton, ...] = (
            self.focus_button,
            self.back_button,
            self.pause_button,
            self.skip_button,
            self.restart_button,
            self.stop_button,
        )
        for button in self.buttons[1:]:
            button.setMinimumHeight(44)
        keys_press_focused_buttons(self.buttons, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.next_label)
        layout.addLayout(progress_row)
        layout.addWidget(self.audio_notice)
        layout.addLayout(controls)

        # Shortcuts live on the panel (and its children), so they never fire on other pages.
        self.pause_action = self._action(self.tr("Pause or carry on"), Qt.Key.Key_Space)
        self.skip_action = self._action(self.tr("Skip to the next step"), Qt.Key.Key_Right)
        self.back_action = self._action(self.tr("Back to the previous step"), Qt.Key.Key_Left)
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
        self.pause_button.setAccessibleDescription(self.pause_action.text())
        self.focus_button.clicked.connect(lambda _checked: self.focus_action.trigger())
        self.focus_button.setAccessibleDescription(
            self.tr("Show only the figure, the timer and the words for the mat")
        )
        self.set_paused(False)
        self.set_focus_mode(False)

        # Everything that focus mode hides (figure, ring, phase, counters, what comes next
        # and Pause stay: all a person on the mat needs).
        self.detail_widgets: tuple[QWidget, ...] = (
            self.program_label,
            self.exercise_label,
            self.instructions_area,
            self.progress,
            self.time_label,
            self.back_button,
            self.skip_button,
            self.restart_button,
            self.stop_button,
        )
        self._type_unit = 0.0
        self._apply_type_sizes()

    def _action(self, text: str, key: Qt.Key) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    @staticmethod
    def _connect_button(button: QPushButton, action: QAction, label: str) -> None:
        # The name is the visible text (what a voice-control user says); the longer
        # explanation goes into the description.
        button.setText(label)
        button.setAccessibleDescription(action.text())
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text()} ({key})")
        button.clicked.connect(action.trigger)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        # Focused by a click on the page: a visible frame says the keys now act here.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 8, 8)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- type that scales with the window ----------------------------------------------------

    def type_unit(self) -> float:
        """The size, in pixels, that the big words are measured in for the current panel."""
        width_div, height_div = TYPE_UNIT_DIVISORS
        return max(MIN_UNIT_PX, min(self.width() / width_div, self.height() / height_div))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_type_sizes()

    def _apply_type_sizes(self) -> None:
        unit = self.type_unit()
        if abs(unit - self._type_unit) < 0.5:
            return
        self._type_unit = unit
        for label, size in (
            (self.phase_label, PHASE_SIZE),
            (self.counters_label, COUNTER_SIZE),
            (self.next_label, NEXT_SIZE),
            (self.exercise_label, NAME_SIZE),
        ):
            font = QFont(label.font())
            font.setPixelSize(round(unit * size))
            label.setFont(font)
        font = QFont(self.instructions.font())
        font.setPixelSize(max(self._body_px, round(unit * STEPS_SIZE)))
        self.instructions.setFont(font)
        # two whole lines; more scroll
        self.instructions_area.setMinimumHeight(2 * self.instructions.fontMetrics().lineSpacing())
        self._fit_ring()

    def _fit_ring(self) -> None:
        # The ring shares its column with the steps text: large, but not all of it; in
        # focus mode the steps are hidden and the ring may take the column.
        size = FOCUS_RING_SIZE if self.in_focus_mode() else RING_SIZE
        self.ring.setMaximumHeight(round(self.type_unit() * size))

    # -- state -------------------------------------------------------------------------------

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(
            self.tr("Carry on (Space)") if paused else self.tr("Pause (Space)")
        )

    def set_focus_mode(self, on: bool) -> None:
        """Hide all but figure, ring, phase, counters and Pause; F or the button switches back."""
        had_focus = self.focusWidget()
        for widget in getattr(self, "detail_widgets", ()):
            widget.setVisible(not on)
        # The audio notice stays in focus mode: a voice that went quiet there was
        # reported nowhere, and someone on the mat would wait for words that never come.
        self.focus_button.setChecked(on)
        self.focus_button.setText(
            self.tr("Show everything (F)") if on else self.tr("Focus mode (F)")
        )
        if self.focus_action.isChecked() != on:
            self.focus_action.setChecked(on)
        if hasattr(self, "_type_unit"):
            self._fit_ring()
        # Focus that sat on a hidden button goes to Pause, so Space keeps pausing.
        if had_focus is not None and not had_focus.isVisibleTo(self) and self.isVisible():
            self.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def in_focus_mode(self) -> bool:
        return self.focus_action.isChecked()

    def show_audio_notice(self, text: str, kind: str = "other") -> None:
        """A small, quiet line (not a dialog) saying sound or voice is unavailable.

        Shown in focus mode too, and said to a screen reader once, as it appears. `kind`
        ("sound", "voice") lets it be taken back alone when that one works again.
        """
        if self._audio_notices.get(kind) == text:
            return
        self._audio_notices[kind] = text
        self._show_audio_notices()
        announce(self.audio_notice, text)

    def clear_audio_notice(self, kind: str) -> None:
        """Take back what was said about `kind`: the voice works again, so "off" was stale."""
        if self._audio_notices.pop(kind, None) is not None:
            self._show_audio_notices()

    def _show_audio_notices(self) -> None:
        lines = list(dict.fromkeys(self._audio_notices.values()))  # one line per sentence
        set_label_text(self.audio_notice, "\n".join(lines))
        self.audio_notice.setVisible(bool(lines))


class IdlePanel(QWidget):
    """Nothing plays: the next program with a Start button, another program, the last sessions."""

    shown = Signal()
    """The panel came into view: time to read the next program and the sessions again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget(self)
        self.title = page_title(self.tr("Exercise session"), content)
        self.intro = QLabel(
            self.tr(
                "RugDiary guides you through a program with a timer, a moving figure and, "
                "if you like, sound and voice. Nothing is playing now."
            ),
            content,
        )
        self.intro.setWordWrap(True)

        self.next_heading = _scaled_label(content, 1.0)
        self.next_heading.setText(self.tr("Next program"))
        self.next_heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.program_name = _scaled_label(content, 1.35, bold=True)
        self.program_detail = QLabel(content)
        self.program_detail.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start"), content)
        self.start_button.setMinimumHeight(44)
        self.start_button.setObjectName("primaryButton")
        self.start_button.setStyleSheet(primary_button_style())
        self.choose_button = QPushButton(self.tr("Choose a program"), content)
        # The main action when there is no next program to start (show_overview).
        self.choose_button.setStyleSheet(primary_button_style())
        # The name is the visible text; where it goes is the description (issue 16).
        self.choose_button.setAccessibleDescription(
            self.tr("Opens Programs, where every program and exercise is listed")
        )
        self.choose_button.setMinimumHeight(44)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        keys_press_focused_buttons((self.start_button, self.choose_button), self)

        self.recent_heading = _scaled_label(content, 1.15, bold=True)
        self.recent_heading.setText(self.tr("Your last sessions"))
        self.recent_list = QLabel(content)
        self.recent_list.setWordWrap(True)
        self.recent_list.setTextFormat(Qt.TextFormat.PlainText)
        self.recent_list.setAccessibleDescription(self.tr("Your last sessions"))

        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.next_heading)
        layout.addWidget(self.program_name)
        layout.addWidget(self.program_detail)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(self.recent_heading)
        layout.addWidget(self.recent_list)

        layout.setContentsMargins(0, 0, 0, 0)
        content.setMaximumWidth(760)
        # Left-aligned at the same edge as every other page (issue 17).
        row = QHBoxLayout()
        row.addWidget(content, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        set_page_margins(outer)
        outer.addLayout(row)
        outer.addStretch(1)
        self.show_overview(None)

    def show_overview(self, overview: SessionOverview | None) -> None:
        """Fill in the next program and the last sessions; without data, only the choice."""
        has_next = overview is not None and overview.program_id is not None
        for widget in (self.next_heading, self.program_name, self.program_detail):
            widget.setVisible(has_next)
        self.start_button.setVisible(has_next)
        self.choose_button.setObjectName("" if has_next else "primaryButton")
        self.choose_button.style().unpolish(self.choose_button)
        self.choose_button.style().polish(self.choose_button)
        if overview is not None and has_next:
            self.program_name.setText(overview.program_name)
            self.program_detail.setText(overview.program_detail)
            self.start_button.setText(self.tr("Start %1").replace("%1", overview.program_name))
        lines = recent_lines(overview.recent) if overview is not None else []
        self.recent_heading.setVisible(overview is not None)
        self.recent_list.setVisible(overview is not None)
        set_label_text(
            self.recent_list,
            "\n".join(lines) if lines else self.tr("Your sessions will be listed here."),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def main_button(self) -> QPushButton:
        """Where the keyboard goes on this panel: Start if there is a program to start."""
        return self.start_button if not self.start_button.isHidden() else self.choose_button


class PlayerView(QWidget):
    """Four panels in one place: nothing playing, pain before, playing, and after the session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerPage")
        self.stack = QStackedWidget(self)

        self.idle = IdlePanel(self)
        self.choose_button = self.idle.choose_button
        self.before = BeforeForm(self)
        self.play = PlayPanel(self)
        self.after = AfterForm(self)
        for panel in (self.idle, self.before, self.play, self.after):
            self.stack.addWidget(panel)
        keys_press_focused_buttons(
            (self.before.start_button, self.before.cancel_button), self.before
        )
        keys_press_focused_buttons((self.after.save_button, self.after.done_button), self.after)

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
        # Built on the first visit, often while the page list has the keyboard: the
        # focus stays there (Down goes on to the next page) until the person moves it.
        self.show_panel(self.idle, take_focus=False)

    @property
    def initial_focus(self) -> QWidget:
        """Where the main window puts the keyboard when it shows this page."""
        return self.focus_target(self.current_panel())

    def focus_target(self, panel: QWidget) -> QWidget:
        """A named control of `panel`, never the bare panel (a screen reader says nothing)."""
        if panel is self.idle:
            return self.idle.main_button()
        if panel is self.play:
            return self.play.pause_button
        if panel is self.before:
            return self.before.pain
        if panel is self.after:
            return self.after.pain
        return panel

    def show_panel(self, panel: QWidget, *, take_focus: bool = True) -> None:
        """Switch panels and put the keyboard focus where the next answer or key goes."""
        self.stack.setCurrentWidget(panel)
        target = self.focus_target(panel)
        self.setFocusProxy(target)
        if take_focus:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_panel(self) -> QWidget:
        return self.stack.currentWidget()
