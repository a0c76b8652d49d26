"""Two transactions meeting: one holds what the other needs, and the other must wait for it."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from assessment.extensions import db

#: sessions of this database waiting for a lock (PostgreSQL)
WAITING_FOR_A_LOCK = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND wait_event_type = 'Lock'")


def commit_after_it_waited(holding, meanwhile, outcome: dict) -> None:
    """Run `meanwhile` in a thread while `holding` keeps its transaction open; it must wait for
    it (outcome has no "done" yet), then `holding` commits and the thread is let finish."""
    thread = threading.Thread(target=meanwhile)
    thread.start()
    until_something_waits_for_a_lock(holding.dialect.name)
    assert "done" not in outcome, "it did not wait for the other transaction"
    holding.commit()
    thread.join(timeout=20)


def until_something_waits_for_a_lock(dialect: str) -> None:
    """On PostgreSQL, until a session waits for a lock, so that a thread that had not reached
    its statement yet cannot pass for one that waited. SQLite shows no such thing (a writer
    waits in our BEGIN IMMEDIATE loop), so half a second there."""
    if dialect != "postgresql":
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with db.engine.connect() as looking:  # a new transaction sees the activity afresh
            if looking.scalar(WAITING_FOR_A_LOCK):
                return
        time.sleep(0.05)
    raise AssertionError("nothing waited for a lock")
