"""The staff statistics, counted in SQL from the leads database, "today" in the kiosk's zone.

Run this module as a script for the timing on a big database (100,000 analytics events and
20,000 leads): ``.venv/bin/python -m tests.unit.test_statistics``.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, insert
from sqlalchemy.engine import Engine

from kiosk.analytics import Analytics, EventKind
from kiosk.data.leads_db import AnalyticsEventRow, LeadRow, OutboxRow, open_leads_db
from kiosk.statistics import Counts, Scope, collect_statistics

SHANGHAI = ZoneInfo("Asia/Shanghai")  # UTC+8 all year: local midnight is 16:00 UTC
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=SHANGHAI)  # a fair's afternoon, 07:00 UTC
OUTCOME_CODES = (
    "likely_eligible",
    "eligible_with_conditions",
    "not_eligible",
    "not_applicable",
    "talk_to_staff",
)


def local(day: int, hour: int, minute: int = 0, second: int = 0, ms: int = 0) -> datetime:
    """A moment of November 2026 in Shanghai."""
    return datetime(2026, 11, day, hour, minute, second, ms * 1000, tzinfo=SHANGHAI)


def utc_text(moment: datetime, timespec: str = "milliseconds") -> str:
    return moment.astimezone(UTC).isoformat(timespec=timespec)


class FixedClock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 1, 1, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment


def lead_row(lead_id: str, session_id: str, created_at: str) -> dict[str, Any]:
    return {
        "lead_id": lead_id,
        "device_id": "device",
        "kiosk_id": "kiosk 1",
        "event_id": "",
        "session_id": session_id,
        "created_at": created_at,
        "key_id": None,
        "sealed_pii": b"x",
        "region": "mainland",
        "stage": "secondary",
        "intake_year": 2027,
        "programme_codes": "[]",
        "contact_language": "zh-Hans",
        "age_group": "18_plus",
        "guardian_consent": None,
        "notice_version": "1",
        "consent_contact": True,
        "consent_transfer": True,
        "consent_news": False,
        "eligibility_outcome": None,
    }


class Seeder:
    """Events through the real Analytics.record (its clock moved), leads inserted directly."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.clock = FixedClock()
        self.analytics = Analytics(engine, self.clock)

    def event(
        self, at: datetime, session_id: str, kind: EventKind, subject: str | None = None
    ) -> None:
        self.clock.moment = at.astimezone(UTC)
        self.analytics.record(session_id, kind, subject)

    def views(self, at: datetime, kind: EventKind, subject: str, times: int) -> None:
        for _ in range(times):
            self.event(at, "viewer", kind, subject)

    def lead(
        self, session_id: str, at: datetime, *, synced: bool, created_at: str | None = None
    ) -> None:
        """A saved lead (as kiosk.leads writes it: the lead and its outbox row together)."""
        stamp = created_at or utc_text(at)
        lead_id = f"lead-{session_id}"
        with self.engine.begin() as connection:
            connection.execute(insert(LeadRow), [lead_row(lead_id, session_id, stamp)])
            connection.execute(
                insert(OutboxRow),
                [
                    {
                        "lead_id": lead_id,
                        "enqueued_at": stamp,
                        "synced_at": stamp if synced else None,
                    }
                ],
            )

    def visit(
        self,
        session_id: str,
        start: datetime,
        *,
        outcome: str | None = None,
        lead: bool | None = None,  # None: no lead; True/False: a lead, synced or not
    ) -> None:
        """A visitor's session: start, an outcome, a lead a few minutes later."""
        self.event(start, session_id, EventKind.SESSION_START, "zh-Hans")
        if outcome is not None:
            self.event(
                start + timedelta(minutes=3), session_id, EventKind.ELIGIBILITY_OUTCOME, outcome
            )
        if lead is not None:
            saved = start + timedelta(minutes=5)
            self.event(saved, session_id, EventKind.LEAD_SAVED)
            self.lead(session_id, saved, synced=lead)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    opened = open_leads_db(tmp_path / "leads.sqlite")
    yield opened
    opened.dispose()


@pytest.fixture
def seeder(engine: Engine) -> Seeder:
    return Seeder(engine)


