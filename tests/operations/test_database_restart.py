"""PostgreSQL: a pooled connection the database server closed (a restart) is replaced.

Connections left idle are checked before use; one used a moment ago is not (that check
was a round trip for every autosave). Each test closes the app's pooled connection from
the server's side, as a restart of PostgreSQL does.
"""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from assessment import create_app, database
from assessment.extensions import db

pytestmark = pytest.mark.postgres


@pytest.fixture
def pooled_backend(app) -> int:
    """The server process of the one connection the app's pool now holds, idle."""
    _postgres_only()
    db.session.remove()
    db.engine.dispose()
    pid = _backend_pid()
    assert db.engine.pool.checkedin() == 1
    return pid


def _postgres_only() -> None:
    if db.engine.url.get_backend_name() != "postgresql":
        pytest.skip("needs TEST_DATABASE_URL pointing at PostgreSQL")


def _backend_pid() -> int:
    pid = db.session.scalar(text("SELECT pg_backend_pid()"))
    db.session.commit()
    db.session.remove()  # the connection goes back to the pool
    return pid


def _closed_by_the_server(pid: int) -> None:
    url = db.engine.url.set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def test_an_idle_connection_the_server_closed_is_replaced_before_use(app, pooled_backend):
    _closed_by_the_server(pooled_backend)
    time.sleep(app.config["DATABASE_PING_AFTER_IDLE"] + 0.1)

    assert _backend_pid() != pooled_backend  # no error: a fresh connection answered


def test_a_connection_in_constant_use_is_not_checked(app):
    """The price of not checking every time: right after a restart, one statement fails
    (a phone's autosave retries it) and the pool starts afresh. The same database through an
    app whose connections count as in use for an hour, so a slow machine cannot make this
    connection look idle."""
    _postgres_only()
    busy = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_PING_AFTER_IDLE": 3600,
                       "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]})
    with busy.app_context():
        pid = _backend_pid()
        _closed_by_the_server(pid)

        with pytest.raises(OperationalError):
            db.session.scalar(text("SELECT 1"))
        db.session.rollback()
        db.session.remove()
        assert _backend_pid() != pid
        db.engine.dispose()


@pytest.mark.parametrize("driver", [database.driver_transaction, database.driver_autocommit])
def test_after_a_restart_one_submit_fails_and_the_pool_starts_afresh(app, driver):
    """A submit runs on the driver connection (database.driver_autocommit on PostgreSQL,
    driver_transaction on SQLite); when the server has gone it drops the whole pool as
    SQLAlchemy's Connection does, so the next submit gets a fresh connection instead of the
    pool's other dead one."""
    _postgres_only()
    busy = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_PING_AFTER_IDLE": 3600,
                       "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]})
    with busy.app_context():
        pooled = [db.engine.raw_connection() for _ in range(2)]
        pids = [connection.dbapi_connection.info.backend_pid for connection in pooled]
        for connection, pid in zip(pooled, pids, strict=True):
            connection.close()
            _closed_by_the_server(pid)

        with pytest.raises(psycopg.OperationalError), driver(db.engine) as cursor:
            cursor.execute("SELECT 1")
        with driver(db.engine) as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] not in pids
        db.engine.dispose()
