"""On SQLite, a page that only reads does not wait for the write lock.

Every write transaction on SQLite begins with BEGIN IMMEDIATE, which takes the
one write lock. Taken for a GET as well, the quiz page held it while its 30
questions were rendered, and a room's autosaves queued behind it. A GET's
transactions therefore begin deferred: reads share the database with writers.

Some GETs do write (the quiz page starts an attempt the first time; a report
view writes its audit entry; a page finds time is up and submits). If another
worker wrote after such a transaction read, SQLite refuses the write at once
with "database is locked"; the page is rolled back and run again, its first
transaction now begun immediately. These writes are safe to repeat: starting
an attempt finds the one already started, submitting twice changes nothing.
PostgreSQL needs none of this.
"""

from __future__ import annotations

from functools import wraps

from flask import Flask, request
from sqlalchemy.exc import OperationalError

from assessment import database
from assessment.extensions import db

#: runs of one page before the lock error is shown as an error
RUNS = 3
READING_METHODS = ("GET", "HEAD")


def install_reads_first(app: Flask) -> None:
    """On SQLite, every view begins a GET's transactions deferred and runs again if a read
    had to write."""
    if not database.is_sqlite(app.config["SQLALCHEMY_DATABASE_URI"]):
        return
    for endpoint, view in list(app.view_functions.items()):
        app.view_functions[endpoint] = reads_first(view)


def reads_first(view):
    """The view with a GET's transactions begun deferred; anything else begins immediately."""

    @wraps(view)
    def run(**kwargs):
        if request.method not in READING_METHODS:
            return view(**kwargs)
        database.begin_reads_first()
        try:
            return _run_until_written(view, kwargs)
        finally:
            database.begin_writes_first()

    return run


def _run_until_written(view, kwargs):
    """Run the view again (at most RUNS times) when a deferred read could not become a write."""
    for _ in range(RUNS - 1):
        try:
            return view(**kwargs)
        except OperationalError as error:
            if not (database.reading_first() and database.is_busy(error.orig)):
                raise
            db.session.rollback()
            database.begin_next_immediately()
    return view(**kwargs)
