"""Data subjects' rights and retention: purge expired events, export and erase one person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, null, select, update

from assessment.banks.models import QuestionRecord
from assessment.events.models import Event
from assessment.extensions import db
from assessment.privacy.models import PseudonymKey
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.quizzes.pairing import employee_key, name_key
from assessment.roster.models import RosterEntry

PSEUDONYM_PREFIX = "ผู้เข้าร่วม #"


def pseudonym_key() -> str:
    """The installation's key for workbook pseudonyms, the same on every app server."""
    return db.session.scalar(select(PseudonymKey.key).where(PseudonymKey.id == 1))


def expires_on(event: Event, default_days: int) -> date:
    """The day an event's personal data is due for anonymising."""
    start = event.held_on or event.created_at.date()
    return start + timedelta(days=event.retention_days if event.retention_days is not None
                             else default_days)


def expired_events(today: date, default_days: int) -> list[Event]:
    """Events whose retention period has passed."""
    events = db.session.scalars(select(Event).order_by(Event.id))
    return [event for event in events if expires_on(event, default_days) <= today]


def is_anonymous(participant: Participant) -> bool:
    """True once purge replaced the name with a pseudonym."""
    return participant.employee_id is None and participant.name.startswith(PSEUDONYM_PREFIX)


def anonymise_event(event: Event) -> int:
    """Names become pseudonyms, employee IDs and typed (free-text) answers go; scores and
    chosen answers stay. Returns how many people were anonymised."""
    changed = 0
    participants = db.session.scalars(select(Participant).where(Participant.event_id == event.id))
    for participant in participants:
        if is_anonymous(participant):
            continue
        participant.name = f"{PSEUDONYM_PREFIX}{participant.id}"
        participant.name_key = f"#{participant.id}"
        participant.employee_id = None
        changed += 1
    db.session.execute(delete(RosterEntry).where(RosterEntry.event_id == event.id))
    _blank_free_text(event)
    db.session.commit()
    return changed


def _blank_free_text(event: Event) -> None:
    """A typed answer can hold a name (one's own, a colleague's), so it goes with the names;
    the points it earned stay in the scores."""
    free_text = select(QuestionRecord.question_key).where(
        QuestionRecord.bank_version_id == event.bank_version_id,
        QuestionRecord.type == "short_text")
    attempts = select(Attempt.id).join(Participant).where(Participant.event_id == event.id)
    db.session.execute(update(Answer).where(
        Answer.attempt_id.in_(attempts), Answer.question_key.in_(free_text)).values(value=null()))


class SeveralPeople(Exception):
    """A name matches more than one person of one event: namesakes, told apart only by their
    employee ID or department."""

    def __init__(self, person: str, participants: list[Participant]):
        super().__init__(person)
        self.person, self.participants = person, participants


def find_person(person: str, event_code: str | None = None,
                department_code: str | None = None) -> list[Participant]:
    """Participant rows for an employee ID or, when none has it, a name (titles ignored).

    The same name at several events is taken as the same person; the same name twice at one
    event is two people, and SeveralPeople is raised unless `department_code` tells them
    apart (or the employee ID is given instead).
    """
    people = _rows_of(Participant, person, event_code, department_code,
                      lambda participant: participant.name_key)
    events = [p.event_id for p in people]
    if len(set(events)) < len(events):  # an employee ID is unique per event: namesakes
        raise SeveralPeople(person, people)
    return people


def roster_rows(person: str, event_code: str | None = None,
                department_code: str | None = None) -> list[RosterEntry]:
    """Roster entries with the person's employee ID or, when none has it, their name (and
    department, when given)."""
    return _rows_of(RosterEntry, person, event_code, department_code,
                    lambda entry: name_key(entry.name))


def _rows_of(model, person: str, event_code: str | None, department_code: str | None,
             name_key_of) -> list:
    """Participant or roster rows with the person's employee ID or, when no row has it, their
    name (titles ignored) and department when given; all events, or the one of event_code."""
    query = select(model).join(Event).order_by(model.id)
    if event_code:
        query = query.where(Event.code == event_code.upper())
    rows = list(db.session.scalars(query))
    key = employee_key(person)
    by_id = [r for r in rows if r.employee_id and employee_key(r.employee_id) == key]
    if by_id:
        return by_id
    wanted = name_key(person)
    return [r for r in rows if wanted and name_key_of(r) == wanted
            and department_code in (None, r.department_code)]


def export_person(participants: list[Participant], roster: list[RosterEntry]) -> dict:
    """Everything stored about the person, as plain JSON-ready data."""
    return {
        "participations": [_participation(p) for p in participants],
        "roster_entries": [_roster_entry(r) for r in roster],
    }


def _participation(participant: Participant) -> dict:
    return {
        "event": {"code": participant.event.code, "title": participant.event.title,
                  "held_on": _iso(participant.event.held_on)},
        "name": participant.name, "employee_id": participant.employee_id,
        "department": participant.department_code, "level": participant.level_code,
        "created_at": _iso(participant.created_at),
        "attempts": [_attempt(a) for a in sorted(participant.attempts, key=lambda a: a.id)],
    }


def _attempt(attempt: Attempt) -> dict:
    return {
        "phase": attempt.phase.kind, "status": attempt.status,
        "started_at": _iso(attempt.started_at), "submitted_at": _iso(attempt.submitted_at),
        "score": attempt.score, "max_score": attempt.max_score,
        "answers": [{"question": a.question_key, "value": a.value, "points": a.points,
                     "saved_at": _iso(a.saved_at)}
                    for a in sorted(attempt.answers, key=lambda a: a.question_key)],
    }


def _roster_entry(entry: RosterEntry) -> dict:
    event = db.session.get(Event, entry.event_id)
    return {"event": event.code if event else None, "employee_id": entry.employee_id,
            "name": entry.name, "department": entry.department_code, "level": entry.level_code}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Erased:
    """How many rows of each kind an erasure deleted."""

    participants: int
    attempts: int
    answers: int
    roster_entries: int


def erase_person(participants: list[Participant], roster: list[RosterEntry]) -> Erased:
    """Delete the person's participant rows, attempts, answers and roster entries at once."""
    participant_ids = [p.id for p in participants]
    attempt_ids = list(db.session.scalars(
        select(Attempt.id).where(Attempt.participant_id.in_(participant_ids))))
    answers = db.session.execute(delete(Answer).where(Answer.attempt_id.in_(attempt_ids)))
    attempts = db.session.execute(delete(Attempt).where(Attempt.id.in_(attempt_ids)))
    people = db.session.execute(delete(Participant).where(Participant.id.in_(participant_ids)))
    rows = db.session.execute(delete(RosterEntry).where(
        RosterEntry.id.in_([r.id for r in roster])))
    db.session.commit()
    db.session.expire_all()
    return Erased(people.rowcount, attempts.rowcount, answers.rowcount, rows.rowcount)
