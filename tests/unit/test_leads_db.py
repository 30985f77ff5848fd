from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from kiosk import resources
from kiosk.analytics import Analytics, EventKind
from kiosk.data.leads_db import (
    LEADS_SCHEMA_HEAD,
    create_leads_engine,
    current_revision,
    open_leads_db,
)
from kiosk.settings import Settings, load_settings, save_settings


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def test_head_constant_matches_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(resources.migrations_dir()))
    assert ScriptDirectory.from_config(config).get_current_head() == LEADS_SCHEMA_HEAD


def test_a_new_database_is_migrated_to_head(tmp_path: Path) -> None:
    path = tmp_path / "leads.sqlite"
    engine = open_leads_db(path)
    assert current_revision(path) == LEADS_SCHEMA_HEAD
    assert {"setting", "analytics_event", "alembic_version"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "leads.sqlite"
    engine = open_leads_db(path)
    Analytics(engine).record("s1", EventKind.SESSION_START, "zh-Hans")
    engine.dispose()
    engine = open_leads_db(path)
    assert [e.kind for e in Analytics(engine).events()] == ["session_start"]
    engine.dispose()


def test_settings_have_defaults_and_keep_staff_changes(tmp_path: Path) -> None:
    engine = open_leads_db(tmp_path / "leads.sqlite")
    assert load_settings(engine) == Settings()
    assert Settings().idle_timeout_s == 90
    save_settings(engine, Settings(idle_timeout_s=120, default_language="en"))
    assert load_settings(engine) == Settings(idle_timeout_s=120, default_language="en")
    engine.dispose()


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="idle_timeout_s"):
        Settings(idle_timeout_s=0)
    with pytest.raises(ValueError, match="Unknown language"):
        Settings(default_language="fr")  # type: ignore[arg-type]


def test_analytics_records_anonymous_events_with_the_clock(tmp_path: Path) -> None:
    engine = open_leads_db(tmp_path / "leads.sqlite")
    clock = FixedClock(datetime(2026, 3, 14, 9, 30, tzinfo=UTC))
    analytics = Analytics(engine, clock)
    analytics.record("s1", EventKind.SEARCH, "x" * 200, language="en", detail="3")
    (event,) = analytics.events("s1")
    assert event.kind == "search"
    assert event.subject == "x" * 40  # trimmed: a search box is no place for an essay
    assert event.created_at == "2026-03-14T09:30:00.000+00:00"
    engine.dispose()


def test_upgrading_from_0001_keeps_settings_and_analytics(tmp_path: Path) -> None:
    path = tmp_path / "leads.sqlite"
    old = create_leads_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(resources.migrations_dir()))
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    Analytics(old).record("s1", EventKind.SESSION_START, "zh-Hans")
    Analytics(old).record("s1", EventKind.SEARCH, "rjgc", language="zh-Hans", detail="2")
    save_settings(old, Settings(idle_timeout_s=120))
    old.dispose()
    assert current_revision(path) == "0001"

    engine = open_leads_db(path)
    assert current_revision(path) == LEADS_SCHEMA_HEAD == "0002"
    assert {"lead", "outbox"} <= set(inspect(engine).get_table_names())
    events = Analytics(engine).events()
    assert [(e.session_id, e.kind, e.subject, e.detail) for e in events] == [
        ("s1", "session_start", "zh-Hans", None),
        ("s1", "search", "rjgc", "2"),
    ]
    assert load_settings(engine).idle_timeout_s == 120
    engine.dispose()
