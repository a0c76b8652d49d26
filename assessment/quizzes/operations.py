"""What participants do: identify, start an attempt, save answers, submit."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from assessment import database
from assessment.banks.bank import Bank
from assessment.banks.models import BankVersion
from assessment.banks.operations import bank_by_version, bank_of
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.quizzes import ordering
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.quizzes.pairing import clean_name, employee_key, name_key
from assessment.quizzes.scoring import points_for
from assessment.quizzes.submitting import closed_reason, finish_at_close, submit_attempt_now
from assessment.roster.models import RosterEntry

#: answers that arrive this long after the deadline still count (phones on slow Wi-Fi)
DEADLINE_GRACE = timedelta(seconds=20)


class AttemptClosed(Exception):
    """The attempt no longer takes answers; the message says why, in the participant's words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        #: "submitted", "phase_closed" or "time_up"
        self.reason = reason


class NotOnRoster(Exception):
    """The employee ID is not on the event's roster."""


def has_roster(event: Event) -> bool:
    """True when HR loaded a staff list, so people identify by employee ID."""
    query = select(RosterEntry.id).where(RosterEntry.event_id == event.id).limit(1)
    return db.session.scalar(query) is not None


def identify_by_employee_id(event: Event, employee_id: str) -> Participant:
    """The participant for a roster employee ID, added on first sight (the caller commits)."""
    key = employee_key(employee_id)
    entries = db.session.scalars(select(RosterEntry).where(RosterEntry.event_id == event.id))
    entry = next((e for e in entries if employee_key(e.employee_id) == key), None)
    if entry is None:
        raise NotOnRoster(employee_id)
    existing = _participant_where(event, Participant.employee_id == entry.employee_id)
    if existing:
        return existing
    joined_by_name = _joined_by_name(event, entry)
    if joined_by_name:
        return joined_by_name
    return _add_participant(event, entry.name, entry.department_code, entry.level_code,
                            entry.employee_id)


def _joined_by_name(event: Event, entry: RosterEntry) -> Participant | None:
    """The person who joined by name and department before HR loaded the roster, now given
    their employee ID and the roster's staff level, so their tests still pair."""
    person = _named_without_id(event, name_key(entry.name), entry.department_code)
    if person:
        person.employee_id, person.level_code = entry.employee_id, entry.level_code
    return person


def name_joined(event: Event, name: str) -> bool:
    """True when someone with this name (titles, spaces and case aside) joined the event."""
    query = select(Participant.id).where(Participant.event_id == event.id,
                                         Participant.name_key == name_key(name)).limit(1)
    return db.session.scalar(query) is not None


def identify_by_name(event: Event, name: str, department_code: str, level_code: str) -> Participant:
    """The participant with this name: the same person at the post-test, or someone new
    (added; the caller commits)."""
    key = name_key(name)
    candidates = list(db.session.scalars(select(Participant).where(
        Participant.event_id == event.id, Participant.name_key == key)))
    if not candidates:
        return _add_participant(event, name, department_code, level_code, None)
    same_department = [p for p in candidates if p.department_code == department_code]
    if same_department:
        return same_department[0]
    # Someone who picked another department at the pre-test is still the same person,
    # unless that name already answered the open phase (then it is a namesake).
    open_phase = event.open_phase
    free = [p for p in candidates if not _has_attempt(p, open_phase)]
    if len(candidates) == 1 and free:
        return free[0]
    return _add_participant(event, name, department_code, level_code, None)


def _has_attempt(participant: Participant, phase: Phase | None) -> bool:
    return phase is not None and any(a.phase_id == phase.id for a in participant.attempts)


def _participant_where(event: Event, condition) -> Participant | None:
    query = select(Participant).where(Participant.event_id == event.id, condition)
    return db.session.scalars(query).first()


def _add_participant(event, name, department_code, level_code, employee_id) -> Participant:
    """A new participant, written but not committed: identifying and starting the attempt
    are one transaction, so nothing is read back between them."""
    row = {"event_id": event.id, "name": clean_name(name), "name_key": name_key(name),
           "department_code": department_code, "level_code": level_code,
           "employee_id": employee_id}
    try:
        with db.session.begin_nested():
            participant = db.session.scalars(ADD_PARTICIPANT, [row]).one()
        participant.added_just_now = True
    except IntegrityError:  # the same person on two phones at once: take the first
        if employee_id:
            return _participant_where(event, Participant.employee_id == employee_id)
        return _named_without_id(event, row["name_key"], department_code)
    return participant


def _named_without_id(event: Event, key: str, department_code: str) -> Participant | None:
    """The one person who joined by this name and department without an employee ID (the
    unique index on participant allows only one)."""
    return _participant_where(event, (Participant.name_key == key)
                              & (Participant.department_code == department_code)
                              & Participant.employee_id.is_(None))


#: an ORM bulk insert returning the new object: no unit-of-work flush for one row
ADD_PARTICIPANT = insert(Participant).returning(Participant)


def attempt_for(participant: Participant, phase: Phase) -> Attempt | None:
    """The participant's attempt at a phase, if started."""
    query = select(Attempt).where(Attempt.participant_id == participant.id,
                                  Attempt.phase_id == phase.id)
    return db.session.scalars(query).first()


