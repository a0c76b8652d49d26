"""`flask privacy ...`: retention purge, a person's data export and erasure, the audit log."""

from __future__ import annotations

import json
import sys
from datetime import date

import click
from flask import Blueprint, current_app

from assessment.privacy import audit
from assessment.privacy import operations as ops

bp = Blueprint("privacy_cli", __name__, cli_group="privacy")


@bp.cli.command("purge")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Pretend it is this day.")
@click.option("--dry-run", is_flag=True, help="Only list the events that are due.")
def purge_command(today, dry_run):
    """Anonymise participants of events past their retention period (scores are kept)."""
    day = today.date() if today else date.today()
    default_days = current_app.config["PRIVACY_RETENTION_DAYS"]
    for event in ops.expired_events(day, default_days):
        if dry_run:
            click.echo(f"{event.code}: due since {ops.expires_on(event, default_days)}")
            continue
        changed = ops.anonymise_event(event)
        audit.record("cli", "purge", event, f"{changed} participants anonymised")
        click.echo(f"{event.code}: {changed} participants anonymised")


@bp.cli.command("export")
@click.argument("person")
@click.option("--event", "event_code", help="Only this event's join code.")
@click.option("--department", "department_code",
              help="Only people of this department code (namesakes given by name).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")
def export_command(person, event_code, department_code, output):
    """Everything stored about PERSON (employee ID or name) as JSON, across events."""
    participants, roster = _matches(person, event_code, department_code)
    if not participants and not roster:
        click.echo(f"nobody matches {person!r}", err=True)
        sys.exit(1)
    data = ops.export_person(participants, roster)
    json.dump(data, output, ensure_ascii=False, indent=2)
    output.write("\n")
    for participant in participants:
        audit.record("cli", "export", participant.event, "participant data exported")


@bp.cli.command("erase")
@click.argument("person")
@click.option("--event", "event_code", help="Only this event's join code.")
@click.option("--department", "department_code",
              help="Only people of this department code (namesakes given by name).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase_command(person, event_code, department_code, yes):
    """Delete PERSON's (employee ID or name) participant rows, attempts, answers and roster rows."""
    participants, roster = _matches(person, event_code, department_code)
    if not participants and not roster:
        click.echo(f"nobody matches {person!r}", err=True)
        sys.exit(1)
    events = sorted({p.event.code for p in participants})
    click.echo(f"{len(participants)} participant rows in events {', '.join(events) or '-'}, "
               f"{len(roster)} roster entries")
    if not yes and not click.confirm("Delete them for good?"):
        sys.exit(1)
    event_by_code = {p.event.code: p.event for p in participants}
    erased = ops.erase_person(participants, roster)
    for code in events:
        audit.record("cli", "erase", event_by_code[code], "a participant's data erased")
    click.echo(f"erased {erased.participants} participants, {erased.attempts} attempts, "
               f"{erased.answers} answers, {erased.roster_entries} roster entries")


def _matches(person, event_code, department_code):
    """The person's participant rows and roster entries; namesakes at one event stop here."""
    try:
        participants = ops.find_person(person, event_code, department_code)
    except ops.SeveralPeople as several:
        click.echo(f"{several.person!r} names more than one person at one event; nothing was "
                   "done. Give the employee ID, or --department (and --event):", err=True)
        for p in several.participants:
            click.echo(f"  {p.event.code}\tdepartment {p.department_code}\temployee ID "
                       f"{p.employee_id or '-'}", err=True)
        sys.exit(1)
    return participants, ops.roster_rows(person, event_code, department_code)


@bp.cli.command("audit")
@click.option("--event", "event_code", help="Only this event's join code.")
@click.option("--limit", default=200, show_default=True)
def audit_command(event_code, limit):
    """Who viewed or downloaded which report, and what privacy commands did, newest first."""
    for entry in audit.entries(event_code, limit):
        click.echo(f"{entry.at:%Y-%m-%d %H:%M:%S}\t{entry.username}\t{entry.action}\t"
                   f"{entry.event_code or '-'}\t{entry.detail}")
