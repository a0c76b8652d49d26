"""Command-line twin of the web pages (filled in by its feature)."""

from flask import Blueprint

bp = Blueprint("privacy_cli", __name__, cli_group="privacy")
