"""A damaged leads database at start: moved aside whole (with its -wal and -shm files), a fresh
one made, and whatever SQLite can still read of the old one carried over into it.

The kiosk must not refuse visitors (or restart over and over) because a power cut or a failing
card damaged the file; the old files stay, byte for byte, in a folder beside the new database,
so IT can recover more (``sqlite3 leads.sqlite .recover``) and no lead is ever thrown away.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from kiosk.data.leads_db import LeadRow, LeadsBase, SettingRow, open_leads_db
from kiosk.settings import read_record, write_record

logger = logging.getLogger(__name__)
RECOVERY_KEY = "leads_db_recovery"  # the standing record of the last recovery, until dismissed
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Recovery:
    problem: str  # SQLite's words
    moved_to: Path  # the folder that now holds the damaged files, under their own names
    at: str  # ISO 8601, UTC
    leads_carried_over: int
    tables_lost: tuple[str, ...]  # tables SQLite could not read at all

    def to_json(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "moved_to": str(self.moved_to),
            "at": self.at,
            "leads_carried_over": self.leads_carried_over,
            "tables_lost": list(self.tables_lost),
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Recovery:
        return cls(
            str(record["problem"]),
            Path(record["moved_to"]),
            str(record["at"]),
            int(record["leads_carried_over"]),
            tuple(record["tables_lost"]),
        )


def move_aside(path: Path, now: datetime) -> Path:
    """Move the database and its side files into a new folder beside it; return the folder.

    The side files go first: a cut between the moves leaves the main file where the next start
    finds it damaged again, never a stray -wal that SQLite would replay into a fresh database.
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = path.with_name(f"{path.stem}-damaged-{stamp}")
    folder.mkdir()
    for suffix in (*SIDE_FILES, ""):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.replace(folder / source.name)
    return folder


def _readable_rows(source: sqlite3.Connection, table: Table) -> list[dict[str, Any]]:
    """Every row of ``table`` in the old file, in the columns both schemas share."""
    existing = {row[1] for row in source.execute(f'PRAGMA table_info("{table.name}")')}
    columns = [column.name for column in table.columns if column.name in existing]
    if not columns:
        return []
    quoted = ", ".join(f'"{name}"' for name in columns)
    return [
        dict(zip(columns, row, strict=True))
        for row in source.execute(f'SELECT {quoted} FROM "{table.name}"')
    ]


def _insert_what_fits(engine: Engine, table: Table, rows: list[dict[str, Any]]) -> int:
    """Insert the rows, skipping any the fresh database refuses (e.g. a lead whose data key was
    on a page SQLite could not read); the number inserted."""
    if not rows:
        return 0
    statement = insert(table).prefix_with("OR IGNORE")
    try:
        with engine.begin() as connection:
            return connection.execute(statement, rows).rowcount
    except DBAPIError:  # some row was refused: keep the others, one by one
        pass
    inserted = 0
    for row in rows:
        try:
            with engine.begin() as connection:
                inserted += connection.execute(statement, [row]).rowcount
        except DBAPIError:
            continue
    return inserted


def carry_over(damaged: Path, engine: Engine) -> tuple[dict[str, int], tuple[str, ...]]:
    """Copy what SQLite can read of ``damaged`` into the fresh ``engine``, table by table.

    It reads a scratch copy: opening the moved files themselves could checkpoint their WAL and
    change what IT will want to recover.
    """
    carried: dict[str, int] = {}
    lost: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-recovery-") as scratch:
        copy = Path(scratch) / damaged.name
        for suffix in ("", *SIDE_FILES):
            original = damaged.with_name(damaged.name + suffix)
            if original.exists():
                shutil.copyfile(original, copy.with_name(copy.name + suffix))
        try:
            source = sqlite3.connect(copy)
        except sqlite3.Error:
            return {}, tuple(table.name for table in LeadsBase.metadata.sorted_tables)
        with closing(source):
            for table in LeadsBase.metadata.sorted_tables:  # parents before children
                try:
                    rows = _readable_rows(source, table)
                except sqlite3.Error:
                    lost.append(table.name)
                    continue
                if table.name == SettingRow.__tablename__:
                    rows = [row for row in rows if row["key"] != RECOVERY_KEY]
                carried[table.name] = _insert_what_fits(engine, table, rows)
    return carried, tuple(lost)


def recover_leads_db(path: Path, problem: str, now: datetime) -> Recovery:
    """Move the damaged database aside, open a fresh one with what could be carried over, and
    keep a record of it there for staff (``standing_recovery``)."""
    folder = move_aside(path, now)
    logger.error("The leads database was damaged (%s); moved to %s", problem, folder)
    engine = open_leads_db(path)
    try:
        carried, lost = carry_over(folder / path.name, engine)
        recovery = Recovery(
            problem,
            folder,
            now.astimezone(UTC).isoformat(timespec="seconds"),
            carried.get(LeadRow.__tablename__, 0),
            lost,
        )
        with engine.begin() as connection:
            write_record(connection, RECOVERY_KEY, recovery.to_json())
    finally:
        engine.dispose()
    logger.warning(
        "A fresh leads database holds %d carried-over leads; unreadable tables: %s",
        recovery.leads_carried_over,
        ", ".join(lost) or "none",
    )
    return recovery


def standing_recovery(engine: Engine) -> Recovery | None:
    """The last recovery, until staff dismiss it."""
    record = read_record(engine, RECOVERY_KEY)
    return None if record is None else Recovery.from_json(record)


def dismiss_recovery(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(delete(SettingRow).where(SettingRow.key == RECOVERY_KEY))
