"""The flare-up plan's layout: calm words, gentle programmes, noting the end, when to get help."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.flares import MAX_HELPED_CHARS
from rugdiary.core.safety import red_flag_notice
from rugdiary.ui.page_layout import scaled_font
from rugdiary.ui.safety import notice_html
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.scrolling import quiet_scroll_area


@dataclass(frozen=True, slots=True)
class PlanProgram:
    """A gentle programme the plan offers: its id for the player, its name and a line."""

    id: str
    name: str
    description: str = ""


def _label(text: str, parent: QWidget, *, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold or scale != 1.0:
        label.setFont(scaled_font(label.font(), scale, bold=bold))
    return label


class FlarePlanDialog(QDialog):
    """The plan in its own window, so it can be opened from Today and from the tray.

    Layout only: the controller (ui/flare/controller.py) fills the logged state, starts
    and ends the flare-up and starts programmes. Everything sits in a scroll area, so the
    whole plan stays reachable at 200% text size; Esc closes it.
    """

    def __init__(
        self, programs: Sequence[PlanProgram], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flarePlanDialog")
        self.lang = lang
        self.resize(660, 720)
        self.setMinimumSize(420, 360)
        self.setStyleSheet(
            primary_button_style()
            + "QFrame#flareSection { background: palette(base); border: 1px solid"
            " palette(midlight); border-radius: 10px; }"
        )

        content = QWidget()
        content.setObjectName("flarePlanContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(14)

        self.heading = _label("", content, bold=True, scale=1.5)
        self.status_label = _label("", content)
        self.status_label.setObjectName("flareStatus")
        self.start_button = QPushButton(content)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.remove_button = QPushButton(content)
        self.remove_button.setFlat(True)
        self.remove_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.start_button)
        status_row.addWidget(self.remove_button)
        # The latest flare-up, ended already, for one noted by mistake; it shows only when
        # nothing runs, and the controller says which one (its dates) in the tooltip.
        self.remove_last_button = QPushButton(content)
        self.remove_last_button.setObjectName("flareRemoveLast")
        self.remove_last_button.setFlat(True)
        self.remove_last_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.remove_last_button.setVisible(False)
        # Why a start or an end was not saved; hidden until then.
        self.message_label = _label("", content)
        self.message_label.setObjectName("flareMessage")
        self.message_label.setVisible(False)
        column.addWidget(self.heading)
        column.addLayout(status_row)
        column.addWidget(self.remove_last_button)
        column.addWidget(self.message_label)

        # First the message: it is common and it settles; then what to do.
        calm = self._section(content)
        self.calm_title = _label("", calm, bold=True)
        self.calm_text = _label("", calm)
        calm.layout().addWidget(self.calm_title)
        calm.layout().addWidget(self.calm_text)
        column.addWidget(calm)

        plan = self._section(content)
        self.plan_title = _label("", plan, bold=True)
        plan.layout().addWidget(self.plan_title)
        self.programs = list(programs)
        self.program_buttons: list[QPushButton] = []
        for program in self.programs:
            row = QHBoxLayout()
            texts = QVBoxLayout()
            texts.setSpacing(2)
            texts.addWidget(_label(program.name, plan, bold=True))
            if program.description:
                detail = _label(program.description, plan)
                detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                texts.addWidget(detail)
            button = QPushButton(plan)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setProperty("programId", program.id)
            self.program_buttons.append(button)
            row.addLayout(texts, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            plan.layout().addLayout(row)
        self.walks_text = _label("", plan)
        self.level_text = _label("", plan)
        plan.layout().addWidget(self.walks_text)
        plan.layout().addWidget(self.level_text)
        column.addWidget(plan)

        after = self._section(content)
        self.after_title = _label("", after, bold=True)
        self.after_text = _label("", after)
        after.layout().addWidget(self.after_title)
        after.layout().addWidget(self.after_text)
        column.addWidget(after)

        # Logging the end: what helped, in tags and in the person's own words.
        settle = self._section(content)
        self.settle_box = settle
        self.settle_title = _label("", settle, bold=True)
        self.helped_label = _label("", settle)
        settle.layout().addWidget(self.settle_title)
        settle.layout().addWidget(self.helped_label)
        self.tag_grid = QGridLayout()
        self.tag_grid.setHorizontalSpacing(18)
        self.tag_boxes: list[QCheckBox] = []
        for index in range(len(self.helped_tag_texts())):
            box = QCheckBox(settle)
            self.tag_boxes.append(box)
            self.tag_grid.addWidget(box, index // 2, index % 2)
        settle.layout().addLayout(self.tag_grid)
        self.helped_edit = QLineEdit(settle)
        self.helped_edit.setMaxLength(MAX_HELPED_CHARS)
        self.words_label = _label("", settle)
        self.words_label.setBuddy(self.helped_edit)
        settle.layout().addWidget(self.words_label)
        settle.layout().addWidget(self.helped_edit)
        self.settled_button = QPushButton(settle)
        self.settled_button.setObjectName("primaryButton")
        self.settled_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        settle.layout().addWidget(self.settled_button)
        column.addWidget(settle)

        # The red-flag notice, in full: the same words as Help and the first start.
        notice = red_flag_notice(lang)
        self.help_title = _label(notice.title, content, bold=True, scale=1.15)
        self.help_text = QLabel(content)
        self.help_text.setObjectName("flareRedFlags")
        self.help_text.setWordWrap(True)
        self.help_text.setTextFormat(Qt.TextFormat.RichText)
        self.help_text.setText(notice_html(lang))
        # Named by its own words, as Qt reads them from the rich text (a label's name never
        # hides its text); the heading above says what they are about.
        self.help_text.setAccessibleDescription(notice.title)
        column.addWidget(self.help_title)
        column.addWidget(self.help_text)
        column.addStretch(1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        quiet_scroll_area(self.scroll_area)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(self.scroll_area, 1)
        buttons_row = QHBoxLayout()
        buttons_row.setContentsMargins(24, 0, 24, 0)
        buttons_row.addWidget(self.buttons)
        layout.addLayout(buttons_row)
        self.retranslate()

    def _section(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("flareSection")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(18, 14, 18, 16)
        inner.setSpacing(8)
        return frame

    def helped_tag_texts(self) -> list[str]:
        """The tags offered under "What helped?", in the app's language."""
        return [
            self.tr("Walking"),
            self.tr("Gentle exercises"),
            self.tr("Breathing and relaxing"),
            self.tr("Heat"),
            self.tr("Short rests"),
            self.tr("Good sleep"),
            self.tr("Pain relief"),
            self.tr("Talking to someone"),
        ]

    def retranslate(self) -> None:
        """Set every text; called again when the app's language changes."""
        title = self.tr("Your back is flaring up")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.start_button.setText(self.tr("Note it started now"))
        self.remove_button.setText(self.tr("Not a flare-up? Remove this note"))
        self.remove_last_button.setText(self.tr("Noted by mistake? Remove the last flare-up"))
        self.calm_title.setText(self.tr("This is common, and it settles"))
        self.calm_text.setText(
            self.tr(
                "Most people with back pain have a flare-up now and then. It feels "
                "worrying, but it usually calms down within a few days.\n\n"
                "Keep moving gently. You do not need to hold your back still: let it "
                "move, breathe normally and let your muscles relax. That often feels "
                "better than keeping still."
            )
        )
        self.plan_title.setText(self.tr("For the next 2 to 3 days"))
        for button, program in zip(self.program_buttons, self.programs, strict=True):
            button.setText(self.tr("Start"))
            button.setAccessibleName(self.tr("Start %1").replace("%1", program.name))
            button.setToolTip(self.tr("Start %1").replace("%1", program.name))
        self.walks_text.setText(
            self.tr(
                "• Take short walks, a few times a day, at an easy pace. A few minutes is enough."
            )
        )
        self.level_text.setText(
            self.tr(
                "• Keep doing at least half of what you usually do. Rest a little when "
                "you need to, then get moving again."
            )
        )
        self.after_title.setText(self.tr("Afterwards"))
        self.after_text.setText(
            self.tr(
                "When it has settled, go back to your usual programme and activities, "
                "step by step, at the level you had before."
            )
        )
        self.settle_title.setText(self.tr("When it has settled"))
        self.helped_label.setText(self.tr("What helped? Choose any that fit."))
        self.words_label.setText(self.tr("In your own words (optional):"))
        self.helped_edit.setAccessibleName(self.tr("What helped, in your own words"))
        self.helped_edit.setPlaceholderText(self.tr("For example: a walk after lunch"))
        self.settled_button.setText(self.tr("It has settled"))
        self.settled_button.setAccessibleName(
            self.tr("It has settled: note the end of the flare-up")
        )
        for box, text in zip(self.tag_boxes, self.helped_tag_texts(), strict=True):
            box.setText(text)

    def chosen_tags(self) -> list[str]:
        return [box.text() for box in self.tag_boxes if box.isChecked()]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
