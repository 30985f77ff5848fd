"""The fair the kiosk stands at, as staff set it up; every lead and analytics event names it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.clock import Clock, SystemClock
from kiosk.data.leads_db import EventRow, LeadRow
from kiosk.errors import KioskError

EVENT_NAME_MAX_LENGTH = 80
CITY_MAX_LENGTH = 40


@dataclass(frozen=True)
class Event:
    event_id: str
    name: str
    city: str
    starts_on: date
    ends_on: date


def event_problem(name: str, city: str, starts_on: date, ends_on: date) -> str | None:
    if not name.strip():
        return "An event needs a name."
    if len(name.strip()) > EVENT_NAME_MAX_LENGTH:
        return f"An event name is at most {EVENT_NAME_MAX_LENGTH} characters."
    if not city.strip():
        return "An event needs a city."
    if len(city.strip()) > CITY_MAX_LENGTH:
        return f"A city is at most {CITY_MAX_LENGTH} characters."
    if ends_on < starts_on:
        return "An event cannot end before it starts."
    return None


def load_event(engine: Engine, event_id: str) -> Event | None:
    if not event_id:
        return None
    with Session(engine) as session:
        row = session.get(EventRow, event_id)
        if row is None:
            return None
        return Event(
            row.event_id,
            row.name,
            row.city,
            date.fromisoformat(row.starts_on),
            date.fromisoformat(row.ends_on),
        )


def save_event(
    engine: Engine,
    current_event_id: str,
    name: str,
    city: str,
    starts_on: date,
    ends_on: date,
    clock: Clock | None = None,
) -> Event:
    """The event staff set up. The current one is corrected in place while it has no leads;
    once it has, a new event begins, so leads keep the event they were left at."""
    problem = event_problem(name, city, starts_on, ends_on)
    if problem:
        raise KioskError(problem)
    values = {
        "name": name.strip(),
        "city": city.strip(),
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat(),
    }
    with engine.begin() as connection:
        correctable = (
            current_event_id
            and connection.execute(
                select(
                    exists().where(EventRow.event_id == current_event_id)
                    & ~exists().where(LeadRow.event_id == current_event_id)
                )
            ).scalar_one()
        )
        if correctable:
            connection.execute(
                update(EventRow).where(EventRow.event_id == current_event_id).values(**values)
            )
            event_id = current_event_id
        else:
            event_id = str(uuid.uuid4())
            created_at = (clock or SystemClock()).now().isoformat(timespec="milliseconds")
            connection.execute(
                insert(EventRow), {"event_id": event_id, "created_at": created_at, **values}
            )
    return Event(event_id, values["name"], values["city"], starts_on, ends_on)
