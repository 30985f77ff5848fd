"""HQ's store: each lead_id held once, resends harmless, other versions kept aside, bundles
imported whole or not at all.

Every test runs against ``hq_db_url``: a fresh SQLite file here; parametrise the fixture to run
them all on PostgreSQL as well.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import uuid
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.errors import KioskError
from kiosk.events import Event
from kiosk.export import BUNDLE_FORMAT, BundleError, ExportFormat, ExportSource, export_leads
from kiosk.hq.models import HqLeadConflictRow, HqLeadRow
from kiosk.hq.store import (
    CONFLICT_REASON,
    HQ_DB_ENV,
    BatchResult,
    BundleImport,
    Rejection,
    default_hq_db_url,
    import_bundles,
    open_hq_db,
    receive_leads,
)
from kiosk.hq.wire import MalformedBatch, content_sha256
from kiosk.lead_records import LeadRecord
from tests.lead_samples import lead_id, sample_record

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
EVENT = Event("event-gz-2026", "广州国际教育展", "广州", date(2026, 3, 14), date(2026, 3, 16))
SOURCE = ExportSource(kiosk_id="GZ-01", device_id="device-7f3a", event=EVENT)
UPPER_CASE_ID = "A5F1C2D0-3B4E-4F6A-8B7C-9D0E1F2A3B4C"


def lead_record(number: int = 1, **changes: Any) -> LeadRecord:
    values: dict[str, Any] = {
        "created_at": "2026-03-14T01:15:00.123+00:00",
        "kiosk_id": "GZ-01",
        "event_id": EVENT.event_id,
        "event_name": EVENT.name,
        "wechat_id": None,
        "stage": "senior_secondary_3",
        "programme_codes": ("C1", "C2"),
        "age_group": "18_or_over",
        "notice_version": "notice-3f2a",
        "eligibility": {"outcome": "likely_eligible", "rules_version": "2025-12"},
    }
    values.update(changes)
    return sample_record(number, **values)


def lead(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A lead as a kiosk sends it (``LeadRecord.to_json``); ``changes`` may break its types."""
    values = lead_record(number).to_json()
    values.update(changes)
    return values


def stored_form(values: dict[str, Any]) -> dict[str, Any]:
    """What HQ keeps of a lead: its fields without ``synced_at``."""
    return {f.name: values[f.name] for f in fields(LeadRecord) if f.name != "synced_at"}


def write_bundle(path: Path, leads: list[Any]) -> Path:
    """A bundle as ``read_bundle`` expects one, holding whatever lines it is given."""
    lines = b"".join(
        (json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n").encode() for item in leads
    )
    manifest = {
        "format": BUNDLE_FORMAT,
        "count": len(leads),
        "sha256": hashlib.sha256(lines).hexdigest(),
    }
    path.write_bytes((json.dumps({"manifest": manifest}) + "\n").encode() + lines)
    return path


def exported_bundle(path: Path, records: list[LeadRecord]) -> Path:
    return export_leads(records, len(records), ExportFormat.JSONL, path, SOURCE, now=NOW).path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def hq_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty HQ database for each test: a laptop's SQLite file, and a new database on
    the suite's own PostgreSQL server (skipped, loudly, where PostgreSQL is not installed)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite'}"
    else:
        yield request.getfixturevalue("fresh_postgres_url")


@pytest.fixture
def engine(hq_db_url: str) -> Iterator[Engine]:
    opened = open_hq_db(hq_db_url)
    yield opened
    opened.dispose()


def held(engine: Engine) -> dict[str, dict[str, Any]]:
    with engine.connect() as connection:
        return dict(connection.execute(select(HqLeadRow.lead_id, HqLeadRow.lead)).all())


def set_aside(engine: Engine) -> list[tuple[str, dict[str, Any]]]:
    query = select(HqLeadConflictRow.lead_id, HqLeadConflictRow.lead).order_by(HqLeadConflictRow.id)
    with engine.connect() as connection:
        return [(row.lead_id, row.lead) for row in connection.execute(query)]


