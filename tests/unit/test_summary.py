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
from kiosk.summary import SummaryError, SummaryRequest, official_links
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
    for reason in outcome.reasons:  # a line may break at any space
        assert reason.text.replace(" ", "") in text.replace(" ", "")
    for needle in ("(86) 755 3363 4880", "(852) 2836 1784", "iss@vtc.edu.hk"):
        assert needle in text
    assert catalog.text("data_date").get(language) in text
    assert catalog.supports[0].title.get(language) in text
    assert catalog.text("summary.next_steps").get(language) in text
    assert "2026-11-22" in text


VPAS_ADVISORIES = ("stay_to_seek_work", "job_conditions", "dependants_after_vpas")


def eligibility_pdf_text(catalog: Catalog, raw: dict[str, object], language: Language) -> str:
    outcome = outcome_for(catalog, raw, language)
    return pdf_text(build_summary_pdf(catalog, SummaryRequest(language, (), outcome, MADE_ON)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_estimated_dates_are_months_and_say_so(catalog: Catalog, language: Language) -> None:
    text = eligibility_pdf_text(catalog, ANSWERS, language)
    expected = {
        "zh-Hans": ("预计2029年3月至8月", "预计2028年8月", "预计2026年9月"),
        "zh-Hant": ("預計2029年3月至8月", "預計2028年8月", "預計2026年9月"),
        "en": ("March to August 2029 (estimated)", "August 2028 (estimated)"),
    }[language]
    for needle in expected:
        assert needle in text
    assert catalog.text("timeline.heading").get(language) in text
    assert "2029-02-28" not in text and "2029-03" not in text  # no exact days, no ISO months
    # turning 18 is the visitor's own date, not an estimate
    assert {"en": "15 October 2027"}.get(language, "2027年10月15日") in text


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param({**ANSWERS, "nationalities": ["CN", "VN"]}, id="cn-vn-not-eligible"),
        pytest.param({"hong_kong_resident": True}, id="local-student"),
        pytest.param({**ANSWERS, "intake_year": 2027}, id="intake-2027-not-covered"),
    ],
)
@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_no_timeline_for_a_visitor_who_cannot_use_vpas(
    catalog: Catalog, raw: dict[str, object], language: Language
) -> None:
    text = eligibility_pdf_text(catalog, raw, language)
    for key in ("heading", "heading_if_eligible", "return_window", "permanent_residence"):
        assert catalog.text(f"timeline.{key}").get(language) not in text, key
    assert ("2029" not in text) and ("2033" not in text)
    for code in (*VPAS_ADVISORIES, "permanent_residence"):
        assert catalog.rules.reasons[code].text.get(language)[:30] not in text, code
    assert catalog.rules.reasons["immd_prevails"].text.get(language) in text


def test_talking_to_staff_the_timeline_is_if_eligible(catalog: Catalog) -> None:
    text = eligibility_pdf_text(catalog, {**ANSWERS, "previous_iang": "unsure"}, "zh-Hans")
    assert "如符合资格：你的时间线(预计)" in text
    # the plain heading appears only inside the "if you are eligible" one
    plain = catalog.text("timeline.heading").zh_hans
    assert text.count(plain) == text.count("如符合资格：" + plain) == 1
    assert "预计2029年3月至8月" in text


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


def test_the_only_built_in_address_is_the_one_the_leaflet_prints(catalog: Catalog) -> None:
    pdf = build_summary_pdf(
        catalog, SummaryRequest("zh-Hans", ("software-engineering",), None, MADE_ON)
    )
    assert decoded_qr_codes(pdf) == [IMMD]
    assert [link.url for link in official_links(catalog)] == [IMMD]
    text = pdf_text(pdf)
    assert "vtc.edu.hk/" not in text and "VTC网页" not in text
    # The leaflet's QR codes without a printed address are slots staff fill in.
    slots = {link.code for link in catalog.links if link.url is None}
    assert slots == {"vpas-details", "support-organisations", "wechat"}


def test_staff_set_the_addresses_of_the_leaflets_qr_codes(catalog: Catalog) -> None:
    wechat = "https://example.org/vtc-wechat"
    details = "https://www.vtc.edu.hk/example-page"
    links = official_links(catalog, {"wechat": wechat, "vpas-details": details})
    assert [link.code for link in links] == ["immd-vpas", "vpas-details", "wechat"]
    pdf = build_summary_pdf(catalog, SummaryRequest("en", ("culinary-arts",), None, MADE_ON), links)
    assert sorted(decoded_qr_codes(pdf)) == sorted([IMMD, wechat, details])
    # Exactly the address staff gave: nothing of the visitor's is added to it.
    assert "culinary" not in "".join(decoded_qr_codes(pdf))
    assert "Official WeChat account" in pdf_text(pdf)
    moved = "https://www.immd.gov.hk/eng/services/visas/vpas.html"
    assert [link.url for link in official_links(catalog, {"immd-vpas": moved})] == [moved]


@pytest.mark.parametrize("language", LANGUAGES)
def test_contacts_are_labelled_as_the_leaflet_labels_them(
    catalog: Catalog, language: Language
) -> None:
    text = pdf_text(build_summary_pdf(catalog, SummaryRequest(language, (), None, MADE_ON)))
    general = next(contact for contact in catalog.contacts if contact.code == "general")
    assert general.organisation is None and general.phone == "(86) 755 3363 4880"
    assert "VPES" not in text and "深圳" not in text and "Shenzhen" not in text
    assert general.title is not None and general.title.zh_hans == "一般查询"
    assert general.title.get(language) in text
    admissions = next(contact for contact in catalog.contacts if contact.code == "admissions")
    assert admissions.organisation is not None and admissions.address is not None
    assert admissions.organisation.zh_hans == "香港职业训练局中国内地及国际事务处"
    assert admissions.address.zh_hans == "香港湾仔活道27号职业训练局大楼14楼"
    for needle in (admissions.organisation.get(language), "(852) 2836 1784", "iss@vtc.edu.hk"):
        assert needle in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_sector_carries_the_leaflets_footnote_7(
    catalog: Catalog, language: Language
) -> None:
    footnote_7 = next(note for note in catalog.footnotes if note.number == 7).parts[0]
    new = pdf_text(
        build_summary_pdf(catalog, SummaryRequest(language, ("culinary-arts",), None, MADE_ON))
    )
    assert "7 " + footnote_7.get(language) in new  # the mark is a raised 7
    hotel_and_tourism = catalog.sector(catalog.programme("culinary-arts").sector_code)
    assert hotel_and_tourism.name.get(language) + "7" in new
    old = pdf_text(
        build_summary_pdf(catalog, SummaryRequest(language, ("maritime-studies",), None, MADE_ON))
    )
    assert footnote_7.get(language) not in old


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_support_table_keeps_the_additional_fees_note(
    catalog: Catalog, language: Language
) -> None:
    [corporate] = [support for support in catalog.supports if support.note is not None]
    assert corporate.note is not None and corporate.note.zh_hans == "需额外收费"
    text = pdf_text(build_summary_pdf(catalog, SummaryRequest(language, (), None, MADE_ON)))
    # (English wraps at spaces, which the extracted text loses: compare without them.)
    assert f"({corporate.note.get(language)})".replace(" ", "") in text.replace(" ", "")


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
    changed = "https://example.org/supporting-organisations"
    engine = open_leads_db(resources.leads_db_path())
    save_settings(engine, Settings(link_overrides={"support-organisations": changed}))
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
