"""Anonymous usage analytics for the staff statistics: what was looked at, never who."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import AnalyticsEventRow

MAX_SUBJECT_LENGTH = 40


class EventKind(StrEnum):
    SESSION_START = "session_start"
    SESSION_END = "session_end"
    LANGUAGE = "language"
    SECTOR_VIEW = "sector_view"
    PROGRAMME_VIEW = "programme_view"
    SEARCH = "search"
    SHORTLIST_ADD = "shortlist_add"
    SHORTLIST_REMOVE = "shortlist_remove"
    ELIGIBILITY_OUTCOME = "eligibility_outcome"
    LEAD_SAVED = "lead_saved"  # that a visitor left contact details; never what they were


class Analytics:
    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self._engine = engine
        self._clock = clock or SystemClock()
        self._event_id = ""
        self._kiosk_id = ""

    def tag(self, event_id: str, kiosk_id: str) -> None:
        """The event and kiosk every later event is recorded with."""
        self._event_id = event_id
        self._kiosk_id = kiosk_id

    def record(
        self,
        session_id: str,
        kind: EventKind,
        subject: str | None = None,
        *,
        language: str | None = None,
        detail: str | None = None,
    ) -> None:
        with Session(self._engine) as session, session.begin():
            session.add(
                AnalyticsEventRow(
                    session_id=session_id,
                    kind=kind.value,
                    subject=subject[:MAX_SUBJECT_LENGTH] if subject else None,
                    language=language,
                    detail=detail,
                    created_at=self._clock.now().isoformat(timespec="milliseconds"),
                    event_id=self._event_id,
                    kiosk_id=self._kiosk_id,
                )
            )

    def events(self, session_id: str | None = None) -> Sequence[AnalyticsEventRow]:
        with Session(self._engine) as session:
            query = select(AnalyticsEventRow).order_by(AnalyticsEventRow.id)
            if session_id is not None:
                query = query.where(AnalyticsEventRow.session_id == session_id)
            return session.scalars(query).all()
