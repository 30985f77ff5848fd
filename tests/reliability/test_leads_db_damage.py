"""A leads database damaged before the kiosk starts (a power cut, a failing card): moved aside
with its -wal file, a fresh one made with what could still be read, staff alerted, no crash
loop, and the old files left as they were so IT can recover them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.data.leads_db import LeadsDatabaseDamaged, leads_db_problem, open_leads_db
from kiosk.lead_records import iter_lead_records
from kiosk.lead_vault import unlock
from kiosk.leads_recovery import standing_recovery
from kiosk.services import Services, open_services
from kiosk.staff_alerts import AlertKind
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.shell import Shell
from tests.qt_fixtures import tap
from tests.staff import (
    STAFF_PASSPHRASE,
    STAFF_PIN,
    START,
    MovableClock,
    many_leads,
    seed_leads,
)
from tests.ui.test_staff_mode import open_panel

LEADS = 40
SQLITE_HEADER = b"SQLite format 3\0"


def root_page(path: Path, table: str) -> tuple[int, int]:
    """Where ``table``'s root page starts in the file, and the page size."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        [root] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    return (root - 1) * page_size, page_size


def leads_in_wal(path: Path) -> None:
    """Save LEADS leads and cut the power: the last ones are only in the -wal file."""
    engine = open_leads_db(path)
    seed_leads(engine, many_leads(LEADS // 2))
    engine.dispose()  # the last connection closing checkpoints: the first half is in the file
    with closing(sqlite3.connect(path)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        engine = open_leads_db(path)
        seed_leads(engine, many_leads(LEADS // 2, start=LEADS // 2))
        # The power goes: copy the files as they are now, before any connection closes.
        snapshot = path.with_name("snapshot")
        snapshot.mkdir()
        for name in (path.name, path.name + "-wal"):
            shutil.copyfile(path.with_name(name), snapshot / name)
        engine.dispose()
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        path.with_name(name).unlink(missing_ok=True)
    for copied in snapshot.iterdir():
        copied.replace(path.with_name(copied.name))
    snapshot.rmdir()
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def clobber_header(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(b"\xff" * len(SQLITE_HEADER))


def overwrite(path: Path, offset: int, length: int) -> None:
    with path.open("r+b") as file:
        file.seek(offset)
        file.write(bytes(range(256)) * (length // 256))


def names(engine_path: Path) -> list[str]:
    engine = open_leads_db(engine_path)
    try:
        opener = unlock(engine, STAFF_PASSPHRASE)
        return sorted(record.name for record in iter_lead_records(engine, opener))
    finally:
        engine.dispose()


def open_kiosk(path: Path, clock: MovableClock | None = None) -> Services:
    return open_services(resources.content_db_path(), path, clock=clock or MovableClock())


def damaged_folders(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}-damaged-*"))


def test_a_file_that_is_no_database_is_moved_aside_and_a_fresh_one_serves(
    staffed_db: Path,
) -> None:
    engine = open_leads_db(staffed_db)
    seed_leads(engine, many_leads(LEADS))
    engine.dispose()
    clobber_header(staffed_db)
    damaged = staffed_db.read_bytes()
    assert leads_db_problem(staffed_db) == "file is not a database"

    services = open_kiosk(staffed_db)
    try:
        [alert] = services.alerts.active
        assert alert.kind == AlertKind.LEADS_DB_RECOVERED
        assert alert.details["leads"] == "0"  # nothing of it could be read
        # A fresh database that takes leads; staff set up again (their PIN was in the old one).
        assert services.staff.pin_is_set() is False
        assert leads_db_problem(staffed_db) is None
    finally:
        services.close()

    [folder] = damaged_folders(staffed_db)
    assert alert.details["folder"] == str(folder)
    assert [path.name for path in folder.iterdir()] == [staffed_db.name]
    assert (folder / staffed_db.name).read_bytes() == damaged  # untouched

    # Recoverable: with its header mended, the old file gives back every lead.
    mended = folder / staffed_db.name
    with mended.open("r+b") as file:
        file.write(SQLITE_HEADER)
    assert names(mended) == sorted(lead["name"] for lead in many_leads(LEADS))


def test_a_damaged_page_moves_the_wal_along_and_what_is_readable_comes_over(
    staffed_db: Path,
) -> None:
    offset, page_size = root_page(staffed_db, "analytics_event")
    leads_in_wal(staffed_db)  # half of the leads only in the -wal file
    overwrite(staffed_db, offset, page_size)
    damaged = {
        name: staffed_db.with_name(name).read_bytes()
        for name in (staffed_db.name, staffed_db.name + "-wal")
    }
    assert leads_db_problem(staffed_db) is not None

    services = open_kiosk(staffed_db)
    try:
        [alert] = services.alerts.active
        assert alert.details["leads"] == str(LEADS)  # the WAL's leads too
        assert services.staff.check(STAFF_PIN).accepted  # the staff set-up came along
        recovery = standing_recovery(services.leads_engine)
        assert recovery is not None and recovery.tables_lost == ("analytics_event",)
    finally:
        services.close()
    assert names(staffed_db) == sorted(lead["name"] for lead in many_leads(LEADS))
    # The old pair, byte for byte, under their own names (SQLite pairs them up again).
    [folder] = damaged_folders(staffed_db)
    assert {name: (folder / name).read_bytes() for name in damaged} == damaged


def test_staff_dismiss_the_alert_and_the_next_start_moves_nothing(staffed_db: Path) -> None:
    clobber_header(staffed_db)
    services = open_kiosk(staffed_db)
    try:
        services.dismiss_alert(AlertKind.LEADS_DB_RECOVERED)
        assert services.alerts.active == ()
    finally:
        services.close()
    again = open_kiosk(staffed_db)
    try:
        assert again.alerts.active == ()
    finally:
        again.close()
    assert len(damaged_folders(staffed_db)) == 1


def test_an_undismissed_alert_stands_after_a_restart(staffed_db: Path) -> None:
    clobber_header(staffed_db)
    open_kiosk(staffed_db).close()
    later = MovableClock()
    later.advance(hours=2)
    again = open_kiosk(staffed_db, later)
    try:
        [alert] = again.alerts.active
        assert alert.kind == AlertKind.LEADS_DB_RECOVERED
        assert alert.raised_at == START  # when it happened, not when the kiosk restarted
    finally:
        again.close()
    assert len(damaged_folders(staffed_db)) == 1


def test_the_command_line_says_so_in_one_sentence_and_moves_nothing(
    staffed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import main

    clobber_header(staffed_db)
    before = staffed_db.read_bytes()
    with pytest.raises(LeadsDatabaseDamaged):
        open_leads_db(staffed_db)
    assert main(["leads", "export", "--format", "csv", "-o", str(tmp_path / "out.csv")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("kiosk: The leads database ")
    assert "damaged (file is not a database)" in error
    assert staffed_db.read_bytes() == before
    assert damaged_folders(staffed_db) == []


def _start_kiosk(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--exit-when-ready"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", resources.DATA_DIR_ENV: str(data_dir)},
        timeout=120,
    )


def test_the_kiosk_process_starts_on_a_damaged_database_once_and_again(
    staffed_db: Path, data_dir: Path
) -> None:
    clobber_header(staffed_db)
    for _ in range(2):  # no crash, no loop: the second start finds a sound database
        started = _start_kiosk(data_dir)
        assert started.returncode == 0, started.stderr
        assert "Traceback" not in started.stderr
    assert len(damaged_folders(staffed_db)) == 1
    log = (data_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "staff alert (leads_db_recovered)" in log
    assert log.count("ERROR kiosk.leads_recovery: The leads database was damaged") == 1


@pytest.fixture
def services(staffed_db: Path) -> Iterator[Services]:
    """The kiosk's services (for the ``shell`` fixture) on leads with a damaged page."""
    offset, page_size = root_page(staffed_db, "analytics_event")
    engine = open_leads_db(staffed_db)
    seed_leads(engine, many_leads(LEADS))
    engine.dispose()
    overwrite(staffed_db, offset, page_size)
    opened = open_kiosk(staffed_db)
    yield opened
    opened.close()


def test_staff_see_the_alert_on_the_attract_loop_and_dismiss_it_in_the_panel(
    shell: Shell, qtbot: QtBot, staffed_db: Path
) -> None:
    assert shell.current.screen_id == ScreenId.ATTRACT  # visitors are served meanwhile
    assert shell.alert_badge.isVisible()
    panel = open_panel(shell, qtbot)
    assert not shell.alert_badge.isVisible()  # the panel shows the alert itself
    [(_row, text, dismiss)] = panel.alerts.rows.values()
    [folder] = damaged_folders(staffed_db)
    assert f"{LEADS} 条联络资料" in text.text() and str(folder) in text.text()
    assert dismiss is not None
    tap(qtbot, dismiss)
    qtbot.waitUntil(lambda: not panel.alerts.isVisible())
    assert standing_recovery(shell.services.leads_engine) is None
    shell.leave_staff_mode()
    assert not shell.alert_badge.isVisible()
