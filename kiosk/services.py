"""Everything a screen may ask of the core, opened once at start-up (Qt-free)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from kiosk.analytics import Analytics
from kiosk.catalog import Catalog, load_catalog
from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import open_leads_db
from kiosk.events import Event, load_event
from kiosk.lead_notice import notice_version
from kiosk.lead_vault import LeadOpener, LeadSealer, SealedLeadReader
from kiosk.leads import LeadDraft, SavedLead, save_lead
from kiosk.search import SearchIndex
from kiosk.settings import Settings, device_id, kiosk_name, load_settings, save_settings
from kiosk.staff_access import StaffAccess
from kiosk.sync import HttpTransport, RelayState, SyncRelay

OpenerSource = Callable[[], LeadOpener | None]


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
    relay: SyncRelay | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._tag_analytics()
        self._sync_hooks: tuple[OpenerSource, Callable[[RelayState], None]] | None = None

    @property
    def kiosk_id(self) -> str:
        return kiosk_name(self.settings, self.device_id)

    def _tag_analytics(self) -> None:
        self.analytics.tag(self.settings.event_id, self.kiosk_id)

    def change_settings(self, settings: Settings) -> None:
        """Keep staff's settings; leads and analytics from now on carry the new event and id,
        and the relay sends to the new address with the new token."""
        sync_changed = (settings.sync_url, settings.sync_token) != (
            self.settings.sync_url,
            self.settings.sync_token,
        )
        save_settings(self.leads_engine, settings)
        self.settings = settings
        self.event = load_event(self.leads_engine, settings.event_id)
        self._tag_analytics()
        if sync_changed and self._sync_hooks is not None:
            self._start_relay()

    def start_sync(
        self, opener: OpenerSource, on_change: Callable[[RelayState], None] = lambda _: None
    ) -> None:
        """Send leads to HQ in the background while the kiosk runs (if a sync address is set).

        ``opener`` gives the vault staff unlocked today, if they did: with it the relay also
        sends the leads of earlier runs; without, only the ones this run sealed.
        """
        self._sync_hooks = (opener, on_change)
        self._start_relay()

    def _start_relay(self) -> None:
        assert self._sync_hooks is not None
        self.stop_sync(wait=False)  # the old thread ends after its current request
        if not self.settings.sync_url:
            return
        opener, on_change = self._sync_hooks
        url, token = self.settings.sync_url, self.settings.sync_token

        def reader() -> SealedLeadReader:
            return opener() or self.sealer

        self.relay = SyncRelay(
            self.leads_engine,
            reader,
            lambda: HttpTransport(url, token),
            self.clock,
            on_change=on_change,
        )
        self.relay.start()

    def sync_now(self) -> None:
        """Try at once, cutting short any wait after a failure."""
        if self.relay is not None:
            self.relay.wake()

    def stop_sync(self, *, wait: bool = True) -> None:
        if self.relay is not None:
            self.relay.stop(timeout=5.0 if wait else 0.0)
            self.relay = None

    def save_visitor_lead(
        self, draft: LeadDraft, session_id: str, eligibility_outcome: Mapping[str, Any] | None
    ) -> SavedLead:
        """``save_lead`` for this kiosk, its event and the privacy notice it shows."""
        saved = save_lead(
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
        self.sync_now()
        return saved

    def close(self) -> None:
        self.stop_sync()
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
