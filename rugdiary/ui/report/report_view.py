"""The Report page's layout: options on the left, a preview of the PDF's pages on the right."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.locale_dates import day_format
from rugdiary.ui.page_layout import page_title, set_page_margins
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

try:  # QtPdf comes with PySide6-Addons; a trimmed bundle may lack it, and the page still works.
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False

PERIODS: tuple[str, ...] = ("4w", "3m", "custom")
"""Period choices in the combo box, in order: last 4 weeks, last 3 months, chosen dates."""

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("nl", "Nederlands"))
"""Report languages with their own names, so each person recognises theirs."""


class ReportView(QWidget):
    """Choices for the report, a calm health-data notice, save/open buttons and the preview.

    The view only lays out widgets; ReportController reads them and builds the PDF.
    `firstShown` lets the controller build the first preview only when the page is opened,
    so starting the app never pays for matplotlib and fpdf2.
    """

    firstShown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPage")
        self._shown_once = False

        options = QWidget(self)
        form_layout = QVBoxLayout(options)
        set_page_margins(form_layout)
        form_layout.setSpacing(10)

        title = page_title(self.tr("Report for your physiotherapist"), options)
        title.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "A one- or two-page summary of your diary and exercise sessions, to take "
                "to your next visit."
            ),
            options,
        )
        intro.setWordWrap(True)
        form_layout.addWidget(title)
        form_layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.period = QComboBox(options)
        self.period.addItem(self.tr("Last 4 weeks"), "4w")
        self.period.addItem(self.tr("Last 3 months"), "3m")
        self.period.addItem(self.tr("Choose dates"), "custom")
        form.addRow(self.tr("&Period:"), self.period)
        self.from_date = QDateEdit(options)
        self.to_date = QDateEdit(options)
        for edit, name in ((self.from_date, self.tr("From")), (self.to_date, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(day_format(short_month=True))
            edit.setAccessibleName(name)
        dates = QWidget(options)
        dates_layout = QHBoxLayout(dates)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.addWidget(self.from_date, 1)
        dates_layout.addWidget(QLabel("–", dates))
        dates_layout.addWidget(self.to_date, 1)
        form.addRow(self.tr("Dates:"), dates)
        self.language = QComboBox(options)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        form.addRow(self.tr("&Language:"), self.language)
        self.patient_name = QLineEdit(options)
        self.patient_name.setPlaceholderText(self.tr("Optional"))
        self.patient_name.setMaxLength(120)
        form.addRow(self.tr("&Name on the report:"), self.patient_name)
        form_layout.addLayout(form)

        self.appendix = QCheckBox(self.tr("Add every entry as an appendix"), options)
        form_layout.addWidget(self.appendix)
        questions_label = QLabel(self.tr("&Questions for your physiotherapist:"), options)
        self.questions = QPlainTextEdit(options)
        self.questions.setPlaceholderText(
            self.tr("Anything you want to ask or mention at the visit")
        )
        self.questions.setTabChangesFocus(True)
        self.questions.setMinimumHeight(90)
        # Room for a few questions; more scroll, so Save stays in view on small screens.
        self.questions.setMaximumHeight(160)
        questions_label.setBuddy(self.questions)
        form_layout.addWidget(questions_label)
        form_layout.addWidget(self.questions)

        self.health_notice = QLabel(
            self.tr(
                "This report holds health data: your pain, stress and notes. Keep the file "
                "private and share it only with people you choose."
            ),
            options,
        )
        self.health_notice.setObjectName("healthNotice")
        self.health_notice.setWordWrap(True)
        self.health_notice.setStyleSheet(
            "QLabel#healthNotice { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 6px; padding: 8px; }"
        )
        form_layout.addWidget(self.health_notice)

        busy_row = QHBoxLayout()
        self.busy = QProgressBar(options)
        self.busy.setRange(0, 0)  # indeterminate: building takes a moment, never minutes
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(self.tr("Preparing the report"))
        self.status = QLabel(options)
        self.status.setWordWrap(True)
        busy_row.addWidget(self.busy, 1)
        form_layout.addLayout(busy_row)
        form_layout.addWidget(self.status)
        self.set_busy(False)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save as PDF…"), options)
        self.save_button.setDefault(True)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setStyleSheet(primary_button_style())
        self.open_button = QPushButton(self.tr("&Open in PDF viewer"), options)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        form_layout.addLayout(buttons)
        # Spare height goes below the buttons, not into gaps between the fields.
        form_layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidget(options)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        quiet_scroll_area(scroll)
        # Wide enough for the form at the user's text size; the preview takes the rest.
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(min(max(340, options.sizeHint().width() + scrollbar), 560))
        scroll.setMaximumWidth(560)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.preview = self._make_preview()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll)
        layout.addWidget(self.preview, 1)
        # Where the keyboard starts when this page is opened (a focus proxy would
        # send Tab from the last control back to the first, trapping keyboard users).
        self.initial_focus: QWidget = self.period

    def _make_preview(self) -> QWidget:
        self._buffer: QBuffer | None = None
        if not HAVE_QTPDF:
            label = QLabel(
                self.tr("A preview is not available here. Save the report or open it instead."),
                self,
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.document = None
            return label
        self.document = QPdfDocument(self)
        view = QPdfView(self)
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setPageSpacing(12)
        view.setAccessibleName(self.tr("Preview of the report"))
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return view

    # -- state the controller sets --------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """Show the indeterminate bar while a report is being built (in a worker thread)."""
        self.busy.setVisible(busy)
        if busy:
            self.status.setText(self.tr("Preparing the report…"))

    def set_custom_dates_enabled(self, enabled: bool) -> None:
        self.from_date.setEnabled(enabled)
        self.to_date.setEnabled(enabled)

    def set_dates(self, start: QDate, end: QDate) -> None:
        for edit, value in ((self.from_date, start), (self.to_date, end)):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)

    def show_pdf(self, data: bytes) -> None:
        """Show `data` in the preview; the buffer is kept because QPdfDocument reads it lazily."""
        if self.document is None:
            return
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def preview_pages(self) -> int:
        """Pages shown in the preview (0 without QtPdf or before the first build)."""
        return 0 if self.document is None else self.document.pageCount()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.firstShown.emit()
