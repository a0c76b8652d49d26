"""`flask banks ...`: validate and load question banks from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Blueprint

from assessment.banks.operations import BankRefused, all_versions, load_bank
from assessment.banks.validation import check_bank_file

bp = Blueprint("banks", __name__, cli_group="banks")


@bp.cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True,
              help="Exit 1 on item-writing warnings too, not only on problems.")
def validate_command(files, strict):
    """Check bank files; print FILE:LINE:COLUMN: message for each problem and
    FILE:LINE:COLUMN: warning: message for each item-writing flaw (exit 1 on problems, and
    with --strict on warnings too)."""
    failed = False
    for name in files:
        result = check_bank_file(name, warnings=True)
        for problem in (*result.problems, *result.warnings):
            click.echo(str(problem), err=True)
        if result.ok:
            bank = result.bank
            click.echo(f"{name}: OK ({bank.id} v{bank.version}, {len(bank.questions)} questions"
                       f", {len(result.warnings)} warnings)")
        failed = failed or not result.ok or (strict and bool(result.warnings))
    sys.exit(1 if failed else 0)


@bp.cli.command("load")
@click.argument("file", type=click.Path(dir_okay=False))
def load_command(file):
    """Validate a bank file and store it as a version (item-writing warnings are printed, and
    do not stop the load)."""
    check = check_bank_file(file, warnings=True)
    for problem in (*check.problems, *check.warnings):
        click.echo(str(problem), err=True)
    if not check.ok:
        sys.exit(1)
    try:
        result = load_bank(Path(file).read_text(encoding="utf-8-sig"), file)
    except BankRefused as refused:
        for problem in refused.problems:
            click.echo(str(problem), err=True)
        click.echo(str(refused), err=True)
        sys.exit(1)
    version = result.version
    state = "loaded" if result.created else "unchanged, already loaded"
    click.echo(f"{version.bank_key} v{version.version}: {state}")


@bp.cli.command("list")
def list_command():
    """List stored banks and their versions."""
    for version in all_versions():
        click.echo(f"{version.bank_key}\tv{version.version}\t{len(version.questions)} questions"
                   f"\t{version.title.get('th') or version.title.get('en', '')}")
