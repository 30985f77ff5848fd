"""Every validator of the kiosk under any input: the answer of its documented kind, never an
exception. The lead form's validators return Valid or a FieldError (their own fuzzing, field by
field, is in tests/unit/test_lead_validators.py; here a whole draft is generated field by field);
the staff PIN, passphrase, sync address and token, event and language checks return None or one
sentence; Settings takes a value or raises ValueError with one sentence; HQ's lead model accepts a
lead or says why in one sentence.
"""

from __future__ import annotations

import json
import string
from dataclasses import fields
from datetime import date
from typing import Any, Final

from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.data.leads_db import SettingRow
from kiosk.events import CITY_MAX_LENGTH, EVENT_NAME_MAX_LENGTH, event_problem
from kiosk.hq.wire import validate_lead
from kiosk.l10n import LANGUAGES, parse_language
from kiosk.lead_vault import PASSPHRASE_MIN_LENGTH, passphrase_problem
from kiosk.leads import (
    CONTACT_METHODS,
    PHONE_COUNTRY_CODES,
    FieldError,
    LeadDraft,
    Valid,
    validate,
    validate_intake_year,
)
from kiosk.settings import Settings, load_settings, sync_token_problem, sync_url_problem
from kiosk.staff_access import PIN_MAX_DIGITS, PIN_MIN_DIGITS, pin_problem
from tests.reliability.cli_fuzzing import (
    FUZZ,
    FUZZ_SHARING_FIXTURES,
    assert_sentence,
    json_junk,
)
from tests.text_strategies import any_text
from tests.unit.test_hq_store import lead

DRAFT_FIELDS: Final = frozenset(spec.name for spec in fields(LeadDraft))
PROGRAMME_CODES: Final = frozenset({"C1", "C2"})


def numbers_as_typed() -> st.SearchStrategy[str]:
    """Digits as a visitor or staff may type them: ASCII, full-width, Arabic-Indic, with marks."""
    return st.text(st.sampled_from("0123456789０１２３٠١٢٣ -+\u200b\u200f"), max_size=14)


# --- the lead form -----------------------------------------------------------------------------


@st.composite
def drafts(draw: st.DrawFn) -> LeadDraft:
    """A draft with every field drawn on its own: any text, any calling code and year."""
    text = any_text()
    return LeadDraft(
        name=draw(text),
        phone_country_code=draw(
            st.one_of(st.sampled_from(PHONE_COUNTRY_CODES), st.integers(), st.just(10**400))
        ),
        phone_number=draw(st.one_of(text, numbers_as_typed())),
        email=draw(st.one_of(text, st.emails())),
        wechat_id=draw(text),
        region=draw(st.one_of(text, st.sampled_from(["CN-GD", "HK", "MO", "XX"]))),
        school=draw(text),
        stage=draw(text),
        intake_year=draw(st.one_of(st.none(), st.integers())),
        programme_codes=draw(st.lists(st.one_of(text, st.sampled_from(sorted(PROGRAMME_CODES))))),
        contact_language=draw(st.one_of(text, st.sampled_from(LANGUAGES))),
        age_group=draw(text),
        guardian_consent=draw(st.booleans()),
        consent_contact=draw(st.booleans()),
        consent_transfer=draw(st.booleans()),
        consent_news=draw(st.booleans()),
    )


@settings(FUZZ, max_examples=60)  # a draft is 11 fields of any text
@given(draft=drafts(), today=st.dates())
def test_a_whole_draft_of_anything_gives_field_errors_by_field(
    draft: LeadDraft, today: date
) -> None:
    errors = validate(draft, PROGRAMME_CODES, today)

    assert all(isinstance(error, FieldError) for error in errors.values())
    assert set(errors) <= DRAFT_FIELDS | {CONTACT_METHODS}
    if not any(character.isalpha() for character in draft.name):
        assert "name" in errors
    if CONTACT_METHODS in errors:  # all three empty, so none of them wrong
        assert not errors.keys() & {"phone_number", "email", "wechat_id"}


@FUZZ
@given(year=st.one_of(st.none(), st.integers()), today=st.dates())
def test_any_intake_year_on_any_day_is_valid_or_unknown(year: int | None, today: date) -> None:
    result = validate_intake_year(year, today)

    known = year is None or today.year <= year <= today.year + 3
    assert result == (Valid(year) if known else FieldError.INTAKE_YEAR_UNKNOWN)


# --- staff's checks: None, or one sentence ----------------------------------------------------


def assert_none_or_a_sentence(problem: str | None, *quoted: object) -> None:
    if problem is not None:
        assert isinstance(problem, str)
        assert_sentence(problem, quoted)


@FUZZ
@given(pin=st.one_of(any_text(), numbers_as_typed()))
@example(pin="１２３４５６")  # full-width digits are digits to str.isdigit, not to the keypad
@example(pin="٣٤٥٦٧٨")
def test_any_pin_is_accepted_only_as_6_to_12_ascii_digits(pin: str) -> None:
    problem = pin_problem(pin)

    assert_none_or_a_sentence(problem, pin)
    if problem is None:
        assert set(pin) <= set(string.digits)
        assert PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS


@FUZZ
@given(passphrase=any_text())
@example(passphrase="correct horse\u200b")  # a zero-width space is a format character
def test_any_passphrase_is_accepted_only_long_and_printable(passphrase: str) -> None:
    problem = passphrase_problem(passphrase)

    assert_none_or_a_sentence(problem, passphrase)
    if problem is None:
        assert len(passphrase) >= PASSPHRASE_MIN_LENGTH and passphrase.isprintable()


