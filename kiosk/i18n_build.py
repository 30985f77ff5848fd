"""Build the Qt translations: the Traditional Chinese (Hong Kong) file generated from the
Simplified one, then every language compiled to the .qm files the kiosk loads. Its conversion
to Hong Kong Chinese serves the content build too.

Usage: python -m kiosk.i18n_build   (`make translations`; kiosk.spec runs it too, so a build
without make, as on Windows, has them)
"""

from __future__ import annotations

import functools
import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

from kiosk.resources import asset

SOURCES = ("zh_Hans.ts", "zh_Hant.ts", "en.ts")

# Where Hong Kong usage differs from OpenCC s2hk's output. Keyed by that output: the
# replacements run after the conversion (a Simplified key such as 链接 would never match, and
# replacing before it would not help: s2hk turns 了解 into 瞭解 again).
HONG_KONG_WORDS = {
    "搜索": "搜尋",
    "打印": "列印",
    "鏈接": "連結",
    "瞭解": "了解",
    "羣": "群",
    "公佈": "公布",
    "發佈": "發布",
}


@functools.cache
def _s2hk() -> Any:
    import opencc  # build-time only

    return opencc.OpenCC("s2hk")


def to_hong_kong(simplified: str) -> str:
    """Simplified Chinese in Traditional characters, as Hong Kong writes it."""
    text: str = _s2hk().convert(simplified)
    for converted, hong_kong in HONG_KONG_WORDS.items():
        text = text.replace(converted, hong_kong)
    return text


def convert(source: Path, target: Path) -> None:
    tree = ElementTree.parse(source)
    root = tree.getroot()
    root.set("language", "zh_HK")
    for translation in root.iter("translation"):
        for element in translation.iter():  # plain translations and their numerus forms
            if element.text and element.text.strip():
                element.text = to_hong_kong(element.text)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def _stale(target: Path, *sources: Path) -> bool:
    return not target.exists() or any(
        target.stat().st_mtime < source.stat().st_mtime for source in sources
    )


def _lrelease() -> Path:
    """Qt's translation compiler, shipped inside the PySide6 wheel."""
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def build_translations(directory: Path) -> list[Path]:
    """Rebuild whatever is older than its source; return the files written."""
    written = []
    hant = directory / "zh_Hant.ts"
    if _stale(hant, directory / "zh_Hans.ts", Path(__file__)):
        convert(directory / "zh_Hans.ts", hant)
        written.append(hant)
    for name in SOURCES:
        source = directory / name
        compiled = source.with_suffix(".qm")
        if _stale(compiled, source):
            command = [str(_lrelease()), "-silent", str(source), "-qm", str(compiled)]
            subprocess.run(command, check=True)
            written.append(compiled)
    return written


if __name__ == "__main__":
    build_translations(asset("translations"))
