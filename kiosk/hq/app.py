"""The HQ receiver: kiosks POST batches of leads with a bearer token; each lead is stored once.

A FastAPI application, served by uvicorn (``kiosk hq serve``). Its contract is the OpenAPI
document ``docs/hq-api.openapi.json``, written by ``python -m kiosk.hq.app`` from this module;
a test keeps the two equal. Every error is JSON ``{"detail": "one sentence"}``.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from pydantic.json_schema import models_json_schema
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from kiosk.errors import KioskError
from kiosk.hq import LEADS_PATH, MAX_BATCH_LEADS, MAX_BODY_BYTES
from kiosk.hq.store import BatchResult, default_hq_db_url, open_hq_db, receive_leads
from kiosk.hq.wire import LeadBatch, MalformedBatch

TITLE = "VPAS HQ lead receiver"
API_VERSION = "1.0.0"
HQ_TOKENS_ENV = "KIOSK_HQ_TOKENS"
_SCHEMAS = "#/components/schemas/"

log = logging.getLogger(__name__)


class ErrorDetail(BaseModel):
    detail: str = Field(description="What was wrong, in one sentence.")


class HealthStatus(BaseModel):
    status: Literal["ok"]


@dataclass(frozen=True)
class _Receiver:
    engine: Engine
    tokens: tuple[bytes, ...]


def _receiver(app: FastAPI) -> _Receiver:
    receiver: _Receiver = app.state.receiver
    return receiver


def _error(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": ErrorDetail, "description": description, **extra}


_bearer = HTTPBearer(
    auto_error=False,
    description=f"One of the tokens the receiver was started with (--token or {HQ_TOKENS_ENV}).",
)


async def _authorised(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> _Receiver:
    receiver = _receiver(request.app)
    given = b"" if credentials is None else credentials.credentials.encode()
    # Every token is compared, each in constant time: the timing tells nothing about any.
    if not any([hmac.compare_digest(given, token) for token in receiver.tokens]):
        raise HTTPException(
            401,
            "A bearer token the receiver knows is required.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return receiver


def _too_large() -> HTTPException:
    return HTTPException(
        413, f"The body is larger than {MAX_BODY_BYTES:,} bytes; send fewer leads at a time."
    )


async def _body(request: Request) -> bytes:
    """The body, refused as soon as it is too large: by its Content-Length, else as it comes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    body = bytearray()
    async for chunk in request.stream():  # also a chunked body, which declares no length
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise _too_large()
    return bytes(body)


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def _leads(body: bytes) -> list[object]:
    try:
        value = json.loads(body, parse_constant=_not_json)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python parses
        raise HTTPException(400, "The body is not JSON.") from None
    if not isinstance(value, dict) or not isinstance(value.get("leads"), list):
        raise HTTPException(422, 'The body must be a JSON object with a "leads" array.')
    leads: list[object] = value["leads"]
    if len(leads) > MAX_BATCH_LEADS:
        raise HTTPException(
            413, f"The batch holds {len(leads)} leads; send at most {MAX_BATCH_LEADS} at a time."
        )
    return leads


router = APIRouter()


@router.post(
    LEADS_PATH,
    summary="Store a batch of leads",
    description=(
        "Each lead is stored once by its `lead_id`, so sending a batch again is harmless. "
        "The answer names every lead of the batch in exactly one of its three lists."
    ),
    response_model=BatchResult,
    responses={
        200: {
            "description": (
                "`stored`: new leads, now held. `already_had`: held before with the same "
                "content. `rejected`: `conflict` (held with other content; this version is "
                "kept aside for a person, the one held is unchanged) or `invalid` (the lead "
                "breaks a rule; `reason` says which). Mark a lead synced when it is stored or "
                "already held."
            )
        },
        400: _error("The body is not JSON."),
        401: _error(
            "The bearer token is missing or not one the receiver knows.",
            headers={"WWW-Authenticate": {"schema": {"type": "string", "const": "Bearer"}}},
        ),
        413: _error(
            f"The body is larger than {MAX_BODY_BYTES} bytes, or the batch holds more than "
            f"{MAX_BATCH_LEADS} leads: send smaller batches. Nothing was stored."
        ),
        422: _error(
            'The body is not an object with a "leads" array, or an item of it is not an '
            "object with a lower-case UUID `lead_id`. Nothing of the batch was stored."
        ),
        503: _error("The database could not store the batch just now; send it again later."),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"{_SCHEMAS}LeadBatch"}}},
        }
    },
)
async def post_leads(
    request: Request, receiver: Annotated[_Receiver, Depends(_authorised)]
) -> BatchResult:
    leads = _leads(await _body(request))
    try:
        return await run_in_threadpool(
            receive_leads, receiver.engine, leads, "sync", datetime.now(UTC)
        )
    except MalformedBatch as error:
        raise HTTPException(422, str(error)) from None
    except SQLAlchemyError:
        log.exception("A batch of %d leads could not be stored", len(leads))
        raise HTTPException(
            503, "The database could not store the batch just now; send it again later."
        ) from None


