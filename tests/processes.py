"""Watching the kiosk's processes from outside, as an installer's checks do: its run log's
"ready" lines, its crash log, and whether a process still lives."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kiosk.run_log import CRASH_LOG, RUN_LOG

READY = re.compile(r"\[(\d+)\] INFO kiosk\.ui\.app: ready: showing (\S+) \(pid \d+\)")
START_TIMEOUT_S = 60.0  # a cold start on a busy 2-core CI machine


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll another process's files and state (no Qt event loop here to wait on)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what} after {timeout:.0f} s")
        time.sleep(0.05)


def ready_lines(data_dir: Path) -> list[tuple[int, str]]:
    """(pid, screen) of every start of the screens that reached its first screen."""
    run_log = data_dir / RUN_LOG
    text = run_log.read_text(encoding="utf-8") if run_log.exists() else ""
    return [(int(pid), screen) for pid, screen in READY.findall(text)]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (dead, not yet reaped by its parent) still answers signal 0.
    status = Path(f"/proc/{pid}/stat")
    return status.exists() and status.read_text().split()[2] != "Z"


@contextmanager
def kiosk_under_watchdog(command: Sequence[str]) -> Iterator[subprocess.Popen[bytes]]:
    """`kiosk run` as an installer starts it: full screen (offscreen here), under its watchdog."""
    watchdog = subprocess.Popen(
        [*command, "run"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield watchdog
    finally:
        if watchdog.poll() is None:
            watchdog.kill()
            watchdog.wait()


def kill_ui_and_wait_for_attract(
    watchdog: subprocess.Popen[bytes], data_dir: Path
) -> tuple[int, int, float]:
    """SIGKILL the screens once they show the attract loop; wait until a new process shows it
    again. Returns both pids and the seconds from the kill to the attract loop."""
    wait_for(lambda: ready_lines(data_dir), START_TIMEOUT_S, "the first start")
    [(first_ui, screen)] = ready_lines(data_dir)
    assert screen == "attract"
    assert first_ui != watchdog.pid  # the screens run in a child process
    killed_at = time.monotonic()
    os.kill(first_ui, signal.SIGKILL)
    wait_for(lambda: len(ready_lines(data_dir)) == 2, START_TIMEOUT_S, "the restart")
    back_after_s = time.monotonic() - killed_at
    second_ui, screen = ready_lines(data_dir)[1]
    assert screen == "attract" and second_ui not in (first_ui, watchdog.pid)
    crash_log = (data_dir / CRASH_LOG).read_text(encoding="utf-8")
    assert f"UI process (pid {first_ui}) was killed by signal 9 (SIGKILL)" in crash_log
    return first_ui, second_ui, back_after_s
