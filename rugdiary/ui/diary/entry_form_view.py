"""The entry form's widgets and layout; the controller decides what they do."""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QStringListModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.diary import MAX_ACTIVITY_MIN, MAX_NOTE_CHARS, DiaryEntry, normalize_tags
from rugdiary.ui.diary.medication_editor import MedicationEditor
from rugdiary.ui.locale_dates import day_format
from rugdiary.ui.page_layout import PAGE_MARGIN, PAGE_TOP, page_title
from rugdiary.ui.widgets.body_map import BodyMapField
from rugdiary.ui.widgets.date_edits import DateTimeField
from rugdiary.ui.widgets.form_parts import (
    add_labelled_rows,
    entry_scales,
    hint_label,
    message_label,
    note_count_text,
    save_button,
    show_form_message,
    without_mnemonic,
)
from rugdiary.ui.widgets.optional_spin import OptionalSpinBox
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

_MEDICATION_FIELD = re.compile(r"^medication\[(\d+)\]")


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the tags before it."""

    def __init__(self, line_edit: QLineEdit) -> None:
        super().__init__(line_edit)
        self._line_edit = line_edit
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._head: list[str] = []

    def set_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def splitPath(self, path: str) -> list[str]:
        head, _, last = path.rpartition(",")
        # Remembered here, not read back in pathFromIndex: by then the line edit may
        # already show a highlighted completion, which would be counted twice.
        self._head = [part.strip() for part in head.split(",") if part.strip()]
        return [last.strip()]

    def pathFromIndex(self, index: Any) -> str:
        return ", ".join([*self._head, str(index.data())]) + ", "


def to_qdatetime(at: datetime) -> QDateTime:
    """`at` in local time, to the second. Made from the instant, not the wall time: in the
    hour that comes twice when summer time ends, the wall time alone names the first."""
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()))


def from_qdatetime(value: QDateTime, like: datetime | None = None) -> datetime:
    """The local moment a person set, to the minute.

    A wall time from the hour that comes twice when summer time ends (02:30 on the last
    Sunday of October in Europe) is two moments. The one with `like`'s UTC offset is
    taken (the entry being changed: correcting 02:30 to 02:45 must not move it an hour),
    else the one with `value`'s own offset, else the first.
    """
    d, t = value.date(), value.time()
    wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    first, second = wall.astimezone(), wall.replace(fold=1).astimezone()
    same_wall = first.replace(tzinfo=None) == wall == second.replace(tzinfo=None)
    if first.utcoffset() == second.utcoffset() or not same_wall:
        return first  # one moment (or, in the spring gap, Qt has moved it on already)
    offsets = [] if like is None else [like.utcoffset()]
    offsets.append(timedelta(seconds=value.offsetFromUtc()))
    for offset in offsets:
        for candidate in (first, second):
            if candidate.utcoffset() == offset:
                return candidate
    return first


def split_tags(text: str, keep: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The tags typed as "a, b, c"; a tag in `keep` that holds a comma stays one tag.

    The command line and an import accept a tag such as "back, left side"; the form shows
    it with the others, and saving a change elsewhere must not split it in two.
    """
    parts = [" ".join(part.split()).lower() for part in text.split(",")]
    whole = sorted(
        (tuple(" ".join(p.split()).lower() for p in tag.split(",")) for tag in keep if "," in tag),
        key=len,
        reverse=True,
    )
    tags: list[str] = []
    index = 0
    while index < len(parts):
        for pieces in whole:
            if tuple(parts[index : index + len(pieces)]) == pieces:
                tags.append(", ".join(pieces))
                index += len(pieces)
                break
        else:
            tags.append(parts[index])
            index += 1
    return normalize_tags(tags)


