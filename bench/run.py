"""make bench: the kiosk against a bare PySide6 window, measured side by side in one run.

Prints each figure as it is measured, then writes bench/report.json and bench/report.md from the
same figures. It never passes or fails on time (machines differ): aims are reported as met or not.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="kiosk-bench-"))

ROOT = Path(__file__).resolve().parent.parent
BARE_WINDOW = ROOT / "bench" / "bare_window.py"
REPORT_JSON = ROOT / "bench" / "report.json"
REPORT_MD = ROOT / "bench" / "report.md"
START_RUNS = 9
SWITCH_ROUNDS = 40
SEARCH_QUERIES = ("rjgc", "ruanjian", "cloud", "software", "jiudian", "厨", "hai shi", "data")
LEAD_SAVES = 200
SUMMARY_BUILDS = 20
QR_IMAGES = 100
BENCH_PASSPHRASE = "benchmark passphrase"
EXPORT_LEADS = 100_000
EXPORT_AIMS_S = {"csv": 3.0, "xlsx": 20.0}
SYNC_LEADS = 10_000
# Some six fair days' visitors (a day is about 320); KIOSK_BENCH_SOAK_JOURNEYS=200 is quick.
SOAK_JOURNEYS = int(os.environ.get("KIOSK_BENCH_SOAK_JOURNEYS", "2000"))
SOAK_GROWTH_FROM_JOURNEY = 100  # the soak runner's rss_after_100_mb: caches are warm by then
MS = 1000
MB = 1_000_000


@dataclass(frozen=True)
class Baseline:
    """What a figure is held against, measured in the same run, in the figure's unit."""

    name: str
    value: float


@dataclass(frozen=True)
class Aim:
    at_most: float
    of_ratio: bool = False  # the limit bounds value / baseline, not the value


