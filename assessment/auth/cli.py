"""`flask users ...`: create staff accounts from the command line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask import Blueprint

from assessment.auth.models import ROLES
from assessment.auth.operations import (
    AccountRefused,
    all_users,
    create_user,
    find_user,
    new_password,
    set_active,
    set_password,
)

bp = Blueprint("users", __name__, cli_group="users")


@bp.cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--generate", is_flag=True, help="generate a password and print it once")
def create_command(username, role, generate):
    """Create an account; the password is asked for, or generated with --generate."""
    password = _chosen_password(generate, "Password")
    with _refusal_exits():
        user = create_user(username, role, password)
    click.echo(f"created {user.role} account '{user.username}'")
    _show_generated(generate, password)


@bp.cli.command("password")
@click.argument("username")
@click.option("--generate", is_flag=True, help="generate a password and print it once")
def password_command(username, generate):
    """Give an account a new password; every session of the account ends."""
    user = _existing(username)
    password = _chosen_password(generate, "New password")
    with _refusal_exits():
        set_password(user, password)
    click.echo(f"new password set for '{user.username}'; its sessions have ended")
    _show_generated(generate, password)


@bp.cli.command("disable")
@click.argument("username")
def disable_command(username):
    """Disable an account: it cannot log in, and every session of it ends."""
    set_active(_existing(username), False)
    click.echo(f"'{username}' is disabled; its sessions have ended")


@bp.cli.command("enable")
@click.argument("username")
def enable_command(username):
    """Enable a disabled account again."""
    set_active(_existing(username), True)
    click.echo(f"'{username}' can log in again")


def _chosen_password(generate: bool, prompt: str) -> str:
    """A generated password, or one typed twice at the prompt."""
    return new_password() if generate else click.prompt(
        prompt, hide_input=True, confirmation_prompt=True)


def _show_generated(generate: bool, password: str) -> None:
    if generate:
        click.echo(f"password (shown only now): {password}")


@contextmanager
def _refusal_exits() -> Iterator[None]:
    """An account the operations refuse ends the command with their reason."""
    try:
        yield
    except AccountRefused as refused:
        click.echo(str(refused), err=True)
        sys.exit(1)


def _existing(username):
    user = find_user(username)
    if user is None:
        click.echo(f"no account is called '{username}'", err=True)
        sys.exit(1)
    return user


@bp.cli.command("list")
def list_command():
    """List accounts and their roles."""
    for user in all_users():
        click.echo(f"{user.username}\t{user.role}" + ("" if user.active else "\tdisabled"))
