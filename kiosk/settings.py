"""Settings, declared once with types and defaults; staff overrides live in the leads database."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.data.leads_db import SettingRow
from kiosk.l10n import DEFAULT_LANGUAGE, Language, parse_language


@dataclass(frozen=True)
class Settings:
    idle_timeout_s: int = 90  # seconds without a touch before "are you still there?"
    idle_countdown_s: int = 15  # seconds the countdown shows before the reset
    attract_slide_s: int = 6  # seconds each attract-loop highlight stays up
    default_language: Language = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        for name in ("idle_timeout_s", "idle_countdown_s", "attract_slide_s"):
            if not 1 <= getattr(self, name) <= 3600:
                raise ValueError(f"The setting {name} must be between 1 and 3600 seconds.")
        parse_language(self.default_language)


def load_settings(engine: Engine) -> Settings:
    """Defaults, overridden by what staff saved; a bad stored value falls back to its default."""
    with Session(engine) as session:
        stored = {
            key: value for key, value in session.execute(select(SettingRow.key, SettingRow.value))
        }
    settings = Settings()
    for spec in fields(Settings):
        if spec.name not in stored:
            continue
        try:
            settings = replace(settings, **{spec.name: json.loads(stored[spec.name])})
        except (ValueError, TypeError):
            continue
    return settings


def save_settings(engine: Engine, settings: Settings) -> None:
    values: dict[str, Any] = asdict(settings)
    with Session(engine) as session, session.begin():
        for key, value in values.items():
            session.merge(SettingRow(key=key, value=json.dumps(value)))


DEVICE_ID_KEY = "device_id"


def device_id(engine: Engine) -> str:
    """This machine's id: a UUID made on first use and kept in the settings table for good."""
    candidate = json.dumps(str(uuid.uuid4()))
    with engine.begin() as connection:
        # Inserting first takes the write lock, so two processes agree on whichever id came first.
        connection.execute(
            insert(SettingRow).values(key=DEVICE_ID_KEY, value=candidate).on_conflict_do_nothing()
        )
        stored = connection.execute(
            select(SettingRow.value).where(SettingRow.key == DEVICE_ID_KEY)
        ).scalar_one()
    identifier: str = json.loads(stored)
    return identifier
