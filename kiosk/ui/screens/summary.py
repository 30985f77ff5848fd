"""My summary: the visitor's PDF previewed page by page, a Print button, and QR codes to take the
PDF away on a phone (served on the booth network). Without that network the kiosk says so: the
visitor can print, and the one code left opens the ImmD page the leaflet prints.

The PDF is built and its preview rendered on a worker thread; printing runs on one too. What is
previewed, printed and downloaded are the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog import Catalog
from kiosk.share import ShareError, wifi_qr_payload
from kiosk.staff_alerts import AlertKind
from kiosk.summary import OfficialLink, SummaryRequest, immd_link
from kiosk.ui.background import BackgroundTask
from kiosk.ui.printing import PrintJob, PrintProblem, pdf_document
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import PAGE_MARGIN, Screen
from kiosk.ui.widgets.common import button, card, clear_layout, label, svg_icon
from kiosk.ui.widgets.qr_code import QrCode
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

WIDE_MIN_ASPECT = 1.0  # wider than tall: preview beside the actions, else above them
QR_SIDE = 260


@dataclass(frozen=True)
class SummaryDocument:
    request: SummaryRequest
    pdf: bytes
    pages: tuple[QImage, ...]  # the preview, rendered from the PDF itself


def make_summary(
    catalog: Catalog, request: SummaryRequest, links: tuple[OfficialLink, ...], page_width: int
) -> SummaryDocument:
    """Build the PDF and render its preview (on a worker thread)."""
    from kiosk.summary_pdf import build_summary_pdf  # reportlab: loaded when first needed

    pdf = build_summary_pdf(catalog, request, links)
    document = pdf_document(pdf)
    try:
        pages = []
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            height = round(page_width * points.height() / points.width())
            pages.append(_on_paper(document.render(page, QSize(page_width, height))))
    finally:
        document.close()
    return SummaryDocument(request, pdf, tuple(pages))


def _on_paper(image: QImage) -> QImage:
    """QtPdf leaves unprinted areas transparent; on screen the page should look like paper."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


