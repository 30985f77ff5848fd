"""The eligibility engine against realistic visitors, written from the contract (not the code).

Every expectation here is read off the contract: precedence local > intake year not covered >
broken > unsure > conditions > likely; graduation is estimated in August of intake_year + 2 (G,
its last day), the return window is the 7th to the 12th calendar month after it (March to August
of intake_year + 3); estimated dates are months ("2029-03"), turns_18 = birth_date + 18 years
(Feb 29 -> Feb 28) is a day. Only an outcome that may still use VPAS has a timeline.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any, Final

import pytest

from kiosk.catalog import Catalog
from kiosk.eligibility import AnswerError, evaluate, parse_answers
from kiosk.errors import KioskError
from tests.personas import SHENZHEN_STUDENT

ANSWER_KEYS: Final = (
    "hong_kong_resident",
    "nationalities",
    "birth_date",
    "intake_year",
    "programme",
    "previous_iang",
    "finish_within_3_years",
    "bring_dependants_while_studying",
)
ALL_UNSURE: Final = [f"unsure_{key}" for key in ANSWER_KEYS]
MET: Final = [
    "meets_non_local",
    "meets_nationality",
    "meets_age",
    "programme_in_scheme",
    "no_previous_iang",
    "completes_within_3_years",
]
ALWAYS_ADVISED: Final = frozenset(
    {
        "stay_to_seek_work",
        "job_conditions",
        "dependants_after_vpas",
        "permanent_residence",
        "immd_prevails",
    }
)
NOT_COVERED: Final = ["intake_year_not_covered"]
OUTCOME_KEYS: Final = frozenset({"outcome", "reasons", "advisories", "timeline", "rules_version"})

LIKELY: Final = "likely_eligible"
CONDITIONS: Final = "eligible_with_conditions"
NOT_ELIGIBLE: Final = "not_eligible"
LOCAL: Final = "not_applicable"
STAFF: Final = "talk_to_staff"

MISSING: Final = object()

SHENZHEN: Final = SHENZHEN_STUDENT


def visitor(**changes: object) -> dict[str, Any]:
    """The Shenzhen student with some answers changed (MISSING drops the key)."""
    raw = copy.deepcopy(SHENZHEN)
    for key, value in changes.items():
        if value is MISSING:
            raw.pop(key, None)
        else:
            raw[key] = value
    return raw


def only(key: str, value: object) -> dict[str, Any]:
    return visitor(**{key: value})


PERSONAS: Final = [
    # --- likely eligible -------------------------------------------------------------------
    pytest.param(
        visitor(), LIKELY, MET, id="shenzhen-2008-03-15-intake-2026-software-engineering-likely"
    ),
    pytest.param(
        visitor(birth_date="2005-11-02", programme="culinary-arts"),
        LIKELY,
        MET,
        id="guangzhou-chef-2005-culinary-arts-likely",
    ),
    pytest.param(
        visitor(nationalities=["cn"], programme="cloud-data-centre"),
        LIKELY,
        MET,
        id="lowercase-cn-cloud-data-centre-likely",
    ),
    pytest.param(
        visitor(nationalities=["Id"], birth_date="2007-07-07", programme="maritime-studies"),
        LIKELY,
        MET,
        id="indonesian-mixed-case-id-maritime-likely",
    ),
    pytest.param(
        visitor(nationalities=["GB", "CA"], programme="rehabilitation-services"),
        LIKELY,
        MET,
        id="dual-gb-ca-none-excluded-rehabilitation-likely",
    ),
    pytest.param(
        visitor(nationalities=["MY"], birth_date="2000-01-01", programme="civil-engineering"),
        LIKELY,
        MET,
        id="malaysian-mature-student-born-2000-civil-engineering-likely",
    ),
    pytest.param(
        visitor(birth_date="2010-08-31"),
        LIKELY,
        MET,
        id="age-edge-turns-18-exactly-on-G-2028-08-31-likely",
    ),
    pytest.param(
        visitor(birth_date="2008-02-29"),
        LIKELY,
        MET,
        id="feb-29-birthday-2008-likely",
    ),
    # --- intake years the leaflet does not cover: no rule claimed, met or broken -------------
    pytest.param(
        visitor(birth_date="2009-03-15", intake_year=2027),
        STAFF,
        NOT_COVERED,
        id="intake-2027-not-covered-talk-to-staff",
    ),
    pytest.param(
        visitor(birth_date="2005-05-05", intake_year=2024),
        STAFF,
        NOT_COVERED,
        id="intake-2024-not-covered-talk-to-staff",
    ),
    pytest.param(
        visitor(intake_year=2020), STAFF, NOT_COVERED, id="intake-2020-not-covered-talk-to-staff"
    ),
    pytest.param(
        visitor(intake_year=2025, programme="culinary-arts"),
        STAFF,
        NOT_COVERED,
        id="intake-2025-culinary-arts-before-the-sector-was-added-talk-to-staff",
    ),
    pytest.param(
        visitor(intake_year=2027, nationalities=["VN"], programme="other"),
        STAFF,
        NOT_COVERED,
        id="not-covered-beats-broken-rules",
    ),
    pytest.param(
        visitor(intake_year=2027, birth_date="unsure", programme=None),
        STAFF,
        NOT_COVERED,
        id="not-covered-beats-unsure-and-conditions",
    ),
    pytest.param(
        visitor(hong_kong_resident=True, intake_year=2027),
        LOCAL,
        ["local_student"],
        id="local-beats-not-covered",
    ),
    # --- eligible with conditions --------------------------------------------------------
    pytest.param(
        visitor(birth_date="2010-09-01"),
        CONDITIONS,
        ["under_18_at_graduation"],
        id="age-edge-turns-18-one-day-after-G-condition",
    ),
    pytest.param(
        visitor(birth_date="2011-05-10"),
        CONDITIONS,
        ["under_18_at_graduation"],
        id="age-turns-18-in-month-9-after-graduation-condition",
    ),
    pytest.param(
        visitor(birth_date="2011-08-31"),
        CONDITIONS,
        ["under_18_at_graduation"],
        id="age-edge-turns-18-exactly-G-plus-12-months-condition",
    ),
    pytest.param(
        visitor(birth_date="2011-02-28"),
        CONDITIONS,
        ["under_18_at_graduation"],
        id="turns-18-2029-02-28-before-the-return-window-condition",
    ),
    pytest.param(
        visitor(programme=None),
        CONDITIONS,
        ["programme_undecided"],
        id="programme-null-undecided-condition",
    ),
    pytest.param(
        visitor(bring_dependants_while_studying=True),
        CONDITIONS,
        ["no_dependants_while_studying"],
        id="wants-to-bring-spouse-while-studying-condition",
    ),
    pytest.param(
        visitor(birth_date="2011-01-20", programme=None, bring_dependants_while_studying=True),
        CONDITIONS,
        ["under_18_at_graduation", "programme_undecided", "no_dependants_while_studying"],
        id="all-three-conditions-in-order",
    ),
    pytest.param(
        visitor(birth_date="2010-12-01", bring_dependants_while_studying=True),
        CONDITIONS,
        ["under_18_at_graduation", "no_dependants_while_studying"],
        id="young-and-dependants-two-conditions-in-order",
    ),
    # --- not eligible: each broken rule alone --------------------------------------------
    pytest.param(
        visitor(birth_date="2011-09-01"),
        NOT_ELIGIBLE,
        ["under_18_at_application"],
        id="age-edge-turns-18-one-day-after-G-plus-12-months-broken",
    ),
    pytest.param(
        visitor(birth_date="2014-06-01"),
        NOT_ELIGIBLE,
        ["under_18_at_application"],
        id="twelve-year-old-far-too-young-broken",
    ),
    *[
        pytest.param(
            visitor(nationalities=[code]),
            NOT_ELIGIBLE,
            ["excluded_nationality"],
            id=f"excluded-nationality-{code}",
        )
        for code in ("AF", "CU", "LA", "KP", "NP", "VN")
    ],
    pytest.param(
        visitor(nationalities=["np"]),
        NOT_ELIGIBLE,
        ["excluded_nationality"],
        id="lowercase-np-excluded",
    ),
    pytest.param(
        visitor(nationalities=["GB", "NP"]),
        NOT_ELIGIBLE,
        ["excluded_nationality"],
        id="dual-gb-np-one-excluded",
    ),
    pytest.param(
        visitor(nationalities=["cn", "vn"]),
        NOT_ELIGIBLE,
        ["excluded_nationality"],
        id="dual-lowercase-cn-vn-one-excluded",
    ),
    pytest.param(
        visitor(previous_iang=True),
        NOT_ELIGIBLE,
        ["previous_iang"],
        id="former-iang-holder-broken",
    ),
    pytest.param(
        visitor(programme="other"),
        NOT_ELIGIBLE,
        ["programme_not_in_scheme"],
        id="programme-other-outside-scheme-broken",
    ),
    pytest.param(
        visitor(finish_within_3_years=False),
        NOT_ELIGIBLE,
        ["completion_over_3_years"],
        id="part-timer-over-3-years-broken",
    ),
    # --- not eligible: several broken rules, all listed in contract order ----------------
    pytest.param(
        visitor(
            nationalities=["CU"],
            birth_date="2013-01-01",
            programme="other",
            previous_iang=True,
            finish_within_3_years=False,
        ),
        NOT_ELIGIBLE,
        [
            "excluded_nationality",
            "previous_iang",
            "programme_not_in_scheme",
            "completion_over_3_years",
            "under_18_at_application",
        ],
        id="all-five-broken-in-order",
    ),
    pytest.param(
        visitor(nationalities=["LA"], programme="other"),
        NOT_ELIGIBLE,
        ["excluded_nationality", "programme_not_in_scheme"],
        id="laotian-other-programme-two-broken",
    ),
    pytest.param(
        visitor(birth_date="2012-10-10", previous_iang=True, finish_within_3_years=False),
        NOT_ELIGIBLE,
        ["previous_iang", "completion_over_3_years", "under_18_at_application"],
        id="iang-slow-and-young-three-broken",
    ),
    # --- precedence ------------------------------------------------------------------------
    pytest.param(
        visitor(previous_iang=True, birth_date="unsure", programme=MISSING),
        NOT_ELIGIBLE,
        ["previous_iang"],
        id="broken-beats-unsure-iang-with-unknown-birth-and-programme",
    ),
    pytest.param(
        {"nationalities": ["AF"]},
        NOT_ELIGIBLE,
        ["excluded_nationality"],
        id="broken-beats-unsure-only-nationality-afghan",
    ),
    pytest.param(
        visitor(hong_kong_resident="unsure", birth_date="2012-09-30"),
        NOT_ELIGIBLE,
        ["under_18_at_application"],
        id="broken-beats-unsure-residency-unsure-too-young",
    ),
    pytest.param(
        visitor(nationalities=[], programme="other"),
        NOT_ELIGIBLE,
        ["programme_not_in_scheme"],
        id="broken-beats-empty-nationality-list",
    ),
    pytest.param(
        visitor(programme="other", birth_date="2010-12-01", bring_dependants_while_studying=True),
        NOT_ELIGIBLE,
        ["programme_not_in_scheme"],
        id="broken-beats-conditions",
    ),
    pytest.param(
        visitor(hong_kong_resident=True),
        LOCAL,
        ["local_student"],
        id="hong-kong-permanent-resident-local",
    ),
    pytest.param(
        visitor(
            hong_kong_resident=True,
            nationalities=["VN"],
            previous_iang=True,
            programme="other",
            finish_within_3_years=False,
            birth_date="2014-01-01",
        ),
        LOCAL,
        ["local_student"],
        id="local-beats-every-broken-rule",
    ),
    pytest.param(
        {"hong_kong_resident": True},
        LOCAL,
        ["local_student"],
        id="local-beats-unsure-everything-else-missing",
    ),
    pytest.param(
        visitor(hong_kong_resident=True, programme=None, bring_dependants_while_studying=True),
        LOCAL,
        ["local_student"],
        id="local-beats-conditions",
    ),
    pytest.param(
        visitor(programme="unsure", bring_dependants_while_studying=True),
        STAFF,
        ["unsure_programme"],
        id="unsure-beats-conditions-dependants",
    ),
    pytest.param(
        visitor(birth_date="2010-12-01", finish_within_3_years="unsure"),
        STAFF,
        ["unsure_finish_within_3_years"],
        id="unsure-beats-conditions-young",
    ),
    pytest.param(
        visitor(birth_date="2014-01-01", intake_year="unsure"),
        STAFF,
        ["unsure_intake_year"],
        id="too-young-but-intake-unknown-cannot-break-age",
    ),
    pytest.param(
        visitor(programme=None, birth_date="unsure"),
        STAFF,
        ["unsure_birth_date"],
        id="programme-null-is-not-unsure",
    ),
    # --- talk to staff: every unsure_<key>, as "unsure" and as a missing key ---------------
    *[
        pytest.param(
            only(key, "unsure"), STAFF, [f"unsure_{key}"], id=f"unsure-{key}-answered-unsure"
        )
        for key in ANSWER_KEYS
    ],
    *[
        pytest.param(only(key, MISSING), STAFF, [f"unsure_{key}"], id=f"unsure-{key}-missing")
        for key in ANSWER_KEYS
    ],
    pytest.param(
        visitor(nationalities=[]),
        STAFF,
        ["unsure_nationalities"],
        id="unsure-nationalities-empty-list",
    ),
    *[
        pytest.param(only(key, None), STAFF, [f"unsure_{key}"], id=f"unsure-{key}-null")
        for key in ANSWER_KEYS
        if key != "programme"
    ],
    pytest.param({}, STAFF, ALL_UNSURE, id="walk-up-answers-nothing-all-eight-unsure"),
    pytest.param(
        {key: "unsure" for key in ANSWER_KEYS},
        STAFF,
        ALL_UNSURE,
        id="unsure-about-everything",
    ),
    pytest.param(
        visitor(nationalities=MISSING, birth_date="unsure", previous_iang=None),
        STAFF,
        ["unsure_nationalities", "unsure_birth_date", "unsure_previous_iang"],
        id="three-unknowns-in-key-order",
    ),
    pytest.param(
        {
            "bring_dependants_while_studying": False,
            "programme": "unsure",
            "hong_kong_resident": False,
            "nationalities": ["TH"],
        },
        STAFF,
        [
            "unsure_birth_date",
            "unsure_intake_year",
            "unsure_programme",
            "unsure_previous_iang",
            "unsure_finish_within_3_years",
        ],
        id="thai-visitor-unsure-programme-in-key-order-not-input-order",
    ),
]


def outcome_json(catalog: Catalog, raw: dict[str, Any], language: str = "en") -> dict[str, Any]:
    answers = parse_answers(raw, catalog.rules, {p.code for p in catalog.programmes})
    result: dict[str, Any] = evaluate(answers, catalog.rules, language=language).to_json()
    return result


def test_there_are_enough_personas() -> None:
    assert len(PERSONAS) >= 45
    assert len({param.id for param in PERSONAS}) == len(PERSONAS)


@pytest.mark.parametrize(("raw", "expected_outcome", "expected_reasons"), PERSONAS)
def test_persona(
    catalog: Catalog, raw: dict[str, Any], expected_outcome: str, expected_reasons: list[str]
) -> None:
    result = outcome_json(catalog, raw)
    assert set(result) == OUTCOME_KEYS
    assert result["outcome"] == expected_outcome
    assert [reason["code"] for reason in result["reasons"]] == expected_reasons
    assert result["rules_version"] == "2025-12"

    advised = [advisory["code"] for advisory in result["advisories"]]
    may_use_vpas = expected_outcome not in (LOCAL, NOT_ELIGIBLE) and expected_reasons != NOT_COVERED
    if may_use_vpas:
        assert set(advised) >= ALWAYS_ADVISED
    else:  # no VPAS advisory and no timeline for a visitor who cannot use VPAS
        assert advised == ["immd_prevails"]
        assert result["timeline"] is None
    assert "intake_year_not_covered" not in advised  # a reason now, not an advisory


def test_programme_codes_used_by_personas_exist(catalog: Catalog) -> None:
    codes = {p.code for p in catalog.programmes}
    used = {
        param.values[0].get("programme") for param in PERSONAS if isinstance(param.values[0], dict)
    }
    assert used - {None, "other", "unsure"} <= codes


def test_timeline_of_the_shenzhen_student(catalog: Catalog) -> None:
    timeline = outcome_json(catalog, visitor())["timeline"]
    assert timeline == {
        "estimated": True,
        "assumptions": [
            "september_start",
            "graduation_in_august",
            "months_after_graduation",
            "residence_from_enrolment",
        ],
        "enrolment": "2026-09",
        "expected_graduation": "2028-08",
        "return_window": {"from": "2029-03", "to": "2029-08"},  # months 7 to 12 after August
        "permanent_residence_earliest": "2033-09",
        "turns_18": "2026-03-15",  # the visitor's own date, to the day
        "earliest_application": "2028-08",  # 18 already: the estimated graduation month
    }


def test_turning_18_after_graduation_agrees_with_the_text(catalog: Catalog) -> None:
    result = outcome_json(catalog, visitor(birth_date="2010-12-01"), language="zh-Hans")
    assert result["outcome"] == CONDITIONS
    [reason] = result["reasons"]
    assert reason["code"] == "under_18_at_graduation"
    # footnote 1's age rule, key point 3's stay route (limit not stated: ImmD's page), and
    # footnote 5 i's return route in months 7 to 12
    assert "18岁或以上" in reason["text"]
    assert "在指定限期内申请留港寻找工作" in reason["text"]
    assert "单张没有列明限期，以香港入境事务处网页为准" in reason["text"]
    assert "第7个月至第12个月内申请回港就业" in reason["text"]
    assert reason["source"] == "VPAS单张 注1、要点3、注5 iii、注5 i"
    timeline = result["timeline"]
    # "once 18 you may apply": the earliest application is the day of turning 18, after
    # graduation and before the return window opens
    assert timeline["turns_18"] == "2028-12-01"
    assert timeline["earliest_application"] == "2028-12-01"
    assert timeline["expected_graduation"] < timeline["earliest_application"]
    assert timeline["earliest_application"][:7] < timeline["return_window"]["from"]


def test_under_18_at_application_says_no_more_than_the_leaflet(catalog: Catalog) -> None:
    result = outcome_json(catalog, visitor(birth_date="2011-09-01"), language="zh-Hans")
    assert result["outcome"] == NOT_ELIGIBLE
    [reason] = result["reasons"]
    assert reason["code"] == "under_18_at_application"
    assert "18岁或以上" in reason["text"]
    assert "第7个月至第12个月" in reason["text"]
    # the stay route's time limit is not the leaflet's to state
    assert "单张没有列明在指定限期内申请留港寻找工作的限期" in reason["text"]
    assert result["timeline"] is None


def test_feb_29_birthday_turns_18_on_feb_28(catalog: Catalog) -> None:
    timeline = outcome_json(catalog, visitor(birth_date="2008-02-29"))["timeline"]
    assert timeline["turns_18"] == "2026-02-28"
    assert timeline["earliest_application"] == "2028-08"


def test_timeline_without_birth_date_has_no_personal_dates(catalog: Catalog) -> None:
    result = outcome_json(catalog, visitor(birth_date="unsure"))
    assert result["outcome"] == STAFF
    timeline = result["timeline"]
    assert timeline["expected_graduation"] == "2028-08"
    assert timeline["estimated"] is True
    assert "turns_18" not in timeline
    assert "earliest_application" not in timeline


def test_timeline_without_intake_year_is_null(catalog: Catalog) -> None:
    assert outcome_json(catalog, visitor(intake_year="unsure"))["timeline"] is None


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(visitor(hong_kong_resident=True), id="local-student"),
        pytest.param(visitor(nationalities=["CN", "VN"]), id="cn-vn-not-eligible"),
        pytest.param(visitor(birth_date="2011-09-01"), id="too-young-not-eligible"),
        pytest.param(visitor(intake_year=2027), id="intake-2027-not-covered"),
    ],
)
def test_no_timeline_for_a_visitor_who_cannot_use_vpas(
    catalog: Catalog, raw: dict[str, Any]
) -> None:
    result = outcome_json(catalog, raw)
    assert result["timeline"] is None
    assert [advisory["code"] for advisory in result["advisories"]] == ["immd_prevails"]


def test_intake_not_covered_says_so_plainly(catalog: Catalog) -> None:
    for language, words in (("zh-Hans", "只涵盖2026/27学年"), ("en", "2026/27 academic year only")):
        result = outcome_json(catalog, visitor(intake_year=2027), language=language)
        [reason] = result["reasons"]
        assert reason["code"] == "intake_year_not_covered"
        assert words in reason["text"]
        assert not any(r["code"].startswith("meets_") for r in result["reasons"])
    assert catalog.rules.parameters["covered_intake_years"] == [2026]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param({"favourite_colour": "blue"}, id="unknown-key"),
        pytest.param(visitor(birth_date="2008-02-30"), id="impossible-date-feb-30"),
        pytest.param(visitor(birth_date="2007-02-29"), id="impossible-date-feb-29-non-leap"),
        pytest.param(visitor(birth_date="15/03/2008"), id="birth-date-day-first"),
        pytest.param(visitor(birth_date="20080315"), id="birth-date-without-dashes"),
        pytest.param(visitor(birth_date=20080315), id="birth-date-a-number"),
        pytest.param(visitor(nationalities=["XX"]), id="unknown-country-xx"),
        pytest.param(visitor(nationalities="CN"), id="nationalities-not-a-list"),
        pytest.param(visitor(programme="underwater-basket-weaving"), id="unknown-programme"),
        pytest.param(visitor(intake_year="2026"), id="intake-year-as-string"),
        pytest.param(visitor(intake_year=True), id="intake-year-true"),
        pytest.param(visitor(intake_year=2026.0), id="intake-year-float"),
        pytest.param(visitor(intake_year=1999), id="intake-year-below-2000"),
        pytest.param(visitor(intake_year=2101), id="intake-year-above-2100"),
        pytest.param(visitor(hong_kong_resident="yes"), id="resident-yes-string"),
    ],
)
def test_bad_input_is_one_sentence(catalog: Catalog, raw: dict[str, Any]) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_answers(raw, catalog.rules, {p.code for p in catalog.programmes})
    assert isinstance(caught.value, KioskError)
    message = str(caught.value)
    assert message.strip()
    assert "\n" not in message


def kiosk_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_cli_prints_the_outcome(catalog: Catalog) -> None:
    done = kiosk_cli("eligibility", "--answers", "-", stdin=json.dumps(visitor()))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == OUTCOME_KEYS
    assert result["outcome"] == LIKELY
    assert [reason["code"] for reason in result["reasons"]] == MET
    assert result == outcome_json(catalog, visitor(), language="zh-Hans")  # default language


def test_cli_speaks_english_on_request(catalog: Catalog) -> None:
    raw = visitor(programme=None)
    done = kiosk_cli("eligibility", "--answers", "-", "--lang", "en", stdin=json.dumps(raw))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == outcome_json(catalog, raw, language="en")


@pytest.mark.parametrize(
    "stdin",
    [
        pytest.param('{"hong_kong_resident": false,', id="malformed-json"),
        pytest.param('{"favourite_colour": "blue"}', id="unknown-key"),
    ],
)
def test_cli_bad_input_is_one_line(stdin: str) -> None:
    done = kiosk_cli("eligibility", "--answers", "-", stdin=stdin)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip()
    assert "\n" not in done.stderr.strip()


def test_cli_intake_2027_is_not_covered() -> None:
    done = kiosk_cli("eligibility", "--answers", "-", stdin=json.dumps(visitor(intake_year=2027)))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outcome"] == STAFF
    assert [reason["code"] for reason in result["reasons"]] == NOT_COVERED
    assert result["timeline"] is None
    assert "2026/27" in result["reasons"][0]["text"]


def test_cli_gives_null_for_no_timeline() -> None:
    done = kiosk_cli(
        "eligibility", "--answers", "-", stdin=json.dumps({"hong_kong_resident": True})
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["timeline"] is None


def test_cli_graph_mentions_every_answer_key() -> None:
    done = kiosk_cli("eligibility", "--graph")
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith("digraph")
    for key in ANSWER_KEYS:
        assert key in done.stdout, key
    assert "intake_year_not_covered" in done.stdout  # before the broken rules
