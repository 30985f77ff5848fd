"""The visitor's summary PDF, read back as a phone or a printer would: text, fonts, QR codes."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from kiosk import resources
from kiosk.catalog import Catalog
from kiosk.data.leads_db import open_leads_db
from kiosk.eligibility import EligibilityOutcome, evaluate, parse_answers
from kiosk.l10n import LANGUAGES, Language
from kiosk.settings import Settings, save_settings
from kiosk.summary import SummaryError, SummaryRequest, official_links, programmes_link
from kiosk.summary_pdf import build_summary_pdf
from tests.unit.test_content import kiosk_cli

IMMD = "https://www.immd.gov.hk/hks/services/visas/vpas.html"
MADE_ON = date(2026, 11, 22)
# A Mainland student, 17 at enrolment: eligible, turning 18 before graduation.
ANSWERS = {
    "hong_kong_resident": False,
    "nationalities": ["CN"],
    "birth_date": "2009-10-15",
    "intake_year": 2026,
    "programme": "software-engineering",
    "previous_iang": False,
    "finish_within_3_years": True,
    "bring_dependants_while_studying": False,
}


def outcome_for(catalog: Catalog, raw: dict[str, object], language: Language) -> EligibilityOutcome:
    answers = parse_answers(raw, catalog.rules, catalog.programme_codes)
    return evaluate(answers, catalog.rules, language)


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    # Paragraphs wrap anywhere in CJK text: compare without line breaks.
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def decoded_qr_codes(pdf: bytes) -> list[str]:
    """Render every page as a phone camera would see it and decode each QR code on it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            image = document[index].render(scale=200 / 72).to_pil().convert("L")
            texts += [barcode.text for barcode in zxingcpp.read_barcodes(image)]
        return texts
    finally:
        document.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_names_programmes_in_both_languages_outcome_and_contacts(
    catalog: Catalog, language: Language
) -> None:
    codes = ("software-engineering", "culinary-arts")
    outcome = outcome_for(catalog, ANSWERS, language)
    pdf = build_summary_pdf(catalog, SummaryRequest(language, codes, outcome, MADE_ON))
    text = pdf_text(pdf)
    for code in codes:
        programme = catalog.programme(code)
        assert programme.name.get(language) in text
        other = "en" if language != "en" else "zh-Hans"
        assert programme.name.get(other) in text
        assert catalog.sector(programme.sector_code).name.get(language) in text
        assert catalog.sector(programme.sector_code).jobs[0].get(language) in text
    assert catalog.text("outcome.likely_eligible.headline").get(language) in text
    for reason in outcome.reasons:
        assert reason.text in text
    for needle in ("(86) 755 3363 4880", "(852) 2836 1784", "iss@vtc.edu.hk"):
        assert needle in text
    assert catalog.text("data_date").get(language) in text
    assert catalog.supports[0].title.get(language) in text
    assert catalog.text("summary.next_steps").get(language) in text
    assert "2026-11-22" in text


def test_summary_without_the_check_has_no_outcome(catalog: Catalog) -> None:
    pdf = build_summary_pdf(
        catalog, SummaryRequest("zh-Hans", ("software-engineering",), None, MADE_ON)
    )
    text = pdf_text(pdf)
    assert catalog.text("summary.eligibility").zh_hans not in text
    assert catalog.text("timeline.heading").zh_hans not in text
    assert "软件工程" in text


def test_an_empty_list_says_so(catalog: Catalog) -> None:
    pdf = build_summary_pdf(catalog, SummaryRequest("en", (), None, MADE_ON))
    assert catalog.text("summary.empty_list").en[:40] in pdf_text(pdf)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("count", [1, 5, 10, 34])
def test_summary_is_a4_and_at_most_two_pages(
    catalog: Catalog, language: Language, count: int
) -> None:
    codes = [programme.code for programme in catalog.programmes][:count]
    outcome = outcome_for(catalog, ANSWERS, language)
    pdf = build_summary_pdf(catalog, SummaryRequest(language, tuple(codes), outcome, MADE_ON))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595,
            842,
        )
    text = pdf_text(pdf)
    for code in codes:  # even a list of all 34 keeps every programme
        assert catalog.programme(code).name.get(language) in text