def test_new_leads_are_stored_with_their_columns_and_a_resend_is_already_had(
    engine: Engine,
) -> None:
    batch = [lead(1), lead(2), lead(3, phone_e164=None, wechat_id="chan_dw")]

    first = receive_leads(engine, batch, "sync", NOW)
    again = receive_leads(engine, batch, "sync", NOW)

    assert first == BatchResult([lead_id(1), lead_id(2), lead_id(3)], [], [])
    assert again == BatchResult([], [lead_id(1), lead_id(2), lead_id(3)], [])
    assert first.to_json() == {
        "stored": [lead_id(1), lead_id(2), lead_id(3)],
        "already_had": [],
        "rejected": [],
    }
    assert held(engine) == {item["lead_id"]: stored_form(item) for item in batch}
    assert set_aside(engine) == []
    with Session(engine) as session:
        row = session.get_one(HqLeadRow, lead_id(1))
    assert row.source == "sync"
    assert row.received_at == NOW
    assert row.created_at == datetime(2026, 3, 14, 1, 15, 0, 123000, tzinfo=UTC)
    assert (row.kiosk_id, row.device_id, row.event_id) == ("GZ-01", "device-7f3a", EVENT.event_id)
    assert row.content_sha256 == content_sha256(stored_form(batch[0]))


def test_synced_at_and_unknown_keys_are_ignored(engine: Engine) -> None:
    receive_leads(engine, [lead(1, synced_at=None)], "sync", NOW)

    resent = receive_leads(
        engine, [lead(1, synced_at="2026-03-14T02:00:00.000+00:00", added_later=1)], "sync", NOW
    )

    assert resent.already_had == [lead_id(1)]
    assert "synced_at" not in held(engine)[lead_id(1)]


def test_other_content_is_kept_aside_once_and_the_first_version_stays(engine: Engine) -> None:
    original, changed, changed_again = lead(1), lead(1, name="陈小文"), lead(1, school=None)
    receive_leads(engine, [original], "sync", NOW)

    answers = [
        receive_leads(engine, [changed], "sync", NOW),
        receive_leads(engine, [changed, changed], "bundle b.jsonl", NOW),
        receive_leads(engine, [changed_again], "sync", NOW),
    ]

    conflict = Rejection(lead_id(1), "conflict", CONFLICT_REASON)
    assert [answer.rejected for answer in answers] == [[conflict], [conflict, conflict], [conflict]]
    assert all(answer.stored == answer.already_had == [] for answer in answers)
    assert held(engine) == {lead_id(1): stored_form(original)}
    assert set_aside(engine) == [
        (lead_id(1), stored_form(changed)),
        (lead_id(1), stored_form(changed_again)),
    ]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"consent_contact": False}, "consent_contact: must be true"),
        ({"consent_transfer": None}, "consent_transfer: input should be a valid boolean"),
        ({"consent_news": 1}, "consent_news: input should be a valid boolean"),
        ({"intake_year": "2026"}, "intake_year: input should be a valid integer"),
        ({"intake_year": True}, "intake_year: input should be a valid integer"),
        ({"programme_codes": ["C1", 2]}, "programme_codes.1: input should be a valid string"),
        ({"eligibility": "likely"}, "eligibility: input should be a valid dictionary"),
        ({"name": ""}, "name: string should have at least 1 character"),
        ({"phone_e164": "13812345678"}, "phone_e164: string should match pattern"),
        ({"created_at": "2026-03-14T01:15:00"}, "created_at: must carry its UTC offset"),
        ({"created_at": "yesterday"}, "created_at: must be an ISO 8601 time"),
        (
            {"phone_e164": None, "email": None, "wechat_id": ""},
            "the lead has no phone_e164, email or wechat_id",
        ),
        (
            {"age_group": "under_14", "guardian_consent": None},
            "guardian_consent must be true for a visitor under 14",
        ),
    ],
)
def test_an_invalid_lead_is_rejected_with_the_rule_it_breaks(
    engine: Engine, changes: dict[str, Any], reason: str
) -> None:
    result = receive_leads(engine, [lead(1, **changes), lead(2)], "sync", NOW)

    assert result.stored == [lead_id(2)]
    [rejection] = result.rejected
    assert (rejection.lead_id, rejection.code) == (lead_id(1), "invalid")
    assert rejection.reason.startswith("The lead is invalid: ")
    assert reason in rejection.reason
    assert rejection.reason.endswith(".") and "\n" not in rejection.reason
    assert list(held(engine)) == [lead_id(2)]


def test_a_missing_field_is_named_and_every_problem_is_in_one_sentence(engine: Engine) -> None:
    broken = lead(1, intake_year=2026.0, consent_contact="yes")
    del broken["region"]

    [rejection] = receive_leads(engine, [broken], "sync", NOW).rejected

    assert rejection.reason == (
        "The lead is invalid: region is missing; intake_year: input should be a valid integer; "
        "consent_contact: input should be a valid boolean."
    )


