"""HQ's receiver unreachable for a whole day, then back: visitors' leads keep being saved at
once, the relay keeps trying without flooding the log or giving up, and when the receiver returns
every lead of the day reaches it exactly once.

A day is replayed 10,000 times faster: the backoff's base and cap, the visitors' pace and the
day's length are all scaled by DAY_SCALE, so the relay makes the attempts a real day would.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from kiosk.clock import SystemClock
from kiosk.data.leads_db import open_leads_db
from kiosk.hq.app import create_app
from kiosk.hq.store import open_hq_db
from kiosk.lead_vault import LeadSealer
from kiosk.leads import save_lead
from kiosk.sync import Backoff, HttpTransport, RelayState, SyncRelay, outbox_counts
from tests.hq_fixtures import HQ_TOKEN, hq_leads, sync_url
from tests.receiver import ReceiverThread
from tests.unit.lead_drafts import complete_draft

DAY_SCALE = 1 / 10_000
OUTAGE_S = 24 * 3600
VISITOR_EVERY_S = 10 * 60  # a lead every ten minutes, round the clock to be harsh
REAL_BACKOFF = Backoff()


def test_a_day_without_hq_then_every_lead_arrives_once(
    staffed_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = open_leads_db(staffed_db)
    sealer = LeadSealer(kiosk)
    hq = open_hq_db(f"sqlite:///{tmp_path / 'hq.sqlite'}")
    receiver = ReceiverThread(create_app(hq, [HQ_TOKEN]))
    receiver.start()
    url = sync_url(receiver.url)
    receiver.stop()  # the fair's network is down before the doors open

    states: list[RelayState] = []
    relay = SyncRelay(
        kiosk,
        lambda: sealer,
        lambda: HttpTransport(url, HQ_TOKEN, timeout=0.5),
        SystemClock(),
        on_change=states.append,
        backoff=Backoff(REAL_BACKOFF.base_s * DAY_SCALE, REAL_BACKOFF.cap_s * DAY_SCALE),
        idle_check_s=60 * DAY_SCALE,
    )
    saved: list[str] = []
    slowest_save = 0.0
    caplog.set_level(logging.INFO)
    relay.start()
    try:
        outage_ends = time.monotonic() + OUTAGE_S * DAY_SCALE
        while time.monotonic() < outage_ends:
            started = time.monotonic()
            lead = save_lead(
                kiosk,
                complete_draft(programme_codes=["C1"]),
                sealer=sealer,
                known_programme_codes={"C1"},
                device_id="device-1",
                kiosk_id="GZ-01",
                event_id="",
                session_id=f"visit-{len(saved)}",
                notice_version="2026-03",
            )
            slowest_save = max(slowest_save, time.monotonic() - started)
            saved.append(lead.lead_id)
            relay.wake()  # as the kiosk does after each lead
            time.sleep(VISITOR_EVERY_S * DAY_SCALE)

        failures = [state for state in states if state.retry_in_s is not None]
        assert outbox_counts(kiosk).waiting == len(saved)  # nothing lost, nothing marked
        assert relay.running
        # It kept trying all day, every wait under the cap, and never named a lead sent.
        assert len(failures) > OUTAGE_S / REAL_BACKOFF.cap_s
        assert all(state.retry_in_s <= REAL_BACKOFF.cap_s * DAY_SCALE for state in failures)  # type: ignore[operator]
        assert max(state.failures for state in failures) >= len(failures) // 2
        # An unreachable receiver is expected, not an error to log again and again.
        assert not [record for record in caplog.records if record.levelno >= logging.WARNING]

        receiver.start()  # the network is back
        deadline = time.monotonic() + 30
        while outbox_counts(kiosk).waiting and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        assert relay.stop()
        receiver.stop()
    try:
        assert outbox_counts(kiosk).waiting == 0
        assert sorted(hq_leads(hq)) == sorted(saved)  # each once: a primary key at HQ
        assert states[-1].failures == 0
        assert slowest_save < 0.5  # the visitor never waited for the network
        print(f"\n{len(saved)} leads, {len(failures)} failed attempts in a (scaled) day")
    finally:
        kiosk.dispose()
        hq.dispose()
