"""One lead as kiosks send it (``LeadRecord.to_json``), checked strictly, and its content digest.

The checks are a pydantic model in strict mode, so nothing is coerced ("1" is not 1, 1 is not
true), and the same model documents the lead in the receiver's OpenAPI document. Keys the model
does not name (``synced_at``, which bundles carry, or anything newer) are dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from kiosk.errors import KioskError
from kiosk.leads import AgeGroup

# The form str(uuid.UUID(...)) gives: one spelling per id, so one row per lead.
LEAD_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_LEAD_ID = re.compile(LEAD_ID_PATTERN)
_E164 = r"^\+[1-9][0-9]{1,14}$"


class MalformedBatch(KioskError):
    """An item of a batch cannot even be named by its lead_id, so the batch is refused whole."""

    def __init__(self, number: int, problem: str) -> None:
        self.number = number  # counted from 1
        self.problem = problem  # e.g. "is not a JSON object"
        super().__init__(f"Lead {number} of the batch {problem}, so nothing of it was stored.")


def lead_objects(items: Sequence[object]) -> list[dict[str, Any]]:
    """The items as JSON objects, once each is one with a valid lead_id; else MalformedBatch."""
    objects = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise MalformedBatch(number, "is not a JSON object")
        lead_id = item.get("lead_id")
        if not isinstance(lead_id, str) or not _LEAD_ID.fullmatch(lead_id):
            raise MalformedBatch(number, "has no lead_id that is a lower-case UUID")
        objects.append(item)
    return objects


def _iso_time_with_offset(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("must be an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise ValueError("must carry its UTC offset")
    return text


def _true(value: bool) -> bool:
    if not value:
        raise ValueError("must be true")
    return value


IsoTime = Annotated[str, AfterValidator(_iso_time_with_offset)]
RequiredConsent = Annotated[bool, AfterValidator(_true), Field(json_schema_extra={"const": True})]


class Lead(BaseModel):
    """A visitor's lead as the kiosk saved it, with the consents they gave."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    lead_id: str = Field(
        pattern=LEAD_ID_PATTERN, description="Made by the kiosk; a lower-case UUID."
    )
    created_at: IsoTime = Field(description="ISO 8601 with its UTC offset.")
    kiosk_id: str
    device_id: str
    event_id: str
    event_name: str
    event_city: str
    session_id: str
    name: str = Field(min_length=1)
    phone_e164: str | None = Field(pattern=_E164)
    email: str | None
    wechat_id: str | None
    school: str | None
    region: str
    stage: str
    intake_year: int | None
    programme_codes: list[str]
    contact_language: str
    age_group: str
    guardian_consent: bool | None = Field(description="True for a visitor under 14.")
    notice_version: str
    consent_contact: RequiredConsent
    consent_transfer: RequiredConsent
    consent_news: bool
    eligibility: dict[str, Any] | None = Field(description="The outcome the visitor saw, if any.")

    @model_validator(mode="after")
    def _rules_between_fields(self) -> Lead:
        if not (self.phone_e164 or self.email or self.wechat_id):
            raise ValueError("the lead has no phone_e164, email or wechat_id")
        if self.age_group == AgeGroup.UNDER_14 and self.guardian_consent is not True:
            raise ValueError("guardian_consent must be true for a visitor under 14")
        return self


class LeadBatch(BaseModel):
    """The body of ``POST /v1/leads``."""

    leads: list[Lead] = Field(description="At most 500 leads, in at most 4 MiB.")


def validate_lead(item: dict[str, Any]) -> dict[str, Any] | str:
    """The lead as stored (only the fields it has to have), or the sentence that says why not."""
    try:
        return Lead.model_validate(item).model_dump()
    except ValidationError as error:
        problems = "; ".join(_problem(detail) for detail in error.errors())
        return f"The lead is invalid: {problems}."


def _problem(detail: Any) -> str:
    field = ".".join(map(str, detail["loc"]))
    if detail["type"] == "missing":
        return f"{field} is missing"
    message = str(detail["msg"]).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    return f"{field}: {message}" if field else message


def content_sha256(lead: dict[str, Any]) -> str:
    """The digest two versions of a lead are compared by (canonical JSON, keys sorted)."""
    canonical = json.dumps(lead, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
