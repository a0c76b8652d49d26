"""What monitoring and a participant see when the database is not there: /healthz says so
with a 503, and a page that fails says so in Thai instead of the framework's English."""

from __future__ import annotations

import logging

import pytest

from assessment import create_app


@pytest.fixture
def without_database(tmp_path):
    """The app pointed at a database it cannot open (a folder that does not exist), serving
    as in production: a failing view gives the error page, not a traceback to the test."""
    app = create_app({
        "SECRET_KEY": "test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'gone' / 'assessment.sqlite'}",
        "PUBLIC_URL": "http://quiz.test",
        "PROPAGATE_EXCEPTIONS": False,
    })
    yield app
    with app.app_context():
        from assessment.extensions import db

        db.engine.dispose()


def test_health_is_ok_when_the_database_answers_and_is_migrated(client):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.get_json() == {"ok": True, "database": "ok"}
    assert answer.headers["Cache-Control"] == "no-store"


def test_health_is_503_when_the_database_does_not_answer(without_database, caplog):
    with caplog.at_level(logging.WARNING):
        answer = without_database.test_client().get("/healthz")
    assert answer.status_code == 503
    assert answer.get_json() == {"ok": False, "database": "unreachable"}
    assert "unable to open database file" in caplog.text  # the cause is in the log only
    assert "unable to open" not in answer.get_data(as_text=True)


def test_health_is_503_when_the_database_was_never_migrated(app, client):
    from assessment.extensions import db

    db.session.execute(db.text("DROP TABLE alembic_version"))
    db.session.commit()
    assert client.get("/healthz").status_code == 503


def test_a_page_that_fails_on_the_server_says_so_in_thai(without_database):
    answer = without_database.test_client().get("/j/ABC234")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 500
    assert "ระบบขัดข้อง" in page and "คำตอบที่ท่านบันทึกไว้ยังอยู่" in page
    assert "Internal Server Error" not in page and 'lang="th"' in page


def _read_only_app(url):
    """The app on the same database, opened so that it cannot write (a read-only file on
    SQLite, a read-only session on PostgreSQL)."""
    if url.startswith("sqlite:///"):
        return create_app({"SECRET_KEY": "test", "PUBLIC_URL": "http://quiz.test",
                           "DATABASE_URL": f"sqlite:///file:{url[10:]}?mode=ro&uri=true"})
    return create_app({"SECRET_KEY": "test", "PUBLIC_URL": "http://quiz.test",
                       "DATABASE_URL": url, "SQLALCHEMY_ENGINE_OPTIONS": {
                           "connect_args": {"options": "-c default_transaction_read_only=on"}}})


def test_health_is_503_read_only_when_the_database_cannot_be_written(app):
    from assessment.extensions import db

    url = db.engine.url.render_as_string(hide_password=False)
    read_only = _read_only_app(url)
    try:
        answer = read_only.test_client().get("/healthz")
        assert answer.status_code == 503
        assert answer.get_json() == {"ok": False, "database": "read-only"}
    finally:
        with read_only.app_context():
            db.engine.dispose()
    # and the check's write left nothing behind on the writable database
    assert app.test_client().get("/healthz").status_code == 200
