"""A test double of HQ for the sync core's own tests: an in-memory receiver behind the
SyncTransport interface, with faults a test switches on. The real receiver over real HTTP is
used by tests/unit/test_sync_http.py and the reliability tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from kiosk.sync import BatchTooLarge, Rejection, SyncAnswer, SyncUnreachable


class MemoryHq:
    """Stores leads by id like the real receiver: a resend is already had, a changed lead is
    rejected; ``fault`` (called before and after storing) may raise to simulate the network."""

    def __init__(self, *, max_batch: int = 500) -> None:
        self.leads: dict[str, dict[str, Any]] = {}
        self.batches: list[list[str]] = []
        self.max_batch = max_batch
        self.fail_before: Callable[[], None] = lambda: None
        self.fail_after: Callable[[], None] = lambda: None
        self.reject: dict[str, str] = {}  # lead id -> the reason HQ gives
        self.unnamed: set[str] = set()  # lead ids HQ's answer leaves out

    def send(self, leads: list[dict[str, Any]]) -> SyncAnswer:
        if len(leads) > self.max_batch:
            raise BatchTooLarge("HQ found the batch too large.")
        self.fail_before()
        self.batches.append([lead["lead_id"] for lead in leads])
        stored, already, rejected = set(), set(), []
        for lead in leads:
            lead_id = lead["lead_id"]
            if lead_id in self.unnamed:
                continue
            if lead_id in self.reject:
                rejected.append(Rejection(lead_id, self.reject[lead_id]))
            elif lead_id not in self.leads:
                self.leads[lead_id] = json.loads(json.dumps(lead))
                stored.add(lead_id)
            elif self.leads[lead_id] == lead:
                already.add(lead_id)
            else:
                rejected.append(Rejection(lead_id, "A different lead has this id."))
        self.fail_after()
        return SyncAnswer(frozenset(stored), frozenset(already), tuple(rejected))

    def close(self) -> None:
        pass


def unreachable() -> None:
    raise SyncUnreachable("HQ could not be reached (ConnectError).")
