"""`flask responses import CODE FILE`: store answers given on paper."""

from __future__ import annotations

import click
from flask import Blueprint

from assessment.events.cli import event_or_exit
from assessment.paper.operations import check_paper_file, ids_kept, import_paper
from assessment.roster.cli import checked_or_exit

bp = Blueprint("paper_cli", __name__, cli_group="responses")


@bp.cli.command("import")
@click.argument("code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_command(code, file):
    """Store paper answers as submitted, scored attempts: the whole file or nothing.

    Columns: employee_id, name, department, level, phase, then one per question id.
    Every problem is printed as FILE:ROW:COLUMN: message and nothing is saved.
    """
    event = event_or_exit(code)
    check = checked_or_exit(file, lambda content: check_paper_file(event, file, content),
                            "nothing was imported")
    with_ids = ids_kept(check)
    count = import_paper(event, check)
    click.echo(f"{event.code}: {count} paper attempts stored and scored")
    if with_ids:
        click.echo(f"{with_ids} of them gave an employee ID: kept, and used to pair pre and post")
