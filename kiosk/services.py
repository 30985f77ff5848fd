"""Everything a screen may ask of the core, opened once at start-up (Qt-free)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from kiosk.analytics import Analytics
from kiosk.catalog import Catalog, load_catalog
from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import leads_db_problem, open_leads_db
from kiosk.errors import KioskError
from kiosk.events import Event, load_event
from kiosk.lead_notice import notice_version
from kiosk.lead_vault import LeadOpener, LeadSealer, SealedLeadReader
from kiosk.leads import LeadDraft, LeadSaveError, SavedLead, SaveFailure, save_lead
from kiosk.leads_recovery import (
    Recovery,
    dismiss_recovery,
    recover_leads_db,
    standing_recovery,
)
from kiosk.search import SearchIndex
from kiosk.settings import Settings, device_id, kiosk_name, load_settings, save_settings
from kiosk.staff_access import StaffAccess
from kiosk.staff_alerts import AlertKind, StaffAlerts
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
    alerts: StaffAlerts = field(init=False)

    def __post_init__(self) -> None:
        self.alerts = StaffAlerts(self.clock)
        recovery = standing_recovery(self.leads_engine)
        if recovery is not None:
            self._alert_recovery(recovery)
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
        """``save_lead`` for this kiosk, its event and the privacy notice it shows; a save the
        database refuses raises a staff alert, and the next one that works clears it."""
        try:
            saved = save_lead(
                self.leads_engine,
                draft,
                sealer=self.sealer,
                known_programme_codes=self.catalog.programme_codes,
                device_id=self.device_id,
                kiosk_id=self.kiosk_id,
                event_id=self.settings.event_id,
                session_id=session_id,
                notice_version=notice_version(self.catalog, self.settings),
                eligibility_outcome=eligibility_outcome,
                clock=self.clock,
            )
        except LeadSaveError as error:
            full = error.reason == SaveFailure.DISK_FULL
            self.alerts.raise_alert(
                AlertKind.DISK_FULL if full else AlertKind.SAVE_FAILED, str(error)
            )
            raise
        for kind in (AlertKind.DISK_FULL, AlertKind.SAVE_FAILED):
            self.alerts.clear(kind)
        self.sync_now()
        return saved

    def _alert_recovery(self, recovery: Recovery) -> None:
        self.alerts.raise_alert(
            AlertKind.LEADS_DB_RECOVERED,
            f"The leads database was damaged ({recovery.problem}) and moved to "
            f"{recovery.moved_to}; {recovery.leads_carried_over} leads were carried over into "
            "a fresh one.",
            {"folder": str(recovery.moved_to), "leads": str(recovery.leads_carried_over)},
            at=datetime.fromisoformat(recovery.at),
        )

    def dismiss_alert(self, kind: AlertKind) -> None:
        """Staff have read it: an alert about the past (a recovery) goes for good."""
        if kind == AlertKind.LEADS_DB_RECOVERED:
            dismiss_recovery(self.leads_engine)
        self.alerts.clear(kind)

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
    """Open the content and leads databases; a problem with either raises a KioskError (the
    staff message) rather than anything with a traceback. A damaged leads database is moved
    aside for a fresh one (kiosk.leads_recovery), and staff alerted."""
    catalog = load_catalog(content_db)
    clock = clock or SystemClock()
    try:
        problem = leads_db_problem(leads_db)
        if problem is not None:
            recover_leads_db(leads_db, problem, clock.now())
        engine = open_leads_db(leads_db)
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
    except (OSError, sqlite3.Error, DBAPIError) as error:  # e.g. a read-only or missing drive
        reason = error.orig if isinstance(error, DBAPIError) else error
        raise KioskError(
            f"The leads database {leads_db} cannot be opened ({reason}); check that the kiosk's "
            "data folder is on a writable drive with free space."
        ) from error