def test_duplicates_in_one_batch_are_stored_once(engine: Engine) -> None:
    batch = [lead(1), lead(2), lead(1), lead(1, name="陈小文"), lead(1)]

    result = receive_leads(engine, batch, "sync", NOW)

    assert result.stored == [lead_id(1), lead_id(2)]
    assert result.already_had == [lead_id(1), lead_id(1)]
    assert result.rejected == [Rejection(lead_id(1), "conflict", CONFLICT_REASON)]
    assert held(engine)[lead_id(1)] == stored_form(lead(1))
    assert set_aside(engine) == [(lead_id(1), stored_form(lead(1, name="陈小文")))]


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ("a lead", "is not a JSON object"),
        ({"name": "陈大文"}, "has no lead_id that is a lower-case UUID"),
        (lead(2, lead_id=UPPER_CASE_ID), "has no lead_id that is a lower-case UUID"),
        (lead(2, lead_id=lead_id(2) + "\n"), "has no lead_id that is a lower-case UUID"),
        (lead(2, lead_id="{" + lead_id(2) + "}"), "has no lead_id that is a lower-case UUID"),
        (lead(2, lead_id=7), "has no lead_id that is a lower-case UUID"),
    ],
)
def test_an_item_without_a_lead_id_refuses_the_whole_batch(
    engine: Engine, item: object, problem: str
) -> None:
    with pytest.raises(MalformedBatch) as refused:
        receive_leads(engine, [lead(1), item], "sync", NOW)

    assert str(refused.value) == f"Lead 2 of the batch {problem}, so nothing of it was stored."
    assert held(engine) == {}


def test_two_receivers_storing_the_same_leads_at_once_hold_each_once(hq_db_url: str) -> None:
    batch = [lead(number) for number in range(1, 61)]
    engines = [open_hq_db(hq_db_url) for _ in range(2)]
    answers: list[BatchResult] = []
    start = threading.Barrier(2)

    def send(engine: Engine, seed: int) -> None:
        shuffled = random.Random(seed).sample(batch, len(batch))
        start.wait()
        answers.append(receive_leads(engine, shuffled, "sync", NOW))

    threads = [threading.Thread(target=send, args=(e, seed)) for seed, e in enumerate(engines)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        ids = {item["lead_id"] for item in batch}
        assert len(answers) == 2
        for answer in answers:
            assert set(answer.stored) | set(answer.already_had) == ids
            assert answer.rejected == []
        assert sorted(answers[0].stored + answers[1].stored) == sorted(ids)
        with engines[0].connect() as connection:
            count = connection.execute(select(func.count()).select_from(HqLeadRow)).scalar_one()
        assert count == len(ids)
    finally:
        for opened in engines:
            opened.dispose()


def test_opening_again_keeps_what_is_held(hq_db_url: str) -> None:
    first = open_hq_db(hq_db_url)
    receive_leads(first, [lead(1)], "sync", NOW)
    first.dispose()

    second = open_hq_db(hq_db_url)
    try:
        assert list(held(second)) == [lead_id(1)]
    finally:
        second.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "'not a url' is not a database URL"),
        ("mysql://hq@localhost/hq", "The HQ database must be PostgreSQL or SQLite, not mysql."),
        (
            "sqlite:////nonexistent-directory/hq.sqlite",
            "Cannot open the HQ database sqlite:////nonexistent-directory/hq.sqlite: "
            "unable to open database file.",
        ),
    ],
)
def test_a_database_hq_cannot_use_is_one_sentence(url: str, message: str) -> None:
    with pytest.raises(KioskError) as refused:
        open_hq_db(url)

    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


