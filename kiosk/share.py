"""Hand a visitor's summary PDF to their phone over the booth Wi-Fi, with no internet needed.

The kiosk serves exactly one kind of thing: a PDF held in memory, at an unguessable link that
expires (15 minutes by default). There is no file system access, no directory listing, no other
path; anything else is a 404. `wifi_qr_payload` builds the standard `WIFI:` QR payload that lets a
phone join the booth network first.
"""

from __future__ import annotations

import errno
import re
import secrets
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self, cast
from urllib.parse import quote, urlsplit

from kiosk.errors import KioskError

DEFAULT_LIFETIME = timedelta(minutes=15)
DEFAULT_FILENAME = "VPAS-summary.pdf"
# A phone that connects and then says nothing must not hold a thread for ever.
REQUEST_TIMEOUT_SECONDS = 10.0

_TOKEN_BYTES = 16  # 128 bits
_SHARE_PATH = re.compile(r"/s/([A-Za-z0-9_-]+)/?")
_SAFE_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9._ -]")
# Windows reports socket errors with WSA codes, which errno may not name.
_ADDRESS_IN_USE = {errno.EADDRINUSE, 10048}
_ADDRESS_NOT_AVAILABLE = {errno.EADDRNOTAVAIL, 10049}
_ACCESS_DENIED = {errno.EACCES, 10013}


class ShareError(KioskError):
    """The share server cannot do what was asked (cannot listen, not running)."""


@dataclass(frozen=True, slots=True)
class _Share:
    pdf: bytes
    filename: str
    expires_at: float  # on the monotonic clock: a wall clock set back must not stretch a link


