"""Submitting an attempt: score the saved answers and close it, exactly once.

When the trainer says "submit now", fifty phones (or a thousand) submit within a
few seconds, so this path is short: the attempt is locked, and one UPDATE closes it
with its score if it is still in progress. The score is the sum
of the points stored with each answer: every way an answer is saved (autosave,
the no-JavaScript page form, a paper sheet) scores it against the attempt's bank
as it stores it, and the bank of an event cannot change once anyone has answered.

The score is summed only once the attempt is locked. On SQLite the transaction
began IMMEDIATE, so it holds the one write lock before the UPDATE runs. On
PostgreSQL the attempt is locked first, in a statement of its own: a statement
that waited for a lock reads as of when it began, so an UPDATE waiting for an
autosave that held the attempt would leave out the answer that autosave had just
saved (and told the phone so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, func, select, update

from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes.models import Answer, Attempt


@dataclass(frozen=True)
class Submitted:
    #: "submitted", "already_submitted" or "not_yours"
    outcome: str
    #: for "already_submitted": why it takes no more answers (AttemptClosed.reason)
    reason: str | None = None


#: why a submitted attempt takes no more answers, by who submitted it (AttemptClosed.reason):
#: a phone still on the test when the trainer closed it is told so, not that it submitted
CLOSED_BY = {"phase_closed": "phase_closed", "time_limit": "time_up"}


def closed_reason(submitted_by: str | None) -> str:
    """AttemptClosed's reason for an attempt submitted by `submitted_by`."""
    return CLOSED_BY.get(submitted_by, "submitted")


def submit_one(code: str, participant_ids: set[int], attempt_id: int) -> Submitted:
    """The participant's own submit: close the attempt if it belongs to this browser and is
    at the event with this code. The attempt is locked first (see the module's docstring)."""
    connection = db.session.connection()
    owner = connection.execute(OWNER_LOCKED, {"attempt_id": attempt_id, "code": code}).first()
    if owner is None or owner.participant_id not in participant_ids:
        return Submitted("not_yours")
    closed = close_and_score(connection, attempt_id, "participant")
    db.session.commit()
    if closed:
        return Submitted("submitted")
    # rare (a second tap, a stale tab, a test closed meanwhile)
    return Submitted("already_submitted", closed_reason(owner.submitted_by))


#: who owns the attempt (and who submitted it, if someone did), if it is one at the event with
#: this code; the attempt locked (FOR UPDATE on PostgreSQL; SQLite's transactions begin
#: IMMEDIATE)
OWNER_LOCKED = (
    select(Attempt.participant_id, Attempt.submitted_by)
    .join(Phase, Phase.id == Attempt.phase_id)
    .join(Event, Event.id == Phase.event_id)
    .where(Attempt.id == bindparam("attempt_id"), Event.code == bindparam("code"))
    .with_for_update(of=Attempt)
)

#: the attempt locked (FOR UPDATE on PostgreSQL; SQLite's transactions begin IMMEDIATE),
#: reading its status
LOCK_ATTEMPT = select(Attempt.status).where(
    Attempt.id == bindparam("attempt_id")).with_for_update()

#: whether the attempt holds any answer given (a cleared answer is stored as None)
SAVED_VALUES = select(Answer.value).where(Answer.attempt_id == bindparam("attempt_id"))

#: the points stored with the attempt's answers (ratings store None and earn nothing)
STORED_POINTS = select(func.coalesce(func.sum(Answer.points), 0.0)).where(
    Answer.attempt_id == bindparam("attempt_id")).scalar_subquery()

#: run once the lock is held, so that on PostgreSQL the sum sees every answer saved before;
#: the attempt's max_score was set from its bank when it started
CLOSE_ATTEMPT = (
    update(Attempt)
    .where(Attempt.id == bindparam("attempt_id"), Attempt.status == "in_progress")
    .values(status="submitted", submitted_at=bindparam("now"), submitted_by=bindparam("by"),
            score=STORED_POINTS)
)


def submit_attempt_now(attempt_id: int, by: str) -> bool:
    """Score the saved answers and close the attempt; False if it was closed already.

    The caller commits.
    """
    connection = db.session.connection()
    connection.execute(LOCK_ATTEMPT, {"attempt_id": attempt_id})
    return close_and_score(connection, attempt_id, by)


def finish_at_close(attempt_id: int, by: str) -> str:
    """What closing a phase does to an attempt left open; the caller commits.

    "submitted": scored from its saved answers. "removed": it held no answer at all, so it
    is deleted: its person opened the test and never answered, and a 0 % would count in the
    report as their score (and pair with their other test as a gain of everything they got
    right there). "already": someone else closed it first.
    """
    connection = db.session.connection()
    status = connection.scalar(LOCK_ATTEMPT, {"attempt_id": attempt_id})
    if status != "in_progress":
        return "already"
    saved = connection.scalars(SAVED_VALUES, {"attempt_id": attempt_id})
    if any(value is not None for value in saved):
        closed = close_and_score(connection, attempt_id, by)
        return "submitted" if closed else "already"
    connection.execute(delete(Answer).where(Answer.attempt_id == attempt_id))
    connection.execute(delete(Attempt).where(Attempt.id == attempt_id))
    return "removed"


def close_and_score(connection, attempt_id: int, by: str) -> bool:
    """Close the attempt with the sum of its answers' points; False if it was closed already."""
    closed = connection.execute(CLOSE_ATTEMPT, {
        "attempt_id": attempt_id, "now": datetime.now(UTC), "by": by})
    return closed.rowcount == 1
