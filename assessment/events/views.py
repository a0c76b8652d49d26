"""Trainer and HR console: the list of events (more pages come with the console)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from assessment.auth.access import can_view_reports, roles_required
from assessment.events.operations import all_events

bp = Blueprint("events_views", __name__, url_prefix="/staff")


@bp.route("/")
@roles_required("trainer", "hr")
def home():
    events = [e for e in all_events() if can_view_reports(current_user, e)]
    return render_template("events/home.html", events=events)
