from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from kiosk import resources
from kiosk.analytics import Analytics, EventKind
from kiosk.data.leads_db import (
    LEADS_SCHEMA_HEAD,
    create_leads_engine,
    current_revision,
    open_leads_db,
)
from kiosk.lead_vault import set_up_vault, unlock
from kiosk.settings import Settings, load_settings, save_settings
from tests.staff import STAFF_PASSPHRASE


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


def _database_at(path: Path, revision: str) -> Engine:
    engine = create_leads_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(resources.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return engine


def test_upgrading_from_0001_keeps_settings_and_analytics(tmp_path: Path) -> None:
    path = tmp_path / "leads.sqlite"
    old = _database_at(path, "0001")
    with old.begin() as connection:  # the columns of 0001, not today's model
        connection.exec_driver_sql(
            "INSERT INTO analytics_event (session_id, kind, subject, language, detail, created_at)"
            " VALUES ('s1', 'session_start', 'zh-Hans', NULL, NULL, '2026-03-14T09:30:00+00:00'),"
            " ('s1', 'search', 'rjgc', 'zh-Hans', '2', '2026-03-14T09:31:00+00:00')"
        )
    save_settings(old, Settings(idle_timeout_s=120))
    old.dispose()
    assert current_revision(path) == "0001"

    engine = open_leads_db(path)
    assert current_revision(path) == LEADS_SCHEMA_HEAD == "0004"
    assert {"lead", "outbox", "event", "lead_key"} <= set(inspect(engine).get_table_names())
    events = Analytics(engine).events()
    assert [(e.session_id, e.kind, e.subject, e.detail, e.event_id) for e in events] == [
        ("s1", "session_start", "zh-Hans", None, ""),
        ("s1", "search", "rjgc", "2", ""),
    ]
    assert load_settings(engine).idle_timeout_s == 120
    engine.dispose()


def test_leads_saved_before_sealing_are_sealed_when_staff_set_the_passphrase(
    tmp_path: Path,
) -> None:
    path = tmp_path / "leads.sqlite"
    old = _database_at(path, "0002")
    with old.begin() as connection:  # a lead as revision 0002 stored it: in plain columns
        connection.exec_driver_sql(
            "INSERT INTO lead VALUES ('lead-1', 'device-1', '', 'session-1',"
            " '2026-03-14T09:30:00.000+00:00', '陈大文', '+8613812345678', 'chan@example.com',"
            " 'chandawen', '广州市第六中学', 'CN-GD', 'senior_secondary_3', 2026, '[\"C1\"]',"
            " 'zh-Hans', '18_or_over', NULL, 'pics-1', 1, 1, 0, NULL)"
        )
        connection.exec_driver_sql(
            "INSERT INTO outbox (lead_id, enqueued_at) VALUES ('lead-1', '2026-03-14')"
        )
    old.dispose()

    engine = open_leads_db(path)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT key_id FROM lead").scalar_one() is None
    set_up_vault(engine, STAFF_PASSPHRASE)
    engine.dispose()
    raw = b"".join(file.read_bytes() for file in tmp_path.iterdir())
    for secret in ("陈大文", "+8613812345678", "chan@example.com", "chandawen", "第六中学"):
        assert secret.encode("utf-8") not in raw

    engine = open_leads_db(path)
    with engine.connect() as connection:
        key_id, sealed = connection.exec_driver_sql("SELECT key_id, sealed_pii FROM lead").one()
    assert key_id is not None
    assert unlock(engine, STAFF_PASSPHRASE).open("lead-1", key_id, sealed) == {
        "name": "陈大文",
        "phone_e164": "+8613812345678",
        "email": "chan@example.com",
        "wechat_id": "chandawen",
        "school": "广州市第六中学",
    }
    engine.dispose()
