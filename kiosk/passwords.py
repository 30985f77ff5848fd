"""Argon2id for what staff type: the PIN's stored hash and the key under the staff passphrase."""

from __future__ import annotations

import base64
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

SALT_BYTES = 16
KEY_BYTES = 32


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def normalised(secret: str) -> bytes:
    """NFC, so the same passphrase typed through another input method derives the same key."""
    return unicodedata.normalize("NFC", secret).encode("utf-8")


@dataclass(frozen=True)
class KeyDerivation:
    """Argon2id with its salt and cost, stored beside what it protects."""

    salt: bytes
    iterations: int
    lanes: int
    memory_kib: int

    @classmethod
    def new(cls, *, iterations: int, lanes: int, memory_kib: int) -> KeyDerivation:
        return cls(os.urandom(SALT_BYTES), iterations, lanes, memory_kib)

    def derive(self, secret: str) -> bytes:
        return self._kdf().derive(normalised(secret))

    def _kdf(self) -> Argon2id:
        return Argon2id(
            salt=self.salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "salt": b64(self.salt),
            "iterations": self.iterations,
            "lanes": self.lanes,
            "memory_kib": self.memory_kib,
        }

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> KeyDerivation:
        if stored.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation")
        return cls(
            unb64(stored["salt"]),
            int(stored["iterations"]),
            int(stored["lanes"]),
            int(stored["memory_kib"]),
        )
