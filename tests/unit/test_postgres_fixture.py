"""The suite's own PostgreSQL server (tests/postgres.py) works: SQLAlchemy over psycopg 3."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from tests.postgres import PostgresServer

pytestmark = pytest.mark.pg

METADATA = MetaData()
NOTES = Table(
    "notes",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("text", String(200), nullable=False),
)


@contextmanager
def engine_for(url: str) -> Iterator[Engine]:
    engine = create_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()  # no pooled connection left open (ResourceWarning would fail the test)


def test_the_session_database_speaks_utf8_postgresql(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql+psycopg://")
    with engine_for(postgres_url) as engine, engine.connect() as connection:
        assert connection.dialect.name == "postgresql"
        assert connection.exec_driver_sql("SHOW server_encoding").scalar() == "UTF8"
        # The server runs with fsync off (a throwaway cluster): check it is ours, not a system one.
        assert connection.exec_driver_sql("SHOW fsync").scalar() == "off"
        assert connection.exec_driver_sql("SELECT '繁體 简体 ✓'").scalar() == "繁體 简体 ✓"


def test_create_insert_select(fresh_postgres_url: str) -> None:
    with engine_for(fresh_postgres_url) as engine:
        METADATA.create_all(engine)
        with engine.begin() as connection:
            connection.execute(NOTES.insert(), [{"text": "软件工程"}, {"text": "Nursing"}])
        with engine.connect() as connection:
            rows = connection.execute(select(NOTES.c.text).order_by(NOTES.c.id)).scalars().all()
    assert rows == ["软件工程", "Nursing"]


def test_two_fresh_databases_are_independent(
    postgres_server: PostgresServer, fresh_postgres_url: str
) -> None:
    other_name = postgres_server.create_database()
    try:
        assert other_name not in fresh_postgres_url
        with (
            engine_for(fresh_postgres_url) as first,
            engine_for(postgres_server.url(other_name)) as second,
        ):
            METADATA.create_all(first)
            with first.begin() as connection:
                connection.execute(NOTES.insert(), [{"text": "only in the first"}])
            assert inspect(second).get_table_names() == []
            METADATA.create_all(second)
            with second.connect() as connection:
                assert connection.execute(select(NOTES)).all() == []
    finally:
        postgres_server.drop_database(other_name)


def test_a_fresh_database_starts_empty_even_after_another_test_wrote(
    fresh_postgres_url: str,
) -> None:
    """Runs after test_create_insert_select in file order; its `notes` table must be gone."""
    with engine_for(fresh_postgres_url) as engine:
        assert inspect(engine).get_table_names() == []


def test_drop_succeeds_while_a_connection_is_still_open(postgres_server: PostgresServer) -> None:
    """A test that forgets to dispose its engine cannot block the fixture's DROP DATABASE."""
    name = postgres_server.create_database()
    engine = create_engine(postgres_server.url(name))
    try:
        connection = engine.connect()
        postgres_server.drop_database(name)  # WITH (FORCE) ends the open session
        with pytest.raises(OperationalError, match="terminat"):
            connection.exec_driver_sql("SELECT 1")
        connection.invalidate()
        connection.close()
    finally:
        engine.dispose()
