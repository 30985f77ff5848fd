"""Staff mode through the real widgets: the first-start set-up, the corner hold, the PIN pad and
its lockout, the panel with its counts and charts, event set-up, settings, export, purge."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk import resources
from kiosk.analytics import EventKind
from kiosk.data.leads_db import AnalyticsEventRow, OutboxRow
from kiosk.export import restore
from kiosk.lead_vault import vault_is_set_up
from kiosk.services import Services, open_services
from kiosk.settings import load_settings
from kiosk.ui.i18n import Translations
from kiosk.ui.printing import QtPrinter
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_export import StaffExportScreen, exports_folder
from kiosk.ui.screens.staff_panel import StaffPanelScreen
from kiosk.ui.screens.staff_pin import StaffPinScreen
from kiosk.ui.shell import Shell
from kiosk.ui.staff_gesture import HOLD_MS
from tests.qt_fixtures import tap
from tests.staff import STAFF_PASSPHRASE, STAFF_PIN, lead_values, seed_leads
from tests.unit.lead_drafts import complete_draft


def type_pin(qtbot: QtBot, pad: StaffPinScreen, pin: str) -> None:
    for digit in pin:
        tap(qtbot, pad.keys[digit])
    tap(qtbot, pad.keys["OK"])


def open_panel(shell: Shell, qtbot: QtBot) -> StaffPanelScreen:
    shell.open_staff()
    pad = shell.current
    assert isinstance(pad, StaffPinScreen)
    type_pin(qtbot, pad, STAFF_PIN)
    panel = shell.current
    assert isinstance(panel, StaffPanelScreen)
    return panel


def text_of(shell: Shell, name: str) -> str:
    widget = shell.current.findChild(QLabel, name)
    assert widget is not None
    return widget.text()


@pytest.fixture
def first_start(themed_app: QApplication, qtbot: QtBot, data_dir: Path) -> Iterator[Shell]:
    """A kiosk started on a machine where staff have set nothing up yet."""
    services = open_services(resources.content_db_path(), resources.leads_db_path())
    window = Shell(services, Translations())
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close_services()
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    services.close()


def test_the_first_start_asks_staff_for_a_pin_and_passphrase(
    first_start: Shell, qtbot: QtBot
) -> None:
    shell = first_start
    assert shell.current.screen_id == ScreenId.STAFF_SETUP
    shell.leave_staff_mode()  # no visitor may use the kiosk before the set-up
    assert shell.current.screen_id == ScreenId.STAFF_SETUP
    screen = shell.current
    fields = {field.objectName(): field for field in screen.findChildren(QLineEdit)}
    assert all(field.echoMode() == QLineEdit.EchoMode.Password for field in fields.values())
    qtbot.keyClicks(fields["field-pin"], "123456")
    qtbot.keyClicks(fields["field-pin-again"], "123456")
    qtbot.keyClicks(fields["field-passphrase"], STAFF_PASSPHRASE)
    qtbot.keyClicks(fields["field-passphrase-again"], STAFF_PASSPHRASE)
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert "123456" in text_of(shell, "setupProblem")  # a run is refused
    for name in ("field-pin", "field-pin-again"):
        fields[name].clear()
        qtbot.keyClicks(fields[name], STAFF_PIN)
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert shell.current.screen_id == ScreenId.STAFF_PANEL
    services = shell.services
    assert services.staff.pin_is_set() and vault_is_set_up(services.leads_engine)
    assert services.staff.check(STAFF_PIN).accepted
    tap(qtbot, shell.current.leave_button)  # type: ignore[attr-defined]
    assert shell.current.screen_id == ScreenId.ATTRACT


def test_holding_the_top_left_corner_opens_the_pin_pad(shell: Shell, qtbot: QtBot) -> None:
    shell.start_visit()
    shell.go_to(ScreenId.HOME)
    back = shell.top_bar.back
    shell.go_to(ScreenId.SECTORS)
    assert back.isVisible()
    corner = back.mapFrom(shell, QPoint(30, 30))
    # A tap in the corner is just a tap (Back).
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton, pos=corner)
    assert shell.current.screen_id == ScreenId.HOME
    shell.go_to(ScreenId.SECTORS)
    qtbot.mousePress(back, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: shell.current.screen_id == ScreenId.STAFF_PIN, timeout=HOLD_MS + 2000)
    qtbot.mouseRelease(back, Qt.MouseButton.LeftButton, pos=corner)
    assert shell.current.screen_id == ScreenId.STAFF_PIN  # the release was not a Back tap
    assert not shell.visit_started  # the visitor's session ended
    kinds = [event.kind for event in shell.services.analytics.events()]
    assert kinds[-1] == EventKind.SESSION_END


def test_a_hold_elsewhere_opens_nothing(shell: Shell, qtbot: QtBot) -> None:
    shell.start_visit()
    shell.go_to(ScreenId.HOME)
    middle = shell.current.rect().center()
    qtbot.mousePress(shell.current, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.wait(HOLD_MS + 300)
    qtbot.mouseRelease(shell.current, Qt.MouseButton.LeftButton, pos=middle)
    assert shell.current.screen_id == ScreenId.HOME


def test_wrong_pins_count_down_then_lock_the_pad(shell: Shell, qtbot: QtBot) -> None:
    shell.open_staff()
    pad = shell.current
    assert isinstance(pad, StaffPinScreen)
    type_pin(qtbot, pad, "135799")
    assert pad.message.text() == "PIN码错误。再错 4 次将会锁定。"
    for _ in range(4):
        type_pin(qtbot, pad, "135799")
    assert "错误次数过多" in pad.message.text()
    assert not pad.keys["1"].isEnabled()
    assert shell.current is pad
    tap(qtbot, pad.language_buttons["en"])  # staff pick their language in the header
    assert pad.language_buttons["en"].isChecked() and shell.session.language == "en"
    assert pad.message.text().startswith("Too many wrong PINs. The pad opens again in ")
    assert shell.services.staff.locked_until() is not None


def test_staff_mode_leaves_by_itself_when_left_alone(
    services: Services, themed_app: QApplication, qtbot: QtBot
) -> None:
    services.settings = replace(services.settings, staff_idle_s=1)
    window = Shell(services, Translations())
    qtbot.addWidget(window)
    window.show()
    try:
        open_panel(window, qtbot)
        qtbot.waitUntil(lambda: window.current.screen_id == ScreenId.ATTRACT, timeout=3000)
        assert not window.staff_mode
    finally:
        window.close_services()


def test_the_panel_counts_and_charts_come_from_the_database(shell: Shell, qtbot: QtBot) -> None:
    services = shell.services
    now = services.clock.now()
    for index in range(3):
        session = f"visitor-{index}"
        services.analytics.record(session, EventKind.SESSION_START, "zh-Hans")
        services.analytics.record(session, EventKind.SECTOR_VIEW, "maritime")
    services.analytics.record("visitor-0", EventKind.LEAD_SAVED)
    seed_leads(
        services.leads_engine,
        [lead_values(index, now.isoformat(timespec="milliseconds")) for index in range(2)],
    )
    panel = open_panel(shell, qtbot)
    assert text_of(shell, "count-today-sessions") == "3"
    assert text_of(shell, "count-today-leads") == "2"
    assert text_of(shell, "count-today-unsynced_leads") == "2"
    assert text_of(shell, "count-total-leads") == "2"
    assert panel.charts is not None
    shown = panel.charts.shown()
    assert sum(shown["hourly"].values["访客"]) == 3
    assert sum(shown["hourly"].values["联络资料"]) == 2
    [sector_values] = shown["sectors"].values.values()
    assert dict(zip(shown["sectors"].full_names, sector_values, strict=True)) == {
        services.catalog.sector("maritime").name.get("zh-Hans"): 3
    }


def test_event_set_up_is_carried_by_leads_and_analytics(shell: Shell, qtbot: QtBot) -> None:
    open_panel(shell, qtbot)
    tap(qtbot, shell.current.action_buttons["event"])  # type: ignore[attr-defined]
    screen = shell.current
    assert screen.screen_id == ScreenId.STAFF_EVENT
    qtbot.keyClicks(screen.name, "China Education Expo 2026")  # type: ignore[attr-defined]
    qtbot.keyClicks(screen.city, "Guangzhou")  # type: ignore[attr-defined]
    screen.kiosk_id.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(screen.kiosk_id, "GZ-02")  # type: ignore[attr-defined]
    tap(qtbot, screen.ends_on.later)  # type: ignore[attr-defined]
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert shell.current.screen_id == ScreenId.STAFF_PANEL
    event = shell.services.event
    assert event is not None and (event.name, event.city) == (
        "China Education Expo 2026",
        "Guangzhou",
    )
    assert event.ends_on - event.starts_on == timedelta(days=1)
    assert "China Education Expo 2026 · Guangzhou" in text_of(shell, "eventLine")
    assert load_settings(shell.services.leads_engine).event_id == event.event_id

    tap(qtbot, shell.current.leave_button)  # type: ignore[attr-defined]
    shell.start_visit()
    shell.services.save_visitor_lead(
        complete_draft(programme_codes=[]), shell.session.session_id, None
    )
    with shell.services.leads_engine.connect() as connection:
        tags = connection.execute(
            select(AnalyticsEventRow.event_id, AnalyticsEventRow.kiosk_id).where(
                AnalyticsEventRow.kind == EventKind.SESSION_START
            )
        ).all()
        lead = connection.exec_driver_sql("SELECT event_id, kiosk_id FROM lead").one()
    assert tags[-1] == (event.event_id, "GZ-02")
    assert tuple(lead) == (event.event_id, "GZ-02")


def test_settings_are_kept_and_followed_at_once(shell: Shell, qtbot: QtBot) -> None:
    open_panel(shell, qtbot)
    tap(qtbot, shell.current.action_buttons["settings"])  # type: ignore[attr-defined]
    screen = shell.current
    tap(qtbot, screen.idle.buttons[60])  # type: ignore[attr-defined]
    tap(qtbot, screen.languages.buttons["en"])  # type: ignore[attr-defined]
    screen.fields["booth_address"].setText("not an address")  # type: ignore[attr-defined]
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert shell.current is screen and screen.problem.isVisible()  # type: ignore[attr-defined]
    screen.fields["booth_address"].setText("192.168.8.10")  # type: ignore[attr-defined]
    screen.fields["sync_url"].setText("https://hq.example.org/leads")  # type: ignore[attr-defined]
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert shell.current.screen_id == ScreenId.STAFF_PANEL
    stored = load_settings(shell.services.leads_engine)
    assert (stored.idle_timeout_s, stored.default_language) == (60, "en")
    assert (stored.booth_address, stored.sync_url) == (
        "192.168.8.10",
        "https://hq.example.org/leads",
    )
    assert shell.idle._timer.interval() == 60_000
    tap(qtbot, shell.current.leave_button)  # type: ignore[attr-defined]
    assert shell.session.language == "en"  # the next visitor starts in English


def test_staff_give_the_leaflets_qr_codes_their_addresses(shell: Shell, qtbot: QtBot) -> None:
    open_panel(shell, qtbot)
    tap(qtbot, shell.current.action_buttons["settings"])  # type: ignore[attr-defined]
    screen = shell.current
    fields = screen.link_fields  # type: ignore[attr-defined]
    assert set(fields) == {link.code for link in shell.services.catalog.links}
    assert fields["immd-vpas"].placeholderText() == (
        "https://www.immd.gov.hk/hks/services/visas/vpas.html"
    )
    assert fields["wechat"].text() == "" and fields["wechat"].placeholderText()
    fields["wechat"].setText("wechat.example.org")
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert shell.current is screen and "https://" in screen.problem.text()  # type: ignore[attr-defined]
    fields["wechat"].setText("https://example.org/wechat")
    tap(qtbot, screen.save)  # type: ignore[attr-defined]
    assert shell.current.screen_id == ScreenId.STAFF_PANEL
    stored = load_settings(shell.services.leads_engine)
    assert stored.link_overrides == {"wechat": "https://example.org/wechat"}
    assert [link.code for link in shell.official_links()] == ["immd-vpas", "wechat"]


def test_export_asks_the_passphrase_once_and_says_where_the_file_went(
    shell: Shell, qtbot: QtBot
) -> None:
    seed_leads(
        shell.services.leads_engine,
        [lead_values(0, "2026-03-14T09:30:00.000+00:00", name="=cmd|' /C calc'!A0")],
    )
    open_panel(shell, qtbot)
    tap(qtbot, shell.current.action_buttons["export"])  # type: ignore[attr-defined]
    screen = shell.current
    assert isinstance(screen, StaffExportScreen)
    assert screen.destinations.checked() == [exports_folder()]
    assert screen.passphrase.isVisible()
    qtbot.keyClicks(screen.passphrase, "wrong passphrase")
    tap(qtbot, screen.export)
    assert screen.message.text() == "职员密码短语不正确。"
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, STAFF_PASSPHRASE)
    tap(qtbot, screen.export)
    qtbot.waitUntil(lambda: "已将 1 条联络资料保存到" in screen.message.text(), timeout=10_000)
    [written] = list(exports_folder().glob("vpas-leads-*.csv"))
    assert str(written) in screen.message.text()
    assert screen.progress.value() == screen.progress.maximum()
    with written.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [restore(row["name"]) for row in rows] == ["=cmd|' /C calc'!A0"]
    # Unlocked for the day: the next export asks nothing.
    shell.go_to(ScreenId.STAFF_PANEL)
    shell.go_to(ScreenId.STAFF_EXPORT)
    assert not screen.passphrase.isVisibleTo(screen)


def test_purge_removes_only_old_leads_hq_confirmed_after_a_second_tap(
    shell: Shell, qtbot: QtBot
) -> None:
    engine = shell.services.leads_engine
    old = (datetime.now(UTC) - timedelta(days=800)).isoformat(timespec="milliseconds")
    recent = datetime.now(UTC).isoformat(timespec="milliseconds")
    seed_leads(engine, [lead_values(0, old), lead_values(1, old), lead_values(2, recent)])
    with engine.begin() as connection:  # HQ confirmed the first old one and the recent one
        connection.execute(
            OutboxRow.__table__.update()
            .where(
                OutboxRow.lead_id.in_(
                    [lead_values(0, old)["lead_id"], lead_values(2, recent)["lead_id"]]
                )
            )
            .values(synced_at=recent)
        )
    panel = open_panel(shell, qtbot)
    assert panel.retention_line.text().startswith("有 1 条")
    tap(qtbot, panel.purge)
    assert panel.purge.text() == "再按一次以删除"
    assert text_of(shell, "count-total-leads") == "3"
    tap(qtbot, panel.purge)
    assert text_of(shell, "count-total-leads") == "2"
    assert panel.retention_line.text() == "已删除 1 条联络资料。"


def test_a_test_page_goes_through_the_real_print_pipeline(
    shell: Shell, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "test-page.pdf"
    shell.printer = QtPrinter(output_file=target)
    panel = open_panel(shell, qtbot)
    assert panel.printer_status.text() == "打印机：就绪"
    tap(qtbot, panel.test_page)
    qtbot.waitUntil(lambda: panel.printer_status.text().startswith("测试页已打印"), timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
