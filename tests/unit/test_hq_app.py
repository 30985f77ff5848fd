"""The HQ receiver over real HTTP: uvicorn on 127.0.0.1 (tests/receiver.py), httpx as the kiosk."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import delete
from sqlalchemy.engine import Engine

from kiosk import resources
from kiosk.hq import MAX_BATCH_LEADS, MAX_BODY_BYTES
from kiosk.hq.app import create_app, openapi_document
from kiosk.hq.models import HqLeadConflictRow, HqLeadRow
from kiosk.hq.store import CONFLICT_REASON, open_hq_db
from tests.receiver import ReceiverThread
from tests.unit.test_hq_store import held, lead, lead_id

TOKEN = "kiosk-token-7f3a"
OTHER_TOKEN = "second-token-for-sz"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
OPENAPI_FILE = resources.bundle_root() / "docs" / "hq-api.openapi.json"


# One receiver for the module (starting and stopping one takes a fifth of a second), emptied
# after each test.
@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    opened = open_hq_db(f"sqlite:///{tmp_path_factory.mktemp('hq') / 'hq.sqlite'}")
    yield opened
    opened.dispose()


@pytest.fixture(scope="module")
def receiver(engine: Engine) -> Iterator[ReceiverThread]:
    with ReceiverThread(create_app(engine, [TOKEN, OTHER_TOKEN])) as running:
        yield running


@pytest.fixture(autouse=True)
def empty_database(engine: Engine) -> Iterator[None]:
    yield
    with engine.begin() as connection:
        connection.execute(delete(HqLeadRow))
        connection.execute(delete(HqLeadConflictRow))


@pytest.fixture
def client(receiver: ReceiverThread) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=receiver.url, headers=AUTH) as opened:
        yield opened


def assert_error(response: httpx.Response, status: int, detail: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": detail}


def test_a_batch_is_answered_with_what_became_of_each_lead(
    client: httpx.Client, engine: Engine
) -> None:
    first = client.post("/v1/leads", json={"leads": [lead(1), lead(2)]})
    second = client.post(
        "/v1/leads",
        json={"leads": [lead(2), lead(1, name="陈小文"), lead(3, consent_transfer=False)]},
    )

    assert first.status_code == 200
    assert first.json() == {"stored": [lead_id(1), lead_id(2)], "already_had": [], "rejected": []}
    assert second.status_code == 200
    assert second.json() == {
        "stored": [],
        "already_had": [lead_id(2)],
        "rejected": [
            {"lead_id": lead_id(1), "code": "conflict", "reason": CONFLICT_REASON},
            {
                "lead_id": lead_id(3),
                "code": "invalid",
                "reason": "The lead is invalid: consent_transfer: must be true.",
            },
        ],
    }
    assert list(held(engine)) == [lead_id(1), lead_id(2)]


def test_every_token_the_receiver_was_given_works(receiver: ReceiverThread) -> None:
    with httpx.Client(base_url=receiver.url) as anonymous:
        response = anonymous.post(
            "/v1/leads",
            json={"leads": [lead(1)]},
            headers={"Authorization": f"Bearer {OTHER_TOKEN}"},
        )

    assert response.json()["stored"] == [lead_id(1)]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer 令牌".encode()},
    ],
)
def test_no_or_a_wrong_token_is_401_and_stores_nothing(
    receiver: ReceiverThread, engine: Engine, headers: dict[str, str | bytes]
) -> None:
    with httpx.Client(base_url=receiver.url) as anonymous:
        response = anonymous.post(
            "/v1/leads",
            content=json.dumps({"leads": [lead(1)]}).encode(),
            headers={"Content-Type": "application/json", **headers},
        )

    assert_error(response, 401, "A bearer token the receiver knows is required.")
    assert response.headers["www-authenticate"] == "Bearer"
    assert held(engine) == {}


def test_more_leads_than_a_batch_holds_is_413(client: httpx.Client, engine: Engine) -> None:
    leads = [lead(number) for number in range(1, MAX_BATCH_LEADS + 2)]

    response = client.post("/v1/leads", json={"leads": leads})

    assert_error(
        response, 413, f"The batch holds {MAX_BATCH_LEADS + 1} leads; send at most 500 at a time."
    )
    assert held(engine) == {}


def test_a_full_batch_is_taken(client: httpx.Client) -> None:
    leads = [lead(number) for number in range(1, MAX_BATCH_LEADS + 1)]

    response = client.post("/v1/leads", json={"leads": leads})

    assert len(response.json()["stored"]) == MAX_BATCH_LEADS


def padded(size: int) -> bytes:
    """An empty batch, padded with whitespace to exactly ``size`` bytes."""
    batch = b'{"leads": []}'
    return batch + b" " * (size - len(batch))


def in_pieces(body: bytes) -> Iterator[bytes]:
    """Sent chunked: the body declares no Content-Length."""
    for start in range(0, len(body), 64 * 1024):
        yield body[start : start + 64 * 1024]


TOO_LARGE = "The body is larger than 4,194,304 bytes; send fewer leads at a time."


def test_a_body_over_the_limit_is_413_by_its_length_or_as_it_comes(client: httpx.Client) -> None:
    by_length = client.post("/v1/leads", content=padded(MAX_BODY_BYTES + 1))
    chunked = client.post("/v1/leads", content=in_pieces(padded(MAX_BODY_BYTES + 1)))
    at_the_limit = client.post("/v1/leads", content=in_pieces(padded(MAX_BODY_BYTES)))

    assert_error(by_length, 413, TOO_LARGE)
    assert "content-length" not in chunked.request.headers
    assert_error(chunked, 413, TOO_LARGE)
    assert at_the_limit.json() == {"stored": [], "already_had": [], "rejected": []}


@pytest.mark.parametrize(
    "body",
    [b"", b"leads", b'{"leads": [', b'{"leads": [NaN]}', b"\xff\xfe\x00", b"[" * 100_000],
)
def test_a_body_that_is_not_json_is_400(client: httpx.Client, body: bytes) -> None:
    assert_error(client.post("/v1/leads", content=body), 400, "The body is not JSON.")


@pytest.mark.parametrize(
    "batch", [[], {"lead": []}, {"leads": {}}, {"leads": "all"}, "leads", None, 3]
)
def test_a_body_that_is_not_a_batch_is_422(client: httpx.Client, batch: object) -> None:
    response = client.post("/v1/leads", content=json.dumps(batch).encode())

    assert_error(response, 422, 'The body must be a JSON object with a "leads" array.')


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ([lead(2)], "is not a JSON object"),
        ({"name": "陈大文"}, "has no lead_id that is a lower-case UUID"),
        (lead(2, lead_id="not-a-uuid"), "has no lead_id that is a lower-case UUID"),
    ],
)
def test_an_item_without_a_lead_id_is_422_and_nothing_is_stored(
    client: httpx.Client, engine: Engine, item: object, problem: str
) -> None:
    response = client.post("/v1/leads", json={"leads": [lead(1), item]})

    assert_error(response, 422, f"Lead 2 of the batch {problem}, so nothing of it was stored.")
    assert held(engine) == {}


def test_a_request_fastapi_cannot_validate_is_one_sentence(engine: Engine) -> None:
    app = create_app(engine, [TOKEN])

    @app.get("/probe")
    def probe(count: int) -> int:
        return count

    with ReceiverThread(app) as running, httpx.Client(base_url=running.url) as client:
        response = client.get("/probe", params={"count": "many"})

    assert_error(
        response,
        422,
        "The request does not follow the receiver's API (docs/hq-api.openapi.json).",
    )


def test_a_failure_is_one_sentence_without_a_traceback(engine: Engine) -> None:
    app = create_app(engine, [TOKEN])

    @app.get("/fails")
    def fails() -> None:
        raise RuntimeError("secret internals")

    with ReceiverThread(app) as running, httpx.Client(base_url=running.url) as client:
        response = client.get("/fails")

    assert_error(response, 500, "The receiver failed on this request; send it again later.")


def test_health_needs_no_token(receiver: ReceiverThread) -> None:
    with httpx.Client(base_url=receiver.url) as anonymous:
        response = anonymous.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_and_a_batch_are_503_while_the_database_is_down(tmp_path: Path) -> None:
    directory = tmp_path / "hq"
    directory.mkdir()
    engine = open_hq_db(f"sqlite:///{directory / 'hq.sqlite'}")
    engine.dispose()
    directory.rename(tmp_path / "moved")  # the next connection finds no database
    try:
        with (
            ReceiverThread(create_app(engine, [TOKEN])) as running,
            httpx.Client(base_url=running.url, headers=AUTH) as client,
        ):
            health = client.get("/health")
            batch = client.post("/v1/leads", json={"leads": [lead(1)]})
    finally:
        engine.dispose()

    assert_error(health, 503, "The database does not answer.")
    assert_error(
        batch, 503, "The database could not store the batch just now; send it again later."
    )


def test_a_restarted_receiver_still_holds_what_it_stored(
    receiver: ReceiverThread, client: httpx.Client
) -> None:
    port = receiver.port
    client.post("/v1/leads", json={"leads": [lead(1)]})

    receiver.restart()
    response = client.post("/v1/leads", json={"leads": [lead(1), lead(2)]})

    assert receiver.port == port
    assert response.json() == {"stored": [lead_id(2)], "already_had": [lead_id(1)], "rejected": []}


def test_kiosks_sending_the_same_leads_at_once_get_each_stored_once(
    receiver: ReceiverThread, engine: Engine
) -> None:
    batch = {"leads": [lead(number) for number in range(1, 101)]}
    answers: list[dict[str, Any]] = []
    start = threading.Barrier(3)

    def send() -> None:
        with httpx.Client(base_url=receiver.url, headers=AUTH) as client:
            start.wait()
            answers.append(client.post("/v1/leads", json=batch).json())

    threads = [threading.Thread(target=send) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    ids = sorted(item["lead_id"] for item in batch["leads"])
    assert sorted(stored for answer in answers for stored in answer["stored"]) == ids
    assert all(sorted(a["stored"] + a["already_had"]) == ids for a in answers)
    assert len(held(engine)) == 100


def test_the_committed_openapi_document_is_what_the_app_describes() -> None:
    assert OPENAPI_FILE.read_text(encoding="utf-8") == openapi_document(), (
        "docs/hq-api.openapi.json is stale: run 'python -m kiosk.hq.app > docs/hq-api.openapi.json'"
    )


def test_the_openapi_document_describes_the_lead_and_every_answer() -> None:
    document = json.loads(openapi_document())
    post = document["paths"]["/v1/leads"]["post"]

    assert sorted(post["responses"]) == ["200", "400", "401", "413", "422", "503"]
    assert all(response["description"] for response in post["responses"].values())
    lead_schema = document["components"]["schemas"]["Lead"]
    assert set(lead_schema["required"]) == set(lead(1)) - {"synced_at"}
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
