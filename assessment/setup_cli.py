"""`flask setup` and `flask demo`: what `make run` does before serving."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask import Flask, current_app
from flask_migrate import upgrade
from sqlalchemy import select, text

from assessment.auth.operations import ensure_first_admin
from assessment.banks.operations import BankRefused, load_bank
from assessment.demo import create_demo_event
from assessment.events.models import Event
from assessment.extensions import db
from assessment.organisation.lists import seed_defaults
from assessment.web.addresses import base_url, join_url

SHIPPED_BANKS = Path(__file__).resolve().parent.parent / "question_banks"
#: PostgreSQL advisory lock held by `flask db-deploy` (any fixed number, the same on every host)
DEPLOY_LOCK = 23_000_001


def load_shipped_banks() -> list[str]:
    """Load every bank in question_banks/ (unchanged ones are skipped); returns what happened."""
    lines = []
    for path in sorted(SHIPPED_BANKS.glob("*.yaml")):
        try:
            result = load_bank(path.read_text(encoding="utf-8-sig"), str(path.name))
        except BankRefused as refused:
            lines.extend(str(p) for p in refused.problems)
            lines.append(str(refused))
            continue
        state = "loaded" if result.created else "already loaded"
        lines.append(f"bank {result.version.bank_key} v{result.version.version}: {state}")
    return lines


def _demo_event() -> Event | None:
    return db.session.scalars(select(Event).where(Event.is_demo).order_by(Event.id)).first()


#: the phases' names in the command line's English
PHASE_NAMES = {"pre": "pre-test", "post": "post-test", "followup": "follow-up test"}


def _print_join(event: Event) -> None:
    """What a newcomer needs to try the demo: what is open, where to join, where staff log in."""
    server = base_url(current_app)
    click.echo(f"demo event: {event.title}")
    opened = event.open_phase
    click.echo(f"open now: {PHASE_NAMES[opened.kind]}" if opened else "open now: no test")
    click.echo(f"join code: {event.code}")
    click.echo(f"join URL: {join_url(current_app, event.code)}")
    click.echo(f"phones on the same network open: {server}")
    click.echo(f"staff log in at {server}/staff/login as 'admin' (its password is printed "
               "once, when the account is created)")
    click.echo("event page (open the post-test, see who is still answering, the report): "
               f"{server}/staff/events/{event.code}")


@contextmanager
def one_deploy_at_a_time() -> Iterator[None]:
    """On PostgreSQL, hold an advisory lock so that a second host deploying at the same
    moment waits, then finds the database up to date; SQLite serves one host only."""
    if db.engine.dialect.name != "postgresql":
        yield
        return
    with db.engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": DEPLOY_LOCK})
        try:
            yield
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": DEPLOY_LOCK})


def deploy() -> list[str]:
    """Migrate, seed empty lists and load the shipped banks, one host at a time."""
    with one_deploy_at_a_time():
        upgrade(directory=current_app.extensions["migrate"].directory)
        lines = ["organisation lists: Khon Kaen defaults added"] if seed_defaults() else []
        return lines + load_shipped_banks()


def register_setup_commands(app: Flask) -> None:
    """Attach `flask setup`, `flask db-deploy` and `flask demo` to the app."""

    @app.cli.command("db-deploy")
    def deploy_command():
        """Upgrade the database and load the shipped banks, once per release: run it before
        starting the app servers (safe when several hosts run it at the same moment)."""
        for line in deploy():
            click.echo(line)

    @app.cli.command("setup")
    def setup_command():
        """Bring the database up to date, seed the lists, load shipped banks, ensure a demo."""
        for line in deploy():
            click.echo(line)
        password = ensure_first_admin()
        if password:
            click.echo(f"administrator account created: user name 'admin', password {password}"
                       " (shown only now; log in at /staff/login)")
        event = _demo_event() or create_demo_event()
        _print_join(event)

    @app.cli.command("demo")
    @click.option("--people", default=50, show_default=True, help="simulated participants")
    @click.option("--seed", default=None, type=int, help="random seed, for the same data again")
    def demo_command(people, seed):
        """Create a demo event with simulated participants and print its join code."""
        seed_defaults()
        load_shipped_banks()
        try:
            event = create_demo_event(people=people, seed=seed)
        except LookupError as missing:
            click.echo(str(missing), err=True)
            sys.exit(1)
        _print_join(event)
