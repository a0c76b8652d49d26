"""The database layer: aware UTC times, and SQLite transactions that lock only to write.

Times: every datetime column is a UTCDateTime (below): stored in UTC, read back aware.

PostgreSQL needs nothing more than `pool_pre_ping` (a restarted server's closed
connections are replaced before use). SQLite has one write lock for the whole file, and
how a transaction takes it decides whether a room of phones keeps answering:

- A write transaction begins IMMEDIATE: it takes the lock up front, and another writer
  waits for it (SQLite's own busy timeout, SQLITE_BUSY_TIMEOUT seconds). A deferred
  transaction that read and then writes after another writer committed is refused at
  once ("database is locked"), however long the timeout.
- A request declares what it does by its method. A GET or HEAD reads: its transactions
  begin deferred and never wait for, nor hold, the lock, however long the page takes to
  render. Any other method writes: its transactions begin IMMEDIATE.
- A GET that must write (the quiz page starting an attempt, a report's audit entry)
  writes inside `with writing(session):` the reading transaction ends, the block writes
  and commits in an IMMEDIATE transaction, and the page reads on without the lock. A
  write in a transaction that began deferred is a mistake and raises ReadOnlyTransaction
  rather than failing only when the room is busy.
- A request that works a long time without the database (parsing and checking an
  upload: a bank, a roster, paper answers) does that work in outside_transaction(): the
  transaction that checked who is asking ends first, and the write that follows begins
  IMMEDIATE afresh. No lock is held while a file is parsed, so a slow staff request
  never holds up a phone's answer.

Everything goes through SQLAlchemy's documented "connect" and "begin" engine events.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC
from typing import Any

from sqlalchemy import DateTime, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

#: INSERT ... RETURNING (identify adds a person and an attempt and reads them back at once)
OLDEST_SQLITE = (3, 35)

#: how this context's next SQLite transaction begins: "IMMEDIATE" (it may write: the default
#: outside a request and in a request that is not a GET) or "DEFERRED" (a GET reading)
_BEGIN: ContextVar[str] = ContextVar("sqlite_begin", default="IMMEDIATE")
#: a pooled connection's info key: how its open transaction began
_BEGAN = "sqlite_began"


class ReadOnlyTransaction(RuntimeError):
    """A write was sent in a SQLite transaction that began deferred (see writing)."""


def begin_reading() -> None:
    """This request reads: its SQLite transactions begin deferred, taking no lock."""
    _BEGIN.set("DEFERRED")


@contextmanager
def writing(session: Session) -> Iterator[None]:
    """In a request that reads (a GET): the reading transaction ends, and the block's
    transaction begins IMMEDIATE (the block commits it); afterwards the request reads on
    without the lock. In a request that writes already, just the block, in its transaction."""
    if _BEGIN.get() != "DEFERRED":
        yield
        return
    session.commit()
    _BEGIN.set("IMMEDIATE")
    try:
        yield
    finally:
        _BEGIN.set("DEFERRED")


def end_of_request() -> None:
    """Back to the default (IMMEDIATE) for what runs after the request in this context."""
    _BEGIN.set("IMMEDIATE")


def outside_transaction(session: Session, work: Callable[..., Any], *args: Any) -> Any:
    """`work(*args)` with no transaction open (parsing an upload): what was read so far is
    committed first, so no lock is held while it runs; the next query begins afresh."""
    session.commit()
    return work(*args)


def is_sqlite(url: str) -> bool:
    """True when the database URL points at SQLite."""
    return url.startswith("sqlite")


def engine_options(url: str, busy_timeout: float) -> dict:
    """SQLAlchemy engine options: SQLite's begin is ours (install_sqlite_hooks), and it waits
    `busy_timeout` seconds for the write lock; other databases check a pooled connection
    before use."""
    if is_sqlite(url):
        return {"connect_args": {"timeout": busy_timeout, "isolation_level": None}}
    return {"pool_pre_ping": True}


def install_sqlite_hooks(engine: Engine) -> None:
    """WAL, foreign keys, and each transaction begun IMMEDIATE or DEFERRED (see above)."""
    if sqlite3.sqlite_version_info < OLDEST_SQLITE:
        raise RuntimeError(f"SQLite {sqlite3.sqlite_version} is too old: the app needs "
                           f"{'.'.join(map(str, OLDEST_SQLITE))} or later (Python's sqlite3 "
                           "module uses the system's SQLite; Debian 12 has 3.40)")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = _BEGIN.get()
        connection.exec_driver_sql(f"BEGIN {mode}")
        connection.info[_BEGAN] = mode

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse_writes_in_a_read(connection, _cursor, statement, _params, _context, _many):
        if connection.info.get(_BEGAN) == "DEFERRED" and _writes(statement):
            raise ReadOnlyTransaction(
                f"a write in a transaction that began reading: {statement[:60]!r} (call "
                "inside assessment.database.writing)")


#: the first word of a statement that writes
WRITING = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE"})


def _writes(statement: str) -> bool:
    return statement.lstrip().split(None, 1)[0].upper() in WRITING


class UTCDateTime(TypeDecorator):
    """A moment in time, stored as UTC and read back as an aware UTC datetime.

    PostgreSQL keeps it in a `timestamp with time zone`; SQLite has no zone and keeps the UTC
    wall time as text. A naive value is refused: whose clock it was read on is unknown.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime cannot be stored: {value!r} "
                             "(use datetime.now(UTC))")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:  # SQLite, or CURRENT_TIMESTAMP: both UTC
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
