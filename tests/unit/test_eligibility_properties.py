"""Properties of the eligibility engine over generated well-formed answers (from the contract)."""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from functools import cache
from typing import Any, Final

import pycountry
import pytest
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
COVERED_INTAKE: Final = 2026  # the leaflet's 2026/27
VPAS_ADVISED: Final = frozenset(
    {"stay_to_seek_work", "job_conditions", "dependants_after_vpas", "permanent_residence"}
)

# The autouse function-scoped `data_dir` fixture is shared across examples: harmless, the engine is
# pure. No example database inside the checkout.
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


def _intake_year() -> st.SearchStrategy[int]:
    """Mostly the covered year, so every outcome is common; sometimes one the leaflet does not
    cover."""
    return st.one_of(st.just(COVERED_INTAKE), st.just(COVERED_INTAKE), st.integers(2024, 2030))


def _country() -> st.SearchStrategy[str]:
    return st.builds(
        _cased,
        st.one_of(st.sampled_from(COUNTRIES), st.sampled_from(EXCLUDED)),
        st.sampled_from(["upper", "lower", "title"]),
    )


@st.composite
def _known_answers(draw: st.DrawFn, programme_codes: tuple[str, ...]) -> dict[str, Any]:
    """Every key present with a known value (so all five outcomes occur), birth dates often
    within days of the age edges G and G + 12 months."""
    intake = draw(_intake_year(), label="intake_year")
    graduation = date(intake + 2, 8, 31)
    edge = draw(st.sampled_from([graduation, _add_months(graduation, 12)]), label="age edge")
    near_edge = _add_months(edge, -18 * 12) + timedelta(days=draw(st.integers(-3, 3)))
    born = draw(
        st.one_of(st.dates(date(1990, 1, 1), date(2015, 12, 31)), st.just(near_edge)),
        label="birth_date",
    )
    # Mostly answers that keep the rules, so every outcome is common.
    mostly = {
        "hong_kong_resident": False,
        "previous_iang": False,
        "finish_within_3_years": True,
        "bring_dependants_while_studying": False,
    }
    raw = {key: draw(st.sampled_from([keeps] * 3 + [not keeps])) for key, keeps in mostly.items()}
    programme = st.sampled_from(programme_codes)
    return raw | {
        "nationalities": draw(
            st.one_of(
                st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2, unique=True),
                st.lists(_country(), min_size=1, max_size=3, unique_by=str.upper),
            )
        ),
        "birth_date": born.isoformat(),
        "intake_year": intake,
        "programme": draw(st.one_of(programme, programme, st.sampled_from(["other", None]))),
    }


