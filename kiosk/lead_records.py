"""Leads as staff and the admissions office read them (opened, with their event's name), and
their removal once HQ holds them and the retention period is over."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.engine import Engine

from kiosk.data.leads_db import EventRow, LeadKeyRow, LeadRow, OutboxRow
from kiosk.lead_vault import SealedLeadReader

READ_BATCH = 2000


@dataclass(frozen=True)
class LeadRecord:
    lead_id: str
    created_at: str  # ISO 8601, UTC
    kiosk_id: str
    device_id: str
    event_id: str
    event_name: str
    event_city: str
    session_id: str
    name: str
    phone_e164: str | None
    email: str | None
    wechat_id: str | None
    school: str | None
    region: str
    stage: str
    intake_year: int | None
    programme_codes: tuple[str, ...]
    contact_language: str
    age_group: str
    guardian_consent: bool | None
    notice_version: str
    consent_contact: bool
    consent_transfer: bool
    consent_news: bool
    eligibility: dict[str, Any] | None  # the outcome the visitor saw (DESIGN.md), if any
    synced_at: str | None  # when HQ confirmed it; None while it waits

    def to_json(self) -> dict[str, Any]:
        """The lead as JSON: one line of an export bundle, one item of a sync batch."""
        # Shallow, unlike asdict(), whose deep copy of the outcome cost 0.1 ms a lead.
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values["programme_codes"] = list(self.programme_codes)
        return values


def count_leads(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(LeadRow)).scalar_one())


def lead_records_query() -> Select[Any]:
    """Every lead with what a LeadRecord needs besides its personal data, oldest first."""
    return (
        select(
            *LeadRow.__table__.columns,
            func.coalesce(EventRow.name, "").label("event_name"),
            func.coalesce(EventRow.city, "").label("event_city"),
            OutboxRow.synced_at,
        )
        .outerjoin(EventRow, EventRow.event_id == LeadRow.event_id)
        .outerjoin(OutboxRow, OutboxRow.lead_id == LeadRow.lead_id)
        .order_by(LeadRow.created_at, LeadRow.lead_id)
    )


def iter_lead_records(engine: Engine, opener: SealedLeadReader) -> Iterator[LeadRecord]:
    """Every lead, oldest first, read in batches so 100,000 leads need little memory."""
    query = lead_records_query()
    # One query, streamed in batches: one sort, and a consistent snapshot (WAL lets the kiosk
    # go on saving leads meanwhile).
    with engine.connect() as connection:
        result = connection.execution_options(yield_per=READ_BATCH).execute(query)
        for row in result:
            yield lead_record(row, opener)


def lead_record(row: Any, opener: SealedLeadReader) -> LeadRecord:
    """The record of one row of ``lead_records_query``, its personal data opened."""
    values = row._mapping
    personal = opener.open(values["lead_id"], values["key_id"], values["sealed_pii"])
    return LeadRecord(
        lead_id=values["lead_id"],
        created_at=values["created_at"],
        kiosk_id=values["kiosk_id"],
        device_id=values["device_id"],
        event_id=values["event_id"],
        event_name=values["event_name"],
        event_city=values["event_city"],
        session_id=values["session_id"],
        name=personal["name"] or "",
        phone_e164=personal["phone_e164"],
        email=personal["email"],
        wechat_id=personal["wechat_id"],
        school=personal["school"],
        region=values["region"],
        stage=values["stage"],
        intake_year=values["intake_year"],
        programme_codes=tuple(json.loads(values["programme_codes"])),
        contact_language=values["contact_language"],
        age_group=values["age_group"],
        guardian_consent=values["guardian_consent"],
        notice_version=values["notice_version"],
        consent_contact=bool(values["consent_contact"]),
        consent_transfer=bool(values["consent_transfer"]),
        consent_news=bool(values["consent_news"]),
        eligibility=(
            None
            if values["eligibility_outcome"] is None
            else json.loads(values["eligibility_outcome"])
        ),
        synced_at=values["synced_at"],
    )


def _months_before(moment: datetime, months: int) -> datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, 28)  # every month has a 28th; a day's difference does not matter here
    return moment.replace(year=year, month=month + 1, day=day)


def _purgeable(now: datetime, retention_months: int) -> Any:
    cutoff = _months_before(now.astimezone(UTC), retention_months)
    return (
        select(LeadRow.lead_id)
        .join(OutboxRow, OutboxRow.lead_id == LeadRow.lead_id)
        .where(OutboxRow.synced_at.is_not(None))
        .where(LeadRow.created_at < cutoff.isoformat(timespec="milliseconds"))
    )


def count_purgeable_leads(engine: Engine, now: datetime, retention_months: int) -> int:
    query = select(func.count()).select_from(_purgeable(now, retention_months).subquery())
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def purge_confirmed_leads(engine: Engine, now: datetime, retention_months: int) -> int:
    """Delete the leads HQ confirmed that are older than the retention period; return how many.

    Leads HQ has not confirmed are kept, however old. A data key no lead needs any more is
    deleted too (a running kiosk stores its current one again with its next lead).
    """
    with engine.begin() as connection:
        ids = connection.execute(_purgeable(now, retention_months)).scalars().all()
        for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
            chunk = ids[start : start + 500]
            connection.execute(delete(OutboxRow).where(OutboxRow.lead_id.in_(chunk)))
            connection.execute(delete(LeadRow).where(LeadRow.lead_id.in_(chunk)))
        used = select(LeadRow.key_id).where(LeadRow.key_id.is_not(None))
        connection.execute(delete(LeadKeyRow).where(LeadKeyRow.key_id.not_in(used)))
    return len(ids)
