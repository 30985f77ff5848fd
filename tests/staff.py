"""Booth staff's secrets in tests, and a leads database that staff have already set up."""

from __future__ import annotations

import json
import random
import shutil
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from kiosk.data.leads_db import AnalyticsEventRow, open_leads_db
from kiosk.lead_vault import LeadSealer, set_up_vault
from kiosk.leads import write_leads
from kiosk.staff_access import StaffAccess

STAFF_PIN = "246810"
START = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


class MovableClock:
    """A clock tests set and move by hand (lockouts, data keys per day)."""

    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


STAFF_PASSPHRASE = "booth staff passphrase"


def set_up_staff(engine: Engine) -> None:
    StaffAccess(engine).set_pin(STAFF_PIN)
    set_up_vault(engine, STAFF_PASSPHRASE)


def make_staffed_db(path: Path) -> Path:
    """A migrated leads database with the staff PIN and passphrase set."""
    engine = open_leads_db(path)
    set_up_staff(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def copy_staffed_db(template: Path, path: Path) -> Path:
    """Argon2id makes setting up cost ~0.15 s; a copy of a set-up database costs nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    return path


def lead_values(index: int, created_at: str, **changes: Any) -> dict[str, Any]:
    """A stored lead (LeadRow's columns, personal data in the clear) for ``write_lead``."""
    values: dict[str, Any] = {
        "lead_id": str(uuid.UUID(int=index + 1)),
        "device_id": "device-1",
        "kiosk_id": "GZ-01",
        "event_id": "",
        "session_id": f"session-{index}",
        "created_at": created_at,
        "name": f"陈大文{index}",
        "phone_e164": f"+86138{index:08d}",
        "email": f"visitor{index}@example.com",
        "wechat_id": None,
        "school": "广州市第六中学",
        "region": "CN-GD",
        "stage": "senior_secondary_3",
        "intake_year": 2026,
        "programme_codes": json.dumps(["software-engineering"]),
        "contact_language": "zh-Hans",
        "age_group": "18_or_over",
        "guardian_consent": None,
        "notice_version": "pics-test",
        "consent_contact": True,
        "consent_transfer": True,
        "consent_news": False,
        "eligibility_outcome": None,
    }
    values.update(changes)
    return values


def seed_leads(engine: Engine, leads: Iterable[dict[str, Any]]) -> None:
    write_leads(engine, LeadSealer(engine), leads)


def many_leads(count: int, start: int = 0) -> list[dict[str, Any]]:
    """``count`` leads a second apart, from 9:00 UTC on the fair day."""
    return [
        lead_values(index, (START + timedelta(seconds=index)).isoformat(timespec="milliseconds"))
        for index in range(start, start + count)
    ]


def seed_fair_day(engine: Engine, sector_codes: list[str], programme_codes: list[str]) -> None:
    """A fair day's worth of visits, views, results and leads, 9:00 to 18:00 local time today:
    what the staff panel's counts and charts look like in the evening (screenshots, tests)."""
    rng = random.Random(2026)
    today = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    outcomes = ("likely_eligible", "eligible_with_conditions", "not_eligible", "talk_to_staff")
    events, leads = [], []
    for visit in range(320):
        # Busier around 11:00 and 15:00, as fair crowds are.
        hour = min(8.99, max(0.0, rng.choice((2.0, 6.0)) + rng.gauss(0, 1.6)))
        moment = today + timedelta(hours=hour)
        session = f"fair-{visit}"
        kinds = [("session_start", "zh-Hans")]
        kinds += [("sector_view", rng.choice(sector_codes[:8])) for _ in range(rng.randint(0, 3))]
        kinds += [
            ("programme_view", rng.choice(programme_codes[:15])) for _ in range(rng.randint(0, 3))
        ]
        if rng.random() < 0.45:
            kinds.append(("eligibility_outcome", rng.choice(outcomes)))
        if rng.random() < 0.22:
            kinds.append(("lead_saved", None))
            leads.append(
                lead_values(visit, moment.astimezone(UTC).isoformat(timespec="milliseconds"))
            )
        for step, (kind, subject) in enumerate(kinds):
            at = (moment + timedelta(seconds=20 * step)).astimezone(UTC)
            events.append(
                {
                    "session_id": session,
                    "kind": kind,
                    "subject": subject,
                    "language": "zh-Hans",
                    "detail": None,
                    "created_at": at.isoformat(timespec="milliseconds"),
                    "event_id": "",
                    "kiosk_id": "GZ-01",
                }
            )
    with engine.begin() as connection:
        connection.execute(insert(AnalyticsEventRow), events)
    seed_leads(engine, leads)
