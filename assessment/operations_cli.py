"""Installation-wide commands (backup and restore) for the administrator."""

from flask import Blueprint

bp = Blueprint("operations", __name__, cli_group=None)
