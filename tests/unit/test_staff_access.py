"""The staff PIN: set once, hashed, five wrong tries lock the pad for a doubling time that a
restart does not reset."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kiosk.data.leads_db import open_leads_db
from kiosk.settings import read_record
from kiosk.staff_access import PIN_KEY, PinError, StaffAccess, pin_problem
from tests.staff import START, MovableClock

PIN = "246810"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "leads.sqlite"


@pytest.fixture
def engine(path: Path) -> Iterator[Engine]:
    opened = open_leads_db(path)
    yield opened
    opened.dispose()


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def staff(engine: Engine, clock: MovableClock) -> StaffAccess:
    access = StaffAccess(engine, clock)
    access.set_pin(PIN)
    return access


def fail(staff: StaffAccess, times: int) -> None:
    for _ in range(times):
        assert not staff.check("135799").accepted


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("12345", "6 to 12 digits"),
        ("1234567890123", "6 to 12 digits"),
        ("24681a", "digits only"),
        ("２４６８１０", "digits only"),
        ("111111", "repeated"),
        ("123456", "a run"),
        ("987654", "a run"),
    ],
)
def test_a_weak_or_malformed_pin_is_refused(pin: str, problem: str) -> None:
    assert problem in (pin_problem(pin) or "")


def test_the_first_pin_is_set_once_and_stored_only_as_a_hash(
    engine: Engine, clock: MovableClock, path: Path
) -> None:
    staff = StaffAccess(engine, clock)
    assert not staff.pin_is_set()
    with pytest.raises(PinError, match="No staff PIN"):
        staff.check(PIN)
    staff.set_pin(PIN)
    assert staff.pin_is_set()
    record = read_record(engine, PIN_KEY)
    assert record["kdf"]["algorithm"] == "argon2id"
    assert PIN not in str(record)
    assert PIN.encode() not in path.read_bytes() + path.with_name(path.name + "-wal").read_bytes()
    with pytest.raises(PinError, match="already set"):
        staff.set_pin("975310")
    assert staff.check(PIN).accepted


def test_changing_the_pin_needs_the_current_one(staff: StaffAccess) -> None:
    with pytest.raises(PinError, match="not right"):
        staff.change_pin("975310", "864200")
    staff.change_pin(PIN, "864200")
    assert staff.check("864200").accepted
    assert not staff.check(PIN).accepted


def test_wrong_pins_count_down_and_a_right_one_resets_the_count(staff: StaffAccess) -> None:
    assert [staff.check("135799").attempts_left for _ in range(4)] == [4, 3, 2, 1]
    assert staff.check(PIN).accepted
    assert staff.check("135799").attempts_left == 4


def test_five_wrong_pins_lock_the_pad_even_for_the_right_pin(
    staff: StaffAccess, clock: MovableClock
) -> None:
    fail(staff, 4)
    locked = staff.check("135799")
    assert (locked.accepted, locked.attempts_left) == (False, 0)
    assert locked.locked_until == START + timedelta(minutes=1)
    assert staff.locked_until() == START + timedelta(minutes=1)
    clock.advance(seconds=59)
    assert not staff.check(PIN).accepted  # not even tried while locked
    clock.advance(seconds=1)
    assert staff.locked_until() is None
    assert staff.check(PIN).accepted


def test_each_further_lockout_lasts_twice_as_long(staff: StaffAccess, clock: MovableClock) -> None:
    lengths = []
    for _ in range(4):
        fail(staff, 5)
        until = staff.locked_until()
        assert until is not None
        lengths.append(until - clock.now())
        clock.moment = until
    assert lengths == [timedelta(minutes=minutes) for minutes in (1, 2, 4, 8)]
    assert staff.check(PIN).accepted  # a right PIN forgives the past
    fail(staff, 5)
    assert staff.locked_until() == clock.now() + timedelta(minutes=1)


def test_the_lockout_survives_a_restart(engine: Engine, path: Path, clock: MovableClock) -> None:
    StaffAccess(engine, clock).set_pin(PIN)
    fail(StaffAccess(engine, clock), 5)
    engine.dispose()
    reopened = open_leads_db(path)
    try:
        staff = StaffAccess(reopened, clock)
        assert staff.locked_until() == START + timedelta(minutes=1)
        assert not staff.check(PIN).accepted
        clock.advance(minutes=1)
        assert staff.check(PIN).accepted
    finally:
        reopened.dispose()


def test_wrong_tries_before_a_restart_still_count_after_it(
    engine: Engine, path: Path, clock: MovableClock
) -> None:
    StaffAccess(engine, clock).set_pin(PIN)
    fail(StaffAccess(engine, clock), 3)
    engine.dispose()
    reopened = open_leads_db(path)
    try:
        assert StaffAccess(reopened, clock).check("135799").attempts_left == 1
    finally:
        reopened.dispose()


def test_a_clock_set_back_does_not_stretch_the_lockout(
    staff: StaffAccess, clock: MovableClock
) -> None:
    fail(staff, 5)
    clock.advance(hours=-1)  # someone set the clock back an hour
    until = staff.locked_until()
    assert until is not None and until - clock.now() <= timedelta(minutes=1)