def seed_a_fair_day(seeder: Seeder) -> None:
    """Yesterday (21 November) and today (22 November, until 15:00) at a fair in Shanghai."""
    # Yesterday: two visitors, one of whom left details; the last one just before midnight.
    seeder.visit("y1", local(21, 10, 0), outcome="not_eligible", lead=True)
    seeder.views(local(21, 10, 1), EventKind.SECTOR_VIEW, "maritime", 5)
    seeder.visit("y2", local(21, 23, 59, 59, 999))
    # Today: the first visitor at midnight exactly, leaving details at 00:05.
    seeder.visit("t0", local(22, 0, 0), outcome="talk_to_staff", lead=False)
    seeder.visit("t1", local(22, 9, 10), outcome="likely_eligible", lead=True)
    seeder.visit("t2", local(22, 9, 40), outcome="talk_to_staff")
    seeder.visit("t3", local(22, 9, 59, 59, 999), outcome="likely_eligible", lead=False)
    seeder.visit("t4", local(22, 14, 30))
    seeder.views(local(22, 9, 11), EventKind.SECTOR_VIEW, "construction", 3)
    seeder.views(local(22, 9, 41), EventKind.SECTOR_VIEW, "healthcare", 1)
    seeder.views(local(22, 9, 42), EventKind.PROGRAMME_VIEW, "surveying", 2)
    seeder.views(local(22, 14, 31), EventKind.PROGRAMME_VIEW, "culinary-arts", 2)
    seeder.views(local(22, 14, 32), EventKind.PROGRAMME_VIEW, "cybersecurity", 1)


def hours(**counts: int) -> tuple[int, ...]:
    buckets = [0] * 24
    for name, count in counts.items():
        buckets[int(name.removeprefix("h"))] = count
    return tuple(buckets)


def test_a_fair_day_today(seeder: Seeder) -> None:
    seed_a_fair_day(seeder)
    stats = collect_statistics(seeder.engine, NOW, tz=SHANGHAI)
    assert stats.scope is Scope.TODAY
    assert stats.today == Counts(sessions=5, leads=3, unsynced_leads=2)
    assert stats.total == Counts(sessions=7, leads=4, unsynced_leads=2)
    # t0 at 00:00 (its lead at 00:05), t1 and t2 and t3 in the 9 o'clock hour, t4 at 14:30.
    assert stats.sessions_per_hour == hours(h0=1, h9=3, h14=1)
    assert stats.leads_per_hour == hours(h0=1, h9=1, h10=1)  # t3's lead at 10:04:59.999
    assert stats.outcomes == (
        ("likely_eligible", 2),
        ("eligible_with_conditions", 0),
        ("not_eligible", 0),
        ("not_applicable", 0),
        ("talk_to_staff", 2),
    )
    assert stats.top_sectors == (("construction", 3), ("healthcare", 1))
    # A tie at 2 views goes by code; yesterday's maritime views are not today's.
    assert stats.top_programmes == (("culinary-arts", 2), ("surveying", 2), ("cybersecurity", 1))
    assert (stats.sessions_in_scope, stats.sessions_with_lead) == (5, 3)
    assert stats.contact_share == pytest.approx(0.6)


def test_a_fair_day_all_time(seeder: Seeder) -> None:
    seed_a_fair_day(seeder)
    stats = collect_statistics(seeder.engine, NOW, Scope.ALL, tz=SHANGHAI)
    assert stats.scope is Scope.ALL
    assert stats.today == Counts(sessions=5, leads=3, unsynced_leads=2)
    assert stats.total == Counts(sessions=7, leads=4, unsynced_leads=2)
    # The hourly counts stay today's whatever the scope.
    assert stats.sessions_per_hour == hours(h0=1, h9=3, h14=1)
    assert stats.leads_per_hour == hours(h0=1, h9=1, h10=1)
    assert dict(stats.outcomes) == {
        "likely_eligible": 2,
        "eligible_with_conditions": 0,
        "not_eligible": 1,
        "not_applicable": 0,
        "talk_to_staff": 2,
    }
    assert stats.top_sectors == (("maritime", 5), ("construction", 3), ("healthcare", 1))
    assert (stats.sessions_in_scope, stats.sessions_with_lead) == (7, 4)
    assert stats.contact_share == pytest.approx(4 / 7)


def test_today_is_the_local_day_whatever_the_utc_date(seeder: Seeder) -> None:
    """Around local midnight (16:00 UTC) each event lands in its local day and hour."""
    before_midnight = local(21, 23, 59, 59, 999)  # 2026-11-21T15:59:59.999 UTC
    midnight = local(22, 0, 0)  # 2026-11-21T16:00:00.000 UTC, the day before in UTC
    last_moment = local(22, 23, 59, 59, 999)  # 2026-11-22T15:59:59.999 UTC
    tomorrow = local(23, 0, 0)  # 2026-11-22T16:00:00.000 UTC, still the 22nd in UTC
    for name, moment in [("a", before_midnight), ("b", midnight), ("c", last_moment)]:
        seeder.event(moment, name, EventKind.SESSION_START)
    seeder.event(tomorrow, "d", EventKind.SESSION_START)
    # Leads as an older release may have written them: to the second, with no fraction.
    seeder.lead("b", midnight, synced=True, created_at=utc_text(midnight, "seconds"))
    seeder.lead("d", tomorrow, synced=True, created_at=utc_text(tomorrow, "seconds"))
    seeder.lead("a", before_midnight, synced=True)
    stats = collect_statistics(seeder.engine, local(22, 12), tz=SHANGHAI)
    assert stats.sessions_per_hour == hours(h0=1, h23=1)
    assert stats.leads_per_hour == hours(h0=1)
    assert (stats.today.sessions, stats.today.leads) == (2, 1)
    # The same moments seen from UTC: a different day and different hours.
    in_utc = collect_statistics(seeder.engine, local(22, 12), tz=UTC)
    assert in_utc.sessions_per_hour == hours(h15=1, h16=1)
    assert in_utc.leads_per_hour == hours(h16=1)


