"""Exporting leads as CSV, XLSX and JSONL bundle: each read back field by field as it went in."""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kiosk.export
from kiosk.errors import KioskError
from kiosk.export import (
    BUNDLE_FORMAT,
    BundleError,
    ExportFormat,
    ExportResult,
    ExportSource,
    export_file_name,
    export_leads,
    neutralise,
    read_bundle,
    restore,
)
from kiosk.lead_records import LeadRecord
from tests.lead_samples import EVENT, sample_record

NOW = datetime(2025, 5, 1, 8, 30, 15, tzinfo=UTC)
SOURCE = ExportSource(kiosk_id="gz-booth-1", device_id="device-7f3a", event=EVENT)
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
# OOXML writes control characters (and "_x" itself) as _xHHHH_; Excel decodes them, openpyxl not.
OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
HEADER = [
    "lead_id",
    "created_at",
    "kiosk_id",
    "device_id",
    "event_id",
    "event_name",
    "event_city",
    "session_id",
    "name",
    "phone_e164",
    "email",
    "wechat_id",
    "school",
    "region",
    "stage",
    "intake_year",
    "programme_codes",
    "contact_language",
    "age_group",
    "guardian_consent",
    "notice_version",
    "consent_contact",
    "consent_transfer",
    "consent_news",
    "eligibility_outcome",
    "synced_at",
]


def lead(number: int = 1, **overrides: Any) -> LeadRecord:
    return sample_record(number, **overrides)


# Every value a spreadsheet or a careless writer could mangle, spread over a few leads.
TRICKY_LEADS = (
    lead(1, wechat_id="007007", school="0123"),
    lead(2, name="繁體 張小明", school="Emoji 😀 College", programme_codes=()),
    lead(3, name="=cmd|' /C calc'!A0", school="-1+1", wechat_id="@SUM(A1)"),
    lead(4, name="\tTab first", school="\rCarriage return first", wechat_id="'=quoted already"),
    lead(5, name='Chan, "Big" Man', school="Line one\nLine two\r\nLine three"),
    lead(
        6,
        phone_e164=None,
        email=None,
        wechat_id=None,
        school=None,
        intake_year=None,
        programme_codes=("IT114105", "EG114003", "BA114001"),
        guardian_consent=True,
        consent_contact=False,
        eligibility=None,
        synced_at="2025-05-01T03:00:00.000+00:00",
    ),
    lead(7, age_group="under_14", guardian_consent=False, eligibility={"reasons": []}),
    lead(8, name="Literal _x000D_ and _x0041_", school=" spaces around "),
)


def export(
    tmp_path: Path,
    export_format: ExportFormat,
    records: Iterable[LeadRecord] = TRICKY_LEADS,
    total: int = len(TRICKY_LEADS),
    source: ExportSource = SOURCE,
) -> ExportResult:
    return export_leads(
        records, total, export_format, tmp_path / f"leads.{export_format}", source, now=NOW
    )


def assert_row_matches(row: dict[str, str], record: LeadRecord) -> None:
    """A CSV or XLSX row holds every field of the lead as text, empty for None."""
    assert list(row) == HEADER
    for field in fields(LeadRecord):
        value = getattr(record, field.name)
        if field.name == "eligibility":
            assert row["eligibility_outcome"] == (value or {}).get("outcome", "")
        elif field.name == "programme_codes":
            assert row[field.name] == ";".join(value)
        elif isinstance(value, bool):
            assert row[field.name] == ("yes" if value else "no")
        else:
            assert row[field.name] == ("" if value is None else str(value)), field.name


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = csv.reader(file, strict=True)
    assert header == HEADER
    return [dict(zip(header, map(restore, row), strict=True)) for row in rows]


def read_xlsx(path: Path) -> list[dict[str, str]]:
    """Empty values are left unwritten, so openpyxl reads them as None; they come back as "".

    Text is decoded from OOXML's _xHHHH_ escapes, as Excel does.
    """
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        header, *rows = workbook["Leads"].iter_rows()
        assert [cell.value for cell in header] == HEADER
        read = []
        for row in rows:
            for cell in row:
                if cell.value is not None:
                    # Text, never a number or a formula (openpyxl says "f" for a formula).
                    assert cell.data_type == "s", cell.value
            values = [OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), c.value or "") for c in row]
            read.append(dict(zip(HEADER, values, strict=True)))
        return read
    finally:
        workbook.close()


