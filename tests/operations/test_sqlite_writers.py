"""SQLite writers wait for each other in short steps and give up plainly after the timeout."""

import sqlite3
import threading
import time

import pytest

from assessment.database import begin_immediate


def _connect(path):
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    return connection


@pytest.fixture
def two_connections(tmp_path):
    path = tmp_path / "writers.sqlite"
    first, second = _connect(path), _connect(path)
    first.execute("CREATE TABLE answer (value TEXT)")
    yield first, second
    first.close()
    second.close()


def test_second_writer_starts_once_the_first_commits(two_connections):
    first, second = two_connections
    begin_immediate(first, patience=5)
    first.execute("INSERT INTO answer VALUES ('first')")
    committed_at = []

    def commit_later():
        time.sleep(0.2)
        committed_at.append(time.monotonic())
        first.execute("COMMIT")

    holder = threading.Thread(target=commit_later)
    holder.start()
    begin_immediate(second, patience=5)
    began_at = time.monotonic()
    second.execute("INSERT INTO answer VALUES ('second')")
    second.execute("COMMIT")
    holder.join()
    assert began_at >= committed_at[0]
    assert [row[0] for row in second.execute("SELECT value FROM answer")] == ["first", "second"]
    assert second.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_writer_gives_up_with_database_is_locked_after_its_patience(two_connections):
    first, second = two_connections
    begin_immediate(first, patience=5)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        begin_immediate(second, patience=0.1)
    assert not second.in_transaction
    first.execute("COMMIT")
    begin_immediate(second, patience=0.1)
    assert second.in_transaction
