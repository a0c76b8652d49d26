"""Command-line twin of the web pages (filled in by its feature)."""

from flask import Blueprint

bp = Blueprint("paper_cli", __name__, cli_group="responses")
