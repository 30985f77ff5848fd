"""Settings, declared once with types and defaults; staff overrides live in the leads database."""

from __future__ import annotations

import ipaddress
import json
import uuid
from dataclasses import Field, asdict, dataclass, field, fields, replace
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from kiosk.data.leads_db import SettingRow
from kiosk.errors import shown
from kiosk.l10n import DEFAULT_LANGUAGE, Language, parse_language

KIOSK_ID_MAX_LENGTH = 32
_LOOPBACK_HOSTS = frozenset(("localhost", "127.0.0.1", "::1"))


def sync_url_problem(url: str) -> str | None:
    """Why leads must not be sent to ``url``, or None: visitors' details travel only over
    HTTPS (plain HTTP only to a receiver on this very machine, as on a staff laptop)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
    if not host or not (
        parts.scheme == "https" or (parts.scheme == "http" and host in _LOOPBACK_HOSTS)
    ):
        return "The sync address must start with https:// (http:// only to this machine)."
    if not url.isprintable() or any(character.isspace() for character in url):
        return "The sync address must not hold spaces or control characters."
    try:
        parts.port  # noqa: B018  (raises ValueError for a port that is not one)
    except ValueError:
        return "The port of the sync address must be a number up to 65535."
    return None


def sync_token_problem(token: str) -> str | None:
    """Why ``token`` cannot go into an HTTP header as HQ's bearer token, or None."""
    if token.isascii() and token.isprintable():
        return None
    return "The sync token must be printable ASCII characters, as HQ issued it."


def _is_utf8(text: str) -> bool:
    """False for text holding lone surrogates (bytes of another encoding, escaped by Python)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _type_problem(spec: Field[Any], value: Any) -> str | None:
    """Why ``value`` is not of the kind the setting's default is (a number, text, a table)."""
    default = spec.default_factory() if callable(spec.default_factory) else spec.default
    if type(default) is int and type(value) is not int:
        return f"The setting {spec.name} must be a whole number, not {shown(value)}."
    if isinstance(default, str) and not (isinstance(value, str) and _is_utf8(value)):
        return f"The setting {spec.name} must be text, not {shown(value)}."
    if isinstance(default, dict) and not (
        isinstance(value, dict)
        and all(
            isinstance(key, str) and isinstance(url, str) and _is_utf8(key + url)
            for key, url in value.items()
        )
    ):
        return (
            f"The setting {spec.name} must be a table of link codes and addresses, "
            'like {"wechat": "https://…"}.'
        )
    return None


