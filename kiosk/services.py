"""Everything a screen may ask of the core, opened once at start-up (Qt-free)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from kiosk.analytics import Analytics
from kiosk.catalog import Catalog, load_catalog
from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import open_leads_db
from kiosk.events import Event, load_event
from kiosk.lead_notice import notice_version
from kiosk.lead_vault import LeadSealer
from kiosk.leads import LeadDraft, SavedLead, save_lead
from kiosk.search import SearchIndex
from kiosk.settings import Settings, device_id, kiosk_name, load_settings, save_settings
from kiosk.staff_access import StaffAccess


@dataclass
class Services:
    catalog: Catalog
    search: SearchIndex
    analytics: Analytics
    settings: Settings
    leads_engine: Engine
    clock: Clock
    device_id: str
    staff: StaffAccess
    sealer: LeadSealer
    event: Event | None = None

    def __post_init__(self) -> None:
        self._tag_analytics()

    @property
    def kiosk_id(self) -> str:
        return kiosk_name(self.settings, self.device_id)

    def _tag_analytics(self) -> None:
        self.analytics.tag(self.settings.event_id, self.kiosk_id)

    def change_settings(self, settings: Settings) -> None:
        """Keep staff's settings; leads and analytics from now on carry the new event and id."""
        save_settings(self.leads_engine, settings)
        self.settings = settings
        self.event = load_event(self.leads_engine, settings.event_id)
        self._tag_analytics()

    def save_visitor_lead(
        self, draft: LeadDraft, session_id: str, eligibility_outcome: Mapping[str, Any] | None
    ) -> SavedLead:
        """``save_lead`` for this kiosk, its event and the privacy notice it shows."""
        return save_lead(
            self.leads_engine,
            draft,
            sealer=self.sealer,
            known_programme_codes=self.catalog.programme_codes,
            device_id=self.device_id,
            kiosk_id=self.kiosk_id,
            event_id=self.settings.event_id,
            session_id=session_id,
            notice_version=notice_version(self.catalog, self.settings.retention_months),
            eligibility_outcome=eligibility_outcome,
            clock=self.clock,
        )

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
    settings = settings or load_settings(engine)
    return Services(
        catalog=catalog,
        search=SearchIndex(catalog),
        analytics=Analytics(engine, clock),
        settings=settings,
        leads_engine=engine,
        clock=clock,
        device_id=device_id(engine),
        staff=StaffAccess(engine, clock),
        sealer=LeadSealer(engine, clock),
        event=load_event(engine, settings.event_id),
    )
