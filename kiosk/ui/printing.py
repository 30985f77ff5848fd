"""Printing the visitor's summary: the very PDF bytes they previewed, rendered page by page by
QtPdf into Qt's print pipeline (QPrinter), off the UI thread.

``Printer`` is the small interface the summary screen talks to; ``QtPrinter`` is the real one (a
system printer, or a PDF file for tests and the self-test); tests of the screen's messages use a
double that fails on demand.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

logger = logging.getLogger(__name__)
PRINT_DPI = 300  # sharp text and QR codes; 1200 dpi took seconds a page for no visible gain


class PrintProblem(StrEnum):
    NO_PRINTER = "no_printer"
    OFFLINE = "offline"
    FAILED = "failed"


class PrintFailed(Exception):
    def __init__(self, problem: PrintProblem, detail: str = "") -> None:
        super().__init__(detail or problem.value)
        self.problem = problem


class Printer(Protocol):
    def problem(self) -> PrintProblem | None:
        """Why printing cannot start now, or None when the printer is ready."""
        ...

    def print_pdf(self, pdf: bytes, progress: Callable[[int, int], None]) -> None:
        """Print every page of ``pdf``, calling ``progress(done, total)`` after each page.
        Runs on a worker thread; raises PrintFailed."""
        ...


@functools.cache
def _pdfium_keeper() -> QPdfDocument:
    """An empty document kept for the process's life. QtPdf starts PDFium with the first
    QPdfDocument and shuts it down with the last, and each start after a shutdown leaks some
    25 KB and 4 to 8 memory mappings (a Linux process may have 65,530): with a summary a
    visitor, the kiosk grew without end. With this one always there, PDFium starts once."""
    return QPdfDocument()


def pdf_document(pdf: bytes) -> QPdfDocument:
    """A QtPdf document over ``pdf`` (the buffer is parented to it, so lives as long)."""
    _pdfium_keeper()
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


class QtPrinter:
    """The configured system printer (empty name: the default one), or a PDF file."""

    def __init__(self, printer_name: str = "", *, output_file: Path | None = None) -> None:
        self.printer_name = printer_name
        self.output_file = output_file

    def _info(self) -> QPrinterInfo:
        if self.printer_name:
            return QPrinterInfo.printerInfo(self.printer_name)
        return QPrinterInfo.defaultPrinter()

    def problem(self) -> PrintProblem | None:
        if self.output_file is not None:
            return None
        info = self._info()
        if info.isNull():
            return PrintProblem.NO_PRINTER
        if info.state() == QPrinter.PrinterState.Error:
            return PrintProblem.OFFLINE
        return None

    def print_pdf(self, pdf: bytes, progress: Callable[[int, int], None]) -> None:
        problem = self.problem()
        if problem is not None:
            raise PrintFailed(problem)
        document = pdf_document(pdf)
        try:
            if document.status() != QPdfDocument.Status.Ready:
                raise PrintFailed(PrintProblem.FAILED, "the summary PDF could not be read")
            self._print(document, progress)
        finally:
            document.close()  # no deleteLater: worker threads have no event loop to run it

    def _printer(self) -> QPrinter:
        if self.output_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
        else:
            printer = QPrinter(self._info(), QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName("VPAS summary")
        printer.setFullPage(True)  # the PDF has its own margins
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        return printer

    def _print(self, document: QPdfDocument, progress: Callable[[int, int], None]) -> None:
        printer = self._printer()
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(PrintProblem.FAILED, "the printer refused the job")
        total = document.pageCount()
        try:
            for page in range(total):
                if page and not printer.newPage():
                    raise PrintFailed(PrintProblem.FAILED, "the printer stopped mid-job")
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(target), document.render(page, target.size()))
                progress(page + 1, total)
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailed(PrintProblem.FAILED, "the printer reported an error")
        # Qt's PDF output ignores write errors: a file that went or filled up would pass.
        if self.output_file is not None and not _has_content(self.output_file):
            raise PrintFailed(PrintProblem.FAILED, "the pages never reached the file")


def _has_content(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


class PrintJob(QObject):
    """One print run on a worker thread; its signals arrive on the UI thread, and once it has
    ended the job deletes itself (as kiosk.ui.background.BackgroundTask)."""

    progressed = Signal(int, int)  # pages done, pages in all
    succeeded = Signal()
    failed = Signal(str)  # a PrintProblem value
    _ended = Signal(object)  # None, or a PrintProblem value: queued to the job's own thread

    def __init__(self, printer: Printer, pdf: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.pdf = pdf
        self._ended.connect(self._report)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            self.printer.print_pdf(self.pdf, self.progressed.emit)
        except PrintFailed as error:
            self._ended.emit(error.problem.value)
        except Exception:  # a driver's surprise must not take the kiosk down
            logger.exception("Printing the summary failed")
            self._ended.emit(PrintProblem.FAILED.value)
        else:
            self._ended.emit(None)

    @Slot(object)
    def _report(self, problem: str | None) -> None:
        if problem is None:
            self.succeeded.emit()
        else:
            self.failed.emit(problem)
        self.deleteLater()
