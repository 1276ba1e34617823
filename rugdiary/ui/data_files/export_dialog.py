"""Export my data: which kind of file and which days, chosen before a file name is asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rugdiary.core.diary import MIN_YEAR
from rugdiary.ui.widgets.date_edits import date_range

SUFFIXES = {"entries_csv": ".csv", "sessions_csv": ".csv", "json": ".json", "fhir": ".json"}
"""Each kind of export (exchange.EXPORT_KINDS, in the dialog's order) and its file suffix."""

_PERIOD_DAYS = {"4w": 28, "3m": 91, "12m": 365}
"""Each period's days, ending today: as the report counts 4 weeks and 3 months."""


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the person chose: the kind of file and its days (None: from or to the end)."""

    kind: str
    start: date | None = None
    end: date | None = None
    period: str = "all"
    """The period as chosen ("all", "4w", "3m", "12m", "custom"): the next export offers it."""

    @property
    def suffix(self) -> str:
        return SUFFIXES[self.kind]


def period_days(
    period: str, today: date, custom: tuple[date, date]
) -> tuple[date | None, date | None]:
    """The first and last day of a period choice; "all" has neither, so an entry typed
    with a later date than today is exported too."""
    if period == "all":
        return None, None
    if period in _PERIOD_DAYS:
        return today - timedelta(days=_PERIOD_DAYS[period] - 1), today
    first, last = custom
    return (first, last) if first <= last else (last, first)


def _kind_texts() -> dict[str, tuple[str, str]]:
    """Each kind's button text and the line under it that says what it is for."""
    return {
        "entries_csv": (
            QCoreApplication.translate("DataExportDialog", "&Spreadsheet of my diary (CSV)"),
            QCoreApplication.translate(
                "DataExportDialog", "One row per entry, for Excel, LibreOffice or Numbers."
            ),
        ),
        "sessions_csv": (
            QCoreApplication.translate(
                "DataExportDialog", "Spreadsheet of my e&xercise sessions (CSV)"
            ),
            QCoreApplication.translate(
                "DataExportDialog",
                "One row per session: the program, how long, and how your back felt.",
            ),
        ),
        "json": (
            QCoreApplication.translate("DataExportDialog", "&Complete copy (JSON)"),
            QCoreApplication.translate(
                "DataExportDialog",
                "Everything in RugDiary. It can be imported again, on this computer or "
                "another one.",
            ),
        ),
        "fhir": (
            QCoreApplication.translate("DataExportDialog", "For a &health record system (FHIR)"),
            QCoreApplication.translate(
                "DataExportDialog",
                "Pain, stress and where it hurts, in the format practice and hospital "
                "systems read.",
            ),
        ),
    }


class DataExportDialog(QDialog):
    """Asks what to export; `choice()` reads the answer once the dialog is accepted."""

    def __init__(
        self, today: date, parent: QWidget | None = None, last: ExportChoice | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dataExportDialog")
        self.setWindowTitle(QCoreApplication.translate("DataExportDialog", "Export my data"))
        self._today = today
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        intro = QLabel(
            QCoreApplication.translate(
                "DataExportDialog",
                "Make a file of your diary: to keep, to open in a spreadsheet, or to give "
                "to your physiotherapist. RugDiary writes it only where you choose and "
                "never sends it anywhere.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        kind_title = QLabel(
            QCoreApplication.translate("DataExportDialog", "What kind of file?"), self
        )
        kind_font = kind_title.font()
        kind_font.setBold(True)
        kind_title.setFont(kind_font)
        layout.addWidget(kind_title)
        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind, (text, why) in _kind_texts().items():
            button = QRadioButton(text, self)
            button.setObjectName(f"exportKind_{kind}")
            button.setAccessibleDescription(why)
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            note = QLabel(why, self)
            note.setWordWrap(True)
            # Under its button's text, not under the round mark.
            style = button.style()
            note.setIndent(
                style.pixelMetric(style.PixelMetric.PM_ExclusiveIndicatorWidth)
                + style.pixelMetric(style.PixelMetric.PM_RadioButtonLabelSpacing)
            )
            pair = QVBoxLayout()
            pair.setSpacing(0)
            pair.addWidget(button)
            pair.addWidget(note)
            layout.addLayout(pair)
        self.kind_buttons["entries_csv"].setChecked(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.period = QComboBox(self)
        self.period.setObjectName("exportPeriod")
        for code, text in (
            ("all", QCoreApplication.translate("DataExportDialog", "Everything")),
            ("4w", QCoreApplication.translate("DataExportDialog", "Last 4 weeks")),
            ("3m", QCoreApplication.translate("DataExportDialog", "Last 3 months")),
            ("12m", QCoreApplication.translate("DataExportDialog", "Last 12 months")),
            ("custom", QCoreApplication.translate("DataExportDialog", "Choose dates")),
        ):
            self.period.addItem(text, code)
        form.addRow(QCoreApplication.translate("DataExportDialog", "&Period:"), self.period)
        dates, self.from_date, self.to_date = date_range(
            self,
            QCoreApplication.translate("DataExportDialog", "From"),
            QCoreApplication.translate("DataExportDialog", "To"),
        )
        today_q = QDate(today.year, today.month, today.day)
        for edit in (self.from_date, self.to_date):
            edit.setMinimumDate(QDate(MIN_YEAR, 1, 1))
            edit.setMaximumDate(today_q)
        # "Everything" has no first day to show: the field says so in words instead.
        self.from_date.setSpecialValueText(
            QCoreApplication.translate("DataExportDialog", "first day")
        )
        self._custom = (today - timedelta(days=27), today)
        """The dates last chosen under "Choose dates", shown again when it is chosen again."""
        form.addRow(QCoreApplication.translate("DataExportDialog", "Dates:"), dates)
        layout.addLayout(form)
        if last is not None:
            # The same kind and days as the last export: a monthly spreadsheet for the
            # physiotherapist is the same choice each time.
            self.kind_buttons[last.kind].setChecked(True)
            self.period.setCurrentIndex(max(0, self.period.findData(last.period)))
            if last.period == "custom" and last.start is not None and last.end is not None:
                self._custom = (last.start, last.end)
        self._shown_period = ""
        self._update_dates()
        self.period.currentIndexChanged.connect(self._update_dates)

        self.health_note = QLabel(
            QCoreApplication.translate(
                "DataExportDialog",
                "The file holds health data. Keep it private and share it only with people "
                "you choose.",
            ),
            self,
        )
        self.health_note.setWordWrap(True)
        layout.addWidget(self.health_note)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            QCoreApplication.translate("DataExportDialog", "Export…"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.kind_buttons[self.kind()].setFocus()
        # As tall as its wrapped lines need at this width. The size hint is for the
        # narrowest width, so it is too tall here; too short, the lines lose their ends.
        width = max(520, self.sizeHint().width())
        height = self.heightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def _update_dates(self, *_args: object) -> None:
        """The greyed dates show the chosen period's days (period_days); "Choose dates"
        gives back the ones chosen there before."""
        if self._shown_period == "custom":
            self._custom = (_day_of(self.from_date), _day_of(self.to_date))
        period = str(self.period.currentData())
        self._shown_period = period
        custom = period == "custom"
        start, end = period_days(period, self._today, self._custom)
        self.from_date.setDate(_qdate(start) if start else self.from_date.minimumDate())
        self.to_date.setDate(_qdate(end or self._today))
        self.from_date.setEnabled(custom)
        self.to_date.setEnabled(custom)

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def choice(self) -> ExportChoice:
        period = str(self.period.currentData())
        custom = (_day_of(self.from_date), _day_of(self.to_date))
        start, end = period_days(period, self._today, custom)
        return ExportChoice(self.kind(), start, end, period)


def _day_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
