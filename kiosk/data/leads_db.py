"""The per-machine, writable leads database: models, engine and Alembic migrations.

It survives upgrades: on start the schema is migrated to this release's head revision.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.errors import KioskError
from kiosk.resources import migrations_dir

# The newest revision under migrations/versions; a test keeps the two in step. Knowing it here
# lets a start-up with an up-to-date database skip importing Alembic at all.
LEADS_SCHEMA_HEAD = "0004"


class LeadsBase(DeclarativeBase):
    pass


class SettingRow(LeadsBase):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class AnalyticsEventRow(LeadsBase):
    """An anonymous event: no personal data, only what the visitor looked at and searched."""

    __tablename__ = "analytics_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(String, index=True)
    kind: Mapped[str] = mapped_column(String, index=True)
    subject: Mapped[str | None] = mapped_column(String, nullable=True)
    language: Mapped[str | None] = mapped_column(String, nullable=True)
    detail: Mapped[str | None] = mapped_column(String, nullable=True)
    created_at: Mapped[str] = mapped_column(String, index=True)  # ISO 8601, UTC
    event_id: Mapped[str] = mapped_column(String, default="")  # empty: no event set up
    kiosk_id: Mapped[str] = mapped_column(String, default="")


class EventRow(LeadsBase):
    """A fair the kiosk stands at, as staff set it up; leads and analytics name it by id."""

    __tablename__ = "event"
    event_id: Mapped[str] = mapped_column(String, primary_key=True)  # UUID4
    name: Mapped[str] = mapped_column(String)
    city: Mapped[str] = mapped_column(String)
    starts_on: Mapped[str] = mapped_column(String)  # ISO date, the fair's local calendar
    ends_on: Mapped[str] = mapped_column(String)
    created_at: Mapped[str] = mapped_column(String)  # ISO 8601, UTC


class LeadKeyRow(LeadsBase):
    """A data key that sealed leads, itself sealed to the staff public key (kiosk.lead_vault)."""

    __tablename__ = "lead_key"
    key_id: Mapped[str] = mapped_column(String, primary_key=True)
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String)


# The personal data of a lead: never stored as such, only inside LeadRow.sealed_pii.
PII_FIELDS = ("name", "phone_e164", "email", "wechat_id", "school")


class LeadRow(LeadsBase):
    """A visitor's contact details with the consents they gave, as saved at the kiosk.

    The personal data (PII_FIELDS) is sealed: AES-GCM under the data key ``key_id``. A lead
    without a key is one saved before sealing existed; the vault seals it when it is set up.
    """

    __tablename__ = "lead"
    __table_args__ = (
        CheckConstraint(
            "consent_contact = 1 AND consent_transfer = 1", name="ck_lead_required_consents"
        ),
        CheckConstraint(
            "age_group != 'under_14' OR coalesce(guardian_consent, 0) = 1",
            name="ck_lead_guardian_consent",
        ),
    )
    lead_id: Mapped[str] = mapped_column(String, primary_key=True)  # UUID4, made by the kiosk
    device_id: Mapped[str] = mapped_column(String)
    kiosk_id: Mapped[str] = mapped_column(String)  # the name staff gave this kiosk
    event_id: Mapped[str] = mapped_column(String)  # empty until staff set up an event
    session_id: Mapped[str] = mapped_column(String, index=True)  # links to analytics_event
    created_at: Mapped[str] = mapped_column(String, index=True)  # ISO 8601, UTC
    key_id: Mapped[str | None] = mapped_column(
        String, ForeignKey("lead_key.key_id"), nullable=True, index=True
    )
    sealed_pii: Mapped[bytes] = mapped_column(LargeBinary)
    region: Mapped[str] = mapped_column(String)
    stage: Mapped[str] = mapped_column(String)
    intake_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    programme_codes: Mapped[str] = mapped_column(Text)  # JSON list, in the visitor's order
    contact_language: Mapped[str] = mapped_column(String)
    age_group: Mapped[str] = mapped_column(String)
    guardian_consent: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # under 14 only
    notice_version: Mapped[str] = mapped_column(String)
    consent_contact: Mapped[bool] = mapped_column(Boolean)
    consent_transfer: Mapped[bool] = mapped_column(Boolean)
    consent_news: Mapped[bool] = mapped_column(Boolean)
    eligibility_outcome: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON


class OutboxRow(LeadsBase):
    """A lead waiting to reach the admissions office; written in the lead's own transaction.

    The sync marks it synced when HQ names it stored or already held, or rejected (with HQ's
    reason) when HQ refuses it; it never deletes it.
    """

    __tablename__ = "outbox"
    lead_id: Mapped[str] = mapped_column(String, ForeignKey("lead.lead_id"), primary_key=True)
    enqueued_at: Mapped[str] = mapped_column(String)  # ISO 8601, UTC
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[str | None] = mapped_column(String, nullable=True)
    synced_at: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    rejected_at: Mapped[str | None] = mapped_column(String, nullable=True)
    rejected_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk when it returns, so a saved lead survives a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted rows (purged leads, replaced data) are overwritten, not left in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


class LeadsDatabaseDamaged(KioskError):
    """The leads database file is not a database any more, or fails SQLite's own check."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"The leads database {path} is damaged ({problem}); starting the kiosk moves it "
            "aside and begins a fresh one."
        )


# SQLite's words for a damaged file, as opposed to one that is locked, read-only or missing.
DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def is_damage(error: BaseException) -> bool:
    """Whether SQLite (directly or through SQLAlchemy) called the file damaged."""
    original = error.orig if isinstance(error, DBAPIError) else error
    return getattr(original, "sqlite_errorcode", -1) & 0xFF in DAMAGE_CODES


def leads_db_problem(path: Path) -> str | None:
    """Why the leads database at ``path`` cannot be trusted, in SQLite's words; None when it
    passes SQLite's quick check (or does not exist yet)."""
    if not path.is_file():
        return None
    try:
        # Read-only: closing a writable connection would checkpoint the WAL into the file,
        # changing the damaged files before they are moved aside.
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            findings = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return str(error)
        raise
    return None if findings == ["ok"] else "; ".join(findings[:3])


def current_revision(path: Path) -> str | None:
    if not path.is_file():
        return None
    with closing(sqlite3.connect(path)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise LeadsDatabaseDamaged(path, str(error)) from error
            raise
    return row[0] if row else None


def migrate(engine: Engine) -> None:
    """Bring the schema to head with Alembic (imported only when there is work to do)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def create_leads_engine(url: str) -> Engine:
    """An engine whose every connection uses WAL, synchronous=FULL and foreign keys."""
    engine = create_engine(url)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_leads_db(path: Path) -> Engine:
    """The leads database at ``path``, created or migrated to head; raises LeadsDatabaseDamaged
    when SQLite finds the file damaged on the way (``leads_db_problem`` checks it all)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    needs_migration = current_revision(path) != LEADS_SCHEMA_HEAD
    engine = create_leads_engine(f"sqlite:///{path}")
    if needs_migration:
        try:
            migrate(engine)
        except DBAPIError as error:
            if is_damage(error):
                raise LeadsDatabaseDamaged(path, str(error.orig)) from error
            raise
    return engine