# CSV


def test_csv_gives_back_every_lead_field_by_field(tmp_path: Path) -> None:
    result = export(tmp_path, ExportFormat.CSV)

    assert result == ExportResult(tmp_path / "leads.csv", len(TRICKY_LEADS))
    rows = read_csv(result.path)
    assert len(rows) == len(TRICKY_LEADS)
    for row, record in zip(rows, TRICKY_LEADS, strict=True):
        assert_row_matches(row, record)


def test_csv_is_rfc_4180_with_formulas_neutralised(tmp_path: Path) -> None:
    text = export(tmp_path, ExportFormat.CSV).path.read_bytes().decode("utf-8-sig")

    assert text.startswith(",".join(HEADER) + "\r\n")
    assert text.endswith("\r\n")
    # Quotes doubled and the field quoted; line breaks inside a quoted field kept as they were.
    assert ',"Chan, ""Big"" Man",' in text
    assert ',"Line one\nLine two\r\nLine three",' in text
    assert ",'+8613812345678," in text
    assert ",\"'=cmd|' /C calc'!A0\"," not in text  # no comma or quote in it: left unquoted
    assert ",'=cmd|' /C calc'!A0," in text
    assert ",'-1+1," in text
    assert ",'@SUM(A1)," in text
    assert ",'\tTab first," in text
    assert ',"\'\rCarriage return first",' in text
    assert ",''=quoted already," in text
    assert ",007007,0123," in text
    assert ",,,," in text  # the lead without contact details


def test_csv_lines_end_with_crlf(tmp_path: Path) -> None:
    records = [lead(number) for number in range(1, 4)]
    raw = export(tmp_path, ExportFormat.CSV, records, len(records)).path.read_bytes()

    assert raw.count(b"\n") == raw.count(b"\r\n") == 1 + len(records)
    assert raw.endswith(b"\r\n")


@pytest.mark.parametrize("start", DANGEROUS_STARTS)
def test_neutralise_prefixes_an_apostrophe_to_a_dangerous_start(start: str) -> None:
    assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert restore(f"'{start}1+1") == f"{start}1+1"


@pytest.mark.parametrize(
    "text", ["", "陈大文", "8613812345678", "a=b", " =1+1", "'quoted", "'", "Chan, Big"]
)
def test_neutralise_leaves_harmless_text_alone(text: str) -> None:
    assert neutralise(text) == text
    assert restore(text) == text


@given(st.text(st.sampled_from("'=+-@\t\r a陈😀\n")) | st.text())
def test_restore_undoes_neutralise_and_nothing_neutralised_starts_dangerously(text: str) -> None:
    neutralised = neutralise(text)

    assert restore(neutralised) == text
    assert not neutralised.startswith(DANGEROUS_STARTS)


@given(st.text(st.characters(exclude_categories=("Cs",))))  # lone surrogates are not UTF-8
def test_csv_gives_back_any_name(name: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        rows = read_csv(export(Path(directory), ExportFormat.CSV, [lead(name=name)], 1).path)

    assert rows[0]["name"] == name


# XLSX


def test_xlsx_gives_back_every_lead_field_by_field_as_text(tmp_path: Path) -> None:
    result = export(tmp_path, ExportFormat.XLSX)

    assert result == ExportResult(tmp_path / "leads.xlsx", len(TRICKY_LEADS))
    rows = read_xlsx(result.path)
    assert len(rows) == len(TRICKY_LEADS)
    for row, record in zip(rows, TRICKY_LEADS, strict=True):
        assert_row_matches(row, record)
    # Stored as text, so without the neutralising apostrophe of the CSV.
    assert rows[2]["name"] == "=cmd|' /C calc'!A0"
    assert rows[0]["phone_e164"] == "+8613812345678"


def test_xlsx_refuses_more_leads_than_a_sheet_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kiosk.export, "XLSX_MAX_LEADS", 2)

    with pytest.raises(KioskError, match=r"^An XLSX sheet holds at most 2 leads; export them as"):
        export(tmp_path, ExportFormat.XLSX)

    assert list(tmp_path.iterdir()) == []


