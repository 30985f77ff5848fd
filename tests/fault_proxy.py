"""A fault-injecting HTTP/1.1 proxy between the kiosk's lead relay and the HQ receiver.

    with FaultProxy(("127.0.0.1", receiver_port), RandomFaults(rate=0.3, seed=7)) as proxy:
        relay_sync(base_url=proxy.url)            # the relay talks to the proxy, not the receiver
        assert proxy.counts()["duplicate"] > 0

A real TCP proxy on 127.0.0.1 (threads, no event loop, so it works beside any test). It reads
one request at a time from a client connection (request line, headers, a Content-Length or
chunked body), asks its `policy` which `Fault` to apply to request number n (1, 2, … in arrival
order over all connections), and acts:

- NONE: forwards the request, returns the upstream's answer.
- HTTP_500: answers 500 itself; the upstream never sees the request.
- TIMEOUT: holds the request unanswered for `stall_seconds`, then closes the connection.
- RESET_BEFORE: resets the client connection (RST); the upstream never sees the request.
- RESET_AFTER_COMMIT: forwards, reads the upstream's whole answer (it has committed), then
  resets the client connection: the answer is lost.
- DUPLICATE: forwards the request twice (two upstream requests), returns the second answer.

An upstream that refuses the connection (a receiver restarting) gives 502, as does one that
breaks off mid-answer. Client connections are kept alive as the client asks (httpx does); each
upstream request uses a new upstream connection with `Connection: close`, so a restarted
upstream never shows up as a stale pooled connection, and DUPLICATE really is two requests.
"""

from __future__ import annotations

import contextlib
import json
import random
import selectors
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from types import TracebackType
from typing import Self


class Fault(Enum):
    NONE = "none"
    HTTP_500 = "http_500"
    TIMEOUT = "timeout"
    RESET_BEFORE = "reset_before"
    RESET_AFTER_COMMIT = "reset_after_commit"
    DUPLICATE = "duplicate"


FAULTS: tuple[Fault, ...] = tuple(fault for fault in Fault if fault is not Fault.NONE)

Policy = Callable[[int], Fault]
"""Given the request number (1-based, over all client connections), the fault to apply."""

# Counter names besides one per Fault value (see FaultProxy.counts).
OTHER_COUNTERS = (
    "connections",  # client connections accepted
    "requests",  # requests read from clients
    "upstream_requests",  # requests sent to the upstream (DUPLICATE sends two)
    "upstream_down",  # the upstream refused the connection: answered 502
    "upstream_error",  # the upstream broke off or answered garbage: answered 502
    "bad_requests",  # unparseable client requests: answered 400
)


def no_faults(number: int) -> Fault:
    return Fault.NONE


def always(fault: Fault) -> Policy:
    """Every request gets `fault`."""
    return lambda number: fault


def scripted(*faults: Fault, then: Fault = Fault.NONE) -> Policy:
    """Request 1 gets faults[0], request 2 faults[1] …; requests after the script get `then`."""
    return lambda number: faults[number - 1] if number <= len(faults) else then


@dataclass(frozen=True)
class RandomFaults:
    """A fault for a share `rate` of the requests, picked uniformly among `kinds`.

    Reproducible: the choice for request n depends only on (seed, n), not on thread timing.
    """

    rate: float
    seed: int = 0
    kinds: tuple[Fault, ...] = FAULTS

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"rate must be within 0 and 1, not {self.rate}")
        if not self.kinds or Fault.NONE in self.kinds:
            raise ValueError("kinds must name at least one fault, and not NONE")

    def __call__(self, number: int) -> Fault:
        rng = random.Random(f"{self.seed}:{number}")
        if rng.random() >= self.rate:
            return Fault.NONE
        return rng.choice(self.kinds)


class ProtocolError(Exception):
    """Bytes that are not the HTTP/1.1 this proxy understands."""


class _Stopping(Exception):
    """The proxy is stopping: drop what this thread is doing."""


MAX_LINE = 64 * 1024
MAX_HEADERS = 200
# Hop-by-hop headers are about one connection, never forwarded (RFC 9110 §7.6.1); the proxy
# sets its own framing (Content-Length) and Connection on each side.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
    }
)
REASONS = {400: "Bad Request", 500: "Internal Server Error", 502: "Bad Gateway"}


