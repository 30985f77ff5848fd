"""Work that must not freeze the screen (building a PDF, rendering pages) on a worker thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

logger = logging.getLogger(__name__)


class BackgroundTask(QObject):
    """Runs ``work`` on Qt's thread pool; ``done``/``failed`` arrive on the UI thread."""

    done = Signal(object)  # what work returned
    failed = Signal(str)
    progressed = Signal(int, int)  # done, in all: work may emit it from its thread

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # shown to the visitor as a message, never a crash
            logger.exception("Background work failed")
            self.failed.emit(str(error))
        else:
            self.done.emit(result)


def wait_for_background_work() -> None:
    """Let running work finish (at shutdown), so no thread outlives the objects it uses."""
    QThreadPool.globalInstance().waitForDone()
