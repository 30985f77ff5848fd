"""The content the kiosk shows, read once from the bundled database into plain objects.

Screens receive these frozen objects and never touch SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from kiosk.data.content_models import (
    CONTENT_SCHEMA_VERSION,
    ClauseRow,
    ContactRow,
    CountryRow,
    FootnoteRow,
    KeyPointRow,
    LinkRow,
    Meta,
    ReasonRow,
    RuleParameterRow,
    SearchTermRow,
    SectorRow,
    SupportRow,
    TextRow,
)
from kiosk.errors import ContentError
from kiosk.l10n import L10n, Language


@dataclass(frozen=True, slots=True)
class Programme:
    code: str
    sector_code: str
    name: L10n


@dataclass(frozen=True, slots=True)
class Sector:
    code: str
    icon: str
    new_from: str | None
    name: L10n
    jobs: tuple[L10n, ...]
    programmes: tuple[Programme, ...]


@dataclass(frozen=True, slots=True)
class KeyPoint:
    step: int
    text: L10n
    footnotes: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    parts: tuple[L10n, ...]  # one part, or footnote 5's i, ii, iii


@dataclass(frozen=True, slots=True)
class Support:
    code: str
    title: L10n
    description: L10n
    note: L10n | None  # the leaflet's remark in brackets, such as "(需额外收费)"

    def with_note(self, text: L10n, language: Language) -> str:
        """``text`` (its title or description) followed by the note, as the leaflet prints it:
        wherever the item is shown, its note is too."""
        shown = text.get(language)
        return f"{shown} ({self.note.get(language)})" if self.note else shown


@dataclass(frozen=True, slots=True)
class Link:
    code: str
    url: str | None  # None: a link the leaflet has only as a QR code; staff set its address
    title: L10n


@dataclass(frozen=True, slots=True)
class Contact:
    code: str
    title: L10n | None
    organisation: L10n | None
    address: L10n | None
    text: L10n | None
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class SearchTerm:
    kind: str  # "sector" | "programme" | "job"
    sector_code: str
    programme_code: str | None
    text: str
    language: Language
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReasonText:
    code: str
    kind: str  # not_applicable | not_covered | broken | condition | unsure | met | advisory
    sources: tuple[str, ...]  # clause ids of the leaflet: "footnote:5.i", "key_point:3" …
    text: L10n


@dataclass(frozen=True)
class RulesData:
    """The eligibility rules as data: a version, parameters and the text of every reason."""

    version: str
    parameters: dict[str, Any]
    reasons: dict[str, ReasonText]
    source_labels: dict[str, L10n]  # "leaflet" -> "VPAS leaflet, {clauses}", "footnote" …
    country_codes: frozenset[str]  # every ISO 3166-1 code a nationality answer may use

    def source_label(self, sources: tuple[str, ...], language: Language) -> str:
        """ "VPAS leaflet, note 1, note 5 i" for ("footnote:1", "footnote:5.i")."""
        names = []
        for source in sources:
            kind, _, number = source.partition(":")
            names.append(
                self.source_labels[kind].get(language).replace("{n}", number.replace(".", " "))
            )
        joiner = ", " if language == "en" else "、"
        return self.source_labels["leaflet"].get(language).replace("{clauses}", joiner.join(names))


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: L10n
    common: bool  # offered first
    nationality: bool  # False for Hong Kong and Macao
    forms: tuple[str, ...]


# The leaflet's footnote on a sector new in a year (sectors.toml's new_from, Hotel and Tourism).
NEW_SECTOR_FOOTNOTE = 7


def _present(value: L10n | None) -> L10n | None:
    return value if value is not None and value.zh_hans is not None else None


@dataclass(frozen=True)
class Catalog:
    source_hash: str
    rules: RulesData
    countries: tuple[Country, ...]
    sectors: tuple[Sector, ...]
    texts: dict[str, L10n]
    key_points: tuple[KeyPoint, ...]
    footnotes: tuple[Footnote, ...]
    supports: tuple[Support, ...]
    links: tuple[Link, ...]
    contacts: tuple[Contact, ...]
    search_terms: tuple[SearchTerm, ...]
    clauses: dict[str, L10n]  # the leaflet's words by clause id (content_source.leaflet_clauses)

    # Indexes built once on first use: screens look programmes and countries up per keystroke.
    @cached_property
    def _sectors_by_code(self) -> dict[str, Sector]:
        return {sector.code: sector for sector in self.sectors}

    @cached_property
    def _programmes_by_code(self) -> dict[str, Programme]:
        return {p.code: p for sector in self.sectors for p in sector.programmes}

    @cached_property
    def _countries_by_code(self) -> dict[str, Country]:
        return {country.code: country for country in self.countries}

    def sector(self, code: str) -> Sector:
        return self._sectors_by_code[code]

    def programme(self, code: str) -> Programme:
        return self._programmes_by_code[code]

    def country(self, code: str) -> Country:
        return self._countries_by_code[code]

    @property
    def rules_version(self) -> str:
        return self.rules.version

    @property
    def programmes(self) -> tuple[Programme, ...]:
        return tuple(self._programmes_by_code.values())

    @property
    def programme_codes(self) -> frozenset[str]:
        return frozenset(self._programmes_by_code)

    def text(self, key: str) -> L10n:
        return self.texts[key]

    def clause(self, clause_id: str) -> L10n:
        """The leaflet's own words of a clause: "footnote:5.i", "key_point:3", "intro" …"""
        return self.clauses[clause_id]

    def new_sector_note(self, sector: Sector) -> L10n | None:
        """The leaflet's footnote 7 for a sector it marks as new, or None for the others."""
        if sector.new_from is None:
            return None
        return next(f.parts[0] for f in self.footnotes if f.number == NEW_SECTOR_FOOTNOTE)

    def texts_with_prefix(self, prefix: str) -> list[L10n]:
        return [value for key, value in self.texts.items() if key.startswith(prefix + ".")]

    def to_json(self) -> dict[str, Any]:
        """The ``kiosk content list --json`` document (DESIGN.md)."""
        return {
            "rules_version": self.rules_version,
            "sectors": [
                {
                    "code": sector.code,
                    "name": sector.name.as_dict(),
                    "new_from": sector.new_from,
                    "jobs": {
                        language: [job.get(language) for job in sector.jobs]
                        for language in ("zh-Hans", "zh-Hant", "en")
                    },
                    "programmes": [
                        {"code": p.code, "name": p.name.as_dict()} for p in sector.programmes
                    ],
                }
                for sector in self.sectors
            ],
        }


