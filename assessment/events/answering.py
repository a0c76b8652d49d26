"""Who is still answering the open test, and how far each of them has got."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from assessment.events.models import Event
from assessment.extensions import db
from assessment.quizzes.models import Answer, Attempt, Participant


@dataclass(frozen=True)
class StillAnswering:
    """One person whose attempt at the open test is not submitted yet."""

    name: str
    answered: int
    total: int


def still_answering(event: Event) -> list[StillAnswering]:
    """People answering the open test, those who have answered least first (the ones a
    trainer waits for before closing)."""
    phase = event.open_phase
    if phase is None:
        return []
    answering = (Attempt.phase_id == phase.id, Attempt.status == "in_progress")
    attempts = db.session.execute(
        select(Attempt.id, Participant.name, Attempt.question_order)
        .join(Participant).where(*answering)).all()
    # a cleared answer keeps its row with a JSON null, so count the values here
    values = db.session.execute(
        select(Answer.attempt_id, Answer.value).join(Attempt).where(*answering)).all()
    answered = Counter(attempt_id for attempt_id, value in values if value is not None)
    people = [StillAnswering(name, answered[attempt_id], len(order))
              for attempt_id, name, order in attempts]
    return sorted(people, key=lambda person: (person.answered, person.name))
