"""Storing leads at HQ, each lead_id once, whether it came by sync or in a bundle.

The database decides what is new: ``INSERT … ON CONFLICT DO NOTHING`` on the lead_id, so
several receiver processes (behind a load balancer, on one PostgreSQL database) never store a
lead twice, and a lead sent twice at the same moment ends up as one row that both answers name.
A lead already held with other content is never overwritten: that version is kept aside in
``hq_lead_conflict`` for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sqlalchemy import URL, create_engine, event, func, make_url, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from kiosk import resources
from kiosk.errors import KioskError, shown
from kiosk.export import BundleError, read_bundle
from kiosk.hq import MAX_BATCH_LEADS
from kiosk.hq.models import HqBase, HqLeadConflictRow, HqLeadRow
from kiosk.hq.wire import MalformedBatch, content_sha256, lead_objects, validate_lead

HQ_DB_ENV = "KIOSK_HQ_DB"
# Any fixed number: receivers starting together take this lock in turn to create the tables.
_SCHEMA_LOCK_KEY = 0x7670_6173_6871  # "vpashq"
# Writers wait for each other rather than fail; a batch is written in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 15_000
CONFLICT_REASON = (
    "HQ already holds this lead with other content; this version was kept aside for a person "
    "to compare."
)


@dataclass(frozen=True)
class Rejection:
    lead_id: str
    code: Literal["conflict", "invalid"]
    reason: str  # one sentence


@dataclass
class BatchResult:
    """HQ's answer to a batch: each lead of it is in exactly one list, in the batch's order."""

    stored: list[str]
    already_had: list[str]
    rejected: list[Rejection]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BundleImport:
    path: Path
    outcome: BatchResult | BundleError  # the error: the bundle was refused, nothing of it stored


def default_hq_db_url() -> str:
    return os.environ.get(HQ_DB_ENV) or f"sqlite:///{resources.data_dir() / 'hq-leads.sqlite'}"


def displayed_url(url: str) -> str:
    """The URL with its password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def database_problem(error: SQLAlchemyError) -> str:
    """The database's own first line about what went wrong, without SQLAlchemy's additions."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    lines = str(cause).strip().splitlines()
    return (lines[0] if lines else type(cause).__name__).rstrip(".")


def _hq_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise KioskError(
            f"{shown(url)} is not a database URL (e.g. postgresql+psycopg://user@host/hq or "
            "sqlite:///hq-leads.sqlite)."
        ) from None
    if parsed.drivername == "postgresql":  # SQLAlchemy's default driver is not installed
        parsed = parsed.set(drivername="postgresql+psycopg")
    backend = parsed.get_backend_name()
    if backend not in ("postgresql", "sqlite"):
        raise KioskError(f"The HQ database must be PostgreSQL or SQLite, not {backend}.")
    return parsed


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy's "begin" event below opens every transaction, not the sqlite3 module.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # A stored lead is on disk when the answer says so: the kiosk may delete its copy later.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # Take the write lock first: a transaction that read and then writes could be refused
    # outright (SQLITE_BUSY_SNAPSHOT) when another process wrote in between.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def open_hq_db(url: str) -> Engine:
    """An engine on HQ's database (PostgreSQL, or SQLite), its tables created if missing.

    Raises KioskError when the URL is not one, or the database cannot be reached.
    """
    parsed = _hq_url(url)
    try:
        engine = create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise KioskError(f"Cannot use the HQ database {displayed_url(url)}: {error}.") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Receivers starting at once would otherwise race to create the same tables.
                connection.execute(select(func.pg_advisory_xact_lock(_SCHEMA_LOCK_KEY)))
            HqBase.metadata.create_all(connection)
    except SQLAlchemyError as error:
        engine.dispose()
        raise KioskError(
            f"Cannot open the HQ database {displayed_url(url)}: {database_problem(error)}."
        ) from None
    return engine


class _Version(NamedTuple):
    lead: dict[str, Any]
    sha256: str


def _version(item: dict[str, Any]) -> _Version | str:
    """The lead as stored with its digest, or why it is invalid."""
    lead = validate_lead(item)
    return lead if isinstance(lead, str) else _Version(lead, content_sha256(lead))


def _insert(connection: Connection) -> Any:
    """The dialect's INSERT, the one with ON CONFLICT DO NOTHING."""
    return postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert


def _lead_row(version: _Version, source: str, now: datetime) -> dict[str, Any]:
    lead = version.lead
    return {
        "lead_id": lead["lead_id"],
        "content_sha256": version.sha256,
        "lead": lead,
        "received_at": now,
        "source": source,
        "created_at": datetime.fromisoformat(lead["created_at"]),
        "kiosk_id": lead["kiosk_id"],
        "device_id": lead["device_id"],
        "event_id": lead["event_id"],
    }


def receive_leads(
    engine: Engine, leads: Sequence[object], source: str, now: datetime
) -> BatchResult:
    """Store a batch in one transaction and say what became of each of its leads.

    ``source`` is "sync" or "bundle <file name>"; ``now`` (aware) is when it was received.
    Raises MalformedBatch, storing nothing, when an item is not an object with a valid lead_id.
    """
    checked = [(item["lead_id"], _version(item)) for item in lead_objects(leads)]
    # The first valid version of each lead is the one to store; later ones are compared with it.
    firsts: dict[str, _Version] = {}
    for lead_id, version in checked:
        if isinstance(version, _Version):
            firsts.setdefault(lead_id, version)
    result = BatchResult([], [], [])
    aside: dict[tuple[str, str], _Version] = {}
    with engine.begin() as connection:
        insert = _insert(connection)
        inserted: set[str] = set()
        if firsts:
            # In lead_id order, so two transactions inserting the same leads wait for each
            # other instead of deadlocking.
            rows = [_lead_row(firsts[lead_id], source, now) for lead_id in sorted(firsts)]
            statement = (
                insert(HqLeadRow)
                .on_conflict_do_nothing(index_elements=["lead_id"])
                .returning(HqLeadRow.lead_id)
            )
            inserted = set(connection.execute(statement, rows).scalars())
        # The digest of each version held; read after inserting, so what another process
        # committed meanwhile is seen too.
        held = {lead_id: firsts[lead_id].sha256 for lead_id in inserted}
        held.update(
            connection.execute(
                select(HqLeadRow.lead_id, HqLeadRow.content_sha256).where(
                    HqLeadRow.lead_id.in_(firsts.keys() - inserted)
                )
            ).all()
        )
        for lead_id, version in checked:
            if isinstance(version, str):
                result.rejected.append(Rejection(lead_id, "invalid", version))
            elif lead_id in inserted and version is firsts[lead_id]:
                result.stored.append(lead_id)
            elif version.sha256 == held[lead_id]:
                result.already_had.append(lead_id)
            else:
                result.rejected.append(Rejection(lead_id, "conflict", CONFLICT_REASON))
                aside[(lead_id, version.sha256)] = version
        if aside:
            connection.execute(
                insert(HqLeadConflictRow).on_conflict_do_nothing(
                    index_elements=["lead_id", "content_sha256"]
                ),
                [
                    {
                        "lead_id": lead_id,
                        "content_sha256": version.sha256,
                        "lead": version.lead,
                        "received_at": now,
                        "source": source,
                    }
                    for (lead_id, _), version in sorted(aside.items())
                ],
            )
    return result


def import_bundles(engine: Engine, paths: Iterable[Path]) -> list[BundleImport]:
    """``import_bundle`` for each of them, in turn."""
    return [import_bundle(engine, path) for path in paths]


def import_bundle(engine: Engine, path: Path) -> BundleImport:
    """Store the leads of a bundle (``kiosk.export.read_bundle``), in batches.

    A bundle that is damaged, or holds an item that is not a lead with a lead_id, is refused
    whole and stores nothing. Importing a bundle again stores nothing new.
    """
    try:
        _manifest, items = read_bundle(path)
        leads = lead_objects(items)
    except BundleError as error:
        return BundleImport(path, error)
    except MalformedBatch as error:
        return BundleImport(
            path,
            BundleError(
                f"Line {error.number + 1} of the bundle {path.name} {error.problem}, "
                "so none of it was imported."
            ),
        )
    source = f"bundle {path.name}"
    now = datetime.now(UTC)
    result = BatchResult([], [], [])
    for start in range(0, len(leads), MAX_BATCH_LEADS):
        part = receive_leads(engine, leads[start : start + MAX_BATCH_LEADS], source, now)
        result.stored += part.stored
        result.already_had += part.already_had
        result.rejected += part.rejected
    return BundleImport(path, result)
