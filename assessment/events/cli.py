"""`flask events ...`: create events, open or close their phases, give them to a trainer."""

from __future__ import annotations

import sys

import click
from flask import Blueprint, current_app

from assessment.auth.operations import find_user
from assessment.banks.operations import find_version
from assessment.events.operations import (
    EventRefused,
    all_events,
    close_phase,
    create_event,
    find_event,
    give_event,
    open_phase,
)
from assessment.web.addresses import join_url

bp = Blueprint("events", __name__, cli_group="events")


def fail(message: str) -> None:
    """Print the message on stderr and exit 1, as every command does on bad input."""
    click.echo(message, err=True)
    sys.exit(1)


def event_or_exit(code: str):
    """The event with this join code, or a plain message and exit 1."""
    return find_event(code) or fail(f"no event with code {code}")


@bp.cli.command("create")
@click.option("--bank", "bank_key", required=True, help="bank id (newest version unless --version)")
@click.option("--version", "bank_version", type=int, help="pin this bank version")
@click.option("--title", required=True)
@click.option("--date", "held_on", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--venue", default="")
@click.option("--phases", default="pre,post", show_default=True, help="pre,post[,followup]")
@click.option("--shuffle/--no-shuffle", default=False, help="shuffle the questions")
@click.option("--shuffle-options/--keep-option-order", default=True, show_default=True,
              help="each person sees the options in their own order (as on the event form)")
@click.option("--time-limit", type=int, help="minutes per attempt")
def create_command(bank_key, bank_version, title, held_on, venue, phases, shuffle,
                   shuffle_options, time_limit):
    """Create an event from a loaded bank and print its join code and URL."""
    version = find_version(bank_key, bank_version)
    if version is None:
        fail(f"no bank '{bank_key}' is loaded; run `flask banks load FILE` first")
    kinds = tuple(kind.strip() for kind in phases.split(",") if kind.strip())
    try:
        event = create_event(
            version, title, held_on.date() if held_on else None, kinds, venue=venue,
            shuffle_questions=shuffle, shuffle_options=shuffle_options,
            time_limit_minutes=time_limit,
        )
    except EventRefused as refused:
        fail(str(refused))
    click.echo(f"event created: {event.title}")
    click.echo(f"join code: {event.code}")
    click.echo(f"join URL: {join_url(current_app, event.code)}")


@bp.cli.command("open")
@click.argument("code")
@click.argument("phase", type=click.Choice(["pre", "post", "followup"]))
def open_command(code, phase):
    """Open a phase (pre, post, followup) for answers."""
    event = event_or_exit(code)
    try:
        open_phase(event, phase)
    except EventRefused as refused:
        fail(str(refused))
    click.echo(f"{event.code}: {phase} is open")


@bp.cli.command("close")
@click.argument("code")
@click.argument("phase", type=click.Choice(["pre", "post", "followup"]))
def close_command(code, phase):
    """Close a phase; attempts still open are submitted from their saved answers."""
    event = event_or_exit(code)
    try:
        close_phase(event, phase)
    except EventRefused as refused:
        fail(str(refused))
    click.echo(f"{event.code}: {phase} is closed")


@bp.cli.command("give")
@click.argument("code")
@click.argument("username")
def give_command(code, username):
    """Give an event to a trainer, who then sees and runs it on the web (the demo, say)."""
    event = event_or_exit(code)
    user = find_user(username) or fail(f"no staff account {username}; see `flask users create`")
    try:
        give_event(event, user)
    except EventRefused as refused:
        fail(str(refused))
    click.echo(f"{event.code}: now run by {user.username}")


@bp.cli.command("list")
def list_command():
    """List events with their code, date and phase states."""
    for event in all_events():
        states = " ".join(f"{p.kind}:{p.state}" for p in event.phases)
        held = event.held_on.isoformat() if event.held_on else "-"
        click.echo(f"{event.code}\t{held}\t{event.title}\t{states}")


