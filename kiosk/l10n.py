"""The kiosk's three languages and a value given in each of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from kiosk.errors import shown

Language = Literal["zh-Hans", "zh-Hant", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "zh-Hans"


def parse_language(code: str) -> Language:
    """Return ``code`` as a Language, or raise ValueError with a readable sentence."""
    for language in LANGUAGES:
        if code == language:
            return language
    raise ValueError(f"Unknown language {shown(code)}: use one of {', '.join(LANGUAGES)}.")


@dataclass(frozen=True, slots=True)
class L10n:
    """One text in Simplified Chinese, Traditional Chinese and English."""

    zh_hans: str
    zh_hant: str
    en: str

    def get(self, language: Language) -> str:
        if language == "zh-Hans":
            return self.zh_hans
        if language == "zh-Hant":
            return self.zh_hant
        return self.en

    def as_dict(self) -> dict[str, str]:
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}
