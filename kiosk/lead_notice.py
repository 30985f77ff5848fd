"""The personal information notice shown before a visitor leaves contact details, and the
version stored with every lead: a digest of the very words shown, so new words are a new version.
"""

from __future__ import annotations

import hashlib

from kiosk.catalog import Catalog
from kiosk.l10n import LANGUAGES, Language
from kiosk.settings import Settings

NOTICE_PARAGRAPHS = ("collector", "purpose", "transfer", "retention", "rights", "only_these")
CONSENTS = ("consent_contact", "consent_transfer", "consent_news")
PRIVACY_CONTACT = "admissions"  # the leaflet's 入学申请查询 office, unless staff set another


def privacy_contact(catalog: Catalog, settings: Settings) -> tuple[str, str]:
    """The e-mail address and telephone number for withdrawing consent and seeing one's details:
    the settings', each falling back to the leaflet's admissions office."""
    office = next(contact for contact in catalog.contacts if contact.code == PRIVACY_CONTACT)
    return (
        settings.privacy_contact_email or office.email or "",
        settings.privacy_contact_phone or office.phone or "",
    )


def notice_paragraphs(catalog: Catalog, language: Language, settings: Settings) -> list[str]:
    email, phone = privacy_contact(catalog, settings)
    values = {"{months}": str(settings.retention_months), "{email}": email, "{phone}": phone}
    paragraphs = []
    for key in NOTICE_PARAGRAPHS:
        text = catalog.text(f"privacy.{key}").get(language)
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        paragraphs.append(text)
    return paragraphs


def notice_version(catalog: Catalog, settings: Settings) -> str:
    """``pics-`` and 12 hex digits of SHA-256 over the notice (with the retention and contact
    staff set) and the consents in every language."""
    digest = hashlib.sha256()
    for language in LANGUAGES:
        for paragraph in notice_paragraphs(catalog, language, settings):
            digest.update(paragraph.encode("utf-8") + b"\n")
        for key in ("title", *CONSENTS, "guardian"):
            digest.update(catalog.text(f"privacy.{key}").get(language).encode("utf-8") + b"\n")
    return f"pics-{digest.hexdigest()[:12]}"
