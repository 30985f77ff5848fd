"""HQ's side in the tests: a real receiver (FastAPI on uvicorn, over real HTTP on loopback)
storing into a real database, and what that database holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from kiosk.hq.app import create_app
from kiosk.hq.models import HqLeadConflictRow, HqLeadRow
from kiosk.hq.store import open_hq_db
from kiosk.sync import SYNC_PATH
from tests.receiver import ReceiverThread

HQ_TOKEN = "gz-booth-token-2026"

__all__ = ["HQ_TOKEN", "hq_conflicts", "hq_engine", "hq_leads", "hq_receiver", "sync_url"]


@pytest.fixture
def hq_engine(tmp_path: Path) -> Iterator[Engine]:
    """A laptop's HQ database: SQLite (the PostgreSQL tests open their own)."""
    engine = open_hq_db(f"sqlite:///{tmp_path / 'hq.sqlite'}")
    yield engine
    engine.dispose()


@pytest.fixture
def hq_receiver(hq_engine: Engine) -> Iterator[ReceiverThread]:
    with ReceiverThread(create_app(hq_engine, [HQ_TOKEN])) as receiver:
        yield receiver


def sync_url(base: str) -> str:
    return base + SYNC_PATH


def hq_leads(engine: Engine) -> dict[str, dict[str, Any]]:
    """Every lead HQ holds, by id (the table's primary key: at most one row an id)."""
    with engine.connect() as connection:
        return {
            lead_id: lead
            for lead_id, lead in connection.execute(select(HqLeadRow.lead_id, HqLeadRow.lead))
        }


def hq_conflicts(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(select(func.count()).select_from(HqLeadConflictRow)).scalar_one()
        )
