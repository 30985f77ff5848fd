"""The relay's real transport against the real receiver over loopback: HTTPS with a certificate
the kiosk must verify, and each of HQ's answers turned into what the relay does next; then
`kiosk leads sync` from the command line."""

from __future__ import annotations

import ipaddress
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.engine import Engine

from kiosk import cli, resources
from kiosk.data.leads_db import open_leads_db
from kiosk.hq.app import create_app
from kiosk.lead_vault import LeadSealer
from kiosk.leads import write_leads
from kiosk.settings import load_settings, save_settings
from kiosk.sync import (
    BatchTooLarge,
    HttpTransport,
    SyncRefused,
    SyncUnreachable,
    outbox_counts,
    sync_pending,
)
from tests.fault_proxy import Fault, FaultProxy, always
from tests.hq_fixtures import HQ_TOKEN, hq_leads, sync_url
from tests.receiver import ReceiverThread
from tests.staff import STAFF_PASSPHRASE, MovableClock, many_leads


@pytest.fixture
def kiosk(staffed_engine: Engine) -> Engine:
    return staffed_engine


def _self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as a private HQ might have."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "VPAS HQ test")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certfile, keyfile = directory / "hq.pem", directory / "hq.key"
    certfile.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certfile, keyfile


def test_leads_go_over_https_to_a_receiver_the_kiosk_trusts(
    kiosk: Engine, hq_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    certfile, keyfile = _self_signed(tmp_path)
    sealer = LeadSealer(kiosk)
    write_leads(kiosk, sealer, many_leads(3))
    app = create_app(hq_engine, [HQ_TOKEN])
    with ReceiverThread(app, ssl_certfile=certfile, ssl_keyfile=keyfile) as receiver:
        url = sync_url(receiver.url)
        assert url.startswith("https://127.0.0.1:")
        # Not trusted: the certificate is refused and nothing is sent.
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        untrusting = HttpTransport(url, HQ_TOKEN)
        with pytest.raises(SyncUnreachable, match="ConnectError"):
            sync_pending(kiosk, sealer, untrusting, MovableClock())
        untrusting.close()
        assert hq_leads(hq_engine) == {}
        # Trusted through SSL_CERT_FILE, as the README tells installers.
        monkeypatch.setenv("SSL_CERT_FILE", str(certfile))
        trusting = HttpTransport(url, HQ_TOKEN)
        assert sync_pending(kiosk, sealer, trusting, MovableClock()).stored == 3
        trusting.close()
    assert len(hq_leads(hq_engine)) == 3


def test_hqs_answers_become_what_the_relay_does_next(
    kiosk: Engine, hq_engine: Engine, hq_receiver: ReceiverThread
) -> None:
    sealer = LeadSealer(kiosk)
    write_leads(kiosk, sealer, many_leads(600))
    lead = [{"lead_id": "00000000-0000-4000-8000-000000000000"}]
    wrong_token = HttpTransport(sync_url(hq_receiver.url), "not-the-token")
    with pytest.raises(SyncRefused, match="token"):
        wrong_token.send(lead)
    wrong_token.close()
    wrong_path = HttpTransport(hq_receiver.url + "/leads", HQ_TOKEN)
    with pytest.raises(SyncRefused, match="check the sync address"):
        wrong_path.send(lead)
    wrong_path.close()
    transport = HttpTransport(sync_url(hq_receiver.url), HQ_TOKEN)
    with pytest.raises(BatchTooLarge):
        transport.send(lead * 501)
    # A batch of 600 is too large for HQ (500 at most): the relay halves it and goes on.
    report = sync_pending(kiosk, sealer, transport, MovableClock(), batch_size=600)
    assert report.stored == 600 and len(hq_leads(hq_engine)) == 600
    with FaultProxy(hq_receiver.url, always(Fault.HTTP_500)) as proxy:
        failing = HttpTransport(sync_url(proxy.url), HQ_TOKEN)
        with pytest.raises(SyncUnreachable, match="500"):
            failing.send(lead)
        failing.close()
    hq_receiver.stop()
    with pytest.raises(SyncUnreachable, match="ConnectError"):
        transport.send(lead)
    transport.close()


def _kiosk_settings(url: str) -> None:
    engine = open_leads_db(resources.leads_db_path())
    save_settings(engine, replace(load_settings(engine), sync_url=url, sync_token=HQ_TOKEN))
    engine.dispose()


def test_kiosk_leads_sync_sends_what_waits_and_says_so(
    kiosk: Engine,
    hq_engine: Engine,
    hq_receiver: ReceiverThread,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_leads(kiosk, LeadSealer(kiosk), many_leads(250))
    _kiosk_settings(sync_url(hq_receiver.url))
    monkeypatch.setenv(cli.PASSPHRASE_ENV, STAFF_PASSPHRASE)
    assert cli.main(["leads", "sync"]) == 0
    out = capsys.readouterr().out
    assert "Sent 250 lead(s) to HQ: 250 stored, 0 already held, 0 rejected; 0 still waiting." in out
    assert len(hq_leads(hq_engine)) == 250 and outbox_counts(kiosk).waiting == 0
    assert cli.main(["leads", "sync"]) == 0
    assert capsys.readouterr().out.startswith("Nothing to send: HQ holds every lead")


def test_kiosk_leads_sync_says_in_one_sentence_when_hq_is_away(
    kiosk: Engine,
    hq_receiver: ReceiverThread,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_leads(kiosk, LeadSealer(kiosk), many_leads(3))
    monkeypatch.setenv(cli.PASSPHRASE_ENV, STAFF_PASSPHRASE)
    monkeypatch.setattr(cli, "SYNC_ATTEMPTS", 2)
    url = sync_url(hq_receiver.url)
    hq_receiver.stop()
    assert cli.main(["leads", "sync", "--url", url]) == 2
    err = capsys.readouterr().err
    assert err == (
        "kiosk: HQ could not be reached (ConnectError); 3 lead(s) are still waiting: "
        "try again later.\n"
    )
    assert cli.main(["leads", "sync", "--url", "http://hq.example.org/v1/leads"]) == 2
    assert "must start with https://" in capsys.readouterr().err
    assert cli.main(["leads", "sync"]) == 2  # no address set, none given
    assert "No sync address is set" in capsys.readouterr().err
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase")
    assert cli.main(["leads", "sync", "--url", url]) == 2
    assert capsys.readouterr().err == "kiosk: The staff passphrase is not right.\n"
