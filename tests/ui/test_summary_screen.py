"""My summary on screen: the preview, printing through Qt's real print pipeline, and the QR codes
that hand the same PDF to a phone over the booth network (a real HTTP client downloads it)."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pypdf
import pypdfium2
import pytest
from PIL import ImageChops
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.services import Services
from kiosk.settings import Settings
from kiosk.staff_alerts import AlertKind
from kiosk.ui.i18n import Translations
from kiosk.ui.printing import Printer, PrintFailed, PrintProblem, QtPrinter, pdf_document
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.summary import SummaryScreen
from kiosk.ui.shell import Shell
from tests.ports import free_port
from tests.qt_fixtures import tap
from tests.unit.test_summary import ANSWERS, IMMD, decoded_qr_codes, pdf_text

LIST = ["software-engineering", "culinary-arts"]


class FakePrinter:
    """A printer that reports a problem up front, or fails half-way, or waits to be released."""

    def __init__(
        self, problem: PrintProblem | None = None, fail_with: PrintProblem | None = None
    ) -> None:
        self._problem = problem
        self.fail_with = fail_with
        self.release = threading.Event()
        self.release.set()
        self.printed: list[bytes] = []

    def problem(self) -> PrintProblem | None:
        return self._problem

    def print_pdf(self, pdf: bytes, progress: Callable[[int, int], None]) -> None:
        if self._problem is not None:
            raise PrintFailed(self._problem)
        progress(1, 2)
        self.release.wait(timeout=10)
        if self.fail_with is not None:
            raise PrintFailed(self.fail_with)
        progress(2, 2)
        self.printed.append(pdf)


@pytest.fixture
def make_shell(
    themed_app: QApplication, qtbot: QtBot, services: Services
) -> Iterator[Callable[..., Shell]]:
    shells: list[Shell] = []

    def make(printer: Printer | None = None, settings: Settings | None = None) -> Shell:
        if settings is not None:
            services.settings = settings
        shell = Shell(services, Translations(), printer)
        qtbot.addWidget(shell)
        shell.resize(1920, 1080)
        shell.show()
        qtbot.waitExposed(shell)
        shell.start_visit()
        for code in LIST:
            shell.toggle_shortlist(code)
        shells.append(shell)
        return shell

    yield make
    for shell in shells:
        shell.close_services()


def open_summary(shell: Shell, qtbot: QtBot) -> SummaryScreen:
    screen = shell.screens[ScreenId.SUMMARY]
    assert isinstance(screen, SummaryScreen)
    shell.go_to(ScreenId.SHORTLIST)
    tap(qtbot, shell.screens[ScreenId.SHORTLIST].findChild(QPushButton, "openSummary"))
    qtbot.waitUntil(
        lambda: screen.document is not None and screen.document.request == shell.summary_request(),
        timeout=10_000,
    )
    return screen


def test_preview_shows_the_pages_of_the_very_pdf(
    make_shell: Callable[..., Shell], qtbot: QtBot
) -> None:
    shell = make_shell()
    shell.session.answers.update(ANSWERS)
    shell.finish_eligibility()
    screen = open_summary(shell, qtbot)
    assert screen.document is not None
    pdf = screen.document.pdf
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert 1 <= pages <= 2
    assert screen.page_images.count() == pages
    for number in range(1, pages + 1):
        page = screen.findChild(QLabel, f"summaryPage{number}")
        assert page is not None
        qtbot.waitUntil(page.isVisible)  # new rows are shown on the next pass of the loop
        assert not page.pixmap().isNull()
    text = pdf_text(pdf)
    assert "软件工程" in text and "Software Engineering" in text
    assert shell.services.catalog.text("outcome.likely_eligible.headline").zh_hans in text


def test_changing_language_or_list_rebuilds_the_summary(
    make_shell: Callable[..., Shell], qtbot: QtBot
) -> None:
    shell = make_shell()
    screen = open_summary(shell, qtbot)
    shell.set_language("en")
    qtbot.waitUntil(
        lambda: screen.document is not None and screen.document.request.language == "en"
    )
    assert "My programmes" in pdf_text(screen.document.pdf)
    shell.toggle_shortlist("maritime-studies")
    qtbot.waitUntil(
        lambda: (
            screen.document is not None
            and "maritime-studies" in screen.document.request.programme_codes
        )
    )
    assert "Maritime Studies" in pdf_text(screen.document.pdf)


def test_without_a_booth_network_it_says_print_and_offers_only_the_immd_page(
    make_shell: Callable[..., Shell], qtbot: QtBot
) -> None:
    shell = make_shell()
    screen = open_summary(shell, qtbot)
    # The page the leaflet prints, exactly: nothing of the visitor's list rides along.
    assert screen.share_code.payload == IMMD
    assert screen.share_code.isVisible() and screen.wifi_code.isHidden()
    assert screen.share_step.text() == "香港入境事务处 VPAS 网页"
    assert screen.phone_heading.text() == "官方网页"  # not "take it on your phone"
    note = screen.share_note.text()
    assert "本机未连接展位网络" in note and "打印" in note and "入境事务处" in note
    assert "VTC" not in note and "职业训练局" not in note and "课程" not in note
    shell.set_language("en")
    qtbot.waitUntil(lambda: "booth network" in screen.share_note.text())
    assert "print it" in screen.share_note.text() and "programmes" not in screen.share_note.text()


def test_on_the_booth_network_a_phone_downloads_the_same_pdf(
    make_shell: Callable[..., Shell], qtbot: QtBot
) -> None:
    settings = replace(
        Settings(),
        booth_address="127.0.0.1",
        booth_port=free_port(),
        booth_wifi_name="VTC Booth; 2F",
        booth_wifi_password="vpas:2026",
    )
    shell = make_shell(settings=settings)
    screen = open_summary(shell, qtbot)
    assert screen.document is not None
    url = screen.share_code.payload
    assert url.startswith(f"http://127.0.0.1:{settings.booth_port}/s/")
    response = httpx.get(url)
    assert response.status_code == 200
    assert response.content == screen.document.pdf
    assert response.headers["content-type"] == "application/pdf"
    assert httpx.get(url[:-1] + ("A" if url[-1] != "A" else "B")).status_code == 404
    assert httpx.get(f"http://127.0.0.1:{settings.booth_port}/").status_code == 404
    assert screen.wifi_code.isVisible()
    assert screen.wifi_code.payload == r"WIFI:T:WPA;S:VTC Booth\; 2F;P:vpas\:2026;;"
    assert "15" in screen.share_note.text()

    shell.close_services()  # the server stops with the kiosk
    with pytest.raises(httpx.ConnectError):
        httpx.get(url)


def test_print_renders_the_same_pages_through_qts_pipeline(
    make_shell: Callable[..., Shell], qtbot: QtBot, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    shell = make_shell(printer=QtPrinter(output_file=printed))
    shell.session.answers.update(ANSWERS)
    shell.finish_eligibility()
    screen = open_summary(shell, qtbot)
    assert screen.document is not None
    tap(qtbot, screen.print_button)
    assert not screen.print_button.isEnabled()  # no second copy by a double tap
    qtbot.waitUntil(
        lambda: "已打印" in screen.print_status.text(),
        timeout=30_000,
    )
    assert screen.print_button.isEnabled()
    assert screen.progress.isHidden()

    original = screen.document.pdf
    printed_pdf = printed.read_bytes()
    assert len(pypdf.PdfReader(io.BytesIO(printed_pdf)).pages) == len(
        pypdf.PdfReader(io.BytesIO(original)).pages
    )
    for page in pypdf.PdfReader(io.BytesIO(printed_pdf)).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert sorted(decoded_qr_codes(printed_pdf)) == sorted(decoded_qr_codes(original))
    # Page by page, the print looks like the preview (pixels compared at 50 dpi).
    originals, prints = pypdfium2.PdfDocument(original), pypdfium2.PdfDocument(printed_pdf)
    try:
        for index in range(len(originals)):
            a = originals[index].render(scale=50 / 72).to_pil().convert("L")
            b = prints[index].render(scale=50 / 72).to_pil().convert("L").resize(a.size)
            difference = ImageChops.difference(a, b)
            mean = sum(i * n for i, n in enumerate(difference.histogram())) / (a.width * a.height)
            assert mean < 6, f"page {index + 1} differs by {mean:.1f} grey levels on average"
    finally:
        originals.close()
        prints.close()


def test_print_shows_progress_and_then_says_it_is_done(
    make_shell: Callable[..., Shell], qtbot: QtBot
) -> None:
    printer = FakePrinter()
    printer.release.clear()
    shell = make_shell(printer=printer)
    shell.set_language("en")
    screen = open_summary(shell, qtbot)
    tap(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.print_status.text() == "Printing page 1 of 2…")
    assert screen.progress.isVisible() and screen.progress.value() == 1
    assert screen.progress.maximum() == 2
    tap_again = screen.print_button.isEnabled()
    printer.release.set()
    qtbot.waitUntil(lambda: screen.print_status.text().startswith("Printed."))
    assert not tap_again
    assert printer.printed == [screen.document.pdf if screen.document else b""]


@pytest.mark.parametrize(
    ("printer", "language", "message"),
    [
        (FakePrinter(problem=PrintProblem.NO_PRINTER), "zh-Hans", "本机没有连接打印机"),
        (FakePrinter(problem=PrintProblem.OFFLINE), "en", "The printer is offline"),
        (FakePrinter(fail_with=PrintProblem.FAILED), "zh-Hant", "列印未能完成"),
    ],
    ids=["no-printer", "offline", "error"],
)
@pytest.mark.parametrize("booth_network", [True, False], ids=["booth-network", "no-network"])
def test_print_problems_offer_the_qr_code_only_where_it_hands_over_the_pdf(
    make_shell: Callable[..., Shell],
    qtbot: QtBot,
    printer: FakePrinter,
    language: str,
    message: str,
    booth_network: bool,
) -> None:
    booth = replace(Settings(), booth_address="127.0.0.1", booth_port=free_port())
    shell = make_shell(printer=printer, settings=booth if booth_network else None)
    shell.set_language(language)  # type: ignore[arg-type]
    screen = open_summary(shell, qtbot)
    tap(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: message in screen.print_status.text())
    offers_code = any(word in screen.print_status.text() for word in ("QR", "二维码", "二維碼"))
    assert offers_code == booth_network  # without the network no code carries the summary
    if not booth_network:
        assert any(word in screen.print_status.text() for word in ("staff", "工作人员", "工作人員"))
    assert screen.share_code.isVisible() and screen.share_code.payload
    assert screen.print_button.isEnabled()


def test_a_printer_gone_in_the_middle_of_a_job_alerts_staff_until_it_prints_again(
    make_shell: Callable[..., Shell], qtbot: QtBot, tmp_path: Path
) -> None:
    vanishing = FakePrinter(fail_with=PrintProblem.NO_PRINTER)  # page 1 out, then gone
    shell = make_shell(printer=vanishing)
    shell.set_language("en")
    screen = open_summary(shell, qtbot)
    tap(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: "no printer" in screen.print_status.text())
    assert screen.share_code.isVisible() and screen.print_button.isEnabled()
    [alert] = shell.services.alerts.active
    assert alert.kind == AlertKind.PRINT_FAILED
    assert shell.alert_badge.isVisible()  # staff walking past see it on the visitor's screen

    shell.printer = QtPrinter(output_file=tmp_path / "summary.pdf")  # plugged back in
    tap(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.print_status.text().startswith("Printed."), timeout=20_000)
    assert shell.services.alerts.active == ()
    assert not shell.alert_badge.isVisible()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_qts_pipeline_reports_a_device_that_took_no_pages() -> None:
    """Qt's PDF output ignores write errors; /dev/full takes nothing, like a printer gone."""
    from kiosk.summary_pdf import build_test_page_pdf

    pages: list[tuple[int, int]] = []
    with pytest.raises(PrintFailed) as failed:
        QtPrinter(output_file=Path("/dev/full")).print_pdf(
            build_test_page_pdf("GZ-01", "-", "2026-03-14 09:00"), lambda *done: pages.append(done)
        )
    assert failed.value.problem == PrintProblem.FAILED
    assert pages == [(1, 1)]  # it failed after the page went out, not before


