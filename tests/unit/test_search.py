from __future__ import annotations

import pytest

from kiosk.catalog import Catalog
from kiosk.search import SearchIndex


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> SearchIndex:
    return SearchIndex(catalog)


@pytest.mark.parametrize(
    ("query", "programme"),
    [
        ("rjgc", "software-engineering"),
        ("ruanjian", "software-engineering"),
        ("RuanJian GongCheng", "software-engineering"),
        ("软件", "software-engineering"),
        ("軟件工程", "software-engineering"),
        ("software", "software-engineering"),
        ("cloud", "cloud-data-centre"),
        ("厨", "culinary-arts"),
        ("廚藝", "culinary-arts"),
        ("hospitality", "international-hospitality-management"),
        ("hskj", "maritime-studies"),
    ],
)
def test_finds_programme_first(index: SearchIndex, query: str, programme: str) -> None:
    hits = index.search(query)
    assert hits, query
    assert (hits[0].kind, hits[0].code) == ("programme", programme)


def test_cloud_finds_the_cloud_programme_by_its_chinese_name(
    index: SearchIndex, catalog: Catalog
) -> None:
    first = index.search("cloud")[0]
    assert catalog.programme(first.code).name.zh_hans == "云端系统及数据中心管理"


def test_job_examples_lead_to_their_sector(index: SearchIndex) -> None:
    hits = index.search("点心")
    assert [(h.kind, h.code) for h in hits] == [("sector", "hotel-tourism")]
    assert hits[0].matched.kind == "job"


def test_sector_names_are_searchable(index: SearchIndex) -> None:
    codes = [(h.kind, h.code) for h in index.search("物流")]
    assert ("sector", "aviation-logistics") in codes
    assert ("programme", "aviation-and-logistics") in codes


def test_blank_and_unmatched_queries(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("zzzzqqq") == []


def test_results_are_unique_per_programme_or_sector(index: SearchIndex) -> None:
    hits = index.search("g")
    keys = [(h.kind, h.code) for h in hits]
    assert len(keys) == len(set(keys))
