"""Shared fixtures: an app on a fresh database, its client and CLI runner, and the shipped bank."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assessment import create_app
from assessment.extensions import db
from tests.helpers import SHIPPED_BANK, load_shipped_bank


def _database_url(tmp_path: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def app(tmp_path):
    """An app whose database is made by the real migrations."""
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE_URL": _database_url(tmp_path),
        "PUBLIC_URL": "http://quiz.test",
    })
    _fresh_g_per_request(app)
    _forget_what_workers_keep()
    with app.app_context():
        from flask_migrate import upgrade

        from assessment.organisation.lists import seed_defaults

        upgrade(directory=app.extensions["migrate"].directory)
        seed_defaults()
        yield app
        db.session.remove()
        if not _database_url(tmp_path).startswith("sqlite"):
            db.drop_all()
            db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
            db.session.execute(db.text("DROP FUNCTION IF EXISTS submit_own_attempt"))  # 0005
            db.session.commit()
        # every test builds its own app and engine: close its pooled connections now, or
        # psycopg warns about them when they are collected (and warnings are errors here)
        db.engine.dispose()


def _forget_what_workers_keep() -> None:
    """Each test has a new database whose ids start again: nothing a worker kept about the
    last one (rendered question blocks, the lists' choices) may carry over."""
    from assessment.organisation.lists import forget_choices
    from assessment.quizzes.blocks import forget_blocks

    forget_blocks()
    forget_choices()


def _fresh_g_per_request(app) -> None:
    """Requests share the test's app context (and so `g` and the database session); start
    each with an empty `g` and no open transaction, as a served request would, or one
    client's CSRF token and login leak into another's."""
    from flask import g

    def _empty_g():
        for name in list(vars(g)):
            delattr(g, name)
        # a served request has its own session, so nothing the test (or the request before)
        # left open holds a transaction, or SQLite's write lock, while this one runs
        db.session.rollback()

    # first of all, before the CSRF check marks the request valid in `g`
    app.before_request_funcs.setdefault(None, []).insert(0, _empty_g)
    # and a served request's session ends with it (Flask-SQLAlchemy removes it with the app
    # context, which the tests share): a GET's reading transaction must not carry over into
    # what the test writes next
    app.teardown_request(lambda _error: db.session.rollback())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def bank_version(app):
    """The shipped Smart City bank, loaded."""
    return load_shipped_bank()


__all__ = ["SHIPPED_BANK"]