class ShareServer:
    """Serves published PDFs at `http://host:port/s/<token>` until they expire or are revoked."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        elapsed: Callable[[], float] = time.monotonic,
        lifetime: timedelta = DEFAULT_LIFETIME,
        max_shares: int = 50,
    ) -> None:
        if not 0 <= port <= 65535:
            raise ValueError(f"The share server port must be between 0 and 65535, not {port}.")
        if lifetime <= timedelta(0):
            raise ValueError("A shared link must live for a positive length of time.")
        if max_shares < 1:
            raise ValueError("The share server must keep at least one share.")
        self._host = host
        self._requested_port = port
        self._elapsed = elapsed
        self._lifetime = lifetime.total_seconds()
        self._max_shares = max_shares
        self._shares: dict[str, _Share] = {}
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        """The bound port while running (useful with port 0), else the port asked for."""
        server = self._server
        return self._requested_port if server is None else server.bound_port

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        """Listen on exactly host:port and serve in a daemon thread; ready when this returns."""
        with self._lock:
            if self._server is not None:
                return
            try:
                server = _Server((self._host, self._requested_port), self._find)
            except OSError as exc:
                raise ShareError(_bind_failure(self._host, self._requested_port, exc)) from exc
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"share-server-{server.bound_port}",
                daemon=True,
            )
            thread.start()
            self._server, self._thread = server, thread

    def stop(self) -> None:
        """Stop serving, close the socket, join the thread and forget every share. Idempotent."""
        with self._lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
            self._shares.clear()
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def publish(self, pdf: bytes, filename: str = DEFAULT_FILENAME) -> str:
        """Store the PDF under a fresh token and return its full URL."""
        token = secrets.token_urlsafe(_TOKEN_BYTES)
        with self._lock:
            if self._server is None:
                raise ShareError("The share server is not running, so there is no link to give.")
            now = self._elapsed()
            for stale in [t for t, share in self._shares.items() if share.expires_at <= now]:
                del self._shares[stale]
            while len(self._shares) >= self._max_shares:
                del self._shares[next(iter(self._shares))]  # dicts keep insertion order
            self._shares[token] = _Share(bytes(pdf), filename, now + self._lifetime)
            port = self._server.bound_port
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{port}/s/{token}"

    def revoke(self, url_or_token: str) -> bool:
        """Remove one share, given its URL or token; False when there was none."""
        token = url_or_token
        if "/" in url_or_token:
            match = _SHARE_PATH.fullmatch(urlsplit(url_or_token).path)
            if match is None:
                return False
            token = match.group(1)
        with self._lock:
            return self._shares.pop(token, None) is not None

    def _find(self, token: str) -> _Share | None:
        """The live share for a token. A dict lookup: with 128-bit random tokens, guessing is
        hopeless and timing reveals nothing useful, so no constant-time comparison is needed."""
        with self._lock:
            share = self._shares.get(token)
            if share is None:
                return None
            if share.expires_at <= self._elapsed():
                del self._shares[token]
                return None
            return share


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # SO_REUSEADDR on Windows would let us bind a port another program listens on.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, address: tuple[str, int], find: Callable[[str], _Share | None]) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.find = find
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: nobody may share our port
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        # HTTPServer.server_bind would call socket.getfqdn(), a reverse DNS lookup that can
        # hang for seconds on an offline booth network; the name is never used here.
        socketserver.TCPServer.server_bind(self)
        host, port = self.socket.getsockname()[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def bound_port(self) -> int:
        return self.server_port

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A phone walking away mid-download is normal; never print a traceback."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: nothing lingers after stop()
    default_request_version = "HTTP/1.0"  # answer even a malformed request with a status line
    timeout = REQUEST_TIMEOUT_SECONDS

    def version_string(self) -> str:
        return "kiosk"

    def log_message(self, format: str, *args: Any) -> None:
        """No request log: the kiosk's stderr is for one-sentence errors only."""

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def _serve(self, *, with_body: bool) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        match = _SHARE_PATH.fullmatch(path)
        share = cast(_Server, self.server).find(match.group(1)) if match else None
        if share is None:
            self._send_plain(HTTPStatus.NOT_FOUND)
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(share.pdf)))
        self.send_header("Content-Disposition", _content_disposition(share.filename))
        self._send_common_headers()
        self.end_headers()
        if with_body:
            self.wfile.write(share.pdf)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Every error (bad request line, unknown method …) as a tiny plain-text answer."""
        # BaseHTTPRequestHandler answers 501 only for a method it has no do_* for.
        status = HTTPStatus.METHOD_NOT_ALLOWED if code == HTTPStatus.NOT_IMPLEMENTED else code
        self._send_plain(HTTPStatus(status))

    def _send_plain(self, status: HTTPStatus) -> None:
        body = f"{status.value} {status.phrase}\n".encode("ascii")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "GET, HEAD")
        self.send_header("Connection", "close")
        self._send_common_headers()
        self.end_headers()
        if self.command != "HEAD" and status >= HTTPStatus.OK:
            self.wfile.write(body)

    def _send_common_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")


def _content_disposition(filename: str) -> str:
    """RFC 6266: an ASCII fallback plus the exact UTF-8 name; no quote or newline gets through."""
    name = filename.strip() or DEFAULT_FILENAME
    fallback = _SAFE_FILENAME_CHARS.sub("_", name)
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _bind_failure(host: str, port: int, exc: OSError) -> str:
    where = f"{host}:{port}"
    if isinstance(exc, socket.gaierror):
        reason = f"the address {host} is not a valid address or known host name"
    elif exc.errno in _ADDRESS_NOT_AVAILABLE:
        reason = f"the address {host} does not belong to this machine"
    elif exc.errno in _ADDRESS_IN_USE:
        reason = f"port {port} is already in use"
    elif exc.errno in _ACCESS_DENIED:
        reason = f"this user may not open port {port}"
    else:
        reason = exc.strerror or str(exc)
    return f"The share server cannot listen on {where} because {reason}."


_WIFI_SECURITY = ("WPA", "WEP", "nopass")
_WIFI_SPECIAL = re.compile(r'([\\;,:"])')


def _wifi_escape(text: str) -> str:
    return _WIFI_SPECIAL.sub(r"\\\1", text)


def wifi_qr_payload(ssid: str, password: str, security: str = "WPA") -> str:
    """The ZXing `WIFI:` payload a phone camera understands, e.g. `WIFI:T:WPA;S:Booth;P:pw;;`."""
    if not ssid:
        raise ValueError("The Wi-Fi network name (SSID) must not be empty.")
    if security not in _WIFI_SECURITY:
        raise ValueError(
            f"The Wi-Fi security must be one of {', '.join(_WIFI_SECURITY)}, not {security!r}."
        )
    fields = [f"T:{security}", f"S:{_wifi_escape(ssid)}"]
    if security != "nopass":
        fields.append(f"P:{_wifi_escape(password)}")
    return "WIFI:" + "".join(f"{field};" for field in fields) + ";"
