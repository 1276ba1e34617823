"""The first-run welcome: four short screens, skippable, ending with the red-flag notice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeyEvent, QPixmap, QTextDocumentFragment
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.reminders import DiaryReminder
from rugdiary.core.safety import red_flag_notice
from rugdiary.ui.announce import announce
from rugdiary.ui.safety import RedFlagView
from rugdiary.ui.widgets.form_parts import name_after_label
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

LANGUAGES: tuple[str, ...] = ("system", "en", "nl")
"""What the language question may answer; the same values as the Settings page."""

DEFAULT_REMINDER_TIME = dt.time(20, 0)

DEFAULT_SIZE = QSize(680, 560)
MIN_SIZE = QSize(460, 420)
"""The smallest the welcome gets; wider when a screen's checkbox needs it (their text does
not wrap: "Elke dag een herinnering om mijn dagboek in te vullen" needs 464 pixels)."""


@dataclass(frozen=True, slots=True)
class FirstRunResult:
    """What the person chose; `completed` is False when they skipped the welcome.

    `reminder` is None when the reminder screen was skipped, so the stored reminder
    settings (the app's defaults) are left as they are.
    """

    language: str = "system"
    reminder: DiaryReminder | None = None
    wants_demo: bool = False
    red_flags_acknowledged: bool = False
    completed: bool = False


def language_of(choice: str) -> str:
    """The content language ("en" or "nl") for a language choice; "system" is the language
    the app runs in (QLocale's default, which `--lang` may have set), so the safety notice
    is never English in a Dutch dialog."""
    if choice in ("en", "nl"):
        return choice
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def _heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("welcomeHeading")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _app_icon(size: int) -> QPixmap | None:
    """The app's icon at `size` logical pixels, or None when the resources lack it."""
    from rugdiary.resources import resource

    path = resource("icons", "rugdiary.svg")
    if not path.is_file():
        return None
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    pixmap = QIcon(str(path)).pixmap(QSize(size, size), ratio)
    return None if pixmap.isNull() else pixmap


def _scrolling(screen: QWidget, parent: QWidget) -> QScrollArea:
    """`screen` in a scroll area of its own, as the red-flag notice is: at a large text size
    or in the dialog's smallest size its text scrolls instead of being cut off."""
    area = QScrollArea(parent)
    area.setObjectName("welcomeScreenArea")
    area.setWidget(screen)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return quiet_scroll_area(area)


def _paragraph(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class WelcomeScreen(QWidget):
    """Screen 1: hello, what RugDiary is for, and the language question."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setObjectName("welcomeIcon")
        pixmap = _app_icon(72)
        if pixmap is not None:
            self.icon.setPixmap(pixmap)
        self.icon.setVisible(pixmap is not None)
        self.heading = _heading(self)
        self.text = _paragraph(self)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language_label.setBuddy(self.language)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.language_label, self.language)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to RugDiary"))
        self.text.setText(
            "<p style='line-height:130%'>"
            + self.tr(
                "Back pain is common, and for most people it gets better. RugDiary helps "
                "you keep moving with short guided exercises, note how your back and your "
                "stress are doing, and see how they change over the weeks."
            )
            + "</p><p style='line-height:130%'>"
            + self.tr("Your diary stays on this computer. This welcome takes about a minute.")
            + "</p>"
        )
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))
        current = self.language.currentIndex()
        self.language.blockSignals(True)
        self.language.clear()
        # Each language in its own name, so it can be found without reading the other.
        self.language.addItem(self.tr("Same as this computer"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.language.setCurrentIndex(max(current, 0))
        self.language.blockSignals(False)


class MessageScreen(QWidget):
    """Screen 2: the app's message, in four short calm points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _heading(self)
        self.text = _paragraph(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What helps a sore back"))
        points = [
            (
                self.tr("Stress can play a part."),
                self.tr(
                    "A busy or tense time can make pain last longer. The diary helps you "
                    "notice how stress and pain move together."
                ),
            ),
            (
                self.tr("Let your back move and relax."),
                self.tr(
                    "There is no need to hold your back still or check every movement. "
                    "Your back is strong and made to bend and turn."
                ),
            ),
            (
                self.tr("Exercise helps."),
                self.tr(
                    "Building strength in your back and belly makes you more resilient. "
                    "Small steps, done often, add up."
                ),
            ),
            (
                self.tr("Keep moving."),
                self.tr(
                    "Walking and everyday activity help your back recover, also on a day "
                    "with more pain."
                ),
            ),
        ]
        items = "".join(
            f"<li style='margin-bottom:10px; line-height:130%'><b>{title}</b> {text}</li>"
            for title, text in points
        )
        self.text.setText(f"<ul>{items}</ul>")


class SetupScreen(QWidget):
    """Screen 3: a daily diary reminder, and whether to look around with example data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _heading(self)
        self.reminder = QCheckBox(self)
        self.reminder.setChecked(True)
        self.time_label = QLabel(self)
        self.time = QTimeEdit(self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(DEFAULT_REMINDER_TIME.hour, DEFAULT_REMINDER_TIME.minute))
        self.time_label.setBuddy(self.time)
        self.reminder.toggled.connect(self.time.setEnabled)
        self.reminder_note = _paragraph(self)
        self.demo = QCheckBox(self)
        self.demo_note = _paragraph(self)

        time_row = QHBoxLayout()
        time_row.setContentsMargins(28, 0, 0, 0)
        time_row.addWidget(self.time_label)
        time_row.addWidget(self.time)
        time_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.reminder)
        layout.addLayout(time_row)
        layout.addWidget(self.reminder_note)
        layout.addSpacing(16)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("A gentle start"))
        self.reminder.setText(self.tr("&Remind me each day to fill in my diary"))
        self.time_label.setText(self.tr("&At:"))
        name_after_label(self.time, self.time_label.text(), self.tr("Reminder time"))
        self.reminder_note.setText(
            self.tr("Filling it in takes less than a minute. You can change this in Settings.")
        )
        self.demo.setText(self.tr("&Try RugDiary first with example data"))
        self.demo_note.setText(
            self.tr(
                "The example diary lives in a separate demo folder, so your own diary "
                "stays empty and private until you start using it."
            )
        )

    def diary_reminder(self) -> DiaryReminder:
        time = self.time.time()
        return DiaryReminder(
            enabled=self.reminder.isChecked(), time=dt.time(time.hour(), time.minute())
        )


class SafetyScreen(QWidget):
    """Screen 4: the red-flag notice, to read and confirm."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _heading(self)
        self.view = RedFlagView(lang, parent=self)
        self.view.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        self.view.set_language(lang)
        self.heading.setText(red_flag_notice(lang).title)


class FirstRunDialog(QDialog):
    """The welcome, as a dialog with a stack of screens and Back / Next / Skip buttons.

    Skip (or Esc) on the first screens goes straight to the red-flag notice: the
    welcome is optional, the safety notice is shown once. Esc there closes without
    confirming, and the app asks again at the next start.
    """

    languageChosen = Signal(str)
    """"system", "en" or "nl", as soon as it is picked, so the app can switch live."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "system") -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.resize(DEFAULT_SIZE)
        self.setMinimumSize(MIN_SIZE)
        self.acknowledged = False
        self.skipped = False
        self._visited_setup = False

        self.stack = QStackedWidget(self)
        self.welcome = WelcomeScreen(self.stack)
        self.message = MessageScreen(self.stack)
        self.setup = SetupScreen(self.stack)
        self.safety = SafetyScreen(language_of(language), self.stack)
        self.screens: tuple[QWidget, ...] = (self.welcome, self.message, self.setup, self.safety)
        """The screens in order; the stack holds the first three in their scroll areas."""
        for screen in self.screens[:-1]:
            self.stack.addWidget(_scrolling(screen, self.stack))
        self.stack.addWidget(self.safety)  # its notice scrolls by itself

        self.step_label = QLabel(self)
        self.step_label.setObjectName("stepLabel")
        self.back_button = QPushButton(self)
        self.skip_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.next_button.setDefault(True)
        # In the Tab order as they are seen: Skip, Back, Next (they were made Back first).
        QWidget.setTabOrder(self.skip_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.next_button)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.next)

        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 18)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.retranslate()
        index = self.welcome.language.findData(language)
        self.welcome.language.setCurrentIndex(max(index, 0))
        self.welcome.language.currentIndexChanged.connect(self._on_language)
        self._show(0)

    # -- navigation --------------------------------------------------------------------------

    def current(self) -> int:
        return self.stack.currentIndex()

    def last(self) -> int:
        return self.stack.count() - 1

    def next(self) -> None:
        """Go on; on the last screen this confirms the notice and closes the welcome."""
        if self.current() >= self.last():
            self.acknowledged = True
            self.accept()
            return
        self._show(self.current() + 1)

    def back(self) -> None:
        if self.current() > 0:
            self._show(self.current() - 1)

    def skip(self) -> None:
        """Leave the welcome, but pass by the red-flag notice once."""
        self.skipped = True
        self._show(self.last())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.current() < self.last():
            self.skip()
            event.accept()
            return
        super().keyPressEvent(event)

    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if self.screens[index] is self.setup:
            self._visited_setup = True
        area = self.stack.currentWidget()
        if isinstance(area, QScrollArea):
            area.verticalScrollBar().setValue(0)  # each screen is read from its top
        at_end = index == self.last()
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(not at_end)
        self.next_button.setText(self.tr("I have &read this") if at_end else self.tr("&Next"))
        # Named by the words on it (so in every language the name starts with them); what
        # it does goes in the description.
        self.next_button.setAccessibleDescription(
            self.tr("Confirm the notice and close the welcome")
            if at_end
            else self.tr("Next screen")
        )
        self.step_label.setText(
            self.tr("Step %1 of %2")
            .replace("%1", str(index + 1))
            .replace("%2", str(self.stack.count()))
        )
        first = {0: self.welcome.language, 2: self.setup.reminder}.get(index)
        (first or self.next_button).setFocus(Qt.FocusReason.TabFocusReason)
        if self.isVisible():
            # The focus lands on a control, not on the new text: say the screen itself.
            announce(self, self.screen_text(index))
        if at_end:
            self.safety.view.verticalScrollBar().setValue(0)

    def screen_text(self, index: int) -> str:
        """What a screen reader says when screen `index` appears: step, heading, text."""
        screen = self.screens[index]
        parts = [self.step_label.text()]
        heading = getattr(screen, "heading", None)
        if isinstance(heading, QLabel):
            parts.append(heading.text())
        if screen is self.message:
            parts.append(QTextDocumentFragment.fromHtml(self.message.text.text()).toPlainText())
        return ". ".join(p.strip().rstrip(".") for p in parts if p.strip()) + "."

    def _on_language(self, _index: int) -> None:
        choice = self.language()
        self.safety.set_language(language_of(choice))
        self.languageChosen.emit(choice)

    # -- answers -----------------------------------------------------------------------------

    def language(self) -> str:
        data = self.welcome.language.currentData()
        return data if isinstance(data, str) and data in LANGUAGES else "system"

    def result_value(self) -> FirstRunResult:
        """The answers as they stand now (also after Skip or Esc)."""
        return FirstRunResult(
            language=self.language(),
            reminder=self.setup.diary_reminder() if self._visited_setup else None,
            wants_demo=self._visited_setup and self.setup.demo.isChecked(),
            red_flags_acknowledged=self.acknowledged,
            completed=self.acknowledged and not self.skipped,
        )

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text; called again when the language changes while the welcome is open."""
        self.setWindowTitle(self.tr("Welcome to RugDiary"))
        self.setAccessibleName(self.tr("Welcome to RugDiary"))
        self.welcome.retranslate()
        self.message.retranslate()
        self.setup.retranslate()
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleDescription(self.tr("Previous screen"))
        self.skip_button.setText(self.tr("&Skip"))
        self.skip_button.setAccessibleDescription(self.tr("Skip the welcome"))
        self.skip_button.setToolTip(self.tr("Skip the welcome (Esc)"))
        self._fit_minimum_width()
        if self.stack.count():
            self._show(self.current())

    def _fit_minimum_width(self) -> None:
        """At least MIN_SIZE, and wide enough for each screen's widest line that cannot wrap
        (a checkbox's text, in Dutch the longer), at the user's text size. Never wider than
        the screen: there the screen's own scroll area scrolls sideways instead."""
        margins = self.layout().contentsMargins() if self.layout() is not None else None
        around = margins.left() + margins.right() if margins is not None else 0
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        widest = max(screen.minimumSizeHint().width() for screen in self.screens[:-1])
        width = max(MIN_SIZE.width(), widest + around + scrollbar)
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        self.setMinimumWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
