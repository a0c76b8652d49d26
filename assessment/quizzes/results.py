"""What a participant sees after submitting: score, change since the pre-test, feedback."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.banks.bank import Question
from assessment.banks.operations import bank_of
from assessment.events.models import Event
from assessment.quizzes.models import Attempt, Participant
from assessment.quizzes.operations import submitted_attempts


@dataclass(frozen=True)
class FeedbackItem:
    number: int
    question: Question
    given: object | None
    points: float | None

    @property
    def mark(self) -> str:
        """"right", "partial" or "wrong" for a scored question; "" for a rating."""
        if not self.question.is_scored:
            return ""
        points = self.points or 0.0
        if points >= self.question.max_points:
            return "right"
        return "partial" if points > 0 else "wrong"


@dataclass(frozen=True)
class Outcome:
    kind: str
    attempt: Attempt
    pre: Attempt | None
    feedback: tuple[FeedbackItem, ...]

    @property
    def change(self) -> float | None:
        """Points of percent gained since the pre-test (None when not comparable)."""
        if self.kind == "pre" or self.pre is None or self.attempt.percent is None:
            return None
        return self.attempt.percent - (self.pre.percent or 0.0)


def result_for(event: Event, participant: Participant) -> Outcome | None:
    """The participant's latest submitted attempt with what they may see of it."""
    done = submitted_attempts(participant)
    kind = next((k for k in ("followup", "post", "pre") if k in done), None)
    if kind is None:
        return None
    attempt = done[kind]
    show = event.show_feedback and kind != "pre"
    return Outcome(kind, attempt, done.get("pre"), _feedback(event, attempt) if show else ())


def _feedback(event: Event, attempt: Attempt) -> tuple[FeedbackItem, ...]:
    bank = bank_of(event.bank_version)
    answers = {a.question_key: a for a in attempt.answers}
    items = []
    for number, question_id in enumerate(attempt.question_order, start=1):
        answer = answers.get(question_id)
        items.append(FeedbackItem(number, bank.question(question_id),
                                  answer.value if answer else None,
                                  answer.points if answer else (0.0 if bank.question(
                                      question_id).is_scored else None)))
    return tuple(items)
