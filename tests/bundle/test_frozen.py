"""The PyInstaller bundle (dist/kiosk, from kiosk.spec), run as installers run it.

`make test-bundle` builds it and runs these (marked `bundle`, so `make test` leaves them out);
KIOSK_BUNDLE points at another build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kiosk import resources
from kiosk.cli import PASSPHRASE_ENV
from kiosk.lead_vault import LeadSealer
from kiosk.leads import write_leads
from kiosk.run_log import CRASH_LOG, RUN_LOG
from tests.hq_fixtures import HQ_TOKEN, hq_leads, sync_url
from tests.processes import kill_ui_and_wait_for_attract, kiosk_under_watchdog
from tests.receiver import ReceiverThread
from tests.staff import STAFF_PASSPHRASE, many_leads

pytestmark = pytest.mark.bundle
BUNDLE = Path(os.environ.get("KIOSK_BUNDLE", resources.bundle_root() / "dist" / "kiosk"))
EXECUTABLE = BUNDLE / ("kiosk.exe" if sys.platform == "win32" else "kiosk")


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not EXECUTABLE.is_file():
        pytest.fail(f"No bundle at {BUNDLE}: build it with 'make bundle' (or 'make test-bundle').")
    return BUNDLE


@pytest.fixture
def read_only_bundle(bundle: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy installed as in C:\\Program Files or /opt: nobody may write to it; its listing
    afterwards shows whether the kiosk wrote anything there."""
    installed = tmp_path / "installed" / "kiosk"
    shutil.copytree(bundle, installed, symlinks=True)
    for path in [installed, *installed.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)
    yield installed
    for path in [installed, *installed.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)


