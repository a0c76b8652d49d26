"""An SQLite too old for INSERT ... RETURNING is refused at start, saying what is needed."""

from __future__ import annotations

import sqlite3

import pytest

from assessment import create_app


def test_an_sqlite_older_than_3_35_is_refused_with_the_version_needed(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.34.1")
    with pytest.raises(RuntimeError, match=r"SQLite 3\.34\.1 is too old: the app needs 3\.35"):
        create_app({"TESTING": True, "SECRET_KEY": "test",
                    "DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite'}"})
