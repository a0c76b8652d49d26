"""SQLite writers, through SQLAlchemy: a second writer waits for the first to commit (SQLite's
busy timeout), gives up plainly after it, and a reading transaction neither waits nor writes."""

import threading
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assessment import database


def _engine(path, busy_timeout):
    url = f"sqlite:///{path}"
    engine = create_engine(url, **database.engine_options(url, busy_timeout))
    database.install_sqlite_hooks(engine)
    return engine


@pytest.fixture
def engines(tmp_path):
    path = tmp_path / "writers.sqlite"
    first, second = _engine(path, 5), _engine(path, 0.2)
    with first.begin() as connection:
        connection.execute(text("CREATE TABLE answer (value TEXT)"))
    yield first, second
    first.dispose()
    second.dispose()


def _values(engine):
    with engine.connect() as connection:
        return connection.scalars(text("SELECT value FROM answer ORDER BY rowid")).all()


def test_a_second_writer_starts_once_the_first_commits(tmp_path):
    path = tmp_path / "writers.sqlite"
    first, second = _engine(path, 5), _engine(path, 5)
    with first.begin() as connection:
        connection.execute(text("CREATE TABLE answer (value TEXT)"))
    committed_at = []
    holding = threading.Event()

    def hold_then_commit():
        with first.begin() as connection:
            connection.execute(text("INSERT INTO answer VALUES ('first')"))
            holding.set()
            time.sleep(0.3)
            committed_at.append(time.monotonic())

    holder = threading.Thread(target=hold_then_commit)
    holder.start()
    holding.wait(5)
    with second.begin() as connection:  # BEGIN IMMEDIATE waits here
        began_at = time.monotonic()
        connection.execute(text("INSERT INTO answer VALUES ('second')"))
    holder.join()
    assert began_at >= committed_at[0]
    assert _values(second) == ["first", "second"]
    first.dispose()
    second.dispose()


def test_a_writer_gives_up_with_database_is_locked_after_the_busy_timeout(engines):
    first, second = engines
    with first.begin() as connection:
        connection.execute(text("INSERT INTO answer VALUES ('first')"))
        started = time.monotonic()
        with pytest.raises(OperationalError, match="locked"), second.begin():
            pass
        assert 0.15 < time.monotonic() - started < 3
    with second.begin() as connection:  # the lock is free again
        connection.execute(text("INSERT INTO answer VALUES ('second')"))
    assert _values(first) == ["first", "second"]


def test_a_reading_transaction_takes_no_lock_and_may_not_write(engines):
    """While a writer holds the lock a GET's transaction still reads at once; a write in it
    is refused with a message that names the fix, not left to fail only when the room is
    busy."""
    first, second = engines
    with first.begin() as writing:
        writing.execute(text("INSERT INTO answer VALUES ('first')"))
        database.begin_reading()
        try:
            with second.connect() as reading:
                assert reading.scalars(text("SELECT value FROM answer")).all() == []
                with pytest.raises(database.ReadOnlyTransaction, match="database.writing"):
                    reading.execute(text("INSERT INTO answer VALUES ('x')"))
        finally:
            database.end_of_request()
    assert _values(second) == ["first"]


def test_a_reading_request_writes_in_a_block_and_reads_on_without_the_lock(engines):
    """A GET that writes (a report's audit entry) writes inside database.writing and then
    reads on (draws its charts) holding no lock: a phone's write meanwhile goes through at
    once."""
    first, second = engines
    database.begin_reading()
    try:
        with Session(second) as session:
            session.execute(text("SELECT count(*) FROM answer"))
            with database.writing(session):
                session.execute(text("INSERT INTO answer VALUES ('audit')"))
                session.commit()
            assert session.scalar(text("SELECT count(*) FROM answer")) == 1
            waited = {}

            def phone_writes():  # a thread of its own: a request that writes
                started = time.monotonic()
                with first.begin() as connection:
                    connection.execute(text("INSERT INTO answer VALUES ('phone')"))
                waited["s"] = time.monotonic() - started

            phone = threading.Thread(target=phone_writes)
            phone.start()
            phone.join(10)
            assert waited["s"] < 1
    finally:
        database.end_of_request()
    assert _values(first) == ["audit", "phone"]
