"""An event's bank can change until someone starts a test on it, and never after.

A trainer changing the bank and a phone starting the test can meet in the same instant. On
SQLite the IMMEDIATE transactions put one after the other. On PostgreSQL the change locks the
event before it counts the attempts, and a start holds the event until it is committed, so
either the change sees the attempt and refuses, or the start waits and takes the new bank.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select, update

from assessment.banks.models import BankVersion
from assessment.banks.operations import bank_of, load_bank
from assessment.events.editing import OPTION_NAMES, EventPlan, Window, update_event
from assessment.events.forms import form_data
from assessment.events.models import Event, Phase
from assessment.events.operations import EventRefused
from assessment.extensions import db
from assessment.quizzes import operations as ops
from assessment.quizzes.models import Attempt, Participant
from tests.helpers import DATA, first_codes, make_event
from tests.waiting import commit_after_it_waited

OTHER_BANK = DATA / "banks" / "good" / "one-language.yaml"


@pytest.fixture
def other_version(app):
    """A second bank whose questions are not the shipped bank's."""
    return load_bank(OTHER_BANK.read_text(encoding="utf-8"), OTHER_BANK.name).version


def _plan_with(event: Event, version) -> EventPlan:
    """The event as it is, on another bank version."""
    data = form_data(event)
    windows = {kind: Window() for kind in ("pre", "post") if data[f"with_{kind}"]}
    return EventPlan(version, data["title"], data["held_on"], windows,
                     {name: data[name] for name in OPTION_NAMES})


def _person(event: Event) -> Participant:
    department, level = first_codes()
    person = ops._add_participant(event, "สมชาย ใจดี", department, level, None)
    db.session.commit()
    return person


def _while_the_bank_changes(event_id: int, new_id: int, meanwhile, outcome: dict) -> None:
    """Run `meanwhile` while a transaction does what update_event does to the event's bank
    and keeps it open; `meanwhile` must wait for it."""
    with db.engine.connect() as changing:
        changing.execute(select(Event.id).where(Event.id == event_id)
                         .with_for_update(key_share=True))
        changing.execute(update(Event).where(Event.id == event_id)
                         .values(bank_version_id=new_id))
        commit_after_it_waited(changing, meanwhile, outcome)


def test_the_bank_changes_until_someone_starts_and_not_after(app, bank_version, other_version):
    event = make_event(bank_version)
    update_event(event, _plan_with(event, other_version))
    assert event.bank_version_id == other_version.id
    person = _person(event)
    ops.start_attempt(person, event.open_phase)
    with pytest.raises(EventRefused, match="already answered"):
        update_event(event, _plan_with(event, bank_version))
    db.session.expire_all()
    assert db.session.get(Event, event.id).bank_version_id == other_version.id


def test_a_bank_change_that_waits_for_a_starting_attempt_refuses(app, bank_version,
                                                                 other_version):
    event = make_event(bank_version)
    person = _person(event)
    event_id, phase_id, person_id = event.id, event.open_phase.id, person.id
    outcome = {}

    def change_meanwhile():
        with app.app_context():
            waiting = db.session.get(Event, event_id)  # this thread's own session's objects
            try:
                update_event(waiting, _plan_with(waiting, db.session.get(BankVersion, other_id)))
                outcome["done"] = "changed"
            except EventRefused:
                outcome["done"] = "refused"

    bank, version_id, other_id = bank_of(bank_version), bank_version.id, other_version.id
    db.session.commit()  # the test's own session holds nothing while the two meet
    with db.engine.connect() as starting:  # what start_attempt does, held open
        assert starting.scalar(ops.EVENT_BANK_TO_START, {"event_id": event_id}) == version_id
        starting.execute(insert(Attempt).values(
            participant_id=person_id, phase_id=phase_id, status="in_progress",
            question_order=[q.id for q in bank.questions], option_order={},
            max_score=bank.max_points))
        commit_after_it_waited(starting, change_meanwhile, outcome)
    assert outcome == {"done": "refused"}
    db.session.expire_all()
    assert db.session.get(Event, event_id).bank_version_id == version_id


def test_an_attempt_that_waits_for_a_bank_change_starts_on_the_new_bank(app, bank_version,
                                                                         other_version):
    event = make_event(bank_version)
    person = _person(event)
    event_id, phase_id, person_id = event.id, event.open_phase.id, person.id
    new_bank, new_id = bank_of(other_version), other_version.id
    db.session.commit()
    outcome = {}

    def start_meanwhile():
        with app.app_context():
            attempt = ops.start_attempt(db.session.get(Participant, person_id),
                                        db.session.get(Phase, phase_id))
            outcome["done"] = (sorted(attempt.question_order), attempt.max_score)

    _while_the_bank_changes(event_id, new_id, start_meanwhile, outcome)
    assert outcome == {"done": (sorted(q.id for q in new_bank.questions),
                                new_bank.max_points)}


def test_paper_answers_saved_while_the_bank_changes_are_checked_against_the_new_bank(
        app, bank_version, other_version):
    """A file of paper answers starts attempts too: saved while the trainer changes the bank, it
    waits, is checked against the new bank (whose questions it does not answer) and stores
    nothing on the old one."""
    from assessment.paper.operations import check_paper_file, import_paper

    event = make_event(bank_version)
    department, level = first_codes()
    old_bank = bank_of(bank_version)
    rows = [["employee_id", "name", "department", "level", "phase",
             *(q.id for q in old_bank.questions)],
            ["", "สมชาย ใจดี", department, level, "pre", *("" for _ in old_bank.questions)]]
    content = "\n".join(",".join(row) for row in rows).encode("utf-8")
    event_id, new_id = event.id, other_version.id
    db.session.commit()
    outcome = {}

    def save_meanwhile():
        with app.app_context():
            saving = db.session.get(Event, event_id)
            check = check_paper_file(saving, "paper.csv", content)
            outcome["done"] = import_paper(saving, check) if check.ok else "problems"
            db.session.rollback()

    _while_the_bank_changes(event_id, new_id, save_meanwhile, outcome)
    assert outcome == {"done": "problems"}
    assert db.session.scalar(select(func.count(Attempt.id))) == 0
