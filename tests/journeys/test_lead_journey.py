"""Leaving contact details, through the real widgets and a real leads database: consent first,
errors beside the fields as the visitor types, the thank-you only after the commit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kiosk.analytics import EventKind
from kiosk.data.leads_db import AnalyticsEventRow, OutboxRow
from kiosk.lead_notice import notice_version
from kiosk.lead_records import LeadRecord, iter_lead_records
from kiosk.lead_vault import unlock
from kiosk.leads import LeadSaveError
from kiosk.staff_alerts import AlertKind
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.lead_consent import LeadConsentScreen
from kiosk.ui.screens.lead_form import LeadFormScreen
from kiosk.ui.screens.staff_panel import StaffPanelScreen
from kiosk.ui.shell import Shell
from tests.keyboard_driver import type_pinyin
from tests.qt_fixtures import tap
from tests.staff import STAFF_PASSPHRASE
from tests.unit.lead_drafts import complete_draft

pytestmark = pytest.mark.journey


def consent_screen(shell: Shell) -> LeadConsentScreen:
    screen = shell.screens[ScreenId.LEAD_CONSENT]
    assert isinstance(screen, LeadConsentScreen)
    return screen


def form_screen(shell: Shell) -> LeadFormScreen:
    screen = shell.screens[ScreenId.LEAD_FORM]
    assert isinstance(screen, LeadFormScreen)
    return screen


def start_visit_with_a_list(shell: Shell) -> None:
    shell.start_visit()
    for code in ("software-engineering", "culinary-arts"):
        shell.toggle_shortlist(code)
    shell.go_to(ScreenId.HOME)


def agree(shell: Shell, qtbot: QtBot, age: str = "18_or_over") -> LeadFormScreen:
    screen = consent_screen(shell)
    tap(qtbot, screen.ages.buttons[age])
    tap(qtbot, screen.consents["consent_contact"].box)
    tap(qtbot, screen.consents["consent_transfer"].box)
    tap(qtbot, screen.go_on)
    assert shell.current.screen_id == ScreenId.LEAD_FORM
    return form_screen(shell)


def leads(shell: Shell) -> list[LeadRecord]:
    """The kiosk's leads as staff read them, with the staff passphrase."""
    engine = shell.services.leads_engine
    return list(iter_lead_records(engine, unlock(engine, STAFF_PASSPHRASE)))


def test_consent_comes_first_and_none_is_ticked(shell: Shell, qtbot: QtBot) -> None:
    start_visit_with_a_list(shell)
    tap(qtbot, shell.screens[ScreenId.HOME].tiles[ScreenId.LEAD_CONSENT])  # type: ignore[attr-defined]
    screen = consent_screen(shell)
    assert shell.current is screen
    texts = " ".join(w.text() for w in screen.findChildren(QLabel) if w.isVisible())
    for needle in ("职业训练局", "VPES", "香港", "24个月", "iss@vtc.edu.hk", "(852) 2836 1784"):
        assert needle in texts
    assert not any(tick.isChecked() for tick in screen.consents.values())
    assert not screen.go_on.isEnabled()
    tap(qtbot, screen.ages.buttons["18_or_over"])
    tap(qtbot, screen.consents["consent_contact"].box)
    assert not screen.go_on.isEnabled()  # the transfer to Hong Kong is needed too
    screen.consents["consent_transfer"].text.tapped.emit()  # the sentence is a target too
    assert screen.go_on.isEnabled()
    assert not screen.consents["consent_news"].isChecked()  # optional, left as it was


def test_under_14_needs_a_guardian_here_or_no_lead(shell: Shell, qtbot: QtBot) -> None:
    start_visit_with_a_list(shell)
    shell.leave_contact()
    screen = consent_screen(shell)
    tap(qtbot, screen.ages.buttons["under_14"])
    tap(qtbot, screen.consents["consent_contact"].box)
    tap(qtbot, screen.consents["consent_transfer"].box)
    assert screen.under_14.isVisible() and "家长或监护人" in screen.under_14.text()
    assert not screen.go_on.isEnabled()
    tap(qtbot, screen.consents["guardian_consent"].box)
    assert screen.go_on.isEnabled() and not screen.under_14.isVisible()


def test_a_chinese_name_typed_on_the_keyboard_is_saved_with_consents_and_list(
    shell: Shell, qtbot: QtBot
) -> None:
    start_visit_with_a_list(shell)
    shell.go_to(ScreenId.PROGRAMME, programme="maritime-studies")
    tap(qtbot, shell.current.findChild(QPushButton, "leaveContact"))
    form = agree(shell, qtbot)
    # Pinyin on the on-screen keyboard: letters, then the candidate.
    type_pinyin(
        qtbot, shell.keyboard, form.fields["name"], [("chen", "陈"), ("da", "大"), ("wen", "文")]
    )
    assert form.fields["name"].text() == "陈大文"
    qtbot.keyClicks(form.fields["phone_number"], "138 1234 5678")  # a physical keyboard works too
    tap(qtbot, form.regions.buttons["CN-GD"])
    tap(qtbot, form.stages.buttons["senior_secondary_3"])
    assert form.programmes.buttons["maritime-studies"].isChecked()
    tap(qtbot, form.programmes.buttons["culinary-arts"])  # editable: not this one after all
    tap(qtbot, form.send)

    assert shell.current.screen_id == ScreenId.LEAD_THANKS  # shown after the commit returned
    [lead] = leads(shell)
    assert lead.name == "陈大文"
    assert lead.phone_e164 == "+8613812345678"
    assert lead.programme_codes == ("software-engineering", "maritime-studies")
    assert (lead.consent_contact, lead.consent_transfer, lead.consent_news) == (True, True, False)
    assert lead.notice_version == notice_version(shell.services.catalog, shell.services.settings)
    assert lead.contact_language == "zh-Hans" and lead.session_id == shell.session.session_id
    with Session(shell.services.leads_engine) as session:
        assert session.get(OutboxRow, lead.lead_id) is not None
        kinds = list(session.scalars(select(AnalyticsEventRow.kind)))
    assert EventKind.LEAD_SAVED.value in kinds

    shell.back()  # no way back into a sent lead
    assert shell.current.screen_id == ScreenId.HOME
    shell.leave_contact()
    assert not consent_screen(shell).go_on.isEnabled()
    assert shell.session.lead.name == "" and not shell.session.lead.consent_contact


