"""What the visitor screens must show as the leaflet does: every home door titled and the lead
door in view without scrolling, footnote 7 with the new sector's programmes, the additional-fees
note with its support item, the contacts under the leaflet's labels, the privacy contact."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.catalog import Catalog
from kiosk.l10n import LANGUAGES, L10n
from kiosk.settings import Settings
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.shell import Shell
from kiosk.ui.widgets.common import Tile
from kiosk.ui.widgets.qr_code import QrCode

LEAD_DOOR_TITLES = {
    "zh-Hans": "留下联络资料",
    "zh-Hant": "留下聯絡資料",
    "en": "Leave your contact",
}


def texts_in(root: QWidget) -> list[str]:
    return [label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root)]


def footnote_7(catalog: Catalog) -> L10n:
    return next(note for note in catalog.footnotes if note.number == 7).parts[0]


def test_every_home_door_is_titled_and_the_lead_door_is_in_view(
    shell: Shell, display_size: tuple[int, int], qtbot: QtBot
) -> None:
    shell.resize(*display_size)
    qtbot.waitUntil(lambda: shell.size().toTuple() == display_size)
    home = shell.screens[ScreenId.HOME]
    assert isinstance(home, HomeScreen)
    assert len(home.tiles) == 9
    for language in LANGUAGES:
        shell.set_language(language)
        shell.go_to(ScreenId.HOME)
        QApplication.processEvents()
        for screen_id, tile in home.tiles.items():
            assert tile.title.text().strip(), (screen_id, language)
            assert tile.subtitle.text().strip(), (screen_id, language)
            assert tile.width() >= 64 and tile.height() >= 64
        lead = home.tiles[ScreenId.LEAD_CONSENT]
        assert lead.title.text() == LEAD_DOOR_TITLES[language]
        # Wholly inside the visible part of the page, with the page not scrolled.
        viewport = home.scroll_area.viewport()
        assert home.scroll_area.verticalScrollBar().value() == 0
        seen = QRect(lead.mapTo(viewport, lead.rect().topLeft()), lead.size())
        assert viewport.rect().contains(seen), (language, seen, viewport.rect())
        assert viewport.mapTo(shell, viewport.rect().bottomLeft()).y() <= display_size[1]
    lead.click()
    assert shell.current.screen_id == ScreenId.LEAD_CONSENT


def test_a_tile_cannot_be_left_without_a_title(themed_app: QApplication) -> None:
    tile = Tile()
    with pytest.raises(ValueError, match="needs a title"):
        tile.set_texts("  ", "a subtitle")
    tile.deleteLater()


def test_the_new_sectors_programme_and_sector_carry_footnote_7(shell: Shell) -> None:
    catalog = shell.services.catalog
    note = footnote_7(catalog)
    for language in LANGUAGES:
        shell.set_language(language)
        for screen_id, params in (
            (ScreenId.PROGRAMME, {"programme": "culinary-arts"}),
            (ScreenId.SECTOR, {"sector": catalog.programme("culinary-arts").sector_code}),
        ):
            shell.go_to(screen_id, **params)
            shown = shell.current.findChild(QLabel, "newSectorNote")
            assert shown is not None and shown.isVisible(), (screen_id, language)
            assert note.get(language) in shown.text()
    shell.go_to(ScreenId.PROGRAMME, programme="software-engineering")
    shown = shell.current.findChild(QLabel, "newSectorNote")
    assert shown is not None and not shown.isVisible()


def test_the_additional_fees_note_goes_with_its_support_item(shell: Shell) -> None:
    catalog = shell.services.catalog
    [corporate] = [support for support in catalog.supports if support.note is not None]
    attract = shell.screens[ScreenId.ATTRACT]
    assert isinstance(attract, AttractScreen)
    lines = [label.text() for label in attract.slides.findChildren(QLabel)]
    assert "✓  企业包班/学生赞助 (需额外收费)" in lines
    for language in LANGUAGES:
        shell.set_language(language)
        shell.go_to(ScreenId.SUPPORT)
        assert corporate.note is not None
        assert any(
            corporate.description.get(language) in text
            and f"({corporate.note.get(language)})" in text
            for text in texts_in(shell.current)
        ), language


def test_contacts_are_labelled_as_the_leaflet_labels_them(shell: Shell) -> None:
    shell.go_to(ScreenId.CONTACTS)
    general = shell.current.findChild(QWidget, "contact-general")
    admissions = shell.current.findChild(QWidget, "contact-admissions")
    assert general is not None and admissions is not None
    general_texts = texts_in(general)
    assert "一般查询" in general_texts
    assert any("(86) 755 3363 4880" in text for text in general_texts)
    everything = " ".join(texts_in(shell.current))
    assert "VPES" not in everything and "深圳" not in everything
    admissions_texts = " ".join(texts_in(admissions))
    for needle in ("入学申请查询", "香港职业训练局中国内地及国际事务处", "活道27号"):
        assert needle in admissions_texts
    assert "(852) 2836 1784" in admissions_texts and "iss@vtc.edu.hk" in admissions_texts
    wechat = shell.current.findChild(QWidget, "contact-wechat")
    assert wechat is not None
    assert "关注官方微信号并咨询人工客服获取更多课程和入学申请信息" in texts_in(wechat)
    assert shell.current.findChild(QrCode, "contact-wechat-code") is None  # no address set


@pytest.mark.parametrize(
    "settings", [Settings(link_overrides={"wechat": "https://example.org/wechat"})]
)
def test_the_wechat_code_shows_once_staff_set_its_address(shell: Shell) -> None:
    shell.go_to(ScreenId.CONTACTS)
    code = shell.current.findChild(QrCode, "contact-wechat-code")
    assert code is not None and code.payload == "https://example.org/wechat"


def test_the_privacy_notice_names_the_admissions_office_or_the_contact_staff_set(
    shell: Shell,
) -> None:
    shell.go_to(ScreenId.LEAD_CONSENT)
    notice = " ".join(texts_in(shell.current))
    assert "iss@vtc.edu.hk" in notice and "(852) 2836 1784" in notice
    assert "(86) 755 3363 4880" not in notice
    shell.apply_settings(replace(Settings(), privacy_contact_email="privacy@vtc.edu.hk"))
    shell.current.retranslate()
    QApplication.processEvents()  # the new paragraphs' deferred show
    notice = " ".join(texts_in(shell.current))
    assert "privacy@vtc.edu.hk" in notice and "iss@vtc.edu.hk" not in notice


@pytest.mark.parametrize(
    ("settings", "button_text"),
    [
        (Settings(), "我的摘要：打印"),
        (Settings(booth_address="127.0.0.1"), "我的摘要：打印或扫码"),
    ],
)
def test_summary_buttons_offer_scanning_only_on_a_booth_network(
    shell: Shell, button_text: str
) -> None:
    """Without a booth network the phone cannot take the PDF: no button may promise it."""
    shell.session.answers.update({"hong_kong_resident": True})
    shell.finish_eligibility()
    for screen_id, name in (
        (ScreenId.OUTCOME, "summary_button"),
        (ScreenId.SHORTLIST, "summary"),
        (ScreenId.LEAD_THANKS, "summary"),
    ):
        screen = shell.screens[screen_id]
        screen.retranslate()
        assert getattr(screen, name).text() == button_text, screen_id
