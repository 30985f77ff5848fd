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

from kiosk import resources
from kiosk.catalog import Catalog, load_catalog
from kiosk.services import Services, open_services
from kiosk.settings import Settings
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
        pytest.skip("the VPAS leaflet (shared/seeds/002_*.txt) is not beside this checkout")
    return matches[0].read_text(encoding="utf-8")


from kiosk.ui.keyboard import configure_input_method  # noqa: E402  (after the platform is set)

configure_input_method()  # as the kiosk does, before the QApplication exists

pytest_plugins = ["tests.qt_fixtures"]
