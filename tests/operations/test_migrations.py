"""Migrations that change data or rebuild a table keep every row and every reference."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from assessment.banks.operations import bank_of
from assessment.events.models import Phase
from assessment.extensions import db
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.quizzes.scoring import points_for
from tests.helpers import attempt_id_from, csrf_from, identify, make_event

TABLES = (Participant, Attempt, Answer)


def _counts() -> dict[str, int]:
    return {model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
            for model in TABLES}


def _room(app, bank_version):
    """Two people joined by name, each on their own phone with an attempt and a saved answer."""
    event = make_event(bank_version)
    question = bank_of(bank_version).questions[0]
    for name in ("สมชาย ใจดี", "สมหญิง รักเรียน"):
        phone = app.test_client()
        html = identify(phone, event, name=name).get_data(as_text=True)
        saved = phone.post(f"/j/{event.code}/save", data={
            "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html),
            "question": question.id, "value": question.options[0].id})
        assert saved.get_json()["saved"]
    return event


def test_the_namesake_migration_keeps_the_room_both_ways(app, bank_version):
    """0003 rebuilds the participant table on SQLite (attempts refer to it): down to 0002 and
    up again with people, attempts and answers saved, nothing is lost; afterwards two roster
    namesakes may share a department while two people joining by name still may not."""
    event_id = _room(app, bank_version).id
    before = _counts()
    assert before == {"participant": 2, "attempt": 2, "answer": 2}
    directory = app.extensions["migrate"].directory
    db.session.commit()
    db.session.remove()
    downgrade(directory=directory, revision="0002")
    upgrade(directory=directory)
    assert _counts() == before
    if db.engine.dialect.name == "sqlite":
        assert db.session.execute(db.text("PRAGMA foreign_key_check")).all() == []
        assert db.session.execute(db.text("PRAGMA foreign_keys")).scalar() == 1
    person = db.session.scalars(select(Participant)).first()
    for employee_id in ("E1", "E2"):
        db.session.add(Participant(event_id=event_id, name=person.name, name_key=person.name_key,
                                   department_code=person.department_code,
                                   level_code=person.level_code, employee_id=employee_id))
    db.session.commit()
    db.session.add(Participant(event_id=event_id, name=person.name, name_key=person.name_key,
                               department_code=person.department_code,
                               level_code=person.level_code))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_answers_of_open_attempts_are_scored_again_once(app, bank_version):
    """0004: an attempt still open when the summing submit arrives has its answers' points
    set from the bank (an older build stored none with autosave), so its submit adds up the
    right score; a submitted attempt is left as its submit wrote it."""
    _room(app, bank_version)
    open_id, submitted_id = db.session.scalars(select(Attempt.id).order_by(Attempt.id)).all()
    saved = db.session.scalars(select(Answer)).first()
    question = bank_of(bank_version).question(saved.question_key)
    right = next(option.id for option in question.options if option.correct)
    db.session.execute(update(Answer).values(points=None, value=right))
    db.session.execute(update(Attempt).where(Attempt.id == submitted_id)
                       .values(status="submitted", score=0.0))
    db.session.commit()
    directory = app.extensions["migrate"].directory
    db.session.remove()
    downgrade(directory=directory, revision="0003")
    upgrade(directory=directory)
    expected = points_for(question, right)
    points = {a.attempt_id: a.points for a in db.session.scalars(select(Answer))}
    assert expected and points == {open_id: expected, submitted_id: None}


def test_the_phase_times_migration_keeps_a_closed_phases_actual_close(app, bank_version):
    """Before h22b_phase_actual_times a close wrote its moment over the planned close; going up
    copies it to closed_at (a test still open has none), and down and up again keeps the rest."""
    event = make_event(bank_version)  # pre-test open
    event_id = event.id
    directory = app.extensions["migrate"].directory
    db.session.commit()
    db.session.remove()
    downgrade(directory=directory, revision="0005")
    db.session.execute(db.text(
        "UPDATE phase SET state = 'closed', closes_at = :closed WHERE kind = 'post'"),
        {"closed": "2026-03-05 09:31:00"})
    db.session.commit()
    upgrade(directory=directory)
    from assessment.events.models import Event

    event = db.session.get(Event, event_id)
    assert event.phase("post").closed_at.strftime("%Y-%m-%d %H:%M") == "2026-03-05 09:31"
    assert event.phase("pre").closed_at is None and event.phase("pre").is_open


def test_local_times_become_utc_and_back(app, bank_version, monkeypatch):
    """h19a: on a server in Bangkok a phase closed at 09:00 local was stored as a naive 09:00;
    upgraded it is 02:00 UTC, and downgraded it is the naive 09:00 again. A time the database
    wrote itself (a participant's created_at) is the same moment either way."""
    monkeypatch.setenv("TZ", "Asia/Bangkok")
    time.tzset()
    try:
        event = _room(app, bank_version)
        closed = datetime(2026, 3, 5, 2, 0, tzinfo=UTC)
        event.phase("post").closes_at = closed
        created = db.session.scalars(select(Participant.created_at)).first()
        db.session.commit()
        db.session.remove()
        directory = app.extensions["migrate"].directory
        downgrade(directory=directory, revision="0005")
        stored = db.session.scalar(db.text(
            "SELECT closes_at FROM phase WHERE closes_at IS NOT NULL"))
        db.session.remove()
        upgrade(directory=directory)
        assert str(stored).startswith("2026-03-05 09:00:00")
        assert db.session.scalar(select(Phase.closes_at).where(Phase.closes_at.is_not(None))) \
            == closed
        assert db.session.scalars(select(Participant.created_at)).first() == created
    finally:
        monkeypatch.undo()
        time.tzset()