def test_xlsx_sheet_has_a_bold_frozen_filtered_header_and_text_columns(tmp_path: Path) -> None:
    path = export(tmp_path, ExportFormat.XLSX).path

    workbook = openpyxl.load_workbook(path)
    try:
        assert workbook.sheetnames == ["Leads"]
        sheet = workbook["Leads"]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:Z{1 + len(TRICKY_LEADS)}"
        assert all(cell.font.b for cell in sheet[1])
        written = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
        assert {cell.number_format for cell in written} == {"@"}
        # XlsxWriter gives neighbouring columns of the same width one <col> element.
        columns = {
            index: dimension
            for dimension in sheet.column_dimensions.values()
            for index in range(dimension.min, dimension.max + 1)
        }
        assert sorted(columns) == list(range(1, 1 + len(HEADER)))
        assert {dimension.number_format for dimension in columns.values()} == {"@"}
        widths = dict(zip(HEADER, (columns[index].width for index in sorted(columns)), strict=True))
        assert all(len(name) < width <= 62 for name, width in widths.items())
        assert widths["lead_id"] > len("00000000-0000-4000-8000-000000000001")
        assert widths["event_name"] > 2 * len("广州国际教育展")  # CJK characters are drawn wide
    finally:
        workbook.close()


# JSONL bundle


def test_bundle_gives_back_every_lead_field_by_field(tmp_path: Path) -> None:
    result = export(tmp_path, ExportFormat.JSONL)

    assert result == ExportResult(tmp_path / "leads.jsonl", len(TRICKY_LEADS))
    manifest, leads = read_bundle(result.path)
    assert manifest["count"] == len(TRICKY_LEADS)
    assert leads == [record.to_json() for record in TRICKY_LEADS]
    records = [
        LeadRecord(**{**item, "programme_codes": tuple(item["programme_codes"])}) for item in leads
    ]
    assert records == list(TRICKY_LEADS)


def test_bundle_manifest_names_format_count_checksum_kiosk_and_event(tmp_path: Path) -> None:
    path = export(tmp_path, ExportFormat.JSONL).path

    first, *lines = path.read_bytes().splitlines(keepends=True)
    assert json.loads(first) == {
        "manifest": {
            "format": BUNDLE_FORMAT,
            "count": len(TRICKY_LEADS),
            "sha256": hashlib.sha256(b"".join(lines)).hexdigest(),
            "kiosk_id": "gz-booth-1",
            "device_id": "device-7f3a",
            "event": {
                "event_id": "event-gz-2025",
                "name": "广州国际教育展",
                "city": "广州",
                "starts_on": "2025-05-01",
                "ends_on": "2025-05-03",
            },
            "exported_at": "2025-05-01T08:30:15.000+00:00",
        }
    }
    assert "陈大文" in lines[0].decode()  # UTF-8 as it is, not \\u escapes
    assert (
        lines[0]
        == (
            json.dumps(
                TRICKY_LEADS[0].to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
            )
            + "\n"
        ).encode()
    )


def test_bundle_without_an_event_and_without_leads(tmp_path: Path) -> None:
    source = ExportSource(kiosk_id="", device_id="device-7f3a", event=None)
    path = export(tmp_path, ExportFormat.JSONL, [], 0, source).path

    manifest, leads = read_bundle(path)
    assert leads == []
    assert manifest["event"] is None
    assert manifest["count"] == 0
    assert manifest["sha256"] == hashlib.sha256(b"").hexdigest()


def _change_one_byte(lines: list[bytes]) -> list[bytes]:
    changed = bytearray(lines[2])
    changed[changed.index(b"000000000002")] ^= 1  # "0" becomes "1" in the lead_id
    return [*lines[:2], bytes(changed), *lines[3:]]


def _wrong_count(lines: list[bytes]) -> list[bytes]:
    manifest = json.loads(lines[0])
    manifest["manifest"]["count"] += 1
    return [json.dumps(manifest).encode() + b"\n", *lines[1:]]


