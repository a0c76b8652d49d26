"""Database engine settings: SQLite in WAL mode with writes that begin immediately.

A plain deferred BEGIN lets two workers both read, then both try to write, and
one of them fails with "database is locked"; BEGIN IMMEDIATE takes the write
lock up front and makes the other wait for busy_timeout instead.
"""

from sqlalchemy import event
from sqlalchemy.engine import Engine


def is_sqlite(url: str) -> bool:
    """True when the database URL points at SQLite."""
    return url.startswith("sqlite")


def sqlite_engine_options(busy_timeout: int) -> dict:
    """Engine options that hand transaction control to our own hooks."""
    return {"connect_args": {"timeout": busy_timeout, "isolation_level": None}}


def install_sqlite_hooks(engine: Engine, busy_timeout: int) -> None:
    """WAL, foreign keys and BEGIN IMMEDIATE on every SQLite connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout) * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
