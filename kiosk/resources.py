"""Every path the kiosk reads or writes, frozen (PyInstaller) or run from a checkout."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from kiosk.errors import KioskError

APP_NAME = "vpas-kiosk"
APP_AUTHOR = "VTC"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
CONTENT_DB_ENV = "KIOSK_CONTENT_DB"


def bundle_root() -> Path:
    """The read-only root holding ``kiosk/`` and ``assets/``: the checkout or the bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def asset(*parts: str) -> Path:
    return bundle_root().joinpath("assets", *parts)


def content_source_dir() -> Path:
    return bundle_root() / "kiosk" / "data" / "content"


def content_db_path() -> Path:
    """The bundled content database; ``KIOSK_CONTENT_DB`` points elsewhere (tests, staging)."""
    override = os.environ.get(CONTENT_DB_ENV)
    if override:
        return Path(override)
    return bundle_root() / "kiosk" / "data" / "content.sqlite"


def migrations_dir() -> Path:
    return bundle_root() / "kiosk" / "data" / "migrations"


def data_dir() -> Path:
    """The per-machine writable directory (leads database); created on first use."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else platformdirs.user_data_path(APP_NAME, APP_AUTHOR)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KioskError(
            f"The kiosk's data folder {path} cannot be made ({error.strerror}); "
            f"set {DATA_DIR_ENV} to a folder on a writable drive."
        ) from error
    return path


def leads_db_path() -> Path:
    return data_dir() / "leads.sqlite"