def start_attempt(participant: Participant, phase: Phase) -> Attempt:
    """The attempt at this phase, started now with its question order fixed if new."""
    added_just_now, participant.added_just_now = participant.added_just_now, False  # once only
    existing = None if added_just_now else attempt_for(participant, phase)
    if existing:
        return existing
    with database.writing(db.session):  # the quiz page (a GET) may start the attempt
        event = phase.event
        bank = bank_to_start_on(event)
        seed = secrets.randbits(32)
        row = {"participant_id": participant.id, "phase_id": phase.id, "status": "in_progress",
               "question_order": ordering.question_order(bank, seed, event.shuffle_questions),
               "option_order": ordering.option_order(bank, seed, event.shuffle_options),
               "deadline": _deadline(event), "max_score": bank.max_points}
        try:
            attempt = db.session.scalars(START_ATTEMPT, [row]).one()
            db.session.commit()
        except IntegrityError:  # started at the same moment in another tab
            db.session.rollback()
            attempt = None
    return attempt or attempt_for(participant, phase)


#: as ADD_PARTICIPANT: one row, no unit-of-work flush
START_ATTEMPT = insert(Attempt).returning(Attempt)


def bank_to_start_on(event: Event) -> Bank:
    """The event's bank as attempts start on it (a phone's, or a file of paper answers), the
    event held (FOR SHARE on PostgreSQL) until they are committed: a trainer changing the bank
    at that moment (events.editing) waits, then counts the attempts and refuses; a start that
    waited for a change reads the new bank. SQLite's IMMEDIATE transactions order the two
    already."""
    version_id, sha = db.session.execute(EVENT_BANK_TO_START, {"event_id": event.id}).one()
    return bank_by_version(version_id, sha)


#: the event's bank version and its source's hash (the bank cache's key), the event locked.
#: The hash is a subquery, not a join: on PostgreSQL a row that waited for the lock is read
#: again as changed, and so is a subquery on it, but a joined row is not read again.
EVENT_BANK_TO_START = select(
    Event.bank_version_id,
    select(BankVersion.source_sha256).where(BankVersion.id == Event.bank_version_id)
    .scalar_subquery(),
).where(Event.id == bindparam("event_id")).with_for_update(read=True)


def _deadline(event: Event) -> datetime | None:
    if not event.time_limit_minutes:
        return None
    return datetime.now(UTC) + timedelta(minutes=event.time_limit_minutes)


def check_still_open(attempt: Attempt, now: datetime | None = None) -> None:
    """Raise AttemptClosed when answers can no longer change; finish it if time ran out."""
    now = now or datetime.now(UTC)
    if attempt.is_submitted:
        raise AttemptClosed(closed_reason(attempt.submitted_by))
    if not attempt.phase.is_open:  # missed by the close (started in that instant)
        _finish_at_close(attempt.id, "phase_closed")
        raise AttemptClosed("phase_closed")
    if attempt.deadline and now > attempt.deadline + DEADLINE_GRACE:
        submit_attempt(attempt, by="time_limit")
        raise AttemptClosed("time_up")


def save_answers(attempt: Attempt, values: dict[str, object | None]) -> int:
    """Store the latest answers (None clears one); returns how many were saved. Every answer
    is saved this way: a phone's autosave, the page form, a phase close's last answers."""
    # locked while it is checked and written: a submit elsewhere waits for us, or we for it
    db.session.refresh(attempt, ["status", "submitted_by", "deadline"], with_for_update=True)
    check_still_open(attempt)
    known = set(attempt.question_order)
    keys = [key for key in values if key in known]
    stored = {a.question_key: a for a in db.session.scalars(select(Answer).where(
        Answer.attempt_id == attempt.id, Answer.question_key.in_(keys)))}
    bank = bank_of(attempt.phase.event.bank_version)
    saved = 0
    for question_key in keys:
        value = values[question_key]
        answer = stored.get(question_key)
        if answer is None:
            answer = Answer(attempt_id=attempt.id, question_key=question_key)
            db.session.add(answer)
        answer.value = value
        answer.points = points_for(bank.question(question_key), value)
        answer.saved_at = datetime.now(UTC)
        saved += 1
    db.session.commit()
    return saved


def saved_values(attempt: Attempt) -> dict[str, object]:
    """Question id -> the saved answer, for filling the form again."""
    return {a.question_key: a.value for a in attempt.answers if a.value is not None}


def submit_attempt(attempt: Attempt, by: str = "participant") -> bool:
    """Score and close the attempt once; False if it was already submitted (nothing changes)."""
    with database.writing(db.session):  # time up, found by a page that reads
        closed = submit_attempt_now(attempt.id, by)
        db.session.commit()
    return closed


def finish_open_attempts(phase: Phase, reason: str) -> int:
    """Submit every attempt still open in a phase from its saved answers; one without a single
    answer is removed instead (see submitting.finish_at_close). Returns how many were
    submitted."""
    query = select(Attempt.id).where(Attempt.phase_id == phase.id,
                                     Attempt.status == "in_progress")
    finished = 0
    for attempt_id in list(db.session.scalars(query)):
        finished += _finish_at_close(attempt_id, reason) == "submitted"
    return finished


def _finish_at_close(attempt_id: int, reason: str) -> str:
    """submitting.finish_at_close, committed: one attempt's lock at a time."""
    with database.writing(db.session):  # the phase closed, found by a page that reads
        outcome = finish_at_close(attempt_id, reason)
        db.session.commit()
    return outcome


def submitted_attempts(participant: Participant) -> dict[str, Attempt]:
    """Phase kind -> the participant's submitted attempt."""
    return {a.phase.kind: a for a in participant.attempts if a.is_submitted}
