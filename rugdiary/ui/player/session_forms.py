"""The questions around a session, shown in the page: pain before; pain, effort and notes after."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.sessions import MAX_SESSION_NOTE_CHARS, RESPONSE_SYMBOLS, PainResponse
from rugdiary.ui.announce import announce, set_label_text
from rugdiary.ui.player.texts import ResponseLook, pain_rule_lines, response_colour
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.form_parts import note_count_text
from rugdiary.ui.widgets.scale import ScaleWidget
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

FORM_MAX_WIDTH = 760
"""The forms stay a comfortable reading width on a wide screen."""


def _heading(text: str, parent: QWidget, scale: float = 1.6) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _colour_symbol(label: QLabel, colour: QColor) -> None:
    label.setStyleSheet(f"color: {colour.name()};")


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class PainRule(QWidget):
    """How much pain is okay, in three lines, each after its shape in its colour.

    A grid, so a line that wraps stays clear of its shape; plain labels, so a screen
    reader reads each line as it is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painRule")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.lines: list[tuple[QLabel, QLabel]] = []
        self._symbols: list[tuple[QLabel, PainResponse]] = []
        for row, (response, text) in enumerate(pain_rule_lines()):
            symbol = QLabel(RESPONSE_SYMBOLS[response], self)
            symbol.setAccessibleDescription(self.tr("Shape of the pain response"))
            words = QLabel(text, self)
            words.setWordWrap(True)
            grid.addWidget(symbol, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(words, row, 1)
            self.lines.append((symbol, words))
            self._symbols.append((symbol, response))
        self._colour_symbols()

    def _colour_symbols(self) -> None:
        # getattr: a palette change may come while the widget is being built
        for symbol, response in getattr(self, "_symbols", ()):
            _colour_symbol(symbol, response_colour(response, palette=self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Another theme (Settings → Colours): the light theme's colours on a dark page
        # fell to 2.4:1.
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_symbols()


def _centred(content: QWidget, parent: QWidget) -> QHBoxLayout:
    content.setMaximumWidth(FORM_MAX_WIDTH)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content, 100)
    row.addStretch(1)
    return row


class BeforeForm(QWidget):
    """Asked before a session: the pain right now, then Start (Space or Enter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget(self)
        self.title = _heading("", content)
        self.details = _hint("", content)
        self.question = QLabel(self.tr("How much pain do you feel &right now?"), content)
        self.question.setWordWrap(True)
        self.pain = ScaleWidget(
            self.tr("Pain right now"), self.tr("no pain"), self.tr("worst pain imaginable"), content
        )
        self.question.setBuddy(self.pain)
        # CLINICAL.md §2 asks for the rule before each session, not only after it.
        self.pain_rule = PainRule(content)
        self.start_hint = _hint(
            self.tr(
                "Put the laptop where you can see it from the mat. Press Space to start; "
                "the player guides you from there. Space pauses, Esc stops."
            ),
            content,
        )
        self.start_button = QPushButton(self.tr("Start"), content)
        self.start_button.setObjectName("primaryButton")
        self.start_button.setStyleSheet(primary_button_style())
        self.start_button.setDefault(True)
        self.start_button.setAccessibleDescription(self.tr("Start the session"))
        self.start_button.setMinimumHeight(48)
        self.cancel_button = QPushButton(self.tr("Not now"), content)
        self.cancel_button.setAccessibleDescription(self.tr("Do not start this session"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(content)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addSpacing(12)
        layout.addWidget(self.question)
        layout.addWidget(self.pain)
        layout.addWidget(self.pain_rule)
        layout.addWidget(self.start_hint)
        layout.addSpacing(8)
        layout.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(_centred(content, self))
        outer.addStretch(2)
        self.setFocusProxy(self.pain)


class AfterForm(QWidget):
    """Asked after a session (finished or stopped): pain now, effort, how it went; then Save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget(self)
        self.title = _heading("", content)
        self.summary = _hint("", content)
        self.pain_label = QLabel(self.tr("How much &pain do you feel now?"), content)
        self.pain = ScaleWidget(
            self.tr("Pain now"), self.tr("no pain"), self.tr("worst pain imaginable"), content
        )
        self.pain_label.setBuddy(self.pain)
        self.effort_label = QLabel(self.tr("How hard did the session feel (&effort)?"), content)
        self.effort = ScaleWidget(
            self.tr("Effort"), self.tr("very easy"), self.tr("as hard as I can"), content
        )
        self.effort_label.setBuddy(self.effort)

        # A calm panel: a small coloured symbol beside plain words; no alarming red frame.
        self.response = QFrame(content)
        self.response.setFrameShape(QFrame.Shape.NoFrame)
        self.response.setAutoFillBackground(True)
        self.response.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.response.setAccessibleName(self.tr("What your pain score means"))
        self.response_symbol = QLabel(self.response)
        symbol_font = QFont(self.response_symbol.font())
        symbol_font.setPointSizeF(symbol_font.pointSizeF() * 1.6)
        self.response_symbol.setFont(symbol_font)
        # The symbol repeats the sentence's colour; a screen reader reads the sentence.
        self.response_symbol.setAccessibleDescription(self.tr("Colour of the pain response"))
        self.response_word = _heading("", self.response, 1.15)
        self.response_advice = QLabel(self.response)
        self.response_advice.setWordWrap(True)
        response_text = QVBoxLayout()
        response_text.addWidget(self.response_word)
        response_text.addWidget(self.response_advice)
        response_row = QHBoxLayout(self.response)
        response_row.setContentsMargins(12, 10, 12, 10)
        response_row.addWidget(self.response_symbol, 0, Qt.AlignmentFlag.AlignTop)
        response_row.addLayout(response_text, 1)
        self.response.setVisible(False)
        self._look: ResponseLook | None = None

        self.note_label = QLabel(self.tr("How did it go? (optional)"), content)
        self.note = QPlainTextEdit(content)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("How did it go"))
        self.note.setPlaceholderText(self.tr("For example: easier than last time, hips felt loose"))
        self.note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 16)
        self.note_label.setBuddy(self.note)
        # As in the diary's note: the count, so a note over the limit is seen before Save.
        self.note_counter = QLabel(content)
        self.note_counter.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note.textChanged.connect(self._update_note_counter)
        self._update_note_counter()
        note_header = QHBoxLayout()
        note_header.addWidget(self.note_label)
        note_header.addStretch(1)
        note_header.addWidget(self.note_counter)

        self.message = QLabel(content)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setAccessibleDescription(self.tr("Save status"))
        self.save_button = QPushButton(self.tr("Save"), content)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setStyleSheet(primary_button_style())
        self.save_button.setDefault(True)
        self.save_button.setMinimumHeight(44)
        self.save_button.setAccessibleDescription(
            self.tr("Save your answers with the session in your diary")
        )
        self.done_button = QPushButton(self.tr("Done"), content)
        self.done_button.setAccessibleDescription(self.tr("Close the session summary"))
        self.done_button.setMinimumHeight(44)
        self.done_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addSpacing(6)
        layout.addWidget(self.pain_label)
        layout.addWidget(self.pain)
        layout.addWidget(self.response)
        layout.addWidget(self.effort_label)
        layout.addWidget(self.effort)
        layout.addLayout(note_header)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        # In a small window or at large text scaling the form scrolls rather than clips Save.
        holder = QWidget(self)
        inner = QVBoxLayout(holder)
        inner.addStretch(1)
        inner.addLayout(_centred(content, holder))
        inner.addStretch(2)
        # Not a silent Tab stop of its own; it scrolls to the control that has the focus.
        self.scroll_area = quiet_scroll_area(QScrollArea(self))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.setFocusProxy(self.pain)

    def ask_questions(self, ask: bool) -> None:
        """The questions and Save, or (for a session that never began) Done alone."""
        for widget in (
            self.pain_label,
            self.pain,
            self.effort_label,
            self.effort,
            self.note_label,
            self.note_counter,
            self.note,
            self.save_button,
        ):
            widget.setVisible(ask)
        self.setFocusProxy(self.pain if ask else self.done_button)

    def _update_note_counter(self) -> None:
        self.note_counter.setText(
            note_count_text(len(self.note.toPlainText()), MAX_SESSION_NOTE_CHARS)
        )

    def show_response(self, look: ResponseLook | None) -> None:
        """Symbol and sentence together; hidden until a pain score is chosen."""
        self._look = look
        if look is None:
            self.response.setVisible(False)
            return
        self.response_symbol.setText(look.symbol)
        _colour_symbol(self.response_symbol, look.colour)
        set_label_text(self.response_word, look.word)
        set_label_text(self.response_advice, look.advice)
        self.response.setAccessibleDescription(f"{look.word} {look.advice}")
        self.response.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Another theme while the summary shows: the symbol takes that theme's colour.
        look = getattr(self, "_look", None)
        if event.type() == QEvent.Type.PaletteChange and look is not None:
            _colour_symbol(
                self.response_symbol, response_colour(look.response, palette=self.palette())
            )

    def show_message(self, text: str) -> None:
        set_label_text(self.message, text)
        self.message.setVisible(bool(text))
        if text:
            announce(self.message, text)