class _Reader:
    """Buffered reads from a socket; the buffer carries bytes of a pipelined next request."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buffer = bytearray()

    def _fill(self) -> bool:
        data = self._sock.recv(65536)
        self._buffer += data
        return bool(data)

    def read_line(self) -> bytes | None:
        """One line with its line end; None on end of stream before any byte."""
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                line = bytes(self._buffer[: end + 1])
                del self._buffer[: end + 1]
                return line
            if len(self._buffer) > MAX_LINE:
                raise ProtocolError("line too long")
            if not self._fill():
                if self._buffer:
                    raise ProtocolError("connection closed in the middle of a line")
                return None

    def read_exact(self, size: int) -> bytes:
        while len(self._buffer) < size:
            if not self._fill():
                raise ProtocolError(f"connection closed {size - len(self._buffer)} bytes early")
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def read_to_end(self) -> bytes:
        while self._fill():
            pass
        data = bytes(self._buffer)
        self._buffer.clear()
        return data


@dataclass
class _Message:
    """A request or response: start line, headers in order, and the (de-chunked) body."""

    start_line: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def tokens(self, name: str) -> set[str]:
        """The comma-separated tokens of every `name` header, lower-cased."""
        wanted = name.lower()
        return {
            token.strip().lower()
            for key, value in self.headers
            if key.lower() == wanted
            for token in value.split(",")
            if token.strip()
        }


def _read_head(reader: _Reader) -> _Message | None:
    line = reader.read_line()
    while line in (b"\r\n", b"\n"):  # RFC 9112 §2.2: ignore empty lines before a request
        line = reader.read_line()
    if line is None:
        return None
    message = _Message(line.decode("latin-1").rstrip("\r\n"))
    while True:
        header = reader.read_line()
        if header is None:
            raise ProtocolError("connection closed in the headers")
        if header in (b"\r\n", b"\n"):
            return message
        name, colon, value = header.decode("latin-1").partition(":")
        if not colon or not name or name != name.strip():
            raise ProtocolError(f"bad header line {header!r}")
        message.headers.append((name, value.strip()))
        if len(message.headers) > MAX_HEADERS:
            raise ProtocolError("too many headers")


def _read_chunked(reader: _Reader) -> bytes:
    body = bytearray()
    while True:
        line = reader.read_line()
        if line is None:
            raise ProtocolError("connection closed in a chunked body")
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise ProtocolError(f"bad chunk size {line!r}") from None
        if size == 0:
            while reader.read_line() not in (b"\r\n", b"\n", None):  # trailers: dropped
                pass
            return bytes(body)
        body += reader.read_exact(size)
        reader.read_line()  # the CRLF after the chunk


def _read_framed_body(reader: _Reader, message: _Message) -> bytes | None:
    """The body by Transfer-Encoding or Content-Length; None when the message has neither."""
    if "chunked" in message.tokens("transfer-encoding"):
        return _read_chunked(reader)
    length = message.header("content-length")
    if length is None:
        return None
    if not length.isdigit():
        raise ProtocolError(f"bad Content-Length {length!r}")
    return reader.read_exact(int(length))


def _read_request(reader: _Reader) -> _Message | None:
    request = _read_head(reader)
    if request is None:
        return None
    if len(request.start_line.split(" ")) != 3 or not request.start_line.endswith(
        ("HTTP/1.1", "HTTP/1.0")
    ):
        raise ProtocolError(f"bad request line {request.start_line!r}")
    request.body = _read_framed_body(reader, request) or b""
    return request


def _status(response: _Message) -> int:
    parts = response.start_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise ProtocolError(f"bad status line {response.start_line!r}")
    return int(parts[1])


def _has_no_body(method: str, status: int) -> bool:
    return method == "HEAD" or status in (204, 304) or 100 <= status < 200


def _read_response(reader: _Reader, method: str) -> _Message:
    while True:
        response = _read_head(reader)
        if response is None:
            raise ProtocolError("the upstream closed without answering")
        status = _status(response)
        if not 100 <= status < 200:  # skip interim answers (100 Continue …)
            break
    if _has_no_body(method, status):
        return response
    body = _read_framed_body(reader, response)
    # Neither header: the body runs to the end of the connection (we asked for Connection: close).
    response.body = reader.read_to_end() if body is None else body
    return response


def _method(request: _Message) -> str:
    return request.start_line.split(" ", 1)[0]


def _wants_keep_alive(request: _Message) -> bool:
    tokens = request.tokens("connection")
    if request.start_line.endswith("HTTP/1.0"):
        return "keep-alive" in tokens
    return "close" not in tokens


def _serialize(
    message: _Message,
    *,
    connection: str,
    keep_length: bool = False,
    extra: dict[str, str] | None = None,
) -> bytes:
    """The message with hop-by-hop headers replaced by our own framing and Connection."""
    dropped = HOP_BY_HOP | message.tokens("connection")
    lines = [message.start_line]
    lines += [f"{name}: {value}" for name, value in message.headers if name.lower() not in dropped]
    if keep_length:  # a HEAD/204/304 answer: its Content-Length describes a body not sent
        length = message.header("content-length")
        if length is not None:
            lines.append(f"Content-Length: {length}")
    else:
        lines.append(f"Content-Length: {len(message.body)}")
    lines += [f"{name}: {value}" for name, value in (extra or {}).items()]
    lines.append(f"Connection: {connection}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + message.body


def _reset_on_close(sock: socket.socket) -> None:
    """Linger 0: close() then sends RST instead of FIN, as a crashed peer would."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _parse_upstream(upstream: str | tuple[str, int]) -> tuple[str, int]:
    if isinstance(upstream, tuple):
        return upstream
    address = upstream.removeprefix("http://").rstrip("/")
    host, colon, port = address.rpartition(":")
    if not colon or not port.isdigit():
        raise ValueError(f"upstream must be host:port or http://host:port, not {upstream!r}")
    return host, int(port)


