"""Lead capture without Qt: checking a visitor's contact details and saving them for good.

Every validator is fast and never raises: it returns ``Valid(value)`` with the value in the form
that is stored, or a ``FieldError`` code that the UI translates and shows beside the field while
the visitor types. ``validate`` adds the rules between fields (a way to reach the visitor, the
consents, a guardian for under-14s). ``save_lead`` checks everything again and writes the lead and
its outbox row in one transaction, the personal data sealed (kiosk.lead_vault); it returns only
after the commit has returned, and the leads database commits with synchronous=FULL, so a
returned lead is on disk.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date
from enum import StrEnum
from typing import Any, Generic, TypeVar

import email_validator
import phonenumbers
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import PII_FIELDS, LeadRow, OutboxRow
from kiosk.errors import KioskError
from kiosk.l10n import Language, parse_language
from kiosk.lead_vault import LeadSealer
from kiosk.regions import REGIONS

T = TypeVar("T")


class FieldError(StrEnum):
    """Why a field was refused; the UI shows its own sentence for each code."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    NAME_INVALID = "name_invalid"
    SCHOOL_INVALID = "school_invalid"
    COUNTRY_CODE_UNKNOWN = "country_code_unknown"
    PHONE_INVALID = "phone_invalid"
    EMAIL_INVALID = "email_invalid"
    WECHAT_INVALID = "wechat_invalid"
    NO_CONTACT_METHOD = "no_contact_method"
    REGION_UNKNOWN = "region_unknown"
    STAGE_UNKNOWN = "stage_unknown"
    INTAKE_YEAR_UNKNOWN = "intake_year_unknown"
    PROGRAMME_UNKNOWN = "programme_unknown"
    LANGUAGE_UNKNOWN = "language_unknown"
    AGE_GROUP_UNKNOWN = "age_group_unknown"
    GUARDIAN_CONSENT_REQUIRED = "guardian_consent_required"
    CONSENT_CONTACT_REQUIRED = "consent_contact_required"
    CONSENT_TRANSFER_REQUIRED = "consent_transfer_required"


class Stage(StrEnum):
    SENIOR_SECONDARY_1 = "senior_secondary_1"
    SENIOR_SECONDARY_2 = "senior_secondary_2"
    SENIOR_SECONDARY_3 = "senior_secondary_3"
    SECONDARY_VOCATIONAL = "secondary_vocational"
    POST_SECONDARY = "post_secondary"
    GRADUATED = "graduated"
    OTHER = "other"


class AgeGroup(StrEnum):
    UNDER_14 = "under_14"
    FROM_14_TO_17 = "14_to_17"
    ADULT = "18_or_over"


_STAGES = frozenset(stage.value for stage in Stage)
_AGE_GROUPS = frozenset(group.value for group in AgeGroup)


@dataclass(frozen=True, slots=True)
class Valid(Generic[T]):
    """An accepted input, in its stored form (None: an optional field left empty)."""

    value: T


NAME_MAX_LENGTH = 50
SCHOOL_MAX_LENGTH = 80
EMAIL_MAX_LENGTH = 254  # RFC 5321's limit on a forward path
WECHAT_ID_MAX_LENGTH = 20
# The longest national number phonenumbers knows is 17 digits; a trunk prefix may come on top.
PHONE_MAX_DIGITS = 20
INTAKE_YEARS_AHEAD = 3

# Look-alikes that input methods type for the marks a name may hold.
_LOOK_ALIKES = str.maketrans(
    {"・": "·", "•": "·", "‧": "·", "．": ".", "－": "-", "‐": "-", "’": "'", "‘": "'"}
)
_NAME_PUNCTUATION = frozenset(" ·.-'")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_PHONE_SEPARATORS = str.maketrans(dict.fromkeys(" -－()（）\u3000"))
_ASCII_DIGITS = re.compile(r"[0-9]+")
# New WeChat IDs are 6-20 letters, digits, "_" or "-" starting with a letter; older accounts kept
# the QQ number or mobile number they were opened with as their ID, so digits alone are accepted.
_WECHAT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}|[0-9]{5,20}")

