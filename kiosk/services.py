"""Everything a screen may ask of the core, opened once at start-up (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from kiosk.analytics import Analytics
from kiosk.catalog import Catalog, load_catalog
from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import open_leads_db
from kiosk.search import SearchIndex
from kiosk.settings import Settings, load_settings


@dataclass
class Services:
    catalog: Catalog
    search: SearchIndex
    analytics: Analytics
    settings: Settings
    leads_engine: Engine
    clock: Clock

    def close(self) -> None:
        self.leads_engine.dispose()


def open_services(
    content_db: Path,
    leads_db: Path,
    *,
    settings: Settings | None = None,
    clock: Clock | None = None,
) -> Services:
    """Open the content and leads databases; a content problem raises ContentError."""
    catalog = load_catalog(content_db)
    engine = open_leads_db(leads_db)
    clock = clock or SystemClock()
    return Services(
        catalog=catalog,
        search=SearchIndex(catalog),
        analytics=Analytics(engine, clock),
        settings=settings or load_settings(engine),
        leads_engine=engine,
        clock=clock,
    )