def _resealed(lines: list[bytes]) -> list[bytes]:
    """Another lead line, with a checksum to match: valid JSON, but not a lead."""
    leads = [*lines[1:3], b"[1, 2, 3]\n", *lines[4:]]
    manifest = json.loads(lines[0])
    manifest["manifest"]["sha256"] = hashlib.sha256(b"".join(leads)).hexdigest()
    return [json.dumps(manifest).encode() + b"\n", *leads]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_change_one_byte, "The bundle leads.jsonl does not match its checksum"),
        (lambda lines: lines[:-1], "The bundle leads.jsonl does not match its checksum"),
        (lambda lines: [*lines[:-1], lines[-1][:-1]], "does not match its checksum"),
        (_wrong_count, "The bundle leads.jsonl says it holds 9 leads but holds 8"),
        (lambda lines: [b"not json\n", *lines[1:]], "The file leads.jsonl is not a VPAS leads"),
        (lambda lines: [b'{"leads": []}\n', *lines[1:]], "is not a VPAS leads bundle"),
        (lambda lines: [lines[0].replace(b"/1", b"/2"), *lines[1:]], "is not a VPAS leads"),
        (lambda lines: [], "is not a VPAS leads bundle"),
        (_resealed, "Line 4 of the bundle leads.jsonl is not a lead"),
    ],
    ids=[
        "one-byte-changed",
        "missing-line",
        "truncated",
        "wrong-count",
        "first-line-not-json",
        "no-manifest",
        "other-format",
        "empty",
        "line-not-a-lead",
    ],
)
def test_read_bundle_refuses_a_damaged_bundle(tmp_path: Path, damage: Any, message: str) -> None:
    path = export(tmp_path, ExportFormat.JSONL).path
    path.write_bytes(b"".join(damage(path.read_bytes().splitlines(keepends=True))))

    with pytest.raises(BundleError, match=message) as raised:
        read_bundle(path)
    assert str(raised.value).endswith(", so none of it was imported.")


def test_read_bundle_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match=r"^Cannot read .*gone\.jsonl: No such file"):
        read_bundle(tmp_path / "gone.jsonl")