def read_only_engine(path: Path) -> Engine:
    """An engine that only reads the SQLite file at ``path``, whatever its name holds: the path
    goes into SQLite's URI percent-encoded, so "#", "?" or "%" in it are plain characters."""
    return create_engine(
        URL.create("sqlite", database=path.resolve().as_uri(), query={"mode": "ro", "uri": "true"})
    )


def load_catalog(path: Path) -> Catalog:
    """Read the whole content database; any problem becomes one ContentError sentence."""
    try:
        present = path.is_file()
    except OSError:  # a name too long …
        present = False
    if not present:
        raise ContentError(
            f"The content database {path} is missing: reinstall the kiosk or run "
            "'kiosk content build'."
        )
    engine = read_only_engine(path)
    try:
        with Session(engine) as session:
            return _read(session, path)
    except (SQLAlchemyError, LookupError, TypeError, ValueError, AttributeError) as error:
        # SQLite's own reason, or rows a damaged file gave back that are not what was written.
        # (Python's sqlite3 quotes all of a text it cannot decode: the column name says enough.)
        reason = (
            str(getattr(error, "orig", error)).splitlines()[0].partition(" with text ")[0]
            if isinstance(error, SQLAlchemyError)
            else "its rows are damaged"
        )
        raise ContentError(
            f"The content database {path} cannot be read ({reason}): reinstall the kiosk or run "
            "'kiosk content build'."
        ) from error
    finally:
        engine.dispose()


