"""Installation-wide commands (backup and restore) for the administrator.

SQLite is copied with its online backup API, so a backup taken while the server runs is
consistent; PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import Blueprint
from sqlalchemy.engine import URL

from assessment.extensions import db

bp = Blueprint("operations", __name__, cli_group=None)


class BackupFailed(Exception):
    """The backup or restore could not be made; the message says why in plain words."""


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%SZ")


def backup_sqlite(database: str, directory: Path) -> Path:
    """Copy the live SQLite file page by page into DIR/assessment-<time>.sqlite."""
    target = directory / f"assessment-{_stamp()}.sqlite"
    source = sqlite3.connect(database)
    try:
        with sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return target


def _libpq_args(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection flags for pg_dump/pg_restore; the password goes in the environment, not argv."""
    args = ["--dbname", url.database or ""]
    for flag, value in (("--host", url.host), ("--port", url.port), ("--username", url.username)):
        if value:
            args += [flag, str(value)]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupFailed(f"{name} is not installed; install PostgreSQL's client tools "
                           f"(Debian: apt-get install postgresql-client) and try again")
    return found


def _run_pg_tool(name: str, url: URL, *options: str) -> None:
    args, env = _libpq_args(url)
    # the program is PostgreSQL's own tool found on PATH, and argv is a list (no shell)
    done = subprocess.run([_pg_tool(name), *args, *options],  # noqa: S603
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupFailed(f"{name} failed: {done.stderr.strip()}")


def backup_postgres(url: URL, directory: Path) -> Path:
    """pg_dump -Fc into DIR/assessment-<time>.dump."""
    target = directory / f"assessment-{_stamp()}.dump"
    try:
        _run_pg_tool("pg_dump", url, "-Fc", "--no-owner", "-f", str(target))
    except BackupFailed:
        target.unlink(missing_ok=True)
        raise
    return target


def restore_sqlite(backup: Path, database: str) -> Path:
    """Replace the live SQLite database with a backup; the old one is kept beside it first."""
    _check_sqlite_backup(backup)
    kept = Path(database).with_name(f"{Path(database).stem}-before-restore-{_stamp()}.sqlite")
    backup_sqlite(database, kept.parent).rename(kept)
    db.engine.dispose()
    source = sqlite3.connect(backup)
    try:
        with sqlite3.connect(database) as live:
            source.backup(live)
        live.close()
    finally:
        source.close()
    return kept


def _check_sqlite_backup(backup: Path) -> None:
    try:
        with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as check:
            tables = {row[0] for row in check.execute("select name from sqlite_master")}
        check.close()
    except sqlite3.DatabaseError as error:
        raise BackupFailed(f"{backup} is not an SQLite backup: {error}") from error
    if "alembic_version" not in tables or "attempt" not in tables:
        raise BackupFailed(f"{backup} is an SQLite file but not a backup of this app")


def restore_postgres(backup: Path, url: URL) -> None:
    """pg_restore a custom-format dump over the database (its tables are replaced)."""
    db.engine.dispose()
    _run_pg_tool("pg_restore", url, "--clean", "--if-exists", "--no-owner",
                 "--single-transaction", str(backup))


@bp.cli.command("backup")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def backup_command(directory: Path):
    """Write a consistent copy of the database into DIRECTORY (safe while the server runs)."""
    directory.mkdir(parents=True, exist_ok=True)
    url = db.engine.url
    try:
        if url.get_backend_name() == "sqlite":
            target = backup_sqlite(url.database, directory)
        else:
            target = backup_postgres(url, directory)
    except BackupFailed as failed:
        click.echo(str(failed), err=True)
        sys.exit(1)
    click.echo(f"backup written: {target}")


@bp.cli.command("restore")
@click.argument("backup", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Really replace the current database.")
def restore_command(backup: Path, yes: bool):
    """Replace the whole database with BACKUP. Stop the server first."""
    if not yes:
        click.echo("restore replaces every event, answer and account with the backup's; stop "
                   "the server, then run this again with --yes", err=True)
        sys.exit(1)
    url = db.engine.url
    try:
        if url.get_backend_name() == "sqlite":
            kept = restore_sqlite(backup, url.database)
            click.echo(f"the database before the restore is kept in {kept}")
        else:
            restore_postgres(backup, url)
    except BackupFailed as failed:
        click.echo(str(failed), err=True)
        sys.exit(1)
    click.echo(f"restored from {backup}; start the server again")
