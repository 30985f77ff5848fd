"""`kiosk settings`: how installers set the booth network and printer before staff mode exists."""

from __future__ import annotations

from kiosk import resources
from kiosk.data.leads_db import open_leads_db
from kiosk.settings import load_settings
from tests.unit.test_content import kiosk_cli


def test_set_then_show_and_the_kiosk_reads_it() -> None:
    for key, value in (
        ("booth_address", "192.168.8.10"),
        ("booth_port", "8080"),
        ("booth_wifi_name", "VTC Booth"),
        ("booth_wifi_password", "12345678"),  # digits, yet a password: stays text
        ("link_overrides", '{"vtc-vpas": "https://www.vtc.edu.hk/hqip/vpas-std.php"}'),
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
    assert settings.link_overrides == {"vtc-vpas": "https://www.vtc.edu.hk/hqip/vpas-std.php"}


def test_bad_values_are_one_sentence_and_change_nothing() -> None:
    for key, value, message in (
        ("booth_port", "99", "between 1024 and 65535"),
        ("booth_address", "booth.local", "booth.local"),
        ("share_minutes", "0", "between 1 and 240"),
        ("no_such_setting", "1", "There is no setting 'no_such_setting'"),
        ("link_overrides", '{"vtc-vpas": "ftp://x"}', "must start with https://"),
    ):
        result = kiosk_cli("settings", "set", key, value)
        assert result.returncode == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    shown = kiosk_cli("settings", "show").stdout
    assert 'booth_address = ""' in shown and "booth_port = 8765" in shown