_FIRST_COUNTRY_CODES = (86, 852, 853)
# Calling codes first, as the picker offers them: Mainland, Hong Kong, Macao, then ascending.
# Non-geographic codes (international freephone, satellite networks …) reach no visitor.
PHONE_COUNTRY_CODES: tuple[int, ...] = _FIRST_COUNTRY_CODES + tuple(
    sorted(
        code
        for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
        if code not in _FIRST_COUNTRY_CODES
        and regions != (phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY,)
    )
)
DEFAULT_PHONE_COUNTRY_CODE = 86


def _tidy(text: str) -> str:
    """NFC, look-alike marks unified, whitespace trimmed and each run of it made one space."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_LOOK_ALIKES).split())


def _is_clean_text(text: str, *, digits_and_punctuation: bool) -> bool:
    """Letters of any script with their combining marks, spaces and ``·.-'``; at least a letter.

    Schools may add digits and any punctuation (brackets, commas …). Control, format,
    private-use and unassigned characters, symbols and emoji are refused.
    """
    has_letter = after_letter = False
    for character in text:
        category = unicodedata.category(character)
        if category[0] == "L":
            has_letter = after_letter = True
        elif category[0] == "M":
            if not after_letter:
                return False
        elif character in _NAME_PUNCTUATION or (
            digits_and_punctuation and (category == "Nd" or category[0] == "P")
        ):
            after_letter = False
        else:
            return False
    return has_letter


def validate_name(text: str) -> Valid[str] | FieldError:
    name = _tidy(text)
    if not name:
        return FieldError.REQUIRED
    if len(name) > NAME_MAX_LENGTH:
        return FieldError.TOO_LONG
    return (
        Valid(name)
        if _is_clean_text(name, digits_and_punctuation=False)
        else FieldError.NAME_INVALID
    )


def validate_school(text: str) -> Valid[str | None] | FieldError:
    school = _tidy(text)
    if not school:
        return Valid(None)
    if len(school) > SCHOOL_MAX_LENGTH:
        return FieldError.TOO_LONG
    return (
        Valid(school)
        if _is_clean_text(school, digits_and_punctuation=True)
        else FieldError.SCHOOL_INVALID
    )


def validate_phone(country_code: int, national_number: str) -> Valid[str | None] | FieldError:
    """The number in E.164 (``+8613812345678``); spaces, dashes and full-width digits are fine."""
    digits = national_number.translate(_FULL_WIDTH_DIGITS).translate(_PHONE_SEPARATORS)
    if not digits:
        return Valid(None)
    if country_code not in PHONE_COUNTRY_CODES:
        return FieldError.COUNTRY_CODE_UNKNOWN
    if not _ASCII_DIGITS.fullmatch(digits):
        return FieldError.PHONE_INVALID
    if len(digits) > PHONE_MAX_DIGITS:
        return FieldError.TOO_LONG
    region = phonenumbers.region_code_for_country_code(country_code)
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return FieldError.PHONE_INVALID
    # A number typed with an international prefix (00852…) would land in another country.
    if number.country_code != country_code or not phonenumbers.is_valid_number(number):
        return FieldError.PHONE_INVALID
    return Valid(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def validate_email(text: str) -> Valid[str | None] | FieldError:
    """The normalised address (domain lower-cased, NFC); syntax only, never a DNS look-up."""
    address = text.strip()
    if not address:
        return Valid(None)
    if len(address) > EMAIL_MAX_LENGTH:
        return FieldError.TOO_LONG
    try:
        checked = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return FieldError.EMAIL_INVALID
    return Valid(checked.normalized)


def validate_wechat_id(text: str) -> Valid[str | None] | FieldError:
    # NFKC turns the full-width letters and digits of a Chinese input method into ASCII.
    wechat_id = unicodedata.normalize("NFKC", text).strip()
    if not wechat_id:
        return Valid(None)
    if len(wechat_id) > WECHAT_ID_MAX_LENGTH:
        return FieldError.TOO_LONG
    return Valid(wechat_id) if _WECHAT_ID.fullmatch(wechat_id) else FieldError.WECHAT_INVALID


def validate_region(code: str) -> Valid[str] | FieldError:
    if not code:
        return FieldError.REQUIRED
    return Valid(code) if code in REGIONS else FieldError.REGION_UNKNOWN


def validate_stage(code: str) -> Valid[Stage] | FieldError:
    if not code:
        return FieldError.REQUIRED
    return Valid(Stage(code)) if code in _STAGES else FieldError.STAGE_UNKNOWN


def validate_age_group(code: str) -> Valid[AgeGroup] | FieldError:
    if not code:
        return FieldError.REQUIRED
    return Valid(AgeGroup(code)) if code in _AGE_GROUPS else FieldError.AGE_GROUP_UNKNOWN


def validate_contact_language(code: str) -> Valid[Language] | FieldError:
    if not code:
        return FieldError.REQUIRED
    try:
        return Valid(parse_language(code))
    except ValueError:
        return FieldError.LANGUAGE_UNKNOWN


def intake_year_choices(today: date) -> range:
    """This year's intake and the next three: a senior-secondary-1 student aims three years on.

    It holds the years the eligibility wizard offers (``eligibility_flow.intake_years``) for as
    long as the leaflet's intakes are not in the past.
    """
    return range(today.year, today.year + INTAKE_YEARS_AHEAD + 1)


def validate_intake_year(year: int | None, today: date) -> Valid[int | None] | FieldError:
    """None: not decided yet, which is a fine answer."""
    if year is None or year in intake_year_choices(today):
        return Valid(year)
    return FieldError.INTAKE_YEAR_UNKNOWN


def validate_programme_codes(
    codes: Sequence[str], known_programme_codes: Collection[str]
) -> Valid[list[str]] | FieldError:
    """The visitor's programmes in their order, each once; an empty list is fine."""
    unique = list(dict.fromkeys(codes))
    if any(code not in known_programme_codes for code in unique):
        return FieldError.PROGRAMME_UNKNOWN
    return Valid(unique)


