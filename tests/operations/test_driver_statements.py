"""Statements run on the pool's driver connection (database.DriverStatement) store exactly
what the same statement run through SQLAlchemy stores, and their transaction is all or
nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, select, text, update

from assessment import database
from assessment.extensions import db
from assessment.quizzes.models import Attempt
from tests.helpers import attempt_id_from, identify, make_event

MOMENTS = [datetime(2026, 12, 2, 9, 30, 0, tzinfo=UTC),
           datetime(2026, 12, 2, 9, 30, 0, 123456, tzinfo=UTC)]

STAMP = (update(Attempt).where(Attempt.id == bindparam("attempt_id"))
         .values(submitted_at=bindparam("now"), submitted_by="participant"))


def _an_attempt(client, bank_version) -> int:
    event = make_event(bank_version)
    attempt_id = attempt_id_from(identify(client, event).get_data(as_text=True))
    db.session.commit()
    return attempt_id


def _stored(attempt_id: int) -> tuple:
    """The row as the database holds it (SQLite's text, not a parsed datetime)."""
    return tuple(db.session.execute(text(
        "SELECT CAST(submitted_at AS TEXT), submitted_by FROM attempt WHERE id = :id"),
        {"id": attempt_id}).one())


def _through_the_driver(statement, values: dict) -> int:
    with database.driver_transaction(db.engine) as cursor:
        return database.DriverStatement.compile(statement, db.engine.dialect).execute(
            cursor, values).rowcount


@pytest.mark.parametrize("moment", MOMENTS, ids=["whole second", "microseconds"])
def test_a_driver_statement_stores_what_sqlalchemy_stores(client, bank_version, moment):
    attempt_id = _an_attempt(client, bank_version)
    db.session.execute(STAMP, {"attempt_id": attempt_id, "now": moment})
    db.session.commit()
    through_sqlalchemy = _stored(attempt_id)
    db.session.execute(update(Attempt).where(Attempt.id == attempt_id)
                       .values(submitted_at=None, submitted_by=None))
    db.session.commit()

    assert _through_the_driver(STAMP, {"attempt_id": attempt_id, "now": moment}) == 1
    db.session.rollback()
    assert _stored(attempt_id) == through_sqlalchemy
    assert db.session.scalar(select(Attempt.submitted_at).where(Attempt.id == attempt_id)) \
        == moment


def test_a_driver_transaction_that_raises_writes_nothing(client, bank_version):
    attempt_id = _an_attempt(client, bank_version)
    statement = database.DriverStatement.compile(STAMP, db.engine.dialect)
    with pytest.raises(RuntimeError), database.driver_transaction(db.engine) as cursor:
        statement.execute(cursor, {"attempt_id": attempt_id, "now": MOMENTS[1]})
        raise RuntimeError("the request failed after the statement")
    db.session.rollback()
    assert _stored(attempt_id) == (None, None)


def test_what_only_sqlalchemy_can_render_is_refused(app):
    expanding = select(Attempt.id).where(Attempt.id.in_(bindparam("ids", expanding=True)))
    computed = update(Attempt).values(submitted_at=bindparam("now", callable_=datetime.now))
    for statement in (expanding, computed):
        with pytest.raises(ValueError):
            database.DriverStatement.compile(statement, db.engine.dialect)
