"""Saving one answer as the participant gives it (the page's script sends each answer).

The answer is saved the one way every answer is saved, ops.save_answers: the attempt is
locked, checked (still this phone's, in progress, in an open phase, on time) and the answer
stored with its points, scored against the attempt's bank. This module only checks what
the phone sent: whose attempt it names, and whether the question is one of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from assessment.banks.operations import bank_of
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes import operations as ops
from assessment.quizzes.answers import parse_given
from assessment.quizzes.models import Attempt


@dataclass(frozen=True)
class Saved:
    #: "saved", "not_yours" or "unknown_question"
    outcome: str


def save_one(code: str, participant_ids: set[int], attempt_id: int, question_id: str,
             raw: list[str]) -> Saved:
    """Store one answer; raises ops.AttemptClosed when the attempt no longer takes answers."""
    attempt = db.session.scalar(
        select(Attempt).join(Phase, Phase.id == Attempt.phase_id)
        .join(Event, Event.id == Phase.event_id)
        .where(Attempt.id == attempt_id, Event.code == code))
    if attempt is None or attempt.participant_id not in participant_ids:
        return Saved("not_yours")
    if question_id not in attempt.question_order:
        return Saved("unknown_question")
    question = bank_of(attempt.phase.event.bank_version).question(question_id)
    ops.save_answers(attempt, {question_id: parse_given(question, raw)})
    return Saved("saved")
