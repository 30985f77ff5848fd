"""The sync as staff see it, through the real widgets, the real relay thread and the real HQ
receiver over HTTP: leads reach HQ by themselves, the panel says how many wait and why, and the
kiosk stays responsive while HQ hangs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from kiosk.hq.store import receive_leads
from kiosk.lead_records import iter_lead_records
from kiosk.lead_vault import LeadSealer
from kiosk.leads import write_leads
from kiosk.settings import Settings
from kiosk.sync import outbox_counts, sync_payload
from kiosk.ui.screens.staff_panel import StaffPanelScreen
from kiosk.ui.shell import Shell
from tests.fault_proxy import Fault, FaultProxy, always
from tests.hq_fixtures import HQ_TOKEN, hq_conflicts, hq_leads, sync_url
from tests.qt_fixtures import tap
from tests.receiver import ReceiverThread
from tests.staff import STAFF_PASSPHRASE, START, many_leads
from tests.ui.test_staff_mode import open_panel
from tests.unit.lead_drafts import complete_draft


@pytest.fixture
def proxy(hq_receiver: ReceiverThread) -> Iterator[FaultProxy]:
    with FaultProxy(hq_receiver.url, stall_seconds=60) as running:
        yield running


@pytest.fixture
def settings(proxy: FaultProxy) -> Settings:
    """The kiosk syncs through the fault proxy, which passes everything unless told not to."""
    return Settings(sync_url=sync_url(proxy.url), sync_token=HQ_TOKEN)


def _label(panel: StaffPanelScreen, name: str) -> str:
    widget = panel.findChild(QLabel, name)
    assert widget is not None
    return widget.text()


def _english_panel(shell: Shell, qtbot: QtBot) -> StaffPanelScreen:
    panel = open_panel(shell, qtbot)
    shell.set_language("en")
    return panel


def test_a_lead_left_at_the_kiosk_reaches_hq_by_itself(
    shell: Shell, qtbot: QtBot, hq_engine: Engine
) -> None:
    saved = shell.services.save_visitor_lead(complete_draft(programme_codes=[]), "session-1", None)
    qtbot.waitUntil(lambda: saved.lead_id in hq_leads(hq_engine), timeout=10_000)
    held = hq_leads(hq_engine)[saved.lead_id]
    assert (held["name"], held["phone_e164"]) == ("陈大文", "+8613812345678")
    qtbot.waitUntil(lambda: outbox_counts(shell.services.leads_engine).waiting == 0)
    panel = _english_panel(shell, qtbot)
    assert _label(panel, "syncWaiting") == "Not yet at HQ: 0 leads."
    assert _label(panel, "syncLast").startswith("Last sync ")
    assert _label(panel, "syncLast").endswith(": 1 lead sent, all at HQ.")


def test_the_kiosk_stays_responsive_while_hq_hangs(
    shell: Shell, qtbot: QtBot, proxy: FaultProxy, hq_engine: Engine
) -> None:
    proxy.policy = always(Fault.TIMEOUT)  # HQ takes the request and never answers
    shell.services.save_visitor_lead(complete_draft(programme_codes=[]), "session-1", None)
    qtbot.waitUntil(lambda: proxy.counts()["timeout"] == 1, timeout=10_000)
    # The relay now waits for an answer on its thread; the screens go on at their pace.
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: gaps.append(clock.restart()))
    ticker.start()
    panel = _english_panel(shell, qtbot)
    sync_now = panel.findChild(QPushButton, "syncNow")
    assert sync_now is not None and sync_now.isEnabled()
    started = time.perf_counter()
    tap(qtbot, sync_now)
    assert time.perf_counter() - started < 0.25
    assert _label(panel, "syncWaiting") == "Not yet at HQ: 1 lead."
    qtbot.wait(1000)
    ticker.stop()
    assert len(gaps) > 40 and max(gaps[1:]) < 200, gaps
    assert hq_leads(hq_engine) == {}
    proxy.stop()  # the hung request fails at once, so the relay can stop with the kiosk


def test_leads_of_an_earlier_run_go_once_staff_give_the_passphrase(
    shell: Shell, qtbot: QtBot, hq_engine: Engine
) -> None:
    engine = shell.services.leads_engine
    earlier = many_leads(3)
    write_leads(engine, LeadSealer(engine), earlier)  # sealed by a run before this one
    panel = _english_panel(shell, qtbot)
    waiting = _label(panel, "syncWaiting")
    assert waiting.startswith("Not yet at HQ: 3 leads.\n3 of them, from before the kiosk last")
    field = panel.findChild(QLineEdit, "field-sync-passphrase")
    assert field is not None and field.isVisible()
    field.setText("not the passphrase")
    tap(qtbot, panel.sync_now)
    assert _label(panel, "syncLast") == "The staff passphrase is not right."
    assert hq_leads(hq_engine) == {}
    field.setText(STAFF_PASSPHRASE)
    tap(qtbot, panel.sync_now)
    qtbot.waitUntil(lambda: len(hq_leads(hq_engine)) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: _label(panel, "syncWaiting") == "Not yet at HQ: 0 leads.")
    assert not field.isVisible()
    assert set(hq_leads(hq_engine)) == {lead["lead_id"] for lead in earlier}


def test_a_lead_hq_rejects_is_listed_with_the_reason(
    shell: Shell, qtbot: QtBot, hq_engine: Engine
) -> None:
    services = shell.services
    [lead] = many_leads(1)
    write_leads(services.leads_engine, services.sealer, [lead])
    [record] = iter_lead_records(services.leads_engine, services.sealer)
    # HQ already holds another lead under this id (a kiosk's database restored from a copy).
    other = replace(record, name="张小明")
    receive_leads(hq_engine, [sync_payload(other)], "sync", START)
    panel = _english_panel(shell, qtbot)
    tap(qtbot, panel.sync_now)
    qtbot.waitUntil(lambda: "HQ rejected 1 lead" in _label(panel, "syncWaiting"), timeout=10_000)
    rejected = _label(panel, "syncRejected")
    assert lead["lead_id"][:8] in rejected and "other content" in rejected
    assert hq_leads(hq_engine)[lead["lead_id"]]["name"] == "张小明"  # the first one stays
    assert hq_conflicts(hq_engine) == 1
