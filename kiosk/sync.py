"""Leads to the admissions office: the outbox, sent in batches over HTTPS, each lead exactly once.

Every lead carries the UUID the kiosk made, so sending it again is harmless: HQ answers which
leads it stored, which it already had and which it rejected and why (DESIGN.md, the receiver in
kiosk.hq). A lead is marked synced only when that answer names it; one HQ rejects is kept with
HQ's reason for staff to see. Nothing here deletes a lead.

The relay runs on a thread of its own, so the kiosk never waits for the network. It opens the
leads this run sealed with the sealer's own keys; leads of earlier runs wait until staff unlock
the vault with the passphrase (the panel, or ``kiosk leads sync``).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection, Engine

from kiosk.clock import Clock
from kiosk.data.leads_db import LeadRow, OutboxRow
from kiosk.errors import KioskError
from kiosk.hq import LEADS_PATH
from kiosk.lead_records import LeadRecord, lead_record, lead_records_query
from kiosk.lead_vault import SealedLeadReader
from kiosk.settings import read_record, sync_url_problem, write_record

if TYPE_CHECKING:
    import httpx

SYNC_PATH = LEADS_PATH  # where `kiosk hq serve` takes batches
BATCH_SIZE = 200  # leads a request; HQ takes up to MAX_BATCH_LEADS and MAX_BODY_BYTES
REQUEST_TIMEOUT_S = 30.0
STATUS_KEY = "sync_status"
_SQL_CHUNK = 500  # SQLite's limit on bound parameters leaves room for this many ids

log = logging.getLogger(__name__)


class SyncError(KioskError):
    """A whole batch failed; nothing of it was marked, so it goes again on the next attempt."""

    result = "failed"


class SyncUnreachable(SyncError):
    """No answer from HQ, or a passing one (5xx, 429): the network or HQ will be back."""

    result = "unreachable"


class SyncRefused(SyncError):
    """HQ refused the whole batch (token, address): a person has to change a setting."""

    result = "refused"


class BatchTooLarge(SyncError):
    result = "refused"


@dataclass(frozen=True)
class Rejection:
    lead_id: str
    reason: str


@dataclass(frozen=True)
class SyncAnswer:
    """HQ's answer to one batch."""

    stored: frozenset[str]
    already_had: frozenset[str]
    rejected: tuple[Rejection, ...]

    @classmethod
    def from_json(cls, body: object) -> SyncAnswer:
        problem = SyncUnreachable(
            "The answer from the sync address is not HQ's (a Wi-Fi sign-in page?)."
        )
        if not isinstance(body, dict):
            raise problem
        try:
            rejected = tuple(
                Rejection(str(item["lead_id"]), str(item.get("reason") or item.get("code")))
                for item in body["rejected"]
            )
            return cls(
                frozenset(map(str, body["stored"])),
                frozenset(map(str, body["already_had"])),
                rejected,
            )
        except (KeyError, TypeError, AttributeError):
            raise problem from None


class SyncTransport(Protocol):
    """Sends one batch and returns HQ's answer, or raises a SyncError."""

    def send(self, leads: list[dict[str, Any]]) -> SyncAnswer: ...

    def close(self) -> None: ...


