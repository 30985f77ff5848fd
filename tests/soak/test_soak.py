"""The soak: complete visitor journeys through the real widgets in one process, with no crash, no
Qt warning (the suite fails a test on any), no growing widget count and no growing memory.

100 journeys in ``make test``; ``make soak`` sets KIOSK_SOAK_JOURNEYS=2000.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.eligibility import OUTCOMES
from kiosk.lead_records import count_leads
from kiosk.settings import Settings
from kiosk.ui.shell import Shell
from tests.ports import free_port
from tests.soak.journeys import (
    LANGUAGES,
    SEARCH_MODES,
    SOAK_WINDOW,
    booth_printer,
    soak,
    soak_settings,
)

JOURNEYS = int(os.environ.get("KIOSK_SOAK_JOURNEYS", "100"))
WARM_UP = 10  # journeys before the counts of widgets and Qt objects must stop growing
# Resident memory after the last journey against after this one (caches and the booth's last 50
# summaries filled by then): the bound for 2,000 journeys, and the same for the short run.
MEMORY_BASELINE = 100 if JOURNEYS >= 1000 else JOURNEYS // 2
MEMORY_GROWTH_LIMIT = 20 * 2**20

pytestmark = pytest.mark.soak


@pytest.fixture
def settings() -> Settings:
    return soak_settings(free_port())


@pytest.fixture
def shell_size() -> tuple[int, int]:
    return SOAK_WINDOW


def test_visitor_journeys_leave_nothing_behind(shell: Shell, qtbot: QtBot, tmp_path: Path) -> None:
    shell.printer = booth_printer(tmp_path)
    run = soak(shell, qtbot, JOURNEYS)
    results = run.results
    leads = sum(result.lead_sent for result in results)
    warm, baseline, last = (run.after[n - 1] for n in (WARM_UP, MEMORY_BASELINE, JOURNEYS))
    print(  # shown by `make soak` (pytest -rP), and with a failure
        f"{JOURNEYS} journeys in {run.seconds:.0f} s, {leads} leads saved; resident memory "
        f"{run.at_rest.rss_mb} MB at rest, {baseline.rss_mb} MB after journey "
        f"{MEMORY_BASELINE}, {last.rss_mb} MB after the last; widgets {warm.widgets} "
        f"after journey {WARM_UP}, {last.widgets} after the last"
    )

    assert [result.number for result in results] == list(range(1, JOURNEYS + 1))
    assert count_leads(shell.services.leads_engine) == leads > 0
    assert all(result.summary_pages > 0 for result in results)
    # The journeys did vary: every language, every way to search, both ways to leave, a
    # language switched mid-journey, and more than one verdict.
    assert {language for result in results for language in result.languages} == set(LANGUAGES)
    assert {result.search_mode for result in results} == set(SEARCH_MODES)
    assert {result.ending for result in results} == {"idle", "home"}
    assert any(len(result.languages) > 1 for result in results)
    outcomes = Counter(result.outcome for result in results)
    assert set(outcomes) <= set(OUTCOMES) and len(outcomes) >= 3, outcomes

    later = run.after[WARM_UP:]
    assert max(m.widgets for m in later) <= warm.widgets, (warm, later[-1])
    assert max(m.qt_objects for m in later) <= warm.qt_objects, (warm, later[-1])
    growth = last.rss_bytes - baseline.rss_bytes
    assert growth <= MEMORY_GROWTH_LIMIT, (
        f"resident memory grew by {growth / 2**20:.1f} MB from journey {MEMORY_BASELINE} "
        f"to {JOURNEYS}"
    )
