"""Booth staff export the day's leads for the admissions office, onto a USB stick.

Three formats of the same leads:

- CSV, for a quick look in any spreadsheet: UTF-8 with a byte order mark (so Excel shows Chinese),
  RFC 4180 quoting, and cells that a spreadsheet would run as a formula neutralised with a
  leading apostrophe (OWASP "CSV injection").
- XLSX, the workbook the admissions office works in: every value is stored as text, so phone
  numbers keep their "+", ids keep their leading zeros and nothing is ever a formula.
- JSONL bundle, for HQ to import when a booth has no network: a manifest line (format, count,
  SHA-256 of the lead lines, kiosk, event), then one lead per line as ``LeadRecord.to_json``
  gives it. ``read_bundle`` checks a bundle whole before anything of it is used.

CSV and XLSX share one column list and one rule for turning a value into cell text. Every export
is written to a partial file beside its target, synced to disk, then renamed over the target, so
a stick pulled out too early never holds a half-written file under the final name.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]
from sqlalchemy.engine import Engine

from kiosk.errors import KioskError
from kiosk.events import Event
from kiosk.lead_records import LeadRecord, count_leads, iter_lead_records
from kiosk.lead_vault import LeadOpener

BUNDLE_FORMAT = "vpas-leads-bundle/1"
PARTIAL_SUFFIX = ".partial"
SHEET_NAME = "Leads"
# Often enough for a smooth progress bar, rarely enough to cost nothing across threads.
PROGRESS_EVERY = 1000
# An XLSX sheet has 1,048,576 rows, one of them the header.
XLSX_MAX_LEADS = 1_048_575
_XLSX_MAX_COLUMN_WIDTH = 60

# A spreadsheet runs a cell starting with one of these as a formula. Apostrophes already in
# front are counted too, so that `restore` undoes `neutralise` for every text.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_RISKY_FIRST = frozenset("'=+-@\t\r")
# Letters, digits, "-" and "_" are safe in file names on FAT32, exFAT and NTFS alike.
_UNSAFE_FILE_NAME_CHARS = re.compile(r"[^A-Za-z0-9_-]")


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSONL = "jsonl"


class BundleError(KioskError):
    """A leads bundle is tampered with, truncated, malformed or unreadable."""


@dataclass(frozen=True)
class ExportSource:
    """Who exported: named in a bundle's manifest and in the default file name."""

    kiosk_id: str
    device_id: str
    event: Event | None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


def _eligibility_outcome(record: LeadRecord) -> object:
    return None if record.eligibility is None else record.eligibility.get("outcome")


# One column per LeadRecord field, in its order; of the eligibility result, only its outcome code.
_COLUMNS: tuple[tuple[str, Callable[[LeadRecord], object]], ...] = tuple(
    ("eligibility_outcome", _eligibility_outcome)
    if field.name == "eligibility"
    else (field.name, attrgetter(field.name))
    for field in fields(LeadRecord)
)
HEADER: tuple[str, ...] = tuple(name for name, _ in _COLUMNS)


def _cell_text(value: object) -> str:
    if type(value) is str:  # most cells: checked first, 2.6 million times for 100,000 leads
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):  # programme_codes
        return ";".join(value)
    return str(value)


def _cells(record: LeadRecord) -> list[str]:
    return [_cell_text(value(record)) for _, value in _COLUMNS]


