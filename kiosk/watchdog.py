"""The watchdog parent: full-screen `kiosk run` starts the screens as a child process and starts
them again whenever they die, so a crash puts the attract loop back within seconds.

The parent imports no Qt and does nothing else, so there is little in it to crash; the OS
service (systemd's Restart=always, Shell Launcher's restart action) restarts it in turn.
Staff leaving through the staff panel end the screens with exit code 0: the watchdog ends too.
The child reads its stdin, a pipe from the parent, and quits when the parent has gone, so the
screens never outlive their watchdog (Windows has no parent-death signal).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from kiosk.cli import UNDER_WATCHDOG
from kiosk.run_log import append_crash

FIRST_DELAY_S = 0.5  # before the first restart: the attract loop is back within seconds
MAX_DELAY_S = 30.0  # screens that crash at once, again and again, are restarted this often
STABLE_AFTER_S = 60.0  # screens that ran this long crashed by chance: restart them at once


def screens_command(arguments: Sequence[str]) -> list[str]:
    """This program again (the bundle's executable, or Python with -m kiosk), the screens only."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "kiosk"]
    return [*program, "run", *arguments, UNDER_WATCHDOG]


def ended_how(returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = "an unknown signal"
        return f"was killed by signal {-returncode} ({name})"
    return f"exited with code {returncode}"


class Watchdog:
    def __init__(
        self,
        command: Sequence[str],
        data_dir: Path,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.command = list(command)
        self.data_dir = data_dir
        self.clock = clock
        self.restarts = 0
        self._stopping = threading.Event()
        self._child: subprocess.Popen[bytes] | None = None

    def run(self) -> int:
        """Keep the screens running until they exit with 0 or the watchdog is stopped."""
        delay = FIRST_DELAY_S
        while True:
            started = self.clock()
            # stdin: the pipe the child watches; the parent never writes to it. Its own process
            # group: a Ctrl-C at a terminal reaches the watchdog, which ends the child.
            self._child = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, **_own_process_group()
            )
            returncode = self._child.wait()
            if self._child.stdin is not None:
                self._child.stdin.close()
            if self._stopping.is_set():
                return 0
            if returncode == 0:
                return 0
            lived = self.clock() - started
            if display_gone(os.environ):
                append_crash(
                    self.data_dir,
                    f"watchdog: the kiosk's UI process (pid {self._child.pid}) "
                    f"{ended_how(returncode)}: its display has gone, so the watchdog ends "
                    "too (the session's service starts them again)",
                )
                return 1
            delay = FIRST_DELAY_S if lived >= STABLE_AFTER_S else delay
            append_crash(
                self.data_dir,
                f"watchdog: the kiosk's UI process (pid {self._child.pid}) {ended_how(returncode)} "
                f"after {lived:.0f} s; starting it again in {delay:.1f} s",
            )
            if self._stopping.wait(delay):
                return 0
            self.restarts += 1
            delay = min(delay * 2, MAX_DELAY_S)

    def stop(self) -> None:
        """From a signal handler or another thread: end the screens, then the watchdog (run()
        returns once they have gone; Python's default for SIGTERM ends them at once)."""
        self._stopping.set()
        child = self._child
        if child is not None and child.poll() is None:
            child.terminate()


def display_gone(environ: Mapping[str, str]) -> bool:
    """The Wayland or X display the screens drew on has gone (the kiosk session, e.g. cage, is
    stopping): starting them again cannot work, and would keep the session from ending."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if sys.platform == "win32" or (platform and not platform.startswith(("wayland", "xcb"))):
        return False  # Windows' desktop, or a platform without a display (offscreen)
    wayland = environ.get("WAYLAND_DISPLAY")
    if wayland:
        return not Path(environ.get("XDG_RUNTIME_DIR", "/"), wayland).exists()
    display = environ.get("DISPLAY", "")
    if display.startswith(":"):
        return not Path("/tmp/.X11-unix", f"X{display[1:].split('.')[0]}").exists()
    return False


def _own_process_group() -> dict[str, Any]:
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def run_watchdog(arguments: Sequence[str], data_dir: Path) -> int:
    watchdog = Watchdog(screens_command(arguments), data_dir)

    def stop(_signal: int, _frame: FrameType | None) -> None:
        watchdog.stop()

    for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    return watchdog.run()


def watch_parent(on_parent_gone: Callable[[], None]) -> None:
    """In the screens' process under a watchdog: call ``on_parent_gone`` (from a thread) once
    stdin, the watchdog's pipe, reaches its end: the watchdog has gone."""

    pipe = sys.stdin
    if pipe is None:  # a Windows program without a console may be given no standard input
        return

    def wait_for_end_of_pipe() -> None:
        while pipe.buffer.read(4096):
            pass
        on_parent_gone()

    threading.Thread(target=wait_for_end_of_pipe, name="watchdog-pipe", daemon=True).start()
