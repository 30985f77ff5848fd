"""Shared fixtures. Headless Qt, a fresh leads database for every test, strict warnings."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a display. The on-screen keyboard (Qt Quick)
# draws in software there.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QUICK_BACKEND"] = "software"

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kiosk import resources
from kiosk.catalog import Catalog, load_catalog
from kiosk.data.leads_db import open_leads_db
from kiosk.services import Services, open_services
from kiosk.settings import Settings
from tests.postgres import (
    MISSING_ON_CI,
    MISSING_REASON,
    PostgresServer,
    find_pg_bin,
    start_postgres,
)
from tests.staff import copy_staffed_db, make_staffed_db

SEEDS = resources.bundle_root().parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own per-machine data directory, so its own leads database."""
    directory = tmp_path / "data"
    monkeypatch.setenv(resources.DATA_DIR_ENV, str(directory))
    monkeypatch.delenv(resources.CONTENT_DB_ENV, raising=False)
    return directory


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(resources.content_db_path())


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def staffed_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_staffed_db(tmp_path_factory.mktemp("template") / "leads.sqlite")


@pytest.fixture
def staffed_db(staffed_db_template: Path, data_dir: Path) -> Path:
    """This test's leads database, with the staff PIN and passphrase already set."""
    return copy_staffed_db(staffed_db_template, resources.leads_db_path())


@pytest.fixture
def staffed_engine(staffed_db: Path) -> Iterator[Engine]:
    """This test's leads database, staff set up, opened."""
    engine = open_leads_db(staffed_db)
    yield engine
    engine.dispose()


@pytest.fixture
def services(settings: Settings, staffed_db: Path) -> Iterator[Services]:
    opened = open_services(
        resources.content_db_path(), resources.leads_db_path(), settings=settings
    )
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def leaflet() -> str:
    """The VPAS leaflet, the source of every fact (shared/seeds beside the checkout)."""
    matches = sorted(SEEDS.glob("002_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        missing = "the VPAS leaflet (shared/seeds/002_*.txt) is not beside this checkout"
        if os.environ.get("CI"):  # on CI the checks against the leaflet must run
            pytest.fail(missing, pytrace=False)
        pytest.skip(missing)
    return matches[0].read_text(encoding="utf-8")


# PostgreSQL (tests/postgres.py): one throwaway server per session, started on first use.
PG_FIXTURES = frozenset({"postgres_server", "postgres_url", "fresh_postgres_url"})


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's own PostgreSQL server; skipped (failed on CI) when it is not installed."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING_ON_CI, pytrace=False)
        pytest.skip(MISSING_REASON)
    server = start_postgres(bin_dir)
    try:
        yield server
    finally:
        server.stop()  # also when tests failed: pytest runs session teardown regardless


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """SQLAlchemy URL of the session's database `kiosk_test`, shared by every test using it."""
    return postgres_server.url()


@pytest.fixture
def fresh_postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a new empty database (CREATE DATABASE test_<n>), dropped afterwards."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects, so `-m pg` finds these tests too
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test using a PostgreSQL fixture is a `pg` test, marked or not."""
    for item in items:
        if PG_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.pg)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say loudly when PostgreSQL tests were skipped because PostgreSQL is missing."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and MISSING_REASON in report.longrepr[2]
    ]
    if skipped:
        terminalreporter.section("PostgreSQL", sep="!", yellow=True, bold=True)
        terminalreporter.write_line(f"{len(skipped)} {MISSING_REASON}", yellow=True, bold=True)


from kiosk.ui.keyboard import configure_input_method  # noqa: E402  (after the platform is set)

configure_input_method()  # as the kiosk does, before the QApplication exists

pytest_plugins = ["tests.qt_fixtures", "tests.hq_fixtures"]
