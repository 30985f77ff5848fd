"""The per-machine, writable leads database: models, engine and Alembic migrations.

It survives upgrades: on start the schema is migrated to this release's head revision.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, String, Text, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.resources import migrations_dir

# The newest revision under migrations/versions; a test keeps the two in step. Knowing it here
# lets a start-up with an up-to-date database skip importing Alembic at all.
LEADS_SCHEMA_HEAD = "0001"


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


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def current_revision(path: Path) -> str | None:
    if not path.is_file():
        return None
    with sqlite3.connect(path) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
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


def open_leads_db(path: Path) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    needs_migration = current_revision(path) != LEADS_SCHEMA_HEAD
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    if needs_migration:
        migrate(engine)
    return engine
