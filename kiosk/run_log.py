"""The kiosk's own records in its data directory, for IT after a fair day.

``kiosk.log``: what the kiosk did (started, ready, sync and print problems), rotated at 1 MB.
``crash.log``: every crash: a Python traceback, a native fault's stacks (faulthandler), and the
watchdog's line each time it started the screens again.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

RUN_LOG = "kiosk.log"
CRASH_LOG = "crash.log"
RUN_LOG_BYTES = 1_000_000
RUN_LOGS_KEPT = 3

log = logging.getLogger("kiosk")


def start_run_log(data_dir: Path) -> None:
    """Log INFO and above of every module to kiosk.log."""
    handler = RotatingFileHandler(
        data_dir / RUN_LOG, maxBytes=RUN_LOG_BYTES, backupCount=RUN_LOGS_KEPT, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its every migration step at start


def append_crash(data_dir: Path, text: str) -> None:
    """One entry in crash.log, stamped with the local time."""
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    with (data_dir / CRASH_LOG).open("a", encoding="utf-8") as crash_log:
        crash_log.write(f"{stamp} {text.rstrip()}\n")


class CrashRecorder:
    """In the screens' process: Python exceptions nobody caught (on any thread) and native
    faults (segfaults, aborts) go to crash.log before the process dies or carries on."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        # Kept open for the process's life: faulthandler writes to it from a signal handler.
        self._fault_file: TextIO = (data_dir / CRASH_LOG).open("a", encoding="utf-8")

    def install(self) -> None:
        faulthandler.enable(file=self._fault_file, all_threads=True)
        sys.excepthook = self._record_exception
        threading.excepthook = self._record_thread_exception

    def _record_exception(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        text = "".join(traceback.format_exception(kind, error, trace))
        append_crash(self.data_dir, f"uncaught exception in the kiosk's screens:\n{text}")
        log.error("uncaught exception (see %s): %s", CRASH_LOG, error)
        sys.__excepthook__(kind, error, trace)

    def _record_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        name = args.thread.name if args.thread else "?"
        append_crash(self.data_dir, f"uncaught exception on thread {name}:\n{text}")
        log.error("uncaught exception on thread %s (see %s)", name, CRASH_LOG)
