"""Trainer pages for question banks (the list; upload and preview come with the console)."""

from __future__ import annotations

from flask import Blueprint, render_template

from assessment.auth.access import roles_required
from assessment.banks.operations import all_versions

bp = Blueprint("banks_views", __name__, url_prefix="/staff/banks")


@bp.route("/")
@roles_required("trainer")
def index():
    return render_template("banks/index.html", versions=all_versions())
