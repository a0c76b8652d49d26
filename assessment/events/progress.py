"""Live progress of an event: who joined, who is answering, who submitted."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from assessment.events.models import Event
from assessment.extensions import db
from assessment.quizzes.models import Attempt, Participant


@dataclass(frozen=True)
class PhaseProgress:
    """Counts for one phase."""

    kind: str
    state: str
    in_progress: int
    submitted: int


@dataclass(frozen=True)
class EventProgress:
    """Counts for the event and each of its phases."""

    joined: int
    phases: tuple[PhaseProgress, ...]
    open_phase: str | None

    @property
    def submitted_now(self) -> int:
        """Submissions in the open phase, else in the last phase that was used."""
        current = self.phase(self.open_phase) if self.open_phase else None
        used = [p for p in self.phases if p.state != "waiting"]
        current = current or (used[-1] if used else None)
        return current.submitted if current else 0

    def phase(self, kind: str) -> PhaseProgress | None:
        """The counts of one phase."""
        return next((p for p in self.phases if p.kind == kind), None)

    def cut_short_by(self, kind: str, action: str) -> PhaseProgress | None:
        """The phase whose people still answering would have their saved answers submitted by
        this action: `kind` itself when closing it, the other open phase when opening `kind`.
        None when nobody is answering there, so nothing is cut short."""
        if action == "close":
            ending = self.open_phase if self.open_phase == kind else None
        else:
            ending = self.open_phase if self.open_phase != kind else None
        counts = self.phase(ending) if ending else None
        return counts if counts and counts.in_progress else None

    def as_json(self) -> dict:
        """The shape the join screen and the event page poll."""
        return {"joined": self.joined, "open_phase": self.open_phase,
                "submitted": self.submitted_now, "phases": [asdict(p) for p in self.phases]}


def event_progress(event: Event) -> EventProgress:
    """Joined participants, and attempts in progress and submitted per phase."""
    joined = db.session.scalar(
        select(func.count(Participant.id)).where(Participant.event_id == event.id))
    counts = {(phase_id, status): n for phase_id, status, n in db.session.execute(
        select(Attempt.phase_id, Attempt.status, func.count(Attempt.id))
        .where(Attempt.phase_id.in_([p.id for p in event.phases]))
        .group_by(Attempt.phase_id, Attempt.status))}
    phases = tuple(PhaseProgress(p.kind, p.state, counts.get((p.id, "in_progress"), 0),
                                 counts.get((p.id, "submitted"), 0)) for p in event.phases)
    open_phase = event.open_phase
    return EventProgress(joined or 0, phases, open_phase.kind if open_phase else None)