@dataclass(frozen=True)
class Figure:
    key: str
    name: str
    value: float | None  # None: not measured in this run; the detail says why
    unit: str
    detail: str
    baseline: Baseline | None = None
    aim: Aim | None = None

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline is None:
            return None
        return self.value / self.baseline.value

    @property
    def met(self) -> bool | None:
        if self.aim is None or self.value is None:
            return None
        held = self.ratio if self.aim.of_ratio else self.value
        assert held is not None, f"{self.key}: an aim on the ratio needs a baseline"
        return held <= self.aim.at_most


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def timed_process(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def measure_start() -> tuple[float, float]:
    """Median seconds from process start to an interactive first screen, kiosk and bare."""
    kiosk = [sys.executable, "-m", "kiosk", "run", "--windowed", "--exit-when-ready"]
    bare = [sys.executable, str(BARE_WINDOW)]
    timed_process(kiosk)  # first run creates the leads database and warms the disk cache
    timed_process(bare)
    kiosk_times, bare_times = [], []
    for _ in range(START_RUNS):  # interleaved, so both see the same machine load
        kiosk_times.append(timed_process(kiosk))
        bare_times.append(timed_process(bare))
    return statistics.median(kiosk_times), statistics.median(bare_times)


def tree_bytes(root: Path) -> int:
    """A folder's size as installed: every file's length, links counted as links."""
    return sum(path.lstat().st_size for path in root.rglob("*"))


def drop_page_cache() -> bool:
    """Empty the OS's file cache (Linux, as root) so the next start reads from disk: a cold
    start, as the first start of a fair morning. False where not allowed."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Bundles:
    kiosk_bytes: int
    bare_bytes: int  # PyInstaller's defaults
    bare_stripped_bytes: int  # with the kiosk's strip, the like-for-like baseline
    kiosk_start_s: float
    bare_start_s: float
    cold: bool  # the page cache was dropped before each start


def measure_bundles() -> Bundles:
    """Build the kiosk (kiosk.spec) and a bare PySide6 window with the same PyInstaller, now;
    then their sizes and median starts, interleaved."""
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-bundles-"))
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"]
    for name, options in (("bare", []), ("bare-stripped", ["--strip"])):
        subprocess.run(
            [
                *pyinstaller,
                "--onedir",
                "--name",
                name,
                *options,
                str(BARE_WINDOW),
                "--distpath",
                str(work / "dist"),
                "--workpath",
                str(work / "build" / name),
                "--specpath",
                str(work),
            ],
            check=True,
        )
    subprocess.run(
        [
            *pyinstaller,
            "kiosk.spec",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build" / "kiosk"),
        ],
        check=True,
        cwd=ROOT,
    )
    dist = work / "dist"
    kiosk = [str(dist / "kiosk" / "kiosk"), "run", "--windowed", "--exit-when-ready"]
    bare = [str(dist / "bare" / "bare")]
    timed_process(kiosk)  # the leads database is made on the first start, not measured
    cold = drop_page_cache()
    kiosk_times, bare_times = [], []
    for _ in range(START_RUNS):
        drop_page_cache()
        kiosk_times.append(timed_process(kiosk))
        drop_page_cache()
        bare_times.append(timed_process(bare))
    return Bundles(
        tree_bytes(dist / "kiosk"),
        tree_bytes(dist / "bare"),
        tree_bytes(dist / "bare-stripped"),
        statistics.median(kiosk_times),
        statistics.median(bare_times),
        cold,
    )


def measure_in_process() -> tuple[list[float], list[float], list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from kiosk import resources
    from kiosk.services import open_services
    from kiosk.ui.i18n import Translations
    from kiosk.ui.screen_ids import ScreenId
    from kiosk.ui.shell import Shell
    from kiosk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_theme(app)
    services = open_services(resources.content_db_path(), resources.leads_db_path())
    shell = Shell(services, Translations())
    shell.resize(1920, 1080)
    shell.show()
    app.processEvents()
    shell.start_visit()
    shell.set_language("zh-Hans")

    def tap_and_paint(widget: QAbstractButton) -> float:
        started = time.perf_counter()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        app.processEvents()  # queued shows of new rows
        shell.repaint()  # paint the new screen now, synchronously
        return time.perf_counter() - started

    switches: list[float] = []
    sectors = [s.code for s in services.catalog.sectors]
    for round_number in range(SWITCH_ROUNDS):
        sector = sectors[round_number % len(sectors)]
        shell.go_to(ScreenId.HOME)
        home = shell.screens[ScreenId.HOME]
        switches.append(tap_and_paint(home.tiles[ScreenId.SECTORS]))  # type: ignore[attr-defined]
        grid = shell.screens[ScreenId.SECTORS]
        switches.append(tap_and_paint(grid.tiles[sector]))  # type: ignore[attr-defined]
        first = services.catalog.sector(sector).programmes[0].code
        page = shell.screens[ScreenId.SECTOR]
        switches.append(tap_and_paint(page.findChild(QAbstractButton, f"programme-{first}")))
        switches.append(tap_and_paint(shell.top_bar.back))

    shell.go_to(ScreenId.SEARCH)
    search = shell.screens[ScreenId.SEARCH]
    keystrokes: list[float] = []
    core: list[float] = []
    for query in SEARCH_QUERIES:
        search.field.clear()  # type: ignore[attr-defined]
        for length in range(1, len(query) + 1):
            started = time.perf_counter()
            services.search.search(query[:length])
            core.append(time.perf_counter() - started)
            started = time.perf_counter()
            search.field.insert(query[length - 1])  # type: ignore[attr-defined]
            app.processEvents()
            shell.repaint()
            keystrokes.append(time.perf_counter() - started)
    shell.close_services()
    services.close()
    return switches, keystrokes, core


def measure_lead_save() -> list[float]:
    """Seconds per durable save (lead + outbox row, committed with synchronous=FULL)."""
    from kiosk import resources
    from kiosk.catalog import load_catalog
    from kiosk.data.leads_db import open_leads_db
    from kiosk.lead_vault import LeadSealer, set_up_vault
    from kiosk.leads import LeadDraft, save_lead
    from kiosk.settings import device_id

    known = load_catalog(resources.content_db_path()).programme_codes
    draft = LeadDraft(
        name="陈大文",
        phone_number="138 1234 5678",
        email="chan@example.com",
        region="CN-GD",
        school="广州市第六中学",
        stage="senior_secondary_3",
        programme_codes=sorted(known)[:3],
        contact_language="zh-Hans",
        age_group="18_or_over",
        consent_contact=True,
        consent_transfer=True,
    )
    engine = open_leads_db(resources.data_dir() / "bench-leads.sqlite")
    set_up_vault(engine, BENCH_PASSPHRASE)
    machine = device_id(engine)
    sealer = LeadSealer(engine)
    saves: list[float] = []
    for _ in range(LEAD_SAVES):
        started = time.perf_counter()
        save_lead(
            engine,
            draft,
            sealer=sealer,
            known_programme_codes=known,
            device_id=machine,
            kiosk_id="bench",
            event_id="bench",
            session_id="bench",
            notice_version="bench",
        )
        saves.append(time.perf_counter() - started)
    engine.dispose()
    return saves


def measure_export(formats: tuple[str, ...] = ("csv", "xlsx")) -> dict[str, float]:
    """Seconds to export EXPORT_LEADS sealed leads from a leads database, opened and written."""
    from sqlalchemy import insert

    from kiosk import resources
    from kiosk.data.leads_db import LeadRow, OutboxRow, open_leads_db
    from kiosk.export import ExportFormat, ExportSource, export_kiosk_leads
    from kiosk.lead_vault import LeadSealer, set_up_vault, unlock

    engine = open_leads_db(resources.data_dir() / "bench-export.sqlite")
    set_up_vault(engine, BENCH_PASSPHRASE)
    sealer = LeadSealer(engine)
    with engine.begin() as connection:  # one transaction: seeding is not what is measured
        rows = []
        for index in range(EXPORT_LEADS):
            lead_id = f"{index:08d}-0000-4000-8000-000000000000"
            key_id, sealed = sealer.seal(
                connection,
                lead_id,
                {
                    "name": f"陈大文{index}",
                    "phone_e164": f"+86138{index:08d}",
                    "email": f"visitor{index}@example.com",
                    "school": "广州市第六中学",
                },
            )
            rows.append(
                {
                    "lead_id": lead_id,
                    "device_id": "bench",
                    "kiosk_id": "GZ-01",
                    "event_id": "",
                    "session_id": "bench",
                    "created_at": f"2026-03-14T09:{index % 60:02d}:00.000+00:00",
                    "key_id": key_id,
                    "sealed_pii": sealed,
                    "region": "CN-GD",
                    "stage": "senior_secondary_3",
                    "intake_year": 2026,
                    "programme_codes": '["software-engineering"]',
                    "contact_language": "zh-Hans",
                    "age_group": "18_or_over",
                    "guardian_consent": None,
                    "notice_version": "bench",
                    "consent_contact": True,
                    "consent_transfer": True,
                    "consent_news": False,
                    "eligibility_outcome": None,
                }
            )
        connection.execute(insert(LeadRow), rows)
        connection.execute(
            insert(OutboxRow), [{"lead_id": row["lead_id"], "enqueued_at": ""} for row in rows]
        )
    source = ExportSource("GZ-01", "bench", None)
    timings = {}
    for export_format in map(ExportFormat, formats):
        started = time.perf_counter()
        opener = unlock(engine, BENCH_PASSPHRASE)  # once a day at the booth: part of it
        path = resources.data_dir() / f"bench-export.{export_format.value}"
        result = export_kiosk_leads(engine, opener, export_format, path, source)
        timings[export_format.value] = time.perf_counter() - started
        assert result.count == EXPORT_LEADS
    engine.dispose()
    return timings


def measure_sync() -> dict[str, float | None]:
    """Seconds to sync SYNC_LEADS sealed leads over loopback HTTP to the real receiver (uvicorn,
    one process), storing into SQLite and into a PostgreSQL server started for the run; None
    where Debian's postgresql package is missing."""
    sys.path.insert(0, str(ROOT))  # the receiver thread and PostgreSQL server of the tests
    from kiosk import resources
    from kiosk.clock import SystemClock
    from kiosk.data.leads_db import open_leads_db
    from kiosk.hq.app import create_app
    from kiosk.hq.store import open_hq_db
    from kiosk.lead_vault import LeadSealer, set_up_vault
    from kiosk.leads import write_leads
    from kiosk.sync import SYNC_PATH, HttpTransport, sync_pending
    from tests.postgres import find_pg_bin, start_postgres
    from tests.receiver import ReceiverThread
    from tests.staff import many_leads

    def sync_into(hq_url: str, name: str) -> float:
        kiosk = open_leads_db(resources.data_dir() / f"bench-sync-{name}.sqlite")
        set_up_vault(kiosk, BENCH_PASSPHRASE)
        sealer = LeadSealer(kiosk)
        write_leads(kiosk, sealer, many_leads(SYNC_LEADS))
        hq = open_hq_db(hq_url)
        with ReceiverThread(create_app(hq, ["bench"])) as receiver:
            transport = HttpTransport(receiver.url + SYNC_PATH, "bench")
            started = time.perf_counter()
            report = sync_pending(kiosk, sealer, transport, SystemClock())
            elapsed = time.perf_counter() - started
            transport.close()
        assert report.stored == SYNC_LEADS, report
        kiosk.dispose()
        hq.dispose()
        return elapsed

    timings: dict[str, float | None] = {
        "SQLite": sync_into(f"sqlite:///{resources.data_dir() / 'bench-hq.sqlite'}", "sqlite")
    }
    pg_bin = find_pg_bin()
    if pg_bin is None:
        timings["PostgreSQL"] = None
    else:
        server = start_postgres(pg_bin)
        try:
            timings["PostgreSQL"] = sync_into(server.url(), "postgresql")
        finally:
            server.stop()
    return timings


def measure_summary() -> dict[int, list[float]]:
    """Seconds to build the summary PDF, by length of the visitor's list (with an outcome)."""
    from datetime import date

    from kiosk import resources
    from kiosk.catalog import load_catalog
    from kiosk.eligibility import evaluate, parse_answers
    from kiosk.summary import SummaryRequest
    from kiosk.summary_pdf import build_summary_pdf

    catalog = load_catalog(resources.content_db_path())
    answers = {
        "hong_kong_resident": False,
        "nationalities": ["CN"],
        "birth_date": "2008-03-15",
        "intake_year": 2026,
        "programme": "software-engineering",
    }
    outcome = evaluate(
        parse_answers(answers, catalog.rules, catalog.programme_codes), catalog.rules
    )
    codes = [programme.code for programme in catalog.programmes]
    build_summary_pdf(catalog, SummaryRequest("zh-Hans", (), None, date.today()))  # font load
    timings: dict[int, list[float]] = {}
    for count in (1, 5, 10, 34):
        request = SummaryRequest("zh-Hans", tuple(codes[:count]), outcome, date.today())
        timings[count] = []
        for _ in range(SUMMARY_BUILDS):
            started = time.perf_counter()
            build_summary_pdf(catalog, request)
            timings[count].append(time.perf_counter() - started)
    return timings


def measure_qr_image() -> list[float]:
    """Seconds to make a share link's QR code and paint it at kiosk size into an image."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.widgets.qr_code import QrCode

    app = QApplication.instance() or QApplication([])
    assert app is not None
    code = QrCode(260)
    timings = []
    for index in range(QR_IMAGES):
        started = time.perf_counter()
        code.set_payload(f"http://192.168.8.10:8765/s/{index:022d}")
        code.grab().toImage()
        timings.append(time.perf_counter() - started)
    return timings


def measure_bare_rss_mib() -> float:
    """The bare window's resident memory once shown (VmRSS, Linux): the memory baseline."""
    shown = subprocess.run(
        [sys.executable, str(BARE_WINDOW), "--print-rss"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    kib = int(shown.stdout.split()[1])  # "VmRSS:	   51234 kB"
    return kib / 1024


def run_soak() -> dict[str, Any]:
    """tests/soak/run.py in its own process: SOAK_JOURNEYS visitor journeys, its memory figures."""
    result = Path(tempfile.mkdtemp(prefix="kiosk-bench-soak-")) / "soak.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.soak.run",
            "--journeys",
            str(SOAK_JOURNEYS),
            "--json",
            str(result),
        ],
        check=True,
        cwd=ROOT,
    )
    soak: dict[str, Any] = json.loads(result.read_text())
    return soak


def bundle_figures() -> list[Figure]:
    bundles = measure_bundles()
    starts = (
        "cold: page cache dropped before each"
        if bundles.cold
        else "warm: the page cache could not be dropped"
    )
    bare_bundle = "bare PySide6 window's bundle"
    return [
        Figure(
            "start_frozen",
            "Start to interactive first screen, frozen bundle",
            bundles.kiosk_start_s * MS,
            "ms",
            f"median of {START_RUNS} starts, {starts}, interleaved with the bare bundle's",
            Baseline(bare_bundle, bundles.bare_start_s * MS),
            Aim(2, of_ratio=True),
        ),
        Figure(
            "bundle_size",
            "Bundle size",
            bundles.kiosk_bytes / MB,
            "MB",
            "one-folder bundles as installed; the bare window with PyInstaller's defaults",
            Baseline(bare_bundle, bundles.bare_bytes / MB),
            Aim(1.25, of_ratio=True),
        ),
        Figure(
            "bundle_size_against_stripped",
            "Bundle size against a stripped bare bundle",
            bundles.kiosk_bytes / MB,
            "MB",
            "the bare window built with --strip as the kiosk is: the like-for-like baseline",
            Baseline(f"{bare_bundle}, stripped", bundles.bare_stripped_bytes / MB),
        ),
    ]


def source_start_figures() -> list[Figure]:
    kiosk_start, bare_start = measure_start()
    return [
        Figure(
            "start_source",
            "Start to interactive first screen, from source",
            kiosk_start * MS,
            "ms",
            f"median of {START_RUNS} warm starts, interleaved with the bare window's",
            Baseline("bare PySide6 window", bare_start * MS),
            Aim(1.5, of_ratio=True),
        )
    ]


def screen_figures() -> list[Figure]:
    switches, keystrokes, lookups = measure_in_process()
    return [
        Figure(
            "screen_switch_p95",
            "Screen switch, tap to painted (p95)",
            p95(switches) * MS,
            "ms",
            f"{len(switches)} taps: home, sectors, a sector, a programme, back; "
            f"median {number(statistics.median(switches) * MS)} ms",
            aim=Aim(50),
        ),
        Figure(
            "search_keystroke_p95",
            "Search keystroke, typed to painted results (p95)",
            p95(keystrokes) * MS,
            "ms",
            f"{len(keystrokes)} keystrokes of {len(SEARCH_QUERIES)} queries "
            "(pinyin, initials, English, Chinese)",
            aim=Aim(5),
        ),
        Figure(
            "search_lookup_p95",
            "Search keystroke, core lookup only (p95)",
            p95(lookups) * MS,
            "ms",
            f"the same {len(lookups)} prefixes looked up without the screen",
        ),
    ]


def lead_save_figures() -> list[Figure]:
    saves = measure_lead_save()
    return [
        Figure(
            "lead_save_p95",
            "Durable lead save (p95)",
            p95(saves) * MS,
            "ms",
            f"{len(saves)} saves, sealed, lead + outbox row committed with synchronous=FULL; "
            f"median {number(statistics.median(saves) * MS)} ms",
            aim=Aim(20),
        )
    ]


def summary_figures() -> list[Figure]:
    return [
        Figure(
            f"summary_pdf_{count}_p95",
            f"Summary PDF, {count} programme(s) + outcome (p95)",
            p95(timings) * MS,
            "ms",
            f"{len(timings)} builds",
            aim=Aim(300),
        )
        for count, timings in measure_summary().items()
    ]


def qr_figures() -> list[Figure]:
    timings = measure_qr_image()
    return [
        Figure(
            "qr_p95",
            "Share QR code, made and painted at 260 px (p95)",
            p95(timings) * MS,
            "ms",
            f"{len(timings)} codes",
        )
    ]


def export_figures() -> list[Figure]:
    return [
        Figure(
            f"export_{name}",
            f"Export {EXPORT_LEADS:,} sealed leads as {name.upper()}",
            seconds,
            "s",
            "unlocked with the passphrase, opened, decrypted and written",
            aim=Aim(EXPORT_AIMS_S[name]),
        )
        for name, seconds in measure_export().items()
    ]


def sync_figures() -> list[Figure]:
    return [
        Figure(
            f"sync_{database.lower()}",
            f"Sync {SYNC_LEADS:,} sealed leads to the local receiver on {database}",
            seconds,
            "s",
            "Debian's postgresql package is not installed"
            if seconds is None
            else f"{SYNC_LEADS / seconds:,.0f} leads/s over loopback HTTP to uvicorn",
        )
        for database, seconds in measure_sync().items()
    ]


def memory_figures() -> list[Figure]:
    bare = Baseline("bare PySide6 window, shown", measure_bare_rss_mib())
    home = Figure("rss_home", "Resident memory at the home screen", None, "MiB", "", bare)
    after = Figure(
        "rss_after_soak",
        f"Resident memory after {SOAK_JOURNEYS:,} visitor journeys",
        None,
        "MiB",
        "",
        bare,
    )
    growth = Figure(
        "rss_growth_during_soak",
        f"Resident memory growth, journey {SOAK_GROWTH_FROM_JOURNEY} to {SOAK_JOURNEYS:,}",
        None,
        "MiB",
        "",
        aim=Aim(20),
    )
    try:
        soak = run_soak()
    except subprocess.CalledProcessError as failure:
        # A journey that times out on a busy machine leaves these figures unmeasured, not the
        # whole report unwritten.
        why = f"the soak runner failed (exit status {failure.returncode}, reason in the output)"
        return [dataclasses.replace(figure, detail=why) for figure in (home, after, growth)]
    growth_from = soak["rss_after_100_mb"]  # None when the soak was shorter
    return [
        dataclasses.replace(
            home,
            value=soak["rss_home_mb"],
            detail="the soak runner's kiosk shown and at rest on its attract loop, before any "
            "journey",
        ),
        dataclasses.replace(
            after,
            value=soak["rss_after_last_mb"],
            detail=f"the soak runner: {soak['seconds']:,.0f} s, "
            f"{soak['leads_saved']:,} leads saved",
        ),
        dataclasses.replace(
            growth,
            value=None if growth_from is None else soak["rss_after_last_mb"] - growth_from,
            detail=f"the soak ran fewer than {SOAK_GROWTH_FROM_JOURNEY} journeys"
            if growth_from is None
            else f"from {number(growth_from)} MiB; widgets {soak['widgets_after_100']:,} "
            f"to {soak['widgets_after_last']:,}",
        ),
    ]


def number(value: float) -> str:
    """Three significant figures without an exponent: 1,234, 123, 12.3, 1.23, 0.123."""
    if value == 0:
        return "0"
    decimals = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:,.{decimals}f}"


