"""Saving one answer as the participant gives it: the busiest write in a seminar.

Fifty phones send an answer every few seconds, so the usual answer is one
statement: an upsert that writes only if the attempt is still this phone's, in
progress, in an open phase, on time when it arrived, and of the bank version
the answer was scored against (the attempt is locked on PostgreSQL while it
checks, so a submit cannot slip in between). A worker reads what that statement
needs of the event (its id and bank version) with its first answer for the
event and keeps it; the bank can only change before anyone has answered, and
the statement checks it still holds. When the statement writes nothing, or the
event is not known yet, the attempt is read in a joined query and checked, and
anything unusual (submitted, phase closed, time up) goes to the ordinary
operations, which finish the attempt and say why. A browser identified at more
than one event (a trainer trying several) always takes that second way.

Scoring an answer as it is saved costs little here, spread over the whole test,
and spares the moment everyone submits at once from scoring: a submit adds up
the points stored with the answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import bindparam, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from assessment.banks.models import BankVersion
from assessment.banks.operations import bank_by_version
from assessment.database import one_statement
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes import operations as ops
from assessment.quizzes.answers import parse_given
from assessment.quizzes.models import Answer, Attempt
from assessment.quizzes.scoring import points_for
from assessment.web.kept import Kept

DIALECT_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@dataclass(frozen=True)
class Saved:
    #: "saved", "not_yours" or "unknown_question"
    outcome: str


@dataclass(frozen=True)
class EventFacts:
    """What the one-statement save needs of an event, as a worker last read it."""

    event_id: int
    bank_version_id: int
    source_sha256: str


#: event code -> EventFacts, read with the first answer a worker saves for the event
_EVENTS = Kept()
EVENT_FACTS_SECONDS = 3600


def save_one(code: str, participant_ids: set[int], attempt_id: int, question_id: str,
             raw: list[str]) -> Saved:
    """Store one answer; raises ops.AttemptClosed when the attempt no longer takes answers.

    The usual case is one guarded statement; otherwise one Core connection in one
    transaction reads the attempt and writes: the ORM's session would only add bookkeeping.
    """
    if _saved_in_one_statement(code, participant_ids, attempt_id, question_id, raw):
        return Saved("saved")
    with db.engine.connect() as connection:
        row = connection.execute(ATTEMPT_ROW, {"attempt_id": attempt_id, "code": code}).first()
        if row is None or row.participant_id not in participant_ids:
            return Saved("not_yours")
        _EVENTS.keep(code, EventFacts(row.event_id, row.bank_version_id, row.source_sha256),
                     EVENT_FACTS_SECONDS)
        if question_id not in row.question_order:
            return Saved("unknown_question")
        if _takes_answers(row):
            _store(connection, row, attempt_id, question_id, raw)
            connection.commit()
            return Saved("saved")
    # submitted, closed or late: the ordinary operations finish it and say why
    ops.check_still_open(db.session.get(Attempt, attempt_id))
    _store(db.session.connection(), row, attempt_id, question_id, raw)
    db.session.commit()
    return Saved("saved")


def _saved_in_one_statement(code: str, participant_ids: set[int], attempt_id: int,
                            question_id: str, raw: list[str]) -> bool:
    """The answer written by one statement that checks the attempt as it writes; False when
    it wrote nothing (not this phone's, closed, late, unknown) or the event is not known yet,
    and the caller finds out why."""
    facts = _EVENTS.get(code)
    if facts is None or len(participant_ids) != 1:
        return False
    with one_statement(db.engine.connect()) as connection:
        bank = bank_by_version(facts.bank_version_id, facts.source_sha256, connection)
        try:
            answer = _scored_answer(bank, attempt_id, question_id, raw)
        except KeyError:  # not a question of this bank: the full check says so
            return False
        written = connection.execute(_guarded_upsert_statement(connection.dialect.name), {
            **answer, "participant_id": next(iter(participant_ids)), "event_id": facts.event_id,
            "bank_version_id": facts.bank_version_id,
            # on time when it arrived: waiting for the lock does not make an answer late
            "on_time_after": datetime.now(UTC) - ops.DEADLINE_GRACE,
        }).rowcount
        connection.commit()
    return written == 1


def _store(connection, row, attempt_id: int, question_id: str, raw: list[str]) -> None:
    """Insert or replace the answer, parsed and scored for its question, through `connection`."""
    bank = bank_by_version(row.bank_version_id, row.source_sha256, connection)
    connection.execute(_upsert_statement(connection.dialect.name),
                       _scored_answer(bank, attempt_id, question_id, raw))


#: built once: constructing statements costs more than running them on this path
ATTEMPT_ROW = (
    select(Attempt.participant_id, Attempt.status, Attempt.deadline, Attempt.question_order,
           Phase.state, Phase.event_id, Event.bank_version_id, BankVersion.source_sha256)
    .join(Phase, Phase.id == Attempt.phase_id)
    .join(Event, Event.id == Phase.event_id)
    .join(BankVersion, BankVersion.id == Event.bank_version_id)
    .where(Attempt.id == bindparam("attempt_id"), Event.code == bindparam("code"))
    .with_for_update(of=Attempt)
)


def _takes_answers(row) -> bool:
    return row.status == "in_progress" and row.state == "open" and not _late(row.deadline)


def _late(deadline: datetime | None) -> bool:
    return deadline is not None and datetime.now(UTC) > deadline + ops.DEADLINE_GRACE


@cache
def _upsert_statement(dialect: str):
    return _replacing_the_saved_answer(DIALECT_INSERT[dialect](Answer))


def _replacing_the_saved_answer(statement):
    """The insert, replacing the value, points and time of an answer already saved."""
    return statement.on_conflict_do_update(
        index_elements=["attempt_id", "question_key"],
        set_={"value": statement.excluded.value, "points": statement.excluded.points,
              "saved_at": statement.excluded.saved_at},
    )


#: the attempt as the one-statement save requires it, locked while checked on PostgreSQL
OPEN_ATTEMPT_OF_PHONE = exists(
    select(Attempt.id)
    .join(Phase, Phase.id == Attempt.phase_id)
    .join(Event, Event.id == Phase.event_id)
    .where(Attempt.id == bindparam("attempt_id"),
           Attempt.participant_id == bindparam("participant_id"),
           Event.id == bindparam("event_id"),
           Event.bank_version_id == bindparam("bank_version_id"),
           Attempt.status == "in_progress", Phase.state == "open",
           or_(Attempt.deadline.is_(None), Attempt.deadline >= bindparam("on_time_after")))
    .with_for_update(of=Attempt)
)


@cache
def _guarded_upsert_statement(dialect: str):
    """INSERT ... SELECT the answer WHERE the attempt takes it, ON CONFLICT update it."""
    columns = Answer.__table__.c
    answer = select(
        bindparam("attempt_id", type_=columns.attempt_id.type),
        bindparam("question_key", type_=columns.question_key.type),
        bindparam("value", type_=columns.value.type),
        bindparam("points", type_=columns.points.type),
        bindparam("saved_at", type_=columns.saved_at.type),
    ).where(OPEN_ATTEMPT_OF_PHONE)
    statement = DIALECT_INSERT[dialect](Answer).from_select(
        ["attempt_id", "question_key", "value", "points", "saved_at"], answer)
    # an INSERT's rowcount is kept only if asked
    return _replacing_the_saved_answer(statement).execution_options(preserve_rowcount=True)


def _scored_answer(bank, attempt_id: int, question_id: str, raw: list[str]) -> dict:
    """The answer row for `raw` as given to the bank's question, parsed and scored."""
    question = bank.question(question_id)
    return _answer_row(attempt_id, question, parse_given(question, raw))


def _answer_row(attempt_id: int, question, value) -> dict:
    return {"attempt_id": attempt_id, "question_key": question.id, "value": value,
            "points": points_for(question, value), "saved_at": datetime.now(UTC)}
