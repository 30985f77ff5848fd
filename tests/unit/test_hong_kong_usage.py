"""Every built Traditional Chinese string keeps to Hong Kong usage.

OpenCC's s2hk converts character by character from its tables, and some of its choices (and
some of a data source's names) are not what Hong Kong Government texts write. The scan covers
every zh-Hant text of the content database, of the compiled UI translations and of the lead
form's regions, so a new text that brings one back fails here, wherever it comes from.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Final

import pytest

from kiosk import resources
from kiosk.i18n_build import convert
from kiosk.regions import REGIONS

# A form that is wrong in Hong Kong usage -> the form Hong Kong Government texts write.
# Left out on purpose: 裏 (裏面, Hong Kong's standard form), 着/著 (both appear in Government
# texts), 啓 and 峯 (the Hong Kong character tables' forms, though 啟 and 峰 are common too).
NOT_HONG_KONG_USAGE: Final = {
    "瞭解": "了解",  # s2hk's choice; 瞭解 is Taiwan usage
    "鏈接": "連結",  # a web link
    "聯繫": "聯絡",  # contact details: the leaflet's 联络, as in 聯絡我們
    "羣": "群",  # 群島 in CLDR's Hong Kong names
    "綫": "線",  # only the MTR's line names keep 綫, and the kiosk names none
    "裡": "裏",  # Taiwan's form of 裏
    "衛": "衞",  # 衞生署 (Department of Health)
    "公佈": "公布",  # s2hk's choice; Government announcements are 公布
    "發佈": "發布",  # 新聞發布
    "馬裏": "馬里",  # Mali: 里 stands for a sound here, not 裏 "inside"
    "柬埔塞": "柬埔寨",
}
# Misspellings in any script (pycountry's Chinese name of Cambodia was one).
MISSPELT: Final = {"柬埔塞": "柬埔寨"}

QM_MAGIC: Final = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
QM_MESSAGES_BLOCK: Final = 0x69
QM_END, QM_TRANSLATION, QM_OBSOLETE = 1, 3, 5  # inside a message; other items carry a length


def _wrong_forms(texts: Iterator[tuple[str, str]], forms: dict[str, str]) -> list[str]:
    return [
        f"{where}: {wrong} in {text!r} (write {right})"
        for where, text in texts
        for wrong, right in forms.items()
        if wrong in text
    ]


def _database_texts(hant_only: bool) -> Iterator[tuple[str, str]]:
    """(table.column, text) for every text the content database holds, or its zh-Hant ones.

    A zh-Hant text is a ``*_zh_hant`` column, or any text of a row whose ``language`` is zh-Hant
    (the search index).
    """
    uri = f"{resources.content_db_path().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as database:
        tables = [
            row[0]
            for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            columns = [row[1] for row in database.execute(f'PRAGMA table_info("{table}")')]
            for row in database.execute(f'SELECT * FROM "{table}"'):
                values = dict(zip(columns, row, strict=True))
                hant_row = values.get("language") == "zh-Hant"
                for column, value in values.items():
                    if not isinstance(value, str):
                        continue
                    if not hant_only or hant_row or column.endswith("_zh_hant"):
                        yield f"{table}.{column}", value


def _qm_translations(path: Path) -> set[str]:
    """Every translation compiled into a Qt .qm file (numerus forms one by one)."""
    data = path.read_bytes()
    assert data[:16] == QM_MAGIC, f"{path} is not a compiled Qt translation"
    found = set()
    position = 16
    while position < len(data):
        tag, length = data[position], int.from_bytes(data[position + 1 : position + 5], "big")
        block = data[position + 5 : position + 5 + length]
        position += 5 + length
        if tag != QM_MESSAGES_BLOCK:
            continue
        item = 0
        while item < len(block):
            item_tag = block[item]
            item += 1
            if item_tag == QM_END:
                continue
            if item_tag == QM_OBSOLETE:
                item += 4
                continue
            item_length = int.from_bytes(block[item : item + 4], "big")
            item += 4
            if item_length == 0xFFFFFFFF:  # a translation that is null
                continue
            if item_tag == QM_TRANSLATION:
                found.add(block[item : item + item_length].decode("utf-16-be"))
            item += item_length
    return found


def _ts_translations(path: Path) -> set[str]:
    root = ElementTree.parse(path).getroot()
    return {
        element.text
        for translation in root.iter("translation")
        if translation.get("type") not in ("vanished", "obsolete")
        for element in translation.iter()
        if element.text and element.text.strip()
    }


@pytest.fixture(scope="module")
def ui_translations(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The shipped zh_Hant.qm's strings, checked to be what zh_Hans.ts converts to today."""
    compiled = resources.asset("translations", "zh_Hant.qm")
    assert compiled.is_file(), "assets/translations/zh_Hant.qm is missing: run make translations"
    shipped = _qm_translations(compiled)
    fresh = tmp_path_factory.mktemp("translations") / "zh_Hant.ts"
    convert(resources.asset("translations", "zh_Hans.ts"), fresh)
    assert shipped == _ts_translations(fresh), (
        "zh_Hant.qm is stale against zh_Hans.ts or kiosk/i18n_build.py: run make translations"
    )
    return shipped


def test_the_scan_reads_the_database_s_texts() -> None:
    """A scan that found nothing to read would pass for nothing."""
    hant = dict(_database_texts(hant_only=True))
    assert {"programme.name_zh_hant", "country.name_zh_hant", "search_term.text"} <= set(hant)
    texts = [text for _, text in _database_texts(hant_only=True)]
    assert "軟件工程" in texts and "廚藝" in texts
    assert len(texts) > 1000


def test_content_database_keeps_to_hong_kong_usage() -> None:
    assert _wrong_forms(_database_texts(hant_only=True), NOT_HONG_KONG_USAGE) == []


def test_content_database_has_no_misspelt_names() -> None:
    assert _wrong_forms(_database_texts(hant_only=False), MISSPELT) == []


def test_ui_translations_keep_to_hong_kong_usage(ui_translations: set[str]) -> None:
    assert len(ui_translations) > 200
    assert "搜尋" in "".join(ui_translations)  # Hong Kong words applied after OpenCC
    texts = (("zh_Hant.qm", text) for text in sorted(ui_translations))
    assert _wrong_forms(texts, NOT_HONG_KONG_USAGE) == []


def test_lead_form_regions_keep_to_hong_kong_usage() -> None:
    texts = ((f"kiosk/regions.py {code}", name.zh_hant) for code, name in REGIONS.items())
    assert _wrong_forms(texts, NOT_HONG_KONG_USAGE) == []


def test_simplified_ui_translations_have_no_misspelt_names() -> None:
    texts = (
        ("zh_Hans.ts", text)
        for text in sorted(_ts_translations(resources.asset("translations", "zh_Hans.ts")))
    )
    assert _wrong_forms(texts, MISSPELT) == []
