"""Who may see what: roles on staff pages, and ownership of events."""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from assessment.auth.models import User
from assessment.extensions import db, login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to open this page.")


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account of a session cookie, unless its session version was raised since (logout,
    new password) or the account was disabled: then the cookie opens nothing."""
    user_id, _dot, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()):
        return None  # a cookie from before session versions
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def roles_required(*roles: str):
    """Only logged-in staff with one of these roles (admin always) reach the view."""

    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role != "admin" and current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorate


def can_manage(user: User, event) -> bool:
    """Admins manage every event; a trainer manages the events they own."""
    return user.role == "admin" or (user.runs_events and event.owner_id == user.id)


def sees_names(user: User) -> bool:
    """HR and admins see participants by name; a trainer sees stable pseudonyms."""
    return user.role in ("admin", "hr")


def can_view_reports(user: User, event) -> bool:
    """HR and admins see every event's report; a trainer sees their own."""
    return user.role in ("admin", "hr") or can_manage(user, event)
