"""The lead form's validators: examples, and fuzzing with any text a touchscreen could deliver."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import email_validator.deliverability
import phonenumbers
import pycountry
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.catalog import Catalog
from kiosk.leads import (
    CONTACT_METHODS,
    PHONE_COUNTRY_CODES,
    AgeGroup,
    FieldError,
    LeadDraft,
    Stage,
    Valid,
    intake_year_choices,
    validate,
    validate_age_group,
    validate_contact_language,
    validate_email,
    validate_intake_year,
    validate_name,
    validate_phone,
    validate_programme_codes,
    validate_region,
    validate_school,
    validate_stage,
    validate_wechat_id,
)
from kiosk.regions import REGIONS
from tests.text_strategies import any_text
from tests.unit.lead_drafts import complete_draft

E164: Final = re.compile(r"^\+[1-9]\d{6,14}$")
TODAY: Final = date(2026, 3, 14)
FUZZ: Final = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _plausible(alphabet: str, max_size: int = 30) -> st.SearchStrategy[str]:
    """Text close to valid, so the accepting branches are reached as well as the refusing ones."""
    return st.text(st.sampled_from(alphabet), max_size=max_size)


NAME_LIKE: Final = _plausible("Chan Taim'.-·陈大文ÉéZoë\u0301 ", 60)
SCHOOL_LIKE: Final = _plausible("No. 2 Middle School（）第六中学,&", 90)
PHONE_LIKE: Final = _plausible("0123456789 -０１２３８9", 24)
WECHAT_LIKE: Final = _plausible("abcXYZ019_-", 24)
CHECKS_FOR_TEXT: Final[dict[str, tuple[Callable[[str], Any], st.SearchStrategy[str]]]] = {
    "name": (validate_name, NAME_LIKE),
    "school": (validate_school, SCHOOL_LIKE),
    "wechat_id": (validate_wechat_id, WECHAT_LIKE),
    "email": (validate_email, st.one_of(st.emails(), _plausible("ab.@例子-Z", 30))),
    "region": (validate_region, st.sampled_from([*REGIONS, "CN-GD ", "cn-gd", "CN-HK"])),
    "stage": (validate_stage, st.sampled_from([*Stage, "Graduated", "senior_secondary_4"])),
    "age_group": (validate_age_group, st.sampled_from([*AgeGroup, "13", "under14"])),
    "contact_language": (validate_contact_language, st.sampled_from(["en", "zh-Hant", "zh"])),
}


def _is_valid_or_error(result: object) -> bool:
    return isinstance(result, Valid | FieldError)


def _check_name_like(value: str, max_length: int, *, school: bool) -> None:
    assert 1 <= len(value) <= max_length
    assert value == unicodedata.normalize("NFC", value)
    assert value == value.strip() and "  " not in value
    assert any(unicodedata.category(c).startswith("L") for c in value)
    for character in value:
        category = unicodedata.category(character)
        allowed = category[0] in "LM" or character in " ·.-'"
        if school:
            allowed = allowed or category == "Nd" or category[0] == "P"
        assert allowed, (character, category)


def _check_stored_form(field: str, value: Any) -> None:
    """The invariants of what reaches the database, field by field."""
    if field == "name":
        _check_name_like(value, 50, school=False)
        assert validate_name(value) == Valid(value)
    elif field == "school" and value is not None:
        _check_name_like(value, 80, school=True)
        assert validate_school(value) == Valid(value)
    elif field == "wechat_id" and value is not None:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{5,19}|[0-9]{5,20}", value)
    elif field == "email" and value is not None:
        assert len(value) <= 254 and value.count("@") >= 1
        assert value == value.strip()
        assert validate_email(value) == Valid(value)  # the normalised form is a fixed point
    elif field == "region":
        assert value in REGIONS
    elif field == "stage":
        assert value in set(Stage)
    elif field == "age_group":
        assert value in set(AgeGroup)
    elif field == "contact_language":
        assert value in ("zh-Hans", "zh-Hant", "en")


@pytest.mark.parametrize("field", sorted(CHECKS_FOR_TEXT))
def test_text_validators_never_raise_on_any_text(field: str) -> None:
    check, plausible = CHECKS_FOR_TEXT[field]

    @FUZZ
    @given(text=st.one_of(any_text(), plausible))
    def fuzz(text: str) -> None:
        result = check(text)
        assert _is_valid_or_error(result)
        if isinstance(result, Valid):
            _check_stored_form(field, result.value)

    fuzz()


@FUZZ
@given(
    country_code=st.one_of(
        st.sampled_from(PHONE_COUNTRY_CODES[:3]),
        st.sampled_from(PHONE_COUNTRY_CODES),
        st.integers(),
    ),
    national_number=st.one_of(any_text(), PHONE_LIKE),
)
def test_phone_validator_never_raises_and_stores_valid_e164(
    country_code: int, national_number: str
) -> None:
    result = validate_phone(country_code, national_number)
    assert _is_valid_or_error(result)
    if isinstance(result, Valid) and result.value is not None:
        assert E164.match(result.value)
        number = phonenumbers.parse(result.value)
        assert phonenumbers.is_valid_number(number)
        assert number.country_code == country_code


@FUZZ
@given(year=st.one_of(st.none(), st.integers(), st.integers(2020, 2035)))
def test_intake_year_validator_accepts_this_year_and_three_more(year: int | None) -> None:
    result = validate_intake_year(year, TODAY)
    assert result == (
        Valid(year) if year is None or 2026 <= year <= 2029 else "intake_year_unknown"
    )


@FUZZ
@given(codes=st.lists(st.one_of(any_text(), st.sampled_from(["C1", "C2", "C3"])), max_size=8))
def test_programme_validator_keeps_known_codes_once_in_order(codes: list[str]) -> None:
    result = validate_programme_codes(codes, frozenset({"C1", "C2", "C3"}))
    if all(code in ("C1", "C2", "C3") for code in codes):
        assert result == Valid(list(dict.fromkeys(codes)))
    else:
        assert result == FieldError.PROGRAMME_UNKNOWN


@FUZZ
@given(
    text=any_text(),
    phone=st.one_of(any_text(), PHONE_LIKE),
    year=st.one_of(st.none(), st.integers()),
    consents=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
)
def test_whole_draft_validation_never_raises(
    text: str, phone: str, year: int | None, consents: tuple[bool, bool, bool, bool]
) -> None:
    draft = LeadDraft(
        name=text,
        phone_number=phone,
        email=text,
        wechat_id=text,
        region=text,
        school=text,
        stage=text,
        intake_year=year,
        programme_codes=[text],
        contact_language=text,
        age_group=text,
        guardian_consent=consents[0],
        consent_contact=consents[1],
        consent_transfer=consents[2],
        consent_news=consents[3],
    )
    errors = validate(draft, frozenset({"C1"}), TODAY)
    assert all(isinstance(error, FieldError) for error in errors.values())
    assert ("consent_contact" in errors) is not consents[1]
    assert ("consent_transfer" in errors) is not consents[2]


@st.composite
def _typed_example_number(draw: st.DrawFn) -> tuple[int, str, str]:
    """A real example number of some country as a visitor might type it, and its E.164 form."""
    country_code = draw(st.sampled_from(PHONE_COUNTRY_CODES))
    region = phonenumbers.region_code_for_country_code(country_code)
    kind = draw(st.sampled_from([phonenumbers.PhoneNumberType.MOBILE, None]))
    number = (
        phonenumbers.example_number(region)
        if kind is None
        else phonenumbers.example_number_for_type(region, kind)
    )
    assume(number is not None)
    typed = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    assume(re.fullmatch(r"[0-9 ()-]+", typed))
    if draw(st.booleans()):
        typed = typed.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return (
        country_code,
        typed,
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
    )


@FUZZ
@given(example=_typed_example_number())
def test_every_countrys_numbers_are_accepted_as_typed(example: tuple[int, str, str]) -> None:
    country_code, typed, stored = example
    assert validate_phone(country_code, typed) == Valid(stored)


@pytest.mark.parametrize(
    ("country_code", "typed", "stored"),
    [
        (86, "138 1234 5678", "+8613812345678"),
        (86, "１３８－１２３４－５６７８", "+8613812345678"),  # full-width, from a Chinese IME
        (852, "9123-4567", "+85291234567"),
        (853, "6612 3456", "+85366123456"),
        (44, "07911 123456", "+447911123456"),  # the trunk prefix 0 is dropped
        (852, "852 9123 4567", "+85291234567"),  # the calling code typed again
    ],
)
def test_phone_numbers_are_stored_in_e164(country_code: int, typed: str, stored: str) -> None:
    assert validate_phone(country_code, typed) == Valid(stored)


@pytest.mark.parametrize(
    ("country_code", "typed", "error"),
    [
        (86, "9123 4567", FieldError.PHONE_INVALID),  # a Hong Kong number under +86
        (86, "00852 9123 4567", FieldError.PHONE_INVALID),  # another country by its prefix
        (86, "+86 138 1234 5678", FieldError.PHONE_INVALID),
        (86, "138 1234 567x", FieldError.PHONE_INVALID),
        (86, "٣٣٣٣٣٣٣٣٣٣٣", FieldError.PHONE_INVALID),  # digits, but not ones a phone dials
        (800, "1234 5678", FieldError.COUNTRY_CODE_UNKNOWN),  # international freephone
        (86, "1" * 10_000, FieldError.TOO_LONG),  # refused before phonenumbers sees it
    ],
)
def test_bad_phone_numbers_are_refused(country_code: int, typed: str, error: FieldError) -> None:
    assert validate_phone(country_code, typed) == error


def test_an_empty_phone_number_is_absent_not_wrong() -> None:
    assert validate_phone(86, " - ") == Valid(None)


def test_calling_codes_start_with_the_mainland_hong_kong_and_macao() -> None:
    assert PHONE_COUNTRY_CODES[:3] == (86, 852, 853)
    assert len(set(PHONE_COUNTRY_CODES)) == len(PHONE_COUNTRY_CODES)
    assert list(PHONE_COUNTRY_CODES[3:]) == sorted(PHONE_COUNTRY_CODES[3:])
    non_geographic = {800, 808, 870, 878, 881, 882, 883, 888, 979}
    assert (
        set(PHONE_COUNTRY_CODES) == set(phonenumbers.COUNTRY_CODE_TO_REGION_CODE) - non_geographic
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Chan   Tai Man ", "Chan Tai Man"),
        ("陈大文", "陈大文"),
        ("阿卜杜拉・买买提", "阿卜杜拉·买买提"),  # the katakana middle dot of some IMEs
        ("O’Brien", "O'Brien"),
        ("Zoe\u0308 Lee-Smith", "Zoë Lee-Smith"),  # composed (NFC)
        ("J. R. R. Tolkien", "J. R. R. Tolkien"),
        ("x" * 50, "x" * 50),
    ],
)
def test_names_are_tidied(typed: str, stored: str) -> None:
    assert validate_name(typed) == Valid(stored)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("   ", FieldError.REQUIRED),
        ("x" * 51, FieldError.TOO_LONG),
        ("12345", FieldError.NAME_INVALID),
        ("Chan 2", FieldError.NAME_INVALID),
        ("--", FieldError.NAME_INVALID),
        ("陈\u200b大文", FieldError.NAME_INVALID),  # zero-width space: a format character
        ("陈\x07大文", FieldError.NAME_INVALID),
        ("Chan 😀", FieldError.NAME_INVALID),
        ("\u0301abc", FieldError.NAME_INVALID),  # a combining mark on nothing
    ],
)
def test_bad_names_are_refused(typed: str, error: FieldError) -> None:
    assert validate_name(typed) == error


def test_schools_allow_digits_and_brackets_but_not_symbols() -> None:
    assert validate_school("深圳市第２高级中学（集团）") == Valid("深圳市第２高级中学（集团）")
    assert validate_school("No. 6 Middle School, Guangzhou") == Valid(
        "No. 6 Middle School, Guangzhou"
    )
    assert validate_school("") == Valid(None)
    assert validate_school("School ★") == FieldError.SCHOOL_INVALID
    assert validate_school("x" * 81) == FieldError.TOO_LONG


@pytest.mark.parametrize(
    ("typed", "result"),
    [
        ("wxid_abc123", Valid("wxid_abc123")),
        ("Chan-Tai_Man", Valid("Chan-Tai_Man")),
        ("12345", Valid("12345")),  # an old account's QQ number
        ("13812345678", Valid("13812345678")),  # an old account's phone number
        ("ＣＨＡＮ１２３", Valid("CHAN123")),  # full-width, from a Chinese IME
        ("", Valid(None)),
        ("1234", FieldError.WECHAT_INVALID),
        ("abcde", FieldError.WECHAT_INVALID),
        ("_abcdef", FieldError.WECHAT_INVALID),
        ("chan.taiman", FieldError.WECHAT_INVALID),
        ("a" * 21, FieldError.TOO_LONG),
    ],
)
def test_wechat_ids(typed: str, result: Valid[str | None] | FieldError) -> None:
    assert validate_wechat_id(typed) == result


@pytest.mark.parametrize(
    ("typed", "result"),
    [
        (" Chan.TaiMan@Example.COM ", Valid("Chan.TaiMan@example.com")),
        ("学生@例子.中国", Valid("学生@例子.中国")),
        ("", Valid(None)),
        ("chan@", FieldError.EMAIL_INVALID),
        ("chan@localhost", FieldError.EMAIL_INVALID),
        ("chan taiman@example.com", FieldError.EMAIL_INVALID),
        ("a" * 250 + "@x.com", FieldError.TOO_LONG),
    ],
)
def test_emails_are_checked_offline_and_normalised(
    typed: str, result: Valid[str | None] | FieldError, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_dns(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an e-mail check must not look up DNS")

    monkeypatch.setattr(email_validator.deliverability, "validate_email_deliverability", no_dns)
    assert validate_email(typed) == result


def test_choices_say_missing_apart_from_unknown() -> None:
    assert validate_region("") == FieldError.REQUIRED
    assert validate_region("CN-GD") == Valid("CN-GD")
    assert validate_region("CN-HK") == FieldError.REGION_UNKNOWN  # Hong Kong is "HK"
    assert validate_stage("graduated") == Valid(Stage.GRADUATED)
    assert validate_stage("university") == FieldError.STAGE_UNKNOWN
    assert validate_age_group("14_to_17") == Valid(AgeGroup.FROM_14_TO_17)
    assert validate_age_group("") == FieldError.REQUIRED
    assert validate_contact_language("zh-Hant") == Valid("zh-Hant")
    assert validate_contact_language("fr") == FieldError.LANGUAGE_UNKNOWN


def test_intake_years_cover_the_wizards_years(catalog: Catalog) -> None:
    from kiosk.eligibility_flow import intake_years

    assert list(intake_year_choices(TODAY)) == [2026, 2027, 2028, 2029]
    assert set(intake_years(catalog)) <= set(intake_year_choices(TODAY))


def test_regions_are_the_mainland_provinces_then_hong_kong_macao_taiwan_overseas() -> None:
    mainland = {
        subdivision.code
        for subdivision in pycountry.subdivisions.get(country_code="CN")
        if subdivision.code not in ("CN-HK", "CN-MO", "CN-TW")
    }
    codes = list(REGIONS)
    assert len(mainland) == 31
    assert set(codes[:31]) == mainland
    assert codes[31:] == ["HK", "MO", "TW", "overseas"]
    assert REGIONS["CN-GD"].as_dict() == {
        "zh-Hans": "广东省",
        "zh-Hant": "廣東省",
        "en": "Guangdong",
    }


def test_traditional_region_names_agree_with_opencc() -> None:
    """The hand-written zh-Hant names, checked against OpenCC's Hong Kong conversion."""
    import opencc

    to_hong_kong = opencc.OpenCC("s2hk")
    assert {code: to_hong_kong.convert(name.zh_hans) for code, name in REGIONS.items()} == {
        code: name.zh_hant for code, name in REGIONS.items()
    }


