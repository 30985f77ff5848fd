"""Visitors' personal data sealed at rest, readable only with the staff passphrase.

At set-up the vault makes an X25519 key pair. The public key is stored as it is; the private key
is stored encrypted (AES-256-GCM) under a key that Argon2id derives from the staff passphrase.

A lead's name, phone, e-mail, WeChat ID and school are encrypted (AES-256-GCM, the lead's id as
associated data) under a data key that the kiosk makes for each run and each day. The data key is
written only sealed to the public key (an ephemeral X25519 exchange, HKDF-SHA256, AES-256-GCM)
and otherwise lives in memory. The data directory therefore holds nothing readable without the
passphrase; the passphrase opens the private key, which opens the data keys, which open the
leads. Losing the passphrase loses every lead not yet exported or synced; nobody can recover it.
"""

from __future__ import annotations

import json
import os
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection, Engine

from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import PII_FIELDS, LeadKeyRow, LeadRow
from kiosk.errors import KioskError
from kiosk.passwords import KeyDerivation, b64, unb64
from kiosk.settings import read_record, write_record

VAULT_KEY = "lead_vault"
PASSPHRASE_MIN_LENGTH = 10
# Argon2id at 64 MiB and 3 passes: about 0.1 s once per unlock, costly for a guesser.
PASSPHRASE_COST = {"iterations": 3, "lanes": 4, "memory_kib": 64 * 1024}
NONCE_BYTES = 12
_SEAL_INFO = b"vpas-kiosk lead data key"

PersonalData = dict[str, str | None]


class VaultError(KioskError):
    pass


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__("The staff passphrase is not right.")


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot protect the leads, or None."""
    if len(unicodedata.normalize("NFC", passphrase)) < PASSPHRASE_MIN_LENGTH:
        return f"The staff passphrase needs at least {PASSPHRASE_MIN_LENGTH} characters."
    if not passphrase.isprintable():
        return "The staff passphrase must not hold control characters."
    return None


def vault_is_set_up(engine: Engine) -> bool:
    return read_record(engine, VAULT_KEY) is not None


def _encrypt_private_key(private_key: X25519PrivateKey, passphrase: str) -> dict[str, Any]:
    derivation = KeyDerivation.new(**PASSPHRASE_COST)
    nonce = os.urandom(NONCE_BYTES)
    raw = private_key.private_bytes_raw()
    public = private_key.public_key().public_bytes_raw()
    return {
        "public_key": b64(public),
        "kdf": derivation.to_json(),
        "nonce": b64(nonce),
        # The public key as associated data: a private key swapped in from elsewhere fails.
        "private_key": b64(AESGCM(derivation.derive(passphrase)).encrypt(nonce, raw, public)),
    }


def set_up_vault(engine: Engine, passphrase: str, clock: Clock | None = None) -> None:
    """Make the staff key pair; then seal any lead saved before sealing existed."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise VaultError(problem)
    if vault_is_set_up(engine):
        raise VaultError("The staff passphrase is already set; change it with the current one.")
    with engine.begin() as connection:
        write_record(
            connection, VAULT_KEY, _encrypt_private_key(X25519PrivateKey.generate(), passphrase)
        )
    _seal_unsealed_leads(engine, LeadSealer(engine, clock))


def change_passphrase(engine: Engine, current: str, new: str) -> None:
    """Re-encrypt the private key; the leads and their data keys stay as they are."""
    problem = passphrase_problem(new)
    if problem:
        raise VaultError(problem)
    private_key = _private_key(engine, current)
    with engine.begin() as connection:
        write_record(connection, VAULT_KEY, _encrypt_private_key(private_key, new))


def _vault(engine: Engine) -> dict[str, Any]:
    record = read_record(engine, VAULT_KEY)
    if record is None:
        raise VaultError("Staff have not set a passphrase yet, so leads cannot be kept.")
    return dict(record)


def _private_key(engine: Engine, passphrase: str) -> X25519PrivateKey:
    record = _vault(engine)
    public = unb64(record["public_key"])
    key = KeyDerivation.from_json(record["kdf"]).derive(passphrase)
    try:
        raw = AESGCM(key).decrypt(unb64(record["nonce"]), unb64(record["private_key"]), public)
    except InvalidTag:
        raise WrongPassphrase() from None
    return X25519PrivateKey.from_private_bytes(raw)


def _wrapping_key(shared_secret: bytes, ephemeral_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public, info=_SEAL_INFO
    ).derive(shared_secret)


def _seal_data_key(public_key: X25519PublicKey, data_key: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    wrapping = _wrapping_key(ephemeral.exchange(public_key), ephemeral_public)
    nonce = os.urandom(NONCE_BYTES)
    return ephemeral_public + nonce + AESGCM(wrapping).encrypt(nonce, data_key, None)


def _unseal_data_key(private_key: X25519PrivateKey, sealed: bytes) -> bytes:
    ephemeral_public, nonce, ciphertext = sealed[:32], sealed[32:44], sealed[44:]
    shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    return AESGCM(_wrapping_key(shared, ephemeral_public)).decrypt(nonce, ciphertext, None)


class SealedLeadReader(Protocol):
    """What opens sealed leads: the unlocked vault, or the sealer for this run's own leads."""

    def readable_key_ids(self) -> frozenset[str] | None:
        """The data keys whose leads it opens; None: every key."""
        ...

    def open(self, lead_id: str, key_id: str | None, sealed: bytes) -> PersonalData: ...


def _open_sealed(cipher: AESGCM | None, lead_id: str, sealed: bytes) -> PersonalData:
    """``cipher`` None: a lead saved before sealing existed, its data still plain JSON."""
    if cipher is None:
        plain = sealed
    else:
        try:
            plain = cipher.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], lead_id.encode())
        except InvalidTag:
            raise VaultError(f"The lead {lead_id} is damaged and cannot be opened.") from None
    stored = json.loads(plain)
    return {field: stored.get(field) for field in PII_FIELDS}