class FaultProxy:
    """See the module docstring. `policy` and `stall_seconds` may be changed while it runs."""

    def __init__(
        self,
        upstream: str | tuple[str, int],
        policy: Policy = no_faults,
        *,
        stall_seconds: float = 5.0,
        upstream_timeout: float = 30.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.upstream = _parse_upstream(upstream)
        self.policy = policy
        self.stall_seconds = stall_seconds
        self.upstream_timeout = upstream_timeout
        self._bind = (host, port)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._counts = dict.fromkeys([*(fault.value for fault in Fault), *OTHER_COUNTERS], 0)
        self._request_number = 0
        self._sockets: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._wake_reader: socket.socket | None = None
        self._wake_writer: socket.socket | None = None

    # --- public API ---------------------------------------------------------------------------

    @property
    def address(self) -> tuple[str, int]:
        if self._listener is None:
            raise RuntimeError("the proxy is not started")
        host, port = self._listener.getsockname()[:2]
        return host, port

    @property
    def port(self) -> int:
        return self.address[1]

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}"

    def counts(self) -> dict[str, int]:
        """A snapshot: one counter per Fault value (what the policy chose), and OTHER_COUNTERS."""
        with self._lock:
            return dict(self._counts)

    def reset_counts(self) -> None:
        """Zero the counters (request numbers go on: a scripted policy does not restart)."""
        with self._lock:
            self._counts = dict.fromkeys(self._counts, 0)

    def start(self) -> Self:
        if self._listener is not None:
            raise RuntimeError("the proxy is already started")
        listener = socket.create_server(self._bind)
        # The accept thread sleeps in a selector; stop() wakes it through this socket pair.
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._listener = listener
        self._accept_thread = threading.Thread(
            target=self._accept_loop, name=f"fault-proxy-accept-{self.port}", daemon=True
        )
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        """Close the listening socket and every connection, and join every thread."""
        if self._listener is None or self._stopping.is_set():
            return
        self._stopping.set()
        assert self._wake_writer is not None and self._accept_thread is not None
        self._wake_writer.send(b"\0")
        self._accept_thread.join()
        with self._lock:  # after _stopping is set, no thread adds a socket (see _track)
            sockets = list(self._sockets)
            threads = list(self._threads)
        for sock in sockets:
            # Wakes a thread blocked in recv(); that thread itself closes its socket.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout=10)
        for own in (self._listener, self._wake_reader, self._wake_writer):
            if own is not None:
                own.close()
        alive = [thread.name for thread in threads if thread.is_alive()]
        if alive:
            raise RuntimeError(f"fault proxy threads did not stop: {alive}")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- threads ------------------------------------------------------------------------------

    def _count(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._counts[name] += amount

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            if self._stopping.is_set():
                sock.close()
                raise _Stopping
            self._sockets.add(sock)

    def _untrack_and_close(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        sock.close()

    def _accept_loop(self) -> None:
        assert self._listener is not None and self._wake_reader is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while not self._stopping.is_set():
                ready = {key.fileobj for key, _ in selector.select()}
                if self._listener not in ready or self._stopping.is_set():
                    continue
                try:
                    client, peer = self._listener.accept()
                except OSError:
                    continue  # the client gave up between select and accept
                self._count("connections")
                thread = threading.Thread(
                    target=self._serve_client,
                    args=(client,),
                    name=f"fault-proxy-client-{peer[1]}",
                    daemon=True,  # never keeps the interpreter alive; stop() joins it anyway
                )
                with self._lock:
                    self._threads.add(thread)
                thread.start()

    def _serve_client(self, client: socket.socket) -> None:
        try:
            self._track(client)
        except _Stopping:
            self._forget_thread()
            return
        try:
            client.settimeout(None)
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            reader = _Reader(client)
            while not self._stopping.is_set():
                try:
                    request = _read_request(reader)
                except ProtocolError as error:
                    self._count("bad_requests")
                    client.sendall(_error_response(400, str(error), keep_alive=False))
                    return
                if request is None:
                    return  # the client closed its connection
                self._count("requests")
                if not self._answer(client, request) or not _wants_keep_alive(request):
                    return
        except (OSError, _Stopping):
            return  # the client went away, or stop() shut the connection
        finally:
            self._untrack_and_close(client)
            self._forget_thread()

    def _forget_thread(self) -> None:
        with self._lock:
            self._threads.discard(threading.current_thread())

    def _answer(self, client: socket.socket, request: _Message) -> bool:
        """Apply this request's fault; whether the client connection stays usable."""
        with self._lock:
            self._request_number += 1
            number = self._request_number
        fault = self.policy(number)
        self._count(fault.value)
        keep_alive = _wants_keep_alive(request)
        if fault is Fault.HTTP_500:
            client.sendall(_error_response(500, "injected by the fault proxy", keep_alive))
            return True
        if fault is Fault.TIMEOUT:
            self._stopping.wait(self.stall_seconds)  # stop() cuts the stall short
            return False
        if fault is Fault.RESET_BEFORE:
            _reset_on_close(client)
            return False
        response = self._forward(request)
        if response is not None and fault is Fault.DUPLICATE:
            response = self._forward(request)
        if response is None:
            client.sendall(_error_response(502, "the upstream is unreachable", keep_alive))
            return True
        if fault is Fault.RESET_AFTER_COMMIT:
            _reset_on_close(client)
            return False
        client.sendall(
            _serialize(
                response,
                connection="keep-alive" if keep_alive else "close",
                keep_length=_has_no_body(_method(request), _status(response)),
            )
        )
        return True

    def _forward(self, request: _Message) -> _Message | None:
        """One upstream request on a new connection; None when the upstream failed (→ 502)."""
        try:
            upstream = socket.create_connection(self.upstream, timeout=self.upstream_timeout)
        except OSError:
            self._count("upstream_down")
            return None
        self._track(upstream)
        try:
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream.sendall(_serialize(request, connection="close"))
            self._count("upstream_requests")
            response = _read_response(_Reader(upstream), _method(request))
            _status(response)
            return response
        except (OSError, ProtocolError):
            if self._stopping.is_set():
                raise _Stopping from None
            self._count("upstream_error")
            return None
        finally:
            self._untrack_and_close(upstream)


def _error_response(status: int, detail: str, keep_alive: bool) -> bytes:
    body = json.dumps({"detail": f"fault proxy: {detail}"}).encode()
    message = _Message(
        f"HTTP/1.1 {status} {REASONS[status]}", [("Content-Type", "application/json")], body
    )
    return _serialize(
        message,
        connection="keep-alive" if keep_alive else "close",
        extra={"X-Fault-Proxy": str(status)},
    )


def iter_faults(policy: Policy, count: int) -> Iterator[Fault]:
    """The faults `policy` gives requests 1 … count (to predict or report a run)."""
    return (policy(number) for number in range(1, count + 1))