def test_a_complete_draft_has_no_errors() -> None:
    assert validate(complete_draft(), frozenset({"C1"}), TODAY) == {}


def test_nothing_is_pre_ticked() -> None:
    errors = validate(LeadDraft(), frozenset(), TODAY)
    assert errors == {
        "name": FieldError.REQUIRED,
        "region": FieldError.REQUIRED,
        "stage": FieldError.REQUIRED,
        "contact_language": FieldError.REQUIRED,
        "age_group": FieldError.REQUIRED,
        CONTACT_METHODS: FieldError.NO_CONTACT_METHOD,
        "consent_contact": FieldError.CONSENT_CONTACT_REQUIRED,
        "consent_transfer": FieldError.CONSENT_TRANSFER_REQUIRED,
    }


@pytest.mark.parametrize(
    "contact",
    [
        {"phone_number": "9123 4567", "phone_country_code": 852},
        {"email": "a@example.com"},
        {"wechat_id": "wxid_abc123"},
    ],
)
def test_any_one_way_to_reach_the_visitor_is_enough(contact: dict[str, Any]) -> None:
    draft = complete_draft(**{"phone_number": "", **contact})
    assert validate(draft, frozenset({"C1"}), TODAY) == {}


def test_an_invalid_contact_is_reported_on_its_field_not_as_missing() -> None:
    draft = complete_draft(phone_number="123")
    assert validate(draft, frozenset({"C1"}), TODAY) == {"phone_number": FieldError.PHONE_INVALID}


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"consent_contact": False}, {"consent_contact": FieldError.CONSENT_CONTACT_REQUIRED}),
        ({"consent_transfer": False}, {"consent_transfer": FieldError.CONSENT_TRANSFER_REQUIRED}),
        ({"consent_news": False}, {}),
        ({"consent_news": True}, {}),
        ({"age_group": "under_14"}, {"guardian_consent": FieldError.GUARDIAN_CONSENT_REQUIRED}),
        ({"age_group": "under_14", "guardian_consent": True}, {}),
        ({"age_group": "14_to_17"}, {}),
    ],
)
def test_consent_and_age_rules(changes: dict[str, Any], errors: dict[str, FieldError]) -> None:
    assert validate(complete_draft(**changes), frozenset({"C1"}), TODAY) == errors
