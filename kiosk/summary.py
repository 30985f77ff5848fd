"""The visitor's summary: what it holds (their list, outcome, language) and the official links
it points to. The PDF itself is made by ``kiosk.summary_pdf`` (reportlab is loaded only then).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode, urlsplit, urlunsplit

from kiosk.catalog import Catalog, Link
from kiosk.eligibility import EligibilityOutcome
from kiosk.errors import KioskError, shown
from kiosk.l10n import Language

PROGRAMMES_LINK = "vtc-vpas"  # the page the fallback QR opens with the visitor's codes


class SummaryError(KioskError):
    pass


@dataclass(frozen=True)
class SummaryRequest:
    language: Language
    programme_codes: tuple[str, ...]  # the visitor's list, in the order added
    outcome: EligibilityOutcome | None  # None when the visitor did not take the check
    made_on: date


def official_links(catalog: Catalog, overrides: dict[str, str] | None = None) -> tuple[Link, ...]:
    """The content's links, with the addresses staff have changed in the settings."""
    overrides = overrides or {}
    return tuple(
        Link(link.code, overrides.get(link.code, link.url), link.title) for link in catalog.links
    )


def programmes_link(links: Sequence[Link], programme_codes: Sequence[str]) -> str:
    """VTC's VPAS page, carrying the visitor's programme codes so staff and the visitor can
    see what was chosen (the QR offered when the kiosk has no booth network to serve the PDF)."""
    url = next(link.url for link in links if link.code == PROGRAMMES_LINK)
    if not programme_codes:
        return url
    parts = urlsplit(url)
    query = "&".join(
        part for part in (parts.query, urlencode({"programmes": ",".join(programme_codes)})) if part
    )
    return urlunsplit(parts._replace(query=query))


def check_programme_codes(catalog: Catalog, codes: Sequence[str]) -> tuple[str, ...]:
    """The codes without repeats; an unknown one raises SummaryError with one sentence."""
    unknown = [code for code in codes if code not in catalog.programme_codes]
    if unknown:
        raise SummaryError(
            f"Unknown programme code {shown(unknown[0])}: `kiosk content list --json` lists the 34."
        )
    return tuple(dict.fromkeys(codes))
