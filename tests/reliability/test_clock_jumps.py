"""The wall clock jumping an hour forward or back (a time server correcting the kiosk, a zone
set by hand at the booth): saved times follow the clock, no lead is lost or sent twice, and the
idle countdown keeps its own time (Qt's timers run on the monotonic clock)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.lead_records import iter_lead_records
from kiosk.lead_vault import unlock
from kiosk.services import Services, open_services
from kiosk.settings import Settings
from kiosk.statistics import collect_statistics
from kiosk.sync import outbox_counts, sync_pending
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.shell import Shell
from tests.staff import STAFF_PASSPHRASE, MovableClock
from tests.sync_doubles import MemoryHq
from tests.unit.lead_drafts import complete_draft

IDLE_S = 1
COUNTDOWN_S = 1
JUMPS = [
    pytest.param(timedelta(hours=1), id="forward"),
    pytest.param(timedelta(hours=-1), id="back"),
]


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def services(staffed_db: Path, clock: MovableClock) -> Iterator[Services]:
    opened = open_services(
        resources.content_db_path(),
        staffed_db,
        settings=Settings(idle_timeout_s=IDLE_S, idle_countdown_s=COUNTDOWN_S),
        clock=clock,
    )
    yield opened
    opened.close()


@pytest.mark.parametrize("jump", JUMPS)
def test_the_idle_countdown_keeps_its_own_time_across_a_jump(
    shell: Shell, qtbot: QtBot, clock: MovableClock, jump: timedelta
) -> None:
    shell.start_visit()
    started = time.monotonic()
    clock.moment += jump
    qtbot.waitUntil(shell.overlay.isVisible, timeout=5_000)
    asked_after = time.monotonic() - started
    qtbot.waitUntil(lambda: shell.current.screen_id == ScreenId.ATTRACT, timeout=5_000)
    reset_after = time.monotonic() - started
    assert IDLE_S * 0.9 <= asked_after < IDLE_S + 1.5  # neither at once nor an hour late
    assert reset_after >= (IDLE_S + COUNTDOWN_S) * 0.9


def test_leads_saved_across_jumps_carry_the_clocks_time_and_each_reaches_hq_once(
    services: Services, clock: MovableClock
) -> None:
    saved = []
    for jump in (0, 1, -1, -1, 2):  # hours; the fourth lead is "older" than the first
        clock.moment += timedelta(hours=jump)
        lead = services.save_visitor_lead(
            complete_draft(programme_codes=["culinary-arts"]), f"visit-{len(saved)}", None
        )
        assert lead.created_at == clock.moment.astimezone(UTC).isoformat(timespec="milliseconds")
        saved.append(lead.lead_id)

    opener = unlock(services.leads_engine, STAFF_PASSPHRASE)
    records = list(iter_lead_records(services.leads_engine, opener))
    assert sorted(record.lead_id for record in records) == sorted(saved)
    times = [record.created_at for record in records]
    assert times == sorted(times)  # exports list them by the time each carries

    hq = MemoryHq()
    report = sync_pending(services.leads_engine, opener, hq, clock)
    assert report.sent == len(saved) and sorted(hq.leads) == sorted(saved)
    assert outbox_counts(services.leads_engine, opener).waiting == 0
    statistics = collect_statistics(services.leads_engine, clock.now(), tz=UTC)
    assert statistics.today.leads == len(saved)  # 09:00 ± 2 h: still the fair's day