class SummaryScreen(Screen):
    screen_id = ScreenId.SUMMARY

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.document: SummaryDocument | None = None
        self.share_url = ""
        self._building: BackgroundTask | None = None
        self._printing: PrintJob | None = None
        self._status: tuple[str, ...] = ()  # what the print card says, re-worded on retranslate

        self.layout_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.layout_box.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN)
        self.layout_box.setSpacing(PAGE_MARGIN)

        pages = QWidget()
        pages.setObjectName("summaryPages")
        self.pages = QVBoxLayout(pages)
        self.pages.setSpacing(24)
        self.pages.setContentsMargins(24, 24, 24, 24)
        self.preview_note = label("", "subtitle")
        self.pages.addWidget(self.preview_note)
        self.page_images = QVBoxLayout()
        self.page_images.setSpacing(24)
        self.pages.addLayout(self.page_images)
        self.pages.addStretch(1)
        self.preview = TouchScrollArea(pages)
        self.preview.setObjectName("summaryPreview")

        actions = QWidget()
        self.action_content = actions
        column = QVBoxLayout(actions)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        self.heading = label("", "title")
        column.addWidget(self.heading)

        print_card, print_layout = card()
        self.print_button = button("", "primary", svg_icon("ui", "print", 48, "white"))
        self.print_button.setObjectName("printSummary")
        self.print_button.setIconSize(QSize(48, 48))
        self.print_button.clicked.connect(self.print_summary)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.print_status = label("", "body")
        self.print_status.setObjectName("printStatus")
        print_layout.addWidget(self.print_button)
        print_layout.addWidget(self.progress)
        print_layout.addWidget(self.print_status)
        column.addWidget(print_card)

        phone_card, phone_layout = card()
        self.phone_heading = label("", "section")
        phone_layout.addWidget(self.phone_heading)
        self.wifi_step = label("", "body")
        self.wifi_code = QrCode(QR_SIDE)
        self.wifi_code.setObjectName("wifiCode")
        self.share_step = label("", "body")
        self.share_code = QrCode(QR_SIDE)
        self.share_code.setObjectName("shareCode")
        # Join the Wi-Fi, then download: two codes side by side, each under its step.
        codes = QGridLayout()
        codes.setHorizontalSpacing(24)
        codes.setVerticalSpacing(12)
        for index, (step, code) in enumerate(
            ((self.wifi_step, self.wifi_code), (self.share_step, self.share_code))
        ):
            step.setWordWrap(False)  # a short caption: wrapped labels in grids lose lines
            step.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            codes.addWidget(step, 0, index, Qt.AlignmentFlag.AlignHCenter)
            codes.addWidget(code, 1, index, Qt.AlignmentFlag.AlignHCenter)
        phone_layout.addLayout(codes)
        self.share_note = label("", "body")
        self.share_note.setObjectName("shareNote")
        phone_layout.addWidget(self.share_note)
        column.addWidget(phone_card)
        self.leave_contact = button("", "secondary")
        self.leave_contact.setObjectName("leaveContact")
        self.leave_contact.clicked.connect(lambda: self.shell.leave_contact())
        column.addWidget(self.leave_contact)
        column.addStretch(1)
        self.action_panel = TouchScrollArea(actions)
        self.action_panel.setObjectName("summaryActions")

        self.layout_box.addWidget(self.preview, 3)
        self.layout_box.addWidget(self.action_panel, 2)
        shell.signals.shortlist_changed.connect(self._refresh_if_shown)
        shell.signals.language_changed.connect(self._refresh_if_shown)

    def title(self) -> str:
        return self.tr("My summary")

    # building -------------------------------------------------------------------------------
    def enter(self, **params: str) -> None:
        if self._printing is None:
            self._show_status()
            self.progress.hide()
        self._build()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self._build()

    def _preview_width(self) -> int:
        return max(320, self.preview.viewport().width() - 48)

    def _build(self) -> None:
        """Build the summary for the visitor as they are now (a new language, a changed list)."""
        request = self.shell.summary_request()
        if self.document is not None and self.document.request == request:
            return
        self.retranslate()
        self.print_button.setEnabled(False)
        self.preview_note.setText(self.tr("Preparing your summary…"))
        clear_layout(self.page_images)
        catalog, links, width = self.catalog, self.shell.official_links(), self._preview_width()
        task = BackgroundTask(lambda: make_summary(catalog, request, links, width), self)
        task.done.connect(self._show_document)
        task.failed.connect(self._build_failed)
        self._building = task
        task.start()

    def _show_document(self, document: object) -> None:
        if not isinstance(document, SummaryDocument) or self.sender() is not self._building:
            return  # a summary for an earlier state of the visitor's list or language
        self._building = None
        self.document = document
        clear_layout(self.page_images)
        for number, image in enumerate(document.pages, start=1):
            page = QLabel()
            page.setObjectName(f"summaryPage{number}")
            page.setProperty("role", "paper")
            page.setPixmap(QPixmap.fromImage(image))
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.page_images.addWidget(page)
        self._publish()
        problem = self.shell.printer.problem()
        if problem is not None and self._printing is None:
            self._show_status("problem", problem.value)
        self.retranslate()

    def _build_failed(self, _message: str) -> None:
        if self.sender() is not self._building:
            return
        self._building = None
        self.preview_note.setText(
            self.tr("Your summary could not be made. Please ask our staff at the booth.")
        )

    # taking it away -------------------------------------------------------------------------
    def _publish(self) -> None:
        """Serve this PDF on the booth network; without one, the code opens ImmD's page."""
        assert self.document is not None
        self.share_url = ""
        server = self.shell.share_server()
        if server is not None:
            try:
                self.share_url = server.publish(self.document.pdf)
            except ShareError:
                self.share_url = ""
        immd = immd_link(self.shell.official_links())
        self.share_code.set_payload(self.share_url or (immd.url if immd else ""))
        self.share_code.setVisible(bool(self.share_url or immd))
        settings = self.shell.services.settings
        wifi = bool(self.share_url and settings.booth_wifi_name)
        self.wifi_code.set_payload(
            wifi_qr_payload(
                settings.booth_wifi_name,
                settings.booth_wifi_password,
                "WPA" if settings.booth_wifi_password else "nopass",
            )
            if wifi
            else ""
        )
        self.wifi_code.setVisible(wifi)
        self.wifi_step.setVisible(wifi)

    # printing -------------------------------------------------------------------------------
    def print_summary(self) -> None:
        if self.document is None or self._printing is not None:
            return
        job = PrintJob(self.shell.printer, self.document.pdf, self)
        job.progressed.connect(self._print_progressed)
        job.succeeded.connect(self._print_succeeded)
        job.failed.connect(self._print_failed)
        self._printing = job
        self.print_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first page is done
        self.progress.show()
        self._show_status("sending")
        job.start()

    def _is_current_job(self) -> bool:
        return self._printing is not None and self.sender() is self._printing

    def _print_progressed(self, done: int, total: int) -> None:
        if self._is_current_job():
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self._show_status("printing", str(done), str(total))

    def _print_succeeded(self) -> None:
        self.shell.services.alerts.clear(AlertKind.PRINT_FAILED)
        self._print_finished("printed")

    def _print_failed(self, problem: str) -> None:
        # The printer was ready when the visitor tapped Print: staff need to look at it.
        self.shell.services.alerts.raise_alert(
            AlertKind.PRINT_FAILED, f"A visitor's summary did not print ({problem})."
        )
        self._print_finished("problem", problem)

    def _print_finished(self, *status: str) -> None:
        if self._is_current_job():
            self._printing = None
            self.progress.hide()
            self.print_button.setEnabled(True)
            self._show_status(*status)

    def _show_status(self, *status: str) -> None:
        self._status = status
        self.print_status.setText(self._status_text())

    def _status_text(self) -> str:
        if not self._status:
            return ""
        kind, *values = self._status
        if kind == "sending":
            return self.tr("Sending your summary to the printer…")
        if kind == "printing":
            return (
                self.tr("Printing page %1 of %2…").replace("%1", values[0]).replace("%2", values[1])
            )
        if kind == "printed":
            return self.tr("Printed. Please take your summary from the printer.")
        problem = PrintProblem(values[0])
        if not self.share_url:  # no code to take the summary away: only staff can help
            if problem == PrintProblem.NO_PRINTER:
                return self.tr(
                    "There is no printer at this kiosk, and it cannot send your summary to a "
                    "phone here. Please ask our staff."
                )
            if problem == PrintProblem.OFFLINE:
                return self.tr("The printer is offline. Please ask our staff.")
            return self.tr("Printing did not work. Please ask our staff.")
        if problem == PrintProblem.NO_PRINTER:
            return self.tr(
                "There is no printer at this kiosk. Scan the QR code below to take your "
                "summary on your phone."
            )
        if problem == PrintProblem.OFFLINE:
            return self.tr(
                "The printer is offline. Scan the QR code below to take your summary on your "
                "phone, or ask our staff."
            )
        return self.tr(
            "Printing did not work. Scan the QR code below to take your summary on your phone, "
            "or ask our staff."
        )

    # the visitor ----------------------------------------------------------------------------
    def reset(self) -> None:
        self.document = None
        self.share_url = ""
        self._building = None
        self._printing = None
        clear_layout(self.page_images)
        self.share_code.set_payload("")
        self.wifi_code.set_payload("")
        self._show_status()
        self.progress.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My summary"))
        self.print_button.setText(self.tr("Print my summary"))
        if self.document is not None:
            pages = len(self.document.pages)
            self.preview_note.setText(
                self.tr("%n page(s), A4: what you see is what prints.", "", pages)
            )
            self.print_button.setEnabled(self._printing is None)
        self.leave_contact.setText(self.tr("Leave your contact for a reply"))
        settings = self.shell.services.settings
        self.wifi_step.setText(self.tr("1. Join the booth Wi-Fi"))
        if self.share_url:
            self.phone_heading.setText(self.tr("Take it on your phone"))
            wifi = not self.wifi_code.isHidden()
            download = self.tr("Download your summary")
            self.share_step.setText(f"2. {download}" if wifi else download)
            note = self.tr(
                "Scan with your phone camera. The download works for %n minute(s), without "
                "the internet.",
                "",
                settings.share_minutes,
            )
            if wifi:
                note += " " + self.tr("Booth Wi-Fi: %1").replace("%1", settings.booth_wifi_name)
            self.share_note.setText(note)
        else:
            # Said as it is: no PDF on the phone; print it. The code is ImmD's page, no more.
            self.phone_heading.setText(
                self.catalog.text("summary.official_pages").get(self.language)
            )
            immd = immd_link(self.shell.official_links())
            self.share_step.setText(immd.title.get(self.language) if immd else "")
            self.share_note.setText(
                self.tr(
                    "This kiosk is not on a booth network, so it cannot send your summary to "
                    "your phone: please print it. The code opens the Immigration Department's "
                    "VPAS page."
                )
            )
        self.print_status.setText(self._status_text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= self.height() * WIDE_MIN_ASPECT
        # Landscape: the preview beside the actions. Portrait: the actions whole on top.
        self.layout_box.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.BottomToTop
        )
        self.layout_box.setStretch(0, 3 if wide else 1)
        self.layout_box.setStretch(1, 2 if wide else 0)
        self.action_panel.setMinimumHeight(0 if wide else self.action_content.sizeHint().height())
