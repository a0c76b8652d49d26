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
    """Begin a GET's transactions deferred, and run a page again if a read had to write."""
    if not database.is_sqlite(app.config["SQLALCHEMY_DATABASE_URI"]):
        return

    @app.before_request
    def _choose_how_to_begin():
        if request.method in READING_METHODS:
            database.begin_reads_first()

    @app.teardown_request
    def _back_to_the_default(_error=None):
        database.begin_writes_first()

    for endpoint, view in list(app.view_functions.items()):
        app.view_functions[endpoint] = run_again_when_a_read_must_write(view)


def run_again_when_a_read_must_write(view):
    """The view, run again (at most RUNS times) when a deferred read could not become a write."""

    @wraps(view)
    def run(**kwargs):
        for _ in range(RUNS - 1):
            try:
                return view(**kwargs)
            except OperationalError as error:
                if not (database.reading_first() and database.is_busy(error.orig)):
                    raise
                db.session.rollback()
                database.begin_next_immediately()
        return view(**kwargs)

    return run
