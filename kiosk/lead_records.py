"""Leads as staff and the admissions office read them: opened, with their event's name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.engine import Engine

from kiosk.data.leads_db import EventRow, LeadRow, OutboxRow
from kiosk.lead_vault import LeadOpener

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
        values = asdict(self)
        values["programme_codes"] = list(self.programme_codes)
        return values


def count_leads(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(LeadRow)).scalar_one())


def iter_lead_records(engine: Engine, opener: LeadOpener) -> Iterator[LeadRecord]:
    """Every lead, oldest first, read in batches so 100,000 leads need little memory."""
    query = (
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
    last: tuple[str, str] | None = None
    while True:
        page = (
            query
            if last is None
            else query.where(tuple_(LeadRow.created_at, LeadRow.lead_id) > tuple_(*last))
        )
        with engine.connect() as connection:
            rows = connection.execute(page.limit(READ_BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield _record(row, opener)
        last = (rows[-1].created_at, rows[-1].lead_id)


def _record(row: Any, opener: LeadOpener) -> LeadRecord:
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
