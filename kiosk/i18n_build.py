"""Build the Qt translations: the Traditional Chinese (Hong Kong) file generated from the
Simplified one, then every language compiled to the .qm files the kiosk loads.

Usage: python -m kiosk.i18n_build   (`make translations`; kiosk.spec runs it too, so a build
without make, as on Windows, has them)
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from kiosk.resources import asset

SOURCES = ("zh_Hans.ts", "zh_Hant.ts", "en.ts")

# Words where Hong Kong usage differs from a character-by-character conversion.
HONG_KONG_WORDS = {"搜索": "搜尋", "打印": "列印", "链接": "連結"}


def hong_kong_usage(text: str) -> str:
    for mainland, hong_kong in HONG_KONG_WORDS.items():
        text = text.replace(mainland, hong_kong)
    return text


def convert(source: Path, target: Path) -> None:
    import opencc

    to_hant = opencc.OpenCC("s2hk")
    tree = ElementTree.parse(source)
    root = tree.getroot()
    root.set("language", "zh_HK")
    for translation in root.iter("translation"):
        for element in translation.iter():  # plain translations and their numerus forms
            if element.text and element.text.strip():
                element.text = hong_kong_usage(to_hant.convert(element.text))
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
