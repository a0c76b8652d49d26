"""On SQLite a page that only reads does not wait for the write lock, and a page whose
read has to become a write (the quiz page starting an attempt) is run again and writes once."""

from __future__ import annotations

import sqlite3

import pytest
from flask_migrate import upgrade
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import func, select

from assessment import create_app
from assessment.events.operations import close_phase, find_event, open_phase
from assessment.extensions import db
from assessment.organisation.lists import seed_defaults
from assessment.privacy.models import AuditEntry
from assessment.quizzes.models import Attempt, Participant
from tests.helpers import csrf_from, first_codes, load_shipped_bank, make_event


@pytest.fixture
def sqlite_app(tmp_path):
    """An app on its own SQLite file whatever TEST_DATABASE_URL says; writers wait 1 s."""
    path = tmp_path / "reads-first.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": f"sqlite:///{path}",
                      "SQLITE_BUSY_TIMEOUT": 1})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        seed_defaults()
        code = make_event(load_shipped_bank()).code
        db.session.commit()
        db.session.close()
        yield app, path, code
        db.session.remove()
        db.engine.dispose()


def _identified(client, code):
    page = client.get(f"/j/{code}")
    department, level = first_codes()
    db.session.close()
    answer = client.post(f"/j/{code}", data={
        "csrf_token": csrf_from(page.get_data(as_text=True)), "name": "สมหญิง รักเรียน",
        "department": department, "level": level})
    assert answer.status_code == 302 and answer.location.endswith(f"/j/{code}/quiz")
    db.session.close()
    return client


def test_a_page_that_only_reads_is_served_while_another_worker_writes(sqlite_app):
    app, path, code = sqlite_app
    other_worker = sqlite3.connect(path, isolation_level=None)
    other_worker.execute("BEGIN IMMEDIATE")  # holds the write lock for the whole request
    try:
        page = app.test_client().get(f"/j/{code}")
    finally:
        other_worker.execute("ROLLBACK")
        other_worker.close()
    assert page.status_code == 200
    assert 'name="name"' in page.get_data(as_text=True)


def test_identifying_starts_the_attempt_so_the_quiz_page_only_reads(sqlite_app):
    app, path, code = sqlite_app
    client = _identified(app.test_client(), code)
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
    db.session.close()
    other_worker = sqlite3.connect(path, isolation_level=None)
    other_worker.execute("BEGIN IMMEDIATE")  # holds the write lock for the whole request
    try:
        page = client.get(f"/j/{code}/quiz")
    finally:
        other_worker.execute("ROLLBACK")
        other_worker.close()
    assert page.status_code == 200 and 'id="question-' in page.get_data(as_text=True)


def test_the_quiz_page_runs_again_when_another_worker_wrote_before_it_could(sqlite_app):
    app, path, code = sqlite_app
    _set_pre(code, open_it=False)  # the person identifies while waiting for the trainer
    client = _identified(app.test_client(), code)
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0
    _set_pre(code, open_it=True)  # the trainer opens the pre-test: the next page starts it
    tries = []

    def another_worker_writes_first(_conn, _cursor, statement, *_rest):
        if statement.lstrip().upper().startswith("INSERT INTO ATTEMPT"):
            tries.append(statement)
            if len(tries) == 1:  # after this page read, before it writes
                with sqlite3.connect(path, isolation_level=None) as other:
                    other.execute("INSERT INTO audit_entry (username, action, detail) "
                                  "VALUES ('another worker', 'test', '')")

    sqlalchemy_event.listen(db.engine, "before_cursor_execute", another_worker_writes_first)
    try:
        page = client.get(f"/j/{code}/quiz")
    finally:
        sqlalchemy_event.remove(db.engine, "before_cursor_execute", another_worker_writes_first)
    assert page.status_code == 200
    assert 'id="question-' in page.get_data(as_text=True)
    assert len(tries) == 2  # refused once ("database is locked" at once), then written
    db.session.close()
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
    assert db.session.scalar(select(AuditEntry.username)) == "another worker"


def _set_pre(code, open_it: bool) -> None:
    event = find_event(code)
    (open_phase if open_it else close_phase)(event, "pre")
    db.session.commit()
    db.session.close()


def test_a_form_post_still_takes_the_write_lock_before_it_reads(sqlite_app):
    app, path, code = sqlite_app
    client = app.test_client()
    page = client.get(f"/j/{code}")
    department, level = first_codes()
    db.session.close()
    other_worker = sqlite3.connect(path, isolation_level=None)
    other_worker.execute("BEGIN IMMEDIATE")
    try:  # waits its 1 s for the lock, then gives up whole
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            client.post(f"/j/{code}", data={
                "csrf_token": csrf_from(page.get_data(as_text=True)), "name": "สมหญิง รักเรียน",
                "department": department, "level": level})
    finally:
        other_worker.execute("ROLLBACK")
        other_worker.close()
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Participant)) == 0
