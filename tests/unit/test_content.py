"""The content database is true to the leaflet, fresh against its sources, and checked."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest

from kiosk import resources
from kiosk.catalog import Catalog, load_catalog
from kiosk.data.content_build import build_content, built_source_hash, source_hash
from kiosk.data.content_source import ContentSourceError, read_sources
from kiosk.errors import ContentError
from kiosk.search import match_rank, normalise_query

ICONS = resources.asset("icons", "sectors")


def kiosk_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_committed_database_is_built_from_the_current_sources() -> None:
    assert built_source_hash(resources.content_db_path()) == source_hash(
        resources.content_source_dir()
    ), "kiosk/data/content.sqlite is stale: run 'kiosk content build' and commit it"


def test_rebuilding_gives_the_same_catalog(tmp_path: Path, catalog: Catalog) -> None:
    output = tmp_path / "content.sqlite"
    assert build_content(resources.content_source_dir(), ICONS, output)
    assert not build_content(resources.content_source_dir(), ICONS, output)  # up to date
    assert load_catalog(output) == catalog


def test_thirteen_sectors_and_thirty_four_programmes(catalog: Catalog) -> None:
    assert len(catalog.sectors) == 13
    assert len(catalog.programmes) == 34
    assert len({p.code for p in catalog.programmes}) == 34
    assert all(sector.programmes and sector.jobs for sector in catalog.sectors)


def _leaflet_table(leaflet: str) -> list[str]:
    start = leaflet.index("计划涵盖行业\t")
    end = leaflet.index("⁷ 2026/27")
    return [line for line in leaflet[start:end].splitlines()[1:] if "\t" in line]


def _squash(text: str) -> str:
    return re.sub(r"[\s⁷]", "", text)


def test_every_sector_programme_and_job_of_the_leaflet(catalog: Catalog, leaflet: str) -> None:
    rows = _leaflet_table(leaflet)
    assert len(rows) == 13
    for sector, row in zip(catalog.sectors, rows, strict=True):
        leaflet_sector, leaflet_programmes, leaflet_jobs = row.split("\t")
        assert _squash(leaflet_sector) == sector.name.zh_hans
        # programme names, in order, spell the leaflet's programme cell
        assert "".join(p.name.zh_hans for p in sector.programmes) == _squash(leaflet_programmes)
        # every job example appears, in order (the leaflet repeats 宴会主管 once; we keep one)
        jobs = "、".join(job.zh_hans for job in sector.jobs)
        expected = _squash(leaflet_jobs)
        if sector.code == "hotel-tourism":
            expected = expected.replace("宴会主管、餐饮销售主任", "餐饮销售主任")
        assert jobs == expected


def test_every_text_has_three_languages(catalog: Catalog) -> None:
    texts = [s.name for s in catalog.sectors] + [p.name for p in catalog.programmes]
    texts += [job for s in catalog.sectors for job in s.jobs]
    texts += list(catalog.texts.values()) + [k.text for k in catalog.key_points]
    texts += [part for f in catalog.footnotes for part in f.parts]
    for text in texts:
        assert text.zh_hans and text.zh_hant and text.en, text


def test_traditional_chinese_uses_hong_kong_forms(catalog: Catalog) -> None:
    names = {p.code: p.name.zh_hant for p in catalog.programmes}
    assert names["software-engineering"] == "軟件工程"
    assert names["cloud-data-centre"] == "雲端系統及數據中心管理"
    assert names["culinary-arts"] == "廚藝"
    assert catalog.sector("hotel-tourism").name.zh_hant == "酒店及旅遊"


def test_hotel_and_tourism_is_new_for_2026_27(catalog: Catalog) -> None:
    assert {s.code: s.new_from for s in catalog.sectors if s.new_from} == {
        "hotel-tourism": "2026/27"
    }


def test_rules_footnotes_support_contacts_and_data_date(catalog: Catalog, leaflet: str) -> None:
    assert [f.number for f in catalog.footnotes] == [1, 2, 3, 4, 5, 6, 7]
    assert len(catalog.footnotes[4].parts) == 3  # 5 i, ii, iii
    for footnote in catalog.footnotes:
        for part in footnote.parts:
            assert _squash(part.zh_hans).replace("<", "").replace(">", "")[:30] in _squash(
                leaflet
            ).replace("<", "").replace(">", "")
    assert [s.title.zh_hans for s in catalog.supports] == [
        "入学奖学金",
        "企业提供实习合约及津贴",
        "腾跃实习奖",
        "有条件聘用的全职工作合同",
        "全职工作合约",
        "企业包班/学生赞助",
        "学费赞助",
    ]
    contacts = {c.code: c for c in catalog.contacts}
    assert contacts["general"].phone == "(86) 755 3363 4880"
    assert contacts["admissions"].phone == "(852) 2836 1784"
    assert contacts["admissions"].email == "iss@vtc.edu.hk"
    assert contacts["admissions"].address is not None
    assert contacts["admissions"].address.zh_hans == "香港湾仔活道27号职业训练局大楼14楼"
    for phone in ("(86) 755 3363 4880", "(852) 2836 1784", "iss@vtc.edu.hk"):
        assert phone in leaflet
    assert catalog.text("data_date").zh_hans == "资料截至2025年12月"
    assert catalog.rules_version == "2025-12"
    assert catalog.text("disclaimer").zh_hans[:20] in leaflet
    links = {link.code: link.url for link in catalog.links}
    # The leaflet's one printed URL is the only address built in; its QR codes are slots.
    assert links["immd-vpas"] == "https://www.immd.gov.hk/hks/services/visas/vpas.html"
    assert [url for url in links.values() if url is not None] == [links["immd-vpas"]]
    assert links["immd-vpas"] in leaflet


def test_content_list_json_follows_the_design(catalog: Catalog) -> None:
    import json

    result = kiosk_cli("content", "list", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    sectors = document["sectors"]
    assert len(sectors) == 13
    for sector in sectors:
        assert set(sector["name"]) == {"zh-Hans", "zh-Hant", "en"}
        assert set(sector["jobs"]) == {"zh-Hans", "zh-Hant", "en"}
        assert len({len(jobs) for jobs in sector["jobs"].values()}) == 1
        for programme in sector["programmes"]:
            assert set(programme) >= {"code", "name"}
            assert set(programme["name"]) == {"zh-Hans", "zh-Hant", "en"}
    assert sum(len(s["programmes"]) for s in sectors) == 34


# --- countries: ISO 3166-1's codes, CLDR's names -------------------------------------------


def test_every_iso_country_is_offered_but_hong_kong_and_macao(catalog: Catalog) -> None:
    assert {country.code for country in catalog.countries} == {
        country.alpha_2 for country in pycountry.countries
    }
    assert {country.code for country in catalog.countries if not country.nationality} == {
        "HK",
        "MO",
    }


def test_country_names_are_cldr_s_with_hong_kong_s_own(catalog: Catalog) -> None:
    names = {country.code: country.name for country in catalog.countries}
    assert names["KH"].as_dict() == {"zh-Hans": "柬埔寨", "zh-Hant": "柬埔寨", "en": "Cambodia"}
    assert names["ML"].zh_hant == "馬里"  # not s2hk's 馬裏, nor Taiwan's 馬利
    assert names["SA"].zh_hant == "沙地阿拉伯"  # Hong Kong's name (Taiwan: 沙烏地阿拉伯)
    assert names["KY"].zh_hant == "開曼群島"
    assert not [name.zh_hant for name in names.values() if "羣" in name.zh_hant]


def test_the_kiosk_s_own_country_names_stay(catalog: Catalog, leaflet: str) -> None:
    excluded = ["AF", "CU", "LA", "KP", "NP", "VN"]
    listed = "、".join(catalog.country(code).name.zh_hans for code in excluded[:-1])
    assert f"{listed}及{catalog.country('VN').name.zh_hans}" in leaflet  # footnote 1's names
    assert catalog.country("TW").name.as_dict() == {
        "zh-Hans": "中国台湾",
        "zh-Hant": "中國台灣",
        "en": "Taiwan, China",
    }


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("柬埔寨", "KH"),
        ("jianpuzhai", "KH"),
        ("jpz", "KH"),
        ("Cambodia", "KH"),
        ("马里", "ML"),
        ("馬里", "ML"),
        ("mali", "ML"),
        ("cote d'ivoire", "CI"),  # CLDR writes Côte d’Ivoire
        ("curacao", "CW"),
        ("xinjiapo", "SG"),
    ],
)
def test_countries_are_found_by_every_search_form(catalog: Catalog, query: str, code: str) -> None:
    needle, compact = normalise_query(query)
    found = [
        country.code
        for country in catalog.countries
        if country.nationality and match_rank(country.forms, needle, compact) is not None
    ]
    assert code in found


# --- broken sources: one clear sentence per problem -------------------------------------------


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(resources.content_source_dir(), copy)
    return copy


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "sentence"),
    [
        (
            "sectors.toml",
            'name = { zh-Hans = "汽车工程", en = "Automobile Engineering" }',
            'name = { zh-Hans = "汽车工程" }',
            "Sector 'automotive''s name is missing its en translation.",
        ),
        (
            "sectors.toml",
            'code = "civil-engineering"',
            'code = "surveying"',
            "The programme code 'surveying' is used more than once.",
        ),
        (
            "texts.toml",
            "footnotes = [1]",
            "footnotes = [9]",
            "Key point 1 refers to footnote 9, which texts.toml does not define.",
        ),
        (
            "sectors.toml",
            'icon = "maritime"',
            'icon = "submarine"',
            "Sector 'maritime' refers to the icon 'submarine', which is not in",
        ),
        ("rules.toml", "version =", "version = = ", "rules.toml is not valid TOML"),
        (
            "rules.toml",
            'source = "footnote:2"',
            'source = "footnote:9"',
            "Reason 'completion_over_3_years' cites 'footnote:9', which is not a clause of the "
            "leaflet.",
        ),
        (
            "rules.toml",
            'source = "footnote:2"',
            'source = "footnote:5"',  # footnote 5 is cited by its parts, 5.i …
            "Reason 'completion_over_3_years' cites 'footnote:5', which is not a clause",
        ),
        (
            "rules.toml",
            'evidence = ["三个学年内修毕"]',
            'evidence = ["四个学年内修毕"]',
            "Reason 'completion_over_3_years' has the key term '四个学年内修毕', which none of its "
            "sources says.",
        ),
        (
            "rules.toml",
            'text = "timeline.note"',
            'text = "timeline.heading"',
            "The text 'timeline.note' speaks about VPAS but rules.toml has no [[statement]] for "
            "it.",
        ),
        (
            "rules.toml",
            'assumptions = ["local_student"]',
            'assumptions = ["hope"]',
            "Reason 'local_student' assumes 'hope', which [assumptions] does not define.",
        ),
    ],
)
def test_content_check_names_each_problem(
    sources: Path, file: str, old: str, new: str, sentence: str
) -> None:
    _break(sources / file, old, new)
    result = kiosk_cli("content", "check", "--source", str(sources))
    assert result.returncode != 0
    assert sentence in result.stderr
    assert "Traceback" not in result.stderr


def test_sector_without_programmes_is_reported(sources: Path) -> None:
    path = sources / "sectors.toml"
    block = re.compile(r'\[\[sector\.programme\]\]\ncode = "automotive-engineering"\nname = .*\n')
    text, removed = block.subn("", path.read_text(encoding="utf-8"))
    assert removed == 1
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentSourceError) as error:
        read_sources(sources, ICONS)
    assert "Sector 'automotive' has no programmes." in error.value.problems


def test_several_problems_are_reported_together(sources: Path) -> None:
    _break(sources / "sectors.toml", 'code = "civil-engineering"', 'code = "surveying"')
    _break(sources / "texts.toml", "footnotes = [1]", "footnotes = [8]")
    with pytest.raises(ContentSourceError) as error:
        read_sources(sources, ICONS)
    assert len(error.value.problems) == 2


def test_valid_sources_pass_the_check() -> None:
    result = kiosk_cli("content", "check")
    assert result.returncode == 0, result.stderr
    assert "13 sectors, 34 programmes" in result.stdout


# --- a missing or corrupt database ------------------------------------------------------------


def test_missing_database_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="is missing"):
        load_catalog(tmp_path / "nothing.sqlite")


def test_corrupt_database_is_one_sentence_on_the_command_line(tmp_path: Path) -> None:
    broken = tmp_path / "content.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    env = {**os.environ, resources.CONTENT_DB_ENV: str(broken)}
    result = kiosk_cli("content", "list", "--json", env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "cannot be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_database_of_another_version_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "content.sqlite"
    shutil.copy(resources.content_db_path(), copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(ContentError, match="another version"):
        load_catalog(copy)
