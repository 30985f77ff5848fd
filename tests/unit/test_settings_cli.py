"""`kiosk settings`: how installers set the booth network and printer before staff mode exists."""

from __future__ import annotations

from dataclasses import replace

from kiosk import resources
from kiosk.catalog import Catalog
from kiosk.data.leads_db import open_leads_db
from kiosk.lead_notice import notice_paragraphs, notice_version
from kiosk.settings import Settings, load_settings
from tests.unit.test_content import kiosk_cli


def test_set_then_show_and_the_kiosk_reads_it() -> None:
    for key, value in (
        ("booth_address", "192.168.8.10"),
        ("booth_port", "8080"),
        ("booth_wifi_name", "VTC Booth"),
        ("booth_wifi_password", "12345678"),  # digits, yet a password: stays text
        ("link_overrides", '{"wechat": "https://example.org/wechat"}'),
    ):
        result = kiosk_cli("settings", "set", key, value)
        assert result.returncode == 0, result.stderr
    shown = kiosk_cli("settings", "show").stdout
    assert 'booth_address = "192.168.8.10"' in shown
    assert "booth_port = 8080" in shown
    engine = open_leads_db(resources.leads_db_path())
    settings = load_settings(engine)
    engine.dispose()
    assert settings.booth_network and settings.booth_port == 8080
    assert settings.booth_wifi_password == "12345678"
    assert settings.link_overrides == {"wechat": "https://example.org/wechat"}


def test_bad_values_are_one_sentence_and_change_nothing() -> None:
    for key, value, message in (
        ("booth_port", "99", "between 1024 and 65535"),
        ("booth_address", "booth.local", "booth.local"),
        ("share_minutes", "0", "between 1 and 240"),
        ("no_such_setting", "1", "There is no setting 'no_such_setting'"),
        ("link_overrides", '{"wechat": "ftp://x"}', "must start with https://"),
        # A code the content has no link for (such as the retired VTC page) is refused.
        ("link_overrides", '{"vtc-vpas": "https://x.org"}', "There is no link 'vtc-vpas'"),
        ("privacy_contact_email", "not an address", "is not an address"),
        ("privacy_contact_phone", "call us", "only digits"),
    ):
        result = kiosk_cli("settings", "set", key, value)
        assert result.returncode == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    shown = kiosk_cli("settings", "show").stdout
    assert 'booth_address = ""' in shown and "booth_port = 8765" in shown


def test_the_privacy_contact_is_a_setting_and_part_of_the_notice_version(
    catalog: Catalog,
) -> None:
    leaflets = Settings()
    paragraphs = notice_paragraphs(catalog, "zh-Hans", leaflets)
    rights = next(p for p in paragraphs if "撤回同意" in p)
    # The leaflet's admissions office (入学申请查询), not the general enquiry line.
    assert "iss@vtc.edu.hk" in rights and "(852) 2836 1784" in rights
    assert "(86) 755 3363 4880" not in rights
    result = kiosk_cli("settings", "set", "privacy_contact_email", "privacy@vtc.edu.hk")
    assert result.returncode == 0, result.stderr
    engine = open_leads_db(resources.leads_db_path())
    staffs = load_settings(engine)
    engine.dispose()
    assert staffs.privacy_contact_email == "privacy@vtc.edu.hk"
    for language in ("zh-Hans", "zh-Hant", "en"):
        [rights] = [p for p in notice_paragraphs(catalog, language, staffs) if "@" in p]
        assert "privacy@vtc.edu.hk" in rights and "(852) 2836 1784" in rights
    assert notice_version(catalog, staffs) != notice_version(catalog, leaflets)
    changed_phone = replace(leaflets, privacy_contact_phone="(852) 1234 5678")
    assert notice_version(catalog, changed_phone) != notice_version(catalog, leaflets)