@dataclass(frozen=True)
class _DataKey:
    key_id: str
    cipher: AESGCM
    sealed: bytes
    made_on: date  # the kiosk's local date: a new key each day


class LeadSealer:
    """Seals leads as they are saved; holds this run's data keys, never the private key.

    It can therefore open the leads this run sealed (so the sync relay sends them without the
    passphrase), and no other: leads of earlier runs wait for staff to unlock the vault.
    """

    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self._engine = engine
        self._clock = clock or SystemClock()
        self._public_key: X25519PublicKey | None = None
        self._data_key: _DataKey | None = None
        self._ciphers: dict[str, AESGCM] = {}  # every data key this run made, by id

    def _current_key(self) -> _DataKey:
        today = self._clock.now().astimezone().date()
        if self._data_key is None or self._data_key.made_on != today:
            if self._public_key is None:
                public = unb64(_vault(self._engine)["public_key"])
                self._public_key = X25519PublicKey.from_public_bytes(public)
            data_key = AESGCM.generate_key(bit_length=256)
            self._data_key = _DataKey(
                str(uuid.uuid4()),
                AESGCM(data_key),
                _seal_data_key(self._public_key, data_key),
                today,
            )
            self._ciphers[self._data_key.key_id] = self._data_key.cipher
        return self._data_key

    def readable_key_ids(self) -> frozenset[str]:
        return frozenset(self._ciphers)

    def open(self, lead_id: str, key_id: str | None, sealed: bytes) -> PersonalData:
        if key_id is None or key_id not in self._ciphers:
            raise VaultError(f"The lead {lead_id} was sealed by another run of the kiosk.")
        return _open_sealed(self._ciphers[key_id], lead_id, sealed)

    def seal(
        self, connection: Connection, lead_id: str, personal: Mapping[str, str | None]
    ) -> tuple[str, bytes]:
        """The data key's id and the sealed personal data; stores the (sealed) data key in the
        caller's transaction, so a lead is never written without the key that opens it."""
        key = self._current_key()
        connection.execute(
            insert(LeadKeyRow)
            .values(
                key_id=key.key_id,
                sealed_key=key.sealed,
                created_at=self._clock.now().isoformat(timespec="milliseconds"),
            )
            .on_conflict_do_nothing()
        )
        plain = json.dumps({field: personal.get(field) for field in PII_FIELDS}, ensure_ascii=False)
        nonce = os.urandom(NONCE_BYTES)
        return key.key_id, nonce + key.cipher.encrypt(
            nonce, plain.encode("utf-8"), lead_id.encode()
        )


class LeadOpener:
    """The unlocked vault: opens sealed leads. Keep it only as long as staff need it."""

    def __init__(self, engine: Engine, private_key: X25519PrivateKey) -> None:
        self._engine = engine
        self._private_key = private_key
        self._ciphers: dict[str, AESGCM] = {}

    def _cipher(self, key_id: str) -> AESGCM:
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            with self._engine.connect() as connection:
                sealed = connection.execute(
                    select(LeadKeyRow.sealed_key).where(LeadKeyRow.key_id == key_id)
                ).scalar_one()
            cipher = AESGCM(_unseal_data_key(self._private_key, sealed))
            self._ciphers[key_id] = cipher
        return cipher

    def readable_key_ids(self) -> None:
        return None  # every data key is sealed to the key pair this vault holds

    def open(self, lead_id: str, key_id: str | None, sealed: bytes) -> PersonalData:
        return _open_sealed(None if key_id is None else self._cipher(key_id), lead_id, sealed)


def unlock(engine: Engine, passphrase: str) -> LeadOpener:
    """Raises WrongPassphrase, or VaultError when no passphrase was ever set."""
    return LeadOpener(engine, _private_key(engine, passphrase))


def _seal_unsealed_leads(engine: Engine, sealer: LeadSealer) -> None:
    """Leads from before sealing: seal them, then wipe their plain copies from the files."""
    with engine.begin() as connection:
        rows = connection.execute(
            select(LeadRow.lead_id, LeadRow.sealed_pii).where(LeadRow.key_id.is_(None))
        ).all()
        for lead_id, plain in rows:
            key_id, sealed = sealer.seal(connection, lead_id, json.loads(plain))
            connection.execute(
                update(LeadRow)
                .where(LeadRow.lead_id == lead_id)
                .values(key_id=key_id, sealed_pii=sealed)
            )
    if rows:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            # secure_delete zeroes freed pages; VACUUM and a truncating checkpoint leave no
            # earlier page image in the database or its write-ahead log.
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
