"""The fault proxy (tests/fault_proxy.py) does what each fault says, seen from both sides.

The client is httpx (as the kiosk relay); the upstream is a tiny real HTTP/1.1 server counting
the requests that reach it.
"""

from __future__ import annotations

import gc
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.fault_proxy import (
    FAULTS,
    Fault,
    FaultProxy,
    RandomFaults,
    always,
    iter_faults,
    scripted,
)

LEADS = "/v1/leads"


class Upstream(ThreadingHTTPServer):
    """Answers every POST with how many POSTs it has had and the body it got."""

    daemon_threads = False  # so server_close() joins the handler threads: none left running

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _UpstreamHandler)
        self.lock = threading.Lock()
        self.bodies: list[bytes] = []
        self.headers_seen: list[dict[str, str]] = []
        # A short poll interval: shutdown() waits for the loop's next poll (0.5 s by default).
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.socket.getsockname()[:2]
        return host, port

    @property
    def posts(self) -> int:
        with self.lock:
            return len(self.bodies)

    def start(self) -> Upstream:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join()


class _UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Upstream

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.server.lock:
            self.server.bodies.append(body)
            self.server.headers_seen.append({k.lower(): v for k, v in self.headers.items()})
            number = len(self.server.bodies)
        answer = json.dumps({"received": number, "echo": body.decode()}).encode()
        if self.path == "/chunked":  # an answer framed with Transfer-Encoding: chunked
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            half = len(answer) // 2
            for part in (answer[:half], answer[half:], b""):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
        elif self.path == "/until-close":  # no length at all: the body ends with the connection
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(answer)
            self.close_connection = True
        else:
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet tests


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(autouse=True)
def no_leftovers() -> Iterator[None]:
    """Every thread the test started is gone, and no socket was left for the GC to close."""
    before = set(threading.enumerate())
    yield
    gc.collect()  # an unclosed socket's ResourceWarning surfaces here, in this test
    assert [t.name for t in threading.enumerate() if t not in before and t.is_alive()] == []


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream().start()
    yield server
    server.stop()


@pytest.fixture
def proxy(upstream: Upstream) -> Iterator[FaultProxy]:
    with FaultProxy(upstream.address, stall_seconds=30) as running:
        yield running


@pytest.fixture
def client(proxy: FaultProxy) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=proxy.url, timeout=5) as opened:
        yield opened


def post(client: httpx.Client, lead: int = 1, path: str = LEADS) -> httpx.Response:
    return client.post(path, json={"leads": [lead]})


def test_none_forwards_and_returns_the_upstream_answer(
    proxy: FaultProxy, client: httpx.Client, upstream: Upstream
) -> None:
    response = post(client, 7)
    assert response.status_code == 201
    assert response.json() == {"received": 1, "echo": '{"leads":[7]}'}
    assert upstream.posts == 1
    assert upstream.headers_seen[0]["content-type"] == "application/json"
    assert upstream.headers_seen[0]["connection"] == "close"  # one upstream connection each
    assert proxy.counts()["none"] == 1
    assert proxy.counts()["upstream_requests"] == 1


def test_keep_alive_serves_several_requests_on_one_client_connection(
    proxy: FaultProxy, client: httpx.Client, upstream: Upstream
) -> None:
    proxy.policy = scripted(Fault.NONE, Fault.HTTP_500, Fault.DUPLICATE)
    statuses = [post(client, lead).status_code for lead in range(6)]
    assert statuses == [201, 500, 201, 201, 201, 201]
    counts = proxy.counts()
    assert counts["connections"] == 1  # a 500 keeps the connection, as a real server does
    assert counts["requests"] == 6
    assert upstream.posts == 6  # 6 requests, one not forwarded, one forwarded twice


