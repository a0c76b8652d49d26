"""`flask roster import CODE FILE`: load an event's staff roster from CSV or Excel."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Blueprint

from assessment.events.cli import event_or_exit, fail
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
    event = event_or_exit(code)
    check = checked_or_exit(file, lambda content: check_roster_file(file, content),
                            "nothing was saved")
    count = replace_roster(event, check)
    for notice in check.notices:
        click.echo(f"{notice.line(file)} (saved as it is)", err=True)
    click.echo(f"{event.code}: roster replaced with {count} people")


def checked_or_exit(file: str, check_file, nothing_done: str):
    """Read FILE and check it; print every problem as FILE:ROW:COLUMN: message and exit 1
    unless the file is clean. Shared by the roster and paper-answer imports."""
    try:
        check = check_file(Path(file).read_bytes())
    except UnreadableFile as error:
        fail(f"{file}:1:-: {error}")
    for problem in check.problems:
        click.echo(problem.line(file), err=True)
    if not check.ok:
        fail(f"{file}: {nothing_done}")
    return check