def test_a_daylight_saving_day_has_its_25_hours(seeder: Seeder) -> None:
    """New York falls back on 1 November 2026: 01:30 comes twice, the day ends at 05:00 UTC."""
    new_york = ZoneInfo("America/New_York")
    first_half_past_one = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    second_half_past_one = datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 01:30 EST
    late = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)  # 23:30 EST, 1 November
    next_day = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)  # 00:00 EST, 2 November
    for name, moment in [("a", first_half_past_one), ("b", second_half_past_one)]:
        seeder.event(moment, name, EventKind.SESSION_START)
    seeder.event(late, "c", EventKind.SESSION_START)
    seeder.event(next_day, "d", EventKind.SESSION_START)
    stats = collect_statistics(seeder.engine, datetime(2026, 11, 1, 18, tzinfo=UTC), tz=new_york)
    assert stats.sessions_per_hour == hours(h1=2, h23=1)
    assert stats.today.sessions == 3


@pytest.fixture
def machine_in_shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("machine_in_shanghai")
def test_the_default_zone_is_the_machines(seeder: Seeder) -> None:
    seeder.event(local(22, 0, 30), "a", EventKind.SESSION_START)  # 16:30 UTC the day before
    stats = collect_statistics(seeder.engine, local(22, 12))
    assert stats.sessions_per_hour == hours(h0=1)
    assert stats.today.sessions == 1


def test_outcomes_list_every_code_in_order_with_zeros(seeder: Seeder) -> None:
    seeder.event(local(22, 10), "a", EventKind.ELIGIBILITY_OUTCOME, "not_applicable")
    seeder.event(local(22, 10), "b", EventKind.ELIGIBILITY_OUTCOME, "not_applicable")
    seeder.event(local(22, 11), "c", EventKind.ELIGIBILITY_OUTCOME, "eligible_with_conditions")
    seeder.event(local(22, 11), "d", EventKind.ELIGIBILITY_OUTCOME, "no_such_outcome")
    stats = collect_statistics(seeder.engine, NOW, tz=SHANGHAI)
    assert stats.outcomes == (
        ("likely_eligible", 0),
        ("eligible_with_conditions", 1),
        ("not_eligible", 0),
        ("not_applicable", 2),
        ("talk_to_staff", 0),
    )


def test_the_top_ten_most_viewed_first_ties_by_code(seeder: Seeder) -> None:
    # Twelve sectors: "s12" the most viewed; the 3-view tie in code order; two fall off.
    views = {"s12": 9, "s01": 7, "s05": 3, "s03": 3, "s04": 3, "s02": 2, "s06": 2}
    views |= {"s07": 1, "s08": 1, "s09": 1, "s10": 1, "s11": 1}
    for code, count in views.items():
        seeder.views(local(22, 10), EventKind.SECTOR_VIEW, code, count)
    seeder.event(local(22, 10), "x", EventKind.SECTOR_VIEW)  # no subject: not a sector
    seeder.views(local(22, 11), EventKind.PROGRAMME_VIEW, "surveying", 1)
    stats = collect_statistics(seeder.engine, NOW, tz=SHANGHAI)
    assert stats.top_sectors == (
        ("s12", 9),
        ("s01", 7),
        ("s03", 3),
        ("s04", 3),
        ("s05", 3),
        ("s02", 2),
        ("s06", 2),
        ("s07", 1),
        ("s08", 1),
        ("s09", 1),
    )
    assert stats.top_programmes == (("surveying", 1),)


