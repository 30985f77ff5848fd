"""Booth staff's secrets in tests, and a leads database that staff have already set up."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy.engine import Engine

from kiosk.data.leads_db import open_leads_db
from kiosk.lead_vault import set_up_vault
from kiosk.staff_access import StaffAccess

STAFF_PIN = "246810"
STAFF_PASSPHRASE = "booth staff passphrase"


def set_up_staff(engine: Engine) -> None:
    StaffAccess(engine).set_pin(STAFF_PIN)
    set_up_vault(engine, STAFF_PASSPHRASE)


def make_staffed_db(path: Path) -> Path:
    """A migrated leads database with the staff PIN and passphrase set."""
    engine = open_leads_db(path)
    set_up_staff(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def copy_staffed_db(template: Path, path: Path) -> Path:
    """Argon2id makes setting up cost ~0.15 s; a copy of a set-up database costs nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    return path
