"""Finding the event a staff page is about, and refusing staff who may not change it."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from assessment.auth.access import can_manage
from assessment.events.models import Event
from assessment.events.operations import find_event


def event_or_404(code: str) -> Event:
    """The event with this join code, or a 404 page."""
    event = find_event(code)
    if event is None:
        abort(404)
    return event


def managed_event(code: str) -> Event:
    """The event, if the logged-in trainer owns it or is an admin; 403 otherwise."""
    event = event_or_404(code)
    if not can_manage(current_user, event):
        abort(403)
    return event


def can_see_roster(user, event: Event) -> bool:
    """Whoever manages the event, and HR, who keeps the staff lists, may see its roster."""
    return user.role == "hr" or can_manage(user, event)


def can_load_roster(user, event: Event) -> bool:
    """Whoever manages the event may load or replace its roster. HR, who keeps the staff
    lists, may give an event its first roster; replacing one changes who can join, and
    changing an event is its trainer's (or an admin's)."""
    from assessment.quizzes.operations import has_roster

    return can_manage(user, event) or (user.role == "hr" and not has_roster(event))