@dataclass
class LeadDraft:
    """What the visitor entered, as typed; nothing is pre-ticked but the +86 calling code."""

    name: str = ""
    phone_country_code: int = DEFAULT_PHONE_COUNTRY_CODE
    phone_number: str = ""
    email: str = ""
    wechat_id: str = ""
    region: str = ""
    school: str = ""
    stage: str = ""
    intake_year: int | None = None
    programme_codes: list[str] = field(default_factory=list)
    contact_language: str = ""
    age_group: str = ""
    guardian_consent: bool = False
    consent_contact: bool = False
    consent_transfer: bool = False
    consent_news: bool = False


# The key of validate()'s error for the phone, e-mail and WeChat fields taken together.
CONTACT_METHODS = "contact"


def _check(
    draft: LeadDraft, known_programme_codes: Collection[str], today: date
) -> tuple[dict[str, Any], dict[str, FieldError]]:
    """The stored form of every field, and the errors keyed by LeadDraft field name."""
    results: dict[str, Valid[Any] | FieldError] = {
        "name": validate_name(draft.name),
        "phone_number": validate_phone(draft.phone_country_code, draft.phone_number),
        "email": validate_email(draft.email),
        "wechat_id": validate_wechat_id(draft.wechat_id),
        "region": validate_region(draft.region),
        "school": validate_school(draft.school),
        "stage": validate_stage(draft.stage),
        "intake_year": validate_intake_year(draft.intake_year, today),
        "programme_codes": validate_programme_codes(draft.programme_codes, known_programme_codes),
        "contact_language": validate_contact_language(draft.contact_language),
        "age_group": validate_age_group(draft.age_group),
    }
    values = {key: result.value for key, result in results.items() if isinstance(result, Valid)}
    errors = {key: result for key, result in results.items() if isinstance(result, FieldError)}
    contacts = ("phone_number", "email", "wechat_id")
    if all(key in values and values[key] is None for key in contacts):
        errors[CONTACT_METHODS] = FieldError.NO_CONTACT_METHOD
    if values.get("age_group") == AgeGroup.UNDER_14 and not draft.guardian_consent:
        errors["guardian_consent"] = FieldError.GUARDIAN_CONSENT_REQUIRED
    if not draft.consent_contact:
        errors["consent_contact"] = FieldError.CONSENT_CONTACT_REQUIRED
    if not draft.consent_transfer:
        errors["consent_transfer"] = FieldError.CONSENT_TRANSFER_REQUIRED
    return values, errors


def validate(
    draft: LeadDraft, known_programme_codes: Collection[str], today: date
) -> dict[str, FieldError]:
    """Every field's error by LeadDraft field name (CONTACT_METHODS for the three together)."""
    return _check(draft, known_programme_codes, today)[1]


class LeadRejected(KioskError):
    """The draft has errors; the form shows them beside their fields."""

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        self.errors = dict(errors)
        super().__init__(
            f"The lead was not saved because these fields need attention: {', '.join(errors)}."
        )


