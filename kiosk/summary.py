"""The visitor's summary: what it holds (their list, outcome, language) and the official links
it points to. The PDF itself is made by ``kiosk.summary_pdf`` (reportlab is loaded only then).

The only address built in is the one the leaflet prints (ImmD's VPAS page); the others the
leaflet has only as QR codes, so they appear once staff set them in the settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.catalog import Catalog
from kiosk.eligibility import EligibilityOutcome
from kiosk.errors import KioskError, shown
from kiosk.l10n import L10n, Language

IMMD_LINK = "immd-vpas"  # the page the leaflet prints: "以香港入境事务处网页为准"


class SummaryError(KioskError):
    pass


@dataclass(frozen=True)
class SummaryRequest:
    language: Language
    programme_codes: tuple[str, ...]  # the visitor's list, in the order added
    outcome: EligibilityOutcome | None  # None when the visitor did not take the check
    made_on: date


@dataclass(frozen=True)
class OfficialLink:
    """A link the kiosk shows, with its address known (the content's or staff's)."""

    code: str
    url: str
    title: L10n


def official_links(
    catalog: Catalog, addresses: dict[str, str] | None = None
) -> tuple[OfficialLink, ...]:
    """The content's links that have an address: the content's own, or the one staff set in the
    settings (``link_overrides``), which wins. A link with neither is not shown."""
    addresses = addresses or {}
    shown_links = []
    for link in catalog.links:
        url = addresses.get(link.code) or link.url
        if url:
            shown_links.append(OfficialLink(link.code, url, link.title))
    return tuple(shown_links)


def immd_link(links: Sequence[OfficialLink]) -> OfficialLink | None:
    """The ImmD page, built in: every summary points to it (None only if content lost it)."""
    return next((link for link in links if link.code == IMMD_LINK), None)


def unknown_link_codes(catalog: Catalog, addresses: dict[str, str]) -> list[str]:
    """The codes in staff's ``link_overrides`` that name no link of the content."""
    known = {link.code for link in catalog.links}
    return [code for code in addresses if code not in known]


def check_programme_codes(catalog: Catalog, codes: Sequence[str]) -> tuple[str, ...]:
    """The codes without repeats; an unknown one raises SummaryError with one sentence."""
    unknown = [code for code in codes if code not in catalog.programme_codes]
    if unknown:
        raise SummaryError(
            f"Unknown programme code {shown(unknown[0])}: `kiosk content list --json` lists the 34."
        )
    return tuple(dict.fromkeys(codes))
