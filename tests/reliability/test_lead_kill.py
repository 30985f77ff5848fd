"""SIGKILL at random moments while leads are being saved: a lead reported as saved is never lost.

Children are forked from this already-imported process (no interpreter start-up each time); each
opens its own engine after the fork, saves leads through the real ``save_lead`` and writes every
``lead_id`` on a pipe as soon as the save returned.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import select as sql_select
from sqlalchemy.orm import Session

from kiosk.data.leads_db import LeadRow, OutboxRow, open_leads_db
from kiosk.lead_vault import LeadSealer
from kiosk.leads import LeadDraft, save_lead
from kiosk.settings import device_id
from tests.staff import copy_staffed_db

KILLS = int(os.environ.get("KIOSK_LEAD_KILLS", "200"))  # `make soak` sets 1000
# Longest wait for a child's first report: only a broken child takes this long.
FIRST_REPORT_TIMEOUT_S = 30.0
# Kill moments are spread over this many seconds of saving: a few saves' worth.
KILL_WINDOW_S = 0.02
DRAFT = LeadDraft(
    name="陈大文",
    phone_number="138 1234 5678",
    region="CN-GD",
    stage="senior_secondary_3",
    intake_year=None,
    programme_codes=["C1"],
    contact_language="zh-Hans",
    age_group="18_or_over",
    consent_contact=True,
    consent_transfer=True,
)

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork"),
    # Python 3.12+ warns when forking while Qt's threads (from the UI tests) run; the children
    # touch neither Qt nor any connection of the parent and end with os._exit.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]


def _save_until_killed(path: Path, reports: int) -> NoReturn:
    try:
        engine = open_leads_db(path)
        machine = device_id(engine)
        sealer = LeadSealer(engine)
        while True:
            saved = save_lead(
                engine,
                DRAFT,
                sealer=sealer,
                known_programme_codes={"C1"},
                device_id=machine,
                kiosk_id="GZ-01",
                event_id="",
                session_id="kill-test",
                notice_version="2026-03",
            )
            os.write(reports, f"{saved.lead_id}\n".encode())
    except BaseException as error:  # anything but SIGKILL ending the child fails the test
        os.write(reports, f"error {error!r}\n".encode())
    finally:
        os._exit(1)


def _read_for(reports: int, seconds: float, received: bytearray) -> bool:
    """Collect reports for up to ``seconds``; False when none came (or the child is gone)."""
    readable, _, _ = select.select([reports], [], [], max(seconds, 0))
    chunk = os.read(reports, 65536) if readable else b""
    received += chunk
    return bool(chunk)


def _kill_one_child(path: Path, rng: random.Random) -> list[str]:
    """Fork a saving child, kill it at a random moment; return the ids it reported."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _save_until_killed(path, write_end)
    os.close(write_end)
    received = bytearray()
    try:
        # Most kills land among saves, after the first one; some while the child starts up.
        if rng.random() < 0.9:
            while b"\n" not in received:
                assert _read_for(read_end, FIRST_REPORT_TIMEOUT_S, received), "no first save"
        kill_at = time.monotonic() + rng.uniform(0, KILL_WINDOW_S)
        while time.monotonic() < kill_at:
            _read_for(read_end, kill_at - time.monotonic(), received)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as rest:  # the child is gone: read to the end
            received += rest.read()
    lines = received.decode().splitlines()
    assert not [line for line in lines if line.startswith("error")]
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return lines


def test_no_reported_lead_is_lost_when_the_process_is_killed(
    tmp_path: Path, staffed_db_template: Path
) -> None:
    # Migrated and set up once, and no connection open across the forks.
    path = copy_staffed_db(staffed_db_template, tmp_path / "leads.sqlite")
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    reported: list[str] = []
    for _ in range(KILLS):
        reported += _kill_one_child(path, rng)

    engine = open_leads_db(path)
    with Session(engine) as session:
        leads = set(session.scalars(sql_select(LeadRow.lead_id)))
        outbox = set(session.scalars(sql_select(OutboxRow.lead_id)))
    with engine.connect() as connection:
        integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        orphans = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    engine.dispose()
    assert len(reported) >= KILLS * 0.8, f"too few saves to prove anything (seed {seed})"
    assert len(set(reported)) == len(reported)
    assert set(reported) - leads == set(), f"reported leads lost (seed {seed})"
    assert leads == outbox, f"a lead without its outbox row or the reverse (seed {seed})"
    assert integrity == ["ok"]
    assert orphans == []
