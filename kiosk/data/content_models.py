"""Typed SQLAlchemy models of the bundled, read-only content database.

Every visitor-facing text is an :class:`~kiosk.l10n.L10n` composite over three columns.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, composite, mapped_column, relationship

from kiosk.l10n import L10n

# Bumped whenever the tables below change; part of the source hash, so a stale DB is noticed.
CONTENT_SCHEMA_VERSION = 3


def localized(prefix: str, *, optional: bool = False) -> Any:
    """A composite L10n attribute stored as ``<prefix>_zh_hans``, ``_zh_hant`` and ``_en``."""
    return composite(
        L10n,
        mapped_column(f"{prefix}_zh_hans", Text, nullable=optional),
        mapped_column(f"{prefix}_zh_hant", Text, nullable=optional),
        mapped_column(f"{prefix}_en", Text, nullable=optional),
    )


class ContentBase(DeclarativeBase):
    pass


class Meta(ContentBase):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SectorRow(ContentBase):
    __tablename__ = "sector"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    icon: Mapped[str] = mapped_column(String)
    new_from: Mapped[str | None] = mapped_column(String, nullable=True)
    name: Mapped[L10n] = localized("name")
    programmes: Mapped[list[ProgrammeRow]] = relationship(order_by="ProgrammeRow.position")
    jobs: Mapped[list[JobRow]] = relationship(order_by="JobRow.position")


class ProgrammeRow(ContentBase):
    __tablename__ = "programme"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    sector_code: Mapped[str] = mapped_column(ForeignKey("sector.code"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[L10n] = localized("name")


class JobRow(ContentBase):
    """A job example; the leaflet gives them per sector."""

    __tablename__ = "job"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sector_code: Mapped[str] = mapped_column(ForeignKey("sector.code"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[L10n] = localized("name")


class TextRow(ContentBase):
    """A scheme-wide text (intro, disclaimer, data date …) addressed by a dotted key."""

    __tablename__ = "text"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[L10n] = localized("value")


class KeyPointRow(ContentBase):
    __tablename__ = "key_point"
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    footnotes: Mapped[str] = mapped_column(String)  # comma-separated footnote numbers
    text: Mapped[L10n] = localized("text")


class FootnoteRow(ContentBase):
    __tablename__ = "footnote"
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0 when not split (5 i–iii)
    text: Mapped[L10n] = localized("text")


class SupportRow(ContentBase):
    __tablename__ = "support"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[L10n] = localized("title")
    description: Mapped[L10n] = localized("description")
    note: Mapped[L10n | None] = localized("note", optional=True)  # the leaflet's "(需额外收费)"


class LinkRow(ContentBase):
    __tablename__ = "link"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)  # None: staff set it
    title: Mapped[L10n] = localized("title")


class ContactRow(ContentBase):
    __tablename__ = "contact"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[L10n | None] = localized("title", optional=True)
    organisation: Mapped[L10n | None] = localized("organisation", optional=True)
    address: Mapped[L10n | None] = localized("address", optional=True)
    text: Mapped[L10n | None] = localized("text", optional=True)
    phone: Mapped[str | None] = mapped_column(String, nullable=True)
    email: Mapped[str | None] = mapped_column(String, nullable=True)


class SearchTermRow(ContentBase):
    """Precomputed search forms (lower case, pinyin, initials), so the kiosk needs no pypinyin."""

    __tablename__ = "search_term"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String)  # "sector" | "programme" | "job"
    sector_code: Mapped[str] = mapped_column(ForeignKey("sector.code"))
    programme_code: Mapped[str | None] = mapped_column(ForeignKey("programme.code"), nullable=True)
    text: Mapped[str] = mapped_column(Text)  # shown to the visitor as "matched: …"
    language: Mapped[str] = mapped_column(String)
    forms: Mapped[str] = mapped_column(Text)  # "\n"-joined normalised forms


class RuleParameterRow(ContentBase):
    """An eligibility rule's parameter (JSON), e.g. the excluded nationalities."""

    __tablename__ = "rule_parameter"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReasonRow(ContentBase):
    """The text of an eligibility reason or advisory, and the leaflet note it comes from."""

    __tablename__ = "reason"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String)
    source: Mapped[str] = mapped_column(String)  # comma-separated clause ids ("footnote:5.i" …)
    text: Mapped[L10n] = localized("text")


class ClauseRow(ContentBase):
    """A clause of the leaflet in its own words, by a stable id ("footnote:5.i", "key_point:3")."""

    __tablename__ = "clause"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    text: Mapped[L10n] = localized("text")


class CountryRow(ContentBase):
    """A nationality the visitor can choose; ``common`` ones are offered first."""

    __tablename__ = "country"
    code: Mapped[str] = mapped_column(String, primary_key=True)  # ISO 3166-1 alpha-2
    position: Mapped[int] = mapped_column(Integer, unique=True)
    common: Mapped[bool] = mapped_column()
    nationality: Mapped[bool] = mapped_column()
    name: Mapped[L10n] = localized("name")
    forms: Mapped[str] = mapped_column(Text)  # "\n"-joined search forms
