"""Events (seminars) and their phases."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessment.banks.models import BankVersion
from assessment.extensions import db

PHASE_KINDS = ("pre", "post", "followup")
PHASE_STATES = ("waiting", "open", "closed")


class Event(db.Model):
    """A seminar whose staff take the pinned bank version before and after."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what participants type or scan to join
    code: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date | None]
    venue: Mapped[str] = mapped_column(String(200), default="")
    bank_version_id: Mapped[int] = mapped_column(ForeignKey("bank_version.id"))
    shuffle_questions: Mapped[bool] = mapped_column(default=False)
    shuffle_options: Mapped[bool] = mapped_column(default=False)
    #: minutes from the start of an attempt; None means no limit
    time_limit_minutes: Mapped[int | None]
    #: the simulated seminar `make run` creates for newcomers
    is_demo: Mapped[bool] = mapped_column(default=False)
    #: show right answers and explanations after the post-test
    show_feedback: Mapped[bool] = mapped_column(default=True)
    #: days after the event before `flask privacy purge` anonymises it; None uses the default
    retention_days: Mapped[int | None]
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())

    bank_version: Mapped[BankVersion] = relationship()
    phases: Mapped[list[Phase]] = relationship(
        back_populates="event", order_by="Phase.position", cascade="all, delete-orphan"
    )

    def phase(self, kind: str) -> Phase | None:
        """This event's phase of that kind, if it has one."""
        return next((p for p in self.phases if p.kind == kind), None)

    @property
    def open_phase(self) -> Phase | None:
        """The phase participants can answer now (at most one is open)."""
        return next((p for p in self.phases if p.is_open), None)


class Phase(db.Model):
    """The pre-test, post-test or delayed follow-up of an event."""

    __tablename__ = "phase"
    __table_args__ = (
        UniqueConstraint("event_id", "kind"),
        CheckConstraint("kind in ('pre', 'post', 'followup')", name="phase_kind"),
        CheckConstraint("state in ('waiting', 'open', 'closed')", name="phase_state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"))
    kind: Mapped[str] = mapped_column(String(10))
    position: Mapped[int]
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    #: planned window, shown to the trainer; the state is what the server enforces
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    #: when the trainer actually opened it (the first time) and last closed it, in UTC
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    event: Mapped[Event] = relationship(back_populates="phases")

    @property
    def is_open(self) -> bool:
        return self.state == "open"
