"""The kiosk heals itself: kill its UI process and the watchdog parent puts the attract loop
back within seconds; crashes are written to crash.log in the data directory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.run_log import CRASH_LOG, RUN_LOG
from kiosk.watchdog import FIRST_DELAY_S, Watchdog, display_gone
from tests.processes import (
    START_TIMEOUT_S,
    alive,
    kill_ui_and_wait_for_attract,
    kiosk_under_watchdog,
    ready_lines,
    wait_for,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
KIOSK = [sys.executable, "-m", "kiosk"]


def test_killed_ui_is_back_on_the_attract_loop_within_seconds(
    staffed_db: Path, data_dir: Path
) -> None:
    with kiosk_under_watchdog(KIOSK) as watchdog:
        _first, second_ui, back_after_s = kill_ui_and_wait_for_attract(watchdog, data_dir)
        print(f"back on the attract loop {back_after_s:.1f} s after the kill")
        assert back_after_s < 15
        crash_log = (data_dir / CRASH_LOG).read_text(encoding="utf-8")

        # Stopping the watchdog (as systemd does) ends the screens too, and is no crash.
        watchdog.send_signal(signal.SIGTERM)
        assert watchdog.wait(30) == 0
        wait_for(lambda: not alive(second_ui), 30, "the screens to end with their watchdog")
        assert (data_dir / CRASH_LOG).read_text(encoding="utf-8") == crash_log


def test_screens_end_when_their_watchdog_is_killed(staffed_db: Path, data_dir: Path) -> None:
    with kiosk_under_watchdog(KIOSK) as watchdog:
        wait_for(lambda: ready_lines(data_dir), START_TIMEOUT_S, "the first start")
        [(ui, _screen)] = ready_lines(data_dir)
        watchdog.kill()  # nothing of the watchdog's own runs: only the pipe closes
        watchdog.wait()
        wait_for(lambda: not alive(ui), 30, "the orphaned screens to end")


def python_command(script: str) -> list[str]:
    return [sys.executable, "-c", script]


def test_restarts_until_a_clean_exit_waiting_longer_each_time(tmp_path: Path) -> None:
    """A UI that crashes at once twice, then exits 0 (staff left): two restarts, each logged,
    the second after twice the first's wait; then the watchdog ends with 0."""
    attempts = tmp_path / "attempts"
    script = (
        "import pathlib, sys\n"
        f"attempts = pathlib.Path({str(attempts)!r})\n"
        "attempts.write_text(attempts.read_text() + 'x' if attempts.exists() else 'x')\n"
        "sys.exit(0 if len(attempts.read_text()) == 3 else 3)\n"
    )
    watchdog = Watchdog(python_command(script), tmp_path)
    started = time.monotonic()
    assert watchdog.run() == 0
    assert watchdog.restarts == 2
    assert time.monotonic() - started >= FIRST_DELAY_S * 3
    lines = (tmp_path / CRASH_LOG).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert "exited with code 3" in lines[0] and "again in 0.5 s" in lines[0]
    assert "again in 1.0 s" in lines[1]


def test_crash_recorder_writes_tracebacks_and_native_faults(tmp_path: Path) -> None:
    base = (
        "import pathlib, sys\n"
        "from kiosk.run_log import CrashRecorder\n"
        f"CrashRecorder(pathlib.Path({str(tmp_path)!r})).install()\n"
    )
    python_error = subprocess.run(
        python_command(base + "raise RuntimeError('a bug in a screen')\n"),
        capture_output=True,
        check=False,
    )
    native_fault = subprocess.run(
        python_command(base + "import faulthandler; faulthandler._sigsegv()\n"),
        capture_output=True,
        check=False,
    )
    assert python_error.returncode == 1 and native_fault.returncode == -signal.SIGSEGV
    crash_log = (tmp_path / CRASH_LOG).read_text(encoding="utf-8")
    assert "uncaught exception in the kiosk's screens:" in crash_log
    assert "RuntimeError: a bug in a screen" in crash_log
    assert "Fatal Python error: Segmentation fault" in crash_log


def test_windowed_and_measuring_runs_have_no_watchdog(data_dir: Path, staffed_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--exit-when-ready"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        check=False,
        timeout=START_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    assert "watchdog" not in (resources.data_dir() / RUN_LOG).read_text(encoding="utf-8")


def test_a_gone_display_ends_the_watchdog_instead_of_restarting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cage stopping takes the Wayland socket with it: the watchdog must end, not restart."""
    socket = tmp_path / "wayland-1"
    session = {"XDG_RUNTIME_DIR": str(tmp_path), "WAYLAND_DISPLAY": "wayland-1"}
    assert display_gone(session)
    socket.touch()
    assert not display_gone(session)
    assert not display_gone({**session, "QT_QPA_PLATFORM": "offscreen", "WAYLAND_DISPLAY": "x"})
    assert display_gone({"DISPLAY": ":4242"})  # no X server listens there

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", str(tmp_path / "wayland-gone"))
    watchdog = Watchdog(python_command("raise SystemExit(1)"), tmp_path)
    assert watchdog.run() == 1
    assert watchdog.restarts == 0
    assert "its display has gone" in (tmp_path / CRASH_LOG).read_text(encoding="utf-8")
