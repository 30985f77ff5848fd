"""10,000 leads from the kiosk's relay to the real receiver through 30 % injected faults: HTTP
500s, timeouts, connection resets before and after HQ committed, duplicated deliveries, and the
receiver restarted in the middle. HQ must end with each lead exactly once, as the kiosk saved it,
and the kiosk with every lead marked synced."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import Engine

from kiosk.clock import SystemClock
from kiosk.data.leads_db import open_leads_db
from kiosk.hq.app import create_app
from kiosk.hq.store import open_hq_db
from kiosk.lead_records import iter_lead_records
from kiosk.lead_vault import LeadSealer, unlock
from kiosk.leads import write_leads
from kiosk.sync import Backoff, HttpTransport, SyncRelay, outbox_counts, sync_payload
from tests.fault_proxy import FAULTS, FaultProxy, RandomFaults
from tests.hq_fixtures import HQ_TOKEN, hq_conflicts, hq_leads, sync_url
from tests.receiver import ReceiverThread
from tests.staff import STAFF_PASSPHRASE, many_leads

LEADS = 10_000
FAULT_RATE = 0.3
CLIENT_TIMEOUT_S = 0.5  # the proxy's TIMEOUT fault stalls longer than this


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def hq_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite'}"
    else:
        yield request.getfixturevalue("fresh_postgres_url")


def _restart_halfway(kiosk: Engine, receiver: ReceiverThread, done: threading.Event) -> None:
    """Restart the receiver once half the leads are synced (a deploy at HQ, say)."""
    while not done.is_set():
        if outbox_counts(kiosk).waiting <= LEADS // 2:
            receiver.restart()
            return
        time.sleep(0.02)


def test_ten_thousand_leads_through_faults_arrive_exactly_once(
    hq_url: str, staffed_db: Path
) -> None:
    hq = open_hq_db(hq_url)
    kiosk = open_leads_db(staffed_db)
    sealer = LeadSealer(kiosk)
    leads = many_leads(LEADS)
    write_leads(kiosk, sealer, leads)
    receiver = ReceiverThread(create_app(hq, [HQ_TOKEN]))
    receiver.start()
    proxy = FaultProxy(
        receiver.url, RandomFaults(rate=FAULT_RATE, seed=2026), stall_seconds=2 * CLIENT_TIMEOUT_S
    ).start()
    relay = SyncRelay(
        kiosk,
        lambda: sealer,
        lambda: HttpTransport(sync_url(proxy.url), HQ_TOKEN, timeout=CLIENT_TIMEOUT_S),
        SystemClock(),
        backoff=Backoff(base_s=0.005, cap_s=0.05),
        idle_check_s=0.1,
        batch_size=100,
    )
    done = threading.Event()
    restarter = threading.Thread(target=_restart_halfway, args=(kiosk, receiver, done))
    try:
        restarter.start()
        relay.start()
        deadline = time.monotonic() + 240
        while outbox_counts(kiosk).waiting and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        done.set()
        restarter.join()
        assert relay.stop()
        proxy.stop()
        receiver.stop()
    counts = proxy.counts()
    try:
        assert outbox_counts(kiosk).waiting == 0, counts
        held = hq_leads(hq)
        assert len(held) == LEADS and hq_conflicts(hq) == 0
        assert set(held) == {lead["lead_id"] for lead in leads}
        for record in iter_lead_records(kiosk, unlock(kiosk, STAFF_PASSPHRASE)):
            assert held[record.lead_id] == sync_payload(record)
            assert record.synced_at is not None
    finally:
        kiosk.dispose()
        hq.dispose()
    # Every kind of fault happened, about as often as asked for.
    faults = sum(counts[fault.value] for fault in FAULTS)
    assert all(counts[fault.value] > 0 for fault in FAULTS), counts
    assert 0.2 < faults / counts["requests"] < 0.4, counts
    print(f"\n{hq_url.split(':')[0]}: {counts}")


def test_receivers_side_by_side_on_one_database_store_each_lead_once(
    hq_url: str, staffed_db: Path
) -> None:
    """HQ behind a load balancer: two receivers (own engines, own servers) on one database get
    the same batches at the same moment, as when a kiosk's retry lands on the other one."""
    kiosk = open_leads_db(staffed_db)
    sealer = LeadSealer(kiosk)
    write_leads(kiosk, sealer, many_leads(2000))
    payloads = [sync_payload(record) for record in iter_lead_records(kiosk, sealer)]
    kiosk.dispose()
    engines = [open_hq_db(hq_url), open_hq_db(hq_url)]
    receivers = [ReceiverThread(create_app(engine, [HQ_TOKEN])) for engine in engines]
    answers: list[dict[str, list[str]]] = []
    lock = threading.Lock()

    def send_all(receiver: ReceiverThread) -> None:
        with httpx.Client(headers={"Authorization": f"Bearer {HQ_TOKEN}"}) as client:
            for start in range(0, len(payloads), 100):
                response = client.post(
                    sync_url(receiver.url), json={"leads": payloads[start : start + 100]}
                )
                assert response.status_code == 200, response.text
                with lock:
                    answers.append(response.json())

    for receiver in receivers:
        receiver.start()
    try:
        senders = [
            threading.Thread(target=send_all, args=(receivers[index % 2],)) for index in range(4)
        ]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join()
    finally:
        for receiver in receivers:
            receiver.stop()
    assert len(answers) == 4 * 20  # each of four senders, every batch answered
    stored = [lead_id for answer in answers for lead_id in answer["stored"]]
    assert sorted(stored) == sorted(payload["lead_id"] for payload in payloads)  # once each
    assert all(not answer["rejected"] for answer in answers)
    assert len(hq_leads(engines[0])) == 2000 and hq_conflicts(engines[0]) == 0
    for engine in engines:
        engine.dispose()
