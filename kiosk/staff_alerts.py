"""Alerts for booth staff: problems no visitor can fix (a full disk, a damaged leads database, a
printer gone in the middle of a job). Qt-free; the shell shows them in a corner of every screen
and in the staff panel, and every alert goes to the log as well."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from kiosk.clock import Clock

logger = logging.getLogger(__name__)


class AlertKind(StrEnum):
    DISK_FULL = "disk_full"  # a lead could not be saved: no space left
    SAVE_FAILED = "save_failed"  # a lead could not be saved for another reason
    LEADS_DB_RECOVERED = "leads_db_recovered"  # a damaged leads database was moved aside
    PRINT_FAILED = "print_failed"  # the printer stopped in the middle of a visitor's summary


# Alerts that end by themselves when the problem goes (a later save or print succeeds); the
# others stay until staff dismiss them.
CLEARS_ITSELF = frozenset({AlertKind.DISK_FULL, AlertKind.SAVE_FAILED, AlertKind.PRINT_FAILED})


@dataclass(frozen=True)
class StaffAlert:
    kind: AlertKind
    sentence: str  # English, one sentence: the log's wording
    raised_at: datetime
    details: Mapping[str, str] = field(default_factory=dict)  # what the screens' wording names
    times: int = 1  # how often it happened since it was raised


class StaffAlerts:
    """The alerts now standing, one per kind; listeners hear of every change (from any thread:
    the printer's worker raises one)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._alerts: dict[AlertKind, StaffAlert] = {}
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:  # closing twice is harmless
            self._listeners.remove(listener)

    @property
    def active(self) -> tuple[StaffAlert, ...]:
        with self._lock:
            return tuple(self._alerts.values())

    def raise_alert(
        self,
        kind: AlertKind,
        sentence: str,
        details: Mapping[str, str] | None = None,
        *,
        at: datetime | None = None,  # when it happened, if not now (a recovery at start-up)
    ) -> None:
        with self._lock:
            earlier = self._alerts.get(kind)
            self._alerts[kind] = StaffAlert(
                kind,
                sentence,
                earlier.raised_at if earlier else at or self._clock.now(),
                dict(details or {}),
                earlier.times + 1 if earlier else 1,
            )
        logger.warning("staff alert (%s): %s", kind.value, sentence)
        self._changed()

    def clear(self, kind: AlertKind) -> None:
        with self._lock:
            cleared = self._alerts.pop(kind, None)
        if cleared is not None:
            logger.info("staff alert (%s) cleared", kind.value)
            self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()