class SaveFailure(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    OTHER = "other"


class LeadSaveError(KioskError):
    """The database refused the lead; nothing of it was written."""

    def __init__(self, reason: SaveFailure, sentence: str) -> None:
        self.reason = reason
        super().__init__(sentence)


@dataclass(frozen=True)
class SavedLead:
    lead_id: str
    created_at: str  # ISO 8601, UTC


def _save_error(error: DBAPIError) -> LeadSaveError:
    # Python reports SQLite's extended result code; its low byte is the primary code.
    primary_code = getattr(error.orig, "sqlite_errorcode", -1) & 0xFF
    if primary_code == sqlite3.SQLITE_FULL:
        return LeadSaveError(
            SaveFailure.DISK_FULL, "The lead could not be saved because the disk is full."
        )
    if primary_code == sqlite3.SQLITE_READONLY:
        return LeadSaveError(
            SaveFailure.READ_ONLY,
            "The lead could not be saved because the leads database is read-only.",
        )
    return LeadSaveError(
        SaveFailure.OTHER,
        f"The lead could not be saved because of a database error ({error.orig}).",
    )


def write_lead(engine: Engine, sealer: LeadSealer, lead: Mapping[str, Any]) -> None:
    """Insert a lead (LeadRow's columns, with PII_FIELDS in the clear) and its outbox row in one
    transaction; the personal data is sealed first, so it never reaches the disk readable."""
    write_leads(engine, sealer, [lead])


def write_leads(engine: Engine, sealer: LeadSealer, leads: Iterable[Mapping[str, Any]]) -> None:
    """``write_lead`` for many leads in one transaction (a day's worth of test data)."""
    try:
        with engine.begin() as connection:
            rows, outbox = [], []
            for lead in leads:
                row = {key: value for key, value in lead.items() if key not in PII_FIELDS}
                row["key_id"], row["sealed_pii"] = sealer.seal(connection, lead["lead_id"], lead)
                rows.append(row)
                outbox.append({"lead_id": lead["lead_id"], "enqueued_at": lead["created_at"]})
            if rows:
                connection.execute(insert(LeadRow), rows)
                connection.execute(insert(OutboxRow), outbox)
    except DBAPIError as error:
        raise _save_error(error) from error


def save_lead(
    engine: Engine,
    draft: LeadDraft,
    *,
    sealer: LeadSealer,
    known_programme_codes: Collection[str],
    device_id: str,
    kiosk_id: str,
    event_id: str,
    session_id: str,
    notice_version: str,
    eligibility_outcome: Mapping[str, Any] | None = None,
    clock: Clock | None = None,
) -> SavedLead:
    """Check the draft, then write it (``write_lead``); return once the commit returned.

    Raises LeadRejected when the draft has errors and LeadSaveError when the database refuses.
    """
    if not notice_version:
        raise ValueError("A lead needs the version of the privacy notice the visitor saw.")
    now = (clock or SystemClock()).now()
    values, errors = _check(draft, known_programme_codes, now.astimezone().date())
    if errors:
        raise LeadRejected(errors)
    lead_id = str(uuid.uuid4())
    created_at = now.astimezone(UTC).isoformat(timespec="milliseconds")
    write_lead(
        engine,
        sealer,
        {
            "lead_id": lead_id,
            "device_id": device_id,
            "kiosk_id": kiosk_id,
            "event_id": event_id,
            "session_id": session_id,
            "created_at": created_at,
            "name": values["name"],
            "phone_e164": values["phone_number"],
            "email": values["email"],
            "wechat_id": values["wechat_id"],
            "school": values["school"],
            "region": values["region"],
            "stage": values["stage"],
            "intake_year": values["intake_year"],
            "programme_codes": json.dumps(values["programme_codes"]),
            "contact_language": values["contact_language"],
            "age_group": values["age_group"],
            "guardian_consent": True if values["age_group"] == AgeGroup.UNDER_14 else None,
            "notice_version": notice_version,
            "consent_contact": draft.consent_contact,
            "consent_transfer": draft.consent_transfer,
            "consent_news": draft.consent_news,
            "eligibility_outcome": (
                None
                if eligibility_outcome is None
                else json.dumps(eligibility_outcome, ensure_ascii=False, sort_keys=True)
            ),
        },
    )
    return SavedLead(lead_id=lead_id, created_at=created_at)