def _read(session: Session, path: Path) -> Catalog:
    meta: dict[str, str] = {
        key: value for key, value in session.execute(select(Meta.key, Meta.value))
    }
    if meta.get("schema_version") != str(CONTENT_SCHEMA_VERSION):
        raise ContentError(
            f"The content database {path} is of another version "
            f"({meta.get('schema_version')!r}, expected {CONTENT_SCHEMA_VERSION}): rebuild it "
            "with 'kiosk content build'."
        )
    sector_rows = session.scalars(
        select(SectorRow)
        .order_by(SectorRow.position)
        .options(selectinload(SectorRow.programmes), selectinload(SectorRow.jobs))
    ).all()
    if not sector_rows:
        raise ContentError(f"The content database {path} has no sectors: rebuild it.")
    sectors = tuple(
        Sector(
            code=row.code,
            icon=row.icon,
            new_from=row.new_from,
            name=row.name,
            jobs=tuple(job.name for job in row.jobs),
            programmes=tuple(Programme(p.code, row.code, p.name) for p in row.programmes),
        )
        for row in sector_rows
    )
    footnote_parts: dict[int, list[L10n]] = {}
    for note in session.scalars(select(FootnoteRow).order_by(FootnoteRow.number, FootnoteRow.part)):
        footnote_parts.setdefault(note.number, []).append(note.text)
    texts = {
        row.key: row.value for row in session.scalars(select(TextRow).order_by(TextRow.position))
    }
    countries = tuple(
        Country(row.code, row.name, row.common, row.nationality, tuple(row.forms.split("\n")))
        for row in session.scalars(select(CountryRow).order_by(CountryRow.position))
    )
    rules = RulesData(
        version=meta.get("rules_version", ""),
        parameters={
            row.key: json.loads(row.value) for row in session.scalars(select(RuleParameterRow))
        },
        reasons={
            row.code: ReasonText(row.code, row.kind, tuple(row.source.split(",")), row.text)
            for row in session.scalars(select(ReasonRow).order_by(ReasonRow.position))
        },
        source_labels={
            key.removeprefix("source_label."): value
            for key, value in texts.items()
            if key.startswith("source_label.")
        },
        country_codes=frozenset(country.code for country in countries),
    )
    return Catalog(
        source_hash=meta.get("source_hash", ""),
        rules=rules,
        countries=countries,
        sectors=sectors,
        texts=texts,
        key_points=tuple(
            KeyPoint(row.step, row.text, tuple(int(n) for n in row.footnotes.split(",") if n))
            for row in session.scalars(select(KeyPointRow).order_by(KeyPointRow.step))
        ),
        footnotes=tuple(Footnote(n, tuple(parts)) for n, parts in footnote_parts.items()),
        supports=tuple(
            Support(row.code, row.title, row.description, _present(row.note))
            for row in session.scalars(select(SupportRow).order_by(SupportRow.position))
        ),
        links=tuple(
            Link(row.code, row.url, row.title)
            for row in session.scalars(select(LinkRow).order_by(LinkRow.code))
        ),
        contacts=tuple(
            Contact(
                row.code,
                _present(row.title),
                _present(row.organisation),
                _present(row.address),
                _present(row.text),
                row.phone,
                row.email,
            )
            for row in session.scalars(select(ContactRow).order_by(ContactRow.position))
        ),
        search_terms=tuple(
            SearchTerm(
                row.kind,
                row.sector_code,
                row.programme_code,
                row.text,
                row.language,  # type: ignore[arg-type]
                tuple(row.forms.split("\n")),
            )
            for row in session.scalars(select(SearchTermRow).order_by(SearchTermRow.id))
        ),
        clauses={
            row.id: row.text
            for row in session.scalars(select(ClauseRow).order_by(ClauseRow.position))
        },
    )