def frozen(
    executable: Path, *arguments: str, timeout: float = 120, **environment: str
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != resources.CONTENT_DB_ENV}
    return subprocess.run(
        [str(executable), *arguments],
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def listing(root: Path) -> list[tuple[str, int]]:
    return sorted(
        (str(path.relative_to(root)), path.lstat().st_mtime_ns) for path in root.rglob("*")
    )


def test_frozen_self_test_passes_every_check(read_only_bundle: Path, data_dir: Path) -> None:
    before = listing(read_only_bundle)
    result = frozen(read_only_bundle / EXECUTABLE.name, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "PASS content",
        "PASS fonts",
        "PASS summary PDF",
        "PASS print",
        "PASS lead",
        "PASS keyboard",
    ]
    assert str(read_only_bundle) in lines[0]  # the content is read in place, in the bundle
    assert listing(read_only_bundle) == before


def test_frozen_kiosk_starts_offscreen_and_makes_its_data_directory(
    read_only_bundle: Path, data_dir: Path
) -> None:
    before = listing(read_only_bundle)
    assert not data_dir.exists()
    result = frozen(
        read_only_bundle / EXECUTABLE.name,
        "run",
        "--windowed",
        "--exit-when-ready",
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.returncode == 0, result.stderr
    # The first start made the data directory and the leads database; it copied nothing
    # (content, fonts) out of the bundle.
    assert {path.name for path in data_dir.iterdir()} <= {
        "leads.sqlite",
        "leads.sqlite-wal",
        "leads.sqlite-shm",
        RUN_LOG,
        CRASH_LOG,
    }
    assert (data_dir / CRASH_LOG).read_text(encoding="utf-8") == ""
    assert "ready: showing staff-setup" in (data_dir / RUN_LOG).read_text(encoding="utf-8")
    assert listing(read_only_bundle) == before


def test_frozen_kiosk_is_back_on_the_attract_loop_after_its_ui_is_killed(
    bundle: Path, staffed_db: Path, data_dir: Path
) -> None:
    with kiosk_under_watchdog([str(EXECUTABLE)]) as watchdog:
        _first, _second, back_after_s = kill_ui_and_wait_for_attract(watchdog, data_dir)
        print(f"frozen: back on the attract loop {back_after_s:.1f} s after the kill")
        assert back_after_s < 15


def test_frozen_sync_reaches_hq(
    bundle: Path, staffed_engine: Engine, hq_engine: Engine, hq_receiver: ReceiverThread
) -> None:
    """httpx and its TLS stack made it into the bundle: leads reach a real receiver."""
    write_leads(staffed_engine, LeadSealer(staffed_engine), many_leads(20))
    result = frozen(
        EXECUTABLE,
        "leads",
        "sync",
        "--url",
        sync_url(hq_receiver.url),
        **{PASSPHRASE_ENV: STAFF_PASSPHRASE, "KIOSK_SYNC_TOKEN": HQ_TOKEN},
    )
    assert result.returncode == 0, result.stderr
    assert "Sent 20 lead(s) to HQ: 20 stored" in result.stdout
    assert len(hq_leads(hq_engine)) == 20


def test_frozen_exports_every_format(bundle: Path, staffed_engine: Engine, tmp_path: Path) -> None:
    write_leads(staffed_engine, LeadSealer(staffed_engine), many_leads(5))
    for export_format in ("csv", "xlsx", "jsonl"):
        output = tmp_path / f"leads.{export_format}"
        result = frozen(
            EXECUTABLE,
            "leads",
            "export",
            "--format",
            export_format,
            "-o",
            str(output),
            **{PASSPHRASE_ENV: STAFF_PASSPHRASE},
        )
        assert result.returncode == 0, result.stderr
        assert output.stat().st_size > 0


@pytest.mark.parametrize(
    "arguments",
    [("hq", "serve", "--token", "t"), ("leads", "import", "x.jsonl"), ("content", "build")],
)
def test_hq_and_build_commands_say_they_are_not_in_the_bundle(
    bundle: Path, arguments: tuple[str, ...]
) -> None:
    result = frozen(EXECUTABLE, *arguments)
    assert result.returncode == 2
    assert "is not part of the kiosk's bundle" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def qt_part(bundle: Path, *parts: str) -> list[str]:
    """Names under Qt's folder of the bundle (PySide6/Qt/… on Linux, PySide6/… on Windows)."""
    qt = bundle / "_internal" / "PySide6"
    root = qt / "Qt" if (qt / "Qt").is_dir() else qt
    folder = root.joinpath(*parts)
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_bundle_holds_what_the_kiosk_uses_and_nothing_else(bundle: Path) -> None:
    internal = bundle / "_internal"
    for shipped in [
        "kiosk/data/content.sqlite",
        "kiosk/data/migrations/env.py",
        "assets/fonts/wqy-microhei.ttc",
        "assets/fonts/wqy-microhei.LICENSE.txt",
        "assets/translations/zh_Hans.qm",
        "assets/translations/zh_Hant.qm",
        "assets/translations/en.qm",
        "assets/qml/KioskKeyboard.qml",
        "assets/style.qss",
    ]:
        assert (internal / shipped).is_file(), shipped
    everything = {str(path.relative_to(internal)) for path in internal.rglob("*")}
    for package in [
        "fastapi",
        "uvicorn",
        "starlette",
        "pydantic",
        "psycopg",
        "opencc",
        "pycountry",
        "babel",
    ]:
        assert not any(name.split(os.sep)[0].startswith(package) for name in everything), package
    assert not any(
        word in name for name in everything for word in ("WebEngine", "3D", "Quick3D", "Designer")
    )
    assert qt_part(bundle, "qml") == ["Qt", "QtMultimedia", "QtQml", "QtQuick"]
    assert qt_part(bundle, "qml", "QtQuick") == [
        "Layouts",
        "VirtualKeyboard",
        "Window",
        "libqtquick2plugin.so",
        "qmldir",
    ]
    assert "Pinyin" in qt_part(bundle, "qml", "QtQuick", "VirtualKeyboard", "Plugins")
    assert qt_part(bundle, "translations") == [
        "qtbase_en.qm",
        "qtbase_zh_CN.qm",
        "qtbase_zh_TW.qm",
    ]
    assert qt_part(bundle, "plugins", "platforminputcontexts") == ["libqtvirtualkeyboardplugin.so"]
    assert qt_part(bundle, "plugins", "printsupport") == ["libcupsprintersupport.so"]
    assert "libQt6Pdf.so.6" in qt_part(bundle, "lib")
    assert not list(internal.rglob("*.qmltypes"))
    dangling = [path for path in internal.rglob("*") if path.is_symlink() and not path.exists()]
    assert dangling == []
