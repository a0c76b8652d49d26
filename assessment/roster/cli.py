"""`flask roster import CODE FILE`: load an event's staff roster from CSV or Excel."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Blueprint

from assessment.events.operations import find_event
from assessment.roster.operations import check_roster_file, replace_roster
from assessment.roster.tables import UnreadableFile

bp = Blueprint("roster_cli", __name__, cli_group="roster")


@bp.cli.command("import")
@click.argument("code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_command(code, file):
    """Replace an event's roster (columns employee_id, name, department, level).

    Every problem is printed as FILE:ROW:COLUMN: message and nothing is saved.
    """
    event = find_event(code)
    if event is None:
        click.echo(f"no event with code {code}", err=True)
        sys.exit(1)
    try:
        check = check_roster_file(file, Path(file).read_bytes())
    except UnreadableFile as error:
        click.echo(f"{file}:1:-: {error}", err=True)
        sys.exit(1)
    for problem in check.problems:
        click.echo(problem.line(file), err=True)
    if not check.ok:
        click.echo(f"{file}: nothing was saved", err=True)
        sys.exit(1)
    count = replace_roster(event, check)
    click.echo(f"{event.code}: roster replaced with {count} people")