def quantity(value: float | None, unit: str) -> str:
    return "not measured" if value is None else f"{number(value)} {unit}"


def baseline_text(figure: Figure) -> str:
    assert figure.baseline is not None
    return f"{quantity(figure.baseline.value, figure.unit)} ({figure.baseline.name})"


def ratio_text(ratio: float) -> str:
    return f"{ratio:.2f}×"


def aim_text(figure: Figure) -> str:
    assert figure.aim is not None
    if figure.aim.of_ratio:
        return f"≤ {figure.aim.at_most:g}× the baseline"
    return f"≤ {figure.aim.at_most:g} {figure.unit}"


def verdict(figure: Figure) -> str:
    if figure.aim is None:
        return "no aim stated"
    outcome = {True: "met", False: "NOT met", None: "not measured"}[figure.met]
    return f"aim {aim_text(figure)}: {outcome}"


def figure_line(figure: Figure) -> str:
    """The figure in one line: printed as it is measured, and its line in report.md."""
    parts = [f"{figure.name}: {quantity(figure.value, figure.unit)}"]
    if figure.baseline is not None:
        parts.append(f"against {baseline_text(figure)}")
    if figure.ratio is not None:
        parts.append(f"ratio {ratio_text(figure.ratio)}")
    return "; ".join([*parts, figure.detail, verdict(figure)])