def test_a_client_asking_to_close_gets_a_new_connection_each_time(
    proxy: FaultProxy, client: httpx.Client
) -> None:
    for lead in range(3):
        response = client.post(LEADS, json={"leads": [lead]}, headers={"Connection": "close"})
        assert response.status_code == 201
        assert response.headers["connection"] == "close"
    assert proxy.counts()["connections"] == 3


def test_http_500_answers_without_forwarding(
    proxy: FaultProxy, client: httpx.Client, upstream: Upstream
) -> None:
    proxy.policy = always(Fault.HTTP_500)
    response = post(client)
    assert response.status_code == 500
    assert response.headers["x-fault-proxy"] == "500"
    assert upstream.posts == 0
    assert proxy.counts()["http_500"] == 1


def test_timeout_holds_the_request_until_the_client_gives_up(
    proxy: FaultProxy, upstream: Upstream
) -> None:
    proxy.policy = always(Fault.TIMEOUT)
    with httpx.Client(base_url=proxy.url, timeout=0.2) as impatient:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            post(impatient)
        assert 0.2 <= time.monotonic() - started < 2
    assert upstream.posts == 0
    assert proxy.counts()["timeout"] == 1
    started = time.monotonic()
    proxy.stop()  # cuts the 30-second stall short
    assert time.monotonic() - started < 2


def test_timeout_closes_the_connection_after_the_stall(
    proxy: FaultProxy, upstream: Upstream
) -> None:
    proxy.stall_seconds = 0.2
    proxy.policy = always(Fault.TIMEOUT)
    with (
        httpx.Client(base_url=proxy.url, timeout=5) as patient,
        pytest.raises(httpx.RemoteProtocolError, match="disconnected"),
    ):
        post(patient)
    assert upstream.posts == 0


def test_reset_before_resets_without_forwarding(
    proxy: FaultProxy, client: httpx.Client, upstream: Upstream
) -> None:
    proxy.policy = always(Fault.RESET_BEFORE)
    with pytest.raises(httpx.ReadError):  # ECONNRESET while waiting for the answer
        post(client)
    assert upstream.posts == 0
    assert proxy.counts()["reset_before"] == 1


def test_reset_after_commit_forwards_then_loses_the_answer(
    proxy: FaultProxy, client: httpx.Client, upstream: Upstream
) -> None:
    proxy.policy = scripted(Fault.RESET_AFTER_COMMIT)
    with pytest.raises(httpx.ReadError):
        post(client, 3)
    assert upstream.bodies == [b'{"leads":[3]}']  # the receiver got it and answered
    # The client's retry works, on a new connection; the receiver now has it twice.
    assert post(client, 3).json()["received"] == 2
    assert proxy.counts()["connections"] == 2


def test_duplicate_sends_two_upstream_requests_and_returns_the_second_answer(
    proxy: FaultProxy, client: httpx.Client, upstream: Upstream
) -> None:
    proxy.policy = always(Fault.DUPLICATE)
    response = post(client, 9)
    assert response.status_code == 201
    assert response.json()["received"] == 2
    assert upstream.bodies == [b'{"leads":[9]}'] * 2
    assert proxy.counts()["duplicate"] == 1
    assert proxy.counts()["upstream_requests"] == 2


def test_an_upstream_that_is_down_gives_502_until_it_is_back() -> None:
    port = _free_port()  # nothing listens there: the receiver is restarting
    with (
        FaultProxy(f"127.0.0.1:{port}") as proxy,
        httpx.Client(base_url=proxy.url, timeout=5) as client,
    ):
        response = post(client)
        assert response.status_code == 502
        assert response.headers["x-fault-proxy"] == "502"
        assert proxy.counts()["upstream_down"] == 1
        upstream = Upstream(port).start()
        try:
            assert post(client).status_code == 201  # same client connection, upstream back
        finally:
            upstream.stop()
        assert proxy.counts()["connections"] == 1


