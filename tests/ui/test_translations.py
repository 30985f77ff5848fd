"""Every UI string in the code has a Simplified Chinese translation (zh-Hant is generated)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import opencc
import pytest

from kiosk import resources
from kiosk.i18n_build import HONG_KONG_WORDS, to_hong_kong

TS = resources.asset("translations", "zh_Hans.ts")


def _messages(path: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (resources.bundle_root() / "kiosk" / "ui").rglob("*.py"))
    shutil.copy(TS, fresh)
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {
        key
        for key, message in _messages(fresh).items()
        if message.find("translation") is not None
        and message.find("translation").get("type") not in ("vanished", "obsolete")  # type: ignore[union-attr]
    }
    translated = {
        key
        for key, message in _messages(TS).items()
        if message.find("translation") is not None
        and message.find("translation").get("type") is None  # type: ignore[union-attr]
    }
    assert in_code - translated == set()


@pytest.mark.parametrize(("converted", "hong_kong"), HONG_KONG_WORDS.items())
def test_every_hong_kong_word_replaces_what_opencc_writes(converted: str, hong_kong: str) -> None:
    """Each replacement is keyed by OpenCC's output, so it fires (链接 as a key never did)."""
    simplified = opencc.OpenCC("hk2s").convert(converted)
    assert converted in opencc.OpenCC("s2hk").convert(simplified)
    assert hong_kong in to_hong_kong(simplified)


def test_the_summary_s_download_link_reads_as_in_hong_kong() -> None:
    assert to_hong_kong("下载链接") == "下載連結"
    assert to_hong_kong("了解VPAS详情") == "了解VPAS詳情"
