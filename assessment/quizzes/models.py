"""Participants, their attempts and their answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes.pairing import addressed_name


class Participant(db.Model):
    """One person at one event; their pre and post attempts hang from here (the pairing)."""

    __tablename__ = "participant"
    __table_args__ = (
        UniqueConstraint("event_id", "employee_id"),
        # one person per name and department among those who joined by name; on a roster,
        # namesakes in one department are told apart by their employee IDs
        Index("uq_participant_name_without_employee_id", "event_id", "name_key",
              "department_code", unique=True, sqlite_where=text("employee_id IS NULL"),
              postgresql_where=text("employee_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    employee_id: Mapped[str | None] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    #: the name normalised for pairing (no titles, spaces or case)
    name_key: Mapped[str] = mapped_column(String(200))
    department_code: Mapped[str] = mapped_column(String(50))
    level_code: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    #: the random id of the phone that last identified as this person (see quizzes/phones.py)
    phone: Mapped[str | None] = mapped_column(String(32))
    #: when a second phone took this name over while the first was answering; cleared when
    #: the trainer has settled it
    second_phone_at: Mapped[datetime | None]

    event: Mapped[Event] = relationship()
    attempts: Mapped[list[Attempt]] = relationship(back_populates="participant")

    @property
    def addressed_name(self) -> str:
        """The name to greet them by, after "คุณ": as written, without a leading title."""
        return addressed_name(self.name)

    #: True on the object whose transaction added this person (not a column), until their
    #: first attempt is started: that transaction is the only one that can see them, so they
    #: have no attempt to look for yet
    added_just_now = False


class Attempt(db.Model):
    """One participant's answers to one phase; submitted exactly once."""

    __tablename__ = "attempt"
    __table_args__ = (
        UniqueConstraint("participant_id", "phase_id"),
        CheckConstraint("status in ('in_progress', 'submitted')", name="attempt_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    phase_id: Mapped[int] = mapped_column(ForeignKey("phase.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="in_progress")
    started_at: Mapped[datetime] = mapped_column(server_default=func.now())
    #: server clock deadline from the event's time limit; None means none
    deadline: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    #: how it ended: "participant", "time_limit" or "phase_closed"
    submitted_by: Mapped[str | None] = mapped_column(String(20))
    #: question ids in the order this person sees them (shuffled once, kept)
    question_order: Mapped[list] = mapped_column(JSON)
    #: question id -> option ids in the order shown
    option_order: Mapped[dict] = mapped_column(JSON)
    score: Mapped[float | None]
    max_score: Mapped[float | None]

    participant: Mapped[Participant] = relationship(back_populates="attempts")
    phase: Mapped[Phase] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )

    @property
    def is_submitted(self) -> bool:
        return self.status == "submitted"

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


class Answer(db.Model):
    """The latest answer a participant gave to one question of an attempt."""

    __tablename__ = "answer"
    __table_args__ = (
        UniqueConstraint("attempt_id", "question_key"),
        Index("ix_answer_attempt", "attempt_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"))
    question_key: Mapped[str] = mapped_column(String(100))
    #: as given: option id, list of option ids, bool, text, number or rating
    value: Mapped[object | None] = mapped_column(JSON)
    #: set as the answer is saved; the attempt's score is their sum; None for ratings
    points: Mapped[float | None]
    saved_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