def test_bodies_and_answers_in_every_framing(proxy: FaultProxy, client: httpx.Client) -> None:
    # A chunked request body (httpx streams an iterator) reaches the upstream with a length.
    response = client.post(LEADS, content=iter([b'{"leads":', b"[1]}"]))
    assert response.json()["echo"] == '{"leads":[1]}'
    # A chunked answer, and one whose body ends with the upstream's connection, both arrive.
    assert post(client, 2, "/chunked").json()["echo"] == '{"leads":[2]}'
    assert post(client, 3, "/until-close").json()["echo"] == '{"leads":[3]}'
    assert proxy.counts()["connections"] == 1  # and the client connection stays usable


def test_garbage_gets_400_and_a_closed_connection(proxy: FaultProxy) -> None:
    with socket.create_connection(proxy.address) as raw:
        raw.sendall(b"NONSENSE\r\n\r\n")
        answer = b""
        while chunk := raw.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert proxy.counts()["bad_requests"] == 1


def test_stop_closes_idle_connections_and_the_listening_socket(
    proxy: FaultProxy, client: httpx.Client
) -> None:
    assert post(client).status_code == 201  # leaves an idle keep-alive connection
    started = time.monotonic()
    proxy.stop()
    assert time.monotonic() - started < 1
    with pytest.raises(httpx.ConnectError):
        post(client)
    proxy.stop()  # idempotent


def test_random_faults_under_concurrent_clients_add_up(
    proxy: FaultProxy, upstream: Upstream
) -> None:
    """Whatever the mix, the upstream sees exactly what the counters say was forwarded."""
    proxy.policy = RandomFaults(rate=0.5, seed=11)  # the fixture's 30 s stall > 0.5 s timeout
    outcomes: list[str] = []

    def relay(worker: int) -> None:
        with httpx.Client(base_url=proxy.url, timeout=0.5) as own:
            for lead in range(10):
                try:
                    outcomes.append(str(post(own, worker * 100 + lead).status_code))
                except httpx.HTTPError as error:
                    outcomes.append(type(error).__name__)

    workers = [threading.Thread(target=relay, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    proxy.stop()  # so stalled requests are over and every counter is final
    counts = proxy.counts()
    assert counts["requests"] == len(outcomes) == 40
    assert sum(counts[fault.value] for fault in Fault) == 40
    assert counts["none"] < 40  # with rate 0.5 and this seed some faults happened
    assert upstream.posts == (
        counts["none"] + counts["reset_after_commit"] + 2 * counts["duplicate"]
    )
    assert outcomes.count("500") == counts["http_500"]
    assert outcomes.count("ReadTimeout") == counts["timeout"]
    assert outcomes.count("ReadError") == counts["reset_before"] + counts["reset_after_commit"]


def test_random_faults_are_reproducible_and_uniform() -> None:
    policy = RandomFaults(rate=0.3, seed=42)
    faults = list(iter_faults(policy, 6000))
    assert faults == list(iter_faults(RandomFaults(rate=0.3, seed=42), 6000))
    assert faults != list(iter_faults(RandomFaults(rate=0.3, seed=43), 6000))
    faulty: list[Fault] = [fault for fault in faults if fault is not Fault.NONE]
    assert abs(len(faulty) / len(faults) - 0.3) < 0.03
    expected = len(faulty) / len(FAULTS)
    for kind in FAULTS:
        assert abs(faulty.count(kind) - expected) < 0.2 * expected, kind
    assert set(iter_faults(RandomFaults(rate=0.0), 500)) == {Fault.NONE}
    assert Fault.NONE not in set(iter_faults(RandomFaults(rate=1.0), 500))
    only = RandomFaults(rate=1.0, kinds=(Fault.DUPLICATE,))
    assert set(iter_faults(only, 50)) == {Fault.DUPLICATE}
    with pytest.raises(ValueError, match="rate"):
        RandomFaults(rate=1.5)
    with pytest.raises(ValueError, match="NONE"):
        RandomFaults(rate=0.5, kinds=(Fault.NONE,))
