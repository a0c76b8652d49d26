"""Creating an event from the console form and changing it afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from assessment.banks.models import BankVersion
from assessment.events.models import PHASE_KINDS, Event, Phase
from assessment.events.operations import EventRefused, create_event
from assessment.extensions import db
from assessment.quizzes.models import Attempt

#: the settings a trainer chooses besides the bank, title, date and phases
OPTION_NAMES = ("venue", "shuffle_questions", "shuffle_options", "time_limit_minutes",
                "show_feedback")


@dataclass(frozen=True)
class Window:
    """A phase's planned opening and closing time, shown to the trainer."""

    opens_at: datetime | None = None
    closes_at: datetime | None = None


@dataclass(frozen=True)
class EventPlan:
    """Everything the event form sets."""

    bank_version: BankVersion
    title: str
    held_on: date | None
    windows: dict[str, Window]  # phase kind -> window; its keys are the event's phases
    options: dict


def plan_event(plan: EventPlan, owner_id: int | None) -> Event:
    """A new event owned by the trainer who created it, its phases waiting to open."""
    event = create_event(plan.bank_version, plan.title, plan.held_on, tuple(plan.windows),
                         owner_id=owner_id, **plan.options)
    _set_windows(event, plan.windows)
    db.session.commit()
    return event


def update_event(event: Event, plan: EventPlan) -> Event:
    """Change an event; its bank and the phases people answered stay as they are."""
    try:
        if plan.bank_version.id != event.bank_version_id:
            _hold(event)
            if attempt_count(event):
                raise EventRefused("people have already answered; the bank can no longer "
                                   "change (create a new event instead)")
            event.bank_version = plan.bank_version
        _set_phases(event, tuple(plan.windows))
        event.title = plan.title.strip()
        event.held_on = plan.held_on
        for name, value in plan.options.items():
            setattr(event, name, value)
        _set_windows(event, plan.windows)
        db.session.commit()
    except EventRefused:
        db.session.rollback()
        raise
    return event


def _hold(event: Event) -> None:
    """Lock the event's row until the change is committed (FOR NO KEY UPDATE on PostgreSQL:
    enough against an attempt starting, without waiting for people joining): an attempt
    starting at this moment holds the event until it is committed (quizzes.operations), so the
    count after this lock sees it, or the start waits and reads the new bank. SQLite's
    IMMEDIATE transactions order the two already."""
    db.session.execute(select(Event.id).where(Event.id == event.id)
                       .with_for_update(key_share=True))


def attempt_count(event: Event, phase: Phase | None = None) -> int:
    """How many attempts were started at the event (or at one of its phases)."""
    phases = [phase] if phase else event.phases
    ids = [p.id for p in phases if p.id is not None]
    if not ids:
        return 0
    return db.session.scalar(select(func.count(Attempt.id)).where(Attempt.phase_id.in_(ids)))


def _set_phases(event: Event, kinds: tuple[str, ...]) -> None:
    if not kinds:
        raise EventRefused("an event needs at least one phase")
    for phase in list(event.phases):
        if phase.kind not in kinds:
            if phase.state != "waiting" or attempt_count(event, phase):
                raise EventRefused(f"the {phase.kind} phase has been used and cannot be removed")
            event.phases.remove(phase)
    for kind in kinds:
        if event.phase(kind) is None:
            event.phases.append(Phase(kind=kind, position=0, state="waiting"))
    for phase in event.phases:
        phase.position = PHASE_KINDS.index(phase.kind)
    event.phases.sort(key=lambda p: p.position)


def _set_windows(event: Event, windows: dict[str, Window]) -> None:
    for phase in event.phases:
        window = windows.get(phase.kind) or Window()
        phase.opens_at = window.opens_at
        phase.closes_at = window.closes_at
