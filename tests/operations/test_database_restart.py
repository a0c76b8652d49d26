"""PostgreSQL: pooled connections the database server closed (a restart) are replaced before
use (pool_pre_ping), so no request fails for them. Each test closes the app's pooled
connections from the server's side, as a restart of PostgreSQL does."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from assessment.extensions import db
from tests.helpers import attempt_id_from, csrf_from, identify, make_event

pytestmark = pytest.mark.postgres


@pytest.fixture
def postgres(app):
    if db.engine.url.get_backend_name() != "postgresql":
        pytest.skip("needs TEST_DATABASE_URL pointing at PostgreSQL")


def _backend_pid() -> int:
    pid = db.session.scalar(text("SELECT pg_backend_pid()"))
    db.session.commit()
    db.session.remove()  # the connection goes back to the pool
    return pid


def _close_every_pooled_connection() -> list[int]:
    """Check out two connections at once, note their server processes, return them to the
    pool and end those processes from another connection."""
    pooled = [db.engine.raw_connection() for _ in range(2)]
    pids = [connection.dbapi_connection.info.backend_pid for connection in pooled]
    for connection in pooled:
        connection.close()
    url = db.engine.url.set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as admin:
        for pid in pids:
            assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
    return pids


def test_a_connection_the_server_closed_is_replaced_before_use(postgres):
    pids = _close_every_pooled_connection()
    assert _backend_pid() not in pids  # no error: a fresh connection answered


def test_after_a_restart_answers_and_the_submit_go_through(postgres, client, bank_version):
    event = make_event(bank_version)
    html, code = identify(client, event).get_data(as_text=True), event.code
    db.session.remove()
    _close_every_pooled_connection()
    saved = client.post(f"/j/{code}/save", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html),
        "question": "nothing-such", "value": "a"})
    assert saved.status_code == 400  # answered (an unknown question), not a server error
    submitted = client.post(f"/j/{code}/submit", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html)})
    assert "/result" in submitted.location
