"""Saving one answer as the participant gives it (the page's script sends each answer).

The answer is saved the one way every answer is saved, ops.save_answers: the attempt is
locked, checked (still this phone's, in progress, in an open phase, on time) and the answer
stored with its points, scored against the attempt's bank. This module only checks what
the phone sent: whose attempt it names, and whether the question is one of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager

from assessment.banks.operations import bank_of
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes import operations as ops
from assessment.quizzes.answers import parse_given
from assessment.quizzes.models import Attempt

#: the attempt with its phase, event and bank version, in one query (the save reads them all)
ATTEMPT_AT_EVENT = (
    select(Attempt).join(Attempt.phase).join(Phase.event).join(Event.bank_version)
    .options(contains_eager(Attempt.phase).contains_eager(Phase.event)
             .contains_eager(Event.bank_version))
    .where(Attempt.id == bindparam("attempt_id"), Event.code == bindparam("code"))
)


@dataclass(frozen=True)
class Saved:
    #: "saved", "not_yours" or "unknown_question"
    outcome: str


def save_one(code: str, participant_ids: set[int], attempt_id: int, question_id: str,
             raw: list[str]) -> Saved:
    """Store one answer; raises ops.AttemptClosed when the attempt no longer takes answers."""
    attempt = db.session.scalar(ATTEMPT_AT_EVENT, {"attempt_id": attempt_id, "code": code})
    if attempt is None or attempt.participant_id not in participant_ids:
        return Saved("not_yours")
    if question_id not in attempt.question_order:
        return Saved("unknown_question")
    question = bank_of(attempt.phase.event.bank_version).question(question_id)
    ops.save_answers(attempt, {question_id: parse_given(question, raw)})
    return Saved("saved")
