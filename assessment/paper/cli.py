"""`flask responses import CODE FILE`: store answers given on paper."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Blueprint

from assessment.events.operations import find_event
from assessment.paper.operations import check_paper_file, import_paper
from assessment.roster.tables import UnreadableFile

bp = Blueprint("paper_cli", __name__, cli_group="responses")


@bp.cli.command("import")
@click.argument("code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_command(code, file):
    """Store paper answers as submitted, scored attempts: the whole file or nothing.

    Columns: employee_id, name, department, level, phase, then one per question id.
    Every problem is printed as FILE:ROW:COLUMN: message and nothing is saved.
    """
    event = find_event(code)
    if event is None:
        click.echo(f"no event with code {code}", err=True)
        sys.exit(1)
    try:
        check = check_paper_file(event, file, Path(file).read_bytes())
    except UnreadableFile as error:
        click.echo(f"{file}:1:-: {error}", err=True)
        sys.exit(1)
    for problem in check.problems:
        click.echo(problem.line(file), err=True)
    if not check.ok:
        click.echo(f"{file}: nothing was imported", err=True)
        sys.exit(1)
    count = import_paper(event, check)
    click.echo(f"{event.code}: {count} paper attempts stored and scored")