def test_every_font_is_embedded_as_a_subset(catalog: Catalog) -> None:
    outcome = outcome_for(catalog, ANSWERS, "zh-Hant")
    pdf = build_summary_pdf(
        catalog, SummaryRequest("zh-Hant", ("maritime-studies",), outcome, MADE_ON)
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert name[7] == "+", f"{name} is not a subset"  # /ABCDEF+Name
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def test_qr_codes_decode_to_the_official_pages(catalog: Catalog) -> None:
    pdf = build_summary_pdf(catalog, SummaryRequest("zh-Hans", (), None, MADE_ON))
    links = {link.code: link.url for link in catalog.links}
    assert sorted(decoded_qr_codes(pdf)) == sorted(links.values())
    assert IMMD in decoded_qr_codes(pdf)


def test_staff_can_change_a_link(catalog: Catalog) -> None:
    changed = "https://www.vtc.edu.hk/hqip/vpas-std.php"
    links = official_links(catalog, {"vtc-vpas": changed})
    pdf = build_summary_pdf(catalog, SummaryRequest("en", (), None, MADE_ON), links)
    assert sorted(decoded_qr_codes(pdf)) == sorted([IMMD, changed])


def test_the_fallback_link_carries_the_programme_codes(catalog: Catalog) -> None:
    links = official_links(catalog)
    assert programmes_link(links, []) == "https://www.vtc.edu.hk/hqip/vpas-ip.php"
    assert (
        programmes_link(links, ["software-engineering", "culinary-arts"])
        == "https://www.vtc.edu.hk/hqip/vpas-ip.php?programmes=software-engineering%2Cculinary-arts"
    )
    with_query = official_links(catalog, {"vtc-vpas": "https://example.org/p?lang=sc"})
    assert programmes_link(with_query, ["maritime-studies"]) == (
        "https://example.org/p?lang=sc&programmes=maritime-studies"
    )


def test_unknown_programme_code_is_refused(catalog: Catalog) -> None:
    with pytest.raises(SummaryError, match="Unknown programme code 'nope'"):
        build_summary_pdf(catalog, SummaryRequest("en", ("nope",), None, MADE_ON))


def test_same_visitor_same_bytes(catalog: Catalog) -> None:
    request = SummaryRequest("en", ("culinary-arts",), None, MADE_ON)
    assert build_summary_pdf(catalog, request) == build_summary_pdf(catalog, request)


def test_cli_writes_the_same_summary(catalog: Catalog, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    output = tmp_path / "summary.pdf"
    codes = "software-engineering,culinary-arts"
    result = kiosk_cli(
        "summary",
        "--answers",
        str(answers),
        "--programmes",
        codes,
        "--lang",
        "en",
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    expected = build_summary_pdf(
        catalog,
        SummaryRequest(
            "en", tuple(codes.split(",")), outcome_for(catalog, ANSWERS, "en"), date.today()
        ),
    )
    assert output.read_bytes() == expected


def test_cli_uses_the_links_staff_changed(tmp_path: Path) -> None:
    changed = "https://www.vtc.edu.hk/hqip/vpas-std.php"
    engine = open_leads_db(resources.leads_db_path())
    save_settings(engine, Settings(link_overrides={"vtc-vpas": changed}))
    engine.dispose()
    output = tmp_path / "summary.pdf"
    result = kiosk_cli("summary", "--lang", "zh-Hant", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert changed in decoded_qr_codes(output.read_bytes())


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--programmes", "software-engineering,nope"], "Unknown programme code 'nope'"),
        (["--lang", "fr"], "invalid choice: 'fr'"),
        (["--answers", "missing.json"], "Cannot read the answers file missing.json"),
    ],
)
def test_cli_mistakes_are_one_sentence(tmp_path: Path, arguments: list[str], message: str) -> None:
    output = tmp_path / "summary.pdf"
    result = kiosk_cli("summary", *arguments, "-o", str(output))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not output.exists()
