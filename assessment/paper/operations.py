"""Storing answers given on paper as submitted, scored attempts: all of a file or nothing.

Phones pair people through `identify_by_employee_id` and `identify_by_name`; those
commit as they go, so a file is paired here by the same rules (the same keys from
`quizzes.pairing`) inside the one transaction that stores the whole file.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select

from assessment.banks.bank import Bank
from assessment.database import outside_transaction
from assessment.events.models import Event, Phase
from assessment.extensions import db
from assessment.messages import N_, Message
from assessment.paper.parsing import PaperAttempt, PaperCheck, PaperRules, check_paper
from assessment.quizzes import ordering
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.quizzes.operations import attempt_for, bank_to_start_on
from assessment.quizzes.pairing import clean_name, employee_key, name_key
from assessment.quizzes.scoring import score_answers
from assessment.roster.models import RosterEntry
from assessment.roster.operations import organisation_lists, roster_of
from assessment.roster.tables import Problem, read_table

#: how an imported attempt ended, in Attempt.submitted_by
SUBMITTED_ON_PAPER = "paper"


def paper_rules(event: Event) -> PaperRules:
    """The bank, lists, phases and roster a file for this event is checked against."""
    roster = frozenset(employee_key(e.employee_id) for e in roster_of(event))
    return PaperRules(bank_to_start_on(event), organisation_lists(),
                      tuple(p.kind for p in event.phases), roster if roster else None)


def check_paper_file(event: Event, filename: str, content: bytes) -> PaperCheck:
    """Read and check a file, including people who already answered; nothing is saved. The
    file is read with no transaction open; the check against the event's rules then holds
    the bank it checked against (see import_paper)."""
    table = outside_transaction(db.session, read_table, filename, content)
    rules = paper_rules(event)
    check = check_paper(table, rules)
    by_id = rules.roster is not None
    answered = [_already_answered(event, attempt, by_id) for attempt in check.attempts]
    problems = check.problems + tuple(p for p in answered if p)
    return replace(check, problems=tuple(sorted(problems, key=lambda p: p.row)))


#: the phase as a sentence names it
PHASE_NAMES = {"pre": Message(N_("pre-test")), "post": Message(N_("post-test")),
               "followup": Message(N_("follow-up test"))}


def _already_answered(event: Event, paper: PaperAttempt, by_id: bool) -> Problem | None:
    phase = event.phase(paper.phase)
    participant = _existing_participant(event, paper, phase, by_id)
    attempt = attempt_for(participant, phase) if participant else None
    if attempt is None:
        return None
    template = (N_("%(name)s already has a submitted %(phase)s attempt")
                if attempt.is_submitted
                else N_("%(name)s already has a %(phase)s attempt started on a phone"))
    return Problem(paper.row, "employee_id" if by_id else "name",
                   Message(template, name=participant.name, phase=PHASE_NAMES[paper.phase]))


def ids_kept(check: PaperCheck) -> int:
    """How many rows of a file for an event without a roster give an employee ID: they are
    kept with the person and pair them first (said before saving and after)."""
    if check.rules.roster is not None:
        return 0
    return sum(1 for paper in check.attempts if employee_key(paper.employee_id))


def import_paper(event: Event, check: PaperCheck) -> int:
    """Store every attempt of a checked file as submitted and scored, in one transaction, on
    the bank it was checked against (held since the check: call it in the same transaction)."""
    if not check.ok:
        raise ValueError("a file with problems cannot be imported")
    bank = check.rules.bank
    by_id = check.rules.roster is not None
    try:
        for paper in check.attempts:
            phase = event.phase(paper.phase)
            participant = _participant_for(event, paper, phase, by_id)
            db.session.add(_submitted_attempt(participant, phase, bank, paper.answers))
            db.session.flush()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return len(check.attempts)


def _existing_participant(event, paper, phase, by_id) -> Participant | None:
    """Who `identify_by_employee_id` or `identify_by_name` would find, without creating."""
    if by_id:
        entry = _roster_entry(event, paper.employee_id)
        return entry and _participant_where(event, Participant.employee_id == entry.employee_id)
    written = employee_key(paper.employee_id)
    if written:  # no roster, but the paper gives an ID: whoever has that ID is them
        same_id = _participant_with_employee_key(event, written)
        if same_id:
            return same_id
    candidates = [p for p in db.session.scalars(select(Participant).where(
        Participant.event_id == event.id, Participant.name_key == name_key(paper.name)))
        if not (written and p.employee_id)]  # someone with another ID is someone else
    same_department = [p for p in candidates if p.department_code == paper.department_code]
    if same_department:
        return same_department[0]
    # as on a phone: one person under this name who has not answered this phase is them
    if len(candidates) == 1 and attempt_for(candidates[0], phase) is None:
        return candidates[0]
    return None


def _participant_for(event, paper, phase, by_id) -> Participant:
    existing = _existing_participant(event, paper, phase, by_id)
    if existing:
        if not by_id and not existing.employee_id and employee_key(paper.employee_id):
            existing.employee_id = _written_id(paper)  # joined by name, ID on paper
        return existing
    if by_id:
        entry = _roster_entry(event, paper.employee_id)
        person = Participant(event_id=event.id, employee_id=entry.employee_id, name=entry.name,
                             name_key=name_key(entry.name), department_code=entry.department_code,
                             level_code=entry.level_code)
    else:
        person = Participant(event_id=event.id, employee_id=_written_id(paper),
                             name=clean_name(paper.name),
                             name_key=name_key(paper.name), department_code=paper.department_code,
                             level_code=paper.level_code)
    db.session.add(person)
    db.session.flush()
    return person


def _written_id(paper: PaperAttempt) -> str | None:
    """The employee ID a row gives, kept as written (without surrounding spaces)."""
    return paper.employee_id.strip() if employee_key(paper.employee_id) else None


def _participant_with_employee_key(event: Event, key: str) -> Participant | None:
    """The participant whose employee ID compares equal to `key` (spaces, dashes, case)."""
    people = db.session.scalars(select(Participant).where(
        Participant.event_id == event.id, Participant.employee_id.is_not(None)))
    return next((p for p in people if employee_key(p.employee_id) == key), None)


def _roster_entry(event: Event, employee_id: str) -> RosterEntry | None:
    key = employee_key(employee_id)
    return next((e for e in roster_of(event) if employee_key(e.employee_id) == key), None)


def _participant_where(event: Event, condition) -> Participant | None:
    query = select(Participant).where(Participant.event_id == event.id, condition)
    return db.session.scalars(query).first()


def _submitted_attempt(participant: Participant, phase: Phase, bank: Bank,
                       values: dict[str, object]) -> Attempt:
    """A submitted attempt scored the way `submit_attempt` scores (the phase may be closed)."""
    seed = secrets.randbits(32)
    now = datetime.now(UTC)
    attempt = Attempt(
        participant_id=participant.id, phase_id=phase.id, status="submitted",
        started_at=now, submitted_at=now, submitted_by=SUBMITTED_ON_PAPER,
        question_order=ordering.question_order(bank, seed, False),
        option_order=ordering.option_order(bank, seed, False), max_score=bank.max_points,
    )
    given = {key: value for key, value in values.items() if value is not None}
    points, attempt.score = score_answers(bank, given)
    for question in bank.questions:
        if question.id in given:
            attempt.answers.append(Answer(question_key=question.id, value=given[question.id],
                                          points=points[question.id]))
    return attempt
