"""Creating events and opening and closing their phases."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from assessment.banks.models import BankVersion
from assessment.events.models import PHASE_KINDS, Event, Phase
from assessment.extensions import db

#: no 0/O, 1/I/L: a code read off a projector must not be misread
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6  # 31**6 is about 2**29.7 possible codes


class EventRefused(Exception):
    """The change to an event cannot be made; the message says why."""


def new_join_code() -> str:
    """A random join code that no event uses yet."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if find_event(code) is None:
            return code


def normalise_code(code: str) -> str:
    """Codes are typed on phones: ignore case, spaces and dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


#: the event with what answering reads of it (which phase is open, the bank version), in one
#: statement rather than three
EVENT_FOR_ANSWERING = select(Event).options(
    joinedload(Event.phases), joinedload(Event.bank_version))


def find_event(code: str, answering: bool = False) -> Event | None:
    """The event with this join code, typed in any case; with its phases and bank version
    read in the same statement when `answering` (the pages that start, show, confirm or score
    an attempt need them)."""
    query = (EVENT_FOR_ANSWERING if answering else select(Event)).where(
        Event.code == normalise_code(code))
    return db.session.scalars(query).unique().first()


def create_event(
    bank_version: BankVersion,
    title: str,
    held_on: date | None = None,
    phases: tuple[str, ...] = ("pre", "post"),
    **options,
) -> Event:
    """Create an event pinned to a bank version, with its phases waiting to open."""
    unknown = [kind for kind in phases if kind not in PHASE_KINDS]
    if unknown or not phases:
        raise EventRefused(f"unknown phase {', '.join(unknown)}; use pre, post, followup")
    event = Event(code=new_join_code(), title=title.strip(), held_on=held_on,
                  bank_version=bank_version, **options)
    ordered = [kind for kind in PHASE_KINDS if kind in phases]
    event.phases = [Phase(kind=kind, position=i, state="waiting") for i, kind in enumerate(ordered)]
    db.session.add(event)
    db.session.commit()
    return event


def open_phase(event: Event, kind: str) -> Phase:
    """Open a phase for answers; any other open phase of the event closes first."""
    phase = _phase_or_refuse(event, kind)
    for other in event.phases:
        if other is not phase and other.is_open:
            close_phase(event, other.kind)
    now = datetime.now(UTC)
    phase.state = "open"
    phase.opens_at = phase.opens_at or now
    if phase.closes_at and phase.closes_at <= now:  # reopened: the last close is history
        phase.closes_at = None
    db.session.commit()
    return phase


def close_phase(event: Event, kind: str) -> Phase:
    """Close a phase; attempts left open are submitted from their saved answers."""
    from assessment.quizzes.operations import finish_open_attempts

    phase = _phase_or_refuse(event, kind)
    phase.state = "closed"
    phase.closes_at = datetime.now(UTC)
    db.session.commit()
    finish_open_attempts(phase, reason="phase_closed")
    return phase


def give_event(event: Event, user) -> None:
    """Make a trainer (or an admin) the event's owner, who may then run it on the web."""
    if not user.runs_events:
        raise EventRefused(f"{user.username} is {user.role}; only a trainer or an admin can "
                           "run an event")
    event.owner_id = user.id
    db.session.commit()


def _phase_or_refuse(event: Event, kind: str) -> Phase:
    phase = event.phase(kind)
    if phase is None:
        have = ", ".join(p.kind for p in event.phases)
        raise EventRefused(f"event {event.code} has no {kind} phase (it has {have})")
    return phase


def all_events() -> list[Event]:
    """Every event, newest first."""
    return list(db.session.scalars(select(Event).order_by(Event.id.desc())))
