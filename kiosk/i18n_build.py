"""Generate the Traditional Chinese (Hong Kong) Qt translation file from the Simplified one.

Usage: python -m kiosk.i18n_build zh_Hans.ts zh_Hant.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

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


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