class EntryFormView(QWidget):
    """Quick entry (pain, stress, Save) on top; "More details" folds out everything else.

    The buttons sit outside the scroll area so Save is always in view, however long the
    note or the medication list grows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryForm")
        # What load() showed: its tags as stored, with their text, and its moment.
        self._loaded_tags: tuple[tuple[str, ...], str] = ((), "")
        self._loaded_at: datetime | None = None

        self.title = page_title(self.tr("How are you right now?"), self)
        self.title.setWordWrap(True)

        scales = entry_scales(self)
        self.pain, self.stress = scales.pain, scales.stress
        self.pain_label, self.stress_label = scales.pain_label, scales.stress_label

        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("&More details"))
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self._name_more_button()

        self.more_panel = QWidget(self)
        self.more_panel.setVisible(False)
        self._build_more_panel()
        self.more_button.toggled.connect(self._on_more_toggled)

        content = QWidget()
        self.content = content
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(PAGE_MARGIN, PAGE_TOP, 12, 12)
        content_layout.setSpacing(6)
        content_layout.addWidget(self.title)
        content_layout.addSpacing(6)
        content_layout.addWidget(self.pain_label)
        content_layout.addWidget(self.pain)
        content_layout.addSpacing(8)
        content_layout.addWidget(self.stress_label)
        content_layout.addWidget(self.stress)
        content_layout.addSpacing(8)
        content_layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        content_layout.addWidget(self.more_panel)
        content_layout.addStretch(1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        quiet_scroll_area(self.scroll_area)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.message = message_label(self.tr("Message about this entry"), self)
        self.save_button = save_button(
            self.tr("Save entry"), self.tr("Save entry"), self.tr("Save entry (%1)"), self
        )
        self.save_button.setDefault(True)
        self.save_hint = hint_label(self.tr("Choose pain and stress to save."), self)
        self.cancel_button = QPushButton(self.tr("Cancel editing"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel editing"))
        self.cancel_button.setToolTip(self.tr("Back to a new entry (Esc)"))
        self.cancel_button.setVisible(False)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(PAGE_MARGIN, 4, 12, 12)
        buttons.addWidget(self.save_hint, 1)
        # Holds the buttons to the right while the hint is hidden.
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.scroll_area, 1)
        message_row = QHBoxLayout()
        message_row.setContentsMargins(PAGE_MARGIN, 0, 12, 0)
        message_row.addWidget(self.message)
        layout.addLayout(message_row)
        layout.addLayout(buttons)

        self._apply_tab_order()
        self.medication.rowsChanged.connect(self._apply_tab_order)

        self.note.textChanged.connect(self._update_note_counter)
        self._update_note_counter()
        # The scroll area only scrolls vertically, so it must be as wide as the scales need.
        scrollbar = self.scroll_area.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(content.minimumSizeHint().width() + scrollbar)

    # -- layout helpers ----------------------------------------------------------------------

    def _build_more_panel(self) -> None:
        panel = self.more_panel

        def scale_spin(name: str, hint: str) -> OptionalSpinBox:
            spin = OptionalSpinBox(0, 10, panel)
            spin.setAccessibleName(name)
            spin.setAccessibleDescription(hint)
            spin.setToolTip(hint)
            spin.setMinimumWidth(110)
            return spin

        self.when = DateTimeField(panel)
        self.when.setCalendarPopup(True)
        # The day as the list and the report write it ("10 Aug 2026"), then the time.
        time_format = QLocale().timeFormat(QLocale.FormatType.ShortFormat).replace(":ss", "")
        self.when.setDisplayFormat(f"{day_format(short_month=True)} {time_format}")
        self.when.setAccessibleName(self.tr("Date and time of this entry"))

        self.worst_pain = scale_spin(
            self.tr("Worst pain today"), self.tr("0 = no pain, 10 = worst")
        )
        self.sleep = scale_spin(
            self.tr("Sleep last night"), self.tr("0 = very poor sleep, 10 = very good sleep")
        )
        self.mood = scale_spin(self.tr("Mood"), self.tr("0 = very low, 10 = very good"))
        self.confidence = scale_spin(
            self.tr("Confidence to move despite pain"),
            self.tr("0 = not confident, 10 = fully confident"),
        )
        self.work_demand = scale_spin(
            self.tr("Demands of work and daily tasks"), self.tr("0 = none, 10 = very high")
        )
        self.support = scale_spin(
            self.tr("Support from people around you"), self.tr("0 = none, 10 = a lot")
        )
        self.activity_min = OptionalSpinBox(0, MAX_ACTIVITY_MIN, panel)
        self.activity_min.setSuffix(self.tr(" min"))
        self.activity_min.setSingleStep(5)
        self.activity_min.setMinimumWidth(110)
        self.activity_min.setAccessibleName(self.tr("Active minutes today"))
        self.flare_up = QCheckBox(self.tr("This is a flare-up"), panel)
        self.flare_up.setAccessibleName(self.tr("This is a flare-up"))
        self.regions = BodyMapField(panel)
        self.tags = QLineEdit(panel)
        self.tags.setPlaceholderText(self.tr("e.g. sitting, work, walking"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setAccessibleDescription(self.tr("Separate tags with commas."))
        self.tag_completer = TagCompleter(self.tags)
        self.tags.setCompleter(self.tag_completer)
        self.medication = MedicationEditor(panel)
        self.note = QPlainTextEdit(panel)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Anything you want to remember about today"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMinimumHeight(90)
        self.note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.note_counter = QLabel(panel)
        self.note_counter.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.for_physio = QCheckBox(self.tr("For my physiotherapist"), panel)
        self.for_physio.setAccessibleName(self.tr("For my physiotherapist"))
        self.for_physio.setToolTip(self.tr("Marks this entry for the report you take along."))

        scales = QFormLayout()
        scales.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        # A long Dutch label goes above its field rather than widening the form (issue 17).
        scales.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        scales.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self._labels: dict[str, str] = {}
        rows: list[tuple[str, str, QWidget]] = [
            ("at", self.tr("&When"), self.when),
            ("worst_pain", self.tr("Worst pa&in today"), self.worst_pain),
            ("sleep", self.tr("S&leep last night"), self.sleep),
            ("mood", self.tr("M&ood"), self.mood),
            ("confidence", self.tr("&Confidence to move"), self.confidence),
            ("work_demand", self.tr("Wor&k demands"), self.work_demand),
            ("support", self.tr("Support fro&m others"), self.support),
            ("activity_min", self.tr("&Active minutes"), self.activity_min),
        ]
        add_labelled_rows(scales, [(text, widget) for _field, text, widget in rows], panel)
        for field, text, _widget in rows:
            self._labels[field] = text.replace("&", "")
        hint = hint_label(self.tr("All of these are optional: 0 is low, 10 is high."), panel)

        tags_label = QLabel(self.tr("&Tags"), panel)
        tags_label.setBuddy(self.tags)
        med_label = QLabel(self.tr("Medicine taken"), panel)
        note_label = QLabel(self.tr("&Note"), panel)
        note_label.setBuddy(self.note)
        note_header = QHBoxLayout()
        note_header.addWidget(note_label)
        note_header.addStretch(1)
        note_header.addWidget(self.note_counter)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(hint)
        layout.addLayout(scales)
        layout.addWidget(self.flare_up)
        layout.addSpacing(4)
        layout.addWidget(self.regions)
        layout.addSpacing(4)
        layout.addWidget(tags_label)
        layout.addWidget(self.tags)
        layout.addSpacing(4)
        layout.addWidget(med_label)
        layout.addWidget(self.medication)
        layout.addSpacing(4)
        layout.addLayout(note_header)
        layout.addWidget(self.note)
        layout.addWidget(self.for_physio)

        self._labels.update(
            {
                "pain": self.tr("Pain"),
                "stress": self.tr("Stress"),
                "flare_up": self.tr("Flare-up"),
                "regions": self.tr("Where it hurts"),
                "tags": self.tr("Tags"),
                "medication": self.tr("Medicine"),
                "note": self.tr("Note"),
                "for_physio": self.tr("For my physiotherapist"),
            }
        )

    def _apply_tab_order(self) -> None:
        # Reading order, top to bottom; medicine rows are created later and would
        # otherwise be reached only after Save.
        chain: list[QWidget] = [
            self.pain,
            self.stress,
            self.more_button,
            self.when,
            self.worst_pain,
            self.sleep,
            self.mood,
            self.confidence,
            self.work_demand,
            self.support,
            self.activity_min,
            self.flare_up,
            *self.regions.map.tab_chain(),
            self.tags,
            *self.medication.focus_order(),
            self.note,
            self.for_physio,
            self.cancel_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_more_toggled(self, shown: bool) -> None:
        self.more_panel.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.more_button.setText(self.tr("Fewer &details") if shown else self.tr("&More details"))
        self._name_more_button()

    def _name_more_button(self) -> None:
        """Named as it reads now ("Fewer details" when open): voice control users say what
        they see, and a screen reader's name must start with it in every language."""
        button = self.more_button
        button.setAccessibleName(without_mnemonic(button.text()))
        button.setAccessibleDescription(
            self.tr("Hides the optional questions.")
            if button.isChecked()
            else self.tr(
                "Shows the optional questions: sleep, mood, where it hurts, tags, medicine, "
                "a note and more."
            )
        )

    def _update_note_counter(self) -> None:
        self.note_counter.setText(note_count_text(len(self.note.toPlainText()), MAX_NOTE_CHARS))

    # -- reading and writing the form --------------------------------------------------------

    def show_more(self, shown: bool = True) -> None:
        self.more_button.setChecked(shown)

    def is_complete(self) -> bool:
        """Pain and stress are the only answers needed to save."""
        return self.pain.value() is not None and self.stress.value() is not None

    def chosen_datetime(self) -> datetime:
        """The moment in the When field; in a repeated hour, the loaded entry's one."""
        return from_qdatetime(self.when.dateTime(), self._loaded_at)

    def set_datetime(self, at: datetime) -> None:
        self.when.blockSignals(True)
        self.when.setDateTime(to_qdatetime(at))
        self.when.blockSignals(False)

    def values(self) -> dict[str, Any]:
        """The answers as DiaryEntry fields, without `at` (the controller decides that)."""
        return {
            "pain": self.pain.value(),
            "stress": self.stress.value(),
            "worst_pain": self.worst_pain.optional_value(),
            "sleep": self.sleep.optional_value(),
            "mood": self.mood.optional_value(),
            "confidence": self.confidence.optional_value(),
            "work_demand": self.work_demand.optional_value(),
            "support": self.support.optional_value(),
            "activity_min": self.activity_min.optional_value(),
            "flare_up": self.flare_up.isChecked(),
            "tags": self._tag_values(),
            "regions": self.regions.regions(),
            "medication": self.medication.medications(),
            "note": self.note.toPlainText().strip(),
            "for_physio": self.for_physio.isChecked(),
        }

    def _tag_values(self) -> tuple[str, ...]:
        loaded, shown = self._loaded_tags
        if self.tags.text() == shown:
            return loaded  # as stored, whatever commas its tags hold
        return split_tags(self.tags.text(), loaded)

    def load(self, entry: DiaryEntry) -> None:
        """Show `entry` in the form, unfolding "More details" when it uses them."""
        self.pain.setValue(entry.pain)
        self.stress.setValue(entry.stress)
        self.worst_pain.set_optional_value(entry.worst_pain)
        self.sleep.set_optional_value(entry.sleep)
        self.mood.set_optional_value(entry.mood)
        self.confidence.set_optional_value(entry.confidence)
        self.work_demand.set_optional_value(entry.work_demand)
        self.support.set_optional_value(entry.support)
        self.activity_min.set_optional_value(entry.activity_min)
        self.flare_up.setChecked(entry.flare_up)
        self.tags.setText(", ".join(entry.tags))
        self._loaded_tags = (entry.tags, self.tags.text())
        self._loaded_at = entry.at
        self.regions.set_regions(entry.regions)
        self.medication.set_medications(entry.medication)
        self.note.setPlainText(entry.note)
        self.for_physio.setChecked(entry.for_physio)
        self.set_datetime(entry.at)

    def clear(self, now: datetime) -> None:
        """Empty every answer and set the date to `now`; "More details" keeps its state."""
        self.pain.clear()
        self.stress.clear()
        for spin in (
            self.worst_pain,
            self.sleep,
            self.mood,
            self.confidence,
            self.work_demand,
            self.support,
            self.activity_min,
        ):
            spin.clear_value()
        self.flare_up.setChecked(False)
        self.tags.clear()
        self._loaded_tags = ((), "")
        self._loaded_at = None
        self.regions.clear()
        self.medication.clear()
        self.note.clear()
        self.for_physio.setChecked(False)
        self.set_datetime(now)
        self.hide_message()

    def field_label(self, field: str) -> str:
        """The label a person sees for a DiaryEntry field name such as "medication[1].name"."""
        match = _MEDICATION_FIELD.match(field)
        if match:
            return self.tr("Medicine %1").replace("%1", str(int(match.group(1)) + 1))
        return self._labels.get(field, field)

    def field_widget(self, field: str) -> QWidget | None:
        """The widget to focus for a field named in a validation error."""
        match = _MEDICATION_FIELD.match(field)
        if match:
            row = self.medication.row_for_index(int(match.group(1)))
            if row is None:
                return self.medication
            return row.dose if field.endswith(".dose") else row.name
        widget = getattr(self, "when" if field == "at" else field, None)
        return widget if isinstance(widget, QWidget) else None

    def show_message(self, text: str) -> None:
        # Shown and said: the focus stays where it was, so it would be heard by nobody.
        show_form_message(self.message, text)

    def hide_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)

    def set_edit_mode(self, title: str | None) -> None:
        """`title` names the entry being changed; None returns to a new entry."""
        editing = title is not None
        self.title.setText(title if title is not None else self.tr("How are you right now?"))
        self.cancel_button.setVisible(editing)
        self.save_button.setText(self.tr("Save changes") if editing else self.tr("Save entry"))
        self.save_button.setAccessibleName(self.save_button.text())
