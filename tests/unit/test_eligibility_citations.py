"""Every statement the kiosk makes about VPAS rests on the leaflet's own words, or says what it
assumes: each source is a clause, each clause says the statement's key terms, each clause is
found in the leaflet, and the reviewer's table (docs/vpas-statements.md) is current."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from kiosk import resources
from kiosk.catalog import Catalog
from kiosk.data.content_source import Citation, ContentSource, read_sources
from kiosk.eligibility import TIMELINE_ASSUMPTIONS, reason_codes_used
from kiosk.vpas_statements import DOC_PATH, current_document

SUPERSCRIPTS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")


def normalised(text: str) -> str:
    """Without whitespace, punctuation and symbols, ASCII or full-width (the leaflet breaks lines
    where the kiosk's texts may put a comma), the leaflet's superscript note marks and its
    <link> brackets: what is left are the words, which must all be there, in order."""
    text = unicodedata.normalize("NFKC", text.translate(SUPERSCRIPTS))
    return "".join(
        char
        for char in text
        if not char.isspace() and unicodedata.category(char)[0] not in ("P", "S")
    )


@pytest.fixture(scope="module")
def source() -> ContentSource:
    return read_sources(resources.content_source_dir(), resources.asset("icons", "sectors"))


def citations(source: ContentSource) -> Iterator[tuple[str, Citation]]:
    for reason in source.rules.reasons:
        yield reason.code, reason.citation
    for statement in source.rules.statements:
        yield statement.key, statement.citation


def test_every_source_resolves_to_a_clause(catalog: Catalog, source: ContentSource) -> None:
    assert reason_codes_used() <= set(catalog.rules.reasons)
    for reason in catalog.rules.reasons.values():
        assert reason.sources, reason.code
        for clause in reason.sources:
            assert catalog.clause(clause).zh_hans, (reason.code, clause)
    for name, citation in citations(source):
        for clause in citation.sources:
            assert clause in source.clauses, (name, clause)
        assert citation.sources or citation.assumptions, name
        for code in citation.assumptions:
            assert code in source.rules.assumptions, (name, code)


def test_each_cited_clause_says_the_key_terms(source: ContentSource) -> None:
    for name, citation in citations(source):
        cited = [source.clauses[clause]["zh-Hans"] for clause in citation.sources]
        for term in citation.evidence:
            assert any(term in text for text in cited), (name, term)
        for clause, text in zip(citation.sources, cited, strict=True):
            assert any(term in text for term in citation.evidence), (name, clause)


# The facts a careful reader checks first, and the clause that must say them.
KEY_FACTS = [
    ("excluded_nationality", "footnote:1", "阿富汗、古巴、老挝、朝鲜、尼泊尔及越南的国民"),
    ("previous_iang", "footnote:1", "非本地毕业生留港/回港就业安排"),
    ("under_18_at_application", "footnote:1", "18岁或以上"),
    ("under_18_at_graduation", "footnote:1", "18岁或以上"),
    ("under_18_at_graduation", "footnote:5.i", "第7个月至第12个月"),
    ("under_18_at_graduation", "key_point:3", "在指定限期内申请"),
    ("completion_over_3_years", "footnote:2", "三个学年"),
    ("no_dependants_while_studying", "footnote:4", "不可以申请带同受养人来港"),
    ("job_conditions", "footnote:5.i", "第7个月至第12个月"),
    ("job_conditions", "footnote:5.i", "合约期不少于1年"),
    ("dependants_after_vpas", "footnote:5.ii", "18岁以下未婚的受养子女"),
    ("immd_prevails", "footnote:5.iii", "以香港入境事务处网页为准"),
    ("permanent_residence", "key_point:5", "通常居港连续满七年"),
    ("intake_year_not_covered", "aim:1", "指定学年"),
    ("timeline.return_window", "footnote:5.i", "第7个月至第12个月"),
]


@pytest.mark.parametrize(("name", "clause", "term"), KEY_FACTS)
def test_the_key_facts_cite_the_clause_that_says_them(
    source: ContentSource, name: str, clause: str, term: str
) -> None:
    citation = dict(citations(source))[name]
    assert clause in citation.sources
    assert any(term in evidence for evidence in citation.evidence)
    assert term in source.clauses[clause]["zh-Hans"]


def test_every_clause_is_the_leaflets_own_words(catalog: Catalog, leaflet: str) -> None:
    whole = normalised(leaflet)
    assert len(catalog.clauses) > 30
    for clause, text in catalog.clauses.items():
        assert normalised(text.zh_hans) in whole, clause


def test_the_normalising_still_tells_words_apart() -> None:
    assert normalised("对象为非本地学生，包括") == normalised("对象为非本地学生\n包括")
    assert normalised("(<https://x.hk>)。") == normalised("(https://x.hk)。")
    assert normalised("留港寻找工作") not in normalised("在指定限期内申请 留港 找工作")


def test_clauses_have_stable_ids(catalog: Catalog) -> None:
    assert catalog.clause("key_point:3").zh_hans == "毕业后可根据VPAS在指定限期内申请留港寻找工作"
    assert catalog.clause("footnote:5.i").zh_hans.startswith("非本地学生修毕")
    assert catalog.clause("footnote:5.ii").zh_hans.startswith("根据VPAS留港或回港就业")
    assert "immd.gov.hk" in catalog.clause("footnote:5.iii").zh_hans
    assert catalog.clause("footnote:7").zh_hans == "2026/27学年新增的计划涵盖行业。"
    assert catalog.clause("data_date").zh_hans == "资料截至2025年12月"
    for clause in ("intro", "aim:1", "disclaimer", "data_change_note", "contact:general.phone"):
        assert catalog.clause(clause).zh_hans
    assert [c for c in catalog.clauses if c.startswith("key_point:")] == [
        f"key_point:{step}" for step in range(1, 7)
    ]


def test_footnote_5_parts_are_cited_and_labelled_as_such(catalog: Catalog) -> None:
    reasons = catalog.rules.reasons
    assert reasons["job_conditions"].sources == ("footnote:5.i",)
    assert reasons["dependants_after_vpas"].sources == ("footnote:5.ii",)
    assert reasons["immd_prevails"].sources == ("footnote:5.iii",)
    assert catalog.rules.source_label(("footnote:5.i",), "zh-Hans") == "VPAS单张 注5 i"
    assert catalog.rules.source_label(("footnote:5.i",), "en") == "VPAS leaflet, note 5 i"
    assert catalog.rules.source_label(("footnote:1", "key_point:3"), "en") == (
        "VPAS leaflet, note 1, key point 3"
    )
    every_source = {clause for reason in reasons.values() for clause in reason.sources}
    assert "footnote:5" not in every_source  # footnote 5 is cited by its part


def test_the_sources_a_careful_reader_found_wrong(catalog: Catalog) -> None:
    reasons = catalog.rules.reasons
    # footnote 3 only says one sector was added in 2026/27
    assert "footnote:3" not in reasons["intake_year_not_covered"].sources
    # the age rule is footnote 1's, not footnote 5's
    assert reasons["under_18_at_graduation"].sources[0] == "footnote:1"
    assert reasons["under_18_at_application"].sources[0] == "footnote:1"


# --- the leaflet's words, not broader ones --------------------------------------------------


def every_statement_text(catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    """(name, language, text) of every reason, advisory, outcome and timeline text."""
    for reason in catalog.rules.reasons.values():
        for language, text in reason.text.as_dict().items():
            yield reason.code, language, text
    for key, value in catalog.texts.items():
        if key.startswith(("outcome.", "timeline.")):
            for language, text in value.as_dict().items():
                yield key, language, text


def test_staying_to_seek_work_always_keeps_the_time_limit(catalog: Catalog) -> None:
    assert "在指定限期内申请" in catalog.clause("key_point:3").zh_hans
    for name, language, text in every_statement_text(catalog):
        if language == "zh-Hans" and "留港寻找工作" in text:
            assert "在指定限期内申请留港寻找工作" in text, name
        if language == "en" and "to seek employment" in text:
            assert "time limit" in text, name


def test_the_job_conditions_belong_to_applying_to_return(catalog: Catalog) -> None:
    conditions = ("市场水平", "合约期不少于1年", "高级文凭或以上学历", "开办或参与任何业务")
    found = []
    for name, language, text in every_statement_text(catalog):
        if language == "zh-Hans" and any(term in text for term in conditions):
            found.append(name)
            assert "第7个月至第12个月内根据VPAS申请回港就业" in text, name
    assert found == ["job_conditions"]
    general = catalog.rules.reasons["stay_to_seek_work"].text.zh_hans
    assert "其后须全职从事与课程相关的行业" in general  # key point 4, the general statement


def test_nothing_promises_a_local_student_more_than_the_leaflet(catalog: Catalog) -> None:
    for name, language, text in every_statement_text(catalog):
        assert "毋须" not in text and "無須" not in text and "毋須" not in text, name
        assert "居留及工作" not in text, name
        if language == "en":
            assert "without the scheme" not in text and "do not need it" not in text, name
    assert "对象为非本地学生" in catalog.text("outcome.not_applicable.summary").zh_hans


def test_the_timeline_assumptions_have_texts(source: ContentSource) -> None:
    for code in TIMELINE_ASSUMPTIONS:
        assert source.rules.assumptions[code]["zh-Hans"], code


# --- the reviewer's table ------------------------------------------------------------------------


def test_the_reviewers_table_is_current() -> None:
    committed = resources.bundle_root().joinpath(*DOC_PATH).read_text(encoding="utf-8")
    assert committed == current_document(), (
        "docs/vpas-statements.md is stale: run "
        "'python -m kiosk.vpas_statements > docs/vpas-statements.md'"
    )


def test_the_table_lists_every_statement_and_assumption(source: ContentSource) -> None:
    document = current_document()
    for name, _ in citations(source):
        assert f"| `{name}`" in document, name
    for code in source.rules.assumptions:
        assert f"| `{code}` |" in document, code
    for clause in source.clauses:
        assert f"| `{clause}` |" in document, clause