def neutralise(text: str) -> str:
    """The text with a leading apostrophe if a spreadsheet would otherwise run it as a formula."""
    # The first character decides before the pattern does: most cells start with a letter.
    if text[:1] in _RISKY_FIRST and _FORMULA_START.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The text as it was before `neutralise`."""
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text) else text


def export_file_name(export_format: ExportFormat, kiosk_id: str, local_time: datetime) -> str:
    """vpas-leads-<kiosk id>-<YYYYMMDD-HHMM>.<ext>, safe on any USB stick."""
    kiosk = _UNSAFE_FILE_NAME_CHARS.sub("-", kiosk_id) or "kiosk"
    return f"vpas-leads-{kiosk}-{local_time:%Y%m%d-%H%M}.{export_format.value}"


def export_leads(
    records: Iterable[LeadRecord],
    total: int,
    export_format: ExportFormat,
    path: Path,
    source: ExportSource,
    progress: Callable[[int, int], None] = lambda done, total: None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the leads to ``path`` (a file, or a directory to put the default file name in).

    ``total`` is the expected count, for ``progress(done, total)``; it is called every
    PROGRESS_EVERY leads and once at the end. ``now`` (by default the current time) goes into a
    bundle's manifest and, as local time, into the default file name. Raises KioskError when the
    file cannot be written.
    """
    moment = datetime.now(UTC) if now is None else now
    if _is_dir(path):
        path = path / export_file_name(export_format, source.kiosk_id, moment.astimezone())
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    leads = _CountedLeads(records, total, progress)
    try:
        try:
            with partial.open("wb") as file:
                match export_format:
                    case ExportFormat.CSV:
                        _write_csv(leads, file)
                    case ExportFormat.XLSX:
                        _write_xlsx(leads, file)
                    case ExportFormat.JSONL:
                        _write_bundle(leads, file, _manifest(source, moment))
                file.flush()
                os.fsync(file.fileno())
            os.replace(partial, path)
            _sync_directory(path.parent)
        finally:
            # Whatever went wrong, no half-written file stays behind (a no-op after the rename).
            with suppress(OSError):
                partial.unlink(missing_ok=True)
    except OSError as error:
        raise KioskError(f"Cannot write {path}: {error.strerror or error}.") from None
    leads.report()
    return ExportResult(path, leads.done)


def export_kiosk_leads(
    engine: Engine,
    opener: LeadOpener,
    export_format: ExportFormat,
    path: Path,
    source: ExportSource,
    progress: Callable[[int, int], None] = lambda done, total: None,
    now: datetime | None = None,
) -> ExportResult:
    """Every lead in this kiosk's database, opened with the unlocked vault: ``export_leads``."""
    return export_leads(
        iter_lead_records(engine, opener),
        count_leads(engine),
        export_format,
        path,
        source,
        progress,
        now,
    )


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; not when the system refuses to look (a name too long …):
    writing the file then fails with the system's reason."""
    try:
        return path.is_dir()
    except OSError:
        return False