def test_errors_show_beside_the_field_while_typing(shell: Shell, qtbot: QtBot) -> None:
    start_visit_with_a_list(shell)
    shell.set_language("en")
    shell.leave_contact()
    form = agree(shell, qtbot)
    error = form.errors["phone_number"]
    assert not error.isVisible()
    qtbot.keyClicks(form.fields["phone_number"], "13")
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "This is not a mobile number for that country code."
    qtbot.keyClicks(form.fields["phone_number"], "812345678")
    assert not error.isVisible()
    qtbot.keyClicks(form.fields["email"], "chan@")
    assert form.errors["email"].text() == "This is not an e-mail address."
    assert QApplication.activeModalWidget() is None  # never a dialog


def test_no_way_to_reach_the_visitor_saves_nothing(shell: Shell, qtbot: QtBot) -> None:
    start_visit_with_a_list(shell)
    shell.leave_contact()
    form = agree(shell, qtbot)
    qtbot.keyClicks(form.fields["name"], "Chan Tai Man")
    tap(qtbot, form.regions.buttons["HK"])
    tap(qtbot, form.stages.buttons["graduated"])
    bar = form.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # down at the send button
    tap(qtbot, form.send)
    assert shell.current is form
    assert form.errors["contact"].text() == "请提供手机号码、电邮或微信号。"
    assert form.save_problem.isVisible()
    assert leads(shell) == []
    # Sent from the bottom of the form: the first field to fix scrolls into view.
    first = form.captions["phone_number"]
    viewport = form.scroll_area.viewport()
    qtbot.waitUntil(lambda: viewport.rect().contains(first.mapTo(viewport, first.rect().center())))


def fill_the_disk(shell: Shell) -> int:
    """Save other visitors' leads until no page is left (max_page_count stands in for the disk)."""
    services = shell.services
    saved = 0
    with pytest.raises(LeadSaveError):
        for _ in range(100_000):
            services.save_visitor_lead(
                complete_draft(programme_codes=["culinary-arts"]), "earlier visitor", None
            )
            saved += 1
    return saved


def test_a_full_disk_keeps_the_form_and_the_next_send_works(shell: Shell, qtbot: QtBot) -> None:
    start_visit_with_a_list(shell)
    shell.leave_contact()
    form = agree(shell, qtbot)
    type_pinyin(qtbot, shell.keyboard, form.fields["name"], [("chenxiaoming", "陈小明")])
    qtbot.keyClicks(form.fields["email"], "chan@example.com")
    tap(qtbot, form.regions.buttons["CN-GD"])
    tap(qtbot, form.stages.buttons["senior_secondary_2"])

    engine = shell.services.leads_engine
    full = {"on": True}

    @event.listens_for(engine, "checkout")
    def no_room(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages if full['on'] else 1_000_000}")
        cursor.close()

    earlier = fill_the_disk(shell)
    tap(qtbot, form.send)
    assert shell.current is form
    assert "储存空间已满" in form.save_problem.text()
    assert form.fields["name"].text() == "陈小明"  # still filled in
    assert len(leads(shell)) == earlier
    # Staff see it: the badge in the corner, and the alert in the staff panel.
    assert shell.alert_badge.isVisible()
    [alert] = shell.services.alerts.active
    assert alert.kind == AlertKind.DISK_FULL and alert.times == 2  # fill_the_disk's, and ours
    panel = shell.screens[ScreenId.STAFF_PANEL]
    assert isinstance(panel, StaffPanelScreen)
    [(_row, text, dismiss)] = panel.alerts.rows.values()
    assert "储存空间已满" in text.text() and dismiss is None  # it clears by itself

    full["on"] = False
    tap(qtbot, form.send)
    assert shell.current.screen_id == ScreenId.LEAD_THANKS
    mine = [lead.email for lead in leads(shell) if lead.session_id != "earlier visitor"]
    assert mine == ["chan@example.com"]
    assert shell.services.alerts.active == ()
    assert not shell.alert_badge.isVisible()
    assert not panel.alerts.rows
    with shell.services.leads_engine.connect() as connection:  # nothing corrupt
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


def test_idle_reset_clears_the_form_the_keyboard_and_the_clipboard(
    shell: Shell, qtbot: QtBot
) -> None:
    start_visit_with_a_list(shell)
    shell.leave_contact()
    form = agree(shell, qtbot)
    qtbot.keyClicks(form.fields["name"], "Chan")
    QGuiApplication.clipboard().setText("13812345678")
    shell.reset_visitor("idle")
    assert QGuiApplication.clipboard().text() == ""
    assert all(field.text() == "" for field in form.fields.values())
    assert not any(tick.isChecked() for tick in consent_screen(shell).consents.values())
    assert shell.session.lead.name == ""
    assert form.fields["name"].inputMethodQuery(Qt.InputMethodQuery.ImSurroundingText) == ""