def test_the_contact_share_counts_sessions_with_a_saved_lead(seeder: Seeder) -> None:
    seeder.visit("a", local(22, 9), lead=True)
    seeder.event(local(22, 9, 30), "a", EventKind.LEAD_SAVED)  # twice: still one visitor
    seeder.visit("b", local(22, 10))
    seeder.visit("c", local(22, 11))
    seeder.visit("d", local(22, 12), lead=False)
    # A lead_saved of a session started yesterday: not a session of today's.
    seeder.event(local(21, 23, 50), "y", EventKind.SESSION_START)
    seeder.event(local(22, 0, 10), "y", EventKind.LEAD_SAVED)
    stats = collect_statistics(seeder.engine, NOW, tz=SHANGHAI)
    assert (stats.sessions_in_scope, stats.sessions_with_lead) == (4, 2)
    assert stats.contact_share == 0.5
    every = collect_statistics(seeder.engine, NOW, Scope.ALL, tz=SHANGHAI)
    assert (every.sessions_in_scope, every.sessions_with_lead) == (5, 3)
    assert every.contact_share == pytest.approx(0.6)


def test_an_empty_database_is_all_zeros(engine: Engine) -> None:
    for scope in Scope:
        stats = collect_statistics(engine, NOW, scope, tz=SHANGHAI)
        assert stats.today == stats.total == Counts(sessions=0, leads=0, unsynced_leads=0)
        assert stats.sessions_per_hour == stats.leads_per_hour == (0,) * 24
        assert stats.outcomes == tuple((code, 0) for code in OUTCOME_CODES)
        assert stats.top_sectors == stats.top_programmes == ()
        assert (stats.sessions_in_scope, stats.sessions_with_lead) == (0, 0)
        assert stats.contact_share == 0.0


def test_now_must_be_aware(engine: Engine) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        collect_statistics(engine, datetime(2026, 11, 22, 12))


def test_reading_leaves_no_transaction_open(seeder: Seeder) -> None:
    """The read snapshot ends with the call: the next visitor's events are saved and seen."""
    seeder.visit("a", local(22, 9))
    assert collect_statistics(seeder.engine, NOW, tz=SHANGHAI).today.sessions == 1
    seeder.visit("b", local(22, 10), lead=False)
    assert collect_statistics(seeder.engine, NOW, tz=SHANGHAI).today == Counts(2, 1, 1)


def test_every_query_is_an_index_search_without_correlated_subqueries(seeder: Seeder) -> None:
    """What keeps it fast on a fair's worth of data (see the timing script at the end)."""
    seed_a_fair_day(seeder)
    statements: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(seeder.engine, "before_cursor_execute", remember)
    for scope in Scope:
        collect_statistics(seeder.engine, NOW, scope, tz=SHANGHAI)
    event.remove(seeder.engine, "before_cursor_execute", remember)
    assert len(statements) == 2 * 12
    with seeder.engine.connect() as connection:
        for statement, parameters in statements:
            plan = [
                str(row[-1])
                for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            ]
            assert not [step for step in plan if "CORRELATED" in step], statement
            # No full scan of the events: each one found through the kind (or time) index.
            assert not [step for step in plan if step.startswith("SCAN analytics_event")], plan


def seed_a_big_database(engine: Engine, now: datetime) -> None:
    """100,000 events and 20,000 leads over the five days before ``now``."""
    rng = random.Random(2026)
    kinds = [kind.value for kind in EventKind]
    subjects = {
        EventKind.SECTOR_VIEW.value: [f"sector-{n}" for n in range(13)],
        EventKind.PROGRAMME_VIEW.value: [f"programme-{n}" for n in range(34)],
        EventKind.ELIGIBILITY_OUTCOME.value: list(OUTCOME_CODES),
    }

    def moment() -> str:
        return utc_text(now - timedelta(seconds=rng.randrange(5 * 86400)))

    events = []
    for n in range(100_000):
        kind = rng.choice(kinds)
        choices = subjects.get(kind)
        subject = rng.choice(choices) if choices else None
        events.append(
            {"session_id": f"s{n // 8}", "kind": kind, "subject": subject, "created_at": moment()}
        )
    leads, outbox = [], []
    for n in range(20_000):
        stamp = moment()
        leads.append(lead_row(f"lead-{n}", f"s{n}", stamp))
        outbox.append({"lead_id": f"lead-{n}", "enqueued_at": stamp, "synced_at": None})
    with engine.begin() as connection:
        connection.execute(insert(AnalyticsEventRow), events)
        connection.execute(insert(LeadRow), leads)
        connection.execute(insert(OutboxRow), outbox)


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        engine = open_leads_db(Path(directory) / "leads.sqlite")
        seed_a_big_database(engine, NOW)
        for scope in Scope:
            timings = []
            for _ in range(5):
                started = time.perf_counter()
                stats = collect_statistics(engine, NOW, scope, tz=SHANGHAI)
                timings.append(time.perf_counter() - started)
            print(
                f"scope={scope.value}: best {min(timings) * 1000:.0f} ms, "
                f"worst {max(timings) * 1000:.0f} ms over 5 runs "
                f"(today {stats.today}, total {stats.total})"
            )
        engine.dispose()


if __name__ == "__main__":
    main()