class _CountedLeads:
    """The leads to export, counted as a writer takes them, with progress every so often."""

    def __init__(
        self, records: Iterable[LeadRecord], total: int, progress: Callable[[int, int], None]
    ) -> None:
        self._records = records
        self._total = total
        self._progress = progress
        self.done = 0

    def __iter__(self) -> Iterator[LeadRecord]:
        for record in self._records:
            yield record
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                self.report()

    def report(self) -> None:
        # Leads saved while exporting must not push the bar past its end.
        self._progress(self.done, max(self._total, self.done))


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable too, where the system can (only POSIX opens directories).

    Best effort: the file is already synced and in place, and some file systems refuse to sync
    a directory; reporting that as a failed export would stop staff exporting at all.
    """
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _write_csv(leads: _CountedLeads, file: IO[bytes]) -> None:
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(text, lineterminator="\r\n")  # QUOTE_MINIMAL, as RFC 4180 wants
        writer.writerow(HEADER)
        writer.writerows([neutralise(cell) for cell in _cells(lead)] for lead in leads)
    finally:
        text.detach()  # flushes; the caller syncs and closes the file


def _write_xlsx(leads: _CountedLeads, file: IO[bytes]) -> None:
    # XlsxWriter keeps the rows in temporary files and zips them at the end: all of it in a
    # directory of our own on the local disk, removed whatever happens, so no lead stays behind
    # and the stick only sees one plain copy of the finished workbook.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as scratch:
        workbook_path = Path(scratch) / "leads.xlsx"
        options = {
            "constant_memory": True,  # rows go to disk as they are written
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "tmpdir": scratch,
        }
        try:
            with xlsxwriter.Workbook(str(workbook_path), options) as workbook:
                _write_sheet(leads, workbook)
        except xlsxwriter.exceptions.FileCreateError as error:
            raise error.args[0] from None  # the OSError XlsxWriter met writing the file
        with workbook_path.open("rb") as workbook_file:
            shutil.copyfileobj(workbook_file, file)


def _write_sheet(leads: _CountedLeads, workbook: Any) -> None:
    sheet = workbook.add_worksheet(SHEET_NAME)
    bold = workbook.add_format({"bold": True})
    # Text cells: Excel reads neither "+8613812345678" nor "007" as a number, nor anything as
    # a formula, even in a cell staff type into later.
    text = workbook.add_format({"num_format": "@"})
    for column, name in enumerate(HEADER):
        sheet.write_string(0, column, name, bold)
    widths = [len(name) for name in HEADER]
    for row, lead in enumerate(leads, 1):
        if row > XLSX_MAX_LEADS:
            raise KioskError(
                f"An XLSX sheet holds at most {XLSX_MAX_LEADS:,} leads; "
                "export them as CSV or JSONL instead."
            )
        cells = _cells(lead)
        for column, cell in enumerate(cells):
            if cell:  # an empty cell is left unwritten; its column's format is text
                sheet.write_string(row, column, cell, text)
        # Length in UTF-8 as a cheap display width: 1 for Latin, 3 for CJK, which is drawn wide.
        widths = list(map(max, widths, map(len, map(str.encode, cells))))
    # Column settings are written when the workbook closes, so they can fit the longest value.
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(width + 2, _XLSX_MAX_COLUMN_WIDTH), text)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, leads.done, len(HEADER) - 1)


def _manifest(source: ExportSource, moment: datetime) -> dict[str, Any]:
    event = source.event
    return {
        "format": BUNDLE_FORMAT,
        "kiosk_id": source.kiosk_id,
        "device_id": source.device_id,
        "event": None
        if event is None
        else {
            "event_id": event.event_id,
            "name": event.name,
            "city": event.city,
            "starts_on": event.starts_on.isoformat(),
            "ends_on": event.ends_on.isoformat(),
        },
        "exported_at": moment.astimezone(UTC).isoformat(timespec="milliseconds"),
    }


def _json_line(value: dict[str, Any]) -> bytes:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode()


def _write_bundle(leads: _CountedLeads, file: IO[bytes], manifest: dict[str, Any]) -> None:
    # The manifest comes first but needs the count and checksum of all the leads: they are
    # streamed to a temporary file (deleted when closed, even after a crash), then copied.
    digest = hashlib.sha256()
    with tempfile.TemporaryFile() as lines:
        for lead in leads:
            line = _json_line(lead.to_json())
            digest.update(line)
            lines.write(line)
        manifest = {**manifest, "count": leads.done, "sha256": digest.hexdigest()}
        file.write(_json_line({"manifest": manifest}))
        lines.seek(0)
        shutil.copyfileobj(lines, file)


def read_bundle(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The manifest and the leads of a bundle, once its format, count and checksum all agree.

    Raises BundleError otherwise: nothing of a damaged bundle is returned.
    """
    rejected = "so none of it was imported"
    try:
        with path.open("rb") as file:
            manifest = _bundle_manifest(file.readline())
            digest = hashlib.sha256()
            lines = []
            for line in file:
                digest.update(line)
                lines.append(line)
    except OSError as error:
        raise BundleError(f"Cannot read {path}: {error.strerror or error}.") from None
    if manifest is None:
        raise BundleError(f"The file {path.name} is not a VPAS leads bundle, {rejected}.")
    if digest.hexdigest() != manifest["sha256"]:
        raise BundleError(f"The bundle {path.name} does not match its checksum, {rejected}.")
    if len(lines) != manifest["count"]:
        raise BundleError(
            f"The bundle {path.name} says it holds {manifest['count']} leads "
            f"but holds {len(lines)}, {rejected}."
        )
    leads = []
    for number, line in enumerate(lines, 2):
        lead = _json_object(line)
        if lead is None:
            raise BundleError(f"Line {number} of the bundle {path.name} is not a lead, {rejected}.")
        leads.append(lead)
    return manifest, leads


def _bundle_manifest(line: bytes) -> dict[str, Any] | None:
    """The manifest of a bundle's first line, if it is one of a format this module writes."""
    value = _json_object(line)
    manifest = None if value is None else value.get("manifest")
    if (
        isinstance(manifest, dict)
        and manifest.get("format") == BUNDLE_FORMAT
        and type(manifest.get("count")) is int
        and isinstance(manifest.get("sha256"), str)
    ):
        return manifest
    return None


def _json_object(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested beyond any lead
        return None
    return value if isinstance(value, dict) else None
