"""The share server with a real HTTP client on 127.0.0.1, and the Wi-Fi QR payload."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from http import HTTPStatus

import httpx
import pytest
import qrcode
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st

from kiosk.errors import KioskError
from kiosk.share import ShareError, ShareServer, wifi_qr_payload

LOCALHOST = "127.0.0.1"
NOT_THIS_MACHINE = "203.0.113.7"  # TEST-NET-3 (RFC 5737): never assigned to a real host


START = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta

    def elapsed(self) -> float:
        return (self.moment - START).total_seconds()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Iterator[ShareServer]:
    with ShareServer(LOCALHOST, 0, elapsed=clock.elapsed) as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    # trust_env=False: a proxy configured on the test machine must not sit in between.
    with httpx.Client(timeout=5.0, trust_env=False) as http:
        yield http


@pytest.fixture
def pdf() -> bytes:
    return b"%PDF-1.7\n" + os.urandom(300_000) + b"\n%%EOF\n"


def _base(server: ShareServer) -> str:
    return f"http://{LOCALHOST}:{server.port}"


def _raw(port: int, request: bytes) -> tuple[int, bytes]:
    """Send bytes exactly as given (no client-side path normalisation); status and body back."""
    with socket.create_connection((LOCALHOST, port), timeout=5.0) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


# --- serving -----------------------------------------------------------------------------------


def test_download_returns_exactly_the_published_bytes_with_safe_headers(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    url = server.publish(pdf)
    assert url.startswith(f"http://{LOCALHOST}:{server.port}/s/")
    assert server.port != 0

    response = client.get(url)

    assert response.status_code == 200
    assert response.content == pdf
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-length"] == str(len(pdf))
    assert response.headers["content-disposition"].startswith('inline; filename="VPAS-summary.pdf"')
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "python" not in response.headers["server"].lower()
    assert "/" not in response.headers["server"]  # no version of anything


def test_token_is_long_and_fresh_for_every_publish(server: ShareServer, pdf: bytes) -> None:
    tokens = {server.publish(pdf).rsplit("/", 1)[1] for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(token) >= 22 for token in tokens)  # 16 random bytes, base64url


def test_head_gives_the_headers_without_the_body(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    response = client.head(server.publish(pdf))
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str(len(pdf))
    assert response.headers["content-type"] == "application/pdf"


def test_trailing_slash_and_query_string_are_ignored(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    url = server.publish(pdf)
    assert client.get(url + "/").content == pdf
    assert client.get(url + "?utm=qr&x=1").content == pdf


def test_non_ascii_and_hostile_file_names_stay_inside_the_header(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    url = server.publish(pdf, filename='我的总结 "x";\r\nSet-Cookie: a=b.pdf')
    response = client.get(url)
    disposition = response.headers["content-disposition"]
    assert "set-cookie" not in response.headers
    assert disposition.startswith('inline; filename="')
    assert disposition.count('"') == 2
    assert "filename*=UTF-8''%E6%88%91%E7%9A%84" in disposition
    assert response.content == pdf


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/s",
        "/s/",
        "/s/../etc/passwd",
        "/etc/passwd",
        "/s/%2e%2e/%2e%2e/etc/passwd",
        "/favicon.ico",
        "/s/not-a-published-token",
        "/s/{token}/extra",
        "/s/{token}x",
        "/S/{token}",
        "/s//{token}",
        "/s/{token}%00",
        "/s/./{token}",
        "/x/../s/{token}",
    ],
)
def test_anything_but_a_live_share_is_a_tiny_plain_404(
    server: ShareServer, pdf: bytes, path: str
) -> None:
    token = server.publish(pdf).rsplit("/", 1)[1]
    status, body = _raw(server.port, f"GET {path.format(token=token)} HTTP/1.0\r\n\r\n".encode())
    assert status == 404
    assert body == b"404 Not Found\n"


def test_a_token_with_one_character_changed_is_404(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    url = server.publish(pdf)
    last = url[-1]
    forged = url[:-1] + ("A" if last != "A" else "B")
    assert client.get(url).status_code == 200
    response = client.get(forged)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/plain")
    assert pdf[:50] not in response.content


def test_a_link_works_until_its_lifetime_is_over(
    server: ShareServer, client: httpx.Client, clock: FakeClock, pdf: bytes
) -> None:
    url = server.publish(pdf)
    clock.advance(timedelta(minutes=14))
    assert client.get(url).status_code == 200
    clock.advance(timedelta(minutes=1))
    assert client.get(url).status_code == 404
    assert client.head(url).status_code == 404


def test_an_expired_link_is_404_before_any_cleanup_ran(
    server: ShareServer, client: httpx.Client, clock: FakeClock, pdf: bytes
) -> None:
    url = server.publish(pdf)
    clock.advance(timedelta(hours=1))
    assert client.get(url).status_code == 404  # no publish in between to clean up


def test_the_lifetime_is_configurable(client: httpx.Client, clock: FakeClock, pdf: bytes) -> None:
    with ShareServer(LOCALHOST, 0, elapsed=clock.elapsed, lifetime=timedelta(minutes=2)) as server:
        url = server.publish(pdf)
        clock.advance(timedelta(seconds=119))
        assert client.get(url).status_code == 200
        clock.advance(timedelta(seconds=1))
        assert client.get(url).status_code == 404


def test_publishing_drops_expired_shares(
    server: ShareServer, client: httpx.Client, clock: FakeClock, pdf: bytes
) -> None:
    old = server.publish(pdf)
    clock.advance(timedelta(minutes=16))
    server.publish(pdf)
    assert server.revoke(old) is False  # already gone, not merely hidden


def test_a_revoked_link_is_404(server: ShareServer, client: httpx.Client, pdf: bytes) -> None:
    by_url, by_token, kept = server.publish(pdf), server.publish(pdf), server.publish(pdf)
    assert server.revoke(by_url) is True
    assert server.revoke(by_token.rsplit("/", 1)[1]) is True
    assert server.revoke(by_url) is False
    assert server.revoke("http://example.org/nothing") is False
    assert client.get(by_url).status_code == 404
    assert client.get(by_token).status_code == 404
    assert client.get(kept).status_code == 200


def test_only_the_newest_max_shares_are_kept(
    client: httpx.Client, clock: FakeClock, pdf: bytes
) -> None:
    with ShareServer(LOCALHOST, 0, elapsed=clock.elapsed, max_shares=3) as server:
        urls = [server.publish(pdf + bytes([n])) for n in range(5)]
        statuses = [client.get(url).status_code for url in urls]
        assert statuses == [404, 404, 200, 200, 200]
        assert client.get(urls[4]).content == pdf + bytes([4])


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"])
def test_other_methods_are_refused(
    server: ShareServer, client: httpx.Client, pdf: bytes, method: str
) -> None:
    url = server.publish(pdf)
    response = client.request(method, url, content=b"x")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.content == b"405 Method Not Allowed\n"
    assert client.get(url).content == pdf  # nothing changed


def test_a_malformed_request_gets_a_plain_answer_and_no_stray_output(
    server: ShareServer, capfd: pytest.CaptureFixture[str]
) -> None:
    for request in (b"NONSENSE\r\n\r\n", b"GET /s/x HTTP/9.9\r\n\r\n", b"PUT /s/x\r\n\r\n"):
        status, body = _raw(server.port, request)
        assert status in (400, 505)
        assert body == f"{status} {HTTPStatus(status).phrase}\n".encode()
    assert capfd.readouterr() == ("", "")


def test_requests_leave_no_log_on_stderr(
    server: ShareServer, client: httpx.Client, pdf: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    client.get(server.publish(pdf))
    client.get(_base(server) + "/nothing")
    assert capfd.readouterr() == ("", "")


def test_a_stalled_phone_does_not_block_another(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    first, second = server.publish(pdf), server.publish(pdf[::-1])
    path = first.split(str(server.port), 1)[1]
    with socket.create_connection((LOCALHOST, server.port), timeout=5.0) as stalled:
        stalled.sendall(f"GET {path} HTTP/1.0\r\n".encode())  # headers not finished yet
        # A single-threaded server would still be waiting on the stalled phone here.
        assert client.get(second, timeout=2.0).content == pdf[::-1]
        stalled.sendall(b"\r\n")
        received = b""
        while chunk := stalled.recv(65536):
            received += chunk
    assert received.startswith(b"HTTP/1.0 200 ")
    assert received.endswith(pdf)


def test_many_downloads_at_once_each_get_their_own_pdf(
    server: ShareServer, client: httpx.Client, pdf: bytes
) -> None:
    bodies = [pdf + str(n).encode() for n in range(8)]
    urls = [server.publish(body) for body in bodies]
    with ThreadPoolExecutor(max_workers=8) as pool:
        received = list(pool.map(lambda url: client.get(url).content, urls))
    assert received == bodies


# --- lifecycle ---------------------------------------------------------------------------------


def test_stop_closes_the_port(clock: FakeClock, client: httpx.Client, pdf: bytes) -> None:
    server = ShareServer(LOCALHOST, 0, elapsed=clock.elapsed)
    server.start()
    url = server.publish(pdf)
    assert client.get(url).status_code == 200
    server.stop()
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        client.get(url)
    server.stop()  # idempotent


def test_stop_without_start_is_harmless(clock: FakeClock) -> None:
    server = ShareServer(LOCALHOST, 0, elapsed=clock.elapsed)
    server.stop()
    assert not server.running


def test_the_context_manager_stops_the_server(
    clock: FakeClock, client: httpx.Client, pdf: bytes
) -> None:
    with ShareServer(LOCALHOST, 0, elapsed=clock.elapsed) as server:
        url = server.publish(pdf)
        assert client.get(url).status_code == 200
    with pytest.raises(httpx.ConnectError):
        client.get(url)


def test_a_restarted_server_has_forgotten_the_old_shares(
    clock: FakeClock, client: httpx.Client, pdf: bytes
) -> None:
    blocker = socket.socket()
    blocker.bind((LOCALHOST, 0))
    port = blocker.getsockname()[1]
    blocker.close()
    server = ShareServer(LOCALHOST, port, elapsed=clock.elapsed)
    with server:
        url = server.publish(pdf)
    with server:
        assert server.port == port
        assert client.get(url).status_code == 404


def test_publishing_needs_a_running_server(clock: FakeClock, pdf: bytes) -> None:
    with pytest.raises(ShareError, match="not running"):
        ShareServer(LOCALHOST, 0, elapsed=clock.elapsed).publish(pdf)


def test_an_address_not_on_this_machine_is_one_clear_sentence(clock: FakeClock) -> None:
    server = ShareServer(NOT_THIS_MACHINE, 8080, elapsed=clock.elapsed)
    with pytest.raises(ShareError) as caught:
        server.start()
    message = str(caught.value)
    assert isinstance(caught.value, KioskError)
    assert f"{NOT_THIS_MACHINE}:8080" in message
    assert "does not belong to this machine" in message
    assert message.endswith(".") and "\n" not in message
    assert not server.running
    server.stop()


def test_a_port_in_use_is_one_clear_sentence(clock: FakeClock) -> None:
    with socket.socket() as blocker:
        blocker.bind((LOCALHOST, 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        server = ShareServer(LOCALHOST, port, elapsed=clock.elapsed)
        with pytest.raises(
            ShareError, match=rf"127\.0\.0\.1:{port} because port {port} is already"
        ):
            server.start()
        assert not server.running


def test_two_share_servers_cannot_share_a_port(clock: FakeClock) -> None:
    with (
        ShareServer(LOCALHOST, 0, elapsed=clock.elapsed) as first,
        pytest.raises(ShareError, match="already in use"),
    ):
        ShareServer(LOCALHOST, first.port, elapsed=clock.elapsed).start()


@pytest.mark.parametrize(
    ("port", "lifetime", "max_shares"),
    [(-1, timedelta(minutes=15), 50), (0, timedelta(0), 50), (0, timedelta(minutes=1), 0)],
)
def test_nonsense_settings_are_refused(
    clock: FakeClock, port: int, lifetime: timedelta, max_shares: int
) -> None:
    with pytest.raises(ValueError):
        ShareServer(
            LOCALHOST, port, elapsed=clock.elapsed, lifetime=lifetime, max_shares=max_shares
        )


# --- the Wi-Fi QR payload ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ssid", "password", "security", "expected"),
    [
        ("VTC Booth", "fair2026!", "WPA", "WIFI:T:WPA;S:VTC Booth;P:fair2026!;;"),
        ("Booth", "12345", "WEP", "WIFI:T:WEP;S:Booth;P:12345;;"),
        ("Open Booth", "ignored", "nopass", "WIFI:T:nopass;S:Open Booth;;"),
        ("a;b,c:d", 'p"q\\r', "WPA", 'WIFI:T:WPA;S:a\\;b\\,c\\:d;P:p\\"q\\\\r;;'),
        ("展位", "密码", "WPA", "WIFI:T:WPA;S:展位;P:密码;;"),
    ],
)
def test_wifi_payload(ssid: str, password: str, security: str, expected: str) -> None:
    assert wifi_qr_payload(ssid, password, security) == expected


def test_wifi_payload_defaults_to_wpa() -> None:
    assert wifi_qr_payload("Booth", "secret") == "WIFI:T:WPA;S:Booth;P:secret;;"


@pytest.mark.parametrize(
    ("ssid", "security", "message"),
    [("", "WPA", "must not be empty"), ("Booth", "WPA2", "one of WPA, WEP, nopass")],
)
def test_wifi_payload_refuses_nonsense(ssid: str, security: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        wifi_qr_payload(ssid, "secret", security)


@pytest.mark.parametrize(
    ("ssid", "password", "security"),
    [
        ("VTC Booth", "fair2026!", "WPA"),
        ('We;ird,:"\\', 'p;a,s:s"\\', "WPA"),
        ("展位 Wi-Fi", "密码 123", "WPA"),
        ("Open Booth", "", "nopass"),
    ],
)
def test_wifi_payload_survives_a_real_qr_code(ssid: str, password: str, security: str) -> None:
    payload = wifi_qr_payload(ssid, password, security)
    image = qrcode.make(payload).get_image().convert("L")
    (decoded,) = zxingcpp.read_barcodes(image)
    assert decoded.text == payload
    assert _parse_wifi(decoded.text) == _expected_fields(ssid, password, security)


def _parse_wifi(payload: str) -> dict[str, str]:
    """A strict reader of the `WIFI:` format: `KEY:value;` fields, `\\x` stands for x, and
    `;`, `,`, `:`, `"` and `\\` inside a value must be escaped."""
    assert payload.startswith("WIFI:") and payload.endswith(";;")
    fields: dict[str, str] = {}
    key: str | None = None
    current = ""
    escaped = False
    for char in payload[len("WIFI:") : -1]:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":" and key is None:
            key, current = current, ""
        elif char == ";":
            assert key is not None and key not in fields
            fields[key] = current
            key, current = None, ""
        else:
            assert char not in ',:"', f"unescaped {char!r} in {payload!r}"
            current += char
    assert key is None and current == "" and not escaped
    return fields


def _expected_fields(ssid: str, password: str, security: str) -> dict[str, str]:
    fields = {"T": security, "S": ssid}
    if security != "nopass":
        fields["P"] = password
    return fields


@given(
    ssid=st.text(min_size=1),
    password=st.text(),
    security=st.sampled_from(["WPA", "WEP", "nopass"]),
)
def test_wifi_escaping_round_trips(ssid: str, password: str, security: str) -> None:
    payload = wifi_qr_payload(ssid, password, security)
    assert _parse_wifi(payload) == _expected_fields(ssid, password, security)
