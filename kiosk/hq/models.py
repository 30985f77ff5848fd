"""The HQ database: every lead received once, and the differing versions kept aside.

Its own declarative base: HQ's database is not a kiosk's leads database, and is made with
``create_all`` (kiosk.hq.store.open_hq_db), not the kiosk's migrations.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, Integer, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

LeadJson = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC time, also on SQLite (which keeps times as text without an offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class HqBase(DeclarativeBase):
    pass


class HqLeadRow(HqBase):
    """A lead as it first arrived; ``lead`` is the whole lead, the other columns are for queries."""

    __tablename__ = "hq_lead"
    lead_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    lead: Mapped[dict[str, Any]] = mapped_column(LeadJson)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String)  # "sync" or "bundle <file name>"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    kiosk_id: Mapped[str] = mapped_column(String, index=True)
    device_id: Mapped[str] = mapped_column(String, index=True)
    event_id: Mapped[str] = mapped_column(String, index=True)


class HqLeadConflictRow(HqBase):
    """Another version of a lead already held: kept for a person to compare, never merged."""

    __tablename__ = "hq_lead_conflict"
    __table_args__ = (
        # A version sent again is the same row, not a second one. Its index, lead_id first,
        # also serves looking up a lead's versions.
        UniqueConstraint("lead_id", "content_sha256", name="uq_hq_lead_conflict_version"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    lead_id: Mapped[str] = mapped_column(String(36))
    content_sha256: Mapped[str] = mapped_column(String(64))
    lead: Mapped[dict[str, Any]] = mapped_column(LeadJson)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String)
