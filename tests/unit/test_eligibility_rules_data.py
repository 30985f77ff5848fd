"""The rules are data: every code the engine gives has a text and a leaflet source."""

from __future__ import annotations

from kiosk.catalog import Catalog
from kiosk.eligibility import ANSWER_KEYS, reason_codes_used
from kiosk.eligibility_flow import QUESTIONS, intake_years, next_question, questions_to_ask


def test_every_reason_code_has_a_text_in_three_languages(catalog: Catalog) -> None:
    assert reason_codes_used() <= set(catalog.rules.reasons)
    for reason in catalog.rules.reasons.values():
        assert reason.text.zh_hans and reason.text.zh_hant and reason.text.en
        assert reason.sources, reason.code  # each a clause (test_eligibility_citations.py)
        for source in reason.sources:
            assert catalog.clause(source).zh_hans, (reason.code, source)


def test_parameters_are_the_leaflets(catalog: Catalog) -> None:
    parameters = catalog.rules.parameters
    assert parameters["excluded_nationalities"] == ["AF", "CU", "LA", "KP", "NP", "VN"]
    assert parameters["minimum_age_at_application"] == 18
    assert parameters["max_academic_years_to_complete"] == 3
    assert parameters["return_window_months"] == [7, 12]
    assert parameters["permanent_residence_years"] == 7
    assert parameters["covered_intake_years"] == [2026]  # the leaflet's 2026/27 only
    assert catalog.rules.version == "2025-12"


def test_excluded_countries_carry_the_leaflets_names(catalog: Catalog) -> None:
    names = [catalog.country(code).name.zh_hans for code in ("AF", "CU", "LA", "KP", "NP", "VN")]
    assert names == ["阿富汗", "古巴", "老挝", "朝鲜", "尼泊尔", "越南"]
    assert catalog.countries[0].code == "CN" and catalog.countries[0].common


def test_every_question_has_a_prompt_and_help(catalog: Catalog) -> None:
    assert [question.key for question in QUESTIONS] == list(ANSWER_KEYS)
    for question in QUESTIONS:
        for language in ("zh-Hans", "zh-Hant", "en"):
            assert question.prompt(catalog, language)
            assert question.help(catalog, language)


def test_a_local_student_is_asked_nothing_more() -> None:
    assert [q.key for q in questions_to_ask({"hong_kong_resident": True})] == ["hong_kong_resident"]
    assert next_question({"hong_kong_resident": True}, "hong_kong_resident") is None
    first = next_question({}, None)
    assert first is not None and first.key == "hong_kong_resident"
    following = next_question({"hong_kong_resident": "unsure"}, "hong_kong_resident")
    assert following is not None and following.key == "nationalities"
    assert next_question({}, ANSWER_KEYS[-1]) is None


def test_offered_intake_years(catalog: Catalog) -> None:
    assert intake_years(catalog) == [2026, 2027]
