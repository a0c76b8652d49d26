"""Submitting an attempt: score the saved answers and close it, exactly once.

When the trainer says "submit now", fifty phones (or a thousand) submit within a
few seconds, so this path is four plain statements on one connection: the
attempt row is read and locked (FOR UPDATE on PostgreSQL; SQLite's transactions
begin IMMEDIATE), its answers are read in a statement of their own, they are
scored in memory with the bank parsed once per process, and the attempt is
closed with its score in one UPDATE. Each answer's points were stored as it was
saved (autosave and the no-JavaScript page form both do); only points that differ
from the stored ones (an answer saved before points were stored with it) are
written, in one executemany.

The answers are read only once the lock is held, in their own statement. On
PostgreSQL a statement that waited for the lock reads as of when it began: a
submit waiting for an autosave that held the attempt would otherwise score the
answers without the one that autosave had just saved (and told the phone so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, select, update

from assessment.banks.bank import Bank
from assessment.banks.models import BankVersion
from assessment.banks.operations import bank_by_version
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes.models import Answer, Attempt
from assessment.quizzes.scoring import score_answers


@dataclass(frozen=True)
class Submitted:
    #: "submitted", "already_submitted" or "not_yours"
    outcome: str


def submit_one(code: str, participant_ids: set[int], attempt_id: int) -> Submitted:
    """The participant's own submit: close the attempt if it belongs to this browser.

    One Core connection and one transaction: the ORM's session would only add bookkeeping.
    """
    with db.engine.connect() as connection:
        row = connection.execute(
            ATTEMPT_TO_SUBMIT, {"attempt_id": attempt_id, "code": code}).first()
        if row is None or row.participant_id not in participant_ids:
            return Submitted("not_yours")
        bank = bank_by_version(row.bank_version_id, row.source_sha256, connection)
        saved = _saved_answers(connection, attempt_id)
        closed = _close_and_score(connection, attempt_id, bank, "participant", saved)
        connection.commit()
    return Submitted("submitted" if closed else "already_submitted")


#: the attempt with its bank, locked (FOR UPDATE on PostgreSQL; SQLite's transactions begin
#: IMMEDIATE)
ATTEMPT_TO_SUBMIT = (
    select(Attempt.participant_id, Event.bank_version_id, BankVersion.source_sha256)
    .join(Phase, Phase.id == Attempt.phase_id)
    .join(Event, Event.id == Phase.event_id)
    .join(BankVersion, BankVersion.id == Event.bank_version_id)
    .where(Attempt.id == bindparam("attempt_id"), Event.code == bindparam("code"))
    .with_for_update(of=Attempt)
)

#: the same lock for an attempt already known (phase close, time limit), reading its status
LOCK_ATTEMPT = select(Attempt.status).where(
    Attempt.id == bindparam("attempt_id")).with_for_update()

#: the saved answers, read after the lock is held (see the module's docstring)
SAVED_ANSWERS = select(
    Answer.id.label("answer_id"), Answer.question_key, Answer.value, Answer.points,
).where(Answer.attempt_id == bindparam("attempt_id"))

CLOSE_ATTEMPT = (
    update(Attempt)
    .where(Attempt.id == bindparam("attempt_id"), Attempt.status == "in_progress")
    .values(status="submitted", submitted_at=bindparam("now"), submitted_by=bindparam("by"),
            score=bindparam("score"), max_score=bindparam("max_score"))
)

#: every answer's points; saved_at stays when the answer was given, not when it was scored
SET_POINTS = update(Answer).where(Answer.id == bindparam("answer_id")).values(
    points=bindparam("points"), saved_at=Answer.saved_at)


def submit_attempt_now(attempt_id: int, bank: Bank, by: str) -> bool:
    """Score the saved answers and close the attempt; False if it was closed already.

    The caller commits.
    """
    connection = db.session.connection()
    connection.execute(LOCK_ATTEMPT, {"attempt_id": attempt_id})
    saved = _saved_answers(connection, attempt_id)
    return _close_and_score(connection, attempt_id, bank, by, saved)


def finish_at_close(attempt_id: int, bank: Bank, by: str) -> str:
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
    saved = _saved_answers(connection, attempt_id)
    if any(row.value is not None for row in saved):
        closed = _close_and_score(connection, attempt_id, bank, by, saved)
        return "submitted" if closed else "already"
    connection.execute(delete(Answer).where(Answer.attempt_id == attempt_id))
    connection.execute(delete(Attempt).where(Attempt.id == attempt_id))
    return "removed"


def _saved_answers(connection, attempt_id: int) -> list:
    return connection.execute(SAVED_ANSWERS, {"attempt_id": attempt_id}).all()


def _close_and_score(connection, attempt_id: int, bank: Bank, by: str, saved: list) -> bool:
    points, total = score_answers(bank, {row.question_key: row.value for row in saved})
    closed = connection.execute(CLOSE_ATTEMPT, {
        "attempt_id": attempt_id, "now": datetime.now(), "by": by, "score": total,
        "max_score": bank.max_points})
    if closed.rowcount != 1:
        return False
    changed = [{"answer_id": row.answer_id, "points": points.get(row.question_key)}
               for row in saved if row.points != points.get(row.question_key)]
    if changed:
        connection.execute(SET_POINTS, changed)
    return True
