"""The Report page's layout: options, and a preview of the PDF's pages beside or below them."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QDate, QEvent, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
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
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.page_layout import page_title, set_page_margins
from rugdiary.ui.theme import primary_button_style
from rugdiary.ui.widgets.date_edits import date_range
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

try:  # QtPdf comes with PySide6-Addons; a trimmed bundle may lack it, and the page still works.
    from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False

PERIODS: tuple[str, ...] = ("4w", "3m", "custom")
"""Period choices in the combo box, in order: last 4 weeks, last 3 months, chosen dates."""

FORM_MAX_WIDTH = 560
"""Widest the form grows: beyond it its fields only spread the same few words."""
PREVIEW_MIN_WIDTH = 600
"""Narrowest the preview is shown beside the form: an A4 page about 70 % of its printed
size, its 10-point text near 7 points. A narrower page puts the preview below the form."""
PREVIEW_MIN_HEIGHT = 320
"""The preview below the form is never shorter than this, even in a very low window."""
PREVIEW_GAP = 12
"""Room between the form and the preview below it."""
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's "no limit" for a widget's size (PySide6 does not export it)."""

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
        set_page_margins(form_layout, bottom=0)
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
        # In a narrow window (or at a large text size) a field goes below its label
        # instead of widening the window past its minimum size.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.period = QComboBox(options)
        self.period.addItem(self.tr("Last 4 weeks"), "4w")
        self.period.addItem(self.tr("Last 3 months"), "3m")
        self.period.addItem(self.tr("Choose dates"), "custom")
        form.addRow(self.tr("&Period:"), self.period)
        dates, self.from_date, self.to_date = date_range(options, self.tr("From"), self.tr("To"))
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
        # The other formats are a menu away; here is where someone looking for them is.
        other_formats = QLabel(
            self.tr("Does your physiotherapist want a spreadsheet or a FHIR file instead?"),
            options,
        )
        other_formats.setWordWrap(True)
        # Alt+D: Alt+E is the Edit menu's.
        self.export_data_button = QPushButton(self.tr("Export my &data…"), options)
        other_row = QHBoxLayout()
        other_row.addWidget(other_formats, 1)
        other_row.addWidget(self.export_data_button, 0, Qt.AlignmentFlag.AlignVCenter)
        form_layout.addLayout(other_row)
        # Spare height goes below these, not into gaps between the fields.
        form_layout.addStretch(1)

        # Under the form, outside its scrolling: in a small window the form scrolls, and
        # "Save as PDF…" and how the report is coming along stay in view.
        footer = QWidget(self)
        footer_layout = QVBoxLayout(footer)
        set_page_margins(footer_layout, top=10)
        footer_layout.setSpacing(10)
        busy_row = QHBoxLayout()
        self.busy = QProgressBar(footer)
        self.busy.setRange(0, 0)  # indeterminate: building takes a moment, never minutes
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(self.tr("Preparing the report"))
        self.status = QLabel(footer)
        self.status.setWordWrap(True)
        busy_row.addWidget(self.busy, 1)
        footer_layout.addLayout(busy_row)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        # Below the form the preview is out of sight until scrolled to: this says it is there
        # and goes to it (the keyboard too). Shown only while the preview lies below.
        self.show_preview_button = QPushButton(self.tr("Show the p&review"), footer)
        self.show_preview_button.clicked.connect(self.scroll_to_preview)
        self.show_preview_button.hide()
        status_row.addWidget(self.show_preview_button, 0, Qt.AlignmentFlag.AlignVCenter)
        footer_layout.addLayout(status_row)
        self.set_busy(False)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save as PDF…"), footer)
        self.save_button.setDefault(True)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setStyleSheet(primary_button_style())
        self.open_button = QPushButton(self.tr("&Open in PDF viewer"), footer)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        footer_layout.addLayout(buttons)

        scroll = QScrollArea(self)
        # The form, and under it the preview when the page is too narrow to show both side
        # by side (see _arrange).
        self._scrolled = QWidget(scroll)
        self._scrolled_layout = QVBoxLayout(self._scrolled)
        self._scrolled_layout.setContentsMargins(0, 0, 0, 0)
        self._scrolled_layout.setSpacing(PREVIEW_GAP)
        self._scrolled_layout.addWidget(options)
        scroll.setWidget(self._scrolled)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        quiet_scroll_area(scroll)
        self._scroll = scroll
        # Wide enough for the form at the user's text size; the preview takes the rest. The
        # form's minimum, not its preferred width: a long status line wraps instead of
        # widening the window past its minimum size.
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        needed = max(
            options.minimumSizeHint().width() + scrollbar, footer.minimumSizeHint().width()
        )
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The form keeps its width when the preview goes below it: fields as wide as the
        # page would only spread the same few words.
        self._form_width = min(max(340, needed), FORM_MAX_WIDTH)
        options.setMaximumWidth(FORM_MAX_WIDTH)
        footer.setMaximumWidth(FORM_MAX_WIDTH)
        self._column = QWidget(self)
        self._column.setMinimumWidth(self._form_width)
        self._column.setMaximumWidth(FORM_MAX_WIDTH)
        column_layout = QVBoxLayout(self._column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(scroll, 1)
        column_layout.addWidget(footer)

        self.preview = self._make_preview()
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self._column)
        self._layout.addWidget(self.preview, 1)
        self.preview_below = False
        """True while the preview lies under the form, in its scrolling (a narrow page)."""
        scroll.viewport().installEventFilter(self)
        # Where the keyboard starts when this page is opened (a focus proxy would
        # send Tab from the last control back to the first, trapping keyboard users).
        self.initial_focus: QWidget = self.period

    def _arrange(self, width: int) -> None:
        """Preview beside the form when it gets PREVIEW_MIN_WIDTH there, else below the form.

        Beside a form at a small window's width the A4 page was 173 pixels wide, its text
        under 2 points: nobody could read it. Below the form it gets the page's whole width
        and one screen's height, and scrolls through its pages there.
        """
        below = width - self._form_width < PREVIEW_MIN_WIDTH
        if below == self.preview_below:
            return
        self.preview_below = below
        # Moving the preview takes the keyboard from it; it gets it back below.
        focused = QApplication.focusWidget()
        keep = focused if focused is self.preview or self.preview.isAncestorOf(focused) else None
        if below:
            self._layout.removeWidget(self.preview)
            self._column.setMaximumWidth(QWIDGETSIZE_MAX)
            self._scrolled_layout.addWidget(self.preview)
            self._fit_preview_height()
            self.show_preview_button.show()
        else:
            self.show_preview_button.hide()
            self._scrolled_layout.removeWidget(self.preview)
            self.preview.setMinimumHeight(0)
            self.preview.setMaximumHeight(QWIDGETSIZE_MAX)
            self._column.setMaximumWidth(FORM_MAX_WIDTH)
            self._layout.addWidget(self.preview, 1)
        self.preview.show()
        if keep is not None:
            keep.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_preview_height(self) -> None:
        """Below the form the preview is exactly as tall as the scrolling's view, so scrolled
        down it fills the view and its own pages scroll inside it."""
        if self.preview_below:
            self.preview.setFixedHeight(max(PREVIEW_MIN_HEIGHT, self._scroll.viewport().height()))

    def scroll_to_preview(self) -> None:
        """Scroll the preview below the form into view and give it the keyboard, so the arrow
        keys and Page Down go through its pages."""
        if not self.preview_below:
            return
        self._scroll.ensureWidgetVisible(self.preview, 0, 0)
        self.preview_stack.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def _make_preview(self) -> QWidget:
        """The preview: a calm "Preparing the preview…" panel until the first report is ready,
        then the PDF's pages."""
        self._buffer: QBuffer | None = None
        self._first_page_drawn = False
        self.preview_stack = QStackedWidget(self)
        self.preview_stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.placeholder = self._make_placeholder()
        self.preview_stack.addWidget(self.placeholder)
        if not HAVE_QTPDF:
            label = QLabel(
                self.tr("A preview is not available here. Save the report or open it instead."),
                self,
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.document = None
            self.pdf_view: QWidget = label
        else:
            self.document = QPdfDocument(self)
            view = QPdfView(self)
            view.setDocument(self.document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(12)
            view.setAccessibleName(self.tr("Preview of the report"))
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            # QPdfView draws pages from images its renderer makes in another thread; knowing
            # when page 1 has arrived lets a screenshot wait for it instead of catching a
            # blank page. A new size or document asks for new images.
            renderer = view.findChild(QPdfPageRenderer)
            if renderer is not None:
                renderer.pageRendered.connect(self._on_page_rendered)
            view.installEventFilter(self)
            self.pdf_view = view
        self.preview_stack.addWidget(self.pdf_view)
        return self.preview_stack

    def _make_placeholder(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("previewPlaceholder")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        self.placeholder_label = QLabel(self.tr("Preparing the preview…"), panel)
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        self.placeholder_busy = QProgressBar(panel)
        self.placeholder_busy.setRange(0, 0)  # indeterminate, like the bar beside the form
        self.placeholder_busy.setTextVisible(False)
        self.placeholder_busy.setMaximumHeight(8)
        self.placeholder_busy.setMaximumWidth(220)
        self.placeholder_busy.setAccessibleName(self.tr("Preparing the preview"))
        layout.addWidget(self.placeholder_label)
        layout.addWidget(self.placeholder_busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return panel

    def _on_page_rendered(self, page: int, _size: QSize, _image: QImage, *_rest: object) -> None:
        if page == 0:
            self._first_page_drawn = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pdf_view and event.type() == QEvent.Type.Resize:
            self._first_page_drawn = False  # FitToWidth: the pages are drawn again
        elif watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_preview_height()
        return super().eventFilter(watched, event)

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

    def show_preview_failed(self, message: str) -> None:
        """Before any preview was shown: say so in the preview's place, calmly, no bar."""
        if self.preview_stack.currentWidget() is self.placeholder:
            self.placeholder_label.setText(message)
            self.placeholder_busy.hide()

    def preview_drawing(self) -> bool:
        """True while the shown preview's first page is still being drawn (its image is made
        in QPdfView's renderer thread), so a screenshot can wait for it."""
        if self.document is None or self.document.pageCount() == 0:
            return False
        if not self.pdf_view.isVisible() or self.pdf_view.visibleRegion().isEmpty():
            # Nothing is drawn for a hidden page, or for a preview scrolled out of view
            # below the form; nobody waits for it.
            return False
        return not self._first_page_drawn

    def show_pdf(self, data: bytes) -> None:
        """Show `data` in the preview; the buffer is kept because QPdfDocument reads it lazily."""
        self.preview_stack.setCurrentWidget(self.pdf_view)
        if self.document is None:
            return
        self._first_page_drawn = False
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
