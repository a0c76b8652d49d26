"""`flask users ...`: create staff accounts from the command line."""

from __future__ import annotations

import sys

import click
from flask import Blueprint

from assessment.auth.models import ROLES
from assessment.auth.operations import AccountRefused, all_users, create_user, new_password

bp = Blueprint("users", __name__, cli_group="users")


@bp.cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--generate", is_flag=True, help="generate a password and print it once")
def create_command(username, role, generate):
    """Create an account; the password is asked for, or generated with --generate."""
    password = new_password() if generate else click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(username, role, password)
    except AccountRefused as refused:
        click.echo(str(refused), err=True)
        sys.exit(1)
    click.echo(f"created {user.role} account '{user.username}'")
    if generate:
        click.echo(f"password (shown only now): {password}")


@bp.cli.command("list")
def list_command():
    """List accounts and their roles."""
    for user in all_users():
        click.echo(f"{user.username}\t{user.role}")
