"""Saving a lead: one transaction for the lead and its outbox row, or nothing at all."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.data.leads_db import (
    LeadRow,
    OutboxRow,
    SettingRow,
    create_leads_engine,
    open_leads_db,
)
from kiosk.lead_vault import LeadSealer, PersonalData, unlock
from kiosk.leads import (
    FieldError,
    LeadDraft,
    LeadRejected,
    LeadSaveError,
    SavedLead,
    SaveFailure,
    save_lead,
)
from kiosk.settings import Settings, device_id, load_settings
from tests.staff import STAFF_PASSPHRASE, copy_staffed_db
from tests.unit.lead_drafts import complete_draft

PROGRAMMES = frozenset({"C1", "C2"})
NOTICE = "2026-03"


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


CLOCK = FixedClock(datetime(2026, 3, 14, 9, 30, 5, 123456, tzinfo=UTC))


@pytest.fixture
def engine(tmp_path: Path, staffed_db_template: Path) -> Iterator[Engine]:
    opened = open_leads_db(copy_staffed_db(staffed_db_template, tmp_path / "leads.sqlite"))
    yield opened
    opened.dispose()


def _personal_data(engine: Engine, lead_id: str) -> PersonalData:
    with engine.connect() as connection:
        key_id, sealed = connection.execute(
            select(LeadRow.key_id, LeadRow.sealed_pii).where(LeadRow.lead_id == lead_id)
        ).one()
    return unlock(engine, STAFF_PASSPHRASE).open(lead_id, key_id, sealed)


def _draft(**changes: Any) -> LeadDraft:
    return complete_draft(
        **{
            "name": " 陈大文 ",
            "email": "Chan@Example.com",
            "school": "广州市第六中学",
            "programme_codes": ["C2", "C1", "C2"],
            **changes,
        }
    )


def _save(engine: Engine, draft: LeadDraft | None = None, **options: Any) -> SavedLead:
    return save_lead(
        engine,
        draft or _draft(),
        sealer=LeadSealer(engine, CLOCK),
        known_programme_codes=PROGRAMMES,
        device_id=options.get("device_id", "device-1"),
        kiosk_id=options.get("kiosk_id", "GZ-01"),
        event_id=options.get("event_id", ""),
        session_id=options.get("session_id", "session-1"),
        notice_version=options.get("notice_version", NOTICE),
        eligibility_outcome=options.get("eligibility_outcome"),
        clock=CLOCK,
    )


def _lead_ids(engine: Engine) -> tuple[set[str], set[str]]:
    """The ids in the lead table and in the outbox."""
    with Session(engine) as session:
        leads = set(session.scalars(select(LeadRow.lead_id)))
        outbox = set(session.scalars(select(OutboxRow.lead_id)))
    return leads, outbox


def test_every_connection_is_durable_with_foreign_keys(engine: Engine) -> None:
    with engine.connect() as first, engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_a_lead_is_stored_with_its_consents_and_an_outbox_row(engine: Engine) -> None:
    outcome = {"outcome": "likely_eligible", "reasons": [{"code": "meets_age", "text": "年满18岁"}]}
    saved = _save(
        engine,
        event_id="gz-spring-2026",
        session_id="session-42",
        eligibility_outcome=outcome,
    )
    assert uuid.UUID(saved.lead_id).version == 4
    assert saved.created_at == "2026-03-14T09:30:05.123+00:00"
    with Session(engine) as session:
        lead = session.get_one(LeadRow, saved.lead_id)
        outbox = session.get_one(OutboxRow, saved.lead_id)
    assert _personal_data(engine, saved.lead_id) == {
        "name": "陈大文",
        "phone_e164": "+8613812345678",
        "email": "Chan@example.com",
        "wechat_id": None,
        "school": "广州市第六中学",
    }
    assert (lead.device_id, lead.kiosk_id, lead.event_id, lead.session_id) == (
        "device-1",
        "GZ-01",
        "gz-spring-2026",
        "session-42",
    )
    assert lead.created_at == saved.created_at
    assert (lead.region, lead.stage, lead.intake_year) == ("CN-GD", "senior_secondary_3", 2026)
    assert json.loads(lead.programme_codes) == ["C2", "C1"]
    assert lead.contact_language == "zh-Hans"
    assert (lead.age_group, lead.guardian_consent) == ("18_or_over", None)
    assert lead.notice_version == NOTICE
    assert (lead.consent_contact, lead.consent_transfer, lead.consent_news) == (True, True, False)
    assert lead.eligibility_outcome is not None
    assert json.loads(lead.eligibility_outcome) == outcome
    assert (outbox.enqueued_at, outbox.attempts) == (saved.created_at, 0)
    assert (outbox.last_attempt_at, outbox.synced_at, outbox.last_error) == (None, None, None)


def test_news_consent_is_stored_when_given(engine: Engine) -> None:
    saved = _save(engine, _draft(consent_news=True))
    with Session(engine) as session:
        assert session.get_one(LeadRow, saved.lead_id).consent_news is True


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"consent_contact": False}, {"consent_contact": FieldError.CONSENT_CONTACT_REQUIRED}),
        ({"consent_transfer": False}, {"consent_transfer": FieldError.CONSENT_TRANSFER_REQUIRED}),
        ({"age_group": "under_14"}, {"guardian_consent": FieldError.GUARDIAN_CONSENT_REQUIRED}),
        ({"name": "12345", "phone_number": ""}, {"name": FieldError.NAME_INVALID}),
        (
            {"phone_number": "", "email": ""},
            {"contact": FieldError.NO_CONTACT_METHOD},
        ),
    ],
)
def test_an_invalid_draft_is_refused_and_nothing_is_written(
    engine: Engine, changes: dict[str, Any], errors: dict[str, FieldError]
) -> None:
    with pytest.raises(LeadRejected) as refused:
        _save(engine, _draft(**changes))
    assert refused.value.errors == errors
    assert str(refused.value).startswith("The lead was not saved because these fields need")
    assert _lead_ids(engine) == (set(), set())


def test_an_under_14_lead_is_saved_when_a_guardian_consents(engine: Engine) -> None:
    saved = _save(engine, _draft(age_group="under_14", guardian_consent=True))
    with Session(engine) as session:
        lead = session.get_one(LeadRow, saved.lead_id)
    assert (lead.age_group, lead.guardian_consent) == ("under_14", True)


def test_a_lead_needs_the_notice_version(engine: Engine) -> None:
    with pytest.raises(ValueError, match="privacy notice"):
        _save(engine, notice_version="")


def test_the_database_itself_refuses_a_lead_without_the_required_consents(engine: Engine) -> None:
    saved = _save(engine)
    with engine.connect() as connection:
        row = dict(connection.execute(select(LeadRow)).mappings().one())
    for changes in (
        {"consent_transfer": False},
        {"consent_contact": False},
        {"age_group": "under_14", "guardian_consent": None},
    ):
        copy = {**row, **changes, "lead_id": str(uuid.uuid4())}
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(LeadRow.__table__.insert(), copy)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            OutboxRow.__table__.insert(), {"lead_id": "no-such-lead", "enqueued_at": ""}
        )
    assert _lead_ids(engine) == ({saved.lead_id}, {saved.lead_id})


def test_the_device_id_is_made_once_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "leads.sqlite"
    engine = open_leads_db(path)
    first = device_id(engine)
    assert uuid.UUID(first).version == 4
    assert device_id(engine) == first
    engine.dispose()
    engine = open_leads_db(path)
    assert device_id(engine) == first
    assert load_settings(engine) == Settings()  # the id is not mistaken for a setting
    with Session(engine) as session:
        assert json.loads(session.get_one(SettingRow, "device_id").value) == first
    engine.dispose()
    other = open_leads_db(tmp_path / "other.sqlite")
    assert device_id(other) != first
    other.dispose()


def test_a_full_disk_refuses_the_lead_whole_and_the_next_save_works(
    tmp_path: Path, staffed_db_template: Path
) -> None:
    """SQLite's max_page_count stands in for the disk: it fails with the same SQLITE_FULL."""
    path = copy_staffed_db(staffed_db_template, tmp_path / "leads.sqlite")
    engine = open_leads_db(path)
    room: dict[str, int | None] = {"pages": None}

    @event.listens_for(engine, "checkout")
    def limit_the_disk(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        if room["pages"] is None:
            room["pages"] = cursor.execute("PRAGMA page_count").fetchone()[0] + 2
        cursor.execute(f"PRAGMA max_page_count = {room['pages']}")
        cursor.close()

    saved: list[str] = []
    for _ in range(3):  # fill up three times: the failure lands on different statements
        with pytest.raises(LeadSaveError) as refused:
            for _ in range(10_000):
                saved.append(_save(engine).lead_id)
        assert refused.value.reason == SaveFailure.DISK_FULL
        assert str(refused.value) == "The lead could not be saved because the disk is full."
        assert _lead_ids(engine) == (set(saved), set(saved))  # nothing half-written
        assert room["pages"] is not None
        room["pages"] += 1
    assert len(saved) > 3
    room["pages"] = 1_000_000  # space is back
    saved.append(_save(engine).lead_id)
    assert _lead_ids(engine) == (set(saved), set(saved))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    engine.dispose()


def test_a_read_only_database_refuses_the_lead(tmp_path: Path, staffed_db_template: Path) -> None:
    path = copy_staffed_db(staffed_db_template, tmp_path / "leads.sqlite")
    writable = open_leads_db(path)
    kept = _save(writable).lead_id
    read_only = create_leads_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(LeadSaveError) as refused:
        _save(read_only)
    assert refused.value.reason == SaveFailure.READ_ONLY
    assert str(refused.value) == (
        "The lead could not be saved because the leads database is read-only."
    )
    assert _lead_ids(writable) == ({kept}, {kept})
    read_only.dispose()
    writable.dispose()
