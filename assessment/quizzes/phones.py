"""Two phones under one name, at an event without a roster.

Without a roster, the same name and department is the same person: that is how the
post-test finds the pre-test. So a second phone typing a name that is answering the open
test on another phone would take over that attempt and its saved answers. It is warned
first and must say "it is me"; then both phones are told the name answers on two phones,
and the trainer sees it on the event page and settles it (talks to them; someone else
joins again with a name that tells them apart).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from assessment.events.models import Event
from assessment.extensions import db
from assessment.quizzes.models import Participant


def answering_on_another_phone(participant: Participant, phone: str) -> bool:
    """True when another phone holds this person's attempt at the open test."""
    phase = participant.event.open_phase
    return bool(participant.phone and participant.phone != phone and phase is not None
                and any(a.phase_id == phase.id for a in participant.attempts))


def hold(participant: Participant, phone: str, taking_over: bool) -> None:
    """This phone now answers as the person; a takeover is kept for the trainer to see
    (the caller commits)."""
    if taking_over:
        participant.second_phone_at = datetime.now(UTC)
    participant.phone = phone


def on_two_phones(event: Event) -> list[Participant]:
    """People of the event a second phone took over, not settled yet, oldest first."""
    return list(db.session.scalars(select(Participant).where(
        Participant.event_id == event.id, Participant.second_phone_at.is_not(None))
        .order_by(Participant.second_phone_at)))


def settle(event: Event, participant_id: int) -> None:
    """The trainer has seen to it: the name no longer shows as on two phones."""
    participant = db.session.get(Participant, participant_id)
    if participant is not None and participant.event_id == event.id:
        participant.second_phone_at = None
        db.session.commit()
