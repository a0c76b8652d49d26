"""What several app servers on one database need: one given session key, one pseudonym key
in the database, and a clear word when a server falls back to a local SQLite file."""

from __future__ import annotations

import logging

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from assessment import MissingSetting, create_app
from assessment.demo import create_demo_event
from assessment.extensions import db
from assessment.privacy.operations import pseudonym_key
from assessment.quizzes.models import Participant
from assessment.reports.excel import pseudonym

SERVER = "postgresql+psycopg://assessment:assessment@127.0.0.1:5432/nowhere"


@pytest.fixture(autouse=True)
def _no_settings_from_the_shell(monkeypatch):
    for name in ("ASSESSMENT_SECRET_KEY", "ASSESSMENT_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_with_a_database_server_the_app_refuses_to_start_without_a_secret_key():
    with pytest.raises(MissingSetting, match="ASSESSMENT_SECRET_KEY is not set"):
        create_app({"DATABASE_URL": SERVER})
    assert create_app({"DATABASE_URL": SERVER, "SECRET_KEY": "given"}).secret_key == "given"


def test_a_server_without_a_database_url_says_it_uses_a_local_sqlite_file(caplog):
    with caplog.at_level(logging.WARNING):
        create_app({"SECRET_KEY": "given"})
    assert "ASSESSMENT_DATABASE_URL is not set" in caplog.text
    assert "assessment.sqlite" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        create_app({"SECRET_KEY": "given", "DATABASE_URL": SERVER})
    assert "SQLite" not in caplog.text


def _pseudonyms(runner, code, tmp_path, name) -> set[str]:
    path = tmp_path / name
    result = runner.invoke(args=["reports", "export", code, "-o", str(path), "--lang", "en",
                                 "--pseudonymise", "--headers", "codes"])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(path)["Participants"]
    header = [cell.value for cell in sheet[1]]
    return {row[header.index("name")] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_pseudonyms_come_from_the_databases_key_and_survive_a_new_session_key(
        app, runner, bank_version, tmp_path):
    event = create_demo_event(people=12, seed=5)
    before = _pseudonyms(runner, event.code, tmp_path, "before.xlsx")
    app.config["SECRET_KEY"] = "a-new-session-key"
    assert _pseudonyms(runner, event.code, tmp_path, "after.xlsx") == before
    key = pseudonym_key()
    assert len(key) == 64 and key != "test"
    ids = db.session.scalars(select(Participant.id).where(Participant.event_id == event.id))
    assert {pseudonym(key, person) for person in ids} >= before
