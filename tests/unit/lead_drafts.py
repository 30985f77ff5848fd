"""A complete, valid lead draft for the lead tests to change one field at a time."""

from __future__ import annotations

from typing import Any

from kiosk.leads import LeadDraft


def complete_draft(**changes: Any) -> LeadDraft:
    draft = LeadDraft(
        name="陈大文",
        phone_number="138 1234 5678",
        region="CN-GD",
        stage="senior_secondary_3",
        intake_year=2026,
        programme_codes=["C1"],
        contact_language="zh-Hans",
        age_group="18_or_over",
        consent_contact=True,
        consent_transfer=True,
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft
