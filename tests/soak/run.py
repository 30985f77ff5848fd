"""The soak outside pytest, for the benchmark:

    python -m tests.soak.run --journeys N --json OUT.json

Offscreen, in a data directory of its own with a leads database set up as the tests' (staff PIN
and passphrase set), the journeys of tests/soak/journeys.py; writes what it measured as JSON. A Qt
warning the test suite would not ignore fails the run (exit status 1), as it fails a test.
"""

from __future__ import annotations

import os

# Before anything imports Qt, as in tests/conftest.py.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QUICK_BACKEND"] = "software"

import argparse
import json
import re
import sys
import tempfile
import tomllib
import warnings
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk import resources
from kiosk.lead_records import count_leads
from kiosk.services import open_services
from kiosk.ui.i18n import Translations
from kiosk.ui.keyboard import configure_input_method
from kiosk.ui.shell import Shell
from kiosk.ui.theme import apply_theme
from tests.keyboard_driver import EventLoopWaiter
from tests.ports import free_port
from tests.soak.journeys import (
    SOAK_WINDOW,
    SoakRun,
    booth_printer,
    soak,
    soak_settings,
)
from tests.staff import make_staffed_db

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
MEMORY_BASELINE = 100  # the journey the memory bound counts from
FAILING_MESSAGES = frozenset(
    {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}
)


def watch_qt_warnings() -> list[str]:
    """Collect Qt's warnings from now on, but those the test suite ignores (pyproject.toml)."""
    options = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["pytest"]
    ignored = [re.compile(pattern) for pattern in options["ini_options"]["qt_log_ignore"]]
    seen: list[str] = []

    def handle(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in FAILING_MESSAGES and not any(p.search(message) for p in ignored):
            seen.append(message)
            print(f"Qt warning: {message}", file=sys.stderr)

    qInstallMessageHandler(handle)
    return seen


def report(run: SoakRun, leads_saved: int) -> dict[str, Any]:
    """The benchmark's figures; those after journey 100 are null in a shorter run."""
    journeys = len(run.results)
    baseline = run.after[MEMORY_BASELINE - 1] if journeys >= MEMORY_BASELINE else None
    last = run.after[-1] if run.after else None
    return {
        "journeys": journeys,
        "seconds": round(run.seconds, 1),
        "rss_home_mb": run.at_rest.rss_mb,
        "rss_after_100_mb": None if baseline is None else baseline.rss_mb,
        "rss_after_last_mb": None if last is None else last.rss_mb,
        "widgets_after_100": None if baseline is None else baseline.widgets,
        "widgets_after_last": None if last is None else last.widgets,
        "leads_saved": leads_saved,
    }


def run_soak(journeys: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="vpas-soak-") as data_dir:
        os.environ[resources.DATA_DIR_ENV] = data_dir
        configure_input_method()  # as the kiosk does, before the QApplication exists
        app = QApplication(sys.argv[:1])
        apply_theme(app)
        make_staffed_db(resources.leads_db_path())
        services = open_services(
            resources.content_db_path(),
            resources.leads_db_path(),
            settings=soak_settings(free_port()),
        )
        shell = Shell(services, Translations(), booth_printer(Path(data_dir)))
        try:
            shell.resize(*SOAK_WINDOW)
            shell.show()
            assert QTest.qWaitForWindowExposed(shell)
            run = soak(shell, EventLoopWaiter(), journeys)
            return report(run, count_leads(services.leads_engine))
        finally:
            shell.close_services()
            services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.soak.run", description="Visitor journeys through the real shell."
    )
    parser.add_argument("--journeys", type=int, default=100, help="how many (default 100)")
    parser.add_argument("--json", type=Path, required=True, help="where to write the results")
    options = parser.parse_args(argv)
    warnings.simplefilter("error")  # as the test suite's filterwarnings
    qt_warnings = watch_qt_warnings()
    results = run_soak(options.journeys)
    options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if qt_warnings:
        print(f"{len(qt_warnings)} Qt warning(s) during the soak", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
