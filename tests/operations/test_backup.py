"""`flask backup` and `flask restore`: data survives the round trip on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import make_url, select

from assessment.events.models import Event
from assessment.extensions import db
from assessment.operations_cli import BackupFailed, backup_postgres
from assessment.quizzes.models import Attempt
from tests.helpers import attempt_id_from, csrf_from, identify, make_event


def _on(app, backend: str) -> bool:
    return db.engine.url.get_backend_name() == backend


def test_sqlite_backup_and_restore_keep_the_data(app, runner, bank_version, tmp_path):
    if not _on(app, "sqlite"):
        pytest.skip("the SQLite path")
    event = make_event(bank_version)
    result = runner.invoke(args=["backup", str(tmp_path / "backups")])
    assert result.exit_code == 0, result.output
    backup = next((tmp_path / "backups").glob("assessment-*.sqlite"))
    event.title = "changed after the backup"
    db.session.commit()

    refused = runner.invoke(args=["restore", str(backup)])
    assert refused.exit_code == 1 and "--yes" in refused.output
    restored = runner.invoke(args=["restore", str(backup), "--yes"])
    assert restored.exit_code == 0, restored.output
    db.session.remove()
    assert db.session.scalars(select(Event.title)).one() == "สัมมนาทดสอบ"
    kept = list(tmp_path.glob("test-before-restore-*.sqlite"))
    assert kept, "the database before the restore is kept"


def test_restore_refuses_a_file_that_is_not_a_backup(app, runner, tmp_path):
    if not _on(app, "sqlite"):
        pytest.skip("the SQLite path")
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    result = runner.invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code == 1 and "not an SQLite backup" in result.output


@pytest.mark.postgres
def test_postgres_backup_and_restore_keep_the_data(app, client, runner, bank_version, tmp_path):
    """The data, and the database function a participant's submit calls (migration 0005)."""
    if not _on(app, "postgresql"):
        pytest.skip("needs TEST_DATABASE_URL pointing at PostgreSQL")
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    submit_url = f"/j/{event.code}/submit"
    result = runner.invoke(args=["backup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    backup = next(tmp_path.glob("assessment-*.dump"))
    assert backup.read_bytes()[:5] == b"PGDMP"
    event.title = "changed after the backup"
    db.session.commit()
    db.session.remove()
    restored = runner.invoke(args=["restore", str(backup), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert db.session.scalars(select(Event.title)).one() == "สัมมนาทดสอบ"
    db.session.remove()
    submitted = client.post(submit_url, data={"csrf_token": csrf_from(html),
                                              "attempt_id": attempt_id_from(html)})
    assert "/result" in submitted.location
    assert db.session.scalars(select(Attempt.status)).one() == "submitted"


def test_backup_without_pg_dump_says_so_plainly(app, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupFailed, match="pg_dump is not installed"):
        backup_postgres(make_url("postgresql+psycopg://u:p@127.0.0.1/x"), tmp_path)