@router.get(
    "/health",
    summary="Whether the receiver and its database answer",
    description="For a load balancer; needs no token.",
    responses={
        200: {"description": "The receiver and its database answer."},
        503: _error("The database does not answer."),
    },
)
def health(request: Request) -> HealthStatus:
    try:
        with _receiver(request.app).engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        log.exception("The health check found the database down")
        raise HTTPException(503, "The database does not answer.") from None
    return HealthStatus(status="ok")


async def _request_invalid(_request: Request, _exception: Exception) -> JSONResponse:
    # FastAPI's own answer is a list of pydantic errors; kiosks read one sentence.
    return JSONResponse(
        {"detail": "The request does not follow the receiver's API (docs/hq-api.openapi.json)."},
        status_code=422,
    )


async def _failed(_request: Request, _exception: Exception) -> JSONResponse:
    # The traceback goes to the server's log, never to the client.
    return JSONResponse(
        {"detail": "The receiver failed on this request; send it again later."}, status_code=500
    )


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    _receiver(app).engine.dispose()  # the pooled connections, when the server stops


def _application() -> FastAPI:
    app = FastAPI(
        title=TITLE,
        version=API_VERSION,
        description=(
            "Kiosks of VTC's VPAS fair booths send the leads visitors left (contact details "
            "with consent) to the admissions office. Every lead carries a UUID the kiosk made, "
            "so a batch sent again is harmless. A batch is at most "
            f"{MAX_BATCH_LEADS} leads and {MAX_BODY_BYTES} bytes."
        ),
        lifespan=_lifespan,
        # Nothing but the two endpoints is served: the contract is the committed document.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.include_router(router)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(Exception, _failed)
    return app


def create_app(engine: Engine, tokens: Iterable[str]) -> FastAPI:
    """The receiver storing into ``engine`` (see ``open_hq_db``), accepting these tokens.

    The engine's pooled connections are closed when the server stops (the engine stays usable).
    """
    app = _application()
    app.state.receiver = _Receiver(engine, tuple(token.encode() for token in tokens))
    return app


def tokens_from_env() -> list[str]:
    return [
        token.strip() for token in os.environ.get(HQ_TOKENS_ENV, "").split(",") if token.strip()
    ]


def create_app_from_env() -> FastAPI:
    """The receiver as ``kiosk hq serve`` configures it: uvicorn's factory for its workers.

    Reads the database URL from KIOSK_HQ_DB (see ``default_hq_db_url``) and the tokens,
    comma-separated, from KIOSK_HQ_TOKENS.
    """
    tokens = tokens_from_env()
    if not tokens:
        raise KioskError(f"The receiver needs at least one token in {HQ_TOKENS_ENV}.")
    return create_app(open_hq_db(default_hq_db_url()), tokens)


def openapi_document() -> str:
    """The receiver's OpenAPI document, as committed in docs/hq-api.openapi.json."""
    schema = _application().openapi()
    # The body is read by hand (to stop at the size limit), so its models are added here.
    _, lead_schemas = models_json_schema(
        [(LeadBatch, "validation")], ref_template=_SCHEMAS + "{model}"
    )
    schema["components"]["schemas"].update(lead_schemas["$defs"])
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(openapi_document())
