"""The personal information notice shown before a visitor leaves contact details, and the
version stored with every lead: a digest of the very words shown, so new words are a new version.
"""

from __future__ import annotations

import hashlib

from kiosk.catalog import Catalog
from kiosk.l10n import LANGUAGES, Language

NOTICE_PARAGRAPHS = ("collector", "purpose", "transfer", "retention", "rights", "only_these")
CONSENTS = ("consent_contact", "consent_transfer", "consent_news")


def notice_paragraphs(catalog: Catalog, language: Language, retention_months: int) -> list[str]:
    return [
        catalog.text(f"privacy.{key}").get(language).replace("{months}", str(retention_months))
        for key in NOTICE_PARAGRAPHS
    ]


def notice_version(catalog: Catalog, retention_months: int) -> str:
    """``pics-`` and 12 hex digits of SHA-256 over the notice and consents in every language."""
    digest = hashlib.sha256()
    for language in LANGUAGES:
        for paragraph in notice_paragraphs(catalog, language, retention_months):
            digest.update(paragraph.encode("utf-8") + b"\n")
        for key in ("title", *CONSENTS, "guardian"):
            digest.update(catalog.text(f"privacy.{key}").get(language).encode("utf-8") + b"\n")
    return f"pics-{digest.hexdigest()[:12]}"