class HttpTransport:
    """The real transport: JSON over HTTPS with the bearer token HQ issued (httpx).

    httpx honours SSL_CERT_FILE, so a receiver with a private certificate authority works too.
    """

    def __init__(self, url: str, token: str, *, timeout: float = REQUEST_TIMEOUT_S) -> None:
        import httpx  # here, on the relay's thread: it costs the kiosk's start 60 ms

        problem = sync_url_problem(url)
        if problem:
            raise SyncRefused(problem)
        self.url = url
        self._client = httpx.Client(
            timeout=timeout,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "vpas-kiosk"},
        )

    def send(self, leads: list[dict[str, Any]]) -> SyncAnswer:
        import httpx

        try:
            url = httpx.URL(self.url)
            url.host  # noqa: B018  (an international name is checked when first read)
        except (httpx.InvalidURL, UnicodeError):  # UnicodeError: a malformed international name
            raise SyncRefused(
                "The sync address is not a valid web address: check it in the settings."
            ) from None
        try:
            response = self._client.post(url, json={"leads": leads})
        except httpx.TimeoutException:
            raise SyncUnreachable("HQ did not answer in time.") from None
        except httpx.TransportError as error:
            raise SyncUnreachable(f"HQ could not be reached ({type(error).__name__}).") from None
        status = response.status_code
        if status == 200:
            try:
                body = response.json()
            except ValueError:
                body = None
            return SyncAnswer.from_json(body)
        detail = _detail(response)
        if status == 413:
            raise BatchTooLarge(f"HQ found the batch too large{detail}.")
        if status in (401, 403):
            raise SyncRefused("HQ refused this kiosk's sync token: check it in the settings.")
        if status in (408, 429) or status >= 500:
            raise SyncUnreachable(f"HQ answered {status}{detail}.")
        if status in (404, 405):
            raise SyncRefused(f"Nothing takes leads at {self.url}: check the sync address.")
        raise SyncRefused(f"HQ refused the batch ({status}{detail}).")

    def close(self) -> None:
        self._client.close()


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return ""
    return f": {str(detail).rstrip('.')}" if detail else ""


# the outbox -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class OutboxCounts:
    waiting: int  # not yet at HQ and not rejected
    locked: int  # of those, sealed by an earlier run: they need the staff passphrase
    rejected: int


def _waiting() -> Any:
    return OutboxRow.synced_at.is_(None) & OutboxRow.rejected_at.is_(None)


def _readable(reader: SealedLeadReader) -> Any:
    """The SQL condition for the leads ``reader`` can open."""
    key_ids = reader.readable_key_ids()
    return True if key_ids is None else LeadRow.key_id.in_(key_ids)


def outbox_counts(engine: Engine, reader: SealedLeadReader | None = None) -> OutboxCounts:
    """``reader`` None: count every waiting lead as locked (nothing can open it)."""
    waiting = select(func.count()).select_from(OutboxRow).where(_waiting())
    rejected = select(func.count()).select_from(OutboxRow).where(OutboxRow.rejected_at.is_not(None))
    with engine.connect() as connection:
        waiting_count = int(connection.execute(waiting).scalar_one())
        readable_count = (
            0
            if reader is None
            else int(
                connection.execute(
                    waiting.join(LeadRow, LeadRow.lead_id == OutboxRow.lead_id).where(
                        _readable(reader)
                    )
                ).scalar_one()
            )
        )
        rejected_count = int(connection.execute(rejected).scalar_one())
    return OutboxCounts(waiting_count, waiting_count - readable_count, rejected_count)


@dataclass(frozen=True)
class RejectedLead:
    lead_id: str
    created_at: str
    reason: str


