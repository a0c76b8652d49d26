"""`flask db-deploy`: the database upgraded once per release, before the app servers start,
and safe when two hosts run it at the same moment (a PostgreSQL advisory lock)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from assessment.banks.models import BankVersion
from assessment.organisation.models import Department
from assessment.privacy.models import PseudonymKey

ROOT = Path(__file__).resolve().parents[2]
POSTGRESQL = os.environ.get("TEST_DATABASE_URL", "")


#: how the deploying processes name their connections (libpq's PGAPPNAME)
DEPLOYING = "test-db-deploy"


def _deploy(url: str) -> subprocess.Popen:
    env = dict(os.environ, ASSESSMENT_DATABASE_URL=url, ASSESSMENT_SECRET_KEY="deploy-test",
               PYTHONPATH=str(ROOT), PGAPPNAME=DEPLOYING)
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "assessment", "db-deploy"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def _empty(engine) -> None:
    from assessment import models  # noqa: F401  (every table known to the metadata)
    from assessment.extensions import db

    with engine.begin() as connection:
        db.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        connection.execute(text("DROP FUNCTION IF EXISTS submit_own_attempt"))


def _started_together(gate) -> list[subprocess.Popen]:
    """Two hosts deploying at the same moment: the test creates Alembic's version table in a
    transaction it keeps open, so both hosts' first step waits for it (or, with the deploy
    lock, one waits for the table and the other for the lock); once both wait, the test
    rolls back and they go at once."""
    gate.execute(text("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL)"))
    hosts = [_deploy(POSTGRESQL) for _host in range(2)]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _waiting(gate.engine) < 2:
        assert all(host.poll() is None for host in hosts), [h.communicate() for h in hosts]
        time.sleep(0.1)
    gate.rollback()
    return hosts


def _waiting(engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
            "AND wait_event_type = 'Lock'"), {"name": DEPLOYING})


@pytest.mark.skipif(not POSTGRESQL.startswith("postgresql"), reason="needs TEST_DATABASE_URL")
def test_two_hosts_deploying_at_once_on_postgresql_both_succeed_and_migrate_once():
    engine = create_engine(POSTGRESQL)
    try:
        _empty(engine)
        with engine.connect() as gate:
            hosts = _started_together(gate)
        outputs = [host.communicate(timeout=120)[0] for host in hosts]
        assert [host.returncode for host in hosts] == [0, 0], [out[-800:] for out in outputs]
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1
            assert connection.scalar(select(func.count()).select_from(PseudonymKey)) == 1
            departments = connection.scalar(select(func.count()).select_from(Department))
            banks = connection.scalar(select(func.count()).select_from(BankVersion))
        assert departments > 0 and banks > 0
        again = _deploy(POSTGRESQL)
        output = again.communicate(timeout=120)[0]
        assert again.returncode == 0, output
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Department)) == departments
            assert connection.scalar(select(func.count()).select_from(BankVersion)) == banks
    finally:
        _empty(engine)
        engine.dispose()


def test_on_sqlite_db_deploy_migrates_and_loads_the_shipped_banks(tmp_path):
    url = f"sqlite:///{tmp_path / 'deploy.sqlite'}"
    host = _deploy(url)
    output = host.communicate(timeout=120)[0]
    assert host.returncode == 0, output
    assert "Khon Kaen defaults added" in output and "loaded" in output
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version"))
    engine.dispose()
