"""Administrator pages for the organisation's lists (editing comes with the console)."""

from __future__ import annotations

from flask import Blueprint, render_template

from assessment.auth.access import roles_required
from assessment.organisation.lists import department_choices, level_choices

bp = Blueprint("organisation_views", __name__, url_prefix="/staff/lists")


@bp.route("/")
@roles_required("admin")
def index():
    return render_template("organisation/index.html", departments=department_choices(),
                           levels=level_choices())