def report_json(run: dict[str, Any], figures: list[Figure]) -> str:
    records = [
        {**dataclasses.asdict(figure), "ratio": figure.ratio, "met": figure.met}
        for figure in figures
    ]
    return json.dumps({"run": run, "figures": records}, ensure_ascii=False, indent=2) + "\n"


def report_markdown(run: dict[str, Any], figures: list[Figure]) -> str:
    def fact(value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(map(str, value)) or "none"
        return str(value)

    lines = [
        "# VPAS kiosk benchmark",
        "",
        "Written by `make bench`: every figure and every baseline below was measured in this "
        "one run, on this machine. Figures, not verdicts: the bench never fails on time.",
        "",
        *(f"- {name}: {fact(value)}" for name, value in run.items()),
        "",
        "| Figure | Value | Baseline (same run) | Ratio | Aim | Met |",
        "| --- | ---: | --- | ---: | --- | --- |",
    ]
    for figure in figures:
        cells = [
            figure.name,
            quantity(figure.value, figure.unit),
            "—" if figure.baseline is None else baseline_text(figure),
            "—" if figure.ratio is None else ratio_text(figure.ratio),
            "—" if figure.aim is None else aim_text(figure),
            {True: "yes", False: "**no**", None: "—"}[figure.met],
        ]
        lines.append(f"| {' | '.join(cells)} |")
    lines += ["", "## Figure by figure", "", *(f"- {figure_line(figure)}" for figure in figures)]
    return "\n".join(lines) + "\n"


def git(*arguments: str) -> str:
    return subprocess.run(
        ["git", *arguments], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout


def cpu_model() -> str:
    """The processor's name: /proc/cpuinfo's model name on Linux, platform's guess elsewhere."""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor()
    names = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
    return names[0] if names else platform.processor()


def load_average() -> list[float]:
    """Runnable processes over the last 1, 5 and 15 minutes."""
    return [round(load, 2) for load in os.getloadavg()]


def run_facts() -> dict[str, Any]:
    """What was measured, where: the code's commit and its uncommitted changes, the machine."""
    from PySide6 import __version__ as pyside6_version
    from PySide6.QtCore import qVersion

    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git("rev-parse", "HEAD").strip(),
        "uncommitted_changes": [line[3:] for line in git("status", "--porcelain").splitlines()],
        "python": platform.python_version(),
        "pyside6": pyside6_version,
        "qt": qVersion(),
        "qt_platform": os.environ["QT_QPA_PLATFORM"],
        "machine": platform.machine(),
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        # Other work on the machine shows in the times: the load before and after the run.
        "load_average_at_start": load_average(),
        "soak_journeys": SOAK_JOURNEYS,
    }


def main() -> None:
    started = time.perf_counter()
    run = run_facts()
    print("VPAS kiosk benchmark (offscreen Qt, this machine; figures, not verdicts)")
    figures = []
    for measure in (
        bundle_figures,
        source_start_figures,
        screen_figures,
        lead_save_figures,
        summary_figures,
        qr_figures,
        export_figures,
        sync_figures,
        memory_figures,
    ):
        for figure in measure():
            print(f"  {figure_line(figure)}", flush=True)
            figures.append(figure)
    run["load_average_at_end"] = load_average()
    run["bench_seconds"] = round(time.perf_counter() - started)
    REPORT_JSON.write_text(report_json(run, figures), encoding="utf-8")
    REPORT_MD.write_text(report_markdown(run, figures), encoding="utf-8")
    print(f"Wrote {REPORT_MD.relative_to(ROOT)} and {REPORT_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
