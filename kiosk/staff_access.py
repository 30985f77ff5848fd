"""The staff PIN: set once, stored as an Argon2id hash, locked after repeated wrong guesses.

Five wrong PINs in a row lock the pad; each further lockout lasts twice as long as the one before
(1, 2, 4 … minutes, at most a day). The count and the lockout are stored in the leads database,
so restarting the kiosk does not reset them. A right PIN clears both.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from kiosk.clock import Clock, SystemClock
from kiosk.errors import KioskError
from kiosk.passwords import KeyDerivation, b64, unb64
from kiosk.settings import read_record, write_record

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12
ATTEMPTS_BEFORE_LOCKOUT = 5
FIRST_LOCKOUT = timedelta(minutes=1)
LONGEST_LOCKOUT = timedelta(days=1)
PIN_KEY = "staff_pin"
LOCKOUT_KEY = "staff_pin_lockout"
# OWASP's Argon2id minimum (19 MiB, 2 passes): about 30 ms a check, on the UI thread.
PIN_COST = {"iterations": 2, "lanes": 1, "memory_kib": 19 * 1024}


class PinError(KioskError):
    pass


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a staff PIN, or None."""
    if not (pin.isascii() and pin.isdigit()):
        return "A staff PIN is made of digits only."
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"A staff PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits."
    if len(set(pin)) == 1 or pin in "01234567890123" or pin in "98765432109876":
        return "A staff PIN must not be one digit repeated or a run such as 123456."
    return None


@dataclass(frozen=True)
class PinCheck:
    accepted: bool
    attempts_left: int  # wrong PINs still allowed before the pad locks
    locked_until: datetime | None  # set while the pad is locked


@dataclass(frozen=True)
class _Lockout:
    failures: int = 0  # wrong PINs since the last right one or the last lockout
    lockouts: int = 0  # lockouts since the last right PIN
    locked_at: datetime | None = None

    def duration(self) -> timedelta:
        return min(FIRST_LOCKOUT * (1 << max(self.lockouts - 1, 0)), LONGEST_LOCKOUT)

    def locked_until(self, now: datetime) -> datetime | None:
        if self.locked_at is None:
            return None
        # A clock set back must not stretch a lockout: it lasts at most its duration from now.
        start = min(self.locked_at, now)
        until = start + self.duration()
        return until if now < until else None

    def to_json(self) -> dict[str, Any]:
        return {
            "failures": self.failures,
            "lockouts": self.lockouts,
            "locked_at": None if self.locked_at is None else self.locked_at.isoformat(),
        }

    @classmethod
    def from_json(cls, stored: Any) -> _Lockout:
        if not isinstance(stored, dict):
            return cls()
        locked_at = stored.get("locked_at")
        return cls(
            int(stored.get("failures", 0)),
            int(stored.get("lockouts", 0)),
            None if locked_at is None else datetime.fromisoformat(locked_at),
        )


class StaffAccess:
    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self._engine = engine
        self._clock = clock or SystemClock()

    def pin_is_set(self) -> bool:
        return read_record(self._engine, PIN_KEY) is not None

    def set_pin(self, pin: str) -> None:
        """The first PIN; changing it needs the old one (``change_pin``)."""
        if self.pin_is_set():
            raise PinError("A staff PIN is already set; change it with the current PIN.")
        self._store_pin(pin)

    def change_pin(self, current: str, new: str) -> None:
        if not self.check(current).accepted:
            raise PinError("The current staff PIN is not right.")
        self._store_pin(new)

    def _store_pin(self, pin: str) -> None:
        problem = pin_problem(pin)
        if problem:
            raise PinError(problem)
        derivation = KeyDerivation.new(**PIN_COST)
        record = {"kdf": derivation.to_json(), "hash": b64(derivation.derive(pin))}
        with self._engine.begin() as connection:
            write_record(connection, PIN_KEY, record)
            write_record(connection, LOCKOUT_KEY, _Lockout().to_json())

    def locked_until(self) -> datetime | None:
        return self._lockout().locked_until(self._clock.now())

    def _lockout(self) -> _Lockout:
        return _Lockout.from_json(read_record(self._engine, LOCKOUT_KEY))

    def check(self, pin: str) -> PinCheck:
        """Try ``pin``; while locked, nothing is tried and nothing is counted."""
        record = read_record(self._engine, PIN_KEY)
        if record is None:
            raise PinError("No staff PIN is set yet.")
        now = self._clock.now()
        lockout = self._lockout()
        until = lockout.locked_until(now)
        if until is not None:
            return PinCheck(False, 0, until)
        if lockout.locked_at is not None:  # the last lockout is over: five more tries
            lockout = _Lockout(0, lockout.lockouts, None)
        derivation = KeyDerivation.from_json(record["kdf"])
        if hmac.compare_digest(derivation.derive(pin), unb64(record["hash"])):
            self._save_lockout(_Lockout())
            return PinCheck(True, ATTEMPTS_BEFORE_LOCKOUT, None)
        failures = lockout.failures + 1
        if failures < ATTEMPTS_BEFORE_LOCKOUT:
            self._save_lockout(_Lockout(failures, lockout.lockouts, None))
            return PinCheck(False, ATTEMPTS_BEFORE_LOCKOUT - failures, None)
        locked = _Lockout(failures, lockout.lockouts + 1, now)
        self._save_lockout(locked)
        return PinCheck(False, 0, locked.locked_until(now))

    def _save_lockout(self, lockout: _Lockout) -> None:
        with self._engine.begin() as connection:
            write_record(connection, LOCKOUT_KEY, lockout.to_json())
