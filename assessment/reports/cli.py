"""`flask reports ...`: the workbook and the charts from the command line."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Blueprint

from assessment.events.cli import event_or_exit
from assessment.reports.service import chart_files, event_report, workbook

bp = Blueprint("reports_cli", __name__, cli_group="reports")


@bp.cli.command("export")
@click.argument("code")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True)
@click.option("--pseudonymise", is_flag=True,
              help="the shareable export: no names or employee IDs, small groups left blank")
@click.option("--headers", type=click.Choice(["words", "codes"]), default="words",
              show_default=True, help="column headers in words, or as codes for scripts")
def export_command(code, output, lang, pseudonymise, headers):
    """Write the event's Excel workbook to FILE.xlsx."""
    built = event_report(event_or_exit(code), lang)
    Path(output).write_bytes(workbook(built, pseudonymise=pseudonymise,
                                      header_codes=headers == "codes"))
    click.echo(f"wrote {output}")


@bp.cli.command("charts")
@click.argument("code")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False))
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True)
def charts_command(code, output, lang):
    """Write every chart of the event's report as PNG and SVG into DIR."""
    built = event_report(event_or_exit(code), lang)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in ("png", "svg"):
        for name, image in chart_files(built, fmt).items():
            (folder / f"{name}.{fmt}").write_bytes(image)
    click.echo(f"wrote charts to {folder}")