def test_the_default_database_is_kiosk_hq_db_else_a_file_in_the_data_directory(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(HQ_DB_ENV, raising=False)
    assert default_hq_db_url() == f"sqlite:///{data_dir / 'hq-leads.sqlite'}"
    monkeypatch.setenv(HQ_DB_ENV, "postgresql+psycopg://hq@db/hq")
    assert default_hq_db_url() == "postgresql+psycopg://hq@db/hq"


# bundles ---------------------------------------------------------------------------------------
def test_importing_a_bundle_twice_adds_nothing_the_second_time(
    engine: Engine, tmp_path: Path
) -> None:
    records = [lead_record(number) for number in range(1, 4)]
    bundle = exported_bundle(tmp_path / "gz.jsonl", records)

    first, second = import_bundles(engine, [bundle, bundle])

    ids = [record.lead_id for record in records]
    assert first == BundleImport(bundle, BatchResult(ids, [], []))
    assert second == BundleImport(bundle, BatchResult([], ids, []))
    assert held(engine) == {r.lead_id: stored_form(r.to_json()) for r in records}
    with engine.connect() as connection:
        assert set(connection.execute(select(HqLeadRow.source)).scalars()) == {"bundle gz.jsonl"}


def test_a_bundle_larger_than_a_batch_is_stored_in_batches(engine: Engine, tmp_path: Path) -> None:
    leads = [lead(number) for number in range(1, 1202)]
    bundle = write_bundle(tmp_path / "big.jsonl", [*leads, lead(1)])

    [imported] = import_bundles(engine, [bundle])

    assert isinstance(imported.outcome, BatchResult)
    assert imported.outcome.stored == [item["lead_id"] for item in leads]
    assert imported.outcome.already_had == [lead_id(1)]  # in a later batch than the first
    assert len(held(engine)) == 1201


def test_a_bundle_that_fails_its_checksum_adds_nothing_and_the_others_are_imported(
    engine: Engine, tmp_path: Path
) -> None:
    tampered = exported_bundle(tmp_path / "tampered.jsonl", [lead_record(1), lead_record(2)])
    tampered.write_bytes(tampered.read_bytes().replace("陈大文".encode(), "陈大武".encode(), 1))
    good = exported_bundle(tmp_path / "good.jsonl", [lead_record(3)])

    refused, imported = import_bundles(engine, [tampered, good])

    assert isinstance(refused.outcome, BundleError)
    assert str(refused.outcome) == (
        "The bundle tampered.jsonl does not match its checksum, so none of it was imported."
    )
    assert imported.outcome == BatchResult([lead_id(3)], [], [])
    assert list(held(engine)) == [lead_id(3)]


def test_a_bundle_with_an_item_without_a_lead_id_adds_nothing(
    engine: Engine, tmp_path: Path
) -> None:
    bundle = write_bundle(tmp_path / "odd.jsonl", [lead(1), lead(2, lead_id="")])

    [refused] = import_bundles(engine, [bundle])

    assert str(refused.outcome) == (
        "Line 3 of the bundle odd.jsonl has no lead_id that is a lower-case UUID, "
        "so none of it was imported."
    )
    assert held(engine) == {}


def test_a_missing_bundle_is_one_sentence(engine: Engine, tmp_path: Path) -> None:
    [missing] = import_bundles(engine, [tmp_path / "gone.jsonl"])

    assert (
        str(missing.outcome) == f"Cannot read {tmp_path / 'gone.jsonl'}: No such file or directory."
    )


# any order of batches ----------------------------------------------------------------------------
LEADS_IN_PLAY = 4
VERSIONS = 3
# A batch: (which lead, which version of it) pairs; a sequence of them, with resends and reorders.
batches = st.lists(
    st.lists(
        st.tuples(st.integers(0, LEADS_IN_PLAY - 1), st.integers(0, VERSIONS - 1)), max_size=6
    ),
    min_size=1,
    max_size=5,
)


@settings(
    max_examples=100,
    deadline=None,
    # Each example uses lead ids of its own, so sharing the test's database is harmless.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(batches=batches)
def test_any_sequence_of_batches_holds_each_lead_once_as_first_received(
    engine: Engine, batches: list[list[tuple[int, int]]]
) -> None:
    ids = [str(uuid.uuid4()) for _ in range(LEADS_IN_PLAY)]

    def version(which: int, number: int) -> dict[str, Any]:
        return lead(1, lead_id=ids[which], name=f"Version {number}")

    first: dict[int, int] = {}
    for batch in batches:
        answer = receive_leads(engine, [version(*item) for item in batch], "sync", NOW)
        expected = BatchResult([], [], [])
        for which, number in batch:
            if which not in first:
                first[which] = number
                expected.stored.append(ids[which])
            elif first[which] == number:
                expected.already_had.append(ids[which])
            else:
                expected.rejected.append(Rejection(ids[which], "conflict", CONFLICT_REASON))
        assert answer == expected

    everything = held(engine)
    assert {ids[which]: everything[ids[which]] for which in first} == {
        ids[which]: stored_form(version(which, number)) for which, number in first.items()
    }
    assert not set(ids[which] for which in range(LEADS_IN_PLAY) if which not in first) & set(
        everything
    )
    aside = sorted((lead_id, item["name"]) for lead_id, item in set_aside(engine) if lead_id in ids)
    assert aside == sorted(
        {
            (ids[which], f"Version {number}")
            for batch in batches
            for which, number in batch
            if number != first[which]
        }
    )
