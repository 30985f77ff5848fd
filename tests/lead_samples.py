"""A lead as staff export it and HQ receives it (``LeadRecord``), for the export and HQ tests
to change one field at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.events import Event
from kiosk.lead_records import LeadRecord

EVENT = Event("event-gz-2025", "广州国际教育展", "广州", date(2025, 5, 1), date(2025, 5, 3))


def lead_id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def sample_record(number: int = 1, **changes: Any) -> LeadRecord:
    values: dict[str, Any] = {
        "lead_id": lead_id(number),
        "created_at": "2025-05-01T02:15:00.123+00:00",
        "kiosk_id": "gz-booth-1",
        "device_id": "device-7f3a",
        "event_id": EVENT.event_id,
        "event_name": EVENT.name,
        "event_city": EVENT.city,
        "session_id": f"session-{number}",
        "name": "陈大文",
        "phone_e164": "+8613812345678",
        "email": "chan@example.com",
        "wechat_id": "chan_dw",
        "school": "广州市第一中学",
        "region": "CN-GD",
        "stage": "secondary_6",
        "intake_year": 2026,
        "programme_codes": ("IT114105",),
        "contact_language": "zh-Hans",
        "age_group": "18_plus",
        "guardian_consent": None,
        "notice_version": "2025-04",
        "consent_contact": True,
        "consent_transfer": True,
        "consent_news": False,
        "eligibility": {"outcome": "likely", "reasons": [], "rules_version": "2025.1"},
        "synced_at": None,
    }
    values.update(changes)
    return LeadRecord(**values)
