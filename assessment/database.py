"""Database engine settings: SQLite in WAL mode with writes that begin immediately.

A plain deferred BEGIN lets two workers both read, then both try to write, and
one of them fails with "database is locked"; BEGIN IMMEDIATE takes the write
lock up front and makes the other wait instead.

How it waits matters when a room submits at once: SQLite's own busy handler
sleeps 1, 2, 5, 10 ... up to 100 ms between tries, so a worker often sleeps
long after the lock came free and the database idles. We wait ourselves,
trying again every 0.2 to 0.5 ms until the busy timeout, so the next writer
starts within half a millisecond of the last one's commit (with pauses of up to
2 ms, the four workers of a 1,000-phone load run waited a fifth longer in all; a
failed try costs a few microseconds).

Pages that only read should not queue for the write lock at all: a web GET
begins its transactions deferred (see assessment/web/reads_first.py). Should
such a transaction then need to write while another worker has written since
it read, SQLite refuses at once ("database is locked", no waiting); the page
is then run again with its first transaction begun immediately.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import DateTime, event, exc
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.sql import Executable
from sqlalchemy.types import TypeDecorator

#: seconds between tries for the write lock: first, then at most
FIRST_PAUSE = 0.0002
LONGEST_PAUSE = 0.0005

#: how this thread's next SQLite transaction begins: "immediate" (the default, for
#: anything that may write), "deferred" (a page that reads first) or "immediate_once"
#: (a page run again after its read had to become a write: immediate, then deferred)
_BEGIN: ContextVar[str] = ContextVar("sqlite_begin", default="immediate")


def begin_reads_first() -> None:
    """From now on, SQLite transactions in this thread begin deferred (reading)."""
    _BEGIN.set("deferred")


def begin_writes_first() -> None:
    """From now on, SQLite transactions in this thread begin immediately (the default)."""
    _BEGIN.set("immediate")


def begin_next_immediately() -> None:
    """The next transaction begins immediately; the ones after it deferred again."""
    _BEGIN.set("immediate_once")


def reading_first() -> bool:
    """True while this thread's transactions begin deferred."""
    return _BEGIN.get() == "deferred"


def one_statement(connection: Connection) -> Connection:
    """`connection`, set up to run a lone statement as its own transaction.

    On PostgreSQL, in autocommit: the statement is one round trip to the server instead of
    three (BEGIN, the statement, COMMIT), and it is as much one transaction as before (the
    locks it takes are held until it ends); the pool sets the connection back when it
    returns. On SQLite, as it is: its transactions begin IMMEDIATE, while a lone statement in
    autocommit would read first and could then be refused the write.
    """
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="AUTOCOMMIT")
    return connection


@contextmanager
def driver_transaction(engine: Engine) -> Iterator[Any]:
    """A transaction on the pool's own driver connection, yielding a DB-API cursor.

    For the one request a whole room sends at once (the submit): SQLAlchemy's Connection,
    its events and its result objects cost that burst about a sixth of its rate on SQLite
    (benchmarks/results/load.md). The block's statements are DriverStatements; the
    transaction commits when the block ends and is rolled back by the pool when it raises.
    On SQLite it begins IMMEDIATE, as every write through the engine does.
    """
    with _driver_connection(engine) as connection:
        if engine.dialect.name == "sqlite":
            begin_immediate(connection.dbapi_connection, connection.info[BUSY_TIMEOUT])
        with closing(connection.cursor()) as cursor:  # an unfinished read would pin the WAL
            yield cursor
        connection.commit()


@contextmanager
def driver_autocommit(engine: Engine) -> Iterator[Any]:
    """A DB-API cursor on the pool's own driver connection in autocommit: each statement is a
    transaction of its own and one round trip to the server. For PostgreSQL (on SQLite a
    write begins IMMEDIATE: see driver_transaction). The connection goes back to the pool as
    it came, outside autocommit."""
    with _driver_connection(engine, autocommit=True) as connection, \
            closing(connection.cursor()) as cursor:
        yield cursor


@contextmanager
def _driver_connection(engine: Engine, autocommit: bool = False) -> Iterator[Any]:
    """A pooled connection checked out for the driver's own use, returned when the block
    ends; a database server that has gone drops the pool (_start_afresh_if_disconnected)."""
    connection = engine.raw_connection()
    try:
        if autocommit:
            connection.dbapi_connection.autocommit = True
        yield connection
    except engine.dialect.loaded_dbapi.Error as error:
        _start_afresh_if_disconnected(engine, connection, error)
        raise
    finally:
        if autocommit:
            _leave_autocommit(connection)
        connection.close()


def _leave_autocommit(connection) -> None:
    """Back to transactions, or dropped from the pool if the connection cannot say so."""
    if connection.dbapi_connection is None:  # dropped already (the server went)
        return
    try:
        connection.dbapi_connection.autocommit = False
    except Exception as error:  # noqa: BLE001 - a broken connection must not go back
        connection.invalidate(error)


