"""Saving one answer as the participant gives it: the busiest write in a seminar.

Fifty phones send an answer every few seconds, so this path is one read and
one upsert: the attempt is checked in a single joined query (locked on
PostgreSQL so a submit cannot slip in between), and the answer is inserted or
updated in place with its points. Scoring an answer as it is saved costs
little here, spread over the whole test, and spares the moment everyone submits
at once from writing every answer's points (submitting checks them and writes
only those that differ). Anything unusual (submitted, phase closed, time up)
goes to the ordinary operations, which finish the attempt and say why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from assessment.banks.models import BankVersion
from assessment.banks.operations import bank_by_version
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes import operations as ops
from assessment.quizzes.answers import parse_given
from assessment.quizzes.models import Answer, Attempt
from assessment.quizzes.scoring import points_for

DIALECT_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@dataclass(frozen=True)
class Saved:
    #: "saved", "not_yours" or "unknown_question"
    outcome: str


def save_one(code: str, participant_ids: set[int], attempt_id: int, question_id: str,
             raw: list[str]) -> Saved:
    """Store one answer; raises ops.AttemptClosed when the attempt no longer takes answers.

    The usual case runs on one Core connection in one transaction: the ORM's
    session would only add bookkeeping to a read and an upsert.
    """
    with db.engine.connect() as connection:
        row = connection.execute(ATTEMPT_ROW, {"attempt_id": attempt_id, "code": code}).first()
        if row is None or row.participant_id not in participant_ids:
            return Saved("not_yours")
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


def _store(connection, row, attempt_id: int, question_id: str, raw: list[str]) -> None:
    """Insert or replace the answer, parsed and scored for its question, through `connection`."""
    bank = bank_by_version(row.bank_version_id, row.source_sha256, connection)
    question = bank.question(question_id)
    connection.execute(_upsert_statement(connection.dialect.name),
                       _answer_row(attempt_id, question, parse_given(question, raw)))


#: built once: constructing statements costs more than running them on this path
ATTEMPT_ROW = (
    select(Attempt.participant_id, Attempt.status, Attempt.deadline, Attempt.question_order,
           Phase.state, Event.bank_version_id, BankVersion.source_sha256)
    .join(Phase, Phase.id == Attempt.phase_id)
    .join(Event, Event.id == Phase.event_id)
    .join(BankVersion, BankVersion.id == Event.bank_version_id)
    .where(Attempt.id == bindparam("attempt_id"), Event.code == bindparam("code"))
    .with_for_update(of=Attempt)
)


def _takes_answers(row) -> bool:
    return row.status == "in_progress" and row.state == "open" and not _late(row.deadline)


def _late(deadline: datetime | None) -> bool:
    return deadline is not None and datetime.now() > deadline + ops.DEADLINE_GRACE


@cache
def _upsert_statement(dialect: str):
    statement = DIALECT_INSERT[dialect](Answer)
    return statement.on_conflict_do_update(
        index_elements=["attempt_id", "question_key"],
        set_={"value": statement.excluded.value, "points": statement.excluded.points,
              "saved_at": statement.excluded.saved_at},
    )


def _answer_row(attempt_id: int, question, value) -> dict:
    return {"attempt_id": attempt_id, "question_key": question.id, "value": value,
            "points": points_for(question, value), "saved_at": datetime.now()}
