"""``kiosk hq serve`` and ``kiosk leads import``: HQ's two ways of receiving leads."""

from __future__ import annotations

import os
import ssl
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from kiosk.errors import KioskError, one_line
from kiosk.hq import LEADS_PATH
from kiosk.hq.app import HQ_TOKENS_ENV, tokens_from_env
from kiosk.hq.store import (
    HQ_DB_ENV,
    BatchResult,
    database_problem,
    default_hq_db_url,
    displayed_url,
    import_bundle,
    open_hq_db,
)

APP_FACTORY = "kiosk.hq.app:create_app_from_env"


def serve(
    db_url: str | None,
    host: str,
    port: int,
    workers: int,
    tokens: Sequence[str],
    ssl_certfile: Path | None,
    ssl_keyfile: Path | None,
) -> int:
    """Run the receiver until Ctrl-C; ``tokens`` empty: those of KIOSK_HQ_TOKENS."""
    import uvicorn

    tokens = list(tokens) or tokens_from_env()
    if not tokens:
        raise KioskError(
            f"The receiver needs at least one token: give --token or set {HQ_TOKENS_ENV}."
        )
    if any(not token or "," in token or token != token.strip() for token in tokens):
        raise KioskError("A token cannot be empty, hold a comma or start or end with a space.")
    if workers < 1:
        raise KioskError("The receiver needs at least one worker.")
    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise KioskError("Give both --ssl-certfile and --ssl-keyfile, or neither.")
    if ssl_certfile is not None:
        _check_certificate(ssl_certfile, ssl_keyfile)
    url = db_url or default_hq_db_url()
    open_hq_db(url).dispose()  # the tables exist before any worker starts, or it fails here
    # Each worker process builds the receiver from these (uvicorn's factory takes no arguments).
    os.environ[HQ_DB_ENV] = url
    os.environ[HQ_TOKENS_ENV] = ",".join(tokens)
    scheme = "http" if ssl_certfile is None else "https"
    address = f"[{host}]" if ":" in host else host
    print(
        f"HQ receiver: kiosks sync to {scheme}://{address}:{port}{LEADS_PATH} "
        f"(database {displayed_url(url)})",
        flush=True,
    )
    try:
        # uvicorn stops cleanly on Ctrl-C and returns.
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
        )
    except SystemExit:  # uvicorn's way of saying it could not start; it logged why
        raise KioskError(
            f"The receiver could not start on {address}:{port} (see the message above)."
        ) from None
    return 0


def _check_certificate(certfile: Path, keyfile: Path | None) -> None:
    """Refuse a certificate uvicorn could not use before any worker starts with it."""
    try:
        # An empty password: a key that needs one is refused here instead of prompting for it.
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(
            certfile, keyfile, password=""
        )
    except ssl.SSLError:
        raise KioskError(
            f"{certfile} and {keyfile} are not a PEM certificate and its unencrypted private key."
        ) from None
    except OSError as error:
        raise KioskError(f"Cannot read {certfile} or {keyfile}: {error.strerror}.") from None


def _count(number: int, thing: str) -> str:
    return f"{number:,} {thing}{'' if number == 1 else 's'}"


def _summary(name: str, result: BatchResult) -> str:
    total = len(result.stored) + len(result.already_had) + len(result.rejected)
    return (
        f"{name}: {_count(total, 'lead')}: {len(result.stored):,} stored, "
        f"{len(result.already_had):,} already held, {len(result.rejected):,} rejected"
    )


def import_leads(paths: Sequence[Path], db_url: str | None) -> int:
    """Import each bundle; 2 when any was refused (the others are imported all the same)."""
    url = db_url or default_hq_db_url()
    engine = open_hq_db(url)
    refused = False
    try:
        for path in paths:
            outcome = import_bundle(engine, path).outcome
            if isinstance(outcome, BatchResult):
                print(_summary(path.name, outcome), flush=True)
                for rejection in outcome.rejected:
                    print(f"  {rejection.lead_id} {rejection.code}: {rejection.reason}")
            else:
                refused = True
                print(f"kiosk: {one_line(str(outcome))}", file=sys.stderr, flush=True)
    except SQLAlchemyError as error:
        raise KioskError(
            f"The HQ database {displayed_url(url)} failed during the import "
            f"({database_problem(error)}); import again: leads already stored are recognised."
        ) from None
    finally:
        engine.dispose()
    return 2 if refused else 0
