"""The staff statistics: visitors, leads, outcomes and what was looked at, counted in SQL.

Every stored time is an ISO 8601 UTC string ("2026-11-22T03:15:00.123+00:00"), so a time range
is a string comparison that the ``created_at`` indexes answer. "Today" is the kiosk's local
calendar day; its bounds are converted to UTC strings once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, func, intersect, select, true
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import InstrumentedAttribute

from kiosk.analytics import EventKind
from kiosk.data.leads_db import AnalyticsEventRow, LeadRow, OutboxRow
from kiosk.eligibility import OUTCOMES

TOP_LIMIT = 10
HOURS = 24
# "YYYY-MM-DDTHH:MM": the minute of a stored time. Grouping by it keeps the per-hour counts in
# SQL yet right for any zone, including those half or three quarters of an hour off UTC.
_MINUTE_LENGTH = 16


@dataclass(frozen=True)
class Counts:
    sessions: int  # session_start events
    leads: int
    unsynced_leads: int  # not yet confirmed by HQ (outbox.synced_at IS NULL)


class Scope(StrEnum):
    TODAY = "today"
    ALL = "all"


@dataclass(frozen=True)
class Statistics:
    today: Counts
    total: Counts
    scope: Scope  # what the fields below cover
    sessions_per_hour: tuple[int, ...]  # hours 0..23 of the local day, always today
    leads_per_hour: tuple[int, ...]  # likewise
    outcomes: tuple[tuple[str, int], ...]  # every outcome code, in OUTCOMES order, zeros too
    top_sectors: tuple[tuple[str, int], ...]  # (code, views), most viewed first, ties by code
    top_programmes: tuple[tuple[str, int], ...]  # likewise
    sessions_in_scope: int
    sessions_with_lead: int  # of those, the ones with a lead_saved event

    @property
    def contact_share(self) -> float:
        """The share of the sessions in scope whose visitor left contact details."""
        if self.sessions_in_scope == 0:
            return 0.0
        return self.sessions_with_lead / self.sessions_in_scope


@dataclass(frozen=True)
class _Day:
    """A local calendar day as a half-open range of UTC strings: start <= created_at < end."""

    start: str
    end: str
    tz: tzinfo | None  # None: the machine's zone, with its daylight-saving rules


def _utc_text(moment: datetime) -> str:
    # Seconds only: "…T16:00:00" sorts before "…T16:00:00.000+00:00" and "…T16:00:00+00:00"
    # alike, so the bound holds whatever precision a row was written with.
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _local_day(now: datetime, tz: tzinfo | None) -> _Day:
    """The calendar day of ``now`` in ``tz`` (None: the machine's zone), as UTC bounds."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    day = now.astimezone(tz).date()
    # Midnight to midnight in the zone: 23 or 25 hours long on a daylight-saving change. A
    # naive midnight (tz None) is taken as the machine's local time by astimezone.
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return _Day(_utc_text(start), _utc_text(end), tz)


def _within(column: InstrumentedAttribute[str], day: _Day | None) -> ColumnElement[bool]:
    if day is None:
        return true()
    return and_(column >= day.start, column < day.end)


def _event_kind(kind: EventKind, day: _Day | None) -> ColumnElement[bool]:
    return and_(AnalyticsEventRow.kind == kind.value, _within(AnalyticsEventRow.created_at, day))


def _scalar(connection: Connection, query: Select[int]) -> int:
    return connection.execute(query).scalar_one()


def _counts(connection: Connection, day: _Day | None) -> Counts:
    sessions = select(func.count()).where(_event_kind(EventKind.SESSION_START, day))
    leads = select(func.count()).select_from(LeadRow).where(_within(LeadRow.created_at, day))
    unsynced = (
        select(func.count())
        .select_from(OutboxRow)
        .join(LeadRow, LeadRow.lead_id == OutboxRow.lead_id)
        .where(OutboxRow.synced_at.is_(None), _within(LeadRow.created_at, day))
    )
    return Counts(
        sessions=_scalar(connection, sessions),
        leads=_scalar(connection, leads),
        unsynced_leads=_scalar(connection, unsynced),
    )


def _per_hour(
    connection: Connection,
    column: InstrumentedAttribute[str],
    where: ColumnElement[bool],
    day: _Day,
) -> tuple[int, ...]:
    minute = func.substr(column, 1, _MINUTE_LENGTH)
    rows = connection.execute(
        select(minute, func.count()).where(where, _within(column, day)).group_by(minute)
    ).all()
    buckets = [0] * HOURS
    for text, count in rows:
        local = datetime.fromisoformat(f"{text}:00+00:00").astimezone(day.tz)
        buckets[local.hour] += int(count)
    return tuple(buckets)


def _top(connection: Connection, kind: EventKind, day: _Day | None) -> tuple[tuple[str, int], ...]:
    views = func.count().label("views")
    query = (
        select(AnalyticsEventRow.subject, views)
        .where(_event_kind(kind, day), AnalyticsEventRow.subject.is_not(None))
        .group_by(AnalyticsEventRow.subject)
        .order_by(views.desc(), AnalyticsEventRow.subject)
        .limit(TOP_LIMIT)
    )
    return tuple((str(code), int(count)) for code, count in connection.execute(query).all())


def _outcomes(connection: Connection, day: _Day | None) -> tuple[tuple[str, int], ...]:
    query = (
        select(AnalyticsEventRow.subject, func.count())
        .where(_event_kind(EventKind.ELIGIBILITY_OUTCOME, day))
        .group_by(AnalyticsEventRow.subject)
    )
    found: dict[str | None, int] = {code: int(n) for code, n in connection.execute(query).all()}
    return tuple((code, found.get(code, 0)) for code in OUTCOMES)


def _sessions_with_lead(connection: Connection, day: _Day | None) -> int:
    """Sessions started in scope of which a lead_saved event exists (whenever it came)."""
    # INTERSECT of two index lookups on kind: a correlated EXISTS let SQLite scan every
    # lead_saved event for each session (seconds on a fair's worth of data).
    started = select(AnalyticsEventRow.session_id).where(_event_kind(EventKind.SESSION_START, day))
    saved = select(AnalyticsEventRow.session_id).where(
        AnalyticsEventRow.kind == EventKind.LEAD_SAVED.value
    )
    both = intersect(started, saved).subquery()
    return _scalar(connection, select(func.count()).select_from(both))


def collect_statistics(
    engine: Engine, now: datetime, scope: Scope = Scope.TODAY, tz: tzinfo | None = None
) -> Statistics:
    """Everything the staff statistics screen shows, as of one snapshot of the database.

    ``now`` must be timezone-aware; "today" is its calendar day in ``tz`` (default: the
    machine's zone). Counts, outcomes and views cover ``scope``; the hourly counts are today's.
    """
    day = _local_day(now, tz)
    scoped = day if scope is Scope.TODAY else None
    with engine.connect() as connection:
        # pysqlite begins no transaction for reads: without this, a lead saved between two
        # queries would be in one count and not in the other. Closing rolls it back.
        connection.exec_driver_sql("BEGIN")
        today = _counts(connection, day)
        total = _counts(connection, None)
        sessions_per_hour = _per_hour(
            connection,
            AnalyticsEventRow.created_at,
            AnalyticsEventRow.kind == EventKind.SESSION_START.value,
            day,
        )
        leads_per_hour = _per_hour(connection, LeadRow.created_at, true(), day)
        return Statistics(
            today=today,
            total=total,
            scope=scope,
            sessions_per_hour=sessions_per_hour,
            leads_per_hour=leads_per_hour,
            outcomes=_outcomes(connection, scoped),
            top_sectors=_top(connection, EventKind.SECTOR_VIEW, scoped),
            top_programmes=_top(connection, EventKind.PROGRAMME_VIEW, scoped),
            sessions_in_scope=today.sessions if scope is Scope.TODAY else total.sessions,
            sessions_with_lead=_sessions_with_lead(connection, scoped),
        )
