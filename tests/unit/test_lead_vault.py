"""Personal data at rest: sealed on save, opened only with the staff passphrase, and nowhere
in the data directory's files in the clear."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from kiosk.data.leads_db import LeadKeyRow, LeadRow, open_leads_db
from kiosk.lead_records import iter_lead_records
from kiosk.lead_vault import (
    LeadSealer,
    VaultError,
    WrongPassphrase,
    change_passphrase,
    passphrase_problem,
    set_up_vault,
    unlock,
    vault_is_set_up,
)
from kiosk.leads import save_lead
from tests.staff import STAFF_PASSPHRASE, MovableClock, copy_staffed_db
from tests.unit.lead_drafts import complete_draft

VISITORS = (
    ("陈大文", "138 1234 5678", "chan.taiman@example.com", "chandawen88", "广州市第六中学"),
    ("張小明", "139 8765 4321", "cheung@example.org", "zhangxm_2008", "深圳中學"),
    ("Li Na", "137 0000 1111", "lina@example.net", "linali01", "Shenzhen College"),
)


@pytest.fixture
def engine(tmp_path: Path, staffed_db_template: Path) -> Iterator[Engine]:
    opened = open_leads_db(copy_staffed_db(staffed_db_template, tmp_path / "data" / "leads.sqlite"))
    yield opened
    opened.dispose()


def save_visitors(engine: Engine, sealer: LeadSealer) -> list[str]:
    ids = []
    for name, phone, email, wechat, school in VISITORS:
        draft = complete_draft(
            name=name, phone_number=phone, email=email, wechat_id=wechat, school=school
        )
        saved = save_lead(
            engine,
            draft,
            sealer=sealer,
            known_programme_codes={"C1"},
            device_id="device-1",
            kiosk_id="GZ-01",
            event_id="",
            session_id="session-1",
            notice_version="pics-1",
        )
        ids.append(saved.lead_id)
    return ids


def raw_files(directory: Path) -> bytes:
    """Every byte of the data directory: the database, its WAL and shared memory."""
    return b"".join(path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file())


def secrets() -> list[bytes]:
    found = []
    for name, phone, email, wechat, school in VISITORS:
        e164 = "+86" + phone.replace(" ", "")
        for value in (name, e164, phone.replace(" ", ""), email, wechat, school):
            found += [value.encode("utf-8"), value.encode("utf-16-le")]
    return found


def test_no_name_phone_email_or_wechat_id_is_in_the_data_files(
    engine: Engine, tmp_path: Path
) -> None:
    save_visitors(engine, LeadSealer(engine))
    directory = tmp_path / "data"
    assert (directory / "leads.sqlite-wal").exists()  # looked at while the kiosk runs, too
    raw = raw_files(directory)
    assert [secret for secret in secrets() if secret in raw] == []
    engine.dispose()
    raw = raw_files(directory)
    assert [secret for secret in secrets() if secret in raw] == []
    # The search can fail: the same files opened with the passphrase hold every visitor.
    records = list(iter_lead_records(engine, unlock(engine, STAFF_PASSPHRASE)))
    assert [record.name for record in records] == [visitor[0] for visitor in VISITORS]
    assert [record.wechat_id for record in records] == [visitor[3] for visitor in VISITORS]


def test_the_wrong_passphrase_opens_nothing(engine: Engine) -> None:
    with pytest.raises(WrongPassphrase, match="not right"):
        unlock(engine, "booth staff passphrasE")


def test_a_changed_passphrase_opens_the_leads_sealed_before(engine: Engine) -> None:
    save_visitors(engine, LeadSealer(engine))
    with pytest.raises(WrongPassphrase):
        change_passphrase(engine, "not the passphrase", "a brand new passphrase")
    change_passphrase(engine, STAFF_PASSPHRASE, "a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        unlock(engine, STAFF_PASSPHRASE)
    opener = unlock(engine, "a brand new passphrase")
    assert len(list(iter_lead_records(engine, opener))) == len(VISITORS)


def test_each_run_and_each_day_gets_its_own_data_key(engine: Engine) -> None:
    clock = MovableClock()
    first_run = LeadSealer(engine, clock)
    save_visitors(engine, first_run)
    save_visitors(engine, LeadSealer(engine, clock))  # a restart
    clock.advance(days=1)
    save_visitors(engine, first_run)  # the same run, the next day
    with engine.connect() as connection:
        keys = connection.execute(select(LeadRow.key_id)).scalars().all()
        stored = connection.execute(select(LeadKeyRow.key_id)).scalars().all()
    assert len(set(keys)) == 3 and set(keys) == set(stored)
    assert len(list(iter_lead_records(engine, unlock(engine, STAFF_PASSPHRASE)))) == 9


def test_a_tampered_or_swapped_lead_is_refused(engine: Engine) -> None:
    first, second, _ = save_visitors(engine, LeadSealer(engine))
    with engine.begin() as connection:
        sealed = dict(connection.execute(select(LeadRow.lead_id, LeadRow.sealed_pii)).all())
        # The second lead's sealed data under the first lead's id: bound to its lead, refused.
        connection.execute(
            update(LeadRow).where(LeadRow.lead_id == first).values(sealed_pii=sealed[second])
        )
    with pytest.raises(VaultError, match=f"lead {first} is damaged"):
        list(iter_lead_records(engine, unlock(engine, STAFF_PASSPHRASE)))


def test_a_lead_cannot_be_saved_before_staff_set_the_passphrase(tmp_path: Path) -> None:
    engine = open_leads_db(tmp_path / "leads.sqlite")
    try:
        assert not vault_is_set_up(engine)
        with pytest.raises(VaultError, match="not set a passphrase"):
            save_visitors(engine, LeadSealer(engine))
        with engine.connect() as connection:
            assert connection.execute(select(LeadRow.lead_id)).all() == []
        set_up_vault(engine, STAFF_PASSPHRASE)
        with pytest.raises(VaultError, match="already set"):
            set_up_vault(engine, STAFF_PASSPHRASE)
        assert len(save_visitors(engine, LeadSealer(engine))) == 3
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [("short one", "at least 10"), ("ten chars\n!", "control"), ("　" * 3, "at least 10")],
)
def test_a_weak_passphrase_is_refused(passphrase: str, problem: str) -> None:
    assert problem in (passphrase_problem(passphrase) or "")
    assert passphrase_problem("a fair passphrase") is None