@cache
def answers_strategy(programme_codes: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the keys, each with a value from its domain (including not-known ones),
    or all keys known."""
    yes_no = st.one_of(st.booleans(), _not_known())
    optional: dict[str, st.SearchStrategy[Any]] = {
        "hong_kong_resident": yes_no,
        "nationalities": st.one_of(
            st.lists(_country(), max_size=3, unique_by=str.upper), _not_known()
        ),
        "birth_date": st.one_of(
            st.dates(date(1990, 1, 1), date(2015, 12, 31)).map(date.isoformat), _not_known()
        ),
        "intake_year": st.one_of(_intake_year(), _not_known()),
        "programme": st.one_of(
            st.sampled_from(programme_codes), st.sampled_from(["other", "unsure", None])
        ),
        **dict.fromkeys(BOOLEAN_KEYS, yes_no),
    }
    return st.one_of(st.fixed_dictionaries({}, optional=optional), _known_answers(programme_codes))


class Engine:
    """The catalog's rules and programme codes, with a short repr for Hypothesis' reports.

    (A failing example prints its arguments; the whole Catalog is so large that Hypothesis warns,
    and with filterwarnings=error that warning would hide the real failure.)
    """

    __slots__ = ("programme_codes", "rules")

    def __init__(self, rules: Any, programme_codes: tuple[str, ...]) -> None:
        self.rules = rules
        self.programme_codes = programme_codes

    def __repr__(self) -> str:
        return f"Engine(catalog.rules, {len(self.programme_codes)} programme codes)"


@pytest.fixture(scope="module")
def engine(catalog: Catalog) -> Engine:
    return Engine(catalog.rules, tuple(sorted(p.code for p in catalog.programmes)))


def draw_answers(data: st.DataObject, engine: Engine) -> dict[str, Any]:
    raw: dict[str, Any] = data.draw(answers_strategy(engine.programme_codes), label="answers")
    return raw


def run(engine: Engine, raw: dict[str, Any]) -> dict[str, Any]:
    answers = parse_answers(raw, engine.rules, set(engine.programme_codes))
    result: dict[str, Any] = evaluate(answers, engine.rules, language="en").to_json()
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


def not_covered(raw: dict[str, Any]) -> bool:
    intake = _known_intake(raw)
    return intake is not None and intake != COVERED_INTAKE


def contract_outcome(raw: dict[str, Any]) -> tuple[str, list[str]]:
    if raw.get("hong_kong_resident") is True:
        return "not_applicable", ["local_student"]
    if not_covered(raw):
        return "talk_to_staff", ["intake_year_not_covered"]
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
def test_one_outcome_with_well_formed_reasons(engine: Engine, data: st.DataObject) -> None:
    result = run(engine, draw_answers(data, engine))
    assert isinstance(result["outcome"], str)
    assert result["outcome"] in OUTCOMES
    assert result["rules_version"] == "2025-12"
    assert result["reasons"]
    for item in (*result["reasons"], *result["advisories"]):
        for field in ("code", "text", "source"):
            assert isinstance(item[field], str), (field, item)
            assert item[field].strip(), (field, item)
    assert len(set(codes(result["reasons"]))) == len(result["reasons"])


@PROPERTY
@given(data=st.data())
def test_a_local_student_is_always_not_applicable(engine: Engine, data: st.DataObject) -> None:
    raw = {**draw_answers(data, engine), "hong_kong_resident": True}
    result = run(engine, raw)
    assert result["outcome"] == "not_applicable"
    assert codes(result["reasons"]) == ["local_student"]


@PROPERTY
@given(data=st.data())
def test_a_broken_rule_is_never_hidden(engine: Engine, data: st.DataObject) -> None:
    raw = draw_answers(data, engine)
    broken = contract_broken(raw)
    result = run(engine, raw)
    if raw.get("hong_kong_resident") is True:
        assert result["outcome"] == "not_applicable"
        return
    if not_covered(raw):  # no rule of the leaflet is claimed, broken or met, for that year
        assert codes(result["reasons"]) == ["intake_year_not_covered"]
        return
    for code in broken:
        assert code in codes(result["reasons"])
    assert (result["outcome"] == "not_eligible") == bool(broken)


@PROPERTY
@given(data=st.data())
def test_key_order_does_not_matter(engine: Engine, data: st.DataObject) -> None:
    raw = draw_answers(data, engine)
    order = data.draw(st.permutations(list(raw)), label="key order")
    reordered = {key: raw[key] for key in order}
    assert json.dumps(run(engine, reordered)) == json.dumps(run(engine, raw))


@PROPERTY
@given(data=st.data())
def test_outcome_and_reasons_follow_the_contract(engine: Engine, data: st.DataObject) -> None:
    raw = draw_answers(data, engine)
    result = run(engine, raw)
    assert (result["outcome"], codes(result["reasons"])) == contract_outcome(raw)


@PROPERTY
@given(data=st.data())
def test_advisories_follow_the_contract(engine: Engine, data: st.DataObject) -> None:
    raw = draw_answers(data, engine)
    result = run(engine, raw)
    advised = codes(result["advisories"])
    assert advised[-1] == "immd_prevails"  # every outcome: for reference only
    may_use_vpas = result["outcome"] not in ("not_applicable", "not_eligible")
    if may_use_vpas and not not_covered(raw):
        assert set(advised) == VPAS_ADVISED | {"immd_prevails"}
    else:
        assert advised == ["immd_prevails"]


@PROPERTY
@given(data=st.data())
def test_timeline_follows_the_contract(engine: Engine, data: st.DataObject) -> None:
    raw = draw_answers(data, engine)
    result = run(engine, raw)
    timeline = result["timeline"]
    intake = _known_intake(raw)
    cannot_use_vpas = result["outcome"] in ("not_applicable", "not_eligible")
    if intake is None or cannot_use_vpas or not_covered(raw):
        assert timeline is None
        return
    # Estimated dates are months: September start, August graduation, months 7-12 after it.
    assert timeline["estimated"] is True
    assert timeline["enrolment"] == f"{intake}-09"
    assert timeline["expected_graduation"] == f"{intake + 2}-08"
    assert timeline["return_window"] == {"from": f"{intake + 3}-03", "to": f"{intake + 3}-08"}
    assert timeline["permanent_residence_earliest"] == f"{intake + 7}-09"
    ages = _age_dates(raw)
    if ages is None:
        assert "turns_18" not in timeline and "earliest_application" not in timeline
        return
    assert timeline["turns_18"] == ages[0].isoformat()  # the visitor's own date, a day
    # 18 or above and graduated: turning 18's day, or the estimated graduation month.
    expected = ages[0].isoformat() if ages[0] > ages[1] else f"{intake + 2}-08"
    assert timeline["earliest_application"] == expected