def urls() -> st.SearchStrategy[str]:
    pieces = st.sampled_from(
        ["https://", "http://", "ftp://", "localhost", "127.0.0.1", "[::1]", "[::1", "hq.example",
         ":", "8443", "99999", "/v1/leads", " ", "\n", "\u202e", "@", "#", "?", "%"]
    )  # fmt: skip
    return st.one_of(st.lists(pieces, max_size=6).map("".join), any_text())


@FUZZ
@given(url=urls())
@example(url="https://exa mple.com")  # was: accepted, then httpx could not use it
@example(url="https://localhost:99999/")  # was: accepted with a port that is none
def test_any_sync_address_is_accepted_only_as_https_or_local_http(url: str) -> None:
    problem = sync_url_problem(url)

    assert_none_or_a_sentence(problem, url)
    if problem is None:
        assert url.startswith(("https://", "http://localhost", "http://127.0.0.1", "http://[::1]"))
        assert url.isprintable() and not any(c.isspace() for c in url)


@FUZZ
@given(token=any_text())
@example(token="中文")  # was: accepted by the settings; httpx cannot send it in a header
def test_any_sync_token_is_accepted_only_as_printable_ascii(token: str) -> None:
    problem = sync_token_problem(token)

    assert_none_or_a_sentence(problem, token)
    if problem is None:
        f"Bearer {token}".encode("ascii")  # what httpx does with a header


@FUZZ
@given(name=any_text(), city=any_text(), starts_on=st.dates(), ends_on=st.dates())
def test_any_event_is_accepted_only_named_placed_and_in_order(
    name: str, city: str, starts_on: date, ends_on: date
) -> None:
    problem = event_problem(name, city, starts_on, ends_on)

    assert_none_or_a_sentence(problem, name, city)
    if problem is None:
        assert 0 < len(name.strip()) <= EVENT_NAME_MAX_LENGTH
        assert 0 < len(city.strip()) <= CITY_MAX_LENGTH
        assert starts_on <= ends_on


@FUZZ
@given(code=st.one_of(any_text(), st.sampled_from(LANGUAGES)))
@example(code="zh-Hans\n")  # was: the unknown code broke the sentence in two lines
def test_any_language_code_is_a_language_or_one_sentence(code: str) -> None:
    try:
        language = parse_language(code)
    except ValueError as error:
        assert_sentence(str(error), (code,))
    else:
        assert language == code


# --- settings ----------------------------------------------------------------------------------

SETTINGS: Final = tuple(spec.name for spec in fields(Settings))


@FUZZ
@given(
    name=st.sampled_from(SETTINGS),
    value=st.one_of(json_junk(), st.integers(-5, 70_000), st.sampled_from(["en", "10.0.0.1"])),
)
@example(name="link_overrides", value=[1])  # was: AttributeError
@example(name="link_overrides", value={"wechat": 1})  # was: AttributeError
@example(name="privacy_contact_email", value="a@b@c")
@example(name="privacy_contact_phone", value="   ")
@example(name="booth_port", value=8080.5)  # was: accepted
@example(name="idle_timeout_s", value="90")  # was: TypeError, '<=' between int and str
@example(name="idle_timeout_s", value=True)  # was: accepted, as 1 second (a bool is an int)
def test_any_setting_value_is_taken_or_refused_in_one_sentence(name: str, value: Any) -> None:
    try:
        settings = Settings(**{name: value})
    except ValueError as error:
        assert_sentence(str(error), (value,))
    else:
        assert type(getattr(settings, name)) is type(getattr(Settings(), name))
        assert Settings(**{name: json.loads(json.dumps(getattr(settings, name)))}) == settings


@settings(FUZZ_SHARING_FIXTURES, max_examples=50)  # one database, a transaction an example
@given(stored=st.dictionaries(st.sampled_from(SETTINGS), st.one_of(any_text(), json_junk())))
def test_whatever_the_settings_table_holds_the_kiosk_starts_with_settings(
    stored: dict[str, Any], staffed_engine: Engine
) -> None:
    with Session(staffed_engine) as session, session.begin():
        for key, value in stored.items():  # text as it is (JSON or not), the rest as JSON
            text = value if isinstance(value, str) else json.dumps(value)
            session.merge(SettingRow(key=key, value=text))

    settings = load_settings(staffed_engine)

    for name in SETTINGS:
        assert type(getattr(settings, name)) is type(getattr(Settings(), name))


# --- HQ's lead model ---------------------------------------------------------------------------

WIRE_FIELDS: Final = tuple(lead())


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(WIRE_FIELDS), json_junk(), min_size=1, max_size=4))
@example(changes={"created_at": "2026-03-14\n01:15"})
@example(changes=dict.fromkeys(WIRE_FIELDS))  # every field wrong: every problem, one sentence
def test_any_lead_hq_receives_is_stored_or_refused_in_one_sentence(changes: dict[str, Any]) -> None:
    item = lead(1, **changes)

    result = validate_lead(item)

    if isinstance(result, str):
        # Every problem listed, "; " between them: at most 100 characters each.
        problems = result.count("; ") + 1
        assert_sentence(result, tuple(changes.values()), max_length=100 * problems + 50)
        assert result.startswith("The lead is invalid: ")
    else:
        assert result == validate_lead(result), "the stored form is not a fixed point"