def _start_afresh_if_disconnected(engine: Engine, connection, error: Exception) -> None:
    """What SQLAlchemy's Connection does when the database server has gone (a restart):
    this connection is dropped and the pool starts afresh, so one request fails, not one
    per pooled connection."""
    if engine.dialect.is_disconnect(error, connection.dbapi_connection, None):
        connection.invalidate(error)
        engine.dispose()


@dataclass(frozen=True)
class DriverStatement:
    """A Core statement compiled once for one dialect, run on a DB-API cursor.

    The SQL is SQLAlchemy's own, with its bound literals and its types' conversions (a
    datetime becomes SQLite's text); only the per-execution machinery is left out.
    """

    sql: str
    #: the statement's own bound values (literals in the statement), by bind name
    fixed: dict[str, Any]
    #: the types' conversions for this dialect, by bind name
    conversions: dict[str, Any]
    #: bind names in order, for a driver that takes positional parameters (SQLite's "?")
    order: tuple[str, ...] | None

    @classmethod
    def compile(cls, statement: Executable, dialect: Dialect) -> DriverStatement:
        """Raises ValueError for what only SQLAlchemy's execution can render (expanding or
        literal-execute parameters, escaped names, values computed at execution)."""
        compiled = statement.compile(dialect=dialect)
        if compiled.post_compile_params or compiled.literal_execute_params \
                or compiled.escaped_bind_names:
            raise ValueError("a driver statement takes plain bound parameters only")
        binds = {name: bind for bind, name in compiled.bind_names.items()}
        if any(bind.callable is not None for bind in binds.values()):
            raise ValueError("a driver statement cannot compute a value at execution")
        conversions = {}
        for name, bind in binds.items():
            conversion = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if conversion is not None:
                conversions[name] = conversion
        fixed = {name: bind.value for name, bind in binds.items() if not bind.required}
        order = tuple(compiled.positiontup) if compiled.positional else None
        return cls(compiled.string, fixed, conversions, order)

    def execute(self, cursor, values: dict[str, Any]):
        """Run on `cursor` with `values` by bind name; returns the cursor."""
        given = {**self.fixed, **values}
        for name, conversion in self.conversions.items():
            given[name] = conversion(given[name])
        if self.order is not None:
            cursor.execute(self.sql, tuple(given[name] for name in self.order))
        else:
            cursor.execute(self.sql, given)
        return cursor


def is_sqlite(url: str) -> bool:
    """True when the database URL points at SQLite."""
    return url.startswith("sqlite")


def sqlite_engine_options(busy_timeout: int) -> dict:
    """Engine options that hand transaction control to our own hooks."""
    return {"connect_args": {"timeout": busy_timeout, "isolation_level": None}}


#: a pooled SQLite connection's info key: seconds a write waits for the lock
BUSY_TIMEOUT = "sqlite_busy_timeout"

#: INSERT ... RETURNING (identify adds a person and an attempt and reads them back at once)
OLDEST_SQLITE = (3, 35)


def install_sqlite_hooks(engine: Engine, busy_timeout: int) -> None:
    """WAL, foreign keys and BEGIN IMMEDIATE on every SQLite connection."""
    if sqlite3.sqlite_version_info < OLDEST_SQLITE:
        raise RuntimeError(f"SQLite {sqlite3.sqlite_version} is too old: the app needs "
                           f"{'.'.join(map(str, OLDEST_SQLITE))} or later (Python's sqlite3 "
                           "module uses the system's SQLite; Debian 12 has 3.40)")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, record):
        record.info[BUSY_TIMEOUT] = busy_timeout  # for driver_transaction
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout) * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        dbapi_connection = connection.connection.dbapi_connection
        mode = _BEGIN.get()
        if mode == "deferred":
            dbapi_connection.execute("BEGIN")
            return
        begin_immediate(dbapi_connection, busy_timeout)
        if mode == "immediate_once":
            _BEGIN.set("deferred")


def begin_immediate(dbapi_connection: sqlite3.Connection, patience: float) -> None:
    """BEGIN IMMEDIATE, trying again every few milliseconds for `patience` seconds.

    Raises sqlite3.OperationalError ("database is locked") when another writer
    held the lock all that time.
    """
    deadline = time.monotonic() + patience
    pause = FIRST_PAUSE
    dbapi_connection.execute("PRAGMA busy_timeout=0")  # our loop waits, not SQLite's
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={int(patience * 1000)}")


def is_busy(error: BaseException) -> bool:
    """True for SQLite's "database is locked" (SQLITE_BUSY and its extended codes)."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_BUSY
    return "locked" in str(error)


def install_idle_ping(engine: Engine, after_idle: float) -> None:
    """Check a pooled connection that sat idle `after_idle` seconds before handing it out.

    A restart of the database server closes the pooled connections; the first request on
    one would fail. SQLAlchemy's pool_pre_ping checks every connection at every checkout: a
    round trip to the server for each of a room's thousands of autosaves, each costing the
    worker and the server as much as a third of the answer itself. A connection in constant
    use was working a moment ago; one that sat idle is checked, and replaced if it is gone
    (the pool retries with a fresh connection when a checkout raises DisconnectionError).
    """

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection, record):
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, record, _proxy):
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < after_idle:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            if engine.dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.DisconnectionError(str(error)) from error
            raise


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
