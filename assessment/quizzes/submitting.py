"""Submitting an attempt: score the saved answers and close it, exactly once.

When the trainer says "submit now", fifty phones (or a thousand) submit within a
few seconds, so this path is one UPDATE that closes the attempt with its score,
if it is this phone's, at this event and still in progress. The score is the sum
of the points stored with each answer: every way an answer is saved (autosave,
the no-JavaScript page form, a paper sheet) scores it against the attempt's bank
as it stores it, and the bank of an event cannot change once anyone has answered.

The score is summed only once the attempt is locked. On SQLite the transaction
began IMMEDIATE, so it holds the one write lock before the UPDATE runs. On
PostgreSQL the attempt is locked first, in a statement of its own: a statement
that waited for a lock reads as of when it began, so an UPDATE waiting for an
autosave that held the attempt would leave out the answer that autosave had just
saved (and told the phone so). A participant's submit does both in one call of
the database function submit_own_attempt (migration 0005, the same statements in
PL/pgSQL), in autocommit: one round trip to the server instead of four.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ARRAY, DateTime, Integer, bindparam, delete, func, select, text, update
from sqlalchemy.engine import Dialect

from assessment import database
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
    """The participant's own submit: close the attempt if it belongs to this browser.

    Every phone of a room sends this within a second or two, so it runs on the pool's driver
    connection, its statements compiled once per dialect (database.DriverStatement): on
    PostgreSQL one call of submit_own_attempt, on SQLite one IMMEDIATE transaction.
    """
    if not participant_ids:
        return Submitted("not_yours")
    owned_by = sorted(participant_ids)
    values = {"attempt_id": attempt_id, "code": code, "now": datetime.now(UTC), "by": "participant"}
    if db.engine.dialect.name == "postgresql":
        closed, owner = _closed_in_one_call(values, owned_by)
    else:
        closed, owner = _closed_in_one_transaction(values, owned_by)
    if closed:
        return Submitted("submitted")
    if owner not in participant_ids:
        return Submitted("not_yours")
    # rare (a second tap, a stale tab, a test closed meanwhile): the ordinary session reads why
    ended_by = db.session.scalar(select(Attempt.submitted_by).where(Attempt.id == attempt_id))
    return Submitted("already_submitted", closed_reason(ended_by))


def _closed_in_one_call(values: dict, owned_by: list[int]) -> tuple[bool, int | None]:
    """(closed, the attempt's owner when not closed) from submit_own_attempt, in autocommit."""
    with database.driver_autocommit(db.engine) as cursor:
        return tuple(_one_call(db.engine.dialect).execute(
            cursor, {**values, "participants": owned_by}).fetchone())


def _closed_in_one_transaction(values: dict, owned_by: list[int]) -> tuple[bool, int | None]:
    """(closed, the attempt's owner when not closed): the UPDATE, then whose it is."""
    statements = _statements(db.engine.dialect, len(owned_by))
    values = {**values, **{f"participant_{i}": person for i, person in enumerate(owned_by)}}
    with database.driver_transaction(db.engine) as cursor:
        closed = statements.close.execute(cursor, values).rowcount == 1
        owner = None if closed else statements.owner.execute(cursor, values).fetchone()
    return closed, None if owner is None else owner[0]


@dataclass(frozen=True)
class _SubmitStatements:
    close: database.DriverStatement
    owner: database.DriverStatement


@functools.lru_cache(maxsize=16)
def _statements(dialect: Dialect, participants: int) -> _SubmitStatements:
    """The SQLite submit's statements for a browser that identified as `participants` people."""
    return _SubmitStatements(
        database.DriverStatement.compile(close_own_attempt(participants), dialect),
        database.DriverStatement.compile(ATTEMPT_OWNER, dialect))


@functools.lru_cache(maxsize=2)
def _one_call(dialect: Dialect) -> database.DriverStatement:
    return database.DriverStatement.compile(SUBMIT_OWN_ATTEMPT, dialect)


#: PostgreSQL: lock, close with the score and say whose it is, in one call (migration 0005);
#: (closed, owner), owner only when it was not closed
SUBMIT_OWN_ATTEMPT = text(
    "SELECT closed, owner FROM submit_own_attempt(CAST(:attempt_id AS integer), "
    "CAST(:code AS text), CAST(:participants AS integer[]), "
    "CAST(:now AS timestamp without time zone), CAST(:by AS text))"
).bindparams(bindparam("participants", type_=ARRAY(Integer)), bindparam("now", type_=DateTime()))


#: the participant who owns the attempt, if it is one at the event with this code
ATTEMPT_OWNER = (
    select(Attempt.participant_id)
    .join(Phase, Phase.id == Attempt.phase_id)
    .join(Event, Event.id == Phase.event_id)
    .where(Attempt.id == bindparam("attempt_id"), Event.code == bindparam("code"))
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


def close_own_attempt(participants: int):
    """CLOSE_ATTEMPT, only for an attempt of one of this browser's participants (bound as
    participant_0, participant_1 ...) at the event with this code: a phone that names someone
    else's attempt closes nothing."""
    return CLOSE_ATTEMPT.where(
        Attempt.participant_id.in_([bindparam(f"participant_{i}") for i in range(participants)]),
        Attempt.phase_id.in_(
            select(Phase.id).join(Event, Event.id == Phase.event_id)
            .where(Event.code == bindparam("code"))),
    )


def submit_attempt_now(attempt_id: int, by: str) -> bool:
    """Score the saved answers and close the attempt; False if it was closed already.

    The caller commits.
    """
    connection = db.session.connection()
    connection.execute(LOCK_ATTEMPT, {"attempt_id": attempt_id})
    return _close_and_score(connection, attempt_id, by)


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
        closed = _close_and_score(connection, attempt_id, by)
        return "submitted" if closed else "already"
    connection.execute(delete(Answer).where(Answer.attempt_id == attempt_id))
    connection.execute(delete(Attempt).where(Attempt.id == attempt_id))
    return "removed"


def _close_and_score(connection, attempt_id: int, by: str) -> bool:
    """Close the attempt with the sum of its answers' points; False if it was closed already."""
    closed = connection.execute(CLOSE_ATTEMPT, {
        "attempt_id": attempt_id, "now": datetime.now(UTC), "by": by})
    return closed.rowcount == 1