def rejected_leads(engine: Engine, limit: int = 50) -> list[RejectedLead]:
    """The leads HQ refused, newest first, with HQ's reason: kept for a person to look at."""
    query = (
        select(LeadRow.lead_id, LeadRow.created_at, OutboxRow.rejected_reason)
        .join(OutboxRow, OutboxRow.lead_id == LeadRow.lead_id)
        .where(OutboxRow.rejected_at.is_not(None))
        .order_by(LeadRow.created_at.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        return [
            RejectedLead(lead_id, created_at, reason or "")
            for lead_id, created_at, reason in connection.execute(query)
        ]


def _pending(engine: Engine, reader: SealedLeadReader, limit: int) -> list[LeadRecord]:
    query = lead_records_query().where(_waiting(), _readable(reader)).limit(limit)
    with engine.connect() as connection:
        return [lead_record(row, reader) for row in connection.execute(query)]


def sync_payload(record: LeadRecord) -> dict[str, Any]:
    """A lead as HQ takes it: its bundle line without the kiosk's own bookkeeping."""
    payload = record.to_json()
    del payload["synced_at"]
    return payload


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _SQL_CHUNK):
        yield ids[start : start + _SQL_CHUNK]


def _mark(connection: Connection, ids: list[str], moment: str, **values: Any) -> None:
    for chunk in _chunks(ids):
        connection.execute(
            update(OutboxRow)
            .where(OutboxRow.lead_id.in_(chunk))
            .values(attempts=OutboxRow.attempts + 1, last_attempt_at=moment, **values)
        )


def _record_answer(engine: Engine, sent: list[str], answer: SyncAnswer, moment: str) -> list[str]:
    """Mark what HQ confirmed or rejected; return the ids its answer did not name."""
    held = answer.stored | answer.already_had
    confirmed = [lead_id for lead_id in sent if lead_id in held]
    sent_ids = set(sent) - set(confirmed)
    rejections = [item for item in answer.rejected if item.lead_id in sent_ids]
    rejected_ids = {item.lead_id for item in rejections}
    unnamed = [lead_id for lead_id in sent if lead_id in sent_ids - rejected_ids]
    with engine.begin() as connection:
        _mark(connection, confirmed, moment, synced_at=moment, last_error=None)
        for item in rejections:
            _mark(
                connection,
                [item.lead_id],
                moment,
                rejected_at=moment,
                rejected_reason=item.reason,
                last_error=item.reason,
            )
        _mark(connection, unnamed, moment, last_error="HQ's answer did not name this lead.")
    return unnamed


def _record_failure(engine: Engine, sent: list[str], error: SyncError, moment: str) -> None:
    with engine.begin() as connection:
        _mark(connection, sent, moment, last_error=str(error))


@dataclass(frozen=True)
class SyncStatus:
    """The last attempt and its result, kept in the leads database for the staff panel."""

    attempted_at: str  # ISO 8601, UTC
    result: str  # "ok", "unreachable", "refused" or "failed"
    message: str  # for staff; empty when all went well
    sent: int
    stored: int
    already_had: int
    rejected: int

    @classmethod
    def from_json(cls, value: Any) -> SyncStatus | None:
        try:
            return cls(**value)
        except TypeError:
            return None


def load_sync_status(engine: Engine) -> SyncStatus | None:
    return SyncStatus.from_json(read_record(engine, STATUS_KEY))


@dataclass
class SyncReport:
    sent: int = 0
    stored: int = 0
    already_had: int = 0
    rejected: int = 0

    def add(self, sent: int, answer: SyncAnswer, sent_ids: list[str]) -> None:
        ids = set(sent_ids)
        self.sent += sent
        self.stored += len(answer.stored & ids)
        self.already_had += len((answer.already_had - answer.stored) & ids)
        self.rejected += len({item.lead_id for item in answer.rejected} & ids)

    def status(self, moment: str, error: SyncError | None) -> SyncStatus:
        return SyncStatus(
            moment,
            "ok" if error is None else error.result,
            "" if error is None else str(error),
            self.sent,
            self.stored,
            self.already_had,
            self.rejected,
        )


def _save_status(engine: Engine, status: SyncStatus) -> None:
    with engine.begin() as connection:
        write_record(connection, STATUS_KEY, asdict(status))


Progress = Callable[[int, int], None]  # leads sent, leads to send


def sync_pending(
    engine: Engine,
    reader: SealedLeadReader,
    transport: SyncTransport,
    clock: Clock,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    report: SyncReport | None = None,
) -> SyncReport:
    """Send every waiting lead ``reader`` can open, a batch at a time, until none is left;
    count what happened into ``report`` (a new one by default) and return it.

    Raises SyncError when a batch fails (what went before stays marked); the caller decides
    when to try again. Every attempt is recorded as the last status for the staff panel.
    """
    report = report or SyncReport()
    counts = outbox_counts(engine, reader)
    if counts.waiting == counts.locked:
        return report
    to_send = report.sent + counts.waiting - counts.locked
    size = batch_size
    while not should_stop():
        records = _pending(engine, reader, size)
        if not records:
            break
        ids = [record.lead_id for record in records]
        moment = _timestamp(clock.now())
        try:
            answer = transport.send([sync_payload(record) for record in records])
        except BatchTooLarge:
            if size == 1:
                raise
            size = max(1, size // 2)  # a lead's eligibility outcome can be long
            continue
        except SyncError as error:
            _record_failure(engine, ids, error, moment)
            _save_status(engine, report.status(moment, error))
            raise
        unnamed = _record_answer(engine, ids, answer, moment)
        report.add(len(ids), answer, ids)
        if unnamed:  # sending them again at once would loop: treat it as a failed attempt
            refused = SyncRefused(f"HQ's answer did not name {len(unnamed)} of the leads sent.")
            _save_status(engine, report.status(moment, refused))
            raise refused
        if progress is not None:
            to_send = max(to_send, report.sent)  # leads saved meanwhile go in this round too
            progress(report.sent, to_send)
    _save_status(engine, report.status(_timestamp(clock.now()), None))
    return report


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


# the background relay -------------------------------------------------------------------------
@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with "full jitter": a wait drawn between 0 and the capped exponential,
    so kiosks that lost the fair's network together do not all come back in the same second."""

    base_s: float = 2.0
    cap_s: float = 300.0

    def delay(self, failures: int, rng: random.Random) -> float:
        return rng.uniform(0, min(self.cap_s, self.base_s * 2 ** min(failures - 1, 32)))


@dataclass(frozen=True)
class RelayState:
    """What the staff panel shows of the relay; handed to ``on_change`` from its thread."""

    busy: bool  # a round is under way
    sent: int  # in this round
    to_send: int
    failures: int  # attempts that failed in a row
    retry_in_s: float | None  # after a failure: the wait before the next attempt


class SyncRelay:
    """Sends the outbox from a background thread for as long as the kiosk runs.

    It tries whenever leads wait: after each new lead (``wake``), every ``idle_check_s``, and
    after a failure with backoff, never giving up. ``wake`` also cuts a backoff short ("sync
    now"). The thread never touches the screen: ``on_change`` is the UI's to forward.
    """

    def __init__(
        self,
        engine: Engine,
        reader: Callable[[], SealedLeadReader],
        transport: Callable[[], SyncTransport],
        clock: Clock,
        *,
        on_change: Callable[[RelayState], None] = lambda _state: None,
        backoff: Backoff | None = None,
        idle_check_s: float = 60.0,
        batch_size: int = BATCH_SIZE,
        rng: random.Random | None = None,
    ) -> None:
        self._engine = engine
        self._reader = reader
        self._transport = transport
        self._clock = clock
        self._on_change = on_change
        self._backoff = backoff or Backoff()
        self._idle_check_s = idle_check_s
        self._batch_size = batch_size
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-relay", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the thread to finish after the current request; True once it has."""
        self._stopping.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            transport = self._transport()
        except Exception:  # settings refuse a bad address; should one get by, say so and stop
            log.exception("the sync transport could not be made")
            self._on_change(RelayState(False, 0, 0, 1, None))
            return
        failures = 0
        try:
            while not self._stopping.is_set():
                self._wake.clear()
                self._on_change(RelayState(True, 0, 0, failures, None))
                try:
                    report = sync_pending(
                        self._engine,
                        self._reader(),
                        transport,
                        self._clock,
                        batch_size=self._batch_size,
                        progress=self._progressed(failures),
                        should_stop=self._stopping.is_set,
                    )
                    failures, delay = 0, self._idle_check_s
                    self._on_change(RelayState(False, report.sent, report.sent, 0, None))
                except Exception as error:  # the relay outlives any failure, even a bug
                    if not isinstance(error, SyncError):
                        log.exception("sync attempt failed")
                    failures += 1
                    delay = self._backoff.delay(failures, self._rng)
                    self._on_change(RelayState(False, 0, 0, failures, delay))
                self._wake.wait(delay)
        finally:
            transport.close()

    def _progressed(self, failures: int) -> Progress:
        def report(sent: int, to_send: int) -> None:
            self._on_change(RelayState(True, sent, to_send, failures, None))

        return report
