"""The sync core against an in-memory HQ: what is marked, kept, counted and retried."""

from __future__ import annotations

import random
import threading
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from kiosk.data.leads_db import OutboxRow
from kiosk.lead_records import count_leads, iter_lead_records
from kiosk.lead_vault import LeadSealer, unlock
from kiosk.leads import write_leads
from kiosk.settings import Settings, sync_url_problem
from kiosk.sync import (
    Backoff,
    HttpTransport,
    RelayState,
    SyncRefused,
    SyncRelay,
    SyncTransport,
    SyncUnreachable,
    load_sync_status,
    outbox_counts,
    rejected_leads,
    sync_payload,
    sync_pending,
)
from tests.staff import STAFF_PASSPHRASE, MovableClock, many_leads
from tests.sync_doubles import MemoryHq, unreachable


@pytest.fixture
def engine(staffed_engine: Engine) -> Engine:
    return staffed_engine


def _save(engine: Engine, sealer: LeadSealer, count: int, start: int = 0) -> list[str]:
    leads = many_leads(count, start)
    write_leads(engine, sealer, leads)
    return [lead["lead_id"] for lead in leads]


def _synced(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(
            connection.execute(
                select(OutboxRow.lead_id).where(OutboxRow.synced_at.is_not(None))
            ).scalars()
        )


def test_every_lead_this_run_sealed_reaches_hq_once_and_is_marked(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    ids = _save(engine, sealer, 450)
    hq = MemoryHq()
    progress: list[tuple[int, int]] = []
    report = sync_pending(
        engine, sealer, hq, MovableClock(), batch_size=200, progress=lambda *p: progress.append(p)
    )
    assert (report.sent, report.stored, report.already_had, report.rejected) == (450, 450, 0, 0)
    assert [len(batch) for batch in hq.batches] == [200, 200, 50]
    assert set(hq.leads) == set(ids) == _synced(engine)
    assert progress == [(200, 450), (400, 450), (450, 450)]
    assert outbox_counts(engine, sealer).waiting == 0
    status = load_sync_status(engine)
    assert status is not None and (status.result, status.sent, status.stored) == ("ok", 450, 450)
    # What HQ holds is the lead as staff export it, personal data opened, without bookkeeping.
    opened = {r.lead_id: r for r in iter_lead_records(engine, unlock(engine, STAFF_PASSPHRASE))}
    first = hq.leads[ids[0]]
    assert first["name"] == "陈大文0" and first["phone_e164"] == "+8613800000000"
    assert "synced_at" not in first
    assert first == sync_payload(opened[ids[0]])
    # Nothing left: another round sends nothing.
    assert sync_pending(engine, sealer, hq, MovableClock()).sent == 0
    assert len(hq.batches) == 3


def test_leads_of_an_earlier_run_wait_for_the_passphrase(engine: Engine) -> None:
    earlier = _save(engine, LeadSealer(engine), 5)
    sealer = LeadSealer(engine)  # a restart: a new run with a new data key
    now = _save(engine, sealer, 3, start=5)
    counts = outbox_counts(engine, sealer)
    assert (counts.waiting, counts.locked) == (8, 5)
    assert outbox_counts(engine).locked == 8  # with nothing to open them, all are locked
    hq = MemoryHq()
    sync_pending(engine, sealer, hq, MovableClock())
    assert set(hq.leads) == set(now)
    opener = unlock(engine, STAFF_PASSPHRASE)
    assert outbox_counts(engine, opener).locked == 0
    sync_pending(engine, opener, hq, MovableClock())
    assert set(hq.leads) == set(earlier) | set(now) == _synced(engine)


def test_a_rejected_lead_is_kept_with_its_reason_and_not_sent_again(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    ids = _save(engine, sealer, 4)
    hq = MemoryHq()
    hq.reject[ids[1]] = "The lead has no way to contact the visitor."
    report = sync_pending(engine, sealer, hq, MovableClock())
    assert (report.stored, report.rejected) == (3, 1)
    assert _synced(engine) == {ids[0], ids[2], ids[3]}
    counts = outbox_counts(engine, sealer)
    assert (counts.waiting, counts.rejected) == (0, 1)
    [kept] = rejected_leads(engine)
    assert (kept.lead_id, kept.reason) == (ids[1], "The lead has no way to contact the visitor.")
    assert count_leads(engine) == 4  # the sync deletes nothing
    sync_pending(engine, sealer, hq, MovableClock())
    assert sum(batch.count(ids[1]) for batch in hq.batches) == 1


def test_a_failed_batch_marks_nothing_and_is_recorded(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    _save(engine, sealer, 3)
    hq = MemoryHq()
    hq.fail_before = unreachable
    with pytest.raises(SyncUnreachable):
        sync_pending(engine, sealer, hq, MovableClock())
    assert _synced(engine) == set() and hq.leads == {}
    with engine.connect() as connection:
        rows = connection.execute(select(OutboxRow.attempts, OutboxRow.last_error)).all()
    assert rows == [(1, "HQ could not be reached (ConnectError).")] * 3
    status = load_sync_status(engine)
    assert (
        status is not None and status.result == "unreachable" and "ConnectError" in status.message
    )


def test_an_answer_lost_after_hq_stored_the_batch_costs_only_a_resend(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    ids = _save(engine, sealer, 5)
    hq = MemoryHq()
    hq.fail_after = unreachable
    with pytest.raises(SyncUnreachable):
        sync_pending(engine, sealer, hq, MovableClock())
    assert set(hq.leads) == set(ids) and _synced(engine) == set()
    hq.fail_after = lambda: None
    report = sync_pending(engine, sealer, hq, MovableClock())
    assert (report.stored, report.already_had) == (0, 5)
    assert _synced(engine) == set(ids) and len(hq.leads) == 5


def test_leads_the_answer_leaves_out_stay_waiting(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    ids = _save(engine, sealer, 3)
    hq = MemoryHq()
    hq.unnamed = {ids[2]}
    with pytest.raises(SyncRefused, match="did not name 1"):
        sync_pending(engine, sealer, hq, MovableClock())
    assert _synced(engine) == {ids[0], ids[1]}
    assert outbox_counts(engine, sealer).waiting == 1


def test_a_batch_hq_finds_too_large_is_split(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    _save(engine, sealer, 30)
    hq = MemoryHq(max_batch=7)
    sync_pending(engine, sealer, hq, MovableClock(), batch_size=30)
    assert len(hq.leads) == 30
    assert max(len(batch) for batch in hq.batches) <= 7


@given(st.integers(1, 60), st.floats(0.01, 10), st.floats(1, 600), st.integers(0, 2**32))
def test_backoff_is_full_jitter_under_the_capped_exponential(
    failures: int, base: float, cap: float, seed: int
) -> None:
    backoff = Backoff(base, cap)
    delay = backoff.delay(failures, random.Random(seed))
    assert 0 <= delay <= min(cap, base * 2 ** (failures - 1))


def test_backoff_spreads_kiosks_that_failed_together() -> None:
    rng = random.Random(7)
    delays = [Backoff(2, 300).delay(5, rng) for _ in range(1000)]
    assert max(delays) <= 32 and min(delays) < 4 and max(delays) > 28
    assert 14 < sum(delays) / len(delays) < 18  # uniform over [0, 32]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://hq.vtc.edu.hk/v1/leads", True),
        ("http://127.0.0.1:8080/v1/leads", True),
        ("http://localhost:8080/v1/leads", True),
        ("http://[::1]:8080/v1/leads", True),
        ("http://hq.vtc.edu.hk/v1/leads", False),  # visitors' details never in the clear
        ("ftp://hq.vtc.edu.hk/", False),
        ("https://", False),
        ("hq.vtc.edu.hk", False),
        ("http://[::1/", False),
    ],
)
def test_sync_addresses(url: str, allowed: bool) -> None:
    assert (sync_url_problem(url) is None) is allowed
    if not allowed:
        with pytest.raises(ValueError, match="https://"):
            Settings(sync_url=url)
        with pytest.raises(SyncRefused):
            HttpTransport(url, "token")


def test_the_relay_sends_new_leads_retries_and_stops(engine: Engine) -> None:
    sealer = LeadSealer(engine)
    hq = MemoryHq()
    failures = iter([True, True, False])

    def flaky() -> None:
        if next(failures, False):
            unreachable()

    hq.fail_before = flaky
    states: list[RelayState] = []
    threads: set[threading.Thread] = set()
    changed = threading.Event()

    def on_change(state: RelayState) -> None:
        states.append(state)
        threads.add(threading.current_thread())
        changed.set()

    relay = SyncRelay(
        engine,
        lambda: sealer,
        lambda: hq,
        MovableClock(),
        on_change=on_change,
        backoff=Backoff(0.001, 0.01),
        idle_check_s=30,
    )
    relay.start()
    try:
        ids = _save(engine, sealer, 10)
        relay.wake()
        deadline = datetime.now() + timedelta(seconds=10)
        while _synced(engine) != set(ids) and datetime.now() < deadline:
            changed.wait(0.05)
            changed.clear()
        assert _synced(engine) == set(ids)
        assert [s.failures for s in states if s.retry_in_s is not None][:2] == [1, 2]
        assert all(0 <= s.retry_in_s <= 0.01 for s in states if s.retry_in_s is not None)
        assert threading.main_thread() not in threads  # never on the screen's thread
    finally:
        assert relay.stop()
    assert len(hq.leads) == 10


def test_a_relay_whose_transport_cannot_be_made_says_so_and_ends(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    def refused() -> SyncTransport:
        raise SyncRefused("The sync address is not valid.")

    states: list[RelayState] = []
    relay = SyncRelay(
        engine, lambda: LeadSealer(engine), refused, MovableClock(), on_change=states.append
    )
    relay.start()
    assert relay.stop()
    assert states == [RelayState(False, 0, 0, 1, None)]
    assert "the sync transport could not be made" in caplog.text
