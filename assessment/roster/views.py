"""Staff web pages for this feature (filled in by its feature)."""

from flask import Blueprint

bp = Blueprint("roster_views", __name__)
