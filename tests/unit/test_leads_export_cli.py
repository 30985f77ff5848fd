"""`kiosk leads export`: the sealed leads of this kiosk's database, opened with the staff
passphrase, read back from each format field by field."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy.engine import Engine

from kiosk import cli, resources
from kiosk.data.leads_db import open_leads_db
from kiosk.export import HEADER, read_bundle, restore
from kiosk.settings import Settings, save_settings
from tests.staff import STAFF_PASSPHRASE, lead_values, seed_leads

TRICKY = (
    {"name": "陈大文", "phone_e164": "+8613812345678", "school": "0123 中学"},
    {"name": "=cmd|' /C calc'!A0", "wechat_id": "007007", "school": '😀 School, "Quoted"'},
    {"name": "張小明", "email": "-1+1@example.com", "school": "@SUM(A1)\nsecond line"},
)
PERSONAL = ("name", "phone_e164", "email", "wechat_id", "school")


@pytest.fixture
def engine(staffed_db: Path) -> Engine:
    opened = open_leads_db(staffed_db)
    save_settings(opened, Settings(kiosk_id="GZ-01"))
    seed_leads(
        opened,
        (
            lead_values(index, f"2026-03-14T09:3{index}:00.000+00:00", **changes)
            for index, changes in enumerate(TRICKY)
        ),
    )
    opened.dispose()
    return opened


def expected(column: str, index: int) -> str:
    value = lead_values(index, f"2026-03-14T09:3{index}:00.000+00:00", **TRICKY[index])[column]
    return "" if value is None else str(value)


def export(tmp_path: Path, export_format: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, STAFF_PASSPHRASE)
    output = tmp_path / f"leads.{export_format}"
    assert cli.main(["leads", "export", "--format", export_format, "-o", str(output)]) == 0
    return output


def test_csv_gives_back_every_sealed_field(
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = export(tmp_path, "csv", monkeypatch)
    assert capsys.readouterr().out == f"Exported 3 lead(s) to {output}.\n"
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with output.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert tuple(header) == HEADER
    assert "'=cmd|' /C calc'!A0" in [row[header.index("name")] for row in rows]
    assert "'+8613812345678" in [row[header.index("phone_e164")] for row in rows]
    for index, row in enumerate(rows):
        for column in PERSONAL:
            assert restore(row[header.index(column)]) == expected(column, index)
        assert row[header.index("kiosk_id")] == "GZ-01"


def test_xlsx_gives_back_every_sealed_field_as_text(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = export(tmp_path, "xlsx", monkeypatch)
    workbook = openpyxl.load_workbook(output)
    sheet = workbook.active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    for index, row in enumerate(sheet.iter_rows(min_row=2)):
        for column in PERSONAL:
            cell = row[header.index(column)]
            text = (cell.value or "").replace("_x000D_", "\r")
            assert text == expected(column, index)
            assert cell.value is None or cell.data_type == "s"  # text, never a formula
    workbook.close()


def test_jsonl_bundle_gives_back_every_sealed_field(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest, leads = read_bundle(export(tmp_path, "jsonl", monkeypatch))
    assert (manifest["count"], manifest["kiosk_id"]) == (3, "GZ-01")
    for index, lead in enumerate(leads):
        for column in PERSONAL:
            assert ("" if lead[column] is None else lead[column]) == expected(column, index)
        assert lead["programme_codes"] == ["software-engineering"]


def test_a_wrong_passphrase_exports_nothing(
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase")
    output = tmp_path / "leads.csv"
    assert cli.main(["leads", "export", "--format", "csv", "-o", str(output)]) == 2
    assert capsys.readouterr().err == "kiosk: The staff passphrase is not right.\n"
    assert not output.exists() and list(tmp_path.iterdir()) == [resources.data_dir()]


def test_without_a_passphrase_or_a_terminal_it_says_how_to_give_one(
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    code = cli.main(["leads", "export", "--format", "csv", "-o", str(tmp_path / "leads.csv")])
    assert code == 2
    assert cli.PASSPHRASE_ENV in capsys.readouterr().err


def test_an_empty_kiosk_exports_a_header_without_a_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    output = tmp_path / "leads.jsonl"
    assert cli.main(["leads", "export", "--format", "jsonl", "-o", str(output)]) == 0
    manifest, leads = read_bundle(output)
    assert (manifest["count"], leads) == (0, [])
    assert (
        json.loads(output.read_text(encoding="utf-8").splitlines()[0])["manifest"]["event"] is None
    )
