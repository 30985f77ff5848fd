"""Work that must not freeze the screen (building a PDF, rendering pages) on a worker thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Failure:
    """What failed work reports, told apart from anything work may return."""

    message: str


class BackgroundTask(QObject):
    """Runs ``work`` on Qt's thread pool; ``done``/``failed`` are emitted on the UI thread, and
    then the task deletes itself: an owner keeps no finished task (a fair day makes hundreds)."""

    done = Signal(object)  # what work returned
    failed = Signal(str)
    progressed = Signal(int, int)  # done, in all: work may emit it from its thread
    # The worker's last word, queued to the task's own thread, where it is reported. (A deletion
    # tied to done itself could run before the owner's queued slot and drop the report.)
    _ended = Signal(object)

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._ended.connect(self._report)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # shown to the visitor as a message, never a crash
            logger.exception("Background work failed")
            self._ended.emit(_Failure(str(error)))
        else:
            self._ended.emit(result)

    @Slot(object)
    def _report(self, outcome: object) -> None:
        if isinstance(outcome, _Failure):
            self.failed.emit(outcome.message)
        else:
            self.done.emit(outcome)
        self.deleteLater()


def wait_for_background_work() -> None:
    """Let running work finish (at shutdown), so no thread outlives the objects it uses."""
    QThreadPool.globalInstance().waitForDone()
