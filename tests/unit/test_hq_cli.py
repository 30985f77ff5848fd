"""`kiosk leads import` and `kiosk hq serve`, as HQ's staff run them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kiosk import cli
from kiosk.hq.app import HQ_TOKENS_ENV
from kiosk.hq.store import HQ_DB_ENV, open_hq_db
from tests.unit.test_hq_store import exported_bundle, held, lead_id, lead_record

SERVE_START_TIMEOUT_S = 15.0


@pytest.fixture
def hq_db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hq.sqlite'}"


def held_ids(url: str) -> list[str]:
    engine = open_hq_db(url)
    try:
        return sorted(held(engine))
    finally:
        engine.dispose()


def test_importing_a_bundle_twice_stores_it_once(
    tmp_path: Path, hq_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = exported_bundle(tmp_path / "vpas-leads-GZ-01.jsonl", [lead_record(1), lead_record(2)])

    first = cli.main(["leads", "import", str(bundle), "--db", hq_db_url])
    second = cli.main(["leads", "import", str(bundle), "--db", hq_db_url])

    assert (first, second) == (0, 0)
    assert capsys.readouterr().out.splitlines() == [
        "vpas-leads-GZ-01.jsonl: 2 leads: 2 stored, 0 already held, 0 rejected",
        "vpas-leads-GZ-01.jsonl: 2 leads: 0 stored, 2 already held, 0 rejected",
    ]
    assert held_ids(hq_db_url) == [lead_id(1), lead_id(2)]


def test_conflicts_and_invalid_leads_are_listed_with_their_reasons(
    tmp_path: Path, hq_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = exported_bundle(tmp_path / "day1.jsonl", [lead_record(1)])
    later = exported_bundle(
        tmp_path / "day2.jsonl",
        [lead_record(1, name="陈小文"), lead_record(2, consent_contact=False), lead_record(3)],
    )

    code = cli.main(["leads", "import", str(first), str(later), "--db", hq_db_url])

    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        "day1.jsonl: 1 lead: 1 stored, 0 already held, 0 rejected",
        "day2.jsonl: 3 leads: 1 stored, 0 already held, 2 rejected",
        f"  {lead_id(1)} conflict: HQ already holds this lead with other content; this version "
        "was kept aside for a person to compare.",
        f"  {lead_id(2)} invalid: The lead is invalid: consent_contact: must be true.",
    ]


def test_a_refused_bundle_is_one_sentence_and_exit_2_while_the_others_are_imported(
    tmp_path: Path, hq_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = exported_bundle(tmp_path / "tampered.jsonl", [lead_record(1)])
    tampered.write_bytes(tampered.read_bytes().replace(b"GZ-01", b"GZ-02"))
    good = exported_bundle(tmp_path / "good.jsonl", [lead_record(2)])
    missing = tmp_path / "missing.jsonl"

    code = cli.main(["leads", "import", str(tampered), str(missing), str(good), "--db", hq_db_url])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines() == [
        "kiosk: The bundle tampered.jsonl does not match its checksum, so none of it was imported.",
        f"kiosk: Cannot read {missing}: No such file or directory.",
    ]
    assert captured.out.splitlines() == ["good.jsonl: 1 lead: 1 stored, 0 already held, 0 rejected"]
    assert held_ids(hq_db_url) == [lead_id(2)]


def test_import_uses_kiosk_hq_db_else_a_file_in_the_data_directory(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = exported_bundle(tmp_path / "gz.jsonl", [lead_record(1)])
    monkeypatch.delenv(HQ_DB_ENV, raising=False)

    assert cli.main(["leads", "import", str(bundle)]) == 0

    assert held_ids(f"sqlite:///{data_dir / 'hq-leads.sqlite'}") == [lead_id(1)]


def test_import_into_a_database_that_cannot_be_opened_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = exported_bundle(tmp_path / "gz.jsonl", [lead_record(1)])

    code = cli.main(["leads", "import", str(bundle), "--db", "oracle://hq@db/hq"])

    assert code == 2
    assert capsys.readouterr().err == (
        "kiosk: The HQ database must be PostgreSQL or SQLite, not oracle.\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "The receiver needs at least one token: give --token or set KIOSK_HQ_TOKENS."),
        (["--token", "a,b"], "A token cannot be empty, hold a comma or start or end with a space."),
        (["--token", " a"], "A token cannot be empty, hold a comma or start or end with a space."),
        (["--token", "t", "--workers", "0"], "The receiver needs at least one worker."),
        (
            ["--token", "t", "--ssl-certfile", "cert.pem"],
            "Give both --ssl-certfile and --ssl-keyfile, or neither.",
        ),
        (
            ["--token", "t", "--ssl-certfile", "cert.pem", "--ssl-keyfile", "key.pem"],
            "Cannot read cert.pem or key.pem: No such file or directory.",
        ),
    ],
)
def test_serve_refuses_to_start_without_what_it_needs(
    arguments: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(HQ_TOKENS_ENV, raising=False)

    assert cli.main(["hq", "serve", *arguments]) == 2

    assert capsys.readouterr().err == f"kiosk: {message}\n"


def test_serve_refuses_a_certificate_it_cannot_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    certificate.write_text("not a certificate")
    key.write_text("not a key")
    arguments = ["--ssl-certfile", str(certificate), "--ssl-keyfile", str(key)]

    assert cli.main(["hq", "serve", "--token", "t", *arguments]) == 2

    assert capsys.readouterr().err == (
        f"kiosk: {certificate} and {key} are not a PEM certificate and its unencrypted private "
        "key.\n"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_takes_batches_and_stops_cleanly_on_ctrl_c(hq_db_url: str, workers: int) -> None:
    port = free_port()
    command = [sys.executable, "-m", "kiosk", "hq", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--db", hq_db_url]
    # The token from the environment, as the help recommends (the process list shows arguments).
    environment = {**os.environ, HQ_TOKENS_ENV: "first-token, second-token"}
    with subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as server:
        try:
            assert server.stdout is not None
            assert server.stdout.readline() == (
                f"HQ receiver: kiosks sync to http://127.0.0.1:{port}/v1/leads "
                f"(database {hq_db_url})\n"
            )
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
                deadline = time.monotonic() + SERVE_START_TIMEOUT_S
                while True:
                    try:
                        client.get("/health").raise_for_status()
                        break
                    except httpx.HTTPError:
                        assert time.monotonic() < deadline, "the receiver did not start"
                        time.sleep(0.05)
                answer = client.post(
                    "/v1/leads",
                    json={"leads": [lead_record(1).to_json()]},
                    headers={"Authorization": "Bearer second-token"},
                )
            server.send_signal(signal.SIGINT)
            _, errors = server.communicate(timeout=SERVE_START_TIMEOUT_S)
        finally:
            if server.poll() is None:
                server.kill()
                server.communicate()

    assert answer.json() == {"stored": [lead_id(1)], "already_had": [], "rejected": []}
    assert server.returncode == 0, errors
    assert "Traceback" not in errors
    assert held_ids(hq_db_url) == [lead_id(1)]