def test_a_printer_that_does_not_exist_is_no_printer() -> None:
    assert QtPrinter("no-such-printer-at-this-booth").problem() == PrintProblem.NO_PRINTER
    assert QtPrinter(output_file=Path("x.pdf")).problem() is None


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="counts Linux memory mappings")
def test_pdf_documents_come_and_go_without_leaving_memory_behind() -> None:
    """QtPdf stops PDFium with its last document; each restart used to leave mappings behind."""
    from kiosk.summary_pdf import build_test_page_pdf

    pdf = build_test_page_pdf("GZ-01", "-", "2026-03-14 09:00")

    def mappings() -> int:
        return len(Path("/proc/self/maps").read_text().splitlines())

    def open_and_close() -> None:  # the document goes on return, as a summary's does
        document = pdf_document(pdf)
        assert document.pageCount() == 1
        document.close()

    open_and_close()
    before = mappings()
    for _ in range(100):
        open_and_close()
    assert mappings() - before < 50  # it was 4 to 8 a document


def test_idle_reset_forgets_the_summary(make_shell: Callable[..., Shell], qtbot: QtBot) -> None:
    shell = make_shell()
    screen = open_summary(shell, qtbot)
    shell.reset_visitor("idle")
    assert screen.document is None
    assert screen.page_images.count() == 0
    assert screen.share_code.payload == ""
    assert "software-engineering" not in screen.share_code.accessibleDescription()
