"""Properties of the eligibility engine over generated well-formed answers (from the contract)."""

from __future__ import annotations

import calendar
import json
from datetime import date
from functools import cache
from typing import Any, Final

import pycountry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.catalog import Catalog
from kiosk.eligibility import evaluate, parse_answers

OUTCOMES: Final = frozenset(
    {
        "likely_eligible",
        "eligible_with_conditions",
        "not_eligible",
        "not_applicable",
        "talk_to_staff",
    }
)
EXCLUDED: Final = ("AF", "CU", "LA", "KP", "NP", "VN")
COUNTRIES: Final = tuple(sorted(country.alpha_2 for country in pycountry.countries))
BOOLEAN_KEYS: Final = ("previous_iang", "finish_within_3_years", "bring_dependants_while_studying")

# Session fixture `catalog` with the autouse function-scoped `data_dir`: the engine is pure, so
# sharing fixtures across examples is harmless. No example database inside the checkout.
PROPERTY: Final = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _cased(code: str, style: str) -> str:
    return {"upper": code.upper(), "lower": code.lower(), "title": code.title()}[style]


def _not_known() -> st.SearchStrategy[Any]:
    return st.sampled_from(["unsure", None])


@cache
def answers_strategy(programme_codes: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the keys, each with a value from its domain (including not-known ones)."""
    country = st.builds(
        _cased,
        st.one_of(st.sampled_from(COUNTRIES), st.sampled_from(EXCLUDED)),
        st.sampled_from(["upper", "lower", "title"]),
    )
    yes_no = st.one_of(st.booleans(), _not_known())
    optional: dict[str, st.SearchStrategy[Any]] = {
        "hong_kong_resident": yes_no,
        "nationalities": st.one_of(
            st.lists(country, max_size=3, unique_by=str.upper), _not_known()
        ),
        "birth_date": st.one_of(
            st.dates(date(1990, 1, 1), date(2015, 12, 31)).map(date.isoformat), _not_known()
        ),
        "intake_year": st.one_of(st.integers(2024, 2030), _not_known()),
        "programme": st.one_of(
            st.sampled_from(programme_codes), st.sampled_from(["other", "unsure", None])
        ),
        **dict.fromkeys(BOOLEAN_KEYS, yes_no),
    }
    return st.fixed_dictionaries({}, optional=optional)


def draw_answers(data: st.DataObject, catalog: Catalog) -> dict[str, Any]:
    codes = tuple(sorted(p.code for p in catalog.programmes))
    raw: dict[str, Any] = data.draw(answers_strategy(codes), label="answers")
    return raw


def run(catalog: Catalog, raw: dict[str, Any]) -> dict[str, Any]:
    answers = parse_answers(raw, catalog.rules, {p.code for p in catalog.programmes})
    result: dict[str, Any] = evaluate(answers, catalog.rules, language="en").to_json()
    return result


# --- the contract, restated independently ------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _known_date(raw: dict[str, Any]) -> date | None:
    value = raw.get("birth_date")
    return date.fromisoformat(value) if value not in (None, "unsure") else None


def _known_intake(raw: dict[str, Any]) -> int | None:
    value = raw.get("intake_year")
    return value if isinstance(value, int) else None


def _age_dates(raw: dict[str, Any]) -> tuple[date, date, date] | None:
    """(turns_18, G, G + 12 months) when birth date and intake year are both known."""
    born, intake = _known_date(raw), _known_intake(raw)
    if born is None or intake is None:
        return None
    graduation = date(intake + 2, 8, 31)
    return _add_months(born, 18 * 12), graduation, _add_months(graduation, 12)


def contract_broken(raw: dict[str, Any]) -> list[str]:
    broken = []
    nationalities = raw.get("nationalities")
    if isinstance(nationalities, list) and {n.upper() for n in nationalities} & set(EXCLUDED):
        broken.append("excluded_nationality")
    if raw.get("previous_iang") is True:
        broken.append("previous_iang")
    if raw.get("programme") == "other":
        broken.append("programme_not_in_scheme")
    if raw.get("finish_within_3_years") is False:
        broken.append("completion_over_3_years")
    ages = _age_dates(raw)
    if ages is not None and ages[0] > ages[2]:
        broken.append("under_18_at_application")
    return broken


def contract_not_known(raw: dict[str, Any]) -> list[str]:
    keys = ("hong_kong_resident", "nationalities", "birth_date", "intake_year", "programme")
    unknown = []
    for key in (*keys, *BOOLEAN_KEYS):
        value = raw.get(key, "unsure")
        if key == "programme":
            not_known = value == "unsure"
        else:
            not_known = value in (None, "unsure") or value == []
        if not_known:
            unknown.append(f"unsure_{key}")
    return unknown


def contract_outcome(raw: dict[str, Any]) -> tuple[str, list[str]]:
    if raw.get("hong_kong_resident") is True:
        return "not_applicable", ["local_student"]
    broken = contract_broken(raw)
    if broken:
        return "not_eligible", broken
    unknown = contract_not_known(raw)
    if unknown:
        return "talk_to_staff", unknown
    conditions = []
    ages = _age_dates(raw)
    assert ages is not None
    if ages[1] < ages[0] <= ages[2]:
        conditions.append("under_18_at_graduation")
    if raw["programme"] is None:
        conditions.append("programme_undecided")
    if raw["bring_dependants_while_studying"] is True:
        conditions.append("no_dependants_while_studying")
    if conditions:
        return "eligible_with_conditions", conditions
    return "likely_eligible", [
        "meets_non_local",
        "meets_nationality",
        "meets_age",
        "programme_in_scheme",
        "no_previous_iang",
        "completes_within_3_years",
    ]


def codes(items: list[dict[str, Any]]) -> list[str]:
    return [item["code"] for item in items]


# --- properties --------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_exactly_one_of_the_five_outcomes(catalog: Catalog, data: st.DataObject) -> None:
    result = run(catalog, draw_answers(data, catalog))
    assert isinstance(result["outcome"], str)
    assert result["outcome"] in OUTCOMES


@PROPERTY
@given(data=st.data())
def test_a_local_student_is_always_not_applicable(catalog: Catalog, data: st.DataObject) -> None:
    raw = {**draw_answers(data, catalog), "hong_kong_resident": True}
    result = run(catalog, raw)
    assert result["outcome"] == "not_applicable"
    assert codes(result["reasons"]) == ["local_student"]


@PROPERTY
@given(data=st.data())
def test_a_broken_rule_is_never_hidden(catalog: Catalog, data: st.DataObject) -> None:
    raw = draw_answers(data, catalog)
    broken = contract_broken(raw)
    result = run(catalog, raw)
    if raw.get("hong_kong_resident") is True:
        assert result["outcome"] == "not_applicable"
        return
    for code in broken:
        assert code in codes(result["reasons"])
    assert (result["outcome"] == "not_eligible") == bool(broken)


@PROPERTY
@given(data=st.data())
def test_key_order_does_not_matter(catalog: Catalog, data: st.DataObject) -> None:
    raw = draw_answers(data, catalog)
    order = data.draw(st.permutations(list(raw)), label="key order")
    reordered = {key: raw[key] for key in order}
    assert json.dumps(run(catalog, reordered)) == json.dumps(run(catalog, raw))


@PROPERTY
@given(data=st.data())
def test_reasons_and_advisories_are_well_formed(catalog: Catalog, data: st.DataObject) -> None:
    result = run(catalog, draw_answers(data, catalog))
    assert result["reasons"]
    for item in (*result["reasons"], *result["advisories"]):
        for field in ("code", "text", "source"):
            assert isinstance(item[field], str), (field, item)
            assert item[field].strip(), (field, item)
    assert len(set(codes(result["reasons"]))) == len(result["reasons"])


@PROPERTY
@given(data=st.data())
def test_rules_version_is_the_leaflets(catalog: Catalog, data: st.DataObject) -> None:
    assert run(catalog, draw_answers(data, catalog))["rules_version"] == "2025-12"


@PROPERTY
@given(data=st.data())
def test_outcome_and_reasons_follow_the_contract(catalog: Catalog, data: st.DataObject) -> None:
    raw = draw_answers(data, catalog)
    result = run(catalog, raw)
    assert (result["outcome"], codes(result["reasons"])) == contract_outcome(raw)


@PROPERTY
@given(data=st.data())
def test_advisories_follow_the_contract(catalog: Catalog, data: st.DataObject) -> None:
    raw = draw_answers(data, catalog)
    result = run(catalog, raw)
    advised = set(codes(result["advisories"]))
    always = {"job_conditions", "dependants_after_vpas", "permanent_residence", "immd_prevails"}
    if result["outcome"] == "not_applicable":
        assert not advised & always
        return
    assert advised >= always
    intake = _known_intake(raw)
    assert ("intake_year_not_covered" in advised) == (intake is not None and intake != 2026)


@PROPERTY
@given(data=st.data())
def test_timeline_follows_the_contract(catalog: Catalog, data: st.DataObject) -> None:
    raw = draw_answers(data, catalog)
    # Whether a local student gets a timeline is pinned by a persona test, not here.
    if raw.get("hong_kong_resident") is True:
        raw["hong_kong_resident"] = False
    timeline = run(catalog, raw)["timeline"]
    intake = _known_intake(raw)
    if intake is None:
        assert timeline.get("expected_graduation") is None
        return
    graduation = date(intake + 2, 8, 31)
    assert timeline["enrolment"] == f"{intake}-09-01"
    assert timeline["expected_graduation"] == graduation.isoformat()
    assert timeline["return_window"] == {
        "from": _add_months(graduation, 6).isoformat(),
        "to": _add_months(graduation, 12).isoformat(),
    }
    assert timeline["permanent_residence_earliest"] == f"{intake + 7}-09-01"
    ages = _age_dates(raw)
    if ages is None:
        assert timeline.get("turns_18") is None
        return
    assert timeline["turns_18"] == ages[0].isoformat()
    if ages[0] <= ages[2]:
        assert timeline["earliest_application"] == max(ages[0], ages[1]).isoformat()