# Writing safely: partial files, errors, progress, file names


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_no_partial_file_remains_after_success(tmp_path: Path, export_format: ExportFormat) -> None:
    export(tmp_path, export_format)

    assert sorted(path.name for path in tmp_path.iterdir()) == [f"leads.{export_format}"]


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_cannot_write_into_a_missing_directory(tmp_path: Path, export_format: ExportFormat) -> None:
    target = tmp_path / "unplugged" / f"leads.{export_format}"

    with pytest.raises(KioskError) as raised:
        export_leads(TRICKY_LEADS, len(TRICKY_LEADS), export_format, target, SOURCE)

    assert str(raised.value) == f"Cannot write {target}: No such file or directory."
    assert raised.value.__cause__ is None
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def private_temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary directory, watched: leads must not stay there."""
    directory = tmp_path / "system-temp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_a_failed_export_leaves_the_old_file_and_no_partial_or_temporary_file(
    tmp_path: Path, private_temp_dir: Path, export_format: ExportFormat
) -> None:
    target = tmp_path / "out" / f"leads.{export_format}"
    target.parent.mkdir()
    target.write_text("yesterday's export")

    def failing() -> Iterator[LeadRecord]:
        yield from TRICKY_LEADS
        raise KioskError("The lead 42 is damaged and cannot be opened.")

    with pytest.raises(KioskError, match="The lead 42 is damaged"):
        export_leads(failing(), 10, export_format, target, SOURCE)

    assert list(target.parent.iterdir()) == [target]
    assert target.read_text() == "yesterday's export"
    assert list(private_temp_dir.iterdir()) == []


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_a_disk_error_is_one_sentence_and_leaves_no_partial_file(
    tmp_path: Path,
    private_temp_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    export_format: ExportFormat,
) -> None:
    def pulled_out(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", pulled_out)

    with pytest.raises(KioskError) as raised:
        export(tmp_path, export_format)

    target = tmp_path / f"leads.{export_format}"
    assert str(raised.value) == f"Cannot write {target}: Input/output error."
    assert [path for path in tmp_path.iterdir() if path != private_temp_dir] == []
    assert list(private_temp_dir.iterdir()) == []


def test_xlsx_disk_full_while_zipping_is_a_kiosk_error(
    tmp_path: Path, private_temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(zipfile.ZipFile, "write", full)

    with pytest.raises(
        KioskError, match=r"^Cannot write .*leads\.xlsx: No space left on device\.$"
    ):
        export(tmp_path, ExportFormat.XLSX)

    assert [path for path in tmp_path.iterdir() if path != private_temp_dir] == []
    assert list(private_temp_dir.iterdir()) == []


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_into_a_directory_with_the_default_file_name(
    tmp_path: Path, export_format: ExportFormat
) -> None:
    result = export_leads(TRICKY_LEADS[:1], 1, export_format, tmp_path, SOURCE, now=NOW)

    expected = export_file_name(export_format, "gz-booth-1", NOW.astimezone())
    assert result == ExportResult(tmp_path / expected, 1)
    assert [path.name for path in tmp_path.iterdir()] == [expected]


def test_existing_file_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "leads.csv"
    target.write_text("yesterday's export")

    export(tmp_path, ExportFormat.CSV)

    assert len(read_csv(target)) == len(TRICKY_LEADS)


def test_progress_every_thousand_leads_and_at_the_end(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    records = (lead(number) for number in range(2500))

    result = export_leads(
        records, 2500, ExportFormat.CSV, tmp_path / "l.csv", SOURCE, lambda *c: calls.append(c)
    )

    assert result.count == 2500
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_progress_never_passes_its_total_when_more_leads_come(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    export_leads(
        TRICKY_LEADS,
        2,
        ExportFormat.JSONL,
        tmp_path / "l.jsonl",
        SOURCE,
        lambda *c: calls.append(c),
    )

    assert calls == [(len(TRICKY_LEADS), len(TRICKY_LEADS))]


@pytest.mark.parametrize(
    ("kiosk_id", "name"),
    [
        ("gz-booth_1", "vpas-leads-gz-booth_1-20250501-0930.csv"),
        ("Booth/1:*?", "vpas-leads-Booth-1----20250501-0930.csv"),
        ("广州展位 2", "vpas-leads------2-20250501-0930.csv"),
        ("..\\..", "vpas-leads-------20250501-0930.csv"),
        ("", "vpas-leads-kiosk-20250501-0930.csv"),
    ],
)
def test_export_file_name_is_safe_on_any_usb_stick(kiosk_id: str, name: str) -> None:
    assert export_file_name(ExportFormat.CSV, kiosk_id, datetime(2025, 5, 1, 9, 30, 59)) == name


def test_export_file_name_extension_follows_the_format() -> None:
    moment = datetime(2025, 12, 31, 23, 5)
    assert [export_file_name(f, "k", moment) for f in ExportFormat] == [
        "vpas-leads-k-20251231-2305.csv",
        "vpas-leads-k-20251231-2305.xlsx",
        "vpas-leads-k-20251231-2305.jsonl",
    ]


# Scale


def test_one_hundred_thousand_leads_as_csv_and_xlsx(tmp_path: Path) -> None:
    count = 100_000

    def generated() -> Iterator[LeadRecord]:  # streamed: never all in memory
        for number in range(count):
            yield lead(number, name=f"陈大文 {number}", programme_codes=("IT114105", "EG114003"))

    csv_path = export_leads(generated(), count, ExportFormat.CSV, tmp_path / "l.csv", SOURCE).path
    xlsx_path = export_leads(
        generated(), count, ExportFormat.XLSX, tmp_path / "l.xlsx", SOURCE
    ).path

    with csv_path.open(encoding="utf-8-sig", newline="") as file:
        assert sum(1 for _ in csv.reader(file)) == 1 + count
    workbook = openpyxl.load_workbook(xlsx_path, read_only=True)
    try:
        # From the sheet's dimensions: reading 2.6 million cells back would take half a minute.
        assert workbook["Leads"].max_row == 1 + count
    finally:
        workbook.close()
