"""A hypothesis state machine over the whole sync: leads saved at the kiosk, syncs that work,
fail before sending or after HQ committed, deliveries duplicated, the kiosk crashing and
restarting (a new run cannot open the old run's leads until staff unlock), and booth bundles
imported at HQ again and again. After draining, HQ must hold exactly what the kiosk committed,
each lead once, and the kiosk must have every lead marked synced.

The kiosk side is real (SQLite file, sealed leads, the relay's HttpTransport), so is HQ's (the
receiver over HTTP on loopback into a SQLite file, and the bundle importer), with the fault
proxy between them."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from kiosk.clock import SystemClock
from kiosk.data.leads_db import OutboxRow, open_leads_db
from kiosk.export import ExportFormat, ExportSource, export_kiosk_leads
from kiosk.hq.models import HqLeadConflictRow, HqLeadRow
from kiosk.hq.store import BatchResult, import_bundles
from kiosk.lead_records import iter_lead_records
from kiosk.lead_vault import LeadSealer, SealedLeadReader, unlock
from kiosk.leads import write_leads
from kiosk.sync import HttpTransport, SyncError, outbox_counts, sync_payload, sync_pending
from tests.fault_proxy import Fault, FaultProxy, always, no_faults
from tests.hq_fixtures import HQ_TOKEN, hq_conflicts, hq_leads, sync_url
from tests.receiver import ReceiverThread
from tests.staff import STAFF_PASSPHRASE, copy_staffed_db, many_leads


@pytest.fixture
def proxy(hq_receiver: ReceiverThread) -> Iterator[FaultProxy]:
    with FaultProxy(hq_receiver.url, stall_seconds=1.0) as running:
        yield running


def test_hq_ends_with_exactly_what_the_kiosk_committed(
    hq_engine: Engine, proxy: FaultProxy, staffed_db_template: Path, tmp_path: Path
) -> None:
    examples = count()

    class SyncMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.directory = tmp_path / f"example-{next(examples)}"
            self.path = copy_staffed_db(staffed_db_template, self.directory / "leads.sqlite")
            self.kiosk = open_leads_db(self.path)
            self.sealer = LeadSealer(self.kiosk)
            self.unlocked = False
            self.saved: set[str] = set()
            self.next_index = 0
            self.bundles = count()
            self.transport = HttpTransport(sync_url(proxy.url), HQ_TOKEN, timeout=0.5)
            with hq_engine.begin() as connection:
                connection.execute(delete(HqLeadRow))
                connection.execute(delete(HqLeadConflictRow))

        def _reader(self) -> SealedLeadReader:
            return unlock(self.kiosk, STAFF_PASSPHRASE) if self.unlocked else self.sealer

        def _sync(self, fault: Fault) -> None:
            proxy.policy = always(fault)
            counts = outbox_counts(self.kiosk, self._reader())
            try:
                sync_pending(self.kiosk, self._reader(), self.transport, SystemClock())
            except SyncError:
                assert fault in (Fault.HTTP_500, Fault.RESET_BEFORE, Fault.RESET_AFTER_COMMIT)
                assert counts.waiting > counts.locked  # it failed sending something
            else:
                assert fault in (Fault.NONE, Fault.DUPLICATE) or counts.waiting == counts.locked

        @rule(leads=st.integers(1, 25))
        def save(self, leads: int) -> None:
            batch = many_leads(leads, self.next_index)
            write_leads(self.kiosk, self.sealer, batch)
            self.next_index += leads
            self.saved |= {lead["lead_id"] for lead in batch}

        @rule()
        def sync_ok(self) -> None:
            self._sync(Fault.NONE)

        @rule(fault=st.sampled_from([Fault.HTTP_500, Fault.RESET_BEFORE]))
        def sync_fails_before_sending(self, fault: Fault) -> None:
            self._sync(fault)

        @rule()
        def sync_fails_after_hq_committed(self) -> None:
            self._sync(Fault.RESET_AFTER_COMMIT)

        @rule()
        def sync_delivered_twice(self) -> None:
            self._sync(Fault.DUPLICATE)

        @rule()
        def crash_and_restart(self) -> None:
            """The kiosk process dies and starts again: a new run, locked until staff unlock."""
            self.kiosk.dispose()
            self.kiosk = open_leads_db(self.path)
            self.sealer = LeadSealer(self.kiosk)
            self.unlocked = False

        @rule()
        def staff_unlock(self) -> None:
            self.unlocked = True

        @rule()
        def import_a_booth_bundle_at_hq(self) -> None:
            bundle = self.directory / f"bundle-{next(self.bundles)}.jsonl"
            opener = unlock(self.kiosk, STAFF_PASSPHRASE)
            source = ExportSource("GZ-01", "device-1", None)
            export_kiosk_leads(self.kiosk, opener, ExportFormat.JSONL, bundle, source)
            first, again = import_bundles(hq_engine, [bundle, bundle])
            assert isinstance(first.outcome, BatchResult) and not first.outcome.rejected
            assert isinstance(again.outcome, BatchResult) and not again.outcome.stored

        @invariant()
        def hq_holds_only_what_the_kiosk_committed_and_each_once(self) -> None:
            held = set(hq_leads(hq_engine))
            assert held <= self.saved
            with self.kiosk.connect() as connection:
                synced = set(
                    connection.execute(
                        select(OutboxRow.lead_id).where(OutboxRow.synced_at.is_not(None))
                    ).scalars()
                )
            assert synced <= held
            assert hq_conflicts(hq_engine) == 0

        def teardown(self) -> None:
            try:
                proxy.policy = no_faults
                opener = unlock(self.kiosk, STAFF_PASSPHRASE)
                sync_pending(self.kiosk, opener, self.transport, SystemClock())
                held = hq_leads(hq_engine)
                assert set(held) == self.saved
                records = list(iter_lead_records(self.kiosk, opener))
                assert all(record.synced_at is not None for record in records)
                assert all(held[record.lead_id] == sync_payload(record) for record in records)
                assert outbox_counts(self.kiosk, opener).waiting == 0
            finally:
                self.transport.close()
                self.kiosk.dispose()

    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=20,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