@dataclass(frozen=True)
class Settings:
    idle_timeout_s: int = 90  # seconds without a touch before "are you still there?"
    idle_countdown_s: int = 15  # seconds the countdown shows before the reset
    attract_slide_s: int = 6  # seconds each attract-loop highlight stays up
    default_language: Language = DEFAULT_LANGUAGE
    # Addresses of the official links (link code -> address): the leaflet prints only ImmD's;
    # the links it has as QR codes (texts.toml [[link]] without a url) show once set here.
    link_overrides: dict[str, str] = field(default_factory=dict)
    # Where visitors withdraw consent and see their details (the notice); empty: the leaflet's
    # admissions office (texts.toml [contacts.admissions]).
    privacy_contact_email: str = ""
    privacy_contact_phone: str = ""
    # The booth network: the kiosk's own address on it. Empty means there is none, and the
    # summary's QR code opens VTC's web page instead of handing over the PDF.
    booth_address: str = ""
    booth_port: int = 8765
    booth_wifi_name: str = ""  # when set, a second QR code joins the phone to the booth Wi-Fi
    booth_wifi_password: str = ""
    share_minutes: int = 15  # how long a summary's download link works
    printer_name: str = ""  # empty: the system's default printer
    # How long leads are kept (the notice tells visitors); VTC's policy decides the number.
    retention_months: int = 24
    # Staff's name for this kiosk on exports and at HQ (e.g. "GZ-02"); empty: from its device id.
    kiosk_id: str = ""
    event_id: str = ""  # the event set up in the staff panel (kiosk.events); empty: none yet
    sync_url: str = ""  # the admissions office's receiver (https://…); empty: no sync
    sync_token: str = ""  # the bearer token HQ issued for this kiosk
    staff_idle_s: int = 180  # seconds without a touch before staff mode closes by itself

    def __post_init__(self) -> None:
        """Raises ValueError with one sentence for staff (the command line and panel show it)."""
        for spec in fields(self):
            problem = _type_problem(spec, getattr(self, spec.name))
            if problem:
                raise ValueError(problem)
        for name in ("idle_timeout_s", "idle_countdown_s", "attract_slide_s", "staff_idle_s"):
            if not 1 <= getattr(self, name) <= 3600:
                raise ValueError(f"The setting {name} must be between 1 and 3600 seconds.")
        parse_language(self.default_language)
        for code, url in self.link_overrides.items():
            if not url.startswith(("https://", "http://")):
                raise ValueError(f"The address of link {shown(code)} must start with https://.")
        email = self.privacy_contact_email
        if email and (email.count("@") != 1 or not email.isprintable() or " " in email):
            raise ValueError(f"The privacy contact e-mail {shown(email)} is not an address.")
        phone = self.privacy_contact_phone
        if phone and not (
            len(phone) <= 40
            and set(phone) <= set("0123456789+()- ")
            and any(c.isdigit() for c in phone)
        ):
            raise ValueError(
                f"The privacy contact telephone {shown(phone)} may hold only digits, spaces, "
                "+, ( ) and -."
            )
        if self.booth_address:
            try:
                ipaddress.ip_address(self.booth_address)
            except ValueError:
                raise ValueError(
                    "The booth address must be an IP address such as 192.168.8.10, not "
                    f"{shown(self.booth_address)}."
                ) from None
        if not 1024 <= self.booth_port <= 65535:
            raise ValueError("The booth port must be between 1024 and 65535.")
        if not 1 <= self.share_minutes <= 240:
            raise ValueError("A summary link must last between 1 and 240 minutes.")
        if not 1 <= self.retention_months <= 120:
            raise ValueError("Leads must be kept between 1 and 120 months.")
        if len(self.kiosk_id) > KIOSK_ID_MAX_LENGTH or not self.kiosk_id.isprintable():
            raise ValueError(
                f"A kiosk id is at most {KIOSK_ID_MAX_LENGTH} characters, without control ones."
            )
        if self.sync_url and (problem := sync_url_problem(self.sync_url)):
            raise ValueError(problem)
        if problem := sync_token_problem(self.sync_token):
            raise ValueError(problem)

    @property
    def booth_network(self) -> bool:
        return bool(self.booth_address)


def load_settings(engine: Engine) -> Settings:
    """Defaults, overridden by what staff saved; a bad stored value falls back to its default."""
    with Session(engine) as session:
        stored = {
            key: value for key, value in session.execute(select(SettingRow.key, SettingRow.value))
        }
    settings = Settings()
    for spec in fields(Settings):
        if spec.name not in stored:
            continue
        try:
            settings = replace(settings, **{spec.name: json.loads(stored[spec.name])})
        except (ValueError, TypeError):
            continue
    return settings


def save_settings(engine: Engine, settings: Settings) -> None:
    values: dict[str, Any] = asdict(settings)
    with Session(engine) as session, session.begin():
        for key, value in values.items():
            session.merge(SettingRow(key=key, value=json.dumps(value)))


def read_record(engine: Engine, key: str) -> Any:
    """A JSON record the kiosk keeps beside the settings (staff PIN, vault …); None if absent."""
    with engine.connect() as connection:
        stored = connection.execute(
            select(SettingRow.value).where(SettingRow.key == key)
        ).scalar_one_or_none()
    return None if stored is None else json.loads(stored)


def write_record(connection: Connection, key: str, value: Any) -> None:
    """Store a JSON record in the caller's transaction."""
    statement = insert(SettingRow).values(key=key, value=json.dumps(value))
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["key"], set_={"value": statement.excluded.value}
        )
    )


DEVICE_ID_KEY = "device_id"


def device_id(engine: Engine) -> str:
    """This machine's id: a UUID made on first use and kept in the settings table for good."""
    candidate = json.dumps(str(uuid.uuid4()))
    with engine.begin() as connection:
        # Inserting first takes the write lock, so two processes agree on whichever id came first.
        connection.execute(
            insert(SettingRow).values(key=DEVICE_ID_KEY, value=candidate).on_conflict_do_nothing()
        )
        stored = connection.execute(
            select(SettingRow.value).where(SettingRow.key == DEVICE_ID_KEY)
        ).scalar_one()
    identifier: str = json.loads(stored)
    return identifier


def kiosk_name(settings: Settings, device: str) -> str:
    """The kiosk's id on leads and exports: staff's name for it, or one from its device id."""
    return settings.kiosk_id or f"kiosk-{device[:8]}"
